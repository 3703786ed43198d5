/**
 * One timed speed round of one engine, in a process of its own (bench/phi.ts spawns it).
 *
 * Engines are timed in separate processes because they disturb each other: with openredaction
 * loaded in the same process, @redactpii/node ran about 3× slower (19 vs 63–67 MB/s on the same
 * documents). Each child loads one engine, warms it up, times one round and prints one JSON line.
 *
 *   tsx bench/speed-child.ts ENGINE DOCS.json MIN_MS MAX_MS WARM_MS
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ENGINE_NAMES, createEngine, type Engine, type EngineName } from './peers';

export interface RoundResult {
  mbps: number;
  seconds: number;
  passes: number;
}

/** One pass over `docs`, capped at `maxMs`. */
async function warmUp(engine: Engine, docs: string[], maxMs: number): Promise<void> {
  const t0 = performance.now();
  for (const d of docs) {
    const r = engine.run(d);
    if (r instanceof Promise) await r;
    if (performance.now() - t0 > maxMs) break;
  }
}

/** Runs over `docs` (cycling) until ≥ minMs and ≥ one full pass, or ≥ maxMs. */
async function timeRound(engine: Engine, docs: string[], bytes: number[], minMs: number, maxMs: number): Promise<RoundResult> {
  let done = 0;
  let total = 0;
  let elapsed = 0;
  const t0 = performance.now();
  for (;;) {
    const i = done % docs.length;
    const r = engine.run(docs[i]!);
    if (r instanceof Promise) await r;
    total += bytes[i]!;
    done++;
    elapsed = performance.now() - t0;
    if ((elapsed >= minMs && done >= docs.length) || elapsed >= maxMs) break;
  }
  return { mbps: total / 1e6 / (elapsed / 1000), seconds: elapsed / 1000, passes: done / docs.length };
}

async function main(argv: string[]): Promise<void> {
  const [name, docsFile, minMs, maxMs, warmMs] = argv;
  if (!name || !(ENGINE_NAMES as readonly string[]).includes(name) || !docsFile) {
    process.stderr.write('usage: speed-child ENGINE DOCS.json MIN_MS MAX_MS WARM_MS\n');
    process.exit(2);
  }
  const docs = JSON.parse(readFileSync(docsFile, 'utf8')) as string[];
  const bytes = docs.map((d) => Buffer.byteLength(d, 'utf8'));
  const engine = await createEngine(name as EngineName);
  await warmUp(engine, docs, Number(warmMs));
  const result = await timeRound(engine, docs, bytes, Number(minMs), Number(maxMs));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) void main(process.argv.slice(2));
