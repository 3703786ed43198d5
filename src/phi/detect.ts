/**
 * The PHI detector: runs every rule over a text, adjusts scores by context, applies settings
 * (per-type switch and threshold, custom patterns, allowlists) and returns non-overlapping
 * findings sorted by position. Pure and synchronous; no Forge imports.
 */
import { digitCount, firstAtOrAbove, isAsciiAlnum as isAlnumCode, isDigitCode, isUpperAscii, isWordCode, lettersAtIgnoreCase, lineStartWithin } from './chars';
import { Cue, Scan, WordTag, registerWords, tagWords } from './context';
import { birthYear, isAdmins, isStructured, PATIENT_ID_TYPES, patientWordAt, personalMail, staffPortalAt, systemPatientWordAt } from './evidence';
import { directoryStaff } from './staff';
import { COMMON_WORDS, FIRST_NAMES, SURNAMES, TECH_WORDS } from './lexicon';
import { nameRule, newbornNames, orgAfter, possessiveNames, recordIdAfter } from './names';
import { DESK_TICKET_ID, answeredIds, roiRequests, runPatternRules, spanishDates, type RuleEnv } from './patterns';
import { HL7_SEGMENT_NAMES, KV_KEYS, aamvaRule, csvRule, dicomRule, filenameRule, hl7Rule, jsonRule, keyValueRule, xmlRule, ncpdpRule, tableRule, templateKeyRule, x12Rule } from './structured';
import { DEFAULT_KEY_PATTERNS, compileSettings, type CompiledSettings } from './settings';
import { PHI_TYPES, type DetectorSettings, type Finding, type PhiType } from './types';
import { isCompactDate, isValidDea, isValidMonthDay, isValidNpi } from './validators';
import { Workforce, patientLine, speaksAsPatient } from './workforce';

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
  spanishDates(text, emit);
  roiRequests(text, emit);
  // (fields the structured rules know to be codes or staff join the quiet regions)
  const quiet = (start: number, end: number) => void blocked.push([start, end, false]);
  hl7Rule(text, emit, quiet);
  csvRule(text, emit);
  keyValueRule(text, emit, kvKeyPositions(scan));
  jsonRule(text, emit);
  xmlRule(text, emit, quiet);
  dicomRule(text, emit, quiet);
  x12Rule(text, emit, quiet);
  aamvaRule(text, emit);
  ncpdpRule(text, emit, quiet);
  tableRule(text, emit, scan.newlines, scan.tableLines, quiet);
  filenameRule(text, emit, FILENAME_NAMES);
  templateKeyRule(text, emit);
  // the admin's own patterns (run by RE2: linear time whatever they are)
  for (const format of c.mrn) format.each(text, (start, end) => emit('MRN', start, end, 0.9, 'mrn.site-format'));
  for (const { spec, pattern } of c.custom) {
    const rule = `custom:${spec.id}`;
    const score = spec.score ?? 0.98;
    pattern.each(text, (start, end) => emit(spec.type, start, end, score, rule));
  }
  // a test patient's identifiers and dates are no one's ("test patient ZZTEST, ONE (MRN ZZ0000001)")
  // (looked for by indexOf first: every alternative holds "test ", "ZZ", "XX", "TEST" or "TRAIN,")
  // (only the types a test record's values are written with can be taken: looked for first)
  if (candidates.length > 0 && (candidates.some(testRecordType) || weak.some(testRecordType)) && (text.indexOf('test ') !== -1 || text.indexOf('ZZ') !== -1 || text.indexOf('XX') !== -1 || text.indexOf('TEST') !== -1 || text.indexOf('TRAIN,') !== -1) && TEST_RECORD_WORD.test(text)) {
    candidates = candidates.filter((f) => !testRecordBefore(text, f));
    if (weak.length > 0) weak = weak.filter((f) => !testRecordBefore(text, f));
  }
  // an unidentified patient's placeholder where the text says so ("DOE, JOHN | unknown", "the \"John Doe\" workflow") is no
  // one's name (not a real Jane Doe: "her name is actually jane doe lol. Jane M. Doe, mrn 3318820", "shows Jane Doe DOB 03/02/1951")
  if ((text.indexOf('oe') !== -1 || text.indexOf('OE') !== -1) && PLACEHOLDER_WORD.test(text) && PLACEHOLDER_CONTEXT.test(text) && !REAL_DOE.test(text)) {
    candidates = candidates.filter((f) => f.type !== 'NAME' || !PLACEHOLDER_NAME.test(text.slice(f.start, f.end)));
  }
  // (the workforce check's places, built once when asked: the no-patient rule asks whether a name beside a
  // system's patient word is a colleague's, the workforce check takes colleagues' names)
  let workforce: Workforce | undefined;
  const places = c.settings.staffContext ? () => (workforce ??= new Workforce(text, c.allowDomain, scan.newlines)) : undefined;
  if (report !== undefined) {
    report.patient = patientEvidence(scan, text, candidates, c.allowDomain, places);
    if (report.only) return [];
  }
  if (candidates.length === 0) return candidates;
  if (c.settings.staffContext && !patient && itContext(scan, candidates) && !(report?.patient ?? patientEvidence(scan, text, candidates, c.allowDomain, places))) {
    // an IT ticket with no sign of a patient anywhere names staff, vendors and sites only
    // (and serials of the desk's own equipment: a scanner's, an analyser's, a lot of cartridges; and
    // a clinician's own licence numbers)
    // (and no log's user name nor an HL7 message's clinician: staffField)
    const kept = (f: Finding) => ((!NO_PATIENT_TYPES.has(f.type) && !equipmentSerial(text, f) && !cliniciansLicence(text, f)) || isStructured(f.rule) || isAdmins(f.rule)) && !staffField(text, f);
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
    // (a name a structured rule reads in a patient's field, "LOPEZ, MARIA" in a census's Name column, is that
    // patient's: an employee who is a patient there)
    if (found.size > 0) {
      const fields = candidates.filter((f) => f.type === 'NAME' && isStructured(f.rule));
      if (fields.length > 0) {
        const free = uncovered(fields);
        for (const f of found) if (!free(f)) found.delete(f);
      }
    }
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
    const keep = (f: Finding) => !STAFF_TYPES.has(f.type) || isStructured(f.rule) || !places!().has(f.type, f.start, f.end);
    const before = candidates;
    candidates = candidates.filter(keep);
    // one person, one answer: a name the check took at one place and kept at another is a patient's
    // wherever it stands ("Attendees: Maria Garcia, …" over "Maria Garcia was admitted"), or a
    // colleague's (taken twice, "Reporter: Sunita Kapoor" and her signature, over a checklist's row)
    if (candidates.length < before.length) candidates = settleSharedNames(text, scan.newlines, before, candidates);
    if (weak.length > 0) weak = weak.filter(keep);
    if (candidates.length === 0) return candidates;
    // a colleague's first name alone ("Thanks Gabriel", "routing to Nicole") where the text gives
    // that colleague's full name as no patient's ("Comment (Gabriel St. John)")
    // (only where the workforce check or the directory took a name: a colleague is written out somewhere)
    if (staff !== undefined || droppedName(before, candidates)) candidates = staffFirstNames(scan, candidates, staff);
    if (candidates.length === 0) return candidates;
  }
  if (weak.length > 0) candidates = candidates.concat(boostNearPhi(candidates, weak, types));
  if (staff !== undefined) {
    candidates = candidates.filter((f) => !staff!.has(f));
    if (candidates.length === 0) return candidates;
  }
  // (a record line's other identifiers first: echoes then finds them again elsewhere)
  const lineIds = recordLineIds(scan, candidates);
  if (lineIds.length > 0) candidates = candidates.concat(lineIds.filter(uncovered(candidates)));
  const listed = labelListIds(text, candidates);
  if (listed.length > 0) candidates = candidates.concat(listed.filter(uncovered(candidates)));
  const lineDates = recordLineDates(scan, candidates);
  if (lineDates.length > 0) candidates = candidates.concat(lineDates.filter(uncovered(candidates)));
  let again = echoes(scan, candidates).concat(shapeEchoes(scan, candidates), siblings(text, candidates), spelledNames(text, candidates), rangeEnds(text, candidates));
  // (a value found again may be the one a barcode joins others to)
  again = again.concat(caretNeighbours(text, again.length > 0 ? candidates.concat(again) : candidates));
  if (again.length > 0) candidates = candidates.concat(again.filter(uncovered(candidates)));
  // (other record numbers of a found MRN's kind, after the echoes: an echo keeps its own type)
  const kin = kinIds(scan, candidates);
  if (kin.length > 0) candidates = candidates.concat(kin.filter(uncovered(candidates)));

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

/** The census names a file name's parts are looked up in, and the words that are no name there. */
const FILENAME_NAMES = { first: FIRST_NAMES, last: SURNAMES, notName: (w: string) => COMMON_WORDS.has(w) || TECH_WORDS.has(w) };

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
  const keys = packedKeys(n);
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


/**
 * Words that tie a ticket to a person's own life: birth and death, a statement, a move, someone's
 * own address or phone ("she moved to Erie", "Jennifer Panza's mobile"), a person's documents.
 */
const PERSON_FACTS =
  /\b(?:date of (?:birth|service|death|admission|discharge|injury|visit|surgery|procedure|encounter|onset|accident|delivery)|birth ?date|born|(?<!\b(?:[Hh]appy|[Oo]ur|[Tt]eam|[Ss]taff|[Ll]ead['’]s|[Bb]oss['’]s|[Mm]anager['’]s|[Cc]olleague['’]s|[Ss]omeone['’]s|January|February|March|April|May|June|July|August|September|October|November|December|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)[ \t])birthday(?![ \t]+(?:club|shout-?outs?|e-?mails?|cards?|cakes?|party|lunch|thread|potluck))|deceased|died|statements?|(?<!\b(?:real|org|growth)[ \t])charts|scanned id|insurance card(?![ \t]?s\b)|(?<!\b(?:270\/271|27[01]|RTE)[ \t])eligibility(?![ \t]+(?:monitor|stats|dashboard|portal|requests (?:re-?sent|are|were))\b)|copay|deductible|prior auth(?:orization)?|(?:he|she|they) (?:moved|relocated|lives|lived|resides)|lives (?:at|in|on)|resides|(?:my|your|his|her|their)(?: new| home| own)? (?:address|home phone|dob|birthday|bill|lab|labs|results?|appointment|appt|meds|medications?|prescriptions?|chart|records?|insurance|doctor|visit|statement)|(?:was|were|is|got|been|be) (?:registered|admitted|seen|discharged)|registered (?:twice|under|as)|(?:imaging|image|images|film|outside) (?:cd|disc|disk)|['’]s (?:new |home )?(?:cell|mobile|home phone|address|dob|date of birth|call ?back)(?: #| number| no\.?)? (?:to|is|was|on file|changed|should))/i;
/** What an IT ticket without a patient in it names: staff, vendors, sites and their dates. */
const NO_PATIENT_TYPES: ReadonlySet<PhiType> = new Set<PhiType>(['NAME', 'EMAIL', 'PHONE', 'FAX', 'ADDRESS', 'ZIP', 'URL', 'DATE', 'IP']);
/** A record's field label among the patient words: MRN, FIN, DOB, CSN. */
const RECORD_FIELD_WORD = /^(?:mrn|fin|dob|csn)\b/i;
/** Is the word at p "patients" (any case)? */
function isPatientsAt(text: string, p: number): boolean {
  return lettersAtIgnoreCase(text, p, 'patients') && !isAlnumCode(text.charCodeAt(p + 8)) && text.charCodeAt(p + 8) !== 39 && text.charCodeAt(p + 8) !== 0x2019;
}
/** A test of whether a person (a NAME, PHONE or EMAIL among the candidates) is named in the paragraph holding a position or the one after it. */
function namedInParagraphs(text: string, candidates: Finding[]): (p: number) => boolean {
  const people = candidates.filter((f) => f.type === 'NAME' || f.type === 'PHONE' || f.type === 'EMAIL').map((f) => f.start).sort((x, y) => x - y);
  if (people.length === 0) return () => false;
  const starts = paragraphStarts(text);
  return (p) => {
    // (the paragraph holding p starts at starts[i - 1]; the one after it ends where starts[i + 1] begins)
    const i = firstAtOrAbove(starts, p + 1);
    const from = i > 0 ? starts[i - 1]! : 0;
    const to = i + 1 < starts.length ? starts[i + 1]! : text.length;
    const k = firstAtOrAbove(people, from);
    return k < people.length && people[k]! < to;
  };
}
/** Where the text's paragraphs start: 0, and each line with text after a blank line (one pass). */
function paragraphStarts(text: string): number[] {
  const out = [0];
  let lineStart = 0;
  let blank = true;
  let prevBlank = false;
  for (let k = 0; k <= text.length; k++) {
    const c = k < text.length ? text.charCodeAt(k) : 10;
    if (c === 10) {
      prevBlank = blank;
      lineStart = k + 1;
      blank = true;
    } else if (blank && c !== 32 && c !== 9 && c !== 13) {
      blank = false;
      if (prevBlank && lineStart > 0) out.push(lineStart);
    }
  }
  return out;
}
/**
 * The candidates that may name a patient beside a system's patient word: not a name the workforce
 * check reads as a colleague's ("Kelsey Vold added a comment", a signature), nor a colleague's number.
 */
function people(candidates: Finding[], places: (() => Workforce) | undefined): Finding[] {
  if (places === undefined) return candidates;
  return candidates.filter((f) => !((f.type === 'NAME' || f.type === 'PHONE' || f.type === 'EMAIL') && !isStructured(f.rule) && places().has(f.type, f.start, f.end)));
}
/** A test of whether a NAME among the candidates is on the line holding a position or the line after it. */
function namedOnLine(scan: Scan, candidates: Finding[]): (p: number) => boolean {
  const lines = new Set<number>();
  const { newlines } = scan;
  for (const f of candidates) if (f.type === 'NAME') lines.add(lineStartOf(newlines, f.start));
  return (p) => {
    const ls = lineStartOf(newlines, p);
    if (lines.has(ls)) return true;
    // (the line after it: "Patient labels printing blank on the Zebra.\nFirst label was for Margaret Pelletier")
    const le = lineEndOf(newlines, ls, scan.text.length);
    return le < scan.text.length && lines.has(le + 1);
  };
}
/**
 * A test of whether a person is named as someone's on the line holding a position or the next: after "for", "w/",
 * "with", "shows", "of", a patient word, a title or a wrong name, or before "'s room", a room's or a bed's number or a date.
 */
function patientNamedOnLine(scan: Scan, candidates: Finding[]): (p: number) => boolean {
  const { newlines, text } = scan;
  const lines = new Set<number>();
  for (const f of candidates) {
    if (f.type !== 'NAME') continue;
    if (!PERSON_OF_BEFORE.test(text.slice(Math.max(0, f.start - 16), f.start)) && !PERSON_OF_AFTER.test(text.slice(f.end, f.end + 16)) && !WRONG_NAME_BEFORE.test(text.slice(Math.max(0, f.start - 48), f.start))) continue;
    lines.add(lineStartOf(newlines, f.start));
  }
  return (p) => {
    const ls = lineStartOf(newlines, p);
    if (lines.has(ls)) return true;
    const le = lineEndOf(newlines, ls, text.length);
    return le < text.length && lines.has(le + 1);
  };
}
const PERSON_OF_BEFORE = /(?:\bfor|\bw\/|\bwith|\bshows|\bshowing|\bof|\bpt|\bpatient|\bresident|\b(?:mr|mrs|ms)\.?|\blook(?:ing)? up|\blookup|\bverify|\bsearch(?:ing)? for|\bcheck(?:ing)?|\bsays|\bon|\boff)[ \t]+$|\($/i;
/** "pulled the wrong name onto the report, Lydia Farrow instead of …" */
const WRONG_NAME_BEFORE = /\bwrong (?:name|patient|pt|chart|person)\b[^.\n]{0,36}$/i;
const PERSON_OF_AFTER = /^(?:['’]s?[ \t]+[a-z]|[ \t]+(?:uses|used|is in|was in)\b|,?[ \t]+(?:rm|room|bed)\b|[ \t]+\d{1,2}\/\d{1,2}|[ \t]+(?:has|had|shows|is|was)[ \t]+(?:no[ \t]+)?(?:coverage|active|inactive|termed|eligible|insurance))/i;
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
function patientEvidence(scan: Scan, text: string, candidates: Finding[], ownDomain: (domain: string) => boolean, places?: () => Workforce): boolean {
  let lineOfName: ((p: number) => boolean) | undefined;
  let lineOfPatient: ((p: number) => boolean) | undefined;
  let paragraphOfName: ((p: number) => boolean) | undefined;
  let tests: boolean | undefined;
  for (const p of scan.cueWords(Cue.Patient)) {
    if (!patientWordAt(text, p)) continue;
    // (a test record's field: "test patient ZZTEST, CUPID (test record, MRN 99000033)", "TRAIN, ADULTONE  MRN T9000101";
    // not another patient beside it: "ZZTEST,ALPHA MRN 99000021 - also real pt Jerome Watts")
    if ((tests ??= TEST_RECORD_WORD.test(text)) && RECORD_FIELD_WORD.test(text.slice(p, p + 4)) && testRecordField(text, p)) continue;
    // ("patient harm", "patient list": a patient only with a person named on its line or the next; "patients" in
    // general, "Patients and visitors are complaining": only with a person in its paragraph or the next)
    if (isPatientsAt(text, p)) {
      if ((paragraphOfName ??= namedInParagraphs(text, people(candidates, places)))(p)) return true;
      continue;
    }
    // (a portal no patient uses names a patient on its line only as someone's: "Reinstalled via Company Portal, same.
    // Kelsey Vold" names a colleague; "Company Portal re-enrollment for the bedside tablet in 7E-14 (Hyacinth Mabry's room"
    // and "captive portal wont load for Odette Broussard rm 412" a patient)
    if (staffPortalAt(text, p)) {
      if ((lineOfPatient ??= patientNamedOnLine(scan, people(candidates, places)))(p)) return true;
      continue;
    }
    if (!systemPatientWordAt(text, p) || (lineOfName ??= namedOnLine(scan, people(candidates, places)))(p)) return true;
  }
  if (candidates.some((f) => ((PATIENT_ID_TYPES.has(f.type) || isStructured(f.rule)) && !equipmentSerial(text, f) && !staffField(text, f)) || isAdmins(f.rule) || (f.type === 'DATE' && birthYear(text, f) && !((tests ??= TEST_RECORD_WORD.test(text)) && testRecordField(text, f.start))) || (f.type === 'EMAIL' && personalMail(text, f, ownDomain)) || (f.type === 'URL' && SOCIAL_PROFILE_URL.test(text.slice(f.start, f.end))))) return true;
  // a person's own contact details: "called 774-555-0166 saying", "Agnes Kowal called from 860-…",
  // "from his home IP 73.162.88.41", "home address 112 Chestnut St" (a colleague gives "her cell" too)
  if (candidates.some((f) => OWN_CONTACT_TYPES.has(f.type) && OWN_CONTACT_BEFORE.test(text.slice(Math.max(0, f.start - 40), f.start)))) return true;
  // a person's own address on the internet: "Hyun-woo Park from 72.14.190.33", "Report from Clifford Boone at 24.61.108.92"
  if (candidates.some((f) => f.type === 'IP' && PERSON_AT_IP_BEFORE.test(text.slice(Math.max(0, f.start - 40), f.start)))) return true;
  // someone who called the desk about their own use of a system, with their number ("Voicemail from Loretta Simms
  // 401-555-0148", "Caller Shirley Mbeki, 240-555-0117", "Harriet Cole 781-555-0113 … wants a call back")
  // (not a colleague calling from a department: "The caller, Jim Ferris from Radiology IT (617-555-0100)")
  const caller = CALLER_WORDS.exec(text);
  if (caller !== null && !CALLER_FROM_DEPARTMENT.test(text.slice(caller.index, caller.index + 80)) && candidates.some((f) => f.type === 'PHONE' && !isExtension(text, f))) return true;
  return personFacts(scan.text) || CARE_FOR_NAME.test(scan.text);
}
/**
 * Does the text give a person's own facts (PERSON_FACTS), other than an address, a phone or a birth date in
 * a sentence about a colleague's records ("Employee says she updated her home address in Workday", "Several employees asked to take their
 * birthdates off the lobby screen")?
 */
function personFacts(text: string): boolean {
  const re = PERSON_FACTS_ALL;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // (an employee's own care is a patient's: "Employee Angela Pruitt requesting a copy of her imaging CD")
    if (!HR_FACT.test(m[0])) return true;
    let a = m.index;
    while (a > 0 && m.index - a < 200 && !SENTENCE_END.has(text.charCodeAt(a - 1))) a--;
    let b = m.index + m[0].length;
    while (b < text.length && b - m.index < 200 && !SENTENCE_END.has(text.charCodeAt(b))) b++;
    if (!WORKFORCE_SENTENCE.test(text.slice(a, b))) return true;
  }
  return false;
}
const PERSON_FACTS_ALL = new RegExp(PERSON_FACTS.source, 'gi');
const HR_FACT = /address|birth|phone|cell|mobile|moved|relocated|lives|resides/i;
const SENTENCE_END: ReadonlySet<number> = new Set([10, 13, 46, 33, 63]);
const WORKFORCE_SENTENCE = /\b(?:employees?|staff members?|co-?workers?|colleagues?|new hires?|workday|payroll|hris|W-?2|W-?4)\b/i;
/**
 * A caller: "voicemail from", "call from", "caller", "one caller", "wants a call back", "left a
 * voicemail" (written without the i flag: the name after "from" starts with a capital, "VM from the
 * Zebra rep" names no one).
 */
const CALLER_WORDS = /\b(?:[Vv]oice ?mail|VM|vm|[Cc]all) from[ \t]+[A-Z]|\b(?:[Oo]ne|[Aa]|[Aa]nother|[Tt]he)[ \t]+caller\b|\b[Cc]aller[ \t:]+[A-Z]|\bwants[ \t]+a[ \t]+call[ \t-]?back\b|\bleft[ \t]+(?:a[ \t]+)?(?:voice ?mail|VM|vm)\b|\b[Oo]ne of them,[ \t]+[A-Z]/;
/** A caller who is a colleague: "from" a department or team within the caller's first words. */
const CALLER_FROM_DEPARTMENT = /(?:\bfrom[ \t]+(?:the[ \t]+)?|,[ \t]*)(?:[A-Z][\w&/-]*[ \t]+){0,2}(?:IT|Finance|HR|Facilities|Security|Payroll|Biomed|Telecom|Team|Department|Dept)\b/;
/** A phone written as an internal extension's ("x4412", "ext 4412"), or a short internal number. */
function isExtension(text: string, f: Finding): boolean {
  return f.end - f.start < 10 || /\b(?:x|ext\.?|extension)[ \t]*$/i.test(text.slice(Math.max(0, f.start - 12), f.start));
}
/** A capitalised name right before "from" or "at" and an IP address. */
const PERSON_AT_IP_BEFORE = /\b[A-Z][a-z'’-]+[ \t]+[A-Z][a-z'’-]+[ \t]+(?:from|at)[ \t]+$/;
const OWN_CONTACT_TYPES: ReadonlySet<PhiType> = new Set<PhiType>(['PHONE', 'IP', 'ADDRESS', 'EMAIL']);
/** What makes a number or an address a person's own, right before it. */
const OWN_CONTACT_BEFORE =
  /(?:\b(?:his|her|their)[ \t]+(?:own[ \t]+)?(?:home|house|personal)\b[^.\n]{0,16}|\b(?:his|her|their)[ \t]+(?:public[ \t]+|external[ \t]+)?ip(?:[ \t]+address)?|\b(?:called(?:[ \t]+(?:in|us|the desk|for (?:her|him|them)))?(?:[ \t]+from)?|calling[ \t]+from|lives[ \t]+at|home[ \t]+(?:ip|address|phone|number)))[ \t:,-]*(?:is|at|on|of)?[ \t:]*$/i;
/**
 * A licence number in a ticket without a patient that is a clinician's own: a valid NPI or DEA
 * registration (check digits and all: "NPI: 1447382910", "DEA FR4829173" in a new provider's access
 * request), found by those rules or after an NPI or DEA label. Anything else may be a person's own
 * there, whatever its label: a driver's licence, an ID's, a certificate's, a Medicaid number typed
 * into an NPI field, a nurse's licence in an employee health ticket.
 */
function cliniciansLicence(text: string, f: Finding): boolean {
  if (f.type !== 'LICENSE') return false;
  if (f.rule === 'license.npi' || f.rule === 'license.dea') return true;
  const value = text.slice(f.start, f.end);
  return isValidNpi(value) || isValidDea(value);
}
/**
 * A serial by its label only ("SN 1908-22", "lot 3107", "S/N UU12345678") right after the desk's own
 * equipment is named (a scanner, an analyser, a dictation mic, a cart, a reagent cartridge): not a
 * device a person wears, carries home or has implanted.
 */
function equipmentSerial(text: string, f: Finding): boolean {
  if (f.rule !== 'device.label') return false;
  const before = text.slice(lineStartWithin(text, f.start, 64), f.start);
  // (a device a person wears or has implanted, named right before the serial, is theirs: "Home router offline, ICD serial …")
  // ("Ext 6-4471  SN 84a0c9d21f": a desk phone's extension right before its serial)
  if ((EQUIPMENT_BEFORE.test(before) || EXT_SERIAL_BEFORE.test(before)) && !PERSONAL_DEVICE_LABEL.test(before)) return true;
  // a field of a computer's or network device's record on the lines above ("Device name: shaddad_iPhone_15Pro\n  Serial:
  // F2LXK9P4QW\n  IMEI: …", "Network: SMK-Clinic (L_6482955)\n  Device: MX67C")
  const above = text.slice(Math.max(0, f.start - 160), f.start);
  return IT_RECORD_FIELD.test(above) && !PERSONAL_DEVICE_LABEL.test(above) && !PERSONAL_DEVICE_WORD.test(above);
}
const IT_RECORD_FIELD = /(?:^|\n)[ \t]*(?:device name|host ?name|computer name|network|asset(?: tag)?|IMEI|MAC(?: address)?|firmware|OS(?: version)?|model|uplink|ip address|enrolled by|primary user|ownership|compliance)[ \t]*:/i;
const PERSONAL_DEVICE_WORD = /\b(?:patient|pt|mrn|dob|his|her|their|son|daughter|mother|father|wife|husband)\b/i;
/**
 * A structured field that names no patient by itself: an HL7 message's provider ID (a clinician's), a log's or a
 * record's user name ("user=klindqvist", "login: dmorales2": whoever signed in).
 */
function staffField(text: string, f: Finding): boolean {
  if (f.rule === 'hl7.provider-id') return true;
  // (only in a staff sign-in's log: a directory's, Imprivata's, a VPN's, Citrix's; not a patient portal's, "MyChart web services log …
  // user=rkowal58 event=AccountLocked", nor a patient app's, "Zoom log: user=raykowal57 event=leave")
  return f.rule === 'kv.other_id' && /\b(?:user(?:name)?|login)[ \t]*[=:][ \t]*["']?$/i.test(text.slice(Math.max(0, f.start - 16), f.start)) && STAFF_LOG_BEFORE.test(text.slice(Math.max(0, f.start - 240), f.start)) && !PORTAL_LOG_BEFORE.test(text.slice(Math.max(0, f.start - 240), f.start));
}
const STAFF_LOG_BEFORE = /\b(?:active directory|AD|LDAP|kerberos|imprivata|okta|duo|citrix|vpn|sso|osagent|hyperspace|workstation|password auth\w*|sAMAccountName|dn=|domain controller|entra|azure ad)\b/i;
const PORTAL_LOG_BEFORE = /\b(?:mychart|patient portal|portal|healow|followmyhealth|patients?|pt)\b/i;
const EXT_SERIAL_BEFORE = /\bext\.?[ ]?\d[\d-]{2,}[ \t]+(?:sn|s\/n|serial)[ \t#:]*$/i;
const PERSONAL_DEVICE_LABEL =
  /\b(?:ICD|CRT-?D|pacemaker|implant\w*|pumps?|transmitter|sensor|receiver|CGM|monitor|hub|cuff|scale|insulin|c?pap|bipap|ventilator|concentrator|defib\w*|LVAD|hearing aids?|cochlear|stimulator|neurostim\w*|port-?a-?cath|port)\b[^\n]{0,16}$/i;
const EQUIPMENT_BEFORE =
  /\b[A-Z0-9]{2,}(?:-[A-Z0-9]+){2,}\b[^\n]{0,6}$|\b(?:stack|players?|scanners?|printers?|powermic(?: iii| 4)?|dictation mic|carts?|analy[sz]ers?|instruments?|modules?|cobas|sysmex|clock|badges?|workstations?|laptops?|desktops?|PCs?|ipads?|iphones?|tablets?|routers?|switch(?:es)?|access points?|APs?|servers?|UPS|fridges?|refrigerators?|freezers?|cameras?|kiosks?|robots?|docks?|docking stations?|cartridges?|reagents?|QC(?: runs?)?|controls?|calibrators?|thin clients?|monitors? (?:arm|mount)|headsets?|phones? (?:base|handset)|spectralink|ascom|vocera|polycom|zebra|ZD\d+|ZT\d+|CT\d*|MRI|MR\d+|x-?ray|ultrasound|consoles?|PCUs?|alaris|omnicell|pyxis|siemens|beckman|motorola|axis|teladoc|radios?|handhelds?|handsets?|tabs?|intouch|time ?clocks?|atellica|architect|somatom|units? \d+|TC\d+)\b[^\n]{0,40}$/i;
/** A person's page on a social network. */
const SOCIAL_PROFILE_URL = /(?:linkedin\.com\/in|facebook\.com|instagram\.com|tiktok\.com\/@|(?:twitter|x)\.com\/|caringbridge\.org|gofundme\.com)/i;
/** A patient's care or records named for a person ("labels for Maria Lopez", "Images of Mr. Diaz"). */
const CARE_FOR_NAME =
  /\b[A-Z][a-z'’-]+ [A-Z][a-z'’-]+['’]s (?:AVS|after[- ]visit summary|chart|wristband|armband|bill|statement|MRN|DOB|discharge|medications?|meds|appointment|allergies|allergy list|insurance)\b|\b(?:[Ww]ristbands?|[Aa]rmbands?|[Bb]ands|[Ll]abels?|[Rr]esults?|[Ii]mages?|[Ii]maging|[Oo]rders?|[Rr]ecords?|[Ss]cans?|[Ss]pecimens?|[Rr]efills?|[Vv]isits?|[Ee]ncounters?|[Aa]ppointments?|[Rr]eferrals?|[Cc]laims?|[Bb]ills?|AVS|[Ff]amily|(?:[Aa]ddress|[Pp]hone|[Nn]umber|[Ii]nsurance|[Dd]emographics?) (?:change|update)s?|[Rr]egistration|[Cc]heck(?:ing)?[ -]in|[Dd]uplicates?) (?:for|of) (?:(?:Mr|Mrs|Ms|Mx|Miss)\.? )?[A-Z][A-Za-z'’-]+|\b(?:[Uu]pdate|[Cc]hange) (?:the )?(?:phone|address|cell|number|insurance|demographics|DOB) (?:for|of) [A-Z]|\b[Cc]heck(?:ing)? in (?:pt |patient )?[A-Z][a-z'’-]+ [A-Z]/;
/**
 * The candidates after the workforce check (`kept`, some of `all`), where a NAME's text was both
 * taken and kept (the same person: a redactor must not leave one copy behind, nor flag a colleague
 * at one place only). The kept places win, and the taken ones are given back, unless the check took
 * the name at two places or more with no patient or care words on their lines (a Jira comment
 * header's author counts twice), nobody in the text
 * writes as a patient (speaksAsPatient), the text gives no other written form of the name (a
 * record's "YOSHIDA^HANNAH"), and no kept place is on a line with patient or care words or
 * a patient's identifier or date (patientTied): then the kept places are a colleague's and leave too.
 */
function settleSharedNames(text: string, newlines: readonly number[], all: Finding[], kept: Finding[]): Finding[] {
  // (`kept` is some of `all`: nothing to settle when every name stayed)
  if (countNames(kept) === countNames(all)) return kept;
  let keptSet = new Set(kept);
  // each name's text without initials, worked out once
  const nameOf = new Map<Finding, string>();
  for (const f of all) if (f.type === 'NAME') nameOf.set(f, withoutInitials(text.slice(f.start, f.end)));
  // a colleague who is the patient of a record in the text ("YOSHIDA^HANNAH^R" in an HL7 message she
  // pasted, signed "Hannah Yoshida, MLS"): her name is PHI wherever it stands
  let recordKeys: Set<string> | undefined;
  // (a record's message, not a sheet's column: a roster's "Name" column is a colleague's)
  for (const f of kept) if (f.type === 'NAME' && RECORD_NAME_RULE.test(f.rule)) (recordKeys ??= new Set()).add(nameKey(nameOf.get(f) ?? ''));
  if (recordKeys !== undefined) {
    const given = all.filter((f) => f.type === 'NAME' && !keptSet.has(f) && recordKeys!.has(nameKey(nameOf.get(f)!)));
    if (given.length > 0) {
      kept = kept.concat(given);
      keptSet = new Set(kept);
      if (countNames(kept) === countNames(all)) return kept;
    }
  }
  // the kept places of each name
  const keptPlaces = new Map<string, Finding[]>();
  for (const f of kept) {
    const name = nameOf.get(f);
    if (name === undefined) continue;
    const places = keptPlaces.get(name);
    if (places === undefined) keptPlaces.set(name, [f]);
    else places.push(f);
  }
  if (keptPlaces.size === 0) return kept;
  const tied = lineTies(text, newlines, kept);
  // the kept names the check also took, and at how many places with no patient or care words on
  // their line (a Jira comment header's author counts twice)
  let taken: Map<string, number> | undefined;
  // the names that head a Jira comment, with the ends of their headers
  let authors: Map<string, number[]> | undefined;
  for (const [f, name] of nameOf) {
    if (keptSet.has(f) || !keptPlaces.has(name)) continue;
    // (a comment header's line holds the comment's date: it is the header's, not the person's)
    const header = COMMENT_BY.test(text.slice(f.end, f.end + 20));
    if (header) {
      const ends = (authors ??= new Map()).get(name);
      if (ends === undefined) authors.set(name, [f.end]);
      else ends.push(f.end);
    }
    const places = header ? 2 : tied(f) ? 0 : 1;
    (taken ??= new Map()).set(name, (taken.get(name) ?? 0) + places);
  }
  if (taken === undefined) return kept;
  // (the same person written otherwise among the kept names, "YOSHIDA^HANNAH" or "Yoshida, Hannah"
  // for "Hannah Yoshida": a record's, so the colleague is that patient too)
  const otherForms = new Set<string>();
  for (const name of keptPlaces.keys()) if (!taken.has(name)) otherForms.add(nameKey(name));
  // (where someone writes as a patient, a colleague's name may be that patient's: "[10:02] Dana
  // Whitfield: my DOB is …"; read once, when a name would otherwise be a colleague's)
  let patientVoice: boolean | undefined;
  let back: Set<string> | undefined;
  let staff: Set<Finding> | undefined;
  let idTied: ((f: Finding) => boolean) | undefined;
  for (const [name, count] of taken) {
    const places = keptPlaces.get(name)!;
    const headers = authors?.get(name);
    // A comment's author is a Jira user: a colleague at the kept places too, care words there or
    // not ("cc Tamsin Whitlock for privacy - band w/ Khoury's info"), unless a kept place's line
    // holds a patient's identifier or date or the person's own care (AUTHOR_CARE), or the author's
    // own comment speaks as a patient.
    const patientAuthor = () =>
      places.some((f) => (idTied ??= lineTies(text, newlines, kept, true))(f) || AUTHOR_CARE.test(lineAround(text, newlines, f.start))) ||
      headers!.some((end) => speaksAsPatient(commentBody(text, end)));
    if (count < 2 || otherForms.has(nameKey(name)) || (headers !== undefined ? patientAuthor() : places.some(tied) || (patientVoice ??= speaksAsPatient(text)))) (back ??= new Set()).add(name);
    else for (const f of places) (staff ??= new Set()).add(f);
  }
  let out = staff === undefined ? kept : kept.filter((f) => !staff!.has(f));
  if (back !== undefined) {
    const given = all.filter((f) => !keptSet.has(f) && back!.has(nameOf.get(f) ?? ''));
    if (given.length > 0) out = out.concat(given);
  }
  return out;
}
/** Rules that find a name in a patient's record (HL7, XML, DICOM, X12, FHIR JSON; not an HL7 message's attending). */
const RECORD_NAME_RULE = /^(?:name\.hl7|hl7\.(?!provider)|xml\.|dicom\.|x12\.|json\.)/;
/** A name's words in small letters, in order, without initials: one key for "Hannah Yoshida", "YOSHIDA^HANNAH^M", "Yoshida, Hannah". */
function nameKey(name: string): string {
  let key = NAME_KEYS.get(name);
  if (key === undefined) {
    if (NAME_KEYS.size >= 4096) NAME_KEYS.clear();
    NAME_KEYS.set(name, (key = nameKeyOf(name)));
  }
  return key;
}
/** nameKey's answers by name (names recur within a text and across texts). */
const NAME_KEYS = new Map<string, string>();
function nameKeyOf(name: string): string {
  return name
    .toLowerCase()
    .split(/[^\p{L}'’-]+/u)
    .filter((w) => w.length > 1)
    .sort()
    .join(' ');
}
/** What follows a Jira comment's author in its header: "Priya Raman added a comment - 21/Mar/25 11:40 AM". */
const COMMENT_BY = /^[ \t]+added a comment\b/;
/**
 * A person said to be a patient, or their own care, on a comment author's line: "Colby Renfroe (IT
 * field services) is a patient of …", "He is admitted on 4 East", "Renee Castellanos - certification
 * of health care provider" (not the desk's words for records and systems: "privacy", "Patient
 * Portal Support", "ED clock").
 */
const AUTHOR_CARE =
  /\b(?:is|was|as|being|['’]s) (?:a |an |the |our |my )?(?:patient|pt|inpatient|outpatient)\b(?! (?:access|portal|support|experience|financial|services?|registration|safety|relations)\b)|\b(?:admitted|discharged|health ?care provider|fmla|leave of absence|on leave|employee health|workers['’]? ?comp|injur(?:y|ies|ed)|needlestick|sharps|surgery|diagnos[ie]s|deceased|died|newborn)\b/i;
/** The line holding offset p, at most 200 characters either side of it. */
function lineAround(text: string, newlines: readonly number[], p: number): string {
  const ls = lineStartOf(newlines, p);
  return text.slice(Math.max(ls, p - 200), Math.min(lineEndOf(newlines, ls, text.length), p + 200));
}
/** A Jira comment's body: from its header's end (`from`) to the next comment's header or the text's end. */
function commentBody(text: string, from: number): string {
  const next = text.indexOf(' added a comment', from);
  if (next === -1) return text.slice(from);
  // (the next header's line starts after the last line break before it; none after `from`: the body ends at it)
  const nl = text.lastIndexOf('\n', next);
  return text.slice(from, nl >= from ? nl + 1 : next);
}
/**
 * A person's own care, records, leave or injury on a line (beside the patient words): "accessed
 * Chelsea Rasmussen's chart", "out on FMLA", "Person affected: …", "10:30  Marcus Delgado  VIDEO FOLLOW-UP".
 */
const CARE_WORDS =
  /\b(?:charts?|records?|visits?|encounters?|surgery|surgical|diagnos[ie]s|results?|imaging|x-?rays?|injur(?:y|ies|ed)|claims?|bills?|statements?|privacy|accessed|snoop(?:ed|ing)?|return[ -]to[ -]work|fmla|leave of absence|on leave|employee health|workers['’]? ?comp|newborn|baby|spouse|wife|husband|son|daughter|mother|father|deceased|died|registered|registration|admission|ed visit|er visit|er|ed|follow[ -]?up|appointments?|appts?|video visit|telehealth|health ?care provider|person affected|exposure|needlestick|sharps)\b/i;
/** The types whose value on a name's line ties the name to a patient's record. */
const TIE_TYPES: ReadonlySet<PhiType> = new Set<PhiType>([...PATIENT_ID_TYPES, 'DATE']);
/**
 * A test of whether a name is on a line with patient or care words (unless `idsOnly`), or with a
 * patient's identifier or date among `found` (each line read once).
 */
function lineTies(text: string, newlines: readonly number[], found: Finding[], idsOnly = false): (f: Finding) => boolean {
  const ids = sortFindings(found.filter((g) => TIE_TYPES.has(g.type)), false);
  const idStarts = ids.map((g) => g.start);
  const byLine = new Map<number, boolean>();
  return (f) => {
    const ls = lineStartOf(newlines, f.start);
    let v = byLine.get(ls);
    if (v === undefined) {
      const le = lineEndOf(newlines, ls, text.length);
      const line = text.slice(ls, le);
      v = !idsOnly && (patientLine(line) || CARE_WORDS.test(line));
      // (the identifiers starting on the line, in order: one of them ends on it)
      for (let k = rankOf(idStarts, ls, false); !v && k < ids.length && ids[k]!.start < le; k++) v = ids[k]!.end <= le;
      byLine.set(ls, v);
    }
    return v;
  };
}
/** Did a NAME of `before` leave (`after` is `before` filtered, with names given back appended)? */
function droppedName(before: Finding[], after: Finding[]): boolean {
  if (before.length === after.length) return false;
  // (`after` holds some of `before`'s findings, each once: a name left exactly when fewer names remain)
  return countNames(after) < countNames(before);
}
function countNames(list: Finding[]): number {
  let n = 0;
  for (const f of list) if (f.type === 'NAME') n++;
  return n;
}
/** A first name as a lone name candidate: "Gabriel", "Mei-Ling", "D'Andre". */
const FIRST_NAME_WORD = /^\p{Lu}\p{Ll}+(?:['’-]\p{L}\p{Ll}*)?$/u;
/**
 * The candidates without the lone first names that are a colleague's: the text also writes the
 * word as the first name of a full name ("Gabriel St. John", "Gabriel P. Stone") that no kept
 * name covers (the workforce check or the directory took it, or no rule found it), and no kept
 * name of two words or more (a patient's) has the word in it.
 */
function staffFirstNames(scan: Scan, candidates: Finding[], staff: Set<Finding> | undefined): Finding[] {
  const text = scan.text;
  let lone: Finding[] | undefined;
  for (const f of candidates) {
    if (f.type !== 'NAME' || f.end - f.start < 3 || f.end - f.start > 20) continue;
    // (a capital, then a small letter: most candidates that fail do at their first characters)
    const c0 = text.charCodeAt(f.start);
    const c1 = text.charCodeAt(f.start + 1);
    if (!((c0 >= 65 && c0 <= 90) || c0 >= 0xc0) || !((c1 >= 97 && c1 <= 122) || c1 >= 0xdf)) continue;
    if (!isStructured(f.rule) && FIRST_NAME_WORD.test(text.slice(f.start, f.end))) (lone ??= []).push(f);
  }
  if (lone === undefined) return candidates;
  // the words looked for (and their lengths, to pass over most words without reading them)
  const words = new Set<string>();
  const lengths = new Uint8Array(21);
  for (const f of lone) {
    const word = text.slice(f.start, f.end);
    words.add(word);
    lengths[word.length] = 1;
  }
  // Per word, where the text writes it as a colleague's full name (a lone finding's own place aside:
  // "Pt: Marcus De La Rosa" is the patient's; the word's other places count when a surname follows
  // them there): one pass over the scan's capitalised words
  const places: number[] = [];
  const { ws, we } = scan;
  for (let i = 0; i < ws.length; i++) {
    const len = we[i]! - ws[i]!;
    // (a word the scan ends before "'s" or "-" is no place: its end must be a space)
    if (len <= 20 && lengths[len] === 1 && text.charCodeAt(we[i]!) === 32) places.push(ws[i]!);
  }
  // (what the places are checked against, made when first needed: most places fail before)
  let kept: Finding[] | undefined;
  let inKept: ((s: number, e: number) => boolean) | undefined;
  let keptWords: Set<string> | undefined;
  // (a full name's place where another type was found is no colleague's: "Hawthorn Ct" of an address)
  let free: ((f: Finding) => boolean) | undefined;
  let colleagueAt: Map<string, number[]> | undefined;
  for (const k of places) {
    let e = k;
    while (e < text.length && e - k <= 20 && !isPartSeparator(text.charCodeAt(e))) e++;
    if (e - k > 20 || lengths[e - k] === 0 || text.charCodeAt(e) !== 32 || (k > 0 && isNameChar(text.charCodeAt(k - 1)))) continue;
    // (FULL_NAME_AFTER's first character after the space is a capital)
    const n1 = text.charCodeAt(e + 1);
    if (n1 < 65 || n1 > 90) continue;
    FULL_NAME_AFTER.lastIndex = e;
    const m = FULL_NAME_AFTER.exec(text);
    if (m === null) continue;
    const word = text.slice(k, e);
    if (!words.has(word)) continue;
    kept ??= candidates.filter((f) => f.type === 'NAME' && !staff?.has(f) && f.end - f.start > 3);
    if ((inKept ??= containment(kept))(k, e + m[0].length)) continue;
    // (a surname a kept name has too, in any case, is the patient's family's or the patient's own:
    // "User: lsandoval (Lupe Sandoval, Patient Access Rep)" over the record of "SANDOVAL, GUADALUPE")
    keptWords ??= lowerWords(text, kept);
    const surname = /[\p{L}'’-]+$/u.exec(m[0]);
    if (surname !== null && keptWords.has(surname[0].toLowerCase())) continue;
    // (a day, a month or a common word after the first name is no surname: "Spoke with Marcus Tuesday")
    if (surname !== null && notSurname(surname[0])) continue;
    // (not a chat line's speaker, "[10:03] Rosa Delgado: thanks": in a patient's chat with the desk, the patient)
    if (CHAT_SPEAKER_BEFORE.test(text.slice(Math.max(0, k - 24), k))) continue;
    if (!(free ??= uncovered(candidates.filter((c) => c.type !== 'NAME')))({ type: 'NAME', start: k, end: e + m[0].length, score: 0, rule: '' })) continue;
    const at = (colleagueAt ??= new Map()).get(word);
    if (at === undefined) colleagueAt.set(word, [k]);
    else if (at.length < 2) at.push(k);
  }
  if (colleagueAt === undefined) return candidates;
  // the words of the kept names of two words or more (a patient's: their first name alone stays theirs)
  const patientWords = new Set<string>();
  for (const f of kept!) {
    const name = text.slice(f.start, f.end);
    if (/[\s,]/.test(name)) for (const w of name.split(/[\s,.]+/)) if (w !== '') patientWords.add(w);
  }
  // (patient or family words right around one of a word's lone places make the word a patient's at
  // all of them: "Danielle's guarantor acct … Danielle advised", "Pt's dad Marcus called", "Helen (pt, MRN …)")
  for (const f of lone) {
    if (LONE_TIE_BEFORE.test(text.slice(Math.max(0, f.start - 16), f.start)) || LONE_TIE_AFTER.test(text.slice(f.end, f.end + 32))) patientWords.add(text.slice(f.start, f.end));
  }
  const drop = new Set<Finding>();
  for (const f of lone) {
    const word = text.slice(f.start, f.end);
    const at = colleagueAt.get(word);
    if (at !== undefined && !patientWords.has(word) && at.some((k) => k !== f.start)) drop.add(f);
  }
  return drop.size === 0 ? candidates : candidates.filter((f) => !drop.has(f));
}
/** Patient or family words right before a lone first name ("Pt's dad Marcus", "patient Helen", "guarantor: Danielle"). */
const LONE_TIE_BEFORE = /\b(?:pts?|pt['’]s|patient|patient['’]s|guarantor|proxy|dad|mom|mother|father|son|daughter|wife|husband|grand(?:mother|father|ma|pa))[ \t:,]*$/i;
/** …or right after it ("Helen (pt, MRN …)", "Danielle's guarantor acct", "Helen states she gets …", "Marcus isn't on the proxy list"). */
const LONE_TIE_AFTER =
  /^(?:['’]s (?:guarantor|acct|account|mrn|dob|chart|statement|bill|proxy|mychart|portal|appointment|appt|results?|labs?|visit)\b|[ \t]*\((?:pt|patient|mrn|dob)\b|[ \t]+(?:states|stated|is the (?:pt|patient)|was (?:admitted|seen|discharged)|(?:has|had) an? (?:appt|appointment|visit)|called (?:again|back|in|\d+x))\b|[^.\n]{0,20}\bproxy\b)/i;
/** A day's or a month's name, or a common English word that is no census surname. */
function notSurname(word: string): boolean {
  const w = word.toLowerCase();
  return DAYS_AND_MONTHS.has(w) || (COMMON_WORDS.has(w) && !SURNAMES.has(w));
}
const DAYS_AND_MONTHS: ReadonlySet<string> = new Set(
  'monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight yesterday january february march april may june july august september october november december'.split(' '),
);
/** The words of the names, in small letters. */
function lowerWords(text: string, names: Finding[]): Set<string> {
  const out = new Set<string>();
  for (const f of names) for (const w of text.slice(f.start, f.end).toLowerCase().split(/[\s,.^]+/)) if (w.length > 1) out.add(w);
  return out;
}
/** A chat line's time stamp right before a speaker: "[10:03] ", "10:15 AM ". */
const CHAT_SPEAKER_BEFORE = /(?:^|\n)[ \t]*\[?[^\]\n]{0,12}\d{1,2}:\d{2}(?:[ \t]?[AaPp][Mm])?\]?[ \t]+(?:Agent[ \t]+)?$/;
/** A surname after a first name (and a space), with a middle initial or "St." before it. */
const FULL_NAME_AFTER = / (?:[A-Z]\.? |St\.? )?[A-Z][a-z'’-]*[a-z](?:[A-Z][a-z'’-]*[a-z])?\b/y;
/** A name without its middle initials: "Connor J. MacAllister" and "Connor MacAllister" are one person. */
function withoutInitials(name: string): string {
  // (most names hold no initial: a space, a capital, then a space or '.', looked for by char code first)
  for (let k = name.indexOf(' '); k !== -1 && k + 2 < name.length; k = name.indexOf(' ', k + 1)) {
    const c = name.charCodeAt(k + 1);
    const d = name.charCodeAt(k + 2);
    if (c >= 65 && c <= 90 && (d === 32 || d === 46)) return name.replace(MIDDLE_INITIAL, '');
  }
  return name;
}
const MIDDLE_INITIAL = / [A-Z]\.?(?= )/g;
/**
 * A test patient or record's mention: "test record", "test patient ZZTEST", "ZZTEST", "TEST, PATIENT",
 * and a training environment's patients ("TRAIN, ADULTONE", "MYCHART, TESTONE").
 */
const TEST_RECORD = String.raw`\btest (?:record|chart|account|encounter|mrn|member)s?\b|\btest (?:patient|pt)s?\b(?=[ \t]*(?:[,(:]|ZZ|[A-Z]{2}))|\b(?:ZZ[A-Z]+|XX+TEST|ZTEST)\b|\bTEST,[ \t]?PATIENT\b|\bTRAIN,[ \t]?(?:(?:ADULT|PEDS?|PEDI|INFANT|NEWBORN|BABY|OB|ICU|NICU|PICU|ED|SURG|MED|ONC|PATIENT|PT|GERI|PSYCH|BH|CARDS?|REHAB|LD|TEEN|CHILD|TRAUMA)(?:ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|MOM|BABY|DAD|\d+)?|\d+)\b|\b[A-Z]{2,},[ \t]?TEST(?:ONE|TWO|THREE|FOUR|FIVE|PATIENT|PT)\b`;
/** A test record named somewhere in the text (the test before the slower look-back). */
const TEST_RECORD_WORD = new RegExp(TEST_RECORD);
/** A test record before a value, in its clause on its line ("test patient ZZTEST, ONE (MRN ", "(test record, MRN "). */
const TEST_RECORD_BEFORE = new RegExp(String.raw`(${TEST_RECORD})[^.!?\n~|]{0,40}$`);
/**
 * Is the record's field or value at p a test record's: after a test record in its clause or opening its line, under a
 * heading whose next line opens with one, or before a test build's or a "(fake" note?
 */
function testRecordField(text: string, p: number): boolean {
  const m = TEST_RECORD_BEFORE.exec(text.slice(Math.max(0, p - 64), p));
  // (not past another person: "ZZTEST, ALPHA and Nadia Jarbo DOB 3/4/1948")
  if (m !== null && !ANOTHER_PERSON.test(m[0].slice(m[1]!.length))) return true;
  return TEST_RECORD_LINE_START.test(text.slice(Math.max(0, p - 100), p)) || TEST_RECORD_NEXT_LINE.test(text.slice(p, p + 200)) || TEST_BUILD_AFTER.test(text.slice(p, p + 72));
}
const ANOTHER_PERSON = /\b(?:and|but|also|real|vs\.?)\b|[A-Z][a-z]+ [A-Z][a-z]+/;
/** A test record opening a value's line ("ZZTEST, SEPSISONE   MRN 9000412   FIN 91000233001   DOB …"). */
const TEST_RECORD_LINE_START = new RegExp(String.raw`(?:^|\n)[ \t]*(?:${TEST_RECORD})[^a-z\n]{0,80}$`);
/** A table's heading over test records: the next line opens with one ("Name  MRN  FIN  DOB\n  ZZTEST, BCMA ADULT  …"). */
const TEST_RECORD_NEXT_LINE = new RegExp(String.raw`^[^\n\d]{0,120}\n[ \t]*(?:${TEST_RECORD})`);
/** A test build named after a record's field in its sentence ("1900-01-01 DOB — these are all from the TST build"). */
const TEST_BUILD_AFTER = /^[^.!?\n]{0,60}(?:\b(?:these|those|all|both)\b[^.!?\n]{0,24}\b(?:TST|test|training|playground|non-?prod) (?:build|environment|env|region|instance|domain|system)\b|\((?:fake|test|dummy)\b)/i;
/** The types a test record's values are written with. */
const TEST_RECORD_TYPES: ReadonlySet<PhiType> = new Set<PhiType>(['MRN', 'ACCOUNT', 'OTHER_ID', 'HEALTH_PLAN_ID', 'DATE', 'SSN', 'AGE']);
const testRecordType = (f: Finding) => TEST_RECORD_TYPES.has(f.type);
function testRecordBefore(text: string, f: Finding): boolean {
  if (!TEST_RECORD_TYPES.has(f.type)) return false;
  const m = TEST_RECORD_BEFORE.exec(text.slice(Math.max(0, f.start - 64), f.start));
  // (a real patient after it: "tried ZZTEST, ALPHA, fine; real pt MRN 4410882 fails", "test record ok, pt's Medicaid ID …")
  if (m === null || isStructured(f.rule)) return false;
  // (the test patient's own given name is no real patient: "ZZTEST, PATIENT MRN 99900012"; after
  // "test patient, GARCIA, MARIA" the next name is a real one's)
  const between = TEST_FAMILY_WORD.test(m[1]!) ? m[0].slice(m[1]!.length).replace(TEST_GIVEN_NAME, '') : m[0].slice(m[1]!.length);
  return !REAL_AFTER_TEST.test(between) && !NAME_AFTER_TEST.test(between);
}
/** The given name in capitals right after a test family name ("ZZTEST|, PATIENT"), and such a family name alone. */
const TEST_GIVEN_NAME = /^,[ \t]?(?:PATIENT|PT|ONE|TWO|THREE|FOUR|FIVE|ALPHA|BRAVO|BETA|GAMMA|DELTA|ADULT[A-Z]*|PEDS?[A-Z]*|NEWBORN|BABY|INFANT|TEST[A-Z]*|[A-Z]*\d+)\b/;
const TEST_FAMILY_WORD = /^(?:ZZ[A-Z]+|XX+TEST|ZTEST)$/;
/** What turns from a test record to a real one between the test record's mention and a value. */
const REAL_AFTER_TEST = /\b(?:pts?|patients?|real|actual|live|but|vs\.?|versus|then|however|whereas|while|other)\b|[;]|['’]s\b/i;
/** Another person's name between a test record and a value: "…, Garrison, Alma MRN", "…, MARIA DIAZ MRN". */
const NAME_AFTER_TEST = /\b(?!Zz|Test)[A-Z][a-z]+,?[ \t][A-Z][a-z]+\b|\b(?!ZZ|XX|TEST|ZTEST)[A-Z]{2,},[ \t]?[A-Z]{2,}\b/;
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
/** Types whose site-shaped numbers are looked for again by shape (shapeEchoes). */
const SHAPE_TYPES: ReadonlySet<PhiType> = new Set<PhiType>(['MRN', 'ACCOUNT']);
/** A site's record or account number: two to four capitals and six to twelve digits ("KA00918274", "KV0003318820"). */
const SITE_SHAPE = /^([A-Z]{2,4})(\d{6,12})$/;
/**
 * The other numbers of the same site shape as a record or account number found by its label: the
 * same capitals and as many digits ("U# KA00918274 … the A01 for KA00720110"), as whole tokens, with
 * the finding's type and a little less score. A site's numbering is one shape per kind of number.
 */
function shapeEchoes(scan: Scan, candidates: Finding[]): Finding[] {
  const text = scan.text;
  let shapes: Map<string, Finding> | undefined;
  for (const f of candidates) {
    if (!SHAPE_TYPES.has(f.type) || f.end - f.start > 16 || isStructured(f.rule)) continue;
    const m = SITE_SHAPE.exec(text.slice(f.start, f.end));
    if (m === null) continue;
    const key = `${m[1]}|${m[2]!.length}`;
    if (!(shapes ??= new Map()).has(key)) shapes.set(key, f);
  }
  const out: Finding[] = [];
  if (shapes === undefined) return out;
  // each digit run once: the capitals right before it (two to four) and its length name a shape
  const { digitStarts, digitEnds } = scan;
  for (let r = 0; r < digitStarts.length; r++) {
    const s = digitStarts[r]!;
    const e = digitEnds[r]!;
    if (e - s < 6 || e - s > 12 || isAlnumCode(text.charCodeAt(e))) continue;
    let k = s;
    while (k > 0 && s - k < 5 && isUpperAscii(text.charCodeAt(k - 1))) k--;
    if (s - k < 2 || s - k > 4 || (k > 0 && isAlnumCode(text.charCodeAt(k - 1)))) continue;
    const f = shapes.get(`${text.slice(k, s)}|${e - s}`);
    if (f !== undefined) out.push({ type: f.type, start: k, end: e, score: Math.max(0.5, f.score - 0.05), rule: f.rule + '+shape' });
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
// (and a newborn's placeholder words: "HERSHBERGER, BABY GIRL" names no one "Baby" or "Girl" elsewhere)
const NAME_TITLES: ReadonlySet<string> = new Set(['Dr', 'Mr', 'Mrs', 'Ms', 'Mx', 'Miss', 'Jr', 'Sr', 'II', 'III', 'IV', 'MD', 'RN', 'Pt', 'PT', 'Baby', 'Boy', 'Girl', 'Twin', 'Infant', 'Newborn']);
/** An unidentified patient's placeholder name: "John Doe", "DOE, JANE", "Baby Doe". */
const PLACEHOLDER_NAME = /^(?:(?:john|jane|baby|unknown)[ ]+doe|doe,[ ]*(?:john|jane|baby))$/i;
const REAL_DOE = /\b(?:legal|actual|real) name\b|\b(?:legitimately|really|actually) named\b|\bname (?:really |actually )?is (?:actually |really |in fact )?(?:john|jane) doe\b|\b(?:john|jane) [A-Z]\.? doe\b|\b(?:john|jane) doe,?[ ]\(?(?:dob|mrn|d\.o\.b|\d)/i;
/** What says a Doe is a placeholder: an unknown or unidentified patient, a trauma alias, a rename of it. */
const PLACEHOLDER_CONTEXT = /\b(?:unknown|unidentified|placeholder|trauma (?:name|alias|registration)|alias|aka|doe (?:rename|workflow)|doe"? workflow)\b/i;
const PLACEHOLDER_WORD = /\b(?:john|jane|baby|unknown)[ ]+doe\b|\bdoe,[ ]*(?:john|jane|baby)\b/i;
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
    if (words === 0 ? !recordIdAfter(text, f.end) : f.score < 0.8) continue;
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
    if (inName(s, s + len) || orgAfter(text, s + len)) continue;
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

/** A name spelled out letter by letter: "K-I-M-B-R-O-U-G-H". */
const SPELLED = /\b[A-Z](?:-[A-Z]){3,39}\b/y;
/** What stands between a name and its spelling: ", ", ", that's ", " (spelled ". */
const SPELLING_JOIN = /^[ \t]*(?:,[ \t]*)?(?:(?:that['’]?s|that is|spelled|spelt|it['’]?s)[ \t]+)?[ \t(]*$/i;
/**
 * A caller's surname spelled right after their name ("Vernon Kimbrough, K-I-M-B-R-O-U-G-H, I'm
 * calling about …"): the spelling is the name too.
 */
function spelledNames(text: string, candidates: Finding[]): Finding[] {
  const out: Finding[] = [];
  // (the letters' first '-' is found by indexOf: a capital on each side of it, and another '-' two on)
  let names: Finding[] | undefined;
  let ends: number[] | undefined;
  let m: RegExpExecArray | null;
  for (let h = text.indexOf('-'); h !== -1; h = text.indexOf('-', h + 1)) {
    const c0 = text.charCodeAt(h - 1);
    const c1 = text.charCodeAt(h + 1);
    if (c0 < 65 || c0 > 90 || c1 < 65 || c1 > 90 || text.charCodeAt(h + 2) !== 45) continue;
    SPELLED.lastIndex = h - 1;
    if ((m = SPELLED.exec(text)) === null || m.index !== h - 1) continue;
    // (the next search starts after these letters)
    h = m.index + m[0].length;
    // (the letters' own dashes, not a longer code's: "A-B-C-D-1")
    if (text.charCodeAt(m.index + m[0].length) === 45) continue;
    // (the names by their ends: those ending at most 24 characters before the letters, by binary search)
    if (names === undefined) {
      names = candidates.filter((f) => f.type === 'NAME').sort((a, b) => a.end - b.end);
      ends = names.map((f) => f.end);
    }
    const at = m.index;
    let name: Finding | undefined;
    for (let k = firstAtOrAbove(ends!, at - 24); k < names.length && names[k]!.end <= at && name === undefined; k++) if (SPELLING_JOIN.test(text.slice(names[k]!.end, at))) name = names[k];
    if (name !== undefined) out.push({ type: 'NAME', start: at, end: at + m[0].length, score: Math.max(name.score, 0.85), rule: 'name.spelled' });
  }
  return out;
}
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

/**
 * Another record number of a found MRN's kind elsewhere in the text: a whole run of as many digits
 * (7-12) with the same first two ("MRN 20580071 (stone) / 20702288 (locklear)", "old one was
 * 00560877", "twins are 6100341109 and 6100341117"): a site's MRNs share a length and a range.
 */
function kinIds(scan: Scan, candidates: Finding[]): Finding[] {
  const { text, digitStarts, digitEnds } = scan;
  let kinds: Map<number, Finding> | undefined;
  for (const f of candidates) {
    const len = f.end - f.start;
    if (f.type !== 'MRN' || f.score < 0.85 || len < 7 || len > 12) continue;
    // (a test or training patient's number has no kin: "test patient ZZTEST, PATIENT MRN 99000021")
    if (TEST_NEAR_KIN.test(text.slice(Math.max(0, f.start - 48), Math.min(text.length, f.end + 32)))) continue;
    let digits = true;
    for (let k = f.start; k < f.end && digits; k++) digits = isDigitCode(text.charCodeAt(k));
    if (!digits) continue;
    // (length and first two digits, one number)
    (kinds ??= new Map()).set(len * 100 + (text.charCodeAt(f.start) - 48) * 10 + (text.charCodeAt(f.start + 1) - 48), f);
  }
  if (kinds === undefined) return [];
  let out: Finding[] | undefined;
  for (let r = 0; r < digitStarts.length; r++) {
    const s = digitStarts[r]!;
    const e = digitEnds[r]!;
    const len = e - s;
    if (len < 7 || len > 12) continue;
    const f = kinds.get(len * 100 + (text.charCodeAt(s) - 48) * 10 + (text.charCodeAt(s + 1) - 48));
    if (f === undefined || (s > 0 && NOT_BEFORE_KIN[text.charCodeAt(s - 1)] === 1)) continue;
    const after = text.charCodeAt(e);
    if (NOT_AFTER_ID[after] === 1 && !((after === 46 || after === 58) && !isAlnumCode(text.charCodeAt(e + 1)))) continue;
    // ("ticket # 00887412", "Epic SLG 6649012", "HL7 message 2731657299": the desk's and systems' own numbers)
    const before = text.slice(Math.max(0, s - 24), s);
    if (OWN_NUMBER_BEFORE.test(before) || SYSTEM_NUMBER_BEFORE.test(before) || KIN_LABEL_BEFORE.test(before)) continue;
    // (a date written as digits is no record number: "deployed on 20250115" next to "MRN 20580071")
    if (len === 8 && compactDate(text, s)) continue;
    (out ??= []).push({ type: 'MRN', start: s, end: e, score: f.score, rule: 'mrn.kin' });
  }
  return out ?? [];
}
/** Per ASCII code, 1 where it may not stand right before a kin number ([\w-/.:*$]; '#' may). */
const NOT_BEFORE_KIN = wordCodesAnd('-/.:*$');
/** A system's own number's label right before a number ("Epic SLG 6649012", "HL7 message 2731657299"). */
const SYSTEM_NUMBER_BEFORE = /\b(?:message|msg|slg|sherlock|log|session|thread|pid|process|error|code)\b[^\n\w]{0,6}$/i;
/**
 * An equipment's, a staff member's or an IT record's label right before a number ("Asset tag
 * 99001342", "Employee ID 60012455", "cost center 60019900", "firmware 7700902"): it says what the
 * number is. (Not "order", "id", "no", "#": "merged with order 40992210", "her newborn is # 62019903".)
 */
const KIN_LABEL_BEFORE =
  /\b(?:asset|tag|firmware|report|employee|emp|cost cent(?:er|re)|badge|serial|s\/n|sn|version|ver|build|release|vendor|printer|queue|device|server|invoice|po|job|ticket|case)(?:[ \t]*(?:id|no\.?|number|#))?[ \t]*[:#=]?[ \t]*$/i;
/** Test or training words around an MRN (its kin are then test data too). */
const TEST_NEAR_KIN = /\b(?:[Tt]est|[Tt]esting|[Tt]raining|[Tt]rain|[Dd]emo|[Dd]ummy|[Ss]ample|TEST|TESTING|TRAINING|TRAIN|DEMO|DUMMY|TST|tst)\b|\bZZ[A-Z]/;
/** Eight digits at p that are a valid date (isCompactDate: YYYYMMDD or MMDDYYYY, 1900-2099). */
const compactDate = (text: string, p: number) => isCompactDate(text.slice(p, p + 8));

/** The start of p's line: after the last '\n' before p (`newlines`: the text's line breaks, in order). */
function lineStartOf(newlines: readonly number[], p: number): number {
  const k = firstAtOrAbove(newlines, p) - 1;
  return k < 0 ? 0 : newlines[k]! + 1;
}
/** The end of the line starting at ls: its '\n', or the text's end. */
function lineEndOf(newlines: readonly number[], ls: number, textLength: number): number {
  const k = firstAtOrAbove(newlines, ls);
  return k < newlines.length ? newlines[k]! : textLength;
}

/**
 * A date written as eight digits (YYYYMMDD or MMDDYYYY, 1900-2099, a valid month and day) on a line with a
 * patient's name, as interface and lab worklists print them ("REDHAWK^JOLENE^ANN   19921105   A1C"):
 * the named person's date, birth or service.
 */
function recordLineDates(scan: Scan, candidates: Finding[]): Finding[] {
  const { text, newlines, digitStarts, digitEnds } = scan;
  let out: Finding[] | undefined;
  let seen: Set<number> | undefined;
  for (const f of candidates) {
    if (f.type !== 'NAME' || f.score < 0.85) continue;
    const ls = lineStartOf(newlines, f.start);
    if ((seen ??= new Set()).has(ls)) continue;
    seen.add(ls);
    const le = lineEndOf(newlines, ls, text.length);
    // (an HL7 segment's fields, wherever it starts on the line, are read by hl7Rule)
    if (le - ls > 400 || HL7_SEGMENT_IN_LINE.test(text.slice(ls, le))) continue;
    for (let r = firstAtOrAbove(digitStarts, ls); r < digitStarts.length && digitEnds[r]! <= le; r++) {
      const ds = digitStarts[r]!;
      const de = digitEnds[r]!;
      if (de - ds !== 8 || NOT_AFTER_ID[text.charCodeAt(de)] === 1 || (ds > 0 && NOT_BEFORE_ID[text.charCodeAt(ds - 1)] === 1)) continue;
      if (!compactDate(text, ds)) continue;
      (out ??= []).push({ type: 'DATE', start: ds, end: de, score: 0.85, rule: 'date.record-line' });
    }
  }
  return out ?? [];
}

/**
 * A bare identifier on a patient's record line: where a line holds a patient's name and their birth
 * date or SSN as found ("Keep:  M000612044  RIVERA-OCHOA, ESPERANZA M   DOB 1957-08-23  SSN …",
 * "3100229871  BRANNIGAN,COLM P  1958-04-17  880013998241"), a whole token of at most three capitals
 * and 6-12 digits is that record's number too (an MRN where the text speaks of MRNs).
 */
function recordLineIds(scan: Scan, candidates: Finding[]): Finding[] {
  const { text, newlines, digitStarts, digitEnds } = scan;
  let lines: Map<number, number> | undefined;
  for (const f of candidates) {
    const strongName = f.type === 'NAME' && f.score >= 0.85;
    const strongId = (f.type === 'DATE' && f.score >= 0.9) || f.type === 'SSN';
    if (!strongName && !strongId) continue;
    const ls = lineStartOf(newlines, f.start);
    (lines ??= new Map()).set(ls, (lines.get(ls) ?? 0) | (strongName ? 1 : 2));
  }
  if (lines === undefined) return [];
  let out: Finding[] | undefined;
  let type: PhiType | undefined;
  for (const [ls, bits] of lines) {
    if (bits !== 3) continue;
    const le = lineEndOf(newlines, ls, text.length);
    // (an HL7 segment's fields are read by hl7Rule)
    if (le - ls > 400 || HL7_SEGMENT_LINE.test(text.slice(ls, ls + 4))) continue;
    // the line's digit runs of 6-12 digits, each a token with up to three capitals before it
    for (let r = firstAtOrAbove(digitStarts, ls); r < digitStarts.length && digitEnds[r]! <= le; r++) {
      const ds = digitStarts[r]!;
      const de = digitEnds[r]!;
      if (de - ds < 6 || de - ds > 12 || NOT_AFTER_ID[text.charCodeAt(de)] === 1) continue;
      let s = ds;
      while (s > ls && ds - s < 4 && isUpperAscii(text.charCodeAt(s - 1))) s--;
      if (ds - s > 3 || (s > 0 && NOT_BEFORE_ID[text.charCodeAt(s - 1)] === 1)) continue;
      // ("RightFax job 4471902", "ticket # 00887412": the desk's own numbers)
      if (OWN_NUMBER_BEFORE.test(text.slice(Math.max(ls, s - 24), s))) continue;
      type ??= /\b(?:MRN|medical record)/i.test(text) ? 'MRN' : 'OTHER_ID';
      (out ??= []).push({ type, start: s, end: de, score: 0.85, rule: 'id.record-line' });
    }
  }
  return out ?? [];
}
/**
 * The values of a list after a plural identifier's label, to the end of its line: "MRNs for these: Ruth
 * Stoltzfus 6618203, Michael Danko 6620914", "Media IDs: MED-88120441, MED-88120442", "Specimen #s affected:
 * 0304:H00152, 0304:H00153" — each item's last token with four digits or more, in a text that names a
 * patient or a record among the candidates (a name found as one, a record's number or a birth date).
 */
function labelListIds(text: string, candidates: Finding[]): Finding[] {
  let out: Finding[] | undefined;
  let patient: boolean | undefined;
  // (from each ':' not after a digit, a time's: the label is read back from it)
  for (let c = text.indexOf(':'); c !== -1; c = text.indexOf(':', c + 1)) {
    if (c < 4 || isDigitCode(text.charCodeAt(c - 1))) continue;
    // (a list holds numbers: a digit after the ':' on its line, before the slower look-back)
    let d = c + 1;
    while (d < text.length && d - c < 60 && text.charCodeAt(d) !== 10 && !isDigitCode(text.charCodeAt(d))) d++;
    if (!isDigitCode(text.charCodeAt(d))) continue;
    const m = LIST_LABEL_BEFORE.exec(text.slice(Math.max(0, c - 48), c));
    if (m === null) continue;
    if (!(patient ??= candidates.some((f) => (f.type === 'NAME' && f.score >= 0.85) || f.type === 'MRN' || (f.type === 'DATE' && f.score >= 0.9)))) return [];
    const w = m[1]!.toLowerCase();
    const type: PhiType = w.startsWith('mr') || w.startsWith('medical') ? 'MRN' : w.startsWith('member') || w.startsWith('subscriber') ? 'HEALTH_PLAN_ID' : w.startsWith('csn') || w.startsWith('har') || w.startsWith('fin') || w.startsWith('encounter') ? 'ACCOUNT' : 'OTHER_ID';
    const from = c + 1;
    let to = text.indexOf('\n', from);
    if (to === -1) to = text.length;
    ITEM_TOKEN.lastIndex = from;
    let prev = from;
    for (let t = ITEM_TOKEN.exec(text); t !== null && t.index < to; t = ITEM_TOKEN.exec(text)) {
      const e = t.index + t[0].length;
      // (the token ends its item: a separator, the line's end or a full stop follows)
      if (!ITEM_END.test(text.slice(e, e + 6)) || digitCount(t[0]) < 4) continue;
      // (a list, not prose: only a separator and a name may stand before each item, "Ruth Stoltzfus 6618203, …";
      // not "see INC0048812", "all run on the AU5812"; and no desk's own number)
      const gap = text.slice(prev, t.index);
      if (!ITEM_GAP.test(gap) || DESK_TICKET_ID.test(t[0]) || everydayCapitals(gap)) break;
      (out ??= []).push({ type, start: t.index, end: e, score: 0.85, rule: 'id.label-list' });
      prev = e;
    }
  }
  return out ?? [];
}
/** A plural identifier's label before a ':' (up to 24 characters between: "MRNs for these:", "Specimen #s affected:"). */
const LIST_LABEL_BEFORE = /\b(MRNs|MRN ?#s|MR ?#s|medical record numbers|accessions|accession (?:#s|numbers|nos)|specimens|specimen (?:#s|IDs|numbers)|media IDs|document IDs|claim (?:#s|numbers)|member IDs|subscriber IDs|CSNs|HARs|FINs|encounters)\b[^:\n]{0,24}$/i;
const ITEM_GAP = /^[ \t]*(?:[,;&][ \t]*|(?:and|or)[ \t]+)*(?:[A-Z][A-Za-z'’-]+[ \t]+){0,3}$/;
/** An everyday word in capitals before a list's item ("Tube Station 4410", "Analyzer AU5812"): equipment, not a person's name. */
const everydayCapitals = (gap: string) =>
  (gap.match(/[A-Z][a-z]+/g) ?? []).some((w) => EQUIPMENT_WORD.test(w) || (COMMON_WORDS.has(w.toLowerCase()) && !FIRST_NAMES.has(w.toLowerCase()) && !SURNAMES.has(w.toLowerCase())));
const EQUIPMENT_WORD = /^(?:Analy[sz]ers?|Stations?|Tubes?|Printers?|Scanners?|Workstations?|Devices?|Interfaces?|Servers?|Carts?)$/;
const ITEM_TOKEN = /(?<![A-Za-z0-9:_.-])[A-Za-z0-9][A-Za-z0-9:_-]{3,22}(?![A-Za-z0-9:_-])/g;
const ITEM_END = /^[ \t]*(?:,|;|&|\band\b|\bor\b|\.(?!\w)|\)|\r?\n|$)/;
/** Per ASCII code, 1 where it may not stand right before or after a record line's identifier ([\w-/.:#*$] before, [\w-/.:*] after). */
const NOT_BEFORE_ID = wordCodesAnd('-/.:#*$');
const NOT_AFTER_ID = wordCodesAnd('-/.:*');
/** Per ASCII code, 1 for a word character ([A-Za-z0-9_]) or one of `chars`. */
function wordCodesAnd(chars: string): Uint8Array {
  const t = new Uint8Array(128);
  for (let c = 0; c < 128; c++) if (isWordCode(c)) t[c] = 1;
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
}
const HL7_SEGMENT_LINE = /^[A-Z][A-Z0-9]{2}\|/;
/** An HL7 segment hl7Rule reads, anywhere on a line ("doc for GT1: GT1|1||…"); not a table's "|A1C|". */
const HL7_SEGMENT_IN_LINE = new RegExp(`(?<![A-Za-z0-9])(?:${[...HL7_SEGMENT_NAMES].join('|')})\\|[^|\\n]*\\|`);
/** A job's, ticket's or transaction's label right before a number. */
const OWN_NUMBER_BEFORE = /\b(?:job|ticket|case|incident|batch|queue|fax|po|invoice|ref|reference|request|req|transaction|confirmation|control|trace|build|version|port|ext|pager|x)\b[^\n\w]{0,6}(?:(?:id|no|number|num|nbr)\b[^\n\w]{0,4})?$/i;

/** What joins a date range's two ends: "08/05/2024 - 08/09/2024", "10/20 through 11/28", "08/12-08/14". */
const RANGE_JOIN = /[ \t]*(?:[-\u2013\u2014]|to|through|thru|until|till)[ \t]*/iy;
/** A numeric date (its parts and separator) not inside a longer token. */
const RANGE_END = /(\d{1,4})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\w/]|[.-]\d)/y;
/**
 * The end of a range whose start was found as a patient's date ("svc dates 08/05/2024 - 08/09/2024",
 * "daily radiation 10/20 through 11/28"): the same event's last day. Only a numeric date written
 * the same way as the start (separator, number of parts, a year first or not) and a valid one.
 */
function rangeEnds(text: string, candidates: Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const f of candidates) {
    if (f.type !== 'DATE' || !isDigitCode(text.charCodeAt(f.start))) continue;
    RANGE_END.lastIndex = f.start;
    const first = RANGE_END.exec(text);
    if (first === null) continue;
    RANGE_JOIN.lastIndex = f.end;
    const join = RANGE_JOIN.exec(text);
    if (join === null) continue;
    const s = f.end + join[0].length;
    // (a word needs spaces on both sides: "08/12through08/14" is no range)
    if (/[a-z]/i.test(join[0]) && !/^[ \t]+[a-z]+[ \t]+$/i.test(join[0])) continue;
    RANGE_END.lastIndex = s;
    const m = RANGE_END.exec(text);
    if (m === null || m[2] !== first[2] || (m[4] === undefined) !== (first[4] === undefined) || (m[1]!.length === 4) !== (first[1]!.length === 4)) continue;
    if (!validDateParts(m[1]!, m[3]!, m[4])) continue;
    if (s > 0 && isWordCode(text.charCodeAt(s - 1))) continue;
    out.push({ type: 'DATE', start: s, end: s + m[0].length, score: f.score, rule: f.rule + '+range' });
  }
  return out;
}
/** A real month and day: year-month-day when the first part has four digits, else month/day or day/month (and a year). */
function validDateParts(a: string, b: string, c: string | undefined): boolean {
  if (a.length === 4) return c !== undefined && isValidMonthDay(Number(b), Number(c));
  return a.length <= 2 && (isValidMonthDay(Number(a), Number(b)) || isValidMonthDay(Number(b), Number(a)));
}

/**
 * The identifiers caret-joined to a found identifier or name, as wristband and label barcodes write
 * a record ("E1846002^4120098831^VOSS,FREDERICK": MRN, CSN, name): a run of 6–20 letters, digits and
 * '-' with a digit in it, right across a '^', is an identifier too (the found one's type, or
 * OTHER_ID next to a name). Not on an HL7 segment's line (hl7Rule reads those by field).
 */
function caretNeighbours(text: string, candidates: Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const f of candidates) {
    if (f.type !== 'NAME' && !ECHO_TYPES.has(f.type)) continue;
    const type: PhiType = f.type === 'NAME' ? 'OTHER_ID' : f.type;
    const score = Math.min(f.score, 0.85);
    if (f.start > 0 && text.charCodeAt(f.start - 1) === 94) {
      let s = f.start - 1;
      while (s > 0 && f.start - 1 - s < CARET_MAX && isCaretIdChar(text.charCodeAt(s - 1))) s--;
      if (caretId(text, s, f.start - 1)) out.push({ type, start: s, end: f.start - 1, score, rule: 'caret.sibling' });
    }
    if (text.charCodeAt(f.end) === 94) {
      let e = f.end + 1;
      while (e < text.length && e - f.end - 1 < CARET_MAX && isCaretIdChar(text.charCodeAt(e))) e++;
      if (caretId(text, f.end + 1, e)) out.push({ type, start: f.end + 1, end: e, score, rule: 'caret.sibling' });
    }
  }
  return out;
}
const CARET_MIN = 6;
const CARET_MAX = 20;
const isCaretIdChar = (c: number) => isAlnumCode(c) || c === 45;
/** [s, e) is a whole run of CARET_MIN-CARET_MAX identifier characters with a digit, not inside a longer run. */
function caretId(text: string, s: number, e: number): boolean {
  if (e - s < CARET_MIN || e - s > CARET_MAX) return false;
  if ((s > 0 && isCaretIdChar(text.charCodeAt(s - 1))) || (e < text.length && isCaretIdChar(text.charCodeAt(e)))) return false;
  let digit = false;
  for (let k = s; k < e && !digit; k++) digit = isDigitCode(text.charCodeAt(k));
  if (!digit) return false;
  // not in an HL7 segment (its fields are read by hl7Rule: "ORC|…|1093774512^CHO^M" is a provider's NPI)
  for (let k = s - 1; k >= 0 && s - k <= CARET_LINE; k--) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) break;
    if (c === 124) return false;
  }
  return true;
}
/** How far back on its line a barcode's value looks for an HL7 field separator. */
const CARET_LINE = 240;
/**
 * The findings' starts in order and, per rank, the furthest end among the findings up to it: what
 * containment and uncovered search. Sorted as packed numbers (start, index below 2^20: exact in a
 * double) rather than with a comparator; ties between equal starts may come in any order (the
 * furthest end up to the last of them is the same).
 */
function spanIndex(findings: readonly Finding[]): { starts: number[]; reach: number[] } {
  const n = findings.length;
  const keys = packedKeys(n);
  for (let i = 0; i < n; i++) keys[i] = findings[i]!.start * 1048576 + (i % 1048576);
  keys.sort();
  if (n > 1048576) {
    // (more findings than the packing holds: order them by a comparator instead)
    const order = findings.map((_, i) => i).sort((a, b) => findings[a]!.start - findings[b]!.start);
    for (let r = 0; r < n; r++) keys[r] = order[r]!;
  }
  const starts: number[] = new Array(n);
  const reach: number[] = new Array(n);
  let far = -1;
  for (let r = 0; r < n; r++) {
    const f = findings[n > 1048576 ? keys[r]! : keys[r]! % 1048576]!;
    starts[r] = f.start;
    if (f.end > far) far = f.end;
    reach[r] = far;
  }
  return { starts, reach };
}
/**
 * n slots for packed sort keys: a scratch array reused between calls (a typed array's allocation
 * costs more than sorting a hundred keys), or a new one for very many (not kept alive after).
 */
function packedKeys(n: number): Float64Array {
  if (n > PACKED_KEYS_KEPT) return new Float64Array(n);
  if (packedScratch.length < n) packedScratch = new Float64Array(PACKED_KEYS_KEPT);
  return packedScratch.subarray(0, n);
}
const PACKED_KEYS_KEPT = 1 << 16;
let packedScratch = new Float64Array(0);
/** How many of the sorted starts are below `limit` (below or at it with `orAt`). */
function rankOf(starts: readonly number[], limit: number, orAt: boolean): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < limit || (orAt && starts[mid] === limit)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
/** A test of whether [s, e) lies inside one of the findings (in any order). */
function containment(findings: Finding[]): (s: number, e: number) => boolean {
  const { starts, reach } = spanIndex(findings);
  // the last span starting at or before s: some span up to it reaches e exactly when the furthest does
  return (s, e) => {
    const r = rankOf(starts, s, true);
    return r > 0 && reach[r - 1]! >= e;
  };
}
/** A test of whether a span overlaps none of the findings (they may come in any order). */
function uncovered(findings: Finding[]): (f: Finding) => boolean {
  const { starts, reach } = spanIndex(findings);
  // the spans starting before f ends: none of them may reach past f's start
  return (f) => {
    const r = rankOf(starts, f.end, false);
    return r === 0 || reach[r - 1]! <= f.start;
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
