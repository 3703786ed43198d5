import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { faker } from '@faker-js/faker';
import { SyncRedactor } from 'redact-pii';
import { Redactor } from '@redactpii/node';
import {
  evaluate,
  evaluateDoc,
  f2Score,
  mergeRegions,
  strictlyCovered,
  type LabelledDoc,
  type PredSpan,
} from '../../bench/metrics';
import {
  REDACTPII_NODE_PLACEHOLDERS,
  REDACTPII_NODE_RULE_PLACEHOLDER,
  REDACT_PII_PLACEHOLDERS,
  alignRedaction,
  applySpans,
  mapOpenRedactionType,
  redactPiiNodeValidators,
  redactPiiValidators,
  type AlignedSpan,
} from '../../bench/peers';

const doc = (text: string, spans: LabelledDoc['spans'], neutral?: LabelledDoc['neutral']): LabelledDoc => ({
  id: 'd',
  text,
  spans,
  neutral,
});

/** Gold span for the first occurrence of `value` in `text`. */
function at(text: string, value: string, type = 'NAME'): { type: string; start: number; end: number } {
  const start = text.indexOf(value);
  if (start < 0) throw new Error(`"${value}" not in text`);
  return { type, start, end: start + value.length };
}

describe('metrics: recall', () => {
  const text = 'Pt John Smith DOB 03/14/1962 called';
  const name = at(text, 'John Smith', 'NAME');
  const dob = at(text, '03/14/1962', 'DATE');

  it('counts a gold span as found when any prediction overlaps it, whatever its type', () => {
    const e = evaluate([doc(text, [name, dob])], [[{ start: name.start + 2, end: name.start + 3, type: 'DATE' }]]);
    expect(e.overall).toEqual({ gold: 2, found: 1, foundTyped: 0, strict: 0 });
    expect(e.recall).toBe(0.5);
    expect(e.typedRecall).toBe(0);
    expect(e.perType.NAME).toEqual({ gold: 1, found: 1, foundTyped: 0, strict: 0 });
    expect(e.perType.DATE).toEqual({ gold: 1, found: 0, foundTyped: 0, strict: 0 });
  });

  it('type-aware recall needs an overlapping prediction of the same type', () => {
    const e = evaluate([doc(text, [name, dob])], [[{ ...name, type: 'NAME' }, { ...dob, type: 'AGE' }]]);
    expect(e.recall).toBe(1);
    expect(e.typedRecall).toBe(0.5);
  });

  it('touching is not overlapping (end is exclusive)', () => {
    const e = evaluate([doc(text, [name])], [[{ start: name.end, end: name.end + 4 }, { start: 0, end: name.start }]]);
    expect(e.overall.found).toBe(0);
  });

  it('a prediction covering the gold span except one character passes recall but fails strict recall', () => {
    const e = evaluate([doc(text, [name])], [[{ start: name.start, end: name.end - 1, type: 'NAME' }]]);
    expect(e.recall).toBe(1);
    expect(e.typedRecall).toBe(1);
    expect(e.strictRecall).toBe(0);
    const first = evaluate([doc(text, [name])], [[{ start: name.start + 1, end: name.end }]]);
    expect(first.recall).toBe(1);
    expect(first.strictRecall).toBe(0);
  });

  it('strict recall: the union of several predictions may cover the span; whitespace gaps do not leak', () => {
    const john = at(text, 'John');
    const smith = at(text, 'Smith');
    const e = evaluate([doc(text, [name])], [[john, smith]]);
    expect(e.strictRecall).toBe(1);
    const multi = 'Patient lives at 12 Oak St\n  Springfield';
    const addr = { type: 'ADDRESS', start: multi.indexOf('12'), end: multi.length };
    const parts = [at(multi, '12 Oak St'), at(multi, 'Springfield')];
    expect(evaluate([doc(multi, [addr])], [parts]).strictRecall).toBe(1);
    // a punctuation gap does leak
    const comma = 'Smith, John';
    expect(evaluate([doc(comma, [at(comma, 'Smith, John')])], [[at(comma, 'Smith'), at(comma, 'John')]]).strictRecall).toBe(0);
  });

  it('strictlyCovered with overlapping and unsorted predictions', () => {
    const merged = mergeRegions([
      { start: 10, end: 14 },
      { start: 3, end: 6 },
      { start: 5, end: 10 },
      { start: 20, end: 20 },
    ]);
    expect(merged).toEqual([{ start: 3, end: 14 }]);
    const t = 'x'.repeat(30);
    expect(strictlyCovered(t, { start: 3, end: 14 }, merged)).toBe(true);
    expect(strictlyCovered(t, { start: 2, end: 14 }, merged)).toBe(false);
    expect(strictlyCovered(t, { start: 3, end: 15 }, merged)).toBe(false);
    expect(strictlyCovered(t, { start: 3, end: 14 }, mergeRegions([{ start: 3, end: 8 }, { start: 9, end: 14 }]))).toBe(false);
  });
});

describe('metrics: precision and F2', () => {
  const text = 'Acme Health: pt Jane Roe called from 555-201-3344 about ticket 4411';
  const gold = [at(text, 'Jane Roe'), at(text, '555-201-3344', 'PHONE')];
  const neutral = [at(text, 'Acme Health')];

  it('TP overlaps gold, predictions overlapping only neutral regions are ignored, the rest are FP', () => {
    const preds: PredSpan[] = [
      { ...at(text, 'Jane'), type: 'NAME' }, // TP
      { ...at(text, 'Roe'), type: 'NAME' }, // TP (a second prediction on the same gold span)
      { ...at(text, 'Acme'), type: 'NAME' }, // ignored (neutral only)
      { start: at(text, 'Health').start, end: at(text, 'pt Jane').end, type: 'NAME' }, // TP: overlaps gold and neutral
      { ...at(text, '4411'), type: 'MRN' }, // FP
      { start: 5, end: 5 }, // empty: not counted
    ];
    const out = evaluateDoc(doc(text, gold, neutral), preds);
    expect(out.preds.map((p) => p.verdict)).toEqual(['tp', 'tp', 'ignored', 'tp', 'fp']);
    const e = evaluate([doc(text, gold, neutral)], [preds]);
    expect(e.tp).toBe(3);
    expect(e.fp).toBe(1);
    expect(e.ignored).toBe(1);
    expect(e.predicted).toBe(5);
    expect(e.precision).toBe(0.75);
    expect(e.recall).toBe(0.5);
    expect(e.f2).toBeCloseTo((5 * 0.75 * 0.5) / (4 * 0.75 + 0.5), 12);
  });

  it('without neutral regions the same prediction is a false positive', () => {
    const e = evaluate([doc(text, gold)], [[{ ...at(text, 'Acme') }]]);
    expect(e.fp).toBe(1);
    expect(e.precision).toBe(0);
  });

  it('F2 weighs recall over precision', () => {
    expect(f2Score(0.5, 1)).toBeCloseTo(5 / 6, 12);
    expect(f2Score(1, 0.5)).toBeCloseTo(2.5 / 4.5, 12);
    expect(f2Score(1, 1)).toBe(1);
    expect(f2Score(Number.NaN, 0)).toBe(0);
  });

  it('no predictions: recall 0, precision undefined, F2 0; aggregates over documents', () => {
    const e = evaluate([doc(text, gold), doc('nothing here', [])], [[], []]);
    expect(e.recall).toBe(0);
    expect(Number.isNaN(e.precision)).toBe(true);
    expect(e.f2).toBe(0);
    const two = evaluate(
      [doc(text, gold), doc('call 555-999-1234', [{ type: 'PHONE', start: 5, end: 17 }])],
      [[gold[0]!], [{ start: 5, end: 17, type: 'PHONE' }, { start: 0, end: 4 }]],
    );
    expect(two.overall.gold).toBe(3);
    expect(two.overall.found).toBe(2);
    expect(two.perType.PHONE).toEqual({ gold: 2, found: 1, foundTyped: 1, strict: 1 });
    expect(two.precision).toBeCloseTo(2 / 3, 12);
    expect(() => evaluate([doc(text, gold)], [])).toThrow();
  });

  it('counts the tickets without PHI that get flagged, neutral regions included', () => {
    const sig = 'Printer down.\n\nThanks,\nBrian';
    const docs = [doc(text, gold), doc(sig, [], [{ start: sig.indexOf('Brian'), end: sig.length }]), doc('VPN drops hourly', [])];
    const e = evaluate(docs, [[gold[0]!], [{ start: sig.indexOf('Brian'), end: sig.length, type: 'NAME' }], []]);
    expect(e.cleanDocs).toBe(2);
    expect(e.cleanFlagged).toBe(1);
    // the flag on the signature is ignored by precision, not by the ticket count
    expect(e.fp).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Span recovery for the placeholder-based peers

describe('alignRedaction: hand-made cases', () => {
  const ph = Object.keys(REDACT_PII_PLACEHOLDERS);
  const spansOf = (o: string, r: string) => alignRedaction(o, r, ph)?.map((s) => [o.slice(s.start, s.end), s.placeholder]);

  it('recovers replaced runs', () => {
    expect(spansOf('Call 555-123-4567 now', 'Call PHONE_NUMBER now')).toEqual([['555-123-4567', 'PHONE_NUMBER']]);
    expect(spansOf('555-123-4567', 'PHONE_NUMBER')).toEqual([['555-123-4567', 'PHONE_NUMBER']]);
    expect(spansOf('Hi David Johnson, call 555-555-5555', 'Hi PERSON_NAME, call PHONE_NUMBER')).toEqual([
      ['David Johnson', 'PERSON_NAME'],
      ['555-555-5555', 'PHONE_NUMBER'],
    ]);
    expect(spansOf('ids 12345 67890.', 'ids DIGITS DIGITS.')).toEqual([
      ['12345', 'DIGITS'],
      ['67890', 'DIGITS'],
    ]);
    expect(spansOf('no pii here', 'no pii here')).toEqual([]);
  });

  it('a placeholder word that is the original text is not a replacement', () => {
    expect(spansOf('Open the URL: https://x.org/a now', 'Open the URL: URL now')).toEqual([['https://x.org/a', 'URL']]);
    expect(spansOf('PASSWORD reset for 1234', 'PASSWORD reset for DIGITS')).toEqual([['1234', 'DIGITS']]);
  });

  it('backtracks when the shortest run does not let the rest match', () => {
    // "Smith" also follows the first replaced run; the first " Smith" is inside the replaced name.
    expect(spansOf('Dear Ann Smith Smith x', 'Dear PERSON_NAME Smith x')).toEqual([['Ann Smith', 'PERSON_NAME']]);
    expect(spansOf('a 1234 b 5678', 'a DIGITSDIGITS')).toEqual([
      ['1', 'DIGITS'],
      ['234 b 5678', 'DIGITS'],
    ]);
  });

  it('returns null when the texts do not align', () => {
    expect(alignRedaction('abc', 'abd', ph)).toBeNull();
    expect(alignRedaction('abc', 'abcDIGITS', ph)).toBeNull();
  });

  it('applySpans rebuilds the redacted text', () => {
    const o = 'Hi David Johnson, call 555-555-5555';
    const r = 'Hi PERSON_NAME, call PHONE_NUMBER';
    expect(applySpans(o, alignRedaction(o, r, ph)!)).toBe(r);
  });

  it('maps openredaction types for the type-aware column', () => {
    expect(mapOpenRedactionType('EMAIL')).toBe('EMAIL');
    expect(mapOpenRedactionType('PHONE_US')).toBe('PHONE');
    expect(mapOpenRedactionType('ADDRESS_STREET')).toBe('ADDRESS');
    expect(mapOpenRedactionType('MAC_ADDRESS')).toBe('DEVICE');
    expect(mapOpenRedactionType('BITCOIN_ADDRESS')).toBe('OTHER_ID');
    expect(mapOpenRedactionType('DATE_OF_BIRTH')).toBe('DATE');
    expect(mapOpenRedactionType('IPV4')).toBe('IP');
    expect(mapOpenRedactionType('NAME')).toBe('NAME');
    expect(mapOpenRedactionType('USERNAME')).toBe('OTHER_ID');
    expect(mapOpenRedactionType('MEDICAL_RECORD_NUMBER')).toBe('MRN');
    expect(mapOpenRedactionType('TEXAS_LICENSE_PLATE')).toBe('VEHICLE');
    expect(mapOpenRedactionType('DRIVING_LICENSE_US')).toBe('LICENSE');
  });
});

/**
 * Oracle: replays each peer's own redaction steps (its runtime rules, read from the instance) on a
 * string that remembers, for every character, which original range it stands for. Its final text
 * must equal the peer's real output (checked), so its spans are the ground truth for the aligner.
 */
class Tracked {
  constructor(
    public text: string,
    /** Original range of each character; a placeholder's characters share the range they replaced. */
    public from: number[],
    public to: number[],
    /** Replacement instance of each character, -1 for original characters. */
    public inst: number[],
  ) {}
  static of(text: string): Tracked {
    const units = Array.from({ length: text.length }, (_, i) => i); // UTF-16 code units
    return new Tracked(text, units, units.map((i) => i + 1), units.map(() => -1));
  }
  private static next = 0;
  /** Replaces the given disjoint, sorted ranges [a, b) of the current text. */
  replace(ranges: { a: number; b: number; with: string }[]): void {
    let text = '';
    const from: number[] = [];
    const to: number[] = [];
    const inst: number[] = [];
    let at = 0;
    const keep = (a: number, b: number) => {
      text += this.text.slice(a, b);
      for (let j = a; j < b; j++) {
        from.push(this.from[j]!);
        to.push(this.to[j]!);
        inst.push(this.inst[j]!);
      }
    };
    for (const r of ranges) {
      keep(at, r.a);
      const id = Tracked.next++;
      const f = r.b > r.a ? this.from[r.a]! : (this.from[r.a] ?? this.to[r.a - 1] ?? 0);
      const t = r.b > r.a ? this.to[r.b - 1]! : f;
      text += r.with;
      for (let j = 0; j < r.with.length; j++) {
        from.push(f);
        to.push(t);
        inst.push(id);
      }
      at = r.b;
    }
    keep(at, this.text.length);
    Object.assign(this, { text, from, to, inst });
  }
  regexReplace(re: RegExp, placeholder: string, keepGroup1 = false): void {
    const fresh = new RegExp(re.source, re.flags);
    const ranges = [...this.text.matchAll(fresh)].map((m) => {
      const lead = keepGroup1 ? (m[1] ?? '').length : 0;
      return { a: m.index + lead, b: m.index + m[0].length, with: placeholder };
    });
    this.replace(ranges);
  }
  spans(): AlignedSpan[] {
    const out: AlignedSpan[] = [];
    for (let j = 0; j < this.text.length; j++) {
      const id = this.inst[j]!;
      if (id < 0 || (j > 0 && this.inst[j - 1] === id)) continue;
      let k = j;
      while (k < this.text.length && this.inst[k] === id) k++;
      out.push({ start: this.from[j]!, end: this.to[j]!, placeholder: this.text.slice(j, k) });
    }
    return out;
  }
}

const require_ = createRequire(import.meta.url);

/** redact-pii's SyncRedactor, replayed from its runtime child redactors. */
function redactPiiOracle(redactor: SyncRedactor, text: string): Tracked {
  const children = (redactor as unknown as { childRedactors: { regexpMatcher?: RegExp; replaceWith: string }[] }).childRedactors;
  const names = require_('redact-pii/lib/built-ins/well-known-names.json') as string[];
  // NameRedactor's module-private regexes, as in lib/built-ins/NameRedactor.js
  const greetingRegex = /(^|\.\s+)(dear|hi|hello|greetings|hey|hey there)/gi;
  const closingRegex =
    /(thx|thanks|thank you|regards|best|[a-z]+ly|[a-z]+ regards|all the best|happy [a-z]+ing|take care|have a [a-z]+ (weekend|night|day))/gi;
  const greetingOrClosing = new RegExp('(((' + greetingRegex.source + ')|(' + closingRegex.source + '\\s*[,.!]*))[\\s-]*)', 'gi');
  const genericName = new RegExp('( ?(([A-Z][a-z]+)|([A-Z]\\.)))+([,.]|[,.]?$)', 'gm');
  const wellKnownNames = new RegExp('\\b(\\s*)(\\s*(' + names.join('|') + '))+\\b', 'gim');

  const t = Tracked.of(text);
  for (const child of children) {
    if (child.regexpMatcher) {
      t.regexReplace(child.regexpMatcher, child.replaceWith);
      continue;
    }
    const ph = child.replaceWith;
    greetingOrClosing.lastIndex = 0;
    let g = greetingOrClosing.exec(t.text);
    while (g !== null) {
      genericName.lastIndex = greetingOrClosing.lastIndex;
      const m = genericName.exec(t.text);
      if (m !== null && m.index === greetingOrClosing.lastIndex) {
        const suffix = m[5] ?? '';
        t.replace([{ a: m.index, b: m.index + m[0].length - suffix.length, with: ph }]);
      }
      g = greetingOrClosing.exec(t.text);
    }
    t.regexReplace(wellKnownNames, ph, true);
  }
  return t;
}

/** @redactpii/node's Redactor, replayed from its runtime active rules. */
function redactPiiNodeOracle(redactor: Redactor, text: string): Tracked {
  const rules = (redactor as unknown as { activeRules: { pattern: RegExp; name: string }[] }).activeRules;
  const placeholderOf = REDACTPII_NODE_RULE_PLACEHOLDER;
  const t = Tracked.of(text);
  for (const r of rules) t.regexReplace(r.pattern, placeholderOf[r.name] ?? 'DIGITS');
  return t;
}

/** Ticket-like texts dense in PII and placeholder ambiguities, plus presidio-research's synthetic texts. */
function sampleTexts(): string[] {
  faker.seed(20240611);
  const out: string[] = [];
  const greet = ['Hi', 'Hello', 'Dear', 'Hey', 'Thanks,', 'Regards,', 'Best regards,', 'Sincerely,', 'Thank you.'];
  for (let i = 0; i < 400; i++) {
    const name = `${faker.person.firstName()} ${faker.person.lastName()}`;
    const parts = [
      `${faker.helpers.arrayElement(greet)} ${name}, ${faker.helpers.arrayElement(['please', 'Please', 'can you'])} call ${faker.phone.number()}.`,
      `Pt ${name} DOB ${faker.date.birthdate().toLocaleDateString('en-US')} MRN ${faker.string.numeric(8)}.`,
      `Email ${faker.internet.email()} or ${faker.internet.url()}/path?q=${faker.string.numeric(4)}`,
      `Lives at ${faker.location.streetAddress()}, ${faker.location.city()}, ${faker.location.state({ abbreviated: true })} ${faker.location.zipCode()}`,
      `SSN ${faker.string.numeric(3)}-${faker.string.numeric(2)}-${faker.string.numeric(4)} card ${faker.finance.creditCardNumber()}`,
      `IP ${faker.internet.ipv4()} user: ${faker.internet.username()} password: ${faker.internet.password()}`,
      `Username: URL PASSWORD DIGITS ${faker.string.numeric(6)}${faker.helpers.arrayElement(['.', ',', '', ' '])}${faker.string.numeric(5)}`,
      `${faker.person.firstName()}.${faker.person.lastName()}@${faker.internet.domainName()}.${faker.string.numeric(4)}`,
      `Thanks. Hi ${name} ${faker.person.lastName()}. Regards, ${faker.person.firstName()}`,
    ];
    out.push(faker.helpers.shuffle(parts).slice(0, faker.number.int({ min: 2, max: parts.length })).join(faker.helpers.arrayElement([' ', '\n', '. ', ' -- '])));
  }
  const presidio = JSON.parse(readFileSync(new URL('../../third_party/presidio-synth-v2.json', import.meta.url), 'utf8')) as { full_text: string }[];
  for (const p of presidio) out.push(p.full_text);
  return out;
}

describe('alignRedaction against replays of the peers (exact spans)', () => {
  const texts = sampleTexts();

  const check = (
    name: string,
    redact: (t: string) => string,
    oracle: (t: string) => Tracked,
    placeholders: readonly string[],
    validators: Record<string, RegExp>,
  ) => {
    it(`${name}: aligned spans equal the replayed spans`, () => {
      let replacements = 0;
      let exact = 0;
      let sameCover = 0;
      const bad: string[] = [];
      for (const text of texts) {
        const redacted = redact(text);
        const truth = oracle(text);
        expect(truth.text, `oracle diverges from ${name} on: ${text}`).toBe(redacted);
        const expected = truth.spans();
        const got = alignRedaction(text, redacted, placeholders, validators);
        expect(got, `no alignment for: ${text}`).not.toBeNull();
        expect(applySpans(text, got!)).toBe(redacted);
        replacements += expected.length;
        const same = JSON.stringify(got) === JSON.stringify(expected);
        if (same) exact += expected.length;
        else {
          // Chained replacements (a later rule swallowing an earlier placeholder) can make the split
          // between adjacent placeholders unknowable from the output; then the same non-whitespace
          // characters must still be covered (what recall, strict recall and precision look at).
          const cover = (spans: AlignedSpan[]) =>
            mergeRegions(spans)
              .flatMap((r) => Array.from({ length: r.end - r.start }, (_, j) => r.start + j))
              .filter((j) => !/\s/.test(text[j]!))
              .join(',');
          if (cover(got!) === cover(expected)) sameCover += expected.length;
          else if (bad.length < 5) bad.push(`${JSON.stringify(text)}\n  expected ${JSON.stringify(expected.map((s) => text.slice(s.start, s.end)))}\n  got      ${JSON.stringify(got!.map((s) => text.slice(s.start, s.end)))}`);
          else bad.push('');
        }
      }
      expect(replacements).toBeGreaterThan(500);
      expect(bad.filter(Boolean), bad.filter(Boolean).join('\n')).toEqual([]);
      expect(exact + sameCover).toBe(replacements);
      expect(exact / replacements).toBeGreaterThan(0.99);
    });
  };

  const redactPii = new SyncRedactor();
  check('redact-pii', (t) => redactPii.redact(t), (t) => redactPiiOracle(redactPii, t), Object.keys(REDACT_PII_PLACEHOLDERS), redactPiiValidators(redactPii));
  const node = new Redactor();
  check('@redactpii/node', (t) => node.redact(t), (t) => redactPiiNodeOracle(node, t), Object.keys(REDACTPII_NODE_PLACEHOLDERS), redactPiiNodeValidators(node));

  it('placeholder lists match the packages at runtime', () => {
    const children = (redactPii as unknown as { childRedactors: { replaceWith: string }[] }).childRedactors;
    expect(new Set(children.map((c) => c.replaceWith))).toEqual(new Set(Object.keys(REDACT_PII_PLACEHOLDERS)));
    const all = new Redactor({ customRules: [/zzz/g] }).redact('a@b.co 555-123-4567 123-45-6789 4111 1111 1111 1111 Hi Ann Lee zzz');
    for (const p of all.match(/[A-Z_]{5,}/g) ?? []) expect(Object.keys(REDACTPII_NODE_PLACEHOLDERS)).toContain(p);
  });
});

describe('bench:independent', () => {
  it('labels every occurrence of each listed value once, and loads the committed sets', async () => {
    const { labelledDocs, loadSet } = await import('../../bench/independent');
    const [doc] = labelledDocs('t', [{ text: 'Pt Ann Lee, MRN 123; Ann Lee again', phi: [['NAME', 'Ann Lee'], ['MRN', '123'], ['NAME', 'Ann Lee'], ['DATE', '']] }]);
    expect(doc!.spans).toEqual([
      { type: 'NAME', start: 3, end: 10 },
      { type: 'NAME', start: 21, end: 28 },
      { type: 'MRN', start: 16, end: 19 },
    ]);
    const set1 = loadSet(1)!;
    expect(set1.clean.length).toBeGreaterThan(0);
    expect(set1.clean.every((d) => d.spans.length === 0)).toBe(true);
    // every labelled value is found in its ticket
    expect(set1.phi.every((d) => d.spans.length > 0)).toBe(true);
  });

  it("loads each set's workforce directory: those built from sets 1-15 name no labelled patient; the authors of sets 16 and 17 put employee-patients and staff relatives in theirs", async () => {
    const { loadSet } = await import('../../bench/independent');
    const { compileDirectory } = await import('../../src/phi/directory');
    let sets = 0;
    const inDirectory: Record<number, string[]> = {
      16: ['hannah weiss', 'tamika rowe', 'tanya whitcomb', 'yesenia castillo'],
      17: ['connor macallister', 'dale pemberton', 'deborah kline-matthews', 'gloria estrada', 'heather mccandless', 'travis dunbar'],
    };
    for (let n = 1; n <= 17; n++) {
      const set = loadSet(n);
      if (!set?.directory) continue;
      sets++;
      const dir = compileDirectory(set.directory);
      expect(dir.size, `set ${n}`).toBeGreaterThan(20);
      const patients = new Set<string>();
      for (const d of set.phi) for (const s of d.spans) if (s.type === 'NAME') patients.add(dir.personOf(d.text.slice(s.start, s.end)) ?? '');
      patients.delete('');
      expect([...patients].sort(), `set ${n}`).toEqual(inDirectory[n] ?? []);
    }
    expect(sets).toBe(17);
  });
});
