/**
 * The fifteenth session's review: a helper session that saw this session's changes (not the code)
 * wrote 211 tickets putting patients where they act, and compared the session's start (9627d01)
 * with its code then. 55 tickets lost a patient's value: a driver's licence, an ID's or a death
 * certificate's number with no licence word the first no-patient reading knew ("lic# W215-…",
 * "presented license 44120987"); a patient's or a guardian's address with a suite on a line that
 * names a clinic, a lab or a senior centre ("Patient lives at Brookdale Senior Living, 880 River Rd
 * Suite 112"); a patient's own device after words the desk's equipment shares (a remote control, a
 * home docking station, a capsule camera, a dialysis cycler's cart); a patient's date beside words
 * an IT change shares ("released 03/04/2025", "02/14/1950 update needed", "upgraded 1/22 (generator
 * change)", "3/3 patch change", "colonoscopy 5/6 update"); "Patient Financial Services (Irene
 * Kowalski)" read as a department's colleague; people called Service or Bernoulli; towns named
 * Dodge City, Cadillac and Ford Heights. Those readings were narrowed: a clinician's licence by its
 * own words (NPI, DEA, a practising licence, a line under an NPI); an office's suite address only
 * where no words of a person's address stand before it on its line; desk equipment without what a
 * patient may take home, and not after a patient or home word in the serial's sentence; IT change
 * words that a patient's care does not share, and not on a birth date long ago; a car make only
 * after its model year. Each keep value is [type, value, found at the session's start]; one is a
 * known loss (a lab draw's date that is also the downtime's: "labs from the 02/11 downtime").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';
import { lostValues, type ReviewTicket } from '../support/review';

const TICKETS = JSON.parse(readFileSync(join(__dirname, '../corpus/review/session15-probe.json'), 'utf8')) as ReviewTicket[];

const KNOWN_LOSSES = ['50 DATE 02/11'];

describe('session 15 review: patients where the session’s readings see a clinician, an office, equipment or an IT change', () => {
  it('finds every value it found at the session’s start, but for the known loss', () => {
    expect(TICKETS.length).toBe(60);
    const { values, lost } = lostValues(TICKETS, detect, (t, value) => (t.text.includes(value) ? [t.text.indexOf(value)] : []));
    expect(values).toBe(98);
    expect(lost).toEqual(KNOWN_LOSSES);
  });
});

describe('session 15 review: false alarms the probe found', () => {
  const found = (text: string) => detect(text).map((f) => [f.type, text.slice(f.start, f.end)]);

  it('a pipe table without a separator is read only under an MRN or SSN column', () => {
    expect(found('| Account | Name | Last login | Status |\n| svc_epicprint | Epic Print Service | 2025-03-01 | disabled |\n| jdoe2 | John Doe | 2025-02-27 | active |')).toEqual([]);
    expect(found('| Plan ID | Name | Payer |\n| 10045 | Aetna PPO Gold | Aetna |\n| 10046 | Regence Blue | Regence |')).toEqual([]);
  });

  it('two places before a record label with no value are no "Last, First"', () => {
    expect(found('Portland, Salem DOB validation differs between the two registration sites.').map(([, v]) => v)).not.toContain('Portland, Salem');
    expect(found('Providence, Legacy MRN matching via Care Everywhere is off.').map(([, v]) => v)).not.toContain('Providence, Legacy');
  });

  it('a state code in brackets opens a licence number only, not a certificate’s or a port', () => {
    expect(found('SSL cert (CA 20231104) on the MyChart server expires Friday.')).toEqual([]);
    expect(found('- TLS cert on 6661/6671 re-bound after the upgrade')).toEqual([]);
  });
});
