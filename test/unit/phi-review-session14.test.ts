/**
 * The fourteenth session's review: 100 tickets a helper session wrote (seeing no code) to break that
 * session's readings of words that say no patient — patients in general ("patients are waiting",
 * "I have 24 patients"), portal and MyChart as systems, "DX" as a model, a network's proxy, a
 * cabinet's meds, Chart Review, a place before "clinic", test and training patients — each with a
 * real patient or relative whose only signs are those words; and 20 clean tickets using the words in
 * their system senses. Each keep value is [type, value, found at the session's start (6051039)].
 *
 * Measured on the session's first version of those readings: 45 of the 182 values found at its
 * start were lost (10 of the 20 clean tickets flagged at the start, 2 after). A person's own contact
 * details ("called from 860-…", "his home IP", "home address"), a caller ("Voicemail from …",
 * "One caller, …", "One of them, …") and a person's IP ("Hyun-woo Park from 72.14.190.33") were
 * made patient evidence, and "via proxy" and "proxy policy" left to a patient's proxy, until five
 * were left (KNOWN_LOSSES): a patient known only by "patients in the lobby" and her tablet's MAC, one
 * of "24 patients on my schedule", and a MyChart user whose IP was not found. A review of the whole
 * change then found 41 of 73 realistic tickets losing a patient ("Pyxis won't release meds for Robert
 * Hale", "Chart Review for Marcus Whitfield", "Updated DX for Linda Marsh", "Patient demographics for
 * Harold Finch", "Any patient I open errors, tried Gerald Moss", "Patients are not getting their AVS
 * printed, for example Louise Hart"): the meds and Chart Review readings were taken out, DX narrowed
 * to a CamelCase product before it, "no patient" to "no patient harm/data/…", MyChart's site, pages
 * and web services left to its users, and patients in general kept as a patient where their sentence
 * names someone. None of the 73 lost anything then. A second probe (60 tickets written against the
 * narrowed readings) still lost patients in 57: MyChart outages with a caller, a vendor's or admin
 * portal, "patients are lining up … Last one through was Gerald Pinkney", a member without an ID,
 * "Harold Nunes PT;" in a rehab list, DX after a CamelCase surname, a patient's proxy settings,
 * "no patient harm known yet" beside the patient. Those readings were taken out; a third probe (50
 * tickets) then lost patients in 14 through what was left (a loaner iPad on the Company Portal,
 * "checked in Pryor clinic room 4", "TRAIN, SIMONE", "ZZTEST, KOWALCZYK, ANNA"), so those went too
 * or were narrowed to training given names ("TRAIN, ADULTONE"). This review loses nothing now
 * (KNOWN_LOSSES is empty); its clean tickets are flagged as at the session's start.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';
import { lostValues, type ReviewTicket } from '../support/review';

const TICKETS = JSON.parse(readFileSync(join(__dirname, '../corpus/review/session14-patients.json'), 'utf8')) as ReviewTicket[];

const KNOWN_LOSSES: string[] = [];

describe('session 14 review: patients where the new readings see no patient', () => {
  it('finds every value it found at the session’s start, but for the known losses', () => {
    expect(TICKETS.length).toBe(100);
    // (a value's first place)
    const { values, lost } = lostValues(TICKETS, detect, (t, value) => (t.text.includes(value) ? [t.text.indexOf(value)] : []));
    expect(values).toBe(182);
    expect(lost).toEqual(KNOWN_LOSSES);
  });

  it('flags at most 10 of its 20 clean tickets (10 at the session’s start)', () => {
    const clean = TICKETS.filter((t) => t.keep.length === 0);
    expect(clean.length).toBe(20);
    expect(clean.filter((t) => detect(t.text).length > 0).length).toBeLessThanOrEqual(10);
  });
});

describe('session 14 diff review and probe: realistic tickets whose patient the no-patient readings hid', () => {
  // 73 tickets a reviewer of the whole change wrote (Pyxis and BCMA meds, Chart Review, DX, patient
  // demographics and details, "any/every patient", patients in general with a named example, MyChart
  // pages; 41 lost a value), 60 a second probe wrote against the narrowed readings (57 lost one) and
  // 50 a third wrote against what was left (14 lost one); each keep value is a finding of the
  // session's starting code (6051039). Known loss: "in Spicer clinic today", a clinic's town (session 18:
  // a word before "clinic", "front desk", "branch", … is a site, as set 19's Spicer clinic is). (A patient
  // whose surname is "Test" was one until session 21: "pt last name is Test" now introduces it.)
  const HIDDEN = JSON.parse(readFileSync(join(__dirname, '../corpus/review/session14-hidden.json'), 'utf8')) as Array<{ text: string; keep: Array<[string, string]> }>;

  it('finds every value the session’s start found', () => {
    expect(HIDDEN.length).toBe(183);
    const lost: string[] = [];
    HIDDEN.forEach((t, i) => {
      const found = detect(t.text);
      for (const [type, value] of t.keep) {
        const k = t.text.indexOf(value);
        if (!found.some((f) => f.start < k + value.length && k < f.end)) lost.push(`${i} ${type} ${value}`);
      }
    });
    expect(lost).toEqual(['181 NAME Spicer']);
  });
});
