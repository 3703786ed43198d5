/** The compliance log's storage in @forge/kvs custom entities (see src/audit/log.ts for the protocol). */
import { kvs as defaultKvs, Filter, FilterConditions, Sort, WhereConditions } from '@forge/kvs';
import { isKvsConflict, type KvsClient } from './kvs-client';
import type { AuditEntry } from '../audit/chain';
import type { AuditHead, AuditStore } from '../audit/log';
import { AUDIT_SEQ_INDEX, ENTITY } from './entities';

interface EntryRow {
  seq: number;
  issueId: string;
  entry: AuditEntry;
}

const HEAD_KEY = 'head';
const entryKey = (seq: number) => `e:${String(seq).padStart(10, '0')}`;

function isConditionFailure(e: unknown): boolean {
  return isKvsConflict(e);
}

export function kvsAuditStore(kvs: KvsClient = defaultKvs): AuditStore {
  return {
    async head() {
      const h = await kvs.entity<AuditHead>(ENTITY.auditHead).get(HEAD_KEY);
      return h ? { seq: h.seq, hash: h.hash } : null;
    },
    async findIdem(idem) {
      const m = await kvs.entity<{ seq: number }>(ENTITY.auditMark).get(idem);
      return m ? m.seq : null;
    },
    async commit(entries, expectedSeq) {
      const last = entries[entries.length - 1];
      if (!last) return 'ok';
      const headCondition =
        expectedSeq === 0 ? new Filter<AuditHead>().and('seq', FilterConditions.notExists()) : new Filter<AuditHead>().and('seq', FilterConditions.equalTo(expectedSeq));
      const notYet = <T extends { seq: number }>() => new Filter<T>().and('seq', FilterConditions.notExists());
      let tx = kvs.transact().set<AuditHead>(HEAD_KEY, { seq: last.seq, hash: last.hash }, { entityName: ENTITY.auditHead, conditions: headCondition });
      for (const entry of entries) {
        tx = tx
          .set<{ seq: number }>(entry.idem, { seq: entry.seq }, { entityName: ENTITY.auditMark, conditions: notYet<{ seq: number }>() })
          .set<EntryRow>(entryKey(entry.seq), { seq: entry.seq, issueId: entry.issueId ?? '', entry }, { entityName: ENTITY.auditEntry, conditions: notYet<EntryRow>() });
      }
      try {
        await tx.execute();
        return 'ok';
      } catch (e) {
        if (isConditionFailure(e)) return 'conflict';
        throw e;
      }
    },
    async list(afterSeq, limit) {
      const out: AuditEntry[] = [];
      let cursor: string | undefined;
      while (out.length < limit) {
        let q = kvs
          .entity<EntryRow>(ENTITY.auditEntry)
          .query()
          .index(AUDIT_SEQ_INDEX)
          .where(WhereConditions.greaterThan(afterSeq))
          .sort(Sort.ASC)
          .limit(Math.min(20, limit - out.length));
        if (cursor) q = q.cursor(cursor);
        const page = await q.getMany();
        for (const r of page.results) out.push(r.value.entry);
        if (!page.nextCursor || page.results.length === 0) break;
        cursor = page.nextCursor;
      }
      return out;
    },
  };
}
