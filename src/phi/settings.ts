/**
 * Detector settings: defaults, merging partial settings from storage, and validation of
 * admin-supplied regular expressions (custom patterns, MRN formats, allowlisted key patterns).
 */
import { PHI_TYPES, isPhiType, type CustomPattern, type DetectorSettings, type PhiType, type TypeSetting } from './types';

export const DEFAULT_THRESHOLD = 0.5;

/** Issue keys (OPS-1234) are never PHI. */
export const DEFAULT_KEY_PATTERNS = ['\\b[A-Z][A-Z0-9_]{1,9}-\\d{1,7}\\b'];

export function defaultSettings(): DetectorSettings {
  const types = {} as Record<PhiType, TypeSetting>;
  for (const t of PHI_TYPES) types[t] = { enabled: true, threshold: DEFAULT_THRESHOLD };
  return {
    types,
    customPatterns: [],
    allowlist: { domains: [], ipRanges: [], keyPatterns: [...DEFAULT_KEY_PATTERNS] },
    mrnFormats: [],
  };
}

export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SettingsError';
  }
}

const MAX_PATTERN_LENGTH = 300;
const MAX_REPEAT = 100;

/**
 * Refuses regular expressions that can backtrack catastrophically or are otherwise unsafe to run
 * over untrusted megabyte-sized ticket text. The accepted subset keeps matching linear:
 * - no backreferences, no lookbehind, no named-group references;
 * - no quantified group that itself contains a quantifier or an alternation (`(a+)+`, `(a|ab)*`);
 * - no two adjacent unbounded quantifiers over overlapping atoms (`\d+\d+`, `.*.*`);
 * - bounded repetition counts ≤ 100; total length ≤ 300.
 * Returns an error message, or null when the pattern is accepted.
 */
export function checkPatternSafety(source: string, flags = ''): string | null {
  if (typeof source !== 'string' || source.length === 0) return 'pattern is empty';
  if (source.length > MAX_PATTERN_LENGTH) return `pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  if (!/^[gimsuy]*$/.test(flags)) return `unsupported flags "${flags}"`;
  try {
    new RegExp(source, flags.replace('g', '') + 'g');
  } catch (e) {
    return `invalid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}`;
  }
  if (/\\[1-9]|\\k</.test(source)) return 'backreferences are not allowed';
  if (/\(\?<[=!]/.test(source)) return 'lookbehind is not allowed';

  // Walk the pattern tracking groups: for each group, whether it contains a quantifier or '|'.
  interface Group { quantified: boolean; alternation: boolean }
  const stack: Group[] = [{ quantified: false, alternation: false }];
  let prevUnbounded = false;
  let prevAtom = '';
  let lastAtom = '';
  let i = 0;
  const quantAt = (k: number): { len: number; unbounded: boolean; max: number } | null => {
    const c = source[k];
    if (c === '*' || c === '+') return { len: source[k + 1] === '?' ? 2 : 1, unbounded: true, max: 1 };
    if (c === '?') return { len: source[k + 1] === '?' ? 2 : 1, unbounded: false, max: 1 };
    if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}\??/.exec(source.slice(k));
      if (!m) return null;
      const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
      return { len: m[0].length, unbounded: max === Infinity, max: Math.max(Number(m[1]), max === Infinity ? 0 : max) };
      // note: for `{n,}` max holds n, so the count limit still applies
    }
    return null;
  };
  while (i < source.length) {
    const c = source[i]!;
    let atom = '';
    if (c === '\\') {
      atom = source.slice(i, i + 2);
      i += 2;
    } else if (c === '[') {
      let k = i + 1;
      if (source[k] === '^') k++;
      if (source[k] === ']') k++;
      while (k < source.length && source[k] !== ']') k += source[k] === '\\' ? 2 : 1;
      atom = source.slice(i, k + 1);
      i = k + 1;
    } else if (c === '(') {
      stack.push({ quantified: false, alternation: false });
      i += source[i + 1] === '?' ? (source[i + 2] === '<' ? source.indexOf('>', i) + 1 || i + 3 : 3) : 1;
      prevUnbounded = false;
      continue;
    } else if (c === ')') {
      const g = stack.pop();
      if (!g || stack.length === 0) return 'unbalanced parentheses';
      i++;
      const q = quantAt(i);
      if (q) {
        if (g.quantified || g.alternation) {
          if (q.unbounded || q.max > 1) return 'a repeated group may not contain a quantifier or alternation (catastrophic backtracking)';
        }
        if (q.max > MAX_REPEAT) return `repetition counts above ${MAX_REPEAT} are not allowed`;
        i += q.len;
        stack[stack.length - 1]!.quantified = true;
        prevUnbounded = q.unbounded;
        prevAtom = '(group)';
        continue;
      }
      const parent = stack[stack.length - 1]!;
      parent.quantified ||= g.quantified;
      parent.alternation ||= g.alternation;
      prevUnbounded = false;
      continue;
    } else if (c === '|') {
      stack[stack.length - 1]!.alternation = true;
      i++;
      prevUnbounded = false;
      continue;
    } else {
      atom = c;
      i++;
    }
    lastAtom = atom;
    const q = quantAt(i);
    if (q) {
      if (q.max > MAX_REPEAT) return `repetition counts above ${MAX_REPEAT} are not allowed`;
      if (q.unbounded && prevUnbounded && overlaps(prevAtom, lastAtom)) {
        return 'adjacent unbounded quantifiers over overlapping characters (catastrophic backtracking)';
      }
      stack[stack.length - 1]!.quantified = true;
      prevUnbounded = q.unbounded;
      prevAtom = lastAtom;
      i += q.len;
    } else {
      prevUnbounded = false;
      prevAtom = atom;
    }
  }
  if (stack.length !== 1) return 'unbalanced parentheses';
  return null;
}

/** Conservative: could two atoms match a common character? Only clearly disjoint pairs say no. */
function overlaps(a: string, b: string): boolean {
  const cls = (x: string): string => {
    if (x === '\\d' || x === '[0-9]') return 'digit';
    if (/^[A-Za-z]$/.test(x) || x === '[a-z]' || x === '[A-Z]' || x === '[A-Za-z]') return 'alpha';
    if (x === '\\s' || x === ' ') return 'space';
    if (/^\\?[-.,:;/_#@]$/.test(x)) return 'punct:' + x.replace('\\', '');
    return 'any';
  };
  const ca = cls(a);
  const cb = cls(b);
  if (ca === 'any' || cb === 'any') return true;
  return ca === cb;
}

function compileChecked(source: string, flags: string, what: string): RegExp {
  const problem = checkPatternSafety(source, flags);
  if (problem) throw new SettingsError(`${what}: ${problem}`);
  return new RegExp(source, flags.replace('g', '') + 'g');
}

export interface CompiledSettings {
  settings: DetectorSettings;
  custom: Array<{ spec: CustomPattern; re: RegExp }>;
  mrn: RegExp[];
  /** Allowlisted key patterns; `builtIn` ones (issue keys) yield to a PHI label ("plate ERE-1514"). */
  keyPatterns: Array<{ re: RegExp; builtIn: boolean }>;
  allowDomain: (domain: string) => boolean;
  allowIp: (ip: string) => boolean;
}

/** Merges partial settings over defaults and validates them. Throws SettingsError with a clear reason. */
export function compileSettings(partial: Partial<DetectorSettings> = {}): CompiledSettings {
  const base = defaultSettings();
  const settings: DetectorSettings = {
    types: { ...base.types },
    customPatterns: partial.customPatterns ?? base.customPatterns,
    allowlist: {
      domains: partial.allowlist?.domains ?? base.allowlist.domains,
      ipRanges: partial.allowlist?.ipRanges ?? base.allowlist.ipRanges,
      keyPatterns: partial.allowlist?.keyPatterns ?? base.allowlist.keyPatterns,
    },
    mrnFormats: partial.mrnFormats ?? base.mrnFormats,
  };
  for (const [type, value] of Object.entries(partial.types ?? {})) {
    if (!isPhiType(type)) throw new SettingsError(`unknown PHI type "${type}"`);
    const v = value as Partial<TypeSetting>;
    const threshold = v.threshold ?? DEFAULT_THRESHOLD;
    if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1)) {
      throw new SettingsError(`threshold for ${type} must be a number from 0 to 1`);
    }
    settings.types[type] = { enabled: v.enabled !== false, threshold };
  }
  if (settings.customPatterns.length > 50) throw new SettingsError('at most 50 custom patterns');
  const custom = settings.customPatterns.map((spec) => {
    if (!spec || typeof spec.id !== 'string' || !/^[\w.-]{1,64}$/.test(spec.id)) {
      throw new SettingsError('custom pattern id must be 1-64 letters, digits, dots, dashes or underscores');
    }
    if (!isPhiType(spec.type)) throw new SettingsError(`custom pattern ${spec.id}: unknown PHI type`);
    return { spec, re: compileChecked(spec.pattern, spec.flags ?? '', `custom pattern ${spec.id}`) };
  });
  const mrn = settings.mrnFormats.map((s, i) => compileChecked(s, '', `MRN format ${i + 1}`));
  const keyPatterns = settings.allowlist.keyPatterns.map((s, i) => ({
    re: compileChecked(s, '', `allowlisted key pattern ${i + 1}`),
    builtIn: DEFAULT_KEY_PATTERNS.includes(s),
  }));

  const domains = settings.allowlist.domains.map((d) => {
    const v = String(d).trim().toLowerCase().replace(/^\*?\./, '');
    if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(v)) throw new SettingsError(`allowlisted domain "${d}" is not a domain name`);
    return v;
  });
  const ranges = settings.allowlist.ipRanges.map(parseCidr);
  return {
    settings,
    custom,
    mrn,
    keyPatterns,
    allowDomain: domains.length === 0 ? () => false : (domain) => domains.some((d) => domain === d || domain.endsWith('.' + d)),
    allowIp: ranges.length === 0 ? () => false : (ip) => {
      const n = ipv4ToInt(ip);
      return n !== null && ranges.some(([net, mask]) => (n & mask) >>> 0 === net);
    },
  };
}

function ipv4ToInt(ip: string): number | null {
  const p = ip.split('.');
  if (p.length !== 4) return null;
  let n = 0;
  for (const part of p) {
    const v = Number(part);
    if (!Number.isInteger(v) || v < 0 || v > 255) return null;
    n = n * 256 + v;
  }
  return n >>> 0;
}

function parseCidr(cidr: string): [number, number] {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})(?:\/(\d{1,2}))?$/.exec(String(cidr).trim());
  const ip = m ? ipv4ToInt(m[1]!) : null;
  const bits = m?.[2] === undefined ? 32 : Number(m[2]);
  if (!m || ip === null || bits > 32) throw new SettingsError(`allowlisted IP range "${cidr}" is not an IPv4 CIDR range`);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return [(ip & mask) >>> 0, mask];
}
