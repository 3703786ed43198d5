/**
 * The thirteenth session's review: 137 tickets a helper session wrote (seeing no code) to break that
 * session's false-alarm readings, each putting a patient or a relative exactly where a reading sees
 * staff or no PHI: a patient sharing a colleague's first name, surnames such as Her, Endo, Mom, Fix
 * or First, comment headers and "… note (Name, time)" brackets written by patients, credentials and
 * extensions after patients, employee-health fields, role-like personal mailboxes, names before
 * "Pharmacy" or "Funeral Home", brand surnames, a real patient right after a test patient; and 26
 * clean tickets. Each keep value is [type, value, found at the session's start (de43441)].
 *
 * Measured on the session's first version of those readings: 43 of the 306 values found at its
 * start were lost; the readings were narrowed until none is (KNOWN_LOSSES).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';
import { lostValues } from '../support/review';

type Ticket = { change: number; text: string; keep: Array<[string, string, boolean]> };
const TICKETS = JSON.parse(readFileSync(join(__dirname, '../corpus/review/session13-patients.json'), 'utf8')) as Ticket[];

/**
 * None since 'Decedent' is no name (it lost "Decedent Cornelius Kilbride Funeral Home release form"
 * while it was read as part of the name).
 */
const KNOWN_LOSSES: string[] = [];

/**
 * Every place the value stands as a whole word; a one-word value right before another capitalised
 * word is part of a longer name there (a colleague's "Gabriel St. John" is not the patient "Gabriel").
 */
function places(t: Ticket, value: string): number[] {
  const out: number[] = [];
  for (let k = t.text.indexOf(value); k >= 0; k = t.text.indexOf(value, k + 1)) {
    const e = k + value.length;
    if (/\w/.test(t.text[k - 1] ?? '') || /\w/.test(t.text[e] ?? '')) continue;
    if (!value.includes(' ') && /^ (?:[A-Z]\.? )?[A-Z][a-z]/.test(t.text.slice(e, e + 5))) {
      const longer = t.keep.some(([, v]) => v !== value && v.includes(value) && t.text.indexOf(v) <= k && t.text.indexOf(v) + v.length >= e);
      if (!longer) continue;
    }
    out.push(k);
  }
  return out;
}

describe('session 13 review: patients where the new readings see staff', () => {
  it('finds every value it found at the session’s start, at every place, but for the known losses', () => {
    expect(TICKETS.length).toBe(137);
    const { values, lost } = lostValues(TICKETS, detect, places);
    expect(values).toBe(282);
    expect(lost).toEqual(KNOWN_LOSSES);
  });

  it('flags at most 2 of its 26 clean tickets (8 at the session’s start)', () => {
    const clean = TICKETS.filter((t) => t.keep.length === 0);
    expect(clean.length).toBe(26);
    expect(clean.filter((t) => detect(t.text).length > 0).length).toBeLessThanOrEqual(2);
  });
});
