/**
 * Workforce positions: the places where a ticket names the people who raise and work it.
 *
 * At a healthcare IT desk the requesters, agents and commenters are staff, and their names, e-mail
 * addresses and phone numbers sit in places of their own: a pasted Jira comment's attribution line
 * ("Comment from Brian Jacobson (…)", "*Brian Jacobson* added a comment", "[12/Jul/24 8:40 AM]
 * Brian Jacobson:", "Brian Jacobson · 2024-06-14"), a field line ("Reporter: …"), an e-mail header
 * whose addresses are an organisation's ("From: Brian Jacobson <brian.jacobson@riversidehealth.org>"),
 * and a signature block (after a "-- " line, or after a sign-off when the block shows a job title,
 * an extension or an organisation address). A name, e-mail address or phone number there is not
 * PHI: flagging it would flag nearly every ticket, and redacting it would hide who asked.
 *
 * A ticket's own sign-off ("Thanks, Brian") is its author's, the person a task is given to ("Owner
 * …", "escalated to …") works it, and the agent a ticket greets ("Hi Sabrina,") is staff.
 *
 * What stays PHI: anything in those places written by or about a patient (a sender, field or
 * signature with a consumer mail address such as gmail.com, per the `email-providers` list, a home
 * address, or patient words such as MRN, DOB, room or bed), a recipient line (a hospital writes to
 * patients), anything outside those places (the comment text after "Brian Jacobson:"), and every
 * finding of the structured-data rules (HL7, CSV, key=value, JSON: data, never a signature).
 * A desk whose customers are patients switches this off (`staffContext: false`).
 *
 * Pure: no Forge imports. Work is done per candidate line, and each line is classified once.
 */
import providers from 'email-providers/all.json';
import { hasPair, isAsciiLetter, isUpperAscii, lettersAtIgnoreCase, lineIndexOf } from './chars';
import { tableCells } from './structured';

/** Consumer mail domains (gmail.com, comcast.net, …): an address there is a person's own. */
const CONSUMER_MAIL: ReadonlySet<string> = new Set(providers as string[]);
/** Is the domain a consumer mail provider's (an address there is a person's own)? */
export const isConsumerMail = (domain: string): boolean => CONSUMER_MAIL.has(domain.toLowerCase());

/** A line longer than this is prose, not a header, field or signature line. */
const MAX_LINE = 240;
/** How many lines above a signature line its opener ("-- ", "Regards,") may be. */
const MAX_BLOCK = 6;
/** Words saying the text above a signature is a patient's or a relative's message. */
const PATIENT_SENDER =
  /\b(?:pt|patient|pt['’]s|patient['’]s|family|daughter|son|mother|father|mom|dad|wife|husband|spouse|guarantor|caregiver|caller|voicemail|vm|transcript|(?:mychart|portal) message)\b/i;
/** A name alone on its line, with a title or credentials: "Carla Jennings", "Dr. Brandon Whitlow", "Nkechi Obi-Eze, RN". */
const NAME_ALONE = /^[ \t*_]*(?:Dr\.?[ \t]+)?[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,3}(?:,?[ \t]+[A-Z][A-Za-z-]{1,6}){0,2}[ \t*_]*$/;

const DOMAIN = '[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}';
/** An e-mail header's sender: "From: Carla Jennings <cjennings@hsp-health.org>" (the name, the domain). */
const SENDER_NAMED = new RegExp(`^[ \\t>*]*From:[ \\t]*([^<\\n]{2,60}?)[ \\t]*<[^@<>\\s]+@(${DOMAIN})>`, 'gim');
const ADDRESS_DOMAIN = new RegExp(`@(${DOMAIN})`, 'g');
const FIELD_LINE =
  /^[ \t]*[*_]{0,2}(?:Reporter|Assignee|Requester|Requestor|Reported by|Requested by|Assigned to|Approver|Approved by|Submitted by|Created by|Resolved by|Closed by|Technician|Watchers?|(?:Change|Business|Technical|System|Service|Application) owner)[*_]{0,2}[ \t]*:/i;
/** The FIELD_LINE fields that name who raised the ticket (not who works it). */
const RAISED_BY_FIELD = /^[ \t]*[*_]{0,2}(?:Reporter|Requester|Requestor|Reported by|Requested by|Submitted by|Created by)[*_]{0,2}[ \t]*:/i;
/** Fields naming a member of staff whose form may still be a patient's (employee health): judged with the lines around. */
const STAFF_FIELD_LINE = /^[ \t]*(?:Manager|Supervisor|New hire|Employee|Employee name|Staff name|User name|Contractor)[ \t]*:/i;
/** The e-mail header lines that name the writer; To/Cc/Bcc name recipients, who may be patients. */
const SENDER_LINE = /^[ \t>]*(?:From|Sender|Reply-To)[ \t]*:/i;
const RECIPIENT_LINE = /^[ \t>]*(?:To|Cc|Bcc)[ \t]*:/i;
/** A ticket's own metadata field among a line's ' | ' segments: its channel, type, component, queue. */
const TICKET_FIELD = /^[ \t]*(?:channel|request type|type|component|category|queue|labels?|priority|status|project|key|created|updated)[ \t]*:/i;
/** Words saying the comments below are patients' own: a survey's, feedback, a portal's messages. */
const PATIENT_COMMENTS = /\b(?:surveys?|press ganey|feedback|grievances?|complaints?|testimonials?|patient (?:experience|comments?|messages?)|comments? (?:from|by|of) (?:patients?|families|pts))\b/i;
/** A birthday's words, in English and Spanish. */
const BIRTHDAY = /\b(?:birthdays?|bday|b-day|cumpleaños|cumpleanos)\b/i;
/** A birthday e-mail's subject line. */
const BIRTHDAY_SUBJECT = /^[ \t>*_]*Subject[*_]*[ \t]*:[^\n]*\b(?:birthdays?|bday|b-day|cumpleaños)\b/im;
/** A patient's birthday, or care, anywhere in the text (a caller's "my birthday is June 3rd 1950"): then a birthday is no colleagues' thread. */
const BIRTHDAY_CARE = /\b(?:patients?|pts?|mrn|dob|d\.o\.b|date of birth|mychart|portal|chart|admitted|discharged|appointments?|appts?|visits?|guarantor|member id|my (?:birthday|bday)|voicemail|caller|19\d{2})\b/i;
/** An e-mail's subject line. */
const SUBJECT_LINE = /^[ \t>*_]*Subject[*_]*[ \t]*:/i;
/** A patient's own things addressed to them: "your statement", "your results", "your appointment". */
const YOUR_THINGS = /\byour\b(?:[ \t]+[\w'’-]+){0,2}?[ \t]+(?:statements?|bills?|balance|account|results?|appointments?|appts?|visits?|records?|chart|prescriptions?|medications?|refills?|portal|mychart|insurance|claim|payment)\b/i;
/** An Outlook header's "Sent:" line. */
const SENT_LINE = /^[ \t>*_]*Sent[*_]*[ \t]*:/;
/** "From:" opening a line (any case, any spacing before the colon). */
const FROM_LINE = /^[ \t>]*[*_]*from[*_]*[ \t]*:/i;
/** A reply's header line: "On Mon, Jun 3, 2024 at 9:14 AM Maria Garcia <…@gmail.com> wrote:". */
const WROTE_LINE = /\bwrote:[ \t]*$/i;
/** A phone sent from, or a number, under a sign-off: a person's own. */
const OWN_CONTACT = /\bsent from my\b|\(?\b\d{3}\)?[ .-]?\d{3}[ .-]\d{4}\b/i;
/** First-person patient talk in the paragraph above a sign-off ("my lab results", "my bill"). */
const MY_CARE =
  /\bmy (?:[a-z]+ ){0,2}(?:bills?|results?|appointments?|appts?|chart|mychart|portal|records?|prescriptions?|medications?|doctor|insurance|date of birth|dob|mrn|statement|visit|diagnos[ie]s|dx|treatment|medical information|health information)\b|\bmy (?:mom|dad|mother|father|son|daughter|husband|wife|child|kids?|baby|grandmother|grandfather|sister|brother)\b|\bi(?: am|'m|’m) (?:the|a|his|her) (?:patient|mother|father|parent|guardian|wife|husband|daughter|son|caregiver)\b|\b(?:also|as) a patient\b|\bi (?:was|am|got|need|have|received|can't|cannot|can not)\b[^.\n]{0,60}\b(?:bill|billed|statement|visit|appointment|results?|mychart|portal|chart|prescription|records?|reschedule)\b|\b(?:cannot|can't|can not|unable to) (?:see|view|access|open|log ?in(?:to)?)\b[^.\n]{0,40}\b(?:mychart|portal|results?|chart|records?|bill|statement)\b/i;
const SIG_DELIMITER = /^[ \t]*--[ \t]*$/;
/** A sign-off alone: a whole line ("Regards,") or the text before a name on its line ("Thanks, Eric"). */
const SIGN_OFF =
  /^[ \t]*(?:thanks(?: again| so much)?|thank you(?: so much)?|many thanks|thx|ty|regards|best regards|kind regards|warm regards|warmest regards|best wishes|best|cheers|sincerely|respectfully|v\/r|br)[ \t]*[,.!-]*[ \t]*$/i;
/** A set of lower-case letters a–z as a bit mask. */
const letterMask = (letters: string) => [...letters].reduce((m, l) => m | (1 << (l.charCodeAt(0) - 97)), 0);
/** Is c (lower-cased) one of the mask's letters? */
const opensWith = (mask: number, c: number) => c >= 97 && c <= 122 && ((mask >> (c - 97)) & 1) === 1;
/** The first letters of SIGN_OFF's and of GREETING_BEFORE's words. */
const SIGN_OFF_LETTERS = letterMask('tmrbkwcsv');
const GREETING_LETTERS = letterMask('hgm');
/** Job titles and departments as signatures write them (capitalised). */
const ROLE =
  /\b(?:Nurse|Manager|Supervisor|Director|Coordinator|Analyst|Specialist|Technician|Technologist|Engineer|Administrator|Secretary|Clerk|Registrar|Representative|Lead|Assistant|Physician|Therapist|Pharmacist|Scheduler|Receptionist|Officer|Architect|Developer|Consultant|Support|Informatics|Service Desk|Help ?Desk|Front Desk|Registration|Admissions|Operations|Department|Dept\.?|IT)\b/;
/** A credential after a name opening a line ("Crystel Strosin, MA"), not a state ("Boston, MA 02118"). */
const CREDENTIAL =
  /^[ \t]*[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){1,3},[ \t]?(?:RN|LPN|LVN|CNA|CMA|MA|MD|DO|NP|PA-C|CRNA|PharmD|BSN|MSN|DNP|PhD)\b(?![ \t,]*\d{5})/m;
const EXTENSION = /(?:^|[\s|(,])(?:ext\.?|x)[ \t]?\d{3,5}\b/i;
/**
 * A patient's data in a signature block or on a pipe-separated line: never a staff signature. (Not
 * "patient": "Patient Access" and "Patient Financial Services" are departments staff sign with.)
 */
const PATIENT_DATA = /\b(?:pts?|mrn|dob|d\.o\.b|member|guarantor|room|bed)\b|\bname[ \t]*:/i;
/**
 * "patient(s)", "inpatient(s)", "outpatient(s)" as a regex source, unless a department or a system
 * follows ("Patient Access", "patient registration"); `more`: further such words ('|portal').
 */
export function patientNotDepartment(more = '', patient = 'patients?'): string {
  return String.raw`(?:in|out)?${patient}(?! (?:access|accounts?|financial|experience|registration|relations|services?|support|safety|transport|logistics|flow|lab|labs|clinic|clinics|pharmacy|surgery|center|department|dept|unit|rehab|imaging|infusion|care|portal (?:support|team|help ?desk|desk|services?|coordinator|lead|specialist|analyst|admin\w*)${more})\b)`;
}
/**
 * One patient, not patients in general ("Patients' current studies load", "a patient's Media tab",
 * "any patient"): a word that may make a colleague named with a job title a patient ("patient
 * Dr. Lopez"), unless a department follows.
 */
const ONE_PATIENT = String.raw`(?<!\b(?:any|each|every|other|all)[ \t]+)${patientNotDepartment('|portal|lists?|columns?|banner|header|board|education|tracking', "patient(?!s|'s|’s)")}`;
/**
 * Patient words on a name's own line ("Reporter: Maria Garcia, patient, DOB …"): no staff line.
 * ("Patient Access", "Patient Support" and the like are departments.)
 */
const PATIENT_LINE = new RegExp(String.raw`\b(?:pts?|${patientNotDepartment()}|caller|mrn|dob|d\.o\.b|member|guarantor|mychart|labs|(?:lab|test)[ \t-]*results?|appointments?|appts?|(?:room|rm|bed)[ \t#:.]*[a-z]?\d+[a-z]?|bed[ \t]+[a-d]|admitted|discharged|prescriptions?|medications?|insurance)\b`, 'i');
/** A greeting's "your …" that makes the greeted person a patient ("Hi Maria, your lab results are in"). */
const YOUR_CARE = /\byour\b[^.\n]{0,40}\b(?:results?|appointment|appt|chart|mychart|prescription|medication|bill|account|records?|visit|portal|test)\b/i;
/** Words before a name that make it a patient's or a relative's, whatever follows it. */
/** Patient words on a line of text (PATIENT_LINE). */
export const patientLine = (line: string): boolean => PATIENT_LINE.test(line);
/** Does someone in the text speak of their own or their family's care, or say they are the patient (MY_CARE, PATIENT_SELF)? */
export function speaksAsPatient(text: string): boolean {
  // (asked by the e-mail rule and by the shared-names settling of one text: the last answer is kept)
  if (text === voiceText) return voice;
  voiceText = text;
  return (voice = MY_CARE.test(text) || PATIENT_SELF.test(text));
}
let voiceText: string | undefined;
let voice = false;
const PATIENT_BEFORE =
  /\b(?:pts?|patients?|(?:grand|step)?(?:mother|father|mom|dad|son|daughter|parent|child)|wife|husband|spouse|partner|sister|brother|sibling|aunt|uncle|niece|nephew|cousin|guardian|member|guarantor|caregiver|poa|nok|proxy|caller)\b[^\n]{0,30}$/i;
/** A care team's field label right before a name ("Attending: ", "Att: ", "PCP: Dr. "). */
const CARE_TEAM_LABEL_BEFORE = /\b(?:Attending(?:[ \t]+(?:MD|Physician|Provider))?|Att|Admitting(?:[ \t]+(?:MD|Physician))?|Referring(?:[ \t]+(?:MD|Physician|Provider))?|Ordering(?:[ \t]+(?:MD|Provider))?|PCP|Surgeon|Hospitalist|Attending of record)[ \t]*:[ \t]*(?:Dr\.?[ \t]+)?$/;
/** A paragraph writer's head after the name: a credential, a team in brackets, an extension (one at least), then ':'. */
const WRITER_HEAD_AFTER =
  /^(,?[ \t]+(?:RN|LPN|MD|DO|NP|PA-C|PharmD|CPhT|RRT|MLS|CNA|LCSW|APRN|FNP|PFS|IT))?([ \t]*\([A-Za-z][A-Za-z &/,.'-]{1,38}\))?([ \t]+(?:x|ext\.?)[ ]?\d{3,6})?[ \t]*:/;
/** The rest of a chat speaker's label after the name: a team or role in brackets, then ':'. */
const SPEAKER_AFTER = /^(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*:/;
/** A provider named (with "Dr." or a credential) or "my" before an NPI's label, and the label right before the number. */
const PROVIDER_NPI_BEFORE =
  /(?:\bDr\.?[ \t]+[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}|[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’.-]+){1,2},?[ \t]+(?:MD|DO|NP|PA-C|RN|CRNA|DDS|DPM|PharmD|APRN|FNP)\b|\b[Mm]y)[^.\n]{0,48}\bNPI\b(?:[ \t]*(?:#|no\.?|number|is|:))*[ \t]*$/;
/** A note's label before its author in brackets at the start of a line: "Agent (", "Agent note (". */
const NOTE_AUTHOR_BEFORE = /^[ \t*_>-]*(?:agent|agent note)[ \t]*\([ \t]*$/i;
/** The rest of the bracket after the author's name (a team or role at most), closed and followed by ':'. */
const NOTE_AUTHOR_AFTER = /^(?:[ \t]*,[^()\n]{1,40})?[ \t]*\)[*_]*[ \t]*:/;
/** A speaker's bracket that says who is not staff: "(patient)", "(pt's daughter)", "(Guest)", "(family)". */
const SPEAKER_NOT_STAFF = new RegExp(
  String.raw`^[ \t]*\([^()\n]*\b(?:pts?|${patientNotDepartment()}|mrn|dob|d\.o\.b|room|rm|bed|guest|visitor|family|caller|member|customer|client|guardian|caregiver|proxy|(?:grand|step)?(?:mother|father|mom|dad|son|daughter|parent)|wife|husband|spouse|partner|sister|brother|aunt|uncle|niece|nephew|friend|boyfriend|girlfriend|in-law)`,
  'i',
);
/** An employee's own health business (the note or form about them is a patient's record). */
const EMPLOYEE_HEALTH =
  /\b(?:return[- ]to[- ]work|light duty|fitness for duty|cleared for (?:full|light|regular) duty|FMLA|leave of absence|workers['’]? ?comp(?:ensation)?|occupational health|surgery|surgical|diagnos[ei]s|injur(?:y|ies|ed)|exposures?|needlestick|work restrictions?)\b/i;
/** A patient's business on a roster's or an action item's line: "both were billed for visits they never had". */
const ROSTER_CARE = /\b(?:billed|bills?|statements?|visits?|charts?|results?|admitted|discharged?|appointments?|registrations?|duplicates?|care conference|discharge planning)\b/i;
/** A family conference, meeting or call. */
const FAMILY = /\bfamil(?:y|ies)\b/i;
/** "(owner Shaun Whitley)" closing an action item. */
const OWNER_IN_BRACKETS = /\(owner[ \t]*$/i;
/** Who works a ticket, written before a name in prose ("owner" only opening a sentence: "Owner Jany Wolff."). */
const TASK_ROLES: ReadonlySet<string> = new Set([
  'owner', 'assignee', 'approver', 'manager', 'supervisor', 'owned by', 'assigned to', 'reassigned to', 'escalated to', 'escalating to', 'handed to', 'approved by', 'requested by', 'submitted by',
]);
/** The lengths of the one-word task roles, and those that count only opening a sentence. */
const ROLE_LENGTHS: ReadonlySet<number> = new Set([...TASK_ROLES].filter((r) => !r.includes(' ')).map((r) => r.length));
const SENTENCE_ROLES: ReadonlySet<string> = new Set(['owner', 'manager', 'supervisor']);
/**
 * An IT service a colleague is given ("Need a Visio license for Hans Nicolas", "Duo push not
 * arriving for Delmer Byers"): workforce accounts, devices and access, in the sentence before "for".
 */
const IT_SERVICE =
  /\b(?:disable|deactivate|terminate|offboard|provision|re-?enable|access|permissions?|security class|user ?id|template|licen[cs]es?|seats?|ad account|domain account|network account|user account|login|logon|mfa|2fa|duo|okta|sso|vpn|citrix|vdi|laptop|desktop|workstation|monitor|docking station|dock|printer|mailbox|email account|distribution list|shared drive|password reset|badge|onboarding|offboarding|new hire|visio|office 365|microsoft 365|teams|outlook|sharepoint|onedrive|jira|confluence|servicenow|kronos|imprivata|dragon)\b/i;
/** Words that make "access for X" a patient's ("MyChart access for …", "portal password for …", "proxy access for …"). */
const PATIENT_SERVICE = /\b(?:mychart|portal|proxy|chart|bill|billing|statement|results?|records?|(?:wrist|arm)?bands?|labels?|specimens?|meds|medications?|orders?|images?|imaging)\b/i;
/** A greeting opening a line, before a first name. */
const GREETING_BEFORE = /^[ \t>]*(?:hi|hello|hey|good morning|good afternoon|good evening|morning)[ \t]+$/i;
/** A name in "Name <address>" or "Name (address)". */
const ADDRESS_AFTER = new RegExp(`^[ \\t]?[<(][ \\t]?[^\\s@<>()]+@(${DOMAIN})[ \\t]?[>)]`);
/** An address in "Name <address>" or "Name (address)": the name before it. */
const NAME_BEFORE_ADDRESS = /[A-Z][\w'’.-]*(?:[ \t][A-Z][\w'’.-]*){0,3}[ \t]?[<(][ \t]?$/;
/** A state and ZIP, as a home address ends ("Boston, MA 02118"). */
const STATE_ZIP = /\b[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?\b/;
/** How far above a sign-off a pasted e-mail's header may be. */
const PASTE_REACH = 5000;

/** Capitalised words before a name that the positions below read as their own ("Owner August Mohr", "Hi Dell Collier"). */
const NOT_NAME_PARTS: ReadonlySet<string> = new Set([
  ...[...TASK_ROLES].filter((r) => !r.includes(' ')),
  'hi', 'hello', 'hey', 'dear', 'morning', 'thanks', 'thank', 'regards', 'cheers', 'best', 'sincerely', 'comment', 'from', 'to', 'cc', 'by',
]);

/**
 * Jobs and departments as tickets name colleagues by them (any case): "his manager, Angela Diaz",
 * "the research analyst Hannah Fischer", "Michelle Park (Quality Analyst)". Not "resident", which
 * is also a nursing home's patient.
 */
const JOBS =
  'nurse|manager|supervisor|director|coordinator|analyst|specialist|technician|tech|technologist|engineer|administrator|secretary|clerk|' +
  'registrar|representative|rep|lead|assistant|physician|therapist|pharmacist|scheduler|receptionist|officer|architect|developer|' +
  'consultant|informatics|on-call|on call|generalist|hospitalist|radiologist|oncologist|cardiologist|anesthesiologist|pathologist|' +
  'surgeon|dietitian|educator|auditor|programmer|trainer|implementer|service desk|help ?desk|front desk|department|dept\\.?|' +
  '(?:it|security|pharmacy|network|vendor|technical|site|department|dept|team|escalation|on-call|project|business|bi|facilities|biomed|transport|support|onsite|on-site|local|interface|application|app|billing|clinical) contact|' +
  'reported by|requested by|submitted by|entered by|opened by|logged by|called in by|escalated by|verified by|ticket from|comment by|' +
  'liaison|champion|super ?user|operator|fse|field service engineer|contractor|sponsor|same access as|mirror(?:ing)? access (?:of|from)|copy access from|' +
  'charge nurses|nurses|techs|analysts|engineers|nurse managers|managers|supervisors|staff|scribes?|volunteers?|new hires|' +
  'closed by|resolved by|fixed by|done by|updated by|rotation by|commander|chair|agency contact|tech lead|' +
  'acknowledged by|corrected by|approved by|tested by|reviewed by|validated by|authors?|' +
  'facilitator|instructor|solution engineer|mgr|' +
  'charge rn(?: is)?|charge nurse(?: is)?|clinic rn|(?:rn|lpn|np|cna)(?=[ \\t]*:)';
const DEPARTMENTS =
  'patient access|revenue cycle|pharmacy|radiology|laboratory|lab|nursing|interfaces|him|health information management|finance|' +
  'billing|scheduling|admitting|registration|admissions|operations|security|facilities|biomed|clinical engineering|quality|hr|it|' +
  'infosec|telecom|chair|evs|environmental services|materials management|supply chain|dietary|food services|' +
  'call center|web services|emergency management|emergency mgmt|payroll|desktop|service desk|blood bank';
/** More departments as written after a colleague's name ("Fatima Al-Sayed, PFS"; not before a phone: "someone from PFS to call him at"). */
const DEPARTMENTS_AFTER_NAME =
  'pfs|patient financial services|purchasing|portal support|patient portal support|privacy office|compliance|risk management|risk mgmt|' +
  'clinical informatics|decision support|coding';
/** The jobs and departments as written after a name: capitalised ("Quality Analyst"), acronyms in capitals ("HR", "IT"). */
/** A regex source's words capitalised as titles are written ("Quality Analyst"), its acronyms in capitals ("HR", "IT"), its escapes ("\\t") kept. */
const capitalised = (source: string) => source.replace(/\\[a-z]|\b(?:hr|it|him|pfs)\b|\b[a-z]/g, (w) => (w.startsWith('\\') ? w : w.toUpperCase()));
const CAPITALISED_ROLES = capitalised(`${JOBS}|${DEPARTMENTS}|${DEPARTMENTS_AFTER_NAME}`);
/** Departments no patient is in or comes from, after a colleague's name: "in Patient Access", "from Interpreter Services". */
const OFFICES =
  'patient access|health information management|medical records|revenue cycle|revenue integrity|billing|patient financial services|' +
  'finance|payroll|human resources|infosec|information security|privacy(?: office)?|compliance|(?:patient )?portal support|mychart support|' +
  'interpreter services|language services|credentialing|coding|purchasing|supply chain|materials management|facilities|biomed|' +
  'clinical engineering|telecom|quality|risk management|decision support|clinical informatics|informatics|ehr support|epic support|' +
  'service desk|help ?desk|patient relations|patient experience|case management|social work|utilization review|central scheduling|access center';
const OFFICE_AFTER = new RegExp(String.raw`^[ \t]+(?:(?:in|from|with)[ \t]+(?:the[ \t]+)?(?:${OFFICES}))\b(?![ \t]+(?:app|application|system|queue|tool|report|screen|module|workqueue|wq)\b)`, 'i');
const OFFICE_ACRONYM_AFTER = /^[ \t]+(?:in|from|with)[ \t]+(?:IT|HR|HIM|PFS|ROI|RCM)\b/;
const FOR_OR_SELF_BEFORE = /\b(?:for|this is|i['’]m|i am|my name is)[ \t]+$/i;
const RELATION_DENIED_BEFORE = /\b(?:not related to|no relation to|unrelated to|not the same (?:person )?as)[ \t]+(?:our[ \t]+)?$/i;
const RELATION_DENIED_AFTER = /^[ \t]*[-–,][ \t]*(?:not related|no relation|unrelated)\b[^.\n]{0,24}\basked\b/i;
/**
 * ", Patient Access)", ", Pharmacy Tech", " (Quality Analyst)": a department or job right after a
 * name, capitalised as a job title is ("Maria Garcia, it seems …" and "…, lead poisoning" are prose).
 */
const ROLE_AFTER = new RegExp(`^[ \\t]*[,(][ \\t]*(?:[A-Z][\\w&/.-]*[ \\t]){0,3}?(?:${CAPITALISED_ROLES})\\b(?![ \\t]*(?:[Pp]atient|[Pp]t)\\b)`);
/** " (Quality Analyst)", " (PACS admin)": a job in brackets after a name (a department alone is not enough). */
const JOB_AFTER = new RegExp(`^[ \\t]*\\([ \\t]*(?:[A-Z][\\w&/.-]*[ \\t]){0,3}?(?:${capitalised(JOBS)}|${JOBS})\\b`);
/** "manager, ", "Director of Quality, ", "research analyst ", "Interfaces on-call (": a job right before a name. */
const ROLE_BEFORE = new RegExp(`(?:${JOBS})(?:[ \\t]+of[ \\t]+[A-Z][\\w&]*(?:[ \\t][A-Z][\\w&]*)?)?(?:[ \\t]+(?:is|was))?[ \\t]*[,(:]?[*_]{0,2}[ \\t]*$`, 'iy');
/**
 * Does `re` (sticky, ending in `$`) match from one of the last `words` word starts of `s`? The same as
 * an unanchored `\b…$` test, tried at a few positions instead of every one.
 */
function endsWith(re: RegExp, s: string, words: number): boolean {
  for (let k = s.length - 1, n = 0; k >= 0 && n < words; k--) {
    if (!isWordStart(s, k)) continue;
    n++;
    re.lastIndex = k;
    if (re.test(s)) return true;
  }
  return false;
}
/**
 * What the last `n` words (runs of ASCII letters, any case) of s[from, to) are: the WORD_* flags of
 * any of them, and (shifted by LAST_WORD) those of the last one. Read without slicing (WordTrie).
 */
function lastWordsFlags(s: string, from: number, to: number, n: number): number {
  let flags = 0;
  let e = to;
  for (let count = 0; count < n && e > from; count++) {
    while (e > from && !isAsciiLetter(s.charCodeAt(e - 1))) e--;
    let b = e;
    while (b > from && isAsciiLetter(s.charCodeAt(b - 1))) b--;
    if (b === e) break;
    // (no job or grant word is longer than 20 letters: "anesthesiologist" has 16)
    const f = e - b <= 20 ? JOB_GRANT_WORDS.of(s, b, e) : 0;
    flags |= count === 0 ? f | (f << LAST_WORD) : f;
    e = b;
  }
  return flags;
}
/** Is there a word "of" (any case) in s[from, to)? */
function hasOf(s: string, from: number, to: number): boolean {
  for (let k = from; k + 1 < to; k++) {
    if ((s.charCodeAt(k) | 32) === 111 && (s.charCodeAt(k + 1) | 32) === 102 && (k === from || !isAsciiLetter(s.charCodeAt(k - 1))) && (k + 2 === to || !isAsciiLetter(s.charCodeAt(k + 2)))) return true;
  }
  return false;
}
/**
 * Every word of the job phrases (ROLE_BEFORE) and of the grant phrases: a phrase can end right
 * before a name only if one of the last three words is one of them ("Director of Quality
 * Improvement, " has "of" among them: ROLE_BEFORE allows two capitalised words after "of").
 */
const JOB_WORDS: ReadonlySet<string> = new Set(
  // (and the words the optional parts of JOBS make: "superuser", "helpdesk", "mirroring", "volunteer")
  JOBS.toLowerCase().match(/[a-z]+/g)!.concat(['is', 'was', 'of', 'superuser', 'helpdesk', 'mirroring', 'volunteer', 'oncall', 'scribe', 'author']),
);
const GRANT_WORDS: ReadonlySet<string> = new Set(['grant', 'give', 'add', 'provision', 'enable', 'remove', 'revoke', 'onboard', 'and']);
/**
 * Words (lower-case a–z) with flags, as a trie over the letters (26 slots a node, 0: no child): a
 * word of the text is looked up letter by letter, in any case, without slicing or lower-casing it.
 */
class WordTrie {
  private readonly next: Int32Array;
  private readonly flags: Uint8Array;
  constructor(entries: ReadonlyArray<readonly [Iterable<string>, number]>) {
    const words = entries.map(([ws, flag]) => [[...ws], flag] as const);
    // (at most one node a letter, and the root)
    const size = 1 + words.reduce((n, [ws]) => n + ws.join('').length, 0);
    this.next = new Int32Array(26 * size);
    this.flags = new Uint8Array(size);
    let nodes = 1;
    for (const [ws, flag] of words) {
      for (const w of ws) {
        let node = 0;
        for (let k = 0; k < w.length; k++) {
          const slot = node * 26 + w.charCodeAt(k) - 97;
          if (this.next[slot] === 0) this.next[slot] = nodes++;
          node = this.next[slot]!;
        }
        this.flags[node]! |= flag;
      }
    }
  }
  /** The flags of the word s[b, e) (ASCII letters only, any case); 0 when it is not in the trie. */
  of(s: string, b: number, e: number): number {
    let node = 0;
    for (let k = b; k < e; k++) {
      node = this.next[node * 26 + (s.charCodeAt(k) | 32) - 97]!;
      if (node === 0) return 0;
    }
    return this.flags[node]!;
  }
}
/** lastWordsFlags: a job word (JOB_WORDS), a grant word (GRANT_WORDS); the last word's flags are shifted by LAST_WORD. */
const WORD_JOB = 1;
const WORD_GRANT = 2;
const LAST_WORD = 2;
const JOB_GRANT_WORDS = new WordTrie([[JOB_WORDS, WORD_JOB], [GRANT_WORDS, WORD_GRANT]]);
/**
 * TASK_ROLES word by word: a one-word role (TASK_ONE, and TASK_SENTENCE for those that count only
 * opening a sentence), the "to" and "by" that end the two-word roles, and the words before them.
 */
const TASK_ONE = 1;
const TASK_SENTENCE = 2;
const TASK_TO = 4;
const TASK_BY = 8;
const TASK_BEFORE_TO = 16;
const TASK_BEFORE_BY = 32;
const TASK_WORDS = (() => {
  const one = [...TASK_ROLES].filter((r) => !r.includes(' '));
  const two = [...TASK_ROLES].filter((r) => r.includes(' ')).map((r) => r.split(' '));
  if (two.some(([, last]) => last !== 'to' && last !== 'by')) throw new Error('a two-word task role ends in "to" or "by"');
  return new WordTrie([
    [one, TASK_ONE],
    [SENTENCE_ROLES, TASK_SENTENCE],
    [['to'], TASK_TO],
    [['by'], TASK_BY],
    [two.filter(([, last]) => last === 'to').map(([first]) => first!), TASK_BEFORE_TO],
    [two.filter(([, last]) => last === 'by').map(([first]) => first!), TASK_BEFORE_BY],
  ]);
})();
const isWordStart = (s: string, k: number) => isAsciiLetter(s.charCodeAt(k)) && (k === 0 || !isAsciiLetter(s.charCodeAt(k - 1)));
/** A clinician's credential after a name, with or without a comma ("PT" is left out: it is also "patient"). */
const CREDENTIAL_AFTER = /^,?[ \t]+(?:RN|LPN|LVN|CNA|CMA|MD|DO|NP|PA-C|CRNA|PharmD|CPhT|LCSW|LICSW|MSW|RRT|BSN|MSN|DNP|FNP|APRN|OTR|CCC-SLP|RD|RDN|CBET|CRES|CCS|CCS-P|CPC|CCA|RHIA|RHIT|CHDA|CPHIMS|CISSP|PMP|CCRN|RN-BC|MLS|MLT|RDMS|CNMT|ACNP|PMHNP|CNM|DPT|COTA|FACHE|MHA|MBA)\b(?![ \t]*\d{5})/;
/** "from Facilities", "from the IT Security team": a colleague's department. */
const FROM_DEPARTMENT = new RegExp(`^[ \\t]+from[ \\t]+(?:the[ \\t]+)?(?:(?:[A-Z][\\w&/-]*[ \\t]){0,2}?(?:${CAPITALISED_ROLES})\\b|[A-Z]{2,5}[ \\t]+office\\b)`);
/** Jira's activity lines: "Kevin O'Donnell changed the status of IT-4471 …". */
const JIRA_ACTIVITY =
  /^[ \t]+(?:(?:changed|updated|set) the (?:status|priority|assignee|resolution|labels?|fix versions?|due date|summary|description|components?)|created (?:the issue|this issue|a sub-?task)|resolved (?:the issue|this issue|as)|commented on|logged (?:work|time)|transitioned|assigned (?:the issue|this issue|to)|attached [\w.-]+\.\w{2,4}\b|linked (?:the issue|this issue|an issue))/;
/**
 * A department's or a colleague's phone or fax ("the lab front desk is", "(PACS admin) cell",
 * "Cardiology Clinic fax line", "pager", "IT Command Center at"): a job or team word shortly before
 * it on its line, and nobody's own ("call me at", "her cell") in between.
 */
const TEAM_WORDS_BEFORE = new RegExp(
  `\\b(?:${JOBS.replace(/\|(?:rep|lead|tech)\b/g, '')}|${DEPARTMENTS.replace(/\|(?:hr|it|him)\b/g, '')}|front desk|command center|team|admin|on-call|pager|hotline|main line|main|fax line|cap code|dial-in|bridge|conference|telecom|hospital-issued|line|adjuster|payer|insurer|vendor|supplier|utilization|um|home medical|dme|quest|labcorp|nurses station|nursing station)\\b[^\\n]{0,32}$`,
  'i',
);
const TEAM_ACRONYMS_BEFORE = /\b(?:IT|HR|HIM|PACS|ED|ICU|NOC|SOC)\b[^\n]{0,32}$/;
const OWN_NUMBER_BEFORE =
  /\b(?:me|my|mine|her|his|their|home|personal|patient|pt|caller|family|(?:grand|step)?(?:mother|father|mom|dad|daughter|son)|wife|husband|spouse|partner|sister|brother|aunt|uncle|guardian|nok|poa|emergency)\b/i;
/** OWN_NUMBER_BEFORE after a colleague's job title: a caller or a patient word is that colleague's job or covered by TITLED_VETO. */
const OWN_NUMBER_TITLED =
  /\b(?:me|my|mine|her|his|their|home|personal|family|(?:grand|step)?(?:mother|father|mom|dad|daughter|son)|wife|husband|spouse|partner|boyfriend|girlfriend|fianc\w*|sister|brother|aunt|uncle|guardian|nok|poa|emergency)\b/i;
const teamNumber = (before: string) => TEAM_WORDS_BEFORE.test(before) || (hasCapitalPair(before) && TEAM_ACRONYMS_BEFORE.test(before));
/** Two capitals A–Z in a row (every acronym of TEAM_ACRONYMS_BEFORE has them)? */
const hasCapitalPair = (s: string) => hasPair(s, isUpperAscii, isUpperAscii);
/** A job title as written after a colleague's name, right before a number ("Clinic Supervisor, 555-0148", "Charge Nurse) cell "). */
const JOB_TITLE_BEFORE = new RegExp(`[A-Za-z][ \\t](?:${capitalised(JOBS)})[ \\t]*[,)]?[ \\t]*(?:(?:cell|mobile|phone|ph|desk|office|pager)\\.?[ \\t]*:?[ \\t]*)?$`);
/** "Kevin from Interfaces", "Dana from the ICU": a team after a sign-off's name. */
const FROM_TEAM = /^[ \t]+from[ \t]+(?:the[ \t]+)?[A-Z]/;

/**
 * "Telecom (Darius Farahani)", "Desktop day team (Aurelia Santangelo)", "Pharmacy informatics (Anh
 * Thu Pham)": a team, and the colleague who speaks for it in brackets. (Not a bare department:
 * "Radiology (John Hall) has wrong images attached" may name the patient.)
 */
const TEAM_PAREN_BEFORE =
  /\b(?:comment|(?:call|agent|desk|phone|tech|IT|internal|work|handoff|shift|network|interface|server) note|finding|registration|admitting|team|center|centre|systems|informatics|services|operations|ops|comms|communications|desk|on-call|tier[ \t]?\d|telecom|infosec|payroll|IT|HR|network|networking|biomed|clinical engineering|facilities|interfaces|desktop|servers?|storage|infrastructure|privacy|compliance|risk(?: mgmt| management)?|security|health information(?: management)?|patient (?:access|relations|experience|financial services)|rev(?:enue)? cycle|(?:clinical|ambulatory|inpatient|enterprise|business) apps|analysts?|marketing|communications|purchasing|legal|finance|payroll)[ \t]*\([ \t]*$/i;
/**
 * TEAM_PAREN_BEFORE's teams written in capitals, case as written ("HIM Data Integrity queue (", "PFS (",
 * "Epic TS (", "Routing to Epic Rover (", "Pharmacy IS ("; not "call him back (Roland Gagnon)", nor a
 * system a patient's data went into: "crossed to the wrong chart in the lab IS (Margaret Pelletier)").
 */
const TEAM_PAREN_BEFORE_CAPS =
  /(?:\bHIM(?: (?:[A-Z][a-z]+|[A-Z]{2,5}|of|and)){0,4}(?: queue)?|\bPFS|\bTS|\bHR|(?<!\b(?:in|to|from|on|into|at|of) the )\b(?:Epic(?: (?:[A-Z][a-z]+(?:[A-Z][a-z]+)?|[A-Z]{2,5})){1,2}|(?:Radiology|Lab|Pharmacy|Clinical|Nursing) IS))[ \t]*\([ \t]*$/;
/** A team and an open bracket right before a colleague's name: TEAM_PAREN_BEFORE or TEAM_PAREN_BEFORE_CAPS. */
const teamParenBefore = (before: string) => TEAM_PAREN_BEFORE.test(before) || TEAM_PAREN_BEFORE_CAPS.test(before);

/**
 * A table column's header naming the people who work its rows, not the patients in them: "Owner",
 * "Assignee", "Tech", "Tester", "Approver", "Who", "Attending" (a treating clinician is no patient).
 */
const STAFF_COLUMN =
  /^[ \t*_]*(?:(?:cert|change|system|app|application|business|technical|it|action|task) )?(?:owners?|assignee|assigned(?: to)?|tech(?:nician)?|engineer|analyst|testers?|reviewer|approver|approved by|submitted by|who|responsible|attending(?: (?:physician|provider|md))?|ordering (?:provider|physician)|trainer|instructor|presenter|on-?call)[ \t*_]*$/i;
/** A table row about a person's own care: "can't see her lab results", "wants his bill explained", "pt". */
const ROW_CARE =
  /\b(?:her|his|their|my)\b(?:[ \t]+[\w'’-]+){0,3}?[ \t]+(?:results?|labs?|mychart|portal|chart|bills?|statements?|appointments?|appts?|surgery|visits?|records?|prescriptions?|meds|medications?|procedure|images?|scans?)\b|\b(?:pts?|patients?)\b/i;
/** A patient's or their record's column in a table's header, or words over it saying it holds patients. */
const PATIENTS_TABLE =
  /\b(?:pts?|patients?|mrn|dob|birth|accounts?|acct|plate|member|proxy|guarantor|relationship|records for|next of kin|nok|mychart|portal|subjects?|consent|enrol\w*|appts?|appointments?|visits?|call(?:s|ed)? (?:these |them )?back|callbacks?|voicemails?|roi|release of information|records requests?)\b/i;

/** A form's name line, and the job line under it that makes the form a staff member's. */
const STAFF_FORM_NAME = /^[ \t]*(?:new hire |employee |staff |user )?name[ \t]*:/i;
const STAFF_FORM_NEXT = /^[ \t]*(?:title|job title|position|role|department|dept)[ \t]*:/i;

/**
 * Words of a patient's care, records or family in a sentence ("Images for John Smith from Radiology",
 * "Kelly Brown, CNA. She is now a patient", "Linda Okafor, daughter of …"): no colleague's place there.
 */
const PATIENT_WORK =
  /\b(?:orders?|results?|images?|statements?|bills?|referrals?|encounters?|charts?|registered|registration error|wristbands?|labels?|records?|proxy|guarantor|discharged?|transport|admit(?:ted)?|seen|visit|resident|restrict(?:ed)?|vip|privacy flag|exposure|needlestick|dob|portal|emergency contact|next of kin|contact person|employee health|flu shot|vaccin\w*|tb test|titers?|reaction|injury|registrations?|duplicates?|merge|(?:grand|step)?(?:mother|father|mom|dad|son|daughter)|wife|husband|spouse|sister|brother|aunt|uncle|niece|nephew|guardian|poa|nok)\b/i;
/**
 * What still makes a colleague named with a job title a patient or a relative in the sentence
 * (see Workforce.titled): patient words (not departments), a record's identifiers, a bed, an
 * admission, relatives, an employee's own care. Not the unit "Mother/Baby".
 */
const TITLED_VETO = new RegExp(
  String.raw`\b(?:pt|${ONE_PATIENT}|mrn|dob|d\.o\.b|member|guarantor|(?:portal|mychart) account|(?<!\b(?:reading|conference|meeting|server|break|control|call|board)[ \t])(?:room|rm|bed)[ \t#:.]*[a-z]?\d+[a-z]?|admit(?:ted)?|discharged?|registered|registration error|(?:wrist|arm)bands?|seen|visit|transport|resident|restrict(?:ed)?|vip|privacy flag|reaction|duplicates?|merge|emergency contact|next of kin|employee health|flu shot|vaccin\w*|tb test|titers?|needlestick|exposure|injury|(?:grand|step)?(?:mother|father|mom|dad|son|daughter)(?![/-](?:baby|infant)\b)|wife|husband|spouse|boyfriend|girlfriend|fianc\w*|sister|brother|aunt|uncle|niece|nephew|guardian|poa|nok|proxy)\b|\b(?:her|his|their|my)\b(?:[ \t]+[\w'-]+){0,3}?[ \t]+(?:results?|labs?|mychart|portal|chart|bills?|statements?|appointments?|appt|surgery|visits?|records?|prescriptions?|meds|medications?|procedure|colonoscopy|images?|scans?)\b|\bhad (?:surgery|a procedure|(?:her|his|their) labs)\b|['’]s(?:[ \t]+[\w-]+){0,2}?[ \t]+(?:results?|labs?|mychart|chart|bills?|statements?|appointments?|appt|visits?|records?|prescriptions?|meds|medications?|mammogram|images?|scans?|surgery|procedure|insurance|copay)\b|\b(?:she|he|they)[ \t]+had[ \t]+(?:drawn|done|taken)\b|\bmy (?:full |legal |last |first )?name\b|\((?:the )?caller\)|\bis the caller\b|\b(?:copay|co-pay|telehealth|insurance card|one of our (?:patients|pts))\b|\b(?:has|had|have)\b[^.\n]{0,24}\bappointments?\b|\b(?:has|have|had)[ \t]+(?:(?:a|an|her|his|their)[ \t]+)?(?:mychart|portal)\b`,
  'i',
);
/**
 * A roster's label before a list of names on its line ("Attendees:", "**Authors:**", "Students (8):",
 * "Reps affected:", a meeting invite's "Required:" and "Organizer:", "… and add:"): where the list starts (see rosterItems).
 */
const ROSTER_LABEL =
  /(?:^[ \t>*_#-]*(?:attendees|participants|present|invitees|students|trainees|reps affected|users affected|staff affected|authors?|team members|responders|on the bridge|on the call|(?:required|optional)(?: attendees)?|organi[sz]ers?|members|approvers|reviewers|reviewed by|owners|escalation contacts)[*_]*(?:[ \t]*\(\d+\))?[*_]*[ \t]*:|\b(?:add|invite|include)[ \t]*:)[*_]*[ \t]*/gi;
/** An item of such a list: one to four capitalised words, and a team in brackets. */
const ROSTER_ITEM = /[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3}(?:[ \t]*\([^()\n]{1,40}\))?/y;
const ROSTER_JOIN = /[ \t]*(?:,|;|&|\band\b)[ \t]*/y;
/**
 * Where the items of a roster on the line text[ls, le) start: after a roster's label, each item
 * joined to the one before by a comma, a semicolon, '&' or "and" (the list ends at the first text that is
 * neither). Empty when the line has no roster's label.
 */
function rosterItems(text: string, ls: number, le: number): number[] {
  const out: number[] = [];
  // (every roster's label ends with ':')
  const line = text.slice(ls, le);
  if (!rosterLabelMay(line)) return out;
  ROSTER_LABEL.lastIndex = 0;
  const m = ROSTER_LABEL.exec(line);
  if (m === null) return out;
  let k = m.index + m[0].length;
  while (k < line.length) {
    out.push(ls + k);
    ROSTER_ITEM.lastIndex = k;
    if (!ROSTER_ITEM.test(line)) break;
    ROSTER_JOIN.lastIndex = ROSTER_ITEM.lastIndex;
    if (!ROSTER_JOIN.test(line)) break;
    k = ROSTER_JOIN.lastIndex;
  }
  return out;
}
const NO_ITEMS: ReadonlySet<number> = new Set();
/**
 * Can ROSTER_LABEL match on the line? Its labels end with ':', and either open the line (after
 * marks: ' ', '\t', '>', '*', '_', '#', '-') with one of ROSTER_OPENERS' letters, or are "add",
 * "invite" or "include" (any case) right before a ':'.
 */
function rosterLabelMay(line: string): boolean {
  let colon = line.indexOf(':');
  if (colon === -1) return false;
  let k = 0;
  for (let c = line.charCodeAt(0); c === 32 || c === 9 || c === 62 || c === 42 || c === 95 || c === 35 || c === 45; c = line.charCodeAt(++k));
  if (opensWith(ROSTER_OPENERS, line.charCodeAt(k) | 32)) return true;
  for (; colon !== -1; colon = line.indexOf(':', colon + 1)) {
    let q = colon;
    while (q > 0 && (line.charCodeAt(q - 1) === 32 || line.charCodeAt(q - 1) === 9)) q--;
    let b = q;
    while (b > 0 && isAsciiLetter(line.charCodeAt(b - 1))) b--;
    if (lowerIs(line, b, q, 'add') || lowerIs(line, b, q, 'invite') || lowerIs(line, b, q, 'include')) return true;
  }
  return false;
}
/** The first letters of the labels that open a roster's line (ROSTER_LABEL). */
const ROSTER_OPENERS = letterMask('apistruome');
const isDash = (c: number) => c === 45 || c === 0x2013 || c === 0x2014;
/** A dash before a name that ends its line, after a sentence on that line ("… 06/20/2024. - Hailey Brennan"; not a list's "- John Smith"). */
const DASH_SIGN_OFF = /[.!?)][ \t]+[-–—][ \t]*$/;
const NO_SENTENCE_END: ReadonlySet<string> = new Set(['Dr', 'Mr', 'Mrs', 'Ms', 'Mx', 'St', 'Jr', 'Sr', 'Prof', 'Rev', 'Capt', 'Lt', 'Sgt', 'vs', 'etc', 'approx', 'No', 'no']);
/** Is text[p] a sentence's end ('.', '!' or '?' before a space or the end, not a title's or an initial's period)? */
function sentenceEndAt(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  if (c !== 46 && c !== 33 && c !== 63) return false;
  const n = text.charCodeAt(p + 1);
  if (!(n === 32 || n === 10 || n === 13 || n === 9 || Number.isNaN(n))) return false;
  if (c !== 46) return true;
  // the word before the period: an initial or a title ("J.", "Dr.", "Mrs.") ends no sentence
  let w = p;
  while (w > 0 && p - w <= 5 && isAsciiLetter(text.charCodeAt(w - 1))) w--;
  return p - w !== 1 && !NO_SENTENCE_END.has(text.slice(w, p));
}

/** A colleague's extension after their name in the same sentence ("…, Materials Mgmt, x3-4188", "…, ext 6120"). */
/** Has s an 'x' or 'X' (an extension's mark, or the x of "ext")? */
const hasX = (s: string) => s.indexOf('x') !== -1 || s.indexOf('X') !== -1;
/** Is there an 'x' or 'X' in text[from, to)? */
function hasXIn(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if ((text.charCodeAt(k) | 32) === 120) return true;
  return false;
}
/** Can CREDENTIAL_AFTER match at end (an optional ',', spaces or tabs, then a capital before le)? */
function credentialMayFollow(text: string, end: number, le: number): boolean {
  let k = end;
  if (k < le && text.charCodeAt(k) === 44) k++;
  const s = k;
  while (k < le && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  if (k === s || k >= le) return false;
  const c = text.charCodeAt(k);
  return c >= 65 && c <= 90;
}
const EXTENSION_AFTER = /^[^.\n:]{0,40}?[\s,(](?:[Ee]xt\.?|EXT\.?|x)[ ]?\d[\d-]{2,6}\b/;
/** A colleague's pager or Vocera after the name ("Patrick Doolan, pager 2410"); PAGER_WORD first. */
const PAGER_AFTER = /^[^.\n:]{0,40}?[\s,(](?:pager|pgr|vocera)[ \t#:]*\d{3,7}\b/i;
const PAGER_WORD = /pager|pgr|vocera/i;
/** An IT team in brackets right after a name, as written in small letters too: " (interfaces)", " (Endpoint Eng)". */
const IT_TEAM_AFTER = /^[ \t]*\([ \t]*(?:interfaces?|integration|network(?:ing)?|biomed|telecom|desktop(?: support)?|servers?|infosec|it|is|service desk|help ?desk|endpoint(?: eng(?:ineering)?)?|epic (?:tech|technical|security)|ambulatory apps|clinical apps|tier ?\d)[ \t]*[),]/i;
/** A records, privacy or access team in brackets after a name ('Lisa Okamura (Privacy)'): a colleague's unless the name is what something is about ('Break-the-glass on Leilani Kahale (Privacy)'). */
const RECORDS_TEAM_AFTER = /^[ \t]*\([ \t]*(?:privacy(?: office)?|compliance|(?:case|care) management|utilization review|risk management|him|roi|patient access|pfs|revenue cycle|(?:clinical |pharmacy )?informatics)[ \t]*\)/i;
const ABOUT_BEFORE = /\b(?:on|for|of|about|re|pt|patient|patients|chart|record|consent|form|with|to)[ \t]+$/i;
/** A job written in small letters after a comma: ", practice manager", ", clinic supervisor", ", it analyst". */
const JOB_LOWER_AFTER = /^,[ \t]*(?:practice|office|clinic|nurse|unit|site|department|dept|front desk|it|is|pharmacy|lab|radiology|project|program|account|charge|house|night|day|shift|staffing|scheduling|registration|billing|coding|him|biomed|facilities)[ \t]+(?:manager|mgr|supervisor|lead|director|coordinator|nurse|analyst|specialist|rep|representative|admin|administrator|engineer|tech|technician)\b/i;
/** A team's name and a dash before a name: "Network Security - ", "Ambulatory Apps – ". */
const TEAM_DASH_BEFORE = /\b(?:security|apps|applications|team|services|support|desk|network(?:ing)?|interfaces|informatics|engineering|ops|operations|infrastructure|telecom|biomed|facilities|IT|IS)[ \t]+[-–—][ \t]*$/i;
/** "Please grant X", "add X and Y to …", "give X access": an IT request for colleagues. */
const GRANT_BEFORE = /(?:grant|give|add|provision|enable|remove|revoke|onboard)[ \t]+(?:[A-Z][\w'’-]*[ \t]+(?:and|&)[ \t]+)?$/iy;
const GRANTED = /\b(?:access|permissions?|group|role|license|licence|mailbox|drive|folder|share|security class|template|distribution list|dl)\b/i;
/** First-person or patient-side words that make a request a patient's ("I want to add X as a beneficiary to my account"). */
const OWN_REQUEST = /\b(?:my|mine|beneficiary|proxy|mychart|portal)\b/i;
/** Chat lines: a time in brackets before the name, or two spaces and a time after it (Slack, Teams). */
const CHAT_TIME_BEFORE = /^[ \t]*\[[^\]\n]{0,24}\d{1,2}:\d{2}[^\]\n]{0,12}\][ \t]*(?:(?:(?:Service|Help|IT|Security|Front|Registration|Reg|Nurses['’]?) ?Desk|IT|Support|Agent)[ \t]+[-–][ \t]+)?$/;
const CHAT_TIME_AFTER = /^(?:,[ \t]*[A-Z][\w'’-]*)?[ \t]{2,}\d{1,2}:\d{2}(?:[ \t]?[AP]M)?\b/;
/** A desk's agent before a name: "IT Desk – ", "Security Desk - ", "described by agent ", "pasted by agent (". */
const DESK_AGENT_BEFORE = /(?:\b(?:Service|Help|IT|Security|Front|Registration) ?Desk[ \t]+[-–—][ \t]+|\b(?:described|pasted|entered|logged|written|noted|posted) by (?:agent|analyst|tech)[ \t]+\(?)$/i;
/** DESK_AGENT_BEFORE, tried only where "esk" or " by " (any case) is in the text before the name. */
const deskAgentBefore = (before: string) => DESK_OR_BY.test(before) && DESK_AGENT_BEFORE.test(before);
const DESK_OR_BY = /esk| by /i;
/**
 * Can DESK_AGENT_BEFORE match text[from, to): does it end with a dash and spaces, or with "agent",
 * "analyst" or "tech" (any case), spaces and maybe '('? Read without slicing.
 */
function deskAgentMayEnd(text: string, from: number, to: number): boolean {
  let k = to;
  const paren = k > from && text.charCodeAt(k - 1) === 40;
  if (paren) k--;
  let q = k;
  while (q > from && (text.charCodeAt(q - 1) === 32 || text.charCodeAt(q - 1) === 9)) q--;
  if (q === k || q === from) return false;
  const d = text.charCodeAt(q - 1);
  if (!paren && isDash(d)) return true;
  let b = q;
  while (b > from && isAsciiLetter(text.charCodeAt(b - 1))) b--;
  return lowerIs(text, b, q, 'agent') || lowerIs(text, b, q, 'analyst') || lowerIs(text, b, q, 'tech');
}
/** Is text[b, e) the lower-case ASCII word `word` in any case? */
const lowerIs = (text: string, b: number, e: number, word: string) => e - b === word.length && lettersAtIgnoreCase(text, b, word);
/** A writer or caller saying they are the patient. */
const PATIENT_SELF = /\b(?:i am|i['’]m|this is [A-Z][\w'’-]*,?)[ \t]+(?:the|a|your)[ \t]+(?:patient|pt)\b|\bcaller is the (?:pt|patient)\b|\b(?:pt|patient) (?:himself|herself|themselves)\b|\bthis is [A-Z][\w'’-]* again\b/i;
/** What may stand before a comment header's author on the line: spaces, a list or quote mark, "---". */
const HEADER_OPENING = /^[ \t*>-]*$/;
/**
 * The rest of a comment's header after its author: a role or team in brackets, then a date with or
 * without a time (after a dash, with a time or a colon: "Kimberly Ashford - 03/Mar/25 8:05 AM",
 * "Dana Whitfield - 03/04/2025:"; "Margaret Pelletier - 3/14" is a list's line), then a colon, a dash or the line's end (a time alone is a chat
 * line's: see CHAT_TIME_AFTER).
 */
const COMMENT_HEADER_AFTER =
  /^(?:[ \t]*\([^()\n]{1,40}\))?(?:[ \t]+(?:\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|\d{1,2}\/[A-Z][a-z]{2}\/\d{2,4}|\d{4}-\d{2}-\d{2})(?:,?[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?)?|[ \t]+[-–—·][ \t]+(?:\d{1,2}\/\d{1,2}(?:\/\d{2,4})?|\d{1,2}\/[A-Z][a-z]{2}\/\d{2,4}|\d{4}-\d{2}-\d{2})(?:,?[ \t]+\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp]\.?[Mm]\.?)?|(?=[ \t]*:)))[ \t]*(?::|[-–][ \t]|$)/;
/**
 * COMMENT_HEADER_AFTER with no year long ago in its date: "Maria Lopez 02/14/1950: MRN …" opens a
 * line with a patient's birth date, no comment's time (a year before 2000, or two digits from 30).
 */
function recentHeaderDate(after: string): boolean {
  const m = COMMENT_HEADER_AFTER.exec(after);
  if (m === null) return false;
  // (the year of "02/14/1950" or of "1950-02-14")
  const y = /\d\/\d{1,2}\/(\d{4}|\d{2})\b|\b(\d{4})-\d{2}-\d{2}/.exec(m[0]);
  if (y === null) return true;
  const digits = y[1] ?? y[2]!;
  const year = Number(digits);
  return digits.length === 4 ? year >= 2000 : year < 30;
}
/** Jira's own comment header after its author: "Tamsin Whitlock added a comment - 14/Jun/24 11:00 AM", "Cordell Haskins commented 10/Jan/2024 08:47:". */
const ADDED_COMMENT_AFTER = /^[ \t]+(?:added a comment|commented)\b(?![ \t]+(?:that|on (?:my|her|his|the patient)))/;
/** ", 09:30)", ", 11/19 10:40)" closing a comment header's bracket after the author. */
const TIME_IN_BRACKET_AFTER = /^,[ \t]*(?:\d{1,2}\/\d{1,2}(?:\/\d{2,4})?(?:[ \t]+\d{1,2}:\d{2})?|\d{1,2}:\d{2})(?:[ \t]?[AaPp]\.?[Mm]\.?)?[ \t]*\)/;

const PRONOUN_OPENING = /^[ \t>]*(?:she|he|they|her|his|their)\b/i;

/** What kind of place names a colleague (Workforce.colleague). */
/** Words before "Dr. Name" in its clause that make the doctor a patient or a relative ("chart of", "pt", "restricted:"). */
const DOCTOR_PATIENT_BEFORE =
  /\b(?:pts?|patients?|inpatient|outpatient|caller|member|guarantor|(?:grand|step)?(?:mother|father|mom|dad|son|daughter|parent|child)|wife|husband|spouse|partner|sister|brother|guardian|proxy|chart|record|records|results|mychart|portal account|accessed|opened|looked up|look(?:ing)? up|snoop\w*|restrict(?:ed)?|vip|privacy|confidential|break[ -]the[ -]glass|btg|employee health|admitted|discharged|registered|registration|(?:correct|change|update|fix)(?:ed)? (?:it|my name|the name) to)\b[^\n]{0,40}$/i;
/** Words after "Dr. Name" that make the doctor a patient or a relative ("'s own MyChart", ", one of our hospitalists, was admitted", "(MRN …"). */
const DOCTOR_PATIENT_AFTER =
  /^(?:['’]s[ \t]+(?:own[ \t]+)?(?:chart|records?|results?|labs?|mychart|portal|bills?|statements?|mrn|dob|insurance|(?:grand|step)?(?:mother|father|mom|dad|son|daughter|kids?|child|children|baby)|wife|husband|spouse|partner)\b|[^\n]{0,60}?\b(?:mrn|dob|d\.o\.b|date of birth|ssn|admitted|discharged|was seen in|is a patient|is the patient|as a patient|our patient|one of our (?:patients|pts)|employee health|needlestick|exposure|injur(?:y|ed)|passed away|died|deceased|his chart|her chart|their chart|are (?:both |all )?(?:patients|pts))\b|(?!['’]s\b)[^\n]{0,40}?\b(?:had|has|having|getting|got)\b[^\n]{0,20}\b(?:colonoscopy|surgery|procedure|mri|ct|scan|mammogram|biopsy|labs?|results?|visit|appointment|appt|admission|baby|delivery)\b|(?!['’]s\b)[^\n]{0,40}?\b(?:her|his|their)[ \t]+(?:own[ \t]+)?(?:colonoscopy|surgery|procedure|results?|labs?|chart|mychart|visit|appointment|appt|mammogram|bill|statement)\b|[^\n]{0,60}?\b(?:her|his|their)[ \t]+(?:husband|wife|spouse|partner|son|daughter|mother|father|mom|dad)\b)/i;
/**
 * "Dr." (or "Doctor") as the object of a clinician's relation: "with Dr.", "w/ Dr.", "to Dr.", "paged
 * Dr.", "Prescriber Dr.", "(Dr.", "Dr. Haddad, Dr." (`clause` ends with the title and spaces).
 */
const CLINICIAN_BEFORE =
  /(?:\b(?:with|w\/|to|from|by|per|under|paged?|paging|called|calls?|messaged?|emailed|sees|seeing|saw|ordering|prescriber|provider|providers|referring|attending|pcp|physician|surgeon|radiologist|resident|cc|instead of|than|notified|asked|told|contacted|contact|reassigned|routed|assigned|and)|[(,/])[ \t:]*(?:Dr\.?|Doctor)[ \t]*$/i;
/** A doctor's work or specialty right after "Dr. Name": "'s office", "'s in basket", "'s NPI", " (Radiology)". */
const DOCTOR_WORK_AFTER =
  /^(?:['’]s[ \t]+(?:office|in ?basket|inbox|lab|clinic|npi|dea|ser(?: record)?|schedule|template|patients|pts|orders?|notes?|dictations?|pager|team|nurse|ma|practice|panel|preference list|smartphrase|login|account|signature|queue|worklist|session)\b|[ \t]*\([ \t]*(?:radiology|cardiology|oncology|heme\/onc|dermatology|neurology|pediatrics|peds|ortho(?:pedics)?|(?:general )?surgery|anesthesia|anesthesiology|emergency medicine|ED|hospitalist|hospital medicine|internal medicine|family medicine|ob\/?gyn|psychiatry|pathology|nephrology|pulmonology|pulmonary|GI|gastroenterology|endocrinology|endo|urology|ENT|ophthalmology|infectious disease|critical care|ICU|NICU|palliative care|pain mgmt|pain management|behavioral health|neurosurgery|rheumatology|geriatrics|sports med(?:icine)?)[ \t]*[),])/i;
/** The clause before `start` on its line from ls: back to a sentence's end (not "Dr.", "Mr.", …) or a ';', at most `max` characters. */
export function clauseBefore(text: string, ls: number, start: number, max = 60): string {
  const before = text.slice(Math.max(ls, start - max), start);
  let cut = 0;
  CLAUSE_END.lastIndex = 0;
  for (let m = CLAUSE_END.exec(before); m !== null; m = CLAUSE_END.exec(before)) cut = m.index + 1;
  return before.slice(cut);
}
/** A sentence's or a clause's end before a space (not a title's period: "Dr.", "Mr.", …). */
const CLAUSE_END = /(?<!\b(?:Dr|Mr|Mrs|Ms|Mx|St|Jr|Sr|vs|No))[.!?;](?=[ \t])/g;

const enum Place {
  None = 0,
  Other = 1,
  Titled = 2,
  /** A comment's header: its own vetoes were checked (the comment under it may well name patients). */
  Header = 3,
  /** A credential or an extension after the name: as Titled, but not read as an item of a patient list. */
  Signed = 4,
}

/**
 * Per lower-case first letter of a line, the label patterns whose labels open with it: FIELD_LINE
 * (Reporter, Assignee, …, Business owner), SENDER_LINE (From, Sender, Reply-To), RECIPIENT_LINE (To, Cc, Bcc).
 */
const LABEL_FIELD = 1;
const LABEL_SENDER = 2;
const LABEL_RECIPIENT = 4;
const LABEL_LETTERS = new Uint8Array(128);
for (const [letters, label] of [['abcrstw', LABEL_FIELD], ['fsr', LABEL_SENDER], ['tcb', LABEL_RECIPIENT]] as const) {
  for (const l of letters) LABEL_LETTERS[l.charCodeAt(0)]! |= label;
}

const KIND_OTHER = 1;
const KIND_BLANK = 2;
const KIND_DELIMITER = 3;
const KIND_SIGN_OFF = 4;

/**
 * The workforce positions of one text: `has(type, start, end)` tells whether a finding lies in one.
 * Lines are looked at only when a finding is on or under them, each once.
 */
export class Workforce {
  private readonly breaks: readonly number[];
  private readonly lines: number;
  /** Per line, when first asked (0 until then): its kind (KIND_*), and 2 / 1 for a workforce line or not. */
  private readonly kinds: Uint8Array;
  private readonly verdicts: Uint8Array;
  /** Per sign-off line: whether the block under it is a staff signature. */
  private blockVerdicts: Map<number, boolean> | undefined;

  /**
   * `ownDomain`: the admin's internal domains (an address there is the organisation's even when
   * the domain is on the consumer list). `newlines`: the offsets of every '\n' in text, in order
   * (`Scan.newlines`).
   */
  constructor(
    private readonly text: string,
    private readonly ownDomain: (domain: string) => boolean,
    newlines: readonly number[],
  ) {
    this.breaks = newlines;
    const lines = (this.lines = newlines.length + 1);
    this.kinds = new Uint8Array(lines);
    this.verdicts = new Uint8Array(lines);
  }

  /** Does the finding [start, end) of `type` lie in a workforce position? */
  has(type: string, start: number, end: number): boolean {
    if (this.at(type, start, end)) return true;
    if (type !== 'NAME') return false;
    // a name the rules found only in part ("Darrick" of "[09:39] Darrick VonRueden:", "Von" of
    // "Comment from August Von"): its place is judged by the whole name around it on its line
    const s = this.nameRunStart(start);
    const e = this.nameRunEnd(end);
    return (s !== start || e !== end) && this.at(type, s, e);
  }

  /**
   * The start of the capitalised words and initials (at most three, one space apart, no patient
   * word among them) right before a name's start on its line.
   */
  private nameRunStart(start: number): number {
    const { text } = this;
    let s = start;
    for (let k = 0; k < 3 && s >= 2 && text.charCodeAt(s - 1) === 32; k++) {
      let p = s - 1;
      while (p > 0 && p > s - 22 && isNamePart(text.charCodeAt(p - 1))) p--;
      if (!this.namePart(p, s - 1)) break;
      s = p;
    }
    return s;
  }
  /** The end of the capitalised words and initials (as nameRunStart) right after a name's end on its line. */
  private nameRunEnd(end: number): number {
    const { text } = this;
    let e = end;
    for (let k = 0; k < 3 && text.charCodeAt(e) === 32; k++) {
      let p = e + 1;
      while (p < text.length && p < e + 22 && isNamePart(text.charCodeAt(p))) p++;
      if (!this.namePart(e + 1, p)) break;
      e = p;
    }
    return e;
  }
  /** text[s, e) is a capitalised word or an initial ("K.", "McCullough", "O’Neil"), not a patient word. */
  private namePart(s: number, e: number): boolean {
    if (e - s < 1 || e - s > 20) return false;
    const c = this.text.charCodeAt(s);
    if (!((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde))) return false;
    const word = this.text.slice(s, e);
    return !PATIENT_LINE.test(word) && !PATIENT_BEFORE.test(word) && !NOT_NAME_PARTS.has(word.toLowerCase());
  }

  private at(type: string, start: number, end: number): boolean {
    const { text } = this;
    const i = this.lineOf(start);
    const ls = this.starts(i);
    const le = this.ends(i);
    if (end > le) return false;
    // the one who raised the ticket, writing of their own care in its summary or description, is
    // that patient on the field's line ("Summary: audit of who accessed my medical record / Reporter:
    // Chelsea Rasmussen, Health Unit Coordinator")
    if (type === 'NAME' && this.raiserAsPatient(i)) return false;
    // a pipe table's column of the people who work its rows ("| Owner |", "||Tester||", "| Attending |")
    if (type === 'NAME' && this.staffColumn(i, start, end)) return true;
    // a person field among others on a line split by ' | ' ("Channel: Portal Help | Assignee: Kimberly Ashford | Request type: Patient portal")
    if (type === 'NAME' && this.fieldSegment(i, ls, le, start, end)) return true;
    // a provider's own NPI: "Dr. Harold Weiss (NPI 1376590128)", "Henrik Dahl, MD (Internal Medicine), NPI …", "My NPI is …"
    // (this place alone judges a licence: a field or signature line may hold a patient's)
    if (type === 'LICENSE') {
      return start - ls <= 120 && PROVIDER_NPI_BEFORE.test(text.slice(Math.max(ls, start - 120), start)) && !this.patientSentence(start, end, ls, le) && !this.patientSentence(start, end, ls, le, true);
    }
    if (this.lineVerdict(i)) return true;
    // the care team's field on a record's line: "Attending: Varga MD, Anita", "Att: Gupta, Rakesh MD", "PCP: Dr. Lee"
    if (type === 'NAME' && start - ls >= 4 && CARE_TEAM_LABEL_BEFORE.test(text.slice(Math.max(ls, start - 28), start))) return true;
    // an address, ZIP or link is the organisation's only on a workforce line (a signature's)
    if (type !== 'NAME' && type !== 'EMAIL' && type !== 'PHONE' && type !== 'FAX') return false;
    // (the checks below are gated by char code: most candidates fail them at the first character)
    const next = this.nextCode(end, le);
    if (type === 'PHONE' || type === 'FAX') {
      // "the lab front desk is (614) 555-0187", "(PACS admin) cell 504-555-0131", "Cardiology Clinic
      // fax line …", "pager 555-0122": a department's or a colleague's number, on a line with no patient words
      const before = text.slice(Math.max(ls, start - 48), start);
      // (nobody's own or a relative's anywhere in the sentence, and no patient on the line above)
      return (
        teamNumber(before) &&
        // (right after a colleague's job title, "Caller: Brianna Holt, Clinic Supervisor, 555-0148": the
        // caller is that colleague, and only patient words veto)
        (JOB_TITLE_BEFORE.test(before)
          ? !OWN_NUMBER_TITLED.test(this.sentenceBefore(start, ls)) && !this.patientSentence(start, end, ls, le, true)
          : !OWN_NUMBER_BEFORE.test(this.sentenceBefore(start, ls)) && !this.patientSentence(start, end, ls, le)) &&
        !(i > 0 && this.kindOf(i - 1) !== KIND_BLANK && this.patientLine(i - 1))
      );
    }
    if (type === 'EMAIL') {
      // "Bethel Cummerata <bethel.cummerata@stmarys-health.org>": an organisation's address book
      const prev = start > ls ? text.charCodeAt(start - 1) : 0;
      const bracketed = prev === 60 || prev === 40 || (prev === 32 && start - 1 > ls && (text.charCodeAt(start - 2) === 60 || text.charCodeAt(start - 2) === 40));
      const address = text.slice(start, end);
      const at = address.lastIndexOf('@');
      return (
        bracketed &&
        at > 0 &&
        this.organisation(address.slice(at + 1)) &&
        NAME_BEFORE_ADDRESS.test(text.slice(Math.max(ls, start - 64), start)) &&
        !PATIENT_BEFORE.test(text.slice(Math.max(0, start - 100), start)) &&
        !this.patientNear(i) &&
        !(SENDER_LINE.test(this.lineText(i)) && this.careInBody(i))
      );
    }
    if (type !== 'NAME') return false;
    // Places that make a name a colleague's, each vetoed by patient words in the name's own sentence
    // (a vetoed place falls through: a later one, such as an attribution line, may still hold)
    // a chat line's speaker ("[08:14] Tiffany Ross (Ortho Clinic FD): … pt jones"): the message after
    // the colon may name a patient, the speaker is staff unless speaking of their own care
    if (start - ls <= 24 && this.nextCode(ls, start) === 91 && CHAT_TIME_BEFORE.test(text.slice(ls, start)) && SPEAKER_AFTER.test(text.slice(end, Math.min(le, end + 48))) && !SPEAKER_NOT_STAFF.test(text.slice(end, Math.min(le, end + 48))) && !this.patientSpeaking(i)) return true;
    // a paragraph's writer heading it with a credential, a team in brackets or an extension, then ':'
    // ("Benjamin Crowfeather (Telehealth) x4880:", "Tamara Lund RN (Oncology) x4560: our pt …", "Erik Thorsen MD
    // (hospitalist):"): staff, whatever patient the message names, unless the bracket or the message speaks as one
    if (start - ls <= 2 && (i === 0 || this.kindOf(i - 1) === KIND_BLANK)) {
      const head = WRITER_HEAD_AFTER.exec(text.slice(end, Math.min(le, end + 64)));
      if (head !== null && (head[1] !== undefined || head[2] !== undefined || head[3] !== undefined) && !(head[2] !== undefined && SPEAKER_NOT_STAFF.test(head[2])) && !this.patientSpeaking(i)) return true;
    }
    // an agent's note headed by its author in brackets ("Agent note (Tom Reinholt): …"): staff unless
    // the bracket or the note speaks as a patient
    if (start - ls <= 24 && this.nextCodeBefore(start, ls) === 40 && NOTE_AUTHOR_BEFORE.test(text.slice(ls, start))) {
      const bracket = text.slice(end, Math.min(le, end + 48));
      if (NOTE_AUTHOR_AFTER.test(bracket) && !SPEAKER_NOT_STAFF.test(`(${bracket}`) && !this.patientSpeaking(i)) return true;
    }
    // "Attendees: Shaun Whitley, Anjali Menon, …", "… and add: Beth Sandoval, Kwame Asante": a roster of colleagues
    // (vetoed by patient, care or family words on its line, whole, or in its paragraph: "Family conference" over "Attendees: …")
    if (start - ls >= 3 && this.onRoster(i, start) && !this.rosterVetoed(i)) return true;
    const place = this.colleague(start, end, ls, le, next);
    if (place === Place.Header) return true;
    if (place === Place.Signed) {
      // (a list under a heading with patient words is the patients' still: "Patient list:\n- John Hall, RN";
      // and a signature under first-person care talk is the patient's own: "… someone else's pap results
      // in my Test Results. I'm an employee here too.\n\nRachel Okafor, MLS")
      if (!this.patientSentence(start, end, ls, le, true) && !(this.listEntry(start, ls) && this.patientListHeading(i)) && !(start === ls && this.patientWriting(i))) return true;
    } else if (place !== Place.None && !this.patientSentence(start, end, ls, le, place === Place.Titled) && !((this.listEntry(start, ls) || this.colonHeading(i)) && this.patientHeading(i))) return true;
    // "Owner Jany Wolff", "escalated to Mike Deller": who works the ticket
    // (patient or care words on the line, the one above or the one under it: "Owner: Lisa Park\nShe was seen in the ED")
    // (a role in brackets closing an action item, "(owner Shaun Whitley)": only patient, relative and employee-health words veto it)
    if (this.taskRoleBefore(start, ls)) {
      if (OWNER_IN_BRACKETS.test(text.slice(Math.max(ls, start - 12), start))) {
        let vetoed = this.ownerLineVetoes[i];
        if (vetoed === undefined) {
          const whole = text.slice(ls, le);
          this.ownerLineVetoes[i] = vetoed = TITLED_VETO.test(whole) || PATIENT_WORK.test(whole) || ROSTER_CARE.test(whole) || FAMILY.test(whole);
        }
        return !vetoed && !this.careBelow(i);
      }
      return !this.patientLine(i) && !(i > 0 && this.patientLine(i - 1)) && !this.careBelow(i);
    }
    // "Need a Visio license for Hans Nicolas": the colleague an IT service is for
    if (this.itServiceFor(start, ls)) return !this.patientLine(i);
    // (the text before the name on its line, when the name starts near the line's start)
    // (read only by the greeting's and the sign-off's checks below, which need one of these after the name)
    const own = start - ls <= 64 && (next === 0 || next === 33 || next === 40 || next === 44 || next === 102) ? text.slice(ls, start) : '';
    // "Hi Sabrina," opening a ticket or comment: the agent it is written to
    // (a greeting or a sign-off opens the line with one of its first letters: firstCode)
    const lead = own === '' ? 0 : this.firstCode(i) | 32;
    if ((next === 44 || next === 33 || next === 0) && opensWith(GREETING_LETTERS, lead) && GREETING_BEFORE.test(own) && !text.slice(start, end).includes(' ')) {
      return !YOUR_CARE.test(text.slice(end, Math.min(text.length, end + 160)));
    }
    // "Bethel Cummerata (bethel.cummerata@stmarys-health.org)": an organisation's address book
    if (next === 60 || next === 40) {
      const m = ADDRESS_AFTER.exec(text.slice(end, Math.min(le, end + 80)));
      if (m !== null) {
        return this.organisation(m[1]!) && !PATIENT_BEFORE.test(text.slice(Math.max(ls, start - 64), start)) && !this.patientNear(i) && !(SENDER_LINE.test(this.lineText(i)) && this.careInBody(i));
      }
    }
    // a bare sign-off: "Thanks,\nBrian", "Thanks, Eric", "Cheers - Eric (ICU)", "Best,\nKevin from Interfaces"
    if (next === 0 || next === 40 || next === 44 || (next === 102 && FROM_TEAM.test(text.slice(end, Math.min(le, end + 40))))) {
      const signOff = (opensWith(SIGN_OFF_LETTERS, lead) && SIGN_OFF.test(own)) || (i > 0 && start - ls <= 64 && own.trim() === '' && this.kindOf(i - 1) === KIND_SIGN_OFF);
      // patient words on the line, or the writer's own contact details under it: a patient signing
      if (signOff) return !this.patientLine(i) && !this.personalBelow(i) && this.authorsSignOff(i) && !this.patientWriting(i);
    }
    // attribution lines: the name is in a fixed place before the comment itself (a patient's chat
    // transcript or comment says so on or under the line)
    if (start - ls > 64) return false;
    const first = this.nextCode(ls, start);
    if (first !== 0 && first !== 42 && first !== 91 && first !== 45 && (first | 32) !== 99) return false;
    if (first === 0 && next !== 183) return false;
    let form: boolean;
    if (first === 0) form = /^ · \S/.test(text.slice(end, Math.min(le, end + 4))); // "Name · date"
    else if (first === 42)
      form =
        (/^[ \t]*\*[^*\n]{0,40}$/.test(text.slice(ls, start)) && /^[^*\n]{0,40}\* added a comment\b/i.test(text.slice(end, Math.min(le, end + 60)))) ||
        // "*Comment - Janelle Whitaker:*", "*Comment - Brandon Lee (Windows Server):*"
        (/^[ \t]*\*Comment(?:[ \t]+(?:from|by)|[ \t]*[-–])[ \t]+$/i.test(text.slice(ls, start)) && /^(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*:?\*/.test(text.slice(end, Math.min(le, end + 48))));
    else if (first === 91) form = text.charCodeAt(end) === 58 && /^[ \t]*\[[^\]\n]{0,40}\d[^\]\n]{0,40}\][ \t]*$/.test(text.slice(ls, start));
    // (first is '-', 'c' or 'C': "Comment from Name", "-- Comment - Name", "--- Comment (Name, Server team):")
    else form = /^[ \t]*(?:-{2,}[ \t]*)?Comment(?:(?:[ \t]+(?:from|by)|[ \t]*[-–:])[ \t]+|[ \t]*\()$/i.test(text.slice(ls, start));
    if (!form) return false;
    // ("Comment from Maria Garcia (patient):", "[10:42 AM] Maria Garcia: my MRN is …", "I am the patient")
    const after = text.slice(end, Math.min(le, end + 24));
    const colon = after.indexOf(':');
    const tail = colon === -1 ? after : after.slice(0, colon);
    // (exported comments of patients, a survey's or a portal's, are not a ticket's: "Patient experience
    // survey comments exported …:\nComment (Margaret Pelletier): …")
    if (first !== 42 && this.patientCommentsAbove(i)) return false;
    return !PATIENT_LINE.test(tail) && !this.writerIsPatient(i);
  }

  /**
   * First-person care talk in the first paragraph under the header block holding line i ("From: …
   * @acme.com / Subject: re: your statement // I received a statement for a visit …"): an employee or
   * anyone else writing as a patient.
   */
  private careInBody(i: number): boolean {
    // (first-person care only: a colleague's forward about a patient is still the colleague's)
    return MY_CARE.test(this.bodyUnder(i));
  }
  /** Do the lines above line i (up to twenty, not across a blank line or a Jira comment's header) speak of patients' comments, a survey's or feedback? */
  private patientCommentsAbove(i: number): boolean {
    // (up the lines of the same block: the comments one after another, then what introduces them)
    for (let j = i - 1; j >= 0 && j >= i - 20 && this.kindOf(j) !== KIND_BLANK; j--) {
      const t = this.lineText(j);
      if (ADDED_COMMENT_AFTER.test(t)) return false;
      if (PATIENT_COMMENTS.test(t)) return true;
    }
    return false;
  }
  /**
   * Is line i in a colleagues' birthday thread: the word on the line or in the lines of its paragraph
   * above (up to three), or in an e-mail's subject in the text, and no patient's or care words on the
   * line or anywhere in a line of the text that names a patient (PATIENT_LINE)?
   */
  private birthdayLine(i: number): boolean {
    const text = this.text;
    if (this.birthdayText === undefined) this.birthdayText = BIRTHDAY.test(text) && !BIRTHDAY_CARE.test(text);
    if (!this.birthdayText) return false;
    const line = this.lineText(i);
    if (PATIENT_LINE.test(line)) return false;
    if (BIRTHDAY.test(line)) return true;
    for (let j = i - 1; j >= 0 && j >= i - 3 && this.kindOf(j) !== KIND_BLANK; j--) if (BIRTHDAY.test(this.lineText(j))) return true;
    // (a thread's subject: "Subject: Happy birthday Tommy & Phuong!!")
    return this.birthdaySubject ??= BIRTHDAY_SUBJECT.test(text);
  }
  private birthdayText: boolean | undefined;
  private birthdaySubject: boolean | undefined;
  /** Does the message under the header block holding line i, or its subject, address a patient ("Subject: Your statement", "your results are in")? */
  private toPatient(i: number): boolean {
    for (let j = i - 3; j <= i + 3; j++) if (j >= 0 && j < this.lines && SUBJECT_LINE.test(this.lineText(j)) && YOUR_THINGS.test(this.lineText(j))) return true;
    return YOUR_THINGS.test(this.bodyUnder(i));
  }
  /** The first 400 characters from the first paragraph under the header block holding line i on. */
  private bodyUnder(i: number): string {
    let j = i + 1;
    while (j < this.lines && j <= i + 8 && this.kindOf(j) !== KIND_BLANK) j++;
    while (j < this.lines && this.kindOf(j) === KIND_BLANK) j++;
    const from = j < this.lines ? this.starts(j) : this.text.length;
    return this.text.slice(from, Math.min(this.text.length, from + 400));
  }
  /**
   * Is line i in an Outlook header block (a "Sent:" line among the non-blank lines up to three away)
   * whose message is no patient's: no patient words and no personal e-mail address in its first paragraph?
   */
  private outlookHeader(i: number): boolean {
    let sent = false;
    for (let j = i - 1; !sent && j >= 0 && j >= i - 3 && this.kindOf(j) !== KIND_BLANK; j--) sent = SENT_LINE.test(this.lineText(j));
    for (let j = i + 1; !sent && j < this.lines && j <= i + 3 && this.kindOf(j) !== KIND_BLANK; j++) sent = SENT_LINE.test(this.lineText(j));
    if (!sent) return false;
    const body = this.bodyUnder(i);
    if (PATIENT_LINE.test(body)) return false;
    return !this.consumerAddress(body);
  }

  /**
   * The line under line i goes on about the person named on it ("She was seen in the ED last night")
   * with patient or care words (not across a blank line; another person's name there is theirs).
   */
  private careBelow(i: number): boolean {
    if (i + 1 >= this.lines || this.kindOf(i + 1) === KIND_BLANK) return false;
    const line = this.lineText(i + 1);
    return PRONOUN_OPENING.test(line) && (PATIENT_LINE.test(line) || PATIENT_WORK.test(line) || /\bseen\b/i.test(line));
  }

  /** Patient or care words on line i or the lines around it (as patientNear; an employee-health form is a patient's). */
  private careNear(i: number): boolean {
    if (this.patientNear(i)) return true;
    for (let j = i; j < this.lines && j <= i + 4 && (j === i || this.kindOf(j) !== KIND_BLANK); j++) if (PATIENT_WORK.test(this.lineText(j))) return true;
    for (let j = i - 1; j >= 0 && j >= i - 4 && this.kindOf(j) !== KIND_BLANK; j--) if (PATIENT_WORK.test(this.lineText(j))) return true;
    return false;
  }

  /**
   * Does the paragraph above line i (across one blank line, at most eight lines up) speak of an
   * employee's own health ("A return-to-work note for one of our IS techs … his surgery info")? Then
   * the "Employee:" field under it names the patient.
   */
  private healthAbove(i: number): boolean {
    let j = i - 1;
    if (j >= 0 && this.kindOf(j) === KIND_BLANK) j--;
    for (let n = 0; j >= 0 && n < 8 && this.kindOf(j) !== KIND_BLANK; j--, n++) if (EMPLOYEE_HEALTH.test(this.lineText(j))) return true;
    return false;
  }

  /**
   * Is the roster on line i a patient's (looked at once per line)? Patient, care or family words on
   * the whole line, or words about a person's care in its paragraph (up to a blank line, four lines
   * either way): "Care conference for discharge planning" over "Present: …", "… was admitted" under it.
   */
  private rosterVetoed(i: number): boolean {
    let v = this.rosterVetoes[i];
    if (v === undefined) {
      const whole = this.text.slice(this.starts(i), this.ends(i));
      v = PATIENT_LINE.test(whole) || TITLED_VETO.test(whole) || PATIENT_WORK.test(whole) || ROSTER_CARE.test(whole);
      const near = (j: number) => {
        const line = this.lineText(j);
        return TITLED_VETO.test(line) || ROSTER_CARE.test(line) || FAMILY.test(line);
      };
      for (let j = i - 1; !v && j >= 0 && j >= i - 4 && this.kindOf(j) !== KIND_BLANK; j--) v = near(j);
      for (let j = i + 1; !v && j < this.lines && j <= i + 4 && this.kindOf(j) !== KIND_BLANK; j++) v = near(j);
      this.rosterVetoes[i] = v;
    }
    return v;
  }
  private readonly rosterVetoes: boolean[] = [];

  /** Patient words on line i (looked for once per line). */
  private readonly patientLines: boolean[] = [];
  private patientLine(i: number): boolean {
    return (this.patientLines[i] ??= PATIENT_LINE.test(this.lineText(i)));
  }
  /**
   * Patient words on line i or the lines around it, up to a blank line and at most four lines either
   * way (an e-mail header's subject, the line a comment's author writes, the line above a task).
   */
  private patientNear(i: number): boolean {
    if (this.patientLine(i)) return true;
    for (let j = i + 1; j < this.lines && j <= i + 4 && this.kindOf(j) !== KIND_BLANK; j++) if (this.patientLine(j)) return true;
    for (let j = i - 1; j >= 0 && j >= i - 4 && this.kindOf(j) !== KIND_BLANK; j--) if (this.patientLine(j)) return true;
    return false;
  }

  // --- lines: line i runs from starts(i) to ends(i) ------------------------------------------------

  /** The line holding offset p (the line last asked for, or the one after it, first: findings come in order). */
  private lineOf(p: number): number {
    const h = this.lastLine;
    const breaks = this.breaks;
    if (p <= (h < breaks.length ? breaks[h]! : Infinity)) {
      if (h === 0 || p > breaks[h - 1]!) return h;
    } else if (h + 1 < this.lines && p <= (h + 1 < breaks.length ? breaks[h + 1]! : Infinity)) {
      return (this.lastLine = h + 1);
    }
    return (this.lastLine = lineIndexOf(breaks, p));
  }
  private lastLine = 0;
  private starts(i: number): number {
    return i === 0 ? 0 : this.breaks[i - 1]! + 1;
  }
  private ends(i: number): number {
    const e = i < this.breaks.length ? this.breaks[i]! : this.text.length;
    // (a CRLF line ends before its '\r')
    return e > 0 && this.text.charCodeAt(e - 1) === 13 && e - 1 >= this.starts(i) ? e - 1 : e;
  }
  /**
   * Is text[start, end) in a FIELD_LINE field ("Assignee: …") that is one of the segments of line i
   * split by ' | ', with no patient words on the line (but in the ticket's own metadata fields) and no
   * personal address in the segment?
   */
  private fieldSegment(i: number, ls: number, le: number, start: number, end: number): boolean {
    const { text } = this;
    if (le - ls > MAX_LINE) return false;
    // (per line, once: whether it holds ' | ' at all)
    if (this.barLines[i] === false) return false;
    const line = text.slice(ls, le);
    if (!(this.barLines[i] ??= line.includes(' | '))) return false;
    const before = line.lastIndexOf(' | ', start - ls);
    const after = line.indexOf(' | ', end - ls);
    const s = before !== -1 ? ls + before + 3 : ls;
    const e = after !== -1 ? ls + after : le;
    if (s === ls && e === le) return false;
    const segment = text.slice(s, e);
    if (!FIELD_LINE.test(segment)) return false;
    // (the line's other segments but a ticket's own metadata, "Request type: Patient portal", may still
    // make it a patient's record line: "Reporter: Dwayne Thibodeau | MRN: 00412345 | Phone: …")
    const others = line.split(' | ').filter((seg) => !TICKET_FIELD.test(seg)).join(' | ');
    return !PATIENT_LINE.test(others) && (!segment.includes('@') || this.organisationAddresses(segment)) && !this.patientSpeaking(i);
  }
  /** Per line, when first asked: does it hold ' | ' (fieldSegment)? */
  private readonly barLines: boolean[] = [];
  /** The row staffColumn last read, and its table's header line. */
  private tableRow = -1;
  private tableHeader = -1;
  /**
   * Is text[start, end) in a pipe table's cell (line i opens with '|') whose column's header, the
   * first of the table's lines above it, names the people who work the rows (STAFF_COLUMN), in a
   * table of no patients' records and a row about no one's care (rows and headers no longer than MAX_LINE)?
   */
  private staffColumn(i: number, start: number, end: number): boolean {
    const { text } = this;
    if (i === 0 || this.firstCode(i) !== 124) return false;
    // (findings come in order: the header found for the line last asked about is reused below it)
    // (a row or header longer than a line of prose is no staff table's: nothing is split per name there)
    if (this.ends(i) - this.starts(i) > MAX_LINE) return false;
    let h = i;
    if (this.tableRow >= 0 && this.tableRow <= i) {
      let k = i;
      while (k > this.tableRow && this.firstCode(k - 1) === 124) k--;
      if (k === this.tableRow) h = this.tableHeader;
    }
    if (h === i) while (h > 0 && this.firstCode(h - 1) === 124) h--;
    this.tableRow = i;
    this.tableHeader = h;
    if (h === i) return false;
    const hs = this.starts(h);
    const he = this.ends(h);
    if (he - hs > MAX_LINE) return false;
    const line = text.slice(hs, he);
    const header = tableCells(text, hs, he, line.trimStart().startsWith('||'));
    const row = tableCells(text, this.starts(i), this.ends(i), false);
    const c = row.findIndex(([s, e]) => s <= start && end <= e);
    if (c === -1 || c >= header.length) return false;
    const name = text.slice(header[c]![0], header[c]![1]);
    if (!STAFF_COLUMN.test(name)) return false;
    // (not in a table of patients' records, "||Account||Owner||Proxy||", "| Tech | Modality | Patient |",
    // nor under words saying the column holds patients: "the tester column got mapped to patient name")
    // (nor in a row about a patient's own care: "| Margaret Pelletier | 207-555-0143 | can't see her lab results |")
    const rowText = this.lineText(i);
    return !PATIENTS_TABLE.test(line) && !PATIENTS_TABLE.test(text.slice(this.starts(Math.max(0, h - 3)), hs)) && !ROW_CARE.test(rowText);
  }
  /** Line i's text, or '' past the last line; a long line is cut (it is prose, never a header or signature line). */
  private lineText(i: number): string {
    if (i >= this.lines) return '';
    const s = this.starts(i);
    return this.text.slice(s, Math.min(this.ends(i), s + MAX_LINE));
  }
  private isLong(i: number): boolean {
    return this.ends(i) - this.starts(i) > MAX_LINE;
  }
  /** The first character of line i that is not a space, tab or '>' (0 for a blank line). */
  private firstCode(i: number): number {
    // (up to the '\n': a CRLF's '\r' is passed over as ends(i) would leave it out)
    const e = i < this.breaks.length ? this.breaks[i]! : this.text.length;
    for (let p = this.starts(i); p < e; p++) {
      const c = this.text.charCodeAt(p);
      if (c !== 32 && c !== 9 && c !== 62 && c !== 13) return c;
    }
    return 0;
  }
  /** firstCode, past a bold or italic mark too: the letter a label opens with ("**Reporter:** …", "_From:_ …"). */
  private labelCode(i: number): number {
    const e = i < this.breaks.length ? this.breaks[i]! : this.text.length;
    for (let p = this.starts(i); p < e; p++) {
      const c = this.text.charCodeAt(p);
      if (c !== 32 && c !== 9 && c !== 62 && c !== 13 && c !== 42 && c !== 95) return c;
    }
    return 0;
  }
  /** The first character at or after p, before limit, that is not a space or tab (0 when none). */
  /** The first character before p on its line (from ls) that is no space or tab; 0 when none. */
  private nextCodeBefore(p: number, ls: number): number {
    const k = this.spacesBefore(p, ls);
    return k > ls ? this.text.charCodeAt(k - 1) : 0;
  }

  private nextCode(p: number, limit: number): number {
    const text = this.text;
    while (p < limit && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p++;
    return p < limit ? text.charCodeAt(p) : 0;
  }

  private kindOf(i: number): number {
    let k = this.kinds[i]!;
    if (k !== 0) return k;
    const c = this.firstCode(i) | 32;
    if (c === 32) k = KIND_BLANK; // (0 | 32: nothing on the line)
    else if (this.ends(i) - this.starts(i) > 40) k = KIND_OTHER; // sign-offs and delimiters are short
    else if (c === 45) k = SIG_DELIMITER.test(this.lineText(i)) ? KIND_DELIMITER : KIND_OTHER;
    else if (opensWith(SIGN_OFF_LETTERS, c)) k = SIGN_OFF.test(this.lineText(i)) ? KIND_SIGN_OFF : KIND_OTHER;
    else k = KIND_OTHER;
    this.kinds[i] = k;
    return k;
  }

  /** Is line i a field line, an organisation's e-mail header line or a staff signature line? */
  private lineVerdict(i: number): boolean {
    const known = this.verdicts[i]!;
    if (known !== 0) return known === 2;
    let v = false;
    if (!this.isLong(i)) {
      // field and header labels start with one of these letters (any case): only then are they looked for
      // (each label pattern only where the line's first letter opens one of its labels: LABEL_LETTERS)
      const c = this.labelCode(i) | 32;
      const labels = c < 128 ? LABEL_LETTERS[c]! : 0;
      const line = this.lineText(i);
      // (a reporter writing as a patient under the field: "Reporter: Angela Diaz / Description: I am … also a patient here")
      if ((labels & LABEL_FIELD) !== 0 && FIELD_LINE.test(line)) v = !PATIENT_LINE.test(line) && (!line.includes('@') || this.organisationAddresses(line)) && !this.patientSpeaking(i);
      else if ((c === 109 || c === 110 || c === 101 || c === 115 || c === 117 || c === 99) && STAFF_FIELD_LINE.test(line))
        v = !this.careNear(i) && !this.healthAbove(i) && (!line.includes('@') || this.organisationAddresses(line));
      // a staff form: "Name: Javier Castillo-Ruiz" over "Title: Patient Access Representative"
      else if (c === 110 && STAFF_FORM_NAME.test(line) && i + 1 < this.lines && STAFF_FORM_NEXT.test(this.lineText(i + 1))) v = !this.careNear(i);
      // (an Outlook header's display names without addresses, over or under its "Sent:" line: the
      // organisation's own directory, which shows an outside sender's address)
      else if ((labels & LABEL_SENDER) !== 0 && SENDER_LINE.test(line))
        v = (this.organisationAddresses(line) || (!line.includes('@') && this.outlookHeader(i))) && !this.patientNear(i) && !this.careInBody(i);
      // (a recipient may be a patient the hospital writes to: then the subject or text under it says so)
      else if ((labels & LABEL_RECIPIENT) !== 0 && RECIPIENT_LINE.test(line))
        v = this.ownAddresses(line) || ((this.organisationAddresses(line) || (!line.includes('@') && this.outlookHeader(i) && !this.toPatient(i))) && !this.patientNear(i));
      // a staff birthday thread's line: "happy birthday to Tommy Nguyen (4/17)", "Also coming up: Marcus Guidry 4/23"
      else if (this.birthdayLine(i)) v = true;
      // "Vita Gleichner | MA | x4113"
      // (not a Jira table row, which opens with '|', and not a long line)
      else if (c !== 124 && line.length <= 100 && line.includes(' | ') && !PATIENT_LINE.test(line) && this.staffEvidence(line)) v = true;
      else if (this.nameOverJob(i)) v = this.staffBlock(i - 1) && !this.patientWriting(i);
      else {
        // a signature line: up to MAX_BLOCK lines under a "-- " line, a sign-off or a name over a job
        // line, in a staff block
        for (let j = i - 1; j >= 0 && j >= i - MAX_BLOCK; j--) {
          const k = this.kindOf(j);
          if (k === KIND_BLANK) break;
          // (an employee writing about their own care signs as staff too: "my lab results … Thanks, Maria, Radiology Technologist")
          if (k === KIND_DELIMITER || k === KIND_SIGN_OFF) v = this.staffBlock(j) && !this.patientWriting(j);
          else if (this.nameOverJob(j)) v = this.staffBlock(j - 1) && !this.patientWriting(j);
          else if (this.isLong(j)) break;
          else continue;
          break;
        }
      }
    }
    this.verdicts[i] = v ? 2 : 1;
    return v;
  }

  /**
   * Does line i open a signature without a sign-off above it: a name alone on its line, first in its
   * paragraph, over a line with a job, a credential or an extension ("Carla Jennings" over "Practice
   * Manager | Westside Family Medicine")?
   */
  private nameOverJob(i: number): boolean {
    if (i + 1 >= this.lines || (i > 0 && this.kindOf(i - 1) !== KIND_BLANK) || this.kindOf(i + 1) === KIND_BLANK) return false;
    // (no sender is named without '<' and '@' in the text: see orgSenders)
    if (!this.mayName()) return false;
    if (this.ends(i) - this.starts(i) > 48 || !NAME_ALONE.test(this.lineText(i))) return false;
    if (this.isLong(i + 1) || !this.jobEvidence(this.lineText(i + 1))) return false;
    // (a patient or a relative signs with their job too: only the sender of an e-mail header with an
    // organisation's address above, "From: Carla Jennings <cjennings@hsp-health.org>", signs as staff)
    const at = this.starts(i);
    const senders = this.orgSenders();
    const sent = senders.get(this.lineText(i).replace(/[*_]/g, '').trim());
    return sent !== undefined && sent < at && !(this.patientSenderAt < at);
  }

  /** Can the text's e-mail headers name a sender (SENDER_NAMED needs a '<' and an '@')? Found once. */
  private mayName(): boolean {
    return (this.mayNameSenders ??= this.text.indexOf('<') !== -1 && this.text.indexOf('@') !== -1);
  }
  private mayNameSenders: boolean | undefined;
  /**
   * Per text, when first asked: the names that e-mail headers send from an organisation's address,
   * with the first such header's offset, and where the first patient or relative word stands (see
   * PATIENT_SENDER; Infinity if none).
   */
  private orgSenders(): Map<string, number> {
    if (this.senders !== undefined) return this.senders;
    const senders = new Map<string, number>();
    for (const m of this.text.matchAll(SENDER_NAMED)) {
      const name = m[1]!.trim();
      if (!senders.has(name) && this.organisation(m[2]!.toLowerCase())) senders.set(name, m.index);
    }
    const patient = senders.size > 0 ? PATIENT_SENDER.exec(this.text) : null;
    this.patientSenderAt = patient === null ? Infinity : patient.index;
    return (this.senders = senders);
  }
  private senders: Map<string, number> | undefined;
  private patientSenderAt = Infinity;

  /**
   * A staff signature block under the opener on line o ("-- " or a sign-off): its lines down to a
   * blank one show a role, an extension or an organisation address, and no consumer address,
   * patient words or patient data (a patient signs with their own).
   */
  private staffBlock(o: number): boolean {
    const memo = (this.blockVerdicts ??= new Map());
    let v = memo.get(o);
    if (v !== undefined) return v;
    let block = '';
    for (let i = o + 1; i < this.lines && i <= o + MAX_BLOCK && this.kindOf(i) !== KIND_BLANK; i++) block += this.lineText(i) + '\n';
    // (an organisation address alone is no evidence next to a home address: a patient may write from work)
    v =
      !PATIENT_DATA.test(block) &&
      !PATIENT_LINE.test(block) &&
      !this.consumerAddress(block) &&
      (this.jobEvidence(block) || (!STATE_ZIP.test(block) && this.organisationAddresses(block)));
    memo.set(o, v);
    return v;
  }

  // --- people and addresses ---------------------------------------------------------------------

  /** Is the domain an organisation's (not a consumer mail provider's)? */
  private organisation(domain: string): boolean {
    const d = domain.toLowerCase();
    return !CONSUMER_MAIL.has(d) || this.ownDomain(d);
  }
  /** There is an address in the text, and every one passes `ok` (an organisation's, the admin's own). */
  private everyAddress(text: string, ok: (domain: string) => boolean): boolean {
    if (!text.includes('@')) return false;
    let any = false;
    // (exec in a loop, as matchAll would, without its copy of the pattern)
    ADDRESS_DOMAIN.lastIndex = 0;
    for (let m = ADDRESS_DOMAIN.exec(text); m !== null; m = ADDRESS_DOMAIN.exec(text)) {
      if (!ok(m[1]!.toLowerCase())) return false;
      any = true;
    }
    return any;
  }
  /** Every address in the text is an organisation's (and there is one). */
  private organisationAddresses(text: string): boolean {
    return this.everyAddress(text, (d) => this.organisation(d));
  }
  /** Every address in the text is at one of the admin's own domains (and there is one). */
  private ownAddresses(text: string): boolean {
    return this.everyAddress(text, this.ownDomain);
  }
  /** Is there an address at a consumer mail domain in the text? */
  private consumerAddress(text: string): boolean {
    if (!text.includes('@')) return false;
    ADDRESS_DOMAIN.lastIndex = 0;
    for (let m = ADDRESS_DOMAIN.exec(text); m !== null; m = ADDRESS_DOMAIN.exec(text)) if (!this.organisation(m[1]!)) return true;
    return false;
  }
  /** A job title, a credential after a name, or an extension. */
  private jobEvidence(block: string): boolean {
    return ROLE.test(block) || CREDENTIAL.test(block) || EXTENSION.test(block);
  }
  private staffEvidence(block: string): boolean {
    return this.jobEvidence(block) || this.organisationAddresses(block);
  }

  /**
   * A ticket's sign-off is its author's, unless it closes an e-mail pasted from a consumer address
   * (a patient's): the nearest "From:" header line above says whose text this is.
   */
  private authorsSignOff(i: number): boolean {
    const from = this.fromLines();
    // the last "From:" line above, within reach
    let lo = 0;
    let hi = from.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (from[mid]!.line < i) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return true;
    const header = from[lo - 1]!;
    return this.starts(i) - this.starts(header.line) > PASTE_REACH || header.organisation;
  }

  /** The "From:" header lines of the text (any case, any spacing), in order, with whether every address there is an organisation's; found once. */
  private fromLineList: Array<{ line: number; organisation: boolean }> | undefined;
  private fromLines(): Array<{ line: number; organisation: boolean }> {
    if (this.fromLineList !== undefined) return this.fromLineList;
    const out: Array<{ line: number; organisation: boolean }> = [];
    // (a line's first character rules most lines out before the pattern runs)
    for (let j = 0; j < this.lines; j++) {
      const c = this.firstCode(j) | 32;
      if ((c !== 102 && c !== 42 && c !== 95 && c !== 111) || this.isLong(j)) continue;
      const line = this.lineText(j);
      if (FROM_LINE.test(line) || WROTE_LINE.test(line)) out.push({ line: j, organisation: this.organisationAddresses(line) });
    }
    return (this.fromLineList = out);
  }

  /** The offset before the spaces and tabs that end at k, on the line starting at ls. */
  private spacesBefore(k: number, ls: number): number {
    while (k > ls && (this.text.charCodeAt(k - 1) === 32 || this.text.charCodeAt(k - 1) === 9)) k--;
    return k;
  }

  /** Is the name at start, on the line starting at ls, after a task role ("Owner", "escalated to")? */
  private taskRoleBefore(start: number, ls: number): boolean {
    const text = this.text;
    let k = this.spacesBefore(start, ls);
    if (k > ls && text.charCodeAt(k - 1) === 58) k = this.spacesBefore(k - 1, ls); // "Owner: "
    // the one or two words before, lower-cased
    let w = k;
    while (w > ls && k - w < 11 && isAsciiLetter(text.charCodeAt(w - 1))) w--;
    const len = k - w;
    // the two-word roles end in "to" or "by"
    if (len !== 2 && !ROLE_LENGTHS.has(len)) return false;
    if (w > ls && isAsciiLetter(text.charCodeAt(w - 1))) return false;
    // (the words are looked up in TASK_WORDS: TASK_ROLES without slicing)
    const one = TASK_WORDS.of(text, w, k);
    // ("owner", "manager" and "supervisor" only opening a sentence: "Manager: Priya Natarajan", not "the manager Priya")
    if (len !== 2) return (one & TASK_ONE) !== 0 && ((one & TASK_SENTENCE) === 0 || this.opensSentence(w, ls));
    if ((one & (TASK_TO | TASK_BY)) === 0) return false;
    if (w - 1 <= ls || text.charCodeAt(w - 1) !== 32) return false;
    let v = w - 1;
    while (v > ls && isAsciiLetter(text.charCodeAt(v - 1))) v--;
    if (w - 1 - v < 5) return false;
    // ("assigned" before "to", "approved" before "by")
    return (TASK_WORDS.of(text, v, w - 1) & ((one & TASK_TO) !== 0 ? TASK_BEFORE_TO : TASK_BEFORE_BY)) !== 0;
  }

  /**
   * Patient words in the sentence around [start, end) on its line ("Pt is scheduled … . Reported by
   * Hailey Brennan" is two sentences; "Dr." and "Mr." end none).
   */
  private patientSentence(start: number, end: number, ls: number, le: number, titled = false): boolean {
    const { text } = this;
    const s = this.sentenceStart(start, ls);
    // the name's sentence and the next one ("Dr. Raymond Okafor. DOB 04/12/1961.")
    let e = end;
    for (let n = 0; n < 2; n++) {
      while (e < le && e < end + 160 && !sentenceEndAt(text, e)) e++;
      if (n === 0 && e < le) e++;
    }
    const sentence = text.slice(s, e);
    // (a colleague named with a job title: only words that make a person a patient or a relative)
    if (titled) return TITLED_VETO.test(sentence);
    return PATIENT_LINE.test(sentence) || PATIENT_WORK.test(sentence);
  }

  /**
   * Does the name open its line, after a list's marker at most ("- ", "2. ", "* ")? A heading's
   * patient words (patientHeading) speak for such lines, not for a name inside a sentence.
   */
  /** Does the nearest line above i (no blank line between) end with ':', a heading over what follows ("Duplicate registrations today:")? */
  private colonHeading(i: number): boolean {
    if (i === 0 || this.kindOf(i - 1) === KIND_BLANK) return false;
    return /:[ \t*_]*$/.test(this.lineText(i - 1));
  }

  private listEntry(start: number, ls: number): boolean {
    let k = ls;
    const text = this.text;
    while (k < start && k - ls <= 8) {
      const c = text.charCodeAt(k);
      if (c === 32 || c === 9 || c === 45 || c === 42 || c === 8226 || c === 46 || c === 41 || c === 35 || c === 62 || (c >= 48 && c <= 57) || c === 124) k++;
      else break;
    }
    return k === start;
  }

  /**
   * Patient words on the lines above line i, up to a blank line and at most four lines ("Duplicate
   * registrations today:" over a list of names).
   */
  private patientHeading(i: number): boolean {
    for (let j = i - 1; j >= 0 && j >= i - 4 && this.kindOf(j) !== KIND_BLANK; j--) {
      const line = this.lineText(j);
      if (PATIENT_LINE.test(line) || PATIENT_WORK.test(line)) return true;
    }
    return false;
  }

  /**
   * Is line i an item of a list under a heading with patient words: a line ending in ':', or a short
   * line with no number, at most four lines up (no blank line between, the list's items passed over)
   * with patient or care words ("Affected pts (pasted from the unit list):", "Employee health visits
   * this week")?
   */
  private patientListHeading(i: number): boolean {
    for (let j = i - 1; j >= 0 && j >= i - 4 && this.kindOf(j) !== KIND_BLANK; j--) {
      const line = this.lineText(j);
      // (the list's other items are passed over; a heading ends in ':' or is a short line with no
      // number and no sentence's end: "Employee health visits this week")
      if (/^[ \t]*(?:[-*•]|\d+[.)])[ \t]/.test(line)) continue;
      if (/:[ \t*_]*$/.test(line) || (line.trim().length <= 60 && !/\d/.test(line) && !/[.!?][ \t]*$/.test(line))) return PATIENT_LINE.test(line) || PATIENT_WORK.test(line);
      return false;
    }
    return false;
  }

  /** Where the sentence holding `start` begins on its line (at most 160 characters back). */
  private sentenceStart(start: number, ls: number): number {
    let s = start;
    while (s > ls && s > start - 160 && !sentenceEndAt(this.text, s - 1)) s--;
    return s;
  }
  /** The sentence's text before `start` (its patient words make the name a patient's: "pt Maria Garcia"). */
  private sentenceBefore(start: number, ls: number): string {
    return this.text.slice(Math.max(this.sentenceStart(start, ls), start - 64), start);
  }

  /** Does an item of a roster (rosterItems) start at `start` on line i? (Each line's roster is read once.) */
  private onRoster(i: number, start: number): boolean {
    let items = this.rosters[i];
    if (items === undefined) {
      const starts = rosterItems(this.text, this.starts(i), this.ends(i));
      this.rosters[i] = items = starts.length === 0 ? NO_ITEMS : new Set(starts);
    }
    return items.has(start);
  }
  private readonly rosters: Array<ReadonlySet<number>> = [];

  /**
   * The place (without its vetoes) that names a colleague, if any; see `at`. `Place.Titled`: the
   * name is written with its job, a title, credential or extension right after it ("Brianna Holt,
   * Clinic Supervisor", "Anjali Menon (Epic Web/Portal analyst)", "Nkechi Obi-Eze RN") or a job right
   * before it ("charge RN Lauren Fitzgerald"). Then the care words of a healthcare IT ticket
   * ("portal", "labels", "registration") in its sentence do not make it a patient's; only patient,
   * relative and employee-health words do (TITLED_VETO).
   */
  private colleague(start: number, end: number, ls: number, le: number, next: number): Place {
    const { text } = this;
    // "appt 11/19/2024 08:20 w/ Dr. Lindqvist", "routed to Dr. Haruto Sato's inbox": a clinician,
    // whatever patient words share the sentence (the patient's visit is with them), unless the words
    // around the name make the doctor the patient or a relative ("opened the chart of Dr. Robert
    // Lindqvist", "Dr. Nathaniel Brooks, one of our hospitalists, was admitted", "Dr. Lee's own MyChart")
    if (this.doctorBefore(start, ls)) {
      const clause = clauseBefore(text, ls, start);
      const rest = text.slice(end, Math.min(le, end + 80));
      // (or the doctor's work after the name: "Dr. Kessler's office", "Dr. Yamamoto's in basket", "Dr. Ferrer (Radiology) already read it")
      if ((CLINICIAN_BEFORE.test(clause) || DOCTOR_WORK_AFTER.test(rest)) && !DOCTOR_PATIENT_BEFORE.test(clause) && !DOCTOR_PATIENT_AFTER.test(rest)) return Place.Header;
    }
    const afterEnd = Math.min(le, end + 48);
    // (each pattern on the text after the name runs only when its first characters can be there)
    const c0 = end < le ? text.charCodeAt(end) : 0;
    const space0 = c0 === 32 || c0 === 9;
    const after = next === 44 || next === 40 || space0 || c0 === 44 || hasXIn(text, end, afterEnd) ? text.slice(end, afterEnd) : '';
    // (the phrase checks before the name run only when one of the last words could end such a phrase)
    const from = Math.max(ls, start - 48);
    const words = lastWordsFlags(text, from, start, 3);
    // (ROLE_BEFORE ends with a job word, "is" or "was", or with "of" and a department's words: the
    // last word is a job word or there is an "of")
    const jobWord = (words & WORD_JOB) !== 0 && ((words & (WORD_JOB << LAST_WORD)) !== 0 || hasOf(text, from, start));
    const grantWord = (words & WORD_GRANT) !== 0;
    const before = jobWord || grantWord ? text.slice(from, start) : '';
    // a comment's header, "Josh Pettigrew (ACH Patient Access) 05/27:", "Tobias Wendt 05/13 09:40",
    // "Comment (Yolanda Cruz, 09:30)": its author, unless the bracket says it is a patient or the comment
    // speaks of its writer's own care (the comment itself may well name patients)
    if (
      ((start - ls <= 6 && space0 && HEADER_OPENING.test(text.slice(ls, start)) && (recentHeaderDate(after) || ADDED_COMMENT_AFTER.test(after))) ||
        (next === 44 && this.nextCodeBefore(start, ls) === 40 && TIME_IN_BRACKET_AFTER.test(after) && teamParenBefore(text.slice(Math.max(ls, start - 48), start)))) &&
      !SPEAKER_NOT_STAFF.test(after.replace(/^[ \t]*/, '')) &&
      !this.writerIsPatient(this.lineOf(start)) &&
      // (a list of a person's visits or a log's lines, "From the visit list:\nAhmed Qureshi 03/02: ED visit, …",
      // "Jorge Villalobos 06/02 08:15: APPT NOT FOUND" twice: a heading over it, or the name again on the next line)
      !this.colonHeading(this.lineOf(start)) &&
      !this.sameNameNextLine(this.lineOf(start), start, end)
    ) {
      return Place.Header;
    }
    // "Mei-Ling Chou, CPhT", "Nkechi Obi-Eze RN", "Imani Richardson, Materials Mgmt, x3-4188": a
    // colleague's credential or extension (a signature even under a patient's lines)
    if ((credentialMayFollow(text, end, le) && CREDENTIAL_AFTER.test(after)) || (hasX(after) && EXTENSION_AFTER.test(after)) || (PAGER_WORD.test(after) && PAGER_AFTER.test(after))) return Place.Signed;
    // "Rhonda Jefferson, practice manager, 555-0138": a job in small letters after a comma
    if (next === 44 && JOB_LOWER_AFTER.test(after)) return Place.Titled;
    // "Stellan Boyko (interfaces) restarted …": an IT team in brackets, in small letters too
    if (next === 40 && IT_TEAM_AFTER.test(after)) return Place.Titled;
    if (next === 40 && RECORDS_TEAM_AFTER.test(after) && !ABOUT_BEFORE.test(text.slice(Math.max(ls, start - 16), start))) return Place.Titled;
    // "Owner: Network Security - Ivan Petrov", "Assigning to Ambulatory Apps - Odalys Ferrer": a team, a dash, the name closing its line or sentence
    if ((end === le || sentenceEndAt(text, end)) && this.nextCodeBefore(start, ls) !== 0 && isDash(this.nextCodeBefore(start, ls)) && TEAM_DASH_BEFORE.test(text.slice(Math.max(ls, start - 40), start))) return Place.Titled;
    if (
      // "user jmorales2 (Jorge Morales, Patient Access)", "Michelle Park (Quality Analyst)"
      // (a bare department in brackets may be where a patient is: "John Hall (Radiology)" in a list of patients)
      (next === 44 && ROLE_AFTER.test(after)) ||
      (next === 40 && JOB_AFTER.test(after)) ||
      // "Jessica Cote in Patient Access says …", "Sofia Córdova from Interpreter Services", "Caitlin Bragdon in portal
      // support": a colleague by a department no patient is in (not "from the lab" nor "from scheduling": a specimen's or an
      // appointment's patient)
      // (not a thing for someone, "Statement for John Smith from Billing", nor the writer introducing themselves, "This is
      // Denise from Payroll - the encounter …": an employee may write of their own care)
      (space0 && (OFFICE_AFTER.test(after) || OFFICE_ACRONYM_AFTER.test(after)) && !FOR_OR_SELF_BEFORE.test(text.slice(Math.max(ls, start - 16), start))) ||
      // "no relation to Sarah Whitcomb in HIM", "(Monica Valdez - not related, already asked)": the writer tells a
      // colleague who shares a patient's name apart from the patient, having asked (not "Wilma Gautreaux is not related to Lauren"
      // nor "It went to Joseph Kowalczyk - no relation, just a similar name": the patients)
      (start - ls >= 12 && RELATION_DENIED_BEFORE.test(text.slice(Math.max(ls, start - 28), start))) ||
      RELATION_DENIED_AFTER.test(after) ||
      // "his manager, Angela Diaz", "The research analyst Hannah Fischer", "Interfaces on-call (Tom Reilly)"
      (jobWord && endsWith(ROLE_BEFORE, before, 8) && !PATIENT_BEFORE.test(this.sentenceBefore(start, ls))) ||
      // "Telecom (Darius Farahani)", "Biomed (Ron Tibbets)": a team's colleague in brackets (no clinical department's)
      (next === 41 && this.nextCodeBefore(start, ls) === 40 && teamParenBefore(text.slice(Math.max(ls, start - 48), start)) && !PATIENT_BEFORE.test(this.sentenceBefore(start, ls)))
    ) {
      return Place.Titled;
    }
    // a bold speaker label ("*Stefan Novak:* Epic bridges error …"), a desk's agent ("IT Desk – Luca Bianchi:",
    // "Security Desk – Ahmed Karimi <…>"), an agent who pasted or described ("described by agent Yuki Tanabe")
    if (
      ((start - ls <= 4 && text.charCodeAt(start - 1) === 42 && /^[ \t]*\*$/.test(text.slice(ls, start)) && /^:\*/.test(text.slice(end, end + 2))) ||
        (deskAgentMayEnd(text, Math.max(ls, start - 32), start) && deskAgentBefore(text.slice(Math.max(ls, start - 32), start)))) &&
      !this.writerIsPatient(this.lineOf(start))
    ) {
      return Place.Header;
    }
    const place =
      // "Please add Dr. Raymond Okafor to …", "Contact Dr. Lee": a provider (Safe Harbor is about the
      // patient's name), vetoed by any patient or care word (a doctor may be the patient)
      (this.doctorBefore(start, ls) && !PATIENT_BEFORE.test(this.sentenceBefore(start, ls))) ||
      // "Mr. Gonzalez from Facilities"
      (space0 && next === 102 && FROM_DEPARTMENT.test(after)) ||
      // "Kevin O'Donnell changed the status of …" (Jira's activity line)
      (start - ls <= 2 && space0 && JIRA_ACTIVITY.test(after)) ||
      // "Please grant X and Y access", "add X to the group": an IT request for colleagues
      (grantWord && endsWith(GRANT_BEFORE, before, 4) && GRANTED.test(text.slice(end, Math.min(le, end + 120))) && !OWN_REQUEST.test(text.slice(Math.max(ls, start - 80), Math.min(le, end + 120)))) ||
      // chat lines: "[9:14 AM] Nguyen, Thao", "Ivan Horvat  11:02 PM  text"
      (((start - ls <= 24 && this.nextCode(ls, start) === 91 && CHAT_TIME_BEFORE.test(text.slice(ls, start))) || (start - ls <= 2 && (space0 || c0 === 44) && CHAT_TIME_AFTER.test(after))) &&
        !this.patientSpeaking(this.lineOf(start))) ||
      // "Pt is scheduled in Cardiology 06/20/2024. - Hailey Brennan": a dash signing off a line
      // (DASH_SIGN_OFF ends with a dash and spaces: tried only after a dash)
      (next === 0 && isDash(this.nextCodeBefore(start, ls)) && DASH_SIGN_OFF.test(text.slice(Math.max(ls, start - 8), start)) && !this.personalBelow(this.lineOf(start)));
    return place ? Place.Other : Place.None;
  }

  /** "Dr." / "Dr" / "Doctor" right before the name on its line. */
  private doctorBefore(start: number, ls: number): boolean {
    const k = this.spacesBefore(start, ls);
    if (k === start) return false;
    // (only "…Dr.", "…Dr" or "…Doctor" can end here)
    const c = this.text.charCodeAt(k - 1);
    if (c !== 46 && c !== 114) return false;
    // (each pattern ends with "Dr.", "Dr" or "Doctor", case as written)
    if (!this.endsAt(k, ls, 'Dr.') && !this.endsAt(k, ls, 'Dr') && !this.endsAt(k, ls, 'Doctor')) return false;
    const before = this.text.slice(Math.max(ls, k - 24), k);
    // ("Dr" without its period after a capitalised word is a street: "1737 Cheriton Dr")
    return /(?:^|[^A-Za-z])Dr\.$/.test(before) || /(?:^|[^A-Za-z])(?:Dr|Doctor)$/.test(before) && !/[A-Z][a-z]*[ \t]+(?:Dr|Doctor)$/.test(before);
  }

  /** Does text[ls, k) end with `word` (case as written)? */
  private endsAt(k: number, ls: number, word: string): boolean {
    return k - word.length >= ls && this.text.startsWith(word, k - word.length);
  }

  /** Is the name at start after "for", in a sentence about an IT service and no patient's one? */
  private itServiceFor(start: number, ls: number): boolean {
    const text = this.text;
    const k = this.spacesBefore(start, ls);
    if (k - 3 < ls || (text.charCodeAt(k - 3) | 32) !== 102 || (text.charCodeAt(k - 2) | 32) !== 111 || (text.charCodeAt(k - 1) | 32) !== 114) return false; // "for"
    if (k - 4 >= ls && isAsciiLetter(text.charCodeAt(k - 4))) return false;
    // the sentence before "for", on this line
    const from = Math.max(ls, k - 3 - 80);
    const before = text.slice(from, k - 3);
    const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '));
    const sentence = stop === -1 ? before : before.slice(stop + 2);
    return IT_SERVICE.test(sentence) && !PATIENT_SERVICE.test(sentence);
  }

  /** Does the word at w open its line or a sentence ("Owner Jany Wolff", "… by Friday. Owner Jany Wolff")? */
  private opensSentence(w: number, ls: number): boolean {
    const k = this.spacesBefore(w, ls);
    if (k === ls) return true;
    const c = this.text.charCodeAt(k - 1);
    return c === 46 || c === 33 || c === 63 || c === 45 || c === 42 || c === 40 || c === 0x2013 || c === 0x2014;
  }

  /**
   * Do the three lines after line i show the writer's own details (a consumer mail address, a home
   * address's state and ZIP, a bare phone number, "Sent from my iPhone", patient words or data)?
   * Staff sign with a role or the organisation's details.
   */
  private personalBelow(i: number): boolean {
    for (let j = i + 1; j < this.lines && j <= i + 3; j++) {
      const line = this.lineText(j);
      if (line.trim() === '') return false;
      if (STATE_ZIP.test(line) || PATIENT_DATA.test(line) || PATIENT_LINE.test(line) || OWN_CONTACT.test(line) || this.consumerAddress(line)) return true;
    }
    return false;
  }

  /** Per line, when first asked: a field naming who raised the ticket, by someone writing of their own care around it. */
  private readonly raiserLines: boolean[] = [];
  private raiserAsPatient(i: number): boolean {
    let v = this.raiserLines[i];
    if (v === undefined) {
      const c = this.labelCode(i) | 32;
      v = (c === 114 || c === 115 || c === 99) && RAISED_BY_FIELD.test(this.lineText(i)) && (this.careAbove(i) || this.careInBody(i));
      this.raiserLines[i] = v;
    }
    return v;
  }
  /** First-person care talk (MY_CARE) on the lines above line i in its block, at most three: a ticket's summary over its fields. */
  private careAbove(i: number): boolean {
    for (let j = i - 1; j >= 0 && j >= i - 3 && this.kindOf(j) !== KIND_BLANK; j--) if (this.careLine(j)) return true;
    return false;
  }
  /** First-person patient talk on line i or the two lines under it ("[10:42 AM] Maria Garcia: my MRN is …"). */
  private patientSpeaking(i: number): boolean {
    for (let j = i; j < this.lines && j <= i + 2; j++) if (this.careLine(j)) return true;
    return false;
  }
  /** MY_CARE on line i's text (lineText: cut when long), once per line. */
  private careLine(i: number): boolean {
    return (this.careLines[i] ??= MY_CARE.test(this.lineText(i)));
  }
  /**
   * Does line i or one of the two under it speak as a patient: of the writer's own care (patientSpeaking),
   * or saying the writer or caller is the patient ("This is Harold the patient", "caller is the pt himself")?
   */
  private writerIsPatient(i: number): boolean {
    if (this.patientSpeaking(i)) return true;
    for (let j = i; j < this.lines && j <= i + 2; j++) if (PATIENT_SELF.test(this.lineText(j))) return true;
    return false;
  }
  /** Does the line under line i open with the same name (a list of one person's events)? */
  private sameNameNextLine(i: number, start: number, end: number): boolean {
    if (i + 1 >= this.lines) return false;
    const next = this.lineText(i + 1).replace(/^[ \t*>-]*/, '');
    return next.startsWith(this.text.slice(start, end));
  }
  /** Per line with an action item's "(owner …)", when first asked: patient, care or family words on it. */
  private readonly ownerLineVetoes: boolean[] = [];
  /** Per line, when first asked: first-person care talk on it (MY_CARE). */
  private readonly careLines: boolean[] = [];

  /** First-person patient talk ("my lab results", "my bill") in the paragraph above the sign-off on line i. */
  private patientWriting(i: number): boolean {
    let v = this.writingLines[i];
    if (v === undefined) {
      // MY_CARE on text[from, starts(i)), read line by line: no match spans a line break (every part
      // of it is on one line), so each whole line's answer (careLine, shared by the sign-offs under
      // it) stands for its part of the window; only the window's cut first line is read on its own
      const from = Math.max(0, this.starts(i) - 600);
      let j = this.lineOf(from);
      v = false;
      if (j < i && from > this.starts(j)) {
        v = MY_CARE.test(this.text.slice(from, this.breaks[j]!));
        j++;
      }
      // (a long line's lineText is cut: it is read whole)
      for (; !v && j < i; j++) v = this.isLong(j) ? MY_CARE.test(this.text.slice(this.starts(j), this.ends(j))) : this.careLine(j);
      this.writingLines[i] = v;
    }
    return v;
  }
  /** Per sign-off line, when first asked: patientWriting's answer. */
  private readonly writingLines: boolean[] = [];
}

/** Letters, ' ’ - and '.' (an initial's): what a name's words are made of. */
function isNamePart(c: number): boolean {
  return isAsciiLetter(c) || c === 39 || c === 0x2019 || c === 45 || c === 46 || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

/** For tests only (test/unit/phi-workforce-gates.test.ts): the gates that stand before regexes, and those regexes. */
export const __testing = {
  opensWith,
  letterMask,
  SIGN_OFF_LETTERS,
  SIGN_OFF,
  GREETING_LETTERS,
  GREETING_BEFORE,
  ROSTER_OPENERS,
  ROSTER_LABEL,
  rosterLabelMay,
  LABEL_LETTERS,
  LABEL_FIELD,
  LABEL_SENDER,
  LABEL_RECIPIENT,
  FIELD_LINE,
  RAISED_BY_FIELD,
  SENDER_LINE,
  RECIPIENT_LINE,
  STAFF_FIELD_LINE,
  DESK_AGENT_BEFORE,
  DESK_OR_BY,
  deskAgentMayEnd,
  JOBS,
  ROLE_BEFORE,
  GRANT_BEFORE,
  endsWith,
  lastWordsFlags,
  hasOf,
  WORD_JOB,
  WORD_GRANT,
  LAST_WORD,
  JOB_WORDS,
  GRANT_WORDS,
  JOB_GRANT_WORDS,
  TASK_ROLES,
  SENTENCE_ROLES,
  ROLE_LENGTHS,
  TASK_WORDS,
  TASK_ONE,
  TASK_SENTENCE,
  TASK_TO,
  TASK_BY,
  TASK_BEFORE_TO,
  TASK_BEFORE_BY,
  MY_CARE,
  TEAM_ACRONYMS_BEFORE,
  hasCapitalPair,
  DASH_SIGN_OFF,
  isDash,
  SENDER_NAMED,
};
