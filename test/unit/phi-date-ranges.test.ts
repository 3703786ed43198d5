/**
 * A patient's date range: when its first day is found, its last day is the same event's
 * ("svc dates 08/05/2024 - 08/09/2024"). Only a valid numeric date written the same way joins.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';

const dates = (text: string) => detect(text).filter((f) => f.type === 'DATE').map((f) => text.slice(f.start, f.end));
/** The dates found only as a range's last day. */
const rangeEnds = (text: string) => detect(text).filter((f) => f.rule.endsWith('+range')).map((f) => text.slice(f.start, f.end));

describe('date ranges', () => {
  it('finds the last day of a patient’s service dates', () => {
    const text = 'Pt John Smith MRN 4412234 acct HA0007651182 svc dates 08/05/2024 - 08/09/2024 (inpt), statement shows the wrong dates';
    expect(dates(text)).toEqual(['08/05/2024', '08/09/2024']);
  });

  it('joins by a word, and a year-first date to a year-first one', () => {
    expect(rangeEnds('Pt John Smith MRN 4412234 svc dates 2024-11-01 through 2024-11-15')).toEqual(['2024-11-15']);
  });

  it('does not join a date written another way, an invalid one, or one inside a longer token', () => {
    expect(rangeEnds('Pt John Smith MRN 4412234 svc dates 08/05/2024 - 08/09/2024')).toEqual(['08/09/2024']);
    expect(rangeEnds('Pt John Smith MRN 4412234 svc dates 08/05/2024 - 2024-08-09')).toEqual([]);
    expect(rangeEnds('Pt John Smith MRN 4412234 svc dates 08/05/2024 - 08/09')).toEqual([]);
    expect(rangeEnds('Pt John Smith MRN 4412234 svc dates 08/05/2024 - 44/45/2024')).toEqual([]);
    expect(rangeEnds('Pt John Smith MRN 4412234 svc dates 08/05/2024 - 02/31/2024')).toEqual([]);
    expect(rangeEnds('Pt John Smith MRN 4412234 svc dates 08/05/2024 - 08/09/2024/x')).toEqual([]);
    expect(rangeEnds('Pt John Smith MRN 4412234 svc dates 08/05/2024 tox08/09/2024')).toEqual([]);
  });

  it('leaves an IT ticket’s maintenance window alone', () => {
    expect(dates('Downtime for the Epic upgrade: maintenance window 08/12/2024 - 08/14/2024, read-only BCA printing')).toEqual([]);
  });
});

describe('an implant’s date', () => {
  it('is the procedure’s ("implanted 06/2019")', () => {
    const text = 'Paceart import failed. Medtronic Azure XT DR MRI SureScan W1DR01  SN RNB412877S   implanted 06/2019\nRA lead 5076-52';
    expect(dates(text)).toEqual(['06/2019']);
  });
});

describe('a patient’s event date by its label', () => {
  it.each([
    ['Pt Rosa Garcia MRN 20580071, chart not at Bayfield yet. Transfer date: 01/20/2025', '01/20/2025'],
    ['Pt Rosa Garcia MRN 20580071. Vaccination date 3/10/2025 not sent to the state registry', '3/10/2025'],
    ['Pt Rosa Garcia MRN 20580071. Immunization date: 2025-03-10, VXU rejected', '2025-03-10'],
  ])('%s', (text, date) => expect(dates(text)).toContain(date));
});
