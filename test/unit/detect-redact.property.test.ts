import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';
import { redactWith } from '../../src/phi/redact';
import { adfToScanText, redactAdfWith, type AdfDoc } from '../../src/phi/adf';

// Fragments of real ticket text: PHI in several shapes, and IT noise between them.
const PHI = [
  'Pt John Smith', 'SMITH, JOHN A', 'DOB 03/14/1962', 'MRN: 00482913', 'SSN 219-09-9991', 'ph (217) 555-0143',
  'fax 217-555-0199', 'maria.garcia62@gmail.com', '4312 Oak Ave, Springfield, IL 62704', 'Member ID: XJH123456789',
  'Medicare 1EG4-TE5-MK73', 'DEA AB1234563', 'VIN 1HGCM82633A004352', '92 y/o', 'pacemaker serial PM7734512',
  "patient's home IP 73.15.22.9", 'PID|1||E12305221^^^MGH^MR||CHADWICK^FIDEL||19690601|M',
];
const NOISE = [
  'Docker 20.10.7 failed on OPS-1234.', 'see KB5034441', 'server 10.20.1.15 is down', 'error 0x80070005',
  'the printer jams again', '2024-03-14T10:22:31.442Z ERROR pool exhausted', 'Thanks, Dana', '\n', ' 😀 ', '',
];
const ticket = fc
  .array(fc.oneof(fc.constantFrom(...PHI), fc.constantFrom(...NOISE), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(' '));

describe('detector + redaction, properties over generated tickets', () => {
  it('redacted text leaks no finding and scans clean; redacting it again changes nothing', () => {
    fc.assert(
      fc.property(ticket, (text) => {
        const findings = detect(text);
        const once = redactWith(text, detect);
        for (const f of findings) {
          const value = text.slice(f.start, f.end);
          if (value.replace(/\s/g, '').length >= 4 && !text.replace(value, '').includes(value)) {
            expect(once).not.toContain(value);
          }
        }
        expect(redactWith(once, detect)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it('findings stay in bounds and in order on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(ticket, fc.string({ unit: 'binary', maxLength: 300 })), (text) => {
        let prev = 0;
        for (const f of detect(text)) {
          expect(f.start).toBeGreaterThanOrEqual(prev);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.end).toBeGreaterThan(f.start);
          prev = f.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('ADF: PHI split across marks is redacted, the rest of the document is kept, and redaction is idempotent', () => {
    fc.assert(
      fc.property(ticket, fc.integer({ min: 1, max: 6 }), (text, cut) => {
        const at = Math.min(cut, text.length);
        const doc: AdfDoc = {
          type: 'doc',
          version: 1,
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: text.slice(0, at) || ' ', marks: [{ type: 'strong' }] }, { type: 'text', text: text.slice(at) || ' ' }] },
          ],
        };
        const once = redactAdfWith(doc, detect);
        const scanned = adfToScanText(once.doc).text;
        expect(detect(scanned).every((f) => /^\[PHI:/.test(scanned.slice(f.start, f.end)))).toBe(true);
        const twice = redactAdfWith(once.doc, detect);
        expect(twice.doc).toEqual(once.doc);
      }),
      { numRuns: 200 },
    );
  });
});
