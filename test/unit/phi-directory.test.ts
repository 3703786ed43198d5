/**
 * The workforce directory (settings.workforceNames, src/phi/directory.ts): the site's staff by
 * name are not PHI, in every form tickets write them, unless the text ties the name to a patient.
 */
import { describe, expect, it } from 'vitest';
import { compileDirectory, nameWords } from '../../src/phi/directory';
import { createDetector } from '../../src/phi/detect';
import { SettingsError } from '../../src/phi/settings';
import type { Finding } from '../../src/phi/types';

const STAFF = ['Maria Lopez', 'Kevin J. Park', 'Dana Whitfield', 'Nkechi Obi-Eze', 'Juan Carlos de la Cruz', 'José Núñez'];
const plain = createDetector();
const withDir = createDetector({ workforceNames: STAFF });

const names = (fs: Finding[], text: string) => fs.filter((f) => f.type === 'NAME').map((f) => text.slice(f.start, f.end));
/** The value is inside a NAME finding. */
const named = (fs: Finding[], text: string, value: string) => {
  const at = text.indexOf(value);
  expect(at, value).toBeGreaterThanOrEqual(0);
  return fs.some((f) => f.type === 'NAME' && f.start <= at && f.end >= at + value.length);
};

describe('directory names', () => {
  it('reads a written name in order, without titles, credentials, initials or accents', () => {
    expect(nameWords('Dr. LÓPEZ, María J., RN')).toEqual(['maria', 'lopez']);
    expect(nameWords('Maria Lopez, RN')).toEqual(['maria', 'lopez']);
    expect(nameWords('CRUZ, JUAN CARLOS DE LA')).toEqual(['juan', 'carlos', 'de', 'la', 'cruz']);
    expect(nameWords("O’Brien, Siobhan")).toEqual(['siobhan', "o'brien"]);
  });

  it('finds a person by first name and surname in each written form', () => {
    const dir = compileDirectory(STAFF);
    expect(dir.size).toBe(6);
    for (const written of ['Maria Lopez', 'MARIA LOPEZ', 'maria lopez', 'Maria R. Lopez', 'Lopez, Maria', 'LOPEZ, MARIA R', 'Dr. Maria Lopez', 'Maria Lopez, RN', 'María López']) {
      expect(dir.personOf(written), written).toBe('maria lopez');
    }
    expect(dir.personOf('Kevin Park')).toBe('kevin park');
    expect(dir.personOf('Juan Carlos de la Cruz')).toBe('juan cruz');
    expect(dir.personOf('Jose Nunez')).toBe('jose nunez');
    for (const other of ['Maria', 'Lopez', 'Maria Lopes', 'Mario Lopez', 'Maria Lopez-Garcia', 'Dana Whitfield-Ames']) expect(dir.personOf(other), other).toBeUndefined();
  });

  it('skips entries that are no full name, and refuses a list that is not one', () => {
    expect(compileDirectory(['Maria', '', 'x'.repeat(500), 42, null, 'Dr. Lopez', 'Ann Lee']).size).toBe(1);
    expect(() => createDetector({ workforceNames: 'Maria Lopez' as never })).toThrow(SettingsError);
    expect(() => createDetector({ workforceNames: ['Maria Lopez', 7] as never })).toThrow(SettingsError);
  });
});

describe('the detector with a directory', () => {
  it('drops the staff named in an IT ticket that also holds a patient, and their first names', () => {
    const text = 'Pt Harold Jenkins (MRN 00412977) wristband misprinted on 4N. Maria Lopez RN reprinted it. Kevin Park is checking the Zebra driver. Thanks Maria';
    expect(names(plain.detect(text), text)).toEqual(expect.arrayContaining(['Maria Lopez', 'Kevin Park']));
    const fs = withDir.detect(text);
    expect(names(fs, text)).toEqual(['Harold Jenkins']);
    expect(fs.some((f) => f.type === 'MRN')).toBe(true);
  });

  it('drops staff in "Last, First" form and with accents left off', () => {
    const text = 'LOPEZ, MARIA and CRUZ, JUAN CARLOS signed the downtime form. Jose Nunez reviewed it; patient Ann Lee DOB 1/2/1950 was on the list';
    const fs = withDir.detect(text);
    expect(named(fs, text, 'LOPEZ, MARIA')).toBe(false);
    expect(named(fs, text, 'CRUZ, JUAN CARLOS')).toBe(false);
    expect(named(fs, text, 'Jose Nunez')).toBe(false);
    expect(named(fs, text, 'Ann Lee')).toBe(true);
  });

  it('keeps an employee who is the patient, everywhere the text names them', () => {
    const text =
      'Our unit clerk Dana Whitfield was admitted last night, MRN 00418822, DOB 03/04/1979. Dana Whitfield asked for an audit of who opened the record.\n\nAssigned: Kevin Park will pull the access log from the EHR tonight.';
    const fs = withDir.detect(text);
    const at = [text.indexOf('Dana Whitfield'), text.lastIndexOf('Dana Whitfield')];
    for (const p of at) expect(fs.some((f) => f.type === 'NAME' && f.start <= p && f.end >= p + 14), `Dana Whitfield at ${p}`).toBe(true);
    expect(named(plain.detect(text), text, 'Kevin Park')).toBe(true);
    expect(named(fs, text, 'Kevin Park')).toBe(false);
  });

  it("keeps every directory name in a paragraph that speaks of someone's own care", () => {
    for (const text of [
      'Hi, this is Kevin Park (Lab, ext 4471). I had bloodwork done here last Tuesday and it shows under another patient.',
      'Can we get a second badge printed for Maria Lopez? Also FYI she is a patient on our oncology unit right now.',
      'Hi Dana Whitfield,\n\nI looked at your chart issue: the duplicate allergies came from your two ED visits.',
      'Kevin Park here (biomed). My mom Esther Park was just admitted to 3 Tower; can she get the TV remote fixed?',
    ]) {
      const who = ['Kevin Park', 'Maria Lopez', 'Dana Whitfield'].find((n) => text.includes(n))!;
      expect(named(plain.detect(text), text, who), text).toBe(true);
      expect(named(withDir.detect(text), text, who), text).toBe(true);
    }
  });

  it('keeps a staff name the sentence ties to a patient by a patient word or identifier', () => {
    for (const text of [
      'Patient Maria Lopez, DOB 02/03/1961, called about her bill. The desk confirmed her address.',
      'Registration merged the charts: Maria Lopez (MRN 00431177) had two.',
      "Maria Lopez's MyChart shows someone else's results; her daughter called.",
    ]) {
      expect(named(withDir.detect(text), text, 'Maria Lopez'), text).toBe(true);
    }
  });

  it('keeps a lone first name that a patient named in the text shares', () => {
    const text = 'Patient Maria Gomez (MRN 00519920) cannot log in to MyChart. Maria Lopez from registration reset it. Maria said the portal now works.';
    const fs = withDir.detect(text);
    expect(named(fs, text, 'Maria Gomez')).toBe(true);
    expect(named(fs, text, 'Maria Lopez')).toBe(false);
    // "Maria" alone could be either: it stays
    const lone = text.lastIndexOf('Maria said');
    expect(plain.detect(text).some((f) => f.type === 'NAME' && f.start === lone)).toBe(true);
    expect(fs.some((f) => f.type === 'NAME' && f.start === lone)).toBe(true);
    // and nothing is found inside the staff name (the patient's "Maria" is not looked for there)
    const staffAt = text.indexOf('Maria Lopez');
    expect(fs.some((f) => f.start < staffAt + 11 && f.end > staffAt)).toBe(false);
  });

  it('changes nothing without a directory, or for names in structured patient data', () => {
    const text = 'MSH|^~\\&|EPIC|HOSP|||202401020304||ADT^A01|1|P|2.5\rPID|1||E12305221^^^MGH^MR||LOPEZ^MARIA||19690601|F';
    const fs = withDir.detect(text);
    expect(names(fs, text).join(' ')).toContain('LOPEZ');
    const ticket = 'Maria Lopez RN says pt John Smith (MRN 00412977) label printed twice.';
    expect(createDetector({ workforceNames: [] }).detect(ticket)).toEqual(plain.detect(ticket));
  });

  it('drops a list of staff, a doctor the directory has by surname, and a staff phone after the name', () => {
    const text =
      'Pt Harold Jenkins (MRN 00412977): wristband printer on 4N printed a blank label.\n\nDesk: Maria Lopez, Kevin Park, Dana Whitfield checked it. Dr. Whitfield signed off. Call Maria Lopez, unit manager, 617-384-2290 if it recurs; Kevin Park (617-384-2291) is on call.';
    const fs = withDir.detect(text);
    expect(names(fs, text)).toEqual(['Harold Jenkins']);
    expect(fs.some((f) => f.type === 'PHONE')).toBe(false);
    expect(plain.detect(text).some((f) => f.type === 'PHONE')).toBe(true);
  });

  it("keeps a phone past a patient word or a possessive after a staff name", () => {
    for (const text of [
      "Pt Harold Jenkins (MRN 00412977): Maria Lopez says the patient's daughter is at 617-555-0142.",
      'Pt Harold Jenkins (MRN 00412977) called; Maria Lopez took her cell 617-555-0142 for the callback.',
    ]) {
      expect(withDir.detect(text).some((f) => f.type === 'PHONE'), text).toBe(true);
    }
  });

  it('keeps a doctor the directory has when the sentence makes them the patient', () => {
    const text = 'Dr. Whitfield was admitted to 5 West last night (MRN 00419931); lock her chart to VIP.';
    expect(named(withDir.detect(text), text, 'Whitfield')).toBe(true);
  });

  it('stays linear with a 100,000-name directory on a megabyte of names', () => {
    const many = Array.from({ length: 99_990 }, (_, i) => `Given${i} Family${i}`).concat(STAFF);
    const big = createDetector({ workforceNames: many });
    for (const unit of [
      'Maria Lopez, RN (617-555-0142) and Kevin Park. ',
      'Patient Maria Lopez DOB 03/04/1950 MRN 00412977, Maria. ',
      'Patients admitted:\n- Name: Maria Lopez (employee)\n[09:14] Kevin Park: my results are missing\n',
      'Kevin Park from 4W called about the printer. He is waiting; Maria Lopez is too ',
      'I had my labs she is a patient his own my mom Maria Lopez I I I she she ',
    ]) {
      const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
      const t0 = performance.now();
      big.detect(text, { patient: true });
      // (the time limit is the test's timeout; the figure is printed for the record)
      console.log(`directory, 1 MB of ${JSON.stringify(unit.slice(0, 20))}: ${Math.round(performance.now() - t0)} ms`);
    }
  }, 8000);

  it("does not tie a name to a patient by a system's word, a therapist's credential or a clinician's NPI", () => {
    const text =
      'Pt Harold Jenkins (MRN 00412977) cannot open the MyChart app.\n\nMaria Lopez (portal analyst) is on the bridge. Dana Whitfield PT, DPT reported the same. Dr. Kevin Park, NPI 1234567893, signed the order.';
    const fs = withDir.detect(text);
    expect(names(fs, text)).toEqual(['Harold Jenkins']);
    expect(names(plain.detect(text), text).length).toBeGreaterThan(1);
  });

  it("ties a name to a patient by the person's own MyChart or driver's licence", () => {
    const cases: Array<[string, string]> = [
      ["Maria Lopez's MyChart shows another patient's letters.", 'Maria Lopez'],
      ['Pt Harold Jenkins (MRN 00412977) was at the kiosk. Kevin Park, DL D1234567, waited too.', 'Kevin Park'],
    ];
    for (const [text, value] of cases) {
      expect(named(withDir.detect(text), text, value), text).toBe(true);
    }
  });

  it('drops one word of a directory name when a rule took only that word ("Riley" of "Riley Agent")', () => {
    const dir = createDetector({ workforceNames: ['Riley Agent', 'Sam Agent'] });
    const text = 'Pt Harold Jenkins (MRN 00412977) got the wrong wristband on 4N. Riley Agent reprinted it and Sam Agent fixed the Zebra driver.';
    expect(names(plain.detect(text), text)).toEqual(['Harold Jenkins', 'Riley', 'Sam']);
    expect(names(dir.detect(text), text)).toEqual(['Harold Jenkins']);
  });
});

