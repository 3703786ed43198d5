/**
 * "portal" and "MyChart" are a patient's only where a patient uses them: the Intune Company Portal,
 * a VPN's portal, a certificate on MyChart or MyChart in a list of systems down in an outage say
 * nothing of a patient, so the staff named in those IT tickets are not patients.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';

const names = (text: string) => detect(text).filter((f) => f.type === 'NAME').map((f) => text.slice(f.start, f.end));

describe('system words are no patient', () => {
  it('the Company Portal, a VPN portal', () => {
    expect(names('BYOD enrolment for the ED docs. Haiku installed via Company Portal. Kelsey Vold added the Haiku class.')).toEqual([]);
    expect(names('From home, GlobalProtect 6.1.3 connects to portal vpn.lakeshorehealth.org but then drops. Brian Tullis tested on his laptop.')).toEqual([]);
  });

  it('MyChart as a system: its certificate, its web services, a list of systems in an outage', () => {
    expect(names('SSL cert expiring on MyChart - 14 days. Renewal owner Dylan Sather, approved by Ryan Holm.')).toEqual([]);
    expect(names('Downtime Sunday. Impact: Hyperspace, Haiku/Canto, MyChart, Rover all unavailable. Dylan Sather covering the desk overnight.')).toEqual([]);
  });

  it('keeps a patient who uses MyChart or the patient portal', () => {
    expect(names('Maria Garcia cannot log in to MyChart since the upgrade, please reset her activation.')).toEqual(['Maria Garcia']);
    expect(names('Tom Lee says the portal shows someone else’s results. Ticket from the clinic.')).toEqual(['Tom Lee']);
  });
});

describe('device and network words are no patient', () => {
  it('a timeclock model, a network proxy', () => {
    expect(names('All 4 UKG InTouch DX clocks went offline after the network change. Kyle Moen is on site.')).toEqual([]);
    expect(names('Phish reported by Ophelia Grant. Blocked domain + IP at proxy, no credential entry in proxy logs.')).toEqual([]);
  });

  it('keeps the patient where the same words are about a person (meds, Chart Review and DX name one)', () => {
    expect(names('Pyxis on 5 North won\'t release meds for Robert Hale in 512, keeps throwing an override error.')).toEqual(['Robert Hale']);
    expect(names('In Chart Review for Marcus Whitfield the Media tab is blank since the Epic update this morning.')).toEqual(['Marcus Whitfield']);
    expect(names('Updated DX for Linda Marsh in Epic but the claim still shows the old one after refresh.')).toEqual(['Linda Marsh']);
    expect(names('Primary DX: M17.11 for Maria Garcia, please fix the claim')).toEqual(['Maria Garcia']);
    expect(names('Her meds list shows someone else’s: Maria Garcia, call back today')).toEqual(['Maria Garcia']);
    expect(names('Tom Lee is listed as proxy for his mother but cannot see her chart')).toEqual(['Tom Lee']);
    expect(names('Maria Garcia called: her loved one died last week and the letters keep coming')).toEqual(['Maria Garcia']);
  });
});

describe('patients in general', () => {
  it('are no patient: waiting, calling, a clinician’s list, a count', () => {
    expect(names('Welcome kiosks down at the Republic clinic - patients can’t check in since 7:30 after the network change. Kyle Moen is on site.')).toEqual([]);
    expect(names('Dragon keeps crashing on my laptop. I have 24 patients to round on and cannot dictate. - Dr. Ruth Okafor, hospitalist')).toEqual([]);
  });

  it('are patients when pointed at or listed', () => {
    expect(names('These patients are affected by the Epic bug\n\n1. Maria Garcia\n2. Tom Lee')).toEqual(['Maria Garcia', 'Tom Lee']);
    expect(names('pts calling in about the outage; callback list: Maria Garcia 508-555-0137, Tom Lee 617-555-0199')).toEqual(['Maria Garcia', 'Tom Lee']);
    expect(names('Kiosk check-in mixed up 2 patients.\nNames:\nMaria Garcia\nTom Lee\nPlease check the kiosk software.')).toEqual(['Maria Garcia', 'Tom Lee']);
  });
});

describe('patient as an attribute', () => {
  it('is no patient: patient-facing, and no patient harm or data', () => {
    expect(names('Downtime 14:07-15:36 after the switch change. Impact: no patient harm reported. Hunter Vang found the loop.')).toEqual([]);
    expect(names('Phone tree update: the patient-facing after-hours message needs new wording. Approved by Olivia Haugen.')).toEqual([]);
  });

  it('keeps a particular patient', () => {
    expect(names('Patient demographics for Harold Finch not updating in Epic after registration saved.')).toEqual(['Harold Finch']);
    expect(names('Any patient I open in Epic throws an error, tried Gerald Moss and Ivy Chen so far.')).toEqual(['Gerald Moss', 'Ivy Chen']);
    expect(names('Patients are not getting their AVS printed, for example Louise Hart today. Printer in clinic B is online.')).toEqual(['Louise Hart']);
    expect(names("Pts can't check in at the kiosk, e.g. Harold Finch and Rosa Delgado this morning. Kiosk shows error 502.")).toEqual(expect.arrayContaining(['Harold Finch', 'Rosa Delgado']));
    expect(names('ADT A08 messages for one patient failing into TeleTracking: Edith Prewitt, 3W-318')).toEqual(['Edith Prewitt']);
    expect(names('Quest sends the patient name in lower case since the new Quanum build: Maria Garcia arrives as maria garcia')).toContain('Maria Garcia');
  });
});

describe('a member and a PT', () => {
  it('are no patient as a group’s member or a therapist’s credential', () => {
    expect(names('Please create the distribution list "Stroke Program Committee". Members: Sean Gallagher MD; Lauren Eide PT; Benjamin Crowfeather (Telehealth)\nExternal member: Dr. Kim')).toEqual([]);
    expect(names('Name change in AD - staff member Bethany Krueger is now Bethany Krueger-Lindgren, update the mailbox')).toEqual([]);
  });

  it('keep a plan’s member and a family member', () => {
    expect(names('Ins: Anthem member ID XYP884512907 for Tom Lee, please fix the eligibility query')).toEqual(['Tom Lee']);
    expect(names('Facilities (Maria Garcia) - family member slipped near the lobby kiosk, ask Security for the camera footage')).toContain('Maria Garcia');
  });
});
