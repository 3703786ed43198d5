/**
 * The seventeenth session let a name the workforce check took at two places or more stand for a
 * colleague at its other places too (settleSharedNames). A helper session then wrote 40 tickets
 * against that rule (session17-staff-patients.json): 30 where a staff member is also the patient
 * (a privacy audit of a nurse's own chart, a needlestick's "Person affected", FMLA forms scanned into
 * the chart, a social worker's own video visit on a clinic's schedule, a nurse on her own unit's
 * census board…) and 10 where the repeated colleague is only a colleague. The first version lost 11
 * of the patient places found before; the rule now also needs those places and the taken ones to
 * be free of patient and care words. `keep` holds the values the session's starting code found at
 * every place: all are still found.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';

const PROBE = JSON.parse(readFileSync(join(__dirname, '../corpus/review/session17-staff-patients.json'), 'utf8')) as Array<{
  text: string;
  keep: Array<[string, string]>;
  control: boolean;
}>;

describe('staff members who are also patients (session 17 probe)', () => {
  it('still finds every patient value the starting code found, at every place', () => {
    const lost: string[] = [];
    PROBE.forEach((doc, i) => {
      const found = detect(doc.text);
      for (const [type, value] of doc.keep) {
        for (let k = doc.text.indexOf(value); k !== -1; k = doc.text.indexOf(value, k + 1)) {
          if (!found.some((f) => f.start < k + value.length && k < f.end)) lost.push(`${i} ${type} ${value} @${k}`);
        }
      }
    });
    expect(lost).toEqual([]);
    expect(PROBE.reduce((n, d) => n + d.keep.length, 0)).toBeGreaterThan(50);
  });

  it('flags at most 7 names on the control tickets (24 before the rule)', () => {
    const names = PROBE.filter((d) => d.control).flatMap((d) => detect(d.text).filter((f) => f.type === 'NAME'));
    expect(names.length).toBeLessThanOrEqual(7);
  });
});
