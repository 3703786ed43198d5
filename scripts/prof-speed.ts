/**
 * Speed profiling aid for detector work (tune split + presidio, never the held-out split): builds
 * 2–10 KB documents the way bench:phi does and prints MB/s by wall and by CPU time per round.
 *
 *   npx tsx scripts/prof-speed.ts [--seconds N] [--rounds N] [--peers]
 *   npx tsx scripts/prof-speed.ts --dump /tmp/texts.json      write the source texts once
 *   --texts /tmp/texts.json                                   read them instead of generating
 *   --staff-off                                              detector with staffContext: false
 *   --floors      also time what any detector's work sits on: a bare loop reading every char
 *                 code once, and the detector's tokenizer and cue index alone (new Scan(text))
 *
 * For a line-level profile, bundle it (`npx esbuild scripts/prof-speed.ts --bundle --platform=node
 * --outfile=/tmp/p.cjs`) and run `node --cpu-prof /tmp/p.cjs --texts /tmp/texts.json`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Scan } from '../src/phi/context';
import { createDetector } from '../src/phi/detect';
import { speedDocs } from '../bench/speed-docs';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);

async function sources(): Promise<string[][]> {
  const file = opt('--texts');
  if (file) return JSON.parse(readFileSync(file, 'utf8')) as string[][];
  const { tuneSplit } = await import('../test/corpus/generate');
  const { loadPresidio } = await import('../test/corpus/presidio');
  return [tuneSplit().map((d) => d.text), loadPresidio().map((d) => d.text)];
}


async function main(): Promise<void> {
  const pools = await sources();
  const dump = opt('--dump');
  if (dump) {
    writeFileSync(dump, JSON.stringify(pools));
    console.log(`wrote ${dump}`);
    return;
  }
  const seconds = Number(opt('--seconds') ?? 3);
  const rounds = Number(opt('--rounds') ?? 3);
  const docs = speedDocs(pools, 200);
  const bytes = docs.map((d) => Buffer.byteLength(d));
  const engines: Array<[string, (t: string) => unknown]> = [];
  // --staff-off: without the workforce check (what it costs: compare the two)
  const det = createDetector({ staffContext: !args.includes('--staff-off') });
  engines.push(['phi-guard', (t) => det.detect(t)]);
  if (args.includes('--floors')) {
    let sink = 0;
    engines.push(['char-code loop', (t) => {
      for (let i = 0; i < t.length; i++) sink = (sink + t.charCodeAt(i)) | 0;
      return sink;
    }]);
    engines.push(['Scan alone', (t) => new Scan(t)]);
  }
  if (args.includes('--peers')) {
    type Ctor = new () => { redact(t: string): string };
    const load = async (name: string, key: string): Promise<Ctor> => {
      const m = (await import(name)) as Record<string, unknown> & { default?: Record<string, unknown> };
      return (m[key] ?? m.default?.[key]) as Ctor;
    };
    const node = new (await load('@redactpii/node', 'Redactor'))();
    engines.push(['@redactpii/node', (t) => node.redact(t)]);
    const pii = new (await load('redact-pii', 'SyncRedactor'))();
    engines.push(['redact-pii', (t) => pii.redact(t)]);
  }
  for (const [, run] of engines) for (const d of docs) run(d);
  const best = new Map<string, { wall: number; cpu: number }>();
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of engines) {
      let total = 0;
      let done = 0;
      let elapsed = 0;
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      for (;;) {
        const i = done % docs.length;
        run(docs[i]!);
        total += bytes[i]!;
        done++;
        elapsed = performance.now() - t0;
        if (elapsed >= seconds * 1000 && done >= docs.length) break;
      }
      const cpu = process.cpuUsage(c0);
      const wall = total / 1e6 / (elapsed / 1000);
      const byCpu = total / 1e6 / ((cpu.user + cpu.system) / 1e6);
      const b = best.get(name) ?? { wall: 0, cpu: 0 };
      best.set(name, { wall: Math.max(b.wall, wall), cpu: Math.max(b.cpu, byCpu) });
      console.log(`${name} round ${round + 1}: ${wall.toFixed(2)} MB/s wall, ${byCpu.toFixed(2)} MB/s CPU`);
    }
  }
  for (const [n, v] of best) console.log(`best ${n}: ${v.wall.toFixed(2)} MB/s wall, ${v.cpu.toFixed(2)} MB/s CPU`);
}
void main();
