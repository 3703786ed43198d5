/**
 * The gates of src/phi/workforce.ts and src/phi/context.ts against the regexes (or searches) they
 * stand before, on seeded fuzzed text built from pieces of the patterns, in the style of
 * phi-pattern-gates.test.ts (which guards those of patterns.ts). A gate is a necessary condition: it
 * must never say no where its regex matches; a lookup or list that stands for an older one (a trie
 * for a set, the scan's table lines for a search) must give its answer exactly.
 *
 * Each `it` runs cases of random pieces, then cases biased toward the regex's matches: phrases made
 * of the same pieces, one for each alternative of the regex, a piece in eight swapped for a random
 * one, with random pieces around. It counts the regex's matches, in all and for each phrase, and
 * asserts a floor on each, so that no check can pass for want of matches.
 *
 * One limit that predates these gates is kept as known and asserted to be only what it is (see
 * `known`): the last three words before a name miss a job or grant phrase whose
 * words after "of" (or whose name before "&") hold four letter runs or more ("Director of R&D Ops, ",
 * "add O'Neil-Smith & ").
 *
 * PHI_GATE_FUZZ_SCALE=20 (say) runs twenty times as many cases; PHI_GATE_FUZZ_REPORT=1 prints each
 * check's count of regex matches.
 */
import { describe, expect, it } from 'vitest';
import { lineIndexOf } from '../../src/phi/chars';
import { CUE_MAP, Scan } from '../../src/phi/context';
import '../../src/phi/detect'; // (registers every known word, so a Scan here is the detector's)
import { Workforce, __testing as W } from '../../src/phi/workforce';
import { type Rnd, seeded, cases, type Phrases, Tally, compose, pickPhrase, pickAny, randomText, anyCase, assertPieces, verdict, show } from '../support/gate-fuzz';

/** The offsets of every '\n' in text. */
function newlinesOf(text: string): number[] {
  const out: number[] = [];
  for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) out.push(k);
  return out;
}
/** Where line i starts. */
const lineStart = (newlines: readonly number[], i: number) => (i === 0 ? 0 : newlines[i - 1]! + 1);

/** A Workforce's private methods the gates sit in (called as the class calls them). */
interface Inside {
  firstCode(i: number): number;
  labelCode(i: number): number;
  taskRoleBefore(start: number, ls: number): boolean;
  opensSentence(w: number, ls: number): boolean;
  spacesBefore(k: number, ls: number): number;
  nextCodeBefore(p: number, ls: number): number;
  doctorBefore(start: number, ls: number): boolean;
  mayName(): boolean;
  patientWriting(i: number): boolean;
  patientSpeaking(i: number): boolean;
}
function workforce(text: string): Inside {
  return new Workforce(text, () => false, newlinesOf(text)) as unknown as Inside;
}
/** The line `line` as line 0, 1 or 2 of a text (lines around it, '\n' or '\r\n' breaks): the text and the line's index and start. */
function inText(r: Rnd, line: string, around: readonly string[]): { text: string; i: number; ls: number } {
  const br = () => (r(3) === 0 ? '\r\n' : '\n');
  const i = r(3);
  let text = '';
  for (let j = 0; j < i; j++) text += randomText(r, around, 3) + br();
  const ls = text.length;
  text += line;
  if (r(2) === 0) text += br() + randomText(r, around, 3);
  return { text, i, ls };
}

const ascii = (c: number) => String.fromCharCode(c);
const isLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;
/** The last `n` words (ASCII letter runs, lower case; '' for one over 20 letters) of s[from, to), the last first: Workforce's lastWords as of f6452a2. */
function lastWords(s: string, from: number, to: number, n: number): string[] {
  const out: string[] = [];
  let e = to;
  while (out.length < n && e > from) {
    while (e > from && !isLetter(s.charCodeAt(e - 1))) e--;
    let b = e;
    while (b > from && isLetter(s.charCodeAt(b - 1))) b--;
    if (b === e) break;
    out.push(e - b <= 20 ? s.slice(b, e).toLowerCase() : '');
    e = b;
  }
  return out;
}

describe('gates of workforce.ts and context.ts against the regexes they stand before', () => {
  it('letterMask, opensWith: exactly "one of the letters" (any case) over every UTF-16 code', () => {
    const sets = ['tmrbkwcsv', 'hgm', 'apistruo', 'abcdefghijklmnopqrstuvwxyz', 'a', 'z', ''];
    const bad: string[] = [];
    for (const letters of sets) {
      const mask = W.letterMask(letters);
      for (let c = 0; c < 0x10000; c++) {
        // (callers pass a code OR 32: upper-case letters arrive lower-cased)
        const want = c >= 97 && c <= 122 && letters.includes(ascii(c));
        if (W.opensWith(mask, c) !== want && bad.length < 5) bad.push(`${letters} ${c}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('SIGN_OFF_LETTERS, GREETING_LETTERS on the line\'s firstCode: never no where SIGN_OFF or GREETING_BEFORE matches the text before the name', () => {
    const pieces = [
      'thanks', 'Thanks', ' again', ' so much', 'thank you', 'Thank You', 'many thanks', 'thx', 'ty', 'regards', 'best regards', 'Kind regards', 'warm regards', 'warmest regards',
      'best wishes', 'Best', 'cheers', 'sincerely', 'Respectfully', 'v/r', 'V/R', 'br', 'BR', 'hi', 'Hi', 'hello', 'HEY', 'hey', 'good morning', 'Good afternoon', 'good evening', 'morning',
      ' ', ' ', '\t', '>', ',', '.', '!', '-', '*', '_', '\r', 'x', 'é', '1', 'the', 'Eric', ':',
    ];
    const phrases: Phrases = {
      SIGN_OFF: [
        ['thanks', ',', ' '], ['Thanks', ' again', '!', ' '], ['thanks', ' so much', ' '], ['thank you', ' so much', ',', ' '], ['Thank You', '.', ' '], ['many thanks', ' '], ['thx', ' '], ['ty', '!', ' '],
        ['regards', ',', ' '], ['best regards', ' '], ['Kind regards', ',', ' '], ['warm regards', ' '], ['warmest regards', '-', ' '], ['best wishes', ','], ['Best', ',', ' '], ['cheers', ' ', '-', ' '],
        ['sincerely', ','], ['Respectfully', ','], ['v/r', ' '], ['V/R', ','], ['br', ' '], ['BR', ',', '\t'],
        [' ', '\t', 'thanks', ' '], ['\t', 'Kind regards', ','],
      ],
      GREETING_BEFORE: [['hi', ' '], ['Hi', '\t'], ['hello', ' '], ['HEY', ' '], ['hey', ' ', ' '], ['good morning', ' '], ['Good afternoon', ' '], ['good evening', ' '], ['morning', ' '], ['>', ' ', 'hi', ' '], [' ', '>', 'hello', ' ']],
    };
    assertPieces(pieces, phrases);
    const signOff = new Tally('SIGN_OFF', phrases.SIGN_OFF!.length);
    const greeting = new Tally('GREETING_BEFORE', phrases.GREETING_BEFORE!.length);
    const check = (r: Rnd, own: string, target?: { check: string; index: number }) => {
      // the name and what follows it on the line, the line in a text
      const line = own + anyCase(r, 'eric') + [',', '', ' (ICU)', '!'][r(4)]!;
      const { text, i } = inText(r, line, pieces);
      const lead = workforce(text).firstCode(i) | 32;
      const at = () => show(own);
      signOff.needs(W.SIGN_OFF.test(own), W.opensWith(W.SIGN_OFF_LETTERS, lead), at, target?.check === signOff.name ? target.index : -1);
      greeting.needs(W.GREETING_BEFORE.test(own), W.opensWith(W.GREETING_LETTERS, lead), at, target?.check === greeting.name ? target.index : -1);
    };
    const rnd = seeded(31);
    for (let i = 0; i < cases(20_000); i++) check(rnd, randomText(rnd, pieces, 6));
    const r = seeded(32);
    for (let i = 0; i < cases(25_000); i++) {
      const target = pickPhrase(r, phrases);
      // (a sign-off or greeting opens the line: at most marks before it)
      const { t } = compose(r, [' ', '\t', '>', '\r', 'x'], [undefined, target.phrase]);
      check(r, t, target);
    }
    verdict([signOff, greeting], 2000, phrases, 100);
  });

  it('LABEL_LETTERS on the line\'s labelCode: never no where FIELD_LINE, SENDER_LINE or RECIPIENT_LINE matches (and STAFF_FIELD_LINE\'s letters)', () => {
    const fieldLabels = [
      'Reporter', 'Assignee', 'Requester', 'Requestor', 'Reported by', 'Requested by', 'Assigned to', 'Approver', 'Approved by', 'Submitted by', 'Created by', 'Resolved by', 'Closed by', 'Technician',
      'Watcher', 'Watchers', 'Change owner', 'Business owner', 'Technical owner', 'System owner', 'Service owner', 'Application owner',
    ];
    const senderLabels = ['From', 'Sender', 'Reply-To'];
    const recipientLabels = ['To', 'Cc', 'Bcc'];
    const staffLabels = ['Manager', 'Supervisor', 'New hire', 'Employee', 'Employee name', 'Staff name', 'User name', 'Contractor'];
    const labels = [...fieldLabels, ...senderLabels, ...recipientLabels, ...staffLabels];
    const cased = labels.flatMap((l) => [l, l.toLowerCase(), l.toUpperCase()]);
    const pieces = [...cased, ' ', ' ', '\t', '>', '*', '**', '_', '\r', ':', 'Jane Doe', ' <jd@acme.org>', 'x', 'é', '1', '-', 'subject'];
    const phrase = (label: string): string[][] => [[label, ':', ' '], [' ', label, ' ', ':'], ['\t', label.toLowerCase(), ':'], ['>', ' ', label.toUpperCase(), '\t', ':']];
    const phrases: Phrases = {
      FIELD_LINE: fieldLabels.flatMap((l) => [[l, ':', ' '], ['\t', l.toLowerCase(), '*', '*', ':'], [' ', l.toUpperCase(), ' ', ':']]),
      SENDER_LINE: senderLabels.flatMap(phrase),
      RECIPIENT_LINE: recipientLabels.flatMap(phrase),
      STAFF_FIELD_LINE: staffLabels.flatMap((l) => [[l, ':', ' '], [' ', l.toLowerCase(), ' ', ':'], ['\t', l.toUpperCase(), ':']]),
    };
    assertPieces(pieces, phrases);
    const field = new Tally('FIELD_LINE', phrases.FIELD_LINE!.length);
    const sender = new Tally('SENDER_LINE', phrases.SENDER_LINE!.length);
    const recipient = new Tally('RECIPIENT_LINE', phrases.RECIPIENT_LINE!.length);
    const staff = new Tally('STAFF_FIELD_LINE', phrases.STAFF_FIELD_LINE!.length);
    const raised = new Tally('RAISED_BY_FIELD');
    const check = (r: Rnd, line: string, target?: { check: string; index: number }) => {
      const { text, i } = inText(r, line, pieces);
      const c = workforce(text).labelCode(i) | 32;
      const labels = c < 128 ? W.LABEL_LETTERS[c]! : 0;
      // (lineVerdict's line: its text without a CRLF's '\r')
      const lineText = line.replace(/\r$/, '');
      const p = (t: Tally) => (target?.check === t.name ? target.index : -1);
      const at = () => show(lineText, c);
      field.needs(W.FIELD_LINE.test(lineText), (labels & W.LABEL_FIELD) !== 0, at, p(field));
      sender.needs(W.SENDER_LINE.test(lineText), (labels & W.LABEL_SENDER) !== 0, at, p(sender));
      recipient.needs(W.RECIPIENT_LINE.test(lineText), (labels & W.LABEL_RECIPIENT) !== 0, at, p(recipient));
      staff.needs(W.STAFF_FIELD_LINE.test(lineText), c === 109 || c === 110 || c === 101 || c === 115 || c === 117 || c === 99, at, p(staff));
      // (raiserAsPatient's letters: Reporter, Requester, Submitted by, Created by …)
      raised.needs(W.RAISED_BY_FIELD.test(lineText), c === 114 || c === 115 || c === 99, at);
    };
    const rnd = seeded(41);
    for (let i = 0; i < cases(20_000); i++) check(rnd, randomText(rnd, pieces, 6));
    const r = seeded(42);
    for (let i = 0; i < cases(50_000); i++) {
      const target = pickAny(r, phrases);
      const { t } = compose(r, [' ', '\t', '>', '*', '_', '\r', 'x'], [r(2) === 0 ? [] : undefined, target.phrase, undefined]);
      check(r, t + ' Jane Doe', target);
    }
    verdict([field, sender, recipient, staff, raised], 2000, phrases, 100);
  });

  it('rosterLabelMay (ROSTER_OPENERS, "add"/"invite"/"include" before a colon): never no where ROSTER_LABEL matches', () => {
    const openers = ['attendees', 'participants', 'present', 'invitees', 'students', 'trainees', 'reps affected', 'users affected', 'staff affected', 'author', 'authors', 'team members', 'responders', 'on the bridge', 'on the call'];
    const joins = ['add', 'invite', 'include'];
    const pieces = [
      ...openers, ...openers.map((o) => o.toUpperCase()), ...openers.map((o) => o.charAt(0).toUpperCase() + o.slice(1)), ...joins, 'Add', 'INVITE', 'Include',
      ' ', ' ', '\t', '>', '*', '_', '#', '-', '(8)', '(12)', ' (3)', ':', ':', 'Jane Doe', ', ', ' and ', 'please ', 'x', 'é', '1', 're', '\r', '.',
    ];
    const phrases: Phrases = {
      ROSTER_LABEL: [
        ...openers.map((o) => [o, ':', ' ']),
        ['#', '#', ' ', 'Attendees', ':'], ['*', '*', 'Authors', ':', '*', '*'], ['-', ' ', 'Students', ' (3)', ':'], ['>', '_', 'PRESENT', '_', ':'], ['\t', 'reps affected', '(12)', '*', ':'],
        ['please ', 'add', ':', ' '], ['x', ' ', 'invite', ' ', ':'], ['.', 'Include', '\t', ':'], ['é', 'add', ':'], ['1', ' ', 'INVITE', ':'],
      ],
    };
    assertPieces(pieces, phrases);
    const roster = new Tally('ROSTER_LABEL', phrases.ROSTER_LABEL!.length);
    const check = (line: string, phrase = -1) => {
      W.ROSTER_LABEL.lastIndex = 0;
      roster.needs(W.ROSTER_LABEL.exec(line) !== null, W.rosterLabelMay(line), () => show(line), phrase);
    };
    const rnd = seeded(51);
    for (let i = 0; i < cases(60_000); i++) check(randomText(rnd, pieces, 6));
    const r = seeded(52);
    for (let i = 0; i < cases(30_000); i++) {
      const target = pickPhrase(r, phrases);
      // (a label opening the line after marks, or "add:" anywhere on it)
      const { t } = compose(r, r(2) === 0 ? [' ', '\t', '>', '*', '_', '#', '-', 'x'] : pieces, [undefined, target.phrase, undefined]);
      check(t, target.index);
    }
    verdict([roster], 2000, phrases, 100);
  });

  it('deskAgentMayEnd (and DESK_OR_BY): never no where DESK_AGENT_BEFORE matches the 32 characters before the name', () => {
    const pieces = [
      'Service', 'Help', 'IT', 'Security', 'Front', 'Registration', 'service', 'HELP', ' ', ' ', 'Desk', 'desk', 'DESK', '-', '–', '—', '\t', 'described', 'pasted', 'entered', 'logged', 'written',
      'noted', 'posted', ' by ', 'by', 'agent', 'Agent', 'analyst', 'ANALYST', 'tech', 'Tech', 'technician', '(', ')', 'x', 'é', '1', ':', '.',
    ];
    const phrases: Phrases = {
      DESK_AGENT_BEFORE: [
        ['Service', ' ', 'Desk', ' ', '–', ' '], ['Help', 'Desk', '\t', '-', '\t'], ['IT', ' ', 'desk', ' ', '—', ' ', ' '], ['Security', ' ', 'DESK', ' ', '-', ' '], ['Front', ' ', 'Desk', ' ', '–', ' '], ['Registration', 'Desk', ' ', '-', ' '],
        ['described', ' by ', 'agent', ' '], ['pasted', ' by ', 'Agent', ' ', '('], ['entered', ' by ', 'analyst', '\t'], ['logged', ' by ', 'tech', ' ', ' '], ['written', ' by ', 'ANALYST', ' ', '('], ['noted', ' by ', 'Tech', ' '], ['posted', ' by ', 'agent', '\t', '('],
      ],
    };
    assertPieces(pieces, phrases);
    const desk = new Tally('DESK_AGENT_BEFORE', phrases.DESK_AGENT_BEFORE!.length);
    const deskOrBy = new Tally('DESK_OR_BY');
    const check = (t: string, start: number, ls: number, phrase = -1) => {
      const from = Math.max(ls, start - 32);
      const before = t.slice(from, start);
      const re = W.DESK_AGENT_BEFORE.test(before);
      desk.needs(re, W.deskAgentMayEnd(t, from, start), () => show(t, from, start), phrase);
      deskOrBy.needs(re, W.DESK_OR_BY.test(before), () => show(before));
    };
    const rnd = seeded(61);
    for (let i = 0; i < cases(60_000); i++) {
      const t = randomText(rnd, pieces, 10);
      const start = rnd(t.length + 1);
      check(t, start, rnd(start + 1));
    }
    const r = seeded(62);
    for (let i = 0; i < cases(30_000); i++) {
      const target = pickPhrase(r, phrases);
      const { t, at } = compose(r, pieces, [undefined, target.phrase, ['Jane']]);
      check(t, at[1]!, r(2) === 0 ? 0 : r(at[1]! + 1), target.index);
    }
    verdict([desk, deskOrBy], 2000, phrases, 100);
  });

  it('JOB_GRANT_WORDS, TASK_WORDS (WordTrie), lastWordsFlags, hasOf: exactly the word sets and the slicing lookups they replaced', () => {
    const r = seeded(71);
    const taskWords = [...W.TASK_ROLES].flatMap((t) => t.split(' '));
    const vocabulary = [...new Set([...W.JOB_WORDS, ...W.GRANT_WORDS, ...taskWords, ...W.SENTENCE_ROLES])];
    const words = new Set<string>();
    for (const w of vocabulary) {
      words.add(w);
      for (let k = 1; k < w.length; k++) words.add(w.slice(0, k)).add(w.slice(k));
      for (const x of ['s', 'a', 'z', 'ing']) words.add(w + x).add(x + w);
    }
    for (let i = 0; i < 3000; i++) {
      let w = '';
      for (let k = 1 + r(22); k > 0; k--) w += ascii(97 + r(26));
      words.add(w);
    }
    // the flags the sets give a word (lower case)
    const jobGrant = (w: string) => (W.JOB_WORDS.has(w) ? W.WORD_JOB : 0) | (W.GRANT_WORDS.has(w) ? W.WORD_GRANT : 0);
    const task = (w: string) =>
      ((W.TASK_ROLES.has(w) ? W.TASK_ONE : 0) |
        (W.SENTENCE_ROLES.has(w) ? W.TASK_SENTENCE : 0) |
        (w === 'to' ? W.TASK_TO : 0) |
        (w === 'by' ? W.TASK_BY : 0) |
        (W.TASK_ROLES.has(`${w} to`) ? W.TASK_BEFORE_TO : 0) |
        (W.TASK_ROLES.has(`${w} by`) ? W.TASK_BEFORE_BY : 0));
    const trie = new Tally('WordTrie lookups');
    for (const w of words) {
      for (let n = 0; n < 3; n++) {
        // the word in random case, between other characters
        let cased = '';
        for (const ch of w) cased += r(2) === 0 ? ch.toUpperCase() : ch;
        const pre = ['', ' ', '1', '(', 'é'][r(5)]!;
        const s = `${pre}${cased}${['', ' ', ',', ':'][r(4)]}`;
        const b = pre.length;
        const e = b + w.length;
        const want = jobGrant(w);
        const got = W.JOB_GRANT_WORDS.of(s, b, e);
        trie.see(want !== 0, got === want, () => `${show(s, b, e)} job/grant ${got} not ${want}`);
        const wantTask = task(w);
        const gotTask = W.TASK_WORDS.of(s, b, e);
        trie.see(wantTask !== 0, gotTask === wantTask, () => `${show(s, b, e)} task ${gotTask} not ${wantTask}`);
      }
    }
    // every word of the sets was met as such
    expect(vocabulary.filter((w) => jobGrant(w) === 0 && task(w) === 0)).toEqual([]);

    // lastWordsFlags against the slicing lastWords it replaced (f6452a2), on the sets' flags
    const pieces = [...vocabulary.slice(0, 80), 'Of', 'OF', 'of', ' of ', ' of ', ' OF ', 'off', 'oft', 'xof', ' ', ' ', '\t', ',', '(', ':', '&', '-', '1', 'é', 'abcdefghijklmnopqrstuvwxyz', 'Quality', 'R&D'];
    const flags = new Tally('lastWordsFlags');
    const of = new Tally('hasOf');
    for (let i = 0; i < cases(40_000); i++) {
      const s = randomText(r, pieces, 8);
      const from = r(s.length + 1);
      const to = from + r(s.length - from + 1);
      const ws = lastWords(s, from, to, 3);
      const want = ws.reduce((f, w) => f | jobGrant(w), 0) | (ws.length > 0 ? jobGrant(ws[0]!) << W.LAST_WORD : 0);
      const got = W.lastWordsFlags(s, from, to, 3);
      flags.see(want !== 0, got === want, () => `${show(s, from, to)} ${got} not ${want}`);
      of.equals(/(?<![A-Za-z])of(?![A-Za-z])/i.test(s.slice(from, to)), W.hasOf(s, from, to), () => show(s, from, to));
    }
    verdict([trie], 400);
    verdict([flags, of], 1000);
  });

  it('the job and grant words before ROLE_BEFORE and GRANT_BEFORE: never no where they match (but the known three-word limit)', () => {
    const jobs = [
      'nurse', 'Manager', 'supervisor', 'Director', 'analyst', 'tech', 'rep', 'lead', 'on-call', 'on call', 'help desk', 'helpdesk', 'Service Desk', 'front desk', 'dept.', 'dept', 'IT contact',
      'team contact', 'reported by', 'ticket from', 'super user', 'superuser', 'same access as', 'mirroring access of', 'mirror access from', 'copy access from', 'charge nurses', 'scribe',
      'scribes', 'volunteer', 'volunteers', 'author', 'authors', 'charge rn is', 'clinic rn', 'anesthesiologist', 'field service engineer', 'called in by', 'rotation by', 'solution engineer',
    ];
    const grants = ['grant', 'give', 'add', 'provision', 'enable', 'remove', 'revoke', 'onboard', 'Grant', 'ADD'];
    const pieces = [
      ...jobs, ...grants, 'rn', 'np', 'of', ' of ', 'Quality', 'Improvement', 'R&D', 'Ops', 'Q1', 'A_B', ' is', ' was', ',', '(', ':', '*', '_', ' ', ' ', '\t', 'and', '&', 'Mary', 'Mary-Kate',
      "O'Neil-Smith", 'Jo', 'the ', 'his ', 'research', 'Interfaces', 'Please ', 'x', 'é', '1', '.',
    ];
    const phrases: Phrases = {
      ROLE_BEFORE: [
        ...jobs.map((j) => [j, ',', ' ']),
        ['the ', 'research', ' ', 'analyst', ' '], ['his ', 'Manager', ',', ' '], ['Director', ' of ', 'Quality', ' ', 'Improvement', ',', ' '], ['Interfaces', ' ', 'on-call', ' ', '('],
        ['charge rn is', ':', ' '], ['rn', ':', ' '], ['np', ' ', ':'], ['Director', ' of ', 'R&D', ',', ' '], ['Manager', ' is', ' '], ['help desk', '*', '*', ' '], ['lead', ' was', ':', '_'],
        ['Director', ' of ', 'Q1', ' '], ['supervisor', ' of ', 'A_B', ' is', ','],
        // (known: the words after "of" make four letter runs or more)
        ['Director', ' of ', 'R&D', ' ', 'Ops', ',', ' '],
      ],
      GRANT_BEFORE: [
        ...grants.map((g) => ['Please ', g, ' ']),
        ['add', ' ', 'Mary', ' ', 'and', ' '], ['give', '\t'], ['grant', ' ', 'Mary-Kate', ' ', '&', ' '], ['remove', ' ', 'Jo', ' ', '&', ' '], ['revoke', ' ', 'Mary-Kate', ' ', 'and', '\t'],
        // (known: the name before "&" makes three letter runs or more)
        ['add', ' ', "O'Neil-Smith", ' ', '&', ' '],
      ],
    };
    assertPieces(pieces, phrases);
    const role = new Tally('ROLE_BEFORE', phrases.ROLE_BEFORE!.length);
    const grant = new Tally('GRANT_BEFORE', phrases.GRANT_BEFORE!.length);
    const runs = (s: string) => (s.match(/[A-Za-z]+/g) ?? []).length;
    // the job phrase's words after "of" (ROLE_BEFORE's "of" part) hold three letter runs or more: "of" is not among the last three words
    const ofTail = /(?<![A-Za-z])of[ \t]+([A-Za-z][\w&]*(?:[ \t][A-Za-z][\w&]*)?(?:[ \t]+(?:is|was))?)[ \t]*[,(:]?[*_]{0,2}[ \t]*$/i;
    // (and the gate as of f6452a2, a job word among the last three words, said no too: the limit predates the narrowing)
    const knownRole = (before: string) => {
      const m = ofTail.exec(before);
      return m !== null && runs(m[1]!) >= 3 && !lastWords(before, 0, before.length, 3).some((w) => W.JOB_WORDS.has(w));
    };
    // the name before "&" holds three letter runs or more: the grant word is not among the last three words
    const ampTail = /(?<![A-Za-z])(?:grant|give|add|provision|enable|remove|revoke|onboard)[ \t]+([A-Za-z][\w'’-]*)[ \t]+&[ \t]+$/i;
    const knownGrant = (before: string) => {
      const m = ampTail.exec(before);
      return m !== null && runs(m[1]!) >= 3 && !lastWords(before, 0, before.length, 3).some((w) => W.GRANT_WORDS.has(w));
    };
    const check = (t: string, start: number, ls: number, target?: { check: string; index: number }) => {
      // as Workforce.colleague: the words before the name (up to 48 characters on its line), then the phrases
      const from = Math.max(ls, start - 48);
      const words = W.lastWordsFlags(t, from, start, 3);
      const jobWord = (words & W.WORD_JOB) !== 0 && ((words & (W.WORD_JOB << W.LAST_WORD)) !== 0 || W.hasOf(t, from, start));
      const grantWord = (words & W.WORD_GRANT) !== 0;
      const before = t.slice(from, start);
      const at = () => show(before);
      role.needsBut(W.endsWith(W.ROLE_BEFORE, before, 8), jobWord, () => knownRole(before), at, target?.check === role.name ? target.index : -1);
      grant.needsBut(W.endsWith(W.GRANT_BEFORE, before, 4), grantWord, () => knownGrant(before), at, target?.check === grant.name ? target.index : -1);
    };
    const rnd = seeded(81);
    for (let i = 0; i < cases(40_000); i++) {
      const t = randomText(rnd, pieces, 8);
      const start = rnd(t.length + 1);
      check(t, start, rnd(start + 1));
    }
    const r = seeded(82);
    for (let i = 0; i < cases(50_000); i++) {
      const target = pickAny(r, phrases);
      // (a space before the phrase, which opens with a word)
      const { t, at } = compose(r, pieces, [undefined, [' ', ...target.phrase], ['Mary']]);
      check(t, at[1]!, r(2) === 0 ? 0 : r(at[1]! + 1), target);
    }
    verdict([role, grant], 2000, phrases, 100);
  });

  it('taskRoleBefore (TASK_WORDS): exactly the TASK_ROLES lookups it replaced', () => {
    const roles = [...W.TASK_ROLES];
    const pieces = [
      ...roles.flatMap((t) => t.split(' ')), 'Owner', 'ASSIGNEE', 'Manager', 'To', 'BY', 'ownerx', 'signed', 'handled', 'xto', ' ', ' ', '  ', '\t', ':', '.', '. ', '-', '(', '–', '—', '*', '!', '?',
      'the ', 'x', 'é', '1', 'Jane',
    ];
    // each role alone, after a colon, opening a sentence, and in a sentence
    const phrases: Phrases = {
      TASK_ROLES: roles.flatMap((role) => {
        const p = role.split(' ').flatMap((w, k) => (k === 0 ? [w] : [' ', w]));
        // ("owner", "manager", "supervisor" only opening a sentence)
        return [[...p, ' '], [...p, ':', ' '], ['. ', ...p, ' '], ...(W.SENTENCE_ROLES.has(role) ? [] : [['the ', ...p, ' ']])];
      }),
    };
    assertPieces(pieces, phrases);
    const tally = new Tally('TASK_ROLES', phrases.TASK_ROLES!.length);
    // taskRoleBefore as of f6452a2 (slicing, set lookups), on the class's own spacesBefore and opensSentence
    const before = (w: Inside, text: string, start: number, ls: number): boolean => {
      let k = w.spacesBefore(start, ls);
      if (k > ls && text.charCodeAt(k - 1) === 58) k = w.spacesBefore(k - 1, ls);
      let b = k;
      while (b > ls && k - b < 11 && isLetter(text.charCodeAt(b - 1))) b--;
      const len = k - b;
      if (len !== 2 && !W.ROLE_LENGTHS.has(len)) return false;
      if (b > ls && isLetter(text.charCodeAt(b - 1))) return false;
      const one = text.slice(b, k).toLowerCase();
      if (len !== 2) return W.TASK_ROLES.has(one) && (!W.SENTENCE_ROLES.has(one) || w.opensSentence(b, ls));
      if (one !== 'to' && one !== 'by') return false;
      if (b - 1 <= ls || text.charCodeAt(b - 1) !== 32) return false;
      let v = b - 1;
      while (v > ls && isLetter(text.charCodeAt(v - 1))) v--;
      if (b - 1 - v < 5) return false;
      return W.TASK_ROLES.has(text.slice(v, b - 1).toLowerCase() + ' ' + one);
    };
    const check = (r: Rnd, line: string, nameAt: number, phrase = -1) => {
      const { text, ls } = inText(r, line + 'Jane Doe', pieces);
      const w = workforce(text);
      const start = ls + nameAt;
      const want = before(w, text, start, ls);
      tally.equals(want, w.taskRoleBefore(start, ls), () => show(text, start, ls), phrase);
    };
    const rnd = seeded(91);
    for (let i = 0; i < cases(30_000); i++) {
      const line = randomText(rnd, pieces, 6);
      check(rnd, line, rnd(line.length + 1));
    }
    const r = seeded(92);
    for (let i = 0; i < cases(30_000); i++) {
      const target = pickPhrase(r, phrases);
      const { t } = compose(r, pieces, [undefined, target.phrase.map((p) => (r(3) === 0 ? anyCase(r, p) : p))]);
      check(r, t, t.length, target.index);
    }
    verdict([tally], 2000, phrases, 100);
  });

  it("MY_CARE never matches across a '\\n', nor by a line-ending '\\r': on a text it matches where one of its lines does", () => {
    const pieces = [
      'my', 'My', 'MY', ' ', ' ', ' ', 'lab', 'new', 'bill', 'bills', 'results', 'appointment', 'appts', 'chart', 'mychart', 'portal', 'records', 'prescriptions', 'medications', 'doctor', 'insurance',
      'date of birth', 'dob', 'mrn', 'statement', 'visit', 'mom', 'daughter', 'kids', 'baby', 'i', 'I', ' am', "'m", '’m', 'the', 'a', 'his', 'her', 'patient', 'mother', 'guardian', 'caregiver',
      'also', 'as', 'was', 'got', 'need', 'have', 'received', "can't", 'cannot', 'can not', 'billed', 'reschedule', 'unable to', 'see', 'view', 'access', 'open', 'log in', 'login', 'log into',
      '.', ',', '\n', '\n', '\r\n', '\r', '\t', 'x', '1', 'é', 'mybill',
    ];
    const phrases: Phrases = {
      MY_CARE: [
        ['my', ' ', 'bill'], ['My', ' ', 'lab', ' ', 'results'], ['my', ' ', 'new', ' ', 'lab', ' ', 'appts'], ['MY', ' ', 'mychart'], ['my', ' ', 'date of birth'], ['my', ' ', 'dob'], ['my', ' ', 'records'],
        ['my', ' ', 'mom'], ['my', ' ', 'daughter'], ['My', ' ', 'kids'], ['i', ' am', ' ', 'the', ' ', 'patient'], ['I', "'m", ' ', 'her', ' ', 'guardian'], ['i', '’m', ' ', 'a', ' ', 'caregiver'],
        ['also', ' ', 'a', ' ', 'patient'], ['as', ' ', 'a', ' ', 'patient'], ['I', ' ', 'was', ' ', 'billed'], ['i', ' ', 'received', ' ', 'a', ' ', 'statement'], ['I', ' ', "can't", ' ', 'see', ' ', 'the', ' ', 'chart'],
        ['i', ' ', 'need', ' ', 'to', ' ', 'reschedule'], ['cannot', ' ', 'view', ' ', 'my', ' ', 'results'], ['unable to', ' ', 'log in', ' ', 'portal'], ['can not', ' ', 'log into', ' ', 'mychart'],
        ['can not', ' ', 'access', ' ', 'x', ' ', 'records'],
      ],
    };
    const all = [...pieces, 'to'];
    assertPieces(all, phrases);
    const care = new Tally('MY_CARE', phrases.MY_CARE!.length);
    const split = new Tally('MY_CARE, a phrase cut by a line break');
    const test = (s: string) => W.MY_CARE.test(s);
    const check = (t: string, tally: Tally, phrase = -1) => {
      const lines = t.split('\n');
      const whole = test(t);
      // each line with and without its CRLF's '\r' (the memo reads lines without it, a window's cut first line with it)
      const bare = lines.some((l) => test(l.endsWith('\r') ? l.slice(0, -1) : l));
      const raw = lines.some(test);
      tally.see(whole, whole === bare && whole === raw, () => `${show(t)} whole ${whole} lines ${bare} raw ${raw}`, phrase);
    };
    const rnd = seeded(101);
    for (let i = 0; i < cases(30_000); i++) check(randomText(rnd, all, 12), care);
    const r = seeded(102);
    for (let i = 0; i < cases(30_000); i++) {
      const target = pickPhrase(r, phrases);
      const { t } = compose(r, all, [undefined, target.phrase, undefined, r(2) === 0 ? phrases.MY_CARE![r(phrases.MY_CARE!.length)] : undefined]);
      check(t, care, target.index);
      // the phrase cut by a break between two of its pieces: matches only where a line still does
      const cut = 1 + r(target.phrase.length - 1);
      const br = ['\n', '\r\n', ' \n', '\n '][r(4)]!;
      check(target.phrase.slice(0, cut).join('') + br + target.phrase.slice(cut).join(''), split);
    }
    verdict([care], 2000, phrases, 100);
    // (the cut phrases: no failure; they rarely match, by design)
    verdict([split], 0);
  });

  it('patientWriting (per-line memo): exactly MY_CARE on the 600 characters above the line, as before', () => {
    const care = ['my bill', 'my lab results', 'I was billed', 'also a patient', "I'm the patient", 'my mom', 'cannot log in to the portal', 'I need to reschedule', 'my new mychart'];
    const filler = ['the', 'printer', 'is', 'down', 'again', 'x', '1', ' ', ' ', ',', '.', 'my', 'I', 'was', 'a', 'patient', 'log', 'bill', '\t', 'é', 'Thanks,', 'Eric'];
    const writing = new Tally('patientWriting');
    const pastCut = new Tally('patientWriting, care words past a long line\'s 240th character');
    const r = seeded(111);
    for (let n = 0; n < cases(1500); n++) {
      // 8 to 40 lines: short, empty, long (over 240 characters), with care words here and there
      const lines: string[] = [];
      for (let j = 8 + r(33); j > 0; j--) {
        const kind = r(10);
        let line = kind === 0 ? '' : randomText(r, filler, kind >= 8 ? 160 : 12);
        if (r(6) === 0) {
          const k = r(line.length + 1);
          line = line.slice(0, k) + ' ' + care[r(care.length)]! + ' ' + line.slice(k);
        }
        lines.push(line);
      }
      let text = '';
      lines.forEach((l, j) => (text += (j === 0 ? '' : r(3) === 0 ? '\r\n' : '\n') + l));
      const newlines = newlinesOf(text);
      const w = new Workforce(text, () => false, newlines) as unknown as Inside;
      // lines asked in random order, patientSpeaking filling the shared per-line memo here and there
      for (let q = 0; q < lines.length; q++) {
        if (r(2) === 0) w.patientSpeaking(r(lines.length));
        const i = r(lines.length);
        const s = lineStart(newlines, i);
        const want = W.MY_CARE.test(text.slice(Math.max(0, s - 600), s));
        writing.equals(want, w.patientWriting(i), () => show(text, i));
        // (the long lines whose care words lie past the cut that lineText makes)
        if (want) {
          const j = lineIndexOf(newlines, Math.max(0, s - 600));
          let onlyPastCut = false;
          for (let k = j; k < i; k++) {
            const ks = Math.max(lineStart(newlines, k), s - 600);
            const ke = k < newlines.length ? newlines[k]! : text.length;
            if (W.MY_CARE.test(text.slice(ks, ke))) {
              onlyPastCut = ke - lineStart(newlines, k) > 240 && !W.MY_CARE.test(text.slice(ks, Math.min(ke, lineStart(newlines, k) + 240)));
              if (!onlyPastCut) break;
            }
          }
          if (onlyPastCut) pastCut.matches++;
        }
      }
    }
    verdict([writing], 2000);
    verdict([pastCut], 50);
  });

  it("Scan.tableLines: exactly the lines holding '|', a tab or two spaces side by side (the search it replaced)", () => {
    const r = seeded(121);
    const known = [...CUE_MAP.keys()].filter((w) => /^[a-z]+$/.test(w));
    const knownSample = Array.from({ length: 40 }, () => known[r(known.length)]!);
    const pieces = [
      '|', '||', '\t', ' ', ' ', '  ', '   ', '\n', '\n', '\r\n', '\r', ...knownSample, ...knownSample.map((w) => w.toUpperCase()), "patient's", 'word', 'abc', 'Smith', 'McDonald', "O'Neil", 'O’Neil',
      'Dr.', 'J.', 'Mr', '123', '2024-01-02', '555-0100', '7', 'é', 'Ünal', 'Łukasz', 'ß', 'Ωmega', 'Жанна', '中文', '😀', '@', 'a@b.org', ':', '::1', 'fe80:', ',', '.', '-', '_', '(', ')', '[PHI:NAME]',
      'x1', 'A1', 'ab12', '\u00a0', '\u2003', '\u000b', '\f',
    ];
    // the search tableRule made before (f6452a2), sorted and without repeats
    const search = (text: string, newlines: readonly number[]): number[] => {
      const marked = new Set<number>();
      for (const mark of ['|', '\t', '  ']) {
        for (let k = text.indexOf(mark); k !== -1; ) {
          const i = lineIndexOf(newlines, k);
          marked.add(i);
          k = i < newlines.length ? text.indexOf(mark, newlines[i]! + 1) : -1;
        }
      }
      return [...marked].sort((a, b) => a - b);
    };
    const tally = new Tally('tableLines');
    // lines by what marks them, and marks right after what the scan steps over (a word and one space, a digit run, a known word)
    const pipe = new Tally("tableLines: a '|' alone");
    const tab = new Tally('tableLines: a tab alone');
    const spaces = new Tally('tableLines: two spaces alone');
    const afterWord = new Tally('tableLines: a mark after a lower-case word');
    const afterCapital = new Tally('tableLines: a mark after a capitalised word');
    const afterDigits = new Tally('tableLines: a mark after a digit run');
    const afterKnown = new Tally('tableLines: a mark after a known word');
    const check = (text: string) => {
      const scan = new Scan(text);
      const newlines = newlinesOf(text);
      const want = search(text, newlines);
      const got = scan.tableLines;
      tally.see(want.length > 0, scan.newlines.join() === newlines.join() && got.join() === want.join(), () => `${show(text)} ${got.join()} not ${want.join()}`);
      tally.matches += Math.max(0, want.length - 1);
      for (const i of want) {
        const line = text.slice(lineStart(newlines, i), i < newlines.length ? newlines[i]! : text.length);
        const p = line.includes('|');
        const t = line.includes('\t');
        const s = line.includes('  ');
        if (p && !t && !s) pipe.matches++;
        if (t && !p && !s) tab.matches++;
        if (s && !p && !t) spaces.matches++;
      }
      const knownAt = new Set(scan.knownPos);
      for (const m of text.matchAll(/([a-z]+|[A-Z][a-z]+|[0-9]+)(?:\||\t| \||  | \t)/g)) {
        if (m[1]!.charCodeAt(0) <= 57) afterDigits.matches++;
        else if (m[1]!.charCodeAt(0) <= 90) afterCapital.matches++;
        else if (knownAt.has(m.index)) afterKnown.matches++;
        else afterWord.matches++;
      }
    };
    for (let i = 0; i < cases(20_000); i++) check(randomText(r, pieces, 40));
    // texts of many lines, few of them marked
    const plain = pieces.filter((p) => p !== '|' && p !== '||' && p !== '\t' && p !== '  ' && p !== '   ');
    for (let i = 0; i < cases(300); i++) {
      let t = '';
      for (let j = 0; j < 200; j++) t += (j === 0 ? '' : r(4) === 0 ? '\r\n' : '\n') + randomText(r, plain, 8) + (r(10) === 0 ? ['|', '\t', '  '][r(3)]! + randomText(r, plain, 3) : '');
      check(t);
    }
    // a long text (the scan fills lists of its own past 2^17 characters)
    for (let i = 0; i < 2; i++) {
      let t = '';
      while (t.length < 140_000) t += randomText(r, pieces, 40);
      check(t);
    }
    verdict([tally, pipe, tab, spaces, afterWord, afterCapital], 2000);
    verdict([afterDigits, afterKnown], 500);
  });

  it('hasCapitalPair, the dash before DASH_SIGN_OFF, doctorBefore\'s word check, mayName: never no where their regexes match', () => {
    const pieces = [
      'IT', 'HR', 'HIM', 'PACS', 'ED', 'ICU', 'NOC', 'SOC', 'It', 'pacs', 'the', ' ', ' ', '\t', 'desk', 'x', '1', 'é', '.', '!', '?', ')', '-', '–', '—', 'Dr', 'Dr.', 'dr', 'DR', 'Doctor', 'doctor',
      'Cheriton', 'Mr.', 'r', ':', 'From:', 'From: ', '>', '*', 'Jane Doe', '<', 'jd', '@', 'acme.org', 'Eric',
    ];
    const phrases: Phrases = {
      TEAM_ACRONYMS_BEFORE: [['IT', ' ', 'desk', ' '], ['HR', ':'], ['HIM'], ['the', ' ', 'PACS', ' '], ['ED', ' ', 'x', ' '], ['ICU', '\t'], ['NOC', '.'], ['SOC', ' ', '1']],
      DASH_SIGN_OFF: [['.', ' ', '-', ' '], ['!', ' ', '–', ' '], ['?', '\t', '—'], [')', ' ', '-', '\t', ' ']],
      doctorBefore: [['Dr.', ' '], [' ', 'Dr', ' '], ['.', 'Doctor', ' '], ['x', ' ', 'Dr.', '\t'], ['1', ' ', 'Dr', ' ']],
      SENDER_NAMED: [['From:', ' ', 'Jane Doe', ' ', '<', 'jd', '@', 'acme.org', '>'], ['>', '*', 'From: ', 'Jane Doe', '<', 'jd', '@', 'acme.org', '>']],
    };
    assertPieces(pieces, phrases);
    const acronyms = new Tally('TEAM_ACRONYMS_BEFORE', phrases.TEAM_ACRONYMS_BEFORE!.length);
    const dash = new Tally('DASH_SIGN_OFF', phrases.DASH_SIGN_OFF!.length);
    const doctor = new Tally('doctorBefore', phrases.doctorBefore!.length);
    const sender = new Tally('SENDER_NAMED', phrases.SENDER_NAMED!.length);
    // doctorBefore as of f6452a2 (without its check that "Dr.", "Dr" or "Doctor" ends the text)
    const doctorWas = (w: Inside, text: string, start: number, ls: number): boolean => {
      const k = w.spacesBefore(start, ls);
      if (k === start) return false;
      const c = text.charCodeAt(k - 1);
      if (c !== 46 && c !== 114) return false;
      const before = text.slice(Math.max(ls, k - 24), k);
      return /(?:^|[^A-Za-z])Dr\.$/.test(before) || (/(?:^|[^A-Za-z])(?:Dr|Doctor)$/.test(before) && !/[A-Z][a-z]*[ \t]+(?:Dr|Doctor)$/.test(before));
    };
    const check = (r: Rnd, line: string, nameAt: number, target?: { check: string; index: number }) => {
      const { text, ls } = inText(r, line + 'Eric', pieces);
      const w = workforce(text);
      const start = ls + nameAt;
      const p = (t: Tally) => (target?.check === t.name ? target.index : -1);
      const before = text.slice(Math.max(ls, start - 48), start);
      acronyms.needs(W.TEAM_ACRONYMS_BEFORE.test(before), W.hasCapitalPair(before), () => show(before), p(acronyms));
      dash.needs(W.DASH_SIGN_OFF.test(text.slice(Math.max(ls, start - 8), start)), W.isDash(w.nextCodeBefore(start, ls)), () => show(text, start, ls), p(dash));
      doctor.equals(doctorWas(w, text, start, ls), w.doctorBefore(start, ls), () => show(text, start, ls), p(doctor));
      W.SENDER_NAMED.lastIndex = 0;
      sender.needs(W.SENDER_NAMED.test(text), w.mayName(), () => show(text), p(sender));
    };
    const rnd = seeded(131);
    for (let i = 0; i < cases(20_000); i++) {
      const line = randomText(rnd, pieces, 8);
      check(rnd, line, rnd(line.length + 1));
    }
    const r = seeded(132);
    for (let i = 0; i < cases(30_000); i++) {
      const target = pickPhrase(r, phrases);
      const { t, at } = compose(r, pieces, [undefined, target.phrase, undefined]);
      check(r, t, at[1]!, target);
    }
    verdict([acronyms, dash, doctor, sender], 1000, phrases, 100);
  });
});
