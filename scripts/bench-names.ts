/**
 * Micro-benchmark of the name rule alone (src/phi/names.ts) on the documents prof-speed.ts builds
 * (tune split + presidio texts dumped with `prof-speed.ts --dump`, never the held-out split): the
 * scans are built once, then `nameRule` runs over them in interleaved rounds; prints ms of CPU per
 * MB of text per round and the median. --fresh builds a new Scan before each call (as the
 * detector does) and times the call alone by wall clock.
 *
 *   npx esbuild scripts/bench-names.ts --bundle --platform=node --outfile=/tmp/bench-names.cjs
 *   node /tmp/bench-names.cjs --texts /tmp/texts.json [--rounds 10] [--ms 300] [--fresh]
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Scan } from '../src/phi/context';
import { nameRule } from '../src/phi/names';
import { speedDocs } from '../bench/speed-docs';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);


const file = opt('--texts');
if (!file) throw new Error('--texts FILE (written by prof-speed.ts --dump) is required');
const docs = speedDocs(JSON.parse(readFileSync(file, 'utf8')) as string[][], 200);
let bytes = 0;
for (const d of docs) bytes += Buffer.byteLength(d);
const scans = docs.map((d) => new Scan(d));
let findings = 0;
const emit = () => {
  findings++;
};
const ms = Number(opt('--ms') ?? 300);
const fresh = args.includes('--fresh');

function round(): number {
  let reps = 0;
  let spent = 0;
  const t0 = performance.now();
  do {
    if (fresh) {
      for (const d of docs) {
        const scan = new Scan(d);
        const t = performance.now();
        nameRule(scan, emit, 0.5);
        spent += performance.now() - t;
      }
    } else {
      const c0 = process.cpuUsage();
      for (const scan of scans) nameRule(scan, emit, 0.5);
      const c = process.cpuUsage(c0);
      spent += (c.user + c.system) / 1e3;
    }
    reps++;
  } while (performance.now() - t0 < ms);
  return spent / ((reps * bytes) / 1e6);
}

round(); // warm-up: per-spelling facts, JIT
round();
const results: number[] = [];
for (let r = 0; r < Number(opt('--rounds') ?? 10); r++) results.push(round());
const median = [...results].sort((a, b) => a - b)[results.length >> 1]!;
console.log(`nameRule ms ${fresh ? 'wall' : 'CPU'} per MB: ${results.map((x) => x.toFixed(2)).join(' ')}`);
console.log(`median ${median.toFixed(2)} ms/MB (${(1000 / median).toFixed(0)} MB/s), ${findings} findings`);
