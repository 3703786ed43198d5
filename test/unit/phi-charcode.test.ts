/**
 * Char-code helpers of the detector against the regular expressions they stand for: each is run
 * on fuzzed text built from the pieces that matter to the pattern (words in mixed case, digits,
 * newlines, word characters next to the edges), and must give the regex's answer everywhere.
 */
import { describe, expect, it } from 'vitest';
import { createDetector, issueKeys } from '../../src/phi/detect';
import { fuzz } from '../support/fuzz';

describe('char-code helpers of detect.ts', () => {
  it('issueKeys: the global matches of the built-in issue-key pattern in a window', () => {
    const re = /\b[A-Z][A-Z0-9_]{1,9}-\d{1,7}\b/g;
    const pieces = ['OPS-12', 'OPS', 'A', 'AB_9', 'ZX-9 ', 'ABCDEFGHIJ', 'K', '-', '--', '12', '1234567', '8', 'x', 'é', ' ', '_', '.', '\n', 'ops'];
    let hits = 0;
    for (let seed = 1; seed <= 1500; seed++) {
      const text = fuzz(seed, pieces, 14);
      for (let from = 0; from < text.length; from += 2) {
        for (let to = from + 1; to <= text.length; to += 3) {
          const want: Array<[number, number, boolean]> = [];
          for (const m of text.slice(from, to).matchAll(re)) want.push([from + m.index, from + m.index + m[0].length, true]);
          hits += want.length;
          const got: Array<[number, number, boolean]> = [];
          const dash = text.indexOf('-', from);
          if (dash !== -1 && dash < to) issueKeys(text, from, to, dash, got);
          expect(got).toEqual(want);
        }
      }
    }
    expect(hits).toBeGreaterThan(1000);
  });
});

describe('score floors', () => {
  it('a log timestamp is dropped by default but kept when the DATE threshold is low enough', () => {
    const text = 'It happened Mar 15 10:25:00 and 2024-03-16 10:25:00.';
    expect(createDetector().detect(text).filter((f) => f.type === 'DATE')).toEqual([]);
    const low = createDetector({ types: { DATE: { enabled: true, threshold: 0.3 } } as never }).detect(text);
    expect(low.filter((f) => f.type === 'DATE').map((f) => [text.slice(f.start, f.end), f.score])).toEqual([
      ['Mar 15 10:25:00', 0.3],
      ['2024-03-16 10:25:00', 0.3],
    ]);
  });
});
