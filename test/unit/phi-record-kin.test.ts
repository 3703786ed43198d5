/**
 * Another record number of a found MRN's kind: a site's MRNs share a length and a range, so a whole
 * run of as many digits with the same first two, elsewhere in the ticket, is a record number too
 * ("MRN 20580071 (stone) / 20702288 (locklear)", "old one was 00560877").
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';

const kin = (text: string) => detect(text).filter((f) => f.rule === 'mrn.kin').map((f) => text.slice(f.start, f.end));
const found = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));

describe('record numbers of a found MRN’s kind', () => {
  it('finds the second record of a merge or a mix-up', () => {
    // (the label's list reads this one now, past the bracketed name: found either way)
    expect(found('Vitals going to her flowsheet. pls fix asap. MRN 20580071 (stone) / 20702288 (locklear) -siobhan')).toContain('20702288');
    expect(kin('Vitals going to her flowsheet. pls fix asap. MRN 20580071 (stone), then she was charted on 20702288 (locklear) -siobhan')).toEqual(['20702288']);
    expect(kin('Merged the pt’s records: MRN 00559021 is the surviving one, old one was 00560877.')).toEqual(['00560877']);
    expect(kin('Record confirmed - old MRN 10187736 (Deborah A. Kline) and new one 10640012 created at registration.')).toEqual(['10640012']);
    expect(kin('Band shows MRN 10448812 but the barcode scans 10448821, please check the label printer.')).toEqual(['10448821']);
  });

  it('needs the same length and the same first two digits, as a whole token', () => {
    expect(kin('MRN 20580071 and 21702288')).toEqual([]);
    expect(kin('MRN 20580071 and 207022881')).toEqual([]);
    expect(kin('MRN 20580071 and W20702288-01')).toEqual([]);
    expect(kin('MRN 20580071 and 20702288-01')).toEqual([]);
    expect(kin('MRN 20580071 called from 205.807.2288')).toEqual([]);
    // (a six-digit MRN repeats by chance too easily)
    expect(kin('MRN 205800 and 207022')).toEqual([]);
  });

  it('leaves the desk’s and systems’ own numbers alone', () => {
    expect(kin('Pt MRN 66490017 - Rover crashes, known issue, Epic SLG 66490125. Also ticket # 66491002.')).toEqual([]);
    expect(kin('Pt MRN 2731000412: Retrying HL7 message 2731657299 (attempt 1/5)')).toEqual([]);
  });

  it('adds nothing where no MRN is found', () => {
    expect(found('Order 20580071 shipped, tracking 20702288; PO 20702299 approved.')).toEqual([]);
  });
});
