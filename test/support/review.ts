import { expect } from 'vitest';
import type { Finding } from '../../src/phi/types';

/** A review ticket: its text and the values to keep as [type, value, found at the measuring session's start]. */
export type ReviewTicket = { text: string; keep: Array<[string, string, boolean]> };

/**
 * The values a review's tickets had found at the session's start, counted, and those `detect` no
 * longer covers at every place `placesOf` gives (as "index type value"). Each value must stand in
 * its ticket at least once.
 */
export function lostValues<T extends ReviewTicket>(tickets: readonly T[], detect: (text: string) => Finding[], placesOf: (t: T, value: string) => number[]): { values: number; lost: string[] } {
  const lost: string[] = [];
  let values = 0;
  tickets.forEach((t, i) => {
    const found = detect(t.text);
    for (const [type, value, before] of t.keep) {
      if (!before) continue;
      values++;
      const at = placesOf(t, value);
      expect(at.length, `${i}: ${value}`).toBeGreaterThan(0);
      if (!at.every((k) => found.some((f) => f.start < k + value.length && k < f.end))) lost.push(`${i} ${type} ${value}`);
    }
  });
  return { values, lost };
}
