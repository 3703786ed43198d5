/**
 * The workforce directory from Jira: who is taken, paging, storage in chunks under the KVS value
 * limit, the old directory kept when a sync cannot finish, and enforcement using it.
 */
import { describe, expect, it } from 'vitest';
import { handleIssueEvent } from '../../src/enforce/issue-event';
import { syncWorkforceDirectory, USERS_PAGE } from '../../src/enforce/workforce-sync';
import type { SiteUser } from '../../src/jira/port';
import { createSandboxKvs, MAX_VALUE_BYTES } from '../../src/sandbox/forge/kvs';
import { chunkNames, kvsDirectory } from '../../src/store/directory';
import { runDirectorySync } from '../../src/triggers/directory-sync';
import { doc, FakeJira, settingsStore, world } from '../support/fakes';

const user = (i: number, over: Partial<SiteUser> = {}): SiteUser => ({ accountId: `a-${i}`, accountType: 'atlassian', active: true, displayName: `Given${i} Family${i}`, ...over });

function setup(users: SiteUser[]) {
  const jira = new FakeJira();
  jira.siteUsers = users;
  const store = createSandboxKvs();
  const directory = kvsDirectory(store.kvs);
  let clock = Date.UTC(2026, 10, 24, 3, 0, 0);
  return { jira, store, directory, deps: { jira, directory, now: () => new Date((clock += 10)), deadline: Number.MAX_SAFE_INTEGER } };
}

describe('workforce directory sync', () => {
  it("takes the site's active Atlassian accounts with a full name, never portal customers or apps", async () => {
    const s = setup([
      user(1, { displayName: 'Maria Lopez' }),
      user(2, { displayName: 'Harold Jenkins', accountType: 'customer' }),
      user(3, { displayName: 'Automation for Jira', accountType: 'app' }),
      user(4, { displayName: 'Kevin Park', active: false }),
      user(5, { displayName: 'Sam' }),
      user(6, { displayName: 'Dana Whitfield' }),
      user(7, { displayName: 'Dana Whitfield' }),
    ]);
    const out = await syncWorkforceDirectory(s.deps);
    expect(out).toMatchObject({ status: 'synced', users: 7, meta: { count: 2 } });
    const meta = (await s.directory.meta())!;
    expect(await s.directory.names(meta)).toEqual(['Maria Lopez', 'Dana Whitfield']);
  });

  it('pages through the whole user list and stores a large directory in chunks under the KVS value limit', async () => {
    const users = Array.from({ length: 2 * USERS_PAGE + 500 }, (_, i) => user(i, { displayName: `Given${i} ${'Family'.repeat(8)}${i}` }));
    const s = setup(users);
    const out = await syncWorkforceDirectory(s.deps);
    expect(out).toMatchObject({ status: 'synced', users: users.length, pages: 4 });
    const meta = (await s.directory.meta())!;
    expect(meta.count).toBe(users.length);
    expect((await s.directory.names(meta))!.length).toBe(users.length);
    for (const chunk of chunkNames(users.map((u) => u.displayName))) expect(Buffer.byteLength(JSON.stringify(chunk))).toBeLessThan(MAX_VALUE_BYTES);
    expect(meta.chunks).toBeGreaterThan(0);
  });

  it('replaces the old version and deletes its chunks; a sync that runs out of time keeps the old directory', async () => {
    const s = setup([user(1, { displayName: 'Maria Lopez' })]);
    await syncWorkforceDirectory(s.deps);
    const first = (await s.directory.meta())!;
    s.jira.siteUsers = [user(2, { displayName: 'Kevin Park' })];
    await syncWorkforceDirectory(s.deps);
    const second = (await s.directory.meta())!;
    expect(second.version).not.toBe(first.version);
    expect(await s.directory.names(first)).toBeNull();
    expect(await s.directory.names(second)).toEqual(['Kevin Park']);
    s.jira.siteUsers = [user(3, { displayName: 'Dana Whitfield' })];
    const late = await syncWorkforceDirectory({ ...s.deps, deadline: 0 });
    expect(late).toMatchObject({ status: 'incomplete' });
    expect((await s.directory.meta())!.version).toBe(second.version);
  });

  it('a Jira error fails the sync and keeps the old directory; the setting switches it off', async () => {
    const s = setup([user(1, { displayName: 'Maria Lopez' })]);
    await syncWorkforceDirectory(s.deps);
    const before = (await s.directory.meta())!;
    s.jira.failNext('listUsers', 403);
    await expect(syncWorkforceDirectory(s.deps)).rejects.toThrow(/403/);
    expect((await s.directory.meta())!.version).toBe(before.version);
    // the scheduled run records each outcome for the dashboard
    s.jira.failNext('listUsers', 403);
    const on = settingsStore({ workforceDirectory: true });
    expect(await runDirectorySync(on, s.deps)).toMatchObject({ status: 'failed', reason: expect.stringMatching(/list ?users answered 403/i) });
    expect(await s.directory.status()).toMatchObject({ status: 'failed', reason: expect.stringMatching(/403.*previous directory stays/) });
    expect(await runDirectorySync(on, s.deps)).toMatchObject({ status: 'synced' });
    expect(await s.directory.status()).toMatchObject({ status: 'synced', count: 1 });
    expect(await runDirectorySync(settingsStore({}), s.deps)).toEqual({ status: 'off' });
    expect(await s.directory.status()).toMatchObject({ status: 'off' });
    // switched off, the names synced before are deleted: only the status stays
    expect(await s.directory.meta()).toBeNull();
    expect(Object.keys(s.store.snapshot().kvs ?? {}).filter((k) => k.startsWith('directory:'))).toEqual(['directory:status']);
  });
});

describe('enforcement with the workforce directory', () => {
  const DESC = 'Pt Harold Jenkins (MRN 00412977) wristband misprinted on 4N. Maria Lopez reprinted it and Kevin Park replaced the Zebra driver.';

  async function flaggedNames(settings: unknown, directoryNames: string[] | null) {
    const w = world(settings);
    if (directoryNames) {
      const store = createSandboxKvs();
      w.deps.directory = kvsDirectory(store.kvs);
      await w.deps.directory.save(directoryNames, new Date().toISOString());
    }
    w.addIssue('1', { projectKey: 'ITS', key: 'ITS-1', description: doc(DESC) });
    await handleIssueEvent(w.deps, { kind: 'created', issueId: '1', eventKey: 'created:1', actorId: 'u-agent', changedFields: null });
    return (w.records.map.get('1')?.fields.description?.counts ?? {}) as Record<string, number>;
  }

  it("leaves the synced directory's staff unflagged once an admin turns it on, and uses the admin's own list too", async () => {
    const on = { workforceDirectory: true };
    expect((await flaggedNames(on, null)).NAME).toBe(3);
    expect((await flaggedNames(on, ['Maria Lopez', 'Kevin Park'])).NAME).toBe(1);
    expect((await flaggedNames({ ...on, detector: { workforceNames: ['Kevin Park'] } }, ['Maria Lopez'])).NAME).toBe(1);
    // off (a fresh install's default): the synced directory is not used, the admin's own list is
    expect((await flaggedNames({}, ['Maria Lopez', 'Kevin Park'])).NAME).toBe(3);
    expect((await flaggedNames({ detector: { workforceNames: ['Kevin Park'] } }, ['Maria Lopez'])).NAME).toBe(2);
  });
});
