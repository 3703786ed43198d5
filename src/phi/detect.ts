/**
 * The PHI detector: runs every rule over a text, adjusts scores by context, applies settings
 * (per-type switch and threshold, custom patterns, allowlists) and returns non-overlapping
 * findings sorted by position. Pure and synchronous; no Forge imports.
 */
import { isAsciiAlnum as isAlnumCode, isDigitCode, isWordCode } from './chars';
import { Cue, Scan, WordTag, registerWords, tagWords } from './context';
import { nameWords, type StaffDirectory } from './directory';
import { RECORD_ID_AFTER, nameRule, newbornNames, possessiveNames } from './names';
import { answeredIds, runPatternRules, type RuleEnv } from './patterns';
import { KV_KEYS, aamvaRule, csvRule, dicomRule, hl7Rule, jsonRule, keyValueRule, ncpdpRule, tableRule, x12Rule } from './structured';
import { DEFAULT_KEY_PATTERNS, compileSettings, type CompiledSettings } from './settings';
import { PHI_TYPES, type DetectorSettings, type Finding, type PhiType } from './types';
import { Workforce, isConsumerMail } from './workforce';

registerWords(KV_KEYS);
tagWords(KV_KEYS, WordTag.KvKey);

/** How far around a candidate to look for an allowlisted key or a mask that contains it. */
const WINDOW_PAD = 40;

const ZPL_FIELD_DATA = /\^FD/g;
/** Masks this app writes (`[PHI:SSN]`) are never PHI themselves: redacting twice changes nothing. */
const MASK_RE = /\[PHI:[A-Z_]+\](?:[A-Za-z0-9]{1,4})?/g;

export interface DetectOptions {
  /**
   * The text is part of something known to concern a patient (another field of the same issue
   * names one): with staffContext, its people are read as they would be next to a patient, not
   * as an IT ticket's staff.
   */
  patient?: boolean;
}

export interface Detector {
  readonly settings: DetectorSettings;
  detect(text: string, options?: DetectOptions): Finding[];
  /** Does the text show a patient (patient words, a patient's identifier or data, a person's own facts)? */
  mentionsPatient(text: string): boolean;
}

export function createDetector(partial: Partial<DetectorSettings> = {}): Detector {
  const compiled = compileSettings(partial);
  const withFloors: DetectorCompiled = { ...compiled, floors: scoreFloors(compiled.settings.types) };
  return {
    settings: compiled.settings,
    detect: (text, options) => detectWith(withFloors, text, options?.patient === true),
    mentionsPatient: (text) => {
      // (the rules' candidates are all it needs: the workforce check and the merging are skipped)
      const report = { patient: false, only: true };
      detectWith(withFloors, text, false, report);
      return report.patient;
    },
  };
}

/** Compiled settings and, per type, the lowest score a candidate is kept with. */
interface DetectorCompiled extends CompiledSettings {
  floors: Readonly<Record<PhiType, number>>;
}

/**
 * Per type, the lowest score emit keeps: the threshold, or NEAR_PHI_BOOST below it for the types
 * a nearby anchor can lift (kept aside as weak candidates); Infinity when the type is switched off.
 */
export function scoreFloors(types: DetectorSettings['types']): Record<PhiType, number> {
  const floors = {} as Record<PhiType, number>;
  for (const type of PHI_TYPES) {
    const setting = types[type];
    floors[type] = !setting.enabled ? Infinity : NEAR_PHI_TYPES.has(type) ? setting.threshold - NEAR_PHI_BOOST : setting.threshold;
  }
  return floors;
}

let defaultDetector: Detector | undefined;
/** Detect with default settings. */
export function detect(text: string, options?: DetectOptions): Finding[] {
  defaultDetector ??= createDetector();
  return defaultDetector.detect(text, options);
}

/**
 * `patient`: skip the no-patient rule (the caller knows the text concerns a patient). `report`,
 * when given, is told whether the text itself shows a patient (mentionsPatient); with `only`, that
 * is all that is done (no findings are returned).
 */
function detectWith(c: DetectorCompiled, text: string, patient = false, report?: { patient: boolean; only?: boolean }): Finding[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  // ZPL label code glues its field-data command to the value ("^FDMRN 3390127^FS"): the rules read
  // it as a separator (same length, so every offset stays the input's)
  if (text.indexOf('^FD') !== -1) text = text.replace(ZPL_FIELD_DATA, '^  ');
  let candidates: Finding[] = [];
  let weak: Finding[] = [];
  const types = c.settings.types;
  const floors = c.floors;
  const emit = (type: PhiType, start: number, end: number, score: number, rule: string) => {
    // (written so that a NaN score is dropped too)
    if (!(score >= floors[type]) || end <= start) return;
    (score >= types[type].threshold ? candidates : weak).push({ type, start, end, score: Math.round(score * 1000) / 1000, rule });
  };
  const scan = new Scan(text);
  // regions that are never PHI: rules' quiet regions (a site's address), then allowlisted keys and masks
  const blocked: Array<[number, number, boolean]> = [];
  const env: RuleEnv = { text, scan, emit, emitted: () => candidates.length + weak.length, floors, quiet: blocked };
  runPatternRules(env, c.allowDomain, c.allowIp);
  nameRule(scan, emit, types.NAME.enabled ? types.NAME.threshold : 2);
  newbornNames(text, emit);
  possessiveNames(text, emit);
  answeredIds(text, emit);
  // (fields the structured rules know to be codes or staff join the quiet regions)
  const quiet = (start: number, end: number) => void blocked.push([start, end, false]);
  hl7Rule(text, emit, quiet);
  csvRule(text, emit);
  keyValueRule(text, emit, kvKeyPositions(scan));
  jsonRule(text, emit);
  dicomRule(text, emit, quiet);
  x12Rule(text, emit, quiet);
  aamvaRule(text, emit);
  ncpdpRule(text, emit, quiet);
  tableRule(text, emit, scan.newlines);
  // the admin's own patterns (run by RE2: linear time whatever they are)
  for (const format of c.mrn) format.each(text, (start, end) => emit('MRN', start, end, 0.9, 'mrn.site-format'));
  for (const { spec, pattern } of c.custom) {
    const rule = `custom:${spec.id}`;
    const score = spec.score ?? 0.98;
    pattern.each(text, (start, end) => emit(spec.type, start, end, score, rule));
  }
  if (report !== undefined) {
    report.patient = patientEvidence(scan, text, candidates, c.allowDomain);
    if (report.only) return [];
  }
  if (candidates.length === 0) return candidates;
  if (c.settings.staffContext && !patient && itContext(scan, candidates) && !(report?.patient ?? patientEvidence(scan, text, candidates, c.allowDomain))) {
    // an IT ticket with no sign of a patient anywhere names staff, vendors and sites only
    const kept = (f: Finding) => !NO_PATIENT_TYPES.has(f.type) || isStructured(f.rule) || isAdmins(f.rule);
    candidates = candidates.filter(kept);
    if (weak.length > 0) weak = weak.filter(kept);
    if (candidates.length === 0) return candidates;
  }
  // The site's own staff by the workforce directory: their names are not echoed, and they leave the
  // candidates after weak candidates near them were lifted (as without a directory: the directory
  // takes away the staff's names and contacts, nothing else).
  let staff: Set<Finding> | undefined;
  if (c.directory.size > 0) {
    const found = directoryStaff(scan, candidates, c.directory, c.allowDomain);
    if (found.size > 0) {
      staff = found;
      // (nothing found later inside a staff name is PHI: "Maria" of a patient Maria Gomez in "Maria Lopez")
      for (const f of found) blocked.push([f.start, f.end, false]);
      if (weak.length > 0) {
        // a weak candidate with a staff name's text is that person (a lift from PHI nearby must not bring it back)
        const names = new Set<string>();
        for (const f of found) if (f.type === 'NAME') names.add(text.slice(f.start, f.end));
        weak = weak.filter((f) => f.type !== 'NAME' || !names.has(text.slice(f.start, f.end)));
      }
    }
  }
  const named = nameEchoes(scan, staff ? candidates.filter((f) => !staff!.has(f)) : candidates);
  if (named.length > 0) candidates = candidates.concat(named);
  if (c.settings.staffContext) {
    // the workforce's own names, addresses and numbers (signatures, attribution lines) are not PHI
    let workforce: Workforce | undefined;
    const keep = (f: Finding) =>
      !STAFF_TYPES.has(f.type) || isStructured(f.rule) || !(workforce ??= new Workforce(text, c.allowDomain, scan.newlines)).has(f.type, f.start, f.end);
    const before = candidates;
    candidates = candidates.filter(keep);
    // a name the text also gives a patient is that patient's wherever it stands ("Attendees: Maria
    // Garcia, …" over "Maria Garcia was admitted"): what the workforce check took is given back
    if (candidates.length < before.length) candidates = restoreNamedAgain(text, before, candidates);
    if (weak.length > 0) weak = weak.filter(keep);
    if (candidates.length === 0) return candidates;
  }
  if (weak.length > 0) candidates = candidates.concat(boostNearPhi(candidates, weak, types));
  if (staff !== undefined) {
    candidates = candidates.filter((f) => !staff!.has(f));
    if (candidates.length === 0) return candidates;
  }
  const again = echoes(scan, candidates).concat(siblings(text, candidates));
  if (again.length > 0) candidates = candidates.concat(again.filter(uncovered(candidates)));

  // Allowlisted keys and this app's own masks, looked for only around the candidates (a key or
  // mask that holds a candidate overlaps it), join the rules' quiet regions in `blocked`.
  // the built-in issue-key pattern is matched by char code (issueKeys); the admin's key patterns by RE2
  const keyPatterns = c.keyPatterns.filter((k) => !isIssueKeyPattern(k));
  const issueKeyPattern = c.keyPatterns.some(isIssueKeyPattern);
  let covered = -1;
  candidates = sortFindings(candidates, true);
  // a key pattern other than the built-in one may match without a '-': every window is searched for it
  const customKeys = keyPatterns.length > 0;
  // the next '-' and '[PHI:' at or after a window's start (windows start in increasing order)
  let dash = -2;
  let mask = -2;
  for (const cand of candidates) {
    if (cand.end <= covered) continue;
    const from = Math.max(0, cand.start - WINDOW_PAD);
    const to = Math.min(text.length, cand.end + WINDOW_PAD);
    covered = to - WINDOW_PAD;
    if (dash !== -1 && dash < from) dash = text.indexOf('-', from);
    if (mask !== -1 && mask < from) mask = text.indexOf('[PHI:', from);
    const mayHoldIssueKey = dash !== -1 && dash < to;
    if (issueKeyPattern && mayHoldIssueKey) issueKeys(text, from, to, dash, blocked);
    const mayHoldMask = mask !== -1 && mask + 5 <= to;
    if (!customKeys && !mayHoldMask) continue;
    const window = text.slice(from, to);
    for (const { pattern, builtIn } of keyPatterns) pattern.each(window, (s, e) => blocked.push([from + s, from + e, builtIn]));
    if (mayHoldMask) {
      MASK_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = MASK_RE.exec(window)) !== null) blocked.push([from + m.index, from + m.index + m[0].length, false]);
    }
  }
  return resolve(candidates, blocked);
}

/** The built-in issue-key pattern, which `issueKeys` matches by char code. */
const ISSUE_KEY_SOURCE = DEFAULT_KEY_PATTERNS[0]!;
const isIssueKeyPattern = (k: { pattern: { source: string }; builtIn: boolean }) => k.builtIn && k.pattern.source === ISSUE_KEY_SOURCE;

/**
 * The matches of `/\b[A-Z][A-Z0-9_]{1,9}-\d{1,7}\b/g` (ISSUE_KEY_SOURCE) in text.slice(from, to),
 * pushed to `blocked` as text offsets (built in, so a PHI label still wins), by char code; `dash` is
 * the first '-' at or after from. A match holds one '-': before it, a whole word of 2-10
 * characters of [A-Z0-9_] starting with [A-Z] (a word starts after a non-word character or at the
 * slice's start: no match starts inside a word); after it, a whole run of 1-7 digits (a longer run
 * or a word character after it leaves no \b for a shorter take). So each '-' gives at most one
 * match, matches cannot overlap, and they are the regex's global matches in the same order.
 */
export function issueKeys(text: string, from: number, to: number, dash: number, blocked: Array<[number, number, boolean]>): void {
  for (let h = dash; h !== -1 && h < to; h = text.indexOf('-', h + 1)) {
    // the word before the '-'
    let s = h;
    while (s > from && h - s <= 10 && isKeyChar(text.charCodeAt(s - 1))) s--;
    const w = h - s;
    if (w < 2 || w > 10) continue;
    const c0 = text.charCodeAt(s);
    if (c0 < 65 || c0 > 90 || (s > from && isWordCode(text.charCodeAt(s - 1)))) continue;
    // the digits after it
    let e = h + 1;
    while (e < to && e - h <= 7) {
      const c = text.charCodeAt(e);
      if (c < 48 || c > 57) break;
      e++;
    }
    const d = e - h - 1;
    if (d < 1 || d > 7 || (e < to && isWordCode(text.charCodeAt(e)))) continue;
    blocked.push([s, e, true]);
  }
}
/** [A-Z0-9_]. */
const isKeyChar = (c: number) => (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

const BY_START = (a: Finding, b: Finding) => a.start - b.start;
const BY_START_LONGEST = (a: Finding, b: Finding) => a.start - b.start || b.end - a.end;

/**
 * Findings by start (then longest first when `longestFirst`), in their order otherwise: what a
 * stable sort with BY_START / BY_START_LONGEST gives, done as a numeric sort of packed keys
 * (start, 65535 - length or 0, index) when they fit in a double, else with the comparator.
 */
function sortFindings(list: Finding[], longestFirst: boolean): Finding[] {
  const n = list.length;
  if (n < 2) return list;
  const cmp = longestFirst ? BY_START_LONGEST : BY_START;
  if (n >= 1 << 16) return list.sort(cmp);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const f = list[i]!;
    const len = f.end - f.start;
    if (f.start >= 1 << 21 || len >= 1 << 16) return list.sort(cmp);
    // start (21 bits), 65535 - length or 0 (16 bits), index (16 bits): exact in a double
    keys[i] = f.start * 4294967296 + (longestFirst ? 65535 - len : 0) * 65536 + i;
  }
  keys.sort();
  const out: Finding[] = new Array(n);
  // the index is the key's low 16 bits (>>> 0 takes the key modulo 2^32, exactly: it is an integer)
  for (let i = 0; i < n; i++) out[i] = list[(keys[i]! >>> 0) & 0xffff]!;
  return out;
}

function kvKeyPositions(scan: Scan): number[] {
  const out: number[] = [];
  const { knownPos, knownEntries } = scan;
  for (let k = 0; k < knownPos.length; k++) if ((knownEntries[k]!.tags & WordTag.KvKey) !== 0) out.push(knownPos[k]!);
  return out;
}

/** The structured-data rules' findings (HL7, CSV, key=value, JSON) are data, never a signature. */
const isStructured = (rule: string) =>
  rule.startsWith('hl7.') || rule.startsWith('csv.') || rule.startsWith('kv.') || rule.startsWith('json.') || rule.startsWith('dicom.') || rule.startsWith('x12.') || rule.startsWith('table.') || rule.startsWith('aamva.') || rule.startsWith('ncpdp.') || rule === 'name.hl7';

/**
 * Words that tie a ticket to a person's own life: birth and death, a statement, a move, someone's
 * own address or phone ("she moved to Erie", "Jennifer Panza's mobile"), a person's documents.
 */
const PERSON_FACTS =
  /\b(?:date of (?:birth|service|death|admission|discharge|injury|visit|surgery|procedure|encounter|onset|accident|delivery)|birth ?date|born|birthday|deceased|died|statements?|charts|scanned id|insurance card|eligibility|copay|deductible|prior auth(?:orization)?|(?:he|she|they) (?:moved|relocated|lives|lived|resides)|lives (?:at|in|on)|resides|(?:my|your|his|her|their)(?: new| home| own)? (?:address|home phone|dob|birthday|bill|lab|labs|results?|appointment|appt|meds|medications?|prescriptions?|chart|records?|insurance|doctor|visit|statement)|(?:was|were|is|got|been|be) (?:registered|admitted|seen|discharged)|registered (?:twice|under|as)|(?:imaging|image|images|film|outside) (?:cd|disc|disk)|['’]s (?:new |home )?(?:cell|mobile|home phone|address|dob|date of birth|call ?back)(?: #| number| no\.?)? (?:to|is|was|on file|changed|should))/i;
/** What an IT ticket without a patient in it names: staff, vendors, sites and their dates. */
const NO_PATIENT_TYPES: ReadonlySet<PhiType> = new Set<PhiType>(['NAME', 'EMAIL', 'PHONE', 'FAX', 'ADDRESS', 'ZIP', 'URL', 'DATE', 'IP']);
/** Findings that are a patient's whatever the words around them: with one of these, the ticket has a patient. */
const PATIENT_ID_TYPES: ReadonlySet<PhiType> = new Set<PhiType>(['SSN', 'MRN', 'HEALTH_PLAN_ID', 'BIOMETRIC', 'AGE', 'ACCOUNT', 'DEVICE', 'VEHICLE', 'OTHER_ID']);
/** Is the text an IT ticket: technical or IT-equipment words in it, other than inside a name ("Mrs. Jenkins")? */
function itContext(scan: Scan, candidates: Finding[]): boolean {
  let inName: ((s: number, e: number) => boolean) | undefined;
  for (const cue of [Cue.Tech, Cue.ItDevice]) {
    for (const p of scan.cueWords(cue)) if (!(inName ??= containment(candidates.filter((f) => f.type === 'NAME')))(p, p + 1)) return true;
  }
  return DESK_BUSINESS.test(scan.text);
}
/** An IT desk's business with vendors and accounts (the technical words are the Tech and ItDevice cues). */
const DESK_BUSINESS =
  /\b(?:vendor|invoice|licen[cs]es?|renewal|contract|quote|procurement|purchase order|PO \d|password|badge|access request|new hire|onboarding|offboarding|on-?call|change request|service desk|help ?desk|epic|hyperspace|haiku|canto|rover|cerner|powerchart|meditech|athena(?:one|health)?|allscripts|nextgen|outlook|ms teams|teams (?:call|meeting|channel|chat)|zoom|webex|sharepoint|onedrive|onenote|office ?365|m365|windows|macos|chromebook|iphone|ipad|android|voicemail|vocera|spok|pager|imprivata|duo|okta|mfa|2fa|wi-?fi|network|mailbox|inbox|distribution list|shared drive|login|log ?in|logon|sign-?in|locked out|lockout|unlock|install(?:ed|ing)?|update[ds]?|upgrade[ds]?|crash(?:es|ed|ing)?|freez(?:e|es|ing)|outage|ticket|inc\d{5,}|ritm\d+|chg\d+|interface|dashboard|report(?:ing)? (?:server|tool|job)|software|hardware|application|app|citrix|pacs|dragon|kronos|workday|servicenow|jira|confluence|copier|fax machine|toner|label printer|scanner|monitor|dock|headset|webcam|camera|kiosk|tablet|laptop|desktop|computer|pc|reboot(?:ing|ed)?|no signal)\b/i;
/**
 * Is there a patient anywhere in the text: a patient word (patient, MRN, DOB, a relative,
 * admitted, MyChart…), a person's own facts (PERSON_FACTS), a patient's identifier among the
 * candidates, or structured patient data (HL7, CSV, JSON, DICOM, X12, tables)?
 */
function patientEvidence(scan: Scan, text: string, candidates: Finding[], ownDomain: (domain: string) => boolean): boolean {
  for (const p of scan.cueWords(Cue.Patient)) if (patientWordAt(text, p)) return true;
  if (candidates.some((f) => PATIENT_ID_TYPES.has(f.type) || isStructured(f.rule) || isAdmins(f.rule) || (f.type === 'DATE' && birthYear(text, f)) || (f.type === 'EMAIL' && personalMail(text, f, ownDomain)) || (f.type === 'URL' && SOCIAL_PROFILE_URL.test(text.slice(f.start, f.end))))) return true;
  return PERSON_FACTS.test(scan.text) || CARE_FOR_NAME.test(scan.text);
}
/**
 * Is the patient word at p about a patient? Not a department, unit or system named with it
 * ("Patient Access", "Inpatient pharmacy", "Medication Room PC", "DOB field", "infant protection"),
 * nor a service line ("inpatient", "outpatient") or a bed alone.
 */
function patientWordAt(text: string, p: number): boolean {
  let e = p;
  while (e < text.length && isWordChar(text.charCodeAt(e))) e++;
  const word = text.slice(p, e).toLowerCase();
  // "the patient's account": the patient's own
  if (word.endsWith("'s") || text.charCodeAt(e) === 0x2019) return true;
  if (SERVICE_LINE_WORDS.has(word)) return false;
  // "test patient ZZTEST, ONE": a build's test record; "web proxy": a network's
  const before = text.slice(Math.max(0, p - 12), p);
  if (TEST_BEFORE.test(before) || (word === 'proxy' && SYSTEM_BEFORE.test(before))) return false;
  // "Requested by Sister Mary Catherine Doyle, Pastoral Care": a religious title, not a relative;
  // "our sister hospital", "the Brother printer": no relative either
  if (word === 'sister' || word === 'brother' || word === 'grandfather') {
    if ((text.charCodeAt(p) === 83 || text.charCodeAt(p) === 66) && !/\b(?:my|his|her|their|your|pt['’]s|patient['’]s|the)[ \t]+$/i.test(before)) return false;
    if (SIBLING_THING_AFTER.test(text.slice(e, e + 24))) return false;
  }
  return !PLACE_AFTER.test(text.slice(e, e + 32));
}
/** What "sister", "brother" or "grandfather" names when it is no relative: "sister hospital", "Brother HL-L2350", "grandfather clause". */
const SIBLING_THING_AFTER = /^[ \t]*(?:hospitals?|sites?|facilit(?:y|ies)|clinics?|campus(?:es)?|organi[sz]ations?|compan(?:y|ies)|orgs?|systems?|printers?|scanners?|label|models?|drivers?|toner|servers?|vms?|practices?|entit(?:y|ies)|tenants?|domains?|instances?|environments?|clause|p-touch|[A-Z]{1,4}-?[A-Z]?\d)/i;
const TEST_BEFORE = /\b(?:test|dummy|fake|sample|training|demo)[ \t]+$/i;
/** Words before "proxy" that make it a network's ("web proxy", "Zscaler proxy"), not a patient's proxy. */
const SYSTEM_BEFORE = /\b(?:web|http|https|reverse|forward|squid|zscaler|ssl|api|cloud|socks)[ \t]+$/i;

const isWordChar = (c: number) => isAlnumCode(c) || c === 46 || c === 39;
const SERVICE_LINE_WORDS: ReadonlySet<string> = new Set(['inpatient', 'outpatient', 'bed', 'inpatients', 'outpatients', 'beds']);
/** Words after a patient word that make it a department, a place or a system's ("Patient Access", "DOB field"). */
const PLACE_AFTER =
  /^[ \t]*(?:access|accounts?|financial|experience|registration|relations|services?|support|safety|transport|logistics|flow|lab|labs|clinic|clinics|pharmacy|surgery|center|centre|department|dept|unit|units|rehab|imaging|infusion|care|room|rooms|cart|carts|cabinet|cabinets|station|dispensing|administration|protection|security|system|systems|field|fields|format|column|validation|wifi|wi-fi|guest|education|satisfaction|portal (?:outage|upgrade|downtime|release|build|team))\b|^\/(?:baby|infant)\b/i;
/**
 * Does a date say a year long ago ("7/7/1977", "12/11/1931": before LONG_AGO_YEAR)? An IT ticket's
 * dates are this year's and last; a date decades back is a person's birth date.
 */
function birthYear(text: string, f: Finding): boolean {
  for (let k = f.start; k + 4 <= f.end; k++) {
    if (k > f.start && isDigitCode(text.charCodeAt(k - 1))) continue;
    const a = text.charCodeAt(k);
    const b = text.charCodeAt(k + 1);
    if (!((a === 49 && b === 57) || (a === 49 && b === 56))) continue; // 19xx, 18xx
    if (!isDigitCode(text.charCodeAt(k + 2)) || !isDigitCode(text.charCodeAt(k + 3)) || (k + 4 < f.end && isDigitCode(text.charCodeAt(k + 4)))) continue;
    return true;
  }
  return false;
}
/** The admin's own patterns and MRN formats: PHI because the admin says so. */
const isAdmins = (rule: string) => rule.startsWith('custom:') || rule === 'mrn.site-format';
/** A person's page on a social network. */
const SOCIAL_PROFILE_URL = /(?:linkedin\.com\/in|facebook\.com|instagram\.com|tiktok\.com\/@|(?:twitter|x)\.com\/|caringbridge\.org|gofundme\.com)/i;
/** An address at a consumer mail provider (not one of the admin's own domains): a person's own, not a colleague's. */
function personalMail(text: string, f: Finding, ownDomain: (domain: string) => boolean): boolean {
  const at = text.lastIndexOf('@', f.end - 1);
  if (at < f.start) return false;
  const domain = text.slice(at + 1, f.end).toLowerCase();
  return isConsumerMail(domain) && !ownDomain(domain);
}
/** A patient's care or records named for a person ("labels for Maria Lopez", "Images of Mr. Diaz"). */
const CARE_FOR_NAME =
  /\b[A-Z][a-z'’-]+ [A-Z][a-z'’-]+['’]s (?:AVS|after[- ]visit summary|chart|wristband|armband|bill|statement|MRN|DOB|discharge|medications?|meds|appointment|allergies|allergy list|insurance)\b|\b(?:[Ww]ristbands?|[Aa]rmbands?|[Bb]ands|[Ll]abels?|[Rr]esults?|[Ii]mages?|[Ii]maging|[Oo]rders?|[Rr]ecords?|[Ss]cans?|[Ss]pecimens?|[Rr]efills?|[Vv]isits?|[Ee]ncounters?|[Aa]ppointments?|[Rr]eferrals?|[Cc]laims?|[Bb]ills?|AVS|[Ff]amily|(?:[Aa]ddress|[Pp]hone|[Nn]umber|[Ii]nsurance|[Dd]emographics?) (?:change|update)s?|[Rr]egistration|[Cc]heck(?:ing)?[ -]in|[Dd]uplicates?) (?:for|of) (?:(?:Mr|Mrs|Ms|Mx|Miss)\.? )?[A-Z][A-Za-z'’-]+|\b(?:[Uu]pdate|[Cc]hange) (?:the )?(?:phone|address|cell|number|insurance|demographics|DOB) (?:for|of) [A-Z]|\b[Cc]heck(?:ing)? in (?:pt |patient )?[A-Z][a-z'’-]+ [A-Z]/;
/**
 * `kept` and the NAME candidates of `all` the workforce check dropped whose text is the text of a
 * kept NAME (the same person: a redactor must not leave one copy behind).
 */
function restoreNamedAgain(text: string, all: Finding[], kept: Finding[]): Finding[] {
  let names: Set<string> | undefined;
  for (const f of kept) if (f.type === 'NAME') (names ??= new Set()).add(text.slice(f.start, f.end));
  if (names === undefined) return kept;
  const keptSet = new Set(kept);
  const back = all.filter((f) => f.type === 'NAME' && !keptSet.has(f) && names!.has(text.slice(f.start, f.end)));
  return back.length > 0 ? kept.concat(back) : kept;
}
/**
 * The NAME candidates that are the site's staff by its workforce directory (directory.ts): a
 * directory person's name (or a list of them), a doctor's surname the directory has ("Dr.
 * Abernathy"), a lone first name or surname of a directory person the text names in full ("Maria
 * Lopez … thanks Maria"), and a staff member's phone, fax or e-mail right after their name. A
 * person stays PHI everywhere when any copy of their name is tied to a patient (StaffCheck.tied):
 * staff are patients too. A lone word that is also part of a name kept as PHI stays (it may be
 * that person's).
 */
function directoryStaff(scan: Scan, candidates: Finding[], dir: StaffDirectory, ownDomain: (domain: string) => boolean): Set<Finding> {
  const text = scan.text;
  const staff = new Set<Finding>();
  const check = new StaffCheck(scan, candidates, ownDomain);
  // the findings that are directory people (one, or a list), and the people any copy ties to a patient
  const found: Array<[Finding, string[]]> = [];
  const patients = new Set<string>();
  const lone: Finding[] = [];
  for (const f of candidates) {
    if (f.type !== 'NAME' || isStructured(f.rule) || isAdmins(f.rule)) continue;
    const written = text.slice(f.start, f.end);
    let keys = dir.peopleOf(written);
    if (keys === undefined) {
      if (nameWords(written).length !== 1) continue;
      // a rule took one word of a directory name ("Riley" of "Riley Agent", the rest read as a role)
      const whole = dir.personOf(text.slice(f.start, wordEndAfter(text, f.end))) ?? dir.personOf(text.slice(wordStartBefore(text, f.start), f.end));
      if (whole === undefined) {
        lone.push(f);
        continue;
      }
      keys = [whole];
    }
    found.push([f, keys]);
    if (check.tied(f)) for (const k of keys) patients.add(k);
  }
  if (lone.length > 0) {
    // a lone word of a directory person named in full that is tied makes that person a patient ("Mr. Said was admitted")
    const byWord = new Map<string, string[]>();
    for (const [, keys] of found) for (const k of keys) for (const w of k.split(' ')) (byWord.get(w) ?? byWord.set(w, []).get(w)!).push(k);
    for (const f of lone) {
      const ks = byWord.get(nameWords(text.slice(f.start, f.end))[0]!);
      if (ks !== undefined && check.tied(f)) for (const k of ks) patients.add(k);
    }
  }
  const staffWords = new Set<string>();
  for (const [f, keys] of found) {
    if (keys.some((k) => patients.has(k))) continue;
    staff.add(f);
    for (const k of keys) for (const w of k.split(' ')) staffWords.add(w);
  }
  for (const f of [...staff]) check.contactsAfter(f, staff);
  if (lone.length > 0) {
    // the words of the full names kept as PHI (a patient's first name may be a staff member's too)
    const kept = new Set<string>();
    for (const f of candidates) {
      if (f.type !== 'NAME' || staff.has(f)) continue;
      const ws = nameWords(text.slice(f.start, f.end));
      if (ws.length >= 2) for (const w of ws) kept.add(w);
    }
    for (const f of lone) {
      const w = nameWords(text.slice(f.start, f.end))[0]!;
      if (kept.has(w)) continue;
      // "Mrs. Nguyen" is no echo of a staff member's name
      if ((TITLE_BEFORE.test(text.slice(Math.max(0, f.start - 6), f.start)) || TITLE_OPENING.test(text.slice(f.start, f.end)))) continue;
      // a word of a staff name in the text, or a doctor's surname ("Dr. Abernathy") the directory has
      const doctor = () => DOCTOR_BEFORE.test(text.slice(Math.max(0, f.start - 5), f.start)) || DOCTOR_OPENING.test(text.slice(f.start, f.end));
      if ((staffWords.has(w) || (dir.isSurname(w) && doctor())) && !check.tied(f)) staff.add(f);
    }
  }
  return staff;
}
/** The end of the word after a space or two from `end` (letters, '-', '\''), or `end`. */
function wordEndAfter(text: string, end: number): number {
  let k = end;
  while (k < text.length && k - end < 2 && text.charCodeAt(k) === 32) k++;
  if (k === end) return end;
  const s = k;
  while (k < text.length && k - s < 40 && isNameLetter(text.charCodeAt(k))) k++;
  return k > s ? k : end;
}
/** The start of the word a space or two before `start`, or `start`. */
function wordStartBefore(text: string, start: number): number {
  let k = start;
  while (k > 0 && start - k < 2 && text.charCodeAt(k - 1) === 32) k--;
  if (k === start) return start;
  const e = k;
  while (k > 0 && e - k < 40 && isNameLetter(text.charCodeAt(k - 1))) k--;
  return k < e ? k : start;
}
const isNameLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 39 || (c >= 0xc0 && c <= 0x24f);
/** How far after a staff name its phone, fax or e-mail may start. */
const STAFF_CONTACT_AFTER = 40;
const STAFF_CONTACT_TYPES: ReadonlySet<PhiType> = new Set<PhiType>(['PHONE', 'FAX', 'EMAIL']);
/** "Dr." or "Dr" right before a surname, or opening the finding. */
const DOCTOR_BEFORE = /\bdr\.?[ \t]+$|\bdr\.$/i;
const DOCTOR_OPENING = /^dr\.?[ \t]+|^dr\./i;
const TITLE_BEFORE = /\b(?:mr|mrs|ms|mx|miss)\.?[ \t]+$/i;
const TITLE_OPENING = /^(?:mr|mrs|ms|mx|miss)\.?[ \t]+/i;
/** A role right after a name ("(PCT, 6 North)", ", the CT tech,", "from Transport"): no part of the reach. */
const ROLE_TAIL = /^(?:,?[ \t]*\([^()\n;!?]{1,40}\)|,[ \t][^,\n;.!?()]{1,40},|[ \t]+(?:from|in|on)[ \t]+(?:the[ \t]+)?[A-Z0-9][\w&\/-]*(?:[ \t]+[A-Z0-9][\w&\/-]*){0,2})/;
/** A patient word the sentence gives its subject: "his ER visit", "her daughter's", "was just admitted", "as a patient". */
const OWNED_BEFORE = /\b(?:his|her|their|my)(?:[ \t]+own)?(?:[ \t]+[\w\/.'-]{1,8}){0,2}[ \t]+$/i;
const STATUS_BEFORE = /\b(?:is|was|were|been|being|got|gets)(?:[ \t]+(?:just|now|currently|still|also))?[ \t]+(?:(?:an?|our)[ \t]+)?$|\bas[ \t]+an?[ \t]+$/i;
/** A system word pronoun-owned ("her MyChart") or naming the person's account ("MyChart pw for Tom Reyes", "Proxy request: Diane Foster"). */
const SYSTEM_OWNED_BEFORE = /\b(?:his|her|their|my)(?:[ \t]+own)?[ \t]+$/i;
const SYSTEM_FOR_NAME = /^[A-Za-z]+[ \t]*(?:(?:access|account|acct|pw|password|login|log-?in|activation(?:[ \t]+code)?|request|invite|reset)[ \t]*)?(?:for|to|:|-)[ \t]*(?:(?:employee|staff)[ \t]+)?$/i;
/** A name owning a record of care ("Maria Lopez's labs"). */
const NAME_OWNS_CARE = /^(?:['’]s|(?<=s)['’])[ \t]+(?:own[ \t]+)?(?:labs?|lab results|results?|records?|bill|statement|imaging|images|x-?rays?|mri|op note|surgery|claim|avs|mychart|chart|portal|appointment|appt|visit|meds|prescriptions?|referral|account|test results)\b/i;
/** An employee-patient in one word ("Employee-patient", "pt/employee"). */
const EMPLOYEE_PATIENT = /\b(?:employee|staff|associate|co-?worker)[-\/](?:patients?|pts?)\b|\b(?:patients?|pts?)[-\/](?:employee|staff)\b/i;
/** A person writing about their own care. */
const FIRST_PERSON_CARE = /\b(?:my|I['’]m|I am|I was|I had)\b[^\n.?!]{0,60}?\b(?:own|chart|mychart|results?|labs?|bloodwork|bill|statement|records?|appointment|appt|visit|meds|knee|scan|imaging|delivery|surgery|test|pap|MRN|DOB|a patient|admitted)\b|\b(?:her|his) own\b/i;
const LINE_MAX = 200;
/** Care the sentence gives its subject in ordinary words ("his claim", "her colonoscopy", "was seen in our ED", "came in 3/2"). */
const OWNED_CARE = /\b(?:his|her|their|my)(?:[ \t]+own)?(?:[ \t]+[\w\/.'-]{1,8}){0,2}[ \t]+(?:ER|ED|claim|statements?|bill|labs?|results?|records?|imaging|MRI|CT|x-?rays?|surgery|colonoscopy|mammogram|COVID|flu shot|vaccine|registration|insurance|infusion|delivery|procedure|scope|op note|face sheet|AVS|discharge|PCP|physical|knee|back)\b/i;
const SUBJECT_CARE = /\b(?:was|were|got|been|is|being)[ \t]+(?:just[ \t]+)?(?:seen|treated|registered|checked in)\b|\bcame (?:in|through)\b|\b(?:went|was|is|been)[ \t]+(?:to|in|at)[ \t]+(?:the|our)?[ \t]*(?:ED|ER|urgent care|L&D|ICU|OR|PACU)\b/i;
/** In the next sentence about the same person: a patient's status or their own care. */
const PRONOUN_CARE = /\b(?:admitted|discharged|inpatient|a patient|pt)\b|\b(?:his|her|their)(?:[ \t]+own)?[ \t]+(?:mychart|chart|appt|appointment|visit|meds|results)\b/i;
/** The next sentence goes on about the same person ("Can you check Maria Lopez? She was admitted …"). */
const PRONOUN_OPENING = /^[ \t]*(?:She|He|They)(?:['’]s|[ \t]+(?:is|was|were|has|had|got|needs|wants))\b/;
/** A record of care named for the person right before the name ("Duplicate record created for", "Imaging CD request for", "flu shot for"). */
const CARE_FOR_BEFORE = /\b(?:records?|results?|labs?|images?|imaging(?:[ \t]+CD)?|specimens?|orders?|refills?|referrals?|claims?|bills?|statements?|AVS|wristbands?|armbands?|labels?|registration|duplicates?|flu shot|vaccines?|activation code|proxy(?:[ \t]+access)?)(?:[ \t]+[\w-]+){0,2}[ \t]+(?:for|of|on)[ \t]+(?:(?:employee|staff)[ \t]+)?(?:(?:Mr|Mrs|Ms|Mx|Dr)\.?[ \t]+)?$/i;
const AUTHOR_LABEL = /(?:^|\n)[ \t]*(?:from|affected user|requested for|employee|on behalf of)[ \t]*:[ \t]*$/i;
/** A patient's registration or admission right before the name ("Just registered Kim Ross"). */
const REGISTERED_BEFORE =
  /\b(?:(?:registered|admitted|discharged|roomed|triaged|checked in|transferred|readmitted)|(?:family|relatives?|wife|husband|spouse|mother|father|mom|dad|son|daughter|child|parents?|guardian|caregiver)[ \t]+(?:of|for))[ \t]+(?:(?:employee|staff|Mr|Mrs|Ms|Mx)\.?[ \t]+)?$/i;
/** A chart line's age and sex after a name ("ABRAMS, NICOLE R - 31 y.o. F", "Kim Ross, 42F"). */
const AGE_SEX_AFTER = /^[ \t,(-]{1,4}\d{1,3}[ \t]?(?:y\.?o\.?|yo|yrs?|years? old|[MF]\b)/i;
/** The word "employee" by a name in care business ("employee, pharmacist", "- employee - self-pay", "Employee: …"). */
const EMPLOYEE_WORD = /\b(?:employees?|staff member|co-?worker)\b/i;
/** Care business on an employee's line or the lines after it. */
const EMPLOYEE_CARE = /\b(?:visit|statement|DOS|MRN|merge|VIP|flag|admitted|discharged|registered|registration|chart|patients?|pt|labs?|results?|bill|billing|self-pay|claim|insurance|appt|appointment|ED|ER)\b/i;

/** The checks on a name that may be staff, over the candidates sorted by start (each a binary search and a short walk). */
class StaffCheck {
  private readonly text: string;
  private readonly sorted: Finding[];
  private readonly patientWords: readonly number[];
  constructor(
    private readonly scan: Scan,
    candidates: Finding[],
    private readonly ownDomain: (domain: string) => boolean = () => false,
  ) {
    this.text = scan.text;
    this.sorted = candidates.slice().sort(BY_START);
    this.patientWords = scan.cueWords(Cue.Patient);
  }

  /** Where PERSONAL_CARE matches start, and where paragraphs break (blank lines), each found in one pass. */
  private careAt: number[] | undefined;
  private breaks: number[] | undefined;

  /**
   * Does the name's paragraph speak of someone's own care within PERSONAL_CARE_REACH of it ("I had
   * bloodwork done here", "my mom was just admitted", "she's a patient on our oncology unit", "her
   * own lab results", "employee health")? Then every directory name there may be that person: none
   * is taken for staff. An IT ticket's paragraphs rarely speak so.
   */
  private personalCareNear(f: Finding): boolean {
    const text = this.text;
    if (this.careAt === undefined) {
      this.careAt = [];
      PERSONAL_CARE.lastIndex = 0;
      for (let m = PERSONAL_CARE.exec(text); m !== null; m = PERSONAL_CARE.exec(text)) this.careAt.push(m.index);
      this.breaks = [];
      BLANK_LINE.lastIndex = 0;
      for (let m = BLANK_LINE.exec(text); m !== null; m = BLANK_LINE.exec(text)) this.breaks.push(m.index);
    }
    if (this.careAt.length === 0) return false;
    const breaks = this.breaks!;
    let before = lastBelow(breaks, f.start);
    let after = firstAtOrAbove(breaks, f.end);
    // a one-line paragraph (a greeting, "Ticket on behalf of …", a sign-off) belongs with its neighbours
    const paraStart = before === -1 ? 0 : breaks[before]!;
    const paraEnd = after === breaks.length ? text.length : breaks[after]!;
    if (paraEnd - paraStart <= SHORT_PARAGRAPH) {
      if (before >= 0) before--;
      if (after < breaks.length) after++;
    }
    const from = Math.max(before === -1 ? 0 : breaks[before]!, f.start - PERSONAL_CARE_REACH);
    const to = Math.min(after === breaks.length ? text.length : breaks[after]!, f.end + PERSONAL_CARE_REACH);
    const k = firstAtOrAbove(this.careAt, from);
    return k < this.careAt.length && this.careAt[k]! < to;
  }

  /** The index of the first sorted candidate starting at or after `at`. */
  private firstFrom(at: number): number {
    let a = 0;
    let b = this.sorted.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (this.sorted[mid]!.start < at) a = mid + 1;
      else b = mid;
    }
    return a;
  }

  /**
   * Is the name at f tied to a patient: a patient word (patientWordAt) in its sentence within
   * PATIENT_TIE_BEFORE characters before it or PATIENT_TIE_AFTER after it; a patient's identifier
   * (PATIENT_ID_TYPES) after it in that reach ("Dana Whitfield (MRN 00412977)"); the person's own
   * data next to it in its sentence (not a contact or a date other than a birth year); or a label
   * that names a patient, a caller or a payer's person ("Caller:", "|Name|")? The sentence ends at a
   * line break, ';', '!', '?' or a '.' before a space that closes no title or initial.
   */
  tied(f: Finding): boolean {
    if (this.personalCareNear(f)) return true;
    const text = this.text;
    let from = f.start;
    while (from > 0 && f.start - from < PATIENT_TIE_BEFORE && !sentenceEndAt(text, from - 1)) from--;
    let to = f.end;
    // (a role right after the name is no part of the reach)
    const tail = f.end + (ROLE_TAIL.exec(text.slice(f.end, f.end + 60))?.[0].length ?? 0);
    while (to < text.length && to - tail < PATIENT_TIE_AFTER && !sentenceEndAt(text, to)) to++;
    // the name owns a record of care, or one is named for them
    if (NAME_OWNS_CARE.test(text.slice(f.end, f.end + 40))) return true;
    if (CARE_FOR_BEFORE.test(text.slice(from, f.start)) || REGISTERED_BEFORE.test(text.slice(from, f.start)) || AGE_SEX_AFTER.test(text.slice(f.end, f.end + 24))) return true;
    if (this.employeeCare(f)) return true;
    if (EMPLOYEE_PATIENT.test(text.slice(from, to))) return true;
    // a list item under a patients' header; the author of a text about their own care
    if (this.headerTie(f)) return true;
    if (this.authorTie(f)) return true;
    const words = this.patientWords;
    let a = 0;
    let b = words.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (words[mid]! < from) a = mid + 1;
      else b = mid;
    }
    let possessive: boolean | undefined;
    for (let k = a; k < words.length && words[k]! < to; k++) {
      const p = words[k]!;
      if ((p >= f.start && p < f.end) || !patientWordAt(text, p)) continue;
      // "pt Walter Hughes", "patient Evelyn Foster's": the word labels another name, not this one
      if (p > f.end && this.labelsName(p)) continue;
      // "Marta Szymanska PT": a physical therapist's credential
      if (p >= f.end && p - f.end <= 2 && text.startsWith('PT', p) && !isAlnumCode(text.charCodeAt(p + 2))) continue;
      // a system's word ("MyChart outage", "portal analyst", "Chart Review") ties only a name it is owned by ("Maria Lopez's MyChart")
      if (SYSTEM_PATIENT_WORDS.has(wordAt(text, p))) {
        possessive ??= /^['’]s\b/.test(text.slice(f.end, f.end + 3)) || (/s$/i.test(text.slice(f.start, f.end)) && /^['’][ \t]/.test(text.slice(f.end, f.end + 2)));
        const owned = (p > f.end ? SYSTEM_OWNED_BEFORE.test(text.slice(Math.max(f.end, p - 16), p)) : SYSTEM_FOR_NAME.test(text.slice(p, f.start)));
        if (!((possessive && p > f.end) || owned)) continue;
      }
      return true;
    }
    {
      // to the sentence's end (or the next name), a patient word the sentence gives its subject
      let end = to;
      while (end < text.length && end - f.end < 300 && !sentenceEndAt(text, end)) end++;
      for (let k = this.firstFrom(f.end); k < this.sorted.length && this.sorted[k]!.start < end; k++) if (this.sorted[k]!.type === 'NAME') { end = this.sorted[k]!.start; break; }
      for (let k = a; k < words.length && words[k]! < end; k++) {
        const p = words[k]!;
        if (p < f.end) continue;
        if (this.labelsName(p)) continue;
        const w = wordAt(text, p);
        const before = text.slice(Math.max(f.end, p - 40), p);
        if (STATUS_BEFORE.test(before) && (patientWordAt(text, p) || w === 'inpatient')) return true;
        if (SYSTEM_PATIENT_WORDS.has(w) || !patientWordAt(text, p)) continue;
        if (OWNED_BEFORE.test(before) || /^\w*['’]?s?[ \t]+(?:herself|himself|myself|themselves)\b/i.test(text.slice(p, p + 30))) return true;
      }
      const rest = text.slice(f.end, end);
      if (OWNED_CARE.test(rest) || SUBJECT_CARE.test(rest)) return true;
      // the next sentence, when it opens with a pronoun and no other name came first
      let s2 = end;
      while (s2 < text.length && s2 - f.end < 300 && !sentenceEndAt(text, s2)) s2++;
      let n = s2 + 1;
      while (n < text.length && (text[n] === ' ' || text[n] === '\n' || text[n] === '\r' || text[n] === '\t')) n++;
      if (end === s2 && PRONOUN_OPENING.test(text.slice(n, n + 20))) {
        let e2 = n;
        while (e2 < text.length && e2 - n < 300 && !sentenceEndAt(text, e2)) e2++;
        const k = this.firstFrom(f.end);
        const nextName = k < this.sorted.length && this.sorted[k]!.type === 'NAME' ? this.sorted[k]!.start : Infinity;
        let stop = e2;
        for (let j = k; j < this.sorted.length && this.sorted[j]!.start < e2; j++) {
          if (this.sorted[j]!.type === 'NAME') {
            stop = this.sorted[j]!.start;
            break;
          }
        }
        if (nextName >= n) {
          const seg = text.slice(n, stop);
          if (PRONOUN_CARE.test(seg) || OWNED_CARE.test(seg) || SUBJECT_CARE.test(seg)) return true;
        }
      }
    }
    const near = Math.max(from, f.start - PERSON_LABEL_BEFORE);
    const own = (g: Finding) => !CONTACT_TYPES.has(g.type) && (g.type !== 'DATE' || birthYear(text, g)) && (g.type !== 'LICENSE' || DRIVERS_LICENCE_BEFORE.test(text.slice(Math.max(0, g.start - 24), g.start)));
    // after the name: an identifier, or the person's own data
    for (let k = this.firstFrom(f.end); k < this.sorted.length && this.sorted[k]!.start < to; k++) {
      const g = this.sorted[k]!;
      if (PATIENT_ID_TYPES.has(g.type) || own(g)) return true;
    }
    // before it: the person's own data ending in the PERSON_LABEL_BEFORE characters before the name
    // (a candidate ending there starts at most MAX_BEFORE_SPAN before it)
    for (let k = this.firstFrom(near - MAX_BEFORE_SPAN); k < this.sorted.length && this.sorted[k]!.start < f.start; k++) {
      const g = this.sorted[k]!;
      if (g.end <= f.start && g.end > near && own(g)) return true;
    }
    return PERSON_LABEL.test(text.slice(near, f.start));
  }

  /**
   * "employee" on the name's line (within LINE_MAX) and care business on that line or the two after
   * it ("Name: Brian Kowalski (employee, pharmacist)" over "MRN kept:", "BELL, MARCUS - employee -
   * self-pay statement", "Employee: Maria Lopez" over "Visit: ED").
   */
  private employeeCare(f: Finding): boolean {
    const text = this.text;
    // (each scan bounded by LINE_MAX: a megabyte on one line costs no more per name)
    let ls = f.start;
    while (ls > 0 && f.start - ls < LINE_MAX && text.charCodeAt(ls - 1) !== 10) ls--;
    let lineEnd = f.end;
    while (lineEnd < text.length && lineEnd - f.end < LINE_MAX && text.charCodeAt(lineEnd) !== 10) lineEnd++;
    if (!EMPLOYEE_WORD.test(text.slice(ls, lineEnd))) return false;
    let le = lineEnd;
    for (let lines = 0; le < text.length && le - f.end < 3 * LINE_MAX && lines < 3; le++) if (text.charCodeAt(le) === 10) lines++;
    return EMPLOYEE_CARE.test(text.slice(ls, le));
  }

  /** Does a NAME candidate start right after the patient word at p? */
  private labelsName(p: number): boolean {
    if (!/^(?:patient|pt)s?\b/i.test(this.text.slice(p, p + 9))) return false;
    let e = p;
    while (e < this.text.length && /[A-Za-z.'’]/.test(this.text[e]!)) e++;
    const k = this.firstFrom(e);
    return k < this.sorted.length && this.sorted[k]!.type === 'NAME' && this.sorted[k]!.start - e <= 3;
  }

  private fp: boolean | undefined;
  private firstPerson(): boolean {
    return (this.fp ??= FIRST_PERSON_CARE.test(this.text));
  }

  /** A list item under a header line (ending in ':') with a patient word or "employee-patients". */
  private headerTie(f: Finding): boolean {
    const text = this.text;
    // (bounded: a line longer than LINE_MAX is no list item or author line)
    const w0 = Math.max(0, f.start - LINE_MAX);
    const nb = text.slice(w0, f.start).lastIndexOf('\n');
    if (nb < 0 && w0 > 0) return false;
    const ls = nb < 0 ? 0 : w0 + nb + 1;
    const nl = text.slice(f.end, f.end + LINE_MAX).indexOf('\n');
    const le = nl < 0 ? Math.min(text.length, f.end + LINE_MAX + 1) : f.end + nl;
    if (le - ls > LINE_MAX) return false;
    if (le - ls > 80 || ls === 0) return false;
    let k = ls - 1;
    for (let n = 0; k > 0 && n < 15; n++) {
      const ps = text.lastIndexOf('\n', k - 1) + 1;
      const line = text.slice(ps, k).replace(/\r$/, '');
      if (line.trim() === '' || line.length > 100) return false;
      if (/:[ \t]*$/.test(line)) {
        if (EMPLOYEE_PATIENT.test(line)) return true;
        const ws = this.patientWords;
        let lo = 0, hi = ws.length;
        while (lo < hi) { const mid = (lo + hi) >> 1; if (ws[mid]! < ps) lo = mid + 1; else hi = mid; }
        for (let j = lo; j < ws.length && ws[j]! < k; j++) if (patientWordAt(text, ws[j]!) && !SYSTEM_PATIENT_WORDS.has(wordAt(text, ws[j]!))) return true;
        return false;
      }
      k = ps - 1;
    }
    return false;
  }

  /** The author of a text about their own care: a chat speaker whose line says so, a From:/requester line or a closing signature when the text does. */
  private authorTie(f: Finding): boolean {
    const text = this.text;
    // (bounded: a line longer than LINE_MAX is no list item or author line)
    const w0 = Math.max(0, f.start - LINE_MAX);
    const nb = text.slice(w0, f.start).lastIndexOf('\n');
    if (nb < 0 && w0 > 0) return false;
    const ls = nb < 0 ? 0 : w0 + nb + 1;
    const nl = text.slice(f.end, f.end + LINE_MAX).indexOf('\n');
    const le = nl < 0 ? Math.min(text.length, f.end + LINE_MAX + 1) : f.end + nl;
    if (le - ls > LINE_MAX) return false;
    const before = text.slice(ls, f.start);
    // a chat line "[09:14] Name: …" / "Name: …"
    if (/^[ \t]*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]*)?$/.test(before) && /^[ \t]*:/.test(text.slice(f.end, f.end + 3))) return FIRST_PERSON_CARE.test(text.slice(f.end, le));
    if (AUTHOR_LABEL.test(text.slice(Math.max(0, ls - 1), f.start))) return this.firstPerson();
    // a signature: the name alone on one of the last three lines
    if (/^[ \t-]*$/.test(before) && /^[ \t]*(?:,[ \t]*[A-Za-z-]{2,6})?[ \t]*$/.test(text.slice(f.end, le)) && text.length - le < 200 && text.slice(le).split('\n').filter((l) => l.trim() !== '').length <= 2) return this.firstPerson();
    return false;
  }

  /**
   * Adds to `staff` the phone, fax and e-mail candidates right after the staff name f ("Rhonda
   * Jefferson, practice manager, 555-0138", "Marisol Ybarra (208-555-0153)"): in the name's
   * sentence within STAFF_CONTACT_AFTER, before any other name, and not past a patient word or a
   * possessive ("… says the patient's daughter is at 555-0199", "her cell").
   */
  contactsAfter(f: Finding, staff: Set<Finding>): void {
    const text = this.text;
    let to = f.end;
    while (to < text.length && to - f.end < STAFF_CONTACT_AFTER && !sentenceEndAt(text, to)) to++;
    for (let k = this.firstFrom(f.end); k < this.sorted.length && this.sorted[k]!.start < to; k++) {
      const g = this.sorted[k]!;
      if (g.type === 'NAME') break;
      if (!STAFF_CONTACT_TYPES.has(g.type)) continue;
      // a consumer mailbox is the person's own, never their work contact
      if (g.type === 'EMAIL' && personalMail(text, g, this.ownDomain)) continue;
      if (this.scan.near(Cue.Patient, f.end, g.start - 1, 0) || this.scan.near(Cue.Personal, f.end, g.start - 1, 0)) break;
      staff.add(g);
    }
  }
}
/** Patient words that are as often a system's or a place's at an IT desk ("MyChart outage", "portal team", "bed board"). */
const SYSTEM_PATIENT_WORDS: ReadonlySet<string> = new Set(['mychart', 'portal', 'proxy', 'chart', 'charts', 'bed', 'beds', 'inpatient', 'inpatients', 'outpatient', 'outpatients', 'encounter']);
/** The lower-case word starting at p (letters only). */
function wordAt(text: string, p: number): string {
  let e = p;
  while (e < text.length && isAsciiLetterCode(text.charCodeAt(e))) e++;
  return text.slice(p, e).toLowerCase();
}
const isAsciiLetterCode = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** A licence a person holds as a driver (a patient's ID), not a clinician's NPI, DEA or board licence. */
const DRIVERS_LICENCE_BEFORE = /\b(?:driver['’]?s?|DL|state ID)\b[^\n]{0,16}$/i;
/** The index of the first element >= v in a sorted list (its length when none). */
function firstAtOrAbove(list: readonly number[], v: number): number {
  let a = 0;
  let b = list.length;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (list[mid]! < v) a = mid + 1;
    else b = mid;
  }
  return a;
}
/** The index of the last element < v in a sorted list (-1 when none). */
const lastBelow = (list: readonly number[], v: number): number => firstAtOrAbove(list, v) - 1;
/** A blank line: where a paragraph ends. */
const BLANK_LINE = /\n[ \t]*\r?\n/g;
/** A paragraph this short is one line: a greeting, an attribution or a sign-off. */
const SHORT_PARAGRAPH = 90;
/** How far from a name, in its paragraph, talk of someone's own care makes it possibly theirs. */
const PERSONAL_CARE_REACH = 600;
const CARE_WORDS =
  'chart|results?|labs?|bloodwork|blood work|CT|MRI|x-?rays?|ultrasound|mammogram|stress test|biopsy|surgery|procedure|appointments?|appts?|OB|pregnan\\w*|baby|twins|born|NICU|ED|ER|visits?|bills?|statements?|records?|MyChart|proxy|immunizations?|allerg\\w*|meds|medications?|prescriptions?|diagnosis|admitted|inpatient|discharged|patient|doctor|PCP|copay|claims?|insurance|accounts?|surgeon|scan|test';
/**
 * Someone's own care in a ticket's words: the first person ("I had bloodwork done here", "my mom",
 * "my OB", "I'm pregnant", "I'm staff"), a person spoken of ("she's a patient on our oncology
 * unit", "he had his gallbladder out", "she's in our NICU as a parent"), "her own", employee
 * health. Every gap is bounded (linear in the text).
 */
const PERSONAL_CARE = new RegExp(
  [
    `\\b(?:I|I['’]m|I am|I['’]ve|I was|I had|I got|I need|we)\\b[^.\\n?!]{0,50}?\\b(?:${CARE_WORDS})\\b`,
    `\\bmy(?:[ \\t]+own)?(?:[ \\t]+[\\w'’-]+){0,2}?[ \\t]+(?:${CARE_WORDS}|mom|dad|mother|father|son|daughter|wife|husband|child|kids?|twins?|family|grandmother|grandfather|sister|brother)\\b`,
    `\\bI['’]m (?:pregnant|staff|an employee|a patient)\\b`,
    `\\b(?:she|he|they)(?:['’]s|['’]re|[ \\t]+(?:is|was|were|has|had|got|needs|wants|mentioned|said|says))\\b[^.\\n?!]{0,60}?\\b(?:${CARE_WORDS}|a patient|a parent|pregnant|medical leave|out sick|gallbladder|hospital|hosptial)\\b`,
    `\\b(?:his|her|their) own\\b`,
    `\\b(?:his|her|their|your)(?:[ \\t]+own)?(?:[ \\t]+[\\w'’-]+){0,2}?[ \\t]+(?:${CARE_WORDS}|portal|mom|dad|mother|father|son|daughter|wife|husband|child|kids?|baby|twins?)\\b`,
    `\\b(?:had|got)[ \\t]+(?:a|an|my|his|her)[ \\t]+(?:CT|MRI|x-?ray|ultrasound|mammogram|stress test|biopsy|surgery|procedure|colonoscopy|baby)\\b`,
    `\\bas a patient\\b|\\b(?:is|was|been)[ \\t]+(?:in|at)[ \\t]+(?:the[ \\t]+)?hosp\\w*`,
    `\\bemployee health\\b|\\bpost-exposure\\b|\\b(?:employee|staff|co-?worker)[- ]patients?\\b|\\bcurrently inpatient\\b|\\bmedical leave\\b`,
  ].join('|'),
  'gi',
);
/** What staff have too (a name with one of these is no patient's for it): contacts, another name. */
const CONTACT_TYPES: ReadonlySet<PhiType> = new Set<PhiType>(['NAME', 'PHONE', 'FAX', 'EMAIL', 'URL', 'IP']);
/** The longest candidate looked back for when a name's own data may end just before it. */
const MAX_BEFORE_SPAN = 256;
/** How far before a name its own data or a label may end. */
const PERSON_LABEL_BEFORE = 24;
/** How far before a name a patient word ties it to a patient ("patient Maria Lopez", "MRN for Maria Lopez"). */
const PATIENT_TIE_BEFORE = 40;
/** How far after a name a patient word or identifier ties it ("Maria Lopez (MRN …", "Maria Lopez was admitted"). */
const PATIENT_TIE_AFTER = 24;
/** A label right before a name that makes it a patient's, a caller's or a payer's person. */
const PERSON_LABEL =
  /(?:\b(?:caller|guarantor|beneficiary|policy ?holder|insured|name on (?:card|id|account|policy)|(?:patient|pt|legal|full|member|subscriber)['’]?s? name)\b[^:|\n]{0,12}[:|=-]|(?:^|\||\n)[ \t]*(?:[-*•][ \t]+)?\*?name\*?[ \t]*(?:\||:))[ \t*]*$/i;
/** Does a sentence end at i ('\n', ';', '!', '?', or '.' before white space after a word that is no title or initial)? */
function sentenceEndAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 10 || c === 13 || c === 59 || c === 33 || c === 63) return true;
  if (c !== 46) return false;
  const n = text.charCodeAt(i + 1);
  if (!(n === 32 || n === 9 || n === 10 || Number.isNaN(n))) return false;
  let k = i;
  while (k > 0 && isAlnumCode(text.charCodeAt(k - 1))) k--;
  const word = text.slice(k, i).toLowerCase();
  // (one letter: an initial, "Kevin J. Park")
  return !(word.length === 1 && !isDigitCode(word.charCodeAt(0))) && !ABBREVIATIONS.has(word);
}
/** Words a '.' shortens without ending a sentence ("Dr. Lopez", "pt. Lee"). */
const ABBREVIATIONS: ReadonlySet<string> = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'pt', 'st', 'jr', 'sr', 'prof', 'rev', 'no', 'vs', 'approx', 'dept', 'ext', 'apt', 'rm']);
/** What the workforce leaves in its own places (see workforce.ts). */
const STAFF_TYPES: ReadonlySet<PhiType> = new Set<PhiType>(['NAME', 'EMAIL', 'PHONE', 'FAX', 'ADDRESS', 'ZIP', 'URL', 'LICENSE']);

/** Identifier types whose value, once found, is PHI wherever else the text repeats it. */
const ECHO_TYPES: ReadonlySet<PhiType> = new Set<PhiType>(['MRN', 'SSN', 'HEALTH_PLAN_ID', 'ACCOUNT', 'OTHER_ID', 'DEVICE', 'VEHICLE', 'BIOMETRIC']);
/** The shortest identifier looked for again (shorter runs repeat by chance). */
const ECHO_MIN = 6;

/**
 * The other places an identifier found in the text appears ("NM1*IL*1*DOE*JANE****MI*W284719305~
 * … Our Epic coverage has W284719305"): the same value, as a whole token (no letter or digit
 * against it), with the finding's type and score. Only values of ECHO_MIN characters or more
 * with a digit in them.
 */
function echoes(scan: Scan, candidates: Finding[]): Finding[] {
  const text = scan.text;
  // The values looked for, grouped by where their first digit run is in them (offset, run length,
  // value length): every other place of a value holds that run whole, as one of the scan's runs.
  let groups: Map<number, Map<string, Finding>> | undefined;
  for (const f of candidates) {
    const len = f.end - f.start;
    if (len < ECHO_MIN || len > 64 || !ECHO_TYPES.has(f.type)) continue;
    let o = f.start;
    while (o < f.end && !isDigitCode(text.charCodeAt(o))) o++;
    if (o === f.end) continue;
    let oe = o;
    while (oe < f.end && isDigitCode(text.charCodeAt(oe))) oe++;
    const key = ((o - f.start) * 65 + (oe - o)) * 65 + len;
    let values = (groups ??= new Map()).get(key);
    if (values === undefined) groups.set(key, (values = new Map()));
    const value = text.slice(f.start, f.end);
    if (!values.has(value)) values.set(value, f);
  }
  const out: Finding[] = [];
  if (groups === undefined) return out;
  const runs = digitRunsByLength(scan);
  const { digitStarts } = scan;
  // each group's runs once: the text at the run's place is looked up among the group's values
  for (const [key, values] of groups) {
    const len = key % 65;
    const runLen = Math.floor(key / 65) % 65;
    const offset = Math.floor(key / (65 * 65));
    // (one value, the common case: compared in place)
    const only = values.size === 1 ? values.entries().next().value! : undefined;
    for (const r of runs[runLen] ?? []) {
      const k = digitStarts[r]! - offset;
      if (k < 0 || k + len > text.length) continue;
      const f = only !== undefined ? (text.startsWith(only[0], k) ? only[1] : undefined) : values.get(text.slice(k, k + len));
      if (f === undefined || k === f.start) continue;
      if ((k > 0 && isAlnumCode(text.charCodeAt(k - 1))) || isAlnumCode(text.charCodeAt(k + len))) continue;
      out.push({ type: f.type, start: k, end: k + len, score: f.score, rule: f.rule + '+echo' });
    }
  }
  return out;
}
/** The scan's digit runs (their indices) by length, for the lengths up to 64. */
function digitRunsByLength(scan: Scan): number[][] {
  const out: number[][] = [];
  const { digitStarts, digitEnds } = scan;
  for (let r = 0; r < digitStarts.length; r++) {
    const len = digitEnds[r]! - digitStarts[r]!;
    if (len > 64) continue;
    (out[len] ??= []).push(r);
  }
  return out;
}
/** Words of a full name that are no part of it, and the shortest part looked for again. */
const NAME_TITLES: ReadonlySet<string> = new Set(['Dr', 'Mr', 'Mrs', 'Ms', 'Mx', 'Miss', 'Jr', 'Sr', 'II', 'III', 'IV', 'MD', 'RN', 'Pt', 'PT']);
const NAME_PART_MIN = 3;
/**
 * The parts of a full name found in the text, where the text names the person again by one of
 * them ("Maria Garcia … shows under the wrong Maria."): each capitalised part of a name of two
 * words or more, found with a score of 0.8 or more, as a whole word elsewhere. They then go
 * through the workforce check like any name (a colleague who shares a first name is still theirs).
 */
function nameEchoes(scan: Scan, candidates: Finding[]): Finding[] {
  const text = scan.text;
  // the parts looked for (and their first letters and lengths, in PART_KEYS)
  let parts: Set<string> | undefined;
  for (const f of candidates) {
    if (f.type !== 'NAME' || f.score < 0.7 || isStructured(f.rule)) continue;
    // the words of the name (runs between spaces and commas), when there are two or more
    let words = 0;
    for (let k = f.start; k < f.end; k++) {
      const c = text.charCodeAt(k);
      if ((c === 32 || c === 44) && k > f.start && k + 1 < f.end) words++;
    }
    // (one word: a surname the text ties to a record, "Deshpande (MRN 40092215)")
    if (words === 0 ? !RECORD_ID_AFTER.test(text.slice(f.end, f.end + 12)) : f.score < 0.8) continue;
    for (let k = f.start; k < f.end; ) {
      while (k < f.end && isPartSeparator(text.charCodeAt(k))) k++;
      const s = k;
      while (k < f.end && !isPartSeparator(text.charCodeAt(k))) k++;
      const part = namePart(text, s, k);
      if (part === null) continue;
      (parts ??= new Set()).add(part);
      PART_KEYS[part.charCodeAt(0) * 64 + Math.min(part.length, 63)] = 1;
    }
  }
  const out: Finding[] = [];
  if (parts === undefined) return out;
  let free: ((f: Finding) => boolean) | undefined;
  // (most matches are in the names they come from: those are passed over without the full test)
  const inName = containment(candidates.filter((f) => f.type === 'NAME'));
  // every capitalised word of the text that is one of them (or one of them and "'s"), where no candidate is
  const { ws, we } = scan;
  for (let i = 0; i < ws.length; i++) {
    const s = ws[i]!;
    let len = we[i]! - s;
    const c = text.charCodeAt(s);
    if (c > 0xde) continue;
    // the word, or the word without its "'s"
    if (PART_KEYS[c * 64 + Math.min(len, 63)] === 0 || !parts.has(text.slice(s, s + len))) {
      if (!(len > 2 && text.charCodeAt(we[i]! - 1) === 115 && (text.charCodeAt(we[i]! - 2) === 39 || text.charCodeAt(we[i]! - 2) === 0x2019))) continue;
      len -= 2;
      if (PART_KEYS[c * 64 + Math.min(len, 63)] === 0 || !parts.has(text.slice(s, s + len))) continue;
    }
    if ((s > 0 && isNameChar(text.charCodeAt(s - 1))) || isNameChar(text.charCodeAt(s + len))) continue;
    if (inName(s, s + len)) continue;
    const echo: Finding = { type: 'NAME', start: s, end: s + len, score: 0.75, rule: 'name.echo' };
    if ((free ??= uncovered(candidates))(echo)) out.push(echo);
  }
  for (const part of parts) PART_KEYS[part.charCodeAt(0) * 64 + Math.min(part.length, 63)] = 0;
  return out;
}
/** The (first letter, length) keys of the parts nameEchoes looks for, while it runs (cleared after). */
const PART_KEYS = new Uint8Array(0xdf * 64);
const isPartSeparator = (c: number) => c === 32 || c === 44 || c === 9 || c === 10 || c === 13;
/**
 * The word text[s, e) as a name part looked for again: capitalised ("Maria", "O'Neil", "Garcia-Lopez"),
 * or in capitals and then capitalised ("MARIA" → "Maria"), at least NAME_PART_MIN letters, no title;
 * null otherwise.
 */
function namePart(text: string, s: number, e: number): string | null {
  let len = e - s;
  if (len > 1 && text.charCodeAt(e - 1) === 46) len--; // "Jr."
  if (len < NAME_PART_MIN) return null;
  const c0 = text.charCodeAt(s);
  if (!((c0 >= 65 && c0 <= 90) || (c0 >= 0xc0 && c0 <= 0xde))) return null;
  let lower = 0;
  let upper = 0;
  for (let k = s + 1; k < s + len; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff)) lower++;
    else if (c >= 65 && c <= 90) upper++;
    else if (!(c === 39 || c === 0x2019 || c === 45)) return null;
  }
  let part: string;
  if (upper === 0 && lower > 0) part = text.slice(s, s + len);
  else if (lower === 0 && upper === len - 1 && c0 <= 90) part = text[s] + text.slice(s + 1, s + len).toLowerCase();
  else return null;
  return NAME_TITLES.has(part) ? null : part;
}
const isNameChar = (c: number) => isAlnumCode(c) || (c >= 0xc0 && c <= 0x24f) || c === 45;

/** What joins two identifiers of one kind: "MRN 2201883 instead of 2201838", "00165531 and 00165532". */
const SIBLING_JOIN = /(?:[ \t]*[,/&][ \t]*|[ \t]+(?:instead of|rather than|not|vs\.?|versus|and|or|into|with|to|from)[ \t]+)(?:(?:mrn|mr#|chart|acct|account|member id|id)[ \t]*#?[ \t]*)?/iy;
/** The character classes of a token: 'd' per digit, 'a' per letter, the character itself otherwise. */
function shapeOf(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 48 && c <= 57 ? 'd' : (c | 32) >= 97 && (c | 32) <= 122 ? 'a' : s[i];
  }
  return out;
}
/**
 * An identifier joined to one found right after it ("MRN 2201883 instead of 2201838"): a token of
 * the same shape (length and character classes) is the same kind of identifier.
 */
function siblings(text: string, candidates: Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const f of candidates) {
    if (f.end - f.start < ECHO_MIN || !ECHO_TYPES.has(f.type)) continue;
    SIBLING_JOIN.lastIndex = f.end;
    const join = SIBLING_JOIN.exec(text);
    if (join === null) continue;
    const s = f.end + join[0].length;
    let e = s;
    while (e < text.length && (isAlnumCode(text.charCodeAt(e)) || text.charCodeAt(e) === 45)) e++;
    while (e > s && text.charCodeAt(e - 1) === 45) e--;
    if (e - s !== f.end - f.start || (e < text.length && isAlnumCode(text.charCodeAt(e)))) continue;
    const token = text.slice(s, e);
    if (shapeOf(token) !== shapeOf(text.slice(f.start, f.end)) || token === text.slice(f.start, f.end)) continue;
    out.push({ type: f.type, start: s, end: e, score: f.score, rule: f.rule + '+sibling' });
  }
  return out;
}

/** A test of whether [s, e) lies inside one of the findings (in any order): sorted starts and the furthest end so far. */
function containment(findings: Finding[]): (s: number, e: number) => boolean {
  const spans = findings.map((f) => [f.start, f.end] as const).sort((a, b) => a[0] - b[0]);
  const reach: number[] = [];
  let far = -1;
  for (const [, end] of spans) reach.push((far = Math.max(far, end)));
  return (s, e) => {
    // the last span starting at or before s: some span up to it reaches e exactly when the furthest does
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]![0] <= s) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1]! >= e;
  };
}
/** A test of whether a span overlaps none of the findings (they may come in any order). */
function uncovered(findings: Finding[]): (f: Finding) => boolean {
  const n = findings.length;
  // starts in order (packed with the index, below 2^20: exact in a double), and per rank the furthest end so far
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = findings[i]!.start * 1048576 + (i % 1048576);
  keys.sort();
  if (n > 1048576) {
    // (more findings than the packing holds: order them by a comparator instead)
    const order = findings.map((_, i) => i).sort((a, b) => findings[a]!.start - findings[b]!.start);
    for (let r = 0; r < n; r++) keys[r] = order[r]!;
  }
  const starts = new Float64Array(n);
  const reach = new Float64Array(n);
  let far = -1;
  for (let r = 0; r < n; r++) {
    const f = findings[n > 1048576 ? keys[r]! : keys[r]! % 1048576]!;
    starts[r] = f.start;
    if (f.end > far) far = f.end;
    reach[r] = far;
  }
  return (f) => {
    // the spans starting before f ends: the last of them, by binary search
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < f.end) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 || reach[lo - 1]! <= f.start;
  };
}

/** PHI keeps company: an uncertain date or city right next to a patient's name or MRN is PHI too. */
const NEAR_PHI_BOOST = 0.15;
const NEAR_PHI_WINDOW = 80;
const NEAR_PHI_TYPES: ReadonlySet<PhiType> = new Set<PhiType>(['DATE', 'ADDRESS', 'ZIP', 'IP', 'OTHER_ID', 'AGE', 'URL']);
const ANCHOR_TYPES: ReadonlySet<PhiType> = new Set<PhiType>(['NAME', 'MRN', 'SSN', 'HEALTH_PLAN_ID', 'EMAIL', 'PHONE', 'ADDRESS', 'DATE', 'IP', 'OTHER_ID']);

function boostNearPhi(strong: Finding[], weak: Finding[], types: DetectorSettings['types']): Finding[] {
  const anchors = sortFindings(strong.filter((f) => ANCHOR_TYPES.has(f.type) && f.score >= 0.8), false);
  const out: Finding[] = [];
  if (anchors.length === 0) return out;
  for (const w of weak) {
    // first anchor ending after the window start
    let lo = 0;
    let hi = anchors.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (anchors[mid]!.end < w.start - NEAR_PHI_WINDOW) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < anchors.length && anchors[k]!.start <= w.end + NEAR_PHI_WINDOW; k++) {
      const a = anchors[k]!;
      if (a.type !== w.type && (a.end <= w.start || a.start >= w.end)) {
        const score = Math.round((w.score + NEAR_PHI_BOOST) * 1000) / 1000;
        if (score >= types[w.type].threshold) out.push({ ...w, score, rule: w.rule + '+near-phi' });
        break;
      }
    }
  }
  return out;
}

/** Rules whose label or phrase says what the value is: an issue-key look-alike ("BTX-7740219") is still theirs. */
/** Findings a label or a data field's key names: an issue-key-shaped value there ("MRN AB-1234567", "value": "LK-0048213") is still theirs. */
const labelled = (rule: string) => rule.endsWith('.label') || rule === 'device.assigned' || isStructured(rule);

/**
 * Drops candidates inside blocked regions and merges overlapping candidates into one finding
 * (the union of their characters, typed by the highest-scoring member) so redaction leaves no
 * character of any candidate behind.
 */
function resolve(candidates: Finding[], blocked: Array<[number, number, boolean]>): Finding[] {
  // candidates arrive sorted by start, longest first (detectWith sorts them)
  blocked.sort((a, b) => a[0] - b[0]);
  const out: Finding[] = [];
  let bi = 0;
  for (const cand of candidates) {
    while (bi < blocked.length && blocked[bi]![1] <= cand.start) bi++;
    let isBlocked = false;
    for (let k = bi; k < blocked.length && blocked[k]![0] < cand.end; k++) {
      // only a finding wholly inside an allowlisted key or a mask is dropped: "FP-99812-A" is not the key "FP-99812"
      const [bs, be, builtIn] = blocked[k]!;
      if (bs <= cand.start && be >= cand.end && !(builtIn && labelled(cand.rule))) { isBlocked = true; break; }
    }
    if (isBlocked) continue;
    const last = out[out.length - 1];
    if (last && cand.start < last.end) {
      // a link that carries an identifier ("…/chart?mrn=123") is reported as the link
      if (last.type === 'URL' && cand.end <= last.end) continue;
      if (cand.score > last.score) {
        last.type = cand.type;
        last.score = cand.score;
        last.rule = cand.rule;
      }
      if (cand.end > last.end) last.end = cand.end;
      continue;
    }
    // (the candidates are this call's own objects: the merge above may change them in place)
    out.push(cand);
  }
  return out;
}
