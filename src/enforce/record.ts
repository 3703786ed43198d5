/**
 * What PHI Guard knows about one issue: kept in app storage (types, counts, fields, actions,
 * failures, ids — never content) and published on the issue as the `phi-guard` entity property.
 */
import type { PhiType } from '../phi/types';

export type Counts = Partial<Record<PhiType, number>>;

/**
 * - `flagged`: PHI found and left in place (flag mode);
 * - `redacted`: removed by Jira's redaction API (history purged too);
 * - `redacted-in-place`: removed by an edit; Jira's history still holds the original;
 * - `redaction-failed`: PHI found, redaction failed (see failures).
 */
export type FieldAction = 'flagged' | 'redacted' | 'redacted-in-place' | 'redaction-failed';

export interface FieldRecord {
  counts: Counts;
  action: FieldAction;
  at: string;
}

export interface VendorRecord {
  status: 'applied' | 'already-set' | 'failed';
  companyId?: string;
  companyName?: string;
  levelId?: string;
  /** Why it failed (reason code and short text, never content). */
  reason?: string;
  at: string;
}

export interface FailureRecord {
  at: string;
  /** `scan`, `redact`, `security`, `classify`, `note`, `event`. */
  step: string;
  reason: string;
  target?: string;
}

export interface PendingField {
  counts: Counts;
  /** Set once the redaction of this field went through. */
  method?: 'api' | 'in-place';
}

export interface IssueRecord {
  issueId: string;
  issueKey: string;
  projectKey: string;
  /** `summary`, `description`, `comment:<id>`. */
  fields: Record<string, FieldRecord>;
  vendor?: VendorRecord;
  approval?: { by: string; at: string };
  /** Open failures (the dashboard lists issues that have any). */
  failures: FailureRecord[];
  /** Events already handled (duplicate deliveries are skipped); the last 100. */
  events: string[];
  /**
   * Per event under way: the findings it is acting on and, once done, how each was redacted — so a
   * retry (or the failure record after the last one) still records what the first attempt did.
   */
  pending?: Record<string, Record<string, PendingField>>;
  /** Comments that got an internal PHI note. */
  notes: string[];
  /** The summary or description showed a patient when last scanned (comments are then read as about one). */
  patient?: boolean;
  /** The property could not be written after the last retry: the next event rewrites it. */
  propertyStale?: boolean;
  updatedAt: string;
}

export function emptyRecord(issueId: string, issueKey: string, projectKey: string, at: string): IssueRecord {
  return { issueId, issueKey, projectKey, fields: {}, failures: [], events: [], notes: [], updatedAt: at };
}

/** Port: per-issue records with atomic read-modify-write. */
export interface IssueRecordStore {
  get(issueId: string): Promise<IssueRecord | null>;
  /** Applies `change` to the current record (null: none yet) and stores it atomically; retried on races. */
  update(issueId: string, change: (current: IssueRecord | null) => IssueRecord): Promise<IssueRecord>;
}

export const PHI_GUARD_PROPERTY = 'phi-guard';

/** The `phi-guard` issue property (indexed for JQL by the manifest's jira:entityProperty module). */
export interface PhiGuardProperty {
  version: 2;
  flagged: boolean;
  types: PhiType[];
  counts: Counts;
  /** Fields and comments that held PHI: `summary`, `description`, `comment:10023` (at most {@link MAX_PROPERTY_FIELDS}). */
  fields: string[];
  /** How many more fields/comments held PHI than `fields` lists (the property must stay under 32 KB). */
  moreFields?: number;
  /** Overall: `none`, `flagged`, `redacted`, `redacted-in-place`, `failed`. */
  action: 'none' | 'flagged' | 'redacted' | 'redacted-in-place' | 'failed';
  /** Per field or comment: what was done. */
  actions: Record<string, FieldAction>;
  /** `retained` when an in-place edit left the original text in Jira's issue history. */
  history?: 'purged' | 'retained';
  historyNote?: string;
  vendor?: VendorRecord;
  approval?: { by: string; at: string };
  failures?: FailureRecord[];
  scannedAt: string;
}

export const HISTORY_NOTE = "Redacted by editing the field: Jira's issue history still holds the original text. Redaction through Atlassian Guard Premium removes it from history too.";

/** Fields listed on the property (and in `actions`); the issue record keeps them all. */
export const MAX_PROPERTY_FIELDS = 100;

export function propertyOf(rec: IssueRecord): PhiGuardProperty {
  const counts: Counts = {};
  const actions: Record<string, FieldAction> = {};
  for (const [field, f] of Object.entries(rec.fields)) {
    actions[field] = f.action;
    for (const [t, n] of Object.entries(f.counts) as Array<[PhiType, number]>) counts[t] = (counts[t] ?? 0) + n;
  }
  const allFields = Object.keys(rec.fields).sort();
  const fields = allFields.slice(0, MAX_PROPERTY_FIELDS);
  const types = (Object.keys(counts) as PhiType[]).sort();
  const all = Object.values(actions);
  for (const f of allFields.slice(MAX_PROPERTY_FIELDS)) delete actions[f];
  const action: PhiGuardProperty['action'] =
    all.length === 0
      ? rec.failures.length > 0
        ? 'failed'
        : 'none'
      : all.includes('redaction-failed')
        ? 'failed'
        : all.includes('flagged')
          ? 'flagged'
          : all.includes('redacted-in-place')
            ? 'redacted-in-place'
            : 'redacted';
  const inPlace = all.includes('redacted-in-place');
  return {
    version: 2,
    flagged: types.length > 0 || rec.failures.length > 0,
    types,
    counts,
    fields,
    ...(allFields.length > fields.length ? { moreFields: allFields.length - fields.length } : {}),
    action,
    actions,
    ...(all.includes('redacted') || inPlace ? { history: inPlace ? 'retained' : 'purged' } : {}),
    ...(inPlace ? { historyNote: HISTORY_NOTE } : {}),
    ...(rec.vendor ? { vendor: rec.vendor } : {}),
    ...(rec.approval ? { approval: rec.approval } : {}),
    ...(rec.failures.length > 0 ? { failures: rec.failures.slice(-10) } : {}),
    scannedAt: rec.updatedAt,
  };
}
