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

  it('reads a "Last, First" the census lacks, or with a month for a first name, before a record label', () => {
    expect(names('override again\npt: VUE, TOU   mrn 40290345  CSN 1204629971')).toEqual(['VUE, TOU']);
    expect(names('Sent list to Nicole: WINSLOW, GERALD (above) and FERRIS, JUNE E (MRN E1120388, XR CHEST 2V)')).toContain('FERRIS, JUNE E');
    expect(names('Excerpt:\n  1. Petrov, Alexei, DOB 02/14/1950, SNF placement')).toEqual(['Petrov, Alexei']);
  });

  it('reads a "Last, First" in brackets right after a record number', () => {
    expect(names('Sectra attached it to MRN 5520017886 (Oyelowo, Funmi - looks like an old duplicate)')).toEqual(['Oyelowo, Funmi']);
  });

  it('leaves column headings, products and lab codes beside a record label alone', () => {
    expect(names('Export columns: LAST, FIRST, MRN, DOB, ENCOUNTER')).toEqual([]);
    expect(names('Interface order: Cerner, Epic (MRN lookups) then Sectra')).toEqual([]);
    expect(names('Orders stuck for MRN 5509981 (CBC, BMP) since 06:00')).toEqual([]);
  });

  it('reads a lower-case name the census knows in part before a birth date, not form words', () => {
    expect(names('[14:03] Visitor: gwendolyn pryce-adair, dob 6-2-48')).toEqual(['gwendolyn pryce-adair']);
    expect(names('please verify name, dob and mrn before you print')).toEqual([]);
    expect(names('two identifiers: full name, dob')).toEqual([]);
  });
});

describe('a record line’s bare identifiers', () => {
  const found = (text: string) => detect(text).map((f) => [f.type, text.slice(f.start, f.end)]);

  it('reads a bare number on a line with a patient’s name and birth date as the record’s, and finds it again', () => {
    const text =
      'HIM pls merge, duplicate MRN created at walk-in.\n' +
      'Keep:  M000612044  RIVERA-OCHOA, ESPERANZA M   DOB 1957-08-23  addr 418 Caddo St\n' +
      'Merge: M001511930  OCHOA, ESPERANZA            DOB 08/23/1957\n\n' +
      'merged in the MPI, M001511930 -> M000612044. OnBase docs moved.';
    const ids = found(text).filter(([type]) => type === 'MRN').map(([, v]) => v);
    expect(ids).toEqual(['M000612044', 'M001511930', 'M001511930', 'M000612044']);
  });

  it('calls it OTHER_ID where the text does not speak of MRNs', () => {
    const text = 'Wrong statement went out:\n3100229871  BRANNIGAN, COLM P  DOB 1958-04-17  SSN 219-09-9991\n';
    expect(found(text)).toContainEqual(['OTHER_ID', '3100229871']);
  });

  it('leaves the desk’s own job and ticket numbers on such a line alone', () => {
    const text = 'Pt GARCIA, MARIA L DOB 03/14/1962 fax went to the wrong number, RightFax job 4471902, ticket # 00887412\n';
    const values = found(text).map(([, v]) => v);
    expect(values).toContain('GARCIA, MARIA L');
    expect(values).not.toContain('4471902');
    expect(values).not.toContain('00887412');
  });

  it('needs both the name and the birth date or SSN on the line', () => {
    const text = 'Keep:  M000612044  RIVERA-OCHOA, ESPERANZA M\nDOB 1957-08-23\n';
    expect(found(text).map(([, v]) => v)).not.toContain('M000612044');
  });
});

describe('lower-case names after "name"', () => {
  it('are not opened by a function word ("patient name in lower case"), but "An" is a given name', () => {
    const text = 'Quest sends the patient name in lower case since the new Quanum build: Maria Garcia arrives as maria garcia';
    expect(detect(text).filter((f) => f.type === 'NAME').map((f) => text.slice(f.start, f.end))).not.toContain('in lower');
    const an = 'pt an tran 11/18/1977 locked out of app, son helping';
    expect(detect(an).filter((f) => f.type === 'NAME').map((f) => an.slice(f.start, f.end))).toEqual(['an tran']);
  });
});
