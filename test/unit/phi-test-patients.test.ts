/**
 * Test and training patients are no one's: a build's "ZZTEST, PATIENT", a training environment's
 * "TRAIN, ADULTONE" and "MYCHART, TESTONE", and their record numbers.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';

const values = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));

describe('test and training patients', () => {
  it('reads "PATIENT" after a test family name as its given name, not a real patient', () => {
    expect(values('Zebra reprinted after the head clean. Test label for ZZTEST, PATIENT MRN 99900012 printed fine.')).toEqual([]);
  });

  it('leaves a training environment’s patients and their MRNs alone', () => {
    const text = 'Trainers need the playground refreshed:\nTRAIN, ADULTONE  MRN T9000101  (bed TRN-4W-01)\nTRAIN, ADULTTWO  MRN T9000102  (bed TRN-4W-02)';
    expect(values(text)).toEqual([]);
    expect(values('testing the proxy signup flow. Test pt "MYCHART, TESTONE" MRN 99900045, no email arrives')).toEqual([]);
  });

  it('still finds a real patient named after a test record', () => {
    expect(values('tried ZZTEST, ALPHA, fine; real pt MRN 4410882 fails')).toContain('4410882');
    expect(values('Band for GARCIA, MARIA MRN 4410882 printed as TRAIN, ADULTONE')).toContain('4410882');
    // (after "test patient" the capitals are a real patient's name, not a test family's given name)
    expect(values('test patient, GARCIA, MARIA MRN 4410882')).toContain('4410882');
    // (a real surname Train, given names ending in -one, and a real name right after a test family)
    expect(values('Please merge duplicate charts: TRAIN, SIMONE MRN 6610244 DOB 02/11/1982 and TRAIN, SIMONE MRN 6610997. real pt')).toEqual(expect.arrayContaining(['6610244', '02/11/1982', '6610997']));
    expect(values('ADT A08 went out for TRAIN, TYRONE (MRN 8820417) with wrong PCP')).toContain('8820417');
    expect(values('ZZTEST, KOWALCZYK, ANNA MRN 5520183 still shows the old allergy after the interface fix')).toContain('5520183');
  });
});
