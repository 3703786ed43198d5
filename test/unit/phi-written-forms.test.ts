/**
 * PHI as the hand-written tickets (test/corpus/independent/) write it, which the generated corpus
 * did not: ages said in prose, biometric template IDs, portal logins without digits, a home IP by
 * its provider, identifiers joined to one already found, label printer code, devices issued to a
 * patient, tables aligned by spaces. Each with the IT-side text the same rule must leave alone.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';
import type { PhiType } from '../../src/phi/types';
import { expectClean, expectFound, found } from '../support/phi-expect';


describe('ages over 89 said in prose', () => {
  it.each([
    ["can u unlock the chart for robert wallace, he's 93 and in 4E rm 412", '93'],
    ['[10:21] Lamar Jenkins: ty. she’s 96 so the ED doc is nervous', '96'],
    ['proxy access for her mother, DOB 02/14/1931. Mom is 94 and lives with her daughter', '94'],
    ['Sanjay Mehta called: his father Vijay Mehta, 91, was discharged from 5 South', '91'],
    ['Discharge summary never routed to the PCP for Mr. Albert Finkelstein (96), MRN 3004418', '96'],
    ['  MRN: 2234109   DOB: 14-Mar-1931   94 Y F', '94'],
    ["It's April 3rd, 1929. I'm ninety-five. My grandson set it up", 'ninety-five'],
    ['pt is ninety one years old and cannot read the screen', 'ninety one'],
    ['Kiosk check-in failed again. Mr. Fontaine is 91 and was sitting at the desk for 40 min', '91'],
    ['Please take the name off the board: Mr. Castellanos was 96.', '96'],
  ])('%s', (text, age) => expectFound(text, 'AGE', age));

  it.each([
    ["he's 95% done with the migration", '95'],
    ['The server room is 92 degrees again, facilities paged', '92'],
    ['Windows Server 2019, 95, and the print spooler crashed on reboot', '95'],
    ['she was 98 minutes on hold with the vendor', '98'],
    ['Mrs. Ochoa is 94% on room air per the monitor feed', '94'],
    ['Ninety days of logs are kept on the SIEM', 'Ninety'],
  ])('not in %s', (text, value) => expectClean(text, value));
});

describe('biometric enrolment IDs', () => {
  it.each([
    ['Patient Gerald Timmons enrolled this morning, but his palm template ID PS-44A91C0E7 got linked to MRN 5019348 instead.', 'PS-44A91C0E7'],
    ['PatientSecure palm vein scan pulled up MRN 5520817 instead. Her enrollment template ID is PSV-7F3A-22C9-91BE.', 'PSV-7F3A-22C9-91BE'],
    ["Log from ps-app01 shows: 'Template enroll error: palm vein template hash 7F3A9C0E5D21B84A already bound'", '7F3A9C0E5D21B84A'],
  ])('%s', (text, value) => expectFound(text, 'BIOMETRIC', value));

  it('leaves a template ID in a ticket about note templates', () => {
    expectClean('The SmartText template ID 44718 for the discharge note has a broken link. Please fix the template.', '44718');
  });
});

describe('portal logins and other patient identifiers by label', () => {
  it.each<[string, PhiType, string]>([
    ['Account: MyChart user mc_ashley.nguyen (patient Ashley Nguyen, MRN 5520913)', 'OTHER_ID', 'mc_ashley.nguyen'],
    ["Proxy request: her daughter's chart comes up as the default instead of her own. MyChart username icarter_rn.", 'OTHER_ID', 'icarter_rn'],
    ['ACC 25-CT-0041127, exam date 03/14/2025, study shows under the wrong patient', 'OTHER_ID', '25-CT-0041127'],
    ['wristband printer crashed on enc 88120045. band reprinted at 0820, still crashing', 'MRN', '88120045'],
    ['can\'t sign "service time" on my note for client Jaylen Torres (Client ID 200458) for the 02/18/2025 session', 'MRN', '200458'],
    ['The dashes are breaking the 270 builder since the Epic upgrade on 2/25. HAR 6001928374.', 'ACCOUNT', '6001928374'],
  ])('%s', (text, type, value) => expectFound(text, type, value));

  it.each([
    ['AD username jsmith_admin is locked out after the password change on the VPN', 'jsmith_admin'],
    ['Register the Azure app and send me the OAuth client ID 9f3a2b71c04e4d1e8a77 for the integration', '9f3a2b71c04e4d1e8a77'],
  ])('not in %s', (text, value) => expectClean(text, value));
});

describe("a patient's home IP address", () => {
  it.each([
    ['47 failed MyChart logins in 10 min for username sgreer_1990 from IP 73.158.42.219 (Comcast, Denver)', '73.158.42.219'],
    ['Video visit failed with an Epic Video Client error. She connected from 98.27.143.210.', '98.27.143.210'],
    ['2025-03-08 22:41:07 LOGIN_SUCCESS src=73.162.44.19   ua="Chrome/122.0 Windows NT 10.0"', '73.162.44.19'],
  ])('%s', (text, ip) => expectFound(`Portal audit for a patient's account:\n${text}`, 'IP', ip));

  it("leaves a vendor's or a server's address", () => {
    expectClean('Whitelist vendor IP 203.0.114.25 on the firewall for the Sectra upgrade', '203.0.114.25');
  });
});

describe('identifiers next to one already found, label printer code, issued devices', () => {
  it('reads the number after "MRN X instead of" as an MRN of the same shape', () => {
    expectFound('Results for DUBOIS, CLAIRE are showing under Claire Dubois-Martin MRN 2201883 instead of 2201838', 'MRN', '2201838');
    // (not a number of another shape: "MRN 2201883 instead of 4" is a count)
    expectClean('MRN 2201883 was merged instead of 42 times', '42');
  });

  it('reads ZPL field data as text', () => {
    const zpl = '^XA\n^FO30,20^A0N,28,28^FDVASQUEZ, ELENA R^FS\n^FO30,55^A0N,24,24^FDMRN 3390127  DOB 01/09/1949^FS\n^XZ';
    expectFound(zpl, 'MRN', '3390127');
    expectFound(zpl, 'DATE', '01/09/1949');
    expectClean(zpl, 'FO30,55');
  });

  it('reads a device issued to a patient as the patient\'s, even when it looks like an issue key', () => {
    expectFound('holter monitor BTX-7740219 assigned to pt ingrid solberg isnt uploading', 'DEVICE', 'BTX-7740219');
    expectFound('Hub IMEI: 356938035643809 (assigned to patient), Bluetooth scale not pairing', 'DEVICE', '356938035643809');
    expectClean('Laptop LT-004512 assigned to patient transport team for the new dispatch desk', 'LT-004512');
  });

  it('reads a home monitor as a medical device, by its maker spelling too', () => {
    expectFound('his MyCareLink home monitor (SN 24950-XK118) is plugged in but not sending', 'DEVICE', '24950-XK118');
  });
});

describe('tables aligned by spaces', () => {
  it('types the rows by the header', () => {
    const text = 'Someone pasted a patient list into OneNote:\n\nMRN        NAME                 DOB\n10482231   KAUFMAN, LEAH R      04/03/1955\n10577109   OSEI, KWAME          12/21/1970\n\nNotebook: Handoff.one';
    expectFound(text, 'MRN', '10482231');
    expectFound(text, 'NAME', 'OSEI, KWAME');
    expectFound(text, 'DATE', '12/21/1970');
  });

  it('leaves a host list aligned the same way', () => {
    const text = 'HOST          IP            OWNER\nepic-app01    10.4.2.11     Interfaces\nepic-app02    10.4.2.12     Interfaces';
    expect(detect(text).filter((f) => f.rule === 'table.column')).toEqual([]);
  });
});

describe('patient-portal words', () => {
  it('count as patient context in their maker spelling ("MyChart"), not inside a file path', () => {
    expectFound('MyChart security alert: account for Rebecca Goldfarb (username rgoldfarb_77) had logins from abroad', 'OTHER_ID', 'rgoldfarb_77');
    expectClean('Disk on epic-app-prod-09 is 91% full. /var/log/MyChart growing 2 GB/day since 08/05/2023.', '08/05/2023');
  });
});

describe('a patient named again, and dates named by their event', () => {
  it('finds a part of a full name where the text names the patient again by it', () => {
    const text = 'Pt GARCIA, MARIA E MRN 0048291 merged with another chart. Now encounter 7100482291 shows under the wrong Maria.';
    expect(found(text)).toContainEqual(['NAME', 'Maria']);
    // (a sign-off in the same first name is still the colleague's)
    const signed = 'Pt Maria Garcia MRN 0048291: results not crossing to Epic.\n\nThanks,\nMaria';
    expect(found(signed).filter(([, v]) => v === 'Maria')).toEqual([]);
  });

  it.each([
    ['Exam for pt (MRN 0917734) stuck in the worklist. Study date 05/13/2024, CT chest w/o contrast.', '05/13/2024'],
    ['Patient Desmond Achterberg, MRN 5009132, records for dates of service 11/04/2024 - 12/19/2024 to be mailed', '12/19/2024'],
    ['ACC 25-CT-0041127 for pt Jane Roe, exam date 03/14/2025', '03/14/2025'],
  ])('%s', (text, date) => expectFound(text, 'DATE', date));

  it('leaves a change date and a ticket date', () => {
    expectClean('Change window: go-live date 03/14/2025 for the Epic upgrade, rollback plan attached.', '03/14/2025');
  });
});

describe('lower-case names in chat shorthand', () => {
  it.each([
    ['ed alarm keeps going off. pt is evelyn (evie) costa. daughter on the phone', 'evelyn (evie) costa'],
    ['can someone fix this asap, pt name is hernandez jose luis, dob 6-2-71', 'hernandez jose luis'],
    ["cant find my pt in the scanner list. pt is m. o'donnell in 612, adm'd today", "m. o'donnell"],
    ["pt's name is maria lopez, she called twice", 'maria lopez'],
    ["patient is robert 'bobby' wallace in 4E rm 412", "robert 'bobby' wallace"],
    ['guest wifi portal fails on his ipad, his son emeka okafor says he tried 3 times', 'emeka okafor'],
  ])('%s', (text, name) => expectFound(text, 'NAME', name));

  it.each([
    ['pt is stable now, epic is down on 4 west', 'stable now'],
    ['pt is being discharged, printer jammed', 'being discharged'],
    ['his son will call back later about the tv', 'will call'],
    ['my son uses teams at home and the vpn drops', 'uses teams'],
  ])('not in %s', (text, value) => expectClean(text, value));
});

describe('identifiers written as a record keeps them', () => {
  it.each([
    ['BAPTISTE, MARIE-CLAUDE (MRN 00729915) had DOB registered as 1957-04-31 (invalid date!) back in 2019', 'DATE', '1957-04-31'],
    ['Pt DOB: 02/30/1961 rejected by the interface', 'DATE', '02/30/1961'],
    ['Payer says member ID should be W284719305-01 (dependent suffix).', 'HEALTH_PLAN_ID', 'W284719305-01'],
    ['Please split the study in Sectra (study UID 1.2.840.113619.2.55.3.2831164355.781.1713431520.467). PACS admin on call', 'OTHER_ID', '1.2.840.113619.2.55.3.2831164355.781.1713431520.467'],
    ['SOP Instance UID: 1.3.12.2.1107.5.1.4.73513.30000024041812345678900000012', 'OTHER_ID', '1.3.12.2.1107.5.1.4.73513.30000024041812345678900000012'],
  ] as Array<[string, PhiType, string]>)('%s', (text, type, value) => expectFound(text, type, value));

  it.each([
    ['Change window 2025-04-31 was a typo for 04-30, rescheduled', '2025-04-31'],
    ['Transfer syntax UID 1.2.840.10008.1.2.1 is not supported by the router', '1.2.840.10008.1.2.1'],
  ])('not in %s', (text, value) => expectClean(text, value));
});

describe('set 7 forms: records, devices, surnames, nicknames, numbers', () => {
  it.each([
    ['(0010,0020) PatientID: 8841273', 'MRN', '8841273'],
    ['(0010,0030) PatientBirthDate: 19470612', 'DATE', '19470612'],
    ['(0020,000D) StudyInstanceUID = 1.2.840.113619.2.55.3.604688119.971.1730723612.118', 'OTHER_ID', '1.2.840.113619.2.55.3.604688119.971.1730723612.118'],
    ['Enrolled devices (assigned to patient):\n- Cellular hub: IMEI 359211084471126, SIM ICCID 8901260882271143375\n- BP cuff: A&D UA-651BLE S/N 5190033817', 'DEVICE', '5190033817'],
    ['Enrolled devices (assigned to patient):\n- Cellular hub: IMEI 359211084471126, SIM ICCID 8901260882271143375', 'DEVICE', '8901260882271143375'],
    ['Home Health tablet (Samsung Tab A8, asset HH-TAB-0331, IMEI 352901118840027) is assigned to patient Eleanor', 'DEVICE', '352901118840027'],
    ['Looks like results for Deshpande (MRN 40092215) were routed elsewhere', 'NAME', 'Deshpande'],
    ['Pt Dorothy Fairweather-Lin, DOB 11-02-1931 - goes by Dot.', 'NAME', 'Dot'],
    ['ROI request. Dates of service requested: 01/15/2023 through 03/02/2023 (ortho + PT)', 'DATE', '03/02/2023'],
    ['Voicemail from a patient. Caller ID: +13125550108', 'PHONE', '+13125550108'],
    ['Registration shows SSN xxx-xx-7719 on record A only', 'SSN', 'xxx-xx-7719'],
    ['Wanda Fairweather-Ruiz called. The pay site returns "Account not found" and the InstaMed widget log shows a 404 for the request. She read me her SSN last 4 (xxx-xx-7731) to verify.', 'SSN', 'xxx-xx-7731'],
    ['Pt specimen lost. Quest req # QR6620193, order ID ORD88219002', 'OTHER_ID', 'QR6620193'],
    ['She reads it through her proxy access (her MyChart username yadebayocole).', 'OTHER_ID', 'yadebayocole'],
  ] as Array<[string, PhiType, string]>)('%s', (text, type, value) => expectFound(text, type, value));

  it('finds the name again after a surname tied to a record', () => {
    const text = 'Results for Deshpande (MRN 40092215) went to the wrong chart.\nUpdate: MyChart now shows it only on Deshpande\'s account.';
    const second = text.lastIndexOf('Deshpande');
    expect(detect(text).some((f) => f.type === 'NAME' && f.start === second)).toBe(true);
  });

  it('reads a table of records side by side, one field per row', () => {
    const text = '||Field||Record A (keep)||Record B||\n|MRN|E1184420|E2290173|\n|Name|ADEYEMI-BROOKS, OLUWASEUN T|Adeyemi Brooks, Seun|\n|DOB|1956-03-04|1956-03-04|\n|Home phone|(914) 555-0163|914.555.0163|\n|Created by|Cardiology clinic|ED Reg desk 2|';
    for (const [type, value] of [['MRN', 'E2290173'], ['NAME', 'Adeyemi Brooks, Seun'], ['PHONE', '(914) 555-0163']] as Array<[PhiType, string]>) expectFound(text, type, value);
    expectClean(text, 'Cardiology clinic');
  });

  it.each([
    ['Closing, ref REQ0978615. USB reset fixed it.', '0978615'],
    ['The interface goes Live on Monday', 'Live'],
    ['Server (MRN lookups) failing since the patch', 'Server'],
    ['Our order # 4471 for toner shipped', '4471'],
    ['(0008,0090) ReferringPhysicianName: SMITH^JOHN', 'SMITH^JOHN'],
    ['||Setting||Old||New||\n|Timeout|30|60|\n|Retries|3|5|', '30'],
  ])('not in %s', (text, value) => expectClean(text, value));
});

describe('set 8 forms: shorthand names, labels with words between, record fields', () => {
  it.each([
    ['[08:14] Tiffany Ross (Ortho Clinic FD): hi, epic keeps freezing when I check in pt jones, the 8:30', 'NAME', 'jones'],
    ['[08:15] Tiffany Ross: marcus jones, dob 6/1/63, mrn 2290117. the other one is fine', 'NAME', 'marcus jones'],
    ['Our MRN for her is 50021877 and the name in Epic is wrong', 'MRN', '50021877'],
    ['Legacy Meditech unit # (MRN): M000418829', 'MRN', 'M000418829'],
    ['He has an appointment here on 04/12/2024 at 10:30 and we need eligibility', 'DATE', '04/12/2024'],
    ['Exam date/time: 04/12/2024 06:14', 'DATE', '04/12/2024'],
    ['she sees a different account number ending 9930 on her portal', 'ACCOUNT', '9930'],
    ['Address: "W5723 COUNTY ROAD K" city "ELKHORN" ZIP "53121"', 'ADDRESS', 'ELKHORN'],
    ['RPM kit for the CHF patient. Gateway IMEI: 356938035643809', 'DEVICE', '356938035643809'],
  ] as Array<[string, PhiType, string]>)('%s', (text, type, value) => expectFound(text, type, value));

  it('reads table headers with notes in brackets, CMRN and Appt columns', () => {
    const text = '||Patient||CMRN||FIN||SSN (from paper form)||Appt||Phone||\n|Sandoval, Rubén|WB0044172|FIN 30019928|601-44-8820|04/16/2024 09:00 MRI|(815) 555-0187|';
    for (const [type, value] of [['MRN', 'WB0044172'], ['SSN', '601-44-8820'], ['DATE', '04/16/2024']] as Array<[PhiType, string]>) expectFound(text, type, value);
  });

  it.each([
    ['[08:14] Tiffany Ross (Ortho Clinic FD): hi, epic keeps freezing when I check in pt jones, the 8:30', 'Tiffany Ross'],
    ['Patients were paged. visit # 2869010930.\n\n[2023-01-11 05:22] Eloise Becker: Terraform plan applied', '2023-01-11 05:22'],
    ['Server config: city="Chicago" for the timezone', 'Chicago'],
    ['Patients page the charge nurse. New iPhone 14 for charge nurse Anh Tran, IMEI 356938035643809, needs Intune', '356938035643809'],
  ])('not in %s', (text, value) => expectClean(text, value));
});

describe('review of the session: values end where they end, and IT text stays clean', () => {
  it.each([
    ['(0010,0020) PatientID: 8841273   ', '8841273'],
    ['(0010,0030) PatientBirthDate: 19470612\t\t', '19470612'],
    ['(0010,0010) PatientName: MARSH^ELLEN   <- should be MARSH^ELLEN^R per registration', 'MARSH^ELLEN'],
    ['name=JOHN SMITH Monday Tuesday', 'JOHN SMITH'],
    ['pt maria garcia june visit moved', 'maria garcia'],
  ])('%j: the finding is exactly %j', (text, value) => {
    const at = text.indexOf(value);
    expect(detect(text).some((f) => f.start === at && f.end === at + value.length), JSON.stringify(found(text))).toBe(true);
  });

  it('keeps a patient named after a staff DICOM attribute on the same line', () => {
    expectFound('(0008,0090) ReferringPhysicianName: KIM^RACHEL - study belongs to Ellen Marsh DOB 04/12/1961, not this patient', 'NAME', 'Ellen Marsh');
    expectFound('(0008,1070) OperatorsName: jdoe - reassigned from patient Ellen Marsh 04/12/1961', 'NAME', 'Ellen Marsh');
  });

  it.each([
    ['(0010,0010) PatientName: not populated (blank) - check mapping', 'not populated'],
    ['Purchase req 4500123 for 12 monitors for the patient registration desks approved.', '4500123'],
    ['Order ID 778812 for patient wristband printers shipped', '778812'],
    ['Our Verizon account number ending 4471 needs a new line.', '4471'],
    ['name: "Printer 4W" location: "Nursing station"', 'Printer'],
    ['RPM hub IMEI 352901118840027 for the pilot (no patient yet)', '352901118840027'],
    ['Member ID should be 123456789 format per payer spec', '123456789'],
    ['|Item|Server A|Server B|\n|---|---|---|\n|Account|svc_epic01|svc_pacs02|\n|Name|Epic Interconnect|PACS Broker|', 'svc_epic01'],
    ['Dell asset xxx-xx-7719 missing', 'xxx-xx-7719'],
    ['MyChart username jsmithtest for testing', 'jsmithtest'],
    ['Tablet (asset HH-TAB-0331) is assigned to patient room 4 kiosk', 'HH-TAB-0331'],
  ])('not in %j', (text, value) => expectClean(text, value));
});

describe('set 9 forms: labels with a prefix or words between, card and age wording, photo IDs', () => {
  it.each([
    ['Pt: RIVERA-SANTIAGO, JOSE, FIN 501188209, CMRN 0007712645, admitted 12/30/2023', 'MRN', '0007712645'],
    ['PowerChart error "Encounter has been combined away (ENCNTR_ID 88123344)" for the patient', 'MRN', '88123344'],
    ["Istvan Kovacs's MRN per HIM: 90018834.", 'MRN', '90018834'],
    ['Payment plan set up via the self-pay portal for her: card ending 5521 (Visa), charged $125.00', 'ACCOUNT', '5521'],
    ['Records request for the patient. Age at death 93 if that matters for the search filters', 'AGE', '93'],
    ["Wrong photo on the patient's chart. Photo media ID: PHOTO-0021983377", 'BIOMETRIC', 'PHOTO-0021983377'],
    ['Voicemail from the patient: "this is Ruth, you can call me back at five oh eight, five five five, oh one three seven. Thank you."', 'PHONE', 'five oh eight, five five five, oh one three seven'],
    ['[11:02] Nia Ante (RN, 7 South): and before you ask her name is actually jane doe lol', 'NAME', 'jane doe'],
    ['i scanned pt jane doe in 714 and it filed on mr hubbard in 716', 'NAME', 'hubbard'],
    // ("ms" and "mrs" in lower case too; "250 ms" is milliseconds)
    ['ok. labels for ms pearson printing in 14 now', 'NAME', 'pearson'],
    ['i scanned pt jane doe in 714 and it filed on mrs hubbard in 716', 'NAME', 'hubbard'],
    ["Patient can't see her CGM data. Dexcom clinic sharing code: 8X4K-2MPQ", 'OTHER_ID', '8X4K-2MPQ'],
    ['MyChart proxy for the patient: activation code LQ7HT-9K2MX-D4PRW sent by text', 'OTHER_ID', 'LQ7HT-9K2MX-D4PRW'],
    ['Legal records request for the patient Maria Lopez, DOB 03/04/1951: case 2024-0118 opened by HIM', 'OTHER_ID', '2024-0118'],
  ] as Array<[string, PhiType, string]>)('%s', (text, type, value) => expectFound(text, type, value));

  it.each([
    ['Badge printer: the photo ID 44718 template is cropped for new hires', '44718'],
    ['pt portal timeout 250 ms pearson-link gateway', 'pearson'],
    ['Counting down: ten nine eight seven six five four three two one, go', 'eight seven six five'],
    ['The lab has one two three four five six seven analyzers', 'one two three'],
    ['Patients waited in the ED. Outbound queue growing. DI support case 2406-00318.', '2406-00318'],
    ['Elevator stuck with a patient aboard; upgraded by Otis (Otis work order 7741-22019).', '7741-22019'],
    ['ECG carts for patients.\nWorkaround: techs are transmitting via LAN cable', 'Workaround'],
    ['Patient labels will not print: queues \\\\printsrv01\\FIN5-CANON-C5840 missing for the patient registration desk', '5-CANON-C5840'],
    ['Patients cannot launch MyChart kiosks. Delivery group: DG-EPIC-PRD-2203 | VDA 2203 CU4', 'DG-EPIC-PRD-2203'],
    ['Dept: Inpatient Pharmacy, patients waiting on meds', 'Dept'],
    ['Cart inventory for the patient rooms:\nLocation,Area\nWOW06,ED Triage\nWOW08,ED Fast Track', 'ED Triage'],
    ['Patients cannot start video visits. Epic Sherlock SLG 7713402 opened.', 'Sherlock'],
    ['Teams chat export – Service Desk / Rad Tech\n[07:02] Brianna Le (CT Tech): the worklist for my patients will not load', 'Rad Tech'],
    ['the server name is epic prod and it is down for patients', 'epic prod'],
    ['mr coffee in the break room is broken, ms excel crashed too', 'coffee'],
    ['Windows activation code 7KQ2M-4XDPP-QW3RT for the patient kiosk image', '7KQ2M-4XDPP-QW3RT'],
  ])('not in %s', (text, value) => expectClean(text, value));
});

describe('a patient\'s own dealings, devices given out, and event times', () => {
  it.each([
    [' - Msg 118820341 from proxy (mother) re: her son, DOB 12/12/2019, fever question', 'OTHER_ID', '118820341'],
    ['Scanned consult for the patient Mildred Haskins went to the wrong chart. OnBase doc handle 118822047', 'OTHER_ID', '118822047'],
    ['Found the proxy request for the patient (MRN 3318804), request ID PRX-20241030-0117.', 'OTHER_ID', 'PRX-20241030-0117'],
    ['The patient moved. Last statement (stmt # S-24-1188331) still went to her old address', 'OTHER_ID', 'S-24-1188331'],
    ['Patient was charged twice. InstaMed txn IDs: IM-TX-9904418221 and IM-TX-9904418229, $212.40 each', 'OTHER_ID', 'IM-TX-9904418229'],
    ['CRH Geriatrics Loaner Tablet Program. iPad 9th gen, serial DMPX41K2Q1GC, loaned to patient Ruth Ellington', 'DEVICE', 'DMPX41K2Q1GC'],
    ["Hub: Tidewater CareHub T3, SN CH3-0018821, IMEI 352099118221047\nInstalled at pt's home, no uploads since Friday", 'DEVICE', '352099118221047'],
    ['SALDANA, ROSA (MRN 6601184) - she was discharged from 6N 11/12/2024 13:40 and the pump was never returned', 'DATE', '11/12/2024 13:40'],
  ] as Array<[string, PhiType, string]>)('%s', (text, type, value) => expectFound(text, type, value));

  it.each([
    ['Patients cannot pay online: service request # 55120934 opened with InstaMed', '55120934'],
    ['Patient portal down. HL7 msg 77180031 rejected by the interface, see ticket', '77180031'],
    ['Patient transport tablets: iPad 9th gen, serial DMPX41K2Q1GC, in stock for the dispatch desk', 'DMPX41K2Q1GC'],
    ['Patient kiosk iPad, serial GG7XK2Q1JF0D, loaner pool, not assigned to any patient', 'GG7XK2Q1JF0D'],
    ['Epic downtime for patients: the interface engine restarted 11/12/2024 13:40 after the patch', '11/12/2024 13:40'],
  ])('not in %s', (text, value) => expectClean(text, value));
});

describe('a first name by a patient\'s things', () => {
  it.each([
    ['Pharmacy flagged that Seun\'s allergy list on the second record is empty.', 'Seun'],
    ['[19:07] Jasmine Ortiz-Kaplan (RN): ugh ok. also margaret\'s daughter (sheila) keeps calling the unit', 'margaret'],
    ['Both are our pts. Aoife\'s own pump is SN 1093872.', 'Aoife'],
    ['Aiden’s mom’s email on file should be the gmail one', 'Aiden'],
  ])('%s', (text, value) => expectFound(text, 'NAME', value));

  it.each([
    ['Epic\'s chart search is slow for all users this morning', 'Epic'],
    ['Maria\'s laptop will not dock; Ken\'s team is on it', 'Maria'],
    ['Medtronic\'s pump firmware 4.2 is out; Biomed to schedule the update', 'Medtronic'],
    ['Today\'s discharge report did not print on 5 West', 'Today'],
  ])('not in %s', (text, value) => expectClean(text, value));

  it('not after a clinician\'s title', () => {
    for (const text of ["Dr. Okafor's chart review queue is empty", "Nurse Amy's band printer jams", 'Dr Lee’s records inbox'])
      expect(detect(text).filter((f) => f.rule === 'name.possessive')).toEqual([]);
  });
});

describe('a record number given in answer to a chat\'s question for it', () => {
  it.each([
    ["[2:42 PM] Omari Jackson (IT): sure, what's the MRN?\n[2:42 PM] jenna k: 1190827\n[2:44 PM] Omari Jackson (IT): unlocked", '1190827'],
    ['[2:04 PM] Kowalski, Piotr (Epic ClinDoc)\nmrn?\n[2:04 PM] Gutierrez, Lucia\n01928374, admitted 2/28', '01928374'],
    ['[19:04] IT Desk – Luca Bianchi: whats the MRN?\n[19:04] Jasmine Ortiz-Kaplan (RN): 6630192. dob 3/15/31', '6630192'],
  ])('%s', (text, value) => expectFound(text, 'MRN', value));

  it.each([
    ['Which HL7 field holds the MRN?\n[10:02] Bob (Interfaces): PID-3, see build 20240311 notes', '20240311'],
    ['[10:01] Ann: MRN?\n[10:02] Bob: 10:45 works for the call\n[10:03] Bob: 1234567 rows in the extract, no MRN needed', '1234567'],
    ['Does the label print the MRN?\nIt does.\nSee the spec.\nTicket 4471920 has the details', '4471920'],
  ])('not in %s', (text, value) => expectClean(text, value));
});

describe('dates of service by month and year, after a label in Jira bold', () => {
  it('finds both ends of the range', () => {
    const text = 'Records request for the patient.\n*Dates of service:* 01/2016 through 06/2018 (Ozark Orthopedic Partners)';
    expectFound(text, 'DATE', '01/2016');
    expectFound(text, 'DATE', '06/2018');
  });
  it('leaves a month and year that no event label names', () => {
    expectClean('Patients cannot log in. *Target release:* 01/2026 per the vendor roadmap', '01/2026');
  });
});

describe('serials of a patient\'s implant by its maker and its leads', () => {
  it.each([
    ['Example: Harold Finkelstein, Medtronic Azure XT DR, serial RNB402817H, transmission dated 2/21/25 missing', 'RNB402817H'],
    ['Pacemaker clinic: device Azure XT DR MRI, SN RNB412557S\nLeads: 5076-52 SN PJN8821934, 3830-69 SN LFJ402211V', 'PJN8821934'],
  ])('finds %s', (text, value) => expectFound(text, 'DEVICE', value));

});

describe('workforce accounts and message IDs in directory and mail fields', () => {
  it.each([
    ['Patient chat queue down: resource account cq-sched@mhs-health.org shows agents offline', 'cq-sched@mhs-health.org'],
    ['Clinical photos from patients: UPN bmaurer@lakeshorehealth.org cannot sign in to Haiku', 'bmaurer@lakeshorehealth.org'],
    ['Phish reported by a patient. Message-ID: <20240313124711.3F2A1@mail.docusign-securemail.net>', '20240313124711.3F2A1@mail.docusign-securemail.net'],
  ])('leaves %s', (text, value) => expectClean(text, value));

  it('still finds a patient\'s address', () => {
    expectFound('Patient Maria Garcia says MyChart mails go to maria.garcia88@gmail.com, not her new one', 'EMAIL', 'maria.garcia88@gmail.com');
    expectFound('The patient (also an employee) wants results sent to her work address: mgarcia@mhs-health.org', 'EMAIL', 'mgarcia@mhs-health.org');
  });
});

describe('a patient\'s own connection', () => {
  it.each([
    ['Sitecore form CF-CONTACT-02\nSubmitted: 2024-11-08 21:14:09 CST\nSubmitter IP: 72.204.118.63\nName: Yesenia Carrillo-Montes\nDOB: 03/04/1987', '72.204.118.63'],
    ['RPM enrolment for the patient, DOB 7/2/1929. Gateway last check-in from 174.64.201.88 (pt home router), 11/17 22:10', '174.64.201.88'],
  ])('%s', (text, value) => expectFound(text, 'IP', value));

});

describe('a biometric template named by its ID alone, and a patient\'s photo document', () => {
  it.each([
    ["Palm-vein enrolment mix-up: Jr already had his own template PSID-7A21-0094-0128. Now when Sr scans, Epic pulls Jr's MRN", 'BIOMETRIC', 'PSID-7A21-0094-0128'],
    ['PatientSecure palm scan linked to the wrong MRN. Need the admin to delete template 7K2Q-88417-ED and re-enroll the patient', 'BIOMETRIC', '7K2Q-88417-ED'],
    ['Registrar caught it because the photo on file (Epic Media, patient photo doc 77120044) showed a younger man.', 'BIOMETRIC', '77120044'],
  ] as Array<[string, PhiType, string]>)('%s', (text, type, value) => expectFound(text, type, value));

  it('leaves a template outside a biometric ticket', () => {
    expectClean('Patients cannot print AVS: template 4471-AVS-v2 in Epic is missing the footer', '4471-AVS-v2');
  });
});

describe('set 12 forms: a dotted birth date, an encounter number asked for, a label for a titled patient', () => {
  it.each([
    ["Lorraine Watts: hey IT, the telehealth visit for my 2pm (terrence walsh, dob 7.19.88) won't launch", 'DATE', '7.19.88'],
    ["Pedro Saldana: hi Lorraine, checking. what's the appt CSN?\nLorraine Watts: 1049981233\nPedro Saldana: ok the Teams meeting was never created", 'OTHER_ID', '1049981233'],
    ['Scanned to the wrong chart. Correct MRN for Mrs. Vasquez-Pratt is 3390117.', 'MRN', '3390117'],
    ['Pacemaker clinic, patient Ruth Ames\n* Device: Azure XT DR MRI SureScan\n* Transmission date: 03/02/2024', 'DATE', '03/02/2024'],
  ] as Array<[string, PhiType, string]>)('%s', (text, type, value) => expectFound(text, type, value));

  it.each([
    ['Patients cannot open the portal since we upgraded the app to 7.19.88 last night', '7.19.88'],
    ["which field holds the CSN?\nPID-18, build 20240311 of the interface", '20240311'],
  ])('not in %s', (text, value) => expectClean(text, value));
});

describe('set 12 clean forms: a test patient with a ZZ surname', () => {
  it.each([
    ["Reproduced with {{ZZTEST, LABONE}} (the lab's designated test patient, test MRN T0000123) so it is not order-specific.", 'ZZTEST, LABONE'],
  ])('leaves %s', (text, value) => expectClean(text, value));

  it.each([
    ['Pt Lincoln Tower (MRN 4401882) was registered twice', 'NAME', 'Lincoln Tower'],
    ['MRN for the real patient is 3390117, not the test MRN', 'MRN', '3390117'],
  ] as Array<[string, PhiType, string]>)('still finds %s', (text, type, value) => expectFound(text, type, value));
});

describe('test records by their number, mail header names, companies named Electric', () => {
  it.each([
    ['Integration test patient (ZZINTEG, TEST ADT - account TEST000001) will be sent to verify the patient feed.', 'TEST000001'],
    ['Phish to patients\' portal users.\nX-Mailer: PHPMailer 6.5.0\nAuthentication-Results: spf=softfail', 'X-Mailer'],
    ['Patient monitors on UPS. Facilities electrician and APC (Schneider Electric case 20240117-0032) notified.', 'Schneider'],
  ])('leaves %s', (text, value) => expectClean(text, value));
  it('still finds a real account number', () => {
    expectFound('Patient Maria Garcia, account 77120044, was billed twice', 'ACCOUNT', '77120044');
  });
});

describe('set 13 forms: a label for a named patient, a DICOM dump aligned by spaces, a collection time, CSN keys, a guarantor\'s card', () => {
  it.each([
    ['Wrong band scanned. CSN for Mawhinney: 4100877412. CSN for Ekwueme: 4100880035.', 'MRN', '4100880035'],
    ['Study merged to the wrong patient:\n(0010,0020) PatientID         00677045\n(0010,0030) PatientBirthDate  19501022\n(0008,0050) AccessionNumber   RAD25-0448213', 'MRN', '00677045'],
    ['Study merged to the wrong patient:\n(0010,0020) PatientID         00677045\n(0010,0030) PatientBirthDate  19501022\n(0008,0050) AccessionNumber   RAD25-0448213', 'DATE', '19501022'],
    ['BRASS, OTTOLINE   97 y.o. F   MRN 00049981   accession 25-197-00318   collected 07/16/2025 06:10', 'DATE', '07/16/2025 06:10'],
    ['Extract failed for the patient: pat_enc_csn_id=4100712293 rejected', 'OTHER_ID', '4100712293'],
    ['Guarantor: Reuben Astley\n  Guarantor account: G10028841\n  Card: Visa ending in 8823', 'ACCOUNT', '8823'],
  ] as Array<[string, PhiType, string]>)('%s', (text, type, value) => expectFound(text, type, value));

  it.each([
    ['Certificate for WS-ED-075:8080 expires 01/26/2025, patients may see warnings', '8080'],
    ['Study routing fine.\n(0008,0090) ReferringPhysicianName  SMITH^JOHN', 'SMITH^JOHN'],
    ['Splunk logs collected 07/16/2025 06:10 from the interface engine', '07/16/2025 06:10'],
  ])('not in %s', (text, value) => expectClean(text, value));
});

describe('set 14 forms: a name in capitals before a record number, a newborn without BABY, a treatment date', () => {
  it.each([
    ['MR lumbar spine performed 08/02/2024 on HOLLENBECK, TRAVIS (MRN 0048812200, acc MR24-0802-0031) went to the wrong worklist', 'NAME', 'HOLLENBECK, TRAVIS'],
    ['Infusion scheduler double-booked chair 12:\nAppt 1: YSABEL M MARCHETTI-DUARTE, CSN 1100612209, C3D1 FOLFOX', 'NAME', 'YSABEL M MARCHETTI-DUARTE'],
    ['L&D nurse reprinted a band from Stork and it printed "BOY ODUYA-FENN" instead of the current patient', 'NAME', 'BOY ODUYA-FENN'],
    ['Dialysis flowsheet missing for the patient (MRN 0019930481), station 7. Treatment date 08/09/2024.', 'DATE', '08/09/2024'],
  ] as Array<[string, PhiType, string]>)('%s', (text, type, value) => expectFound(text, type, value));

  it.each([
    ['Server (MRN lookups) failing since the patch', 'Server'],
    ['Scout troop visit: the badge printer printed BOY SCOUTS TROOP 44 on the visitor labels', 'BOY SCOUTS'],
  ])('not in %s', (text, value) => expectClean(text, value));
});

describe("set 16 forms: an SSN's last four by their label, an age glued to its unit or opening an aside, a masked phone, a barcode's values", () => {
  it.each([
    ['Called pt at home, verified w/ DOB + last 4 SSN 7735. Mr. DiMarco confirmed he changed nothing.', 'SSN', '7735'],
    ['Caller gave SSN last four: 4410 and her DOB', 'SSN', '4410'],
    ['verified with the last 4 of her social 9981 before resetting', 'SSN', '9981'],
    ['Patient ID: E0588130\nName: STERLING, VICTORIA\nAge: 90Y   DOB: 1934-08-02   Sex: F', 'AGE', '90'],
    ['caller Linda Petrakis, daughter of pt Helen Petrakis (93, DOB 04/02/1931). Mom is on 6N', 'AGE', '93'],
    ['Occ health intake form\nPatient MRN (if applicable): 3392018\nReason: needlestick', 'MRN', '3392018'],
    ['Kiosk printed for the pt: "Your appointment: Tue 04/08/2025 10:15 AM. Phone on file: ***-***-4412. Copay due today"', 'PHONE', '***-***-4412'],
    ['Patient called; her cell on file xxx-xxx-8812 is wrong', 'PHONE', 'xxx-xxx-8812'],
    ['Band barcode reads (from the scanner test app):\n  E1846002^4120098831^VOSS,FREDERICK\nEpic says his CSN is 4120098831', 'MRN', 'E1846002'],
  ] as Array<[string, PhiType, string]>)('%s', (text, type, value) => expectFound(text, type, value));

  it.each([
    ['Windows build: last 4 digits 2024 of the serial', '2024'],
    ['The SSN field keeps the last 4 only since release 2023.4', '2023'],
    ['Cisco switch (93, M2 slot) rebooted', '93'],
    ['Storage at 90Y? no: 90% used on vol 3', '90'],
    ['New build masks phone fields as xxx-xxx-1234 on the registration screens', 'xxx-xxx-1234'],
    ['PID|1||A5590213^^^QDI^MR||WAINWRIGHT^THEODORE^L||19550601|M\nORC|RE|||||||||||1093774512^CHO^M', '1093774512'],
  ])('not in %s', (text, value) => expectClean(text, value));
});

describe('a record’s value in brackets right after its label', () => {
  it.each([
    ['Pt Rosa Garcia, the screenshots show her own MRN (M001203779) and her appt', 'MRN', 'M001203779'],
    ['Wristband printer still has the old template, it encodes the pt’s CSN (4100955120) instead of the MRN', 'MRN', '4100955120'],
    ['Pt Jesus Ortiz: I re-verified with his AZ driver license (D07733156) and fixed the visit', 'LICENSE', 'D07733156'],
    ['Pt Rosa Garcia, member ID (W284411937) not found at the payer', 'HEALTH_PLAN_ID', 'W284411937'],
  ])('%s', (text, type, value) => expectFound(text, type as PhiType, value));

  it.each([
    ['Pt Rosa Garcia: the SSN (PID-19) came through blank again', 'PID-19'],
    ['Pt Rosa Garcia moved to the step-down unit (SDU212) today', 'SDU212'],
    ['Pt Rosa Garcia: CT images filed under the wrong accession (CT2)', 'CT2'],
  ])('not in %s', (text, value) => expectClean(text, value));
});

describe('a release-of-information request’s number', () => {
  it.each([
    ['HIM ROI queue. Records request ROI-25-01033 for pt ANDERSON-KEITA, FATOUMATA', 'ROI-25-01033'],
    ['Upload stalls at 99%. Package is 1,840 pages.\n\nRequest: ROI-24-0071523\nPatient: Kowalczyk-Bright, Harriet', 'ROI-24-0071523'],
    ["Portal won't let us attach the authorization to request #ROI-8812290", 'ROI-8812290'],
  ])('%s', (text, value) => expectFound(text, 'OTHER_ID', value));

  it.each([
    ['Printer ROI-WS03 in the HIM office is jammed again', 'ROI-WS03'],
    ['Moved the ROI-02 and ROI-01 workstations to the new VLAN', 'ROI-02'],
    ['Hostname XROI-25-01033 resolves to the wrong IP', '25-01033'],
  ])('not in %s', (text, value) => expectClean(text, value));
});

describe('a clinical order’s number with a patient nearby', () => {
  it.each([
    ['Pt Rosa Garcia: CT head w/o contrast (order ID 588213301) was placed on the wrong chart', '588213301'],
    ['Lacroix, Marceline (MRN 0047720391, DOB 11/30/1984)\n\nOrder ID 884120331 on Marceline’s chart was discontinued by mistake', '884120331'],
    ['CMP + A1c collected 03/11/2025 for pt Hersi, acc# 25-BN-003877, order# 889120334', '889120334'],
  ])('%s', (text, value) => expectFound(text, 'OTHER_ID', value));

  it.each([
    ['Order ID 77881245 for patient wristband printers, shipping Monday', '77881245'],
    ['Purchase order # 45501234 for the pt label printers', '45501234'],
    ['Pt Rosa Garcia’s room TV: work order # 77881245 opened with facilities', '77881245'],
    ['Pt Rosa Garcia: order # 4471 for the wrong diet', '4471'],
  ])('not in %s', (text, value) => expectClean(text, value));
});

describe('a lower-case census name right before a written age (session 18)', () => {
  const names = (text: string) => detect(text).filter((f) => f.type === 'NAME').map((f) => text.slice(f.start, f.end));

  it.each([
    ['3W rm 318 ida pennington 92 y/o dob 1/4/33 fall no injury, pls evaluate', 'ida pennington'],
    ['pt in rm 6 (mr doyle - jim doyle, 88 y/o) brought his own resmed airsense', 'jim doyle'],
    [' - lopez, armando  45y  ED -> 4W-404A at 0240, DOB 9/9/1979', 'lopez, armando'],
  ])('finds the name in %j', (text, name) => expect(names(text)).toContain(name));

  it('needs a census first name and surname: equipment and shorthand are no one', () => {
    expect(names('the core switch 5 yrs old, the ups 3 yo, battery pack 2 y old; cart b 4 y/o')).toEqual([]);
  });
});

describe("a department's or a conference's line is no one's number (session 18)", () => {
  const phones = (text: string) => detect(text).filter((f) => f.type === 'PHONE' || f.type === 'FAX').map((f) => text.slice(f.start, f.end));

  it.each([
    ['Pt Maria Lopez (MRN 4418275) says calls to the Patient Access line (417-820-2500) drop after the IVR.', '417-820-2500'],
    ['Pt Maria Lopez (MRN 4418275): the after-hours line for the Pediatrics clinic (x7300, DID 312-555-0230) dumped her VM.', '312-555-0230'],
    ['Pt Maria Lopez (MRN 4418275) escalation - Emergency contact bridge: 417-820-4000 conf ID 551 302 88#.', '417-820-4000'],
    ["Pt Maria Lopez (MRN 4418275): referral faxed to 847-555-0192 instead of the PT clinic's 847-555-0129.", '847-555-0129'],
  ])('%s', (text, value) => expect(phones(text)).not.toContain(value));

  it.each([
    ['Pt Maria Lopez (MRN 4418275) says the reminders go to her home line 952-555-0160.', '952-555-0160'],
    ['Pt Delroy Whitt is on the line rn, 216-555-0188, says Zoom just spins', '216-555-0188'],
    ['patients are complaining at the front desk; Maria Gonzalez (508-555-0137) wants a refund', '508-555-0137'],
    ['hold music loops forever on the scheduling line; one patient left 508-555-0137 for a callback', '508-555-0137'],
  ])("keeps a person's own number: %s", (text, value) => expect(phones(text)).toContain(value));
});

describe("a clinician's NPI, a training certificate (session 18)", () => {
  const values = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));
  const patient = 'Pt Maria Lopez (MRN 4418275, DOB 03/12/1961) e-prescription failed.\n';

  it.each([
    [`${patient}Prescriber: Dr. Victor Lindqvist (Pain Mgmt), NPI 1629048173, DEA on file`, '1629048173'],
    [`${patient}Ordering provider NPI: 1437296518 | Pager 417-555-2214`, '1437296518'],
    [`${patient}HIPAA module done, cert # HS-2025-0338174`, 'HS-2025-0338174'],
  ])('is no PHI: %j', (text, value) => expect(values(text)).not.toContain(value));

  it.each([
    ['Patient Dr. Harold Weiss (NPI 1376590128) called, his MyChart shows the wrong PCP', '1376590128'],
    ['Kiosk check-in: the visitor typed his plate into the field labelled NPI - NPI: 8KTR442 - for patient Walter Brandt', '8KTR442'],
    ['Vital records: the birth certificate # 2025-118204 for baby girl Ocampo (MRN 4418275) failed to submit', '2025-118204'],
  ])('stays PHI: %j', (text, value) => expect(values(text).some((v) => v.includes(value))).toBe(true));
});

describe("a vendor's support case is the desk's, a patient's call to a support line is the patient's (session 18)", () => {
  const values = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));
  const patient = 'Pt Maria Lopez (MRN 4418275, DOB 03/12/1961) could not check in.\n';

  it.each([
    [`${patient}Already called BD support 1-800-727-6102, case #03188742. They say the station can't reach the server.`, '03188742'],
    [`${patient}Kiosk keyed in manually. Phreesia support 888-555-0125, case 07799120.`, '07799120'],
    [`${patient}Opened Omnicell case 03318442, their tech is on site Tuesday.`, '03318442'],
    [`${patient}Logged to the SOC case SOC-2024-0417, no successful logins.`, 'SOC-2024-0417'],
  ])('is no PHI: %j', (text, value) => expect(values(text)).not.toContain(value));

  it('keeps the case of a support line a patient or a relative called', () => {
    expect(values("Tom Lee's son called the Omnipod support hotline, case #44712088 about the PDM that won't charge.")).toContain('44712088');
    expect(values('Patient called the MyChart support line, case 88213471, her account is still locked.')).toContain('88213471');
  });
});

describe('a specimen written "spec", an authorization reference, a version after a label (session 18)', () => {
  const values = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));
  it('finds the values', () => {
    expect(values('tubes labeled BASHIR, YUSUF (MRN M001330187, spec 25031R0112) but the order was for another pt')).toContain('25031R0112');
    expect(values('Pt Maria Lopez (MRN 4418275): MRI L-SPINE WO, auth ref PA-25-0331887. Cover sheet went to the wrong fax.')).toContain('PA-25-0331887');
  });
  it('reads a version number or a specification as no one', () => {
    const text = 'Pt Maria Lopez (MRN 4418275) join attempt client=android-mychart 10.11.2 failed. Field PID-11 exceeds max length (CBORD spec 2.3 v4).';
    expect(values(text)).not.toContain('10.11.2');
    expect(values(text)).not.toContain('2.3');
  });
});

describe('lower-case surnames by a record number or a bed (session 18)', () => {
  const names = (text: string) => detect(text).filter((f) => f.type === 'NAME').map((f) => text.slice(f.start, f.end));
  it('finds "MRN 20580071 (stone)" and "kovalenko in bed 9"', () => {
    expect(names('pls fix asap. MRN 20580071 (stone) / 20702288 (locklear) -siobhan')).toEqual(expect.arrayContaining(['stone', 'locklear']));
    expect(names('[4/10/2025 2:20 AM] Nalani Kahale: ty!! kovalenko in bed 9 btw if anyone asks')).toContain('kovalenko');
  });
  it('reads ordinary words and products before a bed or after a number as no one', () => {
    expect(names('the printer in rm 412 is down, nobody in bed 3, the pyxis in rm 4; PO 4500251144 (pending)')).toEqual([]);
  });
});

describe("a system's event date in a ticket about a patient (session 18)", () => {
  const dates = (text: string) => detect(text).filter((f) => f.type === 'DATE').map((f) => text.slice(f.start, f.end));
  it('reads a certificate, licence, update or go-live date as no one’s', () => {
    const text =
      'Pt Maria Lopez (MRN 4418275) cannot join her video visit.\n' +
      'The EAP-TLS cert on the pump expires 2025-01-31. Errors started after the update to EVC 2.10.1 on 9/17, and the DAS went live 3/1.';
    expect(dates(text)).toEqual([]);
  });
  it("keeps a patient's date with a system's word after it, and a patient's device's upgrade", () => {
    expect(dates('Kayla Moss 2/8/2010 go-live conversion error - allergies missing')).toContain('2/8/2010');
    expect(dates("Pt Tobin's ICD was upgraded 1/22 (generator change) and the Medtronic app lost it")).toContain('1/22');
  });
});

describe("an organisation's e-mail address (session 18)", () => {
  const emails = (text: string) => detect(text).filter((f) => f.type === 'EMAIL').map((f) => text.slice(f.start, f.end));
  it("is a colleague's or a department's in a ticket about a patient", () => {
    const text = 'Pt Maria Lopez (MRN 4418275) got the wrong AVS.\nGME coordinator: Denise Caldwell x4112, denise.caldwell@riverbendhealth.org. Questions: infosec@vaumc.org';
    expect(emails(text)).toEqual([]);
  });
  it("stays a person's own with digits or 'home' in it, on file, or where its writer speaks as a patient", () => {
    expect(emails('Pt Maria Lopez (MRN 4418275): notification email is m.alfarsi61@example.org')).toContain('m.alfarsi61@example.org');
    expect(emails('Pt Colleen Burke, DOB 05/05/1966 - email on file schoolnurse@stbrendanacademy.org. She wants the proxy fixed.')).toContain('schoolnurse@stbrendanacademy.org');
    expect(emails("From: Dana Whitfield <dana.whitfield@stlukes-health.org>\nSubject: can't see my lab results in MyChart")).toContain('dana.whitfield@stlukes-health.org');
    expect(emails('Pt Maria Lopez (MRN 4418275) asks statements go to her personal address maria.lopez@gmail.com')).toContain('maria.lopez@gmail.com');
  });
});

describe("session 18 review: the new rules keep patients' values", () => {
  const values = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));
  it.each([
    ['Pt Jane Doe DOB 03/14/1962 did not answer at 503-555-0199', '503-555-0199'],
    ['Pt Jane Doe MRN 20580071, conf phone 503-555-0199 w/ pt.', '503-555-0199'],
    ["Pt's best line 503-555-0199.", '503-555-0199'],
    ['Pt Jane Doe MRN 20580071 new main number 503-555-0199 per pt.', '503-555-0199'],
    ["Patient Maria Lopez's land line 503-555-0142", '503-555-0142'],
    ['Patient Maria Lopez, maria.lopez@umich.edu, cannot log in to MyChart. MRN 20580071', 'maria.lopez@umich.edu'],
    ['Jane Doe MRN 20580071 had a COVID test, case #2024-88171 pending', '2024-88171'],
    ['Maria Lopez clinic follow-up on 3/4/2025 was booked twice, MRN 20580071', 'Maria Lopez'],
  ])('%s', (text, value) => expect(values(text)).toContain(value));

  it('reads colours after part numbers, products before a room and standards after "spec" as no one', () => {
    const text = 'Pt Jane Doe MRN 20580071. Replacement cable S/N 20391844 (black) shipped; part 104522 (gray). The omnicell in rm 412 is offline. Meets Wi-Fi spec 802.11ax, display spec 1920x1080.';
    for (const v of ['black', 'gray', 'omnicell', '802.11ax', '1920x1080']) expect(values(text)).not.toContain(v);
  });
});
