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
 *
 * How the work is split: the main thread only reads bytes, cuts them into batches at newline
 * bytes (0x0A never occurs inside a multi-byte UTF-8 sequence, so no character is ever split and
 * each batch decodes on its own exactly as the whole stream would), hands each batch's memory
 * to a worker (transferred, not copied) and writes the UTF-8 bytes the worker sends back. Workers
 * decode, parse, scan and serialise. When the input is a regular file larger than one batch the
 * workers are started before reading, so their start-up overlaps it.
 */
import { createReadStream, statSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { detect } from '../phi/detect';

/** Bytes of input per batch (a batch is cut at the last newline once this many are buffered). */
const BATCH_BYTES = 1 << 20;
/** Batches a worker is given at a time (one being scanned, one ready for when it finishes). */
const PER_WORKER = 2;
/** Batches read ahead of the output per worker: enough to keep the queue full while an earlier batch is still being scanned. */
const AHEAD_PER_WORKER = 4;
const NL = 0x0a;
const CR = 0x0d;

/** A batch sent to a worker: whole lines of UTF-8 without the final newline. */
interface BatchJob {
  seq: number;
  bytes: Uint8Array;
  lineBase: number;
}

/** What scanning a batch gives: the UTF-8 output lines and the stderr messages, in order. */
interface BatchOutput {
  out: Uint8Array;
  errors: string[];
}

interface BatchResult extends BatchOutput {
  seq: number;
}

const utf8 = new TextEncoder();

/**
 * A growable UTF-8 byte buffer for the output lines: writing bytes directly avoids building a
 * batch-sized string of concatenated pieces (and the number-to-string conversions for offsets).
 */
class ByteOut {
  buf = new Uint8Array(1 << 16);
  len = 0;

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.buf.subarray(0, this.len));
    this.buf = grown;
  }

  /** Writes `s` as UTF-8; short ASCII strings (the usual case) are copied code by code. */
  text(s: string): void {
    this.room(s.length);
    const b = this.buf;
    let o = this.len;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.room(s.length * 3); // UTF-8 needs at most 3 bytes per UTF-16 code unit
        this.len += utf8.encodeInto(s, this.buf.subarray(this.len)).written;
        return;
      }
      b[o++] = c;
    }
    this.len = o;
  }

  /** Writes a number as String(n) would; non-negative small integers without making a string. */
  num(n: number): void {
    if (!(n >= 0 && n <= 0x7fffffff && (n | 0) === n)) {
      this.text(String(n));
      return;
    }
    let digits = 1;
    for (let p = 10; p <= n; p *= 10) digits++;
    this.room(digits);
    let o = this.len + digits;
    this.len = o;
    do {
      this.buf[--o] = 48 + (n % 10);
      n = (n / 10) | 0;
    } while (n > 0);
  }
}

/**
 * Scans a batch of whole lines (UTF-8 bytes, no trailing newline needed); line numbers start
 * after `lineBase`. Each line is decoded on its own: malformed UTF-8 becomes U+FFFD exactly as in
 * a decoder of the whole input, because a newline byte always ends a sequence. Decoding per line
 * keeps the strings small (short-lived, never a batch-sized string in the old generation).
 */
function scanBatch(bytes: Uint8Array, lineBase: number): BatchOutput {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new ByteOut();
  const errors: string[] = [];
  let lineNo = lineBase;
  let from = 0;
  while (from <= buf.length) {
    let nl = buf.indexOf(NL, from);
    if (nl === -1) nl = buf.length;
    // a line's last character is '\r' exactly when its last byte is 0x0D
    const end = nl > from && buf[nl - 1] === CR ? nl - 1 : nl;
    const line = buf.toString('utf8', from, end);
    from = nl + 1;
    lineNo++;
    if (line.trim().length === 0) {
      if (from > buf.length) break;
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
      out.text(JSON.stringify({ id: echoId, findings: [], error: `line ${lineNo}: expected {"id": string, "text": string}` }) + '\n');
      continue;
    }
    const findings = detect(text);
    // {"id":…,"findings":[{"type":"…","start":…,"end":…,"score":…},…]}
    out.text('{"id":');
    out.text(JSON.stringify(id));
    out.text(',"findings":[');
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i]!;
      out.text(i ? ',{"type":"' : '{"type":"');
      out.text(f.type);
      out.text('","start":');
      out.num(f.start);
      out.text(',"end":');
      out.num(f.end);
      out.text(',"score":');
      out.num(f.score);
      out.text('}');
    }
    out.text(']}\n');
  }
  // the view keeps its own ArrayBuffer, so a worker can transfer it
  return { out: out.buf.subarray(0, out.len), errors };
}

/** Number of newline bytes in `b`. */
function countLines(b: Uint8Array): number {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  let n = 0;
  for (let i = buf.indexOf(NL); i !== -1; i = buf.indexOf(NL, i + 1)) n++;
  return n;
}

async function write(chunk: Uint8Array): Promise<void> {
  if (chunk.length === 0) return;
  if (!process.stdout.write(chunk)) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
}

/**
 * Collects read chunks and cuts them into batches of whole lines. Each chunk is searched for its
 * last newline once, so a line of any length costs linear time.
 */
class LineBatcher {
  private parts: Uint8Array[] = [];
  private size = 0;
  /** Where the last newline seen so far is: index into `parts` and offset, or -1. */
  private nlPart = -1;
  private nlAt = 0;

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.parts.push(chunk);
    this.size += chunk.length;
    const at = chunk.lastIndexOf(NL);
    if (at !== -1) {
      this.nlPart = this.parts.length - 1;
      this.nlAt = at;
    }
  }

  /** Bytes before the last newline when at least `min` bytes are buffered (the newline itself is dropped); else undefined. */
  cut(min: number): Uint8Array | undefined {
    if (this.size < min || this.nlPart === -1) return undefined;
    let len = this.nlAt;
    for (let i = 0; i < this.nlPart; i++) len += this.parts[i]!.length;
    const batch = new Uint8Array(len); // its own ArrayBuffer, so it can be transferred
    let o = 0;
    for (let i = 0; i < this.nlPart; i++) {
      batch.set(this.parts[i]!, o);
      o += this.parts[i]!.length;
    }
    const last = this.parts[this.nlPart]!;
    batch.set(last.subarray(0, this.nlAt), o);
    // the cut is at the last newline, so what is left holds none
    this.parts = [last.subarray(this.nlAt + 1), ...this.parts.slice(this.nlPart + 1)].filter((p) => p.length > 0);
    this.size -= len + 1;
    this.nlPart = -1;
    return batch;
  }

  /** Whatever is left (a last line without a newline, or several short lines); empty when nothing is. */
  rest(): Uint8Array {
    const batch = new Uint8Array(this.size);
    let o = 0;
    for (const p of this.parts) {
      batch.set(p, o);
      o += p.length;
    }
    this.parts = [];
    this.size = 0;
    this.nlPart = -1;
    return batch;
  }
}

async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file || argv.length > 1 || file === '-h' || file === '--help') {
    process.stderr.write('usage: npm run -s scan -- FILE.jsonl   (use - for standard input)\n');
    return file === '-h' || file === '--help' ? 0 : 64;
  }
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : cpus().length;
  const threads = Math.max(1, Math.min(4, Number(process.env.PHI_SCAN_THREADS) || cores));
  // A regular file larger than one batch will use the workers: start them before reading.
  let large = false;
  if (file !== '-' && threads > 1) {
    try {
      const st = statSync(file);
      large = st.isFile() && st.size > BATCH_BYTES;
    } catch {
      // the read below reports the problem
    }
  }
  const input = file === '-' ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 });

  const workers: Worker[] = [];
  const pending = new Map<number, BatchResult>();
  const waiters = new Map<number, () => void>();
  let nextToWrite = 0;
  let seq = 0;
  let bad = 0;
  let lineBase = 0;
  let failure: Error | undefined;
  /** Set once the workers are being stopped on purpose: an exit then is no failure. */
  let stopping = false;
  // a worker that failed or stopped wakes every wait, which then throws the failure
  const fail = (e: Error) => {
    failure ??= e;
    for (const resolve of waiters.values()) resolve();
  };

  const onResult = (r: BatchResult) => {
    pending.set(r.seq, r);
    waiters.get(r.seq)?.();
  };
  // Batches cut but not yet sent, and how many each worker has been sent and not returned. Each
  // worker gets at most PER_WORKER at a time, and the next batch goes to whichever is free first,
  // so a worker that is slower (still warming up, or sharing its core) gets fewer batches.
  const queue: BatchJob[] = [];
  const busy: number[] = [];
  const pump = () => {
    while (queue.length > 0) {
      let free = -1;
      for (let i = 0; i < workers.length; i++) if (busy[i]! < PER_WORKER && (free === -1 || busy[i]! < busy[free]!)) free = i;
      if (free === -1) return;
      const job = queue.shift()!;
      busy[free]!++;
      workers[free]!.postMessage(job, [job.bytes.buffer as ArrayBuffer]);
    }
  };
  const startWorkers = () => {
    for (let i = 0; i < threads; i++) {
      const w = new Worker(__filename);
      busy.push(0);
      w.on('message', (r: BatchResult) => {
        busy[i]!--;
        pump();
        onResult(r);
      });
      w.on('error', fail);
      w.on('exit', (code) => {
        if (!stopping) fail(new Error(`a scan worker stopped unexpectedly (exit code ${code})`));
      });
      workers.push(w);
    }
  };
  if (large) startWorkers();

  const drainInOrder = async (untilSeq: number) => {
    while (nextToWrite < untilSeq) {
      if (failure) throw failure;
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
  const send = (bytes: Uint8Array) => {
    const lines = countLines(bytes) + 1;
    const mySeq = seq++;
    if (workers.length === 0) {
      onResult({ seq: mySeq, ...scanBatch(bytes, lineBase) });
    } else {
      queue.push({ seq: mySeq, bytes, lineBase });
      pump();
    }
    lineBase += lines;
  };
  // Without a size known up front, the first batch waits: if a second one follows, the input is
  // large and both go to the workers; if not, it is scanned here without starting any.
  let held: Uint8Array | undefined;
  const dispatch = async (bytes: Uint8Array) => {
    if (workers.length === 0 && threads > 1) {
      if (!held) {
        held = bytes;
        return;
      }
      startWorkers();
      send(held);
      held = undefined;
    }
    send(bytes);
    // bound the batches read but not yet written (queued, being scanned, or waiting for an earlier one)
    await drainInOrder(Math.max(0, seq - Math.max(1, workers.length * AHEAD_PER_WORKER)));
  };
  const flushHeld = () => {
    if (held) send(held);
    held = undefined;
  };

  const batcher = new LineBatcher();
  try {
    try {
      for await (const chunk of input as AsyncIterable<Buffer>) {
        batcher.push(chunk);
        const batch = batcher.cut(BATCH_BYTES);
        if (batch) await dispatch(batch);
      }
    } catch (e) {
      if (failure) throw failure;
      process.stderr.write(`scan: cannot read ${file === '-' ? 'standard input' : file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      flushHeld();
      await drainInOrder(seq);
      return 66;
    }
    const last = batcher.rest();
    if (last.length > 0) await dispatch(last);
    flushHeld();
    await drainInOrder(seq);
    return bad > 0 ? 2 : 0;
  } finally {
    // on success and on failure alike: running workers would keep the process alive
    stopping = true;
    await Promise.all(workers.map((w) => w.terminate()));
  }
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
  parentPort!.on('message', (job: BatchJob) => {
    const r: BatchResult = { seq: job.seq, ...scanBatch(job.bytes, job.lineBase) };
    parentPort!.postMessage(r, [r.out.buffer as ArrayBuffer]);
  });
}
