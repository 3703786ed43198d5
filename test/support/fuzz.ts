import { expect } from 'vitest';
import { seededRandom } from '../../src/sandbox/forge/api';

/**
 * A seeded fuzz string of `n` pieces drawn from `pieces`, each kept as written, upper-cased (20%)
 * or capitalised (16%): the same seed always gives the same string.
 */
export function fuzz(seed: number, pieces: readonly string[], n: number): string {
  const r = seededRandom(seed);
  let s = '';
  for (let i = 0; i < n; i++) {
    let p = pieces[Math.floor(r() * pieces.length)]!;
    if (r() < 0.2) p = p.toUpperCase();
    else if (r() < 0.2) p = p.charAt(0).toUpperCase() + p.slice(1);
    s += p;
  }
  return s;
}

/** `expect([at, got]).toEqual([at, want])`, run only when they differ (the fuzz loops compare ~10^5 times). */
export function same<T>(at: unknown, got: T, want: T): void {
  if (got !== want) expect([at, got]).toEqual([at, want]);
}

/** Whether the sticky regex matches at q. */
export function stickyTest(re: RegExp, text: string, q: number): boolean {
  re.lastIndex = q;
  return re.test(text);
}

/** End of the sticky regex at q, or `none`. */
export function stickyEnd(re: RegExp, text: string, q: number, none: number): number {
  re.lastIndex = q;
  const m = re.exec(text);
  return m ? q + m[0].length : none;
}
