/**
 * The twelfth session's review of the workforce directory: 125 tickets (test/corpus/review/
 * session12-directory.json, written by a helper session) where a directory person is the patient
 * — an employee-patient, or a staff member's relative — in the ways desk tickets say it (a role
 * between the name and the care words, "her MyChart", a list under a patients' header, a chat
 * speaker about their own results, "Just registered Kim Ross", "BELL, MARCUS - employee - self-pay
 * statement"), with controls where staff act as staff. Every value the detector finds without the
 * directory must be found with it, but for the losses listed in KNOWN_LOSSES (the review's residue,
 * named so that a change which loses more, or wins one back, shows here). A second, blind review
 * follows (BLIND_LOSSES).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../src/phi/detect';
import type { Finding } from '../../src/phi/types';

interface Ticket {
  text: string;
  directory: string[];
  /** [TYPE, value] or [TYPE, value, n]: the n-th (0-based) occurrence. */
  keep: Array<[string, string, number?]>;
}
const TICKETS = JSON.parse(readFileSync(join(__dirname, '../corpus/review/session12-directory.json'), 'utf8')) as Ticket[];

/**
 * Still lost with the directory on (the review's residue, named so that a change which loses more,
 * or wins one back, shows here): a care word two sentences on ("Maria Lopez from 4W called the
 * desk. Maria's labs …"), a namesake patient ("two 'Kevin Park' rows"), care named after a role
 * aside and a dash, "one of our own pharmacists, Brian Kowalski" far from the patient word.
 */
const KNOWN_LOSSES = ['9 NAME Maria Lopez', '9 NAME Maria', '77 NAME Lakshmi Rao', '101 NAME Brian Kowalski', '106 NAME Kevin Park'];
/**
 * The second review, written blind (the helper saw no code) after the first review's fixes: 137
 * tickets (test/corpus/review/session12-directory-blind.json), 117 with a directory person as the
 * patient or a relative, 20 controls. Measured once, it lost 30 of the 263 values found without a
 * directory (10 tickets left with no finding); the paragraph reading (StaffCheck.personalCareNear)
 * brought that to these 3: a census row whose only care words are shorthand ("appy POD1"), and a
 * reminder call list's name and phone.
 */
const BLIND_LOSSES = ['17 NAME Brennan, Patrick', '114 NAME Ellen Fitzgerald', '114 PHONE 614-555-0171'];
/**
 * The third review, blind too, on the code after the paragraph reading: 120 tickets
 * (…/session12-directory-blind2.json), 100 with a directory person as the patient or a relative,
 * 20 controls. Measured once, it lost 13 of the 254 values found without a directory (8 tickets;
 * occupational health, leave and benefits in workplace words: "TB exposure list", "tested positive
 * 1/3", "FMLA form … his bypass", "domestic partner coverage"); the employee-health words of
 * PERSONAL_CARE brought that to these 2: an ED board row marked EMP under a "PT" column.
 */
const BLIND2_LOSSES = ['31 NAME Reyes, Daniel', '31 NAME Daniel Reyes'];

const covers = (fs: Finding[], s: number, e: number) => fs.some((f) => f.start <= s && f.end >= e);
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
/** Every place the value stands as a whole (not inside a longer word). */
function places(text: string, value: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1)) {
    if (isWordChar(value[0]) && isWordChar(text[i - 1])) continue;
    if (isWordChar(value[value.length - 1]) && isWordChar(text[i + value.length])) continue;
    out.push(i);
  }
  return out;
}

/** The n-th (0-based) place of the value in the text, or -1. */
function nthPlace(text: string, value: string, nth: number): number {
  let s = text.indexOf(value);
  for (let k = 0; k < nth && s >= 0; k++) s = text.indexOf(value, s + 1);
  return s;
}

/**
 * Each review ticket run without and with its directory: the values the detector finds without it
 * (every one of the value's places covered, as `placesOf` gives them) and, of those, the ones the
 * directory loses ("ticket TYPE value").
 */
function measure(
  tickets: ReadonlyArray<{ text: string; directory: string[]; keep: ReadonlyArray<readonly [string, string, number?]> }>,
  placesOf: (text: string, value: string, nth: number | undefined) => number[],
): { found: number; lost: string[] } {
  const plain = createDetector();
  const lost: string[] = [];
  let found = 0;
  tickets.forEach((t, i) => {
    const a = plain.detect(t.text);
    const b = createDetector({ workforceNames: t.directory }).detect(t.text);
    for (const [type, value, nth] of t.keep) {
      const at = placesOf(t.text, value, nth);
      expect(at.length > 0 && at.every((s) => s >= 0), `${i}: ${value}`).toBe(true);
      if (!at.every((s) => covers(a, s, s + value.length))) continue;
      found++;
      if (!at.every((s) => covers(b, s, s + value.length))) lost.push(`${i} ${type} ${value}`);
    }
  });
  return { found, lost };
}

describe('employee-patients with the workforce directory on', () => {
  it('keeps every value the detector finds without it, but for the known losses (first review)', () => {
    expect(TICKETS.length).toBe(125);
    // (a value's first place, or the n-th its label names)
    // (201 until session 20 read the spaced census rows whose name fills its column: ticket 34's LOPEZ, MARIA and its dates;
    // 205 until session 21 read the values listed after a plural label: "got two MRNs: 00612233 and 00612234", and found
    // "Tanya Lewis from Patient Access had her gallbladder out" once a department after a name was read as a titled
    // colleague's place, which her own care words in the sentence veto)
    expect(measure(TICKETS, (text, value, nth) => [nthPlace(text, value, nth ?? 0)])).toEqual({ found: 208, lost: KNOWN_LOSSES });
  });

  it.each([
    // (304 until session 16 found "Samuel's 4120781" after "Kevin's MRN 4120776" as a record number of its
    // kind, and "his employee ID as the MRN (E10442)" as a value in brackets after its label; 308 since
    // session 17 read Epic Clarity's "PAT_ID    PAT_NAME    BIRTH_DATE" columns: both rows' IDs)
    ['session12-directory-blind.json', 137, 308, BLIND_LOSSES],
    // (254 at its measure; the detector now also finds 'Patient MRN (if applicable): 3392018' without a
    // directory, and since session 14 one more value: kept with the directory too)
    ['session12-directory-blind2.json', 120, 256, BLIND2_LOSSES],
  ] as const)('keeps every value the detector finds without it, in every place, but for the known losses (blind review %s)', (file, tickets, values, losses) => {
    const blind = JSON.parse(readFileSync(join(__dirname, '../corpus/review', file), 'utf8')) as Array<{ text: string; directory: string[]; keep: Array<[string, string]> }>;
    expect(blind.length).toBe(tickets);
    expect(measure(blind, (text, value) => places(text, value))).toEqual({ found: values, lost: [...losses] });
  });
});

describe('what the directory takes away', () => {
  it("is staff names and their contacts only: on every hand-written set with a directory, every other finding stays", async () => {
    const { loadSet } = await import('../../bench/independent');
    const { compileDirectory } = await import('../../src/phi/directory');
    const plain = createDetector();
    const others: string[] = [];
    let checked = 0;
    for (let n = 1; n <= 17; n++) {
      const set = loadSet(n);
      if (!set?.directory) continue;
      const withDir = createDetector({ workforceNames: set.directory });
      const dir = compileDirectory(set.directory);
      for (const doc of [...set.clean, ...set.phi]) {
        const b = withDir.detect(doc.text);
        for (const f of plain.detect(doc.text)) {
          if (f.type === 'NAME' || f.type === 'PHONE' || f.type === 'FAX' || f.type === 'EMAIL') continue;
          // (a staff name another rule misread: "Ticket from Latoya Simmons, MA" as a city)
          if (dir.personOf(doc.text.slice(f.start, f.end)) !== undefined) continue;
          checked++;
          if (!covers(b, f.start, f.end)) others.push(`${doc.id} ${f.type}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(3000);
    expect(others).toEqual([]);
  });
});
