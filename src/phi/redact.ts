/**
 * Text redaction: replaces the characters of PHI findings with masks. Pure TypeScript, no Forge
 * imports, and no dependency on the detector (it is passed in where one is needed).
 *
 * Mask format (a public contract, also recognised by the detector so masks are never PHI):
 *   `[PHI:<TYPE>]`        e.g. `[PHI:SSN]`
 *   `[PHI:<TYPE>]<last4>` with keepLast4, e.g. `[PHI:SSN]6789`: the last 4 ASCII letters/digits of
 *                         the masked value, and only when the value has at least
 *                         {@link KEEP_LAST4_MIN_ALNUM} of them (so no more than half of a value is
 *                         ever shown; a 5-digit ZIP is never shown as `2704`).
 * {@link MASK_PATTERN} matches both forms.
 */
import { isPhiType, type Finding, type PhiType } from './types';

/** A PHI detector, e.g. `detect` of `./detect`: findings with UTF-16 offsets into `text`. */
export type DetectFn = (text: string) => Finding[];

export interface RedactOptions {
  /** Mask text for a (merged) finding; default `[PHI:${type}]`. Custom masks should match MASK_PATTERN to stay idempotent. */
  mask?: (f: Finding) => string;
  /** Keep the last 4 letters/digits visible after the mask: `true` for every type, or the listed types only. */
  keepLast4?: boolean | readonly PhiType[];
}

/**
 * A mask this module writes: `[PHI:SSN]` or `[PHI:SSN]6789`. Not global (no shared `lastIndex`);
 * use {@link findMasks} to find every mask in a text.
 */
export const MASK_PATTERN = /\[PHI:[A-Z_]+\](?:[A-Za-z0-9]{1,4})?/;

/** keepLast4 shows the last 4 letters/digits only of values with at least this many of them. */
export const KEEP_LAST4_MIN_ALNUM = 8;

/** `[PHI:SSN]`; a type that is not a PHI type is written as OTHER_ID so the mask still matches MASK_PATTERN. */
export function defaultMask(f: Pick<Finding, 'type'>): string {
  return `[PHI:${isPhiType(f.type) ? f.type : 'OTHER_ID'}]`;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * A finding's span made safe for `text`: non-numeric offsets → null; fractions widened (floor
 * start, ceil end); clamped to `[0, text.length]`; empty or inverted → null; widened so it never
 * splits a surrogate pair.
 */
export function normalizeSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  if (typeof start !== 'number' || typeof end !== 'number' || Number.isNaN(start) || Number.isNaN(end)) return null;
  let s = Math.max(0, Math.floor(start));
  let e = Math.min(text.length, Math.ceil(end));
  if (!(s < e)) return null;
  if (s > 0 && isLow(text.charCodeAt(s)) && isHigh(text.charCodeAt(s - 1))) s--;
  if (e < text.length && isHigh(text.charCodeAt(e - 1)) && isLow(text.charCodeAt(e))) e++;
  return { start: s, end: e };
}

/**
 * Findings as redaction applies them: normalised (see {@link normalizeSpan}), sorted, and
 * overlapping or adjacent findings merged into one covering their union. A merged finding takes
 * the type, score and rule of its highest-scoring member (the earliest on a tie).
 */
export function mergeFindings(text: string, findings: readonly Finding[]): Finding[] {
  const spans: Finding[] = [];
  for (const f of findings ?? []) {
    if (!f || typeof f !== 'object') continue;
    const span = normalizeSpan(text, f.start, f.end);
    if (!span) continue;
    const score = typeof f.score === 'number' && !Number.isNaN(f.score) ? f.score : 0;
    spans.push({ type: f.type, start: span.start, end: span.end, score, rule: f.rule });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Finding[] = [];
  for (const f of spans) {
    const last = out[out.length - 1];
    if (last && f.start <= last.end) {
      if (f.end > last.end) last.end = f.end;
      if (f.score > last.score) {
        last.score = f.score;
        last.type = f.type;
        last.rule = f.rule;
      }
      continue;
    }
    out.push(f);
  }
  return out;
}

function keepsLast4(type: PhiType, keepLast4: RedactOptions['keepLast4']): boolean {
  if (keepLast4 === true) return true;
  return Array.isArray(keepLast4) && keepLast4.includes(type);
}

/** The mask replacing `value` (the original characters of the merged finding `f`). */
export function maskFor(f: Finding, value: string, opts: RedactOptions = {}): string {
  const base = opts.mask ? opts.mask(f) : defaultMask(f);
  if (!keepsLast4(f.type, opts.keepLast4)) return base;
  const alnum = value.replace(/[^A-Za-z0-9]/g, '');
  return alnum.length >= KEEP_LAST4_MIN_ALNUM ? base + alnum.slice(-4) : base;
}

/**
 * `text` with every finding's characters replaced by a mask (one mask per merged span, see
 * {@link mergeFindings}). Invalid offsets are clamped or ignored; never throws on bad findings.
 */
export function redactText(text: string, findings: readonly Finding[], opts: RedactOptions = {}): string {
  if (typeof text !== 'string' || text.length === 0) return typeof text === 'string' ? text : '';
  const merged = mergeFindings(text, findings);
  if (merged.length === 0) return text;
  const parts: string[] = [];
  let pos = 0;
  for (const f of merged) {
    parts.push(text.slice(pos, f.start), maskFor(f, text.slice(f.start, f.end), opts));
    pos = f.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

/** Every mask in `text`, as `[start, end)` UTF-16 ranges, in order. */
export function findMasks(text: string): Array<{ start: number; end: number }> {
  const re = new RegExp(MASK_PATTERN.source, 'g');
  const out: Array<{ start: number; end: number }> = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * `findings` without those lying entirely inside a mask already in `text` (a finding that only
 * partly overlaps a mask is kept: the part outside may be real PHI, e.g. `Smith` right after a mask).
 */
export function withoutMaskOverlaps(findings: readonly Finding[], text: string): Finding[] {
  const masks = findMasks(text);
  if (masks.length === 0) return [...findings];
  return findings.filter((f) => {
    // masks are sorted and disjoint: binary-search the last mask starting at or before f.start
    let lo = 0;
    let hi = masks.length - 1;
    let idx = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (masks[mid]!.start <= f.start) {
        idx = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const m = idx >= 0 ? masks[idx] : undefined;
    return !(m && f.end <= m.end);
  });
}

/** Detect and redact in one step; findings inside existing masks are ignored, so this is idempotent. */
/**
 * Masking can change a neighbour's context (a technical word that kept a score low is now inside a
 * mask), so redaction repeats until the text scans clean: redacting the result again changes
 * nothing. Bounded: each round only adds masks.
 */
export const MAX_REDACTION_ROUNDS = 4;

export function redactWith(text: string, detect: DetectFn, opts: RedactOptions = {}): string {
  let current = text;
  for (let round = 0; round < MAX_REDACTION_ROUNDS; round++) {
    const findings = withoutMaskOverlaps(detect(current), current);
    if (findings.length === 0) break;
    current = redactText(current, findings, opts);
  }
  return current;
}
