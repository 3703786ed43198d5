/**
 * The append-only compliance log over a storage port. Appends are compare-and-swap on the head
 * record: the entry, the head (`seq`, `hash`) and the action's idempotency mark are written in one
 * conditional transaction that only succeeds when the head is still the one the entry was chained
 * to and the mark does not exist yet. Parallel appenders therefore never fork the chain (the loser
 * re-reads the head and tries again) and the same action appended twice is stored once.
 */
import { sealEntry, verifyChain, GENESIS_HASH, type AuditEntry, type AuditFields, type VerifyResult } from './chain';

export interface AuditHead {
  seq: number;
  hash: string;
}

/** The storage the log needs (src/store/audit-kvs.ts over @forge/kvs; in-memory in tests). */
export interface AuditStore {
  head(): Promise<AuditHead | null>;
  /** Seq of the entry appended with this idempotency key, or null. */
  findIdem(idem: string): Promise<number | null>;
  /**
   * Writes `entry`, moves the head to it and marks `entry.idem`, all or nothing, only if the head is
   * still at `expectedSeq` (0: no entries yet) and the mark is new.
   */
  commit(entry: AuditEntry, expectedSeq: number): Promise<'ok' | 'conflict'>;
  /** Entries with seq > afterSeq, ascending. */
  list(afterSeq: number, limit: number): Promise<AuditEntry[]>;
}

export class AuditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditError';
  }
}

export interface AppendResult {
  seq: number;
  duplicate: boolean;
}

const MAX_ATTEMPTS = 60;

export class AuditLog {
  constructor(
    private readonly store: AuditStore,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async append(fields: AuditFields): Promise<AppendResult> {
    if (!/^[A-Za-z0-9:._#-]{1,400}$/.test(fields.idem)) throw new AuditError('audit idempotency key must be 1-400 characters of [A-Za-z0-9:._#-]');
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const existing = await this.store.findIdem(fields.idem);
      if (existing !== null) return { seq: existing, duplicate: true };
      const head = await this.store.head();
      const entry = sealEntry(fields, (head?.seq ?? 0) + 1, head?.hash ?? GENESIS_HASH);
      if ((await this.store.commit(entry, head?.seq ?? 0)) === 'ok') return { seq: entry.seq, duplicate: false };
      // lost a race: back off a little (jittered) and chain to the new head
      await this.sleep(Math.floor(Math.random() * Math.min(200, 5 * 2 ** Math.min(attempt, 6))));
    }
    throw new AuditError(`audit append did not get through after ${MAX_ATTEMPTS} attempts (contention)`);
  }

  /** Whether an action with this idempotency key is already in the log. */
  async has(idem: string): Promise<boolean> {
    return (await this.store.findIdem(idem)) !== null;
  }

  /** Every entry, ascending (for export and verification). */
  async all(pageSize = 100): Promise<AuditEntry[]> {
    const out: AuditEntry[] = [];
    for (;;) {
      const page = await this.store.list(out[out.length - 1]?.seq ?? 0, pageSize);
      out.push(...page);
      if (page.length < pageSize) return out;
    }
  }

  async verify(): Promise<VerifyResult> {
    const [entries, head] = await Promise.all([this.all(), this.store.head()]);
    return verifyChain(entries, head);
  }
}
