/**
 * Signs that a finding or a word concerns a patient, shared by the detector's no-patient rule
 * (detect.ts) and its workforce-directory check (staff.ts). Pure: no Forge imports.
 */
import { isAsciiAlnum as isAlnumCode, isDigitCode } from './chars';
import { PAYER_NAMES } from './lexicon';
import type { Finding, PhiType } from './types';
import { isConsumerMail } from './workforce';

/** The structured-data rules' findings (HL7, CSV, key=value, JSON) are data, never a signature. */
export function isStructured(rule: string): boolean {
  // (asked for every candidate, several times: the answer per rule name is kept; rule names are
  // the rules' own and the admin's pattern ids, a bounded set)
  let known = STRUCTURED_RULES.get(rule);
  if (known === undefined) {
    known = STRUCTURED_PREFIXES.some((p) => rule.startsWith(p)) || rule === 'name.hl7';
    if (STRUCTURED_RULES.size < 4096) STRUCTURED_RULES.set(rule, known);
  }
  return known;
}
const STRUCTURED_PREFIXES = ['hl7.', 'csv.', 'kv.', 'json.', 'xml.', 'dicom.', 'x12.', 'table.', 'aamva.', 'ncpdp.'];
const STRUCTURED_RULES = new Map<string, boolean>();

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
  // "S/N 2307DX118842", "S/N R9PT60A1xxx": letters inside a serial number
  if (isDigitCode(text.charCodeAt(p - 1)) && /\d/.test(word)) return false;
  // "the patient's account": the patient's own
  if (word.endsWith("'s") || text.charCodeAt(e) === 0x2019) return true;
  if (SERVICE_LINE_WORDS.has(word)) return false;
  // "01:00-03:00 PT (emergency CAB …)", "Timeline (PT)": Pacific Time (not "Called 10:30 PT Maria Garcia")
  // ("9:15 AM PT. Tom Lee says …" may be the patient's: a word after "PT." stays read as one)
  if (word === 'pt' && text.charCodeAt(p + 1) === 84 && ((TIME_BEFORE.test(text.slice(Math.max(0, p - 12), p)) && !NAME_AFTER.test(text.slice(e, e + 6))) || (text.charCodeAt(p - 1) === 40 && text.charCodeAt(e) === 41))) return false;
  // "test patient ZZTEST, ONE": a build's test record; "web proxy": a network's
  const before = text.slice(Math.max(0, p - 12), p);
  // "Route_Patient_To_MT": a word glued by '_' on both sides is part of an identifier's name
  // (not a birth date's label: "offer_ALVAREZ_TERESA_DOB_07221964.pdf" is a patient's file)
  // ("PT_CHIMAYO": a partition's name; not "Patient_Lookup failed for Leilani Kahale", a lookup of a patient)
  if ((word === 'patient' || word === 'patients' || word === 'pt') && text.charCodeAt(e) === 95 && (text.charCodeAt(p - 1) === 95 || word === 'pt')) return false;
  if (word === 'patient' || word === 'pt') {
    const wider = text.slice(Math.max(0, p - 24), p);
    // "not a real patient", "(QC, not a patient)", "per-patient supply": no one (not "not a patient yet")
    // (not "per pt request": one patient's)
    if (/\bnot(?:[ \t]+an?)?(?:[ \t]+(?:real|actual|live))?[ \t]+$|\bper-$/i.test(wider) && !/^[ \t]+yet\b/i.test(text.slice(e, e + 8))) return false;
    // "Patient: ZZTEST, PATIENT", "Patient: ZZZPREL, TESTREG": a test record's field
    // ("patient name PHANTOM^CT^WATER": a QA phantom)
    if (/^[ \t]*(?:name[ \t]*:?|:)[ \t]*(?:ZZ|XX|TEST\b|TRAIN,|PHANTOM\b)/.test(text.slice(e, e + 20))) return false;
    // "No Epic extracts or patient data stored": the last of a list of things there are none of
    if (NONE_LIST_BEFORE.test(text.slice(Math.max(0, p - 48), p)) && SYSTEM_AFTER.test(text.slice(e, e + 32))) return false;
  }
  // "No matching patients found.": a search's empty result; "no production patients" (a test build's)
  if (word === 'patients' && /\bno(?:[ \t]+(?:matching|production|prod|real|live))?[ \t]+$/i.test(text.slice(Math.max(0, p - 20), p)) && !/^[ \t]+(?:found[ \t]+)?for\b/i.test(text.slice(e, e + 16))) return false;
  // "all times PT": a time zone
  if (word === 'pt' && /\btimes?[ \t]+$/i.test(before)) return false;
  // "mychart-noreply@…": a word inside an e-mail address; "newborn test patient from Stork": a test record's kind
  if (/^[\w.+-]*@/.test(text.slice(e, e + 40)) || /^[ \t]+test[ \t]+(?:patients?|pts?|records?)\b/i.test(text.slice(e, e + 20))) return false;
  if (TEST_BEFORE.test(before) || (word === 'proxy' && SYSTEM_BEFORE.test(before))) return false;
  // "UKG InTouch DX", "DX clocks": a time clock's model, not a diagnosis
  if (word === 'dx' && (/\bintouch[ \t]+$/i.test(before) || /^[ \t]+(?:time ?clocks?|clocks?)\b/i.test(text.slice(e, e + 16)))) return false;
  // "-----Original Appointment-----": a forwarded meeting invitation's marker
  if ((word === 'appointment' || word === 'appt') && /\boriginal[ \t]+$/i.test(before)) return false;
  // "our lead's birthday", "Happy birthday Gretchen!!", "birthday club": a colleague's
  if ((word === 'birthday' || word === 'birthdays') && (STAFF_BIRTHDAY_BEFORE.test(before) || /^[ \t]+(?:club|shout-?outs?|e-?mails?|cards?|cakes?|party|parties|lunch|celebrations?|thread|potluck|list|calendar|reply)\b/i.test(text.slice(e, e + 24)))) return false;
  // "Sample response (no member info)": none
  if ((word === 'member' || word === 'members') && /\bno[ \t]+$/i.test(before) && /^[ \t]+(?:info|information|data|details|names?|ids?)\b/i.test(text.slice(e, e + 16))) return false;
  // "stack member 2", "staff member", "a permanent member of the group": no plan member
  if ((word === 'member' || word === 'members') && (MEMBER_GROUP_BEFORE.test(before) || /^[ \t]+(?:of[ \t]+(?:the[ \t]+)?(?:group|team|committee|board|staff|cluster|pool|distribution)|loops?)\b/i.test(text.slice(e, e + 32)))) return false;
  // "visit types", "visit templates": a build's
  if ((word === 'visit' || word === 'visits') && /^[ \t]+(?:types?|templates?|workflows?)\b/i.test(text.slice(e, e + 16))) return false;
  // "Kalena Palakiko (MyChart); Kenji Fujimoto (Interfaces)": a colleague's team in a list
  if (word === 'mychart' && text.charCodeAt(p - 1) === 40 && text.charCodeAt(e) === 41 && /^\)[ \t]*(?:[;,]|$)/m.test(text.slice(e, e + 4))) return false;
  // "PAT_MRN_ID", "^^^SRH_MRN", "MRN_ID": a column's or an assigning authority's name
  if (word === 'mrn' && (text.charCodeAt(p - 1) === 95 || text.charCodeAt(p - 1) === 94 || text.charCodeAt(e) === 95)) return false;
  // "Siemens service visit", "onsite visit", "Sponsor monitor visit": a vendor's or a monitor's, no patient's
  if ((word === 'visit' || word === 'visits') && VENDOR_VISIT_BEFORE.test(text.slice(Math.max(0, p - 24), p))) return false;
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
/** A clock time right before a word ("13:00-17:00 ", "05:31 ", "9:40 AM "). */
const TIME_BEFORE = /\b\d{1,2}:\d{2}(?:[ \t]?[AaPp]\.?[Mm]\.?)?[ \t]+$/;
/** A capitalised word (a name) right after a word: "PT Maria", "PT, Maria". */
const NAME_AFTER = /^[ \t]*,?[ \t]*[A-Z][a-z]/;
/** Words before "patient" that make it no one or anyone: "no patient harm", "not a real patient", "every patient". */
const NONE_OR_EVERY_BEFORE = /\b(?:no|not(?:[ \t]+a)?|non|every|each|any)(?:[ \t]+(?:real|actual|known|live))?[ \t]+$|\b(?:every|each)[ \t]+[a-z]+[ \t]+$/i;
/** "No Epic extracts or patient data": a patient word that closes a list of things there are none of. */
const NONE_LIST_BEFORE = /\bno[ \t]+[^.,;:\n]{1,30}[ \t]+or[ \t]+$/i;
/** Words before "visit" that make it a vendor's, a technician's or a monitor's: "GE service visit", "onsite visit". */
const VENDOR_VISIT_BEFORE = /\b(?:service|vendor|tech|technician|engineer|fse|site|onsite|on-site|sales|monitor(?:ing)?|audit|survey|installation|install|maintenance|pm)[ \t]+$/i;
const TEST_BEFORE = /\b(?:test|dummy|fake|sample|training|demo|learner|playground|mock|synthetic|zz[a-z0-9]*)(?:[ \t]+|[ \t]*[,^][ \t]*)$/i;
/** Words before "proxy" that make it a network's ("web proxy", "Zscaler proxy"), not a patient's proxy. */
const SYSTEM_BEFORE = /\b(?:web|http|https|reverse|forward|squid|zscaler|ssl|api|cloud|socks)[ \t]+$/i;
/** Words before "proxy" that make it likely a network's ("blocked at the proxy", "App Proxy", "SSO proxy"): a patient's proxy only with a person named beside it. */
const NETWORK_PROXY_BEFORE = /\b(?:app|application|sso|smtp|mail|email|outbound|transparent|explicit|corporate|(?:at|on|behind|through|via)(?:[ \t]+the)?)[ \t]+$/i;
/** Words after "proxy" that make it a network's: "proxy logs", "proxy addresses", "Proxy IDs". */
const PROXY_THING_AFTER = /^[ \t]*(?:logs?|servers?|address(?:es)?|ids?|settings?|config\w*|pac|bypass|exceptions?|allow ?list|block\w*|rules?|&|and[ \t]+(?:mail|e-?mail|eop))(?![\w'’])/i;
/** Words before "member" that make it a group's: "stack member 2", "staff member", "static member". */
const MEMBER_GROUP_BEFORE = /\b(?:stack|staff|team|group|static|dynamic|permanent|committee|board|faculty|cluster|pool|crew|founding|core|voting|council)[ \t]+$/i;
/** Words before "birthday" that make it a colleague's: "Happy birthday", "our lead's birthday", "Someone's birthday". */
const STAFF_BIRTHDAY_BEFORE = /\b(?:happy|our|team|staff|someone['’]s|lead['’]s|boss['’]s|manager['’]s|coworker['’]s|co-worker['’]s|colleague['’]s|director['’]s|supervisor['’]s)[ \t]+$/i;
/** Words before "chart" that make it a drawing: "org chart", "growth chart", "flow chart". */
const CHART_KIND_BEFORE = /\b(?:org|organi[sz]ation(?:al)?|growth|flow|gantt|pie|bar|run|control|seating)[ \t]+$/i;

const isWordChar = (c: number) => isAlnumCode(c) || c === 46 || c === 39;
const SERVICE_LINE_WORDS: ReadonlySet<string> = new Set(['inpatient', 'outpatient', 'bed', 'inpatients', 'outpatients', 'beds']);
/** Words after a patient word that make it a department, a place or a system's ("Patient Access", "DOB field"). */
const PLACE_AFTER =
  /^[ \t]*(?:access|accounts?|financial|experience|registration|relations|services?|support|safety|transport|logistics|flow|lab|labs|clinic|clinics|pharmacy|surgery|center|centre|department|dept|unit|units|rehab|imaging|infusion|care|room|rooms|cart|carts|cabinet|cabinets|station|dispensing|administration|protection|security|system|systems|field|fields|format|column|validation|wifi|wi-fi|guest|education|satisfaction|accounting|portal (?:outage|upgrade|downtime|release|build|team))\b|^\/(?:baby|infant)\b/i;
/**
 * Words after a patient word that make it a kind of record, screen or thing ("patient harm", "patient
 * list", "patient data", "patient-facing"): no patient by themselves, but one when a person is named
 * on the same line or the next ("Patient list on 4 West shows Maria Garcia twice"; see detect.ts's
 * patientEvidence).
 */
const SYSTEM_AFTER =
  /^(?:[ \t]+(?:harm|data|lists?(?![ \t]*:)|charts|wristband (?:barcodes?|printers?|labels?)|monitors?|monitoring|demographics|tvs?|level|facing|bill pay|parking|statement (?:files?|vendors?|runs?)|activity|phone lines?|status board|assignments|check-?ins?|(?:information|info) (?:on|in|stored|was|is|will)|communications?|days|index|census|call (?:lights?|buttons?)|types?|labels|blocks?|ranges?|patterns?|stock|results|side|runs|impact|images|documents|placement|referrals|notifications?|chart|portal (?:slow|sessions?|help ?(?:line|desk)|bill pay|queue|login page|support|coordinators?|team|analysts?|administrators?|admins?|managers?|specialists?|staff)|phones?|statements?|accounting|handling|safetynet|days?|education|entertainment|experience|safety|flow)|-(?:level|facing|education|owned|entertainment|experience|safety|flow))\b/i;
/** Is the patient word at p (patientWordAt) one of a kind of record, screen or thing (SYSTEM_AFTER)? */
export function systemPatientWordAt(text: string, p: number): boolean {
  let e = p;
  while (e < text.length && isWordChar(text.charCodeAt(e))) e++;
  const w = text.slice(p, e).toLowerCase().replace(/\.$/, '');
  const before = text.slice(Math.max(0, p - 12), p);
  // "PT/OT" (therapy)
  if (w === 'pt' && text.charCodeAt(e) === 47) return true;
  // "Start Video Visit", "\"Office Visit\"" (a product's or a visit type's name), "after-visit summaries", "visit types"
  if ((w === 'visit' || w === 'visits') && ((text.charCodeAt(p) === 86 && /\b(?:Video|Office|E)[ \t-]+$/.test(before)) || text.charCodeAt(p - 1) === 45 || /^[ \t]+(?:types?|summar(?:y|ies)|templates?|navigator|workflows?|slips?)\b/i.test(text.slice(e, e + 16)))) return true;
  // "org chart", "growth chart"
  if ((w === 'chart' || w === 'charts') && CHART_KIND_BEFORE.test(before)) return true;
  // "Kalena Palakiko (MyChart)": a colleague's team; "the Interconnect instance behind MyChart"
  if (w === 'mychart' && ((text.charCodeAt(p - 1) === 40 && text.charCodeAt(e) === 41) || /\bbehind[ \t]+$/i.test(before))) return true;
  // "no patient harm", "not a real patient", "every patient": patients in general or none ("per pt request" is one)
  if ((w === 'patient' || w === 'pt') && NONE_OR_EVERY_BEFORE.test(text.slice(Math.max(0, p - 24), p))) return true;
  // a staff or vendor portal, "Company Portal", "GP portal", "provider portal"; MyChart as a system:
  // "MyChart outage", "mychart cert", "Hyperspace, Haiku/Canto/Rover, MyChart"
  // (any portal but someone's own: "her portal", "the patient's portal" count; "Knowledge Portal", "AT&T portal",
  // "the portal" only with a person named beside them)
  if (w === 'portal' || w === 'portals') {
    const wide = text.slice(Math.max(0, p - 40), p);
    // "the portal says …" after "the Department of Labor OWCP Connect portal": the same system again
    if (/\bthe[ \t]+$/i.test(before)) {
      const prev = text.toLowerCase().lastIndexOf('portal', p - 1);
      if (prev !== -1 && p - prev < 600 && !/\bthe[ \t]+$/i.test(text.slice(Math.max(0, prev - 12), prev)) && systemPatientWordAt(text, prev)) return true;
    }
    // ("patient portal": the word "patient" before it is judged on its own, by SYSTEM_AFTER)
    return !OWN_PORTAL_BEFORE.test(wide) && (SYSTEM_PORTAL_BEFORE.test(wide) || PORTAL_PRODUCT_BEFORE.test(wide) || PAYER_POSSESSIVE.test(wide) || PAYER_PORTAL_SENTENCE.test(text.slice(Math.max(0, p - 80), p)) || /\b(?:patient|mychart)\/?[ \t]*$/i.test(wide) || PORTAL_THING_AFTER.test(text.slice(e, e + 40)));
  }
  // "blocked at the proxy", "App Proxy", "proxy logs", "proxy addresses"
  if (w === 'proxy') return NETWORK_PROXY_BEFORE.test(text.slice(Math.max(0, p - 16), p)) || PROXY_THING_AFTER.test(text.slice(e, e + 24));
  // "\"Encounter could not be loaded\"" (an error's text), "newborn screening" (a programme), "Visit types: NEW PT 40" (a visit type)
  if ((w === 'encounter' || w === 'encounters') && (/^[ \t]+(?:could not|cannot|can't|not found|failed|error|lookups?)/i.test(text.slice(e, e + 16)) || /\bno matching[ \t]+$/i.test(before))) return true;
  if (w === 'newborn' && /^[ \t]+screening\b/i.test(text.slice(e, e + 12))) return true;
  if (w === 'pt' && /\b(?:NEW|New|new|EST|Est|RETURN|Return)[ \t]+$/.test(before)) return true;
  // "Visit types:\n  NEW PATIENT 40 min": a visit type in capitals or with its length (not "new patient Maria Lopez")
  // ("40 min new patient": a slot's length before it)
  if (w === 'patient' && /\bnew[ \t]+$/i.test(before) && /\b\d+[ \t]*min(?:ute)?s?[ \t]+new[ \t]+$/i.test(text.slice(Math.max(0, p - 20), p))) return true;
  if (w === 'patient' && /\b(?:NEW|EST|RETURN)[ \t]+$/.test(before) && (text.charCodeAt(p + 1) === 65 || /^[ \t]+(?:\d+[ \t]*min|visits?|appts?|appointments?|slots?|types?)\b/i.test(text.slice(e, e + 16)))) return true;
  // "Chart Review" (an activity): "In Chart Review for Marcus Whitfield" is one
  if (w === 'chart' && text.charCodeAt(p) === 67 && /^[ \t]+Review\b/.test(text.slice(e, e + 10))) return true;
  if (w === 'mychart') return MYCHART_SYSTEM_AFTER.test(text.slice(e, e + 48)) || APP_LIST_BEFORE.test(text.slice(Math.max(0, p - 40), p));
  return SYSTEM_AFTER.test(text.slice(e, e + 32));
}
/**
 * Is the word at p a portal no patient uses: a device's, a network's, a vendor's, a payer's or the staff's ("Company
 * Portal", "captive portal", "the vendor portal", "GP portal", "Highmark's portal")? A person named on its line is a
 * colleague or a vendor's contact, not a patient (unlike MyChart's or a patient portal's line).
 */
export function staffPortalAt(text: string, p: number): boolean {
  if ((text.charCodeAt(p) | 32) !== 112 || !/^portals?\b/i.test(text.slice(p, p + 8))) return false;
  const wide = text.slice(Math.max(0, p - 40), p);
  return !OWN_PORTAL_BEFORE.test(wide) && (SYSTEM_PORTAL_BEFORE.test(wide) || STAFF_PORTAL_BEFORE.test(wide) || PAYER_POSSESSIVE.test(wide));
}
const STAFF_PORTAL_BEFORE = /\b(?:captive|guest|splash|wi-?fi|ise|intune|beyondtrust|service)[ \t-]*$/i;
/** A payer's or an agency's portal, named earlier in its sentence: "have to call the payer or use the portal". */
const PAYER_PORTAL_SENTENCE = /\b(?:payers?|insurers?|carriers?|clearinghouse|eligibility|OWCP|CMS|vendors?|suppliers?)\b[^.!?\n]{0,60}$/i;
/** Payers and agencies whose portal is theirs, not a patient's ("Highmark's portal"). */
const PAYERS = `${PAYER_NAMES.join('|')}|optum|availity|medicare|medicaid|cms|payer|insurer|vendor|state|company`;
const PAYER_POSSESSIVE = new RegExp(String.raw`\b(?:${PAYERS})['’]s[ \t]+$`, 'i');
/** A staff, vendor or network portal's qualifier right before "portal". */
const SYSTEM_PORTAL_BEFORE =
  /\b(?:company|captive|gp|globalprotect|vpn|provider|payer|vendor|benefits?|payment|payroll|service|support|eligibility|clearinghouse|hr|employee|supplier|admin|management|mgmt|license|licensing|partner|incenter|workday|credentialing|enrollment|ssl|archive|knowledge|web|login|online|plan|union|insurance|insurer|medicaid|medicare)[ \t-]*$/i;
/**
 * A product's name right before "portal" ("AT&T portal", "Optum Pay portal", "Aethon portal"), not
 * MyChart's or a patient portal's own ("FollowMyHealth portal", "HealtheLife portal", "MyVA portal").
 */
const PORTAL_PRODUCT_BEFORE = /(?<![Mm]y)(?<!MY)(?<![Pp]atient)(?<!PATIENT)\b(?!(?:MyChart|MYCHART|Patient|PATIENT|The|THE|From|Our|This|That)\b)(?![\w&.-]*(?:[Mm]y|[Hh]ealth|[Pp]atient|[Ll]ife|[Cc]are|[Hh]eal))[A-Z][\w&.-]*[ \t]+$/;
/** What makes a portal a system right after it: "Portal help desk", "portal SSL certificate", "portal vpn.example.org". */
const PORTAL_THING_AFTER = /^[ \t]*(?::[ \t]*)?(?:help ?desk|ssl|cert\w*|outage|downtime|upgrade|sso|url|dns|server|[a-z0-9-]+\.[a-z0-9.-]+\.[a-z]{2,})/i;
/** Someone's own portal: "her portal", "the pt's MyChart portal". */
const OWN_PORTAL_BEFORE = new RegExp(String.raw`\b(?:my|his|her|their|your|(?!(?:${PAYERS})['’]s)[a-z]+['’]s)[ \t]+(?:(?:mychart|online|web|new|old)[ \t]+)?$`, 'i');
/** What makes MyChart a system right after it: an outage, a certificate, a page, a build, an interface. */
const MYCHART_SYSTEM_AFTER =
  /^[ \t]*(?:\([^()\n]{0,20}\)[ \t]*)?(?:[:\u2013-][ \t]*)?(?:outage|down|unavailable|is down|cert|certificate|ssl|web services|interconnect|sign-?up page|login page|log-?in page|landing page|activation (?:codes?|letters?)|go-?live|ply|upgrade|release|build|server|url|dns|template|(?:and|&|,)[ \t]*(?:haiku|canto|rover|hyperspace|welcome)|\(fri\)|\(n\/a\)|web (?:\+|and|&) mobile|activation|log-?in failures?|location page|\/[ \t]*patient portal|analysts?\b|team\b|password|-[a-z]|footer|header|branding|website|pages?\b|(?:direct |open )?scheduling\b|planned maintenance|maintenance|downtime)/i;
/** A list of applications before MyChart ("Hyperspace, Haiku/Canto/Rover, "). */
const APP_LIST_BEFORE = /\b(?:hyperspace|haiku|canto|rover|interconnect|welcome|care everywhere)\b[^.\n]{0,30}[,&][ \t]*$/i;
/**
 * Does a date say a year long ago ("7/7/1977", "12/11/1931": before LONG_AGO_YEAR)? An IT ticket's
 * dates are this year's and last; a date decades back is a person's birth date.
 */
export function birthYear(text: string, f: Finding): boolean {
  // ("1900-01-01", "01/01/1900": a build's placeholder, no one's birth)
  if (PLACEHOLDER_DATE.test(text.slice(f.start, f.end))) return false;
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
const PLACEHOLDER_DATE = /^(?:1900-?01-?01|0?1\/0?1\/1900)$/;
/** The admin's own patterns and MRN formats: PHI because the admin says so. */
export const isAdmins = (rule: string) => rule.startsWith('custom:') || rule === 'mrn.site-format';

/** An address at a consumer mail provider (not one of the admin's own domains): a person's own, not a colleague's. */
export function personalMail(text: string, f: Finding, ownDomain: (domain: string) => boolean): boolean {
  const at = text.lastIndexOf('@', f.end - 1);
  if (at < f.start) return false;
  const domain = text.slice(at + 1, f.end).toLowerCase();
  return isConsumerMail(domain) && !ownDomain(domain);
}
