import type { AdfDoc, AdfNode } from './types';
import { escapeHtml, isRecord } from './util';

/** A one-paragraph ADF document per line of `text` (empty text → empty document). */
export function adfFromText(text: string): AdfDoc {
  const paragraphs = text.split(/\n{2,}/);
  return {
    type: 'doc',
    version: 1,
    content: paragraphs
      .filter((p) => p.length > 0)
      .map((p) => {
        const lines = p.split('\n');
        const content: AdfNode[] = [];
        lines.forEach((line, i) => {
          if (i > 0) content.push({ type: 'hardBreak' });
          if (line.length > 0) content.push({ type: 'text', text: line });
        });
        return { type: 'paragraph', content };
      }),
  };
}

/** Why `value` is not an ADF document, or null when it is one. */
export function adfProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'not an object';
  if (value.type !== 'doc') return "root node type must be 'doc'";
  if (value.version !== 1) return 'version must be 1';
  if (!Array.isArray(value.content)) return 'content must be an array';
  const check = (node: unknown, path: string): string | null => {
    if (!isRecord(node)) return `${path} is not a node`;
    if (typeof node.type !== 'string' || node.type.length === 0) return `${path}.type must be a string`;
    if (node.type === 'text' && (typeof node.text !== 'string' || node.text.length === 0))
      return `${path}.text must be a non-empty string`;
    if (node.content !== undefined) {
      if (!Array.isArray(node.content)) return `${path}.content must be an array`;
      for (let i = 0; i < node.content.length; i++) {
        const p = check(node.content[i], `${path}.content[${i}]`);
        if (p) return p;
      }
    }
    return null;
  };
  for (let i = 0; i < value.content.length; i++) {
    const p = check(value.content[i], `content[${i}]`);
    if (p) return p;
  }
  return null;
}

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'codeBlock',
  'panel',
  'listItem',
  'bulletList',
  'orderedList',
  'table',
  'tableRow',
  'tableCell',
  'tableHeader',
  'rule',
  'mediaSingle',
  'expand',
]);

/**
 * Plain text of an ADF document: text nodes concatenated, hard breaks as `\n`, blocks separated by
 * a blank line. The emulator records descriptions in the changelog in this form (Jira records the
 * wiki-markup rendering, which for plain paragraphs is the same text).
 */
export function adfToText(doc: AdfDoc | null | undefined): string {
  if (!doc) return '';
  const blocks: string[] = [];
  const inline = (node: AdfNode): string => {
    if (node.type === 'text') return node.text ?? '';
    if (node.type === 'hardBreak') return '\n';
    if (node.type === 'mention') return String((node.attrs?.text as string | undefined) ?? '');
    if (node.type === 'emoji') return String((node.attrs?.text as string | undefined) ?? (node.attrs?.shortName as string | undefined) ?? '');
    if (node.type === 'inlineCard') return String((node.attrs?.url as string | undefined) ?? '');
    return (node.content ?? []).map(inline).join('');
  };
  const walk = (nodes: AdfNode[]): void => {
    for (const node of nodes) {
      if (node.content && node.content.some((c) => BLOCKS.has(c.type))) walk(node.content);
      else if (BLOCKS.has(node.type) || node.type === 'text' || node.content) blocks.push(inline(node));
    }
  };
  walk(doc.content);
  return blocks.filter((b) => b.length > 0).join('\n\n');
}

/** A simple HTML rendering (for `renderedFields` and `renderedBody`). */
export function adfToHtml(doc: AdfDoc | null | undefined): string {
  if (!doc) return '';
  const render = (node: AdfNode): string => {
    const inner = (node.content ?? []).map(render).join('');
    switch (node.type) {
      case 'text': {
        let t = escapeHtml(node.text ?? '');
        for (const m of node.marks ?? []) {
          if (m.type === 'strong') t = `<b>${t}</b>`;
          else if (m.type === 'em') t = `<em>${t}</em>`;
          else if (m.type === 'code') t = `<tt>${t}</tt>`;
        }
        return t;
      }
      case 'hardBreak':
        return '<br/>';
      case 'paragraph':
        return `<p>${inner}</p>`;
      case 'heading': {
        const level = typeof node.attrs?.level === 'number' ? node.attrs.level : 1;
        return `<h${level}>${inner}</h${level}>`;
      }
      case 'bulletList':
        return `<ul>${inner}</ul>`;
      case 'orderedList':
        return `<ol>${inner}</ol>`;
      case 'listItem':
        return `<li>${inner}</li>`;
      case 'codeBlock':
        return `<pre>${inner}</pre>`;
      case 'blockquote':
        return `<blockquote>${inner}</blockquote>`;
      default:
        return inner;
    }
  };
  return doc.content.map(render).join('\n');
}

/** RFC 6901 JSON pointer lookup. */
export function resolvePointer(root: unknown, pointer: string): { parent: unknown; key: string; value: unknown } | null {
  if (pointer === '' || !pointer.startsWith('/')) return null;
  const parts = pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let parent: unknown = undefined;
  let cur: unknown = root;
  let key = '';
  for (const part of parts) {
    parent = cur;
    key = part;
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(part)) return null;
      cur = cur[Number(part)];
    } else if (isRecord(cur)) {
      cur = Object.prototype.hasOwnProperty.call(cur, part) ? cur[part] : undefined;
    } else return null;
    if (cur === undefined) return null;
  }
  return { parent, key, value: cur };
}
