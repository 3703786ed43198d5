/**
 * Scan CLI — a stable contract other tools depend on:
 *   npm run -s scan -- FILE.jsonl      (or `-` for standard input)
 * Each input line is {"id": string, "text": string}; for each, in order, one output line
 * {"id": …, "findings": [{"type", "start", "end", "score"}]} and nothing else on stdout.
 * A line that is not such an object still yields one output line, with empty findings and an
 * "error" member, so output lines stay aligned with input lines; the problem is reported on
 * stderr (never with the line's text) and the exit code is 2. Blank lines are skipped.
 *
 * Large inputs are cut into batches of whole lines and scanned on worker threads (one per core,
 * at most 4); output is written in input order.
 */
import { createReadStream } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { detect } from '../phi/detect';

const BATCH_CHARS = 1 << 20;

interface BatchResult {
  seq: number;
  out: string;
  errors: string[];
  lines: number;
}

/** Scans a batch of whole lines (no trailing newline needed); line numbers start after `lineBase`. */
function scanBatch(batch: string, lineBase: number): Omit<BatchResult, 'seq'> {
  let out = '';
  const errors: string[] = [];
  let lineNo = lineBase;
  let from = 0;
  while (from <= batch.length) {
    let nl = batch.indexOf('\n', from);
    if (nl === -1) nl = batch.length;
    let line = batch.slice(from, nl);
    from = nl + 1;
    lineNo++;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim().length === 0) {
      if (from > batch.length) break;
      continue;
    }
    let id: unknown = null;
    let text: unknown;
    try {
      const rec = JSON.parse(line) as unknown;
      if (rec && typeof rec === 'object' && !Array.isArray(rec)) {
        id = (rec as { id?: unknown }).id ?? null;
        text = (rec as { text?: unknown }).text;
      }
    } catch {
      text = undefined;
    }
    if (typeof id !== 'string' || typeof text !== 'string') {
      const why = typeof id !== 'string' ? 'a string "id"' : 'a string "text"';
      errors.push(`scan: line ${lineNo}: expected a JSON object with ${why}`);
      const echoId = typeof id === 'string' || typeof id === 'number' ? id : null;
      out += JSON.stringify({ id: echoId, findings: [], error: `line ${lineNo}: expected {"id": string, "text": string}` }) + '\n';
      continue;
    }
    const findings = detect(text);
    let json = '{"id":' + JSON.stringify(id) + ',"findings":[';
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i]!;
      json += (i ? ',' : '') + '{"type":"' + f.type + '","start":' + f.start + ',"end":' + f.end + ',"score":' + f.score + '}';
    }
    out += json + ']}\n';
  }
  return { out, errors, lines: lineNo - lineBase };
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

async function write(chunk: string): Promise<void> {
  if (chunk.length === 0) return;
  if (!process.stdout.write(chunk)) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
}

async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file || argv.length > 1 || file === '-h' || file === '--help') {
    process.stderr.write('usage: npm run -s scan -- FILE.jsonl   (use - for standard input)\n');
    return file === '-h' || file === '--help' ? 0 : 64;
  }
  const input = file === '-' ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
  input.setEncoding('utf8');

  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  const threads = Math.max(1, Math.min(4, Number(process.env.PHI_SCAN_THREADS) || cores));
  const workers: Worker[] = [];
  const pending = new Map<number, BatchResult>();
  const waiters = new Map<number, () => void>();
  let nextToWrite = 0;
  let seq = 0;
  let bad = 0;
  let lineBase = 0;
  let failure: Error | undefined;

  const onResult = (r: BatchResult) => {
    pending.set(r.seq, r);
    waiters.get(r.seq)?.();
  };
  const drainInOrder = async (untilSeq: number) => {
    while (nextToWrite < untilSeq) {
      let r = pending.get(nextToWrite);
      if (!r) {
        await new Promise<void>((resolve) => waiters.set(nextToWrite, resolve));
        if (failure) throw failure;
        r = pending.get(nextToWrite)!;
      }
      pending.delete(nextToWrite);
      waiters.delete(nextToWrite);
      for (const e of r.errors) process.stderr.write(e + '\n');
      bad += r.errors.length;
      await write(r.out);
      nextToWrite++;
    }
  };
  const dispatch = async (batch: string) => {
    const lines = countLines(batch) + 1;
    const mySeq = seq++;
    if (workers.length === 0 && threads > 1 && mySeq > 0) {
      // a second batch means a large input: start the workers
      for (let i = 0; i < threads; i++) {
        const w = new Worker(__filename);
        w.on('message', onResult);
        w.on('error', (e) => {
          failure = e;
          for (const resolve of waiters.values()) resolve();
        });
        workers.push(w);
      }
    }
    if (workers.length === 0) {
      onResult({ seq: mySeq, ...scanBatch(batch, lineBase) });
    } else {
      workers[mySeq % workers.length]!.postMessage({ seq: mySeq, batch, lineBase });
    }
    lineBase += lines;
    // keep at most two batches per worker in flight
    await drainInOrder(Math.max(0, seq - Math.max(1, workers.length * 2)));
  };

  let buffer = '';
  try {
    for await (const chunk of input as AsyncIterable<string>) {
      buffer += chunk;
      if (buffer.length >= BATCH_CHARS) {
        const cut = buffer.lastIndexOf('\n');
        if (cut !== -1) {
          const batch = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 1);
          await dispatch(batch);
        }
      }
    }
  } catch (e) {
    if (failure) throw failure;
    process.stderr.write(`scan: cannot read ${file === '-' ? 'standard input' : file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    await drainInOrder(seq);
    return 66;
  }
  if (buffer.length > 0) await dispatch(buffer);
  await drainInOrder(seq);
  for (const w of workers) await w.terminate();
  return bad > 0 ? 2 : 0;
}

if (isMainThread) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`scan: ${(e as Error).message}\n`);
      process.exitCode = 70;
    },
  );
} else {
  parentPort!.on('message', (msg: { seq: number; batch: string; lineBase: number }) => {
    parentPort!.postMessage({ seq: msg.seq, ...scanBatch(msg.batch, msg.lineBase) });
  });
}
