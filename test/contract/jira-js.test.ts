/**
 * Drives the emulator over HTTP (127.0.0.1, random port) with jira.js, the way an external client
 * using Basic auth (email + API token) would talk to Jira Cloud.
 */
import { HttpException, Version3Client } from 'jira.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, DEMO, type Emulator } from '../../src/sandbox/emulator';

let emu: Emulator;
let server: { port: number; url: string; close(): Promise<void> };

const client = (email: string) =>
  new Version3Client({ host: server.url, authentication: { basic: { email, apiToken: 'sandbox-token' } } });

async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    if (e instanceof HttpException) return e.status;
    throw e;
  }
}

beforeAll(async () => {
  emu = createEmulator({ guardPremium: false });
  server = await emu.listen(0);
});

afterAll(async () => {
  await server.close();
});

describe('jira.js Version3Client against the emulator', () => {
  it('listens on 127.0.0.1 on a free port', () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('create, comment, edit, search and get an issue; vendor isolation by security level', async () => {
    const agent = client('agent@demo.test');
    const events: string[] = [];
    const off = emu.on('*', (e) => {
      events.push(`${e.type}:${e.actor.kind}`);
    });

    const created = await agent.issues.createIssue({
      fields: {
        project: { key: 'VEND' },
        issuetype: { name: 'Incident' },
        summary: 'Acme viewer freezes on study for Pt Jane Roe',
        description: 'Study for Jane Roe DOB 01/02/1970 freezes the viewer.',
      },
    });
    expect(created.key).toMatch(/^VEND-\d+$/);
    expect(created.id).toMatch(/^\d+$/);

    const comment = await agent.issueComments.addComment({ issueIdOrKey: created.key, comment: 'Vendor notified, case 4471.' });
    expect(comment.id).toBeDefined();
    expect(comment.author?.emailAddress).toBe('agent@demo.test');
    expect(comment.jsdPublic).toBe(true);

    await agent.issues.editIssue({
      issueIdOrKey: created.key,
      fields: { summary: 'Acme viewer freezes on a study', security: { id: DEMO.securityLevels['Acme Imaging'] } },
    });

    const found = await agent.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
      jql: `project = VEND AND key = ${created.key}`,
      fields: ['summary', 'security', 'comment'],
    });
    expect(found.issues).toHaveLength(1);
    expect(found.issues?.[0]?.key).toBe(created.key);
    expect(found.issues?.[0]?.fields.summary).toBe('Acme viewer freezes on a study');
    // jira.js 5 does not type `isLast` (the document's SearchAndReconcileResults has it).
    expect((found as { isLast?: boolean }).isLast).toBe(true);
    expect(found.nextPageToken).toBeUndefined();

    const viaPost = await agent.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
      jql: 'project = VEND AND level = "Acme Imaging" ORDER BY created DESC',
      fields: ['summary'],
      maxResults: 5,
    });
    expect(viaPost.issues?.[0]?.key).toBe(created.key);
    expect(viaPost.nextPageToken).toBeDefined();

    const issue = await agent.issues.getIssue({ issueIdOrKey: created.key, expand: 'changelog' });
    expect(issue.fields.summary).toBe('Acme viewer freezes on a study');
    expect(issue.fields.security?.name).toBe('Acme Imaging');
    expect(issue.fields.reporter?.emailAddress).toBe('agent@demo.test');
    expect(issue.fields.description).toEqual({
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Study for Jane Roe DOB 01/02/1970 freezes the viewer.' }] }],
    });
    expect(issue.fields.comment?.comments?.map((c) => c.id)).toEqual([comment.id]);
    const changed = issue.changelog?.histories?.[0]?.items?.map((i) => i.field);
    expect(changed).toEqual(['summary', 'security']);
    expect(issue.changelog?.histories?.[0]?.items?.[0]?.fromString).toBe('Acme viewer freezes on study for Pt Jane Roe');

    expect(events).toEqual(['issue_created:user', 'comment_created:user', 'issue_updated:user']);
    off();

    // Issue security: MedCloud's vendor does not see an issue at the Acme Imaging level; Acme's does.
    expect(await statusOf(client('vendor2@medcloud.test').issues.getIssue({ issueIdOrKey: created.key }))).toBe(404);
    const vendor1 = await client('vendor1@acme-imaging.test').issues.getIssue({ issueIdOrKey: created.key, fields: ['summary'] });
    expect(vendor1.fields.summary).toBe('Acme viewer freezes on a study');
    const vendor2Search = await client('vendor2@medcloud.test').issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql: `key = ${created.key}` });
    expect(vendor2Search.issues).toEqual([]);
  });

  it('answers 404 with Jira error messages and 401 for unknown credentials', async () => {
    try {
      await client('vendor2@medcloud.test').issues.getIssue({ issueIdOrKey: 'VEND-1' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(HttpException);
      const err = e as HttpException;
      expect(err.status).toBe(404);
      expect(JSON.stringify(err.response)).toContain('Issue does not exist or you do not have permission to see it.');
    }
    expect(await statusOf(client('stranger@example.com').myself.getCurrentUser())).toBe(401);
    const me = await client('vendor1@acme-imaging.test').myself.getCurrentUser();
    expect(me.displayName).toBe('Val Acme');
  });
});
