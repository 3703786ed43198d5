/**
 * The char-code gates of src/phi/patterns.ts against the regexes they stand before, on seeded
 * fuzzed text built from pieces of the patterns (the gates' author checked them with eight
 * throwaway scripts; each `it` here is one of them, with its pieces and its checks). A gate that is a
 * necessary condition must never say no where its regex matches; a helper that stands for a regex (a
 * gate and the regex behind it, or a char-code version of a small regex) must give the regex's
 * answer exactly.
 *
 * Each `it` first runs cases shaped as its script's were (as many random pieces, the positions drawn
 * the same way, the script's seed), then cases biased toward the regex's matches: phrases made of the
 * same pieces, one for each alternative of the regex, a piece in eight swapped for a random one, with
 * random pieces around. It counts the regex's matches, in all and for each phrase, and asserts a floor on each, so
 * that no check can pass for want of matches. (The scripts' own generator, `(s * 1103515245 + 12345)
 * & 0x7fffffff` in floating point, falls into a cycle of 10,466 numbers after a few thousand: their
 * millions of cases were a few thousand distinct ones. Here: mulberry32.)
 *
 * PHI_GATE_FUZZ_SCALE=20 (say) runs twenty times as many cases.
 */
import { describe, it } from 'vitest';
import { __testing as T } from '../../src/phi/patterns';
import { seeded, cases, type Phrases, Tally, compose, pickPhrase, assertPieces, verdict, show } from '../support/gate-fuzz';

describe('char-code gates of patterns.ts against the regexes they stand before', () => {
  it('personEventBefore, collectedWordBefore: never no where PERSON_EVENT_BEFORE or COLLECTED_BEFORE matches', () => {
    const pieces = ['arrived', 'ARRIVAL', 'acquired', 'Enrolled', 'transmission', 'received', "rec'd", 'rec’d', 'recd', 'last', 'latest', 'successful', ' in ', 'Boston', 'x-1', 'on', 'ON', ' ', '\t', ':', '.', 'coll', 'COLL', 'collected', 'drawn', 'a', 'd', 'n', 'l', '_', '-', '\n', '1', 'xcoll', 'date'];
    const phrases: Phrases = {
      PERSON_EVENT_BEFORE: [
        ['arrived', ' ', 'on', ' '],
        ['ARRIVAL', ':', ' '],
        ['acquired', '\t', 'ON', '\t'],
        ['Enrolled'],
        ['last', ' ', 'successful', ' ', 'transmission', ' ', 'received', ' ', 'on', ' '],
        ['latest', ' ', 'transmission', ' ', "rec'd", ':'],
        ['last', ' ', 'transmission', ' ', 'recd'],
        ['transmission', ' ', 'rec’d', ' in ', 'Boston', ' ', 'on', ' '],
        ['transmission', ' ', 'received', ' in ', 'x-1', ':'],
      ],
      COLLECTED_BEFORE: [
        ['collected', ' ', ':', ' '],
        ['coll', '.'],
        ['COLL', '\t'],
        ['drawn', ':', ' '],
      ],
    };
    assertPieces(pieces, phrases);
    const pe = new Tally('PERSON_EVENT_BEFORE', phrases.PERSON_EVENT_BEFORE!.length);
    const co = new Tally('COLLECTED_BEFORE', phrases.COLLECTED_BEFORE!.length);
    const check = (t: string, target?: { check: string; index: number }) => {
      const start = t.length;
      pe.needs(T.PERSON_EVENT_BEFORE.test(t.slice(Math.max(0, start - 40), start)), T.personEventBefore(t, start), () => show(t), target?.check === pe.name ? target.index : -1);
      co.needs(T.COLLECTED_BEFORE.test(t.slice(Math.max(0, start - 16), start)), T.collectedWordBefore(t, start), () => show(t), target?.check === co.name ? target.index : -1);
    };
    const rnd = seeded(12345);
    for (let i = 0; i < cases(150_000); i++) {
      let t = '';
      const n = 1 + rnd(8);
      for (let j = 0; j < n; j++) t += pieces[rnd(pieces.length)]!;
      check(t);
    }
    const r = seeded(1);
    for (let i = 0; i < cases(30_000); i++) {
      const target = pickPhrase(r, phrases);
      check(compose(r, pieces, [undefined, target.phrase]).t, target);
    }
    verdict([pe, co], 2000, phrases, 100);
  });

  it('eventDateWordEnd, holdsIgnoreCase(date): never no where EVENT_DATE_WORD_BEFORE matches', () => {
    const pieces = ['date', 'DATES', 'Date', 's', 'service', ' of service', ' of ', 'Service', 'study ', 'exam', '_', '-', '–', ' ', '\t', ':', '#', '=', '*', '/', ' / ', 'time', 'from ', '11/04/2024', '2024', '12', '.', ' to ', ' through ', 'thru', ' until ', 'until', 'abc', 'Visit', 'xyzxyzxyzxyzq', 'dates of service', 'dates of service', 'order', 'a', 'e', '\n', '1', 'x'];
    const phrases: Phrases = {
      eventDateWordEnd: [
        // a label and up to five of [ \t:#=*_-]
        ['study ', 'date', ':', ' '],
        ['exam', '_', 'DATES', '*', '*'],
        ['Visit', ' ', 'Date', ' / ', 'time', '='],
        ['order', '-', 'date', ' of service', '#'],
        // the first date of a range and its dash or word
        ['service', 'date', 's', ':', ' ', 'from ', '11/04/2024', ' ', '-', ' '],
        ['exam', ' ', 'date', ':', ' ', '11/04/2024', '–', ' '],
        ['Visit', ' ', 'date', ' ', '12', '/', '2024', ' to '],
        ['study ', 'date', ':', '11/04/2024', ' through '],
        ['exam', '-', 'date', '#', '12', '.', '2024', 'thru', ' '],
        ['exam', ' ', 'date', ' ', '2024', '-', '12', ' until '],
        // "dates of service", a word, up to four of [ \t:*_], a range's first date
        ['dates of service', ' ', 'abc', ':', ' '],
        ['dates of service', '*', '*', ':'],
        ['dates of service', ' ', 'from ', '11/04/2024', ' ', '-', ' '],
        ['dates of service', '\t', 'order', ' ', '12', '/', '2024', 'until'],
      ],
    };
    assertPieces(pieces, phrases);
    const end = new Tally('eventDateWordEnd', phrases.eventDateWordEnd!.length);
    // (eventDateWordBefore's second gate, "date" in the window: not in the script)
    const holds = new Tally('holdsIgnoreCase(date)');
    const check = (t: string, phrase = -1) => {
      const start = t.length;
      const from = Math.max(0, start - 64);
      const g = T.eventDateWordEnd(t, start);
      const re = T.EVENT_DATE_WORD_BEFORE.test(t.slice(from, start));
      end.needs(re, g, () => show(t), phrase);
      holds.needs(re, T.holdsIgnoreCase(t, from, start, 'date'), () => show(t));
    };
    const rnd = seeded(777);
    for (let i = 0; i < cases(150_000); i++) {
      let t = '';
      const n = 1 + rnd(9);
      for (let j = 0; j < n; j++) t += pieces[rnd(pieces.length)]!;
      check(t);
    }
    const r = seeded(2);
    for (let i = 0; i < cases(30_000); i++) {
      const target = pickPhrase(r, phrases);
      check(compose(r, pieces, [undefined, target.phrase]).t, target.index);
    }
    verdict([end, holds], 2000, phrases, 100);
  });

  it('faxWordBefore, faxAfter, ticketLabelBefore, tollFree: never no where FAX_LABEL, FAX_FAR, FAX_AFTER, TICKET_LABEL_BEFORE or TOLL_FREE matches; the last three exactly the regex', () => {
    const pieces = ['fax', 'FAX', 'Fax', 'efax', 'faxed', 'facsimile', 'f.', 'f:', 'f#', 'fx', 'F', ' ', '\n', '1', '555', 'phone', 'to ', 'SR', 'INC', 'ticket', 'case', ' ', '#', 'no', 'no.', 'number', 'NUMBER', 'code', 'center', 'centre', ':', 'budget', 'gl', '(fax)', '[f]', '- fax', '-fax', '(', '[', '-', '\t', 'x', 'a', '8', '800', '+1', '1-', '(888)', '877 ', '.', 'of', 'the'];
    // before `s` (the labels), between `s` and `e` (a toll-free number's start), after `e`
    const before: Phrases = {
      FAX_LABEL: [['fax', ':', ' '], ['Fax', ' ', 'number', ' '], ['efax', ' ', 'to ', 'the', ' '], ['f.', ' '], ['F', ':'], ['fx', ' '], ['f#'], ['facsimile', ':'], ['faxed', ' ', 'to ']],
      FAX_FAR: [['faxed', ' ', 'to ', 'the', ' ', 'case', ' ', 'center', ' ', 'of', ' '], ['facsimile', ' ', 'phone', ':'], ['FAX', ' ', 'no.', ' ', '555', ' ', 'to ']],
      TICKET_LABEL_BEFORE: [['SR', '#', ' '], ['INC', ' ', 'number', ':', ' '], ['ticket', ' ', 'no.', ' '], ['case', 'no', ':'], ['budget', ' ', 'code', ':', ' '], ['gl', ' ', 'centre'], ['gl', 'center', ' '], ['case', ' ', '#', ':'], ['ticket', 'NUMBER', ' ', ':', ' ']],
    };
    const between: Phrases = {
      TOLL_FREE: [['800', '-', '555', '-', '1'], ['+1', ' ', '800', ' '], ['1-', '877 ', '555'], ['(888)', ' ', '555'], ['8', '8', '8', '.', '555'], ['+1', '(888)', '-'], ['+1', ' ', '(888)', ' '], ['1-', '800', '.', '555']],
    };
    const after: Phrases = {
      FAX_AFTER: [['(fax)'], [' ', '[f]'], ['- fax'], ['-fax', ' '], [' ', 'fax', ' '], ['\t', 'FAX', '.']],
    };
    const phrases: Phrases = { ...before, ...between, ...after };
    assertPieces(pieces, phrases);
    const label = new Tally('FAX_LABEL', before.FAX_LABEL!.length);
    const far = new Tally('FAX_FAR', before.FAX_FAR!.length);
    const faxAfter = new Tally('FAX_AFTER', after.FAX_AFTER!.length);
    const ticket = new Tally('TICKET_LABEL_BEFORE', before.TICKET_LABEL_BEFORE!.length);
    const toll = new Tally('TOLL_FREE', between.TOLL_FREE!.length);
    const labelBefore = (t: string, s: number, re: RegExp, w: number) => re.test(t.slice(Math.max(0, s - w), s));
    const check = (t: string, s: number, e: number, target?: { check: string; index: number }) => {
      const at = () => show(t, s, e);
      const p = (tally: Tally) => (target?.check === tally.name ? target.index : -1);
      label.needs(labelBefore(t, s, T.FAX_LABEL, 20), T.faxWordBefore(t, s, 20, true), at, p(label));
      far.needs(labelBefore(t, s, T.FAX_FAR, 60), T.faxWordBefore(t, s, 60, false), at, p(far));
      faxAfter.equals(T.FAX_AFTER.test(t.slice(e, e + 10)), T.faxAfter(t, e), at, p(faxAfter));
      ticket.equals(labelBefore(t, s, T.TICKET_LABEL_BEFORE, 16), T.ticketLabelBefore(t, s), at, p(ticket));
      toll.equals(T.TOLL_FREE.test(t.slice(s, Math.min(e, s + 10))), T.tollFree(t, s, e), at, p(toll));
    };
    const rnd = seeded(99);
    for (let i = 0; i < cases(150_000); i++) {
      let t = '';
      const n = 1 + rnd(10);
      for (let j = 0; j < n; j++) t += pieces[rnd(pieces.length)]!;
      const s = rnd(t.length + 1);
      const e = s + rnd(t.length - s + 1);
      check(t, s, e);
    }
    const r = seeded(3);
    for (let i = 0; i < cases(60_000); i++) {
      const target = pickPhrase(r, phrases);
      const slot = (group: Phrases) => (target.check in group ? target.phrase : undefined);
      const { t, at } = compose(r, pieces, [undefined, slot(before), slot(between), slot(after), undefined]);
      check(t, at[1]!, at[2]!, target);
    }
    verdict([label, far, faxAfter, ticket, toll], 2000, phrases, 100);
  });

  it('serialLabelBefore: exactly SERIAL_BEFORE', () => {
    const pieces = ['sn', 'SN', 's/n', 'S/N', 'serial', 'Serial no', ' no.', ' number', 'x', ' ', '\t', ':', '#', '1', 'a', 'n', 'l', '.', 'r', 'asn', '_', '\n'];
    const phrases: Phrases = {
      SERIAL_BEFORE: [['sn', ':'], ['S/N', ' ', '#', ' '], ['serial', ' number', ':'], ['Serial no', '.'], ['serial', ' no.', '\t', '#'], ['SN', '\t'], ['serial']],
    };
    assertPieces(pieces, phrases);
    const serial = new Tally('SERIAL_BEFORE', phrases.SERIAL_BEFORE!.length);
    const check = (t: string, s: number, phrase = -1) => serial.equals(T.SERIAL_BEFORE.test(t.slice(Math.max(0, s - 16), s)), T.serialLabelBefore(t, s), () => show(t, s), phrase);
    const rnd = seeded(5);
    for (let i = 0; i < cases(150_000); i++) {
      let t = '';
      const n = 1 + rnd(8);
      for (let j = 0; j < n; j++) t += pieces[rnd(pieces.length)]!;
      check(t, rnd(t.length + 1));
    }
    const r = seeded(4);
    for (let i = 0; i < cases(20_000); i++) {
      const target = pickPhrase(r, phrases);
      const { t, at } = compose(r, pieces, [undefined, target.phrase, undefined]);
      check(t, at[1]!, target.index);
    }
    verdict([serial], 2000, phrases, 100);
  });

  it('trimTrailingPunct, hasDigit, dashOrCommaBefore: exactly their regexes', () => {
    const al = ['a', '1', '.', '_', '-', ',', ' ', '\n', '\t', '\u00a0', 'x', 'Z'];
    const trim = new Tally('/[._-]+$/');
    const digit = new Tally('/\\d/');
    const dash = new Tally('/[-,]\\s*$/');
    const rnd = seeded(3);
    for (let i = 0; i < cases(100_000); i++) {
      let t = '';
      const n = rnd(10);
      for (let j = 0; j < n; j++) t += al[rnd(al.length)]!;
      const trimmed = t.replace(/[._-]+$/, '');
      const got = T.trimTrailingPunct(t);
      trim.see(trimmed !== t, got === trimmed, () => `${show(t)} gives ${JSON.stringify(got)}`);
      digit.equals(/\d/.test(t), T.hasDigit(t), () => show(t));
      const a = rnd(t.length + 1);
      const b = a + rnd(t.length - a + 1);
      dash.equals(/[-,]\s*$/.test(t.slice(a, b)), T.dashOrCommaBefore(t, a, b), () => show(t, a, b));
    }
    verdict([trim, digit, dash], 2000);
  });

  it('facilityWordIn, accountFieldBefore, camelHump: never no where FACILITY_BEFORE matches; exactly ACCOUNT_FIELD_BEFORE and the camel-hump split', () => {
    const pieces = ['Clinic', 'clinic', 'Hospital', 'Care', 'Healthcare', 'Center', 'centre', 'Location', 'Site', ':', ' ', '\t', '(', ',', '-', ' at ', 'Fox', 'Chapel', 'Main', 'A&B', "O'Neil", 'x', 'UPN', 'upn', 'userPrincipalName', 'ProxyAddresses', 'resource account', 'Message-ID', '=', '<', 'id', 'ID', 'Account', '\n', 'Medicine', 'Family', 'Urgent', 'the', '1'];
    const phrases: Phrases = {
      FACILITY_BEFORE: [
        ['Family', ' ', 'Medicine', ',', ' '],
        ['Urgent', ' ', 'Care', ' at ', 'Main'],
        ['Hospital', ' ', '-', ' ', 'Fox', ' ', 'Chapel', ' ', '('],
        ['clinic', ' ', '('],
        ['Location', ':', ' '],
        ['\t', 'Site', ' ', ':'],
        ['centre', ',', ' ', "O'Neil", ' ', 'A&B', ' ', '-'],
      ],
      ACCOUNT_FIELD_BEFORE: [['UPN', ':', ' '], ['upn', '='], ['userPrincipalName', ' ', '=', ' ', '<'], ['ProxyAddresses', ':', '<'], ['resource account', ' '], ['Message-ID', ':', ' ', '<'], ['resource account', '\t', '=']],
    };
    assertPieces(pieces, phrases);
    const facility = new Tally('FACILITY_BEFORE', phrases.FACILITY_BEFORE!.length);
    const account = new Tally('ACCOUNT_FIELD_BEFORE', phrases.ACCOUNT_FIELD_BEFORE!.length);
    const camel = new Tally('camel-hump split');
    const check = (t: string, s: number, target?: { check: string; index: number }, line = t) => {
      facility.needs(T.FACILITY_BEFORE.test(line), T.facilityWordIn(line), () => show(line), target?.check === facility.name ? target.index : -1);
      account.equals(T.ACCOUNT_FIELD_BEFORE.test(t.slice(Math.max(0, s - 40), s)), T.accountFieldBefore(t, s), () => show(t, s), target?.check === account.name ? target.index : -1);
      camel.equals(t.split(/(?<=[a-z])(?=[A-Z])/).length >= 2, T.camelHump(t), () => show(t));
    };
    const rnd = seeded(11);
    for (let i = 0; i < cases(150_000); i++) {
      let t = '';
      const n = 1 + rnd(8);
      for (let j = 0; j < n; j++) t += pieces[rnd(pieces.length)]!;
      check(t, rnd(t.length + 1));
    }
    const r = seeded(6);
    for (let i = 0; i < cases(30_000); i++) {
      const target = pickPhrase(r, phrases);
      const { t, at } = compose(r, pieces, [undefined, target.phrase, undefined]);
      // (FACILITY_BEFORE is asked of the text before an address: up to the phrase's end)
      check(t, at[1]!, target, target.check === facility.name ? t.slice(0, at[1]) : t);
    }
    verdict([facility, account, camel], 2000, phrases, 100);
  });

  it('eventPhraseBefore: exactly EVENT_PHRASE_BEFORE', () => {
    const pieces = ['date of ', 'Date Of ', 'DATE OF ', 'birth', 'admission', 'discharge', 'service', 'onset', ' ', ':', '\n', '1', 'x', 'abc', '(MM/DD/YYYY)', 'date', 'of', ' of ', 'Birth', ': ', '*', 'update', 'dated'];
    const phrases: Phrases = {
      EVENT_PHRASE_BEFORE: [
        ['date of ', 'birth', ': '],
        ['Date Of ', 'admission', ' ', 'abc', ':'],
        ['DATE OF ', 'onset', '*', ':'],
        ['date', ' of ', 'Birth', ' ', 'abc'],
        ['date of ', 'discharge', ' ', 'x', ':', ' '],
        ['date', ' ', 'of', ' ', 'service', ' ', '(MM/DD/YYYY)'],
      ],
    };
    assertPieces(pieces, phrases);
    const phrase = new Tally('EVENT_PHRASE_BEFORE', phrases.EVENT_PHRASE_BEFORE!.length);
    const check = (t: string, s: number, index = -1) => phrase.equals(T.EVENT_PHRASE_BEFORE.test(t.slice(Math.max(0, s - 40), s)), T.eventPhraseBefore(t, s), () => show(t, s), index);
    const rnd = seeded(21);
    for (let i = 0; i < cases(150_000); i++) {
      let t = '';
      const n = 1 + rnd(9);
      for (let j = 0; j < n; j++) t += pieces[rnd(pieces.length)]!;
      check(t, t.length - rnd(3));
    }
    const r = seeded(7);
    for (let i = 0; i < cases(20_000); i++) {
      const target = pickPhrase(r, phrases);
      const { t, at } = compose(r, pieces, [undefined, target.phrase, undefined]);
      check(t, at[1]! - r(3), target.index);
    }
    verdict([phrase], 2000, phrases, 100);
  });

  it("intlDigitsFrom: at least seven where INTL's regex matches seven digits", () => {
    const re = T.matchers.INTL.re;
    const pieces = ['12', '123', '1234', '12345', '1', '123456', '0044', '00', ' ', ' ', '.', '-', '-', 'x', ' x', '1', '9', '(0)', 'a'];
    const phrases: Phrases = {
      INTL: [
        ['0044', ' ', '12', ' ', '1234', ' ', '123'],
        ['123', '-', '1234', '.', '12'],
        ['12', ' ', '12', ' ', '12', ' ', '12', ' x', '12'],
        ['1234', '-', '123', 'x', '123456'],
        ['00', '1', ' ', '12345', ' ', '12'],
        ['12345', '.', '12345'],
        ['9', '1', ' ', '123', ' ', '12', '-', '12'],
        ['12', '.', '12', '.', '12', '.', '12', '.', '12'],
      ],
    };
    assertPieces(pieces, phrases);
    const intl = new Tally('INTL', phrases.INTL!.length);
    const isDigit = (t: string, k: number) => t.charCodeAt(k) >= 48 && t.charCodeAt(k) <= 57;
    const check = (t: string, pos: number, phrase = -1) => {
      if (!isDigit(t, pos)) return;
      re.lastIndex = pos;
      const m = re.exec(t);
      if (!m) return;
      let digits = 0;
      for (const ch of m[0]) if (ch >= '0' && ch <= '9') digits++;
      intl.needs(digits >= 7, T.intlDigitsFrom(t, pos) >= 7, () => `${show(t, pos)} ${JSON.stringify(m[0])}`, phrase);
    };
    const rnd = seeded(8);
    for (let i = 0; i < cases(150_000); i++) {
      let t = '';
      const n = 1 + rnd(12);
      for (let j = 0; j < n; j++) t += pieces[rnd(pieces.length)]!;
      check(t, rnd(t.length));
    }
    // biased: runs of digit groups from the pieces, asked from the first digit; else a digit where the
    // regex may start (none of [\w+.-] before it)
    const r = seeded(9);
    const starts: number[] = [];
    for (let i = 0; i < cases(60_000); i++) {
      const target = pickPhrase(r, phrases);
      const { t, at } = compose(r, pieces, [undefined, target.phrase, undefined]);
      if (r(2) === 0) {
        check(t, at[0]!, target.index);
        continue;
      }
      starts.length = 0;
      for (let k = 0; k < t.length; k++) if (isDigit(t, k) && !(k > 0 && /[\w+.-]/.test(t[k - 1]!))) starts.push(k);
      if (starts.length > 0) check(t, starts[r(starts.length)]!);
    }
    verdict([intl], 2000, phrases, 100);
  });
});
