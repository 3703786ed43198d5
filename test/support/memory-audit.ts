/** In-memory AuditStore with the same conditional-commit semantics as the KVS adapter. */
import type { AuditEntry } from '../../src/audit/chain';
import type { AuditHead, AuditStore } from '../../src/audit/log';

export class MemoryAuditStore implements AuditStore {
  entries = new Map<number, AuditEntry>();
  marks = new Map<string, number>();
  headRecord: AuditHead | null = null;
  conflicts = 0;
  /** Yields to the event loop inside every call, so parallel appenders interleave. */
  constructor(private readonly yieldEvery = true) {}

  private async tick() {
    if (this.yieldEvery) await new Promise((r) => setImmediate(r));
  }
  async head() {
    await this.tick();
    return this.headRecord ? { ...this.headRecord } : null;
  }
  async findIdem(idem: string) {
    await this.tick();
    return this.marks.get(idem) ?? null;
  }
  async commit(entries: AuditEntry[], expectedSeq: number) {
    await this.tick();
    if ((this.headRecord?.seq ?? 0) !== expectedSeq || entries.some((e) => this.marks.has(e.idem) || this.entries.has(e.seq))) {
      this.conflicts++;
      return 'conflict' as const;
    }
    for (const entry of entries) {
      this.entries.set(entry.seq, structuredClone(entry));
      this.marks.set(entry.idem, entry.seq);
    }
    const last = entries[entries.length - 1]!;
    this.headRecord = { seq: last.seq, hash: last.hash };
    return 'ok' as const;
  }
  async list(afterSeq: number, limit: number) {
    await this.tick();
    return [...this.entries.values()].filter((e) => e.seq > afterSeq).sort((a, b) => a.seq - b.seq).slice(0, limit).map((e) => structuredClone(e));
  }
}
