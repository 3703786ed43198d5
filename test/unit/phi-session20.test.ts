/**
 * Session 20's cases: clean desk tickets the detector flagged because a word or a number read as a
 * patient's (a time clock's "DX", a network proxy, a vendor's portal, a staff badge, a payer's EDI
 * ID, a carrier's account…), each beside a patient ticket of the same shape that must still be found.
 */
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../src/phi/detect';

const detector = createDetector();
const values = (text: string) => detector.detect(text).map((f) => text.slice(f.start, f.end));

describe('words that are no patient (no-patient rule)', () => {
  const clean: Array<[string, string]> = [
    ['a time clock model', 'Clock: UKG InTouch DX, S/N 8611-0022981, IP 10.70.0.41, offline since the 3/2 update.\n\nCarla Nygaard\n(218) 555-0190'],
    ['a network proxy', 'Phish reported by 14 users on 3/4. Blocked the domain at the proxy. Per proxy logs nobody entered credentials.\n\nTom Halvorsen | Security\n(651) 555-0142'],
    ["a vendor's portal", 'Opened a case through the Knowledge Portal on 3/11 for the Pyxis ES server sync.\n\nAmy Lindqvist\n(612) 555-0177'],
    ["a colleague's birthday", "Happy birthday Gretchen!! Cake in the break room on 3/14, mailbox full of replies.\n\nFrom: Sam Olson\nMaligayang kaarawan!"],
    ['a stack member', 'Switch stack member 2 came up with PoE disabled after the 2/28 reload.\n\nJon Berg\n(701) 555-0123'],
    ['an SQL column', "Job failing: Invalid column name 'PAT_MRN_ID' since the 4/2 upgrade.\n\nDana Moe\n(651) 555-0101"],
    ['PT/OT', 'Therapy flowsheet - PT/OT cannot see the new template since the 3/3 upgrade.\n\nKaren Dahl\n(320) 555-0166'],
    ['an org chart', 'Please update the org chart for 3/1 with the new analysts.\n\nLee Vang\n(651) 555-0130'],
    ['a test record', 'Tested with a ZZTEST patient query on 3/23: same error.\n\nHina Watanabe\n(808) 555-0109'],
    ['an address of the app', 'Mail server bounces since 4/22 from mychart-noreply@nslhealth.org: 550 5.7.1 rejected.\n\nKalena Moe\n(612) 555-0111'],
    ['no patient data', 'Laptop lost on 3/16. No Epic extracts or patient data stored locally per Nathan.\n\nNathan Ige\n(808) 555-0101'],
  ];
  for (const [what, text] of clean) it(`${what}: nothing found`, () => expect(values(text)).toEqual([]));

  it("a patient's own portal, a patient's proxy and a Chart Review for a patient still count", () => {
    expect(values('I cannot log in to the patient portal, it says locked.\n\nMaria Garcia\n508-555-0137')).toContain('Maria Garcia');
    expect(values('Gladys Pruitt wants Dean Pruitt taken off her proxy settings.')).toEqual(expect.arrayContaining(['Gladys Pruitt', 'Dean Pruitt']));
    expect(values('In Chart Review for Marcus Whitfield the Media tab is blank.')).toContain('Marcus Whitfield');
    expect(values("Soldier's pre-deployment labs 2/20 missing from the portal; he leaves on a 6/1 deployment.")).toContain('2/20');
  });
});

describe("numbers that are the desk's own (identifier rules)", () => {
  it('a plate needs a plate: no word in small letters, no time, no error code, no parking permit', () => {
    expect(values('Started BrokerAgent manually, registration restored 14:10. Patient Maria Lopez DOB 3/4/1950')).not.toContain('restored 14');
    expect(values('Mele did the manual baby reg at 05:10 for patient Maria Lopez DOB 3/4/1950')).not.toContain('at 05');
    expect(values('Stork errored: "Unable to file - PRELUDE_REG_ERR 0113" for patient Maria Lopez DOB 3/4/1950')).not.toContain('ERR 0113');
    expect(values('My parking hang tag for the garage (tag #P-20418) stopped opening the gate.\nPatient Maria Lopez DOB 3/4/1950')).not.toContain('P-20418');
    // a patient's plate
    expect(values("Security needs Americo Ortiz's tag MKH 5703 for the garage access list")).toContain('MKH 5703');
  });
  it("a date's year and a window's hours are no phone and no card", () => {
    const found = values('Window: Thu 04/09/2026 0200-0400 HST. Patient Maria Lopez DOB 3/4/1950');
    expect(found).not.toContain('2026 0200-0400');
    expect(values('Phones drop near rooms 4401-4412. Patient Maria Lopez DOB 3/4/1950')).not.toContain('4401-4412');
  });
  it("labels that are a supplier's, a payer's, a system's or a colleague's", () => {
    expect(values('Vendor: GE HealthCare\nRemit to: P.O. Box 96483\nInvoice #: 9100448127\nContract #: CX-88213')).toEqual([]);
    expect(values('2025-09-15 08:02:11 Payer HMSA-QUEST (Payer ID 990040115) - timeout')).toEqual([]);
    expect(values('Billing NPI 1720581946\nTaxonomy on record: 282N00000X (General Acute Care Hospital)')).not.toContain('282N00000X');
    expect(values('Tested with my badge 0457718 and Dr. Kwon\'s badge 0391202 - both fail on COW06 after the badge reader update.')).toEqual([]);
    expect(values('Group: QLMC HOSPITALIST DAY (Spok group ID 1102)\n 12/01-12/07  Chidi Okafor MD')).not.toContain('1102');
    expect(values('Spectrum Enterprise, CID 91.KFGS.011782..TWCC, account 8352 10 044 0187221 (pt Maria Lopez DOB 3/4/1950 was on the phone)')).not.toContain('8352 10 044 0187221');
    // a patient's account on the line with a carrier named after it stays
    expect(values('HONDA, MERCEDES  DOB 05/19/1992  acct 2200193847 - Comcast outage at home so pt cannot log in')).toContain('2200193847');
  });
  it("phones on a desk phone list are the desk's own equipment", () => {
    const text = 'Spectralink phones dropping calls on the Wi-Fi. Phones affected:\n\nExt 6-4471  SN 84a0c9d21f  "4MK RN 1"\nExt 6-4472  SN 84a0c9d22b  "4MK RN 2"';
    expect(values(text)).toEqual([]);
  });
  it("an HL7 event's operator is a user, not a patient nor a licence", () => {
    const msg = 'MSH|^~\\&|EPIC|MMH|LAB|MMH|20250304091522||ADT^A08|TST00048812|T|2.5.1\nEVN|A08|20250304091522|||JNAKAMURA^NAKAMURA^JARED\nPID|1||E9000012^^^MMHMRN^MR||ZZTEST^BEAKER^ONE||19000101|F';
    const found = values(msg);
    expect(found.filter((v) => v.includes('NAKAMURA'))).toEqual([]);
    // the patient of a real message is still found
    expect(values(msg.replace('ZZTEST^BEAKER^ONE||19000101', 'KAHALE^LEILANI||19580611'))).toEqual(expect.arrayContaining(['E9000012', 'KAHALE^LEILANI', '19580611']));
  });
});

describe('patients written in the forms set 27 taught', () => {
  it('a spaced worklist whose values fill their columns', () => {
    const text = 'Worklist (MWL from Radiant) showed:\n\nAccession  Pt Name              MRN      DOB        Exam\nQLR7781204 OKUDA^HARUO         7003215  19380112   MRI CSPINE WO\nQLR7781209 FERREIRA^MANUEL J   7019944  19441205   MRI CSPINE WO\n\nThe tech picked the first line.';
    expect(values(text)).toEqual(expect.arrayContaining(['QLR7781204', '7003215', '19380112', 'FERREIRA^MANUEL J', '7019944', '19441205']));
    // (a line of prose under the table is no row)
    expect(values(text)).not.toContain('The tech picked the first line.');
  });
  it("a census's attending column is the care team's", () => {
    const text = 'Bed   Name                 Admit     Attending\n5W-12 LOPEZ, MARIA          03/02/24  PARK, KEVIN\n5W-14 GRANT, HELEN          03/01/24  PARK, KEVIN\nCensus printout is missing a column.';
    const found = values(text);
    expect(found).toEqual(expect.arrayContaining(['LOPEZ, MARIA', '03/02/24', 'GRANT, HELEN', '03/01/24']));
    expect(found).not.toContain('PARK, KEVIN');
  });
  it('a surname in capitals and an initial before a patient document word in a file name', () => {
    expect(values('POA received & scanned (PAGDILAO_F_POA_20250210.pdf). Proxy activated.')).toContain('PAGDILAO_F');
    expect(values('pt signed the full form (MAGBANUA_C_proxyform.pdf).')).toContain('MAGBANUA_C');
    expect(values('Uploaded SERVER_A_config.pdf and IT_SOP_A_release.pdf to the share.')).toEqual([]);
  });
  it('"last, first" in small letters before a record label, listed or not', () => {
    expect(values('printed specimen labels for hiraoka, masaru (mrn 3318204) by mistake')).toContain('hiraoka, masaru');
  });
  it("accessions, a palm-vein system's ID and a state programme's member ID", () => {
    expect(values('Both specimens redrawn, new accessions H25-042-01102 (Kauwe) and H25-042-01103 (Yamada).')).toEqual(expect.arrayContaining(['H25-042-01102', 'H25-042-01103']));
    expect(values('Matched to: Leilani Kahale, DOB 04/18/1990\n   PatientSecure ID: PS-00913377')).toContain('PS-00913377');
    expect(values('Aileen: medquest id 0048811273 for the pt')).toContain('0048811273');
  });
});

describe("a site's departments and a colleague's team in brackets", () => {
  it('a place before a department or an island is no name', () => {
    const found = values('Pt Maria Lopez MRN 1234567. Two CBC sets from Hilo ED came in; the Kailua Peds clinic (4th floor) and Hilo Ortho; QLMC ED registration; we see these on the Big Island.');
    expect(found).toEqual(['Maria Lopez', '1234567']);
    // (a person is still one: a census first name, a possessive before the department)
    expect(values('Pt John Hall called. Acct 7702418 is $0 now, Kinsley Tollefson\'s ED balance cleared.')).toEqual(expect.arrayContaining(['John Hall', '7702418']));
  });
  it('a colleague with a privacy, compliance, HIM or case management team in brackets', () => {
    const text = 'Pt Maria Lopez MRN 1234567 on the lost laptop.\n\n- Entra sign-in blocked\n- Lisa Okamura (Privacy) notified\n\nPua Kanahele (case management) reported it. cc Owen Hart (HIM)';
    expect(values(text)).toEqual(['Maria Lopez', '1234567']);
  });
});

describe("a system's patient word beside a colleague's name", () => {
  it("a colleague's comment header on the next line does not make a patient list anyone's", () => {
    const text = 'Patient list columns reset after the Epic upgrade on 3/2.\nKelsey Vold added a comment - 03/Mar/25 9:14 AM\nRebuilt the column template, fixed for 4 West. Call me at 555-201-3344';
    expect(values(text)).toEqual([]);
    // (a patient named there still is one)
    expect(values('Patient list on 4 West shows Maria Garcia twice since the Epic upgrade on 3/2.')).toEqual(expect.arrayContaining(['Maria Garcia']));
  });
  it('a person who reports her own IP still counts', () => {
    expect(values('The portal mychart.northbayhealth.org gives 502 from outside. Reported by Irene Szabo, her IP 71.184.22.9, screenshot attached')).toContain('71.184.22.9');
  });
});

describe('patient words that name no one', () => {
  it("a test record's field, a rule's name, 'not a patient', 'per-patient', a department", () => {
    expect(values('Test data after the Epic upgrade on 3/4:\n  Patient: ZZTEST, PATIENT  (TST)\nReach me at 608-555-0174')).toEqual([]);
    expect(values('Interface rule "Route_Patient_To_MT" disabled on the server since 3/10. Call 207-555-0142')).toEqual([]);
    expect(values('Sample message from the interface server (QC, not a patient) on 3/5. Call 337-555-0119')).toEqual([]);
    expect(values('Pyxis item 4471 is a per-patient supply item since the 2/1 update. Call 505-555-0166')).toEqual([]);
    expect(values('Reporter: Monique Dubois, Patient Portal Support\nPortal server certificate renewed on 3/3.')).toEqual([]);
  });
  it("'no patient harm' beside a person's details still counts", () => {
    expect(values("RightFax server sent a page to the wrong number 312-555-0190, it had Ronald Teague's info on it. no patient harm known yet")).toEqual(expect.arrayContaining(['312-555-0190', 'Ronald Teague']));
  });
});

describe("the desk's circuits, invoices and asset tags", () => {
  const PT = '\nPatient Maria Lopez DOB 3/4/1950 called.';
  it("a circuit's bandwidth is no age, a carrier's account and a parcel's tracking number no card", () => {
    expect(values('Circuit: Windstream Ethernet 100M, circuit ID 44.KFGS.118742.' + PT)).not.toContain('100');
    expect(values('Cable One business 300M, account 8301 1100 4471 2260, modem down.' + PT)).not.toContain('8301 1100 4471 2260');
    expect(values('Outbound: FedEx 7789 4410 2236 shipped today.' + PT)).not.toContain('7789 4410 2236');
  });
  it("an invoice is a supplier's unless a patient's words stand around it", () => {
    expect(values('Replaced by CDW on 1/21 (order 6MXK422, invoice 9084412771).\nThe dock was swapped the same day and the firmware updated to 2.14 before the unit went back to the clinic.' + PT)).not.toContain('9084412771');
    expect(values('Pt Maria Lopez says her invoice 9084412771 shows a balance she already paid.')).toContain('9084412771');
  });
  it("a tag or a registration needs a plate's shape", () => {
    expect(values('Laptop LRH-LT-2231, dell latitude 5440, tag 7XK4QZ3 will not connect.' + PT)).not.toContain('7XK4QZ3');
    expect(values('Handheld scanners (Honeywell CT40, tags SPD-HH-03, -05) offline.' + PT)).not.toContain('SPD-HH-03');
    expect(values('She is moving over from ED registration 50% of her time.' + PT)).not.toContain('50');
    expect(values('NM Board of Pharmacy CS registration: CS-00094418 renewed.' + PT)).not.toContain('CS-00094418');
    // a patient's plate
    expect(values("Pt Maria Lopez's car, MN plate LKP 441, was towed from the ED lot.")).toContain('LKP 441');
  });
});

describe("the desk's machines and staff badges", () => {
  const PT = '\nPatient Maria Lopez DOB 3/4/1950 called.';
  it("a serial after an asset's name with two dashes is the desk's equipment", () => {
    expect(values('EKG carts not sending to MUSE since the 9.0 SP5 update yesterday. Carts: MAC5500-ED-01 (SN SEG13218702PA), MAC5500-ED-02 (SN SEG13218655PA). Both on wifi SSID HSP-BIOMED.\n\nDana Moe\n(608) 555-0174')).toEqual([]);
    // (a patient's G-tube lot stays)
    expect(values('IR procedure log: G-tube (MIC-KEY 14 Fr) lot 2310071-A entered on the wrong case. Correct case is Raymond Lutz, procedure 09/19/2024.')).toContain('2310071-A');
  });
  it('a badge number is a staff badge', () => {
    expect(values('Employee ID: 00451987\nBadge #: 8820417\nManager: Dana Moe' + PT)).not.toContain('8820417');
  });
  it("an MRN has four digits at least, its label glued only as 'MRN'", () => {
    expect(values('FW: GE MR450w - planned downtime for the coil swap.' + PT)).toEqual(['Maria Lopez', '3/4/1950']);
    expect(values('The robot (unit ID MOXI-HSP-02) keeps getting stuck.' + PT)).not.toContain('MOXI-HSP-02');
    expect(values('Pt Maria Lopez MRN12345678 has two charts')).toContain('12345678');
  });
});

describe("a paragraph's writer heading it", () => {
  it('with a credential, a team in brackets or an extension, then a colon, is staff', () => {
    expect(values('video visit link went to the wrong patient\n\nBenjamin Crowfeather (Telehealth) x4880:\nPt Valerie Dupree (MRN 4412345) got the link for another pt.')).toEqual(['Valerie Dupree', '4412345']);
    expect(values('can we whitelist caringbridge?\n\nTamara Lund RN (Oncology) x4560: our pt Loretta Hauser (MRN 4412345) wants to post updates.')).toEqual(['Loretta Hauser', '4412345']);
  });
  it('unless the bracket or the message speaks as a patient', () => {
    expect(values('portal issue\n\nMaria Lopez (patient) x4560: my MRN 4412345 is wrong')).toContain('Maria Lopez');
  });
});

describe("a patients' table's event column", () => {
  it("'Time' or 'Date' beside an MRN column holds each patient's event; a time alone is no date", () => {
    const text = 'Pyxis pulls missing from the feed:\n\n| Time | Station | Patient | MRN | Med | User |\n|---|---|---|---|---|---|\n| 02/22 03:14 | CVICU-1 | KESSLER, ARNOLD | E0661923 | norepinephrine | OSTROWSKI, LAUREN |\n| 11:02 | ED-2 | WHITE, DOVE | E1988701 | ondansetron | DOYLE, MEGAN |';
    const found = values(text);
    expect(found).toEqual(expect.arrayContaining(['02/22 03:14', 'KESSLER, ARNOLD', 'E0661923', 'WHITE, DOVE', 'E1988701']));
    expect(found).not.toContain('11:02');
  });
});

describe("a portal's or a valet's number for one patient", () => {
  it('proxy requests, portal threads and valet tickets beside a patient', () => {
    expect(values('Pt Maria Lopez (MRN 0518822) - HealtheLife proxy request PX-0031127 is stuck in "Pending".')).toContain('PX-0031127');
    expect(values('Pt Maria Lopez (MRN 0518822) wrote in; portal thread ID MSG-7718220.')).toContain('MSG-7718220');
    expect(values("Pt Maria Lopez's son is here to pick up her car. Valet ticket V-004418.")).toContain('V-004418');
  });
});

describe("software licences and server models", () => {
  it("are no one's licence; a visitor's licence still is", () => {
    expect(values('Imprivata appliance version 7.11, license ID IMPR-DVH-001442 expired on 3/1.\nPatient Maria Lopez DOB 3/4/1950 could not badge in.')).not.toContain('IMPR-DVH-001442');
    expect(values('R07   20   NG-ARCHIVE01    HPE DL380 Gen10\nPatient Maria Lopez DOB 3/4/1950')).not.toContain('380');
    expect(values("Front desk scanned a visitor's ID into the badge printer by mistake - License: D4418823, exp 2027. Please purge it from the badge server.")).toContain('D4418823');
    expect(values('Quote line "UV Zero-Footprint Concurrent Lic x10" was added.\nPatient Maria Lopez DOB 3/4/1950')).not.toContain('x10');
    expect(values('Driver license X1234567 scanned for pt Maria Lopez DOB 3/4/1950')).toContain('X1234567');
  });
});

describe("a system's dates", () => {
  it("a build, a rotation, a refresh or a feed that stopped is the desk's date", () => {
    const found = values("Transmissions from Medtronic CareLink aren't importing into Paceart since 05/09, so they don't cross to Cupid. 41 messages errored since 03/09.\nAsk: Phreesia support to resend the whole queue tonight.\nExample: pt Maria Lopez DOB 3/4/1950");
    expect(found).toEqual(expect.arrayContaining(['Maria Lopez', '3/4/1950']));
    expect(found).not.toContain('05/09');
    expect(found).not.toContain('03/09');
  });
});

describe("an environment's acronym after 'moved to'", () => {
  it('is no city', () => {
    expect(values('Change CHG0043112 moved to PRD tonight at 19:00. Patient Maria Lopez DOB 3/4/1950')).not.toContain('PRD');
    expect(values('Patient Maria Lopez moved to Salem MA 01970 in June.')).toEqual(expect.arrayContaining(['Salem MA', '01970']));
  });
});

describe("the care team's field on a record's line", () => {
  it('an attending or a PCP after its label is no patient', () => {
    const found = values('Rm 401  LANG, ORVILLE  MRN 8812093  Attending: Varga MD, Anita\nDOB: 14-Mar-1931   94 Y F   Att: Gupta, Rakesh MD');
    expect(found).toEqual(expect.arrayContaining(['LANG, ORVILLE', '8812093']));
    expect(found.filter((v) => /Varga|Gupta/.test(v))).toEqual([]);
  });
});

describe("a rule book's policies, a directory's groups and a badge's card", () => {
  it("are no health plan's numbers; a patient's policy still is", () => {
    expect(values('Finish the module before we activate the DC reader (policy SEC-022). Will activate after.\nPatient Maria Lopez DOB 3/4/1950')).not.toContain('SEC-022');
    expect(values('On-call rotation starting 4/1.\nGroup ID: HOSPN-02\nPatient Maria Lopez DOB 3/4/1950')).not.toContain('HOSPN-02');
    expect(values('Phish link went to hxxps://memic-premiumaudit[.]com/docs/Policy_3102-884-17.html for staff.\nPatient Maria Lopez DOB 3/4/1950')).not.toContain('3102-884-17');
    expect(values('old card: HID Prox 26-bit FC 112 / card 40871 -> new card issued after the badge reader update.')).toEqual([]);
    expect(values("Pt Maria Lopez's Aetna policy W123456789 was termed on 3/1.")).toContain('W123456789');
  });
});

describe('patients found in forms set 28 taught (a dev set after its measurement)', () => {
  it("an HL7 phone's area code and local number in XTN components 6 and 7", () => {
    const msg = 'PID|1||40772019^^^NSLH^MR||EHLERT^DOUGLAS||19380915|M|||2714 Hazelwood St^^Maplewood^MN^55109^USA^H||^PRN^PH^^1^651^7704412';
    expect(values(msg)).toContain('651^7704412');
  });
  it("a file name's record number and date after the patient's name", () => {
    const found = values('Stuck in the upload queue:\n  HAIKU_EHLERT_DOUGLAS_40772019_20250303_0932.jpg\n  HAIKU_AUGUSTINE_MARY_40901177_20250304_1015.jpg');
    expect(found).toEqual(expect.arrayContaining(['40772019', '20250303', '40901177', '20250304']));
  });
  it('palm-vein templates in a log', () => {
    expect(values('PatientSecure palm enrolment for the pt failed. Orphaned templates PS-T-00482297 purged.')).toContain('PS-T-00482297');
  });
  it("a firewall's policy, a query plan and an X12 transaction's number are no plan IDs", () => {
    expect(values('Blocked by the FortiGate policy at the Anoka edge (policy ID 411).\nPatient Maria Lopez DOB 3/4/1950')).not.toContain('411');
    expect(values('Query Store shows plan 88213 replaced 71004 on the SQL server after the Clarity upgrade.')).not.toContain('88213');
    expect(values('Summary: Sanford Health Plan 835 ERA files not loading.\nPatient Maria Lopez DOB 3/4/1950')).not.toContain('835');
  });
});

describe("a spaced report's staff column and a saint's place", () => {
  it("an override report's User column is the nurse who pulled the dose", () => {
    const text = 'Override report:\n\nDate/Time        Patient               MRN       Age   Med                          User\n03/03/25 02:14   ELLINGSON, HAROLD W   40012298  97Y   HYDROmorphone 0.5 mg inj     HAUGEN, INGRID\n';
    const found = values(text);
    expect(found).toEqual(expect.arrayContaining(['ELLINGSON, HAROLD W', '40012298']));
    expect(found).not.toContain('HAUGEN, INGRID');
  });
  it("'St. Paul' and 'St. Luke's' are places; 'Paul St. John' is a person", () => {
    expect(values('Born at the old Bethesda in St. Paul, and the St. Luke\'s clinic next door. Pt Maria Lopez DOB 3/4/1950')).toEqual(['Maria Lopez', '3/4/1950']);
    expect(values('Pt Paul St. John called, DOB 3/4/1950')).toEqual(expect.arrayContaining(['Paul', 'John']));
  });
});
