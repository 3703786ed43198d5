/**
 * Scan CLI — a stable contract other tools depend on:
 *   npm run -s scan -- FILE.jsonl      (or `-` for standard input)
 * Each input line is {"id": string, "text": string}; for each, in order, one output line
 * {"id": …, "findings": [{"type", "start", "end", "score"}]} and nothing else on stdout.
 * A line that is not such an object still yields one output line, with empty findings and an
 * "error" member, so output lines stay aligned with input lines; the problem is reported on
 * stderr (never with the line's text) and the exit code is 2. Blank lines are skipped.
 */
import { createReadStream } from 'node:fs';
import { detect } from '../phi/detect';

const OUT_CHUNK = 1 << 20;

async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file || argv.length > 1 || file === '-h' || file === '--help') {
    process.stderr.write('usage: npm run -s scan -- FILE.jsonl   (use - for standard input)\n');
    return file === '-h' || file === '--help' ? 0 : 64;
  }
  const input = file === '-' ? process.stdin : createReadStream(file);
  input.setEncoding('utf8');
  let pending = '';
  let out = '';
  let lineNo = 0;
  let bad = 0;

  const flush = async (force: boolean) => {
    if (out.length === 0 || (!force && out.length < OUT_CHUNK)) return;
    const chunk = out;
    out = '';
    if (!process.stdout.write(chunk)) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
  };

  const handle = (line: string) => {
    lineNo++;
    if (line.trim().length === 0) return;
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
      bad++;
      const why = typeof id !== 'string' ? 'a string "id"' : 'a string "text"';
      process.stderr.write(`scan: line ${lineNo}: expected a JSON object with ${why}\n`);
      out += JSON.stringify({ id: typeof id === 'string' || typeof id === 'number' ? id : null, findings: [], error: `line ${lineNo}: expected {"id": string, "text": string}` }) + '\n';
      return;
    }
    const findings = detect(text);
    let json = '{"id":' + JSON.stringify(id) + ',"findings":[';
    for (let i = 0; i < findings.length; i++) {
      const f = findings[i]!;
      json += (i ? ',' : '') + '{"type":"' + f.type + '","start":' + f.start + ',"end":' + f.end + ',"score":' + f.score + '}';
    }
    out += json + ']}\n';
  };

  try {
    for await (const chunk of input as AsyncIterable<string>) {
      pending += chunk;
      let nl = pending.indexOf('\n');
      let from = 0;
      while (nl !== -1) {
        let line = pending.slice(from, nl);
        if (line.endsWith('\r')) line = line.slice(0, -1);
        handle(line);
        from = nl + 1;
        nl = pending.indexOf('\n', from);
      }
      pending = pending.slice(from);
      await flush(false);
    }
  } catch (e) {
    process.stderr.write(`scan: cannot read ${file === '-' ? 'standard input' : file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    await flush(true);
    return 66;
  }
  if (pending.length > 0) handle(pending.endsWith('\r') ? pending.slice(0, -1) : pending);
  await flush(true);
  return bad > 0 ? 2 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`scan: ${(e as Error).message}\n`);
    process.exitCode = 70;
  },
);
