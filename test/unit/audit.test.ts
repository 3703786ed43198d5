import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS_HASH, verifyChain, type AuditEntry, type AuditFields } from '../../src/audit/chain';
import { AuditLog } from '../../src/audit/log';
import { kvsAuditStore } from '../../src/store/audit-kvs';
import { createSandboxKvs } from '../../src/sandbox/forge/kvs';
import { readManifest } from '../../src/sandbox/manifest';
import { MemoryAuditStore } from '../support/memory-audit';

const fields = (i: number, extra: Partial<AuditFields> = {}): AuditFields => ({
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
  actor: '712020:abc',
  action: 'phi.redacted',
  issueId: String(10000 + i),
  issueKey: `ITS-${i}`,
  target: 'description',
  counts: { SSN: 1, NAME: 2 },
  outcome: 'ok',
  idem: `created:${10000 + i}:redact:description`,
  ...extra,
});

const noSleep = () => new Promise<void>((r) => setTimeout(r, 0));

async function filledLog(n: number) {
  const store = new MemoryAuditStore();
  const log = new AuditLog(store, noSleep);
  for (let i = 1; i <= n; i++) await log.append(fields(i));
  return { store, log };
}

describe('hash chain', () => {
  it('canonical JSON sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: undefined } })).toBe('{"a":{"d":[2,{"x":0,"y":1}]},"b":1}');
  });

  it('links each entry to the previous hash and verifies', async () => {
    const { log, store } = await filledLog(5);
    const all = await log.all();
    expect(all.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(all[0]!.prevHash).toBe(GENESIS_HASH);
    expect(all[3]!.prevHash).toBe(all[2]!.hash);
    expect(all[4]!.hash).toBe(entryHash(all[4]!));
    expect(await log.verify()).toEqual({ ok: true, entries: 5, problems: [] });
    expect(store.headRecord).toEqual({ seq: 5, hash: all[4]!.hash });
  });

  it('finds a changed, a missing, a reordered entry and a truncated tail', async () => {
    const { log, store } = await filledLog(6);
    const all = await log.all();
    const head = store.headRecord;

    const changed = all.map((e) => ({ ...e }));
    changed[2]!.counts = { SSN: 0 };
    expect(verifyChain(changed, head).problems).toEqual([{ seq: 3, problem: 'changed' }]);

    // an attacker who also recomputes the changed entry's hash breaks the next link
    const rehashed = all.map((e) => ({ ...e }));
    rehashed[2]!.outcome = 'failed';
    rehashed[2]!.hash = entryHash(rehashed[2]!);
    expect(verifyChain(rehashed, head).problems).toEqual([{ seq: 4, problem: 'broken-link' }]);

    const missing = all.filter((e) => e.seq !== 4);
    expect(verifyChain(missing, head).problems).toContainEqual({ seq: 4, problem: 'missing' });

    const reordered = [all[0]!, all[2]!, all[1]!, ...all.slice(3)];
    expect(verifyChain(reordered, head).ok).toBe(false);

    expect(verifyChain(all.slice(0, 4), head).problems).toEqual([
      { seq: 5, problem: 'truncated' },
      { seq: 6, problem: 'truncated' },
    ]);
    expect(verifyChain(all, { seq: 6, hash: 'f'.repeat(64) }).ok).toBe(false);
  });

  it('stores an action once however often it is appended', async () => {
    const store = new MemoryAuditStore();
    const log = new AuditLog(store, noSleep);
    const first = await log.append(fields(1));
    const again = await log.append({ ...fields(1), at: '2030-01-01T00:00:00.000Z' });
    expect(again).toEqual({ seq: first.seq, duplicate: true });
    expect(await log.all()).toHaveLength(1);
  });

  it('parallel appenders neither fork nor lose entries (and duplicates in the race are stored once)', async () => {
    const store = new MemoryAuditStore();
    const log = new AuditLog(store, noSleep);
    const work = Array.from({ length: 120 }, (_, i) => log.append(fields(i % 100))); // 20 duplicates
    const results = await Promise.all(work);
    const all = await log.all();
    expect(all).toHaveLength(100);
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.seq)).size).toBe(100);
    expect(store.conflicts).toBeGreaterThan(0); // the race really happened
    expect((await log.verify()).ok).toBe(true);
  });

  it('refuses idempotency keys that are not plain ids (they become storage keys)', async () => {
    const log = new AuditLog(new MemoryAuditStore(), noSleep);
    await expect(log.append(fields(1, { idem: 'has space and / slash' }))).rejects.toThrow(/idempotency key/);
  });
});

describe('KVS adapter (real @forge/kvs client over the sandbox KVS, manifest entities)', () => {
  const entities = readManifest(`${__dirname}/../../manifest.yml`).entities;

  it('appends under contention through conditional transactions, lists in order, verifies', async () => {
    const store = createSandboxKvs({ entities });
    const log = new AuditLog(kvsAuditStore(store.kvs), (ms) => new Promise((r) => setTimeout(r, ms)));
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => log.append(fields(i % 30))));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(30);
    const all = await log.all();
    expect(all.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(await log.verify()).toMatchObject({ ok: true, entries: 30 });
  });

  it('detects an entry edited in storage', async () => {
    const store = createSandboxKvs({ entities });
    const log = new AuditLog(kvsAuditStore(store.kvs));
    for (let i = 1; i <= 3; i++) await log.append(fields(i));
    const row = (await store.kvs.entity<{ seq: number; issueId: string; entry: AuditEntry }>('audit-entry').get('e:0000000002'))!;
    await store.kvs.entity('audit-entry').set('e:0000000002', { ...row, entry: { ...row.entry, actor: 'someone-else' } });
    expect((await log.verify()).problems).toEqual([{ seq: 2, problem: 'changed' }]);
  });
});
