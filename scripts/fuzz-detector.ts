/**
 * Mutation fuzzing of the detector on the hand-written tickets: a segment repeated up to 3,000
 * times, 50 runs of odd characters (NUL, lone surrogates, bidi marks, combining marks, emoji, HL7
 * and table delimiters) spliced in, 200 tickets glued, white space replaced, upper-cased ×50,
 * reversed ×20. Each text must be scanned without an exception, with every finding in bounds and
 * redactable; prints the worst time per character seen on texts over 20,000 characters, and any
 * text slower than 3 s.
 *
 *   SEED=7 N=2000 npx tsx scripts/fuzz-detector.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDetector } from '../src/phi/detect';
import { redactText } from '../src/phi/redact';
const dir = join(__dirname, '../test/corpus/independent');
const texts: string[] = [];
for (const f of readdirSync(dir)) { const d = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')); if (f.includes('directory')) continue; for (const x of d) texts.push(typeof x === 'string' ? x : x.text); }
let seed = Number(process.env.SEED ?? 1);
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)]!;
const weird = ['\u0000', '\uFFFD', '\uD800', '\uDC00', '\u200B', '\u202E', '\r', '\r\n', '\t', '|', '^', '~', '\\', '"', '*', '#', ':', '-', '/', '@', '.', ',', '(', ')', '[', ']', '{', '}', '\u00A0', 'é', 'İ', 'ß', '😀', '\u0301'];
function mutate(t: string): string {
  const kind = Math.floor(rnd() * 6);
  const a = Math.floor(rnd() * t.length), b = Math.min(t.length, a + Math.floor(rnd() * 200));
  const seg = t.slice(a, b) || 'MRN 12345678';
  if (kind === 0) return t.slice(0, a) + seg.repeat(1 + Math.floor(rnd() * 3000)) + t.slice(a);
  if (kind === 1) {
    let s = t;
    for (let i = 0; i < 50; i++) {
      const p = Math.floor(rnd() * s.length);
      s = s.slice(0, p) + pick(weird).repeat(1 + Math.floor(rnd() * 50)) + s.slice(p);
    }
    return s;
  }
  if (kind === 2) return Array.from({ length: 200 }, () => pick(texts)).join(pick(['\n', '', ' ', '\n\n', '|']));
  if (kind === 3) return t.replace(/\s/g, pick(['', '\n', '|', '^', '  ']));
  if (kind === 4) return t.toUpperCase().repeat(50);
  return t.split('').reverse().join('').repeat(20);
}
const det = createDetector({});
const n = Number(process.env.N ?? 300);
let worst = 0;
for (let i = 0; i < n; i++) {
  const t = mutate(pick(texts));
  const t0 = performance.now();
  try {
    const f = det.detect(t);
    for (const x of f) if (!(x.start >= 0 && x.end <= t.length && x.start < x.end)) throw new Error('bad offsets');
    redactText(t, f);
  } catch (e) {
    process.exitCode = 1;
    console.log('ERROR', i, (e as Error).message, JSON.stringify(t.slice(0, 200)));
  }
  const ms = performance.now() - t0;
  const nsPerChar = (ms * 1e6) / Math.max(1, t.length);
  if (nsPerChar > worst && t.length > 20000) { worst = nsPerChar; console.log(`worst ${i} len ${t.length} ${ms.toFixed(0)} ms ${nsPerChar.toFixed(0)} ns/char`); }
  if (ms > 3000) {
    process.exitCode = 1;
    console.log('SLOW', i, t.length, ms.toFixed(0), JSON.stringify(t.slice(0, 300)));
  }
}
console.log('done', n);
