import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist', 'cli', 'scan.cjs');

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
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
});
