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
