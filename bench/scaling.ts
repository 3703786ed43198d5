/**
 * Bad-input scaling: how detection time grows with body size and with the number of findings,
 * on 1 MB-class bodies, binary garbage and finding-dense documents. Prints time per MB at each
 * size; linear growth shows as a flat ms/MB column.
 */
import { detect } from '../src/phi/detect';

interface Row {
  input: string;
  size: number;
  findings: number;
  ms: number;
}

function time(fn: () => number): { ms: number; findings: number } {
  fn(); // warm-up
  const runs: number[] = [];
  let findings = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    findings = fn();
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return { ms: runs[1]!, findings };
}

const PROSE = 'The printer on floor 3 jams again after the driver update; user Dana rebooted it twice. ';
const DENSE = 'Pt John Smith DOB 03/14/1962 MRN 00482913 SSN 219-09-9991 ph (217) 555-0143. ';
/** A comment thread of staff: attribution lines, sign-offs, signatures and e-mail headers (the workforce check's work). */
const THREAD =
  '\n---\nComment from Brian Jacobson (2024-06-14 07:00):\nRebooted the print server, still jams.\n\nThanks,\nBrian\n\n-- \nBrian Jacobson\nDesktop Support | x4411\n' +
  'From: Mike Deller <mike.deller@riversidehealth.org>\nTo: Service Desk <servicedesk@riversidehealth.org>\nSubject: Printer\n\nOwner Jany Wolff.\nHi Sabrina,\nsee above.\n';

/** One line with no break: site addresses, colleagues and providers (the searches bounded to a line or paragraph). */
const ONE_LINE = 'Reception at the clinic (1200 Oak Street) is down; Dr. Lee and his manager, Angela Diaz, x4411, report it. - ';

function garbage(size: number): string {
  let s = '';
  let x = 2463534242;
  const parts: string[] = [];
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    parts.push(String.fromCharCode((x >>> 0) % 0x3000));
    if (parts.length === 4096) {
      s += parts.join('');
      parts.length = 0;
    }
  }
  return s + parts.join('');
}

export function scalingRows(quick = false): Row[] {
  const rows: Row[] = [];
  const sizes = quick ? [64_000, 256_000, 1_000_000] : [64_000, 256_000, 1_000_000, 4_000_000];
  for (const [name, make] of [
    ['IT prose', (n: number) => PROSE.repeat(Math.ceil(n / PROSE.length)).slice(0, n)],
    ['PHI-dense', (n: number) => DENSE.repeat(Math.ceil(n / DENSE.length)).slice(0, n)],
    ['staff thread', (n: number) => THREAD.repeat(Math.ceil(n / THREAD.length)).slice(0, n)],
    ['one long line', (n: number) => ONE_LINE.repeat(Math.ceil(n / ONE_LINE.length)).slice(0, n)],
    ['binary garbage', garbage],
  ] as const) {
    for (const size of sizes) {
      const text = make(size);
      const r = time(() => detect(text).length);
      rows.push({ input: name, size, findings: r.findings, ms: r.ms });
    }
  }
  return rows;
}

export function scalingTable(rows: Row[]): string {
  const out = ['| input | size | findings | ms | ms per MB |', '|---|---:|---:|---:|---:|'];
  for (const r of rows) {
    out.push(`| ${r.input} | ${(r.size / 1e6).toFixed(3)} MB | ${r.findings} | ${r.ms.toFixed(1)} | ${(r.ms / (r.size / 1e6)).toFixed(1)} |`);
  }
  return out.join('\n');
}

