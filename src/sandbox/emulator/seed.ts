/**
 * The seeded demo site: a healthcare IT service desk (ITS) and a vendor coordination desk (VEND) on
 * Jira Service Management. Fixed and deterministic: same ids, keys, account ids and timestamps on
 * every run. All patient data is synthetic (invented names, 555-01xx phone numbers, example.com /
 * *.test addresses, made-up MRNs and SSN-format numbers).
 */
import { adfFromText } from './adf';
import { insertComment, insertIssue, applyIssueChanges } from './model';
import type { EmuAuditRecord, EmuHolder, EmuPermissionGrant, EmuProject, EmuState, EmuUser } from './types';
import { counterUuid } from './util';

/** The app's own account (what `actor: { kind: 'app' }` acts as). */
export const APP_ACCOUNT_ID = '557058:5eed0000-0000-4000-8000-0000000000a1';

/** Demo users: email → account id. */
export const DEMO_ACCOUNTS = {
  'admin@demo.test': '712020:5eed0000-0000-4000-8000-000000000001',
  'agent@demo.test': '712020:5eed0000-0000-4000-8000-000000000002',
  'agent2@demo.test': '712020:5eed0000-0000-4000-8000-000000000003',
  'manager@demo.test': '712020:5eed0000-0000-4000-8000-000000000004',
  'vendor1@acme-imaging.test': '712020:5eed0000-0000-4000-8000-000000000005',
  'vendor2@medcloud.test': '712020:5eed0000-0000-4000-8000-000000000006',
  'clinician@demo.test': '712020:5eed0000-0000-4000-8000-000000000007',
} as const;

export type DemoEmail = keyof typeof DEMO_ACCOUNTS;

/** Seeded ids, for tests. */
export const DEMO = {
  projects: { ITS: { id: '10000', key: 'ITS' }, VEND: { id: '10001', key: 'VEND' } },
  permissionSchemes: { ITS: 10000, VEND: 10001 },
  securityScheme: 10000,
  securityLevels: { 'Acme Imaging': '10000', MedCloud: '10001', 'Internal only': '10002' },
  organizations: { 'Acme Imaging': '1', MedCloud: '2' },
  serviceDesks: { ITS: '1', VEND: '2' },
  roles: { Administrators: 10002, 'atlassian-addons-project-access': 10003, 'Service Desk Team': 10100, 'Service Desk Customers': 10101, Vendors: 10102 },
  /** Groups whose members count as internal staff. */
  internalGroups: ['jira-admins', 'jira-servicemanagement-users', 'phi-approvers'],
} as const;

/** 2025-05-01T08:00:00Z: seeded data lies between this and about four weeks later. */
export const SEED_EPOCH = Date.UTC(2025, 4, 1, 8, 0, 0);

// ---------------------------------------------------------------------------------------------
// Base site (present even with `seed: false`): app user, product access, roles, field values.

export function createBaseState(baseUrl: string, guardPremium: boolean): EmuState {
  const state: EmuState = {
    baseUrl,
    guardPremium,
    appAccountId: APP_ACCOUNT_ID,
    users: new Map(),
    groups: new Map(),
    applicationRoles: new Map([
      ['jira-servicedesk', { key: 'jira-servicedesk', name: 'Jira Service Management' }],
      ['jira-software', { key: 'jira-software', name: 'Jira' }],
    ]),
    projectRoles: new Map(
      Object.entries(DEMO.roles).map(([name, id]) => [id, { id, name, description: `${name} project role` }]),
    ),
    globalPermissions: {
      ADMINISTER: ['jira-admins', 'atlassian-addons-admin'],
      SYSTEM_ADMIN: ['site-admins'],
      USER_PICKER: ['jira-admins', 'jira-servicemanagement-users', 'phi-approvers', 'atlassian-addons-admin'],
      CREATE_SHARED_OBJECTS: ['jira-admins', 'jira-servicemanagement-users'],
      BULK_CHANGE: ['jira-admins'],
    },
    issueTypes: new Map([
      ['10001', { id: '10001', name: 'Service request', description: 'Requests for help or for something new.', avatarId: 10533 }],
      ['10002', { id: '10002', name: 'Incident', description: 'For system outages or incidents.', avatarId: 10570 }],
      ['10003', { id: '10003', name: 'Task', description: 'A small, distinct piece of work.', avatarId: 10318 }],
    ]),
    statuses: new Map([
      ['10001', { id: '10001', name: 'Waiting for support', description: 'The request is waiting for the support team.', category: 'new' }],
      ['10002', { id: '10002', name: 'Waiting for customer', description: 'The support team is waiting for the customer.', category: 'indeterminate' }],
      ['3', { id: '3', name: 'In Progress', description: 'The request is being worked on.', category: 'indeterminate' }],
      ['10003', { id: '10003', name: 'Resolved', description: 'The request has been resolved.', category: 'done' }],
    ]),
    priorities: new Map(
      ['Highest', 'High', 'Medium', 'Low', 'Lowest'].map((name, i) => [String(i + 1), { id: String(i + 1), name }]),
    ),
    projects: new Map(),
    permissionSchemes: new Map(),
    securitySchemes: new Map(),
    issues: new Map(),
    organizations: new Map(),
    serviceDesks: new Map(),
    auditRecords: [],
    redactionJobs: new Map(),
    counters: { issue: 10000, comment: 10000, changelog: 10000, audit: 10000, redaction: 0 },
    lastTime: SEED_EPOCH,
  };
  addGroup(state, 'atlassian-addons-admin', 1);
  state.users.set(APP_ACCOUNT_ID, {
    accountId: APP_ACCOUNT_ID,
    accountType: 'app',
    emailVisible: false,
    displayName: 'PHI Guard',
    active: true,
    timeZone: 'UTC',
    locale: 'en_US',
    groups: ['atlassian-addons-admin'],
    applicationRoles: [],
  });
  return state;
}

function addGroup(state: EmuState, name: string, n: number): void {
  state.groups.set(name, { name, groupId: counterUuid(0x6e0, n) });
}

// ---------------------------------------------------------------------------------------------
// Demo site

type UserKey = 'admin' | 'agent' | 'agent2' | 'manager' | 'vendor1' | 'vendor2' | 'clinician';

const USER_SPECS: Record<UserKey, { email: DemoEmail; displayName: string; accountType: 'atlassian' | 'customer'; groups: string[]; roles: string[] }> = {
  admin: { email: 'admin@demo.test', displayName: 'Avery Admin', accountType: 'atlassian', groups: ['jira-admins', 'site-admins'], roles: ['jira-servicedesk', 'jira-software'] },
  agent: { email: 'agent@demo.test', displayName: 'Sam Agent', accountType: 'atlassian', groups: ['jira-servicemanagement-users'], roles: ['jira-servicedesk'] },
  agent2: { email: 'agent2@demo.test', displayName: 'Riley Agent', accountType: 'atlassian', groups: ['jira-servicemanagement-users'], roles: ['jira-servicedesk'] },
  manager: { email: 'manager@demo.test', displayName: 'Morgan Manager', accountType: 'atlassian', groups: ['phi-approvers'], roles: ['jira-servicedesk'] },
  vendor1: { email: 'vendor1@acme-imaging.test', displayName: 'Val Acme', accountType: 'atlassian', groups: ['vendor-acme-imaging'], roles: ['jira-servicedesk'] },
  vendor2: { email: 'vendor2@medcloud.test', displayName: 'Max MedCloud', accountType: 'atlassian', groups: ['vendor-medcloud'], roles: ['jira-servicedesk'] },
  clinician: { email: 'clinician@demo.test', displayName: 'Casey Clinician', accountType: 'customer', groups: [], roles: [] },
};

const id = (k: UserKey): string => DEMO_ACCOUNTS[USER_SPECS[k].email];

const R = DEMO.roles;
const role = (roleId: number): EmuHolder => ({ type: 'projectRole', parameter: String(roleId) });
const group = (name: string): EmuHolder => ({ type: 'group', parameter: name });
const ADDONS = role(R['atlassian-addons-project-access']);
const SDT = role(R['Service Desk Team']);
const ADMINS = role(R.Administrators);
const VENDORS = role(R.Vendors);
const PORTAL: EmuHolder = { type: 'sd.customer.portal.only' };

function grants(start: number, spec: Array<[string, EmuHolder[]]>): EmuPermissionGrant[] {
  let n = start;
  return spec.flatMap(([permission, holders]) => holders.map((holder) => ({ id: n++, permission, holder })));
}

interface SeedComment {
  by: UserKey;
  text: string;
  internal?: boolean;
  role?: string;
}

interface SeedIssue {
  type?: 'Service request' | 'Incident' | 'Task';
  summary: string;
  description?: string;
  reporter: UserKey;
  assignee?: UserKey;
  status?: 'new' | 'waiting' | 'progress' | 'done';
  level?: keyof typeof DEMO.securityLevels;
  orgs?: Array<keyof typeof DEMO.organizations>;
  participants?: UserKey[];
  labels?: string[];
  priority?: 'High' | 'Medium' | 'Low' | 'Highest';
  comments?: SeedComment[];
  /** A later in-place edit (the original stays in the changelog). */
  edit?: { by: UserKey; summary?: string; description?: string };
}

const ITS_ISSUES: SeedIssue[] = [
  { summary: 'Cannot log in to Epic Hyperspace at nurse station 4B', description: 'Since this morning the login screen freezes after entering credentials. Workstation WS-4B-07.', reporter: 'clinician', assignee: 'agent', status: 'done', comments: [{ by: 'agent', text: 'Cleared the cached profile on WS-4B-07, please try again.' }] },
  { type: 'Incident', summary: 'Lab results not visible in patient portal', description: "Pt John Smith DOB 03/14/1962 MRN 00482913 can't see his labs in the portal since Tuesday. He called the front desk twice.", reporter: 'clinician', assignee: 'agent', status: 'progress', priority: 'High', comments: [{ by: 'agent', text: 'Thanks, looking into the portal sync job.' }, { by: 'agent', text: 'Checked MRN 00482913 in the interface engine: results are stuck in the outbound queue.', internal: true }] },
  { summary: 'Printer on 3rd floor jams every morning', description: 'The HP printer next to the charge nurse desk jams on the first print job of the day.', reporter: 'clinician', status: 'new' },
  { summary: 'Duplicate allergy entry on chart', description: 'Patient Maria Garcia (MRN: 00519274, DOB 07/22/1985) has the penicillin allergy recorded twice; pharmacy flagged it.', reporter: 'clinician', assignee: 'agent2', status: 'progress' },
  { summary: 'Password reset for Robert Johnson DOB 1948-02-11', description: 'Caller verified identity with SSN 512-44-8721 and callback number (217) 555-0143. Please reset the patient portal password.', reporter: 'agent', assignee: 'agent', status: 'done', edit: { by: 'agent', summary: 'Password reset for patient portal user' } },
  { summary: 'New hire access for radiology technologist', description: 'Please set up EHR and PACS access for the new radiology tech starting Monday.', reporter: 'manager', assignee: 'agent2', status: 'progress' },
  { summary: 'Wrong insurance on registration', description: 'Registration for Linda Brown, DOB 11/30/1971, member ID HPN-4471-2290 shows the old plan.\n\nHome address on file: 4312 Oak Ave, Springfield, IL 62704.', reporter: 'clinician', assignee: 'agent', status: 'waiting', comments: [{ by: 'agent', text: 'Member ID HPN-4471-2290 confirmed with the payer, updating registration.', role: 'Service Desk Team' }] },
  { type: 'Incident', summary: 'VPN disconnects every 10 minutes', description: 'Remote coders lose the VPN connection every 10 minutes since the client update.', reporter: 'agent2', assignee: 'agent2', status: 'progress', priority: 'High' },
  { summary: 'Scanner in admitting not sending to EHR', description: 'Scanned consent form for pt James Wilson MRN 00633017 never arrived in the chart.', reporter: 'clinician', assignee: 'agent2', status: 'done', comments: [{ by: 'agent2', text: 'Re-sent the document from the scanner queue, it is in the chart now.' }] },
  { summary: 'Outlook calendar not syncing on phone', description: 'Calendar on my work phone stopped syncing after the password change.', reporter: 'manager', status: 'new' },
  { summary: 'Fax to outside clinic failed', description: 'Faxed the discharge summary for Patricia Miller (DOB 05/02/1958) to 217-555-0199 and got a failed confirmation.', reporter: 'clinician', assignee: 'agent', status: 'waiting' },
  { summary: 'Monitor flickering at pharmacy station', description: 'Second monitor at pharmacy station 2 flickers constantly.', reporter: 'clinician', status: 'new', priority: 'Low' },
  { type: 'Incident', summary: 'EHR slow during morning rounds', description: 'Chart loading takes 20+ seconds between 7 and 9 am on all inpatient units.', reporter: 'agent', assignee: 'agent', status: 'progress', priority: 'Highest' },
  { summary: 'Chart merge needed for duplicate registration', description: 'Two charts exist for Michael Davis: MRN 00711245 and MRN 00711298, DOB 09/09/1990. Please merge.', reporter: 'clinician', assignee: 'agent2', status: 'progress', comments: [{ by: 'manager', text: 'Approved for merge after verifying both MRNs (00711245, 00711298) belong to the same patient.', internal: true }] },
  { summary: 'Badge reader not working at ED entrance', description: 'Badge reader at the ambulance bay door does not respond.', reporter: 'agent2', status: 'done' },
  { summary: 'Patient portal email bouncing', description: 'Portal emails to jennifer.martinez84@example.com bounce back. Patient DOB 12/01/1984.', reporter: 'clinician', assignee: 'agent', status: 'waiting' },
  { summary: 'Dictation app crashes on startup', description: 'The dictation app closes right after the splash screen on the new laptops.', reporter: 'clinician', status: 'new' },
  { summary: 'Access to the billing worklist', description: 'I need read access to the billing worklist for month-end review.', reporter: 'manager', assignee: 'agent2', status: 'done' },
  { summary: 'Lab label printer prints blank labels', description: 'Label printer in the draw station prints blank labels after the ribbon change.', reporter: 'clinician', status: 'new' },
  { summary: 'Wrong patient photo in chart', description: "Chart for David Anderson MRN 00845512 shows someone else's photo.", reporter: 'clinician', assignee: 'agent', status: 'progress', edit: { by: 'agent', description: "Chart shows someone else's photo (patient details removed from this ticket)." } },
  { summary: 'Teams meeting audio cuts out', description: 'Audio drops for everyone in the conference room on level 2.', reporter: 'manager', status: 'new' },
  { summary: 'Shared drive permissions for the quality team', description: 'Quality team needs write access to the QI shared folder.', reporter: 'manager', assignee: 'agent2', status: 'done' },
  { summary: 'Medication reconciliation report missing', description: 'The nightly med rec report did not run last night.', reporter: 'agent', status: 'new' },
  { summary: 'Phone number update not saving', description: 'Trying to update the phone number for pt Susan Thomas to (217) 555-0178; the system reverts it.', reporter: 'clinician', assignee: 'agent', status: 'progress', comments: [{ by: 'agent', text: 'Called the patient back at (217) 555-0178; SSN on file 433-21-7765 matches, updating manually.' }] },
  { summary: 'Wi-Fi dead zone in west wing', description: 'No Wi-Fi coverage in rooms 401-410.', reporter: 'clinician', status: 'new' },
  { summary: 'Check-in kiosk screen frozen', description: 'Lobby kiosk 2 is frozen on the welcome screen.', reporter: 'agent2', status: 'done' },
  { summary: 'Access request: research data warehouse', description: 'Requesting access to the de-identified research data warehouse.', reporter: 'manager', status: 'waiting' },
  { summary: 'Discharge papers printed with wrong name', description: 'Discharge papers for Karen White DOB 04/18/1966 printed with the name of her roommate.', reporter: 'clinician', assignee: 'agent', status: 'progress', comments: [{ by: 'clinician', text: 'Happened again today for room 412.' }] },
  { summary: 'Laptop battery replacement', description: 'Battery on my laptop lasts less than an hour.', reporter: 'manager', status: 'new', priority: 'Low' },
  { summary: 'SSO loop on the HR portal', description: 'The HR portal keeps redirecting back to the login page.', reporter: 'agent2', status: 'new' },
];

const VEND_ISSUES: SeedIssue[] = [
  { type: 'Incident', summary: 'Acme PACS viewer crashes loading CT series', description: 'Accession 88412093 for patient Thomas Clark, DOB 02/27/1955, crashes the viewer at slice 212.', reporter: 'agent', assignee: 'agent', level: 'Acme Imaging', orgs: ['Acme Imaging'], participants: ['vendor1'], status: 'progress', priority: 'High', comments: [{ by: 'vendor1', text: 'We reproduced it with the study; the fix ships in 7.4.2.' }, { by: 'agent', text: 'Thanks, scheduling the patch for Sunday.' }] },
  { type: 'Incident', summary: 'MedCloud HL7 interface dropping ADT messages', description: 'ADT^A08 for MRN 00913377 (Nancy Lewis) never arrived on 05/03.', reporter: 'agent2', assignee: 'agent2', level: 'MedCloud', orgs: ['MedCloud'], participants: ['vendor2'], status: 'waiting', priority: 'High', comments: [{ by: 'vendor2', text: 'Our queue shows a retry storm on 05/03, investigating.' }] },
  { summary: 'Acme modality worklist not updating', description: 'The modality worklist on CT2 has not refreshed since the upgrade.', reporter: 'agent', level: 'Acme Imaging', orgs: ['Acme Imaging'], participants: ['vendor1'], status: 'progress' },
  { type: 'Task', summary: 'MedCloud SFTP certificate renewal', description: 'The SFTP host certificate expires at the end of the month.', reporter: 'agent2', level: 'MedCloud', orgs: ['MedCloud'], status: 'new' },
  { type: 'Task', summary: 'Quarterly vendor access review', description: 'Review vendor accounts and groups for Q2.', reporter: 'manager', assignee: 'manager', level: 'Internal only', status: 'progress' },
  { summary: 'Prior studies missing in the Acme viewer', description: 'Priors for Daniel Hall MRN 00952210 DOB 08/14/1949 are not showing in the Acme viewer.', reporter: 'agent', orgs: ['Acme Imaging'], participants: ['vendor1'], status: 'waiting', comments: [{ by: 'vendor1', text: 'Can you send the accession numbers of the priors?' }] },
  { summary: 'MedCloud billing export contains the wrong patient', description: "Export row for Betty Young, SSN 287-65-4410, shows another patient's charges.", reporter: 'agent2', orgs: ['MedCloud'], participants: ['vendor2'], status: 'new', priority: 'High' },
  { type: 'Task', summary: 'Acme service contract renewal', description: 'Contract renewal and pricing discussion for FY26.', reporter: 'manager', level: 'Internal only', status: 'new' },
  { summary: 'Acme DICOM router latency', description: 'Studies take 10+ minutes to reach PACS from the ED CR room.', reporter: 'agent', level: 'Acme Imaging', orgs: ['Acme Imaging'], status: 'progress' },
  { type: 'Task', summary: 'MedCloud maintenance window on 06/01', description: 'MedCloud announced maintenance on 06/01 from 01:00 to 03:00.', reporter: 'agent2', level: 'MedCloud', orgs: ['MedCloud'], status: 'new', priority: 'Low' },
  { type: 'Task', summary: 'Onboard the new MedCloud support engineer', description: 'Create an account and add it to the vendor group after the NDA is signed.', reporter: 'manager', level: 'Internal only', status: 'new' },
  { type: 'Incident', summary: 'Image mismatch on mammography study', description: 'Study for Sandra King MRN 01022345 shows images from a different patient.', reporter: 'agent', assignee: 'agent', level: 'Acme Imaging', orgs: ['Acme Imaging'], participants: ['vendor1'], status: 'progress', priority: 'Highest', edit: { by: 'agent', description: 'Mammography study shows images from a different patient (details in the PACS audit).' } },
  { summary: 'MedCloud API rate limit errors', description: 'We get HTTP 429 from the MedCloud results API during the morning batch.', reporter: 'agent2', level: 'MedCloud', orgs: ['MedCloud'], status: 'waiting' },
  { type: 'Incident', summary: 'Acme VPN tunnel down', description: 'The site-to-site tunnel to Acme support has been down since 02:00.', reporter: 'agent', level: 'Acme Imaging', orgs: ['Acme Imaging'], status: 'done' },
  { summary: 'Duplicate patient records after MedCloud sync', description: 'Duplicates created for George Wright (DOB 10/10/1960): MRN 01100456 and MRN 01100457.', reporter: 'agent2', orgs: ['MedCloud'], participants: ['vendor2'], status: 'progress', comments: [{ by: 'vendor2', text: 'The sync matched on name only for that batch; we will merge on our side.' }] },
  { type: 'Task', summary: 'Acme firmware update for CR readers', description: 'Firmware 3.2 is available for the CR readers.', reporter: 'agent', level: 'Acme Imaging', orgs: ['Acme Imaging'], status: 'new', priority: 'Low' },
  { type: 'Task', summary: 'Security questionnaire for MedCloud', description: 'Annual vendor security questionnaire is due.', reporter: 'manager', level: 'Internal only', status: 'waiting' },
  { summary: 'Report text truncated in the EHR', description: 'Radiology reports from Acme are truncated when they reach the EHR.', reporter: 'agent', level: 'Acme Imaging', orgs: ['Acme Imaging'], participants: ['vendor1'], status: 'progress', comments: [{ by: 'vendor1', text: 'Truncation happens at 4000 characters in the HL7 OBX segment.' }] },
  { type: 'Task', summary: 'Lab interface test patient cleanup', description: 'Remove the test patient ZZTEST, Alpha MRN 09999001 from the MedCloud lab interface.', reporter: 'agent2', level: 'MedCloud', orgs: ['MedCloud'], status: 'new' },
  { summary: 'Radiologist cannot sign reports', description: 'Signing fails with error 0x80070005 for one radiologist.', reporter: 'agent', level: 'Acme Imaging', orgs: ['Acme Imaging'], participants: ['vendor1'], status: 'waiting' },
];

const STATUS_IDS = { new: '10001', waiting: '10002', progress: '3', done: '10003' } as const;
const TYPE_IDS = { 'Service request': '10001', Incident: '10002', Task: '10003' } as const;
const PRIORITY_IDS = { Highest: '1', High: '2', Medium: '3', Low: '4' } as const;

const HOUR = 3600000;

function seedIssues(state: EmuState, project: EmuProject, specs: SeedIssue[], start: number, stride: number): void {
  specs.forEach((s, i) => {
    const at = start + i * stride;
    const issue = insertIssue(
      state,
      {
        project,
        issueTypeId: TYPE_IDS[s.type ?? 'Service request'],
        summary: s.summary,
        description: s.description ? adfFromText(s.description) : null,
        reporterId: id(s.reporter),
        creatorId: id(s.reporter),
        assigneeId: s.assignee ? id(s.assignee) : null,
        statusId: STATUS_IDS[s.status ?? 'new'],
        priorityId: PRIORITY_IDS[s.priority ?? 'Medium'],
        securityLevelId: s.level ? DEMO.securityLevels[s.level] : null,
        labels: s.labels ?? [],
        participants: (s.participants ?? []).map(id),
        organizationIds: (s.orgs ?? []).map((o) => DEMO.organizations[o]),
      },
      at,
    );
    (s.comments ?? []).forEach((c, j) => {
      insertComment(
        state,
        issue,
        {
          authorId: id(c.by),
          body: adfFromText(c.text),
          visibility: c.role ? { type: 'role', value: c.role, identifier: c.role } : null,
          properties: project.serviceDeskId ? [['sd.public.comment', { internal: c.internal === true }]] : [],
        },
        at + (j + 1) * HOUR,
      );
    });
    if (s.edit) {
      applyIssueChanges(
        state,
        issue,
        { summary: s.edit.summary, description: s.edit.description !== undefined ? adfFromText(s.edit.description) : undefined },
        id(s.edit.by),
        at + 5 * HOUR,
      );
    }
  });
}

function audit(state: EmuState, r: Omit<EmuAuditRecord, 'id' | 'remoteAddress' | 'eventSource'> & { eventSource?: string }): void {
  state.auditRecords.push({ id: ++state.counters.audit, remoteAddress: '203.0.113.10', eventSource: r.eventSource ?? '', ...r });
}

/** Adds the demo site to a base state (see `createBaseState`). */
export function seedDemoSite(state: EmuState): void {
  ['jira-admins', 'site-admins', 'jira-servicemanagement-users', 'phi-approvers', 'vendor-acme-imaging', 'vendor-medcloud'].forEach((g, i) =>
    addGroup(state, g, i + 2),
  );
  for (const spec of Object.values(USER_SPECS)) {
    const user: EmuUser = {
      accountId: DEMO_ACCOUNTS[spec.email],
      accountType: spec.accountType,
      emailAddress: spec.email,
      emailVisible: true,
      displayName: spec.displayName,
      active: true,
      timeZone: 'America/Chicago',
      locale: 'en_US',
      groups: [...spec.groups],
      applicationRoles: [...spec.roles],
    };
    state.users.set(user.accountId, user);
  }

  // Permission schemes. ITS has a deliberate weakness: BROWSE_PROJECTS granted to "anyone".
  state.permissionSchemes.set(DEMO.permissionSchemes.ITS, {
    id: DEMO.permissionSchemes.ITS,
    name: 'ITS: Service management permission scheme',
    description: 'Permission scheme of the internal IT support desk.',
    grants: grants(10000, [
      ['ADMINISTER_PROJECTS', [ADMINS, ADDONS]],
      ['BROWSE_PROJECTS', [{ type: 'anyone' }, SDT, ADMINS, PORTAL, ADDONS]],
      ['CREATE_ISSUES', [SDT, PORTAL, { type: 'applicationRole' }, ADDONS]],
      ['EDIT_ISSUES', [SDT, ADMINS, ADDONS]],
      ['ASSIGN_ISSUES', [SDT, ADDONS]],
      ['ASSIGNABLE_USER', [SDT]],
      ['RESOLVE_ISSUES', [SDT, ADDONS]],
      ['TRANSITION_ISSUES', [SDT, ADDONS]],
      ['ADD_COMMENTS', [SDT, PORTAL, ADDONS]],
      ['EDIT_OWN_COMMENTS', [SDT, PORTAL, ADDONS]],
      ['EDIT_ALL_COMMENTS', [ADMINS, ADDONS]],
      ['DELETE_ALL_COMMENTS', [ADMINS]],
      ['DELETE_ISSUES', [ADMINS]],
      ['SET_ISSUE_SECURITY', [ADMINS, ADDONS]],
      ['MODIFY_REPORTER', [SDT, ADDONS]],
      ['SERVICEDESK_AGENT', [SDT, ADMINS, ADDONS]],
    ]),
  });
  state.permissionSchemes.set(DEMO.permissionSchemes.VEND, {
    id: DEMO.permissionSchemes.VEND,
    name: 'VEND: Vendor coordination permission scheme',
    description: 'Permission scheme of the vendor coordination desk.',
    grants: grants(11000, [
      ['ADMINISTER_PROJECTS', [group('jira-admins'), ADDONS]],
      ['BROWSE_PROJECTS', [SDT, ADMINS, VENDORS, ADDONS]],
      ['CREATE_ISSUES', [SDT, VENDORS, ADDONS]],
      ['EDIT_ISSUES', [SDT, ADMINS, ADDONS]],
      ['ASSIGN_ISSUES', [SDT, ADDONS]],
      ['ASSIGNABLE_USER', [{ type: 'applicationRole', parameter: 'jira-servicedesk' }]],
      ['RESOLVE_ISSUES', [SDT, VENDORS, ADDONS]],
      ['TRANSITION_ISSUES', [SDT, VENDORS, ADDONS]],
      ['ADD_COMMENTS', [SDT, VENDORS, ADDONS]],
      ['EDIT_OWN_COMMENTS', [SDT, VENDORS, ADDONS]],
      ['EDIT_ALL_COMMENTS', [ADMINS, ADDONS]],
      ['DELETE_ALL_COMMENTS', [ADMINS]],
      ['DELETE_ISSUES', [ADMINS]],
      ['SET_ISSUE_SECURITY', [SDT, ADMINS, { type: 'user', parameter: id('manager') }, ADDONS]],
      ['MODIFY_REPORTER', [SDT, ADDONS]],
      ['SERVICEDESK_AGENT', [SDT, ADMINS, ADDONS]],
    ]),
  });

  // Issue security scheme on VEND: one level per vendor company, plus internal only.
  let memberId = 10000;
  const internal = (): Array<{ id: number; holder: EmuHolder }> =>
    [...DEMO.internalGroups.map(group), ADDONS].map((holder) => ({ id: memberId++, holder }));
  const acme = [{ id: memberId++, holder: group('vendor-acme-imaging') }, ...internal(), { id: memberId++, holder: { type: 'reporter' } }];
  const medcloud = [{ id: memberId++, holder: group('vendor-medcloud') }, ...internal(), { id: memberId++, holder: { type: 'reporter' } }];
  const internalOnly = internal();
  state.securitySchemes.set(DEMO.securityScheme, {
    id: DEMO.securityScheme,
    name: 'VEND: Vendor isolation',
    description: 'Keeps each vendor to its own tickets.',
    defaultLevelId: null,
    levels: [
      { id: DEMO.securityLevels['Acme Imaging'], name: 'Acme Imaging', description: 'Acme Imaging staff, internal staff and the reporter.', members: acme },
      { id: DEMO.securityLevels.MedCloud, name: 'MedCloud', description: 'MedCloud staff, internal staff and the reporter.', members: medcloud },
      { id: DEMO.securityLevels['Internal only'], name: 'Internal only', description: 'Internal staff only.', members: internalOnly },
    ],
  });

  const roleActors = (extra: EmuProject['roleActors']): EmuProject['roleActors'] => ({
    [R.Administrators]: { groups: ['jira-admins'], users: [] },
    [R['atlassian-addons-project-access']]: { groups: [], users: [APP_ACCOUNT_ID] },
    [R['Service Desk Team']]: { groups: ['jira-servicemanagement-users', 'phi-approvers'], users: [] },
    ...extra,
  });
  const its: EmuProject = {
    id: DEMO.projects.ITS.id,
    key: 'ITS',
    name: 'IT Support',
    description: 'Internal IT support for clinical and administrative staff.',
    leadAccountId: id('agent'),
    projectTypeKey: 'service_desk',
    permissionSchemeId: DEMO.permissionSchemes.ITS,
    issueSecuritySchemeId: null,
    issueTypeIds: ['10001', '10002', '10003'],
    roleActors: roleActors({ [R['Service Desk Customers']]: { groups: [], users: [id('clinician')] } }),
    serviceDeskId: DEMO.serviceDesks.ITS,
    nextIssueNumber: 1,
  };
  const vend: EmuProject = {
    id: DEMO.projects.VEND.id,
    key: 'VEND',
    name: 'Vendor Coordination',
    description: 'Coordination of support cases with imaging and cloud vendors.',
    leadAccountId: id('manager'),
    projectTypeKey: 'service_desk',
    permissionSchemeId: DEMO.permissionSchemes.VEND,
    issueSecuritySchemeId: DEMO.securityScheme,
    issueTypeIds: ['10001', '10002', '10003'],
    roleActors: roleActors({
      [R['Service Desk Customers']]: { groups: [], users: [] },
      [R.Vendors]: { groups: ['vendor-acme-imaging', 'vendor-medcloud'], users: [] },
    }),
    serviceDeskId: DEMO.serviceDesks.VEND,
    nextIssueNumber: 1,
  };
  state.projects.set(its.id, its);
  state.projects.set(vend.id, vend);
  state.organizations.set('1', { id: '1', name: 'Acme Imaging', memberIds: [id('vendor1')] });
  state.organizations.set('2', { id: '2', name: 'MedCloud', memberIds: [id('vendor2')] });
  state.serviceDesks.set(DEMO.serviceDesks.ITS, { id: DEMO.serviceDesks.ITS, projectId: its.id, organizationIds: [] });
  state.serviceDesks.set(DEMO.serviceDesks.VEND, { id: DEMO.serviceDesks.VEND, projectId: vend.id, organizationIds: ['1', '2'] });

  // Issues: ITS from May 1st, VEND from May 2nd, interleaved every 13 hours.
  seedIssues(state, its, ITS_ISSUES, SEED_EPOCH, 13 * HOUR);
  seedIssues(state, vend, VEND_ISSUES, SEED_EPOCH + 6 * HOUR, 19 * HOUR);

  // Audit log.
  const day = 86400000;
  const admin = id('admin');
  audit(state, { summary: 'Project created', category: 'projects', authorAccountId: admin, created: SEED_EPOCH - 30 * day, objectItem: { id: its.id, name: 'IT Support', typeName: 'PROJECT' }, associatedItems: [], changedValues: [{ fieldName: 'Key', changedTo: 'ITS' }] });
  audit(state, { summary: 'Project created', category: 'projects', authorAccountId: admin, created: SEED_EPOCH - 29 * day, objectItem: { id: vend.id, name: 'Vendor Coordination', typeName: 'PROJECT' }, associatedItems: [], changedValues: [{ fieldName: 'Key', changedTo: 'VEND' }] });
  audit(state, { summary: 'Issue security scheme created', category: 'issue security', authorAccountId: admin, created: SEED_EPOCH - 28 * day, objectItem: { id: String(DEMO.securityScheme), name: 'VEND: Vendor isolation', typeName: 'SCHEME' }, associatedItems: [], changedValues: [] });
  for (const [name, lid] of Object.entries(DEMO.securityLevels)) {
    audit(state, { summary: 'Issue security level created', category: 'issue security', authorAccountId: admin, created: SEED_EPOCH - 28 * day + Number(lid) - 9990, objectItem: { id: lid, name, typeName: 'SECURITY_LEVEL', parentId: String(DEMO.securityScheme), parentName: 'VEND: Vendor isolation' }, associatedItems: [], changedValues: [] });
  }
  audit(state, { summary: 'Issue security scheme associated with project', category: 'issue security', authorAccountId: admin, created: SEED_EPOCH - 27 * day, objectItem: { id: vend.id, name: 'Vendor Coordination', typeName: 'PROJECT' }, associatedItems: [{ id: String(DEMO.securityScheme), name: 'VEND: Vendor isolation', typeName: 'SCHEME' }], changedValues: [] });
  audit(state, { summary: 'User added to group', category: 'group management', authorAccountId: admin, created: SEED_EPOCH - 20 * day, objectItem: { name: 'vendor-acme-imaging', typeName: 'GROUP' }, associatedItems: [{ id: id('vendor1'), name: id('vendor1'), typeName: 'USER', parentId: '10000', parentName: 'com.atlassian.crowd.directory.IdentityPlatformRemoteDirectory' }], changedValues: [] });
  audit(state, { summary: 'User added to group', category: 'group management', authorAccountId: admin, created: SEED_EPOCH - 20 * day + HOUR, objectItem: { name: 'vendor-medcloud', typeName: 'GROUP' }, associatedItems: [{ id: id('vendor2'), name: id('vendor2'), typeName: 'USER', parentId: '10000', parentName: 'com.atlassian.crowd.directory.IdentityPlatformRemoteDirectory' }], changedValues: [] });
  audit(state, { summary: 'Permission scheme updated', category: 'permissions', authorAccountId: admin, created: SEED_EPOCH - 10 * day, objectItem: { id: String(DEMO.permissionSchemes.ITS), name: 'ITS: Service management permission scheme', typeName: 'PERMISSION_SCHEME' }, associatedItems: [], changedValues: [{ fieldName: 'Browse Projects', changedTo: 'Anyone' }] });

  state.lastTime = Math.max(state.lastTime, ...[...state.issues.values()].map((i) => i.updated));
}
