/**
 * Atlassian Document Format (ADF): validation, PHI scan text extraction, mapping findings back to
 * ADF positions, redaction of a document copy, and the body of Jira's redaction API
 * (`POST /rest/api/3/redact`). Pure TypeScript (node:crypto only), no Forge imports, iterative
 * traversals only (no recursion, so hostile nesting cannot overflow the stack).
 *
 * Jira's redaction API, as described by the OpenAPI document in third_party/jira-platform-v3.json
 * (schemas `BulkRedactionRequest` → `SingleRedactionRequest` → `ContentItem` + `RedactionPosition`):
 * - `ContentItem.id` is the issue ID; `entityType` is `issuefieldvalue` (entityId = field ID, e.g.
 *   `summary`, `description`, `customfield_10000`), `issue-comment` (entityId = comment ID) or
 *   `issue-worklog` (entityId = worklog ID).
 * - `RedactionPosition.adfPointer` is "the ADF pointer indicating the position of the text to be
 *   redacted", example `/content/0/content/0/text`: a JSON pointer, relative to the field's (or
 *   comment's) ADF document, to the *string* holding the text (a text node's `text` property, not
 *   the node). Omitted for plain-text fields such as summary.
 * - `from` (inclusive) / `to` (exclusive) index into that string (plain fields: into the value).
 *   We use UTF-16 code unit offsets (Jira is a JVM service: Java string indexes are UTF-16).
 * - `expectedText`: "The text which will be redacted, encoded using SHA256 hash and Base64 digest",
 *   i.e. the hash of the substring [from, to), not of the whole node text. The schema's example,
 *   `ODFiNjM3…OQ==`, Base64-decodes to the 64-character lowercase *hex* SHA-256 of "bob"
 *   (81b637d8…58ce9), so Atlassian's own example is Base64(hex(SHA-256(UTF-8 text))), not
 *   Base64 of the 32 raw digest bytes. That is our default ({@link expectedTextHash}); the other
 *   reading is available as `expectedTextEncoding: 'base64-of-digest'`.
 * - `externalId` (UUID, required) identifies each request in the job status
 *   (`GET /rest/api/3/redact/status/{jobId}` → `RedactionJobStatusResponse` { jobStatus: PENDING |
 *   IN_PROGRESS | COMPLETED, bulkRedactionResponse: { results: [{ externalId, successful }] } }).
 *   The POST answers 202 with the job id (a UUID string).
 */
import { createHash, randomUUID } from 'node:crypto';
import { MAX_REDACTION_ROUNDS, maskFor, mergeFindings, normalizeSpan, withoutMaskOverlaps, type DetectFn, type RedactOptions } from './redact';
import type { Finding, PhiType } from './types';

// ---------------------------------------------------------------------------------------------
// Types and validation

export interface AdfMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface AdfNode {
  type: string;
  text?: string;
  marks?: AdfMark[];
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
}

export interface AdfDoc extends AdfNode {
  type: 'doc';
  version?: number;
  content: AdfNode[];
}

/** Deepest node nesting parseAdf accepts (the doc itself is level 1). */
export const MAX_ADF_DEPTH = 100;
/** Deepest nesting accepted inside a node's attrs / marks / other properties. */
const MAX_VALUE_DEPTH = 64;

export type ParseAdfResult = { ok: true; doc: AdfDoc } | { ok: false; error: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** RFC 6901 reference token escaping. */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function where(pointer: string): string {
  if (pointer === '') return 'the document root';
  return pointer.length > 120 ? `${pointer.slice(0, 120)}…` : pointer;
}

/** Why `value` (a node property) is not plain JSON data, or null. Iterative, cycle-safe. */
function jsonProblem(value: unknown, path: string): string | null {
  type Frame = { kind: 'enter'; v: unknown; path: string; depth: number } | { kind: 'exit'; v: object };
  const stack: Frame[] = [{ kind: 'enter', v: value, path, depth: 0 }];
  const onPath = new Set<object>();
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (f.kind === 'exit') {
      onPath.delete(f.v);
      continue;
    }
    const v = f.v;
    if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') continue;
    if (typeof v !== 'object') return `${where(f.path)} is not JSON data (${typeof v})`;
    if (onPath.has(v)) return `${where(f.path)} refers back to itself (cycle)`;
    if (f.depth >= MAX_VALUE_DEPTH) return `${where(f.path)} nests deeper than ${MAX_VALUE_DEPTH} levels`;
    onPath.add(v);
    stack.push({ kind: 'exit', v });
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ kind: 'enter', v: v[i], path: `${f.path}/${i}`, depth: f.depth + 1 });
    } else {
      for (const k of Object.keys(v)) {
        stack.push({ kind: 'enter', v: (v as Record<string, unknown>)[k], path: `${f.path}/${escapePointerToken(k)}`, depth: f.depth + 1 });
      }
    }
  }
  return null;
}

/**
 * Checks that `value` is an ADF document this module can process: an object with `type: "doc"`
 * and a `content` array; every node an object with a string `type`; text nodes with a string
 * `text`; `content` / `marks` arrays, `attrs` objects; no cycles; nesting at most `maxDepth`
 * (default {@link MAX_ADF_DEPTH}) nodes deep; other properties plain JSON data. Never throws.
 * Permissive otherwise: unknown node and mark types are accepted. Returns the input (not a copy).
 */
export function parseAdf(value: unknown, opts: { maxDepth?: number } = {}): ParseAdfResult {
  const maxDepth = opts.maxDepth ?? MAX_ADF_DEPTH;
  const fail = (error: string): ParseAdfResult => ({ ok: false, error });
  if (!isRecord(value)) return fail(`ADF document must be an object (got ${value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value})`);
  if (value.type !== 'doc') return fail(`ADF root node type must be "doc" (got ${JSON.stringify(String(value.type))})`);
  if (!Array.isArray(value.content)) return fail('ADF root "content" must be an array');

  type Frame = { kind: 'enter'; node: unknown; path: string; depth: number } | { kind: 'exit'; node: object };
  const stack: Frame[] = [{ kind: 'enter', node: value, path: '', depth: 1 }];
  const onPath = new Set<object>();
  while (stack.length > 0) {
    const f = stack.pop()!;
    if (f.kind === 'exit') {
      onPath.delete(f.node);
      continue;
    }
    const n = f.node;
    if (!isRecord(n)) return fail(`ADF node at ${where(f.path)} is not an object`);
    if (onPath.has(n)) return fail(`ADF node at ${where(f.path)} contains itself (cycle)`);
    if (f.depth > maxDepth) return fail(`ADF nesting is deeper than ${maxDepth} levels (at ${where(f.path)})`);
    if (typeof n.type !== 'string' || n.type.length === 0) return fail(`ADF node at ${where(f.path)} has no string "type"`);
    if (n.type === 'doc' && f.depth > 1) return fail(`ADF node at ${where(f.path)}: "doc" is only valid as the root`);
    if (n.type === 'text' && typeof n.text !== 'string') return fail(`ADF text node at ${where(f.path)} has a non-string "text"`);
    if (n.attrs !== undefined && !isRecord(n.attrs)) return fail(`"attrs" of ADF node at ${where(f.path)} is not an object`);
    if (n.marks !== undefined) {
      if (!Array.isArray(n.marks)) return fail(`"marks" of ADF node at ${where(f.path)} is not an array`);
      for (let j = 0; j < n.marks.length; j++) {
        const m: unknown = n.marks[j];
        if (!isRecord(m) || typeof m.type !== 'string') return fail(`mark ${j} of ADF node at ${where(f.path)} has no string "type"`);
        if (m.attrs !== undefined && !isRecord(m.attrs)) return fail(`"attrs" of mark ${j} of ADF node at ${where(f.path)} is not an object`);
      }
    }
    for (const k of Object.keys(n)) {
      if (k === 'content') continue;
      const problem = jsonProblem(n[k], `${f.path}/${escapePointerToken(k)}`);
      if (problem) return fail(`ADF node property ${problem}`);
    }
    if (n.content !== undefined) {
      if (!Array.isArray(n.content)) return fail(`"content" of ADF node at ${where(f.path)} is not an array`);
      onPath.add(n);
      stack.push({ kind: 'exit', node: n });
      for (let i = n.content.length - 1; i >= 0; i--) {
        stack.push({ kind: 'enter', node: n.content[i], path: `${f.path}/content/${i}`, depth: f.depth + 1 });
      }
    }
  }
  return { ok: true, doc: value as unknown as AdfDoc };
}

// ---------------------------------------------------------------------------------------------
// Scan text

/** Where a stretch of the scan text comes from. */
export interface Segment {
  /** RFC 6901 pointer: to the text node (kind 'text', e.g. `/content/0/content/1`) or to the attribute string (kind 'attr'). */
  pointer: string;
  /** Pointer to the string itself, as Jira's `RedactionPosition.adfPointer` wants it (`…/text` for text nodes). */
  adfPointer: string;
  /** Offsets in the scan text (UTF-16, end exclusive). */
  start: number;
  end: number;
  kind: 'text' | 'attr';
}

export interface ScanText {
  text: string;
  /** In scan text order, non-overlapping, never empty. Characters outside every segment are separators. */
  segments: Segment[];
}

/** Inline node types: they never start a new block (no separator around them). */
const INLINE_TYPES = new Set([
  'text',
  'hardBreak',
  'mention',
  'emoji',
  'date',
  'status',
  'inlineCard',
  'mediaInline',
  'placeholder',
  'inlineExtension',
]);

/** Inline nodes whose PHI lives in a string attribute: node type → attribute. */
const INLINE_ATTR_TEXT: Record<string, string> = { mention: 'text', status: 'text', inlineCard: 'url' };
/** Block nodes with a string attribute shown as a title. */
const BLOCK_ATTR_TEXT: Record<string, string> = { expand: 'title', nestedExpand: 'title' };

/**
 * The text a PHI detector should scan, and where each character comes from.
 *
 * - Text nodes' text, in document order; adjacent inline nodes are concatenated with no separator
 *   (so `Jo` (bold) + `hn Smith` scans as `John Smith`).
 * - Every block node (paragraph, heading, listItem, tableCell, codeBlock, panel, blockquote, and
 *   any node type not known to be inline) is separated from what precedes and follows it by one
 *   `"\n"`; `hardBreak` is `"\n"`. Separators belong to no segment.
 * - Attribute text (kind 'attr'): `mention.attrs.text` (e.g. `@John Smith`), `status.attrs.text`
 *   and `inlineCard.attrs.url` inline where the node is; `expand`/`nestedExpand` `attrs.title` at
 *   the start of the block; `href` of a text node's marks (links) after the enclosing block's
 *   text, each on its own line (so a link cannot split a word of the visible text).
 * - Skipped: `emoji`, `date` (a timestamp), `media*` attributes, `placeholder`, extensions.
 *
 * Throws an Error (not a RangeError) if nesting exceeds `maxDepth`; validate with parseAdf first.
 */
export function adfToScanText(doc: AdfDoc, opts: { maxDepth?: number } = {}): ScanText {
  const maxDepth = opts.maxDepth ?? MAX_ADF_DEPTH;
  const parts: string[] = [];
  const segments: Segment[] = [];
  let len = 0;
  let pendingSep = false;
  const emit = (s: string, seg?: { pointer: string; adfPointer: string; kind: Segment['kind'] }): void => {
    if (s.length === 0) return;
    if (pendingSep && len > 0) {
      parts.push('\n');
      len += 1;
    }
    pendingSep = false;
    if (seg) segments.push({ ...seg, start: len, end: len + s.length });
    parts.push(s);
    len += s.length;
  };
  const emitAttr = (node: Record<string, unknown>, attr: string, pointer: string): void => {
    const attrs = node.attrs;
    if (!isRecord(attrs)) return;
    const v = attrs[attr];
    if (typeof v !== 'string') return;
    const p = `${pointer}/attrs/${escapePointerToken(attr)}`;
    emit(v, { pointer: p, adfPointer: p, kind: 'attr' });
  };

  interface Frame {
    node: Record<string, unknown>;
    pointer: string;
    depth: number;
    next: number;
    deferred: Array<{ pointer: string; value: string }>;
  }
  if (!isRecord(doc)) return { text: '', segments: [] };
  const stack: Frame[] = [{ node: doc as unknown as Record<string, unknown>, pointer: '', depth: 1, next: 0, deferred: [] }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const content = Array.isArray(top.node.content) ? (top.node.content as unknown[]) : [];
    if (top.next >= content.length) {
      stack.pop();
      for (const d of top.deferred) {
        pendingSep = true;
        emit(d.value, { pointer: d.pointer, adfPointer: d.pointer, kind: 'attr' });
      }
      pendingSep = true;
      continue;
    }
    const i = top.next++;
    const child = content[i];
    if (!isRecord(child) || typeof child.type !== 'string') continue;
    const p = `${top.pointer}/content/${i}`;
    const type = child.type;
    if (type === 'text') {
      if (typeof child.text === 'string') emit(child.text, { pointer: p, adfPointer: `${p}/text`, kind: 'text' });
      if (Array.isArray(child.marks)) {
        child.marks.forEach((m: unknown, j: number) => {
          if (isRecord(m) && isRecord(m.attrs) && typeof m.attrs.href === 'string' && m.attrs.href.length > 0) {
            top.deferred.push({ pointer: `${p}/marks/${j}/attrs/href`, value: m.attrs.href });
          }
        });
      }
    } else if (type === 'hardBreak') {
      emit('\n');
    } else if (INLINE_TYPES.has(type)) {
      const attr = INLINE_ATTR_TEXT[type];
      if (attr) emitAttr(child, attr, p);
    } else {
      if (top.depth + 1 > maxDepth) throw new Error(`ADF nesting is deeper than ${maxDepth} levels (at ${where(p)})`);
      pendingSep = true;
      const titleAttr = BLOCK_ATTR_TEXT[type];
      if (titleAttr) {
        emitAttr(child, titleAttr, p);
        pendingSep = true;
      }
      stack.push({ node: child, pointer: p, depth: top.depth + 1, next: 0, deferred: [] });
    }
  }
  return { text: parts.join(''), segments };
}

// ---------------------------------------------------------------------------------------------
// Mapping findings to ADF positions

/** A finding's characters inside one ADF string. */
export interface AdfPiece {
  /** Pointer to the string (Jira's `adfPointer`), e.g. `/content/0/content/1/text` or `…/attrs/text`. */
  adfPointer: string;
  /** Pointer of the segment (the text node, or the attribute). */
  pointer: string;
  kind: Segment['kind'];
  /** Offsets within that string, UTF-16, `to` exclusive; always 0 <= from < to <= string length. */
  from: number;
  to: number;
}

export interface MappedFinding {
  finding: Finding;
  pieces: AdfPiece[];
}

function piecesOf(scan: ScanText, start: number, end: number): AdfPiece[] {
  const segs = scan.segments;
  // first segment whose end is after start
  let lo = 0;
  let hi = segs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const pieces: AdfPiece[] = [];
  for (let k = lo; k < segs.length; k++) {
    const seg = segs[k]!;
    if (seg.start >= end) break;
    const from = Math.max(start, seg.start) - seg.start;
    const to = Math.min(end, seg.end) - seg.start;
    if (to > from) pieces.push({ adfPointer: seg.adfPointer, pointer: seg.pointer, kind: seg.kind, from, to });
  }
  return pieces;
}

/**
 * For each finding (offsets in `scan.text`), the ADF strings it covers: one piece per segment.
 * Offsets are clamped and widened to whole code points like redactText does; separator characters
 * (block breaks, hard breaks) belong to no node and produce no piece. Findings are not merged.
 */
export function mapFindingsToAdf(scan: ScanText, findings: readonly Finding[]): MappedFinding[] {
  return findings.map((finding) => {
    const span = finding ? normalizeSpan(scan.text, finding.start, finding.end) : null;
    return { finding, pieces: span ? piecesOf(scan, span.start, span.end) : [] };
  });
}

// ---------------------------------------------------------------------------------------------
// Redaction of a document copy

/** Deep copy of JSON data without recursion. Keys like `__proto__` are copied as own data properties. */
function cloneJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  const make = (v: object): Record<string, unknown> | unknown[] => (Array.isArray(v) ? new Array<unknown>(v.length) : {});
  const root = make(value as object);
  const stack: Array<[object, Record<string, unknown> | unknown[]]> = [[value as object, root]];
  const set = (dst: Record<string, unknown> | unknown[], key: string | number, v: unknown): void => {
    Object.defineProperty(dst, key, { value: v, enumerable: true, writable: true, configurable: true });
  };
  while (stack.length > 0) {
    const [src, dst] = stack.pop()!;
    const keys: Array<string | number> = Array.isArray(src) ? src.map((_, i) => i) : Object.keys(src);
    for (const k of keys) {
      const v = (src as Record<string | number, unknown>)[k];
      if (v !== null && typeof v === 'object') {
        const c = make(v);
        set(dst, k, c);
        stack.push([v, c]);
      } else if (v !== undefined) set(dst, k, v);
    }
  }
  return root as T;
}

function resolveParent(root: unknown, pointer: string): { parent: Record<string, unknown> | unknown[]; key: string } | null {
  if (!pointer.startsWith('/')) return null;
  const tokens = pointer.slice(1).split('/').map(unescapePointerToken);
  let cur: unknown = root;
  for (let i = 0; i < tokens.length - 1; i++) {
    if (cur === null || typeof cur !== 'object') return null;
    cur = (cur as Record<string, unknown>)[tokens[i]!];
  }
  if (cur === null || typeof cur !== 'object') return null;
  return { parent: cur as Record<string, unknown>, key: tokens[tokens.length - 1]! };
}

export interface RedactAdfOptions extends RedactOptions {
  maxDepth?: number;
}

/**
 * A deep copy of `doc` with the characters of `findings` (offsets in `adfToScanText(doc).text`)
 * replaced: overlapping/adjacent findings are merged as in redactText; a merged finding spanning
 * several strings puts its mask in the first (in scan order) and deletes its characters from the
 * following text nodes; a text node left empty is removed (ADF forbids empty text nodes). Every
 * attribute piece (mention text, status text, card URL, link href, expand title) gets its own mask,
 * because deleting part of a URL or mention silently would be worse than marking it. Marks,
 * structure and every character outside the findings are kept. Never mutates `doc`.
 * Throws an Error with parseAdf's message if `doc` is not valid ADF.
 */
export function redactAdf(doc: AdfDoc, findings: readonly Finding[], opts: RedactAdfOptions = {}): AdfDoc {
  const parsed = parseAdf(doc, { maxDepth: opts.maxDepth });
  if (!parsed.ok) throw new Error(`redactAdf: invalid ADF: ${parsed.error}`);
  const scan = adfToScanText(doc, { maxDepth: opts.maxDepth });
  const merged = mergeFindings(scan.text, findings);
  const copy = cloneJson(doc);
  if (merged.length === 0) return copy;

  // edits per string, keyed by adfPointer (pointers are into the unmodified copy)
  const edits = new Map<string, { kind: Segment['kind']; list: Array<{ from: number; to: number; rep: string }> }>();
  for (const f of merged) {
    const pieces = piecesOf(scan, f.start, f.end);
    if (pieces.length === 0) continue;
    const mask = maskFor(f, scan.text.slice(f.start, f.end), opts);
    pieces.forEach((piece, idx) => {
      const rep = idx === 0 || piece.kind === 'attr' ? mask : '';
      let e = edits.get(piece.adfPointer);
      if (!e) edits.set(piece.adfPointer, (e = { kind: piece.kind, list: [] }));
      e.list.push({ from: piece.from, to: piece.to, rep });
    });
  }

  const emptied = new Set<object>();
  for (const [pointer, e] of edits) {
    const target = resolveParent(copy, pointer);
    if (!target) continue;
    const parent = target.parent as Record<string, unknown>;
    const value = parent[target.key];
    if (typeof value !== 'string') continue;
    // edits in one string never overlap (merged findings): rebuild it in one pass
    const parts: string[] = [];
    let pos = 0;
    for (const ed of [...e.list].sort((a, b) => a.from - b.from)) {
      parts.push(value.slice(pos, ed.from), ed.rep);
      pos = ed.to;
    }
    parts.push(value.slice(pos));
    const out = parts.join('');
    parent[target.key] = out;
    if (e.kind === 'text' && out.length === 0) emptied.add(parent);
  }
  if (emptied.size > 0) {
    const stack: unknown[] = [copy];
    while (stack.length > 0) {
      const n = stack.pop();
      if (!isRecord(n) || !Array.isArray(n.content)) continue;
      let content: unknown[] = n.content;
      if (content.some((c) => emptied.has(c as object))) n.content = content = content.filter((c) => !emptied.has(c as object));
      for (const c of content) stack.push(c);
    }
  }
  return copy;
}

/**
 * Scan `doc` with `detect`, drop findings inside existing masks, and redact: idempotent for a
 * detector that does not flag masks. Returns the redacted copy and the findings applied.
 */
export function redactAdfWith(doc: AdfDoc, detect: DetectFn, opts: RedactAdfOptions = {}): { doc: AdfDoc; findings: Finding[] } {
  const parsed = parseAdf(doc, { maxDepth: opts.maxDepth });
  if (!parsed.ok) throw new Error(`redactAdfWith: invalid ADF: ${parsed.error}`);
  // repeat until the document scans clean (see redactWith): findings of the first round are reported
  let current = doc;
  let first: Finding[] | undefined;
  for (let round = 0; round < MAX_REDACTION_ROUNDS; round++) {
    const scan = adfToScanText(current, { maxDepth: opts.maxDepth });
    const findings = withoutMaskOverlaps(detect(scan.text), scan.text);
    first ??= findings;
    if (findings.length === 0) break;
    current = redactAdf(current, findings, opts);
  }
  return { doc: current === doc ? redactAdf(doc, [], opts) : current, findings: first ?? [] };
}

// ---------------------------------------------------------------------------------------------
// Jira redaction API (POST /rest/api/3/redact)

/** `ContentItem.entityType` of the OpenAPI document. */
export type RedactEntityType = 'issuefieldvalue' | 'issue-comment' | 'issue-worklog';

/** `ContentItem`: which issue (id) and which field / comment / worklog (entityId). */
export interface RedactContentItem {
  entityId: string;
  entityType: RedactEntityType;
  id: string;
}

/** `RedactionPosition`. */
export interface RedactionPosition {
  adfPointer?: string;
  expectedText: string;
  from: number;
  to: number;
}

/** `SingleRedactionRequest`. */
export interface SingleRedactionRequest {
  contentItem: RedactContentItem;
  externalId: string;
  reason: string;
  redactionPosition: RedactionPosition;
}

/** `BulkRedactionRequest`: the body of POST /rest/api/3/redact. */
export interface BulkRedactionRequest {
  redactions: SingleRedactionRequest[];
}

/** `RedactionJobStatusResponse` of GET /rest/api/3/redact/status/{jobId}. */
export interface RedactionJobStatusResponse {
  jobStatus?: 'PENDING' | 'IN_PROGRESS' | 'COMPLETED';
  bulkRedactionResponse?: { results: Array<{ externalId: string; successful: boolean }> };
}

/**
 * How `expectedText` encodes the SHA-256 of the text to redact (UTF-8):
 * - `base64-of-hex` (default): Base64 of the lowercase hex digest, as in the OpenAPI example
 *   (`ODFiNjM3…OQ==` = Base64("81b637d8…") = Base64(hex(SHA-256("bob")))).
 * - `base64-of-digest`: Base64 of the 32 raw digest bytes.
 */
export type ExpectedTextEncoding = 'base64-of-hex' | 'base64-of-digest';

export function expectedTextHash(text: string, encoding: ExpectedTextEncoding = 'base64-of-hex'): string {
  const hash = createHash('sha256').update(text, 'utf8');
  if (encoding === 'base64-of-digest') return hash.digest('base64');
  return Buffer.from(hash.digest('hex'), 'utf8').toString('base64');
}

/** One content item to redact in: a plain string field, or an ADF field / comment / worklog comment. */
export interface RedactSource {
  entityType: RedactEntityType;
  /** Field ID (`summary`, `description`, `customfield_10000`), comment ID or worklog ID. */
  entityId: string;
  /** The current value: a string (plain field) or an ADF document. */
  content: string | AdfDoc;
  /** Offsets into `content` (string) or into `adfToScanText(content).text` (ADF). */
  findings: readonly Finding[];
}

export interface BuildRedactRequestInput {
  /** The issue ID (`ContentItem.id`; the numeric ID, not the key). */
  issueId: string;
  /** Summary: a plain string field (no adfPointer). */
  summary?: { text: string; findings: readonly Finding[] };
  /** Description: ADF, field ID `description`. */
  description?: { doc: AdfDoc; findings: readonly Finding[] };
  /** Comments: ADF bodies, addressed by comment ID. */
  comments?: ReadonlyArray<{ id: string; body: AdfDoc; findings: readonly Finding[] }>;
  /** Anything else (custom fields, worklogs). */
  sources?: readonly RedactSource[];
  /** `reason` of every request; default `PHI Guard: <TYPE>` (never the value). */
  reason?: string | ((f: Finding) => string);
  /** UUID factory for `externalId`; default crypto.randomUUID. */
  newId?: () => string;
  expectedTextEncoding?: ExpectedTextEncoding;
  /**
   * Also redact attribute strings (mention text, status text, card URL, link href, expand title).
   * Default true. Jira documents adfPointer only with a text node example (`…/text`); if a site
   * rejects attribute pointers, build with `false` and edit those attributes in place instead.
   */
  includeAttrs?: boolean;
}

/** What one `SingleRedactionRequest` redacts, for correlating job results (never the value). */
export interface RedactRequestEntry {
  externalId: string;
  contentItem: RedactContentItem;
  adfPointer?: string;
  from: number;
  to: number;
  kind: 'plain' | Segment['kind'];
  type: PhiType;
  rule: string;
}

export interface BuiltRedactRequest {
  body: BulkRedactionRequest;
  entries: RedactRequestEntry[];
}

/**
 * The body of `POST /rest/api/3/redact` for an issue's summary, description, comments and other
 * sources. Findings are merged per content item (redactText rules) and split per ADF string;
 * requests for one string are emitted from the end backwards (descending `from`), so positions stay
 * valid even if Jira applies them one after another. `expectedText` hashes exactly the characters
 * [from, to) of the addressed string. Throws an Error if an ADF source is not valid ADF.
 */
export function buildRedactRequest(input: BuildRedactRequestInput): BuiltRedactRequest {
  const newId = input.newId ?? (() => randomUUID());
  const encoding = input.expectedTextEncoding ?? 'base64-of-hex';
  const includeAttrs = input.includeAttrs ?? true;
  const reasonFor = (f: Finding): string =>
    typeof input.reason === 'function' ? input.reason(f) : (input.reason ?? `PHI Guard: ${f.type}`);

  const sources: RedactSource[] = [];
  if (input.summary) sources.push({ entityType: 'issuefieldvalue', entityId: 'summary', content: input.summary.text, findings: input.summary.findings });
  if (input.description) sources.push({ entityType: 'issuefieldvalue', entityId: 'description', content: input.description.doc, findings: input.description.findings });
  for (const c of input.comments ?? []) sources.push({ entityType: 'issue-comment', entityId: c.id, content: c.body, findings: c.findings });
  sources.push(...(input.sources ?? []));

  const redactions: SingleRedactionRequest[] = [];
  const entries: RedactRequestEntry[] = [];
  const add = (contentItem: RedactContentItem, f: Finding, text: string, from: number, to: number, kind: RedactRequestEntry['kind'], adfPointer?: string): void => {
    const externalId = newId();
    const redactionPosition: RedactionPosition = {
      ...(adfPointer !== undefined ? { adfPointer } : {}),
      expectedText: expectedTextHash(text.slice(from, to), encoding),
      from,
      to,
    };
    redactions.push({ contentItem, externalId, reason: reasonFor(f), redactionPosition });
    entries.push({ externalId, contentItem, ...(adfPointer !== undefined ? { adfPointer } : {}), from, to, kind, type: f.type, rule: f.rule });
  };

  for (const src of sources) {
    const contentItem: RedactContentItem = { entityId: src.entityId, entityType: src.entityType, id: input.issueId };
    if (typeof src.content === 'string') {
      const text = src.content;
      const merged = mergeFindings(text, src.findings);
      for (let k = merged.length - 1; k >= 0; k--) add(contentItem, merged[k]!, text, merged[k]!.start, merged[k]!.end, 'plain');
      continue;
    }
    const parsed = parseAdf(src.content);
    if (!parsed.ok) throw new Error(`buildRedactRequest: ${src.entityType} ${src.entityId}: invalid ADF: ${parsed.error}`);
    const scan = adfToScanText(src.content);
    const merged = mergeFindings(scan.text, src.findings);
    // group pieces by string, in document order of the strings
    const byPointer = new Map<string, { seg: Segment; items: Array<{ f: Finding; from: number; to: number }> }>();
    const segByPointer = new Map(scan.segments.map((s) => [s.adfPointer, s] as const));
    for (const f of merged) {
      for (const piece of piecesOf(scan, f.start, f.end)) {
        if (piece.kind === 'attr' && !includeAttrs) continue;
        let g = byPointer.get(piece.adfPointer);
        if (!g) byPointer.set(piece.adfPointer, (g = { seg: segByPointer.get(piece.adfPointer)!, items: [] }));
        g.items.push({ f, from: piece.from, to: piece.to });
      }
    }
    const groups = [...byPointer.values()].sort((a, b) => a.seg.start - b.seg.start);
    for (const g of groups) {
      const text = scan.text.slice(g.seg.start, g.seg.end);
      const items = [...g.items].sort((a, b) => b.from - a.from);
      for (const it of items) add(contentItem, it.f, text, it.from, it.to, g.seg.kind, g.seg.adfPointer);
    }
  }
  return { body: { redactions }, entries };
}

/** `RedactionJobStatusResponse` from an unknown JSON value, or null if it does not have that shape. */
export function parseRedactionJobStatus(value: unknown): RedactionJobStatusResponse | null {
  if (!isRecord(value)) return null;
  const out: RedactionJobStatusResponse = {};
  if (value.jobStatus !== undefined) {
    if (value.jobStatus !== 'PENDING' && value.jobStatus !== 'IN_PROGRESS' && value.jobStatus !== 'COMPLETED') return null;
    out.jobStatus = value.jobStatus;
  }
  if (value.bulkRedactionResponse !== undefined) {
    const b = value.bulkRedactionResponse;
    if (!isRecord(b) || !Array.isArray(b.results)) return null;
    const results: Array<{ externalId: string; successful: boolean }> = [];
    for (const r of b.results) {
      if (!isRecord(r) || typeof r.externalId !== 'string' || typeof r.successful !== 'boolean') return null;
      results.push({ externalId: r.externalId, successful: r.successful });
    }
    out.bulkRedactionResponse = { results };
  }
  return out;
}
