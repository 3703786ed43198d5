/**
 * "LAST, FIRST M" names as EHR screens and worklists write them, before a record's identifier:
 * with a middle initial and a generational suffix in capitals, and with an apostrophe in the
 * surname ("O'ROURKE" is written in capitals too).
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';

const names = (text: string) => detect(text).filter((f) => f.type === 'NAME').map((f) => text.slice(f.start, f.end));

describe('record names', () => {
  it('reads a first name that is also a product as a name before a middle initial and a record identifier', () => {
    const text = 'Images sent from MR1 at TF under the worklist entry for HOLLENBECK, TRAVIS J JR (MRN 0048812213, acc MR24-0802-0034)';
    expect(names(text)).toEqual(['HOLLENBECK, TRAVIS J JR']);
  });

  it('keeps a generational suffix in capitals with the name', () => {
    const text = 'Wrong band printed for pt KOWALSKI, THEODORE SR, MRN 00834112, please reprint';
    expect(names(text)).toEqual(['KOWALSKI, THEODORE SR']);
  });

  it('reads a surname with an apostrophe in capitals as a capitals surname', () => {
    const text = "Accession 24-318-0441 (CBC, BMP) labeled O'ROURKE, KATHLEEN M / MRN 1550921 / DOB 10-Jun-48. Failed";
    expect(names(text)).toEqual(["O'ROURKE, KATHLEEN M"]);
  });

  it('leaves Travis CI alone', () => {
    expect(names('Travis J build 4412 failed on the interface repo, rerun please')).toEqual([]);
  });
});
