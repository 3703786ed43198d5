import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli', 'scan.cjs');

function run(args: string[], input?: string | Buffer, env?: Record<string, string>) {
  const r = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * What the CLI must print for `input`, computed here from the contract: decode the whole input,
 * split at newlines, drop one trailing '\r', skip blank lines, report bad lines by number.
 */
function expected(input: Buffer): { stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  input
    .toString('utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.trim().length === 0) return;
      let rec: { id?: unknown; text?: unknown } | undefined;
      try {
        rec = JSON.parse(line) as { id?: unknown; text?: unknown };
      } catch {
        rec = undefined;
      }
      if (typeof rec?.id !== 'string' || typeof rec.text !== 'string') {
        stderr += `scan: line ${i + 1}: expected a JSON object with a string "${typeof rec?.id !== 'string' ? 'id' : 'text'}"\n`;
        const echo = typeof rec?.id === 'string' || typeof rec?.id === 'number' ? rec.id : null;
        stdout += JSON.stringify({ id: echo, findings: [], error: `line ${i + 1}: expected {"id": string, "text": string}` }) + '\n';
        return;
      }
      const findings = detect(rec.text).map(({ type, start, end, score }) => ({ type, start, end, score }));
      stdout += JSON.stringify({ id: rec.id, findings }) + '\n';
    });
  return { stdout, stderr };
}

beforeAll(() => {
  // `npm install` builds it (prepare); build here too so the test never runs a stale bundle
  execFileSync('npm', ['run', '-s', 'build:cli'], { cwd: root, stdio: 'inherit' });
  expect(existsSync(cli)).toBe(true);
});

describe('scan CLI contract', () => {
  it('prints one {id, findings[type,start,end,score]} line per input line, in order, and nothing else', () => {
    const recs = [
      { id: 'a', text: 'Pt John Smith DOB 03/14/1962 MRN 00482913' },
      { id: 'b', text: 'Docker 20.10.7 failed on OPS-1234' },
      { id: 'c', text: 'SSN 219-09-9991' },
    ];
    const r = run(['-'], recs.map((x) => JSON.stringify(x)).join('\n') + '\n');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', 'c']);
    for (const [i, l] of lines.entries()) {
      expect(Object.keys(l)).toEqual(['id', 'findings']);
      const expected = detect(recs[i]!.text).map(({ type, start, end, score }) => ({ type, start, end, score }));
      expect(l.findings).toEqual(expected);
      for (const f of l.findings) expect(Object.keys(f)).toEqual(['type', 'start', 'end', 'score']);
    }
    expect(lines[1].findings).toEqual([]);
    expect(lines[2].findings[0]).toMatchObject({ type: 'SSN', start: 4, end: 15 });
  });

  it('reads a file argument the same as standard input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'phi-scan-'));
    const file = join(dir, 'in.jsonl');
    const body = '{"id":"x","text":"fax 217-555-0199 for the patient"}\r\n{"id":"y","text":""}';
    writeFileSync(file, body);
    expect(run([file]).stdout).toBe(run(['-'], body).stdout);
    expect(run([file]).stdout.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('keeps output aligned on bad lines, reports them on stderr without their text, exits 2', () => {
    const r = run(['-'], '{"id":"ok","text":"nothing"}\nnot json SSN 219-09-9991\n{"id":5,"text":"x"}\n{"id":"t"}\n\n');
    expect(r.code).toBe(2);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({ id: 'ok', findings: [] });
    expect(lines[1].findings).toEqual([]);
    expect(lines[1].error).toMatch(/line 2/);
    expect(r.stderr).toMatch(/line 2/);
    expect(r.stderr).not.toContain('219-09-9991');
  });

  it('fails clearly on a missing file and on bad usage', () => {
    const missing = run(['/nonexistent/file.jsonl']);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toMatch(/ENOENT/);
    expect(run([]).code).toBe(64);
  });

  it('exits 70 with a message, instead of hanging, when a worker thread fails mid-scan', () => {
    // a preload that makes scanning throw inside worker threads on the line that holds CRASH
    const dir = mkdtempSync(join(tmpdir(), 'phi-cli-crash-'));
    const preload = join(dir, 'crash.cjs');
    writeFileSync(
      preload,
      "const { isMainThread } = require('node:worker_threads');\n" +
        'if (!isMainThread) {\n' +
        '  const trim = String.prototype.trim;\n' +
        "  String.prototype.trim = function () { if (this.includes('CRASH')) throw new Error('worker failed on purpose'); return trim.call(this); };\n" +
        '}\n',
    );
    const lines: string[] = [];
    for (let i = 0, size = 0; size < 3_000_000; i++) {
      const line = JSON.stringify({ id: `t${i}`, text: `Ticket ${i}: the printer on floor ${i % 9} jams again. `.repeat(20) });
      lines.push(line);
      size += line.length + 1;
    }
    lines[Math.floor(lines.length / 2)] = JSON.stringify({ id: 'crash', text: 'CRASH' });
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const r = spawnSync(process.execPath, ['--require', preload, cli, file], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      timeout: 60_000,
      env: { ...process.env, PHI_SCAN_THREADS: '2' },
    });
    expect(r.signal).toBeNull(); // not killed by the timeout
    expect(r.status).toBe(70);
    expect(r.stderr).toMatch(/^scan: worker failed on purpose$/m);
  }, 90_000);

  it('keeps input order on a multi-megabyte input scanned by worker threads', () => {
    const recs: string[] = [];
    let size = 0;
    for (let i = 0; size < 4_500_000; i++) {
      const text = `Ticket ${i}: pt John Smith DOB 03/14/1962 called; printer on floor ${i % 9} jams. `.repeat(1 + (i % 7));
      const line = JSON.stringify({ id: `t${i}`, text });
      recs.push(line);
      size += line.length + 1;
    }
    const r = run(['-'], recs.join('\n') + '\n');
    expect(r.code).toBe(0);
    const ids = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).id);
    expect(ids).toEqual(recs.map((_, i) => `t${i}`));
  });

  it('gives the same bytes as the contract on a multi-batch input with characters split across read chunks, a line longer than a batch, CRLF, bad UTF-8 and bad lines', () => {
    const sample = 'Pt John Smith DOB 03/14/1962 MRN 00482913 SSN 219-09-9991 call 217-555-0199; ';
    const parts: Buffer[] = [];
    let size = 0;
    const add = (b: Buffer | string) => {
      const buf = typeof b === 'string' ? Buffer.from(b) : b;
      // put a 4-byte character across each MiB boundary (file read chunks and stdin pipe chunks end there)
      const mib = (Math.floor(size / (1 << 20)) + 1) * (1 << 20);
      if (mib - size >= 100 && size + buf.length + 100 > mib) {
        const head = `{"id":"edge${size}","text":"`;
        const edge = Buffer.from(head + 'x'.repeat(mib - size - head.length - 2) + '😀 ' + sample + '"}\n');
        parts.push(edge);
        size += edge.length;
      }
      parts.push(buf);
      size += buf.length;
    };
    for (let i = 0; size < 3_300_000; i++) {
      if (i === 40) add(JSON.stringify({ id: 'long', text: ('漢字 é ' + sample).repeat(16_000) }) + '\n'); // > 1 MiB
      if (i % 53 === 7) add('not json ' + sample + '\n');
      if (i % 59 === 3) add('{"id":7,"text":"x"}\r\n\n  \n');
      if (i % 61 === 5) add(Buffer.concat([Buffer.from('{"id":"u' + i + '","text":"a'), Buffer.from([0xf0, 0x9f, 0x98]), Buffer.from(' \\ud800 219-09-9991"}\r\n')]));
      if (i % 67 === 9) add(Buffer.concat([Buffer.from('{"id":"t' + i + '","text":"b'), Buffer.from([0xe2, 0x82]), Buffer.from('\n')]));
      add(JSON.stringify({ id: `r${i}`, text: ('é漢字😀 ' + sample).repeat(1 + (i % 11)) }) + (i % 3 ? '\n' : '\r\n'));
    }
    add(JSON.stringify({ id: 'last', text: sample })); // no final newline
    const input = Buffer.concat(parts);
    let split = 0;
    for (let at = 1 << 20; at < input.length; at += 1 << 20) if ((input[at]! & 0xc0) === 0x80) split++; // mid-character
    expect(split).toBeGreaterThanOrEqual(2);
    const want = expected(input);
    const dir = mkdtempSync(join(tmpdir(), 'phi-scan-'));
    const file = join(dir, 'big.jsonl');
    writeFileSync(file, input);
    for (const [args, stdin, env] of [
      [[file], undefined, { PHI_SCAN_THREADS: '2' }],
      [['-'], input, { PHI_SCAN_THREADS: '2' }],
      [[file], undefined, { PHI_SCAN_THREADS: '1' }],
    ] as const) {
      const r = run([...args], stdin, env);
      expect(r.code).toBe(2);
      expect(r.stdout === want.stdout).toBe(true); // not toBe: a diff would print the texts
      expect(r.stderr === want.stderr).toBe(true);
    }
  });
});
