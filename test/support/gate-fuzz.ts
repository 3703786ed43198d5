/**
 * Seeded fuzzing of the detector's speed gates against the regexes they stand before, shared by
 * phi-pattern-gates.test.ts and phi-workforce-gates.test.ts: a generator, random and biased cases
 * built from pieces of the patterns, and a tally of each check's regex matches and failures.
 * PHI_GATE_FUZZ_SCALE=N runs N times as many cases; PHI_GATE_FUZZ_REPORT=1 prints the counts.
 */
import { expect } from 'vitest';

export type Rnd = (n: number) => number;

/** rnd(n) in [0, n), from mulberry32 seeded with `seed`. */
export function seeded(seed: number): Rnd {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** How many cases: `n` times PHI_GATE_FUZZ_SCALE (1 unless set). */
export const SCALE = Number(process.env.PHI_GATE_FUZZ_SCALE ?? '1') || 1;
export const cases = (n: number) => Math.round(n * SCALE);
export const REPORT = process.env.PHI_GATE_FUZZ_REPORT === '1';

export type Phrases = Readonly<Record<string, readonly (readonly string[])[]>>;

/** A check's count of regex matches (in all and by the phrase its biased case was built on), of failures and of known misses. */
export class Tally {
  matches = 0;
  failed = 0;
  known = 0;
  readonly first: string[] = [];
  readonly byPhrase: number[];
  constructor(
    readonly name: string,
    phrases = 0,
  ) {
    this.byPhrase = new Array<number>(phrases).fill(0);
  }
  /** One case: `re`, the regex's answer; `ok`, whether the gate's or helper's answer agrees with it. */
  see(re: boolean, ok: boolean, at: () => string, phrase = -1): void {
    if (re) {
      this.matches++;
      if (phrase >= 0) this.byPhrase[phrase]!++;
    }
    if (ok) return;
    this.failed++;
    if (this.first.length < 5) this.first.push(at());
  }
  /** A necessary condition: where the regex matches (`re`), the gate (`gate`) must say yes. */
  needs(re: boolean, gate: boolean, at: () => string, phrase = -1): void {
    this.see(re, gate || !re, at, phrase);
  }
  /**
   * A necessary condition with a known limit: where the regex matches and the gate says no, the case
   * must be one `known` describes (counted apart).
   */
  needsBut(re: boolean, gate: boolean, known: () => boolean, at: () => string, phrase = -1): void {
    const miss = re && !gate;
    if (miss && known()) {
      this.known++;
      this.see(re, true, at, phrase);
    } else this.see(re, !miss, at, phrase);
  }
  /** An exact version: the helper (`got`) must give the regex's answer (`re`). */
  equals(re: boolean, got: boolean, at: () => string, phrase = -1): void {
    this.see(re, got === re, at, phrase);
  }
}

/** `max` random pieces at most. */
export function randomPieces(r: Rnd, alphabet: readonly string[], max: number): string {
  let t = '';
  for (let j = r(max + 1); j > 0; j--) t += alphabet[r(alphabet.length)]!;
  return t;
}
/** A phrase, a piece in eight swapped for a random piece of the alphabet. */
export function noisy(r: Rnd, alphabet: readonly string[], phrase: readonly string[]): string {
  let t = '';
  for (const p of phrase) t += r(8) === 0 ? alphabet[r(alphabet.length)]! : p;
  return t;
}
/** A biased case: its slots in turn, each a phrase (noised) or else up to two random pieces; `at[i]` is where slot i ends. */
export function compose(r: Rnd, alphabet: readonly string[], slots: readonly (readonly string[] | undefined)[]): { t: string; at: number[] } {
  let t = '';
  const at: number[] = [];
  for (const slot of slots) {
    t += slot === undefined ? randomPieces(r, alphabet, 2) : noisy(r, alphabet, slot);
    at.push(t.length);
  }
  return { t, at };
}
/** Picks a check of `phrases` and one of its phrases (by index). */
export function pickPhrase(r: Rnd, phrases: Phrases): { check: string; index: number; phrase: readonly string[] } {
  const checks = Object.keys(phrases);
  const check = checks[r(checks.length)]!;
  const list = phrases[check]!;
  const index = r(list.length);
  return { check, index, phrase: list[index]! };
}
/** Picks one of all the phrases of `phrases` (each as likely), and its check. */
export function pickAny(r: Rnd, phrases: Phrases): { check: string; index: number; phrase: readonly string[] } {
  let k = r(Object.values(phrases).reduce((n, list) => n + list.length, 0));
  for (const [check, list] of Object.entries(phrases)) {
    if (k < list.length) return { check, index: k, phrase: list[k]! };
    k -= list.length;
  }
  throw new Error('no phrase');
}
/** `n` random pieces, from 1 to `max`. */
export function randomText(r: Rnd, alphabet: readonly string[], max: number): string {
  let t = '';
  for (let j = 1 + r(max); j > 0; j--) t += alphabet[r(alphabet.length)]!;
  return t;
}
/** A piece in random case: as written, lower, upper or capitalised. */
export function anyCase(r: Rnd, s: string): string {
  const k = r(4);
  return k === 0 ? s : k === 1 ? s.toLowerCase() : k === 2 ? s.toUpperCase() : s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
}

/** Every phrase is made of the pieces. */
export function assertPieces(alphabet: readonly string[], phrases: Phrases): void {
  const known = new Set(alphabet);
  const strange = Object.values(phrases).flatMap((list) => list.flatMap((p) => p.filter((piece) => !known.has(piece))));
  expect(strange).toEqual([]);
}

/** No failure; at least `min` regex matches for each check; at least `minPerPhrase` for each of the phrases of a check in `phrases`. */
export function verdict(tallies: readonly Tally[], min: number, phrases: Phrases = {}, minPerPhrase = 0): void {
  if (REPORT) for (const t of tallies) console.log(`${t.name}: ${t.matches} regex matches${t.known > 0 ? `, ${t.known} known misses` : ''}`);
  expect(tallies.filter((t) => t.failed > 0).map((t) => `${t.name}: ${t.failed} failures, first ${t.first.join(' | ')}`)).toEqual([]);
  expect(tallies.filter((t) => t.matches < min).map((t) => `${t.name}: ${t.matches} regex matches`)).toEqual([]);
  const thin: string[] = [];
  for (const t of tallies) {
    const list = phrases[t.name];
    if (list === undefined) continue;
    list.forEach((p, i) => {
      if (t.byPhrase[i]! < minPerPhrase) thin.push(`${t.name} ${JSON.stringify(p.join(''))}: ${t.byPhrase[i]} regex matches`);
    });
  }
  expect(thin).toEqual([]);
}

export const show = (t: string, ...at: number[]) => `${JSON.stringify(t)} ${at.join(' ')}`;
