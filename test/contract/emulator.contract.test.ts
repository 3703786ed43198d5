/**
 * Contract tests of the Jira Cloud emulator (src/sandbox/emulator) against Atlassian's published
 * OpenAPI document: every route is an operation of the document, and every response of a realistic
 * call validates against the operation's response schema for its status. The JSM routes, which the
 * platform document does not cover, are checked against hand-written shapes from the JSM reference.
 */
import Ajv from 'ajv';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  APP_ACCOUNT_ID,
  createEmulator,
  DEMO,
  DEMO_ACCOUNTS,
  JSM_ROUTES,
  PLATFORM_ROUTES,
  REDACTION_MARKER,
  ROUTES,
  redactionHash,
  type AdfDoc,
  type EmuEvent,
  type EmuResponse,
} from '../../src/sandbox/emulator';
import { findOperation, validateResponse, validateSchema } from './openapi';

type Who = keyof typeof DEMO_ACCOUNTS | 'app' | 'nobody';
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const emu = createEmulator({ guardPremium: true });
const covered = new Set<string>();
const events: EmuEvent[] = [];
emu.on('*', (e) => {
  events.push(e);
});

// --- JSM shapes (hand-written from the JSM Cloud REST reference) ----------------------------------
const jsmAjv = new Ajv({ strict: false, allErrors: true });
const links = { type: 'object', required: ['self'], properties: { self: { type: 'string' } } };
const paged = (item: object) => ({
  type: 'object',
  required: ['size', 'start', 'limit', 'isLastPage', 'values', '_links'],
  additionalProperties: false,
  properties: {
    _expands: { type: 'array', items: { type: 'string' } },
    size: { type: 'integer' },
    start: { type: 'integer' },
    limit: { type: 'integer' },
    isLastPage: { type: 'boolean' },
    _links: { type: 'object', required: ['base', 'context'], properties: { base: { type: 'string' }, context: { type: 'string' }, self: { type: 'string' }, next: { type: 'string' }, prev: { type: 'string' } } },
    values: { type: 'array', items: item },
  },
});
const jsmUser = {
  type: 'object',
  required: ['accountId', 'displayName', 'active', 'timeZone', '_links'],
  additionalProperties: false,
  properties: {
    accountId: { type: 'string' },
    emailAddress: { type: 'string' },
    displayName: { type: 'string' },
    active: { type: 'boolean' },
    timeZone: { type: 'string' },
    _links: { type: 'object', required: ['jiraRest', 'avatarUrls', 'self'], properties: { jiraRest: { type: 'string' }, self: { type: 'string' }, avatarUrls: { type: 'object' } } },
  },
};
const JSM_SCHEMAS: Record<string, object> = {
  '/rest/servicedeskapi/servicedesk': paged({ type: 'object', required: ['id', 'projectId', 'projectName', 'projectKey', '_links'], additionalProperties: false, properties: { id: { type: 'string' }, projectId: { type: 'string' }, projectName: { type: 'string' }, projectKey: { type: 'string' }, _links: links } }),
  '/rest/servicedeskapi/organization': paged({ type: 'object', required: ['id', 'name', '_links'], additionalProperties: false, properties: { id: { type: 'string' }, name: { type: 'string' }, _links: links } }),
  '/rest/servicedeskapi/organization/{organizationId}/user': paged(jsmUser),
  '/rest/servicedeskapi/request/{issueIdOrKey}/participant': paged(jsmUser),
};
const jsmError = jsmAjv.compile({
  type: 'object',
  required: ['errorMessage', 'i18nErrorMessage'],
  properties: { errorMessage: { type: 'string' }, i18nErrorMessage: { type: 'object', required: ['i18nKey', 'parameters'] } },
});

function jsmTemplate(method: string, path: string): string | undefined {
  const clean = path.split('?')[0]!;
  return JSM_ROUTES.find((r) => r.method === method && new RegExp(`^${r.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(clean))?.path;
}

/** Calls the emulator as `who`, records coverage and checks the response against the contract. */
async function call(who: Who, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<EmuResponse> {
  const actor = who === 'nobody' ? undefined : who === 'app' ? ({ kind: 'app' } as const) : emu.actorFor(who);
  const res = await emu.handle({ method, path, body, headers, ...(actor ? { actor } : {}) });
  const jsm = jsmTemplate(method, path);
  if (jsm) {
    covered.add(`${method} ${jsm}`);
    if (res.status < 300) {
      const v = jsmAjv.compile(JSM_SCHEMAS[jsm]!);
      expect(v(res.body), `${method} ${path}: ${JSON.stringify(v.errors)}`).toBe(true);
    } else expect(jsmError(res.body), `${method} ${path} error shape`).toBe(true);
    return res;
  }
  const op = findOperation(method, path);
  expect(op, `${method} ${path} is an operation of the document`).toBeDefined();
  covered.add(`${method} ${op!.pathTemplate}`);
  const result = validateResponse(method, op!.pathTemplate, res.status, res.body);
  expect(result.errors, `${method} ${path} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`).toEqual([]);
  if (res.status >= 400) expect(validateSchema('ErrorCollection', res.body).errors, `${method} ${path} error body`).toEqual([]);
  return res;
}

const doc = (text: string): AdfDoc => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const b = (res: EmuResponse): Body => res.body as Body;
const basic = (email: string) => ({ authorization: `Basic ${Buffer.from(`${email}:any-token`).toString('base64')}` });
const ID = DEMO_ACCOUNTS;

beforeEach(() => {
  emu.reset();
  events.length = 0;
});

describe('route table', () => {
  it('every platform route is an operation of the OpenAPI document with the same method and template', () => {
    expect(PLATFORM_ROUTES.length).toBeGreaterThan(40);
    for (const r of PLATFORM_ROUTES) {
      const op = findOperation(r.method, r.path);
      expect(op?.pathTemplate, `${r.method} ${r.path}`).toBe(r.path);
      expect(op?.operation.deprecated ?? false, `${r.method} ${r.path} is not deprecated`).toBe(false);
    }
  });

  it('the JSM routes are kept apart and are not in the platform document', () => {
    expect(JSM_ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'GET /rest/servicedeskapi/organization',
      'GET /rest/servicedeskapi/organization/{organizationId}/user',
      'GET /rest/servicedeskapi/request/{issueIdOrKey}/participant',
      'GET /rest/servicedeskapi/servicedesk',
    ]);
    for (const r of JSM_ROUTES) expect(findOperation(r.method, r.path)).toBeUndefined();
    expect(ROUTES.length).toBe(PLATFORM_ROUTES.length + JSM_ROUTES.length);
  });

  it('the enhanced search is served and the deprecated search is not', () => {
    expect(findOperation('GET', '/rest/api/3/search')?.operation.deprecated).toBe(true);
    expect(ROUTES.some((r) => r.path === '/rest/api/3/search')).toBe(false);
    expect(ROUTES.some((r) => r.path === '/rest/api/3/search/approximate-count')).toBe(true);
  });
});

describe('openapi helper (the contract is not vacuous)', () => {
  it('rejects undeclared properties, wrong types inside $refs and undocumented statuses', () => {
    expect(validateResponse('GET', '/rest/api/3/myself', 200, { accountId: 'x', bogus: 1 }).valid).toBe(false);
    expect(validateResponse('GET', '/rest/api/3/issue/{issueIdOrKey}/comment/{id}', 200, { id: '1', author: { accountId: 5 } }).valid).toBe(false);
    expect(validateResponse('GET', '/rest/api/3/issue/{issueIdOrKey}/changelog', 418, {}).errors[0]).toMatch(/not documented/);
    expect(validateResponse('GET', '/rest/api/3/nope', 200, {}).valid).toBe(false);
    expect(validateResponse('POST', '/rest/api/3/redact', 202, 'not-a-uuid').valid).toBe(false);
  });

  it('relaxations: Jira timestamps with +0000 offsets, null ChangeDetails values', () => {
    expect(validateSchema('Comment', { created: '2025-05-01T08:00:00.000+0000' }).valid).toBe(true);
    expect(validateSchema('Comment', { created: 'yesterday' }).valid).toBe(false);
    expect(validateSchema('ChangeDetails', { field: 'summary', from: null, to: null, fromString: 'a', toString: 'b' }).valid).toBe(true);
    expect(validateSchema('ChangeDetails', { field: 'summary', from: 1 }).valid).toBe(false);
    expect(validateSchema('GroupName', { name: 'x', groupId: null }).valid).toBe(true); // nullable in the document
  });

  it('findOperation resolves concrete paths, templates and template literals', () => {
    expect(findOperation('GET', '/rest/api/3/issue/ITS-1?fields=summary')?.params).toEqual({ issueIdOrKey: 'ITS-1' });
    expect(findOperation('GET', '/rest/api/3/project/search')?.pathTemplate).toBe('/rest/api/3/project/search');
    expect(findOperation('PUT', '/rest/api/3/issue/${issueKey}/properties/${PROPERTY_KEY}')?.pathTemplate).toBe('/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}');
    expect(findOperation('GET', '/rest/api/3/issuesecurityschemes/level')?.pathTemplate).toBe('/rest/api/3/issuesecurityschemes/level');
    expect(findOperation('PATCH', '/rest/api/3/issue/ITS-1')).toBeUndefined();
  });
});

describe('transport: auth, unknown routes, wrong methods', () => {
  it('401 with Jira error shape without credentials or for an unknown email', async () => {
    const res = await call('nobody', 'GET', '/rest/api/3/myself');
    expect(res.status).toBe(401);
    expect(b(res).errorMessages[0]).toMatch(/authenticated/);
    expect((await call('nobody', 'GET', '/rest/api/3/myself', undefined, basic('who@else.test'))).status).toBe(401);
    const ok = await call('nobody', 'GET', '/rest/api/3/myself', undefined, basic('Admin@Demo.test'));
    expect(ok.status).toBe(200);
    expect(b(ok).accountId).toBe(ID['admin@demo.test']);
  });

  it('404 for unknown routes, 405 for a wrong method', async () => {
    const nf = await emu.handle({ method: 'GET', path: '/rest/api/3/nope', actor: { kind: 'app' } });
    expect(nf.status).toBe(404);
    expect(validateSchema('ErrorCollection', nf.body).valid).toBe(true);
    const na = await emu.handle({ method: 'DELETE', path: '/rest/api/3/myself', actor: { kind: 'app' } });
    expect(na.status).toBe(405);
    expect(na.headers.allow).toBe('GET');
    expect((await emu.handle({ method: 'POST', path: '/rest/api/3/issuesecurityschemes/level', actor: { kind: 'app' } })).status).toBe(405);
  });

  it('accepts JSON string bodies and rejects malformed JSON', async () => {
    const res = await call('agent@demo.test', 'POST', '/rest/api/3/search/approximate-count', JSON.stringify({ jql: 'project = ITS' }));
    expect(b(res).count).toBe(30);
    expect((await call('agent@demo.test', 'POST', '/rest/api/3/search/approximate-count', '{nope')).status).toBe(400);
  });
});

describe('seeded demo site', () => {
  it('is deterministic and holds ~50 issues with synthetic PHI', async () => {
    const other = createEmulator({ guardPremium: false });
    const q = '/rest/api/3/search/jql?jql=project%20in%20(ITS,VEND)%20ORDER%20BY%20key%20ASC&fields=*all&maxResults=100';
    const a = await emu.handle({ method: 'GET', path: q, actor: { kind: 'app' } });
    const c = await other.handle({ method: 'GET', path: q, actor: { kind: 'app' } });
    expect(JSON.stringify(a.body)).toBe(JSON.stringify(c.body));
    const issues = b(a).issues as Body[];
    expect(issues).toHaveLength(50);
    const text = JSON.stringify(issues);
    expect(text).toMatch(/MRN 00482913/);
    expect(text).toMatch(/\d{3}-\d{2}-\d{4}/);
    expect(issues.filter((i) => i.fields.security?.name === 'Acme Imaging').length).toBeGreaterThan(3);
    expect(issues.filter((i) => i.key.startsWith('VEND') && i.fields.security === null).length).toBeGreaterThan(0);
  });

  it('app account, users and groups', async () => {
    const me = await call('app', 'GET', '/rest/api/3/myself?expand=groups');
    expect(b(me)).toMatchObject({ accountId: APP_ACCOUNT_ID, accountType: 'app' });
    const vendor = await call('admin@demo.test', 'GET', `/rest/api/3/user?accountId=${encodeURIComponent(ID['vendor1@acme-imaging.test'])}&expand=groups,applicationRoles`);
    expect(b(vendor).groups.items.map((g: Body) => g.name)).toEqual(['vendor-acme-imaging']);
    const clinician = await call('admin@demo.test', 'GET', `/rest/api/3/user?accountId=${encodeURIComponent(ID['clinician@demo.test'])}`);
    expect(b(clinician).accountType).toBe('customer');
  });
});

describe('issues', () => {
  it('create, get with fields/expand, edit (changelog keeps the old text), events', async () => {
    const created = await call('agent@demo.test', 'POST', '/rest/api/3/issue', {
      fields: { project: { key: 'ITS' }, issuetype: { name: 'Service request' }, summary: 'Pt Jane Roe cannot print', description: doc('Jane Roe DOB 01/02/1970 MRN 55512345') },
    });
    expect(created.status).toBe(201);
    const key = b(created).key as string;
    expect(key).toBe('ITS-31');
    expect(events.map((e) => e.type)).toEqual(['issue_created']);
    expect(events[0]).toMatchObject({ atlassianId: ID['agent@demo.test'], actor: { kind: 'user' } });

    const got = await call('agent@demo.test', 'GET', `/rest/api/3/issue/${key}?expand=renderedFields,names,changelog`);
    expect(b(got).fields.description).toEqual(doc('Jane Roe DOB 01/02/1970 MRN 55512345'));
    expect(b(got).fields.reporter.accountId).toBe(ID['agent@demo.test']);
    expect(b(got).renderedFields.description).toBe('<p>Jane Roe DOB 01/02/1970 MRN 55512345</p>');
    expect(b(got).names.summary).toBe('Summary');
    const some = await call('agent@demo.test', 'GET', `/rest/api/3/issue/${key}?fields=summary,status`);
    expect(Object.keys(b(some).fields).sort()).toEqual(['status', 'summary']);

    const edited = await call('agent@demo.test', 'PUT', `/rest/api/3/issue/${key}`, { fields: { summary: 'Printing problem', description: doc('Details removed') } });
    expect(edited.status).toBe(204);
    expect(edited.body).toBeUndefined();
    const upd = events.find((e) => e.type === 'issue_updated');
    expect(upd?.type === 'issue_updated' && upd.changelog.items.map((i) => i.field)).toEqual(['summary', 'description']);

    const log = await call('manager@demo.test', 'GET', `/rest/api/3/issue/${key}/changelog`);
    const items = b(log).values[0].items as Body[];
    expect(items.find((i) => i.field === 'summary')).toMatchObject({ fromString: 'Pt Jane Roe cannot print', toString: 'Printing problem' });
    expect(items.find((i) => i.field === 'description')?.fromString).toBe('Jane Roe DOB 01/02/1970 MRN 55512345');
    const withLog = await call('agent@demo.test', 'GET', `/rest/api/3/issue/${key}?fields=summary&expand=changelog`);
    expect(b(withLog).changelog.histories).toHaveLength(1);

    const returned = await call('app', 'PUT', `/rest/api/3/issue/${key}?returnIssue=true`, { update: { labels: [{ add: 'phi-redacted' }] } });
    expect(returned.status).toBe(200);
    expect(b(returned).fields.labels).toEqual(['phi-redacted']);
    expect(events.at(-1)).toMatchObject({ type: 'issue_updated', actor: { kind: 'app', accountId: APP_ACCOUNT_ID } });
  });

  it('issue fields, comments and changelog validate against their component schemas', async () => {
    await call('agent@demo.test', 'PUT', '/rest/api/3/issue/VEND-1', { fields: { summary: 'Acme PACS viewer crash' } });
    const issue = b(await call('agent@demo.test', 'GET', '/rest/api/3/issue/VEND-1?expand=changelog'));
    const f = issue.fields;
    const checks: Array<[string, unknown]> = [
      ['ProjectDetails', f.project],
      ['IssueTypeDetails', f.issuetype],
      ['StatusDetails', f.status],
      ['UserDetails', f.reporter],
      ['UserDetails', f.creator],
      ['UserDetails', f.assignee],
      ['SecurityLevel', f.security],
      ['PageOfComments', f.comment],
      ['PageOfChangelogs', issue.changelog],
    ];
    for (const c of f.comment.comments) checks.push(['Comment', c]);
    for (const [name, value] of checks) expect(validateSchema(name, value).errors, name).toEqual([]);
    expect(issue.changelog.histories).toHaveLength(1);
  });

  it('create errors: missing summary, unknown project, no permission, string description', async () => {
    const noSummary = await call('agent@demo.test', 'POST', '/rest/api/3/issue', { fields: { project: { key: 'ITS' }, issuetype: { id: '10001' } } });
    expect(noSummary.status).toBe(400);
    expect(b(noSummary).errors.summary).toBeDefined();
    const noProject = await call('agent@demo.test', 'POST', '/rest/api/3/issue', { fields: { project: { key: 'NOPE' }, issuetype: { id: '10001' }, summary: 'x' } });
    expect(b(noProject).errors.project).toBe('Specify a valid project ID or key');
    const plain = await call('agent@demo.test', 'POST', '/rest/api/3/issue', { fields: { project: { key: 'ITS' }, issuetype: { id: '10001' }, summary: 'x', description: 'plain text' } });
    expect(b(plain).errors.description).toMatch(/Atlassian Document/);
    // Admins browse VEND (Administrators role) but only agents and vendors may create there.
    const adminOnVend = await call('admin@demo.test', 'POST', '/rest/api/3/issue', { fields: { project: { key: 'VEND' }, issuetype: { id: '10001' }, summary: 'x' } });
    expect(adminOnVend.status).toBe(403);
    const clinicianOnVend = await call('clinician@demo.test', 'POST', '/rest/api/3/issue', { fields: { project: { key: 'VEND' }, issuetype: { id: '10001' }, summary: 'x' } });
    expect(b(clinicianOnVend).errors.project).toBeDefined();
  });

  it('security level: validated against the project scheme, needs Set Issue Security, hides the issue', async () => {
    expect((await call('vendor2@medcloud.test', 'GET', '/rest/api/3/issue/VEND-6')).status).toBe(200); // no level yet
    const wrong = await call('agent@demo.test', 'PUT', '/rest/api/3/issue/VEND-6', { fields: { security: { id: '99999' } } });
    expect(wrong.status).toBe(400);
    expect(b(wrong).errors.security).toBeDefined();
    const itsHasNoScheme = await call('admin@demo.test', 'PUT', '/rest/api/3/issue/ITS-2', { fields: { security: { id: DEMO.securityLevels['Acme Imaging'] } } });
    expect(itsHasNoScheme.status).toBe(400);
    const vendorCannot = await call('vendor1@acme-imaging.test', 'PUT', '/rest/api/3/issue/VEND-6', { fields: { security: { id: DEMO.securityLevels['Acme Imaging'] } } });
    expect(vendorCannot.status).toBe(400);
    const set = await call('app', 'PUT', '/rest/api/3/issue/VEND-6', { fields: { security: { id: DEMO.securityLevels['Acme Imaging'] } } });
    expect(set.status).toBe(204);
    const hidden = await call('vendor2@medcloud.test', 'GET', '/rest/api/3/issue/VEND-6');
    expect(hidden.status).toBe(404);
    expect(b(hidden).errorMessages).toEqual(['Issue does not exist or you do not have permission to see it.']);
    expect((await call('vendor1@acme-imaging.test', 'GET', '/rest/api/3/issue/VEND-6')).status).toBe(200);
    const log = await call('agent@demo.test', 'GET', '/rest/api/3/issue/VEND-6/changelog');
    expect(b(log).values.at(-1).items[0]).toMatchObject({ field: 'security', from: null, to: '10000', toString: 'Acme Imaging' });
    // The reporter is a member of the vendor levels; Internal only excludes them.
    expect((await call('manager@demo.test', 'PUT', '/rest/api/3/issue/VEND-6', { fields: { security: { id: DEMO.securityLevels['Internal only'] } } })).status).toBe(204);
    expect((await call('vendor1@acme-imaging.test', 'GET', '/rest/api/3/issue/VEND-6')).status).toBe(404);
  });

  it('edits need Edit issues: field errors for a vendor, 404 for an issue the user cannot see', async () => {
    const vendor = await call('vendor1@acme-imaging.test', 'PUT', '/rest/api/3/issue/VEND-1', { fields: { summary: 'mine now' } });
    expect(vendor.status).toBe(400);
    expect(b(vendor).errors.summary).toMatch(/cannot be set/);
    expect((await call('vendor2@medcloud.test', 'PUT', '/rest/api/3/issue/VEND-1', { fields: { summary: 'x' } })).status).toBe(404);
  });

  it('issue properties: create 201, update 200, read, list, delete 204, missing 404', async () => {
    const path = '/rest/api/3/issue/ITS-2/properties/phi-guard';
    expect((await call('app', 'PUT', path, { flagged: true, types: ['NAME', 'MRN'] })).status).toBe(201);
    expect((await call('app', 'PUT', path, { flagged: true, types: ['NAME', 'MRN', 'DATE'] })).status).toBe(200);
    const got = await call('agent@demo.test', 'GET', path);
    expect(b(got)).toEqual({ key: 'phi-guard', value: { flagged: true, types: ['NAME', 'MRN', 'DATE'] } });
    const keys = await call('agent@demo.test', 'GET', '/rest/api/3/issue/ITS-2/properties');
    expect(b(keys).keys.map((k: Body) => k.key)).toEqual(['phi-guard']);
    expect((await call('clinician@demo.test', 'PUT', path, { flagged: false })).status).toBe(403);
    expect((await call('agent@demo.test', 'DELETE', path)).status).toBe(204);
    expect((await call('agent@demo.test', 'GET', path)).status).toBe(404);
    expect((await call('vendor2@medcloud.test', 'GET', '/rest/api/3/issue/VEND-1/properties')).status).toBe(404);
  });
});

describe('comments', () => {
  it('add with role visibility and as internal note; readers see what they may', async () => {
    const restricted = await call('agent@demo.test', 'POST', '/rest/api/3/issue/VEND-2/comment', { body: doc('MRN 00913377 confirmed'), visibility: { type: 'role', value: 'Service Desk Team' } });
    expect(restricted.status).toBe(201);
    expect(b(restricted).visibility).toEqual({ type: 'role', value: 'Service Desk Team', identifier: 'Service Desk Team' });
    expect(events.at(-1)).toMatchObject({ type: 'comment_created', actor: { kind: 'user', accountId: ID['agent@demo.test'] } });
    const internal = await call('agent@demo.test', 'POST', '/rest/api/3/issue/ITS-3/comment?expand=properties', { body: doc('internal note'), properties: [{ key: 'sd.public.comment', value: { internal: true } }] });
    expect(b(internal).jsdPublic).toBe(false);
    expect(b(internal).properties).toEqual([{ key: 'sd.public.comment', value: { internal: true } }]);
    const pub = await call('agent@demo.test', 'POST', '/rest/api/3/issue/ITS-3/comment', { body: doc('public reply'), jsdPublic: false });
    expect(b(pub).jsdPublic).toBe(true); // jsdPublic is read-only in the document: internal notes need sd.public.comment

    const vendorView = await call('vendor2@medcloud.test', 'GET', '/rest/api/3/issue/VEND-2/comment');
    expect((b(vendorView).comments as Body[]).map((c) => c.id)).not.toContain(b(restricted).id);
    expect((await call('vendor2@medcloud.test', 'GET', `/rest/api/3/issue/VEND-2/comment/${b(restricted).id}`)).status).toBe(404);
    const clinicianView = await call('clinician@demo.test', 'GET', '/rest/api/3/issue/ITS-3/comment?orderBy=-created&expand=renderedBody');
    expect((b(clinicianView).comments as Body[]).map((c) => c.renderedBody)).toEqual(['<p>public reply</p>']);
    expect((await call('clinician@demo.test', 'GET', '/rest/api/3/issue/ITS-3/comment?orderBy=author')).status).toBe(400);
    const agentView = await call('agent@demo.test', 'GET', '/rest/api/3/issue/ITS-2/comment');
    expect((b(agentView).comments as Body[]).map((c) => c.jsdPublic)).toEqual([true, false]);
  });

  it('visibility and body are validated', async () => {
    const notMember = await call('agent@demo.test', 'POST', '/rest/api/3/issue/ITS-3/comment', { body: doc('x'), visibility: { type: 'group', value: 'jira-admins' } });
    expect(b(notMember).errors.commentLevel).toMatch(/not a member/);
    expect((await call('agent@demo.test', 'POST', '/rest/api/3/issue/ITS-3/comment', { body: doc('x'), visibility: { type: 'group', value: 'nope' } })).status).toBe(400);
    expect((await call('agent@demo.test', 'POST', '/rest/api/3/issue/ITS-3/comment', { body: 'plain' })).status).toBe(400);
    const groupId = emu.state.groups.get('jira-servicemanagement-users')!.groupId;
    const byGroupId = await call('agent@demo.test', 'POST', '/rest/api/3/issue/ITS-3/comment', { body: doc('agents only'), visibility: { type: 'group', identifier: groupId } });
    expect(b(byGroupId).visibility).toEqual({ type: 'group', value: 'jira-servicemanagement-users', identifier: groupId });
    // Admins are not in the ITS "Service Desk Team" role, so they may not comment there.
    expect((await call('admin@demo.test', 'POST', '/rest/api/3/issue/ITS-3/comment', { body: doc('x') })).status).toBe(400);
  });

  it('update (own comment / Edit all comments), events, comment properties and sd.public.comment', async () => {
    const first = (await call('agent@demo.test', 'GET', '/rest/api/3/issue/VEND-1/comment')).body as Body;
    const vendorComment = first.comments[0] as Body;
    expect(vendorComment.author.accountId).toBe(ID['vendor1@acme-imaging.test']);
    const path = `/rest/api/3/issue/VEND-1/comment/${vendorComment.id}`;
    expect((await call('agent@demo.test', 'PUT', path, { body: doc('edited by agent') })).status).toBe(400);
    const own = await call('vendor1@acme-imaging.test', 'PUT', path, { body: doc('We reproduced it; fix in 7.4.2.') });
    expect(own.status).toBe(200);
    expect(b(own).updateAuthor.accountId).toBe(ID['vendor1@acme-imaging.test']);
    expect(events.at(-1)).toMatchObject({ type: 'comment_updated' });
    const byApp = await call('app', 'PUT', path, { body: doc('[redacted by PHI Guard]') });
    expect(b(byApp).body).toEqual(doc('[redacted by PHI Guard]'));
    expect((await call('agent@demo.test', 'GET', path)).status).toBe(200);

    const propPath = `/rest/api/3/comment/${vendorComment.id}/properties/sd.public.comment`;
    expect(b(await call('agent@demo.test', 'GET', propPath)).value).toEqual({ internal: false });
    expect((await call('app', 'PUT', propPath, { internal: true })).status).toBe(200);
    expect(b(await call('agent@demo.test', 'GET', path)).jsdPublic).toBe(false);
    expect((await call('app', 'PUT', propPath, 'yes')).status).toBe(400);
    expect((await call('app', 'PUT', `/rest/api/3/comment/${vendorComment.id}/properties/phi-guard`, { scanned: true })).status).toBe(201);
    const keys = await call('agent@demo.test', 'GET', `/rest/api/3/comment/${vendorComment.id}/properties`);
    expect(b(keys).keys.map((k: Body) => k.key)).toEqual(['sd.public.comment', 'phi-guard']);
    expect((await call('vendor2@medcloud.test', 'GET', `/rest/api/3/comment/${vendorComment.id}/properties`)).status).toBe(404);
    expect((await call('agent@demo.test', 'DELETE', `/rest/api/3/comment/${vendorComment.id}/properties/phi-guard`)).status).toBe(403);
    expect((await call('app', 'DELETE', `/rest/api/3/comment/${vendorComment.id}/properties/phi-guard`)).status).toBe(204);
  });
});

describe('enhanced JQL search', () => {
  it('pages with nextPageToken and returns ids only by default', async () => {
    const first = await call('app', 'GET', '/rest/api/3/search/jql?jql=project%20%3D%20ITS%20ORDER%20BY%20created%20ASC&maxResults=20');
    expect(b(first).issues[0]).toEqual({ id: '10001' });
    expect(b(first).issues).toHaveLength(20);
    expect(b(first).isLast).toBe(false);
    const second = await call('app', 'GET', `/rest/api/3/search/jql?jql=project%20%3D%20ITS%20ORDER%20BY%20created%20ASC&maxResults=20&nextPageToken=${b(first).nextPageToken}`);
    expect(b(second).issues).toHaveLength(10);
    expect(b(second).isLast).toBe(true);
    expect(b(second).nextPageToken).toBeUndefined();
  });

  it('POST with fields, properties, reporter, key, project in, AND, ORDER BY, entity properties', async () => {
    await call('app', 'PUT', '/rest/api/3/issue/ITS-4/properties/phi-guard', { flagged: true });
    await call('app', 'PUT', '/rest/api/3/issue/VEND-7/properties/phi-guard', { flagged: true });
    const flagged = await call('app', 'POST', '/rest/api/3/search/jql', { jql: 'issue.property[phi-guard].flagged = true ORDER BY key ASC', fields: ['summary'], properties: ['phi-guard'] });
    expect((b(flagged).issues as Body[]).map((i) => [i.key, i.properties['phi-guard'].flagged])).toEqual([['ITS-4', true], ['VEND-7', true]]);
    const byReporter = await call('agent@demo.test', 'POST', '/rest/api/3/search/jql', { jql: `project in (ITS, VEND) AND reporter = "${ID['clinician@demo.test']}" ORDER BY created DESC`, fields: ['reporter', 'created'], maxResults: 100 });
    const found = b(byReporter).issues as Body[];
    expect(found.length).toBeGreaterThan(10);
    expect(found.every((i) => i.fields.reporter.accountId === ID['clinician@demo.test'])).toBe(true);
    expect(found[0]!.fields.created > found.at(-1)!.fields.created).toBe(true);
    const one = await call('agent@demo.test', 'POST', '/rest/api/3/search/jql', { jql: 'key = VEND-1', fields: ['*all'], expand: 'renderedFields,names' });
    expect(b(one).issues).toHaveLength(1);
    expect(b(one).names.security).toBe('Security Level');
    const text = await call('agent@demo.test', 'POST', '/rest/api/3/search/jql', { jql: 'project = ITS AND text ~ "00482913"', fields: ['key'] });
    expect((b(text).issues as Body[]).map((i) => i.key)).toEqual(['ITS-2']);
    const levelEmpty = await call('app', 'POST', '/rest/api/3/search/jql', { jql: 'project = VEND AND level IS EMPTY ORDER BY key ASC', fields: ['key'] });
    expect((b(levelEmpty).issues as Body[]).map((i) => i.key)).toEqual(['VEND-6', 'VEND-7', 'VEND-15']);
  });

  it('results respect browse permission and issue security', async () => {
    const vendor2 = await call('vendor2@medcloud.test', 'POST', '/rest/api/3/search/jql', { jql: 'project = VEND', fields: ['security'], maxResults: 100 });
    const levels = new Set((b(vendor2).issues as Body[]).map((i) => i.fields.security?.name ?? null));
    expect([...levels].sort()).toEqual(['MedCloud', null].sort());
    const clinician = await call('clinician@demo.test', 'POST', '/rest/api/3/search/approximate-count', { jql: 'project in (ITS, VEND)' });
    expect(b(clinician).count).toBe(30); // ITS grants Browse projects to anyone (the seeded weakness)
  });

  it('Jira errors: unbounded query, unknown field, unknown project value, bad token', async () => {
    const unbounded = await call('app', 'POST', '/rest/api/3/search/jql', { jql: 'ORDER BY created DESC' });
    expect(b(unbounded).errorMessages[0]).toMatch(/Unbounded JQL/);
    expect(b(await call('app', 'GET', '/rest/api/3/search/jql?jql=foo%20%3D%201')).errorMessages[0]).toMatch(/Field 'foo' does not exist/);
    expect(b(await call('app', 'POST', '/rest/api/3/search/jql', { jql: 'project = NOPE' })).errorMessages[0]).toMatch(/does not exist for the field 'project'/);
    expect((await call('app', 'GET', '/rest/api/3/search/jql?jql=project%3DITS&nextPageToken=garbage')).status).toBe(400);
    expect((await call('app', 'POST', '/rest/api/3/search/jql', { jql: 'project = ITS', startAt: 5 })).status).toBe(400);
    expect((await call('app', 'POST', '/rest/api/3/search/approximate-count', { jql: '' })).status).toBe(400);
  });
});

describe('projects, issue security and permission schemes', () => {
  it('project get and search (visible projects only)', async () => {
    const vend = await call('agent@demo.test', 'GET', '/rest/api/3/project/VEND?expand=description,lead,issueTypes');
    expect(b(vend)).toMatchObject({ id: DEMO.projects.VEND.id, key: 'VEND', projectTypeKey: 'service_desk' });
    expect((await call('clinician@demo.test', 'GET', '/rest/api/3/project/VEND')).status).toBe(404);
    const forClinician = await call('clinician@demo.test', 'GET', '/rest/api/3/project/search');
    expect((b(forClinician).values as Body[]).map((p) => p.key)).toEqual(['ITS']);
    const all = await call('admin@demo.test', 'GET', '/rest/api/3/project/search?expand=insight&maxResults=1');
    expect(b(all)).toMatchObject({ total: 2, isLast: false, maxResults: 1 });
  });

  it('issue security schemes, levels and members', async () => {
    const scheme = await call('admin@demo.test', 'GET', '/rest/api/3/project/VEND/issuesecuritylevelscheme');
    expect((b(scheme).levels as Body[]).map((l) => l.name)).toEqual(['Acme Imaging', 'MedCloud', 'Internal only']);
    expect((await call('agent@demo.test', 'GET', '/rest/api/3/project/VEND/issuesecuritylevelscheme')).status).toBe(403);
    expect((await call('admin@demo.test', 'GET', '/rest/api/3/project/ITS/issuesecuritylevelscheme')).status).toBe(404);
    const agentLevels = await call('agent@demo.test', 'GET', '/rest/api/3/project/VEND/securitylevel');
    expect(b(agentLevels).levels).toHaveLength(3);
    expect(b(await call('vendor1@acme-imaging.test', 'GET', '/rest/api/3/project/VEND/securitylevel')).levels).toEqual([]);
    const list = await call('app', 'GET', '/rest/api/3/issuesecurityschemes');
    expect(b(list).issueSecuritySchemes).toHaveLength(1);
    expect((await call('agent@demo.test', 'GET', '/rest/api/3/issuesecurityschemes')).status).toBe(403);
    expect(b(await call('app', 'GET', `/rest/api/3/issuesecurityschemes/${DEMO.securityScheme}`)).levels).toHaveLength(3);
    const levels = await call('app', 'GET', `/rest/api/3/issuesecurityschemes/level?schemeId=${DEMO.securityScheme}`);
    expect((b(levels).values as Body[]).map((l) => l.issueSecuritySchemeId)).toEqual(['10000', '10000', '10000']);
    const members = await call('app', 'GET', `/rest/api/3/issuesecurityschemes/level/member?levelId=${DEMO.securityLevels['Acme Imaging']}`);
    const holders = (b(members).values as Body[]).map((m) => m.holder);
    expect(holders).toContainEqual({ type: 'group', parameter: 'vendor-acme-imaging', value: emu.state.groups.get('vendor-acme-imaging')!.groupId });
    expect(holders).toContainEqual({ type: 'reporter' });
    const byScheme = await call('app', 'GET', `/rest/api/3/issuesecurityschemes/${DEMO.securityScheme}/members?issueSecurityLevelId=${DEMO.securityLevels.MedCloud}`);
    expect((b(byScheme).values as Body[]).every((m) => m.issueSecurityLevelId === 10001)).toBe(true);
    const search = await call('app', 'GET', `/rest/api/3/issuesecurityschemes/search?projectId=${DEMO.projects.VEND.id}`);
    expect(b(search).values[0].projectIds).toEqual([10001]);
    const mapping = await call('app', 'GET', '/rest/api/3/issuesecurityschemes/project');
    expect(b(mapping).values).toEqual([{ issueSecuritySchemeId: '10000', projectId: '10001' }]);
    expect(b(await call('vendor1@acme-imaging.test', 'GET', '/rest/api/3/securitylevel/10002')).name).toBe('Internal only');
    expect((await call('app', 'GET', '/rest/api/3/securitylevel/1')).status).toBe(404);
  });

  it('permission schemes show the seeded ITS weakness; mypermissions and permissions/check', async () => {
    const its = await call('app', 'GET', '/rest/api/3/project/ITS/permissionscheme?expand=permissions');
    const browse = (b(its).permissions as Body[]).filter((g) => g.permission === 'BROWSE_PROJECTS').map((g) => g.holder.type);
    expect(browse).toContain('anyone');
    const vend = await call('admin@demo.test', 'GET', `/rest/api/3/permissionscheme/${DEMO.permissionSchemes.VEND}?expand=permissions`);
    const types = new Set((b(vend).permissions as Body[]).map((g) => g.holder.type));
    expect([...types].sort()).toEqual(['applicationRole', 'group', 'projectRole', 'user']);
    expect((b(vend).permissions as Body[]).some((g) => g.holder.type === 'anyone')).toBe(false);
    expect(b(await call('agent@demo.test', 'GET', `/rest/api/3/permissionscheme/${DEMO.permissionSchemes.ITS}`)).permissions).toBeUndefined();
    expect(b(await call('admin@demo.test', 'GET', '/rest/api/3/permissionscheme')).permissionSchemes).toHaveLength(2);
    expect((await call('agent@demo.test', 'GET', '/rest/api/3/project/ITS/permissionscheme')).status).toBe(403);

    const mine = await call('vendor1@acme-imaging.test', 'GET', '/rest/api/3/mypermissions?projectKey=VEND&permissions=BROWSE_PROJECTS,EDIT_ISSUES,ADD_COMMENTS');
    expect(Object.fromEntries(Object.entries(b(mine).permissions as Record<string, Body>).map(([k, v]) => [k, v.havePermission]))).toEqual({ BROWSE_PROJECTS: true, EDIT_ISSUES: false, ADD_COMMENTS: true });
    const onIssue = await call('vendor1@acme-imaging.test', 'GET', '/rest/api/3/mypermissions?issueKey=VEND-2&permissions=BROWSE_PROJECTS');
    expect(b(onIssue).permissions.BROWSE_PROJECTS.havePermission).toBe(false);
    expect((await call('agent@demo.test', 'GET', '/rest/api/3/mypermissions')).status).toBe(400);
    const global = await call('app', 'GET', '/rest/api/3/mypermissions?permissions=ADMINISTER');
    expect(b(global).permissions.ADMINISTER).toMatchObject({ type: 'GLOBAL', havePermission: true });

    const check = await call('admin@demo.test', 'POST', '/rest/api/3/permissions/check', {
      accountId: ID['vendor2@medcloud.test'],
      globalPermissions: ['ADMINISTER'],
      projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: [10000, 10001], issues: [10031, 10032] }],
    });
    expect(b(check)).toEqual({ globalPermissions: [], projectPermissions: [{ permission: 'BROWSE_PROJECTS', projects: [10000, 10001], issues: [10032] }] });
    expect((await call('agent@demo.test', 'POST', '/rest/api/3/permissions/check', { accountId: ID['vendor2@medcloud.test'] })).status).toBe(403);
  });
});

describe('users, groups, audit', () => {
  it('group members, user groups, user search', async () => {
    const byName = await call('admin@demo.test', 'GET', '/rest/api/3/group/member?groupname=vendor-acme-imaging');
    expect((b(byName).values as Body[]).map((u) => u.accountId)).toEqual([ID['vendor1@acme-imaging.test']]);
    const groupId = emu.state.groups.get('jira-servicemanagement-users')!.groupId;
    const byId = await call('app', 'GET', `/rest/api/3/group/member?groupId=${groupId}`);
    expect(b(byId).total).toBe(2);
    expect((await call('app', 'GET', '/rest/api/3/group/member?groupname=nope')).status).toBe(404);
    expect((await call('app', 'GET', '/rest/api/3/group/member')).status).toBe(400);
    expect((await call('vendor1@acme-imaging.test', 'GET', '/rest/api/3/group/member?groupname=jira-admins')).status).toBe(403);
    const groups = await call('app', 'GET', `/rest/api/3/user/groups?accountId=${encodeURIComponent(ID['manager@demo.test'])}`);
    expect((b(groups) as Body[]).map((g) => g.name)).toEqual(['phi-approvers']);
    expect((await call('app', 'GET', '/rest/api/3/user/groups?accountId=nope')).status).toBe(404);
    const search = await call('agent@demo.test', 'GET', '/rest/api/3/user/search?query=agent');
    expect((b(search) as Body[]).map((u) => u.emailAddress).sort()).toEqual(['agent2@demo.test', 'agent@demo.test']);
    expect(b(await call('vendor1@acme-imaging.test', 'GET', '/rest/api/3/user/search?query=agent'))).toEqual([]);
    expect((await call('app', 'GET', '/rest/api/3/user?accountId=nope')).status).toBe(404);
    // every user, any account type, active or not, paged (the workforce directory sync reads this)
    const everyone = b(await call('app', 'GET', '/rest/api/3/users/search?startAt=0&maxResults=1000')) as Body[];
    expect(everyone.map((u) => u.accountType)).toEqual(expect.arrayContaining(['atlassian', 'customer', 'app']));
    const firstTwo = b(await call('app', 'GET', '/rest/api/3/users/search?startAt=0&maxResults=2')) as Body[];
    const nextTwo = b(await call('app', 'GET', '/rest/api/3/users/search?startAt=2&maxResults=2')) as Body[];
    expect(firstTwo.concat(nextTwo).map((u) => u.accountId)).toEqual(everyone.slice(0, 4).map((u) => u.accountId));
    expect(b(await call('app', 'GET', `/rest/api/3/users/search?startAt=${everyone.length}`))).toEqual([]);
    expect((await call('vendor1@acme-imaging.test', 'GET', '/rest/api/3/users/search')).status).toBe(403);
  });

  it('audit records: admins and the app only, filterable', async () => {
    const all = await call('app', 'GET', '/rest/api/3/auditing/record');
    expect(b(all).total).toBeGreaterThan(5);
    const perms = await call('admin@demo.test', 'GET', '/rest/api/3/auditing/record?filter=permission%20scheme');
    expect((b(perms).records as Body[]).map((r) => r.summary)).toEqual(['Permission scheme updated']);
    expect((await call('agent@demo.test', 'GET', '/rest/api/3/auditing/record')).status).toBe(403);
  });
});

describe('redaction', () => {
  const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const redaction = (issueId: string, entityType: string, entityId: string, text: string, original: string, adfPointer?: string) => {
    const from = text.indexOf(original);
    return {
      externalId: uuid(from + original.length + Number(issueId)),
      reason: 'PHI',
      contentItem: { entityType, entityId, id: issueId },
      redactionPosition: { ...(adfPointer ? { adfPointer } : {}), from, to: from + original.length, expectedText: redactionHash(original) },
    };
  };

  it('expectedText encoding matches the example of the document', () => {
    expect(redactionHash('bob')).toBe('ODFiNjM3ZDhmY2QyYzZkYTYzNTllNjk2MzExM2ExMTcwZGU3OTVlNGI3MjViODRkMWUwYjRjZmQ5ZWM1OGNlOQ==');
  });

  it('403 without Atlassian Guard Premium', async () => {
    const noGuard = createEmulator({ guardPremium: false });
    const res = await noGuard.handle({ method: 'POST', path: '/rest/api/3/redact', actor: { kind: 'app' }, body: { redactions: [] } });
    expect(res.status).toBe(403);
    expect(validateResponse('POST', '/rest/api/3/redact', 403, res.body).errors).toEqual([]);
    const status = await noGuard.handle({ method: 'GET', path: `/rest/api/3/redact/status/${uuid(1)}`, actor: { kind: 'app' } });
    expect(status.status).toBe(403);
  });

  it('redacts description, summary and comment text, purges history, reports per-request results', async () => {
    // A description edited in place: the PHI is both current and in the changelog.
    const created = await call('agent@demo.test', 'POST', '/rest/api/3/issue', {
      fields: { project: { key: 'ITS' }, issuetype: { id: '10001' }, summary: 'Call back Jane Roe', description: doc('Pt Jane Roe SSN 219-09-9991 needs a call') },
    });
    const id = b(created).id as string;
    await call('agent@demo.test', 'PUT', `/rest/api/3/issue/${id}`, { fields: { description: doc('Pt Jane Roe SSN 219-09-9991 needs a call back today') } });
    const comment = await call('agent@demo.test', 'POST', `/rest/api/3/issue/${id}/comment`, { body: doc('Verified SSN 219-09-9991 with the caller') });
    const descText = 'Pt Jane Roe SSN 219-09-9991 needs a call back today';
    const bad = { ...redaction(id, 'issuefieldvalue', 'summary', 'Call back Jane Roe', 'Jane Roe'), externalId: uuid(99) };
    bad.redactionPosition.expectedText = redactionHash('someone else');
    const submit = await call('app', 'POST', '/rest/api/3/redact', {
      redactions: [
        redaction(id, 'issuefieldvalue', 'description', descText, '219-09-9991', '/content/0/content/0/text'),
        redaction(id, 'issuefieldvalue', 'description', descText, 'Jane Roe', '/content/0/content/0/text'),
        redaction(id, 'issue-comment', b(comment).id, 'Verified SSN 219-09-9991 with the caller', '219-09-9991', '/content/0/content/0/text'),
        bad,
      ],
    });
    expect(submit.status).toBe(202);
    expect(typeof submit.body).toBe('string');
    const status = await call('app', 'GET', `/rest/api/3/redact/status/${submit.body as string}`);
    expect(b(status).jobStatus).toBe('COMPLETED');
    expect((b(status).bulkRedactionResponse.results as Body[]).map((r) => r.successful)).toEqual([true, true, true, false]);

    const issue = b(await call('agent@demo.test', 'GET', `/rest/api/3/issue/${id}?expand=changelog`));
    expect(issue.fields.description.content[0].content[0].text).toBe(`Pt ${REDACTION_MARKER} SSN ${REDACTION_MARKER} needs a call back today`);
    expect(issue.fields.summary).toBe('Call back Jane Roe');
    expect(issue.fields.comment.comments[0].body.content[0].content[0].text).toBe(`Verified SSN ${REDACTION_MARKER} with the caller`);
    const history = JSON.stringify(b(await call('agent@demo.test', 'GET', `/rest/api/3/issue/${id}/changelog`)).values);
    expect(history).not.toMatch(/219-09-9991/);
    expect(history).not.toMatch(/Jane Roe/);
    expect(history).toContain(REDACTION_MARKER);
    expect(JSON.stringify(issue.changelog)).not.toMatch(/219-09-9991/);
    const search = await call('app', 'POST', '/rest/api/3/search/approximate-count', { jql: 'text ~ "219-09-9991"' });
    expect(b(search).count).toBe(0);
  });

  it('plain-text summary redaction purges the summary history', async () => {
    // ITS-5 had its summary edited: the DOB lives in the changelog. Redact it from a new summary that repeats it.
    await call('agent@demo.test', 'PUT', '/rest/api/3/issue/ITS-5', { fields: { summary: 'Robert Johnson DOB 1948-02-11 follow-up' } });
    const submit = await call('admin@demo.test', 'POST', '/rest/api/3/redact', {
      redactions: [redaction('10005', 'issuefieldvalue', 'summary', 'Robert Johnson DOB 1948-02-11 follow-up', '1948-02-11')],
    });
    await emu.settle();
    expect(emu.state.redactionJobs.get(submit.body as string)?.status).toBe('COMPLETED');
    const issue = b(await call('agent@demo.test', 'GET', '/rest/api/3/issue/ITS-5?fields=summary&expand=changelog'));
    expect(issue.fields.summary).toBe(`Robert Johnson DOB ${REDACTION_MARKER} follow-up`);
    expect(JSON.stringify(issue.changelog)).not.toMatch(/1948-02-11/);
  });

  it('validation, authorisation and unknown jobs', async () => {
    const missing = await call('app', 'POST', '/rest/api/3/redact', { redactions: [{ reason: 'PHI', contentItem: { entityType: 'issuefieldvalue', entityId: 'summary', id: '10001' } }] });
    expect(missing.status).toBe(400);
    expect(b(missing).errorMessages.join(' ')).toMatch(/externalId/);
    const badType = await call('app', 'POST', '/rest/api/3/redact', { redactions: [{ ...redaction('10001', 'issuefieldvalue', 'summary', 'a', 'a'), contentItem: { entityType: 'attachment', entityId: 'x', id: '10001' } }] });
    expect(badType.status).toBe(400);
    const agent = await call('agent@demo.test', 'POST', '/rest/api/3/redact', { redactions: [] });
    expect(agent.status).toBe(401);
    expect((await call('app', 'GET', `/rest/api/3/redact/status/${uuid(12345)}`)).status).toBe(404);
  });

  it('jobs can be made to report PENDING and IN_PROGRESS before completing', async () => {
    const slow = createEmulator({ guardPremium: true, redactionPolls: 2 });
    const r = { ...redaction('10001', 'issuefieldvalue', 'summary', 'Cannot log in to Epic Hyperspace at nurse station 4B', 'nurse station 4B') };
    const submit = await slow.handle({ method: 'POST', path: '/rest/api/3/redact', actor: { kind: 'app' }, body: { redactions: [r] } });
    const poll = async () => (await slow.handle({ method: 'GET', path: `/rest/api/3/redact/status/${submit.body as string}`, actor: { kind: 'app' } })).body as Body;
    const statuses = [(await poll()).jobStatus, (await poll()).jobStatus];
    expect(statuses).toEqual(['PENDING', 'IN_PROGRESS']);
    expect(slow.state.issues.get('10001')!.summary).not.toContain(REDACTION_MARKER);
    const done = await poll();
    expect(done).toEqual({ jobStatus: 'COMPLETED', bulkRedactionResponse: { results: [{ externalId: r.externalId, successful: true }] } });
    expect(validateResponse('GET', '/rest/api/3/redact/status/{jobId}', 200, done).errors).toEqual([]);
    expect(slow.state.issues.get('10001')!.summary).toBe(`Cannot log in to Epic Hyperspace at ${REDACTION_MARKER}`);
  });
});

describe('Jira Service Management (hand-checked shapes)', () => {
  it('service desks, organizations and their users, request participants', async () => {
    const desks = await call('agent@demo.test', 'GET', '/rest/servicedeskapi/servicedesk');
    expect((b(desks).values as Body[]).map((d) => d.projectKey)).toEqual(['ITS', 'VEND']);
    const orgs = await call('app', 'GET', '/rest/servicedeskapi/organization');
    expect((b(orgs).values as Body[]).map((o) => o.name)).toEqual(['Acme Imaging', 'MedCloud']);
    const vendorOrgs = await call('app', 'GET', `/rest/servicedeskapi/organization?accountId=${encodeURIComponent(ID['vendor2@medcloud.test'])}`);
    expect((b(vendorOrgs).values as Body[]).map((o) => o.name)).toEqual(['MedCloud']);
    expect((await call('clinician@demo.test', 'GET', '/rest/servicedeskapi/organization')).status).toBe(403);
    const users = await call('agent@demo.test', 'GET', `/rest/servicedeskapi/organization/${DEMO.organizations['Acme Imaging']}/user`);
    expect((b(users).values as Body[]).map((u) => u.emailAddress)).toEqual(['vendor1@acme-imaging.test']);
    expect((await call('agent@demo.test', 'GET', '/rest/servicedeskapi/organization/99/user')).status).toBe(404);
    const participants = await call('agent@demo.test', 'GET', '/rest/servicedeskapi/request/VEND-1/participant');
    expect((b(participants).values as Body[]).map((u) => u.accountId)).toEqual([ID['vendor1@acme-imaging.test']]);
    expect((await call('vendor2@medcloud.test', 'GET', '/rest/servicedeskapi/request/VEND-1/participant')).status).toBe(404);
  });
});

describe('transitions', () => {
  it('lists and performs transitions; a validator blocks with its message; permissions apply', async () => {
    const key = 'VEND-1';
    const list = await call('agent@demo.test', 'GET', `/rest/api/3/issue/${key}/transitions`);
    const names = (b(list).transitions as Body[]).map((t) => t.to.name);
    expect(names).toEqual(expect.arrayContaining(['Resolved']));
    const resolve = (b(list).transitions as Body[]).find((t) => t.to.name === 'Resolved')!;
    let seen: unknown;
    const remove = emu.addTransitionValidator(async (check) => {
      seen = check;
      return 'Needs an approval first.';
    });
    const blocked = await call('agent@demo.test', 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: resolve.id } });
    expect(blocked.status).toBe(400);
    expect(b(blocked).errorMessages).toEqual(['Needs an approval first.']);
    expect(seen).toMatchObject({ issueKey: key, toStatusId: '10003', accountId: ID['agent@demo.test'] });
    expect(events).toHaveLength(0);
    remove();
    const done = await call('agent@demo.test', 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: resolve.id } });
    expect(done.status).toBe(204);
    expect(events.at(-1)).toMatchObject({ type: 'issue_updated', changelog: { items: [{ field: 'status', toString: 'Resolved' }] } });
    expect((await call('agent@demo.test', 'POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: '999' } })).status).toBe(400);
    expect((await call('clinician@demo.test', 'POST', `/rest/api/3/issue/ITS-1/transitions`, { transition: { id: resolve.id } })).status).toBe(400); // the document: 400 without permission
  });
});

describe('coverage', () => {
  it('every route of the emulator was exercised above and its responses validated', () => {
    const missing = ROUTES.map((r) => `${r.method} ${r.path}`).filter((r) => !covered.has(r));
    expect(missing).toEqual([]);
  });
});
