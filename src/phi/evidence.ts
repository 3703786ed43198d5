/**
 * Signs that a finding or a word concerns a patient, shared by the detector's no-patient rule
 * (detect.ts) and its workforce-directory check (staff.ts). Pure: no Forge imports.
 */
import { isAsciiAlnum as isAlnumCode, isAsciiLetter, isDigitCode } from './chars';
import type { Finding, PhiType } from './types';
import { isConsumerMail } from './workforce';

/** The structured-data rules' findings (HL7, CSV, key=value, JSON) are data, never a signature. */
export const isStructured = (rule: string) =>
  rule.startsWith('hl7.') || rule.startsWith('csv.') || rule.startsWith('kv.') || rule.startsWith('json.') || rule.startsWith('dicom.') || rule.startsWith('x12.') || rule.startsWith('table.') || rule.startsWith('aamva.') || rule.startsWith('ncpdp.') || rule === 'name.hl7';

/** Findings that are a patient's whatever the words around them: with one of these, the ticket has a patient. */
export const PATIENT_ID_TYPES: ReadonlySet<PhiType> = new Set<PhiType>(['SSN', 'MRN', 'HEALTH_PLAN_ID', 'BIOMETRIC', 'AGE', 'ACCOUNT', 'DEVICE', 'VEHICLE', 'OTHER_ID']);

/**
 * Is the patient word at p about a patient? Not a department, unit or system named with it
 * ("Patient Access", "Inpatient pharmacy", "Medication Room PC", "DOB field", "infant protection"),
 * nor a service line ("inpatient", "outpatient") or a bed alone.
 */
export function patientWordAt(text: string, p: number): boolean {
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
  // "Intune Company Portal", "GlobalProtect portal vpn.example.org", "SSL cert expiring on MyChart",
  // "Hyperspace, Haiku/Canto, MyChart, Rover all unavailable": a system, no patient's use of it
  // (the word without a sentence's period: "via Company Portal.")
  const bare = word.charCodeAt(word.length - 1) === 46 ? word.replace(/\.+$/, '') : word;
  if (bare === 'portal' || bare === 'mychart') {
    if (SYSTEM_PORTAL_BEFORE.test(before) || HOST_AFTER.test(text.slice(e, e + 64))) return false;
    if (bare === 'mychart' && (SYSTEM_LIST_AROUND.test(text.slice(Math.max(0, p - 24), Math.min(text.length, e + 24))) || MYCHART_SYSTEM_AFTER.test(text.slice(e, e + 40)))) return false;
  }
  // "no patient harm reported", "no patient data stored": none in particular ("Any patient I open
  // errors, tried Gerald Moss", "No patient label printed for Carla Mendez" name one)
  if ((bare === 'patient' || bare === 'pt') && /\bno[ \t]+(?:real[ \t]+)?$/i.test(before) && NO_PATIENT_NOUN_AFTER.test(text.slice(e, e + 24))) return false;
  // "patients are waiting", "I have 22 patients", "their patients": patients in general, no one patient
  // (not where they are counted out or listed: "These patients are affected … 1. Maria Garcia", "pts calling in; callback list: …")
  // (nor where its sentence names someone: "Patients are not getting their AVS printed, for example Louise Hart today")
  if ((bare === 'patients' || bare === 'pts') && (GENERIC_PATIENTS_AFTER.test(text.slice(e, e + 24)) || GENERIC_PATIENTS_BEFORE.test(before)) && !PATIENTS_POINTED_BEFORE.test(before) && !listFollows(text, e) && !sentenceNamesSomeone(text, p, e)) return false;
  // "stack member 2", "staff member", "External member: Dr. Kim", "permanent member of the group":
  // a member is a plan's only with its ID, number or card
  // ("family member" is a relative)
  if ((bare === 'member' || bare === 'members') && !MEMBER_ID_AFTER.test(text.slice(e, e + 20)) && !/\bfamily[ \t]+$/i.test(before)) return false;
  // "Lauren Eide PT;": a physical therapist's credential after a name
  if (bare === 'pt' && text.startsWith('PT', p) && CREDENTIAL_PT_AROUND.test(text.slice(Math.max(0, p - 24), Math.min(text.length, e + 2)))) return false;
  // "UKG InTouch DX clocks": a model's name, no diagnosis ("Primary DX: …", "Dx: M17.11" are)
  if (bare === 'dx' && text.charCodeAt(p + 1) === 88 && MODEL_WORD_BEFORE.test(before) && !DIAGNOSIS_WORD_BEFORE.test(before) && !/^[ \t]*[:=#-]/.test(text.slice(e, e + 4))) return false;
  // "blocked at proxy", "per proxy logs", "Azure App Proxy": a network's proxy
  if (bare === 'proxy' && (NETWORK_PROXY_BEFORE.test(before) || NETWORK_PROXY_AFTER.test(text.slice(e, e + 24)))) return false;
  return !PLACE_AFTER.test(text.slice(e, e + 32));
}
/** What "no patient …" denies: harm, data, details, information, identifiers, names, impact. */
const NO_PATIENT_NOUN_AFTER = /^[ \t]*(?:harm|data|details|info(?:rmation)?|identifiers|names|impact|phi|images)\b/i;
/** What patients in general do: wait, call, arrive, complain, come with families and visitors. */
const GENERIC_PATIENTS_AFTER = /^[ \t]+(?:are|can['’]?t|cannot|will|were|and (?:families|family|visitors|staff)|waiting|calling|arriving|complaining|press|see|stay|get|show up|lining|giving|being|still|sitting|due|in the (?:lobby|waiting room))\b/i;
/** Whose patients in general: a clinician's list, a count, new ones ("their patients", "22 patients", "new patients"). */
const GENERIC_PATIENTS_BEFORE = /\b(?:their|\d{2,}|new|afternoon|morning|joint)[ \t]+$/i;
/** Patients pointed at: "these patients", "both pts", "the wrong patients". */
const PATIENTS_POINTED_BEFORE = /\b(?:these|those|both|the wrong|wrong|which|affected)[ \t]+$/i;
/** Does a list follow on the word's line, within 160 characters (a ':' after it: "callback list: …", "today:")? */
function listFollows(text: string, e: number): boolean {
  const end = Math.min(text.length, e + 160);
  for (let c = e; c < end; c++) {
    const code = text.charCodeAt(c);
    if (code === 10) return false;
    // (a label's colon, not a time's: "since 7:30")
    if (code === 58 && !(isDigitCode(text.charCodeAt(c - 1)) && isDigitCode(text.charCodeAt(c + 1)))) return true;
  }
  return false;
}
/**
 * Does the sentence holding text[p, e) (up to 200 characters either side, to '.', '!', '?' or a
 * line break) name someone: a capitalised word and another after it, not at the sentence's start?
 */
function sentenceNamesSomeone(text: string, p: number, e: number): boolean {
  let s = p;
  while (s > 0 && p - s < 200 && !sentenceEndAt(text, s - 1)) s--;
  let t = e;
  while (t < text.length && t - e < 200 && !sentenceEndAt(text, t)) t++;
  return PERSON_IN_SENTENCE.test(text.slice(s, t));
}
/** Does a sentence end at k: a line break, '!', '?', or a '.' after a word of two letters or more ("e.g." ends none)? */
function sentenceEndAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c === 10 || c === 33 || c === 63) return true;
  return c === 46 && isAsciiLetter(text.charCodeAt(k - 1)) && isAsciiLetter(text.charCodeAt(k - 2));
}
/** A first name and a surname, capitalised, after another word ("… for example Louise Hart today"). */
const PERSON_IN_SENTENCE = /\S[ \t,]+[A-Z][a-z'’-]+[ \t]+(?:[A-Z]\.?[ \t]+)?[A-Z][a-z'’-]+/;
/** What makes a member a health plan's: "member ID", "member #", "member number", "member card", "member services". */
const MEMBER_ID_AFTER = /^[ \t]*(?:id|#|no\b|number|num|nbr|card|services|portal|since|eligibility|'s|’s)/i;
/** "PT" after a person's name and before a list's separator or the line's end: a credential. */
const CREDENTIAL_PT_AROUND = /[A-Z][a-z'’-]+[ \t]+[A-Z][a-z'’-]+,?[ \t]+PT(?:[;,)|]|[ \t]*$)/;
/** A capitalised product word right before "DX" ("InTouch DX"). */
const MODEL_WORD_BEFORE = /\b[A-Z][a-z]+[A-Z][A-Za-z0-9]*[ \t]+$/;
const DIAGNOSIS_WORD_BEFORE = /\b(?:primary|secondary|principal|admitting|admit|admission|discharge|working|final|differential|pt|patient)['’s]*[ \t]+$/i;
const NETWORK_PROXY_BEFORE = /\b(?:app|at|through the|the web|corporate|outbound|explicit|transparent)[ \t]+$/i;
const NETWORK_PROXY_AFTER = /^[ \t]*(?:logs?|servers?|settings?|config(?:uration)?|bypass|pac|exceptions?|&|and (?:eop|firewall|dns))\b/i;
/** Words before "portal" or "MyChart" that make it a system's: an MDM's, a VPN's, a Wi-Fi's, a vendor's, a certificate's. */
const SYSTEM_PORTAL_BEFORE = /\b(?:company|captive|vpn|gp|globalprotect|eligibility|benefits|vendor|support|partner|developer|admin|expiring on|renewals?:?)[ \t-]*$/i;
/** A host name right after the word ("portal vpn.lakeshorehealth.org"). */
const HOST_AFTER = /^[ \t]+(?:[a-z0-9-]+\.){1,4}[a-z]{2,}\b/i;
/** MyChart in a list of systems ("Hyperspace, Haiku/Canto, MyChart, Rover"): a system beside it, across ',' or '/'. */
const SYSTEM_LIST_AROUND = /\b(?:hyperspace|haiku|canto|rover|interconnect|care everywhere|cadence|prelude|beaker|willow|cupid|radiant|bca|epiccare|hello world|welcome)\b[ \t]*[,/&][^\n]{0,16}mychart|mychart[ \t]*(?:[,/&]|and)[ \t]*(?:hyperspace|haiku|canto|rover|interconnect|care everywhere|cadence|prelude|beaker|willow|cupid|radiant|bca|epiccare)\b/i;
/** What makes MyChart the system itself: its servers, web services, pages, certificates, releases. */
const MYCHART_SYSTEM_AFTER = /^[ \t]*(?:servers?|location page|certs?|certificates?|domain|dns|cname|build|release|upgrade|outage|downtime|go-?live|environment|instance|interface|integration|app (?:build|release|version)|-[ \t]*\d+ days)\b/i;
/** What "sister", "brother" or "grandfather" names when it is no relative: "sister hospital", "Brother HL-L2350", "grandfather clause". */
const SIBLING_THING_AFTER = /^[ \t]*(?:hospitals?|sites?|facilit(?:y|ies)|clinics?|campus(?:es)?|organi[sz]ations?|compan(?:y|ies)|orgs?|systems?|printers?|scanners?|label|models?|drivers?|toner|servers?|vms?|practices?|entit(?:y|ies)|tenants?|domains?|instances?|environments?|clause|p-touch|[A-Z]{1,4}-?[A-Z]?\d)/i;
const TEST_BEFORE = /\b(?:test|dummy|fake|sample|training|demo)[ \t]+$/i;
/** Words before "proxy" that make it a network's ("web proxy", "Zscaler proxy"), not a patient's proxy. */
const SYSTEM_BEFORE = /\b(?:web|http|https|reverse|forward|squid|zscaler|ssl|api|cloud|socks)[ \t]+$/i;

const isWordChar = (c: number) => isAlnumCode(c) || c === 46 || c === 39;
const SERVICE_LINE_WORDS: ReadonlySet<string> = new Set(['inpatient', 'outpatient', 'bed', 'inpatients', 'outpatients', 'beds']);
/** Words after a patient word that make it a department, a place or a system's ("Patient Access", "DOB field"). */
const PLACE_AFTER =
  /^[ \t]*(?:access|accounts?|financial|experience|registration|relations|services?|support|safety|transport|logistics|flow|lab|labs|clinic|clinics|pharmacy|surgery|center|centre|department|dept|unit|units|rehab|imaging|infusion|care|room|rooms|cart|carts|cabinet|cabinets|station|dispensing|administration|protection|security|system|systems|field|fields|format|column|validation|wifi|wi-fi|guest|education|satisfaction|portal (?:outage|upgrade|downtime|release|build|team)|list columns)\b|^\/(?:baby|infant)\b|^-(?:facing|level|specific)\b/i;
/**
 * Does a date say a year long ago ("7/7/1977", "12/11/1931": before LONG_AGO_YEAR)? An IT ticket's
 * dates are this year's and last; a date decades back is a person's birth date.
 */
export function birthYear(text: string, f: Finding): boolean {
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
export const isAdmins = (rule: string) => rule.startsWith('custom:') || rule === 'mrn.site-format';

/** An address at a consumer mail provider (not one of the admin's own domains): a person's own, not a colleague's. */
export function personalMail(text: string, f: Finding, ownDomain: (domain: string) => boolean): boolean {
  const at = text.lastIndexOf('@', f.end - 1);
  if (at < f.start) return false;
  const domain = text.slice(at + 1, f.end).toLowerCase();
  return isConsumerMail(domain) && !ownDomain(domain);
}
