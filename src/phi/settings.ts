/**
 * Detector settings: defaults, merging partial settings from storage, and validation of
 * admin-supplied regular expressions (custom patterns, MRN formats, allowlisted key patterns).
 */
import { RE2JS } from 're2js';
import { MAX_DIRECTORY_NAMES, compileDirectory, type StaffDirectory } from './directory';
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
    staffContext: true,
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

/** The largest RE2 program an admin pattern may compile to: a search costs about its size per character. */
const MAX_PROGRAM_SIZE = 400;
/** How long one admin pattern may search one text before the scan stops with an error. */
export const ADMIN_PATTERN_BUDGET_MS = 2000;

/**
 * A regular expression an admin typed (a custom pattern, an MRN format, an allowlisted key
 * pattern). It is run by RE2 (the `re2js` port of Google's RE2), never by V8's backtracking
 * engine: in V8, `(a+)+$` is exponential on a run of a's, and `[A-Z0-9]+-[A-Z0-9]+` is quadratic
 * on a long run of digits (26 s for 100,000 digits). One RE2 search is linear in the text and the
 * pattern's program size, which is capped; but a pattern whose every short match could still grow
 * (`\d(?:\d*Q)?`) makes each of many searches read to the end of the text, so the searches of one
 * text share a time budget: past it, `each` throws a SettingsError naming the pattern (never the
 * text), and the scan fails visibly instead of stalling.
 */
export interface AdminPattern {
  /** The pattern as the admin typed it. */
  readonly source: string;
  /** Calls `found(start, end)` for each non-empty match in `text`, left to right, not overlapping (UTF-16 offsets). */
  each(text: string, found: (start: number, end: number) => void): void;
}

/** JavaScript's white space beyond RE2's `\s` ([\t\n\f\r ]): \v, no-break and other Unicode spaces, line separators, BOM. */
const JS_EXTRA_SPACE = '\\x{000B}\\x{00A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';

/**
 * An admin's JavaScript-style pattern in RE2's spelling: `\uXXXX` (a surrogate pair as one code
 * point) and `\u{X…}` as `\x{…}`, and `\s` / `\S` with JavaScript's meaning (Jira text is full of
 * no-break spaces). Everything else is written the same in both.
 */
function toRe2Syntax(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '[' && !inClass) {
      inClass = true;
      out += c;
    } else if (c === ']' && inClass) {
      inClass = false;
      out += c;
    } else if (c !== '\\' || i + 1 >= source.length) {
      out += c;
    } else {
      const e = source[i + 1]!;
      const pair = /^u(D[89AB][0-9A-F]{2})\\u(D[C-F][0-9A-F]{2})/i.exec(source.slice(i + 1, i + 13));
      const hex4 = /^u([0-9A-Fa-f]{4})/.exec(source.slice(i + 1, i + 6));
      const hexN = /^u\{([0-9A-Fa-f]{1,6})\}/.exec(source.slice(i + 1, i + 10));
      if (pair) {
        const cp = 0x10000 + ((parseInt(pair[1]!, 16) - 0xd800) << 10) + (parseInt(pair[2]!, 16) - 0xdc00);
        out += `\\x{${cp.toString(16)}}`;
        i += 11; // the 11 characters after the backslash: uD83D\uDE00
      } else if (hex4 || hexN) {
        out += `\\x{${(hex4 ?? hexN)![1]}}`;
        i += (hex4 ?? hexN)![0].length;
      } else if (e === 's') {
        out += inClass ? `\\s${JS_EXTRA_SPACE}` : `[\\s${JS_EXTRA_SPACE}]`;
        i++;
      } else if (e === 'S' && !inClass) {
        out += `[^\\s${JS_EXTRA_SPACE}]`;
        i++;
      } else {
        out += c + e;
        i++;
      }
    }
  }
  return out;
}

/** At most `n` characters of something an admin typed, for an error message. */
const clip = (v: string, n = 20) => (v.length > n ? `${v.slice(0, n)}…` : v);

/** RE2's reason for refusing a pattern, in the words an admin knows (RE2 quotes the pattern: clipped). */
function re2Reason(message: string): string {
  if (/`\(\?[=!]/.test(message)) return 'lookahead is not supported';
  if (/`\(\?<[=!]/.test(message)) return 'lookbehind is not supported';
  if (/escape sequence: `\\(?:[1-9]|k)/.test(message)) return 'backreferences are not supported';
  if (/invalid repeat count/.test(message)) return `repetition counts above ${MAX_REPEAT}, or nested repetitions of more than 1000 in all, are not allowed`;
  const m = /^error parsing regexp: ([^`]*)(?:`([^`]*)`)?/.exec(message);
  return m ? `invalid regular expression: ${m[1]!.trim()}${m[2] !== undefined ? ` \`${clip(m[2])}\`` : ''}` : 'invalid regular expression';
}

/**
 * Compiles an admin's pattern for RE2, or says why it cannot be used: not a string or empty,
 * longer than 300 characters, a flag other than g i m s u, a repetition count above 100, a
 * program too large, or syntax RE2 does not have (lookaround, backreferences) or that is invalid.
 * `what` names the pattern in the error a search over its time budget throws.
 */
export function compileAdminPattern(source: unknown, flags: unknown = '', what = 'pattern'): AdminPattern | string {
  if (typeof source !== 'string') return 'pattern must be a string';
  if (source.length === 0) return 'pattern is empty';
  if (source.length > MAX_PATTERN_LENGTH) return `pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  if (typeof flags !== 'string' || !/^[gimsu]*$/.test(flags)) return `unsupported flags "${clip(String(flags))}" (use g, i, m, s, u)`;
  for (const m of source.matchAll(/\{(\d+)(?:,(\d*))?\}/g)) {
    if (Number(m[1]) > MAX_REPEAT || (m[2] !== undefined && m[2] !== '' && Number(m[2]) > MAX_REPEAT)) {
      return `repetition counts above ${MAX_REPEAT} are not allowed`;
    }
  }
  let re: RE2JS;
  try {
    const mask = (flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0) | (flags.includes('m') ? RE2JS.MULTILINE : 0) | (flags.includes('s') ? RE2JS.DOTALL : 0);
    re = RE2JS.compile(toRe2Syntax(source), mask);
  } catch (e) {
    return re2Reason(e instanceof Error ? e.message : String(e));
  }
  if (re.programSize() > MAX_PROGRAM_SIZE) return `pattern is too complex (RE2 program size ${re.programSize()}, at most ${MAX_PROGRAM_SIZE}): use fewer or smaller repetitions`;
  return {
    source,
    each(text, found) {
      const m = re.matcher(text);
      const deadline = performance.now() + ADMIN_PATTERN_BUDGET_MS;
      while (m.find()) {
        const start = m.start();
        const end = m.end();
        if (end > start) found(start, end);
        if (performance.now() > deadline) {
          throw new SettingsError(`${what}: searching one text of ${text.length} characters took longer than ${ADMIN_PATTERN_BUDGET_MS} ms; simplify the pattern`);
        }
      }
    },
  };
}

function compileChecked(source: string, flags: string, what: string): AdminPattern {
  const compiled = compileAdminPattern(source, flags, what);
  if (typeof compiled === 'string') throw new SettingsError(`${what}: ${compiled}`);
  return compiled;
}

export interface CompiledSettings {
  settings: DetectorSettings;
  custom: Array<{ spec: CustomPattern; pattern: AdminPattern }>;
  mrn: AdminPattern[];
  /** Allowlisted key patterns; `builtIn` ones (issue keys) yield to a PHI label ("plate ERE-1514"). */
  keyPatterns: Array<{ pattern: AdminPattern; builtIn: boolean }>;
  /** The workforce directory (settings.workforceNames). */
  directory: StaffDirectory;
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
    staffContext: partial.staffContext ?? base.staffContext,
  };
  if (typeof settings.staffContext !== 'boolean') throw new SettingsError('staffContext must be true or false');
  if (partial.workforceNames !== undefined) {
    const names: unknown = partial.workforceNames;
    if (!Array.isArray(names) || names.some((n) => typeof n !== 'string')) throw new SettingsError('workforceNames must be a list of names');
    if (names.length > MAX_DIRECTORY_NAMES) throw new SettingsError(`at most ${MAX_DIRECTORY_NAMES} workforce names`);
    settings.workforceNames = names as string[];
  }
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
    if (spec.score !== undefined && !(typeof spec.score === 'number' && spec.score >= 0 && spec.score <= 1)) {
      throw new SettingsError(`custom pattern ${spec.id}: score must be a number from 0 to 1`);
    }
    return { spec, pattern: compileChecked(spec.pattern, spec.flags ?? '', `custom pattern ${spec.id}`) };
  });
  const mrn = settings.mrnFormats.map((s, i) => compileChecked(s, '', `MRN format ${i + 1}`));
  const keyPatterns = settings.allowlist.keyPatterns.map((s, i) => ({
    pattern: compileChecked(s, '', `allowlisted key pattern ${i + 1}`),
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
    directory: compileDirectory(settings.workforceNames),
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
