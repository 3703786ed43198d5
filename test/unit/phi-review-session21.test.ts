/**
 * Session 21's review: a helper session read the session's change and wrote 49 tickets in which a
 * new veto dropped a patient's value the session's starting code found, and 12 in which a new finder
 * fired on a desk's value (test/corpus/review/session21-review.json and session21-false-alarms.json,
 * each with the rule it blamed). The vetoes were narrowed or withdrawn (charts opened or coded, a
 * patient who moved to a unit, statement files and vendors, insurance card images, eligibility
 * responses and interfaces, "from the lab", "- no relation" without "asked", "practice patient", "No
 * matching patients found for …", "patient TESTERMAN", test records on a real patient's line, "Key"
 * after "maiden name is", "Doe's", "West Tamara", "Aetna PA 77120", a portal's "user=", a DME supplier's
 * account for a patient, "our client ID"). Six losses are kept as trade-offs, listed below: a relative
 * named under a guest Wi-Fi portal, patients named two lines under a visit type, a visit slip or "the
 * portal" again, a "learner patient" the writer says is real, and an employee's address in an HR sentence.
 * A second helper session then reviewed the session's later changes and the narrowed vetoes and wrote 32
 * more lost values and 13 more false alarms (session21-review2.json, session21-false-alarms2.json): all
 * are kept or left alone now ("No patient harm, X was rebanded" withdrew that veto).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';

type Case = { text: string; type: string; value: string; why: string };
const read = (file: string) => JSON.parse(readFileSync(join(__dirname, '../corpus/review', file), 'utf8')) as Case[];
const CASES = read('session21-review.json');
const FALSE_ALARMS = read('session21-false-alarms.json');
const CASES2 = read('session21-review2.json');
const FALSE_ALARMS2 = read('session21-false-alarms2.json');
const ACCEPTED_LOSSES = [16, 24, 25, 28, 29, 48];
const found = (c: Case) => {
  const k = c.text.indexOf(c.value);
  expect(k).toBeGreaterThanOrEqual(0);
  return detect(c.text).some((f) => f.start < k + c.value.length && k < f.end);
};

describe('session 21 review: the patient is kept', () => {
  it("has the review's 49 cases", () => expect(CASES.length).toBe(49));
  CASES.forEach((c, i) => {
    if (ACCEPTED_LOSSES.includes(i)) return;
    it(`${i}: ${c.type} ${c.value} (${c.why.slice(0, 60)})`, () => expect(found(c)).toBe(true));
  });
  it('loses only the accepted cases', () => {
    expect(CASES.map((c, i) => [c, i] as const).filter(([c]) => !found(c)).map(([, i]) => i)).toEqual(ACCEPTED_LOSSES);
  });
});

describe("session 21 review: the new finders leave the desk's values alone", () => {
  it("has the review's 12 cases", () => expect(FALSE_ALARMS.length).toBe(12));
  FALSE_ALARMS.forEach((c, i) => it(`${i}: ${c.value}`, () => expect(found(c)).toBe(false)));
});

describe('session 21 second review', () => {
  it('has 32 lost values and 13 false alarms', () => {
    expect(CASES2.length).toBe(32);
    expect(FALSE_ALARMS2.length).toBe(13);
  });
  CASES2.forEach((c, i) => it(`kept ${i}: ${c.type} ${c.value} (${c.why.slice(0, 60)})`, () => expect(found(c)).toBe(true)));
  FALSE_ALARMS2.forEach((c, i) => it(`left alone ${i}: ${c.value}`, () => expect(found(c)).toBe(false)));
});
