/**
 * The site's staff by its workforce directory (directory.ts) among a text's NAME candidates, and the
 * readings that keep a directory name as PHI because the ticket ties the person to a patient
 * (staff are patients too). detect.ts calls directoryStaff when settings.workforceNames is set.
 * Pure: no Forge imports. Every scan around a name is bounded, so the check is linear in the text.
 */
import { firstAtOrAbove, isAsciiAlnum as isAlnumCode, isDigitCode } from './chars';
import { Cue, type Scan } from './context';
import { nameWords, type StaffDirectory } from './directory';
import { birthYear, isAdmins, isStructured, patientWordAt, PATIENT_ID_TYPES, personalMail } from './evidence';
import type { Finding, PhiType } from './types';

const BY_START = (a: Finding, b: Finding) => a.start - b.start;

/**
 * The NAME candidates that are the site's staff by its workforce directory (directory.ts): a
 * directory person's name (or a list of them), a doctor's surname the directory has ("Dr.
 * Abernathy"), a lone first name or surname of a directory person the text names in full ("Maria
 * Lopez … thanks Maria"), and a staff member's phone, fax or e-mail right after their name. A
 * person stays PHI everywhere when any copy of their name is tied to a patient (StaffCheck.tied):
 * staff are patients too. A lone word that is also part of a name kept as PHI stays (it may be
 * that person's).
 */
export function directoryStaff(scan: Scan, candidates: Finding[], dir: StaffDirectory, ownDomain: (domain: string) => boolean): Set<Finding> {
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
    const a = firstAtOrAbove(words, from);
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

  /**
   * The bounds [start, end) of the name's line, or undefined when it is longer than LINE_MAX (then it
   * is no list item, author or signature line). Each scan is bounded by LINE_MAX.
   */
  private lineOf(f: Finding): [number, number] | undefined {
    const text = this.text;
    const w0 = Math.max(0, f.start - LINE_MAX);
    const nb = text.slice(w0, f.start).lastIndexOf('\n');
    if (nb < 0 && w0 > 0) return undefined;
    const ls = nb < 0 ? 0 : w0 + nb + 1;
    const nl = text.slice(f.end, f.end + LINE_MAX).indexOf('\n');
    const le = nl < 0 ? Math.min(text.length, f.end + LINE_MAX + 1) : f.end + nl;
    return le - ls > LINE_MAX ? undefined : [ls, le];
  }

  /** A list item under a header line (ending in ':') with a patient word or "employee-patients". */
  private headerTie(f: Finding): boolean {
    const text = this.text;
    const line = this.lineOf(f);
    if (line === undefined) return false;
    const [ls, le] = line;
    if (le - ls > 80 || ls === 0) return false;
    let k = ls - 1;
    for (let n = 0; k > 0 && n < 15; n++) {
      const ps = text.lastIndexOf('\n', k - 1) + 1;
      const line = text.slice(ps, k).replace(/\r$/, '');
      if (line.trim() === '' || line.length > 100) return false;
      if (/:[ \t]*$/.test(line)) {
        if (EMPLOYEE_PATIENT.test(line)) return true;
        const ws = this.patientWords;
        for (let j = firstAtOrAbove(ws, ps); j < ws.length && ws[j]! < k; j++) if (patientWordAt(text, ws[j]!) && !SYSTEM_PATIENT_WORDS.has(wordAt(text, ws[j]!))) return true;
        return false;
      }
      k = ps - 1;
    }
    return false;
  }

  /** The author of a text about their own care: a chat speaker whose line says so, a From:/requester line or a closing signature when the text does. */
  private authorTie(f: Finding): boolean {
    const text = this.text;
    const line = this.lineOf(f);
    if (line === undefined) return false;
    const [ls, le] = line;
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
    // an employee's own health business: occupational health, leave, exposures, screening, benefits for family
    `\\b(?:FMLA|leave of absence|workers['’]? ?comp(?:ensation)?|occupational health|occ health|contact tracing|tested positive|(?:TB|needlestick|needle stick|blood(?:borne)?|body fluid|covid|measles|pertussis)[ -]exposures?|exposed to (?:TB|covid|measles|pertussis|blood|body fluids?)|TB (?:test|screen|skin test)|PPD (?:read|placed|test)|fit test|N95 fit|PFT|audiogram|drug screen|(?:vaccine|vaccination|flu shot) exemption|exemption (?:for|from) the (?:flu |covid )?(?:vaccine|shot)|titers?|return[- ]to[- ]work|light duty|fitness for duty|domestic partner|dependent coverage)\\b`,
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
