/**
 * `npm run bench:phi` — accuracy and speed of PHI Guard against npm peers, printed as one report.
 *
 *   npm run bench:phi                          full run (a few minutes)
 *   npm run bench:phi -- --quick               smaller corpora, shorter timing
 *   npm run bench:phi -- --engine phi-guard    only the named engine(s) (repeatable or comma-separated)
 *   npm run bench:phi -- --no-cli              skip the scan CLI end-to-end timing
 *   npm run bench:phi -- --strict              exit 1 when any target fails
 *   npm run bench:phi -- --errors 5 [--corpus tune|presidio]
 *       tuning aid: PHI Guard's false negatives / false positives per type with context, from the
 *       tune split (default) or presidio. Never from the held-out split, which is not for tuning.
 *
 * The report goes to stdout (markdown tables); progress goes to stderr.
 */
import { spawn, spawnSync } from 'node:child_process';
import { scalingRows, scalingTable } from './scaling';
import type { RoundResult } from './speed-child';
import { speedDocs } from './speed-docs';
import { existsSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PHI_TYPES } from '../src/phi/types';
import { evaluate, evaluateDoc, ratio, type Evaluation, type LabelledDoc, type PredSpan, type Region } from './metrics';
import { ENGINE_NAMES, createEngine, type Engine, type EngineName } from './peers';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'dist/cli/scan.cjs');

// ---------------------------------------------------------------------------------------------
// Options

interface Options {
  quick: boolean;
  engines: EngineName[];
  errors: number | undefined;
  errorCorpus: 'tune' | 'presidio';
  strict: boolean;
  cli: boolean;
}

function usage(message?: string): never {
  if (message) process.stderr.write(`bench:phi: ${message}\n`);
  process.stderr.write(
    'usage: npm run bench:phi -- [--quick] [--engine NAME]... [--no-cli] [--strict] [--errors N [--corpus tune|presidio]]\n' +
      `engines: ${ENGINE_NAMES.join(', ')}\n`,
  );
  process.exit(2);
}

function parseOptions(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        quick: { type: 'boolean', default: false },
        engine: { type: 'string', multiple: true },
        errors: { type: 'string' },
        corpus: { type: 'string' },
        strict: { type: 'boolean', default: false },
        'no-cli': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (err) {
    usage((err as Error).message);
  }
  const v = parsed.values;
  if (v.help) usage();
  const requested = (v.engine ?? []).flatMap((e) => e.split(',')).map((e) => e.trim()).filter(Boolean);
  for (const e of requested) if (!(ENGINE_NAMES as readonly string[]).includes(e)) usage(`unknown engine "${e}"`);
  let errors: number | undefined;
  if (v.errors !== undefined) {
    errors = Number(v.errors);
    if (!Number.isInteger(errors) || errors < 1) usage('--errors takes a positive integer');
  }
  const corpus = v.corpus ?? 'tune';
  if (corpus === 'heldout' || corpus === 'held-out') usage('the held-out split is never used for tuning: --corpus tune|presidio');
  if (corpus !== 'tune' && corpus !== 'presidio') usage('--corpus takes tune or presidio');
  if (v.corpus !== undefined && errors === undefined) usage('--corpus only applies to --errors');
  return {
    quick: v.quick === true,
    engines: requested.length ? ENGINE_NAMES.filter((e) => requested.includes(e)) : [...ENGINE_NAMES],
    errors,
    errorCorpus: corpus,
    strict: v.strict === true,
    cli: v['no-cli'] !== true,
  };
}

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const out = (msg = '') => process.stdout.write(`${msg}\n`);

// ---------------------------------------------------------------------------------------------
// Corpora (imported lazily: test/corpus is optional until it exists)

interface Corpus {
  name: string;
  docs: LabelledDoc[];
  /** True when the real corpus module was missing and a tiny stand-in is used. */
  fake: boolean;
}

const QUICK_DOCS = 200;
const QUICK_PRESIDIO = 400;

async function importOptional(spec: string): Promise<Record<string, unknown> | undefined> {
  try {
    return (await import(spec)) as Record<string, unknown>;
  } catch (err) {
    const e = err as { code?: string; message?: string };
    const missing =
      (e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'MODULE_NOT_FOUND') && (e.message ?? '').includes(spec.replace(/^\.\.\//, ''));
    if (missing) return undefined;
    throw err;
  }
}

function checkDocs(name: string, docs: unknown): LabelledDoc[] {
  if (!Array.isArray(docs)) throw new Error(`corpus ${name}: expected an array of LabelledDoc`);
  let bad = 0;
  for (const d of docs as LabelledDoc[]) {
    for (const s of d.spans) if (!(s.start >= 0 && s.end > s.start && s.end <= d.text.length)) bad++;
  }
  if (bad) log(`warning: corpus ${name}: ${bad} gold spans out of bounds or empty (ignored by the metrics when empty)`);
  return docs as LabelledDoc[];
}

/** A few hand-labelled tickets, only used while test/corpus is missing, so the bench can run end to end. */
function fakeDocs(prefix: string): LabelledDoc[] {
  const mk = (id: string, parts: (string | [string, string])[], neutral: string[] = []): LabelledDoc => {
    let text = '';
    const spans: LabelledDoc['spans'] = [];
    for (const p of parts) {
      if (typeof p === 'string') text += p;
      else {
        spans.push({ type: p[0], start: text.length, end: text.length + p[1].length });
        text += p[1];
      }
    }
    const neutralRegions: Region[] = neutral.map((n) => ({ start: text.indexOf(n), end: text.indexOf(n) + n.length }));
    return { id: `${prefix}-${id}`, text, spans, neutral: neutralRegions };
  };
  return [
    mk('1', ['Pt ', ['NAME', 'John Smith'], ' DOB ', ['DATE', '03/14/1962'], ' MRN ', ['MRN', '00482913'], " can't see his labs in the portal."]),
    mk('2', ['Hi team, ', ['NAME', 'Maria Garcia'], ' called from ', ['PHONE', '(555) 201-3344'], ', email ', ['EMAIL', 'mgarcia@example.com'], '. Printer on 3W is jammed again.']),
    mk('3', ['Patient lives at ', ['ADDRESS', '4312 Oak Ave'], ', ', ['ADDRESS', 'Springfield'], ', IL ', ['ZIP', '62704'], '; SSN ', ['SSN', '219-09-9999'], ' on the referral from Acme Health.'], ['Acme Health']),
    mk('4', ['VPN drops every 10 minutes for the radiology group, ticket ITSD-4411. Restarted the gateway at 10.0.3.7.']),
  ];
}

async function loadCorpora(opts: Options, which: ('heldout' | 'tune' | 'presidio')[]): Promise<Corpus[]> {
  const corpora: Corpus[] = [];
  const gen = await importOptional('../test/corpus/generate');
  const count = opts.quick ? QUICK_DOCS : undefined;
  for (const w of which) {
    if (w === 'presidio') {
      const mod = await importOptional('../test/corpus/presidio');
      if (mod && typeof mod.loadPresidio === 'function') {
        let docs = checkDocs('presidio', (mod.loadPresidio as () => unknown)());
        if (opts.quick) docs = docs.slice(0, QUICK_PRESIDIO);
        corpora.push({ name: 'presidio', docs, fake: false });
      } else {
        log('warning: test/corpus/presidio.ts is missing: using a tiny stand-in corpus');
        corpora.push({ name: 'presidio', docs: fakeDocs('presidio'), fake: true });
      }
      continue;
    }
    const fn = w === 'heldout' ? gen?.heldoutSplit : gen?.tuneSplit;
    if (typeof fn === 'function') {
      corpora.push({ name: w === 'heldout' ? 'held-out' : 'tune', docs: checkDocs(w, (fn as (n?: number) => unknown)(count)), fake: false });
    } else {
      log(`warning: test/corpus/generate.ts (${w === 'heldout' ? 'heldoutSplit' : 'tuneSplit'}) is missing: using a tiny stand-in corpus`);
      corpora.push({ name: w === 'heldout' ? 'held-out' : 'tune', docs: fakeDocs(w), fake: true });
    }
  }
  return corpora;
}

// ---------------------------------------------------------------------------------------------
// Formatting

const fmt = (x: number, digits = 3) => (Number.isNaN(x) ? '—' : x.toFixed(digits));

function table(header: string[], rows: string[][], align: ('l' | 'r')[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const cell = (s: string, i: number) => (align[i] === 'r' ? s.padStart(widths[i]!) : s.padEnd(widths[i]!));
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const sep = `|${widths.map((w, i) => (align[i] === 'r' ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`;
  return [line(header), sep, ...rows.map(line)].join('\n');
}

function context(text: string, start: number, end: number, width = 40): string {
  const clean = (s: string) => s.replace(/\r?\n/g, '⏎').replace(/\t/g, ' ');
  const a = Math.max(0, start - width);
  const b = Math.min(text.length, end + width);
  return `${a > 0 ? '…' : ''}${clean(text.slice(a, start))}⟦${clean(text.slice(start, end))}⟧${clean(text.slice(end, b))}${b < text.length ? '…' : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Accuracy

interface AccuracyResult {
  engine: string;
  corpus: string;
  evaluation: Evaluation;
  predictions: PredSpan[][];
  seconds: number;
}

async function predictAll(engine: Engine, docs: readonly LabelledDoc[]): Promise<{ predictions: PredSpan[][]; seconds: number }> {
  const t0 = performance.now();
  const predictions: PredSpan[][] = [];
  for (const d of docs) predictions.push(await engine.detect(d.text));
  return { predictions, seconds: (performance.now() - t0) / 1000 };
}

function printAccuracy(corpus: Corpus, results: AccuracyResult[]): void {
  const gold = results[0]?.evaluation.overall.gold ?? 0;
  out(`### Accuracy — ${corpus.name}${corpus.fake ? ' (STAND-IN: corpus module missing)' : ''}: ${corpus.docs.length} docs, ${gold} gold spans`);
  out();
  out('Cell: recall / strict recall / type-aware recall, by gold type.');
  out();
  const seen = new Set<string>();
  for (const r of results) for (const t of Object.keys(r.evaluation.perType)) seen.add(t);
  const types = [...(PHI_TYPES as readonly string[]).filter((t) => seen.has(t)), ...[...seen].filter((t) => !(PHI_TYPES as readonly string[]).includes(t)).sort()];
  const header = ['type', 'n', ...results.map((r) => r.engine)];
  const rows: string[][] = [];
  for (const t of types) {
    const n = results[0]?.evaluation.perType[t]?.gold ?? 0;
    rows.push([
      t,
      String(n),
      ...results.map((r) => {
        const c = r.evaluation.perType[t];
        if (!c || c.gold === 0) return '—';
        return `${fmt(c.found / c.gold)} / ${fmt(c.strict / c.gold)} / ${fmt(c.foundTyped / c.gold)}`;
      }),
    ]);
  }
  const e = (f: (ev: Evaluation) => string) => results.map((r) => f(r.evaluation));
  rows.push(['**recall**', String(gold), ...e((ev) => fmt(ev.recall))]);
  rows.push(['**strict recall**', '', ...e((ev) => fmt(ev.strictRecall))]);
  rows.push(['type-aware recall', '', ...e((ev) => fmt(ev.typedRecall))]);
  rows.push(['**precision**', '', ...e((ev) => `${fmt(ev.precision)} (${ev.tp} TP, ${ev.fp} FP, ${ev.ignored} neutral)`)]);
  rows.push(['**F2**', '', ...e((ev) => fmt(ev.f2))]);
  rows.push(['tickets without PHI flagged', '', ...e((ev) => (ev.cleanDocs === 0 ? '–' : `${fmt(ratio(ev.cleanFlagged, ev.cleanDocs))} (${ev.cleanFlagged} of ${ev.cleanDocs})`))]);
  rows.push(['time (s)', '', ...results.map((r) => r.seconds.toFixed(2))]);
  out(table(header, rows, ['l', 'r', ...results.map(() => 'l' as const)]));
  out();
}

function printErrors(corpus: Corpus, predictions: PredSpan[][], limit: number): void {
  const fn = new Map<string, string[]>();
  const leak = new Map<string, string[]>();
  const fp = new Map<string, string[]>();
  const counts = new Map<string, { fn: number; leak: number; fp: number }>();
  const bump = (t: string, k: 'fn' | 'leak' | 'fp') => {
    const c = counts.get(t) ?? { fn: 0, leak: 0, fp: 0 };
    c[k]++;
    counts.set(t, c);
  };
  const push = (m: Map<string, string[]>, t: string, line: string) => {
    const list = m.get(t) ?? [];
    if (list.length < limit) list.push(line);
    m.set(t, list);
  };
  corpus.docs.forEach((doc, i) => {
    const preds = predictions[i] ?? [];
    const o = evaluateDoc(doc, preds);
    for (const g of o.gold) {
      const t = g.span.type;
      if (!g.found) {
        bump(t, 'fn');
        push(fn, t, `  FN   ${doc.id}: ${context(doc.text, g.span.start, g.span.end)}`);
      } else if (!g.strict) {
        bump(t, 'leak');
        const covering = preds
          .filter((p) => p.start < g.span.end && g.span.start < p.end)
          .map((p) => `${p.type ?? '?'}:${JSON.stringify(doc.text.slice(p.start, p.end))}`)
          .join(', ');
        push(leak, t, `  LEAK ${doc.id}: ${context(doc.text, g.span.start, g.span.end)}   predicted ${covering}`);
      }
    }
    for (const p of o.preds) {
      if (p.verdict !== 'fp') continue;
      const t = p.span.type ?? '?';
      bump(t, 'fp');
      push(fp, t, `  FP   ${doc.id}: ${context(doc.text, p.span.start, p.span.end)}`);
    }
  });
  out(`### PHI Guard errors — ${corpus.name} (up to ${limit} per kind and type; FN/LEAK by gold type, FP by predicted type)`);
  out();
  const types = [...counts.keys()].sort((a, b) => PHI_TYPES.indexOf(a as never) - PHI_TYPES.indexOf(b as never));
  for (const t of types) {
    const c = counts.get(t)!;
    out(`${t}: ${c.fn} missed, ${c.leak} leaked (partly covered), ${c.fp} false positives`);
    for (const l of [...(fn.get(t) ?? []), ...(leak.get(t) ?? []), ...(fp.get(t) ?? [])]) out(l);
    out();
  }
  if (types.length === 0) out('no errors');
}

// ---------------------------------------------------------------------------------------------
// Speed


interface SpeedResult {
  engine: string;
  /** Best round. */
  mbps: number;
  /** Every round, in order. */
  rounds: number[];
  seconds: number;
  passes: number;
  capped: boolean;
}

/**
 * Times every engine in interleaved rounds (engine A, B, C, A, B, C, …), each round in a fresh
 * process of its own (bench/speed-child.ts: engines disturb each other in one process), and keeps
 * each engine's best round, so a burst of load from other processes does not skew one engine
 * against another.
 */
function timeEngines(engines: Engine[], docs: string[], rounds: number, minMs: number, maxMs: number, warmMaxMs: number): SpeedResult[] {
  const docsFile = join(tmpdir(), `phi-guard-speed-${process.pid}.json`);
  writeFileSync(docsFile, JSON.stringify(docs));
  const child = join(__dirname, 'speed-child.ts');
  const results = engines.map((e) => ({ engine: e.name, mbps: 0, rounds: [] as number[], seconds: 0, passes: 0, capped: false }));
  try {
    for (let r = 0; r < rounds; r++) {
      for (const [k, e] of engines.entries()) {
        log(`speed: ${e.name} round ${r + 1}/${rounds} (own process)`);
        const run = spawnSync(process.execPath, [...process.execArgv, child, e.name, docsFile, String(minMs), String(maxMs), String(warmMaxMs)], {
          cwd: ROOT,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
          maxBuffer: 1 << 20,
        });
        const line = run.stdout?.trim().split('\n').pop() ?? '';
        if (run.status !== 0 || !line.startsWith('{')) throw new Error(`speed round of ${e.name} failed (exit ${run.status})`);
        const t = JSON.parse(line) as RoundResult;
        const res = results[k]!;
        res.rounds.push(t.mbps);
        if (t.mbps > res.mbps) Object.assign(res, { mbps: t.mbps, seconds: t.seconds, passes: t.passes, capped: t.passes < 1 });
      }
    }
  } finally {
    unlinkSync(docsFile);
  }
  return results;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds dist/cli/scan.cjs when it is missing or older than src/. Returns a note for the report ('' when up to date). */
function ensureCli(): { ok: boolean; note: string } {
  let why = '';
  if (!existsSync(CLI)) why = 'dist/cli/scan.cjs was missing';
  else if (statSync(CLI).mtimeMs < newestMtime(join(ROOT, 'src'))) why = 'dist/cli/scan.cjs was older than src/';
  if (!why) return { ok: true, note: '' };
  log(`${why}: running npm run build:cli`);
  const r = spawnSync('npm', ['run', '-s', 'build:cli'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  const ok = r.status === 0 && existsSync(CLI);
  return { ok, note: `${why}: ran \`npm run build:cli\` first${ok ? '' : ' — and it FAILED'}.` };
}

interface CliResult {
  build: string;
  mbps: number;
  fileMbps: number;
  textBytes: number;
  fileBytes: number;
  lines: number;
  /** Best run. */
  seconds: number;
  /** MB/s of every run. */
  runs: number[];
  ok: boolean;
  note: string;
}

function runCli(file: string): Promise<{ seconds: number; code: number | null; outLines: number; stderr: string }> {
  const t0 = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let outLines = 0;
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) outLines++;
    });
    child.stderr.on('data', (b: Buffer) => {
      if (stderr.length < 2000) stderr += b.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ seconds: (performance.now() - t0) / 1000, code, outLines, stderr }));
  });
}

/** Writes a ~targetBytes JSONL file of `docs` (unique ids) to the temp dir and times `node dist/cli/scan.cjs FILE`, best of `runs`. */
async function timeCli(docs: string[], targetBytes: number, runs: number): Promise<CliResult> {
  const build = ensureCli();
  const failed = (note: string): CliResult => ({
    build: build.note,
    mbps: Number.NaN,
    fileMbps: Number.NaN,
    textBytes: 0,
    fileBytes: 0,
    lines: 0,
    seconds: 0,
    runs: [],
    ok: false,
    note,
  });
  if (!build.ok) return failed('CLI build failed, not run');
  if (docs.length === 0) return failed('no documents');
  const file = join(tmpdir(), `phi-bench-${process.pid}.jsonl`);
  const chunks: string[] = [];
  let fileBytes = 0;
  let textBytes = 0;
  let lines = 0;
  for (let rep = 0; fileBytes < targetBytes; rep++) {
    for (let i = 0; i < docs.length && fileBytes < targetBytes; i++) {
      const line = `${JSON.stringify({ id: `r${rep}-d${i}`, text: docs[i] })}\n`;
      chunks.push(line);
      fileBytes += Buffer.byteLength(line);
      textBytes += Buffer.byteLength(docs[i]!);
      lines++;
    }
  }
  writeFileSync(file, chunks.join(''));
  chunks.length = 0;
  try {
    let best = Number.POSITIVE_INFINITY;
    const all: number[] = [];
    for (let r = 0; r < runs; r++) {
      log(`speed: scan CLI run ${r + 1}/${runs} on ${(fileBytes / 1e6).toFixed(1)} MB`);
      const { seconds, code, outLines, stderr } = await runCli(file);
      if (code !== 0 || outLines !== lines) {
        return failed(`exit ${code}, ${outLines}/${lines} output lines${stderr ? `; stderr: ${stderr.trim().slice(0, 300)}` : ''}`);
      }
      all.push(textBytes / 1e6 / seconds);
      best = Math.min(best, seconds);
    }
    return {
      build: build.note,
      mbps: textBytes / 1e6 / best,
      fileMbps: fileBytes / 1e6 / best,
      textBytes,
      fileBytes,
      lines,
      seconds: best,
      runs: all,
      ok: true,
      note: '',
    };
  } finally {
    try {
      unlinkSync(file);
    } catch {
      /* already gone */
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Main

type Verdict = 'PASS' | 'FAIL' | 'SKIP';

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));

  if (opts.errors !== undefined) {
    // Tuning aid: PHI Guard only, tune or presidio only — the held-out split is not even loaded.
    const [corpus] = await loadCorpora(opts, [opts.errorCorpus]);
    const engine = await createEngine('phi-guard');
    const { predictions, seconds } = await predictAll(engine, corpus!.docs);
    printAccuracy(corpus!, [{ engine: engine.name, corpus: corpus!.name, evaluation: evaluate(corpus!.docs, predictions), predictions, seconds }]);
    printErrors(corpus!, predictions, opts.errors);
    return;
  }

  const started = performance.now();
  const engines: Engine[] = [];
  for (const name of opts.engines) {
    log(`loading ${name}`);
    engines.push(await createEngine(name));
  }
  const corpora = await loadCorpora(opts, ['heldout', 'tune', 'presidio']);
  const anyFake = corpora.some((c) => c.fake);

  out(`## PHI Guard benchmark${opts.quick ? ' (--quick)' : ''}`);
  out();
  out(`Node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model.trim() ?? '?'}), ${new Date().toISOString().slice(0, 10)}. Engines: ${engines.map((e) => e.name).join(', ')} (peers at default settings; openredaction also with its \`hipaa\` preset).`);
  out('Recall: a gold span counts when any prediction overlaps it; strict: every non-whitespace character is covered; type-aware: overlapped by a prediction of the same type.');
  out('Precision: predictions overlapping gold are TP, overlapping only neutral (non-PHI annotated) regions are ignored, the rest FP. F2 = 5PR/(4P+R).');
  out('Tickets without PHI flagged: of the documents with no PHI at all, the share where the engine reports anything (a staff signature counts: it would flag the ticket).');
  out();

  const accuracy = new Map<string, Map<string, AccuracyResult>>(); // corpus → engine → result
  for (const corpus of corpora) {
    const perEngine = new Map<string, AccuracyResult>();
    for (const engine of engines) {
      log(`accuracy: ${engine.name} on ${corpus.name} (${corpus.docs.length} docs)`);
      const { predictions, seconds } = await predictAll(engine, corpus.docs);
      perEngine.set(engine.name, { engine: engine.name, corpus: corpus.name, evaluation: evaluate(corpus.docs, predictions), predictions, seconds });
    }
    accuracy.set(corpus.name, perEngine);
    printAccuracy(corpus, [...perEngine.values()]);
  }
  for (const e of engines) {
    if (e.problems.count > 0) out(`note: ${e.name}: ${e.problems.count} span-recovery problems (e.g. ${e.problems.example})`);
  }

  // Speed
  const heldout = corpora.find((c) => c.name === 'held-out')?.docs ?? [];
  const presidio = corpora.find((c) => c.name === 'presidio')?.docs ?? [];
  const docs = speedDocs([heldout, presidio].map((pool) => pool.map((d) => d.text)), opts.quick ? 50 : 200);
  const setBytes = docs.reduce((s, d) => s + Buffer.byteLength(d), 0);
  const [rounds, minMs, maxMs, warmMs] = opts.quick ? [1, 300, 3000, 1000] : [3, 1000, 10000, 3000];
  const speed = new Map<string, SpeedResult>();
  for (const r of timeEngines(engines, docs, rounds, minMs, maxMs, warmMs)) speed.set(r.engine, r);
  let cli: CliResult | undefined;
  if (opts.cli && opts.engines.includes('phi-guard')) {
    const target = (opts.quick ? 10 : 50) * 1e6;
    cli = await timeCli(docs, target, opts.quick ? 1 : 2);
  }

  const mb = (v: number) => (Number.isNaN(v) ? '—' : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  out(
    `### Speed — ${docs.length} docs of 2–10 KB (${(setBytes / 1e6).toFixed(2)} MB UTF-8), single thread, in-process (one process per engine and round)` +
      (rounds > 1 ? `, best of ${rounds} interleaved rounds` : ''),
  );
  out();
  const speedRows = [...speed.values()].map((s) => [
    s.engine,
    mb(s.mbps),
    s.seconds.toFixed(2),
    s.capped ? `${(s.passes * 100).toFixed(0)}% of one pass (time cap)` : s.passes.toFixed(1),
    s.rounds.map(mb).join(', '),
  ]);
  if (cli) {
    speedRows.push([
      'phi-guard scan CLI (end to end)',
      mb(cli.mbps),
      cli.seconds.toFixed(2),
      `${cli.lines} lines, ${(cli.fileBytes / 1e6).toFixed(1)} MB JSONL (${mb(cli.fileMbps)} MB/s of file)${cli.ok ? '' : `; FAILED: ${cli.note}`}`,
      cli.runs.map(mb).join(', '),
    ]);
  }
  out(table(['engine', 'MB/s', 'seconds', 'passes', 'all rounds (MB/s)'], speedRows, ['l', 'r', 'r', 'l', 'l']));
  out();
  out('MB/s = UTF-8 bytes of document text / wall seconds. The CLI figure includes Node start-up, JSON parsing and output; it scans on worker threads.');
  if (cli?.build) out(`(${cli.build})`);
  out();

  // Ratios and targets
  const ours = speed.get('phi-guard');
  const redactPii = speed.get('redact-pii');
  const redactPiiNode = speed.get('@redactpii/node');
  const ratio = (a?: number, b?: number) => (a !== undefined && b !== undefined && b > 0 ? a / b : undefined);
  const x = (r?: number) => (r === undefined ? 'n/a' : `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}×`);
  const vsRedactPii = ratio(ours?.mbps, redactPii?.mbps);
  const inprocVsNode = ratio(ours?.mbps, redactPiiNode?.mbps);
  const cliVsNode = ratio(cli?.ok ? cli.mbps : undefined, redactPiiNode?.mbps);
  out(`Ratios: phi-guard / redact-pii = ${x(vsRedactPii)}; phi-guard / @redactpii/node = ${x(inprocVsNode)}; phi-guard CLI / @redactpii/node in-process = ${x(cliVsNode)}`);
  out();

  const targets: [string, Verdict, string][] = [];
  const ho = accuracy.get('held-out')?.get('phi-guard')?.evaluation;
  const fakeNote = anyFake ? ' (stand-in corpus)' : '';
  const target = (name: string, value: number | undefined, pass: (v: number) => boolean, shown: string) => {
    if (value === undefined || Number.isNaN(value) || anyFake) targets.push([name, 'SKIP', value === undefined ? 'not measured' : `${shown}${fakeNote}`]);
    else targets.push([name, pass(value) ? 'PASS' : 'FAIL', shown]);
  };
  target('held-out recall ≥ 0.97', ho?.recall, (v) => v >= 0.97, fmt(ho?.recall ?? Number.NaN));
  target('held-out strict recall ≥ 0.95', ho?.strictRecall, (v) => v >= 0.95, fmt(ho?.strictRecall ?? Number.NaN));
  target('held-out precision ≥ 0.90', ho?.precision, (v) => v >= 0.9, fmt(ho?.precision ?? Number.NaN));
  const pres = accuracy.get('presidio');
  const ourF2 = pres?.get('phi-guard')?.evaluation.f2;
  const peerF2 = [...(pres?.values() ?? [])].filter((r) => r.engine !== 'phi-guard');
  if (ourF2 === undefined || peerF2.length === 0 || anyFake) {
    targets.push(['presidio F2 > every peer', 'SKIP', peerF2.length === 0 ? 'no peers run' : `stand-in corpus`]);
  } else {
    const best = peerF2.reduce((a, b) => (b.evaluation.f2 > a.evaluation.f2 ? b : a));
    targets.push([
      'presidio F2 > every peer',
      peerF2.every((r) => ourF2 > r.evaluation.f2) ? 'PASS' : 'FAIL',
      `${fmt(ourF2)} vs best peer ${best.engine} ${fmt(best.evaluation.f2)}`,
    ]);
  }
  const ratioTarget = (name: string, r: number | undefined, min: number) =>
    targets.push([name, r === undefined ? 'SKIP' : r >= min ? 'PASS' : 'FAIL', r === undefined ? 'not measured' : x(r)]);
  ratioTarget('speed ≥ 10× redact-pii', vsRedactPii, 10);
  ratioTarget('phi-guard in-process ≥ @redactpii/node MB/s', inprocVsNode, 1);
  ratioTarget('phi-guard CLI ≥ @redactpii/node MB/s', cliVsNode, 1);

  if (opts.engines.includes('phi-guard')) {
    out('### Bad input: time per MB as bodies grow (linear growth = flat ms/MB)');
    out();
    out(scalingTable(scalingRows(opts.quick)));
    out();
  }

  out('### Targets');
  out();
  out(table(['target', 'result', 'value'], targets.map(([n, v, s]) => [n, v, s]), ['l', 'l', 'l']));
  out();
  out(`(${((performance.now() - started) / 1000).toFixed(0)} s)`);

  if (opts.strict && targets.some(([, v]) => v === 'FAIL')) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:phi: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 2;
});
