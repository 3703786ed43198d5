/**
 * IT-ticket text that flagged clean tickets (the tune split's tickets without PHI), each next to
 * the patient text the same rule must still find.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';

const found = (text: string) => detect(text).map((f) => [f.type, text.slice(f.start, f.end)]);
const types = (text: string) => detect(text).map((f) => f.type);

describe('clean IT tickets stay clean', () => {
  it('a MAC address is not an IPv6 address; a network or version a.b.0.0 is not an IPv4 host', () => {
    expect(found('Extension 7167 is dead. Cisco phone, MAC C2:8E:46:B9:2F:58.')).toEqual([]);
    expect(found('CVE-2021-20898 affects our Oracle 19c (19.21.0.0); need to patch ldap14.')).toEqual([]);
    expect(found("patient's home IP 2601:646:8e00:1d40:a1b2:c3d4:e5f6:1234 at login")).toEqual([['IP', '2601:646:8e00:1d40:a1b2:c3d4:e5f6:1234']]);
    expect(found("patient's home IP 73.15.22.9 at login")).toEqual([['IP', '73.15.22.9']]);
  });

  it('"our" is the organisation, not a person: no personal context for IT words', () => {
    expect(found('CVE-2020-34347 affects our release 2025.03.26; need to patch k8s-node-401.')).toEqual([]);
  });

  it('a calendar-versioned release is not a date; a dotted date of a visit is', () => {
    expect(found('Laptop for the new hire on Urgent Care needs imaging. Dell Latitude 7440, release 2025.03.09.')).toEqual([]);
    expect(found('Pt seen 2025.03.09 in clinic.')).toEqual([['DATE', '2025.03.09']]);
  });

  it('"scheduled" makes a date an event for a patient, not for a change window', () => {
    expect(found('Upgrade to iOS 18.3 is scheduled for Monday 4/24. Change CHG6233665. Rollback plan in OPS-1.')).toEqual([]);
    expect(found('Maintenance is scheduled for 4/24 on the EHR servers.')).toEqual([]);
    expect(found('Pt Maria Garcia scheduled for MRI 4/24, PACS server was down')).toContainEqual(['DATE', '4/24']);
    expect(found('Pt John Smith is scheduled for 4/24 at the clinic.')).toEqual([
      ['NAME', 'John Smith'],
      ['DATE', '4/24'],
    ]);
  });

  it('a word inside a host name is no context ("pacs18.imaging.local", "portal-web12.example.org")', () => {
    expect(found('Script deployed to pacs18.imaging.local on 08/18/2024; rollback if it fails.')).toEqual([]);
    expect(found('Script deployed to portal-web12.valleychildrens.org on 2025-08-24; rollback if it fails.')).toEqual([]);
    expect(found('Pt seen on 08/18/2024 at the imaging center.')).toEqual([['DATE', '08/18/2024']]);
  });

  it('"moved to" a day of the week is a meeting, not an address', () => {
    expect(found('Meeting moved to Sunday at 08:07. Agenda: OPS-6818.')).toEqual([]);
    expect(found('Meeting moved to Monday, Jul 15 at 12:11 AM.')).toEqual([]);
    expect(types('Patient relocated to Springfield, 62704 last month')).toContain('ZIP');
    expect(found('Patient moved to Sun City')).toEqual([['ADDRESS', 'Sun City']]);
  });

  it('a log line with milliseconds and a log level is not a house number and street', () => {
    expect(found('2025-05-16 04:26:57,511 INFO  c.e.i.Router HTTP 503 GET /fhir/R4/Observation')).toEqual([]);
    expect(found('2024-06-14 13:31:22,139 DEBUG nginx HTTP 500 GET /fhir/R4/Observation')).toEqual([]);
  });

  it("a vendor's support case number is not a patient's identifier", () => {
    const pt = 'Pt Maria Garcia DOB 03/14/1962. ';
    expect(types(pt + 'Dell support case 59556557 opened for ORA-00942.')).not.toContain('OTHER_ID');
    expect(types(pt + 'Waiting on Lenovo (case 24860232).')).not.toContain('OTHER_ID');
    expect(found(pt + 'Her case number 44551234 is open.')).toContainEqual(['OTHER_ID', '44551234']);
    // a word merely ending like a vendor's name is not one ("Waddell", "Riddell")
    expect(found('Pt Ruth Waddell case 44551234')).toContainEqual(['OTHER_ID', '44551234']);
  });

  it('a device the ticket says no patient is tied to, or an IT time clock, is not PHI', () => {
    expect(found('Bio-med: infusion pump SN 92310290 on Pediatrics fails self-test. Not patient related, sent to Biomed.')).toEqual([]);
    expect(found('Kronos clock at Main Lab shows E_FAIL. Serial Q8AKD32. Firmware iOS 16.7.')).toEqual([]);
    expect(found("pt's insulin pump SN 92310290 alarms at night")).toEqual([['DEVICE', '92310290']]);
  });

  it('a name ends at a sentence: "Byers. He" is not one name; initials and titles still join', () => {
    expect(found('Spoke with Delmer Byers. He is on the ward.')).toEqual([['NAME', 'Delmer Byers']]);
    expect(found('Spoke with Rasheed Cash. He is on the ward.')).toEqual([['NAME', 'Rasheed Cash']]);
    expect(found('Pt Maria Lee. He called back.')).toEqual([['NAME', 'Maria Lee']]);
    expect(found('wrong DOB: pt Lorraine B. Sipes D.O.B. May 3, 1972 prints wrong')).toEqual([
      ['NAME', 'Lorraine B. Sipes'],
      ['DATE', 'May 3, 1972'],
    ]);
    expect(found('Patient seen by Prof. Alvarez on the ward')).toContainEqual(['NAME', 'Alvarez']);
  });
});

describe('the people who work the ticket', () => {
  it('drops a task owner, an escalation target and the agent a ticket greets', () => {
    expect(found('Migrate the shared drive to SharePoint by 2025-02-18. Owner Jany Wolff.')).toEqual([]);
    expect(found('Escalated to Mike Deller for the firewall change.')).toEqual([]);
    expect(found('Hi Sabrina,\nEpic Hyperspace freezing when opening In Basket.')).toEqual([]);
    expect(found('*Juana K. McClure* added a comment - 01/Feb/24 10:19 AM\nRebooted.')).toEqual([]);
    // a patient on the next line is read as usual; one on the same line keeps the owner too (no staff line has patient words)
    expect(found('Owner Jany Wolff.\nPt Maria Garcia called twice.')).toEqual([['NAME', 'Maria Garcia']]);
    expect(found('Owner Jany Wolff. Pt Maria Garcia called twice.')).toEqual([
      ['NAME', 'Jany Wolff'],
      ['NAME', 'Maria Garcia'],
    ]);
  });

  it('drops the colleague an IT service is for, not a patient a portal or chart is for', () => {
    expect(found('Need a Visio license for Hans Nicolas. Cost center 4410, PO 4505862.')).toEqual([]);
    expect(found('Duo push not arriving for Delmer Byers. He is on OpenSSL 3.0.6.')).toEqual([]);
    expect(found('Please create an AD account for Maria Garcia, new hire in Registration.')).toEqual([]);
    expect(found('Need MyChart access for Maria Garcia today.')).toEqual([['NAME', 'Maria Garcia']]);
    expect(found('Reset the portal password for Maria Garcia.')).toEqual([['NAME', 'Maria Garcia']]);
    expect(found('Need a loaner laptop for pt Maria Garcia.')).toEqual([['NAME', 'Maria Garcia']]);
    // the service must be in the same sentence
    expect(found('Laptop is ready. Waiting for Maria Garcia to call back about her lab results.')).toEqual([['NAME', 'Maria Garcia']]);
  });

  it('drops the organisation address in a staff signature, not a patient address elsewhere', () => {
    const text = 'Closing.\n\n-- \nBritany Maggio\nFront Desk Lead, OR 3\n1200 Hospital Drive, Springfield, IL 62704\n+1 787-923-1736 | bmaggio@valleychildrens.org';
    expect(found(text)).toEqual([]);
    expect(types('Pt lives at 4312 Oak Ave, Springfield, IL 62704.')).toContain('ADDRESS');
  });
});
