/**
 * Structured formats real tickets paste, written as the independent set 5 showed them: DICOM
 * attribute dumps, X12 claims, Jira and Markdown tables, HL7 order and result segments, and the
 * same identifier repeated in prose. Each has its staff or IT-side counterpart, which stays clean.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';
import { expectAll, expectNone } from '../support/phi-expect';


describe('DICOM attribute dumps', () => {
  const storescu = [
    'PACS QC: CT study failing to route from CT2 (AE CT2_MAIN, 10.42.20.12). storescu log:',
    'I: (0010,0010) PatientName        [ABERNATHY^COLE^R]',
    'I: (0010,0020) PatientID          [RH00881277]',
    'I: (0010,0030) PatientBirthDate   [19880612]',
    'I: (0008,0050) AccessionNumber    [CT25031100412]',
    'I: (0020,000d) StudyInstanceUID   [1.2.840.113619.2.55.3.604688119.969.1741700000.412]',
    'I: (0008,0080) InstitutionName    [RIVERSIDE HEALTH]',
    'I: (0008,0090) ReferringPhysicianName [HOLLOWAY^JAMES]',
    'I: (0008,0060) Modality           [CT]',
  ].join('\n');

  it('finds the patient attributes of a storescu log by tag', () => {
    expectAll(storescu, [
      ['NAME', 'ABERNATHY^COLE^R'],
      ['MRN', 'RH00881277'],
      ['DATE', '19880612'],
      ['OTHER_ID', 'CT25031100412'],
      ['OTHER_ID', '1.2.840.113619.2.55.3.604688119.969.1741700000.412'],
    ]);
  });

  it('leaves the institution, the referring physician and the modality', () => {
    expectNone(storescu, ['RIVERSIDE HEALTH', 'HOLLOWAY^JAMES', '[CT]']);
  });

  it('reads dcmdump and pydicom layouts, and an age only over 89', () => {
    const dcmdump = '(0010,0010) PN [DOE^JANE]                               #   8, 1 PatientName\n(0010,1010) AS [094Y]  #   4, 1 PatientAge\n';
    expectAll(dcmdump, [['NAME', 'DOE^JANE'], ['AGE', '094Y']]);
    const pydicom = "(0010, 0010) Patient's Name                      PN: 'SMITH^ALAN'\n(0010, 1010) Patient's Age                       AS: '045Y'";
    expectAll(pydicom, [['NAME', 'SMITH^ALAN']]);
    expectNone(pydicom, ['045Y']);
  });

  it('reads a terse dump with a VR and no keyword', () => {
    const terse = '  (0008,0020) DA  20250510\n  (0008,0050) SH  SLMCT250510-0077\n  (0010,0010) PN  FAIRWEATHER^GRACE^E\n  (0010,0020) LO  20271904\n  (0010,0030) DA  19570314\n  (0010,0040) CS  F\n';
    expectAll(terse, [['DATE', '20250510'], ['OTHER_ID', 'SLMCT250510-0077'], ['NAME', 'FAIRWEATHER^GRACE^E'], ['MRN', '20271904'], ['DATE', '19570314']]);
  });
});

describe('X12 claims and eligibility', () => {
  const claim = [
    "Claim rejected by payer - 'Subscriber ID invalid'. 837I loop 2010BA:",
    'NM1*85*2*RIVERSIDE HEALTH SYSTEM*****XX*1588667732~',
    'N3*900 HOSPITAL DR~',
    'N4*DECATUR*IL*62521~',
    'NM1*IL*1*OKONJO*FUNMILAYO****MI*W284719305~',
    'N3*1440 PEACHTREE ST NE APT 1207~',
    'N4*ATLANTA*GA*30309~',
    'DMG*D8*19660228*F~',
    'NM1*PR*2*AETNA*****PI*60054~',
    'CLM*PA0049182736*1840.55***13:A:1**A*Y*Y~',
    'DTP*472*D8*20250211~',
    'Payer says member ID should be W284719305-01. Our Epic coverage has W284719305.',
  ].join('\n');

  it("finds the subscriber's name, member ID, address, ZIP, birth date, control number and service date", () => {
    expectAll(claim, [
      ['NAME', 'OKONJO*FUNMILAYO'],
      ['HEALTH_PLAN_ID', 'W284719305~'.slice(0, -1)],
      ['ADDRESS', '1440 PEACHTREE ST NE APT 1207'],
      ['ADDRESS', 'ATLANTA*GA'],
      ['ZIP', '30309'],
      ['DATE', '19660228'],
      ['ACCOUNT', 'PA0049182736'],
      ['DATE', '20250211'],
    ]);
  });

  it('finds the member ID again where the prose repeats it', () => {
    const prose = claim.slice(claim.indexOf('Our Epic'));
    const at = claim.indexOf(prose) + prose.indexOf('W284719305');
    expect(detect(claim).some((f) => f.start <= at && f.end >= at + 10 && f.type === 'HEALTH_PLAN_ID')).toBe(true);
  });

  it("leaves the billing provider's and the payer's names, address and IDs", () => {
    expectNone(claim, ['RIVERSIDE HEALTH SYSTEM', '900 HOSPITAL DR', 'DECATUR*IL', '62521', 'AETNA', '60054']);
  });
});

describe('tables pasted into tickets', () => {
  it('types the cells of a Jira table by its header', () => {
    const jira = [
      'Sample rows from the attachment:',
      '||MRN||Patient||DOB||First ED Visit||Return Visit||',
      '|5019283|Delgado, Ramon|1990-03-21|2025-02-14|2025-02-16|',
      '|6612004|Abara, Ngozi|1974-11-30|2025-02-15|2025-02-17|',
      'Total rows: 212.',
    ].join('\n');
    expectAll(jira, [
      ['MRN', '5019283'],
      ['NAME', 'Abara, Ngozi'],
      ['MRN', '6612004'],
      ['DATE', '1974-11-30'],
      ['DATE', '2025-02-17'],
    ]);
    expectNone(jira, ['212']);
  });

  it('types the cells of a Markdown table by its header', () => {
    const md = '| Acct # | Patient Name | DOB |\n|---|---|---|\n| 88120045 | Ifeoma Chukwu | 04/02/1951 |\n';
    expectAll(md, [['ACCOUNT', '88120045'], ['NAME', 'Ifeoma Chukwu'], ['DATE', '04/02/1951']]);
  });

  it('types the cells of a pipe table without a separator line when its header names a record column', () => {
    const table =
      'Affected pts incl:\n| Pt | MRN | Device | Serial | Last transmission |\n' +
      '| HOLMQUIST, BERNICE | 40011980 | Azure XT DR MRI | RNB604117H | 03/19/2025 |\n' +
      '| WHITAKER, DARNELL J | 40187732 | Micra AV2 | MC2V812334S | 03/18/2025 |\nMrs Holmquist is 97.';
    expectAll(table, [['MRN', '40011980'], ['DEVICE', 'RNB604117H'], ['MRN', '40187732'], ['DEVICE', 'MC2V812334S']]);
    // (a date column alone may be a change log's)
    const changes = '| Date | Owner | Change |\n| 03/19/2025 | Maria Lopez | firewall rule 4412 on fw-edge-01 |';
    expect(detect(changes).filter((f) => f.rule.startsWith('table.'))).toEqual([]);
  });

  it("does not read a staff list's table (names, phones, roles, no patient column) as patients", () => {
    const staff = '||Name||Phone||Role||\n|Priya Natarajan|555-0142|Charge RN|\n|Tom Reilly|555-0199|Interfaces on-call|\n';
    expect(detect(staff).filter((f) => f.rule.startsWith('table.'))).toEqual([]);
    const patients = '||Name||Phone||DOB||\n|Priya Natarajan|555-0142|03/02/1961|\n';
    expectAll(patients, [['NAME', 'Priya Natarajan'], ['PHONE', '555-0142'], ['DATE', '03/02/1961']]);
  });
});

describe('HL7 orders and results', () => {
  it("finds an order's accession number and collection time, not the message's own time", () => {
    const msg = [
      'MSH|^~\\&|SUNQUEST|RHLAB|EPIC|RH|20250306142217||ORU^R01|MSG0098123|P|2.5.1',
      'PID|1||00612044^^^RH^MR||OKAFOR^CHIDINMA^A||19790722|F',
      'OBR|1||LB25-065-0412|CBC^COMPLETE BLOOD COUNT|||202503060915',
      'OBX|1|NM|WBC^WBC||7.2|10*3/uL|4.0-11.0|N|||F',
    ].join('\n');
    expectAll(msg, [['OTHER_ID', 'LB25-065-0412'], ['DATE', '202503060915']]);
    expectNone(msg, ['20250306142217', 'MSG0098123', 'CBC^COMPLETE BLOOD COUNT']);
  });
});

describe('HL7 dates wherever a segment about the patient holds them', () => {
  it("finds a visit's admit time and an insured's birth date in fields a sender or writer put elsewhere, not the message's own times", () => {
    const msg = [
      'MSH|^~\\&|EPIC|HSP|OMNICELL|HSP|20240409021544||ADT^A08|8812734|P|2.3',
      'EVN|A08|20240409021544',
      'PID|1||7729104^^^HSP^MR||HOLLOWAY^MARGARET^JEAN||19380217|F',
      'PV1|1|I|4E^412^B^HSPMAIN||||1447382910^PATEL^ANJALI^^^^MD|||MED||||||||||||||||||||||||||||||20240405183000',
      'IN1|1|ANTHPPO|0077214|ANTHEM BLUE CROSS|||||||||||WHITLOCK^ANNETTE|02|19610304|||||||||||||||||||||XGP884120937',
    ].join('\n');
    expectAll(msg, [['DATE', '20240405183000'], ['DATE', '19610304'], ['DATE', '19380217']]);
    expectNone(msg, ['20240409021544', '8812734']);
  });

  it("finds an insurance segment's group number (IN1-8)", () => {
    const msg = 'PID|1||6620981^^^OMH^MR||HASTY^TERESA^M||19820217|F\nIN1|1|BCBSMO-PPO|0310|ANTHEM BLUE CROSS BLUE SHIELD MO|PO BOX 105187^^ATLANTA^GA^30348||(800)555-0134|GRP00418822';
    expectAll(msg, [['HEALTH_PLAN_ID', 'GRP00418822']]);
  });

  it('leaves numbers that are no valid date, and order segments, alone', () => {
    const msg = 'PV1|1|I|4E^412||||||||MED|||||||||||||||||||||||||||||20241345183000\nOBX|1|NM|GLU^GLUCOSE||20240405|mg/dL';
    expectNone(msg, ['20241345183000', '20240405']);
  });
});

describe('an export with a record number column among many others, and Jira bold labels', () => {
  it('types the columns of a monitoring export whose header has more non-PHI columns than PHI ones', () => {
    const text = 'Kendra exported this from the PIIC:\n\nBed,Pack_SN,Patient_Name,MRN,Admit,Alarm_Profile,Central\n5S-01,US81204417,"McCAULEY, LORENE",1108834,2024-11-03,Adult,5S-CST01';
    expectAll(text, [['DEVICE', 'US81204417'], ['NAME', 'McCAULEY, LORENE'], ['MRN', '1108834'], ['DATE', '2024-11-03']]);
  });

  it('leaves an asset inventory with a name column and a serial column but no record number', () => {
    const text = 'Asset,Hostname,Serial,Name,Dept,Location,Model\nLRH-0041,ws-4w-12,5CD1234XYZ,Ana Ortiz,Nursing,4W,HP 800 G6';
    expectNone(text, ['5CD1234XYZ']);
  });

  it('reads a label in Jira bold: *MRN:* 1108834', () => {
    expectAll('Patient record for the merge\n*MRN:* 1108834\n*Legacy athena acct:* A-0048812', [['MRN', '1108834'], ['ACCOUNT', 'A-0048812']]);
  });
});

describe("a driver's licence's barcode fields as an ID scanner logs them (AAMVA)", () => {
  it('finds the licence number, names, dates, street, city, ZIP and document number', () => {
    const text = 'ID scanner maps the fields wrong:\n{code}\n[07:51:22] AAMVA v09 parse OK\nDAQ=T148822091\nDCS=WEATHERFORD\nDAC=COLTON\nDAD=JAMES\nDBB=09281996\nDBA=09282028\nDAG=2207 W LOMBARD ST\nDAI=SPRINGFIELD\nDAJ=MO\nDAK=658021144\nDCF=0418822919WA\n{code}';
    expectAll(text, [['LICENSE', 'T148822091'], ['NAME', 'WEATHERFORD'], ['NAME', 'COLTON'], ['NAME', 'JAMES'], ['DATE', '09281996'], ['DATE', '09282028'], ['ADDRESS', '2207 W LOMBARD ST'], ['ADDRESS', 'SPRINGFIELD'], ['ZIP', '658021144'], ['OTHER_ID', '0418822919WA']]);
    expectNone(text, ['MO']);
  });

  it('needs three elements on lines of their own', () => {
    expectNone('Mapping profile swapped DAG and DAI.\nDAG=street line\nDBA=expiry', ['street line', 'expiry']);
  });
});

describe("a newborn's name before the parents choose one", () => {
  it.each([
    ['- BABYGIRL B PIERCE  MRN 6621005  born 11/15/2024 02:31', 'BABYGIRL B PIERCE'],
    ['quick-reg newborn "PIERCE, GIRL" MRN 6621019 on the wristband', 'PIERCE, GIRL'],
    ['Hugs tag enrolled to Baby Boy Nakamura in the nursery', 'Baby Boy Nakamura'],
  ])('%s', (text, value) => expectAll(text, [['NAME', value]]));

  it('leaves words that only look like it', () => {
    expectNone('The BABY GIRL and BABY BOY label templates print blank on the Zebra', ['BABY GIRL', 'BABY BOY']);
  });
});

describe('dates in a list of patients', () => {
  it('reads "Last, First - date - MRN" as a birth date, and a comment stamp as none', () => {
    const list = '  1. Petrov, Alexei - 02/14/1950 - MRN 1128830 - SNF placement\n  2. Wójcik, Halina - 07/07/1941 - MRN 1130294';
    expectAll(list, [['DATE', '02/14/1950'], ['DATE', '07/07/1941']]);
    expectNone('Elif Demir added a comment - 03/14/2025 10:02 AM\nPrinter queue cleared.', ['03/14/2025']);
  });
});

describe('CSV fields in quotes, more column and key names', () => {
  it('reads a quoted "Last, First" as one field, so the columns after it keep their types', () => {
    const text = 'appt_id,patient_name,dob,phone,appt_date,status\nA-558102,"Ferreira, Joaquim",1955-02-17,412-555-0167,2025-03-04,FAILED\nA-558117,"Obi, Chidinma",1991-10-30,412-555-0105,2025-03-04,FAILED\n';
    expectAll(text, [['OTHER_ID', 'A-558102'], ['NAME', 'Ferreira, Joaquim'], ['DATE', '1955-02-17'], ['PHONE', '412-555-0167'], ['NAME', 'Obi, Chidinma']]);
    // the date of birth is not typed as a phone (it was, when the quoted comma split the field)
    const dob = detect(text).find((f) => text.slice(f.start, f.end) === '1955-02-17');
    expect(dob?.type).toBe('DATE');
  });

  it('takes every word of a key=value name or address, and the lname/fname/dl_num keys', () => {
    expectAll('scan_result: name=KOWALCZYK JAN P; dl_num=K423-5519-8871; state=IL; dob=1968-12-01; addr=2207 W Elm St; zip=60612', [
      ['NAME', 'KOWALCZYK JAN P'],
      ['LICENSE', 'K423-5519-8871'],
      ['ADDRESS', '2207 W Elm St'],
    ]);
    expectAll('PatientSearch - user=ahenderson q="lname=SEYMOUR&fname=DELPHINE&dob=1948-12-09" results=1', [
      ['NAME', 'SEYMOUR'],
      ['NAME', 'DELPHINE'],
      ['DATE', '1948-12-09'],
    ]);
    // the next key is not part of the name
    expectNone('name=DOE JANE dob=1971-02-03 status=ok', ['dob=']);
  });

  it('types a billing extract by its short column names (acct_nbr, pt_name, addr1, last_dos)', () => {
    const text =
      'Statement run used the old guarantor address. Extract:\n\nacct_nbr,mrn,guarantor,pt_name,addr1,city,st,zip,bal,last_dos\n' +
      '8840021733,6702218,"WHITEHORSE, LEONARD","WHITEHORSE, DAISY",3301 N Fort Defiance Rd,Ganado,AZ,86505,412.17,2025-01-14\n';
    expectAll(text, [
      ['ACCOUNT', '8840021733'],
      ['MRN', '6702218'],
      ['NAME', 'WHITEHORSE, LEONARD'],
      ['NAME', 'WHITEHORSE, DAISY'],
      ['ZIP', '86505'],
      ['DATE', '2025-01-14'],
    ]);
  });

  it('reads a staff roster or a vendor master as no patient list, but an appointment export with a department column as one', () => {
    expectNone('Payroll import failed:\nemp_id,acct_nbr,pt_name,addr1,last_dos\n100234,ACH-4471,Part-time,Facilities,2025-02-28', ['ACH-4471', 'Part-time', '2025-02-28']);
    expectNone('Vendor master sync:\nvendor_id,vendor_name,addr1,acct_nbr\nV1001,Stryker Corp,2825 Airview Blvd,4410022', ['4410022', '2825 Airview Blvd']);
    expectAll('Reminders not sent:\npatient_name,dob,department,appt_date\n"Ferreira, Joaquim",1955-02-17,CARDIOLOGY,2025-03-04', [['NAME', 'Ferreira, Joaquim'], ['DATE', '1955-02-17']]);
  });

  it('types a bare Accession or Specimen column as an identifier', () => {
    expectAll('Labels swapped for these patients this morning:\n\n||Accession||Patient||MRN||Tests||\n|W25318004412|OKONJO, ADAEZE N|01055287|BMP, CBC|\n|W25318004413|PIKE, EVANGELINE|00449031|Mg, Phos|', [
      ['OTHER_ID', 'W25318004412'],
      ['OTHER_ID', 'W25318004413'],
      ['NAME', 'OKONJO, ADAEZE N'],
    ]);
  });

  it("keeps a FHIR identifier's value even when it looks like an issue key", () => {
    expectAll('{"resourceType": "Patient", "identifier": [{"system": "urn:oid:2.16.840.1.113883.3.7721.1", "value": "LK-0048213"}]}', [['MRN', 'LK-0048213']]);
  });
});

describe('NCPDP pharmacy claim segments in a log', () => {
  const log = 'Claim rejected for the patient. From the pharmacy system transmission log:\n{code}\nAM04 C2=2298841J\nAM01 C4=20030909 CA=DALIA CB=MARCHETTI\nAM07 D7=00093-7146-56\nRESP AN=R FA=70\n{code}';
  it('reads the patient and insurance segments by field ID, and leaves the drug\'s NDC', () => {
    expectAll(log, [['HEALTH_PLAN_ID', '2298841J'], ['DATE', '20030909'], ['NAME', 'DALIA'], ['NAME', 'MARCHETTI']]);
    expectNone(log, ['00093-7146-56']);
  });
  it('needs the fields\' forms: a router\'s settings are no segment', () => {
    expectNone('Router AM01 config: C4=10 CA=public\nAM01 C4=10 CA=public', ['10', 'public']);
  });
});

describe('key=value fields with keys in capitals joined by underscores', () => {
  it('reads PAT_ID= and PAT_ENC_CSN_ID= as lower-case keys are read', () => {
    expectAll('2025-07-14 03:47:52 ERROR Row rejected: table=PAT_ENC_HSP PAT_ENC_CSN_ID=4100712293 len=21', [['OTHER_ID', '4100712293']]);
    expectAll('Extract for pt failed: PAT_ID=Z4410873', [['MRN', 'Z4410873']]);
  });
  it('leaves other settings in capitals', () => {
    expectNone('Patient feed restarted with MAX_HEAP_SIZE=4096 and POOL_ID=88213301', ['4096', '88213301']);
  });
});

describe('a vaccine’s administration, a worklist’s eight-digit dates', () => {
  it('reads RXA-3 and RXA-4 as dates', () => {
    const text = 'VXU rejected by the registry:\nMSH|^~\\&|SRH|OVPEDS|ASIIS|AZDHS|20250310141522||VXU^V04|VX118822|P|2.5.1\nPID|1||7410883^^^SRH^MR||LOPEZ^MATEO||20240112|M\nRXA|0|1|20250309|20250311|10^IPV^CVX|0.5|mL^mL^UCUM';
    expectAll(text, [['DATE', '20250309'], ['DATE', '20250311']]);
  });

  it('reads a valid YYYYMMDD on a line with a patient’s name as a date, not one on an HL7 or IT line', () => {
    const text = 'Results that crossed:\n 13:02  SQ00917744   8820453   HALVORSEN^INGRID             19471127     TSH\n 13:09  SQ00918010   8834127   REDHAWK^JOLENE^ANN           19921105     A1C';
    expectAll(text, [['DATE', '19471127'], ['DATE', '19921105']]);
    expectNone('Results that crossed:\n 13:02  SQ00917744   8820453   HALVORSEN^INGRID             19471327     TSH', ['19471327']);
    expectNone('doc for GT1: GT1|1||ZZTEST^GUARANTOR||||20240101||||||||||||20991231 - field 8 is a date.', ['20991231']);
  });
});

describe('pipe-separated query output with Epic Clarity column names', () => {
  it('reads a patient list by its columns', () => {
    const text =
      'first rows:\n\nPAT_MRN_ID|PAT_NAME|BIRTH_DATE|ZIP|HSP_ACCOUNT_ID|ADM_DATE|DISCH_DATE|READMIT_HAR\n' +
      '1044729|KVAMME,ORVILLE T|1941-05-02 00:00:00.000|54669|5100391022|2025-01-03 00:00:00.000|2025-01-08 00:00:00.000|5100398811\n';
    const found = detect(text).map((f) => [f.type, text.slice(f.start, f.end)]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['MRN', '1044729'],
        ['NAME', 'KVAMME,ORVILLE T'],
        ['ZIP', '54669'],
        ['ACCOUNT', '5100391022'],
        ['ACCOUNT', '5100398811'],
      ]),
    );
    expect(found.filter(([t]) => t === 'DATE')).toHaveLength(3);
  });

  it('leaves a provider file or a staff sheet without a record column alone', () => {
    const text =
      'NPI|PROVIDER_NAME|SPECIALTY|CITY|ZIP|PHONE\n1558432901|SRINIVASAN, LAKSHMI MD|FAMILY MEDICINE|HARRISONBURG|22802|540-555-0112\n\n' +
      'Phone | Serial | Assigned | DN\n3N-01 | 0090F5A1C2D3 | unit pool | 3801\n';
    expect(detect(text).filter((f) => f.rule === 'csv.column')).toEqual([]);
  });
});

describe('session 18: MEDITECH column names, XML patient records, device results in HL7', () => {
  it('reads LAST, FIRST, a unit number and an account column of a conversion export', () => {
    const text =
      'Sample rows from conv_wave3_empi_fail_20250304.csv (pipe-delimited):\n\n' +
      'MT_UNIT_NO|MT_ACCT|LAST|FIRST|MI|DOB|SEX|SSN|ADDR1|CITY|ST|ZIP|PHONE|REASON\n' +
      'M000214478|V00091822741|PETTIBONE|ARLENE|K|19450317|F|519-40-2281|88 Eagle Ridge Rd|WEIPPE|ID|83553|2084358410|DOB_MISMATCH\n';
    expectAll(text, [
      ['MRN', 'M000214478'],
      ['ACCOUNT', 'V00091822741'],
      ['NAME', 'PETTIBONE'],
      ['NAME', 'ARLENE'],
      ['DATE', '19450317'],
      ['SSN', '519-40-2281'],
    ]);
  });

  const newRx = [
    'Example NewRx (SCRIPT 2017071) from the outbound log on erx-gw01:',
    '<Patient><HumanPatient>',
    ' <Identification><MedicalRecordIdentificationNumberEHR>2850093</MedicalRecordIdentificationNumberEHR></Identification>',
    ' <Name><LastName>Strand</LastName><FirstName>Wilhelmina</FirstName><MiddleName>K</MiddleName></Name>',
    ' <Gender>F</Gender>',
    ' <DateOfBirth><Date>1934-02-11</Date></DateOfBirth>',
    ' <Address><AddressLine1>5590 Old Spiral Hwy</AddressLine1><City>Lewiston</City><StateProvince>ID</StateProvince><PostalCode>83501</PostalCode></Address>',
    ' <CommunicationNumbers><PrimaryTelephone><Number>2087432651</Number></PrimaryTelephone></CommunicationNumbers>',
    '</HumanPatient></Patient>',
    '<Prescriber><NonVeterinarian><Name><LastName>Okafor</LastName><FirstName>Chidi</FirstName></Name>',
    ' <Address><AddressLine1>600 6th St</AddressLine1><City>Clarkston</City><PostalCode>99403</PostalCode></Address></NonVeterinarian></Prescriber>',
    '<WrittenDate><Date>2025-03-13</Date></WrittenDate>',
  ].join('\n');

  it("finds a patient's elements of an eRx message, and dates of the patient's care anywhere in it", () => {
    expectAll(newRx, [
      ['MRN', '2850093'],
      ['NAME', 'Strand'],
      ['NAME', 'Wilhelmina'],
      ['DATE', '1934-02-11'],
      ['ADDRESS', 'Lewiston'],
      ['ZIP', '83501'],
      ['PHONE', '2087432651'],
      ['DATE', '2025-03-13'],
    ]);
  });

  it("leaves the prescriber's elements, a gender code and a middle initial alone, and XML with no patient element", () => {
    expectNone(newRx, ['Okafor', 'Chidi', 'Clarkston', '99403', '<Gender>F', '>K<']);
    const config = '<Site><Name><LastName>Station</LastName></Name><City>Lewiston</City><PostalCode>83501</PostalCode><ServiceDate>2025-03-13</ServiceDate></Site>';
    expect(detect(config).filter((f) => f.rule.startsWith('xml.'))).toEqual([]);
  });

  it("finds a device's serial and implant date in an HL7 result by the observation's identifier", () => {
    const text =
      'PID|1||3011274^^^SARMC^MRN||OYAMA^HAROLD^T||19460228|M\n' +
      'OBX|1|ST|720897^MDC_IDC_DEV_MODEL^MDC||ACCOLADE MRI EL DR L331\n' +
      'OBX|2|ST|720898^MDC_IDC_DEV_SERIAL^MDC||114877\n' +
      'OBX|3|DTM|721025^MDC_IDC_DEV_IMPLANT_DT^MDC||20180612\n' +
      'OBX|4|NM|73990^MDC_IDC_MSMT_BATTERY_VOLTAGE^MDC||2.78|V\n';
    expectAll(text, [
      ['DEVICE', '114877'],
      ['DATE', '20180612'],
    ]);
    expectNone(text, ['ACCOLADE', '2.78']);
  });
});

describe('session 18: a tracking board, a release request by year, ages in an age column', () => {
  const board =
    'Photo of the surgical tracking board, OR waiting room:\n' +
    '  TRACK#      PATIENT               AGE    STATUS\n' +
    '  T-0320-011  GUSTAFSON, ERNEST     71 Y   In OR 3 (Lap chole)\n' +
    '  T-0320-014  BEAUCHAMP, LEON       97 Y   Pre-op\n';

  it("reads a tracking number column, and an age column's ages over 89 only", () => {
    expectAll(board, [
      ['OTHER_ID', 'T-0320-011'],
      ['OTHER_ID', 'T-0320-014'],
      ['NAME', 'BEAUCHAMP, LEON'],
      ['AGE', '97 Y'],
    ]);
    expectNone(board, ['71 Y']);
    const census = 'pt,mrn,age\nSOLIS MARIA,3002841,66Y\nDUBOIS RAYMOND,2834417,94Y\n';
    expectAll(census, [['AGE', '94Y']]);
    expectNone(census, ['66Y']);
  });

  it('finds a release-of-information request numbered by year', () => {
    expectAll('ROI outbound fax failing to attorney office (ROI-2025-01873), due Friday', [['OTHER_ID', 'ROI-2025-01873']]);
  });
});

describe('session 18: date and time columns of arrivals, collections and orders', () => {
  it("reads an ED returns report's arrival columns and a lab's collection column as the patients' dates", () => {
    const ed = '"MRN","Patient","DOB","Arrival","Acct","Return Arrival","Disposition"\n"M000551270","HOLLOWAY, JASPER","06/30/1988","2024-11-02 21:14","V0004502219","2024-11-04 03:40","ADM"\n';
    expectAll(ed, [
      ['DATE', '2024-11-02 21:14'],
      ['DATE', '2024-11-04 03:40'],
    ]);
    const lab = 'COLL_DTTM,ACCESSION,MRN,PATIENT,DOB,TEST,DEPT\n03/21/2025 07:42,25VR-080-00417,1672039,"NESHEIM, ARNE",04/02/1950,CBC,LAB\n';
    expectAll(lab, [['DATE', '03/21/2025 07:42']]);
  });
});

describe("session 18: an insurance segment's member ID past the insured's own fields", () => {
  it('reads IN1-20 on as the member ID when it looks like one, not a date or a plan code', () => {
    const seg =
      'MSH|^~\\&|CERNER|SARMC|SECTRA|PCH|20250311021455||ADT^A08|884120931|P|2.5.1\n' +
      'IN1|1|BCIDPPO|BCI001|BLUE CROSS OF IDAHO|||||||||||1|HALVERSON^MARLENE^RUTH|01|19580914|||||||||||||||||||||QIB884420913\n';
    expectAll(seg, [['HEALTH_PLAN_ID', 'QIB884420913']]);
    expectNone(seg, ['BCIDPPO', 'BCI001']);
  });
});

describe("MEDITECH's unit number (session 19)", () => {
  const values = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));
  it("reads 'U# KA00918274' and a census's 'UNIT#' column", () => {
    expect(values('New (created tonight, 23:14):  NUR, ABDIASIS   U# KA00918274   Acct KV0003318820   DOB 07/14/1986')).toContain('KA00918274');
    const census = 'RM   PATIENT                 UNIT#        AGE   SEX  ADM DATE   ADM DX\n101  DUNHAM, ELWOOD R        KA00044871   91Y   M    01/08/25   CHF EXAC\n102  KINCAID, BEVERLY        KA00512240   67Y   F    01/09/25   PNEUMONIA';
    const v = values(census);
    expect(v).toEqual(expect.arrayContaining(['KA00044871', 'KA00512240', '91Y']));
    expect(v).not.toContain('67Y');
  });
  it("reads a query's AdmitDateTime, DischargeDateTime and ReadmitAcct columns", () => {
    const rows = 'AccountNumber  UnitNumber  Name                AdmitDateTime     DischargeDateTime  ReadmitAcct\nKV0003011872   KA00201188  LANGEVIN,ROSE       2024-12-02 14:22  2024-12-06 11:05   KV0003044019';
    expect(values(rows)).toEqual(expect.arrayContaining(['2024-12-02 14:22', '2024-12-06 11:05', 'KV0003044019']));
  });
  it('a nursing unit column is no record number', () => {
    expect(values('Unit   Beds   Open\n4W     28     3\n5E     30     0')).toEqual([]);
  });
});

describe("a site's numbers by shape (session 19)", () => {
  const values = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));
  it('finds other numbers of a labelled record number\'s capitals and length', () => {
    const text = 'ADT queue stuck. U# KA00559031 went through; the A01 for KA00720110 (BRETON, PAULINE) did not.';
    expect(values(text)).toEqual(expect.arrayContaining(['KA00559031', 'KA00720110']));
  });
  it('not another prefix, another length or part of a longer token', () => {
    const text = 'U# KA00559031 moved. Hosts KB00720110, KA0072011 and XKA00720110 are servers.';
    expect(values(text)).toEqual(['KA00559031']);
  });
});

describe("an HIE's person ID, a remote monitor's transmission ID, a wristband's band # (session 19)", () => {
  const values = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));
  it('reads them beside a patient', () => {
    expect(values('Pt Sara Hassan opted out of the HIE. We think her HIN person ID is 88120455.')).toContain('88120455');
    expect(values('Pacemaker pt MRN 4418275: re-requested transmission ID CL-7731945 from CareLink.')).toContain('CL-7731945');
    expect(values('Newborn of pt MRN 4418275: band routine now pulls mother band # 77120.')).toContain('77120');
  });
  it('not without one', () => {
    expect(values('Workday person ID 88120455 for the new hire failed to sync; band # 4 on the radio plan.')).toEqual([]);
  });
});

describe('a label ends at its word (session 19)', () => {
  it("reads no plate inside 'registration 4/7' and no plate in a date", () => {
    for (const text of ['Hodan Warsame moving from SBR Patient Access to Waterville registration 4/7', 'Last day at ED registration is 4/4/25, starts WTV registration Mon 4/7/25.']) {
      expect(detect(text).filter((f) => f.type === 'VEHICLE')).toEqual([]);
    }
    // (a label ending in '#' still takes a value glued to it, a plate after its label still counts)
    const roi = "Pt Maria Lopez ROI: the portal won't let us attach the authorization to request #ROI-8812290.";
    expect(detect(roi).map((f) => roi.slice(f.start, f.end))).toContain('ROI-8812290');
    const plate = 'Pt Maria Lopez towed, plate 7KDM482 per security.';
    expect(detect(plate).map((f) => plate.slice(f.start, f.end))).toContain('7KDM482');
  });
});

describe("an HL7 message's clinicians (session 19)", () => {
  it("reads the attending's NPI but not the care team's names as a patient's", () => {
    const msg = 'PID|1||00990011^^^MAIN^MR||HUGHES^WALTER||19480512|M\nPV1|1|O|PRU-FM^^^PRU||||1457893021^WREN-ADAIR^LUCAS|||MED||||ER||||||3004788152||';
    const v = detect(msg).map((f) => `${f.type} ${msg.slice(f.start, f.end)}`);
    expect(v).toEqual(expect.arrayContaining(['NAME HUGHES^WALTER', 'MRN 00990011', 'LICENSE 1457893021']));
    expect(v.filter((x) => /ADAIR|LUCAS|WREN/.test(x))).toEqual([]);
  });
});

describe("NextGen's person number, Spanish-language messages, and more column names (session 19)", () => {
  const values = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));
  it("reads 'Person Nbr', 'person_nbr=' and a CSV's person_nbr/phone_sent columns", () => {
    expect(values('Patient: Wade Holcomb       Person Nbr 100391877     Enc Nbr 8827716')).toContain('100391877');
    expect(values('2025-03-19 07:13:02  view   /labs/result/LR-3390182  owner_person_nbr=100417733 (VALDEZ, ERNESTO JR)')).toContain('100417733');
    const csv = 'person_nbr,first_name,last_name,phone_sent,appt_date,appt_time,provider\n100512077,Loretta,Begaye,5053278841,2025-03-19,08:40,ABEYTA L';
    expect(values(csv)).toEqual(expect.arrayContaining(['100512077', '5053278841', '2025-03-19']));
  });
  it("reads a patient's dates and record number written in Spanish", () => {
    const text = 'Hola, no puedo entrar. Mi fecha de nacimiento es 12 de junio de 1962 y mi numero de paciente es 3096542. Tengo cita con la doctora el 18 de marzo.';
    expect(values(text)).toEqual(['12 de junio de 1962', '3096542', '18 de marzo']);
  });
  it("reads a PatientSecure 'TemplateID' column and a prior authorisation's 'PA #' and 'Approved DOS'", () => {
    const t = '  TemplateID             EMPI          MRN       Name                    DOB\n  PS-7F3A-0091-C2E4      E000718245    2311098   NARANJO, LEROY C SR     1956-02-11';
    expect(values(t)).toContain('PS-7F3A-0091-C2E4');
  });
});
