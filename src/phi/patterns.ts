/**
 * Pattern rules for the structured identifiers. No rule scans the whole text: each is a sticky
 * regular expression tried only at the positions the one-pass scan (context.ts) found for it —
 * starts of digit runs, mixed letter+digit runs, '@', ':' or a trigger word — so the cost grows
 * with the number of such positions, not with rules × text length. Patterns use bounded
 * repetition and no nested quantifiers. Matches become scored candidates using context cues.
 */
import { digitCount, firstAtOrAbove, isAsciiAlnum, isAsciiLetter, hasPair, isDigitCode, isLowerAscii, isRegexSpace, isUpperAscii, isWordCode, lettersAtIgnoreCase, lineAt, lineStartWithin } from './chars';
import { Cue, Fact, WordTag, registerSpellingFacts, casedSpellings, registerWords, tagWords, type Scan } from './context';
import type { PhiType } from './types';
import {
  MBI_SOURCE,
  isLikelyCard,
  isValidDea,
  isValidGtin,
  isValidIban,
  isValidIpv4,
  isValidMonthDay,
  isValidNpi,
  isValidSsn,
  isValidVin,
} from './validators';
import { COMMON_WORDS, FIRST_NAMES, PAYER_NAMES, STATE_PROGRAMMES, SURNAMES, TECH_WORDS, US_STATE_CODES, US_STATE_NAMES } from './lexicon';
import { clauseBefore, isConsumerMail, patientNotDepartment, speaksAsPatient } from './workforce';

export type Emit = (type: PhiType, start: number, end: number, score: number, rule: string) => void;

export interface RuleEnv {
  text: string;
  scan: Scan;
  emit: Emit;
  /** Number of candidates emitted so far (the dispatcher uses it to see whether a match counted). */
  emitted: () => number;
  /**
   * Per type, the lowest score `emit` keeps (Infinity for a type switched off): a rule may stop
   * working out a score once it is sure to stay below it, since emit would drop that candidate.
   */
  floors: Readonly<Record<PhiType, number>>;
  /**
   * Regions a rule found to be no PHI (a site's own address): a candidate wholly inside one is
   * dropped, whichever rule made it (start, end, false).
   */
  quiet?: Array<[number, number, boolean]>;
  /** Whether the text holds PERSON_EVENT_BEFORE's words at all (worked out when first asked). */
  personEvents?: boolean;
}

/**
 * A sticky pattern tried only at the positions its trigger yields. `next` emulates a global
 * scan: a rule never matches again inside its own previous match.
 */
interface Matcher {
  re: RegExp;
  on: (m: RegExpExecArray, env: RuleEnv) => void;
  /**
   * The rule of a matcher that needs only where its match starts and ends (no capture groups):
   * `re` is then run with `test`, which builds no match array and no matched string.
   */
  span: ((env: RuleEnv, start: number, end: number) => void) | undefined;
  /**
   * A cheap necessary condition for `re` to match at `pos` (or for `on` to emit): when it is
   * false the pattern is not run. It must never be false where a candidate could come out.
   */
  pre: ((text: string, pos: number) => boolean) | undefined;
  /**
   * The pattern and its rule done by char code: the match's end, or -1 when `re` does not match
   * at pos or the rule rejects the match (then `re` is its specification and is not run).
   */
  at: ((env: RuleEnv, pos: number) => number) | undefined;
  /** Where this matcher last produced a candidate, in run `gen` of the dispatcher. */
  gen: number;
  lastStart: number;
  lastEnd: number;
}

/** Every matcher has the same shape (one hidden class for the dispatcher's property reads). */
function mk(spec: { re: RegExp; on: Matcher['on']; pre?: Matcher['pre'] }): Matcher {
  return { re: spec.re, on: spec.on, span: undefined, pre: spec.pre, at: undefined, gen: 0, lastStart: 0, lastEnd: 0 };
}
/** A matcher whose rule needs only the match's bounds (see `Matcher.span`). */
function mkSpan(spec: { re: RegExp; span: NonNullable<Matcher['span']>; pre?: Matcher['pre'] }): Matcher {
  // the rule takes the try's position as the match's start: only a sticky pattern starts there
  if (!spec.re.sticky) throw new Error('a span matcher needs a sticky pattern');
  return { re: spec.re, on: spanOnly, span: spec.span, pre: spec.pre, at: undefined, gen: 0, lastStart: 0, lastEnd: 0 };
}
/** A matcher done by char code (`at`); `re` documents the pattern it implements. */
function mkCode(re: RegExp, at: NonNullable<Matcher['at']>): Matcher {
  return { re, on: codeOnly, span: undefined, pre: undefined, at, gen: 0, lastStart: 0, lastEnd: 0 };
}
function codeOnly(): void {
  throw new Error('a char-code matcher has no regex rule');
}
function spanOnly(): void {
  throw new Error('a span matcher is run with test');
}

let dispatchGeneration = 0;

class Dispatcher {
  private readonly gen = ++dispatchGeneration;
  /** End of the furthest match that produced a candidate. */
  maxEnd = 0;
  constructor(private readonly env: RuleEnv) {}
  tryAt(mt: Matcher, pos: number): boolean {
    if (mt.gen === this.gen && pos >= mt.lastStart && pos < mt.lastEnd) return false;
    let end: number;
    if (mt.at !== undefined) {
      const before = this.env.emitted();
      end = mt.at(this.env, pos);
      if (end < 0 || this.env.emitted() === before) return false;
    } else {
      if (mt.pre !== undefined && !mt.pre(this.env.text, pos)) return false;
      const re = mt.re;
      re.lastIndex = pos;
      if (mt.span !== undefined) {
        // (a sticky match leaves lastIndex at its end)
        if (!re.test(this.env.text) || re.lastIndex === pos) return false;
        end = re.lastIndex;
        const before = this.env.emitted();
        mt.span(this.env, pos, end);
        if (this.env.emitted() === before) return false;
      } else {
        const m = re.exec(this.env.text);
        if (!m || m[0].length === 0) return false;
        const before = this.env.emitted();
        mt.on(m, this.env);
        // a match its rule rejected (no digit, bad check digit) must not hide later positions
        if (this.env.emitted() === before) return false;
        end = pos + m[0].length;
      }
    }
    mt.gen = this.gen;
    mt.lastStart = pos;
    mt.lastEnd = end;
    if (mt.lastEnd > this.maxEnd) this.maxEnd = mt.lastEnd;
    return true;
  }
}

const clamp = (n: number) => (n < 0 ? 0 : n > 1 ? 1 : n);

/**
 * Context adjustment shared by most rules: clinical words near raise, technical words near lower.
 * `outside`: only the words around the span count, not its own (see Scan.nearOutside).
 */
function ctxScore(env: RuleEnv, start: number, end: number, base: number, up: number, down: number, window = 80, outside = false): number {
  const clinical = cueNear(env.scan, outside, Cue.Clinical, start, end, window, 20) || cueNear(env.scan, outside, Cue.Personal, start, end, 30, 0);
  const tech = cueNear(env.scan, outside, Cue.Tech, start, end, 40, 15);
  let s = base;
  if (clinical) s += up;
  if (tech && !clinical) s -= down;
  return clamp(s);
}
const cueNear = (scan: Scan, outside: boolean, cue: Cue, start: number, end: number, before: number, after: number) =>
  outside ? scan.nearOutside(cue, start, end, before, after) : scan.near(cue, start, end, before, after);

/** Label words right before `start` (case-insensitive regex over a short window). */
function labelBefore(text: string, start: number, re: RegExp, window = 40): boolean {
  return re.test(text.slice(Math.max(0, start - window), start));
}


// ---------------------------------------------------------------------------------------------
// EMAIL: found from the '@' positions, growing outwards.
/** [A-Za-z0-9._%+\-'] and [A-Za-z0-9.-], by char code. */
const LOCAL_CH = charSet('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-\'');
const DOMAIN_CH = charSet('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-');
const inSet = (set: Uint8Array, c: number) => c < 128 && set[c] === 1;
const ROLE_LOCALS = /^(?:no-?reply|do-?not-?reply|admin|administrator|root|postmaster|support|help|helpdesk|servicedesk|service-desk|alerts?|monitoring|notifications?|noc|soc|it|itsupport|jira|confluence|security|abuse|webmaster|info|billing|devops|ops|svc[._-]?\w*)$/i;
/**
 * A directory's field before an address: a workforce account ("UPN bmaurer@…", "ProxyAddress …",
 * "resource account cq-sched@…"), or a message's own ID ("Message-ID: <20240313124711.3F2A1@mail…>"),
 * never a patient's address. (Not SMTP, Return-Path, References or a distribution list: a review
 * put patients' own addresses after each.)
 */
const ACCOUNT_FIELD_BEFORE = /\b(?:UPN|userPrincipalName|ProxyAddress(?:es)?|resource account|Message-ID)[ \t]*[:=]?[ \t]*<?$/i;
/**
 * ACCOUNT_FIELD_BEFORE over the 40 characters before `s`. Its fields end with "upn",
 * "userprincipalname", "proxyaddress(es)", "account" or "id" (any case) before `[ \t]*[:=]?[ \t]*<?`:
 * looked for by char code first.
 */
function accountFieldBefore(text: string, s: number): boolean {
  let q = codeAt(text, s - 1) === 60 ? s - 1 : s;
  q = skipBlanksBack(text, q, false);
  const c = codeAt(text, q - 1);
  if (c === 58 || c === 61) q = skipBlanksBack(text, q - 1, false);
  if (!(lettersAtIgnoreCase(text, q - 3, 'upn') || lettersAtIgnoreCase(text, q - 17, 'userprincipalname') || lettersAtIgnoreCase(text, q - 12, 'proxyaddress') || lettersAtIgnoreCase(text, q - 14, 'proxyaddresses') || lettersAtIgnoreCase(text, q - 7, 'account') || lettersAtIgnoreCase(text, q - 2, 'id'))) return false;
  return ACCOUNT_FIELD_BEFORE.test(text.slice(Math.max(0, s - 40), s));
}

/**
 * A team's shared mailbox: every part of the local part names a department or a function
 * ("cardiology-scheduling", "him.records", "pharmacy_orders"), none a person.
 */
const TEAM_WORDS: ReadonlySet<string> = new Set(
  ('helpdesk servicedesk support upgrade upgrades notify notifications alerts downtime release roi ed icu or pacs noc soc scheduling schedule appointments appts billing payments registration admissions admitting referrals records him ' +
    'cardiology radiology imaging pharmacy lab laboratory oncology pediatrics peds surgery nursing clinic clinics ' +
    'reception frontdesk front desk office team dept department group shared orders requests intake triage ' +
    'it hr payroll finance quality compliance privacy security facilities biomed informatics interfaces').split(' '),
);
function teamMailbox(local: string, domain = ''): boolean {
  const parts = local.toLowerCase().split(/[._-]+/);
  // "itsecurity", "mychart.support", "wci.patientexperience", "cardio-nurses", "bounce-8812": each part
  // team words written together (a site's short code or a number may stand beside them), no name,
  // at an organisation's domain (a person's own mailbox may be called anything: "jvos.mychart@proton.me"),
  // with a word of a hospital's own work in it (a patient's small business writes from
  // "marketing@…", "compliance@…", "auth.portal@…")
  if (local.length <= 48 && CARE_MAILBOX.test(local) && !isConsumerMail(domain) && parts.every((p, i) => /^\d+$/.test(p) || teamWordsOnly(p, i === 0 ? (parts.length > 1 ? 5 : 3) : 0)) && !parts.some((p) => FIRST_NAMES.has(p) || SURNAMES.has(p)))
    return true;
  if (parts.length < 2) return false;
  if (parts.every((p) => TEAM_WORDS.has(p))) return true;
  // "LD.Scheduling", "4W-Charge": a unit's code (three characters at most) and team words
  if (parts.every((p) => TEAM_WORDS.has(p) || p.length <= 3) && parts.some((p) => TEAM_WORDS.has(p)) && !parts.some((p) => FIRST_NAMES.has(p) || SURNAMES.has(p))) return true;
  // "EpicUpgrade": a product and what it is for, written together (split only where a small letter meets a capital)
  if (camelHump(local)) {
    const camel = local.split(/(?<=[a-z])(?=[A-Z])/).map((w) => w.toLowerCase());
    if (camel.length >= 2 && (TECH_WORDS.has(camel[0]!) || TEAM_WORDS.has(camel[0]!)) && camel.slice(1).every((p) => TEAM_WORDS.has(p))) return true;
  }
  // "IT-Downtime-Notify", "HIM-ReleaseOfInformation": a team word in capitals opening it, and no person's name in it
  if (!TEAM_WORDS.has(parts[0]!)) return false;
  const lead = local.split(/[._-]/)[0]!;
  return lead.length >= 2 && lead === lead.toUpperCase() && !parts.some((p) => FIRST_NAMES.has(p) || SURNAMES.has(p));
}
/** Does a small letter stand right before a capital ([a-z][A-Z]) in s? */
const camelHump = (s: string) => hasPair(s, isLowerAscii, isUpperAscii);

/** A patient or a relative whose contact an address is, before it on its line. */
const personContactBefore = (before: string) => PATIENT_CONTACT_BEFORE.test(before) || PERSON_CONTACT_BEFORE.test(before);
/** A patient word before an address, not a department's ("Patient Relations <…>", "MyChart patient support (…)"). */
const PATIENT_CONTACT_BEFORE = /\b(?:[Pp]ts?|PTS?|[Pp]atients?|PATIENTS?)(?:['’]s)?\b(?![ \t]+(?:[A-Z]|(?:support|relations|experience|access|portal|services?|financial)\b))/;
const PERSON_CONTACT_BEFORE = /\b(?:guarantor|mom|dad|mother|father|son|daughter|wife|husband|relative|uses|contact(?: email)?|personal|home|statements?|bills?)\b/i;
/** A patient or a relative named right after an address ("… - it's the pt's daughter"). */
const PERSON_CONTACT_AFTER = /^[^\n]*?\b(?:pts?|patient|guarantor|mom|dad|mother|father|son|daughter|wife|husband)(?:['’]s)?\b/i;
/** A hospital's own work in a shared mailbox's name. */
const CARE_MAILBOX = /patient|mychart|nurs|cardio|rx|priorauth|referral|pharm|radiolog|imaging|lab|schedul|registration|admit|amb|resident|provider|physician|clinic|pacs|oncolog|pediatric|peds|surg|icu|him|roi/i;
/** More words of shared mailboxes' names ("patientrelations", "rx.priorauth", "ED-RESIDENTS-ALL"). */
const MAILBOX_WORDS: ReadonlySet<string> = new Set(
  ('patient patients relations experience portal mychart epic marketing communications comms media news careers jobs recruiting benefits ' +
    'access service services customer feedback contact info hello mail mailer notify notification bounce bounces all everyone staff ' +
    'nurse nurses cardio amb ambulatory inpatient outpatient residents residency providers physicians doctors rx prior auth priorauth ' +
    'override overrides infosec security itsecurity cyber phishing spam abuse admin sysadmin ops devops desk front frontdesk ' +
    'referral referrals order orders results reports report claims coding transcription dictation ' +
    'helpdesk servicedesk support alerts alert noreply reply donotreply do not').split(' '),
);
const isMailboxWord = (w: string) => TEAM_WORDS.has(w) || MAILBOX_WORDS.has(w) || TECH_WORDS.has(w);
/**
 * Is `p` (lower case) one or more mailbox words written together ("itsecurity", "patientexperience")?
 * A site's code of two to `code` letters may open it ("osireferrals", "tchbh"): then it may be that
 * code alone. Tried by every split (the part is at most 48 characters).
 */
function teamWordsOnly(p: string, code: number): boolean {
  const n = p.length;
  if (n === 0 || n > 48) return false;
  // ok[k]: p.slice(0, k) splits into mailbox words (or the code, then words)
  const ok = new Uint8Array(n + 1);
  ok[0] = 1;
  for (let k = 2; k <= Math.min(code, n); k++) if (/^[a-z]+$/.test(p.slice(0, k))) ok[k] = 1;
  for (let k = 0; k < n; k++) {
    if (ok[k] === 0) continue;
    for (let e = k + 2; e <= n && e - k <= 16; e++) if (isMailboxWord(p.slice(k, e))) ok[e] = 1;
  }
  return ok[n] === 1;
}

function emailRule(env: RuleEnv, allowDomain: (domain: string) => boolean): void {
  const { text } = env;
  let covered = -1;
  // (whether the whole text speaks as a patient, asked once: no sender's message does where it does not)
  let patientVoice: boolean | undefined;
  for (const at of env.scan.ats) {
    if (at < covered) continue;
    let s = at;
    while (s > 0 && at - s < 64 && inSet(LOCAL_CH, text.charCodeAt(s - 1))) s--;
    let e = at + 1;
    while (e < text.length && e - at < 255 && inSet(DOMAIN_CH, text.charCodeAt(e))) e++;
    while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
    while (s < at && (text[s] === '.' || text[s] === "'")) s++;
    const domain = text.slice(at + 1, e);
    if (s < at && /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}$/.test(domain)) {
      covered = e;
      if (allowDomain(domain.toLowerCase())) continue;
      const local = text.slice(s, at);
      const role =
        ROLE_LOCALS.test(local) ||
        // (a patient or a relative may write from their own business's role address: "Pt Wallace Cho (owns the pharmacy) wants statements sent to rx.priorauth@…")
        (teamMailbox(local, domain) && !personContactBefore(text.slice(lineStartWithin(text, s, 72), s)) && !PERSON_CONTACT_AFTER.test(text.slice(e, e + 48))) ||
        accountFieldBefore(text, s);
      // an organisation's own address ("denise.caldwell@riverbendhealth.org", "iobuya@vaumc.org"): a
      // colleague's or a department's, unless it reads as a person's own (digits, "home") or the text says whose
      // (and not a sender's whose message, the 3,000 characters after it, speaks as a patient: an employee writes
      // about their own care from work, "From: Dana Whitfield <dana.whitfield@stlukes-health.org>" over "can't see my lab results")
      const org =
        !role && orgMail(local, domain) && !personContactBefore(text.slice(lineStartWithin(text, s, 72), s)) && !PERSON_CONTACT_AFTER.test(text.slice(e, e + 48)) &&
        !ON_FILE_BEFORE.test(text.slice(Math.max(0, s - 32), s)) && !PATIENT_ON_LINE.test(clauseBefore(text, lineStartWithin(text, s, 120), s, 120)) && !(SENDER_LINE_BEFORE.test(text.slice(lineStartWithin(text, s, 72), s)) && (patientVoice ??= speaksAsPatient(text)) && speaksAsPatient(text.slice(s, s + 3000)));
      env.emit('EMAIL', s, e, role || org ? 0.3 : 0.92, role ? 'email.role' : org ? 'email.org' : 'email.format');
    }
  }
}

/** An organisation's domain: .org, .gov, or a health system's name ("lvhealth.org", "enovatemedical.com"); not .edu, students' too. */
const ORG_DOMAIN = /(?:\.(?:org|gov|mil)|health|hosp|hospital|medical|medicine|clinic|physicians|healthcare)(?:\.[a-z]{2,3})?$|\b(?:health|hosp|medical|clinic|care)[a-z-]*\.[a-z]{2,}$/i;
/** A patient or a relative named in the address's clause before it ("Patient Maria Lopez, maria.lopez@…"). */
const PATIENT_ON_LINE = new RegExp(String.raw`\b(?:pt|${patientNotDepartment('|portal|line|call', 'patient')}|guarantor|mom|dad|mother|father|son|daughter|wife|husband)\b`, 'i');
/** A mail header's sender line before an address: "From: Dana Whitfield <", "Sender: ", "Reply-To: ". */
const SENDER_LINE_BEFORE = /^[ \t>*]*(?:from|sender|reply-to|sent by)[ \t]*:/i;
/** "email on file", "email on the account": a record's address. */
const ON_FILE_BEFORE = /\bon (?:file|the account|account|record)\b[^\n]{0,8}$|\bemail (?:address )?(?:is|was)[ :]*$/i;
/** A person's own local part: digits (a year, a birth year) or "home", "personal", "family". */
const OWN_LOCAL = /\d|home|personal|family|fam\b/i;
function orgMail(local: string, domain: string): boolean {
  return ORG_DOMAIN.test(domain) && !OWN_LOCAL.test(local) && !isConsumerMail(domain);
}

// ---------------------------------------------------------------------------------------------
// URL (triggered by the words http, https, www)
const URL_RE = /(?:https?:\/\/|www\.)[^\s<>"'`)\]}|]+/iy;
/** BARE_URL_RE's top-level domains. */
const BARE_URL_TLDS = ['com', 'org', 'net', 'edu', 'gov', 'us', 'io', 'health', 'care', 'info', 'biz', 'co', 'me'];
const BARE_URL_RE = new RegExp(`(?<![\\w./@:-])(?:[a-z0-9-]{1,63}\\.){1,6}(?:${BARE_URL_TLDS.join('|')})\\/[^\\s<>"'\`)\\]}|]+`, 'iy');
/** Does '.' and one of BARE_URL_TLDS (any case) end at k? */
function topLevelDomainBefore(text: string, k: number): boolean {
  for (const tld of BARE_URL_TLDS) if (text.charCodeAt(k - tld.length - 1) === 46 && lettersAtIgnoreCase(text, k - tld.length, tld)) return true;
  return false;
}
const isHostCh = (c: number) => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 45 || c === 46;
/**
 * A link that names a patient: a query key for a patient, record or person ("?mrn=…",
 * "&patient_id=…", "?last_name=…"), or a path to a patient's or member's own page with its id
 * ("/patients/8812/chart"). Generic words in an API path ("/v2/records/123") are not enough.
 */
const URL_PERSONAL = /[?&](?:patient|pt|mrn|dob|ssn|member|person|chart|record)(?:[_-]?(?:id|no|num|number|nbr|name))?=|[?&](?:first|last|full)[_-]?name=|\/(?:patients?|pts?|mrns?|members?|persons?|people|charts?)\/[\w-]*\d/i;
/**
 * A person's own page on a social network: one path segment naming the person
 * ("facebook.com/maria.garcia.5", "linkedin.com/in/…", "youtube.com/@…"), not a company page,
 * a video, a repository or a search.
 */
const SOCIAL_PROFILE =
  /^(?:https?:\/\/)?(?:www\.|m\.)?(?:(?:facebook|fb|instagram|twitter|x|tiktok|pinterest|threads|snapchat|tumblr)\.com\/@?(?!(?:watch|company|pages|groups|events|hashtag|search|explore|settings|marketplace|login|share|sharer|home|about|help|policies|privacy|terms|intent|i|p|reel|reels|stories|tv)(?:[/?#.]|$))[\w.-]{2,}\/?(?:[?#][^/]*)?|linkedin\.com\/(?:in|pub)\/[\w.%-]{2,}\/?|youtube\.com\/(?:@|user\/|c\/)[\w.-]{2,}\/?|reddit\.com\/(?:u|user)\/[\w-]{2,}\/?)$/i;
const isPersonalUrl = (url: string) => URL_PERSONAL.test(url) || SOCIAL_PROFILE.test(url);

/**
 * A link a ticket reports as failing or points to for a build or a fix ("HTTP 503 from …", "failed in
 * Jenkins … See …", "their KB article …"), with no patient words around it. (Not the Tech cue, whose
 * "url", "link" and "http" stand beside any link, a patient's own included.)
 */
const TECH_LINK_BEFORE = /\b(?:HTTP[ ]?\d{3}|error|errno|exception|failed|failing|fails|timed out|timeout|status page|console|build|deploy(?:ed|ment)?|jenkins|pipeline|api|endpoint|health ?check|kb|knowledge ?base|troubleshoot\w*|docs?|documentation|changelog|release notes)\b[^\n]{0,40}$/i;
const techLink = (env: RuleEnv, start: number, end: number) =>
  TECH_LINK_BEFORE.test(env.text.slice(Math.max(0, start - 60), start)) && !env.scan.near(Cue.Patient, start, end, 80, 20) && !env.scan.near(Cue.Personal, start, end, 40, 10);

function urlMatcher(allowDomain: (domain: string) => boolean): Matcher {
  return mkSpan({
    re: URL_RE,
    span(env, start, end) {
      const { text } = env;
      while (end > start && /[.,;:!?]/.test(text[end - 1]!)) end--;
      const url = text.slice(start, end);
      const host = /^(?:https?:\/\/)?([^/:?#]+)/i.exec(url)?.[1]?.toLowerCase() ?? '';
      if (allowDomain(host)) return;
      const personal = isPersonalUrl(url);
      // words inside the link ("/v2/records/123", "/patient-portal/") say nothing about who it is for
      // a link near patient words and no technical ones ("HTTP 503 from …", "see …/console") may be a patient's
      const score = personal ? 0.85 : techLink(env, start, end) ? 0.25 : ctxScore(env, start, end, 0.35, 0.35, 0.1, 60, true);
      env.emit('URL', start, end, score, personal ? 'url.personal' : 'url.context');
    },
  });
}

// ---------------------------------------------------------------------------------------------
// IP addresses
/**
 * An IPv6 candidate is kept only with four colons or '::', and a hex letter or '::': tested first
 * on the run of hex digits and colons the match would lie in (times like 10:22:33 fail here).
 */
function ipv6Possible(text: string, pos: number): boolean {
  let colons = 0;
  let double = false;
  let hexLetter = false;
  for (let k = pos, end = Math.min(text.length, pos + 64); k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 58) {
      colons++;
      if (text.charCodeAt(k + 1) === 58) double = true;
    } else if ((c >= 97 && c <= 102) || (c >= 65 && c <= 70)) hexLetter = true;
    else if (!(c >= 48 && c <= 57)) break;
  }
  return (colons >= 4 || double) && (hexLetter || double);
}
const IPV4_RE = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)/y;
const IPV6_RE = /(?<![\w:])(?:[0-9a-fA-F]{1,4}:){2,7}(?::|[0-9a-fA-F]{1,4})(?![\w:])|(?<![\w:])(?:[0-9a-fA-F]{1,4}:){1,6}:(?:[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){0,5})?(?![\w:])/y;

/** Private and reserved IPv4 ranges: the organisation's own infrastructure, never a patient's address. */
// (and the documentation ranges TEST-NET-1/2/3: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24)
const PRIVATE_IPV4_SOURCE = '(?:10\\.|127\\.|0\\.|169\\.254\\.|192\\.168\\.|172\\.(?:1[6-9]|2\\d|3[01])\\.|22[4-9]\\.|2[3-5]\\d\\.|192\\.0\\.2\\.|198\\.51\\.100\\.|203\\.0\\.113\\.)';
const PRIVATE_IPV4 = new RegExp(`^${PRIVATE_IPV4_SOURCE}`);
/** PRIVATE_IPV4 at a position of the text. */
const PRIVATE_IPV4_AT = new RegExp(PRIVATE_IPV4_SOURCE, 'y');
/** The score of an address in a private range. */
const PRIVATE_IP_SCORE = 0.1;

/** Consumer internet providers named after an address: a home connection's. */
const HOME_ISP_AFTER = /^[\s(,-]{0,4}(?:comcast|xfinity|verizon|fios|at&t|att|spectrum|charter|cox|centurylink|lumen|frontier|t-mobile|optimum|altice|windstream|mediacom|rcn|wow|starlink|sparklight|suddenlink|earthlink|google fiber)\b/i;
/** A patient's home connection named after an address: "(pt home router)", "(patient's Wi-Fi)". */
const PATIENT_HOME_AFTER = /^[\s(,-]{0,4}(?:the |her |his )?(?:pt|patient)['’]?s?[ ](?:home[ ])?(?:router|wi-?fi|network|connection|modem|internet)\b/i;
/** A log's source-address key right before an address. */
const LOG_SOURCE_BEFORE = /\b(?:src|srcip|src_ip|source_?ip|ip|remote|client_?ip|clientip|remote_?addr)[ \t]*[=:]?[ \t]*$/i;
/** A service account signing in ("user=epic_interface", "user=svc_rhapsody"): an interface's gateway, no person's connection. */
const SERVICE_USER_LINE = /\b(?:user|username|account)=(?:svc|service|system|api|interface|integration|epic_|sys_|app_|[\w.-]*interface)/i;
/** A log line about someone signing in or joining: a user, a participant, an authentication. */
const LOG_PERSON_LINE = /\b(?:user|username|participant|account)=|\bAUTH_[A-Z]+|\b(?:login|logon|sign-?in)s?\b|lastFailedLogin|JOIN_[A-Z]+|participant\b/i;
/** Six groups of two hex digits: a MAC-48 address, which the IPv6 pattern also matches. */
const MAC_48 = /^[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5}$/;
function ipMatcher(allowIp: (ip: string) => boolean, v6: boolean): Matcher {
  return mkSpan({
    pre: v6 ? ipv6Possible : undefined,
    re: v6 ? IPV6_RE : IPV4_RE,
    span(env, start, end) {
      const ip = env.text.slice(start, end);
      if (!v6 && !isValidIpv4(ip)) return;
      if (v6 && (ip.match(/:/g)?.length ?? 0) < 4 && !ip.includes('::')) return;
      if (v6 && !/[a-fA-F]/.test(ip) && !ip.includes('::')) return; // 10:22:31:44 is a time, not an address
      if (v6 && MAC_48.test(ip)) return; // C2:8E:46:B9:2F:58 is a network card's MAC address
      if (!v6 && ip.endsWith('.0.0')) return; // a network, or a version ("Oracle 19c (19.21.0.0)"), never a host
      if (allowIp(ip)) return;
      const before = env.text.slice(Math.max(0, start - 48), start);
      // private and reserved ranges are the organisation's own infrastructure, never a patient's address
      if (!v6 && PRIVATE_IPV4.test(ip)) {
        env.emit('IP', start, end, PRIVATE_IP_SCORE, 'ip.private');
        return;
      }
      // a service's address, or a vendor's being let through the firewall ("whitelist vendor IP …")
      const serviceAccount =
        /\b(?:svc|service|system|daemon|interface|integration|vendor|whitelist|allowlist|allow-list|blocklist|blacklist)[\w-]*\b|\b(?:resolves?|resolved|resolving|points?|pointing) to[ ]?$/i.test(before);
      const personal =
        !serviceAccount &&
        (env.scan.near(Cue.Personal, start, start, 40) || env.scan.near(Cue.Clinical, start, start, 60, 10) ||
          // "(Comcast, Denver)": a home connection's provider after it
          HOME_ISP_AFTER.test(env.text.slice(end, Math.min(env.text.length, end + 40))) ||
          // "Submitter IP: …" on a web form, "… (pt home router)": the person's own connection
          /\b(?:submitter|submitted from|requester|(?:pt|patient)['’]?s?)[ ]ip[ \t:=]*$/i.test(before) ||
          PATIENT_HOME_AFTER.test(env.text.slice(end, Math.min(env.text.length, end + 40))) ||
          // a sign-in log's source address on a line naming who signed in ("AUTH_FAIL user=mtsosie48 src=73.204.118.52",
          // "participant=patient ip=108.32.77.154", "srcIP=…" after "lastFailedLogin=")
          (LOG_SOURCE_BEFORE.test(before) && LOG_PERSON_LINE.test(lineAt(env.text, start)) && !SERVICE_USER_LINE.test(lineAt(env.text, start))) ||
          (/\b(?:log(?:ged)?[ -]?in|sign(?:ed)?[ -]?in|login|session|home|residence|connected from|logins?(?=_))(?:\b|(?=_))/i.test(before) &&
            !/\b(?:server|host|node|gateway|proxy|firewall|subnet|vpn|router|switch|db|database)\b/i.test(before)));
      const tech = env.scan.near(Cue.Tech, start, end, 40, 15);
      const score = personal ? (tech ? 0.6 : 0.85) : tech ? 0.15 : 0.45;
      env.emit('IP', start, end, score, v6 ? 'ip.v6' : 'ip.v4');
    },
  });
}

// ---------------------------------------------------------------------------------------------
// SSN
// ("SSN last 4 (xxx-xx-7731)": the only digit between the label and the value is the 4 of "last 4")
const SSN_LABEL = /(?:ssn|social security|social|soc\.? ?sec|ss#|ss ?no)(?:[^\n\d]{0,32}|[^\n\d]{0,12}\blast[ -]?4\b[^\n\d]{0,16})$/i;
const SSN: Matcher = mkSpan({
  re: /(?<![\w-])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\w-]|\.\d)/y,
  span(env, start, end) {
    if (!isValidSsn(env.text.slice(start, end))) return;
    const labelled = labelBefore(env.text, start, SSN_LABEL, 44);
    // the separator after the first three digits (none: the ninth character is a digit)
    const sep = env.text.charCodeAt(start + 3) === 45 ? '-' : env.text.charCodeAt(start + 3) === 32 ? ' ' : '';
    let score = labelled ? 0.97 : sep === '-' ? 0.82 : sep === ' ' ? 0.6 : 0.35;
    if (!labelled) score = ctxScore(env, start, end, score, 0.1, 0.35);
    env.emit('SSN', start, end, score, labelled ? 'ssn.labelled' : 'ssn.format');
  },
});

// ---------------------------------------------------------------------------------------------
// Phone and fax
const FAX_LABEL = /(?:fax|facsimile|\bf[.:#]|\bfx)[^\n\d]{0,12}$/i; // also "eFax", "faxed to"
const TOLL_FREE = /^(?:\+?1[ .-]?)?\(?8(?:00|88|77|66|55|44|33)\)?[ .-]/;
const TICKET_LABEL_BEFORE =
  /\b(?:(?:SR|INC|RITM|REQ|CHG|PRB|TASK|CS|PO|ticket|case|incident|request|order|invoice|ref|job|build|issue|bug)[ ]?(?:#|no\.?|number)|(?:budget|cost|project|gl|charge)[ ]?(?:code|cent(?:er|re)|number|#))[ ]?:?[ ]?$/i;
const PHONE_LABEL = /(?:phone|\bph|\btel|cell|mobile|\bmob|call(?: me)?(?: at| back)?|contact|reach(?: me)?(?: at)?|number|\bnum|#|\bc:|\bh:|\bw:|\bm:|\bp:)[^\n\d]{0,12}$/i;

/** "faxed the summary to the clinic at …", "Fax number for the office is …": a fax word earlier in the phrase, no phone word after it. */
const FAX_FAR = /\b(?:e?fax(?:ed|ing|es)?|facsimile)\b([^\n]{0,45})$/i;
/** Another phone-like number between the fax word and this one: the fax word belongs to that one. */
const OTHER_NUMBER = /\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}/;
const PHONE_WORD = /\b(?:phone|ph|tel|telephone|cell|mobile|call(?:ed|back)?|text)\b/i;

/** "217-555-0199 (fax)", "217-555-0199 fax", "217-555-0199 [F]". */
const FAX_AFTER = /^\s?(?:\(fax\)|\[fax\]|\(f\)|\[f\]|fax\b|- ?fax\b)/i;

/**
 * Does an 'f' or 'F' stand in the `max` characters before `start` on its line (and, with `label`,
 * after its last digit) with 'a' after it (any case), or with `label` also 'x', '.', ':' or '#'?
 * A necessary condition for FAX_LABEL (label, window 20) and FAX_FAR (window 60): their words start
 * so, and what follows them to `start` holds no line break (nor a digit, for FAX_LABEL).
 */
function faxWordBefore(text: string, start: number, max: number, label: boolean): boolean {
  for (let k = start - 1, lo = Math.max(0, start - max); k >= lo; k--) {
    const c = text.charCodeAt(k);
    if (c === 10 || (label && c >= 48 && c <= 57)) return false;
    if ((c | 32) !== 102) continue;
    const n = k + 1 < start ? text.charCodeAt(k + 1) : 0;
    if ((n | 32) === 97 || (label && ((n | 32) === 120 || n === 46 || n === 58 || n === 35))) return true;
  }
  return false;
}
/** FAX_LABEL over the 20 characters before `start`. */
const faxLabelBefore = (text: string, start: number) => faxWordBefore(text, start, 20, true) && labelBefore(text, start, FAX_LABEL, 20);
/** `faxLabel`: FAX_LABEL's answer at start (window 20) when the caller has it. */
function faxBefore(text: string, start: number, faxLabel?: boolean): boolean {
  if (faxLabel ?? faxLabelBefore(text, start)) return true;
  if (!faxWordBefore(text, start, 60, false)) return false;
  const far = FAX_FAR.exec(text.slice(Math.max(0, start - 60), start));
  return far !== null && !PHONE_WORD.test(far[1]!) && !OTHER_NUMBER.test(far[1]!);
}
/** FAX_AFTER at `end`: it opens with an optional \s, then '(', '[', 'f', 'F' or '-' (checked first). */
function faxAfter(text: string, end: number): boolean {
  let c = codeAt(text, end);
  if (isRegexSpace(c)) c = codeAt(text, end + 1);
  if (!(c === 40 || c === 91 || (c | 32) === 102 || c === 45)) return false;
  return FAX_AFTER.test(text.slice(end, end + 10));
}
/**
 * TICKET_LABEL_BEFORE over the 16 characters before `start`. Its labels end with '#', "no", "no.",
 * "number", "code", "center" or "centre" before `[ ]?:?[ ]?`: looked for by char code first.
 */
function ticketLabelBefore(text: string, start: number): boolean {
  let q = start;
  if (codeAt(text, q - 1) === 32) q--;
  if (codeAt(text, q - 1) === 58) q--;
  if (codeAt(text, q - 1) === 32) q--;
  const c = codeAt(text, q - 1) | 32;
  const end =
    c === 35 /* '#' */ ||
    (c === 111 && lettersAtIgnoreCase(text, q - 2, 'no')) ||
    (c === 46 && lettersAtIgnoreCase(text, q - 3, 'no')) ||
    (c === 114 && (lettersAtIgnoreCase(text, q - 6, 'number') || lettersAtIgnoreCase(text, q - 6, 'center'))) ||
    (c === 101 && (lettersAtIgnoreCase(text, q - 4, 'code') || lettersAtIgnoreCase(text, q - 6, 'centre')));
  return end && TICKET_LABEL_BEFORE.test(text.slice(Math.max(0, start - 16), start));
}
/** A department's, a clinic's or a conference's line right before a number, within its clause. */
const DEPT_LINE_BEFORE =
  /\b(?:(?<!\b(?:land|best|home|cell|own|direct|private|personal|his|her|their|my)[ \t])lines?|hotline|bridge|main (?:line|number|desk|office|switchboard)|front desk|clinic['’]s|office['’]s|department['’]s|dept|conference|conf|queue|hunt group|pilot|switchboard|operator|help ?line|access center|call center)\b(?<!\bon the line)([^.;\n]{0,20})$/i;
/** A direct-inward-dial number or a phone tree, in capitals ("DID 312-555-0230"; "did" is a verb). */
const DEPT_CODE_BEFORE = /\b(?:DID|IVR)\b([^.;\n]{0,20})$/;
/** Words that make a line a person's own ("her home line", "called the RPM line from …"). */
const OWN_LINE_WORDS = /\b(?:home|from|personal|own|his|her|their|my|mom|dad|wife|husband|daughter|son|cell|mobile|left|leave|callback|call back|reach|reached)\b/i;
/** A patient's word in the clause right before the number ("Pt's best line …", "Patient Maria Lopez's land line …"). */
const OWN_PATIENT_BEFORE = new RegExp(String.raw`\b(?:pt(?! (?:clinic|dept|department|office|gym|services?)\b)|pt['’]s|patient['’]s|${patientNotDepartment('|portal|line', 'patient')})\b[^.;\n]*$`, 'i');
/** A patient word right after the number ("… 503-555-0199 per pt", "w/ pt"). */
const PATIENT_AFTER_NUMBER = /^[^\n.;]{0,28}\b(?:pts?|patient|per pt|w\/ ?pt)\b/i;
function deptLineBefore(text: string, start: number): boolean {
  // (the line's start, looked for 120 characters back at most: a megabyte line is read near the number only)
  const ls = lineStartWithin(text, start, 120);
  const before = text.slice(Math.max(ls, start - 40), start);
  // (every alternative holds one of these letters' words: a quick test first)
  if (!/line|DID|bridge|IVR|main|desk|['’]s|dept|conf|queue|group|pilot|switchboard|operator|center/i.test(before)) return false; // (a superset of DEPT_LINE_BEFORE's words)
  const m = DEPT_LINE_BEFORE.exec(before) ?? DEPT_CODE_BEFORE.exec(before);
  // (a person named between the line and the number is whose number it is: "front desk; Maria Gonzalez (…)")
  return m !== null && !/[A-Z][a-z'’-]+[ \t]+[A-Z][a-z]/.test(m[1]!) && !OWN_LINE_WORDS.test(text.slice(ls, start)) && !OWN_PATIENT_BEFORE.test(before) && !PATIENT_AFTER_NUMBER.test(text.slice(start, start + 40));
}
/** TOLL_FREE at `start` (within `end`): its '8' stands in the first five characters. */
function tollFree(text: string, start: number, end: number): boolean {
  const to = Math.min(end, start + 10);
  for (let k = start; k < start + 5 && k < to; k++) if (text.charCodeAt(k) === 56) return TOLL_FREE.test(text.slice(start, to));
  return false;
}

/** `phoneLabel`, `faxLabel`: PHONE_LABEL's (window 25) and FAX_LABEL's (window 20) answers at start when the caller has them. */
function emitPhone(env: RuleEnv, start: number, end: number, base: number, rule: string, phoneLabel?: boolean, faxLabel?: boolean): void {
  const { text } = env;
  const fax = faxBefore(text, start, faxLabel) || faxAfter(text, end);
  // "SR# 2025-88431", "case #01987654": a ticket's or a vendor case's number, unless it has a phone's shape
  const ticket = !fax && ticketLabelBefore(text, start);
  // a toll-free number (800, 888, 877, …) is a company's or a service's, not a person's own
  if (tollFree(text, start, end)) {
    env.emit(fax ? 'FAX' : 'PHONE', start, end, 0.3, (fax ? 'fax.' : 'phone.') + rule);
    return;
  }
  // "the Patient Access line (417-820-2500)", "DID 312-555-0230", "bridge: 417-820-4000", "the Benson clinic
  // front desk (520-555-0107)": a department's line, not a person's (unless the line says whose: "her home line")
  if (deptLineBefore(text, start)) {
    env.emit(fax ? 'FAX' : 'PHONE', start, end, 0.3, (fax ? 'fax.' : 'phone.') + rule);
    return;
  }
  const labelled = !ticket && (fax || (phoneLabel ?? labelBefore(text, start, PHONE_LABEL, 25)));
  let score = labelled ? Math.max(base, 0.92) : ctxScore(env, start, end, base, 0.15, 0.35) - (ticket ? 0.2 : 0);
  if (!labelled && env.scan.near(Cue.Phone, start, end, 40, 0)) score = clamp(score + 0.2);
  env.emit(fax ? 'FAX' : 'PHONE', start, end, score, (fax ? 'fax.' : 'phone.') + rule);
}

/**
 * A phone number said digit by digit, as a voicemail transcript writes it: "five oh eight, five five
 * five, oh one three seven" (7, 10 or 11 digits), after a word that asks for a call or names a number.
 */
const SPOKEN_DIGIT = '(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)';
const SPOKEN_PHONE: Matcher = mk({
  re: new RegExp(`${SPOKEN_DIGIT}(?:[ ]?[,.-]?[ ]${SPOKEN_DIGIT}){6,10}\\b`, 'iy'),
  on(m, env) {
    const digits = m[0].split(/[^a-z]+/i).length;
    if (digits !== 7 && digits !== 10 && !(digits === 11 && /^one\b/i.test(m[0]))) return;
    if (!SPOKEN_PHONE_BEFORE.test(env.text.slice(Math.max(0, m.index - 48), m.index))) return;
    env.emit('PHONE', m.index, m.index + m[0].length, 0.85, 'phone.spoken');
  },
});
const SPOKEN_PHONE_BEFORE = /\b(?:call|calls|called|callback|reach|text|phone|cell|number|mobile)\b[^.\n]{0,24}$/i;

/** A specimen's collection right before a date and time: "collected 07/16/2025 06:10", "Coll: 03/07/25 10:14". */
const COLLECTED_BEFORE = /\b(?:collected|coll|drawn)[ \t]*[:.]?[ \t]*$/i;
/** Where a run of spaces and tabs (and ':' too, with `colon`) ending at q starts. */
function skipBlanksBack(text: string, q: number, colon: boolean): number {
  for (; q > 0; q--) {
    const c = text.charCodeAt(q - 1);
    if (!(c === 32 || c === 9 || (colon && c === 58))) break;
  }
  return q;
}
/**
 * A necessary condition for COLLECTED_BEFORE before `start`, by char code (the regex reads every
 * position of its slice): its word ends where `[ \t]*[:.]?[ \t]*` does (its words end in letters).
 */
function collectedWordBefore(text: string, start: number): boolean {
  let q = skipBlanksBack(text, start, false);
  const c = q > 0 ? text.charCodeAt(q - 1) : 0;
  if (c === 58 || c === 46) q = skipBlanksBack(text, q - 1, false);
  return lettersAtIgnoreCase(text, q - 4, 'coll') || lettersAtIgnoreCase(text, q - 9, 'collected') || lettersAtIgnoreCase(text, q - 5, 'drawn');
}
/** An event and "on", "for" or "at" before a date, in one sentence on one line: "appointment here on ", "Visit is today ". */
const EVENT_ON_BEFORE = /\b(?:appointment|appt|visit|surgery|procedure|admitted|admission|discharged?)\b[^\n.!?\]]{0,24}\b(?:on|for|at|today)[ ]$/i;
/**
 * Does the text before `start` end with EVENT_ON_BEFORE's last word and its space ("on ", "for ",
 * "at ", "today ", any case)? Checked by char code before the regex, which reads every position.
 */
function eventOnWordBefore(text: string, start: number): boolean {
  if (start < 3 || text.charCodeAt(start - 1) !== 32) return false;
  const a = text.charCodeAt(start - 3) | 32;
  const b = text.charCodeAt(start - 2) | 32;
  if ((a === 111 && b === 110) || (a === 97 && b === 116)) return true; // on at
  if (b !== 114 && b !== 121) return false;
  return lettersAtIgnoreCase(text, start - 4, 'for') || lettersAtIgnoreCase(text, start - 6, 'today');
}
/**
 * Does the text hold PERSON_EVENT_BEFORE's words at all ("arriv", "acqui", "enrol", "transmi": their
 * letters after the first, in small letters or capitals, by indexOf)? Asked once per text.
 */
function personEventWords(text: string): boolean {
  for (const w of PERSON_EVENT_PARTS) if (text.indexOf(w) !== -1) return true;
  return false;
}
const PERSON_EVENT_PARTS = ['rriv', 'cqui', 'nrol', 'ransmi', 'RRIV', 'CQUI', 'NROL', 'RANSMI'];
/** A person's arrival, a study acquired, an enrolment, a home monitor's transmission right before a date. */
const PERSON_EVENT_BEFORE =
  /\b(?:arrived|arrival|acquired|enrolled|(?:last(?: successful)?|latest) transmission(?: received| rec['’]?d)?|transmission (?:received|rec['’]?d)(?: in [A-Z][\w-]*)?)[ \t:]*(?:on[ \t]+)?$/i;
/** The words PERSON_EVENT_BEFORE's alternatives end with (before "rec'd" and " in <place>"). */
const PERSON_EVENT_ENDS = ['arrived', 'arrival', 'acquired', 'enrolled', 'transmission', 'received', 'recd'];
/** Does one of PERSON_EVENT_BEFORE's alternatives end at q: one of its last words, "rec'd", or " in " and a word? */
function personEventEndAt(text: string, q: number): boolean {
  // (by the last letter first: 'd', 'l' or 'n' end every word but a place's)
  const c = codeAt(text, q - 1) | 32;
  if (c === 100 || c === 108 || c === 110) {
    for (const w of PERSON_EVENT_ENDS) if (lettersAtIgnoreCase(text, q - w.length, w)) return true;
    const a = q > 1 ? text.charCodeAt(q - 2) : 0;
    if (c === 100 && (a === 39 || a === 0x2019) && lettersAtIgnoreCase(text, q - 5, 'rec')) return true;
  }
  // "transmission received in Boston": " in " and [A-Z][\w-]* (any case)
  let x = q;
  while (x > 0 && (isWordCode(text.charCodeAt(x - 1)) || text.charCodeAt(x - 1) === 45)) x--;
  return x < q && x >= 4 && text.charCodeAt(x - 1) === 32 && lettersAtIgnoreCase(text, x - 3, 'in') && text.charCodeAt(x - 4) === 32;
}
/**
 * A necessary condition for PERSON_EVENT_BEFORE before `start`, by char code: an alternative ends
 * where its `[ \t:]*(?:on[ \t]+)?` tail does (every alternative ends in a word character).
 */
function personEventBefore(text: string, start: number): boolean {
  const q = skipBlanksBack(text, start, true);
  if (personEventEndAt(text, q)) return true;
  return lettersAtIgnoreCase(text, q - 2, 'on') && personEventEndAt(text, skipBlanksBack(text, q - 2, true));
}
/** A guarantor or a card holder named before a card's last four digits: theirs. */
const GUARANTOR_BEFORE = /\b(?:guarantor|card ?holder|self-pay)\b/i;
/** "account number ending ", "acct ending in ": the last four digits of an account follow. */
const ACCOUNT_ENDING_BEFORE = /\b(?:account|acct|(?<!\b(?:p-|purchasing |corporate |company |badge |id |procurement |fleet |gas ))card|visa|mastercard|amex|discover)(?:[ ](?:number|no\.?|#))?[ ]ending(?:[ ]in)?[ ]$/i;
/** text[p - 7, p) is "xxx-xx-" (or with '*' or '#'), not inside a word. */
/** "***-***-" or "xxx-xxx-" right before p (the same mask character throughout), not inside a word. */
function maskedPhoneAt(text: string, p: number): boolean {
  if (p < 8 || (p > 8 && isAlnum(text.charCodeAt(p - 9)))) return false;
  const m = text.charCodeAt(p - 8);
  if (!(m === 120 || m === 88 || m === 42 || m === 35)) return false;
  for (const k of [p - 7, p - 6, p - 4, p - 3, p - 2]) if (text.charCodeAt(k) !== m) return false;
  return text.charCodeAt(p - 5) === 45;
}
/** "last 4 SSN", "last four of her social security #", "SSN last 4:", right before the digits. */
const SSN_LAST4_BEFORE =
  /\b(?:last[ -]?(?:4|four)(?:[ -]digits)?(?:[ \t]+of)?(?:[ \t]+(?:the|his|her|their|pt['’]?s|patient['’]?s))?[ \t]+(?:ssn|social(?:[ \t]+security)?(?:[ \t]+(?:number|#|no\.?))?|ss#)|(?:ssn|social(?:[ \t]+security)?|ss#)(?:[ \t]+(?:number|#|no\.?))?[ \t]+last[ -]?(?:4|four)(?:[ -]digits)?)[ \t:#=-]*(?:is[ \t]+)?$/i;
function maskedSsnAt(text: string, p: number): boolean {
  if (p < 7 || (p > 7 && isAlnum(text.charCodeAt(p - 8)))) return false;
  const m = text.charCodeAt(p - 7);
  if (!(m === 120 || m === 88 || m === 42 || m === 35)) return false;
  for (const k of [p - 6, p - 5, p - 3, p - 2]) if (text.charCodeAt(k) !== m) return false;
  return text.charCodeAt(p - 4) === 45;
}
/** "+13125550108": a NANP number in E.164 form, as caller ID and SMS logs write it (the dispatcher checks the digits). */
const E164: Matcher = mkSpan({
  re: /\+1\d{10}(?![\w])/y,
  span: (env, start, end) => emitPhone(env, start, end, 0.75, 'e164'),
});
const NANP: Matcher = mkSpan({
  re: /(?<![\w+-])(?:\+?1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .\/-])(?:\d{3}[ .-]\d{4}|\d{7})(?:[ ]?(?:x|ext\.?|extension)[ ]?\d{1,6})?(?![\w-]|\.\d)/iy,
  span: (env, start, end) => emitPhone(env, start, end, 0.8, 'nanp'),
});
// International / loosely grouped: "+44 20 7946 0958", "0490 75 40 81", "03.93.92.16.85", "(37) 788-063".
const INTL: Matcher = mkSpan({
  pre: (text, pos) => (isDigitAt(text, pos) ? intlDigitsFrom(text, pos) : digitsInRun(text, pos, PHONE_CH, 80)) >= 7,
  re: /(?<![\w+.-])(?:\+\d{1,3}[ .-]?(?:\(0\)[ ]?)?|00\d{1,3}[ .-]|\(\d{1,4}\)[ ]?)?\d{2,5}(?:[ .-]\d{2,5}){1,4}(?:[ ]?x\d{1,6})?(?![\w-]|[.:]\d)/y,
  span(env, start, end) {
    const { text } = env;
    // the digits, and what stands between them (the patterns below hold digits and these only)
    let digits = 0;
    let dots = 0;
    let dashes = 0;
    let spaces = 0;
    let other = 0;
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c >= 48 && c <= 57) digits++;
      else if (c === 46) dots++;
      else if (c === 45) dashes++;
      else if (c === 32) spaces++;
      else other++;
    }
    if (digits < 7 || digits > 15) return;
    const s = text.slice(start, end);
    const plain = other === 0 && isDigitAt(text, start);
    if (plain && spaces === 0 && dots + dashes === 2 && /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/.test(s)) return; // a date
    if (plain && spaces === 0 && dashes === 0 && dots >= 2 && /^\d+(?:\.\d+){2,}$/.test(s) && !/^\d{2}(?:\.\d{2}){4}$/.test(s)) return; // a version or an IP
    if (plain && digits === 8 && dashes === 1 && spaces === 0 && dots === 0 && /^(?:[01]\d|2[0-3])[0-5]\d-(?:[01]\d|2[0-3])[0-5]\d$/.test(s)) return; // "0700-1530": hours
    // "SN 0427-21986", "serial # 4471 2290": a serial number
    if (serialLabelBefore(text, start)) return;
    // "04/09/2026 0200-0400": a date's year and a window's hours
    if (afterMonthAndDay(text, start)) return;
    const intl = s.startsWith('+') || s.startsWith('00');
    // "support case 2406-00318", "Otis work order 7741-22019": a loosely grouped number after a case's
    // or an order's word is that case's (a phone number there has a phone's shape: NANP, +, 00)
    if (!intl && CASE_WORD_BEFORE.test(text.slice(Math.max(0, start - 24), start))) return;
    // "FedEx 7749 2210 8831": a parcel's tracking number, read from any of its groups
    if (TRACKING_BEFORE.test(text.slice(Math.max(0, start - 40), start))) return;
    const spaced = plain && spaces === 2 && dots + dashes === 0 ? /^(\d{1,2}) (\d{1,2}) ((?:19|20)\d{2})$/.exec(s) : null;
    if (spaced && isValidMonthDay(Number(spaced[1]), Number(spaced[2])) && env.scan.near(Cue.DateEvent, start, end, 30, 0)) {
      env.emit('DATE', start, end, 0.9, 'date.spaced'); // "DOB (MM/DD/YYYY): 03 14 1962"
      return;
    }
    emitPhone(env, start, end, intl ? 0.75 : 0.5, intl ? 'intl' : 'grouped');
  },
});
/**
 * The most digits an INTL match from the digit at `pos` can hold (its rule needs seven): each of its
 * groups (a "00" prefix among them, six at most) is a whole run of 2-5 digits, joined to the next by
 * one of [ .-], and an extension (`[ ]?x\d{1,6}`) can follow only the last.
 */
function intlDigitsFrom(text: string, pos: number): number {
  let total = 0;
  for (let k = pos, groups = 0; groups < 6; groups++) {
    let e = k;
    while (isDigitAt(text, e)) e++;
    if (e - k < 2 || e - k > 5) return total;
    total += e - k;
    const c = codeAt(text, e);
    if ((c === 32 || c === 46 || c === 45) && isDigitAt(text, e + 1)) {
      k = e + 1;
      continue;
    }
    const x = c === 32 ? e + 1 : e;
    if (codeAt(text, x) !== 120) return total;
    let d = 0;
    while (d < 6 && isDigitAt(text, x + 1 + d)) d++;
    return total + d;
  }
  return total;
}
const TRACKING_BEFORE = /\b(?:fedex|ups|usps|dhl|tracking)(?:[ ]?(?:#|no\.?|number))?[ \t:#]*(?:\d{2,6}[ ]){0,4}$/i;
const CASE_WORD_BEFORE = /\b(?:case|ticket|incident|order|wo|po|invoice|ref|reference|job|rma|sr|req|request|quote|contract|rooms|beds|ports|extensions|exts)[ \t]*(?:#|no\.?|number|id)?[ \t]*[:#]?[ \t]*$/i;
const SERIAL_BEFORE = /\b(?:sn|s\/n|serial(?: no\.?| number)?)[ \t]*[:#]?[ \t]*$/i;
/**
 * SERIAL_BEFORE over the 16 characters before `start`. Its labels end with 'n', 'l', 'o', '.' or 'r'
 * (any case) before `[ \t]*[:#]?[ \t]*`: looked for by char code first.
 */
function serialLabelBefore(text: string, start: number): boolean {
  let q = skipBlanksBack(text, start, false);
  const t = codeAt(text, q - 1);
  if (t === 58 || t === 35) q = skipBlanksBack(text, q - 1, false);
  const c = codeAt(text, q - 1) | 32;
  if (!(c === 110 || c === 108 || c === 111 || c === 46 || c === 114)) return false;
  return SERIAL_BEFORE.test(text.slice(Math.max(0, start - 16), start));
}
/**
 * A label of some other identifier right before a bare number ("account number 4455667788",
 * "acct# …", "member no. …"): the number is that identifier, not a phone number, although
 * "number" and "#" alone would read as a phone label. Only labels whose own rule types the number
 * are listed (test/unit/detect.test.ts checks each): after "case", "order" or "reference" a
 * number may still be a phone number.
 */
const OTHER_ID_LABEL_BEFORE =
  /\b(?:account|acct|a\/c|member|mbr|subscriber|policy|claim|mrn|npi|routing|medicaid|medicare)(?:[ .]{0,2}(?:number|num|nbr|no\.?|#|id|identifier|code)){0,2}\s{0,3}(?:[:#=]|is)?\s{0,3}$/i;
const BARE10: Matcher = mkCode(/(?<![\w-])\d{10}(?![\w-])/y, (env, p) => {
  const { text } = env;
  if (!digitTokenAt(text, p, 10)) return -1;
  if (labelBefore(text, p, OTHER_ID_LABEL_BEFORE, 40)) return -1;
  const phone = labelBefore(text, p, PHONE_LABEL, 25);
  const fax = phone ? undefined : faxLabelBefore(text, p);
  emitPhone(env, p, p + 10, phone || fax ? 0.9 : 0.3, 'bare', phone, fax);
  return p + 10;
});

// ---------------------------------------------------------------------------------------------
// Dates
const MONTHS3 = 'JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC';
const MONTHS = 'Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember)?|\\.)?|Sept\\.|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?';
/** Words before a date that make it a ticket's own date: deadlines, comment stamps, change windows. */
/** A system's event in the clause before a date. */
const IT_EVENT_BEFORE =
  /\b(?:expires|expiry|expiration|installed|updated?|deploy(?:ed|ment)?|go-?live|went live|cut ?over|patch(?:ed|ing)?|release[ds]?|maintenance|outage|downtime|change (?:window|freeze)|renew(?:al|ed)?|migrat(?:ed|ion)|roll ?out|PIR|post-?mortem|approved at|committee|valid (?:from|to|until)|certificate|cert|licen[cs]e|build|rotat(?:ed|ion)|refresh(?:ed)?|rebuild|reload(?:ed)?|file load|kickoff|errored|rejected|rejecting|failing|failed|stopped (?:flowing|importing|filing|crossing|syncing|working)|(?:not|aren't|isn't|stopped) (?:importing|filing|syncing|crossing|flowing))\b[^.\n;]{0,28}$/i;
// (not "upgraded": a patient's device is upgraded too, "His ICD was upgraded 1/22"; nor a word after the
// date: "Kayla Moss 2/8/2010 go-live conversion error" names a patient's birth date)
/** A care event's word right before a date ("failed to cross, surgery 3/12"): the patient's date, whatever IT event is before it. */
const CARE_EVENT_JUST_BEFORE = /\b(?:surgery|procedure|visit|consult|discharged?|admit(?:ted)?|admission|vaccin\w*|dose|appt|appointment|dos|seen|delivered|born|transfusion|infusion|scan|mri|ct|x-?ray|labs?|draw|collected)[ \t:]*(?:on[ \t]+)?$/i;
function itEventAround(text: string, start: number, _end: number): boolean {
  return IT_EVENT_BEFORE.test(text.slice(Math.max(0, start - 48), start));
}
const TICKET_DATE_BEFORE = /\b(?:by|before|until|till|due|eta|deadline|scheduled|window|on or before|created|updated|resolved|comment|commented|added|sent|date|starting|effective|expected|eta|shipped|delivered on|go-live|cutover|expires?|expired on|renewal|through)\b[^\n\d]{0,12}$/i;
/**
 * A mark before a date that makes it a stamp ("added a comment - 14/Mar/25", "(3/4/2024)", "· 2024-06-14"),
 * unless patient words follow it ("Petrov, Alexei - 02/14/1950 - MRN 1128830").
 */
const TICKET_MARK_BEFORE = /[·(\[-]\s?$/;
/**
 * A comment's header line before a date: the author's name opening the line (words that start with
 * a capital and a small letter, initials), a role in brackets, a dash or comma ("Keisha M.
 * Fairweather ", "Omar Farouk (HIM - ROI) ", "- Lydia Chu, ").
 */
const AUTHOR_HEADER_BEFORE = /(?:^|\n)[ \t]*(?:[-*>]+[ \t]*)?[A-Z][a-z][\w'’.-]*(?:[ \t]+(?:[A-Z]\.|[A-Z][a-z][\w'’.-]*)){1,3}(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*[-–,]?[ \t]*$/;
/** Does the line above the one holding p (no blank line between) end with ':'? */
function underHeading(text: string, p: number): boolean {
  const ls = lineStartWithin(text, p, 200) - 1;
  if (ls <= 0 || text.charCodeAt(ls) !== 10) return false;
  let k = ls - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 13)) k--;
  return k >= 0 && text.charCodeAt(k) === 58;
}
/** What follows a comment header's date: a colon, or a time and then a colon or the line's end. */
const AUTHOR_HEADER_AFTER = /^(?:[ \t]+\d{1,2}:\d{2}(?:[ \t]?[AaPp][Mm])?[ \t]*(?::|\r?\n|$)|[ \t]*:)/;

/** The events EVENT_PHRASE_BEFORE names after "date of". */
const EVENT_PHRASE_WORDS = ['service', 'birth', 'death', 'admission', 'discharge', 'injury', 'visit', 'surgery', 'procedure', 'encounter', 'onset', 'accident', 'delivery'];
/** "Date of service: …", "date of birth …": the phrase ties the date to a person even though "date" and "service" alone do not. */
const EVENT_PHRASE_BEFORE = new RegExp(`\\bdate of (?:${EVENT_PHRASE_WORDS.join('|')})\\b[^\\n\\d]{0,12}$`, 'i');
/** The shortest and the longest phrase EVENT_PHRASE_BEFORE takes ("date of birth", "date of admission"). */
const EVENT_PHRASE_MIN = 'date of '.length + Math.min(...EVENT_PHRASE_WORDS.map((w) => w.length));
const EVENT_PHRASE_MAX = 'date of '.length + Math.max(...EVENT_PHRASE_WORDS.map((w) => w.length));
/**
 * EVENT_PHRASE_BEFORE on the 40 characters before `start`. Its phrase is followed by at most 12
 * characters, and neither holds a '\n' or a digit: so its "date" starts 13 to 29 characters before
 * `start`, with no such character from there on. Checked first, by char code, before the regex runs
 * on the slice.
 */
function eventPhraseBefore(text: string, start: number): boolean {
  const from = Math.max(0, start - 40);
  for (let k = start - EVENT_PHRASE_MIN, lo = Math.max(from, start - EVENT_PHRASE_MAX - 12); k >= lo; k--) {
    if ((text.charCodeAt(k) | 32) !== 100 || !lettersAtIgnoreCase(text, k, 'date')) continue;
    for (let j = k + 4; j < start; j++) {
      const c = text.charCodeAt(j);
      if (c === 10 || (c >= 48 && c <= 57)) return false;
    }
    return EVENT_PHRASE_BEFORE.test(text.slice(from, start));
  }
  return false;
}
/**
 * "Study date 05/13/2024", "exam date: …", "dates of service 11/04/2024 - 12/19/2024", "*Dates of
 * service:* 01/2016 through 06/2018": a label naming a patient's event date (through the first
 * date of a range, for the second; month and year only too).
 */
const EVENT_DATE_WORD_BEFORE =
  /\b(?:study|exam|service|visit|admit|admission|discharge|collection|collected|procedure|surgery|appt|appointment|encounter|injury|accident|death|order|result|specimen|transmission|treatment|dialysis|infusion|transfer|vaccination|immunization)[ _-]?dates?\b(?: of service|[ ]?\/[ ]?time)?[ \t:#=*_-]{0,5}(?:(?:from[ \t]+)?\d{1,4}(?:[/.-]\d{1,2})?[/.-]\d{2,4}[ \t]*(?:-|–|to|through|thru|until)[ \t]*)?$|\bdates of service(?:[ \t]+[a-z]{3,12})?[ \t:*_]{0,4}(?:(?:from[ \t]+)?\d{1,4}(?:[/.-]\d{1,2})?[/.-]\d{2,4}[ \t]*(?:-|–|to|through|thru|until)[ \t]*)?$/i;
function eventDateWordBefore(text: string, start: number): boolean {
  const from = Math.max(0, start - 64);
  // (every alternative holds "date", any case: none can end here without one, looked for by char code)
  return eventDateWordEnd(text, start) && holdsIgnoreCase(text, from, start, 'date') && EVENT_DATE_WORD_BEFORE.test(text.slice(from, start));
}
/** [ \t:#=*_-]: what may stand between a date label and its value. */
const DATE_LABEL_TAIL = charSet(' \t:#=*_-');
/**
 * A necessary condition for EVENT_DATE_WORD_BEFORE before `start`, by char code (what its
 * alternatives can end with): the first date of a range and "-", "–", "to", "through", "thru" or
 * "until" ("11/04/2024 - "); else "date", "dates", "service" or "time" and at most five of
 * [ \t:#=*_-]; else "service", a word and at most four of those ("dates of service from ").
 */
function eventDateWordEnd(text: string, start: number): boolean {
  // (each ends in a letter or one of [ \t:#=*_-–]: "(", ",", a digit or a line break before `start` rule all out)
  const last = codeAt(text, start - 1);
  if (!(isAsciiLetter(last) || inSet(DATE_LABEL_TAIL, last) || last === 0x2013)) return false;
  // a range: a digit, [ \t]*, the word or dash, [ \t]*
  const r = skipBlanksBack(text, start, false);
  const c = r > 0 ? text.charCodeAt(r - 1) : 0;
  const k =
    c === 45 || c === 0x2013 ? r - 1
    : lettersAtIgnoreCase(text, r - 2, 'to') ? r - 2
    : lettersAtIgnoreCase(text, r - 4, 'thru') ? r - 4
    : lettersAtIgnoreCase(text, r - 5, 'until') ? r - 5
    : lettersAtIgnoreCase(text, r - 7, 'through') ? r - 7
    : -1;
  if (k > 0 && isDigitAt(text, skipBlanksBack(text, k, false) - 1)) return true;
  let q = start;
  while (q > 0 && start - q < 5 && inSet(DATE_LABEL_TAIL, text.charCodeAt(q - 1))) q--;
  if (lettersAtIgnoreCase(text, q - 4, 'date') || lettersAtIgnoreCase(text, q - 5, 'dates') || lettersAtIgnoreCase(text, q - 7, 'service') || lettersAtIgnoreCase(text, q - 4, 'time')) return true;
  // "dates of service" and a word of 3-12 letters
  let w = q;
  while (w > 0 && q - w <= 12 && isAsciiLetter(text.charCodeAt(w - 1))) w--;
  if (q - w < 3 || q - w > 12) return false;
  const s = skipBlanksBack(text, w, false);
  return s < w && lettersAtIgnoreCase(text, s - 7, 'service');
}
/** Does text[from, to) hold `lower` (lower-case ASCII letters) in any case? */
function holdsIgnoreCase(text: string, from: number, to: number, lower: string): boolean {
  // (its first letter first: most positions fail there)
  const c0 = lower.charCodeAt(0);
  for (let k = from; k + lower.length <= to; k++) if ((text.charCodeAt(k) | 32) === c0 && lettersAtIgnoreCase(text, k, lower)) return true;
  return false;
}
/**
 * A date label written straight onto the value: "dob:03/14/1962", "DOB03/14/1962". By char code,
 * `/(?:^|[^A-Za-z])(?:dob|dos|dod|doa|bdate|birthdate)[:=#]?$/i` over the 12 characters before start.
 */
const GLUED_DATE_WORDS = ['dob', 'dos', 'dod', 'doa', 'bdate', 'birthdate'];
function gluedDateLabel(text: string, start: number): boolean {
  const lo = Math.max(0, start - 12);
  let k = start;
  const c = text.charCodeAt(k - 1);
  if (k > lo && (c === 58 || c === 61 || c === 35)) k--;
  for (const w of GLUED_DATE_WORDS) {
    const s = k - w.length;
    if (s < lo) continue;
    if (lettersAtIgnoreCase(text, s, w) && (s === lo || !isAsciiLetter(text.charCodeAt(s - 1)))) return true;
  }
  return false;
}

/** A letter, ':', '=' or '#' right before a numeric date is fine only when it ends a date label. */
function gluedLabelOk(text: string, start: number): boolean {
  const c = start > 0 ? text.charCodeAt(start - 1) : 0;
  const glued = c === 58 || c === 61 || c === 35 || ((c | 32) >= 97 && (c | 32) <= 122);
  return !glued || gluedDateLabel(text, start);
}

/** Tickets talk about this year and last; a full date decades back is a birth date far more often. */
const LONG_AGO_YEAR = 2005;

/**
 * `/(?:^|\D)(1[89]\d\d|20\d\d)(?!\d)/.exec(text.slice(start, end))` found a year, and it is
 * before LONG_AGO_YEAR (2005): the first 4-digit run of [start, end) that reads 18xx, 19xx or 20xx.
 */
function firstYearLongAgo(text: string, start: number, end: number): boolean {
  for (let g = start; g + 4 <= end; g++) {
    if (g > start && isDigitAt(text, g - 1)) continue;
    const a = text.charCodeAt(g);
    const b = text.charCodeAt(g + 1);
    if (!((a === 49 && (b === 56 || b === 57)) || (a === 50 && b === 48))) continue;
    if (!isDigitAt(text, g + 2) || !isDigitAt(text, g + 3)) continue;
    if (g + 4 < end && isDigitAt(text, g + 4)) continue;
    const year = (a - 48) * 1000 + (b - 48) * 100 + (text.charCodeAt(g + 2) - 48) * 10 + (text.charCodeAt(g + 3) - 48);
    return year < LONG_AGO_YEAR;
  }
  return false;
}

/** The score a date gets with a time of day after it and no event word: at most this. */
const TIMESTAMP_MAX = 0.3;

const LAST_SEEN_BEFORE = /\blast seen(?: online| active| on| at)?[ ]?$/i;
function emitDate(env: RuleEnv, start: number, end: number, base: number, rule: string): void {
  const { text } = env;
  const timeAfter = timeAfterAt(text, end);
  // (the phrases before a date below all end in a character other than a line break: none stands
  // before a date that opens its line, as a log line's timestamp does)
  const lineStart = start === 0 || text.charCodeAt(start - 1) === 10;
  // with a time of day it is a timestamp unless the event word stands right before it ("admitted 3/4/2024 10:15")
  const event =
    env.scan.near(Cue.DateEvent, start, end, timeAfter ? lineBackTo(text, start, 32) : 40, timeAfter ? 0 : 5) ||
    // (with a time after it: "appointment here on 04/12/2024 at 10:30", the event's sentence on its line;
    // a specimen's collection, "collected 07/16/2025 06:10", "Coll: 03/07/25 10:14")
    (!lineStart &&
      ((timeAfter &&
        ((eventOnWordBefore(text, start) && EVENT_ON_BEFORE.test(text.slice(Math.max(0, start - 48), start))) ||
          (collectedWordBefore(text, start) && COLLECTED_BEFORE.test(text.slice(Math.max(0, start - 16), start))))) ||
        // a patient's arrival, a study's acquisition, an enrolment, a home monitor's transmission ("arrived 11/02/2025 15:40")
        (personEventBefore(text, start) && (env.personEvents ??= personEventWords(text)) && PERSON_EVENT_BEFORE.test(text.slice(Math.max(0, start - 40), start))) ||
        eventPhraseBefore(text, start) ||
        eventDateWordBefore(text, start))) ||
    // "pt is scheduled for 4/24", not "Upgrade to iOS 18.3 is scheduled for Monday 4/24. Rollback …"
    // (technical words around count only without a patient word)
    (env.scan.near(Cue.Scheduled, start, end, timeAfter ? 14 : 40, 0) &&
      (!env.scan.near(Cue.Tech, start, end, 60, 40) || env.scan.near(Cue.Clinical, start, end, 60, 20)));
  let score: number;
  // "his iPhone 14 last seen 02/27/2024 21:14": a device's timestamp, not a visit ("pt last seen in clinic 3/4" is)
  if (event && timeAfter && LAST_SEEN_BEFORE.test(text.slice(Math.max(0, start - 24), start))) score = 0.3;
  // (a system's event read as one: "APNs certificate expired 02/09", "stopped after the 2/28 Windows patching", with no patient word around it)
  else if (event) score = itEventAround(text, start, end) && !env.scan.near(Cue.Patient, start, end, 48, 24) && !CARE_EVENT_JUST_BEFORE.test(text.slice(Math.max(0, start - 20), start)) ? 0.3 : 0.95;
  else {
    // a log line's timestamp scores too low to be kept (with default settings): no more work on it
    if (timeAfter && !(TIMESTAMP_MAX >= env.floors.DATE)) return;
    if (firstYearLongAgo(text, start, end)) base += 0.2;
    // a date alone in an IT ticket is the ticket's own date until something ties it to a person
    score = ctxScore(env, start, end, base - 0.15, 0.3, 0.35, 60);
    if (timeAfter) score = Math.min(score, TIMESTAMP_MAX);
    if (score > 0.3) {
      const before = text.slice(Math.max(0, start - 24), start);
      if (TICKET_DATE_BEFORE.test(before) || (TICKET_MARK_BEFORE.test(before) && !env.scan.near(Cue.Patient, end, end, 0, 24))) score = 0.3;
      // a system's event ("the EAP-TLS cert on the pump expired 2025-01-31", "update to EVC 2.10.1 on 9/17"),
      // with no patient word around it
      else if (itEventAround(text, start, end) && !env.scan.near(Cue.Patient, start, end, 48, 24)) score = 0.3;
      // a comment's header, "Tobias Wendt 05/13:", "Lydia Chu (HIM) 06/04: Moved doc …": when it was written
      // (not a year long ago, a birth date: "Maria Lopez 02/14/1950: MRN …"; nor an item under a heading, "Duplicate charts:")
      else if (AUTHOR_HEADER_AFTER.test(text.slice(end, end + 16)) && AUTHOR_HEADER_BEFORE.test(text.slice(Math.max(0, start - 72), start)) && !firstYearLongAgo(text, start, end) && !underHeading(text, start)) score = 0.3;
    }
    if (text[start - 1] === '[') score = Math.min(score, 0.2); // [14/Mar/2024:10:22:31 +0000]
  }
  // a time of day that follows belongs to the same date element: redact it with the date
  env.emit('DATE', start, timeAfter ? clockEnd(text, end) : end, clamp(score), rule);
}

/** How many characters before `start`, at most `max`, are on its line. */
function lineBackTo(text: string, start: number, max: number): number {
  let k = start;
  while (k > 0 && start - k < max && text.charCodeAt(k - 1) !== 10) k--;
  return start - k;
}

/** `\d{1,2}:\d{2}` at k: where it ends, or -1. */
function hourMinuteAt(text: string, k: number): number {
  if (!isDigitAt(text, k)) return -1;
  if (isDigitAt(text, k + 1)) k++;
  return k + 3 < text.length && text.charCodeAt(k + 1) === 58 && isDigitAt(text, k + 2) && isDigitAt(text, k + 3) ? k + 4 : -1;
}
/** TIME_AFTER (`^(?:,? ?(?:at )?[T ]?\d{1,2}:\d{2}|:\d{2}:\d{2})`) at q, by char code. */
function timeAfterAt(text: string, q: number): boolean {
  let c = codeAt(text, q);
  if (c === 58) return isDigitAt(text, q + 1) && isDigitAt(text, q + 2) && codeAt(text, q + 3) === 58 && isDigitAt(text, q + 4) && isDigitAt(text, q + 5);
  if (c === 44) c = codeAt(text, ++q);
  if (c === 32) c = codeAt(text, ++q);
  if (c === 97 && codeAt(text, q + 1) === 116 && codeAt(text, q + 2) === 32) c = codeAt(text, (q += 3));
  if (c === 84 || c === 32) q++;
  return hourMinuteAt(text, q) !== -1;
}
/** End of `^[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?` at q, or q when it does not match. */
function clockEnd(text: string, q: number): number {
  const c0 = text.charCodeAt(q);
  if (c0 !== 84 && c0 !== 32) return q;
  let k = hourMinuteAt(text, q + 1);
  if (k === -1) return q;
  if (text.charCodeAt(k) === 58 && isDigitAt(text, k + 1) && isDigitAt(text, k + 2)) k += 3;
  let j = isRegexSpace(text.charCodeAt(k)) ? k + 1 : k;
  const a = text.charCodeAt(j) | 32;
  if (a !== 97 && a !== 112) return k;
  j++;
  if (text.charCodeAt(j) === 46) j++;
  if ((text.charCodeAt(j) | 32) !== 109) return k;
  j++;
  if (text.charCodeAt(j) === 46) j++;
  return j;
}

/** Digits from k on. */
function digitsFrom(text: string, k: number): number {
  let e = k;
  while (isDigitAt(text, e)) e++;
  return e - k;
}
/** The number the `len` digits at k spell. */
function numberAt(text: string, k: number, len: number): number {
  let n = 0;
  for (let i = 0; i < len; i++) n = n * 10 + text.charCodeAt(k + i) - 48;
  return n;
}
/** (?<![\d_/.-]) before a numeric date. */
function dateStartOk(text: string, p: number): boolean {
  const b = p > 0 ? text.charCodeAt(p - 1) : 0;
  return !((b >= 48 && b <= 57) || b === 95 || b === 47 || b === 46 || b === 45);
}
const NUM_DATE: Matcher = mkCode(/(?<![\d_/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/-]|\.\d)/y, (env, p) => {
  const { text } = env;
  if (!dateStartOk(text, p)) return -1;
  const l0 = digitsFrom(text, p);
  if (l0 < 1 || l0 > 2) return -1;
  if (p + l0 >= text.length) return -1;
  const sep = text.charCodeAt(p + l0);
  if (sep !== 47 && sep !== 46 && sep !== 45) return -1;
  const k1 = p + l0 + 1;
  const l1 = digitsFrom(text, k1);
  if (l1 < 1 || l1 > 2 || k1 + l1 >= text.length || text.charCodeAt(k1 + l1) !== sep) return -1;
  const k2 = k1 + l1 + 1;
  // (\d{4}|\d{2}) and the look-ahead: a longer or shorter take would stand before a digit
  const l2 = digitsFrom(text, k2);
  if (l2 !== 2 && l2 !== 4) return -1;
  const end = k2 + l2;
  const c = end < text.length ? text.charCodeAt(end) : NaN;
  if (isWordCode(c) || c === 47 || c === 45 || (c === 46 && isDigitAt(text, end + 1))) return -1;
  const a = numberAt(text, p, l0);
  const b = numberAt(text, k1, l1);
  if (!isValidMonthDay(a, b) && !isValidMonthDay(b, a) && !(keyedBirthDate(a, b, text, p) || keyedBirthDate(b, a, text, p))) return -1;
  if (!gluedLabelOk(text, p)) return -1;
  // "1.2.62"-style versions, unless a birth/visit word is right there: near for a zero-padded one
  // ("DOB 03.14.62"), right before it otherwise ("dob 7.19.88")
  if (sep === 46 && l2 === 2 && !(env.scan.near(Cue.DateEvent, p, end, l0 === 2 && l1 === 2 ? 20 : 8, 0))) return -1;
  // "Build 2.9.9838", "version 1.4.2024"
  if (sep === 46 && VERSION_BEFORE.test(text.slice(Math.max(0, p - 12), p))) return -1;
  emitDate(env, p, end, sep === 46 ? 0.45 : 0.6, 'date.numeric');
  return end;
});
/** "on 3/21", "since 02/24": month/day without a year, only where a person's context makes it PHI. */
const SHORT_DATE: Matcher = mkSpan({
  re: /(?<![\w/.:-])(\d{1,2})\/(\d{1,2})(?![\w/-]|\.\d|:\d)/y,
  span(env, start, end) {
    const { text } = env;
    // the match is the two digit runs (no digit before or after it) and the '/' between them
    const l0 = digitsFrom(text, start);
    if (!isValidMonthDay(numberAt(text, start, l0), numberAt(text, start + l0 + 1, end - start - l0 - 1))) return;
    // "attempt 2/5", "page 3/12": counters, not dates
    if (/(?:attempt|retry|retries|try|step|page|part|round|of|item|batch|node|disk|slot)\s*[#(]?\s*$/i.test(text.slice(Math.max(0, start - 12), start))) return;
    emitDate(env, start, end, 0.5, 'date.short');
  },
});
/**
 * A birth date keyed in wrong ("DOB registered as 1957-04-31"): a day the month lacks, right after a
 * birth-date label, is still the patient's date as the record holds it.
 */
function keyedBirthDate(month: number, day: number, text: string, p: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && BIRTH_LABEL_BEFORE.test(text.slice(Math.max(0, p - 32), p));
}
const BIRTH_LABEL_BEFORE = /\b(?:dob|d\.o\.b\.?|date of birth|birth ?date|born)\b[^\n\d]{0,20}$/i;
const VERSION_BEFORE = /\b(?:release|version|build|ver|rel|v)\.?[ ]?$/i;
const ISO_DATE: Matcher = mkCode(/(?<![\d_/.-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!(?!T\d)[\w/-]|\.\d)/y, (env, p) => {
  const { text } = env;
  if (!dateStartOk(text, p) || digitsFrom(text, p) !== 4 || p + 4 >= text.length) return -1;
  const sep = text.charCodeAt(p + 4);
  if (sep !== 45 && sep !== 47 && sep !== 46) return -1;
  const l1 = digitsFrom(text, p + 5);
  if (l1 < 1 || l1 > 2 || p + 5 + l1 >= text.length || text.charCodeAt(p + 5 + l1) !== sep) return -1;
  const k2 = p + 6 + l1;
  const l2 = digitsFrom(text, k2);
  if (l2 < 1 || l2 > 2) return -1;
  const end = k2 + l2;
  const c = end < text.length ? text.charCodeAt(end) : NaN;
  if (c === 47 || c === 45 || (c === 46 ? isDigitAt(text, end + 1) : isWordCode(c) && !(c === 84 && isDigitAt(text, end + 1)))) return -1;
  if (!isValidMonthDay(numberAt(text, p + 5, l1), numberAt(text, k2, l2)) && !keyedBirthDate(numberAt(text, p + 5, l1), numberAt(text, k2, l2), text, p)) return -1;
  if (!gluedLabelOk(text, p)) return -1;
  // "release 2025.03.09", "version 2024.1.2": a calendar-versioned release, not a date of a person
  if (sep === 46 && VERSION_BEFORE.test(text.slice(Math.max(0, p - 12), p))) return -1;
  emitDate(env, p, end, 0.55, 'date.iso');
  return end;
});
const NAMED_DATE: Matcher = mkSpan({
  // a month's name cannot start with a weekday's (Mon Tue Wed Thu Fri Sat Sun): that part is absent there
  pre: (text, pos) => (monthAt(text, pos) ? dateAfterMonth(text, pos) : digitSoon(text, pos, 16)),
  re: new RegExp(
    `\\b(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?,? )?(?:(?:${MONTHS})[ ]?\\d{1,2}(?:st|nd|rd|th)?(?:,? ?(?:\\d{4}|'\\d{2}))?|\\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:${MONTHS}),?(?: (?:\\d{4}|'\\d{2}))?|\\d{1,2}([-/ ])(?:${MONTHS})\\1\\d{2,4}|(?:${MONTHS})([-/])\\d{1,2}\\2\\d{2,4}|\\d{4}([-/])(?:${MONTHS})\\3\\d{1,2})(?![\\w:])`,
    'iy',
  ),
  span(env, start, end) {
    const base = namedDateBase(env.text, start, end);
    if (base > 0) emitDate(env, start, end, base, 'date.named');
  },
});
/**
 * A named date's base score from its digits, -1 when its day is out of range. On s, the text from
 * start to end: the day is `/(?:^|\D)(\d{1,2})(?:st|nd|rd|th)?(?!\d)/.exec(s)[1]` (the first run
 * of at most two digits) and must be 1-31; with a year, `/\d{4}/.test(s)`, the score is higher.
 */
function namedDateBase(text: string, start: number, end: number): number {
  let day = -1;
  let year = false;
  for (let k = start; k < end; ) {
    if (!isDigitAt(text, k)) {
      k++;
      continue;
    }
    const l = Math.min(digitsFrom(text, k), end - k);
    if (l <= 2 && day < 0) day = numberAt(text, k, l);
    if (l >= 4) year = true;
    k += l;
  }
  if (day < 1 || day > 31) return -1;
  return year ? 0.65 : 0.5;
}
/** "March 1962", "03/1962": month and year of a person's event (Safe Harbor keeps only the year). */
const MONTH_YEAR: Matcher = mkSpan({
  pre: (text, pos) => (isDigitAt(text, pos) ? monthSlashYear(text, pos) : isUpperAscii(text.charCodeAt(pos)) && yearAfterMonth(text, pos)),
  re: new RegExp(`\\b(?:${MONTHS}),? (?:19|20)\\d{2}\\b|(?<![\\w/.:-])(?:0?[1-9]|1[0-2])\\/(?:19|20)\\d{2}(?![\\w/-]|\\.\\d)`, 'y'),
  span(env, start, end) {
    // only where a date-event or patient word ties it to a person
    // ("*Dates of service:* 01/2016 through 06/2018": a label naming the event, in Jira bold)
    if (!env.scan.near(Cue.DateEvent, start, end, 30, 0) && !eventDateWordBefore(env.text, start)) return;
    emitDate(env, start, end, 0.6, 'date.month-year');
  },
});
/** "14MAR1962", "14MAR62" (clinical systems' day-month-year), and "14.Mar.1962". */
const DAY_MON_YEAR = new RegExp(`(?<![\\w.-])(\\d{1,2})(\\.?)(${MONTHS3})\\2((?:19|20)?\\d{2})(?![\\w-]|\\.\\d)`, 'iy');
const DAY_MON_YEAR_DATE: Matcher = mkSpan({
  re: DAY_MON_YEAR,
  span(env, start, end) {
    // the day: the one or two digits the match starts with
    const day = numberAt(env.text, start, digitsFrom(env.text, start));
    if (day < 1 || day > 31) return;
    emitDate(env, start, end, 0.55, 'date.day-mon-year');
  },
});
/** MMDDYY after a birth/visit word: "DOB 031462". */
/** 0[1-9]|1[0-2] at k. */
function monthDigitsAt(text: string, k: number): boolean {
  const a = text.charCodeAt(k);
  const b = text.charCodeAt(k + 1);
  return a === 48 ? b >= 49 && b <= 57 : a === 49 && b >= 48 && b <= 50;
}
/** 0[1-9]|[12]\d|3[01] at k. */
function dayDigitsAt(text: string, k: number): boolean {
  const a = text.charCodeAt(k);
  const b = text.charCodeAt(k + 1);
  return a === 48 ? b >= 49 && b <= 57 : a === 49 || a === 50 ? b >= 48 && b <= 57 : a === 51 && (b === 48 || b === 49);
}
/** 19|20 at k. */
function centuryAt(text: string, k: number): boolean {
  const a = text.charCodeAt(k);
  const b = text.charCodeAt(k + 1);
  return (a === 49 && b === 57) || (a === 50 && b === 48);
}
/** (?<![\w-]) at p, exactly `len` digits, (?![\w-]). */
function digitTokenAt(text: string, p: number, len: number): boolean {
  const b = p > 0 ? text.charCodeAt(p - 1) : 0;
  if (isWordCode(b) || b === 45 || digitsFrom(text, p) !== len) return false;
  const c = text.charCodeAt(p + len);
  return !(isWordCode(c) || c === 45);
}
const COMPACT6_DATE: Matcher = mkCode(/(?<![\w-])(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{2}(?![\w-])/y, (env, p) => {
  const { text } = env;
  if (!digitTokenAt(text, p, 6) || !monthDigitsAt(text, p) || !dayDigitsAt(text, p + 2)) return -1;
  if (!env.scan.near(Cue.DateEvent, p, p + 6, 12, 0)) return -1;
  env.emit('DATE', p, p + 6, 0.8, 'date.compact');
  return p + 6;
});
// YYYYMMDD or MMDDYYYY, only next to a birth/admission word
const COMPACT_DATE: Matcher = mkCode(
  /(?<![\w-])(?:(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:19|20)\d{2})(?![\w-])/y,
  (env, p) => {
    const { text } = env;
    if (!digitTokenAt(text, p, 8)) return -1;
    if (!((centuryAt(text, p) && monthDigitsAt(text, p + 4) && dayDigitsAt(text, p + 6)) || (monthDigitsAt(text, p) && dayDigitsAt(text, p + 2) && centuryAt(text, p + 4)))) return -1;
    if (!env.scan.near(Cue.DateEvent, p, p + 8, 30, 0)) return -1;
    env.emit('DATE', p, p + 8, 0.85, 'date.compact');
    return p + 8;
  },
);

// ---------------------------------------------------------------------------------------------
// Ages over 89
function emitAge(env: RuleEnv, m: RegExpExecArray, num: string, labelled: boolean): void {
  const n = Number(num);
  if (n < 90 || n > 125) return;
  const start = m.index + m[0].indexOf(num);
  const score = ctxScore(env, start, start + num.length, labelled ? 0.85 : 0.6, 0.1, labelled ? 0.1 : 0.4);
  env.emit('AGE', start, start + num.length, score, 'age.over89');
}
const AGE_NUM: Matcher = mk({
  re: /\b(\d{2,3})\s*(?:-\s*|\s)?(?:y\/o|y\.o\.?|yo|yrs?(?:[- ]old)?|years?(?:[- ]old)?|year-old|-year-old|yr-old)\b/iy,
  on: (m, env) => emitAge(env, m, m[1]!, /old|y\/?o|y\.o/i.test(m[0])),
});
/** "(93F)", "I'm 100M": age with sex. */
const AGE_SEX: Matcher = mk({
  re: /\b(\d{2,3}) ?(?:[FM]|Y ?[FM]|yo ?[FM]|y\/o ?[FM])\b/y,
  on(m, env) {
    // "FortiGate 100F", "iPhone 15 Pro M": a product's model after its name
    if (PRODUCT_BEFORE.test(env.text.slice(Math.max(0, m.index - 24), m.index))) return;
    // "Windstream Ethernet 100M", "| MPLS 100M | Lumen": a circuit's bandwidth
    if (m[0].endsWith('M') && CIRCUIT_LINE.test(lineAt(env.text, m.index))) return;
    emitAge(env, m, m[1]!, true);
  },
});
const CIRCUIT_LINE = /\b(?:circuit|mpls|ethernet|mbps|gbps|bandwidth|fiber|sd-?wan)\b/i;
const PRODUCT_BEFORE = /\b(?:FortiGate|FortiWiFi|FortiSwitch|PowerEdge|ProLiant|Catalyst|Nexus|Meraki|iPhone|iPad|Galaxy|ThinkPad|ThinkCentre|Latitude|OptiPlex|Precision|EliteBook|ProBook|EliteDesk|Surface|Pixel|model|series|gen|rev)[ ]$/i;
/** "he's 93", "Mom is 94 and lives …", "she turned 101", "Mr. Fontaine is 91": a person's age said in prose. */
const AGE_SAID_BEFORE =
  /(?:\b(?:[Hh]e|[Ss]he|[Tt]hey|[Pp]ts?|[Pp]atient|[Mm]om|[Mm]other|[Dd]ad|[Ff]ather|[Gg]randma|[Gg]randmother|[Gg]randpa|[Gg]randfather|[Hh]usband|[Ww]ife|[Rr]esident|[Mm]ember|[Ww]ho|HE|SHE|PT|PATIENT)|\b(?:[Mm][Rr][Ss]?|[Mm][Ss]|[Mm]iss|MISS|[Mm][Xx])\.?\s+[A-Z][\w'’-]*)(?:['’]s|\s+(?:is|was|turned|turns|is now|will be|IS|WAS))\s+$/;
/** "Vijay Mehta, 91, was discharged", "Mr. Albert Finkelstein (96), MRN …": an age right after a name. */
const AGE_AFTER_NAME = /[A-Z][a-z'’-]+(?:, |\s?\()$/;
/** After "(93": the aside goes on with the person's birth date or sex. */
const AGE_ASIDE_GOES_ON = /^,[ \t]*(?:DOB\b|D\.O\.B|born\b|[MF]\b|male\b|female\b)/i;
/** Things a number before them counts ("turned 99 tickets around", "was 95 calls behind"), not a verb after an age ("she's 93 has CHF"). */
const COUNTED_AFTER = /^[ ]+(?:tickets|calls|cases|pages|orders|charts|messages|emails|alerts|patients|requests|items|tasks|incidents|devices|users|accounts|labels|scans|reports|records|claims|visits|encounters|appointments|appts|minutes|seconds|hours|days|weeks|months|beds|rooms)\b/i;
/** Units a number before them measures (then it is no age): "she's 96 %", "is 98 degrees". */
const AGE_UNIT_AFTER = /^\s*(?:%|percent|mg|mcg|ml|kg|lbs?|pounds|min(?:utes?)?|hours?|hrs?|days?|weeks?|bpm|°|degrees|cm|mm|inches|units?|mmhg|mph|ms|sec(?:onds)?|ft|feet|f\b|c\b)/i;
const AGE_SAID: Matcher = mkCode(/(?<=he's |, |\()(9\d|1[01]\d)\b/y, (env, p) => {
  const { text } = env;
  let e = p;
  while (e < text.length && isDigitAt(text, e)) e++;
  const c = e < text.length ? text.charCodeAt(e) : 0;
  if (isWordCode(c) || c === 47 || c === 45 || (c === 46 && isDigitAt(text, e + 1)) || c === 58) return -1;
  const before = text.slice(Math.max(0, p - 24), p);
  if (AGE_SAID_BEFORE.test(before)) {
    if (AGE_UNIT_AFTER.test(text.slice(e, e + 10)) || COUNTED_AFTER.test(text.slice(e, e + 24))) return -1;
    const n = Number(text.slice(p, e));
    if (n < 90 || n > 119) return -1;
    env.emit('AGE', p, e, clamp(ctxScore(env, p, e, 0.85, 0.1, 0.3)), 'age.said');
    return e;
  }
  // after a name, closed like an aside: ", 91," or " (96)", or opening one with the birth date or sex: "(93, DOB 04/02/1931)"
  const paren = text.charCodeAt(p - 1) === 40;
  if (!(paren ? c === 41 || (c === 44 && AGE_ASIDE_GOES_ON.test(text.slice(e, e + 12))) : c === 44 || c === 59 || (c === 46 && !isDigitAt(text, e + 1))) || !AGE_AFTER_NAME.test(before)) return -1;
  const n = Number(text.slice(p, e));
  if (n < 90 || n > 119) return -1;
  env.emit('AGE', p, e, clamp(ctxScore(env, p, e, 0.6, 0.2, 0.4)), 'age.after-name');
  return e;
});
/** "I'm ninety-five", "ninety-one years old": an age over 89 written in words. */
const AGE_WORDS_RE = /ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\b/iy;
const AGE_WORDS_BEFORE = /\b(?:i['’]m|i am|he['’]s|she['’]s|he is|she is|is|was|aged?|turned|turns)\s+$/i;
const AGE_WORDS_AFTER = /^[\s-]*(?:years?|yrs?|yo\b|y\/o|-year-old)/i;
const AGE_IN_WORDS: Matcher = mk({
  re: AGE_WORDS_RE,
  on(m, env) {
    const start = m.index;
    const end = start + m[0].length;
    if (start > 0 && isWordCode(env.text.charCodeAt(start - 1))) return;
    const said = AGE_WORDS_BEFORE.test(env.text.slice(Math.max(0, start - 12), start));
    if (!said && !AGE_WORDS_AFTER.test(env.text.slice(end, end + 12))) return;
    env.emit('AGE', start, end, clamp(ctxScore(env, start, end, 0.85, 0.1, 0.3)), 'age.words');
  },
});
const AGE_WORD: Matcher = mk({
  // ("Age: 90Y": a chart header's age with its unit glued on)
  re: /\b(?:age[ds]?|aged)(?:[ ](?:at|of)[ ](?:death|admission|admit|discharge|visit|diagnosis|dx))?\s*[:=\u2013-]?\s*(\d{2,3})y?\b/iy,
  on: (m, env) => emitAge(env, m, m[1]!, true),
});

// ---------------------------------------------------------------------------------------------
// Addresses: streets, PO boxes, units, "City, ST"; ZIP codes are scored after them.
const STREET_SUFFIX =
  'Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|' +
  'Highway|Hwy|Square|Sq|Trail|Trl|Loop|Path|Pike|Plaza|Plz|Row|Run|Walk|Alley|Crossing|Xing|Heights|Hts|Hill|Hills|' +
  'Point|Pt|Ridge|Rdg|Crescent|Cres|Close|Grove|Gardens|Gdns|Mews|Green|Park|Views?|Meadows?|Junction|Jct|Manor|Mill|' +
  'Springs?|Station|Sta|Estates?|Falls|Ferry|Fields?|Forest|Fort|Harbor|Haven|Island|Isle|Lake|Lakes|Landing|Mount|Mountain|' +
  'Oval|Pass|Pines|Port|Prairie|Ranch|Shore|Shores|Summit|Turnpike|Tpke|Union|Valley|Vista|Village|Wells|Creek|Expressway|Expy|Freeway|Fwy|Causeway|Route|Rte';

/**
 * Offsets kept sorted, asked whether one lies in a range: binary search, so a text with thousands of
 * addresses is not searched through once per city, unit and ZIP. (Offsets mostly arrive in order:
 * an insert is then an append.)
 */
class Offsets {
  private readonly a: number[] = [];
  push(x: number): void {
    const a = this.a;
    if (a.length === 0 || a[a.length - 1]! <= x) {
      a.push(x);
      return;
    }
    a.splice(firstAtOrAbove(a, x), 0, x);
  }
  /** Adds many at once (one merge: pushed one by one into the middle, n of them would take n² moves). */
  addAll(xs: number[]): void {
    if (xs.length === 0) return;
    const b = xs.slice().sort((x, y) => x - y);
    const a = this.a;
    const out: number[] = new Array(a.length + b.length);
    let i = 0;
    let j = 0;
    let k = 0;
    while (i < a.length && j < b.length) out[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
    while (i < a.length) out[k++] = a[i++]!;
    while (j < b.length) out[k++] = b[j++]!;
    a.length = 0;
    for (const x of out) a.push(x);
  }
  /** Is an offset in [lo, hi]? */
  anyIn(lo: number, hi: number): boolean {
    const i = firstAtOrAbove(this.a, lo);
    return i < this.a.length && this.a[i]! <= hi;
  }
}

interface AddressState {
  /** Ends of street addresses, cities and units found so far. */
  ends: Offsets;
  /** Ends of a site's own street addresses ("the clinic (1200 Oak Street)"): the city, state and ZIP after one are the site's too. */
  sites: Offsets;
  zips: Array<{ start: number; end: number }>;
  units: Array<{ start: number; end: number }>;
  /** Ends of a person's street addresses (US style, scored 0.85 or more): a city may follow after a comma. */
  streets: number[];
}

function addressCtx(env: RuleEnv, start: number): boolean {
  return env.scan.near(Cue.Address, start, start, 50, 0) || env.scan.near(Cue.Clinical, start, start, 80, 20);
}

const STREET_SUFFIXES = `${STREET_SUFFIX}|${STREET_SUFFIX.toUpperCase()}`;
const STREET_RE = new RegExp(
      `\\b\\d{1,6}[A-Za-z]?(?:[ ]+(?:[NSEW]|North|South|East|West|NE|NW|SE|SW)\\.?)?(?:[ ]+(?:[A-Z\\u00C0-\\u024F][\\w\\u00C0-\\u024F'.-]*|\\d{1,3}(?:st|nd|rd|th|ST|ND|RD|TH))){1,4}?[ ]+(?:${STREET_SUFFIXES})\\b\\.?(?:[ ]+(?:[NSEW]|NE|NW|SE|SW)\\b\\.?)?` +
        `(?:,?[ ]+(?:Apt|Apartment|Suite|Ste|Unit|Bldg|Building|Fl|Floor|Rm|Room|Lot|APT|SUITE|STE|UNIT|LOT|#)\\.?[ ]*#?[A-Za-z0-9-]{1,6}\\b)?`,
      'y',
    );
/**
 * A rural grid address of Wisconsin and northern Illinois: a direction letter glued to the house
 * number ("N2741 County Road OA", "W10244 State Highway 33", "E4418 State Road 56", "W5120 Sunset
 * Ridge Rd"), then the street as STREET_RE reads it, and a highway's number or letters, or a second
 * street word ("Sunset Ridge| Rd"), after it.
 */
const GRID_STREET_RE = new RegExp(
  // (STREET_RE without its opening \b: the letter stands before the digits)
  `[NSEW](?=\\d{3,6}[ ])${STREET_RE.source.replace(/^\\b/, '')}(?:[ ]+(?:${STREET_SUFFIXES})\\b\\.?|[ ]+(?:[A-Z]{1,2}|\\d{1,3})(?![\\w/]))?`,
  'y',
);
const INTL_PREFIX_RE = /(?:Rua|Via|Viale|Calle|Avenida|Rue|Avenue|Boulevard|Piazza|Plaza|Ulica|Ul\.|Strada|Carrer|Camino|Largo)(?:[ ]+[\w\u00C0-\u024F'.-]+){1,4}?[ ]+\d{1,5}[A-Za-z]?\b/y;
/**
 * A US street named with a Spanish prefix, after its house number and direction ("88 W Calle Arroyo
 * Seco, Sahuarita", "4410 N Camino del Sol", "2231 E Via Entrada"): from the prefix, up to four
 * capitalised words or connectors (de, del, la, …), then the street's end (a comma, a line's end, a
 * bracket, a unit, or a state's code and ZIP).
 */
const PREFIX_STREET_RE =
  /(?:Calle|CALLE|Camino|CAMINO|Via|VIA|Vía|Paseo|PASEO|Avenida|AVENIDA|Placita|PLACITA|Plaza|PLAZA|Circulo|CIRCULO|Círculo|Calzada|CALZADA|Sendero|SENDERO|Vereda|VEREDA|Entrada|ENTRADA|Cerrada|CERRADA|Callejon|CALLEJON|Callejón)(?:[ ]+(?:[A-Z\u00C0-\u00DE][\w\u00C0-\u024F'’.-]*|de|del|la|las|los|el|y|DE|DEL|LA|LAS|LOS|EL|Y)){1,4}?(?=[ ]*(?:[,\n(]|$)|[ ]+(?:Apt|APT|Apartment|Suite|SUITE|Ste|STE|Unit|UNIT|Bldg|BLDG|Lot|LOT|Spc|SPC|#)\b|[ ]+[A-Z]{2}[ ]+\d{5}\b)/y;
/** What English "via" goes through ("3 Via Fax", "2 via Teams"). */
const VIA_CHANNELS: ReadonlySet<string> = new Set('fax email e mail phone teams zoom text sms mail portal courier fedex ups usps dhl vpn citrix chat webex'.split(' '));
/** Per ASCII code, 1 where it may not stand right before a house number ([\w./:#-]). */
const NOT_BEFORE_HOUSE = (() => {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) if (isWordCode(c) || c === 46 || c === 47 || c === 58 || c === 35 || c === 45) t[c] = 1;
  return t;
})();
/** The house number and direction right before a PREFIX_STREET_RE street. */
const HOUSE_NUMBER_BEFORE = /(?<![\w./:#-])\d{1,6}[A-Za-z]?(?:[ ]+(?:[NSEW]|North|South|East|West|NE|NW|SE|SW)\.?)?[ ]+$/;
const INTL_SUFFIX_RE = /[\w\u00C0-\u024F'-]+[ ]+\d{1,5}[A-Za-z]?\b/y;
const POBOX_RE = /(?:P\.?[ ]?O\.?[ ]?Box|Post Office Box|PSC[ ]\d{3,5},?[ ]Box)[ ]+\d{1,6}\b|(?:APO|FPO|DPO)[ ](?:AA|AE|AP)\b/iy;
const UNIT_RE = /(?:Apt|Apartment|Suite|Ste|Unit)\.?[ ]*#?\d{1,5}[A-Za-z]?\b/y;
/** "28245 Puruntie 82", "0605 Μεγάλη Άμμος 184": house/postal number, capitalised street words, number. */
/** A character of NUM_STREET_NUM_RE's words: [\w\u00C0-\u024F\u0370-\u04FF'.-]. */
const isStreetWordCh = (c: number) => isWordCode(c) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x4ff) || c === 39 || c === 46 || c === 45;
/**
 * A necessary condition for NUM_STREET_NUM_RE at pos, by char code: after the number and its
 * spaces, words of its word characters (at most four, five with "ul." or "Avda.") separated by spaces, then spaces and a
 * digit (a digit after any word leaves it to the pattern).
 */
function numStreetNumPossible(text: string, pos: number): boolean {
  const n = text.length;
  let k = pos;
  while (k < n && isDigitCode(text.charCodeAt(k))) k++;
  for (let words = 0; ; ) {
    const spaceStart = k;
    while (k < n && text.charCodeAt(k) === 32) k++;
    if (k === spaceStart || k >= n) return false;
    const c = text.charCodeAt(k);
    if (words > 0 && isDigitCode(c)) return true;
    if (!isStreetWordCh(c)) return false;
    if (++words > 5) return false; // (four words, or five after "ul." or "Avda.")
    while (k < n && isStreetWordCh(text.charCodeAt(k))) k++;
  }
}
const NUM_STREET_NUM_RE = /(?<![\w./:-])\d{1,6}[ ]+(?:ul\.[ ]|Avda\.[ ])?[A-Z\u00C0-\u00DE\u0386-\u03AB\u0410-\u042F][\w\u00C0-\u024F\u0370-\u04FF'.-]*(?:[ ]+[\w\u00C0-\u024F\u0370-\u04FF'.-]+){0,3}?[ ]+\d{1,5}[A-Za-z]?\b\.?/y;

/**
 * A site named before an address on its line ("clinic (", "Urgent Care at ", "Hospital - Main, ",
 * "Family Medicine, ", "Location: "): a few words may stand between.
 */
const FACILITY_BEFORE =
  /(?:\b(?:[A-Z][\w&'-]*[ ]){0,3}(?:[Cc]linic|[Hh]ospital|[Cc]ent(?:er|re)|[Oo]ffice|[Bb]uilding|[Cc]ampus|[Ss]ite|[Ff]acility|[Bb]ranch|[Ww]arehouse|[Mm]edicine|[Cc]are|[Pp]ractice|[Pp]avilion|[Pp]harmacy|[Cc]ardiology|[Rr]adiology|[Oo]ncology|[Pp]ediatrics|[Oo]rthopedics|[Dd]ermatology|[Ll]aboratory|[Hh]ealth|[Hh]ealthcare|[Oo]utpatient|[Ii]nternational|[Ii]nc\.?|LLC|[Ss]ervices)\b(?:[ ]?(?:[-,]|at\b)[ ]?[A-Z][\w&'-]*(?:[ ][A-Z][\w&'-]*)?){0,2}|^[ \t]*(?:[Ll]ocation|[Ss]ite|[Cc]linic|[Ff]acility|[Oo]ld location|[Nn]ew location|[Vv]endor|PSC address|[Aa]ttn|[Rr]emit to|[Ss]hip to|[Bb]ill to)[ \t]*:)[ ]?(?:[(,:|-]|at)?[ ]?$/;
/** FACILITY_BEFORE's words (its alternatives take the first letter in either case, the rest as written). */
const FACILITY_WORDS = ['clinic', 'hospital', 'center', 'centre', 'office', 'building', 'campus', 'site', 'facility', 'branch', 'warehouse', 'medicine', 'care', 'practice', 'pavilion', 'pharmacy', 'cardiology', 'radiology', 'oncology', 'pediatrics', 'orthopedics', 'dermatology', 'laboratory', 'location', 'health', 'outpatient', 'international', 'inc', 'llc', 'services', 'old', 'new', 'vendor', 'psc', 'attn', 'remit', 'ship', 'bill'].map(
  (w) => ({ first: w.charCodeAt(0), rest: w.slice(1) }),
);
/** A necessary condition for FACILITY_BEFORE on `line`: one of its words starts a word there (the regex reads every position). */
function facilityWordIn(line: string): boolean {
  for (let k = 0; k < line.length; k++) {
    if (k > 0 && isWordCode(line.charCodeAt(k - 1))) continue;
    const c = line.charCodeAt(k) | 32;
    for (const w of FACILITY_WORDS) if (w.first === c && line.startsWith(w.rest, k + 1)) return true;
  }
  return false;
}
/**
 * Words that make an address near a site a patient's (a pickup, a delivery, a statement, a resident):
 * looked for in the paragraph before the address and the line after it.
 */
const PATIENT_ERRAND =
  /\b(?:pts?|patients?|guarantor|discharged?|resident|transport|pick-?up|deliver(?:y|ed)?|home|lives?|living|mail(?:ed)?|resend|statements?|bills?|dob|mrn|birth|proxy|guardian|stays?|staying|ambulance|welfare|dispatch(?:ed)?|ems|911|fell|fall|mother|father|daughter|son|wife|husband)\b/i;
/** The text from the paragraph's start (at most 400 characters back) to the end of the line after `end`. */
function paragraphAround(text: string, start: number, end: number): string {
  // (both searches bounded: a long text without line breaks must not make this quadratic)
  let from = Math.max(0, start - 400);
  for (let p = start - 1; p > from; p--) {
    if (text.charCodeAt(p) === 10 && text.charCodeAt(p - 1) === 10) {
      from = p;
      break;
    }
  }
  let to = Math.min(text.length, end + 200);
  for (let p = end; p < to; p++) {
    if (text.charCodeAt(p) === 10) {
      to = p;
      break;
    }
  }
  return text.slice(from, to);
}

/** Up to `max` characters before `start` on its line. */
function lineBefore(text: string, start: number, max: number): string {
  let from = Math.max(0, start - max);
  // (looked for backwards only as far as `max`: a long line must not make this quadratic)
  for (let p = start - 1; p >= from; p--) {
    if (text.charCodeAt(p) === 10) {
      from = p + 1;
      break;
    }
  }
  return text.slice(from, start);
}

function addressMatchers(st: AddressState) {
  const streetSpan: NonNullable<Matcher['span']> = (env, start, end) => {
    const tech = env.scan.near(Cue.Tech, start, end, 30, 10);
    // "the Westside Family Medicine clinic (1200 Oak Street)": a site's own address, not a person's
    const siteLine = lineBefore(env.text, start, 48);
    const siteMatch = facilityWordIn(siteLine) ? FACILITY_BEFORE.exec(siteLine) : null;
    const site =
      siteMatch !== null &&
      !env.scan.near(Cue.Address, start, start, 50, 0) &&
      !env.scan.near(Cue.Patient, start, end, 80, 20) &&
      !env.scan.near(Cue.Personal, start, start, 40, 0) &&
      !PATIENT_ERRAND.test(paragraphAround(env.text, start, end));
    const score = site ? 0.4 : addressCtx(env, start) ? 0.95 : tech ? 0.55 : 0.85;
    env.emit('ADDRESS', start, end, score, 'address.street');
    if (score >= 0.85) st.streets.push(end);
    if (site) {
      st.sites.push(end);
      // (with the site's name before it: "Cardiology at Fox Chapel, 1060 Freeport Rd")
      env.quiet?.push([start - siteLine.length + siteMatch.index, end, false]);
    }
    st.ends.push(end);
  };
  const street: Matcher = mkSpan({ re: STREET_RE, span: streetSpan });
  const gridStreet: Matcher = mkSpan({ re: GRID_STREET_RE, span: streetSpan });
  // European style "Koskikatu 25", "Rua do Arenque 1634", "Via Franscini 71"
  const intlPrefix: Matcher = mkSpan({
    re: INTL_PREFIX_RE,
    span(env, start, end) {
      env.emit('ADDRESS', start, end, addressCtx(env, start) ? 0.9 : 0.7, 'address.street-intl');
      st.ends.push(end);
    },
  });
  const prefixStreet: Matcher = mkSpan({
    re: PREFIX_STREET_RE,
    span(env, start, end) {
      const house = HOUSE_NUMBER_BEFORE.exec(env.text.slice(Math.max(0, start - 24), start));
      if (house === null) return;
      const from = start - house[0].length;
      // (the lookbehind sees only the slice: the number must start a token in the text, "SN AB123456" holds none)
      if (from > 0 && NOT_BEFORE_HOUSE[env.text.charCodeAt(from - 1)] === 1) return;
      // ("page 3 Via Fax": English "via" before a common or product word)
      if (env.text.charCodeAt(start) === 86 && (start + 3 >= env.text.length || env.text.charCodeAt(start + 1) !== 73)) {
        const next = /^[A-Za-z]+[ ]+([A-Za-z]+)/.exec(env.text.slice(start, start + 40));
        const w = next === null ? '' : next[1]!.toLowerCase();
        if (COMMON_WORDS.has(w) || TECH_WORDS.has(w) || VIA_CHANNELS.has(w)) return;
      }
      env.emit('ADDRESS', from, end, addressCtx(env, from) ? 0.95 : 0.85, 'address.street-prefix');
      st.ends.push(end);
      st.streets.push(end);
    },
  });
  const intlSuffix: Matcher = mkSpan({
    re: INTL_SUFFIX_RE,
    span(env, start, end) {
      env.emit('ADDRESS', start, end, addressCtx(env, start) ? 0.9 : 0.7, 'address.street-intl');
      st.ends.push(end);
    },
  });
  const numStreetNum: Matcher = mkSpan({
    pre: numStreetNumPossible,
    re: NUM_STREET_NUM_RE,
    span(env, start, end) {
      const words = env.text.slice(start, end).replace(/^\d+\s+|\s+\d+[A-Za-z]?\.?$/g, '');
      // ("PowerMic 4 SN PM4-2231-0098. DMO 2024": codes, not street words; the cheapest test first)
      if (hasDigit(words)) return;
      // "3 servers 4 times", "Windows 10": the words must look like a street name, not prose or a product
      // ("4 West shows SQLSTATE 08001": a unit and what it shows)
      if (/\b(?:and|or|the|of|to|in|on|at|for|with|from|by|is|was|has|shows|says|returns|reports|fails|throws|displays|version|build|error|port|server|times|days|hours|minutes|users|items|pages)\b/i.test(words)) return;
      if (TECH_STREET_WORDS.test(words)) return;
      // "Thu, 18 Apr 2024", "6 West rooms 601-618": a date, a range of rooms
      if (words.split(' ').some((w) => CALENDAR_WORDS.has(w.toLowerCase().replace(/\.$/, '')) || /^(?:rooms?|beds?|bays?|floors?|units?)$/i.test(w))) return;
      // an ALL-CAPS label between numbers is not a street: 1962 MRN 00482913
      if (!/[a-z\u00DF-\u00FF\u0100-\u024F\u03AC-\u03CE\u0430-\u044F]/.test(words) && words.length <= 6) return;
      const ctx = addressCtx(env, start) || /(?:Apt|Suite|Unit)\.?\s/.test(env.text.slice(end, end + 12));
      env.emit('ADDRESS', start, end, ctx ? 0.85 : 0.6, 'address.number-street');
      st.ends.push(end);
    },
  });
  const pobox: Matcher = mkSpan({
    re: POBOX_RE,
    span(env, start, end) {
      env.emit('ADDRESS', start, end, 0.85, 'address.pobox');
      st.ends.push(end);
    },
  });
  const unit: Matcher = mkSpan({
    re: UNIT_RE,
    span(_env, start, end) {
      st.units.push({ start, end });
    },
  });
  return { street, gridStreet, intlPrefix, prefixStreet, intlSuffix, numStreetNum, pobox, unit };
}

const TECH_STREET_WORDS = /\b(?:Windows|Office|Server|Android|iOS|Chrome|Edge|Firefox|Java|Python|Node|Ubuntu|Debian|Oracle|SQL|Epic|Cerner|Dell|HP|Lenovo|Latitude|Version|Build|Release|Patch|Update|Sprint|Floor|Room|Ward|Bed|Bay|Pod|Rack|Port|Error|Step|Page|Line|Row|Table|Figure|Section|Chapter|KB|CVE|OPS|ITS|INFO|DEBUG|WARN|WARNING|ERROR|TRACE|FATAL|HTTP|HTTPS)\b/;

const INTL_STREET_SUFFIX = /(?:katu|tie|kuja|gatan|gata|vej|vænget|vegen|veien|gade|straße|strasse|weg|gasse|allee|platz|laan|straat|plein|dreef|utca|ulica|ring|kaari|polku|rinne|väylä)$/;

/** "Springfield, IL": the word(s) before a state code that follows a comma. */
const TWO_WORD_STATE_FIRST = new Set(['north', 'south', 'new', 'west', 'rhode']);

/** A plate's word after a state ("Ohio plate", "TX tag"): the state is a car's, the words before it no city. */
const PLATE_AFTER_STATE = /^[ ]+(?:plates?|tags?|registration|reg)\b/i;
/** "AE title": a DICOM application entity's title, not the armed forces' state code. */
const AE_TITLE_AFTER = /^AE[ ]+title\b/i;
function cityBeforeState(env: RuleEnv, stateWord: number, st: AddressState): void {
  const { scan, text } = env;
  if (stateWord === 0) return;
  const stateStart = scan.ws[stateWord]!;
  const after = text.slice(scan.we[stateWord]!, scan.we[stateWord]! + 7);
  const withZip = /^[ ]+\d{5}(?!\d)/.test(after);
  let first = stateWord - 1;
  // "North Carolina", "New York": the city stands before the state's first word
  if (first > 0 && TWO_WORD_STATE_FIRST.has(scan.word(first)) && text.slice(scan.we[first]!, stateStart) === ' ') first--;
  const cityEnd = scan.we[first]!;
  const gap = text.slice(cityEnd, scan.ws[first + 1]!);
  // "Springfield, IL" or, before a ZIP code, "OMAHA NE 88514"
  if (!/^,[ ]+$/.test(gap) && !(withZip && gap === ' ')) return;
  if (scan.capsAt(first) === 2 && scan.raw(first).length === 2 && US_STATE_CODES.has(scan.raw(first))) return;
  // "CareSource ID 31114", "Payer ID 60054": a label's "ID", not Idaho
  if (scan.raw(stateWord) === 'ID' && gap === ' ') {
    const label = text.slice(Math.max(0, stateStart - 24), stateStart + 2);
    if (idLabelBefore(label)) return;
  }
  // "a silver 2019 Honda Accord, Ohio plate JQK 4471": a car and the state of its plate, "(Siemens
  // SOMATOM, AE title CT03)": a scanner and its DICOM title
  if (PLATE_AFTER_STATE.test(after) || AE_TITLE_AFTER.test(text.slice(stateStart, stateStart + 10))) return;
  while (first > 0 && stateWord - first < 3 && scan.capsAt(first - 1) > 0 && text.slice(scan.we[first - 1]!, scan.ws[first]!) === ' ') first--;
  const cityStart = scan.ws[first]!;
  const afterStreet = st.ends.anyIn(cityStart - 6, cityStart);
  const stateName = scan.capsAt(stateWord) !== 2 || scan.raw(stateWord).length > 2;
  const afterSite = st.sites.anyIn(cityStart - 6, cityStart);
  if (afterSite) env.quiet?.push([cityStart, cityEnd, false]);
  const score = afterSite ? 0.3 : afterStreet || withZip ? 0.9 : stateName && addressCtx(env, cityStart) ? 0.75 : 0.45;
  env.emit('ADDRESS', cityStart, cityEnd, score, 'address.city');
  st.ends.push(scan.we[stateWord]!);
}

/**
 * `/([A-Za-z]{2,14})\.?,?\s{1,3}$/.exec(text.slice(Math.max(0, start - 24), start))?.[1]` by char code: the
 * tail (1-3 spaces, an optional ',' and before it an optional '.') is fixed from the end, and the
 * leftmost match takes the letters before it, at most 14.
 */
function wordBeforeZip(text: string, start: number): string | null {
  const lo = Math.max(0, start - 24);
  let k = start;
  while (k > lo && start - k < 4 && isRegexSpace(text.charCodeAt(k - 1))) k--;
  if (k === start || start - k > 3) return null;
  if (k > lo && text.charCodeAt(k - 1) === 44) k--;
  if (k > lo && text.charCodeAt(k - 1) === 46) k--;
  let j = k;
  while (j > lo && k - j < 14 && isAsciiLetter(text.charCodeAt(j - 1))) j--;
  return k - j >= 2 ? text.slice(j, k) : null;
}

/**
 * A city after a street address (and its unit) and a comma, where no state follows it ("88 W Main
 * St, Sahuarita 85629", "4417 Sunnyview Rd NE, Salem", "77 Placita Chula Apt 3, Nogales"): one to three capitalised words, then a ZIP, a stop, a
 * bracket, a line's end or a joining word. (A city with a state is cityBeforeState's.)
 */
const CITY_AFTER_STREET = /(?:,?[ ]+(?:Apt|APT|Apartment|Suite|SUITE|Ste|STE|Unit|UNIT|Spc|SPC|Lot|LOT|#)\.?[ ]*#?[A-Za-z0-9-]{1,6}\b)?,[ ]?((?:[A-Z][a-z'’.-]+|[A-Z]{3,})(?:[ ](?:[A-Z][a-z'’.-]+|[A-Z]{3,})){0,2})(?=[ ]+\d{5}\b|[ ]*(?:[,.;:)\n]|$)|[ ]+(?:to|and|for|on|in|at|but|is|was|-|–)[ ])/y;
function finishAddresses(env: RuleEnv, st: AddressState): void {
  const { text } = env;
  const cityEnds: number[] = [];
  for (const end of st.streets) {
    CITY_AFTER_STREET.lastIndex = end;
    const m = CITY_AFTER_STREET.exec(text);
    if (m === null) continue;
    // (a stop after the last word ends the sentence: "…, Waukesha." is "Waukesha")
    const city = m[1]!.endsWith('.') && !/\bSt\.$/.test(m[1]!) ? m[1]!.slice(0, -1) : m[1]!;
    // (a unit, a state or a site's word is no city: "Apt", "Suite", "Arizona", "Building"; nor a word
    // of a sentence or of IT: "…, Thanks.", "…, ETA for the fix")
    if (NOT_CITY_AFTER_STREET.test(city) || US_STATE_NAMES.has(city.toLowerCase()) || US_STATE_CODES.has(city)) continue;
    const start = end + m[0].length - m[1]!.length;
    if (!city.includes(' ')) {
      const w = city.toLowerCase();
      if (COMMON_WORDS.has(w) || TECH_WORDS.has(w) || NOT_CITY_WORDS.has(w)) continue;
      // (an acronym of four letters or fewer is a city only before a ZIP: "…, ETA for the fix"; "…, MARIEHOLM, Sweden" is one)
      if (city.length <= 4 && city === city.toUpperCase() && !/^[ ]+\d{5}\b/.test(text.slice(start + city.length, start + city.length + 7))) continue;
    }
    env.emit('ADDRESS', start, start + city.length, 0.85, 'address.city-after-street');
    cityEnds.push(start + city.length);
  }
  st.ends.addAll(cityEnds);
  for (const u of st.units) {
    const near = st.ends.anyIn(u.start - 29, u.start + 2);
    const tech = env.scan.near(Cue.Tech, u.start, u.start, 40, 10);
    env.emit('ADDRESS', u.start, u.end, near ? 0.9 : addressCtx(env, u.start) ? 0.75 : tech ? 0.2 : 0.55, 'address.unit');
    st.ends.push(u.end);
  }
  for (const z of st.zips) {
    const before = text.slice(Math.max(0, z.start - 24), z.start);
    const stm = wordBeforeZip(text, z.start);
    // ("site ID 40418", "user ID 12345": an identifier's label, not Idaho)
    // (nor "CareSource ID 31114", "Payer ID 60054": a product's or a label's word, in inner capitals or known)
    const stateBefore = stm !== null && (US_STATE_CODES.has(stm) || US_STATE_NAMES.has(stm.toLowerCase())) && !(stm === 'ID' && (/\b[a-z]+[ ]ID[ ]?[:#]?[ ]?$/.test(before) || idLabelBefore(before)));
    const label = /(?:zip|postal|post code|postcode|zip code)\s*(?:code)?\s*[:#]?\s*$/i.test(before);
    const afterAddress = st.ends.anyIn(z.start - 40, z.start);
    let score: number;
    if (st.sites.anyIn(z.start - 40, z.start)) {
      score = 0.3;
      env.quiet?.push([z.start, z.end, false]);
    }
    else if (stateBefore || label) score = 0.92;
    else if (afterAddress) score = 0.8;
    else if (/\b(?:build|version|ver|port|pid|job|error|code|case|ticket|ext|extension|x|run|batch|order|payer)[ #:]*$/i.test(before)) score = 0.1;
    else score = ctxScore(env, z.start, z.end, 0.25, 0.15, 0.2);
    env.emit('ZIP', z.start, z.end, score, stateBefore ? 'zip.state' : label ? 'zip.label' : 'zip.context');
  }
}

/** Payers' and programmes' names (lexicon.ts), and Medicaid and Medicare themselves. */
/** A plan of work, not a health plan, before "plan" ("Config plan:", "Rollback plan, ID …", "downtime plan"). */
const WORK_PLAN_WORDS =
  'config(?:uration)?|install(?:ation)?|rollback|back-?out|migration|project|action|cutover|remediation|deployment|upgrade|test|communication|downtime|contingency|recovery|disaster|maintenance|staffing|training';
/** A service desk's ticket, change, request or project number ("INC0048812", "CHG0031207", "PRJ-004412"). */
export const DESK_TICKET_ID = /^(?:INC|CHG|RITM|REQ|PRJ|TASK|SCTASK|PRB|CS)-?\d/i;
const PLAN_NAMES: readonly string[] = [...PAYER_NAMES, ...STATE_PROGRAMMES, 'medicaid', 'medicare'];
/** A word before "ID" that makes it a label, not Idaho: inner capitals ("CareSource"), a payer's or a label's word. */
const ID_LABEL_WORD_BEFORE = new RegExp(`\\b(?:payer|plan|member|group|user|client|vendor|device|asset|provider|tax|npi|site|employee|badge|${PLAN_NAMES.join('|')})(?:'s)?[ ]ID[ ]?[:#]?[ ]?$`, 'i');
/** The same, a product's word in inner capitals ("CareSource ID", "PowerChart ID"). */
const ID_CAMEL_WORD_BEFORE = /\b[A-Z][a-z]+[A-Z][A-Za-z]*[ ]ID[ ]?[:#]?[ ]?$/;
/** Does the text end with a label's "ID" (ID_LABEL_WORD_BEFORE or ID_CAMEL_WORD_BEFORE), not Idaho's code? */
const idLabelBefore = (s: string) => ID_LABEL_WORD_BEFORE.test(s) || ID_CAMEL_WORD_BEFORE.test(s);
/** Sign-off and chat words that are no English dictionary word ("Thx", "Tia", "Pls"). */
const NOT_CITY_WORDS: ReadonlySet<string> = new Set(['thx', 'thks', 'tks', 'ty', 'tia', 'pls', 'plz', 'fyi', 'asap', 'eta', 'eod', 'btw', 'regards', 'cheers', 'thanks']);
const NOT_CITY_AFTER_STREET = /^(?:Apt|Apartment|Suite|Ste|Unit|Bldg|Building|Floor|Fl|Room|Rm|Lot|Space|Spc|Box|Dept|Department|Attn|USA|United States|US)\b/i;

// ---------------------------------------------------------------------------------------------
// Labelled identifiers: the label decides the type; the value must hold a digit.
interface LabelledIdSpec {
  type: PhiType;
  /** Lower-case first words of the label alternatives: the regex runs only where one of them stands. */
  triggers: string;
  rule: string;
  label: string;
  value: string;
  /**
   * Labels after which a US state's code in an open bracket may stand before the value, outside it
   * ("(OR " of "driver license (OR 3305187)"): see STATE_PREFIX.
   */
  statePrefixAfter?: RegExp;
  score: number;
  /** Require a clinical/personal cue nearby to reach `score`; otherwise use `weakScore`. */
  needsContext?: boolean;
  /** With needsContext: only words about a patient count, not department words ("BD case #CS-0098123" at the Pharmacy). */
  patientContext?: boolean;
  weakScore?: number;
  /** Value rejected when it matches. */
  reject?: RegExp;
  /** Rejected when the text before the label matches ("asset tag" is not a licence plate). */
  rejectBefore?: RegExp;
  /** Rejected when the label itself matches ("NPI": a clinician's), unless the text before it matches keepBefore ("birth certificate"). */
  rejectLabel?: RegExp;
  keepBefore?: RegExp;
  /** With rejectLabel: kept when the label's line matches ("Patient Dr. Harold Weiss (NPI …) called"). */
  keepLine?: RegExp;
  /** Rejected when the text after the value matches ("Order ID 77881245 for patient wristband printers"). */
  rejectAfter?: RegExp;
  /** Words that must stand in the 300 characters before the label (a template ID is a biometric one only in a ticket about enrolment). */
  requireBefore?: RegExp;
  /** The value must be on the label's line ("Practice Manager, Registration" ends a signature line: the phone under it is no plate). */
  sameLine?: boolean;
  /**
   * Trigger words that start only longer label alternatives: what must follow the word (case-
   * insensitive; any one of them) for the label to match there, so the regex is not run otherwise.
   */
  after?: Record<string, string[]>;
}

const ID_VALUE = "[A-Za-z0-9][A-Za-z0-9-]{2,24}";
/** The programmes as label alternatives ("ARKids First B"). */
const PROGRAMME_LABELS = STATE_PROGRAMMES.map((p) => (p === 'arkids' ? 'arkids(?: first(?: [ab])?)?' : p)).join('|');
const LABELLED_IDS: LabelledIdSpec[] = [
  {
    type: 'MRN',
    triggers: "mrn cmrn mr medical med chart patient pt empi epi csn fin encounter encntr enc hospital hosp unit record rec enterprise u person numero",
    rule: 'mrn.label',
    after: { med: [' r', '.r'], medical: [' r', '.r'], u: ['#', ' #'], person: [' n', ' #', 'n', '_n'], numero: [' d'] },
    // (MEDITECH's unit number: "U# KA00918274"; NextGen's "Person Nbr 100391877"; Spanish "número de paciente"; "hospital", "unit" and "record" only with a number's word, "Unit No. M000123", or a record's colon,
    // "Enrollment record: PS-ENR-0448120"; not "Harlan County Hospital, 606-555-0147", "practice unit
    // W1234", "Epic EMP record 103390")
    label: "(?:(?:C?MRN|MR|encntr(?:_id)?|med(?:ical)?[ .]?rec(?:ord)?s?|chart|patient|pt|EMPI|EPI|enterprise|CSN|FIN|encounter|enc)(?:[ .]{0,2}(?:number|num|nbr|no\\.?|#|id|identifier|code)){0,2}|(?:hosp(?:ital)?|unit|rec(?:ord)?)(?:[ .]{0,2}(?:number|num|nbr|no\\.?|#|id|identifier|code)){1,2}|rec(?:ord)?(?=[ ]?:)|U[ ]?#|person[ _]?(?:nbr|num|number|#)|n[uú]mero de (?:paciente|expediente|historia(?: cl[ií]nica)?)(?: es)?)",
    value: ID_VALUE,
    score: 0.95,
    // "Integration record ZM-EP-0031", "change record CHG…": a system's record, not a patient's
    rejectBefore: /\b(?:integration|interface|change|audit|dns|config(?:uration)?|asset|vendor|incident|problem|service|cmdb|ci)[ ]?$/i,
  },
  {
    // a bare "record" before a record's number, beside a patient's words: "The record 00412345 has the
    // wrong DOB" (not "Epic EMP record 103390", "record 12009931 in Clarity extract table")
    type: 'MRN',
    triggers: 'record',
    rule: 'mrn.label',
    after: { record: [' 0', ' 1', ' 2', ' 3', ' 4', ' 5', ' 6', ' 7', ' 8', ' 9'] },
    label: 'record',
    value: '\\d{6,12}',
    score: 0.9,
    needsContext: true,
    patientContext: true,
    weakScore: 0.3,
    // (a system's or a master file's record: "Epic EMP record 103390", "HMT record 2240011", "change record")
    rejectBefore: /\b(?:[A-Z]{2,4}|[Ii]ntegration|[Ii]nterface|[Cc]hange|[Aa]udit|[Cc]onfig(?:uration)?|[Aa]sset|[Vv]endor|[Ii]ncident|[Pp]roblem|[Ss]ervice|[Ee]mployee|[Rr]eport|[Tt]emplate|[Dd]ictionary|[Mm]aster|[Tt]est|[Pp]rovider)[ ]?$/,
    // (a phone number's shape, "record 2075550143 for the pt", is no record number)
    reject: /^[2-9]\d{2}[2-9]\d{6}$/,
    // ("record 12009931 in Clarity extract table": a database's row)
    rejectAfter: /^[ \t]+(?:in|on|of|from)[ \t]+(?:the[ \t]+)?(?:clarity|caboodle|cogito|tables?|extracts?|reports?|databases?|db|sql|ssms|warehouse)\b/i,
  },
  {
    // a hospital account record (Epic's HAR) is always a patient's
    type: 'ACCOUNT',
    triggers: 'har',
    rule: 'account.label',
    label: '(?:HAR)(?:[ .]{0,2}(?:number|num|nbr|no\\.?|#|id)){0,2}',
    value: "(?:[A-Za-z]{0,4}-?\\d[\\d-]{3,20}[A-Za-z0-9]?)",
    score: 0.9,
  },
  {
    // behavioural health calls its patients clients: "my note for client Jaylen Torres (Client ID 200458)"
    type: 'MRN',
    triggers: 'client',
    rule: 'mrn.label',
    after: { client: [' i', ' #', ' n', '#', ':'] },
    label: '(?:client(?: ?(?:id|#|number|no\\.?)))',
    value: ID_VALUE,
    score: 0.85,
    // an application's OAuth or API client ID is no person's
    // (nor the number a vendor gives the organisation: "LanguageLine, client ID 508831, access code 7720")
    rejectBefore: /\b(?:oauth2?|api|app|azure|aad|entra|saml|oidc|sso|application|service|vpn|dhcp|radius|citrix|vmware|horizon|zscaler|languageline|language line|cyracom|propio|interpreters?|vendor)[,]?[ ]?$/i,
    reject: /^(?:[0-9a-f]{16,}|[0-9a-f]{8}-[0-9a-f-]{27,})$/i,
  },
  {
    type: 'HEALTH_PLAN_ID',
    triggers: `member mbr subscriber sub policy insurance ins insured beneficiary bene medicaid medicare medi hicn mbi health plan group payer coverage card medical ${PAYER_NAMES.join(' ')} ${STATE_PROGRAMMES.join(' ')}`,
    rule: 'plan.label',
    after: { health: [' p'], medi: ['-'], medical: [' assistance'] },
    label: `(?:member(?:\/subscr(?:iber)?)?|mbr|subscriber|sub|policy(?:holder)?|insurance|ins|insured|beneficiary|bene|medicaid|medicare|HICN|MBI|health ?plan|plan(?: member)?|group|payer|coverage|(?:insurance )?card|(?:${PAYER_NAMES.join('|')})(?: member)?|(?:${PROGRAMME_LABELS}|medical assistance))(?:[ .]{0,2}(?:number|num|nbr|no\\.?|#|id|identifier|code)){0,2}`,
    value: ID_VALUE,
    score: 0.92,
    // "Avaya hunt group 4700", "AD group 55", "distribution group": IT groups; "per policy SEC-POL-014": a rule book's
    // ("AP group AP-3T", "access group NURS-STUDENT-7T", "trunk group TG-…", "refresh plan FY25", "DC access policy FAC-SEC-12")
    rejectBefore: new RegExp(String.raw`\b(?:hunt|ring|pickup|distribution|security|ad|ldap|resource|user|email|mail|on-?call|paging|spok|amion|qgenda|vocera|teams|qos|routing|nac|dlp|vlan|host|server|availability|storage|log|per|privacy|compliance|retention|password|acceptable use|hr|it|delivery|ap|access|trunk|refresh|replacement|backup|firewall|network|vpn|gpo|device|endpoint|cyber|${WORK_PLAN_WORDS})[ ]?$`, 'i'),
    // "HID card 26-bit #44718": a badge format
    reject: /^\d{1,3}-bit$/i,
  },
  {
    type: 'ACCOUNT',
    triggers: "account accounts acct a billing invoice guarantor bank routing statement hospital har patient",
    rule: 'account.label',
    after: { a: ['/'], hospital: [' acc'], patient: [' acc'] },
    label: "(?:(?:guarantor |billing |hospital |patient |bank |checking |savings )?accounts?|acct|a\\/c|billing|invoice|guarantor|bank|routing|statement|HAR)(?:[ .]{0,2}(?:number|num|nbr|no\\.?|#|id|identifier|code)s?){0,2}",
    value: "(?:[A-Za-z]{0,4}-?\\d[\\d-]{3,20}[A-Za-z0-9]?)",
    score: 0.85,
    needsContext: true,
    weakScore: 0.55,
    // "Invoice: INV-009812": a supplier's invoice
    reject: /^INV-?\d/i,
    // "Customer account: 0004418273", "vendor account #AM-554120": the hospital's own account with a supplier
    rejectBefore: /\b(?:customer|vendor|supplier|merchant|corporate|business|carrier|utility|our|ship-?to|bill-?to|sold-?to)[ ]?$/i,
  },
  {
    type: 'LICENSE',
    triggers: "driver's drivers driver dl license licence lic state medical dea npi certificate cert rn nursing",
    rule: 'license.label',
    after: { state: [' l', ' i'], medical: [' l'], rn: [' l'], nursing: [' l'] },
    label: "(?:driver'?s?'?[ ]?(?:licen[cs]e|lic\\.?)|DL|licen[cs]e|lic\\.?|state (?:licen[cs]e|id)|medical licen[cs]e|(?:rn|nursing) licen[cs]e|DEA|NPI|certificate|cert)(?:[ .]{0,2}(?:number|num|nbr|no\\.?|#|id|identifier|code)){0,2}",
    value: ID_VALUE,
    // a state's code in brackets before a driver's licence's number: "driver license (OR 3305187)", "DL (OR 7720045)"
    // ("SSL cert (CA 20231104)", "Office license (MS 365 E3)", "medical license (MD D0071234)" are none)
    statePrefixAfter: /^(?:driver|DL\b)/i,
    score: 0.88,
    // (a CVE or KB number after "… license" ends a line's subject: "Request: Visio license\n\nCVE-2020-9188 affects …")
    reject: /^(?:key|server|file|manager|expired|renewal|CVE-\d.*|KB\d+)$/i,
    // a clinician's or an organisation's NPI (a provider's number, no person's own licence), a training
    // certificate: no patient's (a birth or death certificate's number is)
    // (a clinician's own licence stays: an employee-health, impaired-practitioner or EAP ticket's
    // clinician is its patient)
    rejectLabel: /^(?:NPI|cert(?:ificate)?\b)/i,
    keepBefore: /\b(?:birth|death|marriage)[ ]?$/i,
    // (a clinician who is the patient: "Patient Dr. Harold Weiss (NPI …) called, his MyChart …")
    keepLine: /\b(?:patients?|pt|mychart|copay|co-pay|bill(?:ed|s)?|charged|caller|checked in as|my npi|his own|her own)\b/i,
    sameLine: true,
  },
  {
    type: 'VEHICLE',
    triggers: "vin vehicle license licence lic plate plates tag tags car registration reg",
    rule: 'vehicle.label',
    after: { license: [' p', ' t'], licence: [' p'], lic: [' p', '. p'], car: [' t'] },
    // ("svc tag 7HXQ2J3": a Dell service tag; "wall plate K-112-03": a network jack; a parking hang tag)
    rejectBefore: /\b(?:asset|inventory|property|equipment|service|svc|price|name|biomed|bme|device|it|cable|port|wall|face|jack|patch|hang|parking|retention|cs|dea|board|pharmacy|business|domain|product|software|vendor|course|class|event)[ \t]*$/i,
    // "Registration window 4", "registration desk 2": a place, not a plate
    // ("last registration 08-Mar-2025 23:41": a device's, a date)
    reject: /^(?:window|desk|counter|area|office|kiosk|room|rm|bay|station|line|queue|pod|suite|unit)\b|^\d{1,2}[ -](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[ -]\d{2,4}$/i,
    label: "(?:VIN|vehicle(?: id| identification number)?|(?:licen[cs]e|lic\\.?) plates?|plates?|(?:car |license )?tags?|registration|reg)(?:[ .]{0,2}(?:number|num|nbr|no\\.?|#|id|identifier|code)){0,2}",
    value: "[A-Z0-9]{1,4}(?:[ -]?[A-Z0-9]{1,5}){1,2}",
    score: 0.88,
    sameLine: true,
    // ("registration is 4/4/25", "registration Mon 4/7/25": a date, cut at its first '/'; "reg 05:10": a time)
    rejectAfter: /^[\/:]\d/,
  },
  {
    type: 'DEVICE',
    triggers: "serial s sn device udi implant lot transmitter sensor pump pacemaker icd model imei iccid meid",
    rule: 'device.label',
    after: { s: ['/'], model: [] },
    label: "(?:serial|s\\/n|SN|device(?: serial| record)?|UDI|implant(?: serial)?|lot|transmitter(?: serial)?|sensor(?: serial)?|(?:insulin )?pump(?: serial)?|pacemaker(?: serial)?|ICD(?: serial)?|IMEI|ICCID|MEID)(?:[ .]{0,2}(?:number|num|nbr|no\\.?|#|id|identifier|code)){0,2}",
    value: ID_VALUE,
    score: 0.6,
  },
  {
    type: 'BIOMETRIC',
    triggers: "fingerprint finger retina retinal iris voice voiceprint palm faceprint face facial biometric",
    rule: 'biometric.label',
    after: { finger: [' p', ' s'], voice: [' p'], palm: [' p', ' v', ' t', ' s', ' h', ' i', ' e', ' r'], face: [' t', ' i'], facial: [' t', ' r'] },
    label: "(?:fingerprint|finger ?(?:print|scan)|retina(?:l)?(?: scan)?|iris(?: scan)?|voice ?print|palm(?: ?(?:print|vein))?(?: scan)?|face(?:print| template| id)|facial (?:template|recognition)|biometric)(?: (?:template|scan|hash|record|enrollment))?(?:[ .]?(?:number|num|nbr|no\\.?|#|id|identifier|ref)){0,2}",
    value: "[A-Za-z0-9][A-Za-z0-9_-]{3,63}",
    score: 0.9,
    // (a key's or a certificate's fingerprint, "The ED25519 key fingerprint is SHA256:…", "verify the new fingerprint
    // out-of-band"; InterSystems' "Iris 2024.1.2", a version)
    reject: /^(?:SHA\d*|MD5|out-of-band|matches)$/i,
    rejectBefore: /\b(?:key|ssh|host|certificate|cert|tls|ssl|gpg|pgp|thumbprint|new)[ ]?$/i,
    rejectAfter: /^[.:]\d/,
  },
  {
    // "Her enrollment template ID is PSV-7F3A-22C9-91BE" in a ticket about palm-vein or fingerprint enrolment
    type: 'BIOMETRIC',
    triggers: 'template templates templateid enrollment enrolment psid',
    rule: 'biometric.label',
    after: { template: [' ', ':', '=', 'i', 'I', '_'], templates: [' '], enrollment: [' t', ' i'], enrolment: [' t', ' i'] },
    // (also the template's own ID written straight after the word: "template PSID-7A21-0094-0128", "delete template 7K2Q-88417-ED")
    // ("templateId=PS-T-00482291" in a log, "Orphaned templates PS-T-00482291 and …")
    label: "(?:(?:enrol(?:l)?ment )?templates?(?:[ _]?(?:id|hash|ref|number|no\\.?|#))?|psid|enrol(?:l)?ment (?:id|number|no\\.?|#))",
    value: "[A-Za-z0-9][A-Za-z0-9_-]{3,63}",
    score: 0.9,
    requireBefore: /\b(?:palm|vein|fingerprint|finger ?print|iris|retina|biometric|patientsecure|face ?(?:id|print|template))\b/i,
  },
  {
    // a palm-vein system's own person ID ("PatientSecure ID: PS-00913377"): one enrolled patient's
    type: 'BIOMETRIC',
    triggers: 'patientsecure',
    rule: 'biometric.label',
    after: { patientsecure: [' i', ' #', ':'] },
    label: '(?:patientsecure(?: (?:id|#|number|no\\.?))?)',
    value: '[A-Za-z]{0,4}-?\\d[A-Za-z0-9_-]{3,40}',
    score: 0.9,
  },
  {
    // a patient's photo on file ("PatientSecure photo ID 7781204", "Photo media ID: PHOTO-0021983377"), in a patient's context
    type: 'BIOMETRIC',
    triggers: 'photo',
    rule: 'biometric.label',
    after: { photo: [' i', ' m', ' #', ' n', ' d'] },
    label: '(?:photo(?: media)?(?: id| #| number| no\\.?| doc(?:ument)?))',
    value: '[A-Za-z]{0,8}-?\\d[A-Za-z0-9_-]{3,40}',
    score: 0.85,
    needsContext: true,
    patientContext: true,
    weakScore: 0.4,
    // "Badge office retook the photo ID …": an employee's badge
    rejectBefore: /\b(?:badge|employee|staff|hr|security|retook|reprint(?:ed)?)\b/i,
  },
  {
    // identifiers whose label alone says they belong to a patient's care
    type: 'OTHER_ID',
    triggers: "claim passport prior authorization auth referral portal mychart prescription rx specimen spec lab accession accessions acc pa unlocked",
    rule: 'other.label',
    // ("spec 25031R0112": a specimen's label written short, before a value with a digit)
    after: { portal: [' u', ' l', ' a', ' i'], prior: [' a'], lab: [' s'], spec: [' 0', ' 1', ' 2', ' 3', ' 4', ' 5', ' 6', ' 7', ' 8', ' 9', ' #', '#'] },
    label: "(?:claim|passport|prior auth(?:orization)?|authorization|auth(?: ref)?|referral|portal (?:username|user ?name|user|login|user ?id|account|id)|mychart(?: (?:username|user ?name|user|login|user ?id|account|id))?|prescription|rx|(?:lab )?specimen|spec|accessions?|ACC|PA|unlocked(?: (?:account|user))?)" + "(?:[ .]{0,2}(?:number|num|nbr|no\\.?|#|id|identifier|code)){0,2}",
    value: "[A-Za-z0-9][A-Za-z0-9._-]{2,40}",
    score: 0.82,
    // ("CBORD spec 2.3", "Rx 2.1", "Wi-Fi spec 802.11ax", "display spec 1920x1080"): a version's or a standard's number
    reject: /^\d+(?:\.\d+)+[a-z]{0,3}$|^\d{3,4}x\d{3,4}$/i,
  },
  {
    // an imaging study's DICOM UIDs (study, series, SOP instance): one patient's study, found by them
    type: 'OTHER_ID',
    triggers: 'study series sop',
    rule: 'other.label',
    after: { study: [' u', ' i', 'u', 'i'], series: [' u', ' i', 'u', 'i'], sop: [' u', ' i', 'u', 'i'] },
    label: '(?:study|series|sop)[ ]?(?:instance[ ]?)?uid',
    value: '[0-2](?:\\.\\d{1,40}){3,30}',
    score: 0.85,
  },
  {
    // codes and IDs a patient's own account or program gives out: "Dexcom clinic sharing code:
    // 8X4K-2MPQ", "MyChart activation code LQ7HT-9K2MX-D4PRW", "enrolment ID RPM-004471" (only with a
    // patient nearby: software has activation codes too; an order ID may be a purchase's)
    type: 'OTHER_ID',
    triggers: 'sharing activation invite invitation verification proxy enrollment enrolment person transmission band ref',
    rule: 'other.label',
    after: { sharing: [' c'], activation: [' c'], invite: [' c'], invitation: [' c'], verification: [' c'], proxy: [' c'], enrollment: [' i', ' #', ' n'], enrolment: [' i', ' #', ' n'], person: [' i', ' #'], transmission: [' i', ' #'], band: [' #', ' n'], ref: [' i', ' #'] },
    // (an HIE's "person ID", a remote monitor's "transmission ID", a wristband's "band #", a referral's "Ref ID")
    label: '(?:(?:sharing|activation|invite|invitation|verification|proxy) code|enrol(?:l)?ment(?: id| #| number| no\\.?)|(?:person|transmission|ref) (?:id|#)|band (?:#|number|no\\.?))',
    value: '[A-Za-z0-9][A-Za-z0-9-]{3,40}',
    score: 0.8,
    needsContext: true,
    patientContext: true,
    weakScore: 0.3,
    rejectBefore: /\b(?:windows|office|product|license|licence|software|microsoft|adobe|purchase|sales|work|change|po|vendor|supply|replacement|badge|vocera|intune|autopilot|mdm|zoom|teams|webex|zscaler|okta|duo|vpn|wi-?fi|device|ipad|iphone|tablet|app|meeting|webinar)[ ]?$/i,
  },
  {
    // the numbers of a patient's own dealings with the organisation: a portal message, a scanned
    // document, a records request, a payment or refund, a statement ("Msg 118820341 from
    // proxy", "OnBase doc handle 55812907", "refund ID RF-661204", "stmt # S-24-1188331"), only with
    // a patient nearby (an HL7 message's control ID or a service request is not one; an order ID may
    // be a purchase's: "Order ID 778812 for patient wristband printers")
    type: 'OTHER_ID',
    triggers: 'msg message doc document request txn transaction refund payment stmt statement confirmation',
    rule: 'other.label',
    after: { message: [' i', ' #', ' n'], doc: [' h', ' i', ' #'], document: [' h', ' i', ' #'], request: [' i', ' #'], txn: [' i', ' #', ' n', 's'], transaction: [' i', ' #', ' n'], refund: [' i', ' #', ' n'], payment: [' i', ' #', ' n'], stmt: [' #', ' n', ' i'], statement: [' #', ' n', ' i'], confirmation: [' #', ' n', ' c'] },
    label: '(?:msg|message (?:id|#|number|no\\.?)|doc(?:ument)? (?:handle|id|#)|request (?:id|#)|txn(?: ids?| #| number)?s?|transaction (?:ids?|#|number)|refund (?:id|#|number)|payment (?:id|#|number)|stmt (?:#|number|no\\.?|id)|statement (?:#|number|no\\.?|id)|confirmation (?:#|number|no\\.?|code))',
    value: '[A-Za-z0-9][A-Za-z0-9-]{3,40}',
    score: 0.8,
    needsContext: true,
    patientContext: true,
    weakScore: 0.3,
    reject: /^(?:RITM|REQ|INC|CHG|PRB|TASK|SCTASK|CS|PO)[-]?\d|^\d{1,4}$/i,
    rejectBefore: /\b(?:purchase|work|change|sales|po|vendor|supply|service|hl7|adt|oru|orm|siu|mdm|dft|interface|control|error|event|log|syslog|kafka|queue|jira|servicenow|snow|incident|problem|catalog|requisition|shipping|tracking)[ ]?$/i,
  },
  {
    // a clinical order's number with a patient nearby ("CT head w/o contrast (order ID 588213301) was
    // placed on …", "order# 889120334"): eight characters or more, not a purchase's, a work order's or a
    // change's ("Order ID 778812 for patient wristband printers")
    type: 'OTHER_ID',
    triggers: 'order',
    rule: 'other.label',
    after: { order: [' i', ' #', '#', ' n'] },
    label: '(?:order(?: (?:id|#|number|no\\.?)|#))',
    value: '[A-Za-z0-9][A-Za-z0-9-]{7,24}',
    score: 0.8,
    needsContext: true,
    patientContext: true,
    weakScore: 0.3,
    reject: /^(?:RITM|REQ|INC|CHG|PRB|TASK|SCTASK|PO|WO)[-]?\d/i,
    rejectBefore: /\b(?:purchase|work|sales|change|po|supply|supplies|vendor|shipping|amazon|cdw|dell|staples|service|replacement|parts?|field)[ ]?$/i,
    // equipment for patients in general, not one patient's order
    rejectAfter: /^\)?[ ]*(?:for|of)[ ]+(?:the[ ]+|new[ ]+|more[ ]+)?(?:patient|pt)[ ]+(?:wristbands?|armbands?|labels?|printers?|kiosks?|monitors?|tablets?|beds?|chairs?|tvs?|phones?|education|transport|lifts?|supplies)\b/i,
  },
  {
    // a member's ID after a plan's name and a comma, a bracket or "new": "Delores Robinson is The Health Plan, ID
    // 0004418823-01", "(Sanford Health Plan) ID 7704418215", "UMWA Health & Retirement Funds ID: UMWA-0883417",
    // "her mom's plan changed to UPMC for Life, new id 02447910801"
    type: 'HEALTH_PLAN_ID',
    triggers: 'plan funds life',
    rule: 'plan.label',
    label: "(?:plan|funds|life)(?:[)]?,[ ]?|[)][ ]?|,?[ ]new[ ]|[ ])(?:member[ ])?(?:id|#)",
    value: "[A-Za-z0-9][A-Za-z0-9-]{5,20}",
    // (not a change's or a project's plan: "Rollback plan, ID CHG0031207", "Epic upgrade plan, ID PRJ-004412")
    reject: DESK_TICKET_ID,
    rejectBefore: new RegExp(String.raw`\b(?:${WORK_PLAN_WORDS}|work|data|rate|calling|phone|cell|response|support)[ ]?$`, 'i'),
    score: 0.85,
    needsContext: true,
    patientContext: true,
    weakScore: 0.3,
  },
  {
    // a court's or the police's number for a patient's matter, with a patient nearby: "admitted under 302
    // (petition 2025-MH-0319)", "27th JDC docket 24-C-3318", "Succession No. 138,442", "coroner's office (CEC #
    // 25-0671)", "Baldwin Borough PD report 25-003318"
    type: 'OTHER_ID',
    triggers: 'docket petition succession cec police pd',
    rule: 'other.label',
    after: { police: [' r'], pd: [' r'] },
    label: "(?:docket|petition|succession|CEC|police report|PD report)(?:[ .]{0,2}(?:number|num|nbr|no\\.?|#|id)){0,2}",
    value: "[A-Za-z0-9](?:[A-Za-z0-9-]|,(?=\\d{3}(?!\\d))){2,30}",
    score: 0.8,
    needsContext: true,
    patientContext: true,
    weakScore: 0.3,
    // (a year and month is a report's period: "Sharesource PD report 2025-03", peritoneal dialysis)
    reject: /^\d{4}-\d{2}$/,
    rejectBefore: /\b(?:sharesource|home|peritoneal|dialysis|cycler|claria)[ ]?$/i,
    // (a report about the organisation's equipment: "police report 25-003318 for the cart")
    rejectAfter: /^[ ]+(?:for|about|on|covers?)[ ]+(?:the|a|our|an)[ ]+(?:(?:stolen|missing|lost|damaged|hospital|unit)[ ]+)?(?:cart|wow|laptop|computer|workstation|device|ipad|tablet|phone|car|vehicle|break-?in|theft|loss)\b/i,
  },
  {
    // generic account words: only with a patient nearby
    type: 'OTHER_ID',
    triggers: "case employer ein pt patient pat username user login visit visitor requisition req cov coverage proxy refund transaction valet thread",
    rule: 'other.label',
    after: { employer: [' i'], pt: [' a', ' l', ' u', ' p', ' i'], patient: [' a', ' l', ' u', ' p', ' i'], pat: [' i'], user: [' n', ' i'], proxy: [' r'], refund: [' i', ' #'], transaction: [' i', ' #', ' '], valet: [' t'], thread: [' i'], visitor: [' b'] },
    // (and a portal's or a payment system's own numbers for one person: "pat ID WP-7d4Kx2mQ", "proxy request
    // PX-0098123", "refund ID RF-661204", "InstaMed transaction IM-TX-9930228174", "Valet ticket V-004418", "thread ID MSG-7718220")
    label: "(?:case|employer id|EIN|(?:pt|patient) (?:account|login|username|portal account|id)|pat id|username|user ?name|user ?id|login|visit|requisition|req(?![A-Za-z0-9])|cov(?:erage)?(?: record)?(?![A-Za-z0-9])|proxy request|refund id|transaction(?: id)?|valet ticket|thread id|visitor badge)" + "(?:[ .]{0,2}(?:number|num|nbr|no\\.?|#|id|identifier|code)){0,2}",
    value: "[A-Za-z0-9][A-Za-z0-9._-]{2,40}",
    score: 0.8,
    needsContext: true,
    patientContext: true,
    weakScore: 0.3,
    // a vendor's support case: "Dell support case 59556557", "Waiting on Lenovo (case 24860232)",
    // "Waiting on Oracle Health (case 12616480)"
    // (and "BD support 1-800-727-6102, case #…", "SOC case", "SIEM case", "test case": the desk's call to a vendor, a
    // security team's; not a support line a patient or a relative called: "her son called the Omnipod support hotline, case #…")
    rejectBefore:
      /(?:\bsupport\b(?![ ]+(?:line|hotline|number|desk))[^.\n]{0,22}|\b(?:support|vendor|tac|siem|soc|test|their|our|dell|lenovo|hp|microsoft|cisco|vmware|oracle|epic|cerner|sectra|citrix|zebra|okta|atlassian|apple|google|philips|imprivata|siemens|meditech|allscripts|athenahealth|athena|nuance|servicenow|ge|hyland|solventum|baxter|hillrom|stryker|medtronic|bd|roche|abbott|masimo|ncr|fortinet|palo alto|crowdstrike|phreesia|availity|omnicell|securitas|waystar|instamed|relatient|data innovations|hrs)(?:[ ](?:health|healthcare|healthineers|systems|support|corp|inc))?[ ]?\(?)$/i,
  },
];

/**
 * Labelled values that are the desk's, a supplier's or a machine's in their place (`match` is the
 * whole match: label, separators and value; `headEnd` where its value starts; `value` trimmed):
 * "my badge 0457718" (a staff badge), "Taxonomy on record: 282N00000X" (what a system holds), "Payer
 * ID 990040115" (an EDI payer's number), a supplier's invoice, a rule book's policy, a software
 * licence, a carrier's account; for records and plates, the checks of recordNumberVeto and plateVeto.
 */
function ownLabelVeto(type: PhiType, text: string, at: number, match: string, headEnd: number, value: string): boolean {
  if (type === 'MRN' && recordNumberVeto(match, headEnd, value)) return true;
  if (type === 'VEHICLE' && plateVeto(text, at, match, value)) return true;
  const l0 = match.charCodeAt(0) | 32;
  if (l0 === 98 && /^badge/i.test(match)) return STAFF_OWNER_BEFORE.test(text.slice(Math.max(0, at - 24), at));
  if (l0 === 114 && /^rec/i.test(match)) return /\bon[ ]$/i.test(text.slice(Math.max(0, at - 4), at)) && !/\b(?:mrn|mr ?#|chart|number|no\.?|id)[ ]on[ ]$/i.test(text.slice(Math.max(0, at - 12), at));
  if ((l0 === 112 || l0 === 103) && /^(?:payer|policy|group|plan)/i.test(match)) {
    if (/^payer[ ]?id/i.test(match)) return true;
    // "Policy_3102-….html": a file's name
    if (/^policy/i.test(match) && (text.charCodeAt(at - 1) === 95 || text.charCodeAt(at + 6) === 95)) return true;
    // a policy's or a group's code in capitals and a dash, with no patient on its line ("policy SEC-022", "Group ID:
    // HOSPN-02", "a group HIM-SCAN02"): a rule book's or a directory group's
    if (/^(?:policy|group)/i.test(match) && /^[A-Z]{1,6}-/.test(value) && !PATIENT_BILL_LINE.test(lineAt(text, at))) return true;
    // "policy ID 411" (a firewall's), "Query Store shows plan 88213" (a query plan)
    if (l0 === 112 && /^(?:policy|plan)/i.test(match) && (/^\d{1,4}$/.test(value) || /\b(?:query store|execution plan|sql)\b/i.test(lineAt(text, at)))) return true;
  }
  // "Sanford Health Plan 835 ERA files": an X12 transaction's number after a plan's name
  if (/^(?:27[0-8]|8(?:20|34|35|37)|999)$/.test(value) && /\bplan[ ]\d{3}$/i.test(match)) return true;
  // "HID Prox 26-bit FC 112 / card 40871": a badge's card number
  if (l0 === 99 && /^card/i.test(match) && /\b(?:HID|prox|badge|iCLASS|FC[ ]?\d)/i.test(text.slice(Math.max(0, at - 40), at))) return true;
  // a server model after its maker ("HPE DL380")
  if (l0 === 100 && /^DL/.test(match)) return /\b(?:HPE?|ProLiant|Dell|server)[ ]$/i.test(text.slice(Math.max(0, at - 12), at));
  // a software licence's ID ("license ID IMPR-DVH-001442, appliance version 7.11", "License ID DMO-… (we're at 412
  // of 450)", "Concurrent Lic x10")
  if (l0 === 108 && /^lic(?:en[cs]e)?(?![ ]?plate)/i.test(match)) {
    // ("Lic x10": a count of seats, not "license X1234567")
    if (/^x\d{1,3}$/.test(value)) return true;
    const line = lineAt(text, at);
    return SOFTWARE_LICENCE_LINE.test(line) && !PATIENT_BILL_LINE.test(line);
  }
  // (any invoice with no patient's words around it: "CDW invoice 77219004", "invoice 90044187 from Lexmark")
  if (l0 === 105 && /^invoice/i.test(match)) return !PATIENT_BILL_LINE.test(text.slice(Math.max(0, at - 160), at + 120));
  // "Spectrum Enterprise, CID 91.KFGS…, account 8352 10 044 0187221": a carrier's account for a circuit
  // ("Allegheny Imaging Supply acct 30-771942": a supplier's account for the organisation; not "CCS Medical Supplies acct 7702113 for
  // Leon Ruiz", a patient's with a DME supplier)
  if (l0 === 97 && /^acc/i.test(match)) return carrierAccountAt(text, at) || supplierAccountAt(text, at, at + match.length);
  // "One Hospital Way, Butler, PA 16001", "Pittsburgh PA 15238": Pennsylvania before its ZIP after a town, not a
  // prior authorization
  // (not after a payer's name: "Aetna PA 77120", "Humana PA 48213 approved" are prior authorizations)
  if (l0 === 112 && headEnd === 3 && /^PA[ ]$/.test(match.slice(0, 3)) && /^\d{5}(?:-\d{4})?$/.test(value)) {
    const before = text.slice(Math.max(0, at - 24), at);
    return /(?:[A-Za-z][.]?,|[A-Z][a-z]+)[ ]$/.test(before) && !PAYER_BEFORE_PA.test(before) && !/^[ ]+(?:approved|pending|denied|expire[sd]?|valid|is|was|for|came|received|submitted|requested|number|on)\b/i.test(text.slice(at + match.length, at + match.length + 12));
  }
  return false;
}
/**
 * A record's number after any label but "MRN" has four digits at least after a unit's, a hospital's,
 * a record's, an encounter's or a patient's label ("unit ID MOXI-HSP-02" names a machine), and a
 * label glued to its value is "MRN" or "MR" before six digits ("MRN12345678", "MR004471122"; "ENC2-40917"
 * is a cart's, "MR450w" a scanner's); after "MRN" itself any value with a digit ("Pt MRN 1CHBZX99").
 */
function recordNumberVeto(match: string, headEnd: number, value: string): boolean {
  if (/^C?MRN/i.test(match)) return false;
  if (digitCount(value) < 4 && /^(?:unit|hosp|rec|enc|pt|patient)/i.test(match)) return true;
  return isAsciiAlnum(match.charCodeAt(headEnd - 1)) && !(/^MR$/i.test(match.slice(0, headEnd)) && /^\d{6,}$/.test(value));
}
/**
 * A plate needs a plate's shape and place: no small-letter word or extension opening it ("registration
 * restored 14:10", "x4320"), one dash at most ("tags SPD-HH-03"), four characters at least after a tag's
 * or a registration's label ("ED registration 50%"; "DE tag 4821" is one), and no computer's service tag
 * ("dell latitude 5440, tag 7XK4QZ3") nor staff parking permit ("hang tag … (tag #P-20418)") with no
 * patient or relative on the line.
 */
function plateVeto(text: string, at: number, match: string, value: string): boolean {
  if (/^(?:[a-z]+[ -]|x\d)/.test(value) || /-[^-]*-/.test(value)) return true;
  const l0 = match.charCodeAt(0) | 32;
  if (l0 !== 112 && l0 !== 118 && value.replace(/[ -]/g, '').length < 4) return true;
  // ("GLSH Diabetes Quality (REG 1000113)" on a registry's dashboard: the registry's number)
  if (l0 === 114 && /\bregistry\b/i.test(text.slice(Math.max(0, at - 80), at))) return true;
  if (l0 !== 116) return false;
  const line = lineAt(text, at);
  return (SERVICE_TAG_BEFORE.test(text.slice(Math.max(0, at - 32), at)) || PARKING_PERMIT_LINE.test(line)) && !PERSON_PLATE_LINE.test(line);
}
/** A carrier's account on a line about a circuit (not a patient's bill: "insurance carrier", a patient named Cox). */
function carrierAccountAt(text: string, at: number): boolean {
  const before = text.slice(lineStartWithin(text, at, 120), at);
  // ("Customer: THREE RIVERS VALLEY HEALTH  Account #: 30-771942": a supplier's invoice to the organisation)
  return (CARRIER_LINE.test(before) || /^[ \t]*(?:customer|sold-?to|bill-?to)(?: name)?[ \t]*:/i.test(before)) && !PATIENT_BILL_LINE.test(lineAt(text, at));
}
/** Does a date's month and day ("04/09/") stand right before `start`? "04/09/2026 0200-0400" is a date's year and a window's hours. */
const afterMonthAndDay = (text: string, start: number) => text.charCodeAt(start - 1) === 47 && /\b\d{1,2}\/\d{1,2}\/$/.test(text.slice(Math.max(0, start - 7), start));
// (company names as written, not "Cox" nor "carrier": a patient's surname, an insurance carrier)
const CARRIER_LINE = /\b(?:circuit|CID|ISP|MPLS|broadband|business (?:class|internet|\d+M)|Cable One|American Messaging|Spectrum|Comcast|Verizon|AT&T|Lumen|CenturyLink|Windstream|Zayo|T-Mobile|Starlink)\b/;
const SOFTWARE_LICENCE_LINE = /\b(?:appliance|version|vm|subscriptions?|concurrent|enterprise|software|product key|of \d+|module|instance)\b/i;
const PATIENT_BILL_LINE = /\b(?:patients?|pts?|guarantor|statement|balance|self-?pay|copay|her|his|my|their|bill(?:ed|ing)?(?!-to))\b/i;
const STAFF_OWNER_BEFORE = /\b(?:my|our|staff|employee|(?:Dr\.?[ ])?[A-Z][a-z]+['’]s)[ ]$/;
/** A supplier's account for the organisation: a supplier's name before it and no patient on its line (no bill's word, no "for Name", no possessive, no name right after). */
function supplierAccountAt(text: string, at: number, end: number): boolean {
  if (!SUPPLIER_BEFORE.test(text.slice(Math.max(0, at - 16), at))) return false;
  const line = lineAt(text, at);
  return !PATIENT_BILL_LINE.test(line) && !/\bfor [A-Z][a-z]+|[A-Z][a-z]+['’]s?[ ]/.test(line) && !/^[^\n]{0,12}\b[A-Z][a-z]+ [A-Z][a-z]+/.test(text.slice(end, end + 40));
}
const SUPPLIER_BEFORE = /\b(?:suppl(?:y|ies)|inc\.?|llc|corp\.?)[ ]?$/i;
const PAYER_BEFORE_PA = new RegExp(`\\b(?:${PAYER_NAMES.join('|')}|medicaid|medicare|payer|insurance)[ ]$`, 'i');
/** A computer named right before a tag (Dell's or Lenovo's service tag). */
const SERVICE_TAG_BEFORE = /\b(?:dell|latitude|optiplex|precision|lenovo|thinkpad|thinkcentre|hp|elitebook|elitedesk|probook|surface|laptop|desktop|workstation|pc|asset|service)\b[^.;\n]{0,24}$/i;
/** A line about a parking permit or the garage's gate: its tags are staff permits, not plates. */
const PARKING_PERMIT_LINE = /\b(?:hang(?:ing)?[ \t-]tags?|parking (?:tags?|permits?|pass(?:es)?)|gate (?:reader|arm|card))\b/i;
/** A patient or a relative on a plate's line. */
const PERSON_PLATE_LINE = /\b(?:patient|patient['’]s|[Pp]t['’]s|visiting|visitor|daughter|son|husband|wife|mother|father|mom|dad|family|her|his)\b/i;
/** A login's label ("username", "MyChart user", "portal login"), and a login without digits ("icarter_rn", "mc_ashley.nguyen"). */
const USERNAME_LABEL = /\b(?:user ?name|user|login|user ?id)\b/i;
const USERNAME_VALUE = /^[a-z][a-z]*[._][a-z][a-z._]*$/i;
/**
 * A patient-portal login of letters only after its label ("MyChart username yadebayocole"): one
 * lower-case word of six letters or more that is no English word ("MyChart username field").
 */
function portalLogin(label: string, value: string): boolean {
  return /\b(?:mychart|portal)\b/i.test(label) && /^[a-z]{6,24}$/.test(value) && !COMMON_WORDS.has(value) && !TECH_WORDS.has(value) && !/test|demo|train|dummy|sample/.test(value);
}
/** Words after a value that make it an example of a format. */
const FORMAT_AFTER = /^[ \t]+(?:format|digits?|characters?|chars|long|pattern|partitions?)\b/i;
/** A device given to, or kept at, a patient: on loan, issued, shipped or installed at their home. */
const PATIENT_ISSUED = /\b(?:(?:loaned|lent|issued|assigned|shipped|mailed|given|dispensed|delivered|sent home) (?:out )?(?:to|with) (?:the |our |this )?(?:patient|pt)\b|(?:installed|set up|placed) (?:at|in) (?:the )?(?:patient|pt)'?s'? (?:home|house|residence)|(?:patient|pt)'?s'? (?:home|house|residence)\b|(?:patient|pt)[- ]owned\b|(?:loaned|lent|issued|shipped) to (?:mr|mrs|ms|miss)\.? [A-Z])/i;
/**
 * Does the paragraph of [start, end) (up to a blank line, at most 400 characters either side) say the
 * device is a patient's (PATIENT_ISSUED), and not that no patient is involved (NO_PATIENT)?
 */
function patientIssued(text: string, start: number, end: number): boolean {
  const lo = Math.max(0, start - 400);
  const window = text.slice(lo, Math.min(text.length, end + 400));
  // (searched in the window only: a text without blank lines is not read back to its start per serial)
  const a = window.lastIndexOf('\n\n', start - lo);
  const b = window.indexOf('\n\n', end - lo);
  const para = window.slice(a === -1 ? 0 : a, b === -1 ? window.length : b);
  return PATIENT_ISSUED.test(para) && !NO_PATIENT.test(para);
}
/** A device the ticket says no patient is tied to. */
const NO_PATIENT = /\b(?:not patient[- ]related|no patient (?:data|link|attached|involved|impact|yet)|unassigned|not yet assigned|spare|in stock|loaner pool|not (?:linked|assigned|attached) to (?:a|any) patient|no pt (?:data|link|attached|involved))\b/i;
const SEP = "(?:\\s(?:for|of)\\s(?:him|her|them|the patient|this patient|the pt|pt|(?:mr|mrs|ms|miss)\\.?\\s[A-Z][\\w'’-]{1,30}|[A-Za-z][A-Za-z'’]{1,30}(?:-[A-Za-z][A-Za-z'’]{1,30})?(?=\\s{0,2}[:#]))|\\sper\\s(?:HIM|ROI|registration|admitting|ADT|EMPI|Epic|Cerner|the (?:chart|record|wristband|armband|face ?sheet)|chart|records?|wristband|armband|face ?sheet))?(?:\\s{0,2}\\([A-Za-z#. ]{1,24}\\))?\\s{0,3}(?:[:#=,\\u2013-]|is|was|should be|should read|no\\.?)?(?:[*_]{1,2})?\\s{0,3}(?:[:#=]\\s{0,3})?(?:is\\s)?(?:\\((?=[A-Za-z0-9][A-Za-z0-9-]{2,24}\\)))?";
/** The labels a value may stand in brackets after ("MRN (", "CSN (", "member ID (", "driver license ("). */
const BRACKETED_VALUE_LABEL =
  /\b(?:(?:c?mrn|csn|fin|empi)(?: id| #| number| no\.?)?|mbi|hicn|(?:member|subscriber|medicaid|medicare|insurance|policy)(?: id| #| number| no\.?)?|acct|account(?: number| #| no\.?)?|har|ssn|dl|driver'?s?'? licen[cs]e|licen[cs]e(?: number| #| no\.?)?|plate|vin|npi|dea)[ ]?[:#]?[ ]?\($/i;
/** "payer", or a state programme's name or CareSource alone, as a plan label. */
const SHORT_ID_PAYER_LABEL = new RegExp(`^(?:payer|caresource|${STATE_PROGRAMMES.join('|')}|medical assistance)\\b(?![ ]member)`, 'i');
/** A plan label that is a payer's or a state programme's name alone ("CareSource ID", "Medi-Cal #", "AHCCCS"). */
const PAYER_NAME_LABEL = new RegExp(`^(?:payer|${PLAN_NAMES.join('|')}|medical assistance)\\b(?![ ]member)`, 'i');
/** An HL7 field's reference ("PID-19", "PV1-44", "OBR-7.1"). */
const HL7_FIELD_REF = /^(?:MSH|EVN|PID|PD1|NK1|PV1|PV2|IN1|IN2|GT1|MRG|OBR|OBX|ORC|AL1|DG1|NTE|SPM|RXA|RXE|RXR|TXA|SCH|AIS|ZPI)-\d{1,3}(?:\.\d{1,2})?$/;
/** A test record's identifier: TEST or DUMMY and digits (not ZZ: a payer's or a legacy system's prefix too). */
const TEST_VALUE = /^(?:TEST|DUMMY)[-_]?\d/i;
/** A list after a label: "two guarantor accounts, 009982518 and 39619067". */
// (a bracket naming whose value it is may stand between: "H25-042-01102 (Kauwe) and H25-042-01103")
const LIST_NEXT = /(?:[ ]\([A-Za-z][A-Za-z'’ -]{1,30}\))?(?:\s?,\s?|\s(?:and|or|&)\s|\s?\/\s?)([A-Za-z0-9][A-Za-z0-9-]{2,24})(?![\w-])/y;
/**
 * A state's code in an open bracket before a labelled value ("(OR "; LabelledIdSpec.statePrefixAfter):
 * the regex source that lets one stand there, and the test of the one that did.
 */
const STATE_PREFIX_SOURCE = '(?:\\([A-Z]{2}[ ](?=[A-Z]?\\d))?';
const STATE_PREFIX = /\(([A-Za-z]{2})[ ]$/;
/** Five digits at least in a value after a state's code ("Periop DL (OR 12-14 staff)" is a mailing list's). */
const FIVE_DIGITS = /(?:\d[^\d]?){5}/;
/** `value.replace(/[._-]+$/, '')`, by char code. */
function trimTrailingPunct(value: string): string {
  let e = value.length;
  for (let c = value.charCodeAt(e - 1); c === 46 || c === 95 || c === 45; c = value.charCodeAt(e - 1)) e--;
  return e === value.length ? value : value.slice(0, e);
}
/** `/\d/.test(s)`, by char code. */
function hasDigit(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (isDigitCode(s.charCodeAt(k))) return true;
  return false;
}
/** `/[-,]\s*$/.test(text.slice(from, to))`, by char code. */
function dashOrCommaBefore(text: string, from: number, to: number): boolean {
  let k = to;
  while (k > from && isRegexSpace(text.charCodeAt(k - 1))) k--;
  return k > from && (text.charCodeAt(k - 1) === 45 || text.charCodeAt(k - 1) === 44);
}
/**
 * A plate's value without the words the case-blind value took in after it: after a group with a
 * capital ("7KDM482 or", "DRJ774 on", "4A21C9 now"), every group in small letters; after digits alone
 * ("5521 ok now"), small words and words of four letters or more ("4412 vw" keeps its letters).
 */
function plateValue(value: string): string {
  const v = value.trimEnd();
  const first = /^[A-Za-z0-9]+/.exec(v)![0];
  return v.replace(/[A-Z]/.test(first) ? /(?:[ -][a-z]+)+$/ : PLATE_TAIL_WORDS, '');
}
const PLATE_TAIL_WORDS = /(?:[ -](?:on|in|at|is|was|were|now|added|noted|per|and|or|so|ok|her|his|for|to|the|until|from|with|by|of|as|has|had|[a-z]{4,}))+$/;
function labelledMatcher(spec: LabelledIdSpec): Matcher {
  return mk({
    // (a label ends at its word's end: "reg" is no label inside "registration 4/7")
    re: new RegExp(`${spec.label}(?:(?<=[^a-z])|(?![a-z]))${SEP}${spec.statePrefixAfter ? STATE_PREFIX_SOURCE : ''}(${spec.value})(?![\\w-])`, 'iy'),
    on(m, env) {
      // a label glued to digits before it is inside a code ("Serial C02PT1CHBZX" holds no "PT" label),
      // one after a backslash is a name in a Windows path ("\\printsrv01\FIN5-CANON-C5840")
      if (m.index > 0) {
        const b = env.text.charCodeAt(m.index - 1);
        if (isDigitCode(b) || b === 92) return;
        // "PRELUDE_REG_ERR 0113": a label inside an error's code
        if (b === 95 && spec.type === 'VEHICLE') return;
      }
      // a state's code before the value: a US state's, in capitals (the regex is case-blind), after the
      // spec's labels, with five digits at least after it
      const headEnd = m[0].length - m[1]!.length;
      // (STATE_PREFIX needs "(" and two letters and a space right before the value)
      if (spec.statePrefixAfter !== undefined && m[0].charCodeAt(headEnd - 1) === 32 && m[0].charCodeAt(headEnd - 4) === 40) {
        const code = STATE_PREFIX.exec(m[0].slice(0, headEnd));
        if (code !== null && (!US_STATE_CODES.has(code[1]!) || !spec.statePrefixAfter.test(m[0]) || !FIVE_DIGITS.test(m[1]!))) return;
      }
      let value = trimTrailingPunct(m[1]!);
      if (!hasDigit(value) && !(spec.type === 'BIOMETRIC' && /^(?:[A-Z0-9]{2,}[-_][A-Z0-9-]{3,}|[a-f0-9]{8,})$/i.test(value)) && !(spec.type === 'OTHER_ID' && USERNAME_LABEL.test(m[0]) && (USERNAME_VALUE.test(value) || portalLogin(m[0], value)))) return;
      if (spec.reject?.test(value)) return;
      // a payer's own number is short ("payer ID 31114", an EDI payer ID; "Medi-Cal # 91234", a vendor
      // number): after "payer", or a state programme's name alone (their members' IDs are 9 characters
      // or more), six characters or fewer are no member's; after any payer's name, three are a reply's
      // code ("accepted by Humana 999/277CA")
      if (spec.type === 'HEALTH_PLAN_ID' && (value.length < 4 ? PAYER_NAME_LABEL.test(m[0]) : value.length < 7 && SHORT_ID_PAYER_LABEL.test(m[0]))) return;
      // an HL7 field's name, not its value: "SSN (PID-19)", "dob in PID-7"
      if (value.charCodeAt(3) === 45 && HL7_FIELD_REF.test(value)) return;
      // a value in brackets right after its label ("MRN (M001203779)", "driver license (D07733156)"):
      // only after a record's own label ("dialysis unit (555-0177)", "accession (CT2)" are a place's and a room's)
      if (m[0].charCodeAt(headEnd - 1) === 40 && !BRACKETED_VALUE_LABEL.test(m[0].slice(0, headEnd))) return;
      // a build's test record: "account TEST000001"
      const v0 = value.charCodeAt(0) | 32;
      if ((v0 === 116 || v0 === 100) && TEST_VALUE.test(value)) return;
      // a format, not a value: "Member ID should be 123456789 format per payer spec"
      const after = m.index + m[0].length;
      const a0 = codeAt(env.text, after);
      if ((a0 === 32 || a0 === 9) && FORMAT_AFTER.test(env.text.slice(after, after + 14))) return;
      // a purchase requisition is numbers only; a lab's has letters ("req # QR6620193")
      if ((m[0].charCodeAt(0) | 32) === 114 && /^req/i.test(m[0]) && /^\d+$/.test(value)) return;
      if (spec.rejectBefore?.test(env.text.slice(Math.max(0, m.index - 24), m.index))) return;
      if (ownLabelVeto(spec.type, env.text, m.index, m[0], headEnd, value)) return;
      // (a value typed into an NPI field without an NPI's shape, ten digits from 1 or 2, is something else of the person's: a plate, a licence)
      if (spec.rejectLabel?.test(m[0]) && !spec.keepBefore?.test(env.text.slice(Math.max(0, m.index - 24), m.index)) && !(/^NPI/i.test(m[0]) && !/^[12]\d{9}$/.test(value))) {
        if (!spec.keepLine?.test(lineAt(env.text, m.index))) return;
      }
      if (spec.rejectAfter?.test(env.text.slice(m.index + m[0].length, m.index + m[0].length + 60))) return;
      if (spec.requireBefore !== undefined && !spec.requireBefore.test(env.text.slice(Math.max(0, m.index - 300), m.index))) return;
      // (a plate's groups are capitals and digits: "7KDM482 per security" ends before "per"; a plate
      // written in small letters, "4412 vw", keeps its letters)
      if (spec.type === 'VEHICLE') value = plateValue(value);
      const start = m.index + m[0].length - m[1]!.length;
      const end = start + value.length;
      if (spec.sameLine && m[0].lastIndexOf('\n', m[0].length - m[1]!.length) !== -1) return;
      // "portal-web-08", "portal, CHG55512": a hostname or a change number after a dash or comma
      if (dashOrCommaBefore(env.text, m.index, start) && /^(?:[a-z]+-|CHG|INC|RITM|REQ|PRB|0x)/i.test(value)) return;
      // "EHR-6026", "ehr-db02": a label word joined to the value by a bare hyphen is one token (a key or a host)
      if (env.text.charCodeAt(start - 1) === 45 && isWordCode(env.text.charCodeAt(start - 2))) return;
      let score = spec.score;
      if (spec.needsContext) {
        const ctx = env.scan.near(spec.patientContext ? Cue.Patient : Cue.Clinical, start, end, 100, 30) || env.scan.near(Cue.Personal, start, end, 40, 0);
        score = ctx ? spec.score : spec.weakScore ?? spec.score;
      }
      if (spec.type === 'DEVICE') {
        const med = env.scan.near(Cue.MedDevice, start, end, 80, 10);
        // (the device a sentence is about may be named well before its serial: "Kronos clock at Oncology Infusion shows …. Serial …")
        const it = env.scan.near(Cue.ItDevice, start, end, 120, 10);
        // a device the paragraph gives to a patient ("iPad …, serial DMPX41K2Q1GC, loaned to patient
        // Ruth …", "Hub …, SN CH3-0018821 … Installed at pt's home") is that patient's, whatever it is
        const issued = !med && patientIssued(env.text, start, end);
        score = med ? 0.92 : issued ? 0.85 : it ? 0.15 : env.scan.near(Cue.Clinical, start, end, 80, 20) ? 0.7 : 0.4;
        // a phone's or SIM's number is a patient's device only next to a medical device ("RPM hub", "BP cuff"):
        // staff phones have them too
        if (!med && !issued && /^(?:IMEI|ICCID|MEID)/i.test(m[0])) score = Math.min(score, 0.3);
        // "… fails self-test. Not patient related, sent to Biomed."
        if (NO_PATIENT.test(env.text.slice(Math.max(0, start - 60), Math.min(env.text.length, end + 80)))) score = Math.min(score, 0.3);
      } else if (spec.type !== 'BIOMETRIC' && env.scan.near(Cue.Tech, start, end, 30, 10)) {
        score -= 0.15;
      }
      env.emit(spec.type, start, end, clamp(score), spec.rule);
      // further values of a list
      let at = end;
      for (let k = 0; k < 5; k++) {
        // (each of its joiners opens with \s, ',' or '/')
        const c = codeAt(env.text, at);
        if (!(c === 44 || c === 47 || isRegexSpace(c))) break;
        LIST_NEXT.lastIndex = at;
        const more = LIST_NEXT.exec(env.text);
        if (!more || !hasDigit(more[1]!)) break;
        at = more.index + more[0].length;
        env.emit(spec.type, at - more[1]!.length, at, clamp(score), spec.rule);
      }
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Check-digit identifiers that need no label
const MBI: Matcher = mkSpan({
  re: new RegExp(`(?<![\\w-])${MBI_SOURCE}(?![\\w-])`, 'iy'),
  span(env, start, end) {
    const s = env.text.slice(start, end);
    if (!/[A-Za-z]/.test(s) || (s !== s.toUpperCase() && s !== s.toLowerCase())) return;
    const ctx = labelBefore(env.text, start, /(?:medicare|mbi|beneficiary|member|hicn)[^\n]{0,25}$/i, 40);
    env.emit('HEALTH_PLAN_ID', start, end, ctx ? 0.97 : ctxScore(env, start, end, 0.75, 0.15, 0.3), 'plan.mbi');
  },
});
const DEA: Matcher = mkSpan({
  re: /(?<![\w-])[A-Z][A-Z9]\d{7}(?![\w-])/y,
  span(env, start, end) {
    if (!isValidDea(env.text.slice(start, end))) return;
    const ctx = labelBefore(env.text, start, /DEA[^\n]{0,15}$/i, 20);
    // "Applied KB5006754": a Microsoft knowledge-base article (an IT ticket's, unless labelled DEA)
    if (!ctx && env.text.charCodeAt(start) === 75 && env.text.charCodeAt(start + 1) === 66) return;
    env.emit('LICENSE', start, end, ctx ? 0.97 : ctxScore(env, start, end, 0.6, 0.2, 0.3), 'license.dea');
  },
});
const NPI: Matcher = mkSpan({
  re: /(?<![\w-])[12]\d{9}(?![\w-])/y,
  span(env, start, end) {
    if (!isValidNpi(env.text.slice(start, end))) return;
    const ctx = labelBefore(env.text, start, /NPI[^\n]{0,15}$/i, 20);
    env.emit('LICENSE', start, end, ctx ? 0.97 : ctxScore(env, start, end, 0.4, 0.2, 0.2), 'license.npi');
  },
});
const VIN: Matcher = mkSpan({
  re: /(?<![\w-])[A-HJ-NPR-Z0-9]{17}(?![\w-])/y,
  span(env, start, end) {
    const valid = isValidVin(env.text.slice(start, end));
    const ctx = labelBefore(env.text, start, /(?:VIN|vehicle)[^\n]{0,15}$/i, 25);
    if (!valid && !ctx) return;
    env.emit('VEHICLE', start, end, valid ? (ctx ? 0.97 : 0.8) : 0.85, 'vehicle.vin');
  },
});
function cardOn(env: RuleEnv, start: number, end: number): void {
  const digits = env.text.slice(start, end).replace(/\D/g, '');
  if (env.text[start - 1] === '|' || env.text[end] === '|') return; // an HL7 field
  if (afterMonthAndDay(env.text, start)) return; // "04/09/2026 0200-0400": a date's year and hours
  if (/^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[01]\d|2[0-3])[0-5]\d/.test(digits)) return; // a timestamp
  if (digits.length < 12 || digits.length > 19 || !isLikelyCard(digits)) return;
  // "Session 690912523733 terminated": a log's own identifier that happens to pass the Luhn check
  if (LOG_ID_BEFORE.test(env.text.slice(Math.max(0, start - 16), start))) return;
  // "Cable One business 300M, account 8301 1100 4471 2260": a carrier's account for a circuit
  if (carrierAccountAt(env.text, start)) return;
  // a handset's IMEI (15 digits, Luhn-valid too) under an IMEI column or label above ("Device | Serial | IMEI | Asset tag")
  if (digits.length === 15 && /\bIMEI\b/i.test(env.text.slice(Math.max(0, start - 400), start))) return;
  const tech = env.scan.near(Cue.Tech, start, end, 30, 10);
  env.emit('ACCOUNT', start, end, tech ? 0.5 : 0.88, 'account.card');
}
const LOG_ID_BEFORE = /\b(?:session|job|pid|thread|request|req|trace|correlation|build|batch|message|msg|imei|meid|iccid|esn|serial|s\/n|sn|fedex|ups|usps|dhl|tracking)[ ]?(?:id|#|no\.?|number)?[ #:=]{0,3}$/i;
const CARD: Matcher = mkSpan({
  pre: (text, pos) => digitsInRun(text, pos, CARD_CH, 40) >= 12, re: /(?<![\w-])\d{4}(?:[ -]?\d{2,4}){2,4}(?:[ -]?\d{1,3})?(?![\w-])/y, span: cardOn });
const CARD_PLAIN: Matcher = mkSpan({ re: /(?<![\w-])\d{12,19}(?![\w-])/y, span: cardOn });
const IBAN: Matcher = mkSpan({
  re: /(?<![\w-])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]{4}){2,7}(?:[ ]?[A-Za-z0-9]{1,3})?(?![\w-])/y,
  span(env, start, end) {
    if (isValidIban(env.text.slice(start, end))) env.emit('ACCOUNT', start, end, 0.95, 'account.iban');
  },
});
const UDI: Matcher = mkSpan({
  re: /\(01\)\d{14}(?:\(\d{2,4}\)[A-Za-z0-9-]{1,20})*/y,
  span: (env, start, end) => env.emit('DEVICE', start, end, 0.95, 'device.udi'),
});
/**
 * A UDI after its label ("UDI 00643169007222", "device identifier: 0100643169007222172501011012345",
 * "UDI +H123PROD1234/$$3123456"): "UDI" names a medical device's identifier, so no other context
 * is needed. A GS1 UDI is a GTIN-14 (with its check digit), alone or as "01" + GTIN-14 followed by
 * further application identifiers; a HIBCC UDI starts with '+', a letter and three characters.
 */
const UDI_LABELLED: Matcher = mk({
  re: /(?:UDI-DI|UDI|unique device identifier|device identifier)(?:[ .]{0,2}(?:number|num|nbr|no\.?|#|code))?\s{0,3}(?:[:#=]|is)?\s{0,3}(\d{14,50}|\+[A-Z][A-Z0-9]{3}[A-Z0-9]{1,18}(?:\/[$+%A-Z0-9]{1,40})?)(?![\w$+%/-])/iy,
  on(m, env) {
    const value = m[1]!;
    const gs1 = value.charCodeAt(0) !== 43; // not '+'
    if (gs1 && !(value.length === 14 ? isValidGtin(value) : value.length >= 16 && value.startsWith('01') && isValidGtin(value.slice(2, 16)))) return;
    const start = m.index + m[0].length - value.length;
    env.emit('DEVICE', start, start + value.length, 0.92, 'device.udi-label');
  },
});

// ---------------------------------------------------------------------------------------------
// Word triggers
/** A matcher a word triggers, and what must follow the word for it to be run (see LabelledIdSpec.after). */
interface WordRule {
  mt: Matcher;
  /** The word's length. */
  len: number;
  after: readonly string[] | undefined;
}
const WORD_MATCHERS = new Map<string, WordRule[]>();
function onWords(words: string, mt: Matcher, after?: Record<string, string[]>): void {
  for (const w of words.split(' ')) {
    const list = WORD_MATCHERS.get(w) ?? [];
    list.push({ mt, len: w.length, after: after !== undefined && Object.hasOwn(after, w) ? after[w] : undefined });
    WORD_MATCHERS.set(w, list);
  }
}
/** Does one of `alts` (lower case: letters compared case-insensitively) stand at q? */
function followedBy(text: string, q: number, alts: readonly string[]): boolean {
  for (const alt of alts) {
    let k = 0;
    while (k < alt.length) {
      const a = alt.charCodeAt(k);
      const c = text.charCodeAt(q + k);
      if (a >= 97 && a <= 122 ? (c | 32) !== a : c !== a) break;
      k++;
    }
    if (k === alt.length) return true;
  }
  return false;
}
function runWordRules(d: Dispatcher, text: string, rules: readonly WordRule[], pos: number): void {
  for (const r of rules) if (r.after === undefined || followedBy(text, pos + r.len, r.after)) d.tryAt(r.mt, pos);
}
for (const spec of LABELLED_IDS) onWords(spec.triggers, labelledMatcher(spec), spec.after);
onWords('jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday', NAMED_DATE);
onWords('jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december', MONTH_YEAR);
onWords('age ages aged', AGE_WORD);
onWords('zero oh one two three four five six seven eight nine', SPOKEN_PHONE);
onWords('ninety', AGE_IN_WORDS);
/** Chart merges name two medical record numbers: "Merged E92531596 into 50622977". */
const MERGED: Matcher = mk({
  re: /merged\s+(?:(?:mrn|mr#|chart)\s*)?([A-Za-z]{0,3}\d[\w-]{3,20})\s+(?:into|with|to)\s+(?:(?:mrn|mr#|chart)\s*)?([A-Za-z]{0,3}\d[\w-]{3,20})/iy,
  on(m, env) {
    const a = m.index + m[0].indexOf(m[1]!);
    env.emit('MRN', a, a + m[1]!.length, 0.9, 'mrn.merge');
    const b = m.index + m[0].length - m[2]!.length;
    env.emit('MRN', b, b + m[2]!.length, 0.9, 'mrn.merge');
  },
});
onWords('merged merge', MERGED);
/** "he moved to Bakersfield 93870", "registered in Tulsa clinic": a place a person lives or was seen. */
const CALENDAR_WORDS: ReadonlySet<string> = new Set(
  // (not "sun" or "mar": Sun City, Mar Vista)
  ('monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat ' +
    'january february march april may june july august september october november december jan feb apr jun jul aug sep sept oct nov dec ' +
    'today tomorrow tonight yesterday next noon midnight morning afternoon evening weekend').split(' '),
);
const MOVED_TO: Matcher = mk({
  re: /(?:moved|relocated|moving|lives|living|resides|residing|registered|relocating)\s+(?:to|in|at|near)\s+((?:[A-Z][A-Za-z'.-]+ ){0,2}[A-Z][A-Za-z'.-]+)(?:,? (\d{5}(?:-\d{4})?))?(?![\w-])/y,
  on(m, env) {
    const city = m[1]!;
    // "Meeting moved to Sunday", "moved to March": a day, not a place
    if (city.split(' ').some((w) => TECH_STREET_WORDS.test(w) || CALENDAR_WORDS.has(w.toLowerCase().replace(/\.$/, '')))) return;
    // "moved to PRD tonight", "registered in SQ under the ED location": an environment's or a system's acronym
    if (!m[2] && /^[A-Z]{2,4}\.?$/.test(city)) return;
    const start = m.index + m[0].indexOf(city, m[0].length - city.length - (m[2] ? m[2].length + 2 : 0) - 1);
    env.emit('ADDRESS', start, start + city.length, m[2] ? 0.85 : 0.7, 'address.moved-to');
    if (m[2]) env.emit('ZIP', m.index + m[0].length - m[2].length, m.index + m[0].length, 0.9, 'zip.moved-to');
  },
});
onWords('moved relocated moving lives living resides residing registered relocating', MOVED_TO);
/** "ZIP: 3520", "my zip code is 394 13", "postal code B0J 2H0": any country's format after the label. */
const ZIP_LABELLED: Matcher = mk({
  re: /(?:zip|postal|post)(?:[ ]?code)?\s{0,3}(?:[:#]|is)?\s{0,3}([A-Z0-9][A-Z0-9]{1,4}(?:[ -][A-Z0-9]{2,4})?)(?![\w-])/iy,
  on(m, env) {
    const value = m[1]!;
    if (!/\d/.test(value)) return;
    const start = m.index + m[0].length - value.length;
    env.emit('ZIP', start, start + value.length, 0.9, 'zip.label');
  },
});
onWords('zip postal post postcode', ZIP_LABELLED);
onWords('udi udi-di unique device', UDI_LABELLED);
registerWords(WORD_MATCHERS.keys());
tagWords(WORD_MATCHERS.keys(), WordTag.Trigger);
const ADDRESS_WORDS = 'rua via viale calle avenida rue avenue boulevard piazza plaza ulica ul strada carrer camino largo';
/** The prefixes PREFIX_STREET_RE starts with (the capitalised ones trigger it). */
const PREFIX_STREET_WORDS = new Set('calle camino via paseo avenida placita plaza circulo calzada sendero vereda entrada cerrada callejon'.split(' '));
const POBOX_WORDS = 'p po p.o post psc apo fpo dpo';
const UNIT_WORDS = 'apt apartment suite ste unit';
registerWords(`${ADDRESS_WORDS} ${POBOX_WORDS} ${UNIT_WORDS}`.split(' '));
const ADDRESS_WORD_SET = new Set(ADDRESS_WORDS.split(' '));
const POBOX_WORD_SET = new Set(POBOX_WORDS.split(' '));
const UNIT_WORD_SET = new Set(UNIT_WORDS.split(' '));
/** Every capitalised spelling ("Member", "MEMBER") of a word some rule is triggered by, and state codes. */
const CASED_TRIGGERS = new Set<string>();
for (const w of [...WORD_MATCHERS.keys(), ...ADDRESS_WORD_SET, ...PREFIX_STREET_WORDS, ...POBOX_WORD_SET, ...UNIT_WORD_SET]) for (const cased of casedSpellings(w)) CASED_TRIGGERS.add(cased);
// (and the accented spellings of the street prefixes)
for (const w of ['Vía', 'Círculo', 'Callejón']) CASED_TRIGGERS.add(w);
for (const code of US_STATE_CODES) CASED_TRIGGERS.add(code);
for (const name of US_STATE_NAMES) for (const cased of casedSpellings(name)) CASED_TRIGGERS.add(cased);
// product-style spellings of trigger words
for (const w of ['MyChart', 'MyChartID', 'eClinicalWorks']) CASED_TRIGGERS.add(w);

/** What a capitalised spelling triggers (kept per spelling in `TokenInfo.trig`). */
interface TriggerInfo {
  trigger: boolean;
  matchers: readonly WordRule[] | undefined;
  address: boolean;
  /** A Spanish street prefix (PREFIX_STREET_RE). */
  prefixStreet: boolean;
  pobox: boolean;
  unit: boolean;
  state: boolean;
  /** Not a trigger, and it ends like a European street name ("Koskikatu 25"). */
  intlSuffix: boolean;
}
const NOT_TRIGGER: TriggerInfo = { trigger: false, matchers: undefined, address: false, prefixStreet: false, pobox: false, unit: false, state: false, intlSuffix: false };
const NOT_TRIGGER_SUFFIX: TriggerInfo = { ...NOT_TRIGGER, intlSuffix: true };
function triggerInfo(tok: string, caps: number, w: string): TriggerInfo {
  if (!CASED_TRIGGERS.has(tok)) return INTL_STREET_SUFFIX.test(w) ? NOT_TRIGGER_SUFFIX : NOT_TRIGGER;
  return {
    trigger: true,
    matchers: WORD_MATCHERS.get(w),
    address: ADDRESS_WORD_SET.has(w),
    prefixStreet: PREFIX_STREET_WORDS.has(w.normalize('NFD').replace(/[\u0300-\u036f]/g, '')),
    pobox: POBOX_WORD_SET.has(w),
    unit: UNIT_WORD_SET.has(w),
    state: (caps === 2 && w.length === 2 && US_STATE_CODES.has(tok)) || US_STATE_NAMES.has(w),
    intlSuffix: false,
  };
}
/**
 * Worked out once per capitalised spelling when a scan first meets it: the scan lists the words
 * (`Scan.listed`) whose spelling triggers a rule or may end a street name, so the word-trigger
 * loop of runPatternRules visits only those.
 */
registerSpellingFacts(Fact.Listed, (info) => {
  const t = triggerInfo(info.raw, info.caps, info.lower);
  info.trig = t;
  return t.trigger || t.intlSuffix ? Fact.Listed : 0;
});

const MONTH_START = new Set(['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']);
/** The first three letters of the month names, by (a - 97) * 676 + (b - 97) * 26 + (c - 97) of their lower-case codes. */
const MONTH3 = new Uint8Array(26 * 26 * 26);
for (const m of MONTH_START) MONTH3[(m.charCodeAt(0) - 97) * 676 + (m.charCodeAt(1) - 97) * 26 + (m.charCodeAt(2) - 97)] = 1;
/** A month name (MONTHS, case-insensitive) can start at k: its first three letters. */
function monthAt(text: string, k: number): boolean {
  if (k < 0 || k + 2 >= text.length) return false;
  // (c | 32) is a lower-case ASCII letter only for an ASCII letter c
  const a = text.charCodeAt(k) | 32;
  const b = text.charCodeAt(k + 1) | 32;
  const c = text.charCodeAt(k + 2) | 32;
  if (a < 97 || a > 122 || b < 97 || b > 122 || c < 97 || c > 122) return false;
  return MONTH3[(a - 97) * 676 + (b - 97) * 26 + (c - 97)] === 1;
}
/**
 * NAMED_DATE from a day of one or two digits ending at e: `(?:st|nd|rd|th)?(?: of)? (?:MONTHS)` or
 * `([-/ ])(?:MONTHS)\1\d{2,4}(?![\w:])`, so a month's first letters after an optional suffix,
 * " of" and a space, or "-Mar-1962", "/mar./62". Exactly, at e (MON3: a month's first three
 * letters, any case): `(?:s[tT]|n[dD]|r[dD]|t[hH])? (?:[oO][fF] )?MON3|([-/])MON3[A-Za-z]*\.?\1\d{2,4}(?![\w:])`.
 */
function monthAfterDay(text: string, e: number): boolean {
  let q = e;
  // (the dispatcher has looked only at a lower-case first letter of the suffix)
  const a = codeAt(text, q);
  const b = codeAt(text, q + 1) | 32;
  const suffix = (a === 115 && b === 116) || (a === 110 && b === 100) || (a === 114 && b === 100) || (a === 116 && b === 104);
  if (suffix) q += 2;
  const c = codeAt(text, q);
  if (c === 32) {
    if (monthAt(text, q + 1)) return true;
    return (codeAt(text, q + 1) | 32) === 111 && (codeAt(text, q + 2) | 32) === 102 && codeAt(text, q + 3) === 32 && monthAt(text, q + 4);
  }
  return !suffix && (c === 45 || c === 47) && monthThenYear(text, q + 1, c);
}
/** The end of a month's name at k (its letters and a '.'), when its first three letters are a month's. */
function monthEnd(text: string, k: number): number {
  if (!monthAt(text, k)) return -1;
  k += 3;
  while (isAsciiLetter(text.charCodeAt(k))) k++;
  return text.charCodeAt(k) === 46 ? k + 1 : k;
}
/** `\d{lo,hi}(?![\w:])` at k over the whole digit run there (a shorter one would stand before a digit). */
function digitsThenEnd(text: string, k: number, lo: number, hi: number): number {
  let e = k;
  while (isDigitAt(text, e)) e++;
  if (e - k < lo || e - k > hi) return -1;
  const a = text.charCodeAt(e);
  return isWordCode(a) || a === 58 ? -1 : e;
}
/** NAMED_DATE's "Mar-1962" part of "14-Mar-1962": a month at k, the separator c, 2-4 digits, no [\w:] after. */
function monthThenYear(text: string, k: number, c: number): boolean {
  const m = monthEnd(text, k);
  return m !== -1 && codeAt(text, m) === c && digitsThenEnd(text, m + 1, 2, 4) !== -1;
}
/**
 * NAMED_DATE at the start of a month's name: a digit after `[ ]?` ("March 14", "Mar14"), or
 * `([-/])\d{1,2}\1\d{2,4}(?![\w:])` ("Mar-14-1962", not "Mar/2024:10:22:31").
 */
function dateAfterMonth(text: string, pos: number): boolean {
  const m = monthEnd(text, pos);
  const c = text.charCodeAt(m);
  if (c >= 48 && c <= 57) return true;
  if (c === 32) return isDigitAt(text, m + 1);
  if (c !== 45 && c !== 47) return false;
  let k = m + 1;
  while (isDigitAt(text, k)) k++;
  return k - m - 1 >= 1 && k - m - 1 <= 2 && text.charCodeAt(k) === c && digitsThenEnd(text, k + 1, 2, 4) !== -1;
}


/** Characters a phone number (INTL) and a card number (CARD) consist of. */
const PHONE_CH = charSet('0123456789 .-+()x');
const CARD_CH = charSet('0123456789 -');
function charSet(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
}
/** Digits in the run of `set` characters from `pos` (at most `max` characters): a match of a pattern over those characters holds no more. */
function digitsInRun(text: string, pos: number, set: Uint8Array, max: number): number {
  let digits = 0;
  for (let k = pos, end = Math.min(text.length, pos + max); k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128 || set[c] === 0) break;
    if (c >= 48 && c <= 57) digits++;
  }
  return digits;
}
/** MONTH_YEAR from a digit: `\d\d?\/[12]\d{3}` at pos (four digits starting 1 or 2: a cheap superset of its 19xx|20xx). */
function monthSlashYear(text: string, pos: number): boolean {
  let q = pos + 1;
  if (isDigitAt(text, q)) q++;
  if (codeAt(text, q) !== 47) return false;
  const c = codeAt(text, q + 1);
  return (c === 49 || c === 50) && isDigitAt(text, q + 2) && isDigitAt(text, q + 3) && isDigitAt(text, q + 4);
}
/** MONTH_YEAR from a letter: the run of ASCII letters at `pos` (the month), '.'?, ','?, ' ', 19xx or 20xx (`[A-Za-z]*\.?,? (?:19|20)\d\d`). */
function yearAfterMonth(text: string, pos: number): boolean {
  let q = pos;
  while (q < text.length && ((text.charCodeAt(q) | 32) >= 97 && (text.charCodeAt(q) | 32) <= 122)) q++;
  if (codeAt(text, q) === 46) q++;
  if (codeAt(text, q) === 44) q++;
  if (codeAt(text, q) !== 32) return false;
  const a = codeAt(text, q + 1);
  const b = codeAt(text, q + 2);
  return ((a === 49 && b === 57) || (a === 50 && b === 48)) && isDigitAt(text, q + 3) && isDigitAt(text, q + 4);
}
/** AGE_NUM after its digits: whitespace and '-' only, then 'y' or 'Y' (y/o, yo, yrs, years, year-old): `[\s-]*[yY]` at q. */
function ageWordAfter(text: string, q: number): boolean {
  while (q < text.length && (text.charCodeAt(q) === 45 || isRegexSpace(text.charCodeAt(q)))) q++;
  return (codeAt(text, q) | 32) === 121;
}
/** STREET_SUFFIX's words (each alternative spelled out), both cases as in STREET_SUFFIXES. */
const STREET_SUFFIX_WORDS = new Set<string>();
for (const alt of STREET_SUFFIX.split('|')) {
  const forms = alt.endsWith('s?') ? [alt.slice(0, -2), alt.slice(0, -2) + 's'] : [alt];
  for (const f of forms) {
    STREET_SUFFIX_WORDS.add(f);
    STREET_SUFFIX_WORDS.add(f.toUpperCase());
  }
}
/**
 * A necessary condition for STREET_RE after a house number ending at `q`: an optional letter,
 * then up to six tokens, each after spaces and made of [\w\u00C0-\u024F'.-], where one after
 * the first is a street suffix word (a whole run of ASCII letters with no word character after it).
 * Exactly, at q (T: `[\w\u00C0-\u024F'.-]*`): `[A-Za-z]?(?: +(?! )T){1,5} +(?! )(?:STREET_SUFFIXES)(?!\w)`.
 */
function streetSuffixAhead(text: string, q: number): boolean {
  const n = text.length;
  if (q < n && ((text.charCodeAt(q) | 32) >= 97 && (text.charCodeAt(q) | 32) <= 122)) q++;
  for (let tok = 0; tok < 6; tok++) {
    if (q >= n || text.charCodeAt(q) !== 32) return false;
    while (q < n && text.charCodeAt(q) === 32) q++;
    const t = q;
    while (q < n && ((text.charCodeAt(q) | 32) >= 97 && (text.charCodeAt(q) | 32) <= 122)) q++;
    if (tok > 0 && q > t && q - t <= 11 && !(q < n && isWordCode(text.charCodeAt(q))) && STREET_SUFFIX_WORDS.has(text.slice(t, q))) return true;
    // the rest of the token
    while (q < n) {
      const c = text.charCodeAt(q);
      if (!(isWordCode(c) || (c >= 0xc0 && c <= 0x24f) || c === 39 || c === 46 || c === 45)) break;
      q++;
    }
  }
  return false;
}
/** A digit within `extra` characters after the run of ASCII letters at `pos` (or in it): `[A-Za-z]*[^]{0,extra - 1}\d` at pos. */
function digitSoon(text: string, pos: number, extra: number): boolean {
  let e = pos;
  while (e < text.length && ((text.charCodeAt(e) | 32) >= 97 && (text.charCodeAt(e) | 32) <= 122)) e++;
  for (let k = pos, end = Math.min(text.length, e + extra); k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** [A-Za-z0-9]. */
const ALNUM_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// (the hot paths below read no code outside the string: V8 stops inlining a charCodeAt call site for good once it has seen that)
/** The char code at i, 0 outside the string (where charCodeAt gives NaN: the same to every test made on it here). */
const codeAt = (text: string, i: number) => (i >= 0 && i < text.length ? text.charCodeAt(i) : 0);
const isDigitAt = (text: string, i: number) => {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** Length of digit run k (of the scan's starts `st` and ends `en`) when it starts at q, else 0. */
function runAt(st: readonly number[], en: readonly number[], k: number, q: number): number {
  return k < st.length && st[k] === q ? en[k]! - q : 0;
}
/** NANP after the area code and its separator, from q (digit run k): 3 digits, [ .-], 4 digits; or 7 digits. */
function nanpRest(text: string, st: readonly number[], en: readonly number[], q: number, k: number): boolean {
  const a = runAt(st, en, k, q);
  if (a === 7) return true;
  if (a !== 3) return false;
  const c = codeAt(text, q + 3);
  return (c === 32 || c === 46 || c === 45) && runAt(st, en, k + 1, q + 4) === 4;
}
/** ".d.d.d" of an IPv4 address from q (digit run k): three runs of 1-3 digits joined by '.'. */
function dottedQuadRest(text: string, st: readonly number[], en: readonly number[], q: number, k: number): boolean {
  for (let j = 0; j < 3; j++) {
    const l = runAt(st, en, k + j, q);
    if (l < 1 || l > 3) return false;
    q += l;
    if (j < 2) {
      if (codeAt(text, q) !== 46) return false;
      q++;
    }
  }
  return true;
}
/**
 * From a run of 2-4 digits ending at e (run k) and '.' or '-': 2 digits, '.' or '-', 2-4 digits
 * that nothing INTL could take continues. Every INTL match here is that date ("2024-03-14",
 * "14.03.2024", also after a "00" prefix) or its first two groups, and INTL rejects both.
 */
function intlDateOnly(text: string, st: readonly number[], en: readonly number[], e: number, k: number): boolean {
  if (runAt(st, en, k + 1, e + 1) !== 2) return false;
  const s2 = codeAt(text, e + 3);
  if (s2 !== 45 && s2 !== 46) return false;
  const l3 = runAt(st, en, k + 2, e + 4);
  if (l3 < 2 || l3 > 4) return false;
  const r = e + 4 + l3;
  const c = codeAt(text, r);
  const c2 = codeAt(text, r + 1);
  if (c === 32 && c2 >= 48 && c2 <= 57) {
    // a time after the date ("2024-03-14 10:22"): a third group of 2-5 digits before ':' and a
    // digit fails the look-ahead (and ':' ends the groups), and no shorter one can stand before a digit
    const l4 = runAt(st, en, k + 3, r + 1);
    if (l4 < 2 || l4 > 5) return true;
    return codeAt(text, r + 1 + l4) === 58 && isDigitAt(text, r + 2 + l4);
  }
  // another group ([ .-] and digits) or an extension (x, ' x') could follow
  return !(((c === 46 || c === 45) && c2 >= 48 && c2 <= 57) || c === 120 || (c === 32 && c2 === 120));
}

/** [A-Za-z0-9] */
const ALNUM_CODES = charSet(ALNUM_CHARS);
const isAlnum = (c: number) => c < 128 && ALNUM_CODES[c] === 1;
/** [0-9:a-fA-F] */
const isHexOrColon = (c: number) => (c >= 48 && c <= 58) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

/** The digit runs (by index) with a letter or digit right before or after: reused between calls. */
let mixedRuns = new Int32Array(256);

/** Runs every built-in rule over the scan. */
export function runPatternRules(
  env: RuleEnv,
  allowDomain: (domain: string) => boolean,
  allowIp: (ip: string) => boolean,
): void {
  const { scan, text } = env;
  const d = new Dispatcher(env);
  const st: AddressState = { ends: new Offsets(), sites: new Offsets(), zips: [], units: [], streets: [] };
  const addr = addressMatchers(st);
  const url = urlMatcher(allowDomain);
  const ipv4 = ipMatcher(allowIp, false);
  const ipv6 = ipMatcher(allowIp, true);

  emailRule(env, allowDomain);

  const len = text.length;
  // (the floor is the lowest score emit keeps)
  const privateIpDropped = !(PRIVATE_IP_SCORE >= env.floors.IP);
  const digitStarts = scan.digitStarts;
  const digitEnds = scan.digitEnds;
  const runCount = digitStarts.length;
  if (mixedRuns.length < runCount) mixedRuns = new Int32Array(runCount * 2);
  let nMixed = 0;
  for (let di = 0; di < runCount; di++) {
    const p = digitStarts[di]!;
    // the digit run's length and the characters around it decide which rules can match here
    const e = digitEnds[di]!;
    const L = e - p;
    const before = p > 0 ? text.charCodeAt(p - 1) : 0;
    // digits inside something already matched, after ':' (times, ports) or inside a dotted number
    // (versions, IP octets) start nothing new
    const next = e < len ? text.charCodeAt(e) : 0;
    // only runs with a letter right before or after the digits can be in a letter+digit run (below)
    if (isAlnum(before) || (next > 57 && isAlnum(next))) mixedRuns[nMixed++] = di;
    // a date label glued onto the value: "dob:03/14/1962", "DOB03/14/1962", "dos=2023-11-02"
    if (p >= d.maxEnd && (before === 58 || before === 61 || before === 35 || isWordCode(before)) && (L <= 2 || L === 4) && (next === 47 || next === 45 || next === 46) && gluedDateLabel(text, p)) {
      d.tryAt(L === 4 ? ISO_DATE : NUM_DATE, p);
      continue;
    }
    // an account named by its last four digits: "account number ending 9930", "acct ending in 4471"
    if (L === 4 && before === 32 && !isAlnum(next) && (text.charCodeAt(p - 2) === 103 || text.charCodeAt(p - 2) === 110) && ACCOUNT_ENDING_BEFORE.test(text.slice(Math.max(0, p - 32), p)) && (scan.near(Cue.Patient, p, e, 100, 40) || scan.near(Cue.Personal, p, e, 40, 0) || GUARANTOR_BEFORE.test(text.slice(Math.max(0, p - 160), p)))) {
      env.emit('ACCOUNT', p, e, 0.85, 'account.last4');
      continue;
    }
    // an SSN masked but for its last four digits: "xxx-xx-7719", "***-**-7719" (the four digits still identify)
    if (before === 45 && L === 4 && !isAlnum(next) && maskedSsnAt(text, p) && (labelBefore(text, p - 7, SSN_LABEL, 44) || scan.near(Cue.Patient, p - 7, e, 100, 30))) {
      env.emit('SSN', p - 7, e, 0.9, 'ssn.masked');
      continue;
    }
    // a phone masked but for its last four digits, by its label: "Phone on file: ***-***-4412" (the four digits and the label still point to the person)
    if (before === 45 && L === 4 && !isAlnum(next) && maskedPhoneAt(text, p) && labelBefore(text, p - 8, PHONE_LABEL, 25) && (scan.near(Cue.Patient, p - 8, e, 160, 40) || scan.near(Cue.Personal, p - 8, e, 60, 0))) {
      env.emit('PHONE', p - 8, e, 0.85, 'phone.masked');
      continue;
    }
    // an SSN's last four digits by their label: "last 4 SSN 7735", "SSN last four: 7735", "last 4 of her social 7735"
    if (L === 4 && !isAlnum(next) && (before === 32 || before === 58 || before === 35 || before === 61 || before === 9) && p >= 8) {
      // (every alternative says "last": looked for first, by char code)
      const from = Math.max(0, p - 48);
      if (holdsIgnoreCase(text, from, p, 'last') && SSN_LAST4_BEFORE.test(text.slice(from, p))) {
        env.emit('SSN', p, e, 0.9, 'ssn.last4');
        continue;
      }
    }
    if (p < d.maxEnd || before === 58 || (before === 46 && p > 1 && isDigitAt(text, p - 2))) continue;
    const sepNext = next === 32 || next === 45 || next === 46; // ' ' '-' '.'
    const next2 = e + 1 < len ? text.charCodeAt(e + 1) : 0;
    const digit2 = next2 >= 48 && next2 <= 57;
    const upper2 = (next2 >= 65 && next2 <= 90) || (next2 >= 0xc0 && next2 <= 0xde) || (next2 >= 0x386 && next2 <= 0x42f);
    if (before === 40 || before === 43) {
      // '(' or '+' may open a phone number or a UDI
      // UDI: "(01)" and 14 digits; NANP: "(" and 3 digits and ")", or "+1" and a separator, "(" or 3 digits
      if (before === 40 && L === 2 && next === 41 && text.charCodeAt(p) === 48 && text.charCodeAt(p + 1) === 49) d.tryAt(UDI, p - 1);
      if (before === 40 ? L === 3 && next === 41 : text.charCodeAt(p) === 49 && (L === 1 || L === 4)) d.tryAt(NANP, p - 1);
      d.tryAt(INTL, p - 1);
      if (before === 40 && p > 1 && text.charCodeAt(p - 2) === 43) d.tryAt(INTL, p - 2);
      // E.164 without separators: "+13125550108" (a NANP number: area code and exchange start 2-9)
      if (before === 43 && L === 11 && text.charCodeAt(p) === 49 && text.charCodeAt(p + 1) >= 50 && text.charCodeAt(p + 4) >= 50 && !isAlnum(next) && !(p > 1 && isAlnum(text.charCodeAt(p - 2)))) d.tryAt(E164, p - 1);
    }
    // The patterns tried at p start with a look-behind or a \b on the character before p: when
    // it rules them out, they are not run (the digit run is maximal, so that character is no digit).
    const wordBefore = isWordCode(before);
    // (?<![\w-]): SSN, NANP (also not '+'), INTL (also not '+' '.'), 10-digit, card and ZIP numbers
    const lbDash = !wordBefore && before !== 45;
    // (?<![\w/.:-]): numeric dates and house numbers before a street name
    const lbDate = lbDash && before !== 47 && before !== 46;
    // SSN: 3 digits, '-' or ' ', 2 digits, the same separator, 4 digits (or 9 digits)
    if (lbDash && ((L === 3 && (next === 45 || next === 32) && runAt(digitStarts, digitEnds, di + 1, e + 1) === 2 && codeAt(text, e + 3) === next && runAt(digitStarts, digitEnds, di + 2, e + 4) === 4) || L === 9)) d.tryAt(SSN, p);
    // NANP from a digit: 3 digits, a separator, then 3 + separator + 4 digits or 7 digits; or '1', a separator, '(' or 3 digits
    if (lbDash && before !== 43 && (L === 3 || L === 1) && (sepNext || (L === 3 && next === 47)) && (digit2 || next2 === 40)) {
      if (L === 3 ? nanpRest(text, digitStarts, digitEnds, e + 1, di + 1) : text.charCodeAt(p) === 49 && (next2 === 40 || runAt(digitStarts, digitEnds, di + 1, e + 1) === 3)) d.tryAt(NANP, p);
    }
    if (lbDash && before !== 43 && before !== 46 && L >= 2 && L <= 5 && sepNext && (digit2 || next2 === 40) && !(L <= 4 && next !== 32 && intlDateOnly(text, digitStarts, digitEnds, e, di))) d.tryAt(INTL, p);
    if (lbDash && L === 10) {
      d.tryAt(BARE10, p);
      const c0 = text.charCodeAt(p);
      if (c0 === 49 || c0 === 50) d.tryAt(NPI, p); // [12]\d{9}
    }
    if (lbDate && L <= 2 && (next === 47 || next === 46 || next === 45)) {
      // NUM_DATE: 1-2 digits, the same separator, 2 or 4 digits; SHORT_DATE: 1-2 digits after '/'
      const l1 = runAt(digitStarts, digitEnds, di + 1, e + 1);
      const l2 = l1 >= 1 && l1 <= 2 && text.charCodeAt(e + 1 + l1) === next ? runAt(digitStarts, digitEnds, di + 2, e + 2 + l1) : 0;
      if (!((l2 === 2 || l2 === 4) && d.tryAt(NUM_DATE, p)) && next === 47 && !(l1 >= 1 && l1 <= 2 && d.tryAt(SHORT_DATE, p))) d.tryAt(MONTH_YEAR, p);
    }
    if (L === 4 && (next === 45 || next === 47 || next === 46)) {
      // NAMED_DATE from 4 digits: "2024-Mar-14", "2024/mar/14"
      if ((!lbDate || !d.tryAt(ISO_DATE, p)) && !digit2 && !wordBefore && next !== 46 && monthAt(text, e + 1)) d.tryAt(NAMED_DATE, p);
    }
    // "14 March", "14-Mar-", "14/Mar/", "14th of March", "1st March"
    if (!wordBefore && L <= 2 && (next === 32 || next === 45 || next === 47 || next === 115 || next === 110 || next === 114 || next === 116) && monthAfterDay(text, e)) d.tryAt(NAMED_DATE, p);
    if (lbDash && L === 8) d.tryAt(COMPACT_DATE, p);
    if (lbDash && L === 6) d.tryAt(COMPACT6_DATE, p);
    // "14MAR1962", "14.Mar.1962"
    if (!wordBefore && before !== 46 && before !== 45 && L <= 2 && (next === 46 ? monthAt(text, e + 1) && text.charCodeAt(e + 4) === 46 && isDigitAt(text, e + 5) : monthAt(text, e) && isDigitAt(text, e + 3))) d.tryAt(DAY_MON_YEAR_DATE, p);
    if (!wordBefore && ((L === 2 && before !== 46 && text.charCodeAt(p) === 57) || (L === 3 && text.charCodeAt(p) === 49))) {
      if (
        !(ageWordAfter(text, e) && d.tryAt(AGE_NUM, p)) &&
        !((next === 70 || next === 77 || next === 121 || next === 89 || (next === 32 && (next2 === 70 || next2 === 77 || next2 === 121 || next2 === 89))) && d.tryAt(AGE_SEX, p)) &&
        (before === 32 || before === 40)
      ) {
        d.tryAt(AGE_SAID, p);
      }
    }
    // CARD: 4 digits, the separator, then a digit
    if (lbDash && L === 4 && (next === 32 || next === 45) && digit2) d.tryAt(CARD, p);
    if (lbDash && L >= 12 && L <= 19) d.tryAt(CARD_PLAIN, p);
    if (before !== 46 && L <= 3 && next === 46 && dottedQuadRest(text, digitStarts, digitEnds, e + 1, di + 1)) {
      // an IPv4 match here starts with these octets: in a private range its candidate would be
      // dropped (below the IP floor), so it is not looked for (most addresses in logs are private)
      PRIVATE_IPV4_AT.lastIndex = p;
      if (!(privateIpDropped && PRIVATE_IPV4_AT.test(text))) d.tryAt(ipv4, p);
    }
    // a grid house number ("N2741 County Road OA"): a direction letter alone before 3-6 digits
    if (L >= 3 && L <= 6 && next === 32 && (upper2 || digit2) && (before === 78 || before === 83 || before === 69 || before === 87) && !(p > 1 && isWordCode(text.charCodeAt(p - 2))) && streetSuffixAhead(text, e)) d.tryAt(addr.gridStreet, p - 1);
    // a house number: the street name after it is capitalised, a direction, or an ordinal (5th)
    if (!wordBefore && L <= 6 && ((next === 32 && (upper2 || digit2)) || (next >= 65 && next <= 90 && (next2 === 32 || next2 === 0)))) {
      if (!(streetSuffixAhead(text, e) && d.tryAt(addr.street, p)) && lbDate && next === 32 && upper2) d.tryAt(addr.numStreetNum, p);
    }
    if (lbDash && L === 5) {
      // a ZIP code, /(?<![\w-])\d{5}(?:-\d{4})?(?![\w-])/ (scored in finishAddresses)
      const z = next === 45 && digitsFrom(text, e + 1) === 4 ? e + 5 : e;
      const c = z < len ? text.charCodeAt(z) : 0;
      if (!(isWordCode(c) || c === 45)) st.zips.push({ start: p, end: z });
    }
  }
  // letter+digit runs (MBI, DEA, VIN, IBAN) hold a digit run: find them from there
  let mixedEnd = -1;
  for (let mi = 0; mi < nMixed; mi++) {
    const p = digitStarts[mixedRuns[mi]!]!;
    if (p < mixedEnd) continue;
    let s = p;
    while (s > 0 && isAlnum(text.charCodeAt(s - 1))) s--;
    let e = p;
    let letter = s < p;
    while (e < len && isAlnum(text.charCodeAt(e))) {
      if (text.charCodeAt(e) > 57) letter = true;
      e++;
    }
    mixedEnd = e;
    if (!letter) continue;
    const L = e - s;
    const c0 = text.charCodeAt(s);
    const c1 = text.charCodeAt(s + 1);
    if (L === 11 || (L === 4 && e < len && text.charCodeAt(e) === 45)) {
      if (c0 >= 49 && c0 <= 57 && isAsciiLetter(c1)) d.tryAt(MBI, s); // [1-9] and a letter
    } else if (L === 9) {
      if (isUpperAscii(c0) && (isUpperAscii(c1) || c1 === 57)) d.tryAt(DEA, s); // [A-Z][A-Z9]
    } else if (L === 17) d.tryAt(VIN, s);
    if (L >= 15 && p - s === 2) d.tryAt(IBAN, s); // two letters, two check digits
  }
  let lastColon = -10;
  let lastIpv6 = -1;
  for (const c of scan.colons) {
    // an IPv6 address has several colons close together
    if (c - lastColon > 5) {
      lastColon = c;
      continue;
    }
    lastColon = c;
    let s = c;
    while (s > 0 && c - s < 40 && isHexOrColon(text.charCodeAt(s - 1))) s--;
    // the colons of one address lead back to the same start: tried there once
    if (s === lastIpv6) continue;
    lastIpv6 = s;
    d.tryAt(ipv6, s);
  }

  // URLs without a scheme: "mychart.example.org/patient/8812"
  // A match's host is the whole run of [A-Za-z0-9.-] before a '/' ending in a letter (the
  // look-behind forbids starting inside such a run), so the pattern is tried only at those run
  // starts, in text order and after the previous match: the same matches as a global scan.
  // (the same walk over the '/' collects the '://' of URLs with a scheme, for below)
  const schemes: number[] = [];
  for (let k = text.indexOf('/'), from = 0; k !== -1; k = text.indexOf('/', k + 1)) {
    if (k > 0 && k + 1 < len && text.charCodeAt(k - 1) === 58 && text.charCodeAt(k + 1) === 47) schemes.push(k - 1);
    if (k < from) continue;
    const c = k > 0 ? text.charCodeAt(k - 1) | 32 : 0;
    if (c < 97 || c > 122) continue;
    // (a match's host ends at this '/' with '.' and one of its top-level domains)
    if (!topLevelDomainBefore(text, k)) continue;
    let r = k - 1;
    while (r > from && isHostCh(text.charCodeAt(r - 1))) r--;
    BARE_URL_RE.lastIndex = r;
    const bm = BARE_URL_RE.exec(text);
    if (bm === null) continue;
    from = bm.index + bm[0].length;
    const u = bm[0].replace(/[.,;:!?]+$/, '');
    const host = u.slice(0, u.indexOf('/')).toLowerCase();
    if (allowDomain(host) || !(URL_PERSONAL.test(u.slice(u.indexOf('/'))) || SOCIAL_PROFILE.test(u))) continue;
    env.emit('URL', bm.index, bm.index + u.length, 0.85, 'url.personal');
  }
  // URLs: native searches for their openings
  // (at an 'http' or 'HTTP' URL_RE matches only before '://' or 's://': those are found from the '://')
  for (const opener of ['http', 'www.', 'HTTP', 'WWW.']) {
    if (opener === 'http' || opener === 'HTTP') {
      for (const c of schemes) {
        if (text.startsWith(opener, c - 4)) d.tryAt(url, c - 4);
        else if (c > 0 && (text.charCodeAt(c - 1) | 32) === 115 && text.startsWith(opener, c - 5)) d.tryAt(url, c - 5);
      }
      continue;
    }
    for (let k = text.indexOf(opener); k !== -1; k = text.indexOf(opener, k + 4)) d.tryAt(url, k);
  }

  // Trigger words: the capitalised words whose spelling triggers a rule or ends like a street
  // name (the scan lists them: see the spelling facts registered above) merged in text order with the
  // lower-case label words the known-word pass found ("member id", "acct #").
  const { listed, listedInfos, triggerPos, triggerEntries, ws, we } = scan;
  const nListed = listed.length;
  const nTriggers = triggerPos.length;
  let li = 0;
  // the next lower-case trigger word's start (Infinity past the last)
  let nextKnown = nTriggers > 0 ? triggerPos[0]! : Infinity;
  for (let j = 0; j <= nListed; j++) {
    const i = j < nListed ? listed[j]! : -1;
    const pos = i >= 0 ? ws[i]! : Infinity;
    while (nextKnown < pos) {
      const kp = nextKnown;
      const entry = triggerEntries[li]!;
      nextKnown = ++li < nTriggers ? triggerPos[li]! : Infinity;
      let rules = entry.rule as readonly WordRule[] | null | undefined;
      if (rules === undefined) entry.rule = rules = WORD_MATCHERS.get(entry.word) ?? null;
      if (rules !== null) runWordRules(d, text, rules, kp);
    }
    if (i < 0) break;
    const t = listedInfos[j]!.trig as TriggerInfo;
    if (!t.trigger) {
      // a European street name before its number ("Koskikatu 25")
      const end = we[i]!;
      if (end < len && text.charCodeAt(end) === 32 && isDigitAt(text, end + 1)) d.tryAt(addr.intlSuffix, pos);
      continue;
    }
    if (t.matchers) runWordRules(d, text, t.matchers, pos);
    if (t.address) d.tryAt(addr.intlPrefix, pos);
    if (t.prefixStreet && pos > 1 && text.charCodeAt(pos - 1) === 32) d.tryAt(addr.prefixStreet, pos);
    if (t.pobox) d.tryAt(addr.pobox, pos);
    if (t.unit) d.tryAt(addr.unit, pos);
    if (t.state) cityBeforeState(env, i, st);
  }
  finishAddresses(env, st);
  assignedDevices(env);
}

/** "holter monitor BTX-7740219 assigned to pt …", "IMEI: 356938035643809 (assigned to patient)": a device issued to a patient. */
const ASSIGNED_TO_PATIENT = /assigned to (?:the |this |that )?(?:pt|patient)\b(?! (?:access|transport|registration|financial|experience|relations|services?|support|safety|logistics|flow|care|portal|rooms?|kiosks?|areas?|lounges?|wi-?fi|education|units?)\b)/gi;
function assignedDevices(env: RuleEnv): void {
  const { text } = env;
  if (text.indexOf('ssigned to') === -1) return;
  ASSIGNED_TO_PATIENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ASSIGNED_TO_PATIENT.exec(text)) !== null) {
    // the identifier right before: spaces and an opening bracket between them
    let e = m.index;
    while (e > 0 && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 40)) e--;
    let s = e;
    let digit = false;
    while (s > 0 && e - s <= 40 && (isAlnum(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 45)) {
      if (isDigitCode(text.charCodeAt(s - 1))) digit = true;
      s--;
    }
    if (e - s >= 6 && e - s <= 40 && digit && text.charCodeAt(s) !== 45) env.emit('DEVICE', s, e, 0.85, 'device.assigned');
    else {
      // "(Samsung Tab A8, asset HH-TAB-0331, IMEI 352901118840027) is assigned to patient …": the
      // labelled identifiers in the brackets before
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      const close = /\)[ \t]+(?:is|was|are|were|now)?[ \t]*$/.exec(before);
      if (close !== null) {
        const c = m.index - before.length + close.index;
        // the opening bracket, at most 200 characters back on the same line
        let open = c - 1;
        while (open >= 0 && c - open <= 200 && text.charCodeAt(open) !== 40 && text.charCodeAt(open) !== 10) open--;
        if (open >= 0 && c - open <= 200 && text.charCodeAt(open) === 40) labelledDeviceIds(env, open, c);
      }
    }
    // "Enrolled devices (assigned to patient):" over a list: the labelled identifiers of its lines
    const after = m.index + m[0].length;
    if (/^[ \t)]*:[ \t]*(?:\r?\n)/.test(text.slice(after, after + 8))) {
      let ls = text.indexOf('\n', after) + 1;
      for (let n = 0; n < 12 && ls > 0 && ls < text.length; n++) {
        let le = text.indexOf('\n', ls);
        if (le === -1) le = text.length;
        if (text.slice(ls, le).trim() === '') break;
        labelledDeviceIds(env, ls, le);
        ls = le + 1;
      }
    }
  }
}
/** A device's labelled identifiers: serial numbers, IMEI, SIM ICCID, MEID, asset tags. */
const DEVICE_ID_LABEL = /\b(?:S\/N|SN|serial(?:[ ]?(?:no\.?|number|#))?|IMEI|ICCID|MEID|asset(?:[ ]tag)?)[ \t]*[:#]?[ \t]*([A-Za-z0-9][A-Za-z0-9-]{3,30})(?![\w-])/gi;
function labelledDeviceIds(env: RuleEnv, from: number, to: number): void {
  const slice = env.text.slice(from, to);
  DEVICE_ID_LABEL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DEVICE_ID_LABEL.exec(slice)) !== null) {
    const v = m[1]!;
    if (!/\d/.test(v)) continue;
    const s = from + m.index + m[0].length - v.length;
    env.emit('DEVICE', s, s + v.length, 0.85, 'device.assigned');
  }
}

/**
 * Test-only, for test/unit/phi-charcode-regex.test.ts: the char-code helpers that stand for a
 * regex, and the matchers and patterns the tests hold them (and the matchers' `pre` and `at`) to.
 */
export const __testing = {
  // char-code gates (necessary conditions) and the regexes they stand before, and exact char-code versions of small regexes
  intlDigitsFrom,
  facilityWordIn,
  FACILITY_BEFORE,
  accountFieldBefore,
  ACCOUNT_FIELD_BEFORE,
  camelHump,
  trimTrailingPunct,
  hasDigit,
  dashOrCommaBefore,
  serialLabelBefore,
  SERIAL_BEFORE,
  faxWordBefore,
  FAX_LABEL,
  FAX_FAR,
  faxAfter,
  FAX_AFTER,
  ticketLabelBefore,
  TICKET_LABEL_BEFORE,
  tollFree,
  TOLL_FREE,
  eventDateWordEnd,
  EVENT_DATE_WORD_BEFORE,
  EVENT_PHRASE_BEFORE,
  collectedWordBefore,
  COLLECTED_BEFORE,
  personEventBefore,
  PERSON_EVENT_BEFORE,
  holdsIgnoreCase,
  gluedDateLabel,
  gluedLabelOk,
  hourMinuteAt,
  timeAfterAt,
  clockEnd,
  firstYearLongAgo,
  namedDateBase,
  eventPhraseBefore,
  monthAt,
  monthAfterDay,
  dateAfterMonth,
  digitSoon,
  monthSlashYear,
  yearAfterMonth,
  ageWordAfter,
  streetSuffixAhead,
  numStreetNumPossible,
  NUM_STREET_NUM_RE,
  wordBeforeZip,
  intlDateOnly,
  nanpRest,
  dottedQuadRest,
  isAlnum,
  isHexOrColon,
  isHostCh,
  STREET_SUFFIXES,
  STREET_RE,
  ipMatcher,
  matchers: { INTL, CARD, NAMED_DATE, MONTH_YEAR, AGE_NUM, NUM_DATE, ISO_DATE, COMPACT6_DATE, COMPACT_DATE, BARE10 },
};

/**
 * A record number given in answer to a chat's question for it: "[2:42 PM] Omari (IT): sure,
 * what's the MRN?" then "[2:42 PM] jenna k: 1190827", or "mrn?" then a reply of its own that starts
 * "01928374, admitted 2/28"; an encounter's number ("what's the appt CSN?") or a member's too. The
 * answer is the first message of the three lines after the question that starts with a number of
 * 6-12 digits (after the speaker's stamp and name) ending the message or followed by punctuation
 * ("1234567 rows in the extract" is no answer). The question's groups: 1 an MRN, 2 an encounter's
 * number, 3 a member's.
 */
/** The longest question word of ID_QUESTION ("medical record number") and a little more. */
const QUESTION_SPAN = 24;
const ID_QUESTION = /\b(?:(mrn|mr ?#|medical record(?: number| #)?|chart (?:number|#))|(csn|fin|har|encounter(?: number| #| id)?|visit (?:number|#|id)|(?:appt|appointment) (?:csn|id|#))|(member (?:id|#|number)|subscriber (?:id|#|number)|policy (?:number|#)))[ \t]*\?$/i;
const ANSWER_LINE = /^[ \t>]*(?:\[[^\]\n]{1,40}\][ \t]*)?(?:[^:\n\d][^:\n]{0,59}:[ \t]+)?(\d{6,12})(?=[ \t]*$|[.,;)](?!\d)|[ \t]+[^\sA-Za-z])/;
export function answeredIds(text: string, emit: Emit): void {
  let q = text.indexOf('?');
  if (q === -1) return;
  let after = 0;
  // the first '\n' at or after a question's end (questions come in text order: a long line of
  // them is searched once), and every line after a question is read at most once
  let nl = -2;
  // Each question ends at a '?' and holds no other: it is looked for only right before each '?'
  // (its words end where the spaces before the '?' start, and are at most QUESTION_SPAN long),
  // in a slice that starts after a non-word character, so its leading \b reads as in the text.
  let prev = -1;
  for (; q !== -1; prev = q, q = text.indexOf('?', q + 1)) {
    let k = q;
    while (k > prev + 1 && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 9)) k--;
    let s0 = Math.max(prev + 1, k - QUESTION_SPAN);
    while (s0 > 0 && s0 < k && isWordCode(text.charCodeAt(s0 - 1))) s0++;
    if (s0 >= k) continue;
    const m = ID_QUESTION.exec(text.slice(s0, q + 1));
    if (m === null) continue;
    const qEnd = q + 1;
    if (nl !== -1 && nl < qEnd) nl = text.indexOf('\n', qEnd);
    if (nl === -1) break;
    let ls = nl;
    if (ls < after) {
      ls = text.indexOf('\n', after);
      nl = ls;
    }
    for (let j = 0; j < 3 && ls !== -1; j++) {
      const s = ls + 1;
      const e = text.indexOf('\n', s);
      after = e === -1 ? text.length : e;
      const line = text.slice(s, Math.min(after, s + 120));
      const a = ANSWER_LINE.exec(line);
      if (a) {
        const at = s + a.index + a[0].length - a[1]!.length;
        const [type, rule] = m[1] !== undefined ? ['MRN', 'mrn.answer'] as const : m[2] !== undefined ? ['OTHER_ID', 'other.answer'] as const : ['HEALTH_PLAN_ID', 'plan.answer'] as const;
        emit(type, at, at + a[1]!.length, 0.9, rule);
        break;
      }
      ls = e;
    }
  }
}

/**
 * A release-of-information request's number, as HIM systems number them ("ROI-25-01882",
 * "ROI-24-0071523", "ROI-2025-01873", "ROI-88122901"): one patient's records request, whatever the words around it.
 */
// ("ROI-" and up to seven digits is also a Jira issue key's shape, which the key allowlist takes: eight at least)
const ROI_REQUEST = /^ROI-(?:\d{2}-\d{4,8}|(?:19|20)\d{2}-\d{4,8}|\d{8,10})(?![\w-])/;
export function roiRequests(text: string, emit: Emit): void {
  for (let k = text.indexOf('ROI-'); k !== -1; k = text.indexOf('ROI-', k + 4)) {
    if (k > 0 && isWordCode(text.charCodeAt(k - 1))) continue;
    const m = ROI_REQUEST.exec(text.slice(k, k + 24));
    if (m !== null) emit('OTHER_ID', k, k + m[0].length, 0.85, 'other.roi-request');
  }
}

// ---------------------------------------------------------------------------------------------
// Dates written in Spanish by patients and relatives: "12 de junio de 1962", "el 18 de marzo"

const SPANISH_DATE =
  /\b(?:[0-3]?\d|primero) de (?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)(?: (?:de|del) (?:19|20)\d{2})?\b/gi;
/**
 * Dates in Spanish. With a year they are a person's (a birth, a visit); without one, a day near
 * Spanish words of care ("cita", "nací", "fecha de nacimiento", "visita") is the patient's.
 */
export function spanishDates(text: string, emit: Emit): void {
  if (text.indexOf(' de ') === -1) return;
  SPANISH_DATE.lastIndex = 0;
  for (let m = SPANISH_DATE.exec(text); m !== null; m = SPANISH_DATE.exec(text)) {
    const withYear = /\d{4}$/.test(m[0]);
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const score = withYear || SPANISH_CARE_BEFORE.test(before) ? 0.9 : 0.55;
    emit('DATE', m.index, m.index + m[0].length, score, 'date.spanish');
  }
}
const SPANISH_CARE_BEFORE = /\b(?:cita|citas|nac[ií]|naci[oó]|nacimiento|visita|consulta|operaci[oó]n|cirug[ií]a|ingreso|alta|muri[oó]|falleci[oó])\b[^\n]{0,30}$/i;
