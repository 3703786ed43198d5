/**
 * Engines compared by the PHI benchmark: PHI Guard and npm peers, each behind one interface.
 * Every peer runs with its default configuration (plus openredaction's `hipaa` preset); none is tuned.
 *
 * Span recovery:
 * - phi-guard and openredaction return positions directly;
 * - redact-pii and @redactpii/node only return the redacted text, where each match is replaced by a
 *   fixed placeholder (`PERSON_NAME`, `DIGITS`, ...). `alignRedaction` recovers the original spans by
 *   matching the redacted text against the original, each placeholder standing for a non-empty run of
 *   original characters (the placeholder strings come from the packages' sources, see below).
 */
import type { PredSpan } from './metrics';

export interface Engine {
  name: string;
  /** Predicted spans in original-text offsets (UTF-16, end exclusive). */
  detect(text: string): PredSpan[] | Promise<PredSpan[]>;
  /** The engine's own call, as a user would make it; this is what the speed benchmark times (no span recovery). */
  run(text: string): unknown;
  /** Problems met while recovering spans (alignment failures, position mismatches), for the report. */
  readonly problems: { count: number; example?: string };
}

export const ENGINE_NAMES = ['phi-guard', 'redact-pii', 'openredaction', 'openredaction:hipaa', '@redactpii/node'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

// ---------------------------------------------------------------------------------------------
// Placeholder alignment

/**
 * redact-pii 3.4.0 placeholders: `snakeCase(name).toUpperCase()` of each export of
 * lib/built-ins/simple-regexp-patterns.js, plus NameRedactor's default `PERSON_NAME`.
 */
export const REDACT_PII_PLACEHOLDERS: Readonly<Record<string, string>> = {
  CREDIT_CARD_NUMBER: 'ACCOUNT',
  STREET_ADDRESS: 'ADDRESS',
  ZIPCODE: 'ZIP',
  PHONE_NUMBER: 'PHONE',
  IP_ADDRESS: 'IP',
  US_SOCIAL_SECURITY_NUMBER: 'SSN',
  EMAIL_ADDRESS: 'EMAIL',
  USERNAME: 'OTHER_ID',
  PASSWORD: 'OTHER_ID',
  CREDENTIALS: 'OTHER_ID',
  DIGITS: 'OTHER_ID',
  URL: 'URL',
  PERSON_NAME: 'NAME',
};

/** @redactpii/node 1.0.17 placeholders: the `switch (piiType)` in lib/Redactor.js `_redactString`. */
export const REDACTPII_NODE_PLACEHOLDERS: Readonly<Record<string, string>> = {
  CREDIT_CARD_NUMBER: 'ACCOUNT',
  EMAIL_ADDRESS: 'EMAIL',
  PERSON_NAME: 'NAME',
  PHONE_NUMBER: 'PHONE',
  US_SOCIAL_SECURITY_NUMBER: 'SSN',
  DIGITS: 'OTHER_ID',
};

export interface AlignedSpan {
  start: number;
  end: number;
  placeholder: string;
}

type Token = { lit: true; s: string } | { lit: false; s: string };

const splitterCache = new Map<string, RegExp>();
function splitter(placeholders: readonly string[]): RegExp {
  const key = placeholders.join('\u0000');
  let re = splitterCache.get(key);
  if (!re) {
    const alts = [...placeholders].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = new RegExp(alts.join('|'), 'g');
    splitterCache.set(key, re);
  }
  return re;
}

function tokenize(redacted: string, placeholders: readonly string[]): Token[] {
  const re = splitter(placeholders);
  re.lastIndex = 0;
  const tokens: Token[] = [];
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(redacted)) !== null) {
    if (m.index > last) tokens.push({ lit: true, s: redacted.slice(last, m.index) });
    tokens.push({ lit: false, s: m[0] });
    last = m.index + m[0].length;
  }
  if (last < redacted.length) tokens.push({ lit: true, s: redacted.slice(last) });
  return tokens;
}

/**
 * Recovers which runs of `original` were replaced by placeholders to produce `redacted`.
 *
 * The redacted text is read as a pattern: literal text must match the original exactly; each
 * placeholder occurrence either is literal text of the original (preferred, e.g. a ticket that
 * really says "URL") or stands for a non-empty run of original characters. Candidate runs are tried
 * shortest first, those that the placeholder's own rule matches in full (`validators`, optional)
 * before the rest — this settles ambiguous splits such as "user: ann password: x" →
 * "USERNAME PASSWORD", where the shortest run ("user:") is wrong. The search is depth-first with
 * memoised failures; the first full match is returned, or null when the texts cannot be aligned.
 */
export function alignRedaction(
  original: string,
  redacted: string,
  placeholders: readonly string[],
  validators: Readonly<Record<string, RegExp>> = {},
): AlignedSpan[] | null {
  if (original === redacted) return [];
  const tokens = tokenize(redacted, placeholders);
  const n = original.length;
  const failed = new Set<number>();
  const choice: (AlignedSpan | null)[] = new Array(tokens.length).fill(null);
  const anchored = new Map<string, RegExp>();
  for (const [ph, re] of Object.entries(validators)) anchored.set(ph, new RegExp(`^(?:${re.source})$`, re.flags.replace(/[gy]/g, '')));
  const VALIDATE_MAX = 400;

  /** Candidate ends k > i for the run of the placeholder at token t, shortest first. */
  function* ends(t: number, i: number): Generator<number> {
    const next = tokens[t + 1];
    if (next === undefined) {
      if (n > i) yield n;
    } else if (next.lit) {
      for (let k = original.indexOf(next.s, i + 1); k !== -1; k = original.indexOf(next.s, k + 1)) yield k;
    } else {
      for (let k = i + 1; k <= n; k++) yield k;
    }
  }

  const match = (t: number, i: number): boolean => {
    if (t === tokens.length) return i === n;
    const key = t * (n + 1) + i;
    if (failed.has(key)) return false;
    const tok = tokens[t]!;
    if (tok.lit) {
      if (original.startsWith(tok.s, i) && match(t + 1, i + tok.s.length)) return true;
    } else {
      // 1. the placeholder text is the original's own text
      if (original.startsWith(tok.s, i) && match(t + 1, i + tok.s.length)) {
        choice[t] = null;
        return true;
      }
      // 2. it replaced original[i..k): first runs its rule matches in full, then any run
      const v = anchored.get(tok.s);
      if (v) {
        for (const k of ends(t, i)) {
          if (k - i > VALIDATE_MAX) break;
          if (v.test(original.slice(i, k)) && match(t + 1, k)) {
            choice[t] = { start: i, end: k, placeholder: tok.s };
            return true;
          }
        }
      }
      for (const k of ends(t, i)) {
        if (match(t + 1, k)) {
          choice[t] = { start: i, end: k, placeholder: tok.s };
          return true;
        }
      }
    }
    failed.add(key);
    return false;
  };

  if (!match(0, 0)) return null;
  return choice.filter((c): c is AlignedSpan => c !== null);
}

/** Applies spans back to the original (for checks): each span replaced by its placeholder. */
export function applySpans(original: string, spans: readonly AlignedSpan[]): string {
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += original.slice(at, s.start) + s.placeholder;
    at = s.end;
  }
  return out + original.slice(at);
}

/** A run of name-like characters: what redact-pii's NameRedactor replaces. */
const NAME_RUN = /[\p{L}\s.'’-]+/u;

/**
 * Tie-breaking rules for `alignRedaction`, read from a default redact-pii SyncRedactor at run time
 * (its `childRedactors`: SimpleRegexpRedactor {regexpMatcher, replaceWith} and NameRedactor).
 */
export function redactPiiValidators(redactor: unknown): Record<string, RegExp> {
  const out: Record<string, RegExp> = {};
  const children = (redactor as { childRedactors?: { regexpMatcher?: unknown; replaceWith?: unknown }[] }).childRedactors ?? [];
  for (const c of children) {
    if (typeof c.replaceWith !== 'string') continue;
    if (c.regexpMatcher instanceof RegExp) out[c.replaceWith] ??= c.regexpMatcher;
    else out[c.replaceWith] ??= NAME_RUN;
  }
  return out;
}

/** Same for @redactpii/node: its `activeRules` ({pattern, name}), placeholders as in `_redactString`. */
/** @redactpii/node rule name → the placeholder `_redactString` writes for it. */
export const REDACTPII_NODE_RULE_PLACEHOLDER: Readonly<Record<string, string>> = {
  CREDIT_CARD: 'CREDIT_CARD_NUMBER',
  EMAIL: 'EMAIL_ADDRESS',
  PERSON_NAME: 'PERSON_NAME',
  PHONE_NUMBER: 'PHONE_NUMBER',
  US_SOCIAL_SECURITY_NUMBER: 'US_SOCIAL_SECURITY_NUMBER',
};

export function redactPiiNodeValidators(redactor: unknown): Record<string, RegExp> {
  const placeholderOf = REDACTPII_NODE_RULE_PLACEHOLDER;
  const out: Record<string, RegExp> = {};
  const rules = (redactor as { activeRules?: { pattern?: unknown; name?: unknown }[] }).activeRules ?? [];
  for (const r of rules) {
    if (!(r.pattern instanceof RegExp) || typeof r.name !== 'string') continue;
    out[placeholderOf[r.name] ?? 'DIGITS'] ??= r.pattern;
  }
  return out;
}

function placeholderAdapter(
  name: string,
  redact: (text: string) => string,
  placeholderTypes: Readonly<Record<string, string>>,
  validators: Readonly<Record<string, RegExp>>,
): Engine {
  const placeholders = Object.keys(placeholderTypes);
  const problems: Engine['problems'] = { count: 0 };
  return {
    name,
    run: redact,
    problems,
    detect(text) {
      const redacted = redact(text);
      const spans = alignRedaction(text, redacted, placeholders, validators);
      if (spans === null) {
        problems.count++;
        problems.example ??= `could not align a ${text.length}-char text`;
        return [];
      }
      return spans.map((s) => ({ start: s.start, end: s.end, type: placeholderTypes[s.placeholder] }));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// openredaction types → Safe Harbor types (only used for the type-aware recall column)

const OPENREDACTION_TYPE_RULES: [RegExp, string][] = [
  [/EMAIL/, 'EMAIL'],
  [/^IPV[46]$/, 'IP'],
  [/URL|LINKEDIN|DOMAIN/, 'URL'],
  [/FAX/, 'FAX'],
  [/PHONE/, 'PHONE'],
  [/SSN|SOCIAL_SECURITY|^ITIN$/, 'SSN'],
  [/ZIP|POSTCODE|POSTAL/, 'ZIP'],
  [/^DATE|BIRTH/, 'DATE'],
  [/MEDICAL_RECORD|PATIENT_ID/, 'MRN'],
  [/HEALTH_PLAN|HEALTH_INSURANCE|MEDICARE|SUBSCRIBER|BENEFICIARY|MEMBERSHIP/, 'HEALTH_PLAN_ID'],
  [/LICENSE_PLATE|^VIN|VEHICLE/, 'VEHICLE'],
  [/MAC_ADDRESS|DEVICE|SERIAL|IMEI|IMSI|UUID/, 'DEVICE'],
  [/LICEN[CS]E|PASSPORT|DEA_NUMBER|NPI_NUMBER/, 'LICENSE'],
  [/^ADDRESS/, 'ADDRESS'],
  [/BIOMETRIC|DNA|GENETIC/, 'BIOMETRIC'],
  [/CREDIT_CARD|IBAN|ACCOUNT|BANK|ROUTING|SORT_CODE/, 'ACCOUNT'],
  [/^NAME$/, 'NAME'],
];

export function mapOpenRedactionType(type: string): string {
  for (const [re, phi] of OPENREDACTION_TYPE_RULES) if (re.test(type)) return phi;
  return 'OTHER_ID';
}

interface OpenRedactionDetection {
  type: string;
  value: string;
  position: [number, number];
}

function openRedactionAdapter(name: string, instance: { detect(text: string): Promise<{ detections: OpenRedactionDetection[] }> }): Engine {
  const problems: Engine['problems'] = { count: 0 };
  return {
    name,
    problems,
    run: (text) => instance.detect(text),
    async detect(text) {
      const result = await instance.detect(text);
      const out: PredSpan[] = [];
      for (const d of result.detections) {
        let [start, end] = d.position;
        if (text.slice(start, end) !== d.value) {
          // Defensive: positions should be original offsets (they are in 1.1.5); fall back to the value.
          const at = text.indexOf(d.value, Math.max(0, start - 50));
          problems.count++;
          problems.example ??= `${d.type} position [${start},${end}] does not hold its value`;
          if (at === -1 || d.value.length === 0) continue;
          start = at;
          end = at + d.value.length;
        }
        out.push({ start, end, type: mapOpenRedactionType(d.type) });
      }
      return out;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Loading (lazy: a peer is only imported when it is benchmarked)

export async function createEngine(name: EngineName): Promise<Engine> {
  switch (name) {
    case 'phi-guard': {
      const { createDetector } = await import('../src/phi/detect');
      const detector = createDetector();
      return {
        name,
        problems: { count: 0 },
        run: (text) => detector.detect(text),
        detect: (text) => detector.detect(text).map((f) => ({ start: f.start, end: f.end, type: f.type })),
      };
    }
    case 'redact-pii': {
      const mod = await import('redact-pii');
      const SyncRedactor = mod.SyncRedactor ?? (mod as unknown as { default: typeof mod }).default.SyncRedactor;
      const redactor = new SyncRedactor();
      return placeholderAdapter(name, (text) => redactor.redact(text), REDACT_PII_PLACEHOLDERS, redactPiiValidators(redactor));
    }
    case '@redactpii/node': {
      const mod = await import('@redactpii/node');
      const Redactor = mod.Redactor ?? (mod as unknown as { default: typeof mod }).default.Redactor;
      const redactor = new Redactor();
      return placeholderAdapter(name, (text) => redactor.redact(text), REDACTPII_NODE_PLACEHOLDERS, redactPiiNodeValidators(redactor));
    }
    case 'openredaction':
    case 'openredaction:hipaa': {
      const mod = await import('openredaction');
      const OpenRedaction = mod.OpenRedaction ?? (mod as unknown as { default: typeof mod }).default.OpenRedaction;
      const instance = name === 'openredaction' ? new OpenRedaction() : new OpenRedaction({ preset: 'hipaa' });
      return openRedactionAdapter(name, instance);
    }
  }
}

export async function loadEngines(names: readonly EngineName[] = ENGINE_NAMES): Promise<Engine[]> {
  const out: Engine[] = [];
  for (const n of names) out.push(await createEngine(n));
  return out;
}
