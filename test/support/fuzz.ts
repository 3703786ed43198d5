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
