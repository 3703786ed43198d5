/**
 * Session 20's review: a helper session read the session's change and wrote 41 tickets in which a
 * new veto dropped a patient's value the previous code found (test/corpus/review/session20-review.json,
 * each with the rule it blamed). The vetoes were narrowed; five losses are kept as trade-offs, listed
 * below: a patient named two lines under a system's patient word ("MyChart activation failed …",
 * "Patient Portal Support ticket …", "Patient phones on 4 West …", a Jira comment header between),
 * and a patient's surname before "ED" read as a site's emergency department ("Kahale ED registration").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';

const CASES = JSON.parse(readFileSync(join(__dirname, '../corpus/review/session20-review.json'), 'utf8')) as Array<{ text: string; type: string; value: string; why: string }>;
const ACCEPTED_LOSSES = [26, 29, 30, 31, 38];

describe('session 20 review: the patient is kept', () => {
  it("has the review's 41 cases", () => expect(CASES.length).toBe(41));
  CASES.forEach((c, i) => {
    if (ACCEPTED_LOSSES.includes(i)) return;
    it(`${i}: ${c.type} ${c.value} (${c.why.slice(0, 60)})`, () => {
      const k = c.text.indexOf(c.value);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(detect(c.text).some((f) => f.start < k + c.value.length && k < f.end)).toBe(true);
    });
  });
  it('loses only the accepted cases', () => {
    const lost = CASES.map((c, i) => [c, i] as const).filter(([c]) => {
      const k = c.text.indexOf(c.value);
      return !detect(c.text).some((f) => f.start < k + c.value.length && k < f.end);
    }).map(([, i]) => i);
    expect(lost).toEqual(ACCEPTED_LOSSES);
  });
});
