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
   * Writes `entries` (consecutive, chained, the first right after `expectedSeq`), moves the head to
   * the last and marks each `idem`, all or nothing, only if the head is still at `expectedSeq`
   * (0: no entries yet) and no mark exists yet. At most {@link MAX_BATCH} entries.
   */
  commit(entries: AuditEntry[], expectedSeq: number): Promise<'ok' | 'conflict'>;
  /** Entries with seq > afterSeq, ascending. */
  list(afterSeq: number, limit: number): Promise<AuditEntry[]>;
}

export class AuditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditError';
  }
}

/** Contention outlasted the invocation's budget: retry the event later (nothing partial was written). */
export class AuditBusy extends AuditError {
  constructor() {
    super('the compliance log is busy (contention outlasted the time budget)');
    this.name = 'AuditBusy';
  }
}

export interface AppendResult {
  seq: number;
  duplicate: boolean;
}

const MAX_ATTEMPTS = 200;
/** Entries per transaction (each entry is two writes, plus the head: within KVS transaction limits). */
export const MAX_BATCH = 10;

export class AuditLog {
  private readonly sleep: (ms: number) => Promise<void>;
  constructor(
    private readonly store: AuditStore,
    sleep?: (ms: number) => Promise<void>,
    private readonly opts: { deadline?: number; now?: () => number } = {},
  ) {
    this.sleep = sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  async append(fields: AuditFields): Promise<AppendResult> {
    return (await this.appendAll([fields]))[0]!;
  }

  /**
   * Appends several actions, in order, in as few transactions as possible (fewer rounds when many
   * invocations append at once). Actions already in the log are not appended again.
   */
  async appendAll(list: AuditFields[]): Promise<AppendResult[]> {
    for (const f of list) if (!/^[A-Za-z0-9:._#-]{1,400}$/.test(f.idem)) throw new AuditError('audit idempotency key must be 1-400 characters of [A-Za-z0-9:._#-]');
    const results = new Map<string, AppendResult>();
    const unique = list.filter((f, i) => list.findIndex((g) => g.idem === f.idem) === i);
    for (let start = 0; start < unique.length; start += MAX_BATCH) {
      const batch = unique.slice(start, start + MAX_BATCH);
      for (let attempt = 0; ; attempt++) {
        if (attempt >= MAX_ATTEMPTS) throw new AuditError(`audit append did not get through after ${MAX_ATTEMPTS} attempts (contention)`);
        const todo: AuditFields[] = [];
        for (const f of batch) {
          if (results.has(f.idem)) continue;
          const existing = await this.store.findIdem(f.idem);
          if (existing !== null) results.set(f.idem, { seq: existing, duplicate: true });
          else todo.push(f);
        }
        if (todo.length === 0) break;
        const head = await this.store.head();
        let prev = head?.hash ?? GENESIS_HASH;
        const sealed = todo.map((f, i) => {
          const e = sealEntry(f, (head?.seq ?? 0) + 1 + i, prev);
          prev = e.hash;
          return e;
        });
        if ((await this.store.commit(sealed, head?.seq ?? 0)) === 'ok') {
          for (const e of sealed) results.set(e.idem, { seq: e.seq, duplicate: false });
          break;
        }
        // lost a race: back off (jittered, growing) and chain to the new head
        if (this.opts.deadline !== undefined && (this.opts.now ?? Date.now)() > this.opts.deadline) throw new AuditBusy();
        await this.sleep(Math.floor(Math.random() * Math.min(250, 10 * 2 ** Math.min(attempt, 5))));
      }
    }
    return list.map((f) => results.get(f.idem)!);
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
