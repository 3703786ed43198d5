/**
 * What the enforcement use cases need, as ports (injected: Forge adapters in the handlers, in-memory
 * fakes in unit tests), plus the steps they share: classifying an account and committing an
 * event's outcome (audit entries, the `phi-guard` property, the issue record).
 */
import type { AuditFields } from '../audit/chain';
import type { AuditLog } from '../audit/log';
import { createDetector, type DetectOptions } from '../phi/detect';
import type { Finding, PhiType } from '../phi/types';
import type { JiraPort } from '../jira/port';
import { classifyReporter, type Classification } from '../policy/vendor';
import type { AppSettings } from '../policy/settings';
import type { CapabilityCache, SettingsStore } from '../store/settings';
import type { ClaimStore } from '../store/claims';
import type { WorkforceDirectoryStore } from '../store/directory';
import { emptyRecord, PHI_GUARD_PROPERTY, propertyOf, type Counts, type FailureRecord, type FieldRecord, type IssueRecord, type IssueRecordStore, type PendingField, type VendorRecord } from './record';

export type Detect = (text: string) => Finding[];
/** The detector for the app's settings, as enforcement uses it. */
export interface IssueDetector {
  /** `patient`: the issue is known to concern a patient (see DetectOptions). */
  detect(text: string, options?: DetectOptions): Finding[];
  mentionsPatient(text: string): boolean;
}

/** Another delivery of the same event is running: ask Forge to deliver this one again later. */
export class EventBusy extends Error {
  constructor(readonly eventKey: string) {
    super('another delivery of this event is being handled');
    this.name = 'EventBusy';
  }
}

/** Longest an event claim lives: one invocation (25 s) plus margin. */
export const CLAIM_TTL_SECONDS = 60;

/** Runs `work` holding the event's claim; throws EventBusy when another delivery holds it. */
export async function withClaim<T>(deps: EnforceDeps, eventKey: string, work: () => Promise<T>): Promise<T> {
  if (!(await deps.claims.claim(eventKey, CLAIM_TTL_SECONDS))) throw new EventBusy(eventKey);
  try {
    return await work();
  } finally {
    await deps.claims.release(eventKey).catch(() => undefined);
  }
}

export interface EnforceDeps {
  jira: JiraPort;
  records: IssueRecordStore;
  audit: AuditLog;
  settings: SettingsStore;
  capabilities: CapabilityCache;
  claims: ClaimStore;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  /** Epoch ms by which waiting (redaction status polls) must stop. */
  deadline: number;
  /** The workforce directory synced from Jira (optional: without it, only the admin's own list is used). */
  directory?: WorkforceDirectoryStore;
  /** Detector for the settings (default: cached createDetector(settings.detector) with the directory). */
  detectorFor?: (settings: AppSettings) => IssueDetector;
}

const detectorCache = new Map<string, IssueDetector>();
/** The synced directory's names, kept between invocations of a warm runtime (reloaded when its version changes). */
let directoryCache: { version: string; names: string[] } | undefined;

/**
 * The detector for the settings, with the workforce directory: the admin's `detector.workforceNames`
 * and, when `workforceDirectory` is on, the directory synced from Jira (src/store/directory.ts). A
 * directory that cannot be read is left out (the detector then flags staff names as before).
 */
export async function detectorFor(deps: EnforceDeps, settings: AppSettings): Promise<IssueDetector> {
  if (deps.detectorFor) return deps.detectorFor(settings);
  let synced: { version: string; names: string[] } | undefined;
  if (settings.workforceDirectory && deps.directory) {
    try {
      const meta = await deps.directory.meta();
      if (meta && directoryCache?.version === meta.version) synced = directoryCache;
      else if (meta) {
        const names = await deps.directory.names(meta);
        if (names) synced = directoryCache = { version: meta.version, names };
      }
    } catch {
      synced = undefined;
    }
  }
  const key = `${JSON.stringify(settings.detector)}|${synced?.version ?? ''}`;
  let d = detectorCache.get(key);
  if (!d) {
    if (detectorCache.size > 8) detectorCache.clear();
    const own = settings.detector.workforceNames ?? [];
    d = createDetector(synced ? { ...settings.detector, workforceNames: own.concat(synced.names) } : settings.detector);
    detectorCache.set(key, d);
  }
  return d;
}

/**
 * Has the issue had PHI in any field, or did its summary or description show a patient when last
 * scanned (a patient's issue: its other fields' and comments' people may be the patient's)?
 */
export function issueHadPhi(record: IssueRecord | null): boolean {
  return record !== null && (record.patient === true || Object.values(record.fields).some((f) => Object.keys(f.counts).length > 0));
}

export function countsOf(findings: readonly Finding[]): Counts {
  const counts: Counts = {};
  for (const f of findings) counts[f.type] = (counts[f.type] ?? 0) + 1;
  return counts;
}

export function describeCounts(counts: Counts): string {
  return (Object.entries(counts) as Array<[PhiType, number]>)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([t, n]) => `${t} ×${n}`)
    .join(', ');
}

/** Reporter or actor: internal, one vendor company, or a conflict (JSM organizations looked up only when needed). */
export async function classifyAccount(jira: JiraPort, settings: AppSettings, accountId: string): Promise<Classification | { kind: 'unknown-user' }> {
  const user = await jira.getUser(accountId);
  if (!user) return { kind: 'unknown-user' };
  const facts = { accountId, email: user.email, groups: user.groups, organizations: null };
  const first = classifyReporter(settings, facts);
  if (first.kind !== 'needs-organizations') return first;
  return classifyReporter(settings, { ...facts, organizations: await jira.getUserOrganizations(accountId) });
}

/** What one event changes in an issue's record. */
export interface RecordChanges {
  fields?: Record<string, FieldRecord>;
  failures?: FailureRecord[];
  /** Failures of these `step:target` pairs are resolved (the step succeeded now). */
  resolved?: string[];
  vendor?: VendorRecord;
  approval?: { by: string; at: string };
  notes?: string[];
  /** Fields that were flagged and no longer hold PHI (someone removed it). */
  removeFields?: string[];
  /** Whether the summary or description shows a patient (see IssueRecord.patient). */
  patient?: boolean;
}

const failureKey = (f: FailureRecord) => `${f.step}:${f.target ?? ''}`;

export function applyChanges(current: IssueRecord, changes: RecordChanges, eventKey: string | null, at: string): IssueRecord {
  const next: IssueRecord = { ...current, fields: { ...current.fields, ...(changes.fields ?? {}) }, updatedAt: at };
  const resolved = new Set([...(changes.resolved ?? []), ...(changes.failures ?? []).map(failureKey)]);
  next.failures = [...current.failures.filter((f) => !resolved.has(failureKey(f))), ...(changes.failures ?? [])].slice(-50);
  if (changes.vendor) next.vendor = changes.vendor;
  if (changes.approval) next.approval = changes.approval;
  if (changes.notes) next.notes = [...new Set([...current.notes, ...changes.notes])];
  if (changes.patient !== undefined) {
    if (changes.patient) next.patient = true;
    else delete next.patient;
  }
  for (const f of changes.removeFields ?? []) delete next.fields[f];
  if (eventKey !== null) {
    next.events = [...current.events.filter((e) => e !== eventKey), eventKey].slice(-100);
    if (current.pending?.[eventKey]) {
      const { [eventKey]: _done, ...rest } = current.pending;
      if (Object.keys(rest).length > 0) next.pending = rest;
      else delete next.pending;
    }
  }
  return next;
}

export interface IssueRef {
  issueId: string;
  issueKey: string;
  projectKey: string;
}

/**
 * Records an event's outcome: audit entries first (idempotent), then the issue property (when it
 * changes), then the record, which marks the event done last so that a retry after any failure
 * redoes the missing parts and a duplicate after success is skipped.
 */
export async function commitOutcome(
  deps: EnforceDeps,
  ref: IssueRef,
  before: IssueRecord | null,
  changes: RecordChanges,
  entries: AuditFields[],
  eventKey: string | null,
): Promise<IssueRecord> {
  const at = deps.now().toISOString();
  await deps.audit.appendAll(entries);
  // the property is written from the latest record (another event on this issue may have landed meanwhile)
  const latest = await deps.records.get(ref.issueId);
  const base = latest ?? before ?? emptyRecord(ref.issueId, ref.issueKey, ref.projectKey, at);
  const preview = applyChanges(base, changes, eventKey, at);
  const { scannedAt: _a, ...was } = propertyOf(base);
  const { scannedAt: _b, ...now } = propertyOf(preview);
  if (latest === null || latest.propertyStale === true || JSON.stringify(was) !== JSON.stringify(now)) await deps.jira.setIssueProperty(ref.issueId, PHI_GUARD_PROPERTY, propertyOf(preview));
  return deps.records.update(ref.issueId, (cur) => {
    const next = applyChanges(cur ?? emptyRecord(ref.issueId, ref.issueKey, ref.projectKey, at), changes, eventKey, at);
    delete next.propertyStale;
    return next;
  });
}

/** Remembers an event's findings before acting on them, so a retry can record what the first attempt did. */
export async function markPending(deps: EnforceDeps, ref: IssueRef, eventKey: string, fields: Record<string, PendingField>): Promise<void> {
  const at = deps.now().toISOString();
  await deps.records.update(ref.issueId, (cur) => ({
    ...(cur ?? emptyRecord(ref.issueId, ref.issueKey, ref.projectKey, at)),
    pending: { ...(cur?.pending ?? {}), [eventKey]: { ...(cur?.pending?.[eventKey] ?? {}), ...fields } },
  }));
}

/**
 * What an event's earlier attempts already redacted (pending fields with a method): field records
 * and `phi.redacted` entries, so that neither a retry nor the final failure record loses them.
 */
export function completedRedactions(before: IssueRecord | null, eventKey: string, at: string, actor: string, ref: IssueRef, skip: (target: string) => boolean = () => false) {
  const fields: Record<string, FieldRecord> = {};
  const entries: AuditFields[] = [];
  for (const [target, p] of Object.entries(before?.pending?.[eventKey] ?? {})) {
    if (!p.method || skip(target)) continue;
    fields[target] = { counts: p.counts, action: p.method === 'in-place' ? 'redacted-in-place' : 'redacted', at };
    entries.push({
      at, actor, issueId: ref.issueId, issueKey: ref.issueKey, action: 'phi.redacted', target, counts: p.counts, outcome: 'ok',
      detail: p.method === 'api' ? 'redaction API; history purged' : 'in-place edit; Jira history still holds the original',
      idem: `${eventKey}:redact:${target}`,
    });
  }
  return { fields, entries };
}
