/**
 * Detector settings: defaults, merging partial settings from storage, and validation of
 * admin-supplied regular expressions (custom patterns, MRN formats, allowlisted key patterns).
 */
import { RE2JS } from 're2js';
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
 * A regular expression an admin typed (a custom pattern, an MRN format, an allowlisted key
 * pattern). It is run by RE2 (the `re2js` port of Google's RE2), never by V8's backtracking
 * engine: RE2's matching time is linear in the text for every pattern, so a careless or hostile
 * pattern cannot stall a scan. (In V8, `(a+)+$` is exponential on a run of a's, and
 * `[A-Z0-9]+-[A-Z0-9]+` is quadratic on a long run of digits: 26 s for 100,000 digits.)
 */
export interface AdminPattern {
  /** The pattern as the admin typed it. */
  readonly source: string;
  /** Calls `found(start, end)` for each non-empty match in `text`, left to right, not overlapping (UTF-16 offsets). */
  each(text: string, found: (start: number, end: number) => void): void;
}

/** JavaScript's `\uXXXX` and `\u{X…}` escapes in RE2's spelling `\x{…}`; everything else as written. */
function toRe2Syntax(source: string): string {
  return source.replace(/\\(?:u([0-9A-Fa-f]{4})|u\{([0-9A-Fa-f]{1,6})\}|[^])/g, (all: string, hex4?: string, hexN?: string) =>
    hex4 !== undefined ? `\\x{${hex4}}` : hexN !== undefined ? `\\x{${hexN}}` : all,
  );
}

/** RE2's reason for refusing a pattern, in the words an admin knows. */
function re2Reason(message: string): string {
  if (/`\(\?[=!]/.test(message)) return 'lookahead is not supported';
  if (/`\(\?<[=!]/.test(message)) return 'lookbehind is not supported';
  if (/escape sequence: `\\(?:[1-9]|k)/.test(message)) return 'backreferences are not supported';
  return `invalid regular expression: ${message.replace(/^error parsing regexp: /, '')}`;
}

/**
 * Compiles an admin's pattern for RE2, or says why it cannot be used: empty, longer than 300
 * characters, a flag other than g i m s u, a repetition count above 100, or syntax RE2 does not
 * have (lookaround, backreferences) or that is invalid. Matching with what it returns takes linear
 * time whatever the pattern.
 */
export function compileAdminPattern(source: string, flags = ''): AdminPattern | string {
  if (typeof source !== 'string' || source.length === 0) return 'pattern is empty';
  if (source.length > MAX_PATTERN_LENGTH) return `pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  if (typeof flags !== 'string' || !/^[gimsu]*$/.test(flags)) return `unsupported flags "${String(flags)}" (use g, i, m, s, u)`;
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
  return {
    source,
    each(text, found) {
      const m = re.matcher(text);
      while (m.find()) {
        const start = m.start();
        const end = m.end();
        if (end > start) found(start, end);
      }
    },
  };
}

/** Why an admin's pattern cannot be used, or null when it can (see compileAdminPattern). */
export function checkPatternSafety(source: string, flags = ''): string | null {
  const compiled = compileAdminPattern(source, flags);
  return typeof compiled === 'string' ? compiled : null;
}

function compileChecked(source: string, flags: string, what: string): AdminPattern {
  const compiled = compileAdminPattern(source, flags);
  if (typeof compiled === 'string') throw new SettingsError(`${what}: ${compiled}`);
  return compiled;
}

export interface CompiledSettings {
  settings: DetectorSettings;
  custom: Array<{ spec: CustomPattern; pattern: AdminPattern }>;
  mrn: AdminPattern[];
  /** Allowlisted key patterns; `builtIn` ones (issue keys) yield to a PHI label ("plate ERE-1514"). */
  keyPatterns: Array<{ pattern: AdminPattern; builtIn: boolean }>;
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
