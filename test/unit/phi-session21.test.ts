/**
 * Session 21's cases, from the unseen set 29 (western Pennsylvania, the Ohio Valley, West Virginia):
 * clean desk tickets the detector flagged because a word or a number read as a patient's (Pennsylvania's
 * "PA" before a ZIP read as a prior authorization, a handset's serial, a payer's portal, a QA phantom…),
 * each beside a patient ticket of the same shape that must still be found.
 */
import { describe, expect, it } from 'vitest';
import { createDetector } from '../../src/phi/detect';

const detector = createDetector();
const values = (text: string) => detector.detect(text).map((f) => text.slice(f.start, f.end));

describe("the desk's own numbers are no patient's", () => {
  const clean: Array<[string, string]> = [
    ["Pennsylvania's code before a ZIP", 'Badge readers on 4 North fail since the 2/10 patching.\n\nDenise Jablonski, MSN, RN\nButler Memorial Hospital\nOne Hospital Way, Butler, PA 16001\nOffice 724-555-0183'],
    ["Pennsylvania's code before a ZIP, no comma", 'Toner short-shipped on 1/17.\n\nBill-to: Accounts Payable, PO Box 38120, Pittsburgh PA 15238\nJoseph Kapusta\n412-555-0157'],
    ["a handset's serial", "Summary: Spectralink 8440 replacements - Punxsutawney ED\n\nRyan from field services here. Three Spectralink handsets at Punx ED are failing to register after the AP swap on Friday. Details:\n\nHandset 1: SN 8440-1A72C09, MAC 00:90:7A:1C:4F:22, ext 814-555-0261\nHandset 2: SN 8440-1A72C31, MAC 00:90:7A:1C:4F:8E, ext 814-555-0262\n\nThey show \"Not Registered\" on the display, SIP 403 in the CUCM logs.\n\nRyan Hershberger\nField Services Technician - North Region\nCell 814-555-0190"],
    ["a device record's serial", 'Intune device record:\n  Device name: shaddad_iPhone_15Pro\n  Serial: F2LXK9P4QW\n  OS: iOS 17.3\n\nCalled him at 412-555-0134 on 3/4.\n\nJared Novak'],
    ["a network device's model", "Summary: Meraki MX offline - Smicksburg clinic\n\nDashboard alert:\n  Network: SMK-Clinic (L_6482955)\n  Device: MX67C \"SMK-MX01\" S/N Q2XX-7JP4-2M9D\n  Status: Offline since 2025-02-06 04:12 EST\n  Uplink: WAN1 (Windstream DSL) down\n\nCalled the clinic, Tiffany says there was an ice storm overnight and the line on Route 954 is down.\n\nSunita Gurung\nIT Service Desk\nx4-4357"],
    ['a configuration plan', 'Config plan:\n  MX67C SMK-MX01: WAN1 DSL, WAN2 Starlink\nInstall Fri 03/14 with Ryan Hershberger, 814-555-0338.'],
    ["a vendor's client ID", '9 All other languages -> LanguageLine, client ID 508831, access code 7720\n\nRuth Beiler\nInterpreter Services, cell 814-555-0312'],
    ["a supplier's account", "Invoice dispute - Allegheny Imaging Supply acct 30-771942\n\nCustomer: THREE RIVERS VALLEY HEALTH  Account #: 30-771942\nJoseph Kapusta, 412-555-0157, 1/17"],
    ['a QA phantom', 'PACS post-patch validation OK on 3/28 - test study PHANTOM^CT^WATER retrieved from both archives.\n\nJosip Babic\n412-555-0150'],
    ["letters inside a serial", 'Time clock offline after the update. Clock: device ID BUT-TC-07, S/N 2307DX118842, offline since 1/14.\n\nDenise Jablonski\n724-555-0183'],
    ["a payer's portal", "Epic claims rejected since 3/1: Credentialing attached the New Castle location to the old group in Highmark's portal in Feb.\n\nCarla Mancini\n412-555-0160"],
    ['the portal after the payer', 'Real-time eligibility in Epic is timing out: registrars have to call the payer or use the portal since 3/3.\n\nLatoya Freeman\n412-555-0161'],
    ["an agency's programme", "Summary: Black Lung clinic - DOL OWCP portal login failing (Kittanning)\n\nThe Black Lung program at the Kittanning clinic can't log in to the Department of Labor OWCP Connect portal to submit bills.\n\nHannah Zook\n724-555-0151"],
  ];
  for (const [what, text] of clean) it(`${what}: nothing found`, () => expect(values(text)).toEqual([]));

  it('the same shapes with a patient are still found', () => {
    expect(values('Patient Maria Lopez DOB 3/4/1950, prior auth PA 4481702 approved.')).toContain('4481702');
    expect(values('Patient Maria Lopez, 12 Elm St, Butler, PA 16001, DOB 3/4/1950')).toEqual(expect.arrayContaining(['Butler', '16001']));
    expect(values('Patient Maria Lopez DOB 3/4/1950: pacemaker serial PJN123456R on her home monitor.')).toContain('PJN123456R');
    expect(values('Patient Maria Lopez (MRN 4410882) cannot log in to her portal.')).toContain('Maria Lopez');
    expect(values('Behavioural health: my note for client Jaylen Torres (Client ID 200458).')).toContain('200458');
    expect(values('PID|1||4410882^^^MRN||LOPEZ^MARIA||19500304|F')).toContain('LOPEZ^MARIA');
  });
});
