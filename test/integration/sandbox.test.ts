/**
 * The local sandbox end to end: HTTP server + Jira emulator + Forge runtime running the app's real
 * handlers (src/index.ts via manifest.yml) over the @forge/api, @forge/kvs and @forge/events shims.
 * Platform waits are scaled down (`delayScale`) so retries and late duplicates take milliseconds.
 */
import { join } from 'node:path';
import { route } from '@forge/api';
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { ForgeKvsAPIError, WhereConditions, FilterConditions, Filter } from '@forge/kvs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/sandbox/emulator';
import { createForgeShims } from '../../src/sandbox/forge';
import { createSandboxKvs, MAX_VALUE_BYTES } from '../../src/sandbox/forge/kvs';
import type { InvocationRecord } from '../../src/sandbox/runtime';
import { startSandbox, type Sandbox } from '../../src/sandbox/server';
import { seededSettings } from '../../src/sandbox/seed-settings';

const VENDOR1 = 'vendor1@acme-imaging.test';
const AGENT = 'agent@demo.test';
const FIXTURE_APP = join(__dirname, 'fixtures', 'sandbox-app');
/** Independent of SANDBOX_* variables in the environment; platform waits scaled down 100×. */
const PINNED = { latencyMs: 0, faultRate: 0, duplicateDelivery: false, delayScale: 0.01, invocationTimeoutMs: 5000, seed: true } as const;

function basic(email: string): string {
  return `Basic ${Buffer.from(`${email}:any-token`).toString('base64')}`;
}

async function rest(sb: Sandbox, email: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${sb.url}${path}`, {
    method,
    headers: { authorization: basic(email), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

const adf = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function createVendIssue(sb: Sandbox, summary: string, email = VENDOR1): Promise<{ id: string; key: string }> {
  const r = await rest(sb, email, 'POST', '/rest/api/3/issue', {
    fields: { project: { key: 'VEND' }, issuetype: { name: 'Task' }, summary, description: adf('Patient Jane Roe, MRN 0044123') },
  });
  expect(r.status).toBe(201);
  return r.body as { id: string; key: string };
}

const appTriggerRuns = (sb: Sandbox, issueKey: string): InvocationRecord[] =>
  sb.invocations.filter((i) => i.moduleKey === 'phi-guard-issue-created' && i.issueKey === issueKey);

describe('sandbox (PHI Guard app, in-process on a free port)', () => {
  // Test-only triggers; they act only on the issue a test names here.
  const watch: { retryIssue?: string; slowSummary?: string; slowDone?: boolean; updatedIssue?: string } = {};
  const retryCalls: Array<{ retryContext: unknown }> = [];
  const createdEvents: Array<{ event: any; context: any }> = [];
  const updatedEvents: Array<{ event: any }> = [];
  let sb: Sandbox;

  beforeAll(async () => {
    sb = await startSandbox({
      port: 0,
      ...PINNED,
      extraTriggers: [
        {
          key: 'test-capture-created',
          events: ['avi:jira:created:issue'],
          ignoreSelf: true,
          handler: (event, context) => {
            createdEvents.push({ event, context });
          },
        },
        {
          key: 'test-updated-ignore-self',
          events: ['avi:jira:updated:issue'],
          ignoreSelf: true,
          handler: (event: any) => {
            if (event.issue.key === watch.updatedIssue) updatedEvents.push({ event });
          },
        },
        {
          key: 'test-retry',
          events: ['avi:jira:commented:issue'],
          handler: (event: any) => {
            if (event.issue.key !== watch.retryIssue) return undefined;
            retryCalls.push({ retryContext: event.retryContext });
            return new InvocationError({ retryAfter: 1, retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED, retryData: { attempt: retryCalls.length } });
          },
        },
        {
          key: 'test-throws',
          events: ['avi:jira:commented:issue'],
          handler: (event: any) => {
            if (event.issue.key === watch.retryIssue) throw new Error('boom');
          },
        },
        {
          key: 'test-slow',
          events: ['avi:jira:created:issue'],
          handler: async (event: any) => {
            if (event.issue.fields.summary !== watch.slowSummary) return;
            await new Promise((r) => setTimeout(r, 300));
            watch.slowDone = true;
          },
        },
      ],
    });
  });

  afterAll(async () => {
    await sb?.close();
  });

  beforeEach(async () => {
    const r = await fetch(`${sb.url}/_sandbox/reset`, { method: 'POST' });
    expect(r.status).toBe(200);
    createdEvents.length = 0;
    updatedEvents.length = 0;
    retryCalls.length = 0;
  });

  it('answers /_sandbox/health with 200 on 127.0.0.1', async () => {
    expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await fetch(`${sb.url}/_sandbox/health`);
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ status: 'ok' });
  });

  it('runs the real onIssueCreated trigger when a vendor creates a VEND issue over REST, with Forge payload and context', async () => {
    const issue = await createVendIssue(sb, 'Scanner offline');
    await fetch(`${sb.url}/_sandbox/idle`);

    const runs = appTriggerRuns(sb, issue.key);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      kind: 'trigger',
      functionKey: 'on-issue-created',
      handler: 'index.onIssueCreated',
      eventType: 'avi:jira:created:issue',
      accountId: DEMO_ACCOUNTS[VENDOR1],
      outcome: 'ok',
      retryCount: 0,
      duplicate: false,
    });

    // The same event as a test trigger saw it: Forge's documented payload and context.
    const seen = createdEvents.find((e) => e.event.issue.key === issue.key);
    expect(seen).toBeDefined();
    expect(seen!.event).toMatchObject({
      eventType: 'avi:jira:created:issue',
      issue: { id: issue.id, key: issue.key, fields: { summary: 'Scanner offline', project: { key: 'VEND' }, creator: { accountId: DEMO_ACCOUNTS[VENDOR1] } } },
      atlassianId: DEMO_ACCOUNTS[VENDOR1],
      associatedUsers: [{ accountId: DEMO_ACCOUNTS[VENDOR1] }],
      selfGenerated: false,
    });
    expect(seen!.event.issue.fields.description).toBeUndefined(); // events carry no description: read it over REST
    expect(seen!.context).toMatchObject({ installContext: expect.stringMatching(/^ari:cloud:jira::site\//), principal: { accountId: DEMO_ACCOUNTS[VENDOR1] } });
  });

  it('honours filter.ignoreSelf: issues the app creates or edits do not invoke ignoreSelf triggers', async () => {
    const mine = await sb.runtime.api.asApp().requestJira(route`/rest/api/3/issue`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { project: { key: 'VEND' }, issuetype: { name: 'Task' }, summary: 'Created by the app' } }),
    });
    expect(mine.status).toBe(201);
    const { key } = (await mine.json()) as { key: string };

    watch.updatedIssue = 'VEND-1';
    const edit = await sb.runtime.api.asApp().requestJira(route`/rest/api/3/issue/VEND-1`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { summary: 'Edited by the app' } }),
    });
    expect(edit.status).toBe(204);
    await sb.idle();

    expect(appTriggerRuns(sb, key)).toHaveLength(0);
    expect(createdEvents.filter((e) => e.event.issue.key === key)).toHaveLength(0);
    expect(updatedEvents).toHaveLength(0);
    const created = sb.runtime.productEvents.find((e) => e.issueKey === key);
    expect(created).toMatchObject({ actorKind: 'app', deliveredTo: ['test-slow'] });
    expect(created?.ignoredBy).toEqual(expect.arrayContaining(['phi-guard-issue-created', 'test-capture-created']));

    // The same edit by a user does reach the trigger.
    const userEdit = await rest(sb, AGENT, 'PUT', '/rest/api/3/issue/VEND-1', { fields: { summary: 'Edited by an agent' } });
    expect(userEdit.status).toBe(204);
    await sb.idle();
    expect(updatedEvents).toHaveLength(1);
    expect(updatedEvents[0]!.event.changelog.items[0]).toMatchObject({ field: 'summary', fromString: 'Edited by the app', toString: 'Edited by an agent' });
  });

  it('retries a handler that returns InvocationError, at most 4 times, with retryContext', async () => {
    watch.retryIssue = 'VEND-2';
    const c = await rest(sb, AGENT, 'POST', '/rest/api/3/issue/VEND-2/comment', { body: adf('please retry') });
    expect(c.status).toBe(201);
    await sb.idle();

    expect(retryCalls.map((c) => c.retryContext)).toEqual([
      undefined,
      { retryCount: 1, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { attempt: 1 } },
      { retryCount: 2, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { attempt: 2 } },
      { retryCount: 3, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { attempt: 3 } },
      { retryCount: 4, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { attempt: 4 } },
    ]);
    const runs = sb.invocations.filter((i) => i.moduleKey === 'test-retry' && i.issueKey === 'VEND-2');
    expect(runs.map((r) => [r.retryCount, r.outcome])).toEqual([
      [0, 'retry'],
      [1, 'retry'],
      [2, 'retry'],
      [3, 'retry'],
      [4, 'retry'],
    ]);
    // A thrown error is logged, not retried (only InvocationError asks for a retry).
    expect(sb.invocations.filter((i) => i.moduleKey === 'test-throws' && i.issueKey === 'VEND-2').map((r) => [r.outcome, r.error])).toEqual([['error', 'Error: boom']]);
    // retryAfter 1 s × delayScale 0.01: each retry waits about 10 ms.
    for (let i = 1; i < runs.length; i++) expect(runs[i]!.startedAt - runs[i - 1]!.finishedAt!).toBeGreaterThanOrEqual(8);
  });

  it('GET /_sandbox/idle returns only once running handlers have finished', async () => {
    const before = createdEvents.length;
    watch.slowDone = false;
    watch.slowSummary = 'slow one';
    const t0 = Date.now();
    await createVendIssue(sb, 'slow one');
    // The event is delivered asynchronously; the slow handler is still running when idle is asked.
    expect(watch.slowDone).toBe(false);
    const r = await fetch(`${sb.url}/_sandbox/idle`);
    expect(r.status).toBe(200);
    expect(watch.slowDone).toBe(true);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
    expect(createdEvents.length).toBe(before + 1);
  });

  it('POST /_sandbox/invoke: unknown moduleKey → 404 JSON; identity only from Basic auth', async () => {
    const unknown = await fetch(`${sb.url}/_sandbox/invoke`, {
      method: 'POST',
      headers: { authorization: basic(AGENT), 'content-type': 'application/json' },
      body: JSON.stringify({ moduleKey: 'no-such-module', functionKey: 'x', payload: {}, context: {} }),
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: 'MODULE_NOT_FOUND', message: expect.stringContaining('no-such-module') });

    const anonymous = await fetch(`${sb.url}/_sandbox/invoke`, { method: 'POST', body: JSON.stringify({ moduleKey: 'phi-guard-issue-created', functionKey: 'x' }) });
    expect(anonymous.status).toBe(401);

    const noResolver = await fetch(`${sb.url}/_sandbox/invoke`, {
      method: 'POST',
      headers: { authorization: basic(AGENT) },
      body: JSON.stringify({ moduleKey: 'phi-guard-issue-created', functionKey: 'x' }),
    });
    expect(noResolver.status).toBe(400);
  });

  it('/_sandbox/storage returns the KVS contents as JSON; /_sandbox/reset restores the seed', async () => {
    await sb.storage.kvs.set('settings:project:VEND', { mode: 'flag' });
    await sb.storage.kvs.setSecret('token', 's3cret');
    const issue = await createVendIssue(sb, 'to be reset');
    await sb.idle();

    const storage = await fetch(`${sb.url}/_sandbox/storage`);
    expect(storage.status).toBe(200);
    expect(storage.headers.get('content-type')).toMatch(/application\/json/);
    const snap = (await storage.json()) as any;
    expect(snap.kvs['settings:project:VEND']).toEqual({ mode: 'flag' });
    expect(snap.kvs.settings).toEqual(seededSettings());
    expect(snap.secrets).toEqual({ token: '[secret]' });

    const count = async () => (await rest(sb, 'admin@demo.test', 'POST', '/rest/api/3/search/approximate-count', { jql: 'project in (ITS, VEND)' })).body.count as number;
    const withNew = await count();
    const reset = await fetch(`${sb.url}/_sandbox/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect((await rest(sb, 'admin@demo.test', 'GET', `/rest/api/3/issue/${issue.key}`)).status).toBe(404);
    expect(await count()).toBe(withNew - 1);
    // back to the seed: the demo's settings and nothing else
    expect(await (await fetch(`${sb.url}/_sandbox/storage`)).json()).toEqual({ kvs: { settings: seededSettings() }, secrets: {}, entities: {} });
    expect(sb.invocations).toHaveLength(0);
    // Same ids again after a reset: the next issue gets the key the reset one had.
    expect((await createVendIssue(sb, 'after reset')).key).toBe(issue.key);
  });
});

describe('KVS shim (Forge rules, real @forge/kvs client)', () => {
  const store = createSandboxKvs({
    entities: [
      {
        name: 'finding',
        attributes: { issueKey: { type: 'string' }, score: { type: 'integer' } },
        indexes: [{ name: 'by-issue', partition: ['issueKey'], range: ['score'] }],
      },
    ],
  });
  const { kvs } = store;
  const code = (p: Promise<unknown>) =>
    p.then(
      () => 'resolved',
      (e: unknown) => (e instanceof ForgeKvsAPIError ? e.code : `not a ForgeKvsAPIError: ${String(e)}`),
    );

  it('rejects bad keys and oversized values with Forge error codes', async () => {
    expect(await code(kvs.set('k'.repeat(501), 1))).toBe('KEY_TOO_LONG');
    expect(await code(kvs.set('k'.repeat(500), 1))).toBe('resolved');
    expect(await code(kvs.set('bad/key', 1))).toBe('INVALID_KEY');
    expect(await code(kvs.set('   ', 1))).toBe('INVALID_KEY');
    expect(await code(kvs.set('', 1))).toBe('KEY_TOO_SHORT');
    expect(await code(kvs.set('ok:key #1 with-dash_and.dot', 1))).toBe('resolved');
    // 240 KiB of serialised JSON is the limit: a string of n chars serialises to n + 2 bytes.
    expect(await code(kvs.set('big', 'x'.repeat(MAX_VALUE_BYTES - 2)))).toBe('resolved');
    expect(await code(kvs.set('big', 'x'.repeat(MAX_VALUE_BYTES - 1)))).toBe('MAX_SIZE');
    expect(await kvs.get('missing')).toBeUndefined();
  });

  it('pages a prefix query with cursors, in key order', async () => {
    store.clear();
    for (let i = 24; i >= 0; i--) await kvs.set(`scan:${String(i).padStart(3, '0')}`, { i });
    await kvs.set('scanner', 'not matched? no — also begins with "scan"');
    await kvs.set('other:1', 1);
    const keys: string[] = [];
    const pages: number[] = [];
    let cursor: string | undefined;
    do {
      let q = kvs.query().where('key', WhereConditions.beginsWith('scan:')).limit(10);
      if (cursor) q = q.cursor(cursor);
      const page = await q.getMany<{ i: number }>();
      pages.push(page.results.length);
      keys.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual([10, 10, 5]);
    expect(keys).toEqual(Array.from({ length: 25 }, (_, i) => `scan:${String(i).padStart(3, '0')}`));
    expect((await kvs.query().where('key', WhereConditions.beginsWith('scan')).limit(100).getMany()).results).toHaveLength(20); // at most 20 per page
  });

  it('transact() is all or nothing', async () => {
    store.clear();
    await kvs.entity<{ issueKey: string; score: number }>('finding').set('f1', { issueKey: 'ITS-1', score: 3 });
    const failing = kvs
      .transact()
      .set('audit:1', { what: 'flagged' })
      .set('f2', { issueKey: 'ITS-1', score: 5 }, { entityName: 'finding' })
      .delete('f1', { entityName: 'finding', conditions: new Filter<{ score: number }>().and('score', FilterConditions.equalTo(99)) })
      .execute();
    expect(await code(failing)).toBe('CONDITIONAL_CHECK_FAILED');
    expect(await kvs.get('audit:1')).toBeUndefined();
    expect(await kvs.entity('finding').get('f2')).toBeUndefined();
    expect(await kvs.entity('finding').get('f1')).toEqual({ issueKey: 'ITS-1', score: 3 });

    await kvs
      .transact()
      .set('audit:1', { what: 'flagged' })
      .set('f2', { issueKey: 'ITS-1', score: 5 }, { entityName: 'finding' })
      .delete('f1', { entityName: 'finding', conditions: new Filter<{ score: number }>().and('score', FilterConditions.equalTo(3)) })
      .execute();
    expect(await kvs.get('audit:1')).toEqual({ what: 'flagged' });
    expect(await kvs.entity('finding').get('f1')).toBeUndefined();
    expect(await kvs.entity('finding').get('f2')).toEqual({ issueKey: 'ITS-1', score: 5 });
    // One bad operation (an invalid key) also stops the whole transaction.
    expect(await code(kvs.transact().set('audit:2', 1).set('bad/key', 2).execute())).toBe('INVALID_KEY');
    expect(await kvs.get('audit:2')).toBeUndefined();
  });

  it('queries custom entities through a declared index', async () => {
    store.clear();
    const findings = kvs.entity<{ issueKey: string; score: number }>('finding');
    for (const [k, issueKey, score] of [['a', 'ITS-1', 7], ['b', 'ITS-1', 2], ['c', 'ITS-2', 9], ['d', 'ITS-1', 5]] as const) await findings.set(k, { issueKey, score });
    const r = await findings.query().index('by-issue', { partition: ['ITS-1'] }).where(WhereConditions.greaterThan(2)).getMany();
    expect(r.results.map((x) => x.key)).toEqual(['d', 'a']);
    expect(await code(findings.set('e', { issueKey: 'ITS-1', score: 1.5 }))).toBe('INVALID_ATTRIBUTE_TYPE');
    expect(await code(kvs.entity('undeclared').set('x', {}))).toBe('INVALID_ENTITY');
  });
});

describe('@forge/api shim without the server', () => {
  it('asUser() acts as the invoking user, needs one, and route-only paths; egress is refused', async () => {
    const shims = await createForgeShims({ ...PINNED });
    const api = shims.modules['@forge/api'] as typeof import('@forge/api');
    const me = await shims.runtime.withInvocation({ accountId: DEMO_ACCOUNTS[VENDOR1] }, async () => (await api.asUser().requestJira(route`/rest/api/3/myself`)).json());
    expect(me).toMatchObject({ accountId: DEMO_ACCOUNTS[VENDOR1] });
    await expect(api.asUser().requestJira(route`/rest/api/3/myself`)).rejects.toThrow(/Authentication Required/);
    expect(() => api.asApp().requestJira('/rest/api/3/myself' as never)).toThrow(/route/);
    await expect(api.fetch('https://example.com/')).rejects.toThrow(/example\.com/);
    // route escapes like @forge/api's: a path parameter cannot climb out of the path.
    expect(() => route`/rest/api/3/issue/${'../../admin'}`).toThrow(/path manipulation/);
    await shims.runtime.close();
  });
});

describe('sandbox options: duplicate delivery and faults', () => {
  let dup: Sandbox;
  let faulty: Sandbox;
  const consumed: Array<{ body: unknown; duplicate: boolean }> = [];

  beforeAll(async () => {
    [dup, faulty] = await Promise.all([
      startSandbox({
        port: 0,
        ...PINNED,
        duplicateDelivery: true,
        extraConsumers: [{ key: 'test-consumer', queue: 'test-queue', handler: (event: any) => void consumed.push({ body: event.body, duplicate: false }) }],
      }),
      startSandbox({ port: 0, ...PINNED, faultRate: 1, randomSeed: 7 }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([dup?.close(), faulty?.close()]);
  });

  it('delivers every product event and queued event twice, the second time late', async () => {
    const issue = await createVendIssue(dup, 'twice');
    const { Queue } = dup.runtime.eventsModule as { Queue: typeof import('@forge/events').Queue };
    const { jobId } = await new Queue({ key: 'test-queue' }).push({ body: { n: 1 } });
    await fetch(`${dup.url}/_sandbox/idle`);

    const runs = appTriggerRuns(dup, issue.key);
    expect(runs.map((r) => r.duplicate)).toEqual([false, true]);
    expect(runs[1]!.startedAt).toBeGreaterThanOrEqual(runs[0]!.finishedAt! + 15); // 2 s × 0.01
    expect(consumed.map((c) => c.body)).toEqual([{ n: 1 }, { n: 1 }]);
    const queueRuns = dup.invocations.filter((i) => i.kind === 'consumer' && i.jobId === jobId);
    expect(queueRuns.map((r) => r.duplicate)).toEqual([false, true]);
  });

  it('answers the app’s own requests 429/503 at fault rate 1.0, but never an outside REST client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await faulty.runtime.api.asApp().requestJira(route`/rest/api/3/issue/ITS-1`);
      statuses.push(r.status);
      if (r.status === 429) expect(r.headers.get('retry-after')).toBe('1');
    }
    expect(new Set(statuses)).toEqual(new Set([429, 503]));
    expect(faulty.runtime.api.requests.every((r) => r.fault !== undefined)).toBe(true);

    // Seeded: the same seed gives the same sequence.
    faulty.runtime.api.reseed(7);
    const again: number[] = [];
    for (let i = 0; i < 20; i++) again.push((await faulty.runtime.api.asApp().requestJira(route`/rest/api/3/issue/ITS-1`)).status);
    expect(again).toEqual(statuses);

    for (let i = 0; i < 10; i++) expect((await rest(faulty, AGENT, 'GET', '/rest/api/3/issue/ITS-1')).status).toBe(200);
  });
});

describe('sandbox resolvers, queues and Custom UI (fixture app)', () => {
  let sb: Sandbox;

  beforeAll(async () => {
    sb = await startSandbox({ port: 0, ...PINNED, appRoot: FIXTURE_APP, invocationTimeoutMs: 200 });
  });

  afterAll(async () => {
    await sb?.close();
  });

  const invoke = (email: string, body: unknown) =>
    fetch(`${sb.url}/_sandbox/invoke`, { method: 'POST', headers: { authorization: basic(email), 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('calls the resolver as @forge/resolver expects, as the Basic-auth user (never the payload’s)', async () => {
    const r = await invoke(AGENT, {
      moduleKey: 'fixture-panel',
      functionKey: 'whoami',
      payload: { x: 1, accountId: 'spoofed' },
      context: { accountId: 'spoofed', extension: { type: 'jira:issuePanel', issue: { key: 'ITS-1' } } },
    });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({
      accountId: DEMO_ACCOUNTS[AGENT],
      moduleKey: 'fixture-panel',
      extension: { type: 'jira:issuePanel', issue: { key: 'ITS-1' } },
      payload: { x: 1, accountId: 'spoofed' },
      myself: DEMO_ACCOUNTS[AGENT], // asUser() acts as the caller
      status: 200,
    });
    expect((await invoke(AGENT, { moduleKey: 'fixture-panel', functionKey: 'nope' })).status).toBe(404);
    expect((await invoke(AGENT, { moduleKey: 'fixture-panel', functionKey: 'slow' })).status).toBe(504);
  });

  it('writes the KVS and pushes to a queue whose manifest consumer runs asynchronously', async () => {
    const r = await invoke(AGENT, { moduleKey: 'fixture-panel', functionKey: 'remember', payload: { id: 'n1' } });
    expect(r.status).toBe(200);
    const { jobId } = (await r.json()) as { jobId: string };
    await fetch(`${sb.url}/_sandbox/idle`);
    const snap = (await (await fetch(`${sb.url}/_sandbox/storage`)).json()) as any;
    expect(snap.kvs).toMatchObject({ 'note:n1': { id: 'n1' }, 'consumed:n1': { jobId, retryCount: 0 } });
  });

  it('lets a trigger act as the app, and serves the Custom UI build with the bridge shim injected', async () => {
    const issue = await createVendIssue(sb, 'fixture trigger');
    await sb.idle();
    const prop = await rest(sb, 'admin@demo.test', 'GET', `/rest/api/3/issue/${issue.key}/properties/fixture.seen`);
    expect(prop.body).toMatchObject({ key: 'fixture.seen', value: { seen: true } });

    const html = await (await fetch(`${sb.url}/_sandbox/custom-ui/panel/index.html`)).text();
    expect(html).toContain('<script src="/_sandbox/bridge.js"></script>');
    expect(html.indexOf('/_sandbox/bridge.js')).toBeLessThan(html.indexOf('fixture panel'));
    const bridge = await fetch(`${sb.url}/_sandbox/bridge.js`);
    expect(bridge.headers.get('content-type')).toMatch(/javascript/);
    expect(await bridge.text()).toContain('window.__bridge');
    const config = (await (await fetch(`${sb.url}/_sandbox/config`)).json()) as any;
    expect(config.customUi.issuePanel).toMatchObject({ moduleKey: 'fixture-panel', resourceKey: 'panel', available: true });
    expect(config.customUi.adminPage).toMatchObject({ available: false, missing: 'static/admin-page/build/index.html' });
    expect((await fetch(`${sb.url}/_sandbox/custom-ui/panel/..%2F..%2Fmanifest.yml`)).status).toBe(404);
  });
});
