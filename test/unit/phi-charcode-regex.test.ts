/**
 * Char-code helpers of src/phi/patterns.ts against the regular expressions their doc comments
 * state: each is run on seeded fuzzed text built from the pieces that matter to the pattern, at
 * every position, and must give exactly the regex's answer (same boolean / same end index).
 */
import { describe, expect, it } from 'vitest';
import { isRegexSpace, isUpperAscii, isWordCode, lettersAtIgnoreCase } from '../../src/phi/chars';
import { Scan } from '../../src/phi/context';
import '../../src/phi/detect'; // (registers every known word, so a Scan here is the detector's)
import { __testing as h, type RuleEnv } from '../../src/phi/patterns';
import { __testing as csv } from '../../src/phi/structured';
import { PHI_TYPES, type PhiType } from '../../src/phi/types';
import { isValidMonthDay } from '../../src/phi/validators';
import { fuzz, same, stickyEnd, stickyTest } from '../support/fuzz';

/** A matcher's rule: `span` (bounds only) when it has one, else `on` (the match). */
type RuleOf = {
  re: RegExp;
  on: (m: RegExpExecArray, env: RuleEnv) => void;
  span: ((env: RuleEnv, start: number, end: number) => void) | undefined;
};
/** Runs a matcher's rule on a match of its regex, as the dispatcher does. */
function runRule(mt: RuleOf, m: RegExpExecArray, env: RuleEnv): void {
  if (mt.span !== undefined) mt.span(env, m.index, m.index + m[0].length);
  else mt.on(m, env);
}

const N = 2000;


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


/** `s` with each ASCII letter as [xX]: case-insensitive inside a case-sensitive regex. */
const ci = (s: string) => s.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`);
/** A month's first three letters, any case (what monthAt looks for). */
const MON3 = ci('jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec');


/** A rule environment over `text` with a real scan, no score floor, and a count of what was emitted. */
function realEnv(text: string): RuleEnv & { count: number } {
  const floors = {} as Record<PhiType, number>;
  for (const t of PHI_TYPES) floors[t] = 0;
  const env = {
    text,
    scan: new Scan(text),
    count: 0,
    emit: () => void env.count++,
    emitted: () => env.count,
    floors,
  };
  return env;
}

/** End of the digit run at p, or -1 when p does not start a maximal digit run. */
function runEndAt(text: string, p: number): number {
  const isDigit = (k: number) => k >= 0 && k < text.length && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57;
  if (!isDigit(p) || isDigit(p - 1)) return -1;
  let e = p;
  while (isDigit(e)) e++;
  return e;
}

describe('more char-code helpers of patterns.ts against their regex', () => {
  it('monthAt and dateAfterMonth (NAMED_DATE from a month)', () => {
    const month = new RegExp(`(?:${MON3})`, 'y');
    const after = new RegExp(`(?:${MON3})[A-Za-z]*\\.?(?: ?\\d|([-/])\\d{1,2}\\1\\d{2,4}(?![\\w:]))`, 'y');
    const pieces = ['Mar', 'march', 'Sept.', 'sep', 'June', 'may', 'Ma', 'Mon', 'Jux', 'dec', '.', ' ', '  ', '-', '/', '14', '3', '1962', '62', '12345', ':', 'x', '_', 'é', '\n'];
    let months = 0;
    let yes = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 6);
      for (let k = 0; k <= text.length; k++) {
        const isMonth = stickyTest(month, text, k);
        same(k, h.monthAt(text, k), isMonth);
        if (!isMonth) continue;
        months++;
        const want = stickyTest(after, text, k);
        if (want) yes++;
        same(k, h.dateAfterMonth(text, k), want);
      }
    }
    expect(months).toBeGreaterThan(2000);
    expect(yes).toBeGreaterThan(500);
  });

  it('monthAfterDay (NAMED_DATE from a day)', () => {
    const re = new RegExp(`(?:s[tT]|n[dD]|r[dD]|t[hH])? (?:[oO][fF] )?(?:${MON3})|([-/])(?:${MON3})[A-Za-z]*\\.?\\1\\d{2,4}(?![\\w:])`, 'y');
    const namedDate = new RegExp(h.matchers.NAMED_DATE.re.source, h.matchers.NAMED_DATE.re.flags);
    let dates = 0;
    const pieces = [' 14', ' 3', '14', 'st', 'th', 'nd', 'sT', 's', ' of', ' ', '-', '/', ' Mar', ' march', ' Sept.', ' of Oct', 'th of Dec', '-Mar-', '/sep/', '-Mar.', 'Ma', ' Mon', '1962', ' 62', '12345', ':', '.', 'x', 'é', '\n'];
    let yes = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 6);
      for (let e = 0; e <= text.length; e++) {
        const want = stickyTest(re, text, e);
        if (want) yes++;
        same(e, h.monthAfterDay(text, e), want);
        // runPatternRules tries NAMED_DATE from a day of 1-2 digits (no word character before it,
        // ' ' '-' '/' or a suffix's lower-case first letter after it) only where this holds
        const end = runEndAt(text, e);
        const next = text.charAt(end);
        if (end === -1 || end - e > 2 || (e > 0 && isWordCode(text.charCodeAt(e - 1))) || !' -/snrt'.includes(next) || next === '') continue;
        if (stickyTest(namedDate, text, e)) {
          dates++;
          same(e, h.monthAfterDay(text, end), true);
        }
      }
    }
    expect(yes).toBeGreaterThan(1000);
    expect(dates).toBeGreaterThan(75);
  });

  it('numStreetNumPossible holds wherever NUM_STREET_NUM_RE matches (it stands for the pattern as a precheck)', () => {
    const re = new RegExp(h.NUM_STREET_NUM_RE.source, h.NUM_STREET_NUM_RE.flags);
    const pieces = [' 12', '12', '7', ' ', '  ', ' Main', ' Elm', ' ul. ', ' Avda. ', ' N.', ' 5th', ' B', ' x', "'", '-', '.', ',', 'é', 'Д', '\n', ' 4B'];
    let matches = 0;
    let refused = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 9);
      for (let q = 0; q < text.length; q++) {
        const c = text.charCodeAt(q);
        if (c < 48 || c > 57 || (q > 0 && text.charCodeAt(q - 1) >= 48 && text.charCodeAt(q - 1) <= 57)) continue;
        const possible = h.numStreetNumPossible(text, q);
        if (stickyTest(re, text, q)) {
          matches++;
          same(q, possible, true);
        } else if (!possible) refused++;
      }
    }
    expect(matches).toBeGreaterThan(80);
    // (and it does rule positions out, or it would be no precheck)
    expect(refused).toBeGreaterThan(1000);
  });

  it('streetSuffixAhead (after a house number)', () => {
    const tok = "[\\w\\u00C0-\\u024F'.-]*";
    const re = new RegExp(`[A-Za-z]?(?: +(?! )${tok}){1,5} +(?! )(?:${h.STREET_SUFFIXES})(?!\\w)`, 'y');
    const street = new RegExp(h.STREET_RE.source, h.STREET_RE.flags);
    let streets = 0;
    const pieces = [' 12', '12', 'B', ' ', '  ', ' Main', ' Elm', ' N.', ' 5th', ' St', ' ST', ' st', ' Street', ' Streets', ' Ave', ' Rd', ' Views', ' Park', ' Sté', ' Main_St', "'", '-', '.', ',', 'x', 'é', '\n'];
    let yes = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 8);
      for (let q = 0; q <= text.length; q++) {
        const want = stickyTest(re, text, q);
        if (want) yes++;
        same(q, h.streetSuffixAhead(text, q), want);
        // runPatternRules tries STREET_RE from a house number (1-6 digits, no word character before) only where this holds
        const end = runEndAt(text, q);
        if (end === -1 || end - q > 6 || (q > 0 && isWordCode(text.charCodeAt(q - 1)))) continue;
        if (stickyTest(street, text, q)) {
          streets++;
          same(q, h.streetSuffixAhead(text, end), true);
        }
      }
    }
    expect(yes).toBeGreaterThan(2000);
    expect(streets).toBeGreaterThan(90);
  });

  it('ageWordAfter (AGE_NUM after its digits)', () => {
    const re = /[\s-]*[yY]/y;
    const age = new RegExp(h.matchers.AGE_NUM.re.source, h.matchers.AGE_NUM.re.flags);
    let ages = 0;
    const pieces = [' 93', ' 104', '93', ' ', '-', '\t', '\u00a0', '\u2028', '\n', 'y', 'yo', 'y/o', 'yrs', ' years old', 'x', 'o', 'é', '_'];
    let yes = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 6);
      for (let q = 0; q <= text.length; q++) {
        const want = stickyTest(re, text, q);
        if (want) yes++;
        same(q, h.ageWordAfter(text, q), want);
        // runPatternRules tries AGE_NUM from 2-3 digits (no word character before) only where this holds
        const end = runEndAt(text, q);
        if (end === -1 || end - q < 2 || end - q > 3 || (q > 0 && isWordCode(text.charCodeAt(q - 1)))) continue;
        if (stickyTest(age, text, q)) {
          ages++;
          same(q, h.ageWordAfter(text, end), true);
        }
      }
    }
    expect(yes).toBeGreaterThan(2000);
    expect(ages).toBeGreaterThan(150);
  });

  it('monthSlashYear and yearAfterMonth (MONTH_YEAR from a digit or a capital)', () => {
    const slash = /\d\d?\/[12]\d{3}/y;
    const year = /[A-Za-z]*\.?,? (?:19|20)\d\d/y;
    const pieces = ['3', '03', '123', '/', '/1962', '/2024', '/3024', '/196', '1962', ' 2024', ' 1999', ' 2104', ' 196', 'March', 'Mar', 'SEPT', '.', ',', ' ', 'x', 'é', '\n'];
    let yes = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 6);
      for (let k = 0; k < text.length; k++) {
        const c = text.charCodeAt(k);
        if (c >= 48 && c <= 57) {
          const want = stickyTest(slash, text, k);
          if (want) yes++;
          same(k, h.monthSlashYear(text, k), want);
        } else if (isUpperAscii(c)) {
          const want = stickyTest(year, text, k);
          if (want) yes++;
          same(k, h.yearAfterMonth(text, k), want);
        }
      }
    }
    expect(yes).toBeGreaterThan(1000);
  });

  it('digitSoon (NAMED_DATE from a weekday)', () => {
    const re = /[A-Za-z]*[\s\S]{0,15}\d/y;
    const pieces = ['Monday', 'Wed', 'March', ',', '.', ' ', '        ', '1', '14', 'x', 'é', '\n'];
    let yes = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 6);
      for (let k = 0; k <= text.length; k++) {
        const want = stickyTest(re, text, k);
        if (want) yes++;
        same(k, h.digitSoon(text, k, 16), want);
      }
    }
    expect(yes).toBeGreaterThan(2000);
  });

  it('wordBeforeZip', () => {
    const re = /([A-Za-z]{2,14})\.?,?\s{1,3}$/;
    const pieces = ['IL', 'Ohio', 'a', 'New York', 'Abcdefghijklmnopqrst', '.', ',', ' ', '  ', '\t', '\u00a0', '\u3000', '\n', '1', '_', 'é'];
    let yes = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 7);
      for (let start = 0; start <= text.length; start++) {
        const want = re.exec(text.slice(Math.max(0, start - 24), start))?.[1] ?? null;
        if (want !== null) yes++;
        same(start, h.wordBeforeZip(text, start), want);
      }
    }
    expect(yes).toBeGreaterThan(2000);
  });

  it('eventPhraseBefore', () => {
    const re = /\bdate of (?:service|birth|death|admission|discharge|injury|visit|surgery|procedure|encounter|onset|accident|delivery)\b[^\n\d]{0,12}$/i;
    const pieces = ['date of birth', 'date of service', 'Date of onset', 'date of visits', 'date', ' of ', 'birth', ': ', ' ', '  ', '\n', '1', 'x', 'é'];
    let yes = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 6);
      for (let start = 0; start <= text.length; start++) {
        const want = re.test(text.slice(Math.max(0, start - 40), start));
        if (want) yes++;
        same(start, h.eventPhraseBefore(text, start), want);
      }
    }
    expect(yes).toBeGreaterThan(1000);
  });
});

describe('helpers over the digit runs of a Scan against their regex', () => {
  /**
   * Calls `fn(p, e, k)` for each digit run k of the scan (from p to e), as runPatternRules walks them.
   */
  function eachRun(scan: Scan, fn: (p: number, e: number, k: number) => void): void {
    for (let k = 0; k < scan.digitStarts.length; k++) fn(scan.digitStarts[k]!, scan.digitEnds[k]!, k);
  }

  it('nanpRest and dottedQuadRest (after a run and its separator)', () => {
    const nanp = /(?:\d{3}[ .-]\d{4}|\d{7})(?!\d)/y;
    const quad = /(?:\d{1,3}\.){2}\d{1,3}(?!\d)/y;
    const pieces = ['1', '12', '123', '1234', '1234567', '12345678', '123-4567', '123 4567', '10.1.2', '1.22.3', '.', '-', ' ', '/', 'x', '\n'];
    let nanpYes = 0;
    let quadYes = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 8);
      const scan = new Scan(text);
      eachRun(scan, (_p, e, k) => {
        const q = e + 1;
        const wantNanp = stickyTest(nanp, text, q);
        const wantQuad = stickyTest(quad, text, q);
        if (wantNanp) nanpYes++;
        if (wantQuad) quadYes++;
        same(q, h.nanpRest(text, scan.digitStarts, scan.digitEnds, q, k + 1), wantNanp);
        same(q, h.dottedQuadRest(text, scan.digitStarts, scan.digitEnds, q, k + 1), wantQuad);
      });
    }
    expect(nanpYes).toBeGreaterThan(300);
    expect(quadYes).toBeGreaterThan(300);
  });

  it('intlDateOnly: where it holds, INTL matches only the date or its first two groups, and emits nothing', () => {
    const shape = /[.-]\d{2}[.-]\d{2,4}(?!\d)/y;
    const intl = h.matchers.INTL;
    const re = new RegExp(intl.re.source, intl.re.flags);
    const pieces = ['2024-03-14', '14.03.2024', '0012-03-14', '14-03', '14.03.', '14.3.', '14.031', '2024', '14', ' 10:22', ' 10', ' 123456', ':30', 'x5', ' x5', '.5', '-5', ' ', '.', '-', '(', '+', '\n'];
    let yes = 0;
    let matched = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 8);
      const env = realEnv(text);
      const { digitStarts, digitEnds } = env.scan;
      eachRun(env.scan, (p, e, k) => {
        // as runPatternRules asks it: a run of 2-4 digits and '.' or '-'
        const c = text.charCodeAt(e);
        if (e - p < 2 || e - p > 4 || (c !== 45 && c !== 46)) return;
        if (!h.intlDateOnly(text, digitStarts, digitEnds, e, k)) return;
        yes++;
        same(e, stickyTest(shape, text, e), true);
        re.lastIndex = p;
        const m = re.exec(text);
        if (m === null) return;
        matched++;
        // the whole date, or its first two groups
        const end = m.index + m[0].length;
        same(p, end === shape.lastIndex || end === e + 3, true);
        const before = env.count;
        runRule(intl, m, env);
        same(p, env.count, before);
      });
    }
    expect(yes).toBeGreaterThan(300);
    expect(matched).toBeGreaterThan(100);
  });
});

describe('char-code parts of the matchers against their regex', () => {
  /** Matchers whose `pre` must hold wherever their regex matches and their rule emits, with text pieces for each. */
  type Pre = RuleOf & { pre: ((text: string, pos: number) => boolean) | undefined };
  const pres: Array<[string, () => Pre, string[], number]> = [
    ['INTL', () => h.matchers.INTL, ['+44 20', ' 7946 0958', '0490', ' 75 40 81', '(37) 788-063', '00', '1', '12', '123', '.', '-', ' ', '(', ')', '+', 'x12', 'phone ', '\n'], 800],
    ['CARD', () => h.matchers.CARD, ['4111 1111 1111 1111', '4111-1111-1111-1111', '4111111111111111', '5500 0000 0000 0004', '4111', ' 1111', '1', ' ', ' ', '-', 'x', '|', '\n'], 300],
    ['NAMED_DATE', () => h.matchers.NAMED_DATE, ['Monday, ', 'Wed. ', 'Wednesday., September 1', ' ', ' ', 'March 14', 'Sept. 3rd', '14 jun', '1st of Mar', '14-Mar-1962', 'Mar/14/62', '2024-Mar-14', 'Mar', '14', ', 1962', " '62", '10:22', ':', 'x', '\n'], 600],
    ['MONTH_YEAR', () => h.matchers.MONTH_YEAR, ['born ', 'dob ', 'March 1962', 'Sept., 2024', 'May 1999', 'march 1962', '03/1962', '3/2004', '13/1962', '03/2104', 'Mar', ' 1962', '/', '.', ' ', 'x', '\n'], 80],
    ['IPv6', () => h.ipMatcher(() => false, true), ['fe80::1', '2001:db8::ff00:42:8329', '2001:0db8:85a3:0000:0000:8a2e:0370:7334', 'fe80', '::', ':', '1', 'abcd', 'g', ' ', ' ', '10:22:33:44', '\n'], 200],
  ];
  for (const [name, make, pieces, least] of pres) {
    it(`${name}: pre holds wherever the regex matches and the rule emits`, () => {
      const mt = make();
      const re = new RegExp(mt.re.source, mt.re.flags);
      let emits = 0;
      for (let seed = 1; seed <= N; seed++) {
        const text = fuzz(seed, pieces, 8);
        const env = realEnv(text);
        for (let pos = 0; pos < text.length; pos++) {
          re.lastIndex = pos;
          const m = re.exec(text);
          if (m === null || m[0].length === 0) continue;
          const before = env.count;
          runRule(mt, m, env);
          if (env.count === before) continue;
          emits++;
          same(pos, mt.pre!(text, pos), true);
        }
      }
      expect(emits).toBeGreaterThan(least);
    });
  }

  it('the char-code matchers (at) against their regex and rule', () => {
    const { NUM_DATE, ISO_DATE, COMPACT6_DATE, COMPACT_DATE, BARE10 } = h.matchers;
    const copy = (re: RegExp) => new RegExp(re.source, re.flags);
    const res = { num: copy(NUM_DATE.re), iso: copy(ISO_DATE.re), c6: copy(COMPACT6_DATE.re), c8: copy(COMPACT_DATE.re), b10: copy(BARE10.re) };
    const validDay = (a: string, b: string) => isValidMonthDay(Number(a), Number(b));
    /** What each rule keeps of its regex's match at p (a scan whose every cue is near): the end, or -1. */
    const want: Array<[NonNullable<typeof NUM_DATE.at>, (text: string, p: number) => number]> = [
      [NUM_DATE.at!, (text, p) => {
        const m = exec(res.num, text, p);
        if (m === null) return -1;
        const [, a, , b] = m as unknown as string[];
        // (a dotted date with a two-digit year is a version unless a birth or visit word is near:
        // in this scan every cue is near, so none is read as a version)
        return (validDay(a!, b!) || validDay(b!, a!)) && h.gluedLabelOk(text, p) ? p + m[0].length : -1;
      }],
      [ISO_DATE.at!, (text, p) => {
        const m = exec(res.iso, text, p);
        return m !== null && validDay(m[3]!, m[4]!) && h.gluedLabelOk(text, p) ? p + m[0].length : -1;
      }],
      [COMPACT6_DATE.at!, (text, p) => end(exec(res.c6, text, p), p)],
      [COMPACT_DATE.at!, (text, p) => end(exec(res.c8, text, p), p)],
      [BARE10.at!, (text, p) => end(exec(res.b10, text, p), p)],
    ];
    const pieces = ['03/14/1962', '3-4-62', '14.03.2024', '1.2.62', '2024-03-14', '2024/3/4T1', '13/13/13', '3', '14', '1962', '/', '-', '.', 'dob', 'DOB:', 'x', ' ', ' ', '_', '\n', '031462', '033162', '123262', '19620314', '20241330', '03311962', '2175550199', '12345678901'];
    let kept = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 6);
      const env: RuleEnv = { ...realEnv(text), scan: { near: () => true } as unknown as Scan };
      for (let p = 0; p <= text.length; p++) {
        for (const [at, keep] of want) {
          const w = keep(text, p);
          if (w !== -1) kept++;
          same(p, at(env, p), w);
        }
      }
    }
    expect(kept).toBeGreaterThan(300);

    function exec(re: RegExp, text: string, p: number): RegExpExecArray | null {
      re.lastIndex = p;
      return re.exec(text);
    }
    function end(m: RegExpExecArray | null, p: number): number {
      return m === null ? -1 : p + m[0].length;
    }
  });
});

describe('the scan (context.ts) and the character classes against their regex', () => {
  it('Scan: maximal digit runs, the @ signs, and the colons after a hex digit or a colon', () => {
    const pieces = ['12', '7', '90', ':', '::', '@', 'a', 'F', 'g', 'G', ' ', 'hl7', 'HL7', 'k8s', 'x-ray', 'member_id', '[PHI:NAME]', 'é', 'Ω', '\n'];
    let runs = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 8);
      const scan = new Scan(text);
      const digits = [...text.matchAll(/\d+/g)].map((m) => [m.index, m.index + m[0].length]);
      runs += digits.length;
      const at = (re: RegExp) => JSON.stringify([...text.matchAll(re)].map((m) => m.index));
      same(seed, JSON.stringify(scan.digitStarts.map((s, k) => [s, scan.digitEnds[k]])), JSON.stringify(digits));
      same(seed, JSON.stringify(scan.ats), at(/@/g));
      same(seed, JSON.stringify(scan.colons), at(/(?<=[\dA-Fa-f:]):/g));
    }
    expect(runs).toBeGreaterThan(2000);
    // a long text (the scan fills lists of its own)
    const long = 'x hl7.10.20.30 k8s 12 '.repeat(7000);
    const scan = new Scan(long);
    same('long', JSON.stringify(scan.digitStarts.map((s, k) => [s, scan.digitEnds[k]])), JSON.stringify([...long.matchAll(/\d+/g)].map((m) => [m.index, m.index + m[0].length])));
  });

  it('isRegexSpace, isWordCode (chars.ts) and the ASCII classes of patterns.ts over every code unit', () => {
    const classes: Array<[(c: number) => boolean, RegExp]> = [
      [isRegexSpace, /\s/],
      [isWordCode, /\w/],
      [isUpperAscii, /[A-Z]/],
      [h.isAlnum, /[A-Za-z0-9]/],
      [h.isHexOrColon, /[0-9:a-fA-F]/],
      [h.isHostCh, /[A-Za-z0-9.-]/],
    ];
    for (const [is, re] of classes) {
      let yes = 0;
      for (let c = 0; c < 0x10000; c++) {
        const want = re.test(String.fromCharCode(c));
        if (want) yes++;
        same(c, is(c), want);
      }
      expect(yes).toBeGreaterThan(10);
    }
  });
});

describe('lettersAtIgnoreCase against a sticky case-insensitive regex', () => {
  it('matches a lower-case word at every place, in any case, and nothing past either end', () => {
    const pieces = ['date', 'DATE', 'Date', 'dat', 'for', 'FOR', 'today', 'x', ' ', 'é', 'İ', 'ſ', '\n'];
    let yes = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 5);
      for (const word of ['date', 'for', 'today']) {
        // (without the u flag, /i folds no non-ASCII letter onto an ASCII one)
        const re = new RegExp(word, 'iy');
        for (let p = -2; p <= text.length + 1; p++) {
          re.lastIndex = p;
          const want = p >= 0 && re.test(text);
          if (want) yes++;
          same(`${seed} ${word} ${p}`, lettersAtIgnoreCase(text, p, word), want);
        }
      }
    }
    expect(yes).toBeGreaterThan(1000);
  });
});

describe('CSV column names (structured.ts) against their regex', () => {
  it('columnType and cannotName: the normalised header matched against COLUMN_TYPES', () => {
    /** The column type by the string work alone (cannotName is a shortcut that must not change it). */
    const byRegex = (header: string) => {
      const n = header.trim().replace(/^"|"$/g, '').trim().toLowerCase().replace(/[\s.#-]+/g, '_').replace(/_+$/, '');
      if (n.length === 0 || n.length > 32) return null;
      return csv.COLUMN_TYPES.find(([re]) => re.test(n))?.[1] ?? null;
    };
    // a name's words, then what the normalising turns into '_' or drops (and near-misses)
    const words = ['mrn', 'dob', 'last', 'name', 'last_name', 'zip code', 'patient', 'id', 'social security number', 'Medical_Record_Number', 'x'];
    const tail = ['_', '__________', '____________________', ' ', '.', '#', '-', '"', '1', 'x', '!', 'é', '\u00a0', 'İ'];
    let named = 0;
    let ruledOut = 0;
    for (let seed = 1; seed <= N; seed++) {
      const header = fuzz(seed, ['"', ' ', ''], 1) + fuzz(seed + N, words, 1 + (seed % 2)) + fuzz(seed + 2 * N, tail, seed % 5);
      const want = byRegex(header);
      if (want !== null) named++;
      same(seed, csv.columnType(header), want);
      if (csv.cannotName(header)) {
        ruledOut++;
        same(seed, want, null);
      }
    }
    expect(named).toBeGreaterThan(100);
    expect(ruledOut).toBeGreaterThan(100);
  });
});
