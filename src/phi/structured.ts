/**
 * PHI in structured text that IT tickets are full of: HL7 v2 messages pasted from an interface
 * engine, CSV exports with a header row, and key=value fields in log lines. Here the field, not
 * the words around it, says what a value is.
 */
import { firstAtOrAbove, isAsciiAlnum as isAlnumCode, isAsciiLetter, isDigitCode, isRegexSpace, isUpperAscii, isWordCode, lineAt } from './chars';
import type { Emit } from './patterns';
import { isCompactDate } from './validators';
import type { PhiType } from './types';

type FieldRule = PhiType | 'XPN' | 'XAD' | 'XCN' | 'OPERATOR' | 'CX' | 'PHONE_FIELD';

/** HL7 v2.5 fields that hold PHI, by segment and field number. */
const HL7_FIELDS: Record<string, Record<number, FieldRule>> = {
  PID: { 2: 'CX', 3: 'CX', 4: 'CX', 5: 'XPN', 6: 'XPN', 7: 'DATE', 9: 'XPN', 11: 'XAD', 13: 'PHONE_FIELD', 14: 'PHONE_FIELD', 18: 'ACCOUNT', 19: 'SSN', 20: 'LICENSE', 21: 'CX', 29: 'DATE' },
  NK1: { 2: 'XPN', 4: 'XAD', 5: 'PHONE_FIELD', 6: 'PHONE_FIELD', 30: 'XPN', 32: 'XAD', 37: 'SSN' },
  GT1: { 2: 'CX', 3: 'XPN', 5: 'XAD', 6: 'PHONE_FIELD', 7: 'PHONE_FIELD', 8: 'DATE', 12: 'SSN' },
  IN1: { 8: 'HEALTH_PLAN_ID', 16: 'XPN', 18: 'DATE', 19: 'XAD', 36: 'HEALTH_PLAN_ID', 49: 'CX' },
  PV1: { 7: 'XCN', 8: 'XCN', 9: 'XCN', 17: 'XCN', 19: 'OTHER_ID', 44: 'DATE', 45: 'DATE' },
  // the event's operator: a user who keyed the event ("JNAKAMURA^NAKAMURA^JARED"), one of the staff
  EVN: { 5: 'OPERATOR' },
  MRG: { 1: 'CX', 3: 'ACCOUNT', 5: 'OTHER_ID', 7: 'XPN' },
  // orders and results: placer and filler order numbers (a lab's accession), the specimen's collection times
  ORC: { 2: 'OTHER_ID', 3: 'OTHER_ID' },
  OBR: { 2: 'OTHER_ID', 3: 'OTHER_ID', 7: 'DATE', 8: 'DATE', 14: 'DATE' },
  OBX: { 14: 'DATE' },
  SPM: { 2: 'OTHER_ID', 17: 'DATE' },
  // a vaccine's administration: its start and end date and time
  RXA: { 3: 'DATE', 4: 'DATE' },
  PD1: {},
};
/** Is text[from, to) ASCII digits only? */
function hasOnlyDigits(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isDigitCode(text.charCodeAt(k))) return false;
  return to > from;
}
/** Segments about the patient, a relative, a guarantor or a visit (not MSH, EVN, orders or results). */
const PERSON_SEGMENTS = new Set(['PID', 'PD1', 'NK1', 'PV1', 'PV2', 'IN1', 'IN2', 'GT1', 'MRG', 'DG1']);
/** A member's or a policy's number: letters and digits (a digit among them), no date. */
const IN1_MEMBER_ID = /^(?=[A-Z0-9-]*\d)(?![12]\d{7}(?:\d{4,6})?$)[A-Z0-9][A-Z0-9-]{5,19}$/;
/** An HL7 date or date and time (YYYYMMDD[HHMM[SS[.S]]][+ZZZZ]) in 1900-2099, a whole field. */
const HL7_DATE = /^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d(?:\.\d{1,4})?)?)?(?:[+-]\d{4})?$/;
/** Segment starts: /(?<![A-Za-z0-9])(?:MSH|EVN|…|SPM|RXA)\|/g, matched in hl7Rule from the '|' positions. */
export const HL7_SEGMENT_NAMES: ReadonlySet<string> = new Set(['MSH', 'EVN', 'PID', 'PD1', 'NK1', 'PV1', 'PV2', 'IN1', 'IN2', 'GT1', 'MRG', 'OBR', 'OBX', 'ORC', 'AL1', 'DG1', 'NTE', 'SPM', 'RXA']);
for (const seg of HL7_SEGMENT_NAMES) if (!/^[A-Z][A-Z][A-Z0-9]$/.test(seg)) throw new Error(`HL7 segment name ${seg}: hl7Rule's quick test expects [A-Z][A-Z][A-Z0-9]`);

function emitTrimmed(emit: Emit, text: string, type: PhiType, start: number, end: number, score: number, rule: string): void {
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  if (end > start && /[A-Za-z0-9]/.test(text.slice(start, end))) emit(type, start, end, score, rule);
}

/** Splits text[start, end) on `sep`, calling back with each piece's offsets. */
function pieces(text: string, start: number, end: number, sep: string, fn: (s: number, e: number, i: number) => void): void {
  let i = 0;
  let s = start;
  for (;;) {
    let k = text.indexOf(sep, s);
    if (k === -1 || k > end) k = end;
    fn(s, k, i++);
    if (k >= end) break;
    s = k + 1;
  }
}

function hl7Field(text: string, emit: Emit, rule: FieldRule, s: number, e: number, quiet: Quiet): void {
  pieces(text, s, e, '~', (rs, re) => {
    switch (rule) {
      case 'XPN': {
        // family^given^middle^suffix^prefix: the name is the first three components
        let nameEnd = rs;
        pieces(text, rs, re, '^', (cs, ce, i) => {
          if (i < 3 && ce > cs) nameEnd = ce;
        });
        emitTrimmed(emit, text, 'NAME', rs, nameEnd, 0.95, 'hl7.name');
        break;
      }
      case 'XAD':
        pieces(text, rs, re, '^', (cs, ce, i) => {
          if (i <= 2) emitTrimmed(emit, text, 'ADDRESS', cs, ce, 0.95, 'hl7.address');
          else if (i === 4) emitTrimmed(emit, text, 'ZIP', cs, ce, 0.95, 'hl7.zip');
          else if (i === 8) emitTrimmed(emit, text, 'ADDRESS', cs, ce, 0.9, 'hl7.address');
        });
        break;
      case 'XCN':
        // id^family^given^...: a clinician (an attending, an ordering provider, an operator); the id is
        // an NPI or a licence number. The clinician's name is no patient's: Safe Harbor names the
        // patient, relatives, employers and household, not the care team.
        // (its name's components are quiet: no other rule reads "WREN-ADAIR^LUCAS" there as a patient's)
        let nameStart = -1;
        let nameEnd = -1;
        pieces(text, rs, re, '^', (cs, ce, i) => {
          if (i === 0) emitTrimmed(emit, text, 'LICENSE', cs, ce, 0.9, 'hl7.provider-id');
          else if (i <= 3 && ce > cs) {
            if (nameStart === -1) nameStart = cs;
            nameEnd = ce;
          }
        });
        if (nameStart !== -1) quiet(nameStart, nameEnd);
        break;
      case 'OPERATOR':
        // a user's id^family^given: the staff member who keyed the event; nothing of a patient's
        quiet(rs, re);
        break;
      case 'CX': {
        // id^check digit^scheme^authority^type: the type says MR, SS, DL, ...
        let idEnd = text.indexOf('^', rs);
        if (idEnd === -1 || idEnd > re) idEnd = re;
        const parts = text.slice(rs, re).split('^');
        const kind = (parts[4] ?? '').toUpperCase();
        const type: PhiType = kind === 'SS' ? 'SSN' : kind === 'DL' ? 'LICENSE' : kind === 'AN' ? 'ACCOUNT' : kind === 'MB' || kind === 'MC' || kind === 'MA' ? 'HEALTH_PLAN_ID' : 'MRN';
        emitTrimmed(emit, text, type, rs, idEnd, 0.95, 'hl7.identifier');
        break;
      }
      case 'PHONE_FIELD': {
        let first = text.indexOf('^', rs);
        if (first === -1 || first > re) first = re;
        emitTrimmed(emit, text, 'PHONE', rs, first, 0.95, 'hl7.phone');
        // (XTN's area code and local number, components 6 and 7: "^PRN^PH^^1^651^7704412")
        let areaStart = -1;
        let localEnd = -1;
        pieces(text, rs, re, '^', (cs, ce, i) => {
          if (i === 5 && ce - cs === 3 && hasOnlyDigits(text, cs, ce)) areaStart = cs;
          else if (i === 6 && areaStart !== -1 && ce - cs >= 7 && ce - cs <= 8 && hasOnlyDigits(text, cs, ce)) localEnd = ce;
        });
        if (localEnd !== -1) emit('PHONE', areaStart, localEnd, 0.95, 'hl7.phone');
        break;
      }
      default: {
        let first = text.indexOf('^', rs);
        if (first === -1 || first > re) first = re;
        emitTrimmed(emit, text, rule, rs, first, 0.95, 'hl7.field');
      }
    }
  });
}

/** An observation identifier (OBX-3) of a device's serial number or UDI, and of its implant date. */
const OBX_DEVICE_SERIAL = /(?:^|[\^_ ])(?:(?:DEV(?:ICE)?_)?SERIAL(?:_?(?:NUMBER|NO|NBR))?|SN|UDI)(?:$|[\^_ ])/i;
const OBX_IMPLANT_DATE = /(?:^|[\^_ ])IMPLANT(?:ATION)?_?(?:DT|DATE|DTM)(?:$|[\^_ ])/i;
function obxDevice(text: string, emit: Emit, start: number, end: number): void {
  const fields = text.slice(start, end).split('|');
  const id = fields[3];
  const value = fields[5];
  if (id === undefined || value === undefined || value.length === 0 || value.length > 64) return;
  const type: PhiType | null = OBX_DEVICE_SERIAL.test(id) ? 'DEVICE' : OBX_IMPLANT_DATE.test(id) ? 'DATE' : null;
  if (type === null || (type === 'DATE' && !HL7_DATE.test(value.trim())) || !/\d/.test(value)) return;
  let s = start;
  for (let i = 0; i < 5; i++) s += fields[i]!.length + 1;
  // (the value's first component: "114877^^" holds the serial only)
  const caret = value.indexOf('^');
  emitTrimmed(emit, text, type, s, s + (caret === -1 ? value.length : caret), 0.9, 'hl7.obx-device');
}

/** A region the rules' findings are dropped in (detect.ts's `blocked`): a field that is no person's. */
export type Quiet = (start: number, end: number) => void;

/** HL7 fields that are codes, never a person (an order's test "CBC^COMPLETE BLOOD COUNT" reads like a name). */
const HL7_CODED: Record<string, ReadonlySet<number>> = {
  MSH: new Set([3, 4, 5, 6, 9, 10, 12]),
  OBR: new Set([4]),
  OBX: new Set([2, 3, 6, 7, 8, 11]),
  AL1: new Set([2, 3]),
  DG1: new Set([3]),
  SPM: new Set([4]),
  ORC: new Set([1]),
};

/** A build's test patient's family name in HL7 (letters starting ZZ, or TEST), before its '^'. */
export const TEST_FAMILY = String.raw`(?:ZZ[A-Z]*|TEST|ZTEST|XXTEST|PHANTOM)\^`;
/** The segments of a test patient's own data: its visit, orders, results, specimens and vaccines. */
const TEST_PATIENT_OWN: ReadonlySet<string> = new Set(['PV1', 'PV2', 'ORC', 'OBR', 'OBX', 'SPM', 'RXA', 'RXE', 'RXO', 'TQ1']);
/** A test patient's name in a PID segment. */
const HL7_TEST_PATIENT = new RegExp(`\\|${TEST_FAMILY}`, 'i');

export function hl7Rule(text: string, emit: Emit, quiet: Quiet = () => {}): void {
  if (text.indexOf('|') === -1) return;
  // SEGMENT_RE's matches, found from the '|' each ends with
  const starts: Array<[number, string]> = [];
  for (let k = text.indexOf('|', 3); k !== -1; k = text.indexOf('|', k + 1)) {
    const s = k - 3;
    const c0 = text.charCodeAt(s);
    if (c0 < 65 || c0 > 90 || (s > 0 && isAlnumCode(text.charCodeAt(s - 1)))) continue;
    // (every segment name is a capital, a capital, then a capital or a digit: checked below HL7_SEGMENT_NAMES)
    const c2 = text.charCodeAt(k - 1);
    if (!isUpperAscii(text.charCodeAt(k - 2)) || !(isUpperAscii(c2) || isDigitCode(c2))) continue;
    const seg = text.slice(s, k);
    if (HL7_SEGMENT_NAMES.has(seg)) starts.push([s, seg]);
  }
  // (the segments after a test patient's PID, up to the next PID or message, are that test patient's)
  let testMessage = false;
  for (let k = 0; k < starts.length; k++) {
    const [start, seg] = starts[k]!;
    if (seg === 'MSH') testMessage = false;
    const fields = HL7_FIELDS[seg];
    const coded = HL7_CODED[seg];
    if (!fields && !coded) continue;
    let end = k + 1 < starts.length ? starts[k + 1]![0] : text.length;
    const nl = text.slice(start, end).search(/[\r\n]/);
    if (nl !== -1) end = start + nl;
    // a build's test patient ("PID|…||ZZTEST^ONE^^^^^L|…"): the segment is test data
    // (and a real patient's PID after it is that patient's again: "PID|1||ZZ…" then "PID|1||00482913…")
    if (seg === 'PID') {
      testMessage = HL7_TEST_PATIENT.test(text.slice(start, end));
      if (testMessage) continue;
    }
    // a result that is a patient's device or its implant date, by the observation's identifier (OBX-3):
    // "OBX|2|ST|720898^MDC_IDC_DEV_SERIAL^MDC||114877", "…^MDC_IDC_DEV_IMPLANT_DT^MDC||20180612"
    if (seg === 'OBX' && !testMessage) obxDevice(text, emit, start, end);
    // (MSH-1 is the field separator itself: MSH's fields are numbered one further)
    const shift = seg === 'MSH' ? 2 : 1;
    const personal = PERSON_SEGMENTS.has(seg) && !testMessage;
    pieces(text, start + 4, end, '|', (s, e, i) => {
      const rule = fields?.[i + shift];
      // (a test patient's own visit, orders, results and vaccines are test data: "PID|…||ZZTEST^PATIENT…" then "RXA|0|1|20250301|…",
      // "OBR|1|TST-ORD-771204|…"; the people of its NK1, GT1 and IN1 may be real)
      if (rule && e > s) {
        if (!(testMessage && TEST_PATIENT_OWN.has(seg))) hl7Field(text, emit, rule, s, e, quiet);
      }
      // any other field of a segment about the patient that holds a date and time alone (admit,
      // discharge, the insured's birth date: wherever a sender or a writer put it)
      else if (personal && e - s >= 8 && HL7_DATE.test(text.slice(s, e))) emit('DATE', s, e, 0.9, 'hl7.date');
      // an insurance segment's identifier of eight characters or more from IN1-30 on (the policy number IN1-36, the insured's ID IN1-49 and the
      // fields around them, as senders and writers place them; not IN1-46, a prior plan's): the member's
      else if (seg === 'IN1' && !testMessage && i + shift >= 30 && i + shift !== 46 && e - s >= 8 && e - s <= 20 && IN1_MEMBER_ID.test(text.slice(s, e))) emit('HEALTH_PLAN_ID', s, e, 0.85, 'hl7.field');
      // (only a field closed by '|': the last one on a line may run on into prose)
      // (or the line's last one when a line break ends the segment: "OBR|1|||CBC^COMPLETE BLOOD COUNT")
      else if (coded?.has(i + shift) && e > s && (e < end || (e === end && (text.charCodeAt(end) === 10 || text.charCodeAt(end) === 13)))) quiet(s, e);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// CSV exports with a header row

const COLUMN_TYPES: Array<[RegExp, PhiType]> = [
  // (and a record's number or name under a correction's or a merge's heading: "IndexedMRN", "CorrectName", "Surviving MRN")
  [/^(?:(?:indexed|correct|corrected|wrong|old|new|current|prior|previous|merged|source|target|surviving|nonsurviving|duplicate|dup)_?mrn|[ce]?mrn|pat_mrn(?:_id)?|mr_?n(?:o|um(?:ber)?)?|medical_?record(?:_?(?:no|num|number))?|patient_?id|pt_?id|chart(?:_?no)?|empi|(?:mt_|pt_|pat_)?unit_?(?:no|num|number)|person_?(?:nbr|num|number))$/, 'MRN'],
  [/^(?:(?:indexed|correct|corrected|wrong|old|new|current|prior|previous|merged|source|target|surviving|nonsurviving|duplicate|dup)_?(?:patient_?)?name|last_?name|first_?name|middle_?name|(?:pt_|pat_)?(?:last|first)|surname|family_?name|given_?name|patient_?name|pt_?name|pat_name|pat_(?:first|last|middle)_name|full_?name|name|patient|guarantor|subscriber_?name|insured_?name|next_?of_?kin|nok|emergency_?contact)$/, 'NAME'],
  [/^(?:dob|date_?of_?birth|birth_?date|birthdate|admit(?:_?date)?|admission_?date|discharge(?:_?date)?|(?:admit|admission|discharge)_?(?:date_?)?(?:time|dt|dttm)|dod|date_?of_?death|visit_?date|(?:[a-z]+_)?dos|service_?date|(?:readmit_|index_|prior_)?(?:adm|disch)(?:_?(?:date|dt|dttm|date_?time|time))?)$/, 'DATE'],
  // "First ED Visit", "Return Visit", "Appt Date", "Procedure Date"
  [/^(?:[a-z0-9]+_){0,3}(?:visit|appt|appointment|(?:admit|admission|discharge|service|appt|appointment|procedure|surgery|encounter)_?(?:date|dt))$/, 'DATE'],
  // "Arrival", "Return Arrival", "COLL_DTTM", "Collected", "Order Date", "Dispense DTTM", "Case Date"
  [/^(?:[a-z0-9]+_){0,2}(?:arrival|arrived|collected|coll(?:ection)?_?(?:date|dt|dttm|datetime|date_?time|time)|(?:order(?:ed)?|result(?:ed)?|dispensed?|case|triage|check_?in|specimen|draw|drawn)_?(?:date|dt|dttm|datetime|date_?time))$/, 'DATE'],
  [/^(?:phone|phone_?number|home_?phone|cell|mobile|cell_?phone|work_?phone|tel|telephone|contact_?number|phone_?sent|sms_?(?:number|to))$/, 'PHONE'],
  [/^(?:fax|fax_?number)$/, 'FAX'],
  [/^(?:zip|zip_?code|zipcode|postal_?code|postcode)$/, 'ZIP'],
  [/^(?:address|street|street_?address|address_?1|address_?2|addr(?:_?[12])?|address_?line_?\d|city|town|county)$/, 'ADDRESS'],
  [/^(?:email|e_?mail|email_?address)$/, 'EMAIL'],
  [/^(?:ssn|social|social_?security(?:_?number)?)$/, 'SSN'],
  [/^(?:member_?id|subscriber_?id|policy(?:_?(?:no|number|id))?|mbi|medicare_?id|medicaid_?id|insurance_?id|plan_?id|group_?(?:no|number))$/, 'HEALTH_PLAN_ID'],
  [/^(?:account|account_?(?:no|nbr|number|id)|(?:mt_|pt_|pat_)?acct(?:_?(?:no|num|nbr))?|(?:readmit_|index_|prior_)?har|(?:readmit|index|prior)_?acct|hsp_account(?:_id)?|billing_?account|guarantor_?account)$/, 'ACCOUNT'],
  [/^(?:age)$/, 'AGE'],
  [/^(?:npi|dea|license|licence|dl|drivers?_?license)$/, 'LICENSE'],
  [/^(?:vin|plate)$/, 'VEHICLE'],
  [/^(?:template_?id|palm_?(?:id|template)|biometric_?id|fingerprint_?id)$/, 'BIOMETRIC'],
  [/^(?:serial|device_?serial|udi|device_?id|(?:pack|pump|device|monitor|tele)_?(?:sn|serial))$/, 'DEVICE'],
  [/^(?:ip|ip_?address|client_?ip|src_?ip)$/, 'IP'],
  [/^(?:username|user_?name|portal_?user(?:name)?|login|track|tracking_?(?:id|no|num|number)|claim(?:_?(?:no|number|id))?|encounter(?:_?id)?|csn|fin|visit_?id|accession|specimen|(?:appt|appointment|encounter|enc|order|accession|specimen|referral|auth(?:orization)?)_?(?:id|no|num|number|nbr|#))$/, 'OTHER_ID'],
];

/**
 * Whether `header` cannot name a column type: every name above is at most 32 characters of
 * [a-z0-9_] once normalised, so an ASCII character outside letters, digits, '_', white space,
 * '.', '#', '-' and '"', or more than 32 ASCII letters/digits (all kept by the normalising),
 * rules it out without the string work. Other characters take the full path. ('_' is not
 * counted: the normalising drops those at the end, "mrn___…___" names the MRN column.)
 */
function cannotName(header: string): boolean {
  let word = 0;
  for (let i = 0; i < header.length; i++) {
    const c = header.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
      if (++word > 32) return true;
    } else if (c < 128 && !(c === 32 || (c >= 9 && c <= 13) || c === 46 || c === 35 || c === 45 || c === 34 || c === 95)) return true;
  }
  return false;
}

const UNIT_NUMBER_HEADER = /^[ \t"]*(?:u|unit)[ \t]*#[ \t"]*$/i;
const PA_NUMBER_HEADER = /^[ \t"]*(?:pa|prior auth|auth)[ \t]*#[ \t"]*$/i;
function columnType(header: string): PhiType | null {
  // (a note in brackets is no part of the name: "SSN (from paper form)")
  if (header.indexOf('(') !== -1) header = header.replace(/\([^()]{0,40}\)/g, ' ');
  if (cannotName(header)) return null;
  // MEDITECH's unit number: "UNIT#", "U#" (a bare "Unit" column is a nursing unit's); a prior
  // authorisation's "PA #" (a bare "PA" column may be a physician assistant's)
  if (UNIT_NUMBER_HEADER.test(header)) return 'MRN';
  if (PA_NUMBER_HEADER.test(header)) return 'OTHER_ID';
  const h = header.trim().replace(/^"|"$/g, '').trim().toLowerCase().replace(/[\s.#-]+/g, '_');
  // without the '_' it ends with (by a loop: /_+$/ takes quadratic time on a long run of '_' followed by something else)
  let end = h.length;
  while (end > 0 && h.charCodeAt(end - 1) === 95) end--;
  // every column name above is at most 32 characters long (cannotName relies on this and on [a-z0-9_])
  if (end === 0 || end > 32) return null;
  const name = h.slice(0, end);
  const m = COLUMN_TYPES_RE.exec(name);
  if (m === null) return null;
  for (let i = 1; i < m.length; i++) if (m[i] !== undefined) return COLUMN_TYPES[i - 1]![1];
  return null;
}

/**
 * COLUMN_TYPES as one regex, each entry's pattern a group of its own: the first alternative that
 * matches the whole name is the first entry whose regex does (one pass instead of one per entry).
 */
const COLUMN_TYPES_RE = (() => {
  const groups = COLUMN_TYPES.map(([re]) => {
    const src = re.source;
    // (anchored at both ends, no flags and no groups of their own: the group numbers are the entries')
    if (re.flags !== '' || !src.startsWith('^') || !src.endsWith('$') || new RegExp(`${src}|`).exec('')!.length !== 1) throw new Error(`column type ${src} cannot be joined`);
    return `(${src.slice(1, -1)})`;
  });
  return new RegExp(`^(?:${groups.join('|')})$`);
})();

/**
 * Column types of a header, or null when fewer than two and fewer than half of the columns name
 * PHI (given up as soon as the remaining columns cannot make up the count).
 */
function headerTypes(cols: string[]): Array<PhiType | null> | null {
  if (cols.length < 2) return null;
  const need = Math.max(2, cols.length / 2);
  const types: Array<PhiType | null> = [];
  let known = 0;
  let record = false;
  let staff = false;
  for (let i = 0; i < cols.length; i++) {
    // (too few columns left to name the two a patient list needs at least)
    if (known + (cols.length - i) < 2) return null;
    const t = columnType(cols[i]!);
    if (t !== null) known++;
    if (t === 'MRN' || t === 'SSN') record = true;
    else if (t === null && !staff && staffColumnStart(cols[i]!) && STAFF_COLUMN.test(cols[i]!.trim().replace(/^"|"$/g, '').trim())) staff = true;
    types.push(t);
  }
  // (a staff roster, a payroll or a vendor master without a record number column is no patient
  // list: "emp_id,acct_nbr,pt_name,addr1", "vendor_id,vendor_name,addr1,acct_nbr", "acct_nbr,routing,addr1,city")
  if (staff && !record && !cols.some((c) => PATIENT_COLUMN.test(c))) return null;
  // (an export with a record number or an SSN column and one more PHI column is a patient list
  // however many other columns it has: "Bed,Pack_SN,Patient_Name,MRN,Admit,Alarm_Profile,Central")
  return known >= need || (record && known >= 2) ? types : null;
}

/** A column of a staff, payroll or vendor file ("emp_id", "Employee #", "vendor_name", "routing", "cost center"). */
const STAFF_COLUMN = /^(?:emp(?:loyee)?(?:[ _.#-]*(?:id|no|num|number|nbr|#))?|badge(?:[ _.#-]*(?:id|no|number|#))?|vendor(?:[ _.#-]*(?:id|no|number|name|#))?|supplier(?:[ _.#-]*(?:id|name))?|contractor(?:[ _.#-]*(?:id|name))?|routing(?:[ _.#-]*(?:no|number|nbr|#))?|aba|cost[ _.-]*cent(?:er|re)|payroll(?:[ _.-]*id)?|job[ _.-]*title|hire[ _.-]*date)$/i;

/**
 * Can `col`, trimmed and unquoted as headerTypes does, be a STAFF_COLUMN? Its first letter must be
 * one that a staff column's name starts with (e, b, v, s, c, r, a, p, j, h in either case).
 * (isRegexSpace is the set trim() removes.)
 */
function staffColumnStart(col: string): boolean {
  let i = 0;
  while (i < col.length && isRegexSpace(col.charCodeAt(i))) i++;
  if (col.charCodeAt(i) === 34) {
    i++;
    while (i < col.length && isRegexSpace(col.charCodeAt(i))) i++;
  }
  const l = col.charCodeAt(i) | 32;
  return l === 101 || l === 98 || l === 118 || l === 115 || l === 99 || l === 114 || l === 97 || l === 112 || l === 106 || l === 104;
}

/** A column that says the rows are patients ("patient_name", "dob", "member_id"; not "pt_…", a position type's too): then staff columns do not veto. */
const PATIENT_COLUMN = /^"?(?:patient[\w .#-]*|dob|date[ _.-]?of[ _.-]?birth|birth[ _.-]?date|birthdate|mrn|member[ _.-]?(?:id|#|no|number)|guarantor[\w .#-]*|subscriber[\w .#-]*)"?$/i;

/** Cheap test before a line is split: a header names at least one PHI column. */
const HEADER_HINT_WORDS = 'mrn|dob|ssn|name|last_?name|first_?name|surname|phone|zip|postal|address|email|birth|member|account|acct|npi|patient|city';
const CSV_HEADER_HINT = new RegExp(`(?:^|[,"\\s])(?:${HEADER_HINT_WORDS})`, 'i');
/** A correction's or a merge's column in camel case ("IndexedMRN,IndexedName,CorrectMRN,CorrectName"). */
const CAMEL_HEADER_HINT = /(?:^|,)"?(?:Indexed|Correct|Corrected|Wrong|Old|New|Current|Prior|Previous|Merged|Source|Target|Surviving)(?:MRN|Mrn|Name)"?(?:,|$)/;
/** The same for a pipe-separated header, whose column names may carry a prefix ("PAT_MRN_ID", "HSP_ACCOUNT_ID"). */
const PSV_HEADER_HINT = new RegExp(`(?:^|[|"\\s_])(?:${HEADER_HINT_WORDS})`, 'i');

export function csvRule(text: string, emit: Emit): void {
  csvRuleWith(text, emit, ',');
  // (a database tool's pipe-separated output, "PAT_MRN_ID|PAT_NAME|BIRTH_DATE|…": the same reading;
  // a line opening with '|' is a table's, read by tableRule)
  if (text.indexOf('|') !== -1) csvRuleWith(text, emit, '|');
}
function csvRuleWith(text: string, emit: Emit, sep: ',' | '|'): void {
  const n = text.length;
  const sepCode = sep.charCodeAt(0);
  // only a line with two separators or more can be a header: they are found from the separators,
  // the lines in between are not looked at
  let at = text.indexOf(sep);
  while (at !== -1) {
    const next = text.indexOf(sep, at + 1);
    if (next === -1) return;
    let lineEnd = text.indexOf('\n', at + 1);
    if (lineEnd !== -1 && lineEnd < next) {
      // one separator on this line: go on from the next one
      at = next;
      continue;
    }
    if (lineEnd === -1) lineEnd = n;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    let resume = lineEnd + 1;
    // (a '\r' that ends the line changes nothing to the hint)
    const line = text.slice(lineStart, lineEnd);
    if (sepCode === 44 ? CSV_HEADER_HINT.test(line) || CAMEL_HEADER_HINT.test(line) : PSV_HEADER_HINT.test(line) && line.trimStart().charCodeAt(0) !== 124) {
      const header = line.replace(/\r$/, '');
      // the header may follow a lead-in on the same line: "Affected patients: MRN,LastName,..."
      const lead = sepCode === 44 ? /^(?:.*?[:>]\s+)?(?=[A-Za-z_"][^,]*,)/.exec(header) : null;
      const cols = header.slice(lead ? lead[0].length : 0).split(sep);
      const types = headerTypes(cols);
      // (a pipe-separated list is read as a patient list only with a record's column: a provider
      // file's "NPI|PROVIDER_NAME|…|PHONE" or a unit's "Phone | Serial | Assigned" sheet is staff's)
      const patients = types !== null && (sepCode === 44 || types.some((t) => t === 'MRN' || t === 'SSN') || cols.some((c) => PATIENT_COLUMN.test(c.trim())));
      // rows follow until a line that does not fit, which may itself be the next header
      if (patients) resume = csvRows(text, lineEnd + 1, types, emit, sepCode);
    }
    if (resume >= n) return;
    at = text.indexOf(sep, resume);
  }
}

/**
 * The fields of the CSV row text[s, e), as [start, end) pairs: split at commas, except inside a
 * double-quoted field ("Ferreira, Joaquim"; "" is a quote inside one). A quote that does not close
 * a field before a comma or the row's end is read as a plain character.
 */
export function csvFields(text: string, s: number, e: number, out: Array<[number, number]>, sep = 44): void {
  let k = s;
  for (;;) {
    if (k < e && text.charCodeAt(k) === 34) {
      let q = k + 1;
      while (q < e) {
        if (text.charCodeAt(q) === 34) {
          if (text.charCodeAt(q + 1) === 34 && q + 1 < e) q += 2;
          else break;
        } else q++;
      }
      if (q < e && (q + 1 === e || text.charCodeAt(q + 1) === sep)) {
        out.push([k, q + 1]);
        if (q + 1 >= e) return;
        k = q + 2;
        continue;
      }
    }
    let fe = k;
    while (fe < e && text.charCodeAt(fe) !== sep) fe++;
    out.push([k, fe]);
    if (fe >= e) return;
    k = fe + 1;
  }
}

/** Scans rows after a header until a line that does not fit; returns where scanning stopped. */
function csvRows(text: string, from: number, types: Array<PhiType | null>, emit: Emit, sep: number): number {
  const n = text.length;
  let lineStart = from;
  while (lineStart < n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = n;
    let rowEnd = lineEnd;
    if (text.charCodeAt(rowEnd - 1) === 13) rowEnd--;
    const fields: Array<[number, number]> = [];
    csvFields(text, lineStart, rowEnd, fields, sep);
    if (fields.length < Math.max(2, types.length - 1) || fields.length > types.length + 1) return lineStart;
    fields.forEach(([s, e], i) => {
      const type = types[i];
      if (!type) return;
      let fs = s;
      let fe = e;
      if (text[fs] === '"' && text[fe - 1] === '"') {
        fs++;
        fe--;
      }
      if (type === 'AGE' && !ageOver89(text.slice(fs, fe))) return;
      emitTrimmed(emit, text, type, fs, fe, 0.93, 'csv.column');
    });
    lineStart = lineEnd + 1;
  }
  return lineStart;
}

// ---------------------------------------------------------------------------------------------
// key=value fields in log lines: "mbr=W514071230 dob=20100428", "user=jsmith1962 src_ip=..."

const KV_RE = /(pt|patient|mbr|member_?id|memberid|subscriber_?id|mbi|dob|birth_?date|ssn|mrn|patient_?id|patientid|pt_?id|pat_?id|empi|(?:owner_)?person_?nbr|patient_?ctx|user(?:name)?|login|portal_?user|src_?ip|client_?ip|remote_?addr|email|notify|phone|acct|account_?(?:id|no)|npi|claim_?id|zip|first_?name|last_?name|[fl]_?name|patient_?name|name|addr(?:ess)?|city|street|dl_?(?:num|no)|csn|pat_enc_csn_id|enc_csn_id|encounter_id)\s?(?:=\s?"?|:\s?"|")([^\s"&,;|)\]]{2,64})/iy;
/** Every spelling of a key above, so the known-word pass finds where to try KV_RE. */
export const KV_KEYS = (
  'pt patient mbr member_id memberid subscriber_id subscriberid mbi dob birth_date birthdate ssn mrn patient_id patientid ' +
  'pt_id ptid pat_id patid empi user username login portal_user portaluser src_ip srcip client_ip clientip remote_addr ' +
  'remoteaddr email notify phone acct account_id accountid account_no accountno npi claim_id claimid zip first_name ' +
  'firstname last_name lastname fname lname f_name l_name patient_name patientname name addr address city street dl_num dlnum dl_no dlno ' +
  'csn pat_enc_csn_id enc_csn_id encounter_id person_nbr personnbr owner_person_nbr patientctx patient_ctx'
).split(' ');
const KV_TYPES: Array<[RegExp, PhiType, number]> = [
  [/^(?:mbr|member_?id|memberid|subscriber_?id|mbi)$/i, 'HEALTH_PLAN_ID', 0.92],
  [/^(?:dob|birth_?date)$/i, 'DATE', 0.95],
  [/^ssn$/i, 'SSN', 0.95],
  [/^(?:mrn|patient_?id|patientid|pt_?id|pat_?id|empi|(?:owner_)?person_?nbr|patient_?ctx)$/i, 'MRN', 0.95],
  [/^(?:pt|patient)$/i, 'NAME', 0.85],
  [/^(?:user(?:name)?|login|portal_?user)$/i, 'OTHER_ID', 0.6],
  // an encounter's contact serial number (Epic's CSN) as logs and extracts name it
  [/^(?:csn|pat_enc_csn_id|enc_csn_id|encounter_id)$/i, 'OTHER_ID', 0.9],
  [/^(?:src_?ip|client_?ip|remote_?addr)$/i, 'IP', 0.7],
  [/^(?:email|notify)$/i, 'EMAIL', 0.9],
  [/^phone$/i, 'PHONE', 0.9],
  [/^(?:acct|account_?(?:id|no))$/i, 'ACCOUNT', 0.85],
  [/^npi$/i, 'LICENSE', 0.9],
  [/^claim_?id$/i, 'OTHER_ID', 0.85],
  [/^zip$/i, 'ZIP', 0.9],
  [/^(?:first_?name|last_?name|[fl]_?name|patient_?name|name)$/i, 'NAME', 0.85],
  [/^dl_?(?:num|no)$/i, 'LICENSE', 0.9],
  [/^(?:addr(?:ess)?|city|street)$/i, 'ADDRESS', 0.85],
];
/** KV_TYPES' entry of each key in lower case (the regexes ignore case), worked out once. */
const KV_TYPE_OF: ReadonlyMap<string, [RegExp, PhiType, number]> = new Map(
  KV_KEYS.flatMap((k) => {
    const entry = KV_TYPES.find(([re]) => re.test(k));
    return entry ? [[k, entry] as const] : [];
  }),
);

/**
 * The end of a name or address value that goes on in words after its first ("name=KOWALCZYK JAN P;",
 * "addr=2207 W Elm St;"): up to `max` more words of letters, digits and . ' - each one space on,
 * none of them a next key ("dob=…"), stopping at a delimiter.
 */
function valueWordsEnd(text: string, end: number, type: 'NAME' | 'ADDRESS', capitals: boolean): number {
  const name = type === 'NAME';
  const max = name ? 3 : 6;
  let e = end;
  for (let k = 0; k < max && text.charCodeAt(e) === 32; k++) {
    let p = e + 1;
    while (p < text.length && p - e <= 30) {
      const c = text.charCodeAt(p);
      if (!(isAlnumCode(c) || c === 46 || c === 39 || c === 45)) break;
      p++;
    }
    if (p === e + 1 || text.charCodeAt(p) === 61 || text.charCodeAt(p) === 58) break;
    // a name's words are capitalised, or in capitals after a first word in capitals ("KOWALCZYK JAN P",
    // not "JOHN SMITH Monday"), and no weekday or month
    if (name) {
      if (!(text.charCodeAt(e + 1) >= 65 && text.charCodeAt(e + 1) <= 90)) break;
      const word = text.slice(e + 1, p);
      if (capitals && word !== word.toUpperCase()) break;
      if (CALENDAR_WORD.test(word)) break;
    }
    e = p;
  }
  return e;
}

/** An HR feed's worker keys (Workday, UKG): the line is an employee's record. */
const HR_RECORD_LINE = /\b(?:worker_?id|employee_?id|emp_?id|hire_?date|cost_?center|job_?title|supervisory_?org|manager_?(?:worker_?)?id)[ ]?[=:]/i;
/** A record's other fields before a city or street on its line. */
const RECORD_LINE = /\b(?:addr(?:ess)?|zip|dob|mrn|patient|pt)\b/i;
/** The start of p's line, or 200 characters back when the line started before that. */
const lineStartAt = (text: string, p: number) => {
  let k = p;
  while (k > 0 && p - k < 200 && text.charCodeAt(k - 1) !== 10) k--;
  return k;
};

/** Weekdays and months (a name's words are none of them). */
const CALENDAR_WORD = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|june|july|august|september|october|november|december)$/i;

/**
 * A key in capitals joined by '_' right before '=' ("PAT_ID=", "PAT_ENC_CSN_ID="): the scan finds
 * known words where a lower-case letter starts one, so these are looked for on their own.
 */
const UPPER_KEY = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
function withUpperKeys(text: string, known: Iterable<number>): Iterable<number> {
  if (text.indexOf('_') === -1) return known;
  let q = text.indexOf('=');
  if (q === -1) return known;
  // (copied and indexed only when a key in capitals is found: most texts have none)
  let positions: number[] | undefined;
  let seen: Set<number> | undefined;
  // Each key ends right before an '=' (or a space and an '='), and is the whole run of capitals,
  // digits and '_' there, with no letter, digit or '_' before it: so it is read back from each '='.
  for (; q !== -1; q = text.indexOf('=', q + 1)) {
    const e = q > 0 && text.charCodeAt(q - 1) === 32 ? q - 1 : q;
    let b = e;
    while (b > 0 && isUpperKeyCode(text.charCodeAt(b - 1))) b--;
    // (a word character before the run can only be a small letter: "pat_ID=" is no key in capitals)
    if (e - b < 3 || (b > 0 && isWordCode(text.charCodeAt(b - 1)))) continue;
    if (UPPER_KEY.test(text.slice(b, e))) {
      positions ??= [...known];
      seen ??= new Set(positions);
      if (seen.has(b)) continue;
      seen.add(b);
      positions.push(b);
    }
  }
  return positions ?? known;
}
/** [A-Z0-9_] */
const isUpperKeyCode = (c: number) => isUpperAscii(c) || isDigitCode(c) || c === 95;

/**
 * Can KV_RE match at `pos`? Its key is ASCII letters and '_' only (the 'i' flag without 'u' folds no
 * other character onto them), so it ends where they do: '=', ':' or '"' must follow, after at most
 * one white space. (Most key words in a text are prose: "the patient", "phone number".)
 */
function kvSeparatorAfter(text: string, pos: number): boolean {
  let q = pos;
  while (isAsciiLetter(text.charCodeAt(q)) || text.charCodeAt(q) === 95) q++;
  let c = text.charCodeAt(q);
  if (isRegexSpace(c)) c = text.charCodeAt(q + 1);
  return c === 61 || c === 58 || c === 34;
}

export function keyValueRule(text: string, emit: Emit, keyPositions: Iterable<number>): void {
  if (text.indexOf('=') === -1 && text.indexOf('"') === -1) return;
  let m: RegExpExecArray | null;
  for (const pos of withUpperKeys(text, keyPositions)) {
    // a key word at the end of a longer key ("var-name=", "db.name=") is some other setting
    const before = pos > 0 ? text.charCodeAt(pos - 1) : 0;
    if (before === 45 || before === 46) continue;
    if (!kvSeparatorAfter(text, pos)) continue;
    KV_RE.lastIndex = pos;
    if ((m = KV_RE.exec(text)) === null) continue;
    const key = m[1]!;
    const value = m[2]!;
    // a quoted value right after the key, with no '=' or ':' ("city \"ELKHORN\""), only for a place's keys
    // (without '=' — "key: \"…\"" or "key \"…\"" — only a place's keys: "name: \"Printer 4W\"" is a setting)
    if (m[0].indexOf('=') === -1 && !/^(?:city|street|zip|addr(?:ess)?)$/i.test(key)) continue;
    // (a city or street only in a record: a quoted field on a line with the record's other fields;
    // "city=Chicago" is a setting)
    if (/^(?:city|street)$/i.test(key) && (m[0].indexOf('"') === -1 || !RECORD_LINE.test(text.slice(lineStartAt(text, m.index), m.index)))) continue;
    const entry = KV_TYPE_OF.get(key.toLowerCase()) ?? KV_TYPES.find(([re]) => re.test(key));
    if (!entry) continue;
    const [, type, score] = entry;
    if (type === 'IP' && !/^[\d.:a-fA-F]+$/.test(value)) continue;
    if (type === 'EMAIL' && !value.includes('@')) continue;
    if ((type === 'MRN' || type === 'HEALTH_PLAN_ID' || type === 'ACCOUNT' || type === 'SSN' || type === 'DATE') && !/\d/.test(value)) continue;
    if (type === 'NAME' && /\d/.test(value)) {
      emit('MRN', m.index + m[0].length - value.length, m.index + m[0].length, 0.9, 'kv.mrn');
      continue;
    }
    if (type === 'OTHER_ID' && /^(?:admin|root|system|svc[._-].*|service|anonymous|null|none|unknown)$/i.test(value)) continue;
    // a worker's record in an HR feed ("Worker_ID=213309 Legal_Name=\"Rai, Dipendra\" … Position=P-0044172"): a colleague's
    if (HR_RECORD_LINE.test(text.slice(lineStartAt(text, m.index), Math.min(text.length, m.index + 200)).split('\n', 1)[0]!)) continue;
    const start = m.index + m[0].length - value.length;
    const end = type === 'NAME' || type === 'ADDRESS' ? valueWordsEnd(text, start + value.length, type, value === value.toUpperCase()) : start + value.length;
    emit(type, start, end, score, 'kv.' + type.toLowerCase());
  }
}

/**
 * A palm-vein or face template's key in a log, written as code writes it ("templateId=PS-T-00482291",
 * "palmTemplateId=PV-7F3A22C9B810", "template_id: 7F3A9C21E0"), in a text about biometric enrolment: the
 * scan reads no known word inside such a key, so it is looked for on its own (after an indexOf).
 */
export function templateKeyRule(text: string, emit: Emit): void {
  if (text.indexOf('emplate') === -1 || !TEMPLATE_KEY_HINT.test(text) || !BIOMETRIC_TEXT.test(text)) return;
  TEMPLATE_KEY.lastIndex = 0;
  for (let m = TEMPLATE_KEY.exec(text); m !== null; m = TEMPLATE_KEY.exec(text)) {
    // (not a colleague's: "the Kronos InTouch palm reader logs palm_template_id=EMP-55123 errors for employees")
    if (!/\d/.test(m[1]!) || STAFF_BIOMETRIC_LINE.test(lineAt(text, m.index))) continue;
    emit('BIOMETRIC', m.index + m[0].length - m[1]!.length, m.index + m[0].length, 0.9, 'biometric.label');
  }
}
const TEMPLATE_KEY = /(?<![A-Za-z])(?:(?:palm|face|finger)_?)?[Tt]emplate(?:Id|ID|_id|_ID)[ ]?[=:][ ]?["']?([A-Za-z0-9][A-Za-z0-9_-]{3,63})/g;
/** TEMPLATE_KEY's key alone (a literal, found fast), before the wider tests. */
const TEMPLATE_KEY_HINT = /emplate(?:Id|ID|_id|_ID)[ ]?[=:]/;
const STAFF_BIOMETRIC_LINE = /\b(?:employees?|staff|badge|time ?clocks?|kronos|ukg|intouch|ceo|workforce|wristbands?|armbands?|labels?|forms?|consents?|letters?|documents?|zpl|print\w*)\b/i;
const BIOMETRIC_TEXT = /\b(?:palm|vein|fingerprint|iris|retina|biometric|patientsecure|face ?(?:id|print|template))/i;

// ---------------------------------------------------------------------------------------------
// FHIR / JSON patient resources: "family": "Rice", "given": ["Ottis"], "birthDate": "2001-..."

const JSON_KEY_RE = /"(family|given|prefix|birthDate|deceasedDateTime|line|city|district|postalCode|value|text)"\s*:\s*(\[\s*)?"([^"\\]{1,200})"((?:\s*,\s*"[^"\\]{1,200}"(?!\s*:))*)/g;

export function jsonRule(text: string, emit: Emit): void {
  if (text.indexOf('":') === -1 && text.indexOf('" :') === -1) return;
  JSON_KEY_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = JSON_KEY_RE.exec(text)) !== null) {
    const key = m[1]!;
    const valueStart = m.index + m[0].indexOf('"' + m[3]! + '"', key.length + 2) + 1;
    const emitValue = (type: PhiType, s: number, e: number, score: number) => emitTrimmed(emit, text, type, s, e, score, 'json.' + key);
    let type: PhiType | null = null;
    let score = 0.9;
    if (key === 'family' || key === 'given' || key === 'prefix') type = key === 'prefix' ? null : 'NAME';
    else if (key === 'birthDate' || key === 'deceasedDateTime') type = 'DATE';
    else if (key === 'line' || key === 'city' || key === 'district') type = 'ADDRESS';
    else if (key === 'postalCode') type = 'ZIP';
    else if (key === 'text') {
      // HumanName.text / Address.text inside a name or address object
      const before = text.slice(Math.max(0, m.index - 60), m.index);
      type = /"name"|"use"\s*:\s*"official"/.test(before) ? 'NAME' : /"address"/.test(before) ? 'ADDRESS' : null;
    } else if (key === 'value') {
      // identifier.value / telecom.value: the system says which
      const before = text.slice(Math.max(0, m.index - 160), m.index);
      const v = m[3]!;
      if (/"system"\s*:\s*"(?:phone|fax)"/.test(before)) type = /"system"\s*:\s*"fax"[^}]*$/.test(before) ? 'FAX' : 'PHONE';
      else if (/"system"\s*:\s*"email"/.test(before)) type = 'EMAIL';
      else if (/"identifier"|"system"\s*:\s*"(?:urn:oid:|http)/.test(before) && /\d/.test(v)) {
        type = /ssn|2\.16\.840\.1\.113883\.4\.1\b/i.test(before) ? 'SSN' : 'MRN';
      }
      score = 0.9;
    }
    if (!type) continue;
    emitValue(type, valueStart, valueStart + m[3]!.length, score);
    // further strings of the same array: "given": ["Ottis", "J"]
    if (m[2] && m[4]) {
      const rest = m[4];
      const restStart = m.index + m[0].length - rest.length;
      const sre = /"([^"\\]{1,200})"/g;
      let k: RegExpExecArray | null;
      while ((k = sre.exec(rest)) !== null) emitValue(type, restStart + k.index + 1, restStart + k.index + 1 + k[1]!.length, score);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// DICOM attribute dumps (storescu/dcmdump logs, pydicom printouts): "(0010,0010) PatientName [DOE^JANE]"

/**
 * DICOM attributes that hold a patient's identity or dates (PS3.15 Annex E, Basic Application
 * Level Confidentiality Profile), by tag, upper case: the value on the tag's line is PHI.
 */
const DICOM_TAGS: ReadonlyMap<string, PhiType> = new Map<string, PhiType>([
  ['0010,0010', 'NAME'], // Patient's Name
  ['0010,0020', 'MRN'], // Patient ID
  ['0010,0030', 'DATE'], // Patient's Birth Date
  ['0010,0032', 'DATE'], // Patient's Birth Time
  ['0010,1000', 'MRN'], // Other Patient IDs
  ['0010,1001', 'NAME'], // Other Patient Names
  ['0010,1005', 'NAME'], // Patient's Birth Name
  ['0010,1010', 'AGE'], // Patient's Age ("094Y")
  ['0010,1040', 'ADDRESS'], // Patient's Address
  ['0010,1060', 'NAME'], // Patient's Mother's Birth Name
  ['0010,2154', 'PHONE'], // Patient's Telephone Numbers
  ['0008,0050', 'OTHER_ID'], // Accession Number
  ['0008,0020', 'DATE'], // Study Date
  ['0008,0021', 'DATE'], // Series Date
  ['0008,0022', 'DATE'], // Acquisition Date
  ['0008,0023', 'DATE'], // Content Date
  ['0008,002A', 'DATE'], // Acquisition DateTime
  ['0008,0018', 'OTHER_ID'], // SOP Instance UID
  ['0020,000D', 'OTHER_ID'], // Study Instance UID
  ['0020,000E', 'OTHER_ID'], // Series Instance UID
  ['0020,0010', 'OTHER_ID'], // Study ID
  ['0038,0010', 'MRN'], // Admission ID
  ['0038,0020', 'DATE'], // Admitting Date
  ['0038,0400', 'ADDRESS'], // Patient's Institution Residence
]);
/** "(0010,0010)", "(0010, 0010)": a tag, with the rest of its line. */
const DICOM_TAG_RE = /\(([0-9A-Fa-f]{4}),[ ]?([0-9A-Fa-f]{4})\)((?:(?!\([0-9A-Fa-f]{4},)[^\n\r]){0,200})/g;
/**
 * The value in the rest of a tag's line: in brackets (dcmdump, storescu: "PN [DOE^JANE]"), in
 * quotes after a VR (pydicom: "PN: 'DOE^JANE'"), or after a VR and ':' or '=' to the end of line.
 */
const DICOM_VALUE_RE = /^[ \t]*(?:[A-Za-z'][A-Za-z' ]{0,40}?[ \t]+)?(?:[A-Z]{2}[ \t]*:?[ \t]*)?(?:\[([^\]\n]{0,160})\]|'([^'\n]{0,160})'|"([^"\n]{0,160})")/;

/** The value unquoted after a keyword (and VR) and ':' or '=', to the end of the line ("PatientID: 8841273", "(0010,0030) PatientBirthDate = 19470612"). */
const DICOM_PLAIN_RE = /^[ \t]*(?:[A-Za-z'][A-Za-z'() ]{0,48}?)?[ \t]*(?:[A-Z]{2}[ \t]*)?[:=][ \t]*(?=[^\s'"\[])/;
/** The value unquoted after a keyword and a run of spaces, as a dump aligns it ("(0010,0020) PatientID         00677045"). */
const DICOM_SPACED_RE = /^[ \t]*[A-Za-z][A-Za-z]{2,48}(?:[ \t]+[A-Z]{2})?(?:\t|[ ]{2,})[ \t]*(?=[^\s'"\[])/;
/** The value unquoted after a VR alone and spaces, as a terse dump writes it ("(0010,0020) LO  20271904"; not "(no value available)"). */
const DICOM_VR_RE = /^[ \t]+(?:AE|AS|CS|DA|DS|DT|IS|LO|LT|PN|SH|ST|TM|UI|UT)[ \t]+(?=[A-Za-z0-9^])/;
/**
 * An unquoted value's end, from `s`: its first run of non-space characters, then further runs (at
 * most three) only while they are in capitals or digits ("SMITH JOHN", "123 MAIN ST"); a word in
 * lower case, a remark ("- study belongs to …", "<- should be …", "(blank)") ends it.
 */
function plainValueEnd(text: string, s: number, limit: number): number {
  let e = s;
  while (e < limit && !isRegexSpace(text.charCodeAt(e))) e++;
  for (let k = 0; k < 3; k++) {
    let p = e;
    while (p < limit && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    let q = p;
    while (q < limit && !isRegexSpace(text.charCodeAt(q))) q++;
    if (q === p || !/^[A-Z0-9][A-Z0-9^.,'-]*$/.test(text.slice(p, q))) break;
    e = q;
  }
  return e;
}
/** A DICOM value that names no one: a test's, a QA phantom's or an anonymiser's placeholder, an empty date. */
const DICOM_PLACEHOLDER = /^[ \t]*(?:TEST|ANON|ANONYMI[SZ]ED|ANONYMOUS|PHANTOM|QA\^|REMOVED|UNKNOWN\b|NONE\b|00000000|19000101)/i;
/** DICOM attributes naming staff (physicians, operators) or the institution: never a patient's. */
const DICOM_STAFF_TAGS: ReadonlySet<string> = new Set(['0008,0080', '0008,0081', '0008,0090', '0008,1010', '0008,1040', '0008,1048', '0008,1050', '0008,1060', '0008,1070', '0032,1032', '0040,0006', '0040,A075']);

export function dicomRule(text: string, emit: Emit, quiet: Quiet = () => {}): void {
  if (text.indexOf('(00') === -1) return;
  DICOM_TAG_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DICOM_TAG_RE.exec(text)) !== null) {
    const tag = `${m[1]!.toUpperCase()},${m[2]!.toUpperCase()}`;
    const staff = DICOM_STAFF_TAGS.has(tag);
    const type = staff ? 'OTHER_ID' : DICOM_TAGS.get(tag);
    if (type === undefined) continue;
    const rest = m[3]!;
    const restStart = m.index + m[0].length - rest.length;
    const quoted = DICOM_VALUE_RE.exec(rest);
    let offset: number;
    let end: number;
    if (quoted !== null) {
      const value = quoted[quoted[1] !== undefined ? 1 : quoted[2] !== undefined ? 2 : 3]!;
      if (value.trim() === '') continue;
      // (inside the match's closing bracket or quote)
      offset = restStart + quoted.index + quoted[0].length - value.length - 1;
      end = offset + value.length;
    } else {
      const plain = DICOM_PLAIN_RE.exec(rest) ?? DICOM_SPACED_RE.exec(rest) ?? DICOM_VR_RE.exec(rest);
      if (plain === null) continue;
      offset = restStart + plain.index + plain[0].length;
      // (a remark in words, "not populated (blank)", is no value)
      const c0 = text.charCodeAt(offset);
      if (c0 >= 97 && c0 <= 122) continue;
      end = plainValueEnd(text, offset, restStart + rest.length);
    }
    if (staff) {
      quiet(offset, end);
      continue;
    }
    if (type === 'AGE') {
      // only an age over 89 is PHI ("094Y")
      const age = /^0*(\d{1,3})Y$/.exec(text.slice(offset, end).trim());
      if (age === null || Number(age[1]) <= 89) continue;
    }
    if ((type === 'DATE' || type === 'MRN' || type === 'OTHER_ID') && !/\d/.test(text.slice(offset, end))) continue;
    // a test's, a phantom's or an anonymiser's placeholder ("TEST^CTQA", "ANON0001", "19000101") is no one's
    if (DICOM_PLACEHOLDER.test(text.slice(offset, end))) continue;
    emitTrimmed(emit, text, type, offset, end, 0.95, 'dicom.attribute');
  }
}

// ---------------------------------------------------------------------------------------------
// X12 EDI (837 claims, 270/271 eligibility, 834 enrolment): "NM1*IL*1*DOE*JANE****MI*W123~"

/** Entity codes of NM1 segments naming the patient's side: insured/subscriber, patient, dependent, responsible party. */
const X12_PERSON_ENTITIES = new Set(['IL', 'QC', '03', 'QD', 'PE', '74', 'S1', 'GB', 'J6']);
/** NM108 identification qualifiers: member ID, SSN; anything else on a person is some other identifier. */
const X12_ID_TYPES: Record<string, PhiType> = { MI: 'HEALTH_PLAN_ID', '34': 'SSN', II: 'OTHER_ID', ZZ: 'OTHER_ID', N: 'OTHER_ID' };
/** REF qualifiers on a person or claim: SSN, member and subscriber numbers, medical record, patient account. */
const X12_REF_TYPES: Record<string, PhiType> = { SY: 'SSN', '1W': 'HEALTH_PLAN_ID', '0F': 'HEALTH_PLAN_ID', '1L': 'HEALTH_PLAN_ID', '23': 'OTHER_ID', '3H': 'OTHER_ID', '6P': 'HEALTH_PLAN_ID', EA: 'MRN', EJ: 'ACCOUNT', F8: 'OTHER_ID', D9: 'OTHER_ID', Q4: 'OTHER_ID', '9F': 'OTHER_ID', G1: 'OTHER_ID', '4A': 'OTHER_ID' };
/** DTP qualifiers of a patient's dates: service, admission, discharge, onset, accident, last visit, birth, death... */
const X12_DATE_QUALIFIERS = new Set(['472', '435', '096', '431', '454', '304', '453', '439', '484', '455', '471', '360', '361', '297', '296', '090', '091', '150', '151', '307', '291', '348', '349', '356', '357', '102', '103', '432', '434', '738', '739', '050']);
/** A segment: its id at a line start or after a '~', then '*' and its elements up to '~' or the line's end. */
const X12_SEGMENT_RE = /(?:^|~)[ \t]*(NM1|N3|N4|DMG|REF|DTP|CLM|PAT|INS)\*([^~\n\r]{1,400})/gm;

export function x12Rule(text: string, emit: Emit, quiet: Quiet = () => {}): void {
  if (text.indexOf('NM1*') === -1 && text.indexOf('DMG*') === -1 && text.indexOf('CLM*') === -1) return;
  X12_SEGMENT_RE.lastIndex = 0;
  let person = false;
  let m: RegExpExecArray | null;
  while ((m = X12_SEGMENT_RE.exec(text)) !== null) {
    const seg = m[1]!;
    const body = m[2]!;
    const base = m.index + m[0].length - body.length;
    const els: Array<[number, number]> = [];
    pieces(text, base, base + body.length, '*', (s, e) => els.push([s, e]));
    const el = (i: number) => (i < els.length ? text.slice(els[i]![0], els[i]![1]) : '');
    const put = (type: PhiType, from: number, to: number) => {
      if (from >= els.length) return;
      const last = Math.min(to, els.length - 1);
      // the span from the first to the last non-empty element of [from, to]
      let a = from;
      while (a <= last && els[a]![1] === els[a]![0]) a++;
      let b = last;
      while (b >= a && els[b]![1] === els[b]![0]) b--;
      if (a > b) return;
      if ((type === 'DATE' || type === 'MRN' || type === 'SSN' || type === 'HEALTH_PLAN_ID' || type === 'ACCOUNT') && !/\d/.test(text.slice(els[a]![0], els[b]![1]))) return;
      emitTrimmed(emit, text, type, els[a]![0], els[b]![1], 0.95, 'x12.' + seg.toLowerCase());
    };
    // the elements of a provider's, payer's or submitter's segments are theirs, not a patient's
    // (only elements closed by '*' or '~': an unclosed last one may run on into prose)
    const closed = text.charCodeAt(base + body.length) === 126;
    const hush = (from: number, to: number) => {
      const last = Math.min(to, closed ? els.length - 1 : els.length - 2);
      if (from <= last) quiet(els[from]![0], els[last]![1]);
    };
    switch (seg) {
      case 'NM1': {
        // NM101 entity, NM102 1 = person, NM103-105 last, first, middle, NM108 id qualifier, NM109 id
        person = X12_PERSON_ENTITIES.has(el(0)) && el(1) === '1';
        if (!person) {
          hush(2, 8);
          break;
        }
        put('NAME', 2, 4);
        const idType = X12_ID_TYPES[el(7)];
        if (idType !== undefined) put(idType, 8, 8);
        break;
      }
      case 'N3':
        if (person) put('ADDRESS', 0, 1);
        else hush(0, 1);
        break;
      case 'N4':
        // city, state, ZIP
        if (person) {
          put('ADDRESS', 0, 1);
          put('ZIP', 2, 2);
        } else hush(0, 2);
        break;
      case 'DMG':
        // DMG01 D8, DMG02 the birth date
        if (el(0) === 'D8') put('DATE', 1, 1);
        break;
      case 'REF': {
        const type = X12_REF_TYPES[el(0)];
        if (type !== undefined && (person || type !== 'OTHER_ID')) put(type, 1, 1);
        break;
      }
      case 'DTP':
        // DTP01 qualifier, DTP02 D8 or RD8, DTP03 the date or range
        if (X12_DATE_QUALIFIERS.has(el(0)) && (el(1) === 'D8' || el(1) === 'RD8' || el(1) === 'DT')) put('DATE', 2, 2);
        break;
      case 'CLM':
        // CLM01: the patient control number (the provider's account for the patient)
        put('ACCOUNT', 0, 0);
        person = false;
        break;
      default:
        break;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Tables pasted into tickets: Jira wiki ("||MRN||Patient||DOB||" over "|123|Doe, Jane|…|") and
// Markdown ("| MRN | Patient |" over "|---|---|")

/** The cells of a table line that opens with '|' (header cells of a Jira table are between "||"). */
export function tableCells(text: string, ls: number, le: number, header: boolean): Array<[number, number]> {
  const cells: Array<[number, number]> = [];
  let k = ls;
  while (k < le && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  if (text.charCodeAt(k) !== 124) return cells;
  while (k < le && text.charCodeAt(k) === 124) k++;
  let s = k;
  for (; k <= le; k++) {
    if (k === le || text.charCodeAt(k) === 124) {
      if (k > s || k < le) cells.push([s, k]);
      if (header) while (k + 1 < le && text.charCodeAt(k + 1) === 124) k++;
      s = k + 1;
    }
  }
  // (a line closed by '|' leaves an empty last cell)
  while (cells.length > 0 && cells[cells.length - 1]![0] >= cells[cells.length - 1]![1] && text.slice(cells[cells.length - 1]![0], le).trim() === '') cells.pop();
  return cells;
}
/** Column types only a patient's table has (a staff list has names, phones and addresses too). */
const PATIENT_COLUMN_TYPES: ReadonlySet<PhiType> = new Set<PhiType>(['MRN', 'SSN', 'HEALTH_PLAN_ID', 'ACCOUNT', 'DATE']);
/** A Markdown table's separator line, trimmed first: "|---|:---:|", "--- | ---" (no two stars side by side: linear). */
const TABLE_SEPARATOR = /^\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)*[ \t]*:?-{3,}:?[ \t]*\|?$/;
const isTableSeparator = (line: string) => line.length <= 400 && TABLE_SEPARATOR.test(line.trim());

/**
 * The rows from line `from` of a pipe table that lists records side by side, each row a field named
 * in its first cell ("|MRN|E1184420|E2290173|", "|DOB|1956-03-04|1956-03-04|"): when two rows or
 * more name PHI fields, one of them a patient's identifier or date, every other cell of those rows
 * is typed by its row. Returns the line after the table.
 */
function transposedRows(text: string, emit: Emit, from: number, lines: number, start: (i: number) => number, end: (i: number) => number): number {
  const rows: Array<[PhiType, Array<[number, number]>]> = [];
  let patient = false;
  let r = from;
  for (; r < lines; r++) {
    const ls = start(r);
    const le = end(r);
    let k = ls;
    while (k < le && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
    if (text.charCodeAt(k) !== 124 || text.charCodeAt(k + 1) === 124) break;
    const cells = tableCells(text, ls, le, false);
    if (cells.length < 2) continue;
    const type = columnType(text.slice(cells[0]![0], cells[0]![1]).replace(/[*_]/g, ' '));
    if (type === null) continue;
    // (a patient's identifier or birth date among the rows: a server's "Service date" and "Account" are not)
    if (type === 'MRN' || type === 'SSN' || type === 'HEALTH_PLAN_ID' || (type === 'DATE' && /\b(?:dob|birth)/i.test(text.slice(cells[0]![0], cells[0]![1])))) patient = true;
    rows.push([type, cells]);
  }
  if (rows.length >= 2 && patient) {
    for (const [type, cells] of rows) emitRow(text, emit, cells.map((_, c) => (c === 0 ? null : type)), cells);
  }
  return r;
}

/** A table row's cells typed by their column (a date, number or code column's cell needs a digit). */
/** An age column's value that is PHI: over 89 ("97 Y", "094Y", "91", "92 yrs"); "71 Y" and "8 mo" are no one's to hide. */
function ageOver89(value: string): boolean {
  const m = /^\s*0*(\d{1,3})\s*(?:y|yo|y\/o|yrs?|years?)?\.?\s*$/i.exec(value);
  return m !== null && Number(m[1]) > 89;
}
function emitRow(text: string, emit: Emit, types: Array<PhiType | null>, cells: Array<[number, number]>): void {
  cells.forEach(([s, e], c) => {
    const type = types[c];
    if (!type) return;
    if ((type === 'DATE' || type === 'MRN' || type === 'SSN' || type === 'PHONE' || type === 'ZIP') && !/\d/.test(text.slice(s, e))) return;
    if (type === 'AGE' && !ageOver89(text.slice(s, e))) return;
    // (a time of day alone, "11:02", is no date)
    if (type === 'DATE' && /^\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*$/.test(text.slice(s, e))) return;
    emitTrimmed(emit, text, type, s, e, 0.93, 'table.column');
  });
}
/** Columns of a line aligned by spaces or tabs: runs of text split at a tab or two spaces or more. */
function spacedCells(text: string, ls: number, le: number): Array<[number, number]> {
  const cells: Array<[number, number]> = [];
  let k = ls;
  while (k < le) {
    while (k < le && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
    if (k >= le) break;
    const s = k;
    // a cell ends at a tab, at two spaces or at the line's end (one space stays inside: "KAUFMAN, LEAH R")
    while (k < le && text.charCodeAt(k) !== 9 && !(text.charCodeAt(k) === 32 && (k + 1 >= le || text.charCodeAt(k + 1) === 32 || text.charCodeAt(k + 1) === 9))) k++;
    cells.push([s, k]);
  }
  return cells;
}
const SPACED_GAP = /\S(?:\t| {2,})\S/;

/**
 * A table aligned by spaces or tabs ("MRN        NAME                 DOB" over its rows), its
 * header on line i: typed like a CSV header (with a patient's column), the rows under it while
 * they have as many cells. Returns the line after the table, or i when there is none.
 */
function spacedTable(text: string, emit: Emit, i: number, lines: number, start: (i: number) => number, end: (i: number) => number, quiet: Quiet): number {
  const ls = start(i);
  const le = end(i);
  if (le - ls > 200 || le - ls < 5 || i + 1 >= lines) return i;
  const line = text.slice(ls, le);
  if (!SPACED_GAP.test(line) || !CSV_HEADER_HINT.test(line)) return i;
  const header = spacedCells(text, ls, le);
  const names = header.map(([s, e]) => text.slice(s, e));
  const types = patientTableDates(names, headerTypes(names));
  if (types === null || !(types.some((t) => t !== null && PATIENT_COLUMN_TYPES.has(t)) || names.some((n) => /\b(?:patient|pt)\b/i.test(n)))) return i;
  const columns = header.map(([s]) => s - ls);
  // (a clinician's column, "Attending", "RN": its names are the care team's)
  const clinicians = names.map((n) => CLINICIAN_COLUMN.test(n.trim()));
  let r = i + 1;
  for (; r < lines; r++) {
    let cells = spacedCells(text, start(r), end(r));
    // (a value as wide as its column leaves one space before the next: "QLR7781204 OKUDA^HARUO" under
    // "Accession  Pt Name": split where a header's column starts; not a line of prose under the table)
    if (cells.length < header.length && cells.length >= 2) cells = splitAtColumns(text, cells, start(r), columns);
    if (cells.length !== header.length) break;
    emitRow(text, emit, types, cells);
    cells.forEach(([s, e], c) => {
      if (clinicians[c]) quiet(s, e);
    });
  }
  return r > i + 1 ? r : i;
}
/**
 * A row's cells split at single spaces where a header's column starts (two characters either side),
 * for columns no cell starts at.
 */
function splitAtColumns(text: string, cells: Array<[number, number]>, rowStart: number, columns: readonly number[]): Array<[number, number]> {
  const near = (off: number, h: number) => off - h <= 2 && h - off <= 2;
  const open = columns.filter((h) => !cells.some(([s]) => near(s - rowStart, h)));
  if (open.length === 0) return cells;
  const out: Array<[number, number]> = [];
  for (const [s, e] of cells) {
    let from = s;
    for (let k = s + 1; k < e - 1; k++) {
      if (text.charCodeAt(k) !== 32 || text.charCodeAt(k + 1) === 32) continue;
      if (open.some((h) => near(k + 1 - rowStart, h))) {
        out.push([from, k]);
        from = k + 1;
      }
    }
    out.push([from, e]);
  }
  return out;
}

/**
 * In a patients' table (one with an MRN column), a column named only "Date", "Time", "Date/Time" or
 * "When" holds each patient's event ("| Time | Station | Patient | MRN | Med |": a dispense's time).
 */
function patientTableDates(names: string[], types: Array<PhiType | null> | null): Array<PhiType | null> | null {
  if (types === null || !types.includes('MRN')) return types;
  return types.map((t, k) => (t === null && EVENT_TIME_COLUMN.test(names[k]!.trim()) ? 'DATE' : t));
}
const EVENT_TIME_COLUMN = /^(?:date|time|date ?\/ ?time|date[ _]?time|datetime|when|svc date|service date|dispensed|given|administered|collected)$/i;
/** A spaced table's column of the care team or the staff who did the row: "Attending", "Provider", "RN", "Ordering MD", "User", "Witness". */
const CLINICIAN_COLUMN = /^(?:(?:attending|admitting|ordering|referring|treating|primary)(?:[ _](?:md|dr|physician|provider|name))?|provider|physician|doctor|md|dr|pcp|surgeon|rn|nurse|hospitalist|tech|technologist|clinician|user|witness|pharmacist|(?:entered|performed|verified|removed|dispensed|given|administered)[ _]by)$/i;
/** A record's number in a table cell: five digits or more, letters and dashes around them ("40011980", "M001203779", "536-22-1904"). */
const RECORD_CELL = /^[ \t]*[A-Z]{0,3}[-]?\d[\d-]{4,}[A-Z]?[ \t]*$/;
/**
 * `tableLines`: the lines holding a '|', a tab or two spaces side by side, in order (Scan.tableLines).
 */
export function tableRule(text: string, emit: Emit, newlines: readonly number[], tableLines: readonly number[], quiet: Quiet = () => {}): void {
  const pipes = text.indexOf('|') !== -1;
  const lines = newlines.length + 1;
  const start = (i: number) => (i === 0 ? 0 : newlines[i - 1]! + 1);
  const end = (i: number) => {
    const e = i < newlines.length ? newlines[i]! : text.length;
    return e > start(i) && text.charCodeAt(e - 1) === 13 ? e - 1 : e;
  };
  const firstCode = (i: number) => {
    let k = start(i);
    const e = end(i);
    while (k < e && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
    return k < e ? text.charCodeAt(k) : 0;
  };
  // Only a line opening with '|', or holding a tab or two spaces, can be a header: those lines, in order.
  let next = 0;
  for (const i of tableLines) {
    if (i < next) continue;
    next = i + 1;
    if (!pipes || firstCode(i) !== 124) {
      const skip = spacedTable(text, emit, i, lines, start, end, quiet);
      if (skip > i) next = skip;
      continue;
    }
    const ls = start(i);
    const le = end(i);
    const jira = text.startsWith('||', ls + (text.slice(ls, le).length - text.slice(ls, le).trimStart().length));
    const markdown = !jira && i + 1 < lines && isTableSeparator(text.slice(start(i + 1), end(i + 1)));
    // a pipe table without a separator line ("| Pt | MRN | Device |" right over its rows): read only
    // when its header names a record's column, an MRN or an SSN (an account, a plan ID or a date column
    // may be a directory's, a payer set-up's or a change log's), its rows while they have as many cells
    const bare = !jira && !markdown && i + 1 < lines && firstCode(i + 1) === 124;
    if (!jira && !markdown && !bare) continue;
    const header = tableCells(text, ls, le, jira);
    const firstRow = bare ? tableCells(text, start(i + 1), end(i + 1), false) : [];
    if (bare && firstRow.length !== header.length) continue;
    const names = header.map(([s, e]) => text.slice(s, e).replace(/[*_]/g, ' '));
    const types = patientTableDates(names, headerTypes(names));
    if (bare && (types === null || !types.some((t) => t === 'MRN' || t === 'SSN'))) continue;
    // (and the first row's record cell holds a record's number: "| length | 8 | 9 |" is an interface spec's)
    if (bare && !types!.some((t, k) => (t === 'MRN' || t === 'SSN') && RECORD_CELL.test(text.slice(firstRow[k]![0], firstRow[k]![1])))) continue;
    // (a staff list has names, phones and e-mail addresses too: a patient's table has a patient's column)
    if (types === null || !(types.some((t) => t !== null && PATIENT_COLUMN_TYPES.has(t)) || names.some((n) => /\b(?:patient|pt)\b/i.test(n)))) {
      // a table of records side by side: each row a field ("|MRN|E1184420|E2290173|")
      const r = transposedRows(text, emit, markdown ? i + 2 : i + 1, lines, start, end);
      if (r > i + 1) next = r;
      continue;
    }
    let r = markdown ? i + 2 : i + 1;
    for (; r < lines && firstCode(r) === 124 && !text.startsWith('||', start(r) + (text.slice(start(r), end(r)).length - text.slice(start(r), end(r)).trimStart().length)); r++) {
      const cells = tableCells(text, start(r), end(r), false);
      if (bare && cells.length !== header.length) break;
      emitRow(text, emit, types, cells);
    }
    next = r;
  }
}

/** Test-only, for test/unit/phi-charcode-regex.test.ts: CSV column naming and its char-code shortcut. */
export const __testing = { cannotName, columnType, COLUMN_TYPES };

// ---------------------------------------------------------------------------------------------
// A driver's licence's barcode as ID scanners log it (AAMVA element IDs: "DAQ=T148822091",
// "DCS=WEATHERFORD", "DBB=09281996")

/** AAMVA data elements that hold PHI. */
const AAMVA_FIELDS: Record<string, PhiType> = {
  DAQ: 'LICENSE', // customer ID number
  DCS: 'NAME', // family name
  DAC: 'NAME', // first name
  DAD: 'NAME', // middle name
  DCT: 'NAME', // given names (older versions)
  DAA: 'NAME', // full name (older versions)
  DBB: 'DATE', // date of birth
  DBA: 'DATE', // expiry
  DBD: 'DATE', // issue date
  DAG: 'ADDRESS', // street
  DAH: 'ADDRESS', // street, second line
  DAI: 'ADDRESS', // city
  DAK: 'ZIP', // postal code
  DCF: 'OTHER_ID', // document discriminator
  DCK: 'OTHER_ID', // inventory control number
};
/** An element on its own line: its ID, an optional '=' or ':', the value to the line's end. */
const AAMVA_LINE = /^[ \t]*(D[A-Z]{2})[ \t]*(?:[=:][ \t]*)?(\S[^\r\n]{0,79}?)[ \t]*\r?$/dgm;

/** The PHI elements of a licence's barcode data: only where three of them or more stand on lines of their own. */
export function aamvaRule(text: string, emit: Emit): void {
  if (text.indexOf('DAQ') === -1 && text.indexOf('DCS') === -1 && text.indexOf('DBB') === -1) return;
  const found: Array<[PhiType, number, number]> = [];
  const ids = new Set<string>();
  AAMVA_LINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = AAMVA_LINE.exec(text)) !== null) {
    const type = AAMVA_FIELDS[m[1]!];
    if (type === undefined) continue;
    ids.add(m[1]!);
    const [start, end] = m.indices![2]!;
    found.push([type, start, end]);
  }
  if (ids.size < 3) return;
  for (const [type, start, end] of found) emitTrimmed(emit, text, type, start, end, 0.93, 'aamva.field');
}

// ---------------------------------------------------------------------------------------------
// NCPDP telecommunication (pharmacy claims) as switch and pharmacy logs print it: a segment ID
// (AM01 patient, AM04 insurance, AM07 claim) opening a line, and its fields as two-character IDs:
// "AM01 C4=20030909 CA=DALIA CB=MARCHETTI"

/** The PHI fields of the patient and insurance segments, by field ID, with the form each value must have. */
const NCPDP_FIELDS: Readonly<Record<string, [PhiType, RegExp]>> = {
  C4: ['DATE', /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/], // date of birth, CCYYMMDD
  CA: ['NAME', /^[A-Za-z][A-Za-z' -]{0,34}$/], // patient first name
  CB: ['NAME', /^[A-Za-z][A-Za-z' -]{0,34}$/], // patient last name
  CM: ['ADDRESS', /^\d{1,6}[ A-Za-z0-9.#-]{2,40}$/], // street
  CP: ['ZIP', /^\d{5}(?:\d{4})?$/],
  CQ: ['PHONE', /^\d{10}$/],
  CY: ['OTHER_ID', /^[A-Za-z0-9-]{3,20}$/], // patient ID
  C2: ['HEALTH_PLAN_ID', /^[A-Za-z0-9-]{4,20}$/], // cardholder ID
  CC: ['NAME', /^[A-Za-z][A-Za-z' -]{0,34}$/], // cardholder first name
  CD: ['NAME', /^[A-Za-z][A-Za-z' -]{0,34}$/], // cardholder last name
};
/** A segment ID opening a line: the patient's (AM01), the insurance (AM04) or the claim's (AM07). */
const NCPDP_SEGMENT = /^[ \t>|]*AM0([147])(?=[ \t|\x1c\x1e]|$)/gm;
/** A field on a segment's line: its ID, '=', the value to the next space, '|' or separator. */
const NCPDP_FIELD = /(?<![A-Za-z0-9])([A-Z][A-Z0-9])=([^\s|=\x1c\x1d\x1e]{1,60})/dg;

/**
 * The PHI fields of NCPDP patient and insurance segments (a line of them is read only when two of
 * its fields have a PHI field's form); a claim segment's product ID (D7, the drug's NDC) is quiet.
 */
export function ncpdpRule(text: string, emit: Emit, quiet: Quiet = () => {}): void {
  if (text.indexOf('AM0') === -1) return;
  NCPDP_SEGMENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NCPDP_SEGMENT.exec(text)) !== null) {
    const from = m.index + m[0].length;
    let to = text.indexOf('\n', from);
    if (to === -1) to = text.length;
    const line = text.slice(from, to);
    const found: Array<[PhiType, number, number]> = [];
    NCPDP_FIELD.lastIndex = 0;
    let f: RegExpExecArray | null;
    while ((f = NCPDP_FIELD.exec(line)) !== null) {
      const [s, e] = f.indices![2]!;
      if (m[1] === '7') {
        if (f[1] === 'D7') quiet(from + s, from + e);
        continue;
      }
      const field = NCPDP_FIELDS[f[1]!];
      if (field !== undefined && field[1].test(f[2]!)) found.push([field[0], from + s, from + e]);
    }
    // (the insurance segment may carry the cardholder ID alone)
    if (found.length >= 2 || (m[1] === '4' && found.length === 1 && found[0]![0] === 'HEALTH_PLAN_ID')) {
      for (const [type, s, e] of found) emitTrimmed(emit, text, type, s, e, 0.93, 'ncpdp.field');
    }
    NCPDP_SEGMENT.lastIndex = Math.max(NCPDP_SEGMENT.lastIndex, to);
  }
}

// ---------------------------------------------------------------------------------------------
// A scanned document's or an export's file name that holds a person ("scan_GARCIA_ROSA_031452.pdf",
// "dlscan_estrada_090971.jpg", "PRICE_DEREK_6620417_access.xlsx")

/** Words of an employee's or a vendor's document in a file name (the person in it is staff). */
const STAFF_FILE_WORDS = /(?:^|_)(?:timesheets?|payroll|paystubs?|resumes?|cv|pto|w4|i9|appraisals?)(?:_|$)/i;

/** File extensions of scans, images, exports and documents (lower case). */
const FILE_EXTENSIONS: ReadonlySet<string> = new Set(['pdf', 'jpg', 'jpeg', 'png', 'tif', 'tiff', 'gif', 'bmp', 'heic', 'xlsx', 'xls', 'csv', 'docx', 'doc', 'rtf', 'txt', 'zip', 'dcm', 'msg']);
/** A file name's parts are at most this long (a longer run of word characters is no file name). */
const MAX_STEM = 120;

/**
 * In a file name whose parts are joined by '_': two neighbouring parts that are a first name and a
 * surname of the census, in either order ("GARCIA_ROSA", "rosa_garcia"), written in one case, are
 * a person's name, as are a census surname in capitals and an initial ("BERGSTROM_T"); so is one census surname with a valid date right after it ("estrada_090971");
 * and a valid date (MMDDYY, MMDDYYYY or YYYYMMDD) right after such a name is that person's. Neither
 * part may be a common English or product word. The rules' names are not structured ones: a ticket
 * with no patient in it drops them, and staff places take them.
 */
export function filenameRule(text: string, emit: Emit, names: { first: ReadonlySet<string>; last: ReadonlySet<string>; notName: (w: string) => boolean }): void {
  // A name's stem is the run of word characters and '-' right before its dot, with a '_' in it: so
  // each such run is walked to its end once from its first '_', and read on only where a '.' ends it
  // (most dots end a sentence or sit in a number, and most runs with a '_' are no file's).
  const n = text.length;
  for (let u = text.indexOf('_'); u !== -1; ) {
    let dot = u + 1;
    while (dot < n && (isWordCode(text.charCodeAt(dot)) || text.charCodeAt(dot) === 45)) dot++;
    u = dot < n ? text.indexOf('_', dot + 1) : -1;
    if (text.charCodeAt(dot) !== 46) continue;
    // the extension: letters up to a non-word character
    let e = dot + 1;
    while (e < text.length && e - dot <= 5 && isAsciiLetter(text.charCodeAt(e))) e++;
    if (e - dot < 4 || (e < text.length && isWordCode(text.charCodeAt(e))) || !FILE_EXTENSIONS.has(text.slice(dot + 1, e).toLowerCase())) continue;
    // the stem: word characters and '-' back to the name's start
    let s = dot;
    while (s > 0 && dot - s < MAX_STEM && (isWordCode(text.charCodeAt(s - 1)) || text.charCodeAt(s - 1) === 45)) s--;
    if (dot - s >= MAX_STEM || dot - s < 5) continue;
    const stem = text.slice(s, dot);
    if (stem.indexOf('_') === -1) continue;
    // (an employee's own document: "Smith_John_timesheet.xlsx", "resume_garza_rosendo.pdf"; "eval", "badge",
    // "onboarding", "training" files may be a patient's)
    if (STAFF_FILE_WORDS.test(stem)) continue;
    const parts = stem.split('_');
    const starts: number[] = [];
    let at = s;
    for (const p of parts) {
      starts.push(at);
      at += p.length + 1;
    }
    const isName = (i: number, set: ReadonlySet<string>) => {
      const p = parts[i];
      if (p === undefined || p.length < 2 || p.length > 20 || !/^(?:[A-Z]+|[a-z]+|[A-Z][a-z]+)$/.test(p)) return false;
      const w = p.toLowerCase();
      return set.has(w) && !names.notName(w);
    };
    // a record's label glued to its value after the name: "HOFFLANDER_DEAN_MRN3021187_ABN.pdf",
    // "YANG_PA_DOB19910922_INS_CARD.pdf" (the parts before it are the name, census or not)
    const labelled = (i: number): 'DATE' | 'MRN' | null => {
      const m = i < parts.length ? FILE_LABELLED_VALUE.exec(parts[i]!) : null;
      if (m === null) return null;
      return m[1]!.toUpperCase() === 'MRN' ? 'MRN' : isCompactDate(m[2]!) ? 'DATE' : null;
    };
    const alpha = (i: number) => i >= 0 && /^(?:[A-Z]{1,20}|[a-z]{1,20}|[A-Z][a-z]{1,19})$/.test(parts[i]!);
    // (a surname is no common or product word: "Monthly_Report_DOB…" is no one's; a given name or an initial may be)
    const surname = (i: number) => alpha(i) && parts[i]!.length > 1 && !names.notName(parts[i]!.toLowerCase());
    for (let i = 1; i < parts.length; i++) {
      const type = labelled(i);
      if (type === null || !alpha(i - 1)) continue;
      const first = surname(i - 2) && sameCase(parts[i - 2]!, parts[i - 1]!) ? i - 2 : surname(i - 1) ? i - 1 : -1;
      if (first === -1) continue;
      emit('NAME', starts[first]!, starts[i - 1]! + parts[i - 1]!.length, 0.85, 'name.filename');
      emit(type, starts[i]! + 3, starts[i]! + parts[i]!.length, 0.85, type === 'MRN' ? 'mrn.filename' : 'date.filename');
    }
    for (let i = 0; i < parts.length; i++) {
      // a census surname in capitals and an initial: "REGENCE_AUTH_BERGSTROM_T.pdf", "…_SAMPSON_W_referral.pdf"
      // (or any surname in capitals, no common word, when a patient's document's word follows the initial:
      // "PAGDILAO_F_POA_20250210.pdf", "MAGBANUA_C_proxyform.pdf")
      const initial =
        i + 1 < parts.length && /^[A-Z]$/.test(parts[i + 1]!) && /^[A-Z]{2,}$/.test(parts[i]!) &&
        (isName(i, names.last) || (parts[i]!.length >= 3 && !names.notName(parts[i]!.toLowerCase()) && i + 2 < parts.length && FILE_DOC_WORD.test(parts[i + 2]!)));
      const pair = initial || (i + 1 < parts.length && sameCase(parts[i]!, parts[i + 1]!) && ((isName(i, names.last) && isName(i + 1, names.first)) || (isName(i, names.first) && isName(i + 1, names.last))));
      const next = pair ? i + 2 : i + 1;
      const date = next < parts.length && isCompactDate(parts[next]!);
      if (!pair && !(date && isName(i, names.last))) continue;
      const nameEnd = starts[next - 1]! + parts[next - 1]!.length;
      emit('NAME', starts[i]!, nameEnd, 0.85, 'name.filename');
      if (date) emit('DATE', starts[next]!, starts[next]! + parts[next]!.length, 0.85, 'date.filename');
      // a record's number of six to ten digits after the name, then maybe a date: "HAIKU_EHLERT_DOUGLAS_40772019_20250303_0932.jpg"
      else if (pair && next < parts.length && /^\d{6,10}$/.test(parts[next]!)) {
        emit('MRN', starts[next]!, starts[next]! + parts[next]!.length, 0.85, 'mrn.filename');
        const after = next + 1;
        if (after < parts.length && isCompactDate(parts[after]!)) emit('DATE', starts[after]!, starts[after]! + parts[after]!.length, 0.85, 'date.filename');
      }
      i = next - 1;
    }
  }
}
/** A patient's document's word in a file name: a power of attorney, a release, a consent, a proxy form, an ID's scan. */
const FILE_DOC_WORD = /^(?:poa|roi|consents?|proxy\w*|auth\w*|referrals?|releases?|hipaa|dnr|polst|advance\w*|guardian\w*|insurance|ins|card|dl|id|facesheet|abn|intake|registration|demographics?)$/i;
/** A file name's part holding a record's label and its value: "DOB19380712", "MRN3021187". */
const FILE_LABELLED_VALUE = /^(DOB|dob|Dob|MRN|mrn|Mrn)(\d{6,12})$/;
/** Both in capitals, both in lower case, or both capitalised ("GARCIA_ROSA", "garcia_rosa", "Garcia_Rosa"; not "Garcia_rosa"). */
const caseOf = (p: string) => (p === p.toUpperCase() ? 2 : p === p.toLowerCase() ? 0 : 1);
const sameCase = (a: string, b: string) => caseOf(a) === caseOf(b);

// ---------------------------------------------------------------------------------------------
// XML patient records whose values are element text: an eRx (NCPDP SCRIPT) message or a vendor's XML
// export pasted into a ticket: "<Patient>…<LastName>Strand</LastName>…<DateOfBirth><Date>1934-02-11</Date>"
// (values held in attributes, a CDA header's `<birthTime value="…"/>`, are not read)

/** An element holding text only: its name (group 1), its attributes, its text (group 2). */
const XML_LEAF_RE = /<([A-Za-z][\w.-]{0,60}(?::[A-Za-z][\w.-]{0,60})?)(?:[ \t][^<>\n]{0,200})?>([^<>\n]{1,200})<\/\1>/g;
/** An element that holds a patient's (or a relative's, a subscriber's) details, by its name in small letters without '-', '_', '.' or a prefix. */
const XML_PERSON = /^(?:patient|humanpatient|patientrole|patientinfo|patientdemographics|demographics|subscriber|insured|guarantor|nextofkin|nok|emergencycontact|recordtarget|guardian|cardholder)$/;
/** Leaf names whose text is a patient's value wherever in a patient's element (compact, small letters). */
const XML_PERSON_TYPES: Array<[RegExp, PhiType]> = [
  [/^(?:medicalrecord(?:identification)?(?:number)?(?:ehr)?|mrn|patientid|patientidentifier|chartnumber|empi|unitnumber)$/, 'MRN'],
  [/^(?:lastname|firstname|middlename|givenname|familyname|given|family|surname|patientname|fullname)$/, 'NAME'],
  [/^(?:addressline\d?|streetaddress(?:line)?\d?|streetaddressline|street|address\d?|city|town|county)$/, 'ADDRESS'],
  [/^(?:postalcode|zip|zipcode|postcode)$/, 'ZIP'],
  [/^(?:phone|phonenumber|telephone|homephone|mobilephone|cellphone|mobile)$/, 'PHONE'],
  [/^(?:email|emailaddress|electronicmail)$/, 'EMAIL'],
  [/^(?:ssn|socialsecurity(?:number)?)$/, 'SSN'],
  [/^(?:medicarenumber|medicaidnumber|memberid|membernumber|subscriberid|subscribernumber|cardholderid|policynumber|policyid|mbi|payerid)$/, 'HEALTH_PLAN_ID'],
  [/^(?:accountnumber|account|acct|acctnumber|encounternumber|fin)$/, 'ACCOUNT'],
];
/** An element of a clinician, a pharmacy or an organisation (an eRx's prescriber, a CDA's author). */
const XML_STAFF = /^(?:prescriber|supervisor|pharmacy|pharmacist|provider|practitioner|author|custodian|performer|sender|receiver|organization|organisation|facility|nonveterinarian|assignedauthor|assignedentity|representedorganization|providerorganization|payer)$/;
/** Dates of a patient's life or care, wherever in a message that has a patient's element ("<WrittenDate><Date>…"). */
const XML_DATE = /^(?:dateofbirth|birthdate|birthtime|dob|dateofdeath|deathdate|admit(?:date)?|admissiondate|dischargedate|servicedate|dateofservice|visitdate|encounterdate|appointmentdate|writtendate|proceduredate|surgerydate|injurydate|dateofinjury)$/;
/** A leaf whose name says nothing by itself: its parent's name says what it holds ("<DateOfBirth><Date>", "<PrimaryTelephone><Number>"). */
const XML_GENERIC = /^(?:date|datetime|value|number|text|id|identifier)$/;

/** A test of whether p lies in one of the [start, end) spans (given in order of their starts): their union, searched by halves. */
function unionTest(spans: Array<[number, number]>): (p: number) => boolean {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [s, e] of spans) {
    if (ends.length > 0 && s <= ends[ends.length - 1]!) ends[ends.length - 1] = Math.max(ends[ends.length - 1]!, e);
    else {
      starts.push(s);
      ends.push(e);
    }
  }
  // (the last union starting at or before p holds it when it ends after p)
  return (p) => {
    const k = firstAtOrAbove(starts, p + 1) - 1;
    return k >= 0 && p < ends[k]!;
  };
}
const xmlName = (name: string) => {
  const colon = name.indexOf(':');
  return (colon === -1 ? name : name.slice(colon + 1)).toLowerCase().replace(/[-_.]/g, '');
};

/**
 * XML patient records: each element holding text whose name (or, for a bare "<Date>", "<Number>",
 * "<Value>", its parent's) says which PHI it holds, inside an element of a patient, a subscriber or a
 * relative (a prescriber's "<LastName>" is no patient's); dates of a patient's life and care anywhere
 * in a text that has such an element.
 */
export function xmlRule(text: string, emit: Emit, quiet: Quiet = () => {}): void {
  if (text.indexOf('</') === -1) return;
  // the patients' elements and the clinicians' or organisations': [open end, close start) of each
  const persons: Array<[number, number]> = [];
  const staff: Array<[number, number]> = [];
  const OPEN = /<([A-Za-z][\w.-]{0,60}(?::[A-Za-z][\w.-]{0,60})?)(?:[ \t][^<>]{0,200})?>/g;
  // the closing tags' positions by tag, found in one pass (an element's close is the first after its opening)
  const closes = new Map<string, number[]>();
  const CLOSE = /<\/([A-Za-z][\w.-]{0,60}(?::[A-Za-z][\w.-]{0,60})?)>/g;
  for (let m = CLOSE.exec(text); m !== null; m = CLOSE.exec(text)) {
    const at = closes.get(m[1]!);
    if (at === undefined) closes.set(m[1]!, [m.index]);
    else at.push(m.index);
  }
  for (let m = OPEN.exec(text); m !== null; m = OPEN.exec(text)) {
    const name = xmlName(m[1]!);
    const list = XML_PERSON.test(name) ? persons : XML_STAFF.test(name) ? staff : null;
    if (list === null) continue;
    const at = closes.get(m[1]!);
    if (at === undefined) continue;
    const k = firstAtOrAbove(at, OPEN.lastIndex);
    if (k < at.length) list.push([OPEN.lastIndex, at[k]!]);
  }
  if (persons.length === 0) return;
  const within = unionTest(staff);
  const inPerson = unionTest(persons);
  XML_LEAF_RE.lastIndex = 0;
  for (let m = XML_LEAF_RE.exec(text); m !== null; m = XML_LEAF_RE.exec(text)) {
    let name = xmlName(m[1]!);
    if (XML_GENERIC.test(name)) {
      // (the parent's opening tag right before the leaf)
      const before = /<([A-Za-z][\w.-]{0,60}(?::[A-Za-z][\w.-]{0,60})?)(?:[ \t][^<>\n]{0,200})?>\s*$/.exec(text.slice(Math.max(0, m.index - 120), m.index));
      if (before === null) continue;
      name = xmlName(before[1]!);
    }
    const valueStart = m.index + m[0].indexOf('>') + 1;
    const valueEnd = valueStart + m[2]!.length;
    let type: PhiType | null = null;
    // (a prescriber's, a pharmacy's, an organisation's name, address and numbers, inside a patient's
    // element or not: "<patientRole>…<providerOrganization><addr><city>…": quiet, no other rule takes them)
    if (within(m.index)) {
      if (XML_PERSON_TYPES.some(([re]) => re.test(name))) quiet(valueStart, valueEnd);
      continue;
    }
    if (XML_DATE.test(name)) type = 'DATE';
    else if (inPerson(m.index)) {
      for (const [re, t] of XML_PERSON_TYPES) {
        if (re.test(name)) {
          type = t;
          break;
        }
      }
      if (type === null && /(?:telephone|phone)$/.test(name)) type = 'PHONE';
      else if (type === null && /fax$/.test(name)) type = 'FAX';
    }
    if (type === null) continue;
    // (a code, not a value: "<Gender>F</Gender>" is never typed; a date holds a digit)
    if (type === 'DATE' && !/\d/.test(m[2]!)) continue;
    // (a middle initial alone is no name)
    if (type === 'NAME' && !/\p{L}\p{L}/u.test(m[2]!)) continue;
    emitTrimmed(emit, text, type, valueStart, valueEnd, 0.9, 'xml.' + name.slice(0, 40));
  }
}
