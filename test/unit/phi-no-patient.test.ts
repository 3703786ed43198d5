/**
 * An IT ticket with no sign of a patient anywhere in it names staff, vendors and sites: with
 * staffContext on (the default), its names, phones, e-mail addresses, street addresses, ZIP codes,
 * links, dates and IP addresses are not PHI. Any sign of a patient lifts that, as does a text that
 * is no IT ticket at all.
 */
import { describe, expect, it } from 'vitest';
import { createDetector, detect } from '../../src/phi/detect';

const values = (text: string, d = { detect }) => d.detect(text).map((f) => text.slice(f.start, f.end));

/** Staff tickets as a hospital's IT desk gets them: people in prose, lists, forms and chats. */
const STAFF_TICKETS = [
  'Badge reader at the loading dock (D-114, Wexler Tower) rejects Luis Alvarado since the Lenel update on 02/28. Supervisor Marisol Quinones confirmed he needs access. Call her at 555-0138.',
  'Reps affected after the PaperStream IP 3.30 update: Oluwaseun Adeyemi, Kateryna Bondarenko, Diego Santillan. Scanner at Registration window 4 throws TWAIN error 0x80040.',
  'Escalation: Tier 2 Windows - on call this week: Priya Raghunathan (pager 555-0172, cell 217-555-0198). Server patching window Saturday 03/15/2025 22:00.',
  'Vendor contact: Gregory Ashby, Account Executive, gashby@nuance-vendor.example, (781) 555-0160\nRemit to: PO Box 2211, Burlington, MA 01803\nInvoice for the Dragon licence renewal attached.',
  '[10:02] Elif Demir: I checked with Hyland - OnBase Unity Client 22.1.14 has a known bug\n[10:05] Jamal Rahman: ok, rolling back the desktop build tonight, let Lorraine Ashby know',
];

describe('an IT ticket without a patient', () => {
  it.each(STAFF_TICKETS)('names no one: %s', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('still reports what is a patient\'s whatever the words around it, such as an SSN or a driver\'s licence', () => {
    expect(values('Printer queue stuck; someone pasted SSN 536-22-1904 in the job name')).toEqual(['536-22-1904']);
    expect(values('Kiosk scanner error 0x80070005 again, driver license D1234567 did not read, restarting the service')).toEqual(['D1234567']);
  });

  it("takes a licence number for a clinician's own: an NPI, a DEA registration, a state licence", () => {
    expect(values('Credentialing: DEA AB1234563 for the new hospitalist, Epic SER build pending')).toEqual([]);
    expect(values('Epic SER build for Dr. Raj Patel (Pediatrics, NPI 1689077430), Imprivata account on server IMP-01')).toEqual([]);
  });
});

describe('a sign of a patient lifts it', () => {
  const base = 'Label printer in 4 West printed the wrong band for Maria Lopez; Zebra driver reinstalled, callback 614-555-0187.';
  it.each([
    ['a patient word', `${base} Pt is in bed 12.`],
    ['an MRN', `${base} MRN 4432211.`],
    ['a birth date phrase', `${base} Date of birth 03/14/1962.`],
    ["a person's own care", `${base} She cannot see her lab results.`],
    ['a consumer mail address', `${base} She wrote from maria.lopez77@gmail.com.`],
    ['care named for a person', 'Zebra driver reinstalled after the labels for Maria Lopez printed blank, callback 614-555-0187.'],
    ['a registration', `${base} She was registered twice.`],
    ['a social profile', `${base} Her page: https://www.facebook.com/maria.lopez.5821`],
  ])('%s', (_, text) => {
    expect(values(text)).toEqual(expect.arrayContaining(['Maria Lopez', '614-555-0187']));
  });

  it('and without it the same ticket names no one', () => {
    expect(values(base)).toEqual([]);
    // (at an IT desk the caller is a colleague, a department or a unit is no patient)
    expect(values(`${base} Caller: 4 West charge nurse.`)).toEqual([]);
    expect(values(`${base} Patient Access and the inpatient units use the same driver.`)).toEqual([]);
  });
});

describe('what the rule does not assume', () => {
  it('a text with no IT words is read as it is (it may be a patient writing)', () => {
    expect(values('Please call John Smith back at 555-201-3344 about tomorrow.')).toEqual(['John Smith', '555-201-3344']);
  });

  it('a name that is also a technical word gives no IT context ("Mrs. Jenkins")', () => {
    expect(values('Mrs. Jenkins called twice.')).toEqual(['Jenkins']);
  });

  it('mentionsPatient says whether a text shows a patient, which detect(text, { patient: true }) then assumes', () => {
    const d = createDetector();
    expect(d.mentionsPatient('Wristband printer down in ED - patient waiting')).toBe(true);
    expect(d.mentionsPatient(STAFF_TICKETS[0]!)).toBe(false);
    expect(values(STAFF_TICKETS[0]!, { detect: (t) => d.detect(t, { patient: true }) })).toEqual(expect.arrayContaining(['Luis Alvarado', '555-0138']));
  });

  it('is part of staffContext: a desk whose customers are patients switches it off with it', () => {
    const general = createDetector({ staffContext: false });
    expect(values(STAFF_TICKETS[0]!, general)).toEqual(expect.arrayContaining(['Luis Alvarado', 'Marisol Quinones', '555-0138']));
  });
});

describe('identifiers that are no patient\'s (each would mark a clean ticket on its own)', () => {
  it.each([
    ['Lenel shows HID card 26-bit #44718, facility code 112, access level "EVS-ALL"', '26-bit'],
    ['Vendor remote session approved. Session recording required per policy SEC-POL-014.', 'SEC-POL-014'],
    ['Invoice: INV-009812 (dated 03/01/2025), amount $184,220.00, remit to the vendor', 'INV-009812'],
    ['Also check CVE-2024-21762 (FortiOS SSL VPN) for the FortiGate 100F at the clinic', '100'],
    ['@Elif Demir I checked with Hyland - their case 01928374 says OnBase has a known bug', '01928374'],
    ['Pt transport app down; NVR-03 (Dell R740xd, svc tag 7HXQ2J3, IP 10.99.0.23) RAID degraded', '7HXQ2J3'],
    ['Patient room TV dead again, can someone check the network jack (wall plate K-112-03)?', 'K-112-03'],
    ['Patient wristband printer swap at Main Campus: Feb 18-20, 0700-1530, staging in Biomed shop', '0700-1530'],
    // (session 18)
    ['Badge drops happen when I see the badges dropping off AP group AP-3T on the controller', 'AP-3T'],
    ['Please add her to access group NURS-STUDENT-7T in AD before Monday', 'NURS-STUDENT-7T'],
    ['SIP trunk via Bandwidth.com, trunk group TG-OMH-FAX01, 23 channels', 'TG-OMH-FAX01'],
    ['Vocera badge shows last registration 08-Mar-2025 23:41:52 on AP SAR-3N-AP07', '08-Mar-2025'],
    ['Fujifilm invoice, PO Box 735221, Dallas TX. Customer account: 0004418273, Site ID: PCH-LEW-01', '0004418273'],
  ])('%s', (text, value) => {
    const at = text.indexOf(value);
    expect(detect(text).filter((f) => f.start < at + value.length && f.end > at)).toEqual([]);
  });

  it('a serial number after its label is no phone number', () => {
    const text = 'Pt call light unit BB-FR-02 (SN 0427-21986) alarm not reaching the nurse station';
    expect(detect(text).filter((f) => f.type === 'PHONE')).toEqual([]);
  });

  it('a test patient in a build is no patient: the ticket still names no one', () => {
    expect(values('Dragon not inserting text into Epic notes for Dr. Aaliyah Washington. Tested in PLY with test patient ZZTEST, ONE - same issue.')).toEqual([]);
  });
});

describe('review: patients the no-patient rule and the quiet regions must keep', () => {
  // (each of these was dropped by a first version of this change: none names the patient as one)
  it.each<[string, string[]]>([
    ['Epic shows duplicate for Emily Davis 7/7/1977 - one with 555-890-1234, one with 555-890-4321. Please merge.', ['Emily Davis', '7/7/1977', '555-890-1234']],
    ['Patient list in Epic shows Jane Doe 01/02/1950 twice.', ['Jane Doe', '01/02/1950']],
    ['Epic froze during registration of Kevin Walsh, 1/5/1970. Had to restart Hyperspace.', ['Kevin Walsh', '1/5/1970']],
    ['Armband printer in ED printing blank. Needed bands for Dolores Umbridge 6/14/1939.', ['Dolores Umbridge', '6/14/1939']],
    ['ADT interface dropped the address change for Nina Simone: 1450 Maple Ave, Tryon NC 28782, phone 828-555-0190.', ['Nina Simone', '1450 Maple Ave', '828-555-0190']],
    ["Epic won't let me check in Rita Moreno 12/11/1931, keeps saying duplicate. Her cell 305-555-0147.", ['Rita Moreno', '305-555-0147']],
    ['Please update phone for Betty White to 555-765-4321 in Epic', ['Betty White', '555-765-4321']],
    ['The patient monitor in bay 5 still shows Jane Doe 01/02/1950', ['Jane Doe', '01/02/1950']],
    // an HL7 field or an X12 element that is not closed runs on into prose: it is not quiet
    ['Result went to wrong chart: OBX|1|NM|GLU^Glucose||105|mg/dL|70-99|H|||F  should be on Maria Lopez MRN 4471823 DOB 5/6/1960', ['Maria Lopez', '4471823', '5/6/1960']],
    ['DG1|1||Jane Doe 01/02/1950 MRN 4471823', ['Jane Doe', '01/02/1950', '4471823']],
    ['NM1*PR*2*AETNA BETTER HEALTH rejected the 270 for pt Jane Doe DOB 01/02/1950, MRN 4471823', ['Jane Doe', '01/02/1950', '4471823']],
    // a DICOM staff tag's empty value, and prose after a tag, are no quiet region for what follows
    ["Study won't route. (0008,0090) PN [] (0010,0010) PN [DOE^JANE] (0010,0020) LO [4471823] (0010,0030) DA [19510302]", ['DOE^JANE', '4471823', '19510302']],
    ['Referring physician tag (0008,0090) is wrong, ID: shows Jane Doe DOB 03/02/1951 phone 555-201-3344 in that field', ['Jane Doe', '03/02/1951', '555-201-3344']],
    // a surname with an inner capital, or a bed number, before an age and sex is no product model
    ['Patient McDonald 93F in ED bed 4, wristband printer down', ['McDonald', '93']],
    ['ED bed 12 94F with dementia, family wants update', ['94']],
    // a possessive of a name part sharing its first letter and length with another part
    ["Pt Maria Garcia arrived with Michael Torres. The bracelet says Maria's chart is locked.", ['Maria Garcia', 'Michael Torres']],
  ])('%s', (text, expected) => {
    const got = values(text);
    for (const v of expected) expect(got.some((g) => g.includes(v)), `${v} in ${JSON.stringify(got)}`).toBe(true);
  });

  it("finds the possessive name part itself", () => {
    const text = "Pt Maria Garcia arrived with Michael Torres. The bracelet says Maria's chart is locked.";
    const at = text.indexOf("Maria's");
    expect(detect(text).some((f) => f.start === at && f.end === at + 5)).toBe(true);
  });
});

describe('patients in general are no patient', () => {
  // "patients" and "pts" in the plural speak of patients in general: a ticket with nothing else
  // about a patient and no name near them that stands outside a colleague's place names staff only
  it.each([
  ])('names no one: %j', (text) => expect(values(text)).toEqual([]));

  it.each([
    ['Patients Maria Garcia and Tom Lee were swapped on the Epic whiteboard', ['Maria Garcia', 'Tom Lee']],
    ['The interface dropped results for patients Maria Garcia and Tom Lee overnight.', ['Maria Garcia', 'Tom Lee']],
    ['These patients need their wristbands reprinted, the label printer jammed:\nMaria Garcia\nTom Lee', ['Maria Garcia', 'Tom Lee']],
    ["Two patients got each other's discharge papers today. Maria Garcia received Tom Lee's AVS from the printer.", ['Maria Garcia', 'Tom Lee']],
    ['Patients complained at the kiosk. Maria Garcia says her bill is wrong.', ['Maria Garcia']],
    ['pts maria garcia and tom lee are on the wrong unit in epic', ['maria garcia']],
  ])('still finds the patients named in %j', (text, expected) => {
    const got = values(text);
    for (const v of expected) expect(got, v).toContain(v);
  });
});

describe("a patient word that is a system's, a unit's or a time zone's", () => {
  it.each([
    'Outlook says the web proxy rejects my login. No credentials were entered. Renee Hollis, Payroll, x2215',
    'Patient TVs on 4 West show no signal after the network change. Facilities (Gus Petrakis) is checking the coax.',
    "Chapel printer queue shows 'Error - Printing'. Requested by Sister Mary Catherine Doyle, Pastoral Care.",
    'Wi-Fi at the Mother/Baby unit is down after the network change. Stanley/Securitas support was called by Jane Whitman.',
    '[10:15] Dr. Reinholt: is the 3T MRI console frozen for anyone else?\n[10:16] Jorge (MRI tech): yeah, hung mid-sequence',
    'Change: CHG-1248, Fri 05/09/2025 18:00-20:00 PT (emergency CAB). Move the 12 phone lines for Colleen Mahaffey to the new network switch, cell 208-555-0177.',
    'Oracle Health needs VPN access to the PowerChart servers Thursday 04/17 13:00-17:00 PT to troubleshoot the upgrade. Contact Gideon Falk, 208-555-0131.',
  ])('names no one: %j', (text) => expect(values(text)).toEqual([]));

  it.each([
    ['PT Maria Garcia called, her MyChart is locked', 'Maria Garcia'],
    ['Called 10:30 PT Maria Garcia re laptop loaner, she can be reached at 508-555-0137.', 'Maria Garcia'],
    ['Telehealth 2:00-2:30 PT, Maria Garcia could not hear audio on the clinic iPad; cb 508-555-0137.', 'Maria Garcia'],
    ['Pt wristband printed blank. Printer driver reinstalled by Maria Garcia, 555-0143', 'Maria Garcia'],
    ["Patient portal account for Maria Garcia is locked, she called twice and can't see her results", 'Maria Garcia'],
    ['The visit for Tom Lee was booked in the wrong department on the update', 'Tom Lee'],
  ])('still finds the patient in %j', (text, value) => expect(values(text)).toContain(value));
});

describe("equipment serials are the hospital's, implants and issued devices a patient's", () => {
  it.each([
  ])('names nothing in %j', (text) => expect(values(text)).toEqual([]));

  it.each([
    ["Paceart isn't pulling CareLink transmissions since Friday. Example: Harold Finkelstein, Medtronic Azure XT DR, serial RNB402817H", ['Harold Finkelstein']],
    ['[08:44] Leticia Vargas, RN: also Nadia Rahimi ICD serial PZX611093S same issue', ['Nadia Rahimi', 'PZX611093S']],
    ["Maria Garcia's pump SN 1089735 won't pair with the uploader", ['Maria Garcia', '1089735']],
  ])('finds the patient and the device in %j', (text, expected) => {
    const got = values(text);
    for (const v of expected) expect(got, v).toContain(v);
  });
});

describe('a kind of record, screen or thing named with a patient word is no patient by itself (session 19)', () => {
  it.each([
    'Patient list columns keep resetting after the upgrade. Reported by Heather McAllister, 4W charge, x5530.',
    'Spok paging delays during the outage; no patient harm reported.\n\nBridge lead: Dana Whitfield, 555-0142.',
    'Imprivata tap-in failing on 3N. No patient data stored locally.\nReported by Tavita Faleolo. Reboot of the badge readers planned 03/12.',
    'Patient TVs on 4 West not working since the cable vendor visit. Contact Gus Petrakis in Facilities, x4400.',
  ])('%s', (text) => {
    expect(values(text)).toEqual([]);
    // (with a patient's words instead, the same ticket names its people)
    expect(values(text.replace(/^\w+ \w+/, 'Patient Maria Lopez (MRN 4418275):')).length).toBeGreaterThan(1);
  });
  it('is a patient when a person is named on its line, or a list of them follows', () => {
    expect(values('Patient list on 4 West shows Maria Garcia twice after the Epic upgrade.')).toContain('Maria Garcia');
    expect(values('Patient demographics for Harold Finch not updating in Epic after registration.')).toContain('Harold Finch');
    expect(values('During downtime we registered on paper. Pt list:\n1. Raúl Mendoza\n2. Winston Achterberg\nNeed these back-entered in Epic.')).toContain('Raúl Mendoza');
  });
});

describe("a staff or vendor portal, and MyChart as a system, are no patient by themselves (session 19)", () => {
  it.each([
    'Personal iPhone 15 in Intune Company Portal shows "Device limit reached".\n\nGavin Holt tried twice since the reboot.',
    'GlobalProtect VPN connects to the GP portal vpn.acme.org but then drops.\n\nWendy Sato tried again at 10:00.',
    'Idaho State Insurance Fund provider portal - billing staff cannot log in after the change.\n\nDale Hutchens tried again.',
    'Summary: MyChart outage on the web tier\n\nIncident commander: Ravi Menon, x5531.',
    'Downtime 0100-0500: Hyperspace, Haiku/Canto/Rover, MyChart unavailable.\nBridge lead Katie Brennan.',
  ])('%s', (text) => {
    expect(values(text)).toEqual([]);
  });
  it('keeps a patient who writes through MyChart or misses results in the portal', () => {
    expect(values('MyChart chat transcript\n10:02 AM Maria Garcia: app keeps saying session expired')).toContain('Maria Garcia');
    expect(values("Soldier's pre-deployment labs 2/20 missing from the portal; he leaves on a 6/1 deployment.")).toContain('2/20');
  });
});

describe("a vendor's visit and a test record's fields are no patient (session 19)", () => {
  it.each([
    'CT2 worklist empty since the GE service visit this morning. Brandon Kessel restarted the DICOM service.',
    'Beaker label test: ZZTEST, BEAKER    MRN TST-0000917   DOB 01/01/1980\nLabels printed fine on LAB-DRAW03. Phuong Le checked the queue.',
    'Downtime MRN labels: stock check before the upgrade.\n\nYasmin Haddad counts packets at registration.',
  ])('%s', (text) => {
    expect(values(text)).toEqual([]);
  });
  it('keeps a real patient beside a test record, and a patient visit', () => {
    expect(values('Test patient ZZTEST,ALPHA MRN 99000021 - also real pt Jerome Watts 99018832 got linked to it in the upgrade.')).toContain('Jerome Watts');
    expect(values('Video visit link for Maria Garcia expired before her 2 pm visit; Teams service restarted.')).toContain('Maria Garcia');
  });
});

describe('no patient, every patient, and more kinds of things named with a patient word (session 19)', () => {
  it.each([
    'Bridge call for the Spok outage.\nNo patient harm reported.\n\nLeila Haddad restarted the paging server.',
    'Every patient since opening shows "Please see the front desk" on kiosk KS-12.\n\nMarta Ruiz rebooted the kiosk.',
    'QC results are not filing in Beaker QC over the interface. Patient results are crossing fine.\n\nDerek Lavoie rebuilt the QC lots.',
  ])('%s', (text) => {
    expect(values(text)).toEqual([]);
  });
  it('keeps the patients named on the same line', () => {
    expect(values('Every patient I try to check in errors, e.g. Tobias Greene at 10:15 today. Epic Cadence.')).toContain('Tobias Greene');
    expect(values('No patient wristband printed for Dale Hutchins in ED triage, Zebra printer offline.')).toContain('Dale Hutchins');
  });
});

describe("'hospital', 'unit' and 'record' label a record's number only with a number's word or a record's colon (session 19)", () => {
  it('reads no MRN after a hospital, a unit or a system record', () => {
    for (const text of [
      'Rhapsody feed from Harlan County Hospital, 606-555-0147, is down. Interface Analyst paged.',
      'Label fields shifted on the practice unit W1234 after the printer swap.',
      'Epic EMP record 103390 created from template T-IT-INTEGRATION for the new analyst.',
      'UPS alarm at St. Martinville Hospital, 210 Champagne Blvd; batteries due.',
    ]) expect(detect(text).filter((f) => f.type === 'MRN')).toEqual([]);
  });
  it("still reads 'Unit No.', 'Hospital #' and 'Enrollment record:'", () => {
    expect(values('Pt Maria Lopez, Unit No. M000123456, wrong wristband')).toContain('M000123456');
    expect(values('Pt Maria Lopez, Hospital # 4418275, wrong wristband')).toContain('4418275');
    expect(values('PatientSecure console for pt Jericho Vance:\nEnrollment record: PS-ENR-0448120')).toContain('PS-ENR-0448120');
  });
});

describe("more of the desk's own equipment before a serial (session 19)", () => {
  it.each([
    'CT2 (Siemens SOMATOM Force, SN 76112, AE "CT2_FORCE", 10.70.2.32) worklist empty since the upgrade.',
    'Main lab Abbott Architect ci8200 (SN ISR04127, LIS ID ARCH2) not sending results over the interface.',
    'Dispatch console (Motorola MCC 7500 position, SN 478TRC0551) has heavy static after the firmware update.',
  ])('%s', (text) => {
    expect(values(text)).toEqual([]);
  });
  it("keeps a patient's device lot", () => {
    expect(values('IR procedure log: G-tube (MIC-KEY 14 Fr) lot 2310071-A entered on the wrong case. Correct case is Raymond Lutz, procedure 09/19/2024.')).toContain('Raymond Lutz');
  });
});

describe("'patients' in general (session 19)", () => {
  it('is no patient without a person in its paragraph or the next', () => {
    const text = 'Guest Wi-Fi splash page not loading in the ED waiting room.\nPatients and visitors are complaining.\n\nRestarted the ISE node at 10:05.\n\nThanks,\n\nBen Albrecht\nNetwork Engineer';
    expect(values(text)).toEqual([]);
  });
  it('names the patients listed under it', () => {
    expect(values('Kiosk check-in mixed up 2 patients.\nNames:\nMaria Garcia\nTom Lee\nPlease check the kiosk software.')).toEqual(expect.arrayContaining(['Maria Garcia', 'Tom Lee']));
    expect(values('These patients are affected by the Epic bug\n\n1. Maria Garcia\n2. Tom Lee')).toEqual(expect.arrayContaining(['Maria Garcia', 'Tom Lee']));
  });
});
