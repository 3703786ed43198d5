/**
 * Char-code helpers of src/phi/names.ts against the regular expressions their doc comments
 * state: each is run on seeded fuzzed text built from the pieces that matter to the pattern, at
 * every position, and must give exactly the regex's answer (same boolean / same end or length).
 */
import { describe, expect, it } from 'vitest';
import { Scan } from '../../src/phi/context';
import '../../src/phi/detect'; // (registers every known word, so a Scan here is the detector's)
import { __testing as h, nameRule } from '../../src/phi/names';
import { fuzz, same, stickyEnd, stickyTest } from '../support/fuzz';

const N = 2000;




describe('char-code helpers of names.ts against their regex', () => {
  it('signOffBefore (and introBefore\'s test of the character before the word)', () => {
    const re = /(?:thanks|thank you|thx|regards|best|cheers|sincerely|respectfully|love)[,!.]?\s{1,4}$/i;
    const pieces = ['Thanks, ', 'regards,\n', 'best ', 'thx!\t', 'love.\r\n', 'thanks', 'thank you', 'thank', 'you', ' you', 'thx', 'th', 'regards', 'regard', 'best', 'bes', 'cheers', 'sincerely', 'respectfully', 'love', 'lov', 'x', ',', '!', '.', ';', ' ', '  ', '\t', '\n', '\r', '\u00a0', '\u2028', 'é', '\u017f', '\u212a'];
    let yes = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 6);
      for (let at = 0; at <= text.length; at++) {
        const want = re.test(text.slice(Math.max(0, at - 16), at));
        if (want) {
          yes++;
          // introBefore asks only after a character <= 32 or >= 127
          const pc = text.charCodeAt(at - 1);
          same(at, at > 0 && (pc <= 32 || pc >= 127), true);
        }
        same(at, h.signOffBefore(text, at), want);
      }
    }
    expect(yes).toBeGreaterThan(2000);
  });

  it('caretTail (the HL7 name regex from its first \'^\' on)', () => {
    const re = /\^[A-Z][A-Za-z'-]+(?:\^[A-Z][A-Za-z'-]*)?(?![\w^])/y;
    const pieces = ['^', '^', '^^', 'RICE', 'Ottis', '^Ottis', '^B', 'A', 'b', "O'", "'", '-', 'x', '_', '1', ' ', '(', ')', 'é', '\n', '\t'];
    let carets = 0;
    let yes = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 7);
      for (let k = 0; k < text.length; k++) {
        if (text.charCodeAt(k) !== 94) continue; // (asked only at a '^')
        carets++;
        const want = stickyEnd(re, text, k, -1);
        if (want !== -1) yes++;
        same(k, h.caretTail(text, k), want);
      }
    }
    expect(carets).toBeGreaterThan(2500);
    expect(yes).toBeGreaterThan(600);
  });

  it('nameRule\'s HL7 names: the global search of the stated regex, message types left out', () => {
    const re = /(?<![\w^])[A-Z][A-Za-z'-]+\^[A-Z][A-Za-z'-]+(?:\^[A-Z][A-Za-z'-]*)?(?![\w^])/g;
    // (a match can end before a ' or - inside a run that goes on to the next '^': 'Ab^Cd^Ef-Gh' then "'x^Kl")
    const pieces = ['Rice^Ottis', 'HOLMES^BILL^A', 'Jo^Al', 'Ab^Cd^Ef-Gh', "'x^Kl", '-Mn', '^', '^^', 'RICE', 'Ottis', '^Ottis', 'ADT', 'ADT^A01', 'ORU^R01', 'A', 'b', "O'", "'", '-', 'x', '_', '1', ' ', '(', 'é', '\n'];
    let names = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 8);
      const want: number[][] = [];
      for (const m of text.matchAll(re)) {
        const start = m.index;
        if (text.charCodeAt(start + 3) === 94 && h.MESSAGE_TYPES.has(text.slice(start, start + 3))) continue;
        want.push([start, start + m[0].length]);
      }
      names += want.length;
      const got: number[][] = [];
      nameRule(new Scan(text), (_type, start, end, _score, rule) => {
        if (rule === 'name.hl7') got.push([start, end]);
      });
      same(seed, JSON.stringify(got), JSON.stringify(want));
    }
    expect(names).toBeGreaterThan(400);
  });

  it('speechAfter', () => {
    const re = /,? (?:said|says|shouted|told|asked|replied|wrote|explained)\b/y;
    const pieces = [', said', ' says', ' told ', ', asked', ' wrote.', ' explained,', ',', ' ', ', ', 'said', 'says', 'sai', 'shouted', 'shout', 'told', 'asked', 'replied', 'wrote', 'explained', 'explain', 'x', 's', '_', '1', 'é', '\n', '\t'];
    let yes = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 6);
      for (let p = 0; p <= text.length; p++) {
        const want = stickyTest(re, text, p);
        if (want) yes++;
        same(p, h.speechAfter(text, p), want);
      }
    }
    expect(yes).toBeGreaterThan(1000);
  });

  it('speechBefore (and scoreRun\'s test of the two characters before the word)', () => {
    const re = /(?:said|told|asked|shouted at|with|and|to) $/;
    const pieces = ['said ', 'told ', 'and ', 'with ', 'to ', 'shouted at ', 'asked ', 'said', 'told', 'asked', 'shouted', 'shouted at', ' at', 'at', 'with', 'and', 'band', 'to', 'o', 'd', 't', 'h', 'x', ' ', '  ', '\t', 'é', '\u0164', '\u00e4', '\n'];
    let spaces = 0;
    let yes = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 6);
      for (let at = 0; at <= text.length; at++) {
        if (text.charCodeAt(at - 1) !== 32) continue; // (asked only after a space)
        spaces++;
        const want = re.test(text.slice(Math.max(0, at - 12), at));
        if (want) {
          yes++;
          same(at, h.SPEECH_END[text.charCodeAt(at - 2) & 127], 1);
        }
        same(at, h.speechBefore(text, at), want);
      }
    }
    expect(spaces).toBeGreaterThan(3000);
    expect(yes).toBeGreaterThan(1000);
  });

  it('lineStartBefore', () => {
    const re = /\n\s*$|^\s*$/;
    const pieces = ['\n', '\r', '\r\n', ' ', '\t', '\u00a0', '\u2028', '\u3000', 'x', 'é', ':', '_'];
    let yes = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 6);
      for (let at = 0; at <= text.length; at++) {
        const want = re.test(text.slice(Math.max(0, at - 3), at));
        if (want) yes++;
        same(at, h.lineStartBefore(text, at), want);
      }
    }
    expect(yes).toBeGreaterThan(5000);
  });

  it('suffixAt', () => {
    const re = /,? (?:Jr|Sr|JR|SR|II|III|IV)\b\.?/y;
    const pieces = [', Jr', ' Sr.', ' III', ', II', ' IV', ' JR', ', SR.', ',', ' ', ', ', 'Jr', 'Sr', 'jr', 'JR', 'sR', 'II', 'III', 'IV', 'I', 'V', 'VI', '.', 'x', '_', '1', 'é', '\n'];
    let yes = 0;
    for (let seed = 1; seed <= N; seed++) {
      const text = fuzz(seed, pieces, 6);
      for (let p = 0; p <= text.length; p++) {
        const want = stickyEnd(re, text, p, p) - p;
        if (want !== 0) yes++;
        same(p, h.suffixAt(text, p), want);
      }
    }
    expect(yes).toBeGreaterThan(1000);
  });

  it('isCaretNameCh and caretBoundary over every code unit (and past the end)', () => {
    const classes: Array<[(c: number) => boolean, RegExp, boolean]> = [
      [h.isCaretNameCh, /[A-Za-z'-]/, false],
      [h.caretBoundary, /[^\w^]/, true],
    ];
    for (const [is, re, pastEnd] of classes) {
      let yes = 0;
      for (let c = 0; c < 0x10000; c++) {
        const want = re.test(String.fromCharCode(c));
        if (want) yes++;
        same(c, is(c), want);
      }
      same('NaN', is(Number.NaN), pastEnd);
      expect(yes).toBeGreaterThan(50);
    }
  });
});
