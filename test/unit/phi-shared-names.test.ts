/**
 * One person, one answer: a name the workforce check takes at one place and keeps at another is
 * settled for the whole ticket. A colleague the check takes twice (a "Reporter:" field and the
 * signature, or a Jira comment header) is a colleague in the checklist's rows too; a name with
 * patient words or a patient's identifier on its line, or in a ticket where someone writes as a
 * patient, stays PHI at every place.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';

const names = (text: string) => detect(text).filter((f) => f.type === 'NAME').map((f) => text.slice(f.start, f.end));

const checklist = (row: string, extra = '') =>
  'Summary: Epic upgrade cutover checklist\nReporter: Sunita Kapoor\nComponent: Epic Upgrade\n\n' +
  `Validate with test patient ZZTEST, IPVALIDATE (MRN E9000001) only.${extra}\n\n` +
  'Step  Time    Task                                   Owner            Contact\n' +
  `4     01:00   ${row}\n` +
  '5     01:05   Interfaces queued                      Anita Desai      608-791-2238\n\n' +
  'Sunita Kapoor | Epic Technical Lead, Upgrade | x4-5034\n';

describe('a name the workforce check took at some places and kept at others', () => {
  it('is a colleague everywhere when the check took it twice and no kept place concerns a patient', () => {
    const found = names(checklist('Epic PRD down - read only banner         Sunita Kapoor    608-791-2240'));
    expect(found).not.toContain('Sunita Kapoor');
  });

  it('counts a Jira comment header as two places', () => {
    const text =
      'Reporter: Priya Raman\n\nBeaker QC failing on the Viroqua analyzer, lot 44120.\n\n' +
      'Priya Raman added a comment - 21/Mar/25 11:40 AM\nRecalibrated. Assignment group: Epic Beaker (Priya Raman) for the QC log.\n' +
      'Pt results for MRN 4418275 re-sent.\n';
    expect(names(text)).not.toContain('Priya Raman');
  });

  it('stays a patient everywhere when a kept place has patient words or a record number on its line', () => {
    const found = names(checklist('Sunita Kapoor was admitted 11/02, MRN 40022871, chart locked'));
    expect(found.filter((n) => n === 'Sunita Kapoor')).toHaveLength(3);
  });

  it('stays a patient everywhere when someone in the ticket writes as a patient', () => {
    const found = names(checklist('Epic PRD down - read only banner         Sunita Kapoor    608-791-2240', "\nAlso I can't see my results in MyChart since Friday."));
    expect(found.filter((n) => n === 'Sunita Kapoor')).toHaveLength(3);
  });

  it('stays a patient everywhere when the check took it at one place only', () => {
    const text = 'MyChart web chat\n[09:15 AM] Service Desk: Hello Tomas, I reset your password, try again now.\n[09:16 AM] Tomas: works';
    expect(names(text)).toContain('Tomas');
  });
});

describe('a Jira comment’s author (session 18)', () => {
  const ticket = (ccLine: string, lastComment = 'thanks, no disclosure outside workforce, logged in privacy log PRV-24-061.') =>
    'ED triage wristband printed w/ wrong patient info\n\nReporter: Maren Halvorsen RN (ED charge) x4-3120\n\n' +
    'band that printed: KHOURY, NADIM  DOB 04/19/1961  MRN M001408827\n\n' +
    'Marisol Etxeberria added a comment - 14/Jun/24 11:00 AM\n' +
    `${ccLine}\n\n` +
    `Tamsin Whitlock added a comment - 14/Jun/24 1:15 PM\n${lastComment}\n`;

  it('is a colleague where care words share the line (“cc … for privacy”), the patient is still found', () => {
    const found = names(ticket("cc Tamsin Whitlock for privacy - band w/ Khoury's info was shredded per Maren."));
    expect(found).not.toContain('Tamsin Whitlock');
    expect(found).toContain('KHOURY, NADIM');
  });

  it('stays a patient where the line says the author is a patient or names their own care', () => {
    expect(names(ticket('Tamsin Whitlock (IT field services) is a patient of Dr. Reuben Castellanos, endo outreach.'))).toContain('Tamsin Whitlock');
    expect(names(ticket('Tamsin Whitlock was admitted to 4 East overnight; suspend her badge for 4E doors.'))).toContain('Tamsin Whitlock');
  });

  it('stays a patient where a patient’s identifier is on the line', () => {
    expect(names(ticket('cc Tamsin Whitlock - her own chart MRN M000977311 was opened by the wrong band.'))).toContain('Tamsin Whitlock');
  });

  it('stays a patient where the author’s own comment speaks as a patient', () => {
    const found = names(ticket('cc Tamsin Whitlock for privacy - band w/ Khoury info shredded.', "I can't see my results in the portal since the band mix-up, can someone check my chart?"));
    expect(found).toContain('Tamsin Whitlock');
  });
});

describe('names in a list, and names of sites (session 18)', () => {
  const spans = (text: string) => detect(text).filter((f) => f.type === 'NAME').map((f) => text.slice(f.start, f.end));

  it('finds each full name of a comma-separated list on its own, not "Surname, First" across two people', () => {
    const text = 'Pt list for the rehab class (MRNs on file): Harold Jensen, Mae Whitaker, Luis Ortega. Two of them cannot join; DOB 03/04/1950 for Harold.';
    const found = spans(text);
    expect(found).toEqual(expect.arrayContaining(['Harold Jensen', 'Mae Whitaker', 'Luis Ortega']));
    expect(found.some((n) => n.includes(','))).toBe(false);
  });

  it('splits a list whose first names the census lacks ("Kateryna Bondarenko, Diego Santillán")', () => {
    const text = 'Pt list for the video class (MRNs on file): Oluwaseun Adeyemi, Kateryna Bondarenko, Diego Santillán. DOB 03/04/1950 for Diego.';
    expect(spans(text).some((n) => n.includes(','))).toBe(false);
  });

  it('still reads "Last, First" on its own', () => {
    expect(spans('band that printed: KHOURY, NADIM  DOB 04/19/1961  MRN M001408827')).toContain('KHOURY, NADIM');
    expect(spans('Pt Ocampo, Luis seen 03/12/2025 MRN 7781203, wrong DOB on the AVS')).toContain('Ocampo, Luis');
  });

  it('reads a word before "clinic", "front desk", "branch", "team" or an organisation’s "Health" as a site or a team', () => {
    const text =
      'Pt Maria Lopez (MRN 7781203, DOB 03/12/1961) calls the Benson clinic front desk at 520-555-0107 and the call rings at the Marana clinic. ' +
      "Marana's front desk transfers it. Home Health (Everly branch) sees the same; Desmond's team moved the AP.\n" +
      'Ouachita Hills Health: Reminder text went to the wrong number. Greene County court order on file.';
    const found = spans(text);
    expect(found).toContain('Maria Lopez');
    for (const site of ['Benson', 'Marana', 'Everly', 'Desmond', 'Ouachita Hills', 'Greene']) expect(found).not.toContain(site);
  });

  it('keeps a patient checked in to a clinic room, and a patient named with "pt" before a site word', () => {
    expect(spans('front desk checked in Pryor clinic room 4 but tracking board still shows her in lobby. DOB 11/02/1957')).toContain('Pryor');
    expect(spans('pt Garza clinic visit 03/12/2025 was booked under the wrong MRN 4418275')).toContain('Garza');
  });
});
