/**
 * Micro-benchmark of `new Scan(text)` alone (src/phi/context.ts), on the documents
 * scripts/prof-speed.ts builds (tune split + presidio, never held-out): Mchars/s by CPU time per
 * round. Prints only figures, never texts.
 *
 *   npx tsx scripts/prof-speed.ts --dump /tmp/texts.json      once
 *   npx tsx scripts/bench-scan.ts --texts /tmp/texts.json [--seconds 1] [--rounds 5]
 *
 * Scan alone is a fraction of the detector's time, and a faster scan in a warm micro-benchmark
 * need not make the detector faster (cold caches, costs moved to the rules): confirm with
 * prof-speed.ts.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Scan } from '../src/phi/context';
import { createDetector } from '../src/phi/detect';
import { speedDocs } from '../bench/speed-docs';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);


function main(): void {
  const file = opt('--texts');
  if (!file) throw new Error('--texts FILE (write it with scripts/prof-speed.ts --dump FILE)');
  const docs = speedDocs(JSON.parse(readFileSync(file, 'utf8')) as string[][], 200);
  createDetector(); // the rules register their trigger words
  const seconds = Number(opt('--seconds') ?? 1);
  const rounds = Number(opt('--rounds') ?? 5);
  let sink = 0;
  const round = (): number => {
    let chars = 0;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    while (performance.now() - t0 < seconds * 1000) {
      for (const d of docs) {
        sink += new Scan(d).wordCount;
        chars += d.length;
      }
    }
    const c = process.cpuUsage(c0);
    return chars / 1e6 / ((c.user + c.system) / 1e6);
  };
  round();
  const all: number[] = [];
  for (let r = 0; r < rounds; r++) {
    all.push(round());
    console.log(`round ${r + 1}: ${all[r]!.toFixed(1)} Mchars/s CPU`);
  }
  all.sort((a, b) => a - b);
  console.log(`median ${all[all.length >> 1]!.toFixed(1)} Mchars/s CPU (${sink > 0 ? 'ok' : '-'})`);
}
main();
