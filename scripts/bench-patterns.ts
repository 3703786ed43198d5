/**
 * Micro-benchmark for src/phi/patterns.ts alone: the bench's 2–10 KB documents (tune + presidio
 * texts dumped by prof-speed.ts --dump, never held-out) are scanned once up front, then only
 * runPatternRules is timed (CPU time per round). Prints MB/s and a checksum of the candidates so
 * two builds can be compared quickly (the real check is diff-detector.ts).
 *
 *   npx esbuild scripts/bench-patterns.ts --bundle --platform=node --outfile=/tmp/bp.cjs
 *   node /tmp/bp.cjs --texts /tmp/prof/texts.json [--seconds N] [--rounds N]
 *   valgrind --tool=cachegrind --cache-sim=no node /tmp/bp.cjs --passes 20     instruction count
 */
import { readFileSync } from 'node:fs';
import { Scan } from '../src/phi/context';
import { runPatternRules, type RuleEnv } from '../src/phi/patterns';
import { scoreFloors } from '../src/phi/detect';
import { defaultSettings } from '../src/phi/settings';
import { speedDocs } from '../bench/speed-docs';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);


const pools = JSON.parse(readFileSync(opt('--texts') ?? '/tmp/prof/texts.json', 'utf8')) as string[][];
const docs = speedDocs(pools, 200);
const scans = docs.map((d) => new Scan(d));
const bytes = docs.map((d) => Buffer.byteLength(d));
const allow = () => false;
// the candidates the default detector keeps (rules may skip work on the ones it would drop)
const floors = scoreFloors(defaultSettings().types);
let count = 0;
let sum = 0;
function run(i: number): void {
  const text = docs[i]!;
  const env: RuleEnv = {
    text,
    scan: scans[i]!,
    emit: (type, start, end, score) => {
      if (!(score >= floors[type])) return;
      count++;
      sum = (sum * 31 + start * 7 + end * 13 + Math.round(score * 1000)) % 1000000007;
    },
    emitted: () => count,
    floors,
  };
  runPatternRules(env, allow, allow);
}
for (let i = 0; i < docs.length; i++) run(i);
console.log(`candidates ${count}, checksum ${sum}`);
// fixed work (for an instruction count under valgrind --tool=cachegrind): N passes, no timing
const passes = Number(opt('--passes') ?? 0);
if (passes > 0) {
  for (let r = 0; r < passes; r++) for (let i = 0; i < docs.length; i++) run(i);
  console.log(`${passes} passes, candidates ${count}`);
  process.exit(0);
}
const seconds = Number(opt('--seconds') ?? 2);
const rounds = Number(opt('--rounds') ?? 5);
const results: number[] = [];
for (let r = 0; r < rounds; r++) {
  let total = 0;
  let done = 0;
  const t0 = Date.now();
  const c0 = process.cpuUsage();
  while (Date.now() - t0 < seconds * 1000 || done < docs.length) {
    const i = done % docs.length;
    run(i);
    total += bytes[i]!;
    done++;
  }
  const cpu = process.cpuUsage(c0);
  results.push(total / 1e6 / ((cpu.user + cpu.system) / 1e6));
}
results.sort((a, b) => a - b);
console.log(`patterns only: median ${results[results.length >> 1]!.toFixed(1)} MB/s CPU (${results.map((x) => x.toFixed(1)).join(' ')})`);
