/**
 * The fifteenth session's reviews. A helper session that saw this session's changes (not the code)
 * wrote 211 tickets putting patients where they act and compared the session's start (9627d01) with
 * its code then: 55 lost a patient's value (a driver's licence with no licence word the first
 * no-patient reading knew, "lic# W215-…"; a patient's address with a suite on a line naming a clinic
 * or a senior centre; a patient's own device after words desk equipment shares, a remote control, a
 * home docking station; a patient's date beside words an IT change shares, "released 03/04/2025",
 * "02/14/1950 update needed", "upgraded 1/22"; "Patient Financial Services (Irene Kowalski)"; people
 * called Service or Bernoulli; towns named Dodge City or Cadillac). Those readings were narrowed, and
 * a second helper wrote 150 tickets against the narrowed ones: 65 still lost a value (a suite address
 * in a form dump, a CSV row or after "Ship to:"; "PA driver license" read as a physician assistant's;
 * a pickup's ID or a death certificate under an NPI line; a stent "migrated 3/14", a hip "rebuilt",
 * "maintenance hemodialysis", a child's birth date before "downtime"; "pt Washington"; "PO Box 2019
 * Cadillac, MI"). So the suite-address and in-ticket desk-equipment readings were taken out, the
 * clinician's licence is read from its own label (an NPI, a DEA number, a practising licence, a bare
 * licence field under an NPI line), IT change words are those no patient's care shares and never
 * after a name or on a birth date long ago, state names stay names, and a car make is no city only
 * after a model year. test/corpus/review/session15-probe.json keeps both probes' losing tickets (125
 * tickets, 199 values; each keep value is [type, value, found at the session's start]); none is lost.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';
import { lostValues, type ReviewTicket } from '../support/review';

const TICKETS = JSON.parse(readFileSync(join(__dirname, '../corpus/review/session15-probe.json'), 'utf8')) as ReviewTicket[];

const KNOWN_LOSSES: string[] = [];

describe('session 15 reviews: patients where the session’s readings saw a clinician, an office, equipment or an IT change', () => {
  it('finds every value it found at the session’s start', () => {
    expect(TICKETS.length).toBe(125);
    const { values, lost } = lostValues(TICKETS, detect, (t, value) => (t.text.includes(value) ? [t.text.indexOf(value)] : []));
    expect(values).toBe(199);
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
