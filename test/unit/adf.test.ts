import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import {
  MAX_ADF_DEPTH,
  adfToScanText,
  buildRedactRequest,
  expectedTextHash,
  mapFindingsToAdf,
  parseAdf,
  parseRedactionJobStatus,
  redactAdf,
  redactAdfWith,
  type AdfDoc,
  type AdfMark,
  type AdfNode,
} from '../../src/phi/adf';
import { withoutMaskOverlaps, type DetectFn } from '../../src/phi/redact';
import type { Finding, PhiType } from '../../src/phi/types';

// ----------------------------------------------------------------------------------------------
// helpers

const f = (type: PhiType, start: number, end: number, score = 0.9, rule = 'test'): Finding => ({ type, start, end, score, rule });
const text = (t: string, marks?: AdfMark[]): AdfNode => (marks ? { type: 'text', text: t, marks } : { type: 'text', text: t });
const para = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });
const doc = (...content: AdfNode[]): AdfDoc => ({ type: 'doc', version: 1, content });
const bold: AdfMark[] = [{ type: 'strong' }];
const link = (href: string): AdfMark[] => [{ type: 'link', attrs: { href } }];

/** Findings for every occurrence of each value in the doc's scan text. */
function findIn(d: AdfDoc, values: Array<[string, PhiType]>): Finding[] {
  const s = adfToScanText(d).text;
  const out: Finding[] = [];
  for (const [v, type] of values) {
    let i = s.indexOf(v);
    if (i < 0) throw new Error(`${JSON.stringify(v)} not in scan text ${JSON.stringify(s)}`);
    for (; i >= 0; i = s.indexOf(v, i + 1)) out.push(f(type, i, i + v.length));
  }
  return out;
}

/** A fake detector: every occurrence of each secret. */
function secretsDetector(secrets: readonly string[]): DetectFn {
  return (t) => {
    const out: Finding[] = [];
    for (const s of secrets) {
      if (s.length === 0) continue;
      for (let i = t.indexOf(s); i >= 0; i = t.indexOf(s, i + 1)) out.push(f('OTHER_ID', i, i + s.length));
    }
    return out;
  };
}

function getAt(root: unknown, pointer: string): unknown {
  let cur: unknown = root;
  for (const tok of pointer.split('/').slice(1)) {
    cur = (cur as Record<string, unknown>)[tok.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

/** Every text node's text, in document order. */
function textNodes(d: unknown): string[] {
  const out: string[] = [];
  const stack: unknown[] = [d];
  while (stack.length) {
    const n = stack.pop() as AdfNode;
    if (n.type === 'text') out.push(n.text!);
    if (n.content) for (let i = n.content.length - 1; i >= 0; i--) stack.push(n.content[i]);
  }
  return out;
}

function nest(depth: number): AdfDoc {
  let node: AdfNode = para(text('deep'));
  for (let i = 0; i < depth; i++) node = { type: 'blockquote', content: [node] };
  return doc(node);
}

const sha256hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

// ----------------------------------------------------------------------------------------------

describe('parseAdf', () => {
  it('accepts a document', () => {
    const d = doc(para(text('hi', bold)), { type: 'rule' });
    expect(parseAdf(d)).toEqual({ ok: true, doc: d });
  });

  it.each<[string, unknown, RegExp]>([
    ['null', null, /must be an object \(got null\)/],
    ['a number', 42, /must be an object \(got number\)/],
    ['a string', '{"type":"doc"}', /must be an object \(got string\)/],
    ['an array', [], /must be an object \(got array\)/],
    ['a paragraph root', { type: 'paragraph', content: [] }, /root node type must be "doc"/],
    ['a doc without content', { type: 'doc', version: 1 }, /root "content" must be an array/],
    ['content that is not an array', { type: 'doc', content: { 0: {} } }, /root "content" must be an array/],
    ['a node that is not an object', doc(para(), 7 as unknown as AdfNode), /node at \/content\/1 is not an object/],
    ['a node without type', doc({ content: [] } as unknown as AdfNode), /\/content\/0 has no string "type"/],
    ['a text node with a number', doc(para({ type: 'text', text: 5 } as unknown as AdfNode)), /text node at \/content\/0\/content\/0 has a non-string "text"/],
    ['a text node without text', doc(para({ type: 'text' })), /non-string "text"/],
    ['marks that are not an array', doc(para({ type: 'text', text: 'x', marks: {} } as unknown as AdfNode)), /"marks" .* is not an array/],
    ['a mark without type', doc(para({ type: 'text', text: 'x', marks: [{}] } as unknown as AdfNode)), /mark 0 .* has no string "type"/],
    ['attrs that are not an object', doc({ type: 'heading', attrs: [1], content: [] } as unknown as AdfNode), /"attrs" .* is not an object/],
    ['nested content that is not an array', doc({ type: 'paragraph', content: 'x' } as unknown as AdfNode), /"content" of ADF node at \/content\/0 is not an array/],
    ['a nested doc', doc({ type: 'doc', content: [] }), /"doc" is only valid as the root/],
    ['a function in attrs', doc({ type: 'panel', attrs: { f: () => 1 }, content: [] }), /attrs\/f is not JSON data/],
  ])('rejects %s', (_name, value, error) => {
    const r = parseAdf(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });

  it('rejects cycles in the node tree and in attributes', () => {
    const p = para(text('x'));
    p.content!.push(p);
    const r1 = parseAdf(doc(p));
    expect(r1).toEqual({ ok: false, error: expect.stringMatching(/\/content\/0\/content\/1 contains itself \(cycle\)/) });
    const attrs: Record<string, unknown> = { a: 1 };
    attrs.self = attrs;
    const r2 = parseAdf(doc({ type: 'panel', attrs, content: [] }));
    expect(r2).toEqual({ ok: false, error: expect.stringMatching(/attrs\/self refers back to itself \(cycle\)/) });
  });

  it('accepts shared (non-cyclic) nodes and marks', () => {
    const shared = text('same', bold);
    expect(parseAdf(doc(para(shared, shared), para(shared))).ok).toBe(true);
  });

  it(`accepts nesting up to ${MAX_ADF_DEPTH} levels and rejects deeper nesting with a clear error`, () => {
    // doc (1) + 97 blockquotes + paragraph + text = 100 levels
    expect(parseAdf(nest(MAX_ADF_DEPTH - 3)).ok).toBe(true);
    const r = parseAdf(nest(MAX_ADF_DEPTH - 2));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/deeper than 100 levels/);
    expect(parseAdf(nest(10), { maxDepth: 5 }).ok).toBe(false);
  });

  it('10,000-deep nesting: a clear error, no crash', () => {
    const d = nest(10_000);
    const r = parseAdf(d);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(/^ADF nesting is deeper than 100 levels \(at \/content\/0\/content\/0/);
      expect(r.error.length).toBeLessThan(300);
    }
    // the other entry points fail with an Error, never a RangeError from recursion
    for (const run of [() => adfToScanText(d), () => redactAdf(d, [f('NAME', 0, 4)]), () => buildRedactRequest({ issueId: '1', description: { doc: d, findings: [] } })]) {
      let err: unknown;
      try {
        run();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(Error);
      expect(err).not.toBeInstanceOf(RangeError);
      expect((err as Error).message).toMatch(/deeper than 100 levels/);
    }
  });

  it('10,000-deep attribute values: a clear error, no crash', () => {
    let v: unknown = 'x';
    for (let i = 0; i < 10_000; i++) v = { v };
    const r = parseAdf(doc({ type: 'extension', attrs: { parameters: v } }));
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/nests deeper than 64 levels/) });
  });
});

describe('adfToScanText', () => {
  it('joins adjacent inline text nodes with different marks without a separator', () => {
    const d = doc(para(text('Pt '), text('Jo', bold), text('hn Smith'), text(' called', [{ type: 'em' }])));
    const scan = adfToScanText(d);
    expect(scan.text).toBe('Pt John Smith called');
    expect(scan.segments).toEqual([
      { pointer: '/content/0/content/0', adfPointer: '/content/0/content/0/text', start: 0, end: 3, kind: 'text' },
      { pointer: '/content/0/content/1', adfPointer: '/content/0/content/1/text', start: 3, end: 5, kind: 'text' },
      { pointer: '/content/0/content/2', adfPointer: '/content/0/content/2/text', start: 5, end: 13, kind: 'text' },
      { pointer: '/content/0/content/3', adfPointer: '/content/0/content/3/text', start: 13, end: 20, kind: 'text' },
    ]);
  });

  it('separates blocks with one "\\n": paragraphs, headings, list items, table cells, code blocks, panels, blockquotes', () => {
    const d = doc(
      { type: 'heading', attrs: { level: 2 }, content: [text('John')] },
      para(text('Smith')),
      { type: 'bulletList', content: [{ type: 'listItem', content: [para(text('one'))] }, { type: 'listItem', content: [para(text('two'))] }] },
      {
        type: 'table',
        content: [{ type: 'tableRow', content: [{ type: 'tableHeader', content: [para(text('Name'))] }, { type: 'tableCell', content: [para(text('Mary'))] }] }],
      },
      { type: 'codeBlock', attrs: { language: 'sql' }, content: [text('select 1;\nselect 2;')] },
      { type: 'panel', attrs: { panelType: 'info' }, content: [para(text('panel'))] },
      { type: 'blockquote', content: [para(text('quote'))] },
      { type: 'rule' },
      para(),
      para(text('end')),
    );
    expect(adfToScanText(d).text).toBe('John\nSmith\none\ntwo\nName\nMary\nselect 1;\nselect 2;\npanel\nquote\nend');
  });

  it('hardBreak is "\\n"; emoji and date contribute nothing', () => {
    const d = doc(
      para(text('line1'), { type: 'hardBreak' }, text('line2'), { type: 'emoji', attrs: { shortName: ':smile:', text: '😄' } }, { type: 'date', attrs: { timestamp: '1700000000000' } }, text('!')),
    );
    const scan = adfToScanText(d);
    expect(scan.text).toBe('line1\nline2!');
    expect(scan.segments.map((s) => s.pointer)).toEqual(['/content/0/content/0', '/content/0/content/2', '/content/0/content/5']);
  });

  it('scans mention, status and inlineCard attributes inline, link hrefs after the block, expand titles first', () => {
    const d = doc(
      para(
        text('Ask '),
        { type: 'mention', attrs: { id: '5b10ac8d82e05b22cc7d4ef5', text: '@John Smith', accessLevel: '' } },
        text(' about '),
        { type: 'status', attrs: { text: 'MRN 00482913', color: 'red' } },
        text(' chart', link('https://ehr.example.org/patients/8812')),
        { type: 'inlineCard', attrs: { url: 'https://ehr.example.org/p/Mary-Jones' } },
      ),
      { type: 'expand', attrs: { title: 'Patient Jane Roe' }, content: [para(text('inside'))] },
      { type: 'mediaSingle', content: [{ type: 'media', attrs: { id: 'x', type: 'file', collection: 'c', alt: 'scan.png' } }] },
    );
    const scan = adfToScanText(d);
    expect(scan.text).toBe(
      'Ask @John Smith about MRN 00482913 chart' +
        'https://ehr.example.org/p/Mary-Jones\n' +
        'https://ehr.example.org/patients/8812\n' +
        'Patient Jane Roe\ninside',
    );
    const attrs = scan.segments.filter((s) => s.kind === 'attr');
    expect(attrs.map((s) => s.pointer)).toEqual([
      '/content/0/content/1/attrs/text',
      '/content/0/content/3/attrs/text',
      '/content/0/content/5/attrs/url',
      '/content/0/content/4/marks/0/attrs/href',
      '/content/1/attrs/title',
    ]);
    for (const s of attrs) expect(s.adfPointer).toBe(s.pointer);
    for (const s of scan.segments) expect(scan.text.slice(s.start, s.end)).toBe(getAt(d, s.adfPointer));
  });

  it('escapes pointer tokens (RFC 6901)', () => {
    const d = doc({ type: 'status', attrs: { 'a/b~c': 'x' } } as AdfNode, para({ type: 'status', attrs: { text: 'ok' } }));
    expect(adfToScanText(d).segments[0]!.pointer).toBe('/content/1/content/0/attrs/text');
  });

  it('an empty document scans as empty text', () => {
    expect(adfToScanText(doc())).toEqual({ text: '', segments: [] });
  });
});

describe('mapFindingsToAdf', () => {
  const d = doc(para(text('Pt '), text('Jo', bold), text('hn Smith called')), para(text('DOB 03/14/1962')));
  const scan = adfToScanText(d);

  it('splits a finding spanning two text nodes into two pieces', () => {
    const [m] = mapFindingsToAdf(scan, findIn(d, [['John Smith', 'NAME']]));
    expect(m!.pieces).toEqual([
      { adfPointer: '/content/0/content/1/text', pointer: '/content/0/content/1', kind: 'text', from: 0, to: 2 },
      { adfPointer: '/content/0/content/2/text', pointer: '/content/0/content/2', kind: 'text', from: 0, to: 8 },
    ]);
  });

  it('skips separator characters that belong to no node', () => {
    const s = scan.text;
    const nl = s.indexOf('\n');
    const [across, onlySep] = mapFindingsToAdf(scan, [f('OTHER_ID', nl - 6, nl + 4), f('OTHER_ID', nl, nl + 1)]);
    expect(across!.pieces).toEqual([
      { adfPointer: '/content/0/content/2/text', pointer: '/content/0/content/2', kind: 'text', from: 9, to: 15 },
      { adfPointer: '/content/1/content/0/text', pointer: '/content/1/content/0', kind: 'text', from: 0, to: 3 },
    ]);
    expect(onlySep!.pieces).toEqual([]);
  });

  it('clamps out-of-bounds findings and ignores inverted ones', () => {
    const res = mapFindingsToAdf(scan, [f('NAME', -10, 2), f('NAME', 5, 2), f('NAME', scan.text.length - 4, scan.text.length + 50)]);
    expect(res.map((r) => r.pieces.map((p) => [p.adfPointer, p.from, p.to]))).toEqual([
      [['/content/0/content/0/text', 0, 2]],
      [],
      [['/content/1/content/0/text', 10, 14]],
    ]);
  });

  it('widens a finding that would split a surrogate pair', () => {
    const d2 = doc(para(text('😀John🎉')));
    const [m] = mapFindingsToAdf(adfToScanText(d2), [f('NAME', 1, 7)]);
    expect(m!.pieces).toEqual([{ adfPointer: '/content/0/content/0/text', pointer: '/content/0/content/0', kind: 'text', from: 0, to: 8 }]);
  });
});

describe('redactAdf', () => {
  it('PHI spanning bold + plain: mask in the first piece, characters removed from the rest, marks kept', () => {
    const d = doc(para(text('Pt '), text('Jo', bold), text('hn Smith called')));
    const before = JSON.stringify(d);
    const out = redactAdf(d, findIn(d, [['John Smith', 'NAME']]));
    expect(out).toEqual(doc(para(text('Pt '), text('[PHI:NAME]', bold), text(' called'))));
    expect(JSON.stringify(d)).toBe(before);
  });

  it('removes a text node that the redaction empties', () => {
    const d = doc(para(text('Pt '), text('John', bold), text(' '), text('Smith', [{ type: 'em' }]), text(' ok')));
    const out = redactAdf(d, findIn(d, [['John Smith', 'NAME']]));
    expect(out).toEqual(doc(para(text('Pt '), text('[PHI:NAME]', bold), text(' ok'))));
  });

  it('redacts PHI in a link href (and its visible text)', () => {
    const d = doc(para(text('see '), text('maria.garcia62@gmail.com', link('mailto:maria.garcia62@gmail.com')), text(' today')));
    const out = redactAdf(d, findIn(d, [['maria.garcia62@gmail.com', 'EMAIL']]));
    expect(out).toEqual(doc(para(text('see '), text('[PHI:EMAIL]', link('mailto:[PHI:EMAIL]')), text(' today'))));
  });

  it('redacts a patient id in a link href whose text is harmless', () => {
    const d = doc(para(text('chart', link('https://ehr.example.org/patients/8812/chart'))));
    const out = redactAdf(d, findIn(d, [['https://ehr.example.org/patients/8812/chart', 'URL']]));
    expect(out.content[0]!.content![0]).toEqual(text('chart', link('[PHI:URL]')));
  });

  it('redacts PHI in a mention, keeping its id', () => {
    const d = doc(para(text('cc '), { type: 'mention', attrs: { id: 'acc-1', text: '@John Smith' } }, text(' pls')));
    const out = redactAdf(d, findIn(d, [['John Smith', 'NAME']]));
    expect(out.content[0]!.content![1]).toEqual({ type: 'mention', attrs: { id: 'acc-1', text: '@[PHI:NAME]' } });
  });

  it('a finding that runs from text into a mention masks both (attribute pieces always get their own mask)', () => {
    const d = doc(para(text('Dr. '), { type: 'mention', attrs: { id: 'a', text: '@Jane Roe' } }));
    const out = redactAdf(d, [f('NAME', 0, adfToScanText(d).text.length)]);
    expect(out).toEqual(doc(para(text('[PHI:NAME]'), { type: 'mention', attrs: { id: 'a', text: '[PHI:NAME]' } })));
  });

  it('redacts in code blocks, table cells, panels, list items, headings and blockquotes', () => {
    const d = doc(
      { type: 'heading', attrs: { level: 1 }, content: [text('Re: John Smith')] },
      { type: 'codeBlock', attrs: { language: 'hl7' }, content: [text('PID|1||00482913||SMITH^JOHN\nPV1|1')] },
      { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 1 }, content: [para(text('SSN 123-45-6789'))] }] }] },
      { type: 'panel', attrs: { panelType: 'warning' }, content: [para(text('call (217) 555-0143'))] },
      { type: 'orderedList', attrs: { order: 1 }, content: [{ type: 'listItem', content: [para(text('DOB 03/14/1962', bold))] }] },
      { type: 'blockquote', content: [para(text('from maria.garcia62@gmail.com'))] },
    );
    const out = redactAdf(
      d,
      findIn(d, [
        ['John Smith', 'NAME'],
        ['00482913', 'MRN'],
        ['SMITH^JOHN', 'NAME'],
        ['123-45-6789', 'SSN'],
        ['(217) 555-0143', 'PHONE'],
        ['03/14/1962', 'DATE'],
        ['maria.garcia62@gmail.com', 'EMAIL'],
      ]),
    );
    expect(textNodes(out)).toEqual([
      'Re: [PHI:NAME]',
      'PID|1||[PHI:MRN]||[PHI:NAME]\nPV1|1',
      'SSN [PHI:SSN]',
      'call [PHI:PHONE]',
      'DOB [PHI:DATE]',
      'from [PHI:EMAIL]',
    ]);
    // structure, attrs and marks are intact
    const strip = (v: unknown) => JSON.stringify(v, (k, val) => (k === 'text' && typeof val === 'string' ? '' : val));
    expect(strip(out)).toBe(strip(d));
  });

  it('redacts status text, inlineCard URLs and expand titles', () => {
    const d = doc(
      para({ type: 'status', attrs: { text: 'MRN 00482913', color: 'red' } }, text(' '), { type: 'inlineCard', attrs: { url: 'https://ehr.example.org/p/00482913' } }),
      { type: 'expand', attrs: { title: 'MRN 00482913' }, content: [para(text('x'))] },
    );
    const out = redactAdf(d, findIn(d, [['00482913', 'MRN']]));
    expect(out.content[0]!.content![0]!.attrs).toEqual({ text: 'MRN [PHI:MRN]', color: 'red' });
    expect(out.content[0]!.content![2]!.attrs).toEqual({ url: 'https://ehr.example.org/p/[PHI:MRN]' });
    expect(out.content[1]!.attrs).toEqual({ title: 'MRN [PHI:MRN]' });
  });

  it('a finding across a hard break and across blocks: mask in the first node, rest removed, breaks kept', () => {
    const d = doc(para(text('John'), { type: 'hardBreak' }, text('Smith jr')), para(text('Oak Ave')), para(text('Springfield IL')));
    const s = adfToScanText(d).text;
    const out = redactAdf(d, [f('NAME', 0, s.indexOf(' jr')), f('ADDRESS', s.indexOf('Oak'), s.indexOf(' IL'))]);
    expect(out).toEqual(doc(para(text('[PHI:NAME]'), { type: 'hardBreak' }, text(' jr')), para(text('[PHI:ADDRESS]')), para(text(' IL'))));
  });

  it('keepLast4 and custom masks apply as in redactText', () => {
    const d = doc(para(text('SSN 123-45-', bold), text('6789 ok')));
    expect(textNodes(redactAdf(d, findIn(d, [['123-45-6789', 'SSN']]), { keepLast4: ['SSN'] }))).toEqual(['SSN [PHI:SSN]6789', ' ok']);
    expect(textNodes(redactAdf(d, findIn(d, [['123-45-6789', 'SSN']]), { mask: () => '█' }))).toEqual(['SSN █', ' ok']);
  });

  it('keeps emoji and surrogate pairs around findings intact', () => {
    const d = doc(para(text('😀John'), text('🎉 Smith👩‍⚕️', bold)));
    const s = adfToScanText(d).text;
    // the finding starts and ends in the middle of surrogate pairs: it is widened, never splits one
    const out = redactAdf(d, [f('NAME', 1, s.indexOf('👩') + 1)]);
    expect(textNodes(out)).toEqual(['[PHI:NAME]', '\u200d⚕️']);
    const out2 = redactAdf(d, findIn(d, [['John', 'NAME']]));
    expect(textNodes(out2)).toEqual(['😀[PHI:NAME]', '🎉 Smith👩‍⚕️']);
  });

  it('ignores invalid findings and returns an equal copy', () => {
    const d = doc(para(text('hello')));
    const out = redactAdf(d, [f('NAME', 9, 3), f('NAME', 100, 200), f('NAME', Number.NaN, 2)]);
    expect(out).toEqual(d);
    expect(out).not.toBe(d);
    expect(out.content[0]).not.toBe(d.content[0]);
  });

  it('throws a clear Error on invalid ADF', () => {
    expect(() => redactAdf({ type: 'paragraph' } as unknown as AdfDoc, [])).toThrow(/redactAdf: invalid ADF: ADF root node type must be "doc"/);
  });

  it('a 1 MB text node: scans, redacts and builds a request quickly', () => {
    const unit = 'Pt John Smith SSN 123-45-6789. ';
    const big = unit.repeat(Math.ceil(1_048_576 / unit.length)).slice(0, 1_048_576);
    const d = doc(para(text('head ', bold), text(big)), para(text('tail')));
    const t0 = Date.now();
    const scan = adfToScanText(d);
    expect(scan.text.length).toBe(5 + 1_048_576 + 1 + 4);
    const findings = findIn(d, [['123-45-6789', 'SSN']]);
    const out = redactAdf(d, findings);
    const req = buildRedactRequest({ issueId: '1', description: { doc: d, findings }, newId: () => '00000000-0000-4000-8000-000000000000' });
    expect(Date.now() - t0).toBeLessThan(5000);
    const redacted = out.content[0]!.content![1]!.text!;
    expect(redacted.includes('123-45-6789')).toBe(false);
    expect(redacted.split('[PHI:SSN]').length - 1).toBe(findings.length);
    expect(req.body.redactions.length).toBe(findings.length);
  });
});

describe('redactAdfWith: idempotence', () => {
  it('redacting the redacted document changes nothing', () => {
    const d = doc(para(text('Pt '), text('Jo', bold), text('hn Smith, SSN 123-45-6789', link('https://x.org/John'))));
    const det = secretsDetector(['John Smith', '123-45-6789', 'John', '6789']);
    const once = redactAdfWith(d, det, { keepLast4: true });
    // keepLast4 for every type shows the last 4 of "JohnSmith" too; "6789" inside a mask is not flagged again
    expect(textNodes(once.doc)).toEqual(['Pt ', '[PHI:OTHER_ID]mith', ', SSN [PHI:OTHER_ID]6789']);
    const twice = redactAdfWith(once.doc, det, { keepLast4: true });
    expect(twice.findings).toEqual([]);
    expect(twice.doc).toEqual(once.doc);
  });
});

// ----------------------------------------------------------------------------------------------
// Jira redaction request

const spec = JSON.parse(readFileSync(resolve(__dirname, '../../third_party/jira-platform-v3.json'), 'utf8')) as {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
  components: { schemas: Record<string, unknown> };
};

function validatorFor(schema: unknown) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const names = ['BulkRedactionRequest', 'SingleRedactionRequest', 'ContentItem', 'RedactionPosition', 'RedactionJobStatusResponse', 'BulkRedactionResponse', 'SingleRedactionResponse'];
  return ajv.compile({ ...(schema as object), components: { schemas: Object.fromEntries(names.map((n) => [n, spec.components.schemas[n]])) } });
}

describe('buildRedactRequest', () => {
  let n = 0;
  const newId = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
  const validateBody = validatorFor(spec.paths['/rest/api/3/redact']!.post!.requestBody!.content['application/json']!.schema);

  it('expectedText follows the OpenAPI example: Base64 of the hex SHA-256 ("bob")', () => {
    const example = (spec.components.schemas.RedactionPosition as { properties: { expectedText: { example: string } } }).properties.expectedText.example;
    expect(expectedTextHash('bob')).toBe(example);
    expect(Buffer.from(example, 'base64').toString('utf8')).toBe(sha256hex('bob'));
    expect(expectedTextHash('bob', 'base64-of-digest')).toBe(createHash('sha256').update('bob').digest('base64'));
  });

  it('summary (plain field), description and comments (ADF), addressed as the schema says', () => {
    const summary = 'Pt John Smith cannot log in';
    const description = doc(para(text('Pt '), text('Jo', bold), text('hn Smith, SSN 123-45-6789')));
    const comment = doc(para(text('😀 call (217) 555-0143')));
    const built = buildRedactRequest({
      issueId: '10042',
      summary: { text: summary, findings: [f('NAME', 3, 13)] },
      description: { doc: description, findings: findIn(description, [['John Smith', 'NAME'], ['123-45-6789', 'SSN']]) },
      comments: [{ id: '10500', body: comment, findings: findIn(comment, [['(217) 555-0143', 'PHONE']]) }],
      newId,
    });
    const r = built.body.redactions;
    expect(validateBody(built.body), JSON.stringify(validateBody.errors)).toBe(true);
    expect(r.map((x) => [x.contentItem.entityType, x.contentItem.entityId, x.contentItem.id, x.redactionPosition.adfPointer, x.redactionPosition.from, x.redactionPosition.to])).toEqual([
      ['issuefieldvalue', 'summary', '10042', undefined, 3, 13],
      ['issuefieldvalue', 'description', '10042', '/content/0/content/1/text', 0, 2],
      // two redactions in one node: the later one first, so offsets stay valid if applied in order
      ['issuefieldvalue', 'description', '10042', '/content/0/content/2/text', 14, 25],
      ['issuefieldvalue', 'description', '10042', '/content/0/content/2/text', 0, 8],
      // UTF-16 offsets: the emoji counts as 2
      ['issue-comment', '10500', '10042', '/content/0/content/0/text', 8, 22],
    ]);
    expect('adfPointer' in r[0]!.redactionPosition).toBe(false);
    // expectedText hashes exactly the characters [from, to) of the addressed string
    const hashes = r.map((x) => Buffer.from(x.redactionPosition.expectedText, 'base64').toString('utf8'));
    expect(hashes).toEqual(['John Smith', 'Jo', '123-45-6789', 'hn Smith', '(217) 555-0143'].map(sha256hex));
    // unique externalIds from the injected factory, reasons name the type only
    expect(new Set(r.map((x) => x.externalId)).size).toBe(r.length);
    expect(r.map((x) => x.reason)).toEqual(['PHI Guard: NAME', 'PHI Guard: NAME', 'PHI Guard: SSN', 'PHI Guard: NAME', 'PHI Guard: PHONE']);
    expect(built.entries.map((e) => [e.externalId, e.kind, e.type])).toEqual(r.map((x, i) => [x.externalId, i === 0 ? 'plain' : 'text', ['NAME', 'NAME', 'SSN', 'NAME', 'PHONE'][i]]));
    expect(JSON.stringify(built)).not.toContain('Smith');
  });

  it('attribute strings are addressed by their pointer; includeAttrs: false leaves them out', () => {
    const d = doc(para(text('cc '), { type: 'mention', attrs: { id: 'a', text: '@John Smith' } }, text(' chart', link('https://x.org/John-Smith'))));
    const findings = findIn(d, [['John Smith', 'NAME'], ['John-Smith', 'NAME']]);
    const built = buildRedactRequest({ issueId: '1', description: { doc: d, findings }, newId, reason: 'PHI' });
    expect(validateBody(built.body)).toBe(true);
    expect(built.body.redactions.map((x) => [x.redactionPosition.adfPointer, x.redactionPosition.from, x.redactionPosition.to, x.reason])).toEqual([
      ['/content/0/content/1/attrs/text', 1, 11, 'PHI'],
      ['/content/0/content/2/marks/0/attrs/href', 14, 24, 'PHI'],
    ]);
    expect(buildRedactRequest({ issueId: '1', description: { doc: d, findings }, newId, includeAttrs: false }).body.redactions).toEqual([]);
  });

  it('custom fields and worklogs through sources; merged overlapping findings give one request', () => {
    const built = buildRedactRequest({
      issueId: '7',
      sources: [
        { entityType: 'issuefieldvalue', entityId: 'customfield_10000', content: 'MRN 00482913', findings: [f('MRN', 4, 10, 0.5), f('OTHER_ID', 6, 12, 0.9)] },
        { entityType: 'issue-worklog', entityId: '3', content: doc(para(text('saw John'))), findings: [f('NAME', 4, 8)] },
      ],
      newId,
      expectedTextEncoding: 'base64-of-digest',
    });
    expect(validateBody(built.body)).toBe(true);
    expect(built.body.redactions.map((x) => [x.contentItem.entityType, x.contentItem.entityId, x.redactionPosition.from, x.redactionPosition.to, x.reason])).toEqual([
      ['issuefieldvalue', 'customfield_10000', 4, 12, 'PHI Guard: OTHER_ID'],
      ['issue-worklog', '3', 4, 8, 'PHI Guard: NAME'],
    ]);
    expect(built.body.redactions[0]!.redactionPosition.expectedText).toBe(createHash('sha256').update('00482913').digest('base64'));
  });

  it('uses crypto.randomUUID by default', () => {
    const built = buildRedactRequest({ issueId: '1', summary: { text: 'John', findings: [f('NAME', 0, 4)] } });
    expect(built.body.redactions[0]!.externalId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('throws a clear Error for an invalid ADF source', () => {
    expect(() => buildRedactRequest({ issueId: '1', comments: [{ id: '9', body: { type: 'doc' } as AdfDoc, findings: [] }] })).toThrow(
      /buildRedactRequest: issue-comment 9: invalid ADF: ADF root "content" must be an array/,
    );
  });

  it('parseRedactionJobStatus reads the GET /rest/api/3/redact/status/{jobId} response', () => {
    const validateStatus = validatorFor(spec.paths['/rest/api/3/redact/status/{jobId}']!.get!.responses['200']!.content!['application/json']!.schema);
    const sample = { jobStatus: 'COMPLETED', bulkRedactionResponse: { results: [{ externalId: newId(), successful: true }] } };
    expect(validateStatus(sample)).toBe(true);
    expect(parseRedactionJobStatus(sample)).toEqual(sample);
    expect(parseRedactionJobStatus({ jobStatus: 'PENDING' })).toEqual({ jobStatus: 'PENDING' });
    expect(parseRedactionJobStatus({ jobStatus: 'DONE' })).toBeNull();
    expect(parseRedactionJobStatus({ bulkRedactionResponse: { results: [{ externalId: 1 }] } })).toBeNull();
    expect(parseRedactionJobStatus('COMPLETED')).toBeNull();
  });
});

// ----------------------------------------------------------------------------------------------
// Properties over random documents

const ALPHABET = ['a', 'b', 'c', 'd', '0', '1', '2', ' ', '-', 'é', '😀', '🎉'];
const strArb = fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 10 }).map((a) => a.join(''));
const marksArb: fc.Arbitrary<AdfMark[] | undefined> = fc.oneof(
  fc.constant<AdfMark[] | undefined>(undefined),
  fc.constant<AdfMark[]>([{ type: 'strong' }]),
  fc.constant<AdfMark[]>([{ type: 'em' }, { type: 'underline' }]),
  strArb.map((s): AdfMark[] => [{ type: 'link', attrs: { href: `https://h.org/${s}` } }]),
);
const inlineArb: fc.Arbitrary<AdfNode> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(strArb, marksArb).map(([t, m]) => text(t, m)) },
  { weight: 1, arbitrary: strArb.map((t) => ({ type: 'mention', attrs: { id: 'acc', text: `@${t}` } })) },
  { weight: 1, arbitrary: strArb.map((t) => ({ type: 'status', attrs: { text: t, color: 'blue' } })) },
  { weight: 1, arbitrary: fc.constant({ type: 'hardBreak' }) },
  { weight: 1, arbitrary: fc.constant({ type: 'emoji', attrs: { shortName: ':smile:', text: '😄' } }) },
);
const inlinesArb = fc.array(inlineArb, { maxLength: 6 });
const paraArb = inlinesArb.map((c) => para(...c));
const blockArb: fc.Arbitrary<AdfNode> = fc.oneof(
  paraArb,
  inlinesArb.map((c) => ({ type: 'heading', attrs: { level: 3 }, content: c })),
  fc.array(strArb, { minLength: 1, maxLength: 2 }).map((ts) => ({ type: 'codeBlock', content: ts.map((t) => text(t)) })),
  fc.array(paraArb, { minLength: 1, maxLength: 3 }).map((ps) => ({ type: 'bulletList', content: ps.map((p) => ({ type: 'listItem', content: [p] })) })),
  fc.array(paraArb, { minLength: 1, maxLength: 3 }).map((ps) => ({ type: 'table', content: [{ type: 'tableRow', content: ps.map((p) => ({ type: 'tableCell', content: [p] })) }] })),
  paraArb.map((p) => ({ type: 'panel', attrs: { panelType: 'note' }, content: [p] })),
  paraArb.map((p) => ({ type: 'blockquote', content: [p] })),
);
const docArb: fc.Arbitrary<AdfDoc> = fc.array(blockArb, { minLength: 1, maxLength: 5 }).map((c) => doc(...c));

function findingsArb(len: number, valid: boolean): fc.Arbitrary<Finding[]> {
  const pos = valid ? fc.integer({ min: 0, max: len }) : fc.integer({ min: -3, max: len + 3 });
  return fc.array(
    fc.tuple(pos, pos, fc.double({ min: 0, max: 1, noNaN: true })).map(([a, b, score]) => (valid ? f('NAME', Math.min(a, b), Math.max(a, b), score) : f('NAME', a, b, score))),
    { maxLength: 6 },
  );
}
const docWithFindings = (valid: boolean) => docArb.chain((d) => fc.tuple(fc.constant(d), findingsArb(adfToScanText(d).text.length, valid)));

/** Model: covered scan-text positions (clamped, widened to whole code points). */
function coverage(s: string, findings: readonly Finding[]): boolean[] {
  const cov = new Array<boolean>(s.length).fill(false);
  const hi = (i: number) => /[\uD800-\uDBFF]/.test(s[i] ?? '');
  const lo = (i: number) => /[\uDC00-\uDFFF]/.test(s[i] ?? '');
  for (const x of findings) {
    let a = Math.max(0, x.start);
    let b = Math.min(s.length, x.end);
    if (!(a < b)) continue;
    if (a > 0 && lo(a) && hi(a - 1)) a--;
    if (b < s.length && hi(b - 1) && lo(b)) b++;
    for (let i = a; i < b; i++) cov[i] = true;
  }
  return cov;
}

describe('ADF: properties', () => {
  it('every segment is exactly the string its adfPointer addresses; segments are ordered and disjoint', () => {
    fc.assert(
      fc.property(docArb, (d) => {
        expect(parseAdf(d).ok).toBe(true);
        const scan = adfToScanText(d);
        scan.segments.forEach((s, i) => {
          expect(scan.text.slice(s.start, s.end)).toBe(getAt(d, s.adfPointer));
          expect(s.end).toBeGreaterThan(s.start);
          if (i > 0) expect(s.start).toBeGreaterThanOrEqual(scan.segments[i - 1]!.end);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('mapped offsets are always within the node text, and pieces cover exactly the covered characters in nodes', () => {
    fc.assert(
      fc.property(docWithFindings(false), ([d, findings]) => {
        const scan = adfToScanText(d);
        const mapped = mapFindingsToAdf(scan, findings);
        expect(mapped.length).toBe(findings.length);
        mapped.forEach(({ finding, pieces }) => {
          const cov = coverage(scan.text, [finding]);
          let inNodes = 0;
          for (const s of scan.segments) for (let i = s.start; i < s.end; i++) if (cov[i]) inNodes++;
          let total = 0;
          for (const p of pieces) {
            const str = getAt(d, p.adfPointer) as string;
            expect(typeof str).toBe('string');
            expect(p.from).toBeGreaterThanOrEqual(0);
            expect(p.to).toBeLessThanOrEqual(str.length);
            expect(p.from).toBeLessThan(p.to);
            total += p.to - p.from;
          }
          expect(total).toBe(inNodes);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('redactAdf keeps every text character outside the findings, in order, and never mutates its input', () => {
    fc.assert(
      fc.property(docWithFindings(true), ([d, findings]) => {
        const before = JSON.stringify(d);
        const scan = adfToScanText(d);
        const cov = coverage(scan.text, findings);
        let keep = '';
        for (const s of scan.segments) if (s.kind === 'text') for (let i = s.start; i < s.end; i++) if (!cov[i]) keep += scan.text[i];
        const out = redactAdf(d, findings, { mask: () => '\u0001' });
        expect(JSON.stringify(d)).toBe(before);
        expect(parseAdf(out).ok).toBe(true);
        const texts = textNodes(out);
        expect(texts.every((t) => t.length > 0)).toBe(true);
        expect(texts.join('').replace(/\u0001/g, '')).toBe(keep);
      }),
      { numRuns: 300 },
    );
  });

  it('idempotence: a detector finding the same substrings finds nothing more in the redacted document, and redacting again changes nothing', () => {
    fc.assert(
      fc.property(docWithFindings(true), ([d, findings]) => {
        const s = adfToScanText(d).text;
        const secrets = findings.map((x) => s.slice(x.start, x.end)).filter((v) => v.length > 0 && !v.includes('\n'));
        const det = secretsDetector(secrets);
        const once = redactAdfWith(d, det);
        const scan1 = adfToScanText(once.doc);
        expect(withoutMaskOverlaps(det(scan1.text), scan1.text)).toEqual([]);
        const twice = redactAdfWith(once.doc, det);
        expect(twice.doc).toEqual(once.doc);
      }),
      { numRuns: 300 },
    );
  });
});
