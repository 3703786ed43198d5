import { beforeAll, describe, expect, it } from 'vitest';
import { HELDOUT_SEED, TUNE_SEED, generateCorpus, heldoutSplit, tuneSplit } from '../corpus/generate';
import { loadPresidio, readPresidioRecords } from '../corpus/presidio';
import type { LabelledDoc } from '../corpus/types';
import { PHI_TYPES, type PhiType } from '../../src/phi/types';

// --- local check functions (deliberately independent of src/phi/validators.ts) ----------------

function ssnValid(v: string): boolean {
  if (!/^\d{3}([- ]?)\d{2}\1\d{4}$/.test(v)) return false;
  const d = v.replace(/\D/g, '');
  const area = Number(d.slice(0, 3));
  return area !== 0 && area !== 666 && area < 900 && d.slice(3, 5) !== '00' && d.slice(5) !== '0000';
}

function deaValid(v: string): boolean {
  const m = /^[A-Z][A-Z9](\d{7})$/.exec(v);
  if (!m) return false;
  const d = m[1]!.split('').map(Number);
  return (d[0]! + d[2]! + d[4]! + 2 * (d[1]! + d[3]! + d[5]!)) % 10 === d[6];
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

const npiValid = (v: string): boolean => /^[12]\d{9}$/.test(v) && luhn('80840' + v);

function vinValid(v: string): boolean {
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(v)) return false;
  const value = (c: string): number => {
    if (/\d/.test(c)) return Number(c);
    return [1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4, 5, 0, 7, 0, 9, 2, 3, 4, 5, 6, 7, 8, 9][c.charCodeAt(0) - 65]!;
  };
  const w = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += value(v[i]!) * w[i]!;
  const c = sum % 11;
  return v[8] === (c === 10 ? 'X' : String(c));
}

const MBI_A = '[AC-HJKMNP-RT-Y]';
const MBI_RE = new RegExp(`^[1-9]${MBI_A}[AC-HJKMNP-RT-Y0-9]\\d${MBI_A}[AC-HJKMNP-RT-Y0-9]\\d${MBI_A}{2}\\d{2}$`);
function mbiValid(v: string): boolean {
  if (v.includes('-') && !/^.{4}-.{3}-.{4}$/.test(v)) return false;
  return MBI_RE.test(v.replace(/-/g, ''));
}

function gtinValid(gtin: string): boolean {
  let sum = 0;
  for (let i = 0; i < gtin.length - 1; i++) sum += Number(gtin[gtin.length - 2 - i]) * (i % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10 === Number(gtin[gtin.length - 1]);
}

// --- helpers ----------------------------------------------------------------------------------

const slice = (d: LabelledDoc, s: { start: number; end: number }): string => d.text.slice(s.start, s.end);

function valuesOf(docs: LabelledDoc[], type: PhiType): string[] {
  return docs.flatMap((d) => d.spans.filter((s) => s.type === type).map((s) => slice(d, s)));
}

function docsPerType(docs: LabelledDoc[]): Record<PhiType, number> {
  const out = Object.fromEntries(PHI_TYPES.map((t) => [t, 0])) as Record<PhiType, number>;
  for (const d of docs) for (const t of new Set(d.spans.map((s) => s.type))) out[t] += 1;
  return out;
}

function checkIntegrity(docs: LabelledDoc[]): void {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const d of docs) {
    if (ids.has(d.id)) problems.push(`duplicate id ${d.id}`);
    ids.add(d.id);
    const regions = [
      ...d.spans.map((s) => ({ start: s.start, end: s.end, kind: s.type as string })),
      ...(d.neutral ?? []).map((s) => ({ start: s.start, end: s.end, kind: 'neutral' })),
    ];
    for (const s of d.spans) if (!PHI_TYPES.includes(s.type)) problems.push(`${d.id}: unknown type ${s.type}`);
    for (const s of regions) {
      if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > d.text.length || s.start >= s.end) {
        problems.push(`${d.id}: ${s.kind} ${s.start}-${s.end} out of bounds or empty`);
        continue;
      }
      const v = slice(d, s);
      if (v.trim() !== v) problems.push(`${d.id}: ${s.kind} "${v}" has surrounding whitespace`);
    }
    regions.sort((a, b) => a.start - b.start);
    for (let i = 1; i < regions.length; i++) {
      const a = regions[i - 1]!;
      const b = regions[i]!;
      if (b.start < a.end) problems.push(`${d.id}: ${a.kind} "${slice(d, a)}" overlaps ${b.kind} "${slice(d, b)}"`);
    }
  }
  expect(problems.slice(0, 20)).toEqual([]);
}

// --- generator --------------------------------------------------------------------------------

describe('corpus generator', () => {
  let tune: LabelledDoc[];
  let held: LabelledDoc[];
  let ms = 0;

  beforeAll(() => {
    const t0 = performance.now();
    tune = tuneSplit(600);
    held = heldoutSplit(600);
    ms = performance.now() - t0;
  });

  it('is fast enough to regenerate on every run (1200 docs)', () => {
    expect(ms).toBeLessThan(4000);
  });

  it('is deterministic per seed and prefix-stable', () => {
    const a = generateCorpus({ seed: 4242, count: 60 });
    const b = generateCorpus({ seed: 4242, count: 60 });
    expect(b).toEqual(a);
    expect(generateCorpus({ seed: 4242, count: 25 })).toEqual(a.slice(0, 25));
    expect(tuneSplit(40)).toEqual(tune.slice(0, 40));
    expect(heldoutSplit(40)).toEqual(held.slice(0, 40));
  });

  it('differs between seeds', () => {
    const a = generateCorpus({ seed: 1, count: 50 });
    const b = generateCorpus({ seed: 2, count: 50 });
    const same = a.filter((d, i) => d.text === b[i]!.text).length;
    expect(same).toBeLessThan(3);
    expect(TUNE_SEED).not.toBe(HELDOUT_SEED);
    expect(new Set(tune.map((d) => d.text)).size).toBeGreaterThan(590);
  });

  it('reserves phrasings for the held-out split', () => {
    const reserved = ['Med Rec No.', 'Medicare Beneficiary Identifier', 'got a walk-in', 'last four of SSN', 'Hey service desk'];
    for (const phrase of reserved) {
      expect(tune.filter((d) => d.text.includes(phrase)).length, phrase).toBe(0);
    }
    const heldHits = reserved.reduce((n, phrase) => n + held.filter((d) => d.text.includes(phrase)).length, 0);
    expect(heldHits).toBeGreaterThan(20);
    expect(held.every((d) => d.id.startsWith('heldout-'))).toBe(true);
    expect(tune.every((d) => d.id.startsWith('tune-'))).toBe(true);
  });

  it('has well-formed, non-overlapping spans and neutral regions', () => {
    checkIntegrity(tune);
    checkIntegrity(held);
    checkIntegrity(generateCorpus({ seed: 99, count: 200, negativesShare: 0 }));
  });

  it('mixes hard negatives with short and long positive tickets', () => {
    for (const docs of [tune, held]) {
      const empty = docs.filter((d) => d.spans.length === 0).length / docs.length;
      expect(empty).toBeGreaterThan(0.3);
      expect(empty).toBeLessThan(0.5);
      expect(docs.filter((d) => d.text.length >= 2000).length).toBeGreaterThan(50);
      expect(docs.filter((d) => d.text.length < 600).length).toBeGreaterThan(200);
      expect(Math.max(...docs.map((d) => d.text.length))).toBeLessThan(14_000);
      expect(docs.filter((d) => (d.neutral ?? []).length > 0).length).toBeGreaterThan(100);
    }
    expect(generateCorpus({ seed: 7, count: 100, negativesShare: 1 }).every((d) => d.spans.length === 0)).toBe(true);
    expect(generateCorpus({ seed: 7, count: 100, negativesShare: 0 }).every((d) => d.spans.length > 0)).toBe(true);
  });

  it('covers every Safe Harbor type in both splits', () => {
    for (const docs of [tune, held]) {
      const per = docsPerType(docs);
      for (const t of PHI_TYPES) {
        expect(per[t], `${t} docs`).toBeGreaterThanOrEqual(t === 'BIOMETRIC' ? 3 : 20);
      }
    }
  });

  it('generates identifiers with valid check digits', () => {
    const all = [...tune, ...held];
    const ssns = valuesOf(all, 'SSN');
    expect(ssns.length).toBeGreaterThan(50);
    for (const v of ssns) expect(ssnValid(v), `SSN ${v}`).toBe(true);

    const licences = valuesOf(all, 'LICENSE');
    const deas = licences.filter((v) => /^[A-Z][A-Z9]\d{7}$/.test(v));
    const npis = licences.filter((v) => /^\d{10}$/.test(v));
    expect(deas.length).toBeGreaterThan(5);
    expect(npis.length).toBeGreaterThan(5);
    for (const v of deas) expect(deaValid(v), `DEA ${v}`).toBe(true);
    for (const v of npis) expect(npiValid(v), `NPI ${v}`).toBe(true);

    const vins = valuesOf(all, 'VEHICLE').filter((v) => v.length === 17);
    expect(vins.length).toBeGreaterThan(10);
    for (const v of vins) expect(vinValid(v), `VIN ${v}`).toBe(true);

    const mbis = valuesOf(all, 'HEALTH_PLAN_ID').filter((v) => {
      const raw = v.replace(/-/g, '');
      return raw.length === 11 && /^\d/.test(raw);
    });
    expect(mbis.length).toBeGreaterThan(20);
    expect(mbis.some((v) => v.includes('-'))).toBe(true);
    for (const v of mbis) expect(mbiValid(v), `MBI ${v}`).toBe(true);

    const udis = valuesOf(all, 'DEVICE').filter((v) => v.startsWith('(01)'));
    expect(udis.length).toBeGreaterThan(3);
    for (const v of udis) expect(gtinValid(v.slice(4, 18)), `UDI ${v}`).toBe(true);

    const cards = valuesOf(all, 'ACCOUNT').filter((v) => /^\d[\d -]{13,20}\d$/.test(v) && v.replace(/\D/g, '').length >= 15);
    for (const v of cards) expect(luhn(v.replace(/\D/g, '')), `card ${v}`).toBe(true);
  });

  it('labels identifiers without their label words', () => {
    const all = [...tune, ...held];
    for (const v of valuesOf(all, 'MRN')) expect(v).not.toMatch(/MRN|MR#|record|:/i);
    for (const v of valuesOf(all, 'AGE')) {
      expect(v).toMatch(/^\d+$/);
      expect(Number(v)).toBeGreaterThan(89);
    }
    for (const v of valuesOf(all, 'ZIP')) expect(v).toMatch(/^\d{5}(-\d{4})?$/);
    for (const v of valuesOf(all, 'EMAIL')) expect(v).toMatch(/^[^\s@]+@[^\s@]+\.[a-z]+$/);
    for (const v of valuesOf(all, 'NAME')) expect(v).not.toMatch(/^(Mr|Mrs|Ms|Dr)\.? /);
    for (const v of valuesOf(all, 'IP')) expect(v).not.toMatch(/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/);
  });
});

// --- presidio ---------------------------------------------------------------------------------

describe('presidio loader', () => {
  const docs = loadPresidio();
  const records = readPresidioRecords();

  it('yields 1500 docs whose spans keep the original offsets and values', () => {
    expect(docs).toHaveLength(1500);
    checkIntegrity(docs);
    let mapped = 0;
    records.forEach((rec, i) => {
      const doc = docs[i]!;
      expect(doc.text).toBe(rec.full_text);
      for (const s of rec.spans) {
        const span = doc.spans.find((x) => x.start === s.start_position && x.end === s.end_position);
        const neutral = (doc.neutral ?? []).find((x) => x.start === s.start_position && x.end === s.end_position);
        expect(Boolean(span) !== Boolean(neutral), `${doc.id} ${s.entity_type} "${s.entity_value}"`).toBe(true);
        if (span) {
          mapped++;
          expect(slice(doc, span)).toBe(s.entity_value);
        }
      }
      expect(doc.spans.length + (doc.neutral ?? []).length).toBe(rec.spans.length);
    });
    expect(mapped).toBeGreaterThan(2000);
  });

  it('maps presidio types to Safe Harbor types', () => {
    const typeOf = (value: string): PhiType | 'neutral' | undefined => {
      for (const d of docs) {
        for (const s of d.spans) if (slice(d, s) === value) return s.type;
        for (const s of d.neutral ?? []) if (slice(d, s) === value) return 'neutral';
      }
      return undefined;
    };
    expect(typeOf('2/8/1935')).toBe('DATE');
    expect(typeOf('2000-04-16 11:34:35')).toBe('DATE');
    expect(typeOf('1977')).toBe('neutral');
    expect(typeOf('Tuesday')).toBe('neutral');
    expect(typeOf('Tunisia')).toBe('neutral');
    expect(typeOf('SK')).toBe('neutral');
    expect(typeOf('nan')).toBe('neutral');
    expect(typeOf('Kenosha')).toBe('ADDRESS');
    expect(typeOf('LAPPEENRANTA')).toBe('ADDRESS');
    expect(typeOf('GB56HXDO88167774656119')).toBe('ACCOUNT');
    expect(typeOf('https://ClickPhobia.com.br/')).toBe('neutral');
    expect(typeOf('460-89-9847')).toBe('SSN');
    expect(typeOf('Puruntie 82')).toBe('ADDRESS');
    expect(typeOf('62488')).toBe('ZIP');

    const per = Object.fromEntries(PHI_TYPES.map((t) => [t, 0])) as Record<PhiType, number>;
    for (const d of docs) for (const s of d.spans) per[s.type] += 1;
    expect(per.NAME).toBe(857);
    expect(per.AGE).toBe(0); // every AGE in the corpus is under 90
    expect(per.SSN).toBe(16);
    expect(per.IP).toBe(14);
    expect(per.LICENSE).toBe(5);
    expect(per.ACCOUNT).toBe(136 + 21);
    expect(per.PHONE + per.FAX).toBe(92);
    expect(per.DATE).toBeGreaterThan(30);
    expect(per.ADDRESS).toBeGreaterThan(598);
  });
});
