/**
 * Pattern rules for the structured identifiers. Each rule runs one global regular expression
 * over the text (patterns are written to fail fast: a literal or narrow class first, bounded
 * repetition, no nested quantifiers) and turns its matches into scored candidates, using the
 * word-level cue index for context.
 */
import { Cue, type CueIndex, type Token } from './context';
import type { Finding, PhiType } from './types';
import {
  MBI_SOURCE,
  isLikelyCard,
  isValidDea,
  isValidIban,
  isValidIpv4,
  isValidMonthDay,
  isValidNpi,
  isValidSsn,
  isValidVin,
} from './validators';
import { US_STATE_CODES, US_STATE_NAMES } from './lexicon';

export type Emit = (type: PhiType, start: number, end: number, score: number, rule: string) => void;

export interface RuleEnv {
  text: string;
  tokens: readonly Token[];
  cues: CueIndex;
  emit: Emit;
}

const clamp = (n: number) => (n < 0 ? 0 : n > 1 ? 1 : n);

/** Context adjustment shared by most rules: clinical words near raise, technical words near lower. */
function ctxScore(env: RuleEnv, start: number, end: number, base: number, up: number, down: number, window = 80): number {
  const clinical = env.cues.near(Cue.Clinical, start, end, window, 20) || env.cues.near(Cue.Personal, start, end, 30, 0);
  const tech = env.cues.near(Cue.Tech, start, end, 40, 15);
  let s = base;
  if (clinical) s += up;
  if (tech && !clinical) s -= down;
  return clamp(s);
}

/** Label words right before `start` (case-insensitive regex over a short window). */
function labelBefore(text: string, start: number, re: RegExp, window = 40): boolean {
  return re.test(text.slice(Math.max(0, start - window), start));
}

const isWordChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (c >= 0xc0 && c <= 0x24f);

// ---------------------------------------------------------------------------------------------
// EMAIL: found by scanning for '@' and growing outwards (no regex backtracking over every word).
const LOCAL_CH = /[A-Za-z0-9._%+\-']/;
const DOMAIN_CH = /[A-Za-z0-9.-]/;
const ROLE_LOCALS = /^(?:no-?reply|do-?not-?reply|admin|administrator|root|postmaster|support|help|helpdesk|servicedesk|service-desk|alerts?|monitoring|notifications?|noc|soc|it|itsupport|jira|confluence|security|abuse|webmaster|info|billing|devops|ops|svc[._-]?\w*)$/i;

export function emailRule(env: RuleEnv, allowDomain: (domain: string) => boolean): void {
  const { text } = env;
  let at = text.indexOf('@');
  while (at !== -1) {
    let s = at;
    while (s > 0 && at - s < 64 && LOCAL_CH.test(text[s - 1]!)) s--;
    let e = at + 1;
    while (e < text.length && e - at < 255 && DOMAIN_CH.test(text[e]!)) e++;
    while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
    while (s < at && (text[s] === '.' || text[s] === "'")) s++;
    const domain = text.slice(at + 1, e);
    if (s < at && /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}$/.test(domain)) {
      const local = text.slice(s, at);
      if (!allowDomain(domain.toLowerCase())) {
        const role = ROLE_LOCALS.test(local);
        env.emit('EMAIL', s, e, role ? 0.3 : 0.92, role ? 'email.role' : 'email.format');
      }
      at = text.indexOf('@', e);
    } else {
      at = text.indexOf('@', at + 1);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// URL
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'`)\]}|]+/gi;
const URL_PERSONAL = /[?&/](?:patient|pt|mrn|dob|ssn|member|person|chart|record|name|first|last)[\w-]*[=/]/i;

export function urlRule(env: RuleEnv, allowDomain: (domain: string) => boolean): void {
  const { text } = env;
  URL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL_RE.exec(text)) !== null) {
    let end = m.index + m[0].length;
    while (end > m.index && /[.,;:!?]/.test(text[end - 1]!)) end--;
    const url = text.slice(m.index, end);
    const host = /^(?:https?:\/\/)?([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? '';
    if (allowDomain(host)) continue;
    let score: number;
    if (URL_PERSONAL.test(url)) score = 0.85;
    else score = ctxScore(env, m.index, end, 0.35, 0.35, 0.1, 60);
    env.emit('URL', m.index, end, score, URL_PERSONAL.test(url) ? 'url.personal' : 'url.context');
  }
}

// ---------------------------------------------------------------------------------------------
// IP addresses
const IPV4_RE = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)/g;
const IPV6_RE = /\b(?:[0-9a-fA-F]{1,4}:){2,7}(?::|[0-9a-fA-F]{1,4})(?![\w:])/g;

export function ipRule(env: RuleEnv, allowIp: (ip: string) => boolean): void {
  const { text } = env;
  for (const re of [IPV4_RE, IPV6_RE]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const ip = m[0];
      if (re === IPV4_RE && !isValidIpv4(ip)) continue;
      if (re === IPV6_RE && (ip.match(/:/g)?.length ?? 0) < 4) continue;
      if (allowIp(ip)) continue;
      const personal =
        env.cues.near(Cue.Personal, m.index, m.index, 40) || env.cues.near(Cue.Clinical, m.index, m.index, 60, 10);
      const tech = env.cues.near(Cue.Tech, m.index, m.index + ip.length, 40, 15);
      const score = personal ? (tech ? 0.6 : 0.85) : tech ? 0.15 : 0.45;
      env.emit('IP', m.index, m.index + ip.length, score, 'ip.' + (re === IPV4_RE ? 'v4' : 'v6'));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// SSN
const SSN_RE = /(?<![\w-])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\w-]|\.\d)/g;
const SSN_LABEL = /(?:ssn|social security|soc\.? ?sec|ss#|ss ?no)[^\n\d]{0,20}$/i;

export function ssnRule(env: RuleEnv): void {
  const { text } = env;
  SSN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SSN_RE.exec(text)) !== null) {
    if (!isValidSsn(m[0])) continue;
    const start = m.index;
    const end = start + m[0].length;
    const labelled = labelBefore(text, start, SSN_LABEL, 30);
    const sep = m[2];
    let score = labelled ? 0.97 : sep === '-' ? 0.82 : sep === ' ' ? 0.6 : 0.35;
    if (!labelled) score = ctxScore(env, start, end, score, 0.1, 0.35);
    env.emit('SSN', start, end, score, labelled ? 'ssn.labelled' : 'ssn.format');
  }
}

// ---------------------------------------------------------------------------------------------
// Phone and fax
const NANP_RE = /(?<![\w+-])(?:\+?1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}(?:[ ]?(?:x|ext\.?|extension)[ ]?\d{1,6})?(?![\w-]|\.\d)/gi;
// International / loosely grouped: "+44 20 7946 0958", "0490 75 40 81", "03.93.92.16.85", "(37) 788-063".
const INTL_RE = /(?<![\w+.-])(?:\+\d{1,3}[ .-]?(?:\(0\)[ ]?)?|00\d{1,3}[ .-]|\(\d{1,4}\)[ ]?)?\d{2,5}(?:[ .-]\d{2,5}){1,4}(?:[ ]?x\d{1,6})?(?![\w-]|[.:]\d)/g;
const BARE10_RE = /(?<![\w-])\d{10}(?![\w-])/g;
const FAX_LABEL = /(?:fax|\bf[.:]|\bfx)[^\n\d]{0,12}$/i;
const PHONE_LABEL = /(?:phone|\bph|\btel|cell|mobile|\bmob|call(?: me)?(?: at| back)?|contact|reach(?: me)?(?: at)?|number|\bnum|#|\bc:|\bh:|\bw:|\bm:|\bp:)[^\n\d]{0,12}$/i;

export function phoneRule(env: RuleEnv): void {
  const { text } = env;
  const emitPhone = (start: number, end: number, base: number, rule: string) => {
    const fax = labelBefore(text, start, FAX_LABEL, 20);
    const labelled = fax || labelBefore(text, start, PHONE_LABEL, 25);
    let score = labelled ? Math.max(base, 0.92) : ctxScore(env, start, end, base, 0.15, 0.35);
    if (!labelled && env.cues.near(Cue.Phone, start, end, 40, 0)) score = clamp(score + 0.2);
    env.emit(fax ? 'FAX' : 'PHONE', start, end, score, (fax ? 'fax.' : 'phone.') + rule);
  };
  NANP_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NANP_RE.exec(text)) !== null) emitPhone(m.index, m.index + m[0].length, 0.8, 'nanp');
  INTL_RE.lastIndex = 0;
  while ((m = INTL_RE.exec(text)) !== null) {
    const s = m[0];
    const digits = s.replace(/\D/g, '').length;
    if (digits < 7 || digits > 15) continue;
    // dates, versions, times and IP-like shapes are handled elsewhere
    if (/^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(s)) continue;
    if (/^\d+(?:\.\d+){2,}$/.test(s) && !/^\d{2}(?:\.\d{2}){4}$/.test(s)) continue;
    const intl = s.startsWith('+') || s.startsWith('00');
    emitPhone(m.index, m.index + s.length, intl ? 0.75 : 0.5, intl ? 'intl' : 'grouped');
  }
  BARE10_RE.lastIndex = 0;
  while ((m = BARE10_RE.exec(text)) !== null) {
    const labelled = labelBefore(text, m.index, PHONE_LABEL, 25) || labelBefore(text, m.index, FAX_LABEL, 20);
    if (labelled) emitPhone(m.index, m.index + 10, 0.9, 'bare');
    else emitPhone(m.index, m.index + 10, 0.3, 'bare');
  }
}

// ---------------------------------------------------------------------------------------------
// Dates
const MONTHS = 'Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember)?|\\.)?|Sept\\.|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?';
const NUM_DATE_RE = /(?<![\w/.:-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/-]|\.\d)/g;
const ISO_DATE_RE = /(?<![\w/.:-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\w/-]|\.\d)/g;
const NAMED_DATE_RE = new RegExp(
  `\\b(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?,? )?(?:(?:${MONTHS})[ ]?\\d{1,2}(?:st|nd|rd|th)?(?:,? ?\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:${MONTHS}),?(?: \\d{4})?|\\d{1,2}-(?:${MONTHS})-\\d{2,4})\\b`,
  'gi',
);
const COMPACT_DATE_RE = /(?<![\w-])(19\d{2}|20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\w-])/g;
const TIME_AFTER = /^(?:[T ]\d{1,2}:\d{2}|:\d{2}:\d{2})/;

export function dateRule(env: RuleEnv): void {
  const { text } = env;
  const emitDate = (start: number, end: number, base: number, rule: string) => {
    const event = env.cues.near(Cue.DateEvent, start, end, 40, 5);
    const timeAfter = TIME_AFTER.test(text.slice(end, end + 6));
    const logLike = timeAfter && /^[T ]\d{1,2}:\d{2}:\d{2}(?:[.,]\d+|Z|[+-]\d{2})/.test(text.slice(end, end + 16));
    let score: number;
    if (event) score = 0.95;
    else {
      score = ctxScore(env, start, end, base, 0.25, 0.35, 60);
      if (logLike) score = Math.min(score, 0.2);
      else if (timeAfter) score -= 0.05;
      if (/^\s*[[(]?\d{1,2}:\d{2}/.test(text.slice(end, end + 4)) && text[start - 1] === '[') score = 0.1;
    }
    env.emit('DATE', start, end, clamp(score), rule);
  };
  let m: RegExpExecArray | null;
  NUM_DATE_RE.lastIndex = 0;
  while ((m = NUM_DATE_RE.exec(text)) !== null) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (!isValidMonthDay(a, b) && !isValidMonthDay(b, a)) continue;
    if (m[2] === '.' && m[4]!.length === 2) continue; // 1.2.3-ish versions
    emitDate(m.index, m.index + m[0].length, m[2] === '.' ? 0.45 : 0.6, 'date.numeric');
  }
  ISO_DATE_RE.lastIndex = 0;
  while ((m = ISO_DATE_RE.exec(text)) !== null) {
    if (!isValidMonthDay(Number(m[3]), Number(m[4]))) continue;
    emitDate(m.index, m.index + m[0].length, 0.55, 'date.iso');
  }
  NAMED_DATE_RE.lastIndex = 0;
  while ((m = NAMED_DATE_RE.exec(text)) !== null) {
    const s = m[0];
    const day = /(?:^|\D)(\d{1,2})(?:st|nd|rd|th)?(?!\d)/.exec(s);
    if (!day || Number(day[1]) < 1 || Number(day[1]) > 31) continue;
    // "May 5" with no year: only in context
    const hasYear = /\d{4}/.test(s);
    emitDate(m.index, m.index + s.length, hasYear ? 0.65 : 0.5, 'date.named');
  }
  COMPACT_DATE_RE.lastIndex = 0;
  while ((m = COMPACT_DATE_RE.exec(text)) !== null) {
    const event = env.cues.near(Cue.DateEvent, m.index, m.index + 8, 30, 0);
    if (event) env.emit('DATE', m.index, m.index + 8, 0.85, 'date.compact');
  }
}

// ---------------------------------------------------------------------------------------------
// Ages over 89
const AGE_RE = /\b(?:(?:age[ds]?|aged)\s*[:=]?\s*(\d{2,3})\b|(\d{2,3})\s*(?:-\s*|\s)?(?:y\/o|y\.o\.?|yo|yrs?(?:[- ]old)?|years?(?:[- ]old)?|year-old|-year-old|yr-old)\b)/gi;

export function ageRule(env: RuleEnv): void {
  const { text } = env;
  AGE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = AGE_RE.exec(text)) !== null) {
    const num = m[1] ?? m[2]!;
    const n = Number(num);
    if (n < 90 || n > 125) continue;
    const start = m.index + m[0].indexOf(num);
    const labelled = m[1] !== undefined || /old|y\/?o|y\.o/i.test(m[0]);
    const score = ctxScore(env, start, start + num.length, labelled ? 0.85 : 0.6, 0.1, 0.4);
    env.emit('AGE', start, start + num.length, score, 'age.over89');
  }
}

// ---------------------------------------------------------------------------------------------
// ZIP codes (US 5 / ZIP+4), with a state, a ZIP label, or an address before
const ZIP_RE = /(?<![\w-])\d{5}(?:-\d{4})?(?![\w-])/g;

export function zipRule(env: RuleEnv, addressEnds: readonly number[]): void {
  const { text } = env;
  ZIP_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ZIP_RE.exec(text)) !== null) {
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    const st = /([A-Za-z]{2,14})\.?,?\s{1,3}$/.exec(before);
    const stateBefore = !!st && (US_STATE_CODES.has(st[1]!) || US_STATE_NAMES.has(st[1]!.toLowerCase()));
    const label = /(?:zip|postal|post code|postcode|zip code)\s*(?:code)?\s*[:#]?\s*$/i.test(before);
    const afterAddress = addressEnds.some((e) => m!.index - e >= 0 && m!.index - e <= 40);
    let score: number;
    if (stateBefore || label) score = 0.92;
    else if (afterAddress) score = 0.8;
    else score = ctxScore(env, m.index, m.index + m[0].length, 0.25, 0.15, 0.2);
    env.emit('ZIP', m.index, m.index + m[0].length, score, stateBefore ? 'zip.state' : label ? 'zip.label' : 'zip.context');
  }
}

// ---------------------------------------------------------------------------------------------
// Street addresses, PO boxes, units, military addresses, "City, ST"
const STREET_SUFFIX =
  'Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|' +
  'Highway|Hwy|Square|Sq|Trail|Trl|Loop|Path|Pike|Plaza|Plz|Row|Run|Walk|Alley|Crossing|Xing|Heights|Hts|Hill|Hills|' +
  'Point|Pt|Ridge|Rdg|Crescent|Cres|Close|Grove|Gardens|Gdns|Mews|Green|Park|Views?|Meadows?|Junction|Jct|Manor|Mill|' +
  'Springs?|Station|Sta|Estates?|Falls|Ferry|Fields?|Forest|Fort|Harbor|Haven|Island|Isle|Lake|Lakes|Landing|Mount|Mountain|' +
  'Oval|Pass|Pines|Port|Prairie|Ranch|Shore|Shores|Summit|Turnpike|Tpke|Union|Valley|Vista|Village|Wells|Creek|Expressway|Expy|Freeway|Fwy|Causeway|Route|Rte';
const STREET_RE = new RegExp(
  `\\b\\d{1,6}[A-Za-z]?(?:[ ]+(?:[NSEW]|North|South|East|West|NE|NW|SE|SW)\\.?)?(?:[ ]+[A-Z\\u00C0-\\u024F][\\w\\u00C0-\\u024F'.-]*){1,4}?[ ]+(?:${STREET_SUFFIX})\\b\\.?(?:[ ]+(?:[NSEW]|NE|NW|SE|SW)\\b\\.?)?` +
    `(?:,?[ ]+(?:Apt|Apartment|Suite|Ste|Unit|Bldg|Building|Fl|Floor|Rm|Room|#)\\.?[ ]*#?[A-Za-z0-9-]{1,6}\\b)?`,
  'g',
);
// European style "Koskikatu 25", "Rua do Arenque 1634", "Via Franscini 71", "Brucker Bundesstrasse 31"
const EU_STREET_RE =
  /\b(?:(?:Rua|Via|Viale|Calle|Avenida|Rue|Avenue|Boulevard|Piazza|Plaza|Ulica|Ul\.|Strada|Carrer|Camino|Largo)(?:[ ]+[\w\u00C0-\u024F'.-]+){1,4}|[A-Z\u00C0-\u024F][\w\u00C0-\u024F'-]*(?:katu|tie|kuja|gatan|gata|vej|vænget|vegen|veien|gade|straße|strasse|str\.|weg|gasse|allee|platz|laan|straat|plein|dreef|utca|u\.|ulica|tér|út|ring|kaari|polku|rinne|väylä))[ ]+\d{1,5}[A-Za-z]?\b/gu;
const UNIT_RE = /\b(?:Apt|Apartment|Suite|Ste|Unit)\.?[ ]*#?\d{1,5}[A-Za-z]?\b/g;
const POBOX_RE = /\b(?:P\.?[ ]?O\.?[ ]?Box|PO Box|Post Office Box|PSC[ ]\d{3,5},?[ ]Box)[ ]+\d{1,6}\b|\b(?:APO|FPO|DPO)[ ](?:AA|AE|AP)\b/gi;
const CITY_STATE_RE = /\b([A-Z\u00C0-\u024F][A-Za-z\u00C0-\u024F.'-]+(?:[ ][A-Z\u00C0-\u024F][A-Za-z\u00C0-\u024F.'-]+){0,2}),[ ]+([A-Z]{2})\b(?:[ ]+\d{5})?/g;

export function addressRule(env: RuleEnv): number[] {
  const { text } = env;
  const ends: number[] = [];
  let m: RegExpExecArray | null;
  const addressCtx = (start: number) =>
    env.cues.near(Cue.Address, start, start, 50, 0) || env.cues.near(Cue.Clinical, start, start, 80, 20);
  STREET_RE.lastIndex = 0;
  while ((m = STREET_RE.exec(text)) !== null) {
    const tech = env.cues.near(Cue.Tech, m.index, m.index + m[0].length, 30, 10);
    const score = addressCtx(m.index) ? 0.95 : tech ? 0.55 : 0.85;
    env.emit('ADDRESS', m.index, m.index + m[0].length, score, 'address.street');
    ends.push(m.index + m[0].length);
  }
  EU_STREET_RE.lastIndex = 0;
  while ((m = EU_STREET_RE.exec(text)) !== null) {
    env.emit('ADDRESS', m.index, m.index + m[0].length, addressCtx(m.index) ? 0.9 : 0.7, 'address.street-intl');
    ends.push(m.index + m[0].length);
  }
  POBOX_RE.lastIndex = 0;
  while ((m = POBOX_RE.exec(text)) !== null) {
    env.emit('ADDRESS', m.index, m.index + m[0].length, 0.85, 'address.pobox');
    ends.push(m.index + m[0].length);
  }
  UNIT_RE.lastIndex = 0;
  while ((m = UNIT_RE.exec(text)) !== null) {
    const near = ends.some((e) => m!.index - e >= -2 && m!.index - e < 30);
    const tech = env.cues.near(Cue.Tech, m.index, m.index, 40, 10);
    env.emit('ADDRESS', m.index, m.index + m[0].length, near ? 0.9 : addressCtx(m.index) ? 0.75 : tech ? 0.2 : 0.55, 'address.unit');
  }
  CITY_STATE_RE.lastIndex = 0;
  while ((m = CITY_STATE_RE.exec(text)) !== null) {
    if (!US_STATE_CODES.has(m[2]!)) continue;
    const city = m[1]!;
    const afterStreet = ends.some((e) => m!.index - e >= 0 && m!.index - e <= 6);
    const withZip = m[0].length > city.length + 4 + 1;
    const score = afterStreet || withZip ? 0.9 : addressCtx(m.index) ? 0.75 : 0.45;
    env.emit('ADDRESS', m.index, m.index + city.length, score, 'address.city');
    ends.push(m.index + m[0].length);
  }
  return ends;
}

// ---------------------------------------------------------------------------------------------
// Labelled identifiers: the label decides the type; the value must hold a digit.
interface LabelledIdSpec {
  type: PhiType;
  /** Lower-case first words of the label alternatives: the regex runs only where one of them stands. */
  triggers: string;
  rule: string;
  label: string;
  value: string;
  score: number;
  /** Require a clinical/personal cue nearby to reach `score`; otherwise use `weakScore`. */
  needsContext?: boolean;
  weakScore?: number;
  /** Value rejected when it matches. */
  reject?: RegExp;
}

const ID_VALUE = "[A-Za-z0-9][A-Za-z0-9-]{2,24}";
const LABELLED_IDS: LabelledIdSpec[] = [
  {
    type: 'MRN',
    triggers: 'mrn mr medical med chart patient pt empi epi csn fin encounter',
    rule: 'mrn.label',
    label: "(?:MRN|MR ?#|MR ?No\\.?|MR ?Number|medical record(?: number| no\\.?| num| #|s? id)?|med(?:ical)? rec(?:ord)? ?#|chart(?: number| no\\.?| #| id)|patient (?:id|#|number|no\\.?|identifier)|pt\\.? ?(?:id|#|no\\.?)|EMPI|EPI ?#|CSN|FIN|encounter (?:id|#|number|no\\.?))",
    value: ID_VALUE,
    score: 0.95,
  },
  {
    type: 'HEALTH_PLAN_ID',
    triggers: 'member subscriber policy insurance insured beneficiary medicaid medicare hicn mbi health plan group payer',
    rule: 'plan.label',
    label: "(?:member|subscriber|policy|insurance|insured|beneficiary|medicaid|medicare|HICN|MBI|health ?plan|plan member|group (?:number|no\\.?|#)|payer)(?: (?:id|number|no\\.?|num|#|identifier))?",
    value: ID_VALUE,
    score: 0.92,
  },
  {
    type: 'ACCOUNT',
    triggers: 'account acct a billing invoice guarantor bank routing statement hospital har patient',
    rule: 'account.label',
    label: "(?:account|acct|a\\/c|billing|invoice|guarantor|bank|routing|statement|hospital account|HAR|patient account)(?: (?:number|no\\.?|num|#|id))?",
    value: "(?:[A-Za-z]{0,4}-?\\d[\\d-]{3,20}[A-Za-z0-9]?)",
    score: 0.85,
    needsContext: true,
    weakScore: 0.55,
  },
  {
    type: 'LICENSE',
    triggers: "driver's drivers driver dl license licence lic state medical dea npi certificate",
    rule: 'license.label',
    label: "(?:driver'?s?'? licen[cs]e|drivers? lic\\.?|DL|licen[cs]e|lic\\.?|state licen[cs]e|medical licen[cs]e|DEA|NPI|certificate)(?: (?:number|no\\.?|num|#|id))?",
    value: ID_VALUE,
    score: 0.88,
    reject: /^(?:key|server|file|manager|expired|renewal)$/i,
  },
  {
    type: 'VEHICLE',
    triggers: 'vin vehicle license licence plate tag',
    rule: 'vehicle.label',
    label: "(?:VIN|vehicle (?:id|identification number)|licen[cs]e plate|plate(?: number| no\\.?| #)?|tag number)",
    value: "[A-Za-z0-9][A-Za-z0-9 -]{1,16}[A-Za-z0-9]",
    score: 0.88,
  },
  {
    type: 'DEVICE',
    triggers: 'serial s sn device udi implant lot',
    rule: 'device.label',
    label: "(?:serial(?: number| no\\.?| #)?|s\\/n|SN|device (?:id|serial|identifier)|UDI|implant (?:id|serial)|lot(?: number| no\\.?| #)?)",
    value: ID_VALUE,
    score: 0.6,
  },
  {
    type: 'BIOMETRIC',
    triggers: 'fingerprint finger retina retinal iris voice voiceprint palm faceprint face biometric',
    rule: 'biometric.label',
    label: "(?:fingerprint|finger ?print|retina(?:l)?(?: scan)?|iris(?: scan)?|voice ?print|palm ?print|face(?:print| template| id)|biometric)(?: (?:template|scan|hash|record))?(?: (?:id|#|no\\.?|number|ref))?",
    value: "[A-Za-z0-9][A-Za-z0-9_-]{3,63}",
    score: 0.9,
  },
  {
    type: 'OTHER_ID',
    triggers: 'claim case passport employer ein prior authorization auth referral portal username user login badge',
    rule: 'other.label',
    label: "(?:claim|case|passport|employer id|EIN|prior auth(?:orization)?|authorization|auth|referral|portal (?:username|user ?name|login|user ?id|account)|username|user ?name|user ?id|login|badge)(?: (?:number|no\\.?|num|#|id))?",
    value: "[A-Za-z0-9][A-Za-z0-9._-]{2,40}",
    score: 0.8,
    needsContext: true,
    weakScore: 0.3,
  },
];

const SEP = "\\s{0,3}(?:[:#=]|is|was|no\\.?)?\\s{0,3}(?:[:#=]\\s{0,3})?(?:is\\s)?";
const LABEL_TRIGGERS = new Map<string, Array<readonly [LabelledIdSpec, RegExp]>>();
for (const spec of LABELLED_IDS) {
  const re = new RegExp(`${spec.label}${SEP}(${spec.value})(?![\\w-])`, 'iy');
  for (const word of spec.triggers.split(' ')) {
    const list = LABEL_TRIGGERS.get(word) ?? [];
    list.push([spec, re]);
    LABEL_TRIGGERS.set(word, list);
  }
}

export function labelledIdRule(env: RuleEnv): void {
  const { text } = env;
  for (const tok of env.tokens) {
    const rules = LABEL_TRIGGERS.get(tok.lower);
    if (!rules) continue;
    for (const [spec, re] of rules) {
      re.lastIndex = tok.start;
      const m = re.exec(text);
      if (!m) continue;
      let value = m[1]!;
      if (!/\d/.test(value)) continue;
      if (spec.reject?.test(value)) continue;
      if (spec.type === 'VEHICLE') value = value.trimEnd();
      const start = m.index + m[0].length - m[1]!.length;
      const end = start + value.length;
      let score = spec.score;
      if (spec.needsContext) {
        const ctx =
          env.cues.near(Cue.Clinical, start, end, 100, 30) || env.cues.near(Cue.Personal, start, end, 40, 0);
        score = ctx ? spec.score : spec.weakScore ?? spec.score;
      }
      if (spec.type === 'DEVICE') {
        const med = env.cues.near(Cue.MedDevice, start, end, 80, 10);
        const it = env.cues.near(Cue.ItDevice, start, end, 60, 10);
        score = med ? 0.92 : it ? 0.15 : env.cues.near(Cue.Clinical, start, end, 80, 20) ? 0.7 : 0.4;
      } else if (spec.type !== 'BIOMETRIC' && env.cues.near(Cue.Tech, start, end, 30, 10)) {
        score -= 0.15;
      }
      env.emit(spec.type, start, end, clamp(score), spec.rule);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Check-digit identifiers that need no label
const MBI_RE = new RegExp(`(?<![\\w-])${MBI_SOURCE}(?![\\w-])`, 'gi');
const DEA_RE = /(?<![\w-])[A-Z][A-Z9]\d{7}(?![\w-])/g;
const NPI_RE = /(?<![\w-])[12]\d{9}(?![\w-])/g;
const VIN_RE = /\b[A-HJ-NPR-Z0-9]{17}\b/g;
const CARD_RE = /(?<![\w-])\d{4}(?:[ -]?\d{2,4}){2,4}(?:[ -]?\d{1,3})?(?![\w-])/g;
const CARD_PLAIN_RE = /(?<![\w-])\d{12,19}(?![\w-])/g;
const IBAN_RE = /(?<![\w-])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]{4}){2,7}(?:[ ]?[A-Za-z0-9]{1,3})?(?![\w-])/g;
const UDI_RE = /\(01\)\d{14}(?:\(\d{2,4}\)[A-Za-z0-9-]{1,20})*/g;

export function checkDigitRule(env: RuleEnv): void {
  const { text } = env;
  let m: RegExpExecArray | null;
  MBI_RE.lastIndex = 0;
  while ((m = MBI_RE.exec(text)) !== null) {
    const s = m[0];
    if (!/[A-Za-z]/.test(s) || (s !== s.toUpperCase() && s !== s.toLowerCase())) continue;
    const ctx = labelBefore(text, m.index, /(?:medicare|mbi|beneficiary|member|hicn)[^\n]{0,25}$/i, 40);
    env.emit('HEALTH_PLAN_ID', m.index, m.index + s.length, ctx ? 0.97 : ctxScore(env, m.index, m.index + s.length, 0.75, 0.15, 0.3), 'plan.mbi');
  }
  DEA_RE.lastIndex = 0;
  while ((m = DEA_RE.exec(text)) !== null) {
    if (!isValidDea(m[0])) continue;
    const ctx = labelBefore(text, m.index, /DEA[^\n]{0,15}$/i, 20);
    env.emit('LICENSE', m.index, m.index + 9, ctx ? 0.97 : ctxScore(env, m.index, m.index + 9, 0.6, 0.2, 0.3), 'license.dea');
  }
  NPI_RE.lastIndex = 0;
  while ((m = NPI_RE.exec(text)) !== null) {
    if (!isValidNpi(m[0])) continue;
    const ctx = labelBefore(text, m.index, /NPI[^\n]{0,15}$/i, 20);
    env.emit('LICENSE', m.index, m.index + 10, ctx ? 0.97 : ctxScore(env, m.index, m.index + 10, 0.4, 0.2, 0.2), 'license.npi');
  }
  VIN_RE.lastIndex = 0;
  while ((m = VIN_RE.exec(text)) !== null) {
    const valid = isValidVin(m[0]);
    const ctx = labelBefore(text, m.index, /(?:VIN|vehicle)[^\n]{0,15}$/i, 25);
    if (!valid && !ctx) continue;
    env.emit('VEHICLE', m.index, m.index + 17, valid ? (ctx ? 0.97 : 0.8) : 0.85, 'vehicle.vin');
  }
  for (const re of [CARD_RE, CARD_PLAIN_RE]) {
    re.lastIndex = 0;
    while ((m = re.exec(text)) !== null) {
      const digits = m[0].replace(/\D/g, '');
      if (digits.length < 12 || digits.length > 19 || !isLikelyCard(digits)) continue;
      const tech = env.cues.near(Cue.Tech, m.index, m.index + m[0].length, 30, 10);
      env.emit('ACCOUNT', m.index, m.index + m[0].length, tech ? 0.5 : 0.88, 'account.card');
    }
  }
  IBAN_RE.lastIndex = 0;
  while ((m = IBAN_RE.exec(text)) !== null) {
    if (!isValidIban(m[0])) continue;
    env.emit('ACCOUNT', m.index, m.index + m[0].length, 0.95, 'account.iban');
  }
  UDI_RE.lastIndex = 0;
  while ((m = UDI_RE.exec(text)) !== null) env.emit('DEVICE', m.index, m.index + m[0].length, 0.95, 'device.udi');
}

export { isWordChar };
