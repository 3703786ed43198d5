/**
 * Session 19's review: patients the session's new staff and no-patient readings had dropped, each
 * found by a reviewer on the diff and fixed; these tickets guard the fixes.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';

const values = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));

describe('session 19 review: the patient is kept', () => {
  it.each<[string, string[]]>([
    // a person field among ' | ' segments, on a line with the patient's MRN or DOB
    ['Requested by: Margaret Pelletier | DOB: 04/12/1961 | Callback: 207-555-0143 | Issue: locked out of the website after the server upgrade', ['Margaret Pelletier']],
    ['Reporter: Dwayne Thibodeau | MRN: 00412345 | Phone: 207-555-0188 | Summary: app crashes on login after update', ['Dwayne Thibodeau']],
    // "per pt request" is one patient
    ["Updated demographics in Expanse per pt request, but the interface to eCW didn't send the A08.\nNew phone 207-555-0143 for Roland Gagnon.", ['Roland Gagnon', '207-555-0143']],
    // a kind of thing named with a patient word, the patient on the next line
    ['Patient labels printing blank on the Zebra in ED triage, driver reinstalled.\nFirst label was for Margaret Pelletier, 207-555-0143.', ['Margaret Pelletier']],
    ['Patient census report in Expanse blank since the upgrade, server team says the job ran.\nShould list Dwayne Thibodeau and Margaret Pelletier at least.', ['Dwayne Thibodeau', 'Margaret Pelletier']],
    // "patient portal" stays a patient's sign
    ['Patient portal account locked after the upgrade, browser shows SSL error.\nAccount holder: Dwayne Thibodeau\nPhone: 207-555-0188', ['Dwayne Thibodeau', '207-555-0188']],
    // a dialogue's speakers with an agent, or speaking in the first person
    ["Chat transcript from the portal help widget, she got disconnected mid-reset:\nAgent: Thanks for contacting us, how can I help?\nOluwaseun: I can't get into MyChart, it says my account is locked", ['Oluwaseun']],
    ['Voicemail transcript:\nOluwaseun: hi this is about my appointment tomorrow, call me back at 207-555-0188', ['Oluwaseun']],
    // a "Who" or "Requested by" column of patients
    ["After-hours line voicemails from overnight, please call these back:\n| Who | Callback | Issue |\n| Margaret Pelletier | 207-555-0143 | can't see her lab results |", ['Margaret Pelletier']],
    ['ROI requests stuck in the fax server queue since the upgrade:\n| Requested by | Received | Records |\n| Margaret Pelletier | 03/04/2025 | ED visit 2/27 |', ['Margaret Pelletier']],
    // an Outlook header's recipient who is the patient the message is to
    ['Misdirected email from the billing shared mailbox. Please pull it back from the Exchange server.\n\nFrom: PFS Billing\nSent: Tuesday, March 4, 2025 10:02 AM\nTo: Margaret Pelletier\nSubject: Your statement\n\nHi Margaret, attached is the statement you asked for.', ['Margaret Pelletier']],
    // a list of patients with dates is no run of comment headers
    ['Pts whose reminder texts never went out after the Twilio outage:\nMargaret Pelletier - 3/14\nDwayne Thibodeau - 3/15\nRoland Gagnon - 3/17', ['Margaret Pelletier', 'Dwayne Thibodeau', 'Roland Gagnon']],
    // "him" is no HIM team; a system the patient's data went into is no team
    ['Kiosk ate his card again. Can someone call him back (Roland Gagnon)? He has been waiting since Monday.\nHis number is 207-555-0188 and his MRN is 00412345.', ['Roland Gagnon']],
    ['Results for the 10am draw crossed to the wrong chart in the lab IS (Margaret Pelletier).\nMRN 00412345.', ['Margaret Pelletier']],
    // exported patient comments
    ['Patient experience survey comments exported from the Press Ganey portal are showing names:\nComment (Margaret Pelletier): The parking kiosk kept rejecting my card.\nComment (Dwayne Thibodeau): Wifi in room 3112 dropped every hour.', ['Margaret Pelletier', 'Dwayne Thibodeau']],
    // a patient's own meter
    ["Glucose meter serial 44129987 won't pair over Bluetooth with the tablet app after the update.\nBelongs to Margaret Pelletier, 207-555-0143.", ['44129987', 'Margaret Pelletier']],
    // a bare "record" before a number beside a patient's words
    ['The record 00412345 has the wrong DOB, it shows 1/1/1900.', ['00412345']],
    // a plate in small letters
    ['My plate is 4412 vw, I got a ticket in the garage even though I had a pass for my appointment.', ['4412 vw']],
  ])('%s', (text, kept) => {
    expect(values(text)).toEqual(expect.arrayContaining(kept));
  });
});

describe('session 19 second review: the patient is kept', () => {
  it.each<[string, string[]]>([
    ['HIM merge request #4471\nSource: Epic Z4471209 (Margaret Pelletier)\nTarget: MRN 00412345', ['Margaret Pelletier']],
    ["Portal plates: pt's plate is 7KDM482 or 7KDM428 per the garage attendant. Margaret Pelletier, DOB 04/12/1961.", ['7KDM482', '7KDM428']],
  ])('%s', (text, kept) => {
    expect(values(text)).toEqual(expect.arrayContaining(kept));
  });
  it('ends a plate before the words after it', () => {
    const text = 'Plate 5521 ok now for pt Dwayne Thibodeau MRN 00412345';
    expect(values(text)).toContain('5521');
  });
});
