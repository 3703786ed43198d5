/**
 * Char-code helpers of src/phi/patterns.ts against the regular expressions their doc comments
 * state: each is run on seeded fuzzed text built from the pieces that matter to the pattern, at
 * every position, and must give exactly the regex's answer (same boolean / same end index).
 */
import { describe, expect, it } from 'vitest';
import { __testing as h } from '../../src/phi/patterns';
import { fuzz } from '../support/fuzz';

const N = 2000;

/** End of the sticky regex at q, or `none`. */
function stickyEnd(re: RegExp, text: string, q: number, none: number): number {
  re.lastIndex = q;
  const m = re.exec(text);
  return m ? q + m[0].length : none;
}

describe('char-code helpers of patterns.ts against their regex', () => {
  it('gluedDateLabel', () => {
    const re = /(?:^|[^A-Za-z])(?:dob|dos|dod|doa|bdate|birthdate)[:=#]?$/i;
    const pieces = ['dob', 'dos', 'dod', 'doa', 'bdate', 'birthdate', 'do', 'b', 'irth', 'date', ':', '=', '#', ' ', 'x', '1', '_', 'é', '\n'];
    let yes = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 6);
      for (let start = 0; start <= text.length; start++) {
        const want = re.test(text.slice(Math.max(0, start - 12), start));
        if (want) yes++;
        expect([start, h.gluedDateLabel(text, start)]).toEqual([start, want]);
      }
    }
    expect(yes).toBeGreaterThan(500);
  });

  it('hourMinuteAt', () => {
    const re = /\d{1,2}:\d{2}/y;
    const pieces = ['1', '12', '123', ':', '::', ':3', 'a', ' ', '0', '9'];
    let yes = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 6);
      for (let k = 0; k <= text.length; k++) {
        const want = stickyEnd(re, text, k, -1);
        if (want !== -1) yes++;
        expect([k, h.hourMinuteAt(text, k)]).toEqual([k, want]);
      }
    }
    expect(yes).toBeGreaterThan(500);
  });

  it('timeAfterAt', () => {
    const re = /(?:,? ?(?:at )?[T ]?\d{1,2}:\d{2}|:\d{2}:\d{2})/y;
    const pieces = [',', ' ', 'at ', 'at', 'T', 't', '1', '12', ':', ':30', '5', 'a', '\n', 'x'];
    let yes = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 6);
      for (let q = 0; q <= text.length; q++) {
        re.lastIndex = q;
        const want = re.test(text);
        if (want) yes++;
        expect([q, h.timeAfterAt(text, q)]).toEqual([q, want]);
      }
    }
    expect(yes).toBeGreaterThan(300);
  });

  it('clockEnd', () => {
    const re = /[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?/y;
    const pieces = [' 1:30', 'T12:05', ' 1', 'T12', ' 123', ':30', ':4', ':', ' am', 'pm', 'P.M.', 'a.m', 'a.', 'm', '.', ' ', '\t', '\n', '\u00a0', 'x'];
    let yes = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 7);
      for (let q = 0; q <= text.length; q++) {
        const want = stickyEnd(re, text, q, q);
        if (want !== q) yes++;
        expect([q, h.clockEnd(text, q)]).toEqual([q, want]);
      }
    }
    expect(yes).toBeGreaterThan(500);
  });

  it('firstYearLongAgo', () => {
    const re = /(?:^|\D)(1[89]\d\d|20\d\d)(?!\d)/;
    const pieces = ['18', '19', '20', '200', '2004', '2005', '1962', '0', '7', '/', '-', ' ', '12345'];
    let yes = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 5);
      for (let start = 0; start < text.length; start += 2) {
        for (let end = start; end <= text.length; end += 3) {
          const m = re.exec(text.slice(start, end));
          const want = m !== null && Number(m[1]) < 2005;
          if (want) yes++;
          expect([start, end, h.firstYearLongAgo(text, start, end)]).toEqual([start, end, want]);
        }
      }
    }
    expect(yes).toBeGreaterThan(500);
  });

  it('namedDateBase', () => {
    const dayRe = /(?:^|\D)(\d{1,2})(?:st|nd|rd|th)?(?!\d)/;
    const pieces = ['1', '12', '123', '2024', '0', '00', '31', '32', 'st', 'th', 'nd', ' ', '-', '/', 'Mar', ',', "'", 'x'];
    let yes = 0;
    // (every start and end: fewer and shorter texts than the tests above)
    for (let seed = 1; seed <= N / 2; seed++) {
      const text = fuzz(seed, pieces, 4);
      for (let start = 0; start <= text.length; start++) {
        for (let end = start; end <= text.length; end++) {
          const s = text.slice(start, end);
          const day = dayRe.exec(s);
          const ok = day !== null && Number(day[1]) >= 1 && Number(day[1]) <= 31;
          const want = ok ? (/\d{4}/.test(s) ? 0.65 : 0.5) : -1;
          if (ok) yes++;
          expect([start, end, h.namedDateBase(text, start, end)]).toEqual([start, end, want]);
        }
      }
    }
    expect(yes).toBeGreaterThan(500);
  });
});
