/**
 * Person names without a trained model: runs of capitalised words scored by census name lists,
 * common-word and product-name lists, the shape of the run (First Last, Last, First, initials,
 * ALL CAPS) and the words around it (titles, "patient", "name is", clinical vs technical context).
 */
import { isAsciiLetter, isDigitCode, isRegexSpace, isUpperAscii, isWordCode } from './chars';
import { Cue, Fact, WordTag, registerSpellingFacts, registerWords, tagWords, type KnownEntry, type Scan, type TokenInfo } from './context';
import { COMMON_WORDS, FIRST_NAMES, SURNAMES, TECH_WORDS, TITLES, US_STATE_CODES } from './lexicon';
import type { Emit } from './patterns';
import { TEST_FAMILY } from './structured';

const POSSESSIVE = /['’]s$/;
/** Capitalised words that are never a person's name in a ticket: calendar words, languages, labels. */
const NOT_NAMES = new Set(
  ('monday tuesday wednesday thursday friday saturday sunday january february march april june july august ' +
    'september october november december christmas easter thanksgiving labor memorial independence day holiday ' +
    'english spanish french german italian chinese japanese russian polish portuguese arabic hindi korean dutch ' +
    'american british canadian european african asian union kingdom republic states princess royal ' +
    'fax phone mobile desk cell tel email bot user agent customer client admin administrator support team ' +
    'hello hi hey dear thanks regards cheers sincerely best kind warm attn re fw fwd ok yes no please ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thur thurs fri sat sun ' +
    'to on my from cc bcc subject sent date rep payer nbr mi hola gracias biomed pharmacy nursing radiology lab demographics addr center centre rm ref backout callback case specialty cardiology oncology pediatric pediatrics neurology ' +
    'orthopedics dermatology urology nephrology pulmonology gastroenterology endocrinology psychiatry obstetrics gynecology ' +
    'dea npi mrn ssn dob mbi vin dl rx id icd cpt hipaa phi pii ehr emr adt ' +
    'kaiser molina aetna cigna humana anthem ambetter centene medicare medicaid tricare bcbs wellcare oscar highmark ' +
    'premera regence optum unitedhealthcare united healthcare blue cross shield ' +
    // EHR screens and departments ("opening In Basket", "Bio-med: infusion pump")
    'basket hyperspace bio-med d.o.b geri-psych med-surg ' +
    // mail headers ("X-Mailer: PHPMailer", "Authentication-Results: spf=fail")
    'x-mailer authentication-results return-path received-spf dkim-signature x-originating-ip reply-to message-id content-type mime-version ' +
    // pronouns opening a sentence ("Pt Maria Lee. He called back")
    'he she they we it his hers him them their ' +
    // ticket shorthand and family words ("Dad is on 6N", "Med: lorazepam", "Clin Apps", "Adm: 09-Mar-2025")
    'dad mommy daddy grandma grandpa med meds app apps dir acct appt appts accession medicine adm att lookup username attendees ' +
    // ticket words that open a sentence ("Prescriber Dr. …", "Armband said …")
    'prescriber telehealth doc armband wristband billing newborn decedent').split(' '),
);
/**
 * Surnames that are no name standing alone: a pronoun, a family word or a word opening a sentence
 * ("Her DOB is …", "Mom is on 6N", "Fix: …", "Endo clinic", "MRN,Last,First,DOB"). Beside another
 * name they are one ("Tou Her", "Her, Tou", "Endo, Hiroshi", "Mom Sophal", "First, Lorraine"). So
 * are "I'm", "I'll": alone they open a sentence ("I'll let the team know"), before a name they
 * introduce it ("I'm Naomi Ryan").
 */
const LONE_NOT_NAMES: ReadonlySet<string> = new Set("her mom endo fix band first last middle test both channel coll body maine comp screen kiosk printer display dialog popup banner key service study link stork saas millennium mom's mom’s i'm i’m i'll i’ll i've i’ve i'd i’d".split(' '));
/** Words that open no lower-case name after "name" or "pt" ("name in lower case", "pt is on 4W"). */
const FUNCTION_WORDS: ReadonlySet<string> = new Set('in on at is was are the a and or for of to with from by as not has had will can'.split(' '));
const CAMEL = /[a-z][A-Z]/;
const DOT_LOWER = /\.[a-z]/;
const ACRONYM_PLURAL = /^[A-Z]{2,}s$/;
const MONTH_AFTER = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/;
/** A building, a wing or a lobby named after a person ("Wexford Tower", "Feinberg Bldg", "Abernathy Lobby"). */
const BUILDING_WORDS: ReadonlySet<string> = new Set(['Tower', 'Bldg', 'Building', 'Pavilion', 'Wing', 'Hall', 'Lobby', 'Annex', 'Campus', 'Garage', 'Center', 'Centre', 'Valley', 'Township', 'Twp', 'County', 'Heights']);
/**
 * A place's first word: "New Castle", "North Butler", "Upper St. Clair"; not "Port Barre" nor "Fort Wayne", where a patient may
 * live as often as a clinic stands.
 */
const PLACE_FIRST_WORDS: ReadonlySet<string> = new Set(['New', 'North', 'South', 'East', 'West', 'Upper', 'Lower', 'Mount']);
/** The second word of such a place: a surname or an everyday word, no first name ("New Castle", "North Butler"; not "West Tamara", "North Jaxon"). */
const placeWordAfterCompass = (w: string) => !FIRST_NAMES.has(w) && (SURNAMES.has(w) || COMMON_WORDS.has(w));
/** A site's department or an island after one word ("Kailua Peds", "Hilo Ortho", "QLMC Hospitalist", "Big Island"; not "Nohea Kealoha Peds"). */
const DEPARTMENT_WORDS: ReadonlySet<string> = new Set(['Peds', 'Ortho', 'Hospitalist', 'Hospitalists', 'Cardiology', 'Oncology', 'Radiology', 'Urology', 'Neurology', 'Pediatrics', 'Orthopedics', 'Lab', 'Pharmacy', 'Island', 'Behavioral', 'Behavioural']);
/** Test patients and placeholders ("ZZZTEST, ALPHA", "ZZTEST, LABONE", "TEST, PATIENT"). */
const TEST_NAME = /^(?:ZZ|XXX|TEST)/;
/** Names that are also a month or a day's short form (the rest are in NOT_NAMES). */
const DATE_WORDS: ReadonlySet<string> = new Set(['May', 'Thu', 'Mon', 'Tue', 'Wed', 'Fri', 'Sat', 'Sun']);
const COMPASS: ReadonlySet<string> = new Set(['North', 'South', 'East', 'West', 'NORTH', 'SOUTH', 'EAST', 'WEST']);
/** A company word after a run of names makes it a company's name ("Allen Media", "Mayo Clinic", "Baxter Healthcare"). */
const ORG_AFTER =
  /(?:[ ](?:[&][ ][A-Z][a-z]+[ ])?(?!(?:To|For|From|In|At|On|And|The|With|Of|By)\b)(?:[A-Z][a-z]+|[A-Z]{2,5})){0,2}[ ](?:Pavilion|Wing|Tower|Building|Bldg|Lobby|Annex|Hall|Campus|Center|Centre|Women's|Children's|Media|Health System|Inc|Corp|Corporation|LLC|Ltd|Technologies|Solutions|Software|Networks|Pharmaceuticals|Diagnostics|Foundation|Institute|University|College|Bank|Electric|Medical Systems|Healthineers|Team|Queue|[Pp]rogram|[Pp]rogramme)\b/y;
/** Payers and health systems whose names read as a person's (two words, lower case). */
const ORG_NAMES: ReadonlySet<string> = new Set([
  'harvard pilgrim', "martin's point", 'martins point', 'tufts health', 'kaiser permanente', 'blue cross', 'blue shield', 'wellcare health',
  'molina healthcare', 'ambetter health', 'oscar health', 'priority health', 'medical mutual', 'baylor scott', 'scott white', 'dean health',
  'security health', 'quartz health', 'sanford health', 'essentia health', 'avera health', 'allina health', 'mayo clinic', 'cleveland clinic',
  'ochsner health', 'geisinger health', 'highmark health', 'premera blue', 'regence blue', 'moda health', 'paramount health',
  'magellan health', 'beacon health', 'optum health', 'evernorth health', 'carelon health', 'presbyterian health',
  'christus health', 'mercy health', 'trinity health', 'ascension health', 'providence health', 'intermountain health', 'banner health',
  'northern light', 'maine medical', 'mass general', 'brigham health', 'dartmouth health', 'lahey health', 'beth israel', 'hackensack meridian',
]);
/** A patient's word right before a run ("Decedent Cornelius Kilbride Funeral Home release form", "Guarantor: Her"). */
const PERSON_WORD_BEFORE = /\b(?:pts?|patient|decedent|deceased|resident|member|guarantor|mom|dad|son|daughter|wife|husband|(?:maiden |last |legal |family )?name(?: is)?|surname(?: is)?)[ \t:]+$/i;
/**
 * A clinic's, a practice's or a business's word after a run: a place ("Westbrook Community Hospital",
 * "Hargrove Funeral Home"), unless the run is a person's first name and surname ("Olive Sherwood Home
 * Health start of care": the patient the referral is for).
 */
const PLACE_AFTER =
  /(?:[ ](?:[&][ ][A-Z][a-z]+[ ])?(?!(?:To|For|From|In|At|On|And|The|With|Of|By)\b)(?:[A-Z][a-z]+|[A-Z]{2,5})){0,2}[ ](?:Clinics?|Hospital|Family Medicine|Family Practice|Internal Medicine|Primary Care|Urgent Care|Pediatrics|Orthopedics|Dental|Imaging|Behavioral Health|Home Health|Hospice|Funeral Home|Courier|Pharmacy|Associates|LLP|PLLC)\b/y;
/**
 * A site's or a team's word in small letters after a run, or an organisation's "Health" closing its
 * name: "the Benson clinic", "Marana's front desk", "Everly branch", "Desmond's team", "Greene
 * County", "Ouachita Hills Health: Reminder", "Calloway Ridge Health | IT" (a person's name whoever
 * it is, first name and surname or not, is no such place).
 */
const SITE_AFTER =
  /[ ](?:clinics?\b(?! (?:visits?|appts?|appointments?|notes?|follow[- ]?ups?|f\/u|check[- ]?ins?|intakes?|consults?)\b)|front desk\b|branch\b|campus\b|lab draw\b|team\b|County\b|county\b|practices?\b(?! (?:visits?|appts?|appointments?)\b)|walk-in\b|ED\b(?! (?:visits?|arrival|triage)\b)|office\b(?! (?:visits?|appts?|appointments?)\b)|Behavioral Health\b|Health(?=[ ]?[,:;|)\n]|[ ](?:System|Staff|Services|Network|IT|Information|clinic)\b|$))/y;
const CHECKED_IN_BEFORE = /\bcheck(?:ed|ing|s)? in[ \t]+$/i;
/** Does an organisation's or a place's word follow a name that ends at `end` ("Westbrook Community Hospital", "Eldridge Point Clinic")? */
export function orgAfter(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 32) return false; // (both start with a space)
  ORG_AFTER.lastIndex = end;
  if (ORG_AFTER.test(text)) return true;
  PLACE_AFTER.lastIndex = end;
  return PLACE_AFTER.test(text);
}
const SURNAME_PREFIX = /^(?:Mc|Mac|O'|O’|De|Di|Da|Du|La|Le|Van|Von)[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?$/;
const HAS_NON_ASCII = /[\u00C0-\u024F]/;
/** An HL7 name of a build's test patient. */
const TEST_PATIENT_NAME = new RegExp(`^${TEST_FAMILY}`, 'i');
/** A record's identifier or birth date right after a word: "(MRN 4009…", ", DOB 3/4/…", ", CSN 1100…". */
const RECORD_ID_LABEL = String.raw`,?[ ]?\(?(?:MRN|MR#|DOB|D\.O\.B|CSN|FIN|EMPI)\b`;
const RECORD_ID_AFTER = new RegExp(`^${RECORD_ID_LABEL}`);
/** A middle initial (and a generational suffix) before a record's identifier: "HOLLENBECK, TRAVIS| J JR (MRN …". */
const INITIAL_THEN_RECORD_ID = new RegExp(String.raw`^[ ][A-Z]\.?(?:,?[ ](?:JR|SR|Jr|Sr|II|III|IV)\.?)?` + RECORD_ID_LABEL);
/**
 * RECORD_ID_AFTER at `p`. Its label starts with M, D, C, F or E after at most one each of ',', ' ',
 * '(' (none of which a label starts with), so any other character there rules it out before slicing.
 */
export function recordIdAfter(text: string, p: number): boolean {
  let q = p;
  if (text.charCodeAt(q) === 44) q++;
  if (text.charCodeAt(q) === 32) q++;
  if (text.charCodeAt(q) === 40) q++;
  const c = text.charCodeAt(q);
  return (c === 77 || c === 68 || c === 67 || c === 70 || c === 69) && RECORD_ID_AFTER.test(text.slice(p, p + 12));
}
/** INITIAL_THEN_RECORD_ID at `p` (a space and a capital first). */
function initialThenRecordId(text: string, p: number): boolean {
  return text.charCodeAt(p) === 32 && isUpperAscii(text.charCodeAt(p + 1)) && INITIAL_THEN_RECORD_ID.test(text.slice(p, p + 24));
}
/** Clinical shorthand with a lower-case name: "pt john smith", "patient: mary jones". */
/**
 * "pt", "pts", "patient", and what may follow them before the name: "pt's name is", "patient name:",
 * "pt is" (a name in the shorthand of a chat, "pt is evelyn costa").
 */
const PT_INTRO = String.raw`(?:[Pp]ts?|PT|[Pp]atient|PATIENT)(?:['’]s)?(?:[ ](?:name|NAME))?(?:[ ](?:is|IS))?`;
/** A nickname between a first and last name: "evelyn (evie) costa", "robert 'bobby' wallace". */
const NICKNAME = String.raw`[ ](?:\([a-z][a-z'-]+\)|['"‘“][a-z][a-z'-]+['"’”])`;
const LOWER_NAME_RE = new RegExp(String.raw`(?:${PT_INTRO}|[Mm]y name is|[Nn]ame(?::| is(?: actually| really)?)|[Ff]or pt|[Rr]e:? pt)\.?:?[ ]{1,2}([a-z][a-z'-]+)(?:[ ]([a-z])\.?|${NICKNAME})?[ ]([a-z][a-z'-]+)`, 'y');
/**
 * The known words those phrases start with: the patterns run only where one stands (and where the
 * characters after it fit: see nameRule, which tells them apart by their first letter).
 */
tagWords(['pt', 'pts', 'patient', 'my', 'name', 'for', 're'], WordTag.LowerIntro);
/** A census surname (no ordinary word) after a title in lower case: "it filed on mr hubbard in 716". */
const LOWER_TITLED_RE = /(?:mr|mrs|ms)\.?[ ]([a-z](?:[a-z-]|'(?!s\b)){2,})\b(?![ ]from\b)/y;
/** Words a person's "ms" follows ("labels for ms pearson", "pt ms hubbard", "called ms ortiz"). */
const PERSON_BEFORE_MS = /(?:\b(?:for|to|with|of|on|at|per|from|is|was|pt|pts|patient|called|call|tell|told|ask|asked|and|re)|[,:(.!?])[ ]$/i;
// (registered: the scan finds only known words, and "mrs" and "ms" are no other rule's)
registerWords(['mr', 'mrs', 'ms']);
tagWords(['mr', 'mrs', 'ms'], WordTag.LowerTitle);
/** "dob", "mrn" (lower case, a whole word) at the start of a slice. */
const RECORD_WORD = /^(?:dob|mrn|d\.o\.b)\b/;
/** What follows "mr" as an imaging study, not a title: a body part, a study's kind. */
const MR_STUDY = /^(?:brain|head|spine|[cl]-?spine|knee|shoulder|hip|abd(?:omen)?|pelvis|chest|arthrogram|angiogram|mra|mrv|mrcp|enterography|cardiac|breast|prostate|liver|lumbar|cervical|thoracic|orbits?|ankle|wrist|elbow|neck|foot|hand|iac|pituitary|sella|w|wo|with|without|contrast|scan|scanner|suite|tech|safety|conditional|[a-z]+(?:gram|graphy|scopy))$/i;
/** A record's label right after a word: " (DOB", ", mrn". */
const RECORD_LABEL_AFTER = /^,?[ ]?\(?(?:dob|mrn|d\.o\.b)\b/i;
/** Two lower-case words right before a record's label, maybe with a middle initial: "marcus jones, ", "marcus jones (", "garcia, maria. ", "carol a bennett ". */
const LOWER_NAME_BEFORE_RECORD = /(?:^|[^A-Za-z'-])([a-z][a-z'-]+)(,?) (?:[a-z]\.? )?([a-z][a-z'-]+)[,.]? ?\(?$/d;
/**
 * A "Last, First [M]" right before a record's label, or in brackets right after its number ("pt:
 * VUE, TOU   mrn 40290345", "FERRIS, JUNE E (MRN …", "Petrov, Alexei, DOB …", "MRN 5520017886
 * (Oyelowo, Funmi - …)"): a patient's, whether or not the census lists its words (a month may be a
 * first name there). Both words written alike, capitalised or in capitals; see recordNameWord. (Each
 * word at most 41 characters: the sticky search after an MRN runs on the whole text, and an unbounded
 * word would backtrack over a long run of letters.)
 */
/** "Last, First [M]": two words written capitalised or in capitals, each captured, then an initial. */
const RECORD_LAST_FIRST = String.raw`([A-Z](?=[A-Za-z'’-]{0,39}[a-z])[A-Za-z'’-]{1,40}|[A-Z][A-Z'’-]{0,39}[A-Z]),[ ]([A-Z](?=[A-Za-z'’-]{0,39}[a-z])[A-Za-z'’-]{1,40}|[A-Z][A-Z'’-]{0,39}[A-Z])(?:[ ][A-Z]\.?)?`;
const LAST_FIRST_BEFORE_RECORD = new RegExp(String.raw`(?:^|[^A-Za-z0-9'’-])${RECORD_LAST_FIRST}(?:[ ]{1,3}|[ ]?[,(|/-][ ]?|\.[ ])$`, 'd');
const RECORD_THEN_LAST_FIRST = new RegExp(String.raw`(?:MRN|mrn)[ ]?[#:]?[ ]?[A-Z]{0,3}\d{5,12}[ ]?[(=-][ ]?${RECORD_LAST_FIRST}(?![A-Za-z0-9'’-])`, 'dy');
/** A record's label at the start of a slice, any case, and a value after it: "MRN 4029…", "dob: 6/2", "(MRN E1120388". */
const RECORD_LABEL_ANY = /^(?:mrn|dob|d\.o\.b\.?)[ \t:#.]{0,3}(?:[A-Z]{1,3}-?)?\d/i;
/** Months that are first names too ("FERRIS, JUNE E (MRN …"). */
const MONTH_FIRST_NAMES: ReadonlySet<string> = new Set(['april', 'may', 'june', 'august']);
/** Column headings and placeholders that a "Last, First" heading row is made of ("LAST, FIRST, MRN"). */
const RECORD_HEADING_WORDS: ReadonlySet<string> = new Set(['last', 'first', 'middle', 'name', 'names', 'patient', 'pt', 'test', 'unknown', 'doe', 'trauma']);

/** A word of a "Last, First" beside a record's label: listed by the census, or no ordinary, product or calendar word. */
function recordNameWord(w: string, first: boolean): boolean {
  const l = w.toLowerCase().replace(POSSESSIVE, '');
  if (RECORD_HEADING_WORDS.has(l) || TEST_NAME.test(w)) return false;
  if (first && MONTH_FIRST_NAMES.has(l)) return true;
  if (NOT_NAMES.has(l) || TITLES.has(l)) return false;
  if (FIRST_NAMES.has(l) || SURNAMES.has(l)) return true;
  return !COMMON_WORDS.has(l) && !TECH_WORDS.has(l);
}
/**
 * Are two words written alike, capitalised or both in capitals? (Two short words in capitals, "CBC,
 * BMP", are a lab's codes unless the census lists one: "VUE, TOU".)
 */
function sameCase(a: string, b: string): boolean {
  const capsA = a === a.toUpperCase();
  if (capsA !== (b === b.toUpperCase())) return false;
  if (!capsA || (a.length >= 4 && b.length >= 4)) return true;
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return FIRST_NAMES.has(la) || SURNAMES.has(la) || FIRST_NAMES.has(lb) || SURNAMES.has(lb);
}

/** The "Last, First" names beside the record's label at p (see LAST_FIRST_BEFORE_RECORD). */
function recordNames(text: string, p: number, emit: Emit): void {
  // ("Portland, Salem DOB validation differs": a label with no value after it reads no record)
  if (!RECORD_LABEL_ANY.test(text.slice(p, p + 12))) return;
  const from = Math.max(0, p - 64);
  const m = LAST_FIRST_BEFORE_RECORD.exec(text.slice(from, p));
  if (m !== null && sameCase(m[1]!, m[2]!) && recordNameWord(m[1]!, false) && recordNameWord(m[2]!, true)) {
    let end = from + m.indices![0]![1];
    while (end > 0 && !isAsciiLetter(text.charCodeAt(end - 1))) end--;
    // (an initial's '.' stays with it)
    if (text.charCodeAt(end) === 46 && text.charCodeAt(end - 2) === 32) end++;
    emit('NAME', from + m.indices![1]![0], end, 0.9, 'name.record');
  }
  if ((text.charCodeAt(p) | 32) !== 109) return;
  RECORD_THEN_LAST_FIRST.lastIndex = p;
  const after = RECORD_THEN_LAST_FIRST.exec(text);
  if (after !== null && sameCase(after[1]!, after[2]!) && recordNameWord(after[1]!, false) && recordNameWord(after[2]!, true)) {
    emit('NAME', after.indices![1]![0], after.index + after[0].length, 0.9, 'name.record');
  }
}

/** A lower-case surname alone after "pt", ending a clause: "check in pt jones, the 8:30". */
const LOWER_SURNAME_RE = new RegExp(String.raw`${PT_INTRO}\.?:?[ ]{1,2}([a-z][a-z'-]{2,})(?=[,.;:)]|$)`, 'y');
/** Clinical shorthand with "last, first" in lower case: "pt garcia, maria". */
const LOWER_LAST_FIRST_RE = new RegExp(String.raw`${PT_INTRO}\.?:?[ ]{1,2}([a-z][a-z'-]+),[ ]?([a-z][a-z'-]+)`, 'y');

/**
 * A relative or contact named in lower case: "pts wife maria garcia called", "per pt: husband john
 * smith will pick up", "contact: jane doe (daughter)". Capitalised names there are the main rule's.
 */
const RELATION_WORDS =
  'wife husband spouse partner daughter son mother father mom dad sister brother guardian caregiver grandmother grandfather ' +
  'granddaughter grandson aunt uncle niece nephew fiance fiancee boyfriend girlfriend contact';
const RELATIVE_LOWER_RE = new RegExp(`(?:${RELATION_WORDS.split(' ').join('|')})(?:'s)?(?:[ ]?[:,-])?(?:[ ](?:is|named|was))?[ ]{1,2}([a-z][a-z'-]+)[ ]([a-z][a-z'-]+)`, 'iy');
registerWords(RELATION_WORDS.split(' '));
tagWords(RELATION_WORDS.split(' '), WordTag.RelationIntro);
/** Words the lexicons also list as names that, after a name, are the sentence going on ("wife will call"). */
const GOES_ON = new Set(['said', 'says', 'will', 'would', 'call', 'calls', 'called', 'pick', 'back', 'left', 'stay', 'came', 'come', 'asked', 'told', 'wants', 'may', 'can', 'also', 'only', 'still', 'just', 'given', 'seen', 'taken', 'done']);
/**
 * A lower-case "first last" (or "last, first") of census names that is not two everyday words
 * ("will call", "mark bill") and does not go on as a sentence.
 */
function lowerCensusName(first: string, last: string): boolean {
  const ff = lowerFacts(first);
  const lf = lowerFacts(last);
  return (ff & Lower.First) !== 0 && (lf & Lower.Last) !== 0 && ((ff | lf) & Lower.Plain) !== 0 && !GOES_ON.has(last);
}

/** An age written as a record writes it: "92 y/o", "88yo", "45y", "71 yrs old", "90 years old". */
const AGE_WRITTEN = /\d{1,3}[ ]?(?:y\/o|y\.o\.|yo|y|yrs?(?: old)?|years? old)(?![A-Za-z0-9/])/y;
/**
 * "3W rm 318 ida pennington 92 y/o dob 1/4/33", "lopez, armando  45y  ED -> 4W": a lower-case
 * census name (a first name and a surname the census lists, either order with a comma) right before
 * a person's age.
 */
function lowerNamesBeforeAge(text: string, emit: Emit): void {
  // every written age has a 'y' right after its digits or one space after them: found from the 'y's
  for (let y = text.indexOf('y'); y !== -1; y = text.indexOf('y', y + 1)) {
    let d = y - 1;
    if (text.charCodeAt(d) === 32) d--;
    if (!isDigitCode(text.charCodeAt(d))) continue;
    // (the age's digits: one to three, a whole number)
    let at = d;
    while (at > 0 && isDigitCode(text.charCodeAt(at - 1)) && d - at < 3) at--;
    if (d - at >= 3 || (at > 0 && isWordCode(text.charCodeAt(at - 1)))) continue;
    AGE_WRITTEN.lastIndex = at;
    if (!AGE_WRITTEN.test(text)) continue;
    // (the two words before the age's spaces, as before a record's label: LOWER_NAME_BEFORE_RECORD)
    let to = at;
    while (to > at - 3 && text.charCodeAt(to - 1) === 32) to--;
    if (to === at) continue;
    const from = Math.max(0, to - 48);
    const before = LOWER_NAME_BEFORE_RECORD.exec(text.slice(from, to));
    if (before === null) continue;
    const [first, last] = before[2] === ',' ? [before[3]!, before[1]!] : [before[1]!, before[3]!];
    if (!lowerCensusName(first, last)) continue;
    emit('NAME', from + before.indices![1]![0], from + before.indices![3]![1], 0.85, 'name.lower');
  }
}

/** A lower-case word in brackets: "(stone)", "(locklear)" (sticky, at the '('). */
const LOWER_IN_BRACKETS = /\(([a-z][a-z'-]{2,20})\)/y;
/** A lower-case word before " in bed 9" / " in rm 412" (sticky, at the word's start). */
const LOWER_WORD = /[a-z][a-z'-]{2,20}$/;
/** What follows " in " before a bed's or a room's number: "bed 9", "rm 412", "room #4". */
const BED_AFTER = /^(?:bed|rm|room)[ ]?#?[ ]?\d/;
/** A record's label earlier on a number's line: "MRN 20580071 (stone) / 20702288 (locklear)". */
const RECORD_LABEL_BEFORE = /\b(?:mrn|csn|fin|acct|account|har|mr ?#|record|chart)\b[^\n]{0,28}$/i;
/**
 * Shorthand a nurse writes a patient by: a census surname in small letters in brackets right after a
 * record's number of six digits or more ("MRN 20580071 (stone)": a surname even when it is an
 * ordinary word too), or before "in bed 9" / "in rm 412" (a surname no ordinary word: "kovalenko in
 * bed 9"). Found from the '('s and the " in "s, not by a regex over the whole text.
 */
function lowerSurnamesByRecord(text: string, emit: Emit): void {
  for (let k = text.indexOf('('); k !== -1; k = text.indexOf('(', k + 1)) {
    // (six digits, then maybe a space, right before the bracket)
    let d = k - 1;
    if (text.charCodeAt(d) === 32) d--;
    let digits = 0;
    while (digits < 6 && isDigitCode(text.charCodeAt(d - digits))) digits++;
    if (digits < 6) continue;
    // (a record's label on the line before the number: "S/N 20391844 (black)", "part 104522 (gray)" name no one)
    if (!RECORD_LABEL_BEFORE.test(text.slice(Math.max(0, d - digits - 24), d - digits + 1))) continue;
    LOWER_IN_BRACKETS.lastIndex = k;
    const m = LOWER_IN_BRACKETS.exec(text);
    if (m === null || (lowerFacts(m[1]!) & Lower.Last) === 0 || FUNCTION_WORDS.has(m[1]!)) continue;
    emit('NAME', k + 1, k + 1 + m[1]!.length, 0.8, 'name.lower');
  }
  for (let k = text.indexOf(' in '); k !== -1; k = text.indexOf(' in ', k + 1)) {
    if (!BED_AFTER.test(text.slice(k + 4, k + 13))) continue;
    const before = LOWER_WORD.exec(text.slice(Math.max(0, k - 21), k));
    if (before === null) continue;
    const start = k - before[0].length;
    // (a whole word: not the end of a longer one)
    const c = text.charCodeAt(start - 1);
    if (start > 0 && (isAsciiLetter(c) || c === 39 || c === 45)) continue;
    const w = before[0];
    const f = lowerFacts(w);
    // (a census surname, or a word that reads as a name and is no ordinary word nor a product's)
    if ((f & Lower.Plain) === 0 || GOES_ON.has(w) || FUNCTION_WORDS.has(w) || TECH_WORDS.has(w) || ((f & Lower.Last) === 0 && !nameLike(w, f))) continue;
    emit('NAME', start, k, (f & Lower.Last) !== 0 ? 0.8 : 0.7, 'name.lower');
  }
}

/** "Thanks, Anais" / "Regards,\nJordyn": a sign-off introduces the writer's name. */
const SIGN_OFF_WORDS = ['thanks', 'thank you', 'thx', 'regards', 'best', 'cheers', 'sincerely', 'respectfully', 'love'];
/** The sign-off words by their last letter (lower case; an ASCII letter either case, | 32, finds them). */
const SIGN_OFF_BY_LAST: Array<string[] | undefined> = new Array(128).fill(undefined);
/** Their last two letters: last * 128 + the one before (lower case). */
const SIGN_OFF_ENDS = new Uint8Array(128 * 128);
for (const w of SIGN_OFF_WORDS) {
  const last = w.charCodeAt(w.length - 1);
  (SIGN_OFF_BY_LAST[last] ??= []).push(w);
  SIGN_OFF_ENDS[last * 128 + w.charCodeAt(w.length - 2)] = 1;
}
/**
 * A sign-off before `at`: `/(?:thanks|thank you|thx|regards|best|cheers|sincerely|respectfully|love)[,!.]?\s{1,4}$/i`
 * on the (up to) 16 characters before it.
 */
function signOffBefore(text: string, at: number): boolean {
  const lo = Math.max(0, at - 16);
  let q = at - 1;
  while (q >= lo && at - q <= 5 && isRegexSpace(text.charCodeAt(q))) q--;
  const spaces = at - 1 - q;
  if (spaces < 1 || spaces > 4 || q < lo) return false;
  const c = text.charCodeAt(q);
  const e = c === 44 || c === 33 || c === 46 ? q : q + 1;
  // the shortest word has 3 letters, all ASCII
  if (e - 3 < lo) return false;
  const l = text.charCodeAt(e - 1);
  const l2 = text.charCodeAt(e - 2);
  if (l >= 128 || l2 >= 128 || SIGN_OFF_ENDS[(l | 32) * 128 + (l2 | 32)] === 0) return false;
  const words = SIGN_OFF_BY_LAST[l | 32]!;
  for (const w of words) {
    const s = e - w.length;
    if (s < lo) continue;
    // compare from the end (the last letter is known to match)
    let i = w.length - 2;
    for (; i >= 0; i--) {
      const wc = w.charCodeAt(i);
      const tc = text.charCodeAt(s + i);
      if (tc !== wc && (wc === 32 || tc !== wc - 32)) break;
    }
    if (i < 0) return true;
  }
  return false;
}
/** Last letters of the speech words before a name ("said ", "told ", "shouted at ", "with ", "and ", "to "). */
const SPEECH_END = new Uint8Array(128);
for (const c of 'dtho') SPEECH_END[c.charCodeAt(0)] = 1;
/** Names in HL7 notation outside a message: "(RICE^OTTIS)", "HOLMES^BILL^A". */
// (?<![\w^])[A-Z][A-Za-z'-]+\^[A-Z][A-Za-z'-]+(?:\^[A-Z][A-Za-z'-]*)?(?![\w^]), matched by char codes below.
const isCaretNameCh = (c: number) => ((c | 32) >= 97 && (c | 32) <= 122) || c === 39 || c === 45;
/** Not [\w^] (the end of the text included). */
const caretBoundary = (c: number) => !(isWordCode(c) || c === 94);
/** HL7 message types: "ADT^A01" is not a name. */
const MESSAGE_TYPES = new Set(['ADT', 'ORM', 'ORU', 'SIU', 'MDM', 'DFT', 'ACK', 'BAR', 'RDE', 'VXU']);

/**
 * Where an HL7-style name whose first '^' is at `k` ends (-1: none): the regex's part from the
 * '^' on, with its backtracking — the longest [A-Za-z'-] runs first, then shorter ones ending
 * before a ' or - (which (?![\w^]) accepts).
 */
function caretTail(text: string, k: number): number {
  if (!isUpperAscii(text.charCodeAt(k + 1))) return -1;
  let e2 = k + 2;
  while (isCaretNameCh(text.charCodeAt(e2))) e2++;
  if (e2 < k + 3) return -1;
  if (text.charCodeAt(e2) === 94 && isUpperAscii(text.charCodeAt(e2 + 1))) {
    let e3 = e2 + 2;
    while (isCaretNameCh(text.charCodeAt(e3))) e3++;
    for (let p = e3; p >= e2 + 2; p--) if (caretBoundary(text.charCodeAt(p))) return p;
  }
  for (let p = e2; p >= k + 3; p--) if (caretBoundary(text.charCodeAt(p))) return p;
  return -1;
}

/** "pt j. goede": an initial and a surname after a patient word. */
const LOWER_INITIAL_RE = new RegExp(String.raw`${PT_INTRO}\.?:?[ ]{1,2}[a-z]\.[ ]([a-z][a-z'-]{2,})`, 'y');

/**
 * Per-spelling facts, packed in one small integer (the low bits of `Scan.facts`): the evidence (how much
 * the word looks like part of a person's name, -1 never .. 1 census name, not a common word) as
 * an index into EV, and flag bits. EV holds float32 values on purpose: the scores were always
 * computed from them (the evidence used to sit in a Float32Array), and findings keep their scores.
 */
const EV = Float32Array.of(-1, 0, 0.3, 0.45, 0.55, 0.75, 1);
const enum Code {
  /** The bits of the EV index. */
  EvIndex = 7,
  /** EV indices: -1, 0, and the first at or above 0.5, 0.7, 1 (above 0.25: 2). */
  EvNever = 0,
  EvZero = 1,
  EvHalf = 4,
  Ev07 = 5,
  EvOne = 6,
  /** Census first name / surname (possessive stripped). */
  First = 8,
  Last = 16,
  /** A one-letter capital: an initial. */
  Initial = 32,
  /** ALL CAPS (`caps` 2). */
  Caps2 = 64,
  /** A personal title ("mr", "dr"). */
  Title = 128,
  /** Ends in 's or ’s. */
  Possessive = 256,
  /** Trimmed from the start of a run: evidence <= 0, not an initial. */
  NoStart = 512,
  /** Trimmed from the end of a run: evidence <= 0 or an initial. */
  NoEnd = 1024,
  /** Splits a run: evidence < 0, or 0 and not an initial. */
  Split = 2048,
  /** A product or vendor that is also a census name ("Travis", "Jenkins", "Abbott"): a name only beside another name or after a title. */
  Product = 4096,
  // (spellings some checks of a lone word or a run's last word look for, tested once per spelling, not sliced per word:)
  /** LONE_NOT_NAMES (at most 10 characters). */
  LoneNot = 8192,
  /** COMPASS. */
  Compass = 16384,
  /** DATE_WORDS. */
  DateWord = 32768,
  /** BUILDING_WORDS. */
  Building = 65536,
  /** "ED" (the emergency department). */
  Ed = 131072,
  /** All of the above. */
  All = 262143,
}

function evIndex(e: number): number {
  const k = EV.indexOf(Math.fround(e));
  if (k < 0) throw new Error(`unexpected name evidence ${e}`);
  return k;
}

function codeOf(info: TokenInfo): number {
  const lower = info.lower;
  const w = lower.replace(POSSESSIVE, '');
  let code = evIndex(computeEvidence(info, w));
  if (FIRST_NAMES.has(w)) code |= Code.First;
  if (SURNAMES.has(w)) code |= Code.Last;
  if (info.caps === 1 && info.raw.length === 1) code |= Code.Initial;
  if (info.caps === 2) code |= Code.Caps2;
  if (TITLES.has(lower)) code |= Code.Title;
  if (TECH_WORDS.has(w)) code |= Code.Product;
  const raw = info.raw;
  if (raw.length <= 10 && LONE_NOT_NAMES.has(lower)) code |= Code.LoneNot;
  if (COMPASS.has(raw)) code |= Code.Compass;
  if (DATE_WORDS.has(raw)) code |= Code.DateWord;
  if (BUILDING_WORDS.has(raw)) code |= Code.Building;
  if (raw === 'ED') code |= Code.Ed;
  const wl = lower.length;
  const q = wl >= 2 ? lower.charCodeAt(wl - 2) : 0;
  if (wl >= 2 && lower.charCodeAt(wl - 1) === 115 && (q === 39 || q === 0x2019)) code |= Code.Possessive;
  const x = code & Code.EvIndex;
  const initial = (code & Code.Initial) !== 0;
  if (x <= Code.EvZero && !initial) code |= Code.NoStart;
  if (x <= Code.EvZero || initial) code |= Code.NoEnd;
  if (x === Code.EvNever || (x === Code.EvZero && !initial)) code |= Code.Split;
  return code;
}

/**
 * Names whose ALL-CAPS spelling at a hospital's IT desk is an acronym: a network card's address
 * ("MAC 9A-FE-54-9F-76-18"). ("ED" alone is the emergency department: see scoreRun.)
 */
const HOSPITAL_ACRONYMS: ReadonlySet<string> = new Set(['MAC']);

/** `w`: the lower-cased spelling without a possessive. */
function computeEvidence(info: TokenInfo, w: string): number {
  const raw = info.raw;
  // (a '.' inside before a lower-case letter: a file or a framework, "Node.js", not "J.R.")
  // ("TVs", "PCs", "VMs": an acronym's plural; "ZZZTEST": a test patient)
  if (TITLES.has(w) || NOT_NAMES.has(w) || DOT_LOWER.test(raw) || ACRONYM_PLURAL.test(raw) || TEST_NAME.test(raw)) return -1;
  // a capital inside a word is a product ("HubSpot", "PowerChart"), unless the census lists it or it
  // reads as a surname's prefix and the rest ("McKenzie", "MacGyver", "DuBuque", "VonRueden")
  if (CAMEL.test(raw) && !TECH_WORDS.has(w) && !FIRST_NAMES.has(w) && !SURNAMES.has(w) && !SURNAME_PREFIX.test(raw)) return -1;
  // a product that is also a census name ("Travis", "Ruby", "Abbott"): a name only beside a stronger one
  if (TECH_WORDS.has(w)) return FIRST_NAMES.has(w) || SURNAMES.has(w) ? 0.45 : -1;
  const caps = info.caps;
  if (caps === 2 && HOSPITAL_ACRONYMS.has(raw)) return -1;
  if (caps === 2 && US_STATE_CODES.has(raw)) return 0;
  const parts = w.includes('-') ? w.split('-') : [w];
  let best = -2;
  for (const p of parts) {
    const first = FIRST_NAMES.has(p);
    const last = SURNAMES.has(p);
    const common = COMMON_WORDS.has(p);
    let e: number;
    if (first || last) e = common ? 0.45 : 1;
    else if (common) e = 0;
    else if (caps === 2) e = p.length >= 4 ? 0.3 : 0; // unknown ALL-CAPS word: an acronym more often than a name
    else if (HAS_NON_ASCII.test(p)) e = 0.75;
    else if (p.length < 3) e = 0;
    else e = 0.55;
    if (e > best) best = e;
  }
  return best;
}

/** Cue words around a run (see cuesAround in nameRule). */
const enum Near {
  Clinical = 1,
  Tech = 2,
  Intro12 = 4,
  Intro24 = 8,
  Weak = 16,
}

// the scan works the codes out once per spelling and hands them over per word (Scan.facts)
registerSpellingFacts(Code.All, codeOf);

/** The speech verbs of `speechAfter`; none is a prefix of another, so the first that starts at `p` decides. */
const SPEECH_VERBS = ['said', 'says', 'shouted', 'told', 'asked', 'replied', 'wrote', 'explained'];
/** The speech verbs by their first letter (most words after a name start with none of them). */
const SPEECH_BY_FIRST: Array<string[] | undefined> = new Array<string[] | undefined>(128).fill(undefined);
for (const verb of SPEECH_VERBS) (SPEECH_BY_FIRST[verb.charCodeAt(0)] ??= []).push(verb);

/** `/^,? (?:said|says|shouted|told|asked|replied|wrote|explained)\b/` at `p`. */
function speechAfter(text: string, p: number): boolean {
  if (text.charCodeAt(p) === 44) p++;
  if (text.charCodeAt(p) !== 32) return false;
  p++;
  const c = text.charCodeAt(p); // NaN past the end
  const verbs = c < 128 ? SPEECH_BY_FIRST[c] : undefined;
  if (verbs === undefined) return false;
  for (const verb of verbs) if (text.startsWith(verb, p)) return !isWordCode(text.charCodeAt(p + verb.length));
  return false;
}

/** Does `word` end at `e` (and start at or after 0)? */
const endsAt = (text: string, word: string, e: number) => e >= word.length && text.startsWith(word, e - word.length);

/** `/(?:said|told|asked|shouted at|with|and|to) $/` on the text before `at` (a space at at - 1). */
function speechBefore(text: string, at: number): boolean {
  const e = at - 1;
  switch (text.charCodeAt(e - 1)) {
    case 100: // d
      return endsAt(text, 'said', e) || endsAt(text, 'told', e) || endsAt(text, 'asked', e) || endsAt(text, 'and', e);
    case 116:
      return endsAt(text, 'shouted at', e);
    case 104:
      return endsAt(text, 'with', e);
    case 111:
      return endsAt(text, 'to', e);
  }
  return false;
}

/** The start of a line before `at`: `/\n\s*$|^\s*$/` on the (up to) 3 characters before it. */
/**
 * Does the line before or after the one holding text[start, end) (a word before ':') open with a
 * census first name (or the same word) and ':' ("Ubul: What a wife.\nNicole: Remember …"): a dialogue's speakers?
 */
function speakerLineNear(text: string, start: number, end: number): boolean {
  const ls = text.lastIndexOf('\n', start - 1) + 1;
  const prev = ls > 0 ? text.lastIndexOf('\n', ls - 2) + 1 : -1;
  const nl = text.indexOf('\n', end);
  // (what the word says after its colon: a person speaking, "Oluwaseun: I can't get into MyChart", or a
  // record's identifiers, "Nwachukwu: MRN 00412345 and 00498765")
  SPOKEN_AFTER.lastIndex = end;
  if (SPOKEN_AFTER.test(text)) return true;
  for (const p of [prev, nl === -1 ? -1 : nl + 1]) {
    if (p < 0) continue;
    SPEAKER_OPENING.lastIndex = p;
    const m = SPEAKER_OPENING.exec(text);
    if (m !== null && (FIRST_NAMES.has(m[1]!.toLowerCase()) || SPEAKER_LABELS.has(m[1]!.toLowerCase()) || m[1] === text.slice(start, end))) return true;
  }
  return false;
}
const SPEAKER_OPENING = /[ \t]*([A-Z][a-z]+)[ \t]*:/y;
/** A dialogue's other speakers by their role ("Agent: …", "Rep: …", "Guest: …"). */
const SPEAKER_LABELS: ReadonlySet<string> = new Set(['agent', 'rep', 'guest', 'caller', 'customer', 'support', 'me', 'user', 'bot', 'operator', 'visitor']);
/** After a word's colon: first-person or second-person talk, a greeting, a question, or a record's identifier label. */
const SPOKEN_AFTER = /:(?=([ \t]*))\1[^\n]{0,60}?(?:\b(?:I|I'm|I’m|my|me|you|your|hi|hello|yes|no|thanks|thank you|please|hey)\b|\?|\b(?:MRN|DOB|SSN|acct|account)\b)/y;
function lineStartBefore(text: string, at: number): boolean {
  const lo = Math.max(0, at - 3);
  let newline = false;
  for (let q = at - 1; q >= lo; q--) {
    const c = text.charCodeAt(q);
    if (!isRegexSpace(c)) return newline;
    if (c === 10) newline = true;
  }
  return true;
}

/** The length of `/^,? (?:Jr|Sr|JR|SR|II|III|IV)\b\.?/` at `p` (0: none). */
function suffixAt(text: string, p: number): number {
  const s = p;
  if (text.charCodeAt(p) === 44) p++;
  if (text.charCodeAt(p) !== 32) return 0;
  p++;
  const c0 = text.charCodeAt(p);
  const c1 = text.charCodeAt(p + 1);
  let len = 0;
  if ((c0 === 74 || c0 === 83) && (c1 === 114 || c1 === 82)) len = 2; // Jr Sr JR SR
  else if (c0 === 73 && c1 === 86) len = 2; // IV
  else if (c0 === 73 && c1 === 73) len = text.charCodeAt(p + 2) === 73 ? 3 : 2; // II III
  if (len === 0) return 0;
  const c = text.charCodeAt(p + len);
  if (isWordCode(c)) {
    // "III" failing \b is no match at all; "II" before a third "I" is tried as "III"
    return 0;
  }
  p += len;
  if (c === 46) p++;
  return p - s;
}

/** Not an ordinary word: "grant-oberbrunner" passes on its second part. */
function plain(w: string): boolean {
  if (w.indexOf('-') < 0) return w.length > 1 && !COMMON_WORDS.has(w);
  return w.split('-').some((p) => p.length > 1 && !COMMON_WORDS.has(p));
}

/**
 * A lower-case word after "pt" that may be part of a name: the census lists it, or it is no ordinary
 * word, no short shorthand ("npo", "hx") and not a verb, adverb or noun form ("ambulating", "intubated").
 */
/** Word endings of verbs, adverbs, nouns and adjectives of clinical shorthand ("ambulating", "diaphoretic"; not "-vic" surnames). */
const CLINICAL_FORM = /(?:ing|ed|ly|ness|tion|ment|ous|ive|[^v]ic|shown)$/;
function nameLike(w: string, facts: number): boolean {
  if ((facts & (Lower.First | Lower.Last)) !== 0) return true;
  return (facts & Lower.Plain) !== 0 && w.length >= 4 && !CLINICAL_FORM.test(w) && !GOES_ON.has(w);
}

/**
 * The end of a lower-case name that goes on with a third census word, no ordinary word ("pt name is
 * hernandez jose luis"): after it; else `end`.
 */
function lowerNameEnd(text: string, end: number): number {
  if (text.charCodeAt(end) !== 32) return end;
  let e = end + 1;
  while (e < text.length && e - end <= 20 && ((text.charCodeAt(e) >= 97 && text.charCodeAt(e) <= 122) || text.charCodeAt(e) === 45)) e++;
  if (e - end < 4 || isAsciiLetter(text.charCodeAt(e))) return end;
  const w = text.slice(end + 1, e);
  const f = lowerFacts(w);
  return (f & (Lower.First | Lower.Last)) !== 0 && (f & Lower.Plain) !== 0 && !GOES_ON.has(w) && !MONTHS_LOWER.has(w) ? e : end;
}
/** Months and weekdays in lower case ("june", "april" are first names too). */
const MONTHS_LOWER: ReadonlySet<string> = new Set('january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '));

/** Whose relation it is, right before the relation word: "his son", "pt's wife", "the patient's daughter". */
const WHOSE_BEFORE = /(?:\b(?:his|her|their)|\b(?:pt|patient|pts)['’]s?)[ ]$/i;

const enum Lower {
  First = 1,
  Last = 2,
  Plain = 4,
}
/**
 * The lexicon facts of the lower-case words the name phrases capture ("pt was seen": mostly the
 * same few verbs), kept in a small map instead of asking the large sets each time.
 */
const LOWER_FACTS = new Map<string, number>();
function lowerFacts(w: string): number {
  let f = LOWER_FACTS.get(w);
  if (f === undefined) {
    f = (FIRST_NAMES.has(w) ? Lower.First : 0) | (SURNAMES.has(w) ? Lower.Last : 0) | (plain(w) ? Lower.Plain : 0);
    if (LOWER_FACTS.size >= 4096) LOWER_FACTS.clear();
    LOWER_FACTS.set(w, f);
  }
  return f;
}

/**
 * What scoring the runs of capitalised words of one text needs, in fields (read into locals by
 * each method) rather than in variables its helpers would capture: V8 reads a captured variable
 * from the closure's context and checks it is initialised at every use.
 */
class RunScorer {
  readonly text: string;
  readonly n: number;
  readonly ws: number[];
  readonly we: number[];
  /** Per word: its spelling's Code bits (and the scan's own Fact bits above them, never read here). */
  readonly code: number[];
  readonly knownPos: number[];
  readonly knownEntries: KnownEntry[];
  readonly nk: number;
  /**
   * Cue words around a run, from the known words in text order: a cursor moves on with the runs
   * (their starts only increase) instead of a search per cue.
   */
  kc = 0;

  constructor(
    scan: Scan,
    readonly emit: Emit,
    /** Candidates below it are dropped anyway, so their finishing touches are skipped. */
    readonly minScore: number,
  ) {
    this.text = scan.text;
    this.n = scan.wordCount;
    this.ws = scan.ws;
    this.we = scan.we;
    this.code = scan.facts;
    this.knownPos = scan.knownPos;
    this.knownEntries = scan.knownEntries;
    this.nk = scan.knownPos.length;
  }

  /**
   * Which of scan.near(Clinical, ws[a], we[b], 80, 40), near(Tech, ws[a], we[b], 30, 20) and, before
   * ws[a], near(NameIntro, .., 12), near(NameIntro, .., 24), near(WeakIntro, .., 5) hold (Near bits; Tech may be missing where Clinical is set).
   */
  cuesAround(a: number, b: number): number {
    const { ws, we, knownPos, knownEntries, nk } = this;
    let kc = this.kc;
    const at = ws[a]!;
    const end = we[b]!;
    const lo = at - 80;
    while (kc < nk && knownPos[kc]! < lo) kc++;
    this.kc = kc;
    const hi = end + 40;
    let found = 0;
    for (let k = kc; k < nk; k++) {
      const pos = knownPos[k]!;
      if (pos > hi) break;
      // from the run on, only Clinical and Tech count, and Tech only without Clinical
      if (pos >= at && (found & Near.Clinical) !== 0) break;
      const cues = knownEntries[k]!.cues;
      if (cues === 0) continue;
      if ((cues & Cue.Clinical) !== 0) found |= Near.Clinical;
      if ((cues & Cue.Tech) !== 0 && pos >= at - 30 && pos <= end + 20) found |= Near.Tech;
      if (pos < at) {
        // (not across a paragraph break: "Duo enrollment for new resident\n\nCall the service desk")
        if ((cues & Cue.NameIntro) !== 0 && pos >= at - 25 && !paragraphBreak(this.text, pos, at)) found |= pos >= at - 13 ? Near.Intro12 | Near.Intro24 : Near.Intro24;
        if ((cues & Cue.WeakIntro) !== 0 && pos >= at - 6) found |= Near.Weak;
      }
    }
    return found;
  }

  /** The intro score before run start a (`near`: cuesAround). */
  introBefore(i: number, near: number): number {
    const { text, ws, we, code } = this;
    const at = ws[i]!;
    // a title right before: "Mrs. Garcia", "Dr Patel"
    if (i > 0 && (code[i - 1]! & Code.Title) !== 0 && at - we[i - 1]! <= 2) return 0.5;
    if ((near & Near.Intro12) !== 0) return 0.35;
    // a sign-off ends in whitespace: a printable ASCII character before the word rules it out
    const pc = at > 0 ? text.charCodeAt(at - 1) : 0;
    if (at > 0 && (pc <= 32 || pc >= 127) && signOffBefore(text, at)) return 0.3;
    if ((near & Near.Intro24) !== 0) return 0.25;
    if ((near & Near.Weak) !== 0) return 0.05;
    return 0;
  }

  /** Are the run's words (initials aside) all products that are also names ("Palo Alto", "Cisco"), with no title before? */
  private productsOnly(a: number, b: number): boolean {
    const { code, ws, we } = this;
    for (let k = a; k <= b; k++) if ((code[k]! & (Code.Product | Code.Initial)) === 0) return false;
    // a census first name and a surname ("Ruby Welch") read as a person's name all the same ("Palo Alto" does not)
    if (b > a && (code[a]! & Code.First) !== 0 && (code[b]! & Code.Last) !== 0) return false;
    return !(a > 0 && (code[a - 1]! & Code.Title) !== 0 && ws[a]! - we[a - 1]! <= 2);
  }

  scoreRun(a: number, b: number): void {
    const { text, ws, we, code, n, minScore } = this;
    // a word glued to digits is part of a code, not a name ("SN 282JBEP")
    while (a <= b && isDigitCode(text.charCodeAt(ws[a]! - 1))) a++;
    if (a > b) return;
    // "ED Triage", "ED Fast Track", "ED Pod C": an emergency department's area (a run in capitals, "ED SMITH", may be a name)
    if (b > a && (code[a]! & Code.Ed) !== 0 && (code[a + 1]! & Code.Caps2) === 0 && (code[a + 1]! & Code.First) === 0) return;
    let words = 0;
    let sum = 0;
    for (let k = a; k <= b; k++) {
      const c = code[k]!;
      if ((c & Code.Initial) !== 0) continue;
      words++;
      sum += EV[c & Code.EvIndex]!;
    }
    if (words === 0) return;
    const near = this.cuesAround(a, b);
    // a product alone ("Cisco", "Palo Alto") is no name unless a title or a name-introducing word
    // stands right before it ("Dr. Jenkins", "Pt Welch called")
    // (a record's identifier right after a run of two words or more, or after a first name that
    // follows "Surname, ", makes it a person's: "HOLLENBECK, TRAVIS (MRN …"; "Server (MRN lookups)" stays a product)
    const recordAfter =
      (b > a || (a > 0 && text.charCodeAt(we[a - 1]!) === 44 && ws[a]! - we[a - 1]! <= 2)) &&
      (recordIdAfter(text, we[b]!) || (b === a && initialThenRecordId(text, we[b]!)));
    if (this.productsOnly(a, b) && (near & Near.Intro12) === 0 && !recordAfter) return;
    const ca = code[a]!;
    const cb = code[b]!;
    const firstIsFirst = (ca & Code.First) !== 0;
    let intro = -1;
    let score: number;
    if (b > a) {
      score = 0.3 + 0.55 * (sum / words);
      if ((firstIsFirst || (ca & Code.Initial) !== 0) && (cb & Code.Last) !== 0) score += 0.15;
      // an ALL-CAPS run is shouting, not a name, unless it reads First Last from the census lists
      // or a record's identifier follows it ("YSABEL M MARCHETTI-DUARTE, CSN 1100612209")
      if (recordAfter) score = Math.max(score, 0.85);
      else if ((cb & Code.Caps2) !== 0 && !firstIsFirst && (intro = this.introBefore(a, near)) === 0) score -= 0.4;
    } else {
      // (a lone pronoun, family word, shorthand or label: see LONE_NOT_NAMES)
      // (after a title or a patient word it is one: "Mr. Her called", "Pt Endo called back", "Guarantor: Her")
      if ((ca & Code.LoneNot) !== 0 && this.introBefore(a, near) < 0.5 && !PERSON_WORD_BEFORE.test(text.slice(Math.max(0, ws[a]! - 14), ws[a]!))) return;
      // "in St. Paul", "the St. Cloud clinic": a saint's name is a place (not "Gabriel St. John": a run of words)
      if (ws[a]! >= 4 && /(?:^|[^A-Za-z'’.-])(?:St|Ste)\.[ ]$/.test(text.slice(Math.max(0, ws[a]! - 5), ws[a]!)) && !/[A-Z][a-z'’-]+[ ]$/.test(text.slice(Math.max(0, ws[a]! - 26), ws[a]! - 4))) return;
      // "6 West", "4 North": a hospital unit
      if (text.charCodeAt(ws[a]! - 1) === 32 && isDigitCode(text.charCodeAt(ws[a]! - 2)) && (ca & Code.Compass) !== 0) return;
      // "returned to ED", "in ED": the emergency department (a run of "ED SMITH" is a name)
      if ((ca & Code.Ed) !== 0 && text.charCodeAt(ws[a]! - 2) !== 44) return;
      // "Created: May 15, 2025", "Date: Thu, 18 Apr 2024": a month or a day, not a first name
      const wa0 = we[a]!;
      if ((ca & Code.DateWord) !== 0 && (near & Near.Intro12) === 0) {
        const g = text.charCodeAt(wa0) === 44 ? wa0 + 1 : wa0;
        if (text.charCodeAt(g) === 32) {
          // a day or a date ("Thu 3/27", "May 15"; "May 614-555-0187" is a phone), or a month ("On Thu, Jan 30")
          let d = g + 1;
          while (d < g + 4 && isDigitCode(text.charCodeAt(d))) d++;
          const digits = d - g - 1;
          if (digits >= 1 && digits <= 2 && !(text.charCodeAt(d) === 45 && isDigitCode(text.charCodeAt(d + 1)))) return;
          if (digits === 0 && MONTH_AFTER.test(text.slice(g + 1, g + 5))) return;
        }
      }
      const k = ca & Code.EvIndex;
      const e = EV[k]!;
      // a lone census first name is a name more often than not; a lone unknown word needs help
      score = k === Code.EvOne ? (firstIsFirst ? 0.6 : 0.5) : k >= Code.Ev07 ? 0.45 : e * 0.55;
      if ((ca & Code.Caps2) !== 0) score -= 0.25; // a lone ALL-CAPS word is an acronym unless introduced
      const wa = we[a]!;
      const nc = text.charCodeAt(wa);
      // speaker labels ("Ubul: What a wife"), speech verbs, lists of names
      if (nc === 58) {
        // a word no census lists, opening its line as a field's label before a name ("Attendees: Shaun
        // Whitley, …", "Facilitator: Renee Blackwood"), is the label
        if (k !== Code.EvOne && !firstIsFirst && a + 1 < n && ws[a + 1] === wa + 2 && (code[a + 1]! & Code.First) !== 0 && (a === 0 || lineStartBefore(text, ws[a]!))) return;
        // (a census name, or a line of a dialogue: "Passcode:", "Issuer:", "Channel:" opening a line are a form's labels)
        if (isRegexSpace(text.charCodeAt(wa + 1)) && (a === 0 || lineStartBefore(text, ws[a]!))) {
          if ((ca & (Code.First | Code.Last)) !== 0 || speakerLineNear(text, ws[a]!, wa)) {
            if (k >= Code.EvHalf) score += 0.25;
          } else if (a === b) return;
        }
      } else if (nc === 44 || nc === 32) {
        if (speechAfter(text, wa)) score += 0.25;
        // "results for Deshpande (MRN 40092215)": a surname right before a record's identifier
        else if (recordIdAfter(text, wa)) score += 0.3;
      }
      const at = ws[a]!;
      if (text.charCodeAt(at - 1) === 32 && SPEECH_END[text.charCodeAt(at - 2) & 127] === 1 && speechBefore(text, at)) score += 0.1;
    }
    let start = ws[a]!;
    let end = we[b]!;
    // "Last, First [M]": a run right after "Surname, "
    if (a > 0) {
      const p = a - 1;
      const cp = code[p]!;
      const gl = ws[a]! - we[p]!;
      const comma = (gl === 1 || gl === 2) && text.charCodeAt(we[p]!) === 44 && (gl === 1 || text.charCodeAt(we[p]! + 1) === 32);
      // (not in a list of full names: "clicked (Nora Blevins, Cedric Obi, …)" is no "Blevins, Cedric")
      // (a capitalised word before the surname, and two words after the comma: two full names)
      const listed = b > a && p > 0 && ws[p]! - we[p - 1]! === 1 && text.charCodeAt(we[p - 1]!) === 32 && isUpperAscii(text.charCodeAt(ws[p - 1]!)) && (code[p - 1]! & Code.Caps2) === 0 && (cp & Code.Caps2) === 0;
      if (comma && !listed && (cp & Code.EvIndex) >= 2 && !isDigitCode(text.charCodeAt(ws[p]! - 1))) {
        const pCaps2 = (cp & Code.Caps2) !== 0;
        const aCaps2 = (ca & Code.Caps2) !== 0;
        const allCapsPair = pCaps2 && aCaps2 && (ca & Code.EvIndex) >= 2;
        if ((pCaps2 === aCaps2 || pCaps2) && (firstIsFirst || allCapsPair || (gl === 1 && (ca & Code.EvIndex) >= 2))) {
          start = ws[p]!;
          score = Math.max(score, 0.88);
          if (b + 1 < n && (code[b + 1]! & Code.Initial) !== 0 && ws[b + 1] === we[b]! + 1) end = we[b + 1]!;
        }
      }
    }
    if (intro < 0) intro = this.introBefore(a, near);
    score += intro;
    const possessive = (cb & Code.Possessive) !== 0;
    if (possessive && words === 1) score += 0.1;
    if ((near & Near.Clinical) !== 0) score += 0.08;
    else if ((near & Near.Tech) !== 0) score -= 0.15;
    if (score < minScore) return;
    // an X12 segment's name in capitals before its '*' ("ISA*00*", "NM1*IL*1*"): no one
    if (text.charCodeAt(end) === 42 && (cb & Code.Caps2) !== 0 && b === a) return;
    // a word glued to "-" and digits is part of an identifier ("WS-ED-014", "PRN-RAD-10")
    if (text.charCodeAt(end) === 45 && isDigitCode(text.charCodeAt(end + 1)) && (cb & Code.Caps2) !== 0) return;
    // a building named after a person: "Wexford Tower", "the Feinberg Bldg basement"
    // (not after a census first name: "Johnny G Hall" is a person)
    // ("Hilo ED", "QLMC ED": a site's emergency department)
    if (b > a && !firstIsFirst && (near & Near.Intro12) === 0 && ((cb & Code.Building) !== 0 || (b === a + 1 && (DEPARTMENT_WORDS.has(text.slice(ws[b]!, we[b]!)) || (PLACE_FIRST_WORDS.has(text.slice(ws[a]!, we[a]!)) && !isDigitCode(text.charCodeAt(ws[a]! - 2)) && placeWordAfterCompass(text.slice(ws[b]!, we[b]!).toLowerCase())))) || ((cb & Code.Ed) !== 0 && b === a + 1 && (ca & Code.Possessive) === 0))) return;
    // (unless introduced: "Pt Allen Media called")
    // (both words after the run start with a space: ORG_AFTER, PLACE_AFTER)
    const spaceAfter = text.charCodeAt(end) === 32;
    // "06:42  First Service Desk call": the desk, no person
    if (spaceAfter && text.startsWith(' Desk', end) && /(?:Service|Help)$/.test(text.slice(start, end))) return;
    ORG_AFTER.lastIndex = end;
    if (intro < 0.35 && spaceAfter && ORG_AFTER.test(text)) return;
    // a payer or health system named like a person ("Harvard Pilgrim", "Martin's Point"), unless introduced
    if (intro < 0.35 && b > a && ORG_NAMES.has(text.slice(start, end).toLowerCase().replace(/[’]/g, "'"))) return;
    PLACE_AFTER.lastIndex = end;
    // (a first name and a surname, either order: "Olive Sherwood Home Health", "Kowalski, Irene Home Health")
    if (intro < 0.35 && spaceAfter && !(firstIsFirst && (b > a || start < ws[a]!)) && PLACE_AFTER.test(text) && !PERSON_WORD_BEFORE.test(text.slice(Math.max(0, start - 14), start))) return;
    SITE_AFTER.lastIndex = end;
    // (a patient checked in, "front desk checked in Pryor clinic room 4", is no site)
    if (intro < 0.35 && spaceAfter && SITE_AFTER.test(text) && !PERSON_WORD_BEFORE.test(text.slice(Math.max(0, start - 14), start)) && !CHECKED_IN_BEFORE.test(text.slice(Math.max(0, start - 14), start))) return;
    if (possessive && end === we[b]) end -= 2;
    else {
      // a generational suffix belongs to the name: "Jewell, III"
      const tc = text.charCodeAt(end);
      if (tc === 44 || tc === 32) end += suffixAt(text, end);
    }
    if (score > 1) score = 1;
    if (score <= 0) return;
    this.emit('NAME', start, end, score, words >= 2 ? 'name.full' : intro >= 0.35 ? 'name.intro' : 'name.single');
  }
}

/** `minScore`: candidates below it are dropped anyway, so their finishing touches are skipped. */
export function nameRule(scan: Scan, emit: Emit, minScore = 0): void {
  const text = scan.text;
  const n = scan.wordCount;
  // per word: its spelling's Code bits (and the scan's own Fact bits above them, never read here)
  const code = scan.facts;
  const { knownPos, knownEntries } = scan;
  const nk = knownPos.length;

  // HL7 names: a match starts in the run of [A-Za-z'-] right before its first '^'. From each
  // '^' on, the leftmost match at or after the start of that run (as a global regex search from
  // there would find it); the search resumes after the match and stops when none is left.
  for (let k = text.indexOf('^'), from = 0; k !== -1; k = text.indexOf('^', from)) {
    let lo = k;
    while (lo > from && isCaretNameCh(text.charCodeAt(lo - 1))) lo--;
    let start = -1;
    let end = -1;
    for (let c = k; ; ) {
      const e = caretTail(text, c);
      if (e >= 0) {
        for (let q = lo; q <= c - 2; q++) {
          if (isUpperAscii(text.charCodeAt(q)) && caretBoundary(text.charCodeAt(q - 1))) {
            start = q;
            break;
          }
        }
        if (start >= 0) {
          end = e;
          break;
        }
      }
      const next = text.indexOf('^', c + 1);
      if (next === -1) break;
      lo = next;
      while (isCaretNameCh(text.charCodeAt(lo - 1))) lo--;
      c = next;
    }
    if (start < 0) break;
    from = end;
    if (text.charCodeAt(start + 3) === 94 && MESSAGE_TYPES.has(text.slice(start, start + 3))) continue; // message types
    // a build's test patient ("ZZTEST^ONE", "TEST^PATIENT"): no one's name
    if (TEST_PATIENT_NAME.test(text.slice(start, end))) continue;
    emit('NAME', start, end, 0.9, 'name.hl7');
  }
  let m: RegExpExecArray | null;
  for (let k = 0; k < nk; k++) {
    const entry = knownEntries[k]!;
    if ((entry.tags & WordTag.LowerIntro) === 0) continue;
    const pos = knownPos[k]!;
    // what the phrases need right after the word (as written, in one of its cases)
    const word = entry.word;
    const p = pos + word.length;
    const c = text.charCodeAt(p);
    const c1 = text.charCodeAt(p + 1);
    const w0 = word.charCodeAt(0);
    if (w0 === 112) {
      // pt pts patient: \.?:?[ ]
      if (c !== 32 && c !== 46 && c !== 58 && c !== 39 && c !== 0x2019) continue;
    } else if (w0 === 109 || w0 === 102 ? c !== 32 || c1 !== (w0 === 109 ? 110 : 112) : w0 === 110 ? c !== 58 && !(c === 32 && c1 === 105 && text.charCodeAt(p + 2) === 115) : c === 58 ? c1 !== 32 || text.charCodeAt(p + 2) !== 112 : c !== 32 || c1 !== 112) {
      // my (name is), for (pt), name(:), re(:? pt)
      continue;
    }
    LOWER_INITIAL_RE.lastIndex = pos;
    if (w0 === 112 && (m = LOWER_INITIAL_RE.exec(text)) !== null) {
      const last = m[1]!;
      const h = last.indexOf('-');
      if (!COMMON_WORDS.has(h < 0 ? last : last.slice(0, h))) emit('NAME', m.index + m[0].length - last.length - 3, m.index + m[0].length, 0.8, 'name.lower');
      continue;
    }
    if (w0 === 112) {
      LOWER_LAST_FIRST_RE.lastIndex = pos;
      if ((m = LOWER_LAST_FIRST_RE.exec(text)) !== null && lowerCensusName(m[2]!, m[1]!)) {
        const end = m.index + m[0].length;
        emit('NAME', m.index + m[0].lastIndexOf(m[1]!, m[0].length - m[2]!.length - 2), end, 0.85, 'name.lower');
        continue;
      }
    }
    LOWER_NAME_RE.lastIndex = pos;
    if ((m = LOWER_NAME_RE.exec(text)) === null) {
      // "check in pt jones, the 8:30": a census surname alone after "pt", no ordinary word
      if (w0 === 112) {
        LOWER_SURNAME_RE.lastIndex = pos;
        const one = LOWER_SURNAME_RE.exec(text);
        if (one !== null && (lowerFacts(one[1]!) & (Lower.Last | Lower.Plain)) === (Lower.Last | Lower.Plain) && !GOES_ON.has(one[1]!)) {
          emit('NAME', one.index + one[0].length - one[1]!.length, one.index + one[0].length, 0.75, 'name.lower');
        }
      }
      continue;
    }
    const first = m[1]!;
    const last = m[3]!;
    // ("patient name in lower case": a function word opens no name)
    if (FUNCTION_WORDS.has(first)) continue;
    const ff = lowerFacts(first);
    const lf = lowerFacts(last);
    const census = (ff & Lower.First) !== 0 && (lf & (Lower.Last | Lower.Plain)) !== 0;
    const both = census || ((ff & Lower.Plain) !== 0 && (lf & Lower.Plain) !== 0 && (lf & (Lower.Last | Lower.First)) !== 0);
    // names the census lists miss ("pt jedidiah weissnat", "pt justyn r pepper"): two words that each
    // read as a name (listed, or no ordinary word nor shorthand), at least one no ordinary word
    if (both || (nameLike(first, ff) && nameLike(last, lf) && ((ff | lf) & Lower.Plain) !== 0 && !GOES_ON.has(last))) {
      const end = lowerNameEnd(text, m.index + m[0].length);
      emit('NAME', m.index + m[0].lastIndexOf(first, m[0].length - last.length - 1), end, both ? 0.85 : 0.75, 'name.lower');
    }
  }

  for (let k = 0; k < nk; k++) {
    const entry = knownEntries[k]!;
    if ((entry.tags & WordTag.LowerTitle) === 0) continue;
    const pos = knownPos[k]!;
    if (text.charCodeAt(pos) !== 109) continue; // written in lower case ("Mr Hubbard" is a capitalised name's)
    // ("250 ms": milliseconds; "ms edge crashes": Microsoft's: "ms" only after a word that may stand before a person)
    if (text.charCodeAt(pos + 1) === 115 && (isDigitCode(text.charCodeAt(pos - 1)) || (text.charCodeAt(pos - 1) === 32 && isDigitCode(text.charCodeAt(pos - 2))))) continue;
    if (text.charCodeAt(pos + 1) === 115 && !PERSON_BEFORE_MS.test(text.slice(Math.max(0, pos - 12), pos))) continue;
    LOWER_TITLED_RE.lastIndex = pos;
    const one = LOWER_TITLED_RE.exec(text);
    if (one === null) continue;
    const w = one[1]!;
    // ("order for mr brain (mrn …", "mr arthrogram": magnetic resonance, a study's name)
    if (text.charCodeAt(pos + 1) === 114 && MR_STUDY.test(w)) continue;
    const f = lowerFacts(w);
    // (a surname the census lists and no ordinary word; or, right before a record's label, any word that reads as a name: "mr joubert (DOB 4-Apr-1936)")
    if (((f & (Lower.Last | Lower.Plain)) === (Lower.Last | Lower.Plain) && !GOES_ON.has(w)) || (RECORD_LABEL_AFTER.test(text.slice(one.index + one[0].length, one.index + one[0].length + 8)) && nameLike(w, f) && !FUNCTION_WORDS.has(w) && !TECH_WORDS.has(w))) {
      emit('NAME', one.index + one[0].length - w.length, one.index + one[0].length, 0.8, 'name.lower');
    }
  }

  for (let k = 0; k < nk; k++) {
    const entry = knownEntries[k]!;
    if ((entry.tags & WordTag.RelationIntro) === 0) continue;
    RELATIVE_LOWER_RE.lastIndex = knownPos[k]!;
    if ((m = RELATIVE_LOWER_RE.exec(text)) === null) continue;
    const first = m[1]!;
    const last = m[2]!;
    if (first.charCodeAt(0) < 97 || last.charCodeAt(0) < 97) continue;
    let score = 0.85;
    if (!lowerCensusName(first, last)) {
      // a name the census lacks in part ("his son emeka okafor"): after someone's relation word,
      // two words that each read as a name, one of them listed
      const ff = lowerFacts(first);
      const lf = lowerFacts(last);
      if (!(nameLike(first, ff) && nameLike(last, lf) && ((ff | lf) & (Lower.First | Lower.Last)) !== 0 && !GOES_ON.has(last) && WHOSE_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index)))) continue;
      score = 0.75;
    }
    const end = m.index + m[0].length;
    emit('NAME', end - last.length - 1 - first.length, end, score, 'name.relative');
  }

  // "marcus jones, dob 6/1/63", "the other marcus jones (dob 11/19/1971)": a lower-case census name
  // right before a birth date's or a record's label
  // ("VUE, TOU (MRN …", "MRN 5520017886 (Oyelowo, Funmi)": a "Last, First" beside a record's label, recordNames)
  for (const p of scan.cueWords(Cue.Clinical)) {
    const c0 = text.charCodeAt(p);
    if (c0 === 68 || c0 === 77 || c0 === 100 || c0 === 109) recordNames(text, p, emit);
    if (!(c0 === 100 || c0 === 109) || !RECORD_WORD.test(text.slice(p, p + 6))) continue;
    const from = Math.max(0, p - 48);
    const before = LOWER_NAME_BEFORE_RECORD.exec(text.slice(from, p));
    if (before === null) continue;
    // ("last, first" with a comma)
    const [first, last] = before[2] === ',' ? [before[3]!, before[1]!] : [before[1]!, before[3]!];
    let score = 0.85;
    if (!lowerCensusName(first, last)) {
      // a name the census lacks in part ("gwendolyn pryce-adair, dob 6-2-48"): two words that each
      // read as a name, one of them listed, one no ordinary word, neither a product ("haiku app, mrn …")
      if (FUNCTION_WORDS.has(first) || FUNCTION_WORDS.has(last) || TECH_WORDS.has(first) || TECH_WORDS.has(last)) continue;
      const ff = lowerFacts(first);
      const lf = lowerFacts(last);
      // (written "last, first" with its comma, "hiraoka, masaru (mrn …": two words no ordinary word, listed or not)
      const listed = ((ff | lf) & (Lower.First | Lower.Last)) !== 0 || (before[2] === ',' && (ff & lf & Lower.Plain) !== 0);
      if (!(nameLike(first, ff) && nameLike(last, lf) && listed && ((ff | lf) & Lower.Plain) !== 0 && !GOES_ON.has(last))) continue;
      score = 0.75;
    }
    const start = from + before.indices![1]![0];
    emit('NAME', start, from + before.indices![3]![1], score, 'name.lower');
  }

  lowerNamesBeforeAge(text, emit);
  lowerSurnamesByRecord(text, emit);

  const scorer = new RunScorer(scan, emit, minScore);
  let i = 0;
  while (i < n) {
    // a run of capitalised words / initials joined by single spaces ("A B", "A. B", "A  B"): the
    // scan marks each word the next one joins (the last word never)
    let j = i;
    while (j - i < 5 && (code[j]! & Fact.JoinedNext) !== 0) j++;
    // trim words that cannot be part of a name from both ends
    let a = i;
    let b = j;
    while (a <= b && (code[a]! & Code.NoStart) !== 0) a++;
    while (b >= a && (code[b]! & Code.NoEnd) !== 0) b--;
    // a word that is never a name splits the run: score the left part, then go on after the word
    let next = j + 1;
    for (let k = a; k <= b; k++) {
      if ((code[k]! & Code.Split) !== 0) {
        b = k - 1;
        while (b >= a && (code[b]! & Code.NoEnd) !== 0) b--;
        next = k + 1;
        break;
      }
    }
    if (a <= b) scorer.scoreRun(a, b);
    i = next;
  }
}

/**
 * Test-only, for test/unit/phi-charcode-names.test.ts: the char-code helpers that stand for a
 * regex (their doc comments state it), and the word lists the tests build the regexes from.
 */
export const __testing = {
  signOffBefore,
  caretTail,
  isCaretNameCh,
  caretBoundary,
  speechAfter,
  speechBefore,
  lineStartBefore,
  suffixAt,
  SPEECH_END,
  MESSAGE_TYPES,
};

/** A blank line between offsets from and to ("\n", spaces or tabs, "\n"). */
function paragraphBreak(text: string, from: number, to: number): boolean {
  let lines = 0;
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if (c === 10) {
      if (++lines === 2) return true;
    } else if (c !== 32 && c !== 9 && c !== 13) lines = 0;
  }
  return false;
}

/**
 * A newborn's name as registration writes it before the parents choose one: "BABYGIRL B PIERCE",
 * "Baby Boy Smith", "PIERCE, GIRL", "SMITH, BABY BOY A".
 */
const NEWBORN_FIRST = /\b(?:BABY ?GIRL|BABY ?BOY|[Bb]aby ?[Gg]irl|[Bb]aby ?[Bb]oy|INFANT (?:GIRL|BOY))(?:[ ][A-Z](?![A-Za-z]))?[ ][A-Z][A-Za-z'’-]{1,30}\b/g;
const NEWBORN_LAST = /\b[A-Z][A-Z'’-]{1,30},[ ]?(?:BABY ?)?(?:GIRL|BOY)(?:[ ][A-Z](?![A-Za-z]))?(?![A-Za-z])/g;
/** "BOY HWANG", "GIRL ODUYA-FENN": a newborn's registration name without BABY, in capitals, only in a ticket about newborns. */
const NEWBORN_BARE = /\b(?:BOY|GIRL)[ ][A-Z][A-Z'’-]{1,30}\b/g;
/** Words of a ticket about newborns (where "BOY SMITH" is a registration name). */
const NEWBORN_TICKET = /\b(?:L&D|labor and delivery|newborns?|nursery|NICU|infants?|babies|baby|mother['’]s|mom['’]s|delivery|Stork)\b/i;
export function newbornNames(text: string, emit: Emit): void {
  // (by indexOf: a regex of alternatives reads every position) NEWBORN_LAST and NEWBORN_BARE need
  // "GIRL" or "BOY"; NEWBORN_FIRST needs one of them too ("BABY GIRL", "INFANT BOY"), or "baby" or
  // "Baby" ("Baby Girl", "babyboy"); "aby" alone is searched slowly ('a' is everywhere)
  const caps = text.indexOf('GIRL') !== -1 || text.indexOf('BOY') !== -1;
  if (!caps && text.indexOf('baby') === -1 && text.indexOf('Baby') === -1) return;
  for (const re of caps ? [NEWBORN_FIRST, NEWBORN_LAST] : [NEWBORN_FIRST]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) emit('NAME', m.index, m.index + m[0].length, 0.9, 'name.newborn');
  }
  if (!caps || (text.indexOf('BOY ') === -1 && text.indexOf('GIRL ') === -1) || !NEWBORN_TICKET.test(text)) return;
  NEWBORN_BARE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NEWBORN_BARE.exec(text)) !== null) {
    // (not the tail of "BABY BOY SMITH", found above)
    if (m.index >= 5 && /BABY ?$/i.test(text.slice(m.index - 5, m.index))) continue;
    emit('NAME', m.index, m.index + m[0].length, 0.85, 'name.newborn');
  }
}

/**
 * A first name by a patient's things: "Seun's allergy list", "earl's band shows MRN …", "jayden's
 * mrn is …", "margaret's daughter (sheila) keeps calling", "Aoife's own pump". The word before "'s"
 * is a census first name, or a capitalised word no dictionary, product or title list knows (names
 * the census lacks: Seun, Aoife, Jayden); never after a clinician's title ("Dr. Patel's chart").
 * Found from each "'s " (a few per text), so the text is not searched word by word.
 */
const PATIENT_THING_AFTER =
  /^['’]s (?:own |new |old |home )?(?:chart|band|wristband|armband|allerg(?:y|ies)|meds|medications?|mrn|dob|birthday|mom|mother|dad|father|daughter|son|wife|husband|parents?|guardian|caregiver|pump|insulin|labs|lab results|vitals|diagnosis|surgery|discharge|admission|encounter|record|records|insurance|proxy|mychart)\b/i;
const CLINICIAN_BEFORE = /\b(?:dr|doctor|nurse|rn|np|pa|md|prof)\.?[ ]$/i;
export function possessiveNames(text: string, emit: Emit): void {
  for (const apostrophe of ["'s ", '’s ']) {
    for (let k = text.indexOf(apostrophe); k !== -1; k = text.indexOf(apostrophe, k + 3)) {
      let s = k;
      while (s > 0 && s > k - 16 && isAsciiLetter(text.charCodeAt(s - 1))) s--;
      if (k - s < 2 || (s > 0 && isWordCode(text.charCodeAt(s - 1)))) continue;
      if (!PATIENT_THING_AFTER.test(text.slice(k, k + 24))) continue;
      const raw = text.slice(s, k);
      const w = raw.toLowerCase();
      const capitalised = isUpperAscii(raw.charCodeAt(0)) && raw.slice(1) === w.slice(1);
      const known = FIRST_NAMES.has(w) && !COMMON_WORDS.has(w);
      if (!(known || (capitalised && k - s >= 3 && !COMMON_WORDS.has(w) && !SURNAMES.has(w)))) continue;
      if (TECH_WORDS.has(w) || TITLES.has(w) || POSSESSIVE_NOT_NAMES.has(w)) continue;
      if (CLINICIAN_BEFORE.test(text.slice(Math.max(0, s - 10), s))) continue;
      emit('NAME', s, k, 0.85, 'name.possessive');
    }
  }
}
/** Capitalised words before "'s chart" and the like that are no one's first name. */
const POSSESSIVE_NOT_NAMES: ReadonlySet<string> = new Set([
  'epic', 'cerner', 'medtronic', 'dexcom', 'omnipod', 'abbott', 'tandem', 'insulet', 'philips', 'baxter', 'bd', 'alaris',
  'today', 'yesterday', 'tomorrow', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'patient', 'pt', 'baby', 'infant', 'newborn', 'mychart', 'haiku', 'canto', 'rover', 'hospital', 'clinic', 'unit', 'ed', 'er', 'icu',
]);
