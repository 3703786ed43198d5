/**
 * Differential check for detector speed work: the detector's exact output (type, start, end,
 * score, rule) over the tune, held-out and presidio corpora, 2–10 KB concatenations of them,
 * the bad-input bodies and ~20,000 seeded fuzzed texts — written once as a golden file, then
 * compared after every change. Only counts and the first few differing ids are printed (never
 * held-out texts or findings). The hand-written sets and review texts are in it too.
 *
 *   npx tsx scripts/diff-detector.ts write /tmp/golden     record the current output
 *   npx tsx scripts/diff-detector.ts check /tmp/golden     compare (exit 1 on any difference)
 *   options: --fuzz N (default 20000)
 */
import fc from 'fast-check';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createDetector, type Detector } from '../src/phi/detect';
import { COMMON_WORDS, FIRST_NAMES, SURNAMES } from '../src/phi/lexicon';
import { CUE_MAP } from '../src/phi/context';
import { seededRandom } from '../src/sandbox/forge/api';
import { heldoutSplit, tuneSplit } from '../test/corpus/generate';
import { loadPresidio } from '../test/corpus/presidio';

const PHI = [
  'Pt John Smith', 'SMITH, JOHN A', 'DOB 03/14/1962', 'MRN: 00482913', 'SSN 219-09-9991', 'ph (217) 555-0143',
  'fax 217-555-0199', 'maria.garcia62@gmail.com', '4312 Oak Ave, Springfield, IL 62704', 'Member ID: XJH123456789',
  'Medicare 1EG4-TE5-MK73', 'DEA AB1234563', 'VIN 1HGCM82633A004352', '92 y/o', 'pacemaker serial PM7734512',
  "patient's home IP 73.15.22.9", 'PID|1||E12305221^^^MGH^MR||CHADWICK^FIDEL||19690601|M', 'NPI 1234567893',
  '+44 20 7946 0958', '0490 75 40 81', '03.93.92.16.85', 'March 14, 1962', '14th of March', '14-Mar-1962', '1962-03-14',
  '3/21', 'since 02/24', 'born 1962', 'age 93', '91F', 'mbr=W514071230 dob=20100428', 'user=jsmith1962 src_ip=73.2.1.4',
  'https://mychart.example.org/patient/8812?mrn=123', 'www.example.com/pt/12', 'mychart.example.org/patient/8812',
  '"family": "Rice", "given": ["Ottis", "J"], "birthDate": "2001-02-03"', 'MRN,LastName,FirstName,DOB\n123,Doe,Jane,01/02/1990\n',
  'GB82 WEST 1234 5698 7654 32', '4111 1111 1111 1111', '(01)00884521234565(17)250101(10)ABC', 'Merged E92531596 into 50622977',
  'he moved to Bakersfield 93870', 'zip code is 394 13', 'P.O. Box 1234', 'Apt 4B', 'Rua das Flores 123', 'Thanks, Anais',
  'pt j. goede', 'patient: mary jones', 'Mrs. Garcia', 'Dr Patel', 'Ubul: What a wife', '2001:db8::ff00:42:8329',
  'fe80:0:0:0:202:b3ff:fe1e:8329', '[PHI:NAME]', '[PHI:SSN]x', 'ITSD-4411', 'claim # 88123-A', 'acct #: 5512345',
];
const NOISE = [
  'Docker 20.10.7 failed on OPS-1234.', 'see KB5034441', 'server 10.20.1.15 is down', 'error 0x80070005',
  'the printer jams again', '2024-03-14T10:22:31.442Z ERROR pool exhausted', 'Thanks, Dana', '\n', ' 😀 ', '',
  'v1.2.3', '10:22:33,123', 'port 8443', 'at 10:15 AM', '[14/Mar/2024:10:22:31 +0000]', 'CVE-2024-1234', 'Jenkins build 412',
  'node k8s-04', 'attempt 2/5', 'page 3/12', 'UUID 123e4567-e89b-12d3-a456-426614174000', 'MAC 00:1A:2B:3C:4D:5E',
  'PO 4500012345', 'ext 4412', 'Sent: Monday, March 4, 2024 9:12 AM', '\r\n', '\t', 'SELECT * FROM users;', 'a=b&c=d',
];
const CHARS = 'aAbBzZ09123456789 .,:;-/()[]{}+@#_^|=\'"\n\r\t\u00e9\u00c9\u2019\u0416\u00a0\u3000x';

function fuzzTexts(count: number, corpusTexts: string[]): string[] {
  const rand = seededRandom(0xd1ff);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const first = [...FIRST_NAMES].slice(0, 3000);
  const last = [...SURNAMES].slice(0, 3000);
  const common = [...COMMON_WORDS].slice(0, 3000);
  const cues = [...CUE_MAP.keys()];
  const cap = (w: string) => (rand() < 0.15 ? w.toUpperCase() : w.charAt(0).toUpperCase() + w.slice(1));
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
  const piece = (): string => {
    const r = rand();
    if (r < 0.15) return pick(PHI);
    if (r < 0.25) return pick(NOISE);
    if (r < 0.35) return cap(pick(first)) + (rand() < 0.5 ? ' ' + cap(pick(last)) : '');
    if (r < 0.45) return rand() < 0.5 ? pick(cues) : cap(pick(cues));
    if (r < 0.55) return rand() < 0.7 ? pick(common) : cap(pick(common));
    if (r < 0.68) {
      const seps = ['-', '/', '.', ' ', ':', ',', ''];
      let s = digits(1 + Math.floor(rand() * 5));
      for (let k = Math.floor(rand() * 4); k > 0; k--) s += pick(seps) + digits(1 + Math.floor(rand() * 4));
      return s;
    }
    if (r < 0.78) {
      const t = pick(corpusTexts);
      const a = Math.floor(rand() * t.length);
      return t.slice(a, a + Math.floor(rand() * 120));
    }
    let s = '';
    for (let k = Math.floor(rand() * 14); k > 0; k--) s += pick([...CHARS]);
    return s;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const parts: string[] = [];
    for (let k = 1 + Math.floor(rand() * 16); k > 0; k--) parts.push(piece());
    const joiners = [' ', ' ', ' ', '', '\n', ', ', ': '];
    out.push(parts.map((p, k) => (k ? pick(joiners) : '') + p).join(''));
  }
  // fast-check's own strings, seeded
  const ticket = fc
    .array(fc.oneof(fc.constantFrom(...PHI), fc.constantFrom(...NOISE), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 20 })), { minLength: 1, maxLength: 14 })
    .map((parts) => parts.join(' '));
  out.push(...fc.sample(ticket, { seed: 42, numRuns: Math.floor(count / 4) }));
  return out;
}

/** 2–10 KB concatenations, as bench/phi.ts builds its speed set. */
function concatenations(texts: string[], count: number): string[] {
  const rand = seededRandom(0x5eed);
  const out: string[] = [];
  let c = 0;
  for (let i = 0; i < count; i++) {
    const target = 2048 + Math.floor(rand() * 8192);
    let t = '';
    while (t.length < target) t += (t ? '\n\n' : '') + texts[c++ % texts.length];
    out.push(t);
  }
  return out;
}

function badInputs(): string[] {
  const prose = 'The printer on floor 3 jams again after the driver update; user Dana rebooted it twice. ';
  const dense = 'Pt John Smith DOB 03/14/1962 MRN 00482913 SSN 219-09-9991 ph (217) 555-0143. ';
  let x = 2463534242;
  let garbage = '';
  for (let i = 0; i < 200_000; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    garbage += String.fromCharCode((x >>> 0) % 0x3000);
  }
  return [prose.repeat(3000), dense.repeat(3000), garbage];
}

/** The hand-written sets and the review texts (test/corpus/independent, test/corpus/review). */
function handWritten(): string[] {
  const texts: string[] = [];
  for (const dir of ['test/corpus/independent', 'test/corpus/review']) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json') && !n.endsWith('-directory.json')).sort()) {
      for (const t of JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as Array<string | { text: string }>) {
        texts.push(typeof t === 'string' ? t : t.text);
      }
    }
  }
  return texts;
}

function line(id: string, d: Detector, text: string): string {
  const fs = d.detect(text);
  return id + '\t' + fs.map((f) => `${f.type},${f.start},${f.end},${f.score},${f.rule}`).join(';');
}

function main(): void {
  const [mode, file] = process.argv.slice(2);
  const fuzzArg = process.argv.indexOf('--fuzz');
  const fuzz = fuzzArg !== -1 ? Number(process.argv[fuzzArg + 1]) : 20_000;
  if ((mode !== 'write' && mode !== 'check') || !file) {
    process.stderr.write('usage: tsx scripts/diff-detector.ts write|check FILE [--fuzz N]\n');
    process.exit(2);
  }
  const t0 = performance.now();
  const corpora: Array<[string, string[]]> = [
    ['tune', tuneSplit().map((d) => d.text)],
    ['heldout', heldoutSplit().map((d) => d.text)],
    ['presidio', loadPresidio().map((d) => d.text)],
    ['handwritten', handWritten()],
  ];
  const all = corpora.flatMap(([, t]) => t);
  const sets: Array<[string, string[]]> = [...corpora, ['concat', concatenations(all, 300)], ['bad', badInputs()], ['fuzz', fuzzTexts(fuzz, all)]];
  const plain = createDetector();
  const custom = createDetector({
    allowlist: { domains: ['example.org', 'hospital.org'], ipRanges: ['73.0.0.0/8'], keyPatterns: ['ITSD-\\d+'] },
    mrnFormats: ['E\\d{8}'],
    customPatterns: [{ id: 'case', type: 'OTHER_ID', pattern: 'CASE-\\d{4,}' }],
    types: { NAME: { enabled: true, threshold: 0.7 }, DATE: { enabled: false, threshold: 0.5 } } as never,
  });
  const lines: string[] = [];
  let n = 0;
  for (const [name, texts] of sets) {
    texts.forEach((t, i) => {
      lines.push(line(`${name}:${i}`, plain, t));
      n++;
      if (name !== 'fuzz' || i % 4 === 0) {
        lines.push(line(`${name}:${i}:custom`, custom, t));
        n++;
      }
    });
  }
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  if (mode === 'write') {
    writeFileSync(file, lines.join('\n') + '\n');
    process.stdout.write(`wrote ${n} outputs (${sets.map(([k, t]) => `${k} ${t.length}`).join(', ')}) in ${secs} s\n`);
    return;
  }
  const golden = readFileSync(file, 'utf8').split('\n');
  golden.pop();
  let diffs = 0;
  const shown: string[] = [];
  for (let i = 0; i < Math.max(golden.length, lines.length); i++) {
    if (golden[i] !== lines[i]) {
      diffs++;
      if (shown.length < 8) shown.push((lines[i] ?? golden[i] ?? '').split('\t')[0]!);
    }
  }
  process.stdout.write(`compared ${n} outputs (${sets.map(([k, t]) => `${k} ${t.length}`).join(', ')}): ${diffs} differences in ${secs} s${shown.length ? ` (first: ${shown.join(' ')})` : ''}\n`);
  if (diffs > 0) process.exitCode = 1;
}

main();
