/**
 * The compliance log's hash chain (pure). Each entry's `hash` is the SHA-256 (hex) of its canonical
 * JSON (keys sorted, `hash` left out), and `prevHash` is the previous entry's hash (64 zeros for the
 * first). `verifyChain` finds a changed entry (hash mismatch), a missing or reordered one (sequence
 * gap or broken link) and a truncated tail (the head record points past the last entry).
 */
import { createHash } from 'node:crypto';
import type { PhiType } from '../phi/types';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditAction =
  | 'phi.flagged'
  | 'phi.cleared'
  | 'phi.redacted'
  | 'phi.redaction-failed'
  | 'phi.note-added'
  | 'security.level-set'
  | 'security.level-failed'
  | 'vendor.classification-failed'
  | 'approval.granted'
  | 'approval.blocked'
  | 'vendor.done-transition'
  | 'enforcement.failed';

export interface AuditFields {
  at: string;
  /** Account id of whoever caused it (the event's user), or `app`. */
  actor: string;
  action: AuditAction;
  issueId?: string;
  issueKey?: string;
  /** `summary`, `description` or `comment:<id>`. */
  target?: string;
  counts?: Partial<Record<PhiType, number>>;
  outcome: 'ok' | 'failed';
  /** Method, level, reason codes: never content. */
  detail?: string;
  /** What makes two appends the same action (event id + action + target): appended once. */
  idem: string;
}

export interface AuditEntry extends AuditFields {
  seq: number;
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted at every level; `undefined` members dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function entryHash(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
  const { hash: _ignored, ...rest } = entry;
  return createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex');
}

export function sealEntry(fields: AuditFields, seq: number, prevHash: string): AuditEntry {
  const unsealed = { ...fields, seq, prevHash };
  return { ...unsealed, hash: entryHash(unsealed) };
}

export interface ChainProblem {
  seq: number;
  problem: 'changed' | 'missing' | 'reordered' | 'broken-link' | 'truncated' | 'duplicate-action';
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  problems: ChainProblem[];
}

/**
 * Checks entries as stored (in storage order) against the head record (`{ seq, hash }` of the last
 * entry, or null for an empty log).
 */
export function verifyChain(entries: readonly AuditEntry[], head: { seq: number; hash: string } | null): VerifyResult {
  const problems: ChainProblem[] = [];
  let prevHash = GENESIS_HASH;
  let expected = 1;
  const idems = new Set<string>();
  for (const e of entries) {
    if (e.seq < expected) problems.push({ seq: e.seq, problem: 'reordered' });
    else if (e.seq > expected) for (let s = expected; s < e.seq; s++) problems.push({ seq: s, problem: 'missing' });
    if (entryHash(e) !== e.hash) problems.push({ seq: e.seq, problem: 'changed' });
    else if (e.prevHash !== prevHash) problems.push({ seq: e.seq, problem: 'broken-link' });
    if (idems.has(e.idem)) problems.push({ seq: e.seq, problem: 'duplicate-action' });
    idems.add(e.idem);
    prevHash = e.hash;
    expected = Math.max(expected, e.seq + 1);
  }
  const last = entries[entries.length - 1];
  if (head && (!last || head.seq > last.seq)) for (let s = (last?.seq ?? 0) + 1; s <= head.seq; s++) problems.push({ seq: s, problem: 'truncated' });
  else if (head && last && head.seq === last.seq && head.hash !== last.hash) problems.push({ seq: last.seq, problem: 'changed' });
  return { ok: problems.length === 0, entries: entries.length, problems };
}
