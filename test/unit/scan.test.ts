/**
 * The scan's table of capitalised spellings: a spelling met again must get the facts its entry was
 * made with, whichever way the table compares it (packed codes for up to 8 codes below 256, the
 * stored codes otherwise) and in whatever order spellings arrive.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fact, Scan, registerWords } from '../../src/phi/context';
import { createDetector } from '../../src/phi/detect';

const SPELLINGS = [
  // 1 and 2 codes (a table of their own), 3 to 8 codes below 256 (packed), 9 and more (stored codes)
  'A', 'Al', 'Ann', 'Anna', 'Smith', 'SMITH', 'Smiths', 'Patient', 'PATIENT', 'Martinez', 'Martinezz', 'Washington',
  // Latin-1 (packed), Greek and Cyrillic (stored codes), inner ' ’ . -
  'José', 'Éloïse', 'Zoë', 'Αθηνά', 'Иван', 'Ольга', "O'Brien", 'O’Brien', 'J.R', 'Mary-Ann', 'Jean-Baptiste',
  // codes that differ in one place only
  'Abcdefgh', 'Bbcdefgh', 'Abcdefgi', 'Abcdefg', 'Bcdefgh', 'Xartinez', 'Martinex', 'Jackson', 'Xackson', 'JACKSON',
];

/** Per word of `text`: its spelling's facts (without the per-word JoinedNext bit), by spelling. */
function factsOf(text: string): Map<string, number> {
  const scan = new Scan(text);
  const out = new Map<string, number>();
  for (let i = 0; i < scan.wordCount; i++) out.set(scan.raw(i), scan.facts[i]! & ~Fact.JoinedNext);
  return out;
}

describe('Scan: capitalised spellings', () => {
  it('gives a spelling met again the facts it was first given, whatever came between', () => {
    createDetector(); // the rules register their facts
    // each spelling alone in a fresh table (registering words makes the next scan start afresh)
    const fresh = new Map<string, number>();
    for (const w of SPELLINGS) {
      registerWords([]);
      const f = factsOf(w);
      expect(f.size).toBe(1);
      fresh.set(w, f.get(w)!);
    }
    registerWords([]);
    for (let round = 0; round < 3; round++) {
      const order = round === 1 ? [...SPELLINGS].reverse() : SPELLINGS;
      const f = factsOf(order.join(' , '));
      for (const w of SPELLINGS) expect([w, f.get(w)]).toEqual([w, fresh.get(w)]);
    }
    // the facts tell the test's spellings apart (else a wrong entry could go unnoticed)
    expect(fresh.get('Smith')).not.toBe(fresh.get('SMITH'));
    expect(fresh.get('Martinez')).not.toBe(fresh.get('Xartinez'));
    expect(fresh.get('Martinez')).not.toBe(fresh.get('Martinex'));
    expect(fresh.get('Jackson')).not.toBe(fresh.get('Xackson'));
  });
});

describe('Scan: line breaks', () => {
  it('lists every "\\n", whatever the words around it (known phrases, digits, capitalised words, masks)', () => {
    createDetector();
    const pieces = ['member\nid', 'date of\nbirth', 'Smith\n', '\n123\n4', 'pt\n', 'O\u2019Brien\n', '[PHI:NAME]\n', ':\n@\n', ' \n\n', 'x-\nray', 'D.O.B\n.', 'é\n', '\r\n'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const expected: number[] = [];
        for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) expected.push(k);
        expect(new Scan(text).newlines).toEqual(expected);
      }),
      { numRuns: 2000, seed: 20261123 },
    );
  });
});
