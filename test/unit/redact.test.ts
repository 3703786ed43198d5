import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  KEEP_LAST4_MIN_ALNUM,
  MASK_PATTERN,
  defaultMask,
  findMasks,
  mergeFindings,
  normalizeSpan,
  redactText,
  redactWith,
  withoutMaskOverlaps,
  type DetectFn,
} from '../../src/phi/redact';
import type { Finding, PhiType } from '../../src/phi/types';

const f = (type: PhiType, start: number, end: number, score = 0.9, rule = 'test'): Finding => ({ type, start, end, score, rule });

/** A finding for the first occurrence of `value` in `text`. */
function at(text: string, value: string, type: PhiType = 'NAME', score = 0.9): Finding {
  const i = text.indexOf(value);
  if (i < 0) throw new Error(`${value} not in ${text}`);
  return f(type, i, i + value.length, score);
}

/** A fake detector: every occurrence (overlapping ones too) of each secret. */
function secretsDetector(secrets: readonly string[], type: PhiType = 'OTHER_ID'): DetectFn {
  return (text) => {
    const out: Finding[] = [];
    for (const s of secrets) {
      if (s.length === 0) continue;
      for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) out.push(f(type, i, i + s.length));
    }
    return out;
  };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('redactText: masks', () => {
  it('replaces a finding with [PHI:TYPE]', () => {
    const text = 'SSN 123-45-6789 on the registration form';
    expect(redactText(text, [at(text, '123-45-6789', 'SSN')])).toBe('SSN [PHI:SSN] on the registration form');
  });

  it('replaces several findings and keeps everything else', () => {
    const text = 'Pt John Smith DOB 03/14/1962 called from (217) 555-0143';
    const out = redactText(text, [at(text, 'John Smith'), at(text, '03/14/1962', 'DATE'), at(text, '(217) 555-0143', 'PHONE')]);
    expect(out).toBe('Pt [PHI:NAME] DOB [PHI:DATE] called from [PHI:PHONE]');
  });

  it('accepts findings in any order', () => {
    const text = 'a John b 123-45-6789 c';
    const fs = [at(text, '123-45-6789', 'SSN'), at(text, 'John')];
    expect(redactText(text, fs)).toBe('a [PHI:NAME] b [PHI:SSN] c');
  });

  it('uses a custom mask', () => {
    const text = 'call John now';
    expect(redactText(text, [at(text, 'John')], { mask: (x) => `<${x.type.toLowerCase()}>` })).toBe('call <name> now');
  });

  it('returns the text unchanged without findings', () => {
    expect(redactText('nothing here', [])).toBe('nothing here');
    expect(redactText('', [f('NAME', 0, 3)])).toBe('');
  });

  it('writes an unknown type as OTHER_ID so the mask stays recognisable', () => {
    expect(defaultMask({ type: 'bogus' as PhiType })).toBe('[PHI:OTHER_ID]');
    expect(MASK_PATTERN.test(defaultMask({ type: 'bogus' as PhiType }))).toBe(true);
  });
});

describe('redactText: keepLast4', () => {
  const text = 'SSN 123-45-6789, zip 62704, acct 000123456';
  const fs = [at(text, '123-45-6789', 'SSN'), at(text, '62704', 'ZIP'), at(text, '000123456', 'ACCOUNT')];

  it('keeps the last 4 letters/digits after the mask for every type', () => {
    expect(redactText(text, fs, { keepLast4: true })).toBe('SSN [PHI:SSN]6789, zip [PHI:ZIP], acct [PHI:ACCOUNT]3456');
  });

  it('only for the listed types', () => {
    expect(redactText(text, fs, { keepLast4: ['SSN'] })).toBe('SSN [PHI:SSN]6789, zip [PHI:ZIP], acct [PHI:ACCOUNT]');
  });

  it(`never shows values with fewer than ${KEEP_LAST4_MIN_ALNUM} letters/digits (no more than half is ever visible)`, () => {
    const t = 'MRN 1234567 ok';
    expect(redactText(t, [at(t, '1234567', 'MRN')], { keepLast4: true })).toBe('MRN [PHI:MRN] ok');
  });

  it('the keepLast4 mask matches MASK_PATTERN', () => {
    expect(findMasks('x [PHI:SSN]6789 y')).toEqual([{ start: 2, end: 15 }]);
  });
});

describe('redactText: overlapping, adjacent and invalid findings', () => {
  it('merges overlapping findings; the highest score names the type', () => {
    const text = 'see 4312 Oak Ave Springfield now';
    const out = redactText(text, [at(text, '4312 Oak Ave', 'ADDRESS', 0.7), at(text, 'Oak Ave Springfield', 'NAME', 0.95)]);
    expect(out).toBe('see [PHI:NAME] now');
  });

  it('merges nested and adjacent findings into one mask', () => {
    const text = 'xx JohnSmith yy';
    const j = at(text, 'John');
    const s = at(text, 'Smith', 'NAME', 0.5);
    expect(redactText(text, [j, s])).toBe('xx [PHI:NAME] yy');
    expect(redactText(text, [at(text, 'JohnSmith', 'OTHER_ID', 0.4), at(text, 'ohn', 'NAME', 0.8)])).toBe('xx [PHI:NAME] yy');
  });

  it('keeps the earliest type on a score tie', () => {
    const text = 'ab cd';
    expect(mergeFindings(text, [f('ZIP', 3, 5, 0.5), f('AGE', 0, 4, 0.5)])).toEqual([{ type: 'AGE', start: 0, end: 5, score: 0.5, rule: 'test' }]);
  });

  it('clamps out-of-bounds offsets and ignores inverted, empty or non-numeric ones', () => {
    const text = 'hello world';
    expect(redactText(text, [f('NAME', -5, 5)])).toBe('[PHI:NAME] world');
    expect(redactText(text, [f('NAME', 6, 500)])).toBe('hello [PHI:NAME]');
    expect(redactText(text, [f('NAME', 8, 3)])).toBe(text);
    expect(redactText(text, [f('NAME', 4, 4)])).toBe(text);
    expect(redactText(text, [f('NAME', 50, 60)])).toBe(text);
    expect(redactText(text, [f('NAME', Number.NaN, 3), f('NAME', 0, Number.NaN)])).toBe(text);
    expect(redactText(text, [f('NAME', -Infinity, Infinity)])).toBe('[PHI:NAME]');
    expect(redactText(text, [f('NAME', 0.5, 2.2)])).toBe('[PHI:NAME]lo world');
    expect(redactText(text, [null as unknown as Finding, undefined as unknown as Finding])).toBe(text);
    expect(redactText(text, [{ type: 'NAME', start: '1', end: 3 } as unknown as Finding])).toBe(text);
  });

  it('does not mutate the findings', () => {
    const fs = [f('NAME', 3, 1), f('SSN', 0, 2), f('NAME', 1, 4)];
    const copy = JSON.parse(JSON.stringify(fs));
    redactText('abcdef', fs);
    mergeFindings('abcdef', fs);
    expect(fs).toEqual(copy);
  });
});

describe('redactText: surrogate pairs', () => {
  it('never splits a pair: a finding starting on a low surrogate or ending on a high one is widened', () => {
    const text = 'x😀y🎉z'; // x=0, 😀=1..2, y=3, 🎉=4..5, z=6
    expect(normalizeSpan(text, 2, 3)).toEqual({ start: 1, end: 3 });
    expect(normalizeSpan(text, 3, 5)).toEqual({ start: 3, end: 6 });
    expect(redactText(text, [f('NAME', 2, 3)])).toBe('x[PHI:NAME]y🎉z');
    expect(redactText(text, [f('NAME', 3, 5)])).toBe('x😀[PHI:NAME]z');
  });

  it('keeps emoji right next to a finding intact', () => {
    const text = '😀John Smith🎉 and 👩‍⚕️';
    const out = redactText(text, [at(text, 'John Smith')]);
    expect(out).toBe('😀[PHI:NAME]🎉 and 👩‍⚕️');
    expect(LONE_SURROGATE.test(out)).toBe(false);
  });

  it('does not pair unrelated lone surrogates', () => {
    const text = 'a\uDC00b\uD800c';
    expect(normalizeSpan(text, 1, 2)).toEqual({ start: 1, end: 2 });
    expect(normalizeSpan(text, 3, 4)).toEqual({ start: 3, end: 4 });
  });
});

describe('masks are not PHI: MASK_PATTERN, withoutMaskOverlaps, redactWith', () => {
  it('MASK_PATTERN matches both mask forms and is not global', () => {
    expect(MASK_PATTERN.global).toBe(false);
    expect(MASK_PATTERN.test('[PHI:SSN]')).toBe(true);
    expect(MASK_PATTERN.test('[PHI:HEALTH_PLAN_ID]')).toBe(true);
    expect(MASK_PATTERN.exec('[PHI:SSN]6789')![0]).toBe('[PHI:SSN]6789');
    expect(MASK_PATTERN.test('[phi:ssn]')).toBe(false);
    expect(findMasks('a [PHI:NAME] b [PHI:DATE] c')).toEqual([
      { start: 2, end: 12 },
      { start: 15, end: 25 },
    ]);
  });

  it('withoutMaskOverlaps drops findings entirely inside a mask and keeps the rest', () => {
    const text = 'SSN [PHI:SSN]6789 and NAME John';
    const inside = f('OTHER_ID', 13, 17); // "6789"
    const wholeMask = f('OTHER_ID', 4, 17);
    const partial = f('OTHER_ID', 13, 21); // "6789 and"
    const outside = at(text, 'John');
    expect(withoutMaskOverlaps([inside, wholeMask, partial, outside], text)).toEqual([partial, outside]);
    expect(withoutMaskOverlaps([outside], 'no masks John')).toEqual([outside]);
  });

  it('redactWith is idempotent with a detector that would flag the mask suffix', () => {
    const digits: DetectFn = (t) => [...t.matchAll(/\d[\d-]{3,}\d|\bJohn\b/g)].map((m) => f('SSN', m.index!, m.index! + m[0].length));
    const text = 'SSN 123-45-6789 for John';
    const once = redactWith(text, digits, { keepLast4: true });
    expect(once).toBe('SSN [PHI:SSN]6789 for [PHI:SSN]');
    expect(redactWith(once, digits, { keepLast4: true })).toBe(once);
  });
});

describe('redactText: large input', () => {
  it('redacts a 1 MB text with ~30,000 findings quickly', () => {
    const unit = 'Patient SSN 123-45-6789 called. ';
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
    const fs: Finding[] = [];
    for (let i = text.indexOf('123'); i >= 0; i = text.indexOf('123', i + 1)) {
      if (i + 11 <= text.length) fs.push(f('SSN', i, i + 11));
    }
    const t0 = Date.now();
    const out = redactText(text, fs);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(out.split('[PHI:SSN]').length - 1).toBe(fs.length);
    expect(out.startsWith('Patient SSN [PHI:SSN] called. Patient SSN [PHI:SSN] called. ')).toBe(true);
    expect(fs.length).toBeGreaterThan(25_000);
    expect(out.includes('123-45'), 'an SSN survived').toBe(false);
  });
});

// ----------------------------------------------------------------------------------------------
// Properties

/** Text with surrogate pairs, combining marks and newlines; no '[', ']', ':' or capitals (no mask characters). */
const ALPHABET = ['a', 'b', 'c', 'd', 'e', '0', '1', '2', '3', ' ', '-', '\n', 'é', '😀', '🎉', '\u0301'];
const textArb = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 60 }).map((a) => a.join(''));
const typeArb = fc.constantFrom<PhiType>('NAME', 'SSN', 'DATE', 'PHONE', 'OTHER_ID');

function findingsArb(len: number, valid = true): fc.Arbitrary<Finding[]> {
  const pos = valid ? fc.integer({ min: 0, max: len }) : fc.integer({ min: -5, max: len + 5 });
  return fc.array(
    fc.record({ type: typeArb, a: pos, b: pos, score: fc.double({ min: 0, max: 1, noNaN: true }) }).map(({ type, a, b, score }) =>
      valid ? f(type, Math.min(a, b), Math.max(a, b), score) : f(type, a, b, score),
    ),
    { maxLength: 8 },
  );
}

const textWithFindings = (valid = true) => textArb.chain((text) => fc.tuple(fc.constant(text), findingsArb(text.length, valid)));

/** Model: which UTF-16 positions a set of findings covers (clamped, widened to whole code points). */
function coverage(text: string, findings: readonly Finding[]): boolean[] {
  const cov = new Array<boolean>(text.length).fill(false);
  const hi = (i: number) => /[\uD800-\uDBFF]/.test(text[i] ?? '');
  const lo = (i: number) => /[\uDC00-\uDFFF]/.test(text[i] ?? '');
  for (const x of findings) {
    let s = Math.max(0, Math.floor(x.start));
    let e = Math.min(text.length, Math.ceil(x.end));
    if (!(s < e)) continue;
    if (s > 0 && lo(s) && hi(s - 1)) s--;
    if (e < text.length && hi(e - 1) && lo(e)) e++;
    for (let i = s; i < e; i++) cov[i] = true;
  }
  return cov;
}

describe('redactText: properties', () => {
  it('equals the model: every maximal covered run becomes exactly one mask, nothing else changes', () => {
    fc.assert(
      fc.property(textWithFindings(false), ([text, findings]) => {
        const cov = coverage(text, findings);
        let model = '';
        for (let i = 0; i < text.length; i++) {
          if (!cov[i]) model += text[i];
          else if (i === 0 || !cov[i - 1]) model += '\u0001';
        }
        expect(redactText(text, findings, { mask: () => '\u0001' })).toBe(model);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves no finding substring of length >= 4 unless it also occurs outside the findings', () => {
    fc.assert(
      fc.property(textWithFindings(), fc.boolean(), ([text, findings], keep) => {
        // with keepLast4 the suffix is shown on purpose: look only outside the masks
        const redacted = redactText(text, findings, keep ? { keepLast4: ['SSN', 'PHONE'] } : {});
        const out = keep ? redacted.replace(new RegExp(MASK_PATTERN.source, 'g'), '\u0001') : redacted;
        const cov = coverage(text, findings);
        for (const x of findings) {
          const v = text.slice(x.start, x.end);
          if (v.length < 4 || !out.includes(v)) continue;
          // some occurrence of v in the original text touches no covered position
          let outside = false;
          for (let i = text.indexOf(v); i >= 0 && !outside; i = text.indexOf(v, i + 1)) {
            outside = cov.slice(i, i + v.length).every((c) => !c);
          }
          expect(outside, `${JSON.stringify(v)} survived in ${JSON.stringify(out)}`).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent: a detector finding the same substrings finds nothing in the output, and redacting again changes nothing', () => {
    fc.assert(
      fc.property(textWithFindings(), typeArb, ([text, findings], type) => {
        const secrets = findings.map((x) => text.slice(x.start, x.end)).filter((s) => s.length > 0);
        const detector = secretsDetector(secrets, type);
        const once = redactWith(text, detector);
        expect(withoutMaskOverlaps(detector(once), once)).toEqual([]);
        expect(redactWith(once, detector)).toBe(once);
        for (const s of secrets) expect(once.includes(s)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, and never creates a lone surrogate from well-formed text, whatever the findings', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.array(fc.record({ type: typeArb, start: fc.oneof(fc.integer({ min: -10, max: 100 }), fc.double()), end: fc.oneof(fc.integer({ min: -10, max: 100 }), fc.double()), score: fc.double(), rule: fc.string() })),
        (text, findings) => {
          const out = redactText(text, findings as Finding[]);
          expect(LONE_SURROGATE.test(out)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('mergeFindings returns sorted, disjoint, non-adjacent, in-bounds spans', () => {
    fc.assert(
      fc.property(textWithFindings(false), ([text, findings]) => {
        const merged = mergeFindings(text, findings);
        merged.forEach((m, i) => {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(m.start).toBeLessThan(m.end);
          if (i > 0) expect(m.start).toBeGreaterThan(merged[i - 1]!.end);
        });
      }),
      { numRuns: 300 },
    );
  });
});
