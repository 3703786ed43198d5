/**
 * Issue 4's done-when, in the sandbox with the app's real handlers: vendor tickets are locked to
 * their company's level and redacted (in place without Guard Premium, through the redaction API with
 * it), agents' comments are redacted, the approval gate blocks, and everything is logged in a chain
 * that verifies. Jira REST calls per event are counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/audit/chain';
import { DEMO } from '../../src/sandbox/emulator';
import { startSandbox, type Sandbox } from '../../src/sandbox/server';
import { adf, appRequests, auditEntries, createIssue, rest, storageDump } from './helpers';

const PATIENT = { name: 'Maria Garcia', dob: '04/22/1957', mrn: '00482913' };
const DESCRIPTION = `Patient ${PATIENT.name}, DOB ${PATIENT.dob}, MRN ${PATIENT.mrn}: the CT export to PACS failed twice.`;
const SSN = '512-44-8721';

async function callsFor(sb: Sandbox, act: () => Promise<unknown>): Promise<string[]> {
  await sb.idle();
  const before = (await appRequests(sb)).length;
  await act();
  await sb.idle();
  return (await appRequests(sb)).slice(before).map((r) => `${r.method} ${r.path.split('?')[0]}`);
}

function expectNoPhiIn(text: string, values: string[]) {
  for (const v of values) expect(text).not.toContain(v);
}

describe.each([
  { premium: false, label: 'without Guard Premium (in-place edit)' },
  { premium: true, label: 'with Guard Premium (redaction API)' },
])('vendor ticket with PHI, $label', ({ premium }) => {
  let sb: Sandbox;
  let issue: { id: string; key: string };
  let calls: string[];
  beforeAll(async () => {
    sb = await startSandbox({ port: 0, guardPremium: premium, delayScale: 0.01, duplicateDelivery: false, faultRate: 0 });
    calls = await callsFor(sb, async () => {
      issue = await createIssue(sb, 'vendor1@acme-imaging.test', 'VEND', 'CT export failing', DESCRIPTION);
    });
  });
  afterAll(() => sb.close());

  it("sets Acme's security level: the other vendor gets 404, the reporter still sees it", async () => {
    const asAdmin = await rest(sb, 'admin@demo.test', 'GET', `/rest/api/3/issue/${issue.key}?fields=security`);
    expect(asAdmin.body.fields.security.id).toBe(DEMO.securityLevels['Acme Imaging']);
    expect((await rest(sb, 'vendor2@medcloud.test', 'GET', `/rest/api/3/issue/${issue.key}`)).status).toBe(404);
    expect((await rest(sb, 'vendor1@acme-imaging.test', 'GET', `/rest/api/3/issue/${issue.key}`)).status).toBe(200);
  });

  it('removes the values from the description, keeping the rest of the text', async () => {
    const r = await rest(sb, 'admin@demo.test', 'GET', `/rest/api/3/issue/${issue.key}?fields=description`);
    const text = JSON.stringify(r.body.fields.description);
    expectNoPhiIn(text, Object.values(PATIENT));
    expect(text).toContain('the CT export to PACS failed twice.');
  });

  it(premium ? 'purges the values from history too' : 'says plainly that history still holds the original', async () => {
    const history = JSON.stringify((await rest(sb, 'admin@demo.test', 'GET', `/rest/api/3/issue/${issue.key}/changelog`)).body);
    const prop = (await rest(sb, 'admin@demo.test', 'GET', `/rest/api/3/issue/${issue.key}/properties/phi-guard`)).body.value;
    if (premium) {
      expectNoPhiIn(history, Object.values(PATIENT));
      expect(prop).toMatchObject({ action: 'redacted', history: 'purged' });
    } else {
      expect(history).toContain(PATIENT.mrn); // Jira keeps the edited-away text: the property must say so
      expect(prop).toMatchObject({ action: 'redacted-in-place', history: 'retained' });
      expect(prop.historyNote).toMatch(/history still holds the original/);
    }
  });

  it('records types, counts, the vendor and the actions on the property and in the log — never values', async () => {
    const prop = (await rest(sb, 'admin@demo.test', 'GET', `/rest/api/3/issue/${issue.key}/properties/phi-guard`)).body.value;
    expect(prop).toMatchObject({ flagged: true, fields: ['description'], vendor: { status: 'applied', companyId: 'acme-imaging', levelId: DEMO.securityLevels['Acme Imaging'] } });
    expect(prop.types).toEqual(expect.arrayContaining(['NAME', 'DATE', 'MRN']));
    const { entries, head } = await auditEntries(sb);
    const mine = entries.filter((e) => e.issueId === issue.id);
    expect(mine.map((e) => e.action).sort()).toEqual(['phi.redacted', 'security.level-set']);
    expect(mine.find((e) => e.action === 'phi.redacted')).toMatchObject({ target: 'description', outcome: 'ok', actor: expect.stringMatching(/^712020:/) });
    expect(verifyChain(entries, head).ok).toBe(true);
    const everything = JSON.stringify(prop) + JSON.stringify(await storageDump(sb));
    expectNoPhiIn(everything, [...Object.values(PATIENT)]);
  });

  it('is found by JQL on the property aliases', async () => {
    const r = await rest(sb, 'admin@demo.test', 'POST', '/rest/api/3/search/jql', { jql: 'phiGuard.types ~ "MRN" AND project = VEND', fields: ['summary'] });
    expect(r.body.issues.map((i: { key: string }) => i.key)).toContain(issue.key);
  });

  it('costs a bounded number of Jira calls', () => {
    console.log(`[calls] vendor ticket with PHI, premium=${premium}: ${calls.length} (${calls.join(', ')})`);
    // get issue, reporter (+groups), orgs (vendors are checked against organizations too),
    // redaction (POST + status poll, or POST 403 + PUT fields), PUT security, PUT property
    expect(calls.length).toBeLessThanOrEqual(premium ? 7 : 7);
    expect(calls).toContain('PUT /rest/api/3/issue/' + issue.id + '/properties/phi-guard');
  });
});

describe('comments, the approval gate and call counts', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ port: 0, guardPremium: false, delayScale: 0.01, duplicateDelivery: false, faultRate: 0 });
  });
  afterAll(() => sb.close());

  it("redacts an agent's public comment holding an SSN and adds one internal note", async () => {
    const issue = await createIssue(sb, 'clinician@demo.test', 'ITS', 'Portal login', 'Cannot log in to the portal.');
    await sb.idle();
    let c = { status: 0, body: { id: '' } };
    const calls = await callsFor(sb, async () => {
      c = await rest(sb, 'agent@demo.test', 'POST', `/rest/api/3/issue/${issue.key}/comment`, { body: adf(`Verified caller with SSN ${SSN}, resetting now.`) });
    });
    console.log(`[calls] public JSM comment with an SSN: ${calls.length} (${calls.join(', ')})`);
    expect(c.status).toBe(201);
    const comments = (await rest(sb, 'admin@demo.test', 'GET', `/rest/api/3/issue/${issue.key}/comment?expand=properties`)).body.comments;
    const body = JSON.stringify(comments);
    expect(body).not.toContain(SSN);
    expect(body).toContain('resetting now.');
    const notes = comments.filter((x: { jsdPublic: boolean }) => x.jsdPublic === false);
    expect(notes).toHaveLength(1);
    expect(JSON.stringify(notes[0].body)).toMatch(/SSN ×1/);
    // the customer does not see the note
    const asCustomer = (await rest(sb, 'clinician@demo.test', 'GET', `/rest/api/3/issue/${issue.key}/comment`)).body.comments;
    expect(asCustomer).toHaveLength(1);
    // editing the comment again with more PHI: redacted again, still one note
    await rest(sb, 'agent@demo.test', 'PUT', `/rest/api/3/issue/${issue.key}/comment/${c.body.id}`, { body: adf(`SSN ${SSN} again`) });
    await sb.idle();
    const after = (await rest(sb, 'admin@demo.test', 'GET', `/rest/api/3/issue/${issue.key}/comment`)).body.comments;
    expect(JSON.stringify(after)).not.toContain(SSN);
    expect(after.filter((x: { jsdPublic: boolean }) => x.jsdPublic === false)).toHaveLength(1);
    const prop = (await rest(sb, 'admin@demo.test', 'GET', `/rest/api/3/issue/${issue.key}/properties/phi-guard`)).body.value;
    expect(prop.fields).toEqual([`comment:${c.body.id}`]);
    expect(prop.types).toEqual(['SSN']);
  });

  it('blocks an unapproved vendor ticket from In Progress with a message, and lets it through once approved', async () => {
    const issue = await createIssue(sb, 'vendor2@medcloud.test', 'VEND', 'Interface down', 'The ADT feed stopped at 09:00.');
    await sb.idle();
    const transitions = (await rest(sb, 'agent@demo.test', 'GET', `/rest/api/3/issue/${issue.key}/transitions`)).body.transitions;
    const start = transitions.find((t: { to: { name: string } }) => t.to.name === 'In Progress');
    const blocked = await rest(sb, 'agent@demo.test', 'POST', `/rest/api/3/issue/${issue.key}/transitions`, { transition: { id: start.id } });
    expect(blocked.status).toBe(400);
    expect(blocked.body.errorMessages[0]).toMatch(/MedCloud.*needs an internal approval.*"In Progress".*phi-approvers/);
    const status = (await rest(sb, 'admin@demo.test', 'GET', `/rest/api/3/issue/${issue.key}?fields=status`)).body.fields.status.name;
    expect(status).toBe('Waiting for support');
    // other transitions are not gated
    const wait = transitions.find((t: { to: { name: string } }) => t.to.name === 'Waiting for customer');
    expect((await rest(sb, 'agent@demo.test', 'POST', `/rest/api/3/issue/${issue.key}/transitions`, { transition: { id: wait.id } })).status).toBe(204);
    // an approval on the record (what the issue panel's approve action stores) opens the gate
    const row = (await sb.storage.kvs.entity<{ version: number; record: { approval?: unknown } }>('issue-record').get(`i:${issue.id}`))!;
    await sb.storage.kvs.entity('issue-record').set(`i:${issue.id}`, { ...row, version: row.version + 1, record: { ...row.record, approval: { by: 'manager', at: new Date().toISOString() } } });
    expect((await rest(sb, 'agent@demo.test', 'POST', `/rest/api/3/issue/${issue.key}/transitions`, { transition: { id: start.id } })).status).toBe(204);
  });

  it('logs a vendor moving a ticket to Resolved, with who and when', async () => {
    const issue = await createIssue(sb, 'vendor1@acme-imaging.test', 'VEND', 'Viewer patch', 'Patch 7.4.2 is ready.');
    await sb.idle();
    const resolve = (await rest(sb, 'vendor1@acme-imaging.test', 'GET', `/rest/api/3/issue/${issue.key}/transitions`)).body.transitions.find(
      (t: { to: { name: string } }) => t.to.name === 'Resolved',
    );
    expect((await rest(sb, 'vendor1@acme-imaging.test', 'POST', `/rest/api/3/issue/${issue.key}/transitions`, { transition: { id: resolve.id } })).status).toBe(204);
    await sb.idle();
    const done = (await auditEntries(sb)).entries.filter((e) => e.issueId === issue.id && e.action === 'vendor.done-transition');
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ actor: '712020:5eed0000-0000-4000-8000-000000000005', detail: expect.stringMatching(/Acme Imaging moved it to Resolved/) });
    expect(Date.parse(done[0]!.at)).toBeGreaterThan(0);
  });

  it('updates that touch no scanned field are filtered out by the trigger expression; the app\'s own edits never re-trigger it', async () => {
    const issue = await createIssue(sb, 'agent@demo.test', 'ITS', 'Label me', 'Nothing sensitive.');
    await sb.idle();
    const calls = await callsFor(sb, () => rest(sb, 'agent@demo.test', 'PUT', `/rest/api/3/issue/${issue.key}`, { update: { labels: [{ add: 'hardware' }] } }));
    expect(calls).toEqual([]);
    const events = ((await (await fetch(`${sb.url}/_sandbox/invocations`)).json()) as { productEvents: Array<{ eventType: string; issueKey: string; deliveredTo: string[]; ignoredBy: string[]; actorKind: string }> }).productEvents;
    const labelEvent = events.filter((e) => e.issueKey === issue.key && e.eventType === 'avi:jira:updated:issue').at(-1)!;
    expect(labelEvent.ignoredBy).toContain('phi-guard-issue-updated');
    // a description edit with PHI is handled; the app's redaction edit is an event the app ignores
    await rest(sb, 'agent@demo.test', 'PUT', `/rest/api/3/issue/${issue.key}`, { fields: { description: adf(`Caller SSN ${SSN}`) } });
    await sb.idle();
    const after = ((await (await fetch(`${sb.url}/_sandbox/invocations`)).json()) as { productEvents: typeof events }).productEvents.filter((e) => e.issueKey === issue.key);
    const own = after.filter((e) => e.actorKind === 'app');
    expect(own.length).toBeGreaterThan(0);
    for (const e of own) expect(e.deliveredTo).toEqual([]);
    expect(JSON.stringify((await rest(sb, 'admin@demo.test', 'GET', `/rest/api/3/issue/${issue.key}?fields=description`)).body)).not.toContain(SSN);
  });

  it('an internal user\'s issue without PHI costs at most 3 Jira calls', async () => {
    const its = await callsFor(sb, () => createIssue(sb, 'agent@demo.test', 'ITS', 'Printer jam', 'The printer on 3 jams.'));
    const vend = await callsFor(sb, () => createIssue(sb, 'agent@demo.test', 'VEND', 'Vendor contract', 'Renewal is due.'));
    expect(its.length).toBeLessThanOrEqual(3);
    expect(vend.length).toBeLessThanOrEqual(3);
    console.log(`[calls] internal, no PHI: ITS ${its.length} (${its.join(', ')}); VEND ${vend.length} (${vend.join(', ')})`);
  });
});

describe('the workforce directory, synced by the scheduled trigger', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ port: 0, guardPremium: false, delayScale: 0.01, duplicateDelivery: false, faultRate: 0 });
  });
  afterAll(() => sb.close());
  const text = 'Pt Harold Jenkins (MRN 00412977) got the wrong wristband on 4N. Riley Agent reprinted it and Sam Agent fixed the Zebra driver.';
  const description = async (key: string) => JSON.stringify((await rest(sb, 'admin@demo.test', 'GET', `/rest/api/3/issue/${key}`)).body.fields.description);

  it("syncs the site's own people (not portal customers), and then leaves their names in redacted tickets", async () => {
    const before = await createIssue(sb, 'agent@demo.test', 'ITS', 'Wristband printer', text);
    await sb.idle();
    expect(await description(before.key)).not.toContain('Riley Agent');

    const run = await fetch(`${sb.url}/_sandbox/scheduled/phi-guard-directory-sync`, { method: 'POST' });
    expect(run.status).toBe(200);
    expect(await run.json()).toMatchObject({ outcome: 'ok', result: { statusCode: 200 } });
    const meta = (await storageDump(sb)).kvs['directory:meta'] as { count: number; chunks: number };
    // Avery Admin, Sam Agent, Riley Agent, Morgan Manager, Val Acme, Max MedCloud; not Casey Clinician (a portal customer)
    expect(meta.count).toBe(6);
    expect(JSON.stringify((await storageDump(sb)).kvs)).not.toContain('Casey Clinician');

    const after = await createIssue(sb, 'agent@demo.test', 'ITS', 'Wristband printer', text);
    await sb.idle();
    const d = await description(after.key);
    expect(d).not.toContain('Harold Jenkins');
    expect(d).not.toContain('00412977');
    expect(d).toContain('Riley Agent');
    expect(d).toContain('Sam Agent');
    expect((await fetch(`${sb.url}/_sandbox/scheduled/nope`, { method: 'POST' })).status).toBe(404);
  });
});

describe('scheduled triggers at start (npm start passes runScheduled)', () => {
  it('runs the directory sync once when the sandbox starts, as Forge does after a deployment', async () => {
    const sb = await startSandbox({ port: 0, delayScale: 0.01, duplicateDelivery: false, faultRate: 0, runScheduled: true });
    try {
      await sb.idle();
      expect(sb.invocations.filter((i) => i.kind === 'scheduled' && i.moduleKey === 'phi-guard-directory-sync').map((i) => i.outcome)).toEqual(['ok']);
      expect((await storageDump(sb)).kvs['directory:meta']).toMatchObject({ count: 6 });
    } finally {
      await sb.close();
    }
    const quiet = await startSandbox({ port: 0, delayScale: 0.01, duplicateDelivery: false, faultRate: 0 });
    try {
      await quiet.idle();
      expect(quiet.invocations.some((i) => i.kind === 'scheduled')).toBe(false);
    } finally {
      await quiet.close();
    }
  });
});
