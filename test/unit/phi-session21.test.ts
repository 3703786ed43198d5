/**
 * Session 21's cases, from the unseen set 29 (western Pennsylvania, the Ohio Valley, West Virginia):
 * clean desk tickets the detector flagged because a word or a number read as a patient's (Pennsylvania's
 * "PA" before a ZIP read as a prior authorization, a handset's serial, a payer's portal, a QA phantom…),
 * each beside a patient ticket of the same shape that must still be found.
 */
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../src/phi/detect';

const detector = createDetector();
const values = (text: string) => detector.detect(text).map((f) => text.slice(f.start, f.end));

describe("the desk's own numbers are no patient's", () => {
  const clean: Array<[string, string]> = [
    ["Pennsylvania's code before a ZIP", 'Badge readers on 4 North fail since the 2/10 patching.\n\nDenise Jablonski, MSN, RN\nButler Memorial Hospital\nOne Hospital Way, Butler, PA 16001\nOffice 724-555-0183'],
    ["Pennsylvania's code before a ZIP, no comma", 'Toner short-shipped on 1/17.\n\nBill-to: Accounts Payable, PO Box 38120, Pittsburgh PA 15238\nJoseph Kapusta\n412-555-0157'],
    ["a handset's serial", "Summary: Spectralink 8440 replacements - Punxsutawney ED\n\nRyan from field services here. Three Spectralink handsets at Punx ED are failing to register after the AP swap on Friday. Details:\n\nHandset 1: SN 8440-1A72C09, MAC 00:90:7A:1C:4F:22, ext 814-555-0261\nHandset 2: SN 8440-1A72C31, MAC 00:90:7A:1C:4F:8E, ext 814-555-0262\n\nThey show \"Not Registered\" on the display, SIP 403 in the CUCM logs.\n\nRyan Hershberger\nField Services Technician - North Region\nCell 814-555-0190"],
    ["a device record's serial", 'Intune device record:\n  Device name: shaddad_iPhone_15Pro\n  Serial: F2LXK9P4QW\n  OS: iOS 17.3\n\nCalled him at 412-555-0134 on 3/4.\n\nJared Novak'],
    ["a network device's model", "Summary: Meraki MX offline - Smicksburg clinic\n\nDashboard alert:\n  Network: SMK-Clinic (L_6482955)\n  Device: MX67C \"SMK-MX01\" S/N Q2XX-7JP4-2M9D\n  Status: Offline since 2025-02-06 04:12 EST\n  Uplink: WAN1 (Windstream DSL) down\n\nCalled the clinic, Tiffany says there was an ice storm overnight and the line on Route 954 is down.\n\nSunita Gurung\nIT Service Desk\nx4-4357"],
    ['a configuration plan', 'Config plan:\n  MX67C SMK-MX01: WAN1 DSL, WAN2 Starlink\nInstall Fri 03/14 with Ryan Hershberger, 814-555-0338.'],
    ["a vendor's client ID", '9 All other languages -> LanguageLine, client ID 508831, access code 7720\n\nRuth Beiler\nInterpreter Services, cell 814-555-0312'],
    ["a supplier's account", "Invoice dispute - Allegheny Imaging Supply acct 30-771942\n\nCustomer: THREE RIVERS VALLEY HEALTH  Account #: 30-771942\nJoseph Kapusta, 412-555-0157, 1/17"],
    ['a QA phantom', 'PACS post-patch validation OK on 3/28 - test study PHANTOM^CT^WATER retrieved from both archives.\n\nJosip Babic\n412-555-0150'],
    ["letters inside a serial", 'Time clock offline after the update. Clock: device ID BUT-TC-07, S/N 2307DX118842, offline since 1/14.\n\nDenise Jablonski\n724-555-0183'],
    ["a payer's portal", "Epic claims rejected since 3/1: Credentialing attached the New Castle location to the old group in Highmark's portal in Feb.\n\nCarla Mancini\n412-555-0160"],
    ['the portal after the payer', 'RTE in Epic is timing out: registrars have to call the payer or use the portal since 3/3.\n\nLatoya Freeman\n412-555-0161'],
    ["an agency's programme", "Summary: Black Lung clinic - DOL OWCP portal login failing (Kittanning)\n\nThe Black Lung program at the Kittanning clinic can't log in to the Department of Labor OWCP Connect portal to submit bills.\n\nHannah Zook\n724-555-0151"],
  ];
  for (const [what, text] of clean) it(`${what}: nothing found`, () => expect(values(text)).toEqual([]));

  it('the same shapes with a patient are still found', () => {
    expect(values('Patient Maria Lopez DOB 3/4/1950, prior auth PA 4481702 approved.')).toContain('4481702');
    expect(values('Patient Maria Lopez, 12 Elm St, Butler, PA 16001, DOB 3/4/1950')).toEqual(expect.arrayContaining(['Butler', '16001']));
    expect(values('Patient Maria Lopez DOB 3/4/1950: pacemaker serial PJN123456R on her home monitor.')).toContain('PJN123456R');
    expect(values('Patient Maria Lopez (MRN 4410882) cannot log in to her portal.')).toContain('Maria Lopez');
    expect(values('Behavioural health: my note for client Jaylen Torres (Client ID 200458).')).toContain('200458');
    expect(values('PID|1||4410882^^^MRN||LOPEZ^MARIA||19500304|F')).toContain('LOPEZ^MARIA');
  });
});

describe('words that are no patient (no-patient rule)', () => {
  const clean: Array<[string, string]> = [
    ['patient-education tablets', 'Oakmont wants to replace the wall-mounted patient-education tablets in the day rooms (Intune kiosk mode) by 3/1.\n\nAngela Rossi\n412-555-0128'],
    ['a visit slip', 'healow Check-In kiosk at the Weirton front desk stopped printing the visit slip. Screen says "Printer error 0x0E" since 2/24.\n\nBrittany Kline\n304-555-0144'],
    ['a NEW PATIENT visit type', 'Please build Cadence templates for Dr. Adeyemi from 05/05.\nVisit types:\n  NEW PATIENT 40 min (limit 2/day)\n  FOLLOW UP 20 min\n\nPriya Nair\nx4-2262\n412-555-0170'],
    ["MyChart's scheduling", 'Cadence build for New Castle, open to scheduling 03/24.\nMyChart direct scheduling: FOLLOW UP only\n\nPriya Nair\n412-555-0170'],
    ['the same portal again', "The Black Lung program can't log in to the Department of Labor OWCP Connect portal. Login.gov sends the code but after entering it the portal says \"Your account is not associated\" since 1/21.\n\nHannah Zook\n724-555-0151"],
    ['an eligibility monitor', 'Epic RTE stats from Prelude > Eligibility Monitor, 07:00-09:30 on 3/3: 42% timeouts.\n\nLatoya Freeman\n412-555-0161'],
    ["an employee's own address in HR", 'Employee says she updated her home address in Workday on 2/03 but the W-2 reprint went to the old one.\n\nMonique Carter\nHRIS Analyst\n412-555-0172'],
    ['a month of staff birthdays', 'Digital signage player in the lobby shows the SharePoint list:\n  March Birthdays\n  Dolores Fiorentino - March 3\n  Amy Sauer - March 17\nPlease fix the feed.\n\nHannah Zook\n724-555-0151'],
    ['learner patients', 'TRAIN env - the playground lacks the standard learner patients for the 3/13 class. Searching TRAIN, ADULTONE in Hyperspace TRN.\n\nTeresa Lipinski\nx4-3318\n412-555-0185'],
    ['no matching patients', 'Hyperspace TRN search gives "No matching patients found." since the 3/9 refresh.\n\nTeresa Lipinski\n412-555-0185'],
    ['a QA phantom named as the patient', 'New CT at Washington: PACS DICOM test on 3/27 using phantom (accession TEST0000317, patient name PHANTOM^CT^WATER).\n\nElena Hudak\n724-555-0155'],
    ['test records with a placeholder date', 'Interface TST messages: "1 TEST DR" address, 1900-01-01 DOB - these are all from the TST build. 42 ZZTEST patients recreated with DOB 1/1/1980 on 3/2.\n\nJosip Babic\n412-555-0150'],
    ["a tablet's masked serial", 'Current: 8 x Samsung Galaxy Tab A8 (S/N R9PT60A1xxx series), Knox kiosk mode, mounted 2021; replace by 3/1.\n\nDipendra Rai\n412-555-0188'],
    ["an HR feed's worker", 'Workday -> AD provisioning error on 1/13:\n  Worker_ID=213309 Legal_Name="Rai, Dipendra" Position=P-0044172 Hire_Date=2025-01-20\n\nMonique Carter\n412-555-0172'],
    ["a supplier's invoice to the organisation", 'Invoice dispute forwarded by AP.\n\nBill-to: Accounts Payable, PO Box 38120, Pittsburgh PA 15238\n\nInvoice 88127-B   Date 01/14/2025   PO# 4500183990\n\nJoseph Kapusta\n412-555-0157'],
  ];
  for (const [what, text] of clean) it(`${what}: nothing found`, () => expect(values(text)).toEqual([]));

  it('a screen that says something is no one, even beside a patient', () => {
    const found = values('Patient Maria Lopez DOB 3/4/1950 checked in at the kiosk on 2/24. Screen says "Printer error 0x0E".');
    expect(found).toContain('Maria Lopez');
    expect(found).not.toContain('Screen');
  });

  it('the same words beside a patient still count', () => {
    expect(values('New patient Maria Lopez DOB 3/4/1950 could not book online.')).toContain('Maria Lopez');
    expect(values('Eligibility request for Leilani Kahale keeps timing out in the Epic RTE interface; tried at 10:15 on 03/02/2025.')).toContain('Leilani Kahale');
    expect(values('Employee Angela Pruitt 617-555-0199 requesting a copy of her imaging CD from the MRI last month.')).toContain('Angela Pruitt');
    expect(values('Pt Walter Bukowski says he moved to 12 Elm St, Butler last month; DOB 5/2/1941.')).toContain('Walter Bukowski');
    expect(values('Patient Maria Lopez: her statement shows a balance from the 3/4 visit.')).toContain('Maria Lopez');
    expect(values('PID|1||4410882^^^MRN||LOPEZ^MARIA||19500304|F\nPV1|1|O|CLINIC^^^MMMC||||1234567893^SMITH^JOHN')).toContain('LOPEZ^MARIA');
  });
});

describe("patients' values set 29 wrote that were missed", () => {
  it('a lower-case name after a title in a chat', () => {
    expect(values('[07:04] Dominique Patin LCSW: bed 5 mr joubert (DOB 4-Apr-1936) going to the NH today')).toContain('joubert');
    expect(values('[07:09] Dominique Patin LCSW: ok. ms bonvillain\'s son wants a call before d/c, pt DOB 3/3/1940')).toContain('bonvillain');
    expect(values('[9:03 AM] Olivia Matusz: mrs carol a bennett dob 2/9/47 mrn 1184302, highmark bcbs')).toContain('carol a bennett');
    // (milliseconds and Microsoft are no one)
    const found = values('Patient Maria Lopez DOB 3/4/1950: the page took 250 ms teams to load. ms teams crashed during her visit.');
    expect(found).not.toContain('teams');
  });

  it('a "Last, First" before "| DOB"', () => {
    expect(values('Examples from the WQ:\n- Rai, Pabitra | DOB 01/01/1990 | PA Medicaid recipient ID 9304118872 | filed as Geisinger')).toEqual(expect.arrayContaining(['Rai, Pabitra', '9304118872']));
  });

  it('the values listed after a plural label', () => {
    const text = 'Kofax batch failed. Files:\nSTOLTZFUS_RUTH_A_DOB19470522_HIPAA_ACK.pdf\n\nWe will use MRN_DOCTYPE from now on. MRNs for these: Ruth Stoltzfus 6618203, Michael Danko 6620914, Dil Gurung 6602288.\n\nRenamed and re-released: 6618203_HIPAA_ACK.pdf, 6620914_WC_FORM.pdf';
    const found = detector.detect(text).filter((f) => f.type === 'MRN').map((f) => text.slice(f.start, f.end));
    expect(found).toEqual(['6618203', '6620914', '6602288', '6618203', '6620914']);
    expect(values('Patient Maria Lopez DOB 3/4/1950, encounter media. Media IDs: MED-88120441, MED-88120442, MED-88120443.')).toEqual(expect.arrayContaining(['MED-88120441', 'MED-88120442', 'MED-88120443']));
    expect(values('Printed "ST PIERRE,MA" for ST PIERRE,MARC J DOB 08/09/1967\nSpecimen #s affected: 0304:H00152, 0304:H00153, 0304:C00087\nAll relabeled.')).toEqual(expect.arrayContaining(['0304:H00152', '0304:H00153', '0304:C00087']));
    // (without a patient, a list of the desk's own numbers stays)
    expect(values('Patch notes: Media IDs: MED-1001, MED-1002 fixed in Epic 2025.')).toEqual([]);
  });

  it("a court's or the police's number beside a patient", () => {
    expect(values('Pt Jordan Maczko, MRN 4410882, admitted 03/08/2025 under 302 (petition 2025-MH-0319)')).toContain('2025-MH-0319');
    expect(values('Patient Maria Lopez DOB 3/4/1950: vehicle per Baldwin Borough PD report 25-003318 (pt\'s copy scanned)')).toContain('25-003318');
    expect(values('His mother Rosalind Batiste is curator (27th JDC docket 24-C-3318) for patient Kendrick Batiste DOB 2/2/1990')).toContain('24-C-3318');
  });

  it("a member's ID after a plan's name and a comma or a bracket", () => {
    expect(values('Pt Delores Robinson DOB 3/4/1950 is The Health Plan, ID 0004418823-01, no referral needed.')).toContain('0004418823-01');
    expect(values('Pt Lorraine Olson DOB 3/4/1950\nIns: ND Medicaid Expansion (Sanford Health Plan) ID 7704418215')).toContain('7704418215');
    expect(values("Carol Bennett's daughter says her mom's plan changed to UPMC for Life, new id 02447910801; DOB 2/9/1947")).toContain('02447910801');
  });
});

describe('words in patient tickets that are no one', () => {
  it("a Jira export's Key field", () => {
    const found = values('Summary: wrong patient after Epic merge of father/son\nKey: ITSD-20355 | Priority: P2\n\nPatient Nathan Brooks Sr, DOB 06/02/1958, MRN 2318004');
    expect(found).toContain('Nathan Brooks Sr');
    expect(found).not.toContain('Key');
  });

  it("a newborn's placeholder words are not found again on their own", () => {
    const found = values('Stork printed "HERSHBERGER, LYDIA" with the newborn MRN 9020140. Twin B came out right: "HERSHBERGER, BOY TWIN B".\n\nThe naming rule uses the "Baby Girl/Baby Boy + mother\'s last name" pattern.');
    expect(found).toContain('HERSHBERGER, LYDIA');
    for (const w of ['Twin', 'Baby', 'Girl', 'Boy']) expect(found).not.toContain(w);
  });

  it("an unidentified patient's placeholder, but not a real Jane Doe", () => {
    const found = values('Downtime reconcile:\nT000127 | DOE, JOHN | unknown | 01/21/2025 23:10 | 9004471\nRegistration has not updated the name because the "John Doe" workflow requires HIM. Doe rename on 9004471 done: MCCREIGHT, ROBERT, DOB 10/31/1950.');
    expect(found).toContain('MCCREIGHT, ROBERT');
    for (const w of ['DOE, JOHN', 'John Doe', 'Doe']) expect(found).not.toContain(w);
    expect(values('i scanned pt jane doe in 714 and before you ask her name is actually jane doe lol. Jane M. Doe, mrn 3318820')).toContain('jane doe');
  });
});

describe('colleagues named beside a patient', () => {
  it('by a department no patient is in, or by the writer telling them apart', () => {
    const cases: Array<[string, string]> = [
      ['Pt Timothy J, DOB 4/12/1977, has eCW acct 309415.\n\nCaitlin Bragdon in portal support is not related to either.', 'Caitlin Bragdon'],
      ['Pt Jonathan Ames has f/u with Dr Pike 3/12, DOB 2/2/1950.\n\nAmina Farah from Interpreter Services walked by and said "not my ticket".', 'Amina Farah'],
      ['Sponsor DBN 10384726501 for pt Kaylee Ruiz, DOB 3/3/2015. Appt 3/21. Not related to Heather Kowalski in informatics, I asked.', 'Heather Kowalski'],
      ['Her person nbr is 100417788 (pt Erlinda Valdez, DOB 5/5/1950). (Monica Valdez - not related, already asked.)', 'Monica Valdez'],
    ];
    for (const [text, colleague] of cases) {
      const found = values(text);
      expect(found.length).toBeGreaterThan(0);
      expect(found).not.toContain(colleague);
    }
  });

  it('not the patient the writer tells apart, nor a patient in an app named like a department', () => {
    expect(values('(before anyone asks, Mai Lee is not related to me, Yang is my husband) Pt Mai Lee DOB 4/4/1944')).toContain('Mai Lee');
    expect(values('Final DX code missing for Maria Garcia in the coding app after the update, MRN 4410882.')).toContain('Maria Garcia');
  });
});

describe('a portal no patient uses', () => {
  it('names a colleague on its line, but a patient when the line says whose it is', () => {
    for (const text of [
      'Haiku on the charge nurse iPhone: reinstalled via Company Portal, same error. Kelsey Vold\n(701) 555-0123 on 3/3',
      'Guest Wi-Fi: NSLH-Guest is captive portal only since 2/28, Tom Halvorsen asked. (651) 555-0142',
      'Access method: BeyondTrust vendor portal, jump group "Biomed", approved by Lena Hovde on 3/4. (651) 555-0150',
    ]) expect(values(text)).toEqual([]);
    expect(values('Need Company Portal re-enrollment for the bedside tablet in 7E-14 (Hyacinth Mabry\'s room, she\'s there through 08/12/2024 - 08/16/2024)')).toContain('Hyacinth Mabry');
    expect(values('guest wifi captive portal wont load for Odette Broussard rm 412, shes trying to facetime her grandkids. reachable on 504-555-0187')).toContain('Odette Broussard');
    expect(values('Support portal ticket #88213 with Nuance: PowerScribe pulled the wrong name onto the report, Lydia Farrow instead of the ordered one, report dated 04/29/2025.')).toContain('Lydia Farrow');
  });
});

describe('test and training records', () => {
  it("a training domain's patients and a test record opening its line", () => {
    for (const text of [
      'Epic TRN refresh failed on 3/9, please rebuild:\n  TRAIN, OBMOM      MRN 7700020   FIN 7710020\n  TRAIN, GERIONE    MRN 9800010   DOB 04/04/1940\n\nTeresa Lipinski\n412-555-0185',
      'PowerChart CERT list after the 2/24 refresh:\nZZTEST, SEPSISONE   MRN 9000412   FIN 91000233001   DOB 01/01/1960\n\nKayla Benally\n505-555-0166',
      'Interface TST: Patient: ZZZPREL, TESTREG  MRN (TST): E1000311  DOB 02/02/1992 (fake, test) fails on 3/3.\n\nJosip Babic\n412-555-0150',
    ]) expect(values(text)).toEqual([]);
  });

  it('a real patient named Train stays one', () => {
    expect(values('Please merge duplicate charts: TRAIN, SIMONE MRN 6610244 DOB 02/11/1982 and TRAIN, SIMONE MRN 6610997 DOB 02/11/1982. real pt.')).toEqual(expect.arrayContaining(['6610244', '02/11/1982']));
    expect(values('ADT A08 went out for TRAIN, TYRONE (MRN 8820417) with wrong PCP. he\'s a real patient')).toContain('8820417');
  });
});

describe("a person's facts that are the desk's business", () => {
  it('eligibility requests re-sent, org charts', () => {
    for (const text of [
      'Clearinghouse back on 3/12: re-ran the pending queue, 1,184 eligibility requests re-sent, all returned.\n\nElena Garduno\n(505) 555-0120',
      'Please update the IT org charts for 3/1 in SharePoint with the new analysts.\n\nLee Vang\n(651) 555-0130',
    ]) expect(values(text)).toEqual([]);
  });

  it("a patient's own still counts", () => {
    expect(values('Her insurance card shows member ID XJH448812; she moved to 12 Elm St last month.\n\nMaria Lopez called 3/4.')).toContain('Maria Lopez');
    expect(values("He moved to Ohio in March and his statement still goes to the old address. Walter Bukowski, 412-555-0199")).toContain('Walter Bukowski');
  });
});

describe("a log's user name", () => {
  it('is whoever signed in, no patient by itself; a portal user name beside a patient still is one', () => {
    expect(values('Imprivata agent log 03/19:\n2025-03-19 06:52:31.420 [OSAgent] INFO  user=hfarah1 auth=PASS\nFalling back to password auth (user=mpelletier)\n\nHassan Farah\n313-555-0177')).toEqual([]);
    expect(values('Patient Maria Lopez DOB 3/4/1950 cannot log in: portal_user=mlopez1950 locked.')).toContain('mlopez1950');
  });
});

describe('words alone that are no name', () => {
  it("Mom's, Customer Service, Study Correction, Newborn Link, Stork, SaaS, Millennium", () => {
    const found = values("Pt Daniela Ruiz DOB 3/4/2010. Mom's web sessions came from 174.53.88.212. MOM's MRN printed on the band. Routed from the Customer Service pool; moved with the Study Correction tool; fixed Mother/Baby Link in Stork; Millennium and the SaaS vendor agree.");
    expect(found).toContain('Daniela Ruiz');
    for (const w of ['Mom', 'MOM', 'Service', 'Study', 'Link', 'Stork', 'SaaS', 'Millennium']) expect(found).not.toContain(w);
  });

  it('a patient whose surname is In or Maine stays one', () => {
    expect(values('Patient name: In\nMRN: 4402718\nProblem: wristband prints blank')).toContain('In');
    expect(values("Pt Maine called again - MyChart locked, MRN 4410291. Maine's daughter helps her log in.")).toContain('Maine');
  });
});

describe("a system's event dates in a patient's ticket", () => {
  it('a certificate that expired, a reboot after patching', () => {
    const found = values('Pt Kamal Haddad DOB 3/4/1950 gets no MyChart push since the outage.\nThe vendor says the APNs certificate expired 02/09. Renewed cert, restarted the push service.');
    expect(found).toContain('Kamal Haddad');
    expect(found).not.toContain('02/09');
    expect(values('Pt Kamal Haddad DOB 3/4/1950 was admitted 02/09 and his visit expired in the queue.')).toContain('02/09');
  });
});

describe("an organisation's number in a patient's ticket", () => {
  it("an insurer's adjuster, not the patient's wife", () => {
    const found = values('Pt Ryan Ardoin DOB 3/4/1970, workers comp.\n  Employer: Gulf Fab & Marine (fab yard)\n  LWCC claim # 25-WC-0713390, adjuster Dana Pitre 225-555-0140\n  Wife Crystal Ardoin 985-555-0179 is his contact.');
    expect(found).toEqual(expect.arrayContaining(['Ryan Ardoin', '985-555-0179']));
    expect(found).not.toContain('225-555-0140');
  });
});

describe("a palm template's key in a log", () => {
  it("is a patient's biometric; an employee's time clock enrolment is not", () => {
    const found = values('PatientSecure at ED registration, pt Maria Lopez DOB 3/4/1950:\n10:21:12.004 ERROR SaveTemplate failed templateId=PS-T-00482291 reason=HTTP 503\nINFO Match PSID=00418827 template=T-5F22A9C1 score=0.91\nWARN secondary candidate palmTemplateId=PV-1B09D4E7A3C2 score=0.79');
    expect(found).toEqual(expect.arrayContaining(['PS-T-00482291', 'T-5F22A9C1', 'PV-1B09D4E7A3C2']));
    expect(values('Time clocks: the Kronos InTouch palm reader logs palm_template_id=EMP-55123 errors for employees enrolling since 3/3.')).toEqual([]);
  });
});

describe("a sign-in log's source address", () => {
  it("is the person's who signed in, not a server's", () => {
    const found = values('MyChart account of pt Marla Tsosie (DOB 3/4/1950) locked:\n2024-09-03 08:14:22 AUTH_FAIL user=mtsosie48 src=73.204.118.52 reason=BAD_PASSWORD\n2025-03-13 14:30:31 MST  JOIN_RETRY    ip=174.56.201.88');
    expect(found).toEqual(expect.arrayContaining(['73.204.118.52', '174.56.201.88']));
    expect(values('Pt Marla Tsosie (DOB 3/4/1950): interface log 08:14 src=10.42.9.40 dst=10.42.9.41 user=svc_epic')).not.toContain('10.42.9.40');
  });
});

describe("set 30's desk values (after its held-out measurement)", () => {
  it('a time clock, IMEIs under their column, a key fingerprint, a database version, a registry, a test order', () => {
    for (const text of [
      'UKG clock at Warren ED offline since the 3/3 network outage. device: InTouch DX, Device ID 1204-BA-ER, serial IDX2-0231-5527\n\nMonique Gaines\n313-555-0140',
      'Rover iPhones for Warren (asset list):\nDevice        | Serial        | IMEI               | Asset tag\nWAR-RVR-001   | F4HXK2P1QN    | 356789104482110    | GL-0063001\n\nPriya Venkat\n313-555-0150',
      'SFTP interface to the state registry fails since 3/29: the ED25519 key fingerprint is SHA256:qT7vW2yNd0fLxH9cR1sP8mK4. Verify the new fingerprint out-of-band.\n\nOmar Haddad\n313-555-0160',
      'Epic ODB on epic-odb-01 upgraded to Iris 2024.1.2 on 3/15; journal file moved.\n\nOmar Haddad\n313-555-0160',
      'Registry dashboard "GLSH Diabetes Quality (REG 1000113)" shows A1c-in-6-months at 0% since 3/2.\n\nNadia Kassab\n313-555-0170',
      'Beaker TST interface:\nPID|1||ZZ9000417^^^GLSH^MR||ZZTEST^BEAKERONE||19500101|F\nOBR|1|TST-ORD-771204|25TST-041ZZ0012|4011882^25-OH VITAMIN D\n\nNadia Kassab\n313-555-0170',
    ]) expect(values(text)).toEqual([]);
  });

  it('a patient beside them is still found', () => {
    expect(values('Pt Nadia Jarbo DOB 3/4/1948: her pacemaker serial PJN123456R on the home monitor, IMEI of her phone 356789104482110')).toEqual(expect.arrayContaining(['Nadia Jarbo', 'PJN123456R']));
    expect(values('PatientSecure palm scan for pt Nadia Jarbo DOB 3/4/1948: palm vein ID PV-7781204')).toContain('PV-7781204');
  });
});

describe("set 30's patient words of a system", () => {
  it('legacy encounter lookups and "No matching encounter"', () => {
    for (const text of [
      'Meditech archive: they need it for the legacy encounter lookups from before 2019 (Rhapsody channel down since 3/3).\n\nOmar Haddad\n313-555-0160',
      'Epic TST Bridges shows "No matching encounter" for every message since 3/3.\n\nOmar Haddad\n313-555-0160',
    ]) expect(values(text)).toEqual([]);
  });
});

describe("a correction's CSV export", () => {
  it('reads camel-case record and name columns ("IndexedMRN,IndexedName,CorrectMRN,CorrectName")', () => {
    const text = 'OnBase QA export:\nDocHandle,DocType,IndexedMRN,IndexedName,CorrectMRN,CorrectName,DOS\n8841207,Consent - General,E1170425,"ALVARADO, TERESA",E1170452,"ALVARADO, TERESITA M",02/27/2025';
    expect(values(text)).toEqual(expect.arrayContaining(['E1170425', 'E1170452', 'ALVARADO, TERESA']));
  });
});

describe("an X12 segment's name and 'no member info'", () => {
  it('are no one', () => {
    const found = values('Pt Ana Ruiz DOB 3/4/1950 cannot verify. Sample response (no member info):\n  ISA*00*          *00*          *ZZ*MDCHAMPS\n  AAA*N**42*R~');
    expect(found).toContain('Ana Ruiz');
    expect(found).not.toContain('ISA');
  });
});
