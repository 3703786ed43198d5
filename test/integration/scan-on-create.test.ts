/**
 * The app's real issue-created trigger in the sandbox: a vendor raises a VEND ticket with a
 * patient's details; the handler records the phi-guard property (types and counts, no values).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/server';

const basic = (email: string) => `Basic ${Buffer.from(`${email}:any-token`).toString('base64')}`;
const adf = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function rest(sb: Sandbox, email: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${sb.url}${path}`, {
    method,
    headers: { authorization: basic(email), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('issue created → phi-guard property (sandbox)', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ port: 0, latencyMs: 0, faultRate: 0, duplicateDelivery: false, delayScale: 0.01 });
  });
  afterAll(async () => {
    await sb.close();
  });

  it('flags a vendor ticket holding a name, DOB and MRN, in 2 Jira calls, storing no PHI', async () => {
    const values = ['Maria Garcia', '04/22/1957', '00482913'];
    const appRequests = async () => ((await (await fetch(`${sb.url}/_sandbox/invocations`)).json()) as { appRequests: unknown[] }).appRequests.length;
    await sb.idle();
    const requestsBefore = await appRequests();
    const created = await rest(sb, 'vendor1@acme-imaging.test', 'POST', '/rest/api/3/issue', {
      fields: {
        project: { key: 'VEND' },
        issuetype: { name: 'Task' },
        summary: 'CT scanner export failed',
        description: adf(`Patient ${values[0]}, DOB ${values[1]}, MRN ${values[2]}: the export to PACS failed.`),
      },
    });
    expect(created.status).toBe(201);
    await sb.idle();
    expect((await appRequests()) - requestsBefore).toBe(2); // get the issue, set the property
    const run = sb.invocations.find((i) => i.moduleKey === 'phi-guard-issue-created' && i.issueKey === created.body.key);
    expect(run?.outcome).toBe('ok');

    const prop = await rest(sb, 'admin@demo.test', 'GET', `/rest/api/3/issue/${created.body.key}/properties/phi-guard`);
    expect(prop.status).toBe(200);
    expect(prop.body.value).toMatchObject({ flagged: true, fields: ['description'], action: 'flag' });
    expect(prop.body.value.types).toEqual(expect.arrayContaining(['NAME', 'DATE', 'MRN']));
    const everything = JSON.stringify(prop.body) + JSON.stringify(await (await fetch(`${sb.url}/_sandbox/storage`)).json());
    for (const v of values) expect(everything).not.toContain(v);
  });

  it('is searchable in JQL through the manifest alias', async () => {
    const r = await rest(sb, 'admin@demo.test', 'POST', '/rest/api/3/search/jql', { jql: 'phiGuard.flagged = true', fields: ['summary'], maxResults: 50 });
    expect(r.status).toBe(200);
    expect(r.body.issues.length).toBeGreaterThan(0);
  });
});
