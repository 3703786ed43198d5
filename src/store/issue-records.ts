/** Per-issue records in the `issue-record` entity, updated with optimistic concurrency (version check). */
import { kvs as defaultKvs, Filter, FilterConditions } from '@forge/kvs';
import { isKvsConflict, type KvsClient } from './kvs-client';
import type { IssueRecord, IssueRecordStore } from '../enforce/record';
import { ENTITY } from './entities';

interface Row {
  version: number;
  failing: number;
  updatedAt: string;
  record: IssueRecord;
}

const key = (issueId: string) => `i:${issueId}`;

function isConditionFailure(e: unknown): boolean {
  return isKvsConflict(e);
}

export function kvsIssueRecords(kvs: KvsClient = defaultKvs): IssueRecordStore {
  const entity = () => kvs.entity<Row>(ENTITY.issueRecord);
  return {
    async get(issueId) {
      return (await entity().get(key(issueId)))?.record ?? null;
    },
    async update(issueId, change) {
      for (let attempt = 0; attempt < 30; attempt++) {
        const row = await entity().get(key(issueId));
        const record = change(row ? structuredClone(row.record) : null);
        const version = (row?.version ?? 0) + 1;
        const condition = row ? new Filter<Row>().and('version', FilterConditions.equalTo(row.version)) : new Filter<Row>().and('version', FilterConditions.notExists());
        try {
          await kvs
            .transact()
            .set<Row>(key(issueId), { version, failing: record.failures.length > 0 ? 1 : 0, updatedAt: record.updatedAt, record }, { entityName: ENTITY.issueRecord, conditions: condition })
            .execute();
          return record;
        } catch (e) {
          if (!isConditionFailure(e)) throw e;
          await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 20 * (attempt + 1))));
        }
      }
      throw new Error(`issue record ${issueId}: too many concurrent updates`);
    },
  };
}
