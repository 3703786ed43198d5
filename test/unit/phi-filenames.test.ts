/**
 * A scanned document's or an export's file name that holds a patient: "scan_GARCIA_ROSA_031452.pdf"
 * (a census first name and surname as neighbouring parts, and a valid date after them),
 * "dlscan_estrada_090971.jpg" (a surname with a date after it), and a record's label glued to its
 * value after the name parts ("HOFFLANDER_DEAN_MRN3021187_ABN.pdf", "YANG_PA_DOB19910922_INS_CARD.pdf").
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';

const found = (text: string) => detect(text).map((f) => [f.type, text.slice(f.start, f.end)]);
const fromFiles = (text: string) => detect(text).filter((f) => f.rule.endsWith('.filename')).map((f) => [f.type, text.slice(f.start, f.end)]);

describe('names and dates in file names', () => {
  it('finds a patient’s name and birth date in a scan’s file name', () => {
    const text = 'Pt Rosa Garcia misfiled. Batch:\n  scan_GARCIA_ROSA_031452.pdf -> filed to MRN 4003381\n  scan_garza_rosendo_03151953_p2.pdf -> OK';
    expect(fromFiles(text)).toEqual([
      ['NAME', 'GARCIA_ROSA'],
      ['DATE', '031452'],
      ['NAME', 'garza_rosendo'],
      ['DATE', '03151953'],
    ]);
  });

  it('finds a surname with a date after it', () => {
    expect(fromFiles('Pt Ramon Estrada: DL scan (dlscan_estrada_090971.jpg in the ED reg share)')).toEqual([
      ['NAME', 'estrada'],
      ['DATE', '090971'],
    ]);
  });

  it('needs census names in one case, and a valid date', () => {
    expect(fromFiles('Pt Rosa Garcia: see scan_GARCIA_rosa.pdf and scan_GARCIA_139952.pdf and scan_Upgrade_Signoff.pdf')).toEqual([]);
    expect(fromFiles('Pt Rosa Garcia: see scan_Mark_Test_plan.docx and Jenkins_Build_log.txt')).toEqual([]);
  });

  it('leaves an employee’s own documents alone, not a patient’s evaluation or licence scan', () => {
    expect(fromFiles('Pt Rosa Garcia, and HR files: resume_davis_michael_20250115.docx, Smith_John_timesheet.xlsx')).toEqual([]);
    // (an evaluation may be a patient's: "psych_eval_OBRIEN_SHANNON_19890412.pdf")
    expect(fromFiles('Pt Shannon Obrien: psych_eval_OBRIEN_SHANNON_19890412.pdf filed to the wrong chart')).toEqual([['NAME', 'OBRIEN_SHANNON'], ['DATE', '19890412']]);
    expect(fromFiles('Pt Rosa Garcia: scan_license_GARCIA_ROSA.jpg went to the wrong chart')).toEqual([['NAME', 'GARCIA_ROSA']]);
  });

  it('leaves a ticket without a patient alone', () => {
    expect(found('New hire docs: John_Smith_resume.pdf and W4_form.pdf, please set up the AD account and Outlook mailbox')).toEqual([]);
  });

  it('takes time linear in the text on a megabyte of file names', () => {
    const text = 'Pt Rosa Garcia\n' + 'scan_GARCIA_ROSA_031452.pdf '.repeat(40_000);
    const t0 = performance.now();
    const n = fromFiles(text).length;
    expect(n).toBe(80_000);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});

describe('isCompactDate (validators.ts), the digits-only dates file names, worklists and MRN kin share', () => {
  it('takes MMDDYY, YYYYMMDD and MMDDYYYY with a valid month and day, years 1900-2099', async () => {
    const { isCompactDate } = await import('../../src/phi/validators');
    for (const d of ['031452', '19921105', '03141952', '20240229', '12312099']) expect(isCompactDate(d), d).toBe(true);
    for (const d of ['139952', '19921305', '13141952', '18991231', '21000101', '0314195', '031452a', '20250230']) expect(isCompactDate(d), d).toBe(false);
  });
});

describe('a record label glued to its value in a file name', () => {
  it('finds the value and the name parts before it, census names or not', () => {
    const text =
      'Kofax batch failed, files stuck:\n  YANG_PA_DOB19910922_INS_CARD.pdf\n  SCHROEDER_L_DOB20010617_DL_FRONT.tif\n  HOFFLANDER_DEAN_MRN3021187_ABN.pdf\n';
    const found = detect(text).map((f) => [f.type, text.slice(f.start, f.end)]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['NAME', 'SCHROEDER_L'],
        ['DATE', '20010617'],
        ['NAME', 'HOFFLANDER_DEAN'],
        ['MRN', '3021187'],
        ['NAME', 'YANG_PA'],
      ]),
    );
  });

  it('needs a surname-like part before it and a valid date after DOB', () => {
    const text = 'exports: Monthly_Report_DOB20250101.pdf and Census_DOB20251399.csv';
    expect(detect(text).filter((f) => f.type === 'NAME' || f.type === 'DATE')).toEqual([]);
  });
});

describe('a census surname in capitals and an initial (session 18)', () => {
  it('is a name in a scanned or faxed document’s file name', () => {
    const text = 'Pt referral faxes in the wrong queue: FAX_20250313_1042_from2088437300_SAMPSON_W_referral.pdf and REGENCE_AUTH_BERGSTROM_T.pdf';
    expect(fromFiles(text)).toEqual([
      ['NAME', 'SAMPSON_W'],
      ['NAME', 'BERGSTROM_T'],
    ]);
  });

  it('needs the surname in capitals, a census surname, and a single letter after it', () => {
    const text = 'Build outputs: SERVER_A.pdf, Sampson_W_notes.pdf, REPORT_Q.pdf, SAMPSON_WX.pdf';
    expect(fromFiles(text)).toEqual([]);
  });
});
