/**
 * A helper session wrote 80 clean tickets against the sixteenth session's recall rules (a found
 * MRN's kin, payer and Medicaid names, Spanish-prefix streets, a city after a street, names in file
 * names, CSV short column names, "Mr. X is 91", HL7 RXA and worklist dates) — test MRNs beside asset
 * tags and order numbers, staff rosters with acct_nbr and addr1 columns, employees' evaluation
 * files, "Ms. Kowalski turned 99 tickets around", a ZZTEST vaccine message — and 20 tickets with a
 * patient in those forms. The readings were narrowed until few findings were left on the clean
 * tickets (below); every patient value is found but one (a palm template key the session dropped:
 * employees' time clocks use the same key). A second helper then hid 379 patient values of 120
 * tickets right where those narrowings look (a real patient's NK1 after a ZZTEST PID, short Medicare
 * IDs, employee-patients in CSVs with staff columns, "psych_eval_OBRIEN_SHANNON_19890412.pdf", a
 * second MRN after "order" or "#"): 56 of the values found before the narrowing were lost, so the
 * narrowings were cut back to what the probe left whole (session16-hidden.json keeps the values the
 * session's starting code found; three are lost, below).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';

const read = <T>(file: string) => JSON.parse(readFileSync(join(__dirname, '../corpus/review', file), 'utf8')) as T;
const CLEAN = read<string[]>('session16-probe-clean.json');
const PHI = read<Array<{ text: string; phi: Array<[string, string]> }>>('session16-probe-phi.json');

/** The session's rules (and what they made the ticket's other rules find). */
const SESSION_RULES = /^(?:mrn\.kin|name\.filename|date\.filename|address\.street-prefix|address\.city-after-street|date\.record-line|csv\.column|age\.said|plan\.label|hl7\.field|hl7\.date|kv\.)/;
/**
 * What stays: an AHCCCS member-shaped number in a payer-master request, an
 * employee's evaluation file (a second probe found patients' "psych_eval_…", "badge_photo_…" and
 * "onboarding_…" files, so only timesheets, payroll, résumés and the like are read as staff's).
 */
const KNOWN = ['15 HEALTH_PLAN_ID 866004791', '48 NAME davis_michael', '48 DATE 20250115'];
// ("palm_template_id=PX-884120" was lost until session 21 read a template's key as code writes it)
const KNOWN_LOSSES: string[] = [];
const HIDDEN = read<Array<{ text: string; keep: Array<[string, string]> }>>('session16-hidden.json');
/** "MassHealth ID 55190" (MassHealth IDs have 12 digits), "payer # 77031" and "payer 92105" (EDI payer numbers). */
const HIDDEN_LOSSES = ['33 HEALTH_PLAN_ID 55190', '41 HEALTH_PLAN_ID 77031', '54 ZIP 92105'];

describe('the sixteenth session’s probe', () => {
  it('finds nothing on its clean tickets by the session’s rules but the two known findings', () => {
    const got: string[] = [];
    CLEAN.forEach((text, i) => {
      for (const f of detect(text)) if (SESSION_RULES.test(f.rule)) got.push(`${i} ${f.type} ${text.slice(f.start, f.end)}`);
    });
    expect(CLEAN.length).toBe(80);
    expect(got).toEqual(KNOWN);
  });

  it('finds every patient value of its PHI tickets but the known loss', () => {
    const lost: string[] = [];
    PHI.forEach((d, i) => {
      const found = detect(d.text);
      for (const [type, value] of d.phi) {
        const s = d.text.indexOf(value);
        if (!found.some((f) => f.start < s + value.length && s < f.end)) lost.push(`${i} ${type} ${value}`);
      }
    });
    expect(PHI.length).toBe(20);
    expect(lost).toEqual(KNOWN_LOSSES);
  });

  it('keeps the hidden patients’ values the session’s starting code found, but the known losses', () => {
    const lost: string[] = [];
    let kept = 0;
    HIDDEN.forEach((d, i) => {
      const found = detect(d.text);
      for (const [type, value] of d.keep) {
        const s = d.text.indexOf(value);
        if (found.some((f) => f.start < s + value.length && s < f.end)) kept++;
        else lost.push(`${i} ${type} ${value}`);
      }
    });
    expect(HIDDEN.length).toBe(120);
    expect(kept).toBe(311);
    expect(lost).toEqual(HIDDEN_LOSSES);
  });
});

/** What a review of the session's change found, each a case that failed on it. */
describe('the review of the sixteenth session’s rules', () => {
  const found = (t: string) => detect(t).map((f) => [f.type, t.slice(f.start, f.end)]);
  const has = (t: string, type: string, value: string) => found(t).some(([ty, v]) => ty === type && v === value);

  it('keeps an age before a verb, and reads no lower-case word after a title as a surname', () => {
    expect(has("Patient update: she's 93 has CHF and lives alone", 'AGE', '93')).toBe(true);
    expect(has('Mom is 94 lives alone, needs the portal', 'AGE', '94')).toBe(true);
    expect(has('Mr. Fontaine is 91 this year and cannot read the screen', 'AGE', '91')).toBe(true);
    expect(found('the mx backlog is 97 right now')).toEqual([]);
  });

  it('starts a Spanish-prefix street at a whole house number, and leaves English "via" alone', () => {
    const text = 'Pt Rosa Garcia. Device SN AB123456                  Calle Luna, Tucson';
    expect(found(text).filter(([t]) => t === 'ADDRESS').every(([, v]) => !v!.startsWith('123456'))).toBe(true);
    expect(found('Pt Rosa Garcia: Faxed page 3 Via Fax, then called').some(([t]) => t === 'ADDRESS')).toBe(false);
  });

  it('takes no sign-off or acronym after a street as its city', () => {
    expect(found('Pt Rosa Garcia 12 Main St, Thanks.').filter(([t]) => t === 'ADDRESS')).toEqual([['ADDRESS', '12 Main St']]);
    expect(found('Pt Rosa Garcia 12 Main St, ETA for the fix').filter(([t]) => t === 'ADDRESS')).toEqual([['ADDRESS', '12 Main St']]);
  });

  it('takes no date as a found MRN’s kin, and reads a table row’s eight-digit date beside a name', () => {
    expect(has('Patient MRN 20580071 needs a merge. Code deployed on 20250115 fixed it.', 'MRN', '20250115')).toBe(false);
    expect(has('Worklist:\n|GARCIA, ROSA|19921105|A1C|', 'DATE', '19921105')).toBe(true);
  });

  it('reads a value in brackets after a label and its separator, and a file name’s parts in one case only', () => {
    expect(has('Pt Rosa Garcia, MRN # (M001203779) dup', 'MRN', 'M001203779')).toBe(true);
    expect(found('Pt Rosa Garcia: scan_Garcia_rosa_031452.pdf').some(([, v]) => v === 'Garcia_rosa')).toBe(false);
  });
});
