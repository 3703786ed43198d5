/**
 * Use case: an issue was created or updated. Scan the summary and description (those the change
 * touched), flag or redact per the project's mode, lock a vendor's new ticket to its company's
 * security level, log a vendor moving a ticket to a done status, and record everything (audit log,
 * `phi-guard` property, issue record). Idempotent: a duplicate delivery of a handled event is
 * skipped; a retry after a partial failure completes what is missing, with one audit entry per action.
 */
import type { AuditFields } from '../audit/chain';
import { adfToScanText, parseAdf, type AdfDoc } from '../phi/adf';
import { JiraError, type IssueSnapshot } from '../jira/port';
import { projectPolicy, type AppSettings } from '../policy/settings';
import { classifyAccount, commitOutcome, completedRedactions, countsOf, describeCounts, detectorFor, issueHadPhi, markPending, withClaim, type EnforceDeps, type IssueRef, type RecordChanges } from './deps';
import type { FailureRecord, IssueRecord, VendorRecord } from './record';
import { redactTargets, type RedactTarget } from './redaction';

export interface IssueEventInput {
  kind: 'created' | 'updated';
  issueId: string;
  /** Unique per event: `created:<issueId>` or `updated:<issueId>:<changelogId>`. */
  eventKey: string;
  /** Who caused the event (the platform's `atlassianId`). */
  actorId: string | null;
  /** Changelog field ids of an update (null: scan everything). */
  changedFields: string[] | null;
}

export type EventOutcome =
  | { status: 'duplicate' }
  | { status: 'gone' }
  | { status: 'done'; record: IssueRecord };

const SCANNED = ['summary', 'description'] as const;

export async function handleIssueEvent(deps: EnforceDeps, ev: IssueEventInput): Promise<EventOutcome> {
  const before = await deps.records.get(ev.issueId);
  if (before?.events.includes(ev.eventKey)) return { status: 'duplicate' };
  return withClaim(deps, ev.eventKey, () => handleIssueEventClaimed(deps, ev));
}

async function handleIssueEventClaimed(deps: EnforceDeps, ev: IssueEventInput): Promise<EventOutcome> {
  const before = await deps.records.get(ev.issueId);
  if (before?.events.includes(ev.eventKey)) return { status: 'duplicate' };
  const issue = await deps.jira.getIssue(ev.issueId);
  if (!issue) return { status: 'gone' };
  const { settings, problem } = await deps.settings.load();
  const ref: IssueRef = { issueId: issue.id, issueKey: issue.key, projectKey: issue.projectKey };
  const at = deps.now().toISOString();
  const actor = ev.actorId ?? 'unknown';
  const changes: RecordChanges = { fields: {}, failures: [], resolved: [] };
  const entries: AuditFields[] = [];
  const entry = (e: Omit<AuditFields, 'at' | 'actor' | 'issueId' | 'issueKey'>) => entries.push({ at, actor, issueId: issue.id, issueKey: issue.key, ...e });
  if (problem) changes.failures!.push({ at, step: 'settings', reason: problem });

  // lock a vendor's ticket to its company first: the shorter the window, the better
  if (ev.kind === 'created' && projectPolicy(settings, issue.projectKey).vendorRules) {
    const vendor = await applyVendorLevel(deps, issue, settings, at);
    if (vendor) {
      changes.vendor = vendor.record;
      if (vendor.failure) changes.failures!.push(vendor.failure);
      else changes.resolved!.push('security:', 'classify:');
      entry(vendor.audit(ev.eventKey));
    }
  }

  await scanAndHandle(deps, ev, issue, settings, before, ref, changes, entry);


  if (ev.kind === 'updated' && ev.changedFields?.includes('status') && issue.status?.category === 'done' && ev.actorId) {
    try {
      const who = await classifyAccount(deps.jira, settings, ev.actorId);
      if (who.kind === 'vendor' || who.kind === 'conflict') {
        const name = who.kind === 'vendor' ? who.company.name : who.companies.map((c) => c.name).join(' / ');
        entry({ action: 'vendor.done-transition', outcome: 'ok', detail: `${name} moved it to ${issue.status.name}`, idem: `${ev.eventKey}:done` });
      }
    } catch (e) {
      if (!(e instanceof JiraError) || e.retryable) throw e;
      const reason = `could not tell whether a vendor moved it to ${issue.status.name} (${e.message})`;
      changes.failures!.push({ at: deps.now().toISOString(), step: 'transition', reason });
      entry({ action: 'vendor.done-transition', outcome: 'failed', detail: reason, idem: `${ev.eventKey}:done` });
    }
  }

  const record = await commitOutcome(deps, ref, before, changes, entries, ev.eventKey);
  return { status: 'done', record };
}

type Entry = (e: Omit<AuditFields, 'at' | 'actor' | 'issueId' | 'issueKey'>) => void;

async function scanAndHandle(
  deps: EnforceDeps,
  ev: IssueEventInput,
  issue: IssueSnapshot,
  settings: AppSettings,
  before: IssueRecord | null,
  ref: IssueRef,
  changes: RecordChanges,
  entry: Entry,
): Promise<void> {
  const mode = projectPolicy(settings, issue.projectKey).mode;
  if (mode === 'off') return;
  const at = deps.now().toISOString();
  const detector = await detectorFor(deps, settings);
  // The issue's fields are one ticket: a patient in any of them (or PHI found in it before) makes
  // the people in the others possible patients too, not an IT ticket's staff.
  const description = issue.description === null || issue.description === undefined ? null : parseAdf(issue.description);
  const shown = detector.mentionsPatient(issue.summary) || (description !== null && description.ok && detector.mentionsPatient(adfToScanText(description.doc).text));
  // (remembered on the record for the comment events, which do not read the issue)
  if (shown !== (before?.patient === true)) changes.patient = shown;
  const patient = shown || issueHadPhi(before);
  const detect = (text: string) => detector.detect(text, { patient });
  const targets: RedactTarget[] = [];
  const scanned: string[] = [];
  for (const field of SCANNED) {
    if (ev.changedFields !== null && !ev.changedFields.includes(field)) continue;
    scanned.push(field);
    if (field === 'summary') {
      const findings = detect(issue.summary);
      if (findings.length > 0) targets.push({ target: 'summary', content: issue.summary, findings });
      continue;
    }
    if (description === null) continue;
    const parsed = description;
    if (!parsed.ok) {
      changes.failures!.push({ at, step: 'scan', target: 'description', reason: 'description is not valid ADF (Atlassian Document Format); not scanned' });
      entry({ action: 'phi.redaction-failed', target: 'description', outcome: 'failed', detail: 'invalid ADF, not scanned', idem: `${ev.eventKey}:scan:description` });
      continue;
    }
    const findings = detect(adfToScanText(parsed.doc).text);
    if (findings.length > 0) targets.push({ target: 'description', content: parsed.doc as AdfDoc, findings });
  }
  await handleFindings(deps, { ...ref, eventKey: ev.eventKey, scanned, mode, keepLast4: settings.keepLast4, detect, before }, targets, changes, entry);
}

export interface FindingsContext extends IssueRef {
  eventKey: string;
  /** Targets scanned in this event (with or without findings). */
  scanned: string[];
  mode: 'flag' | 'redact';
  keepLast4: boolean;
  detect: (text: string) => import('../phi/types').Finding[];
  before: IssueRecord | null;
}

/** Flags or redacts `targets`, and records what happened to each (shared with comment events). */
export async function handleFindings(deps: EnforceDeps, ctx: FindingsContext, targets: RedactTarget[], changes: RecordChanges, entry: Entry): Promise<void> {
  const at = deps.now().toISOString();
  // A retry after the first attempt redacted: the text is clean now, the pending record says what was there.
  const earlier = completedRedactions(ctx.before, ctx.eventKey, at, 'app', ctx, (t) => targets.some((x) => x.target === t));
  Object.assign(changes.fields!, earlier.fields);
  for (const target of Object.keys(earlier.fields)) changes.resolved!.push(`redact:${target}`);
  for (const { at: _at, actor: _actor, issueId: _i, issueKey: _k, ...e } of earlier.entries) entry({ ...e, detail: `${e.detail ?? ''} (completed on retry)` });
  // Scanned and clean now: a field that was only flagged (or failed to redact) no longer holds PHI.
  for (const target of ctx.scanned) {
    if (targets.some((t) => t.target === target) || earlier.fields[target]) continue;
    const was = ctx.before?.fields[target]?.action;
    if (was === 'flagged' || was === 'redaction-failed') {
      (changes.removeFields ??= []).push(target);
      changes.resolved!.push(`redact:${target}`);
      entry({ action: 'phi.cleared', target, outcome: 'ok', detail: 'no PHI found any more (edited by a user)', idem: `${ctx.eventKey}:clear:${target}` });
    }
  }
  if (targets.length === 0) return;
  if (ctx.mode === 'flag') {
    for (const t of targets) {
      const counts = countsOf(t.findings);
      changes.fields![t.target] = { counts, action: 'flagged', at };
      entry({ action: 'phi.flagged', target: t.target, counts, outcome: 'ok', detail: describeCounts(counts), idem: `${ctx.eventKey}:flag:${t.target}` });
    }
    return;
  }
  await markPending(deps, ctx, ctx.eventKey, Object.fromEntries(targets.map((t) => [t.target, { counts: countsOf(t.findings) }])));
  const results = await redactTargets(deps, ctx.issueId, targets, ctx.detect, ctx.keepLast4);
  const done = targets.flatMap((t) => {
    const r = results.get(t.target);
    return r?.ok ? [[t.target, { counts: countsOf(t.findings), method: r.method }] as const] : [];
  });
  if (done.length > 0) await markPending(deps, ctx, ctx.eventKey, Object.fromEntries(done));
  for (const t of targets) {
    const counts = countsOf(t.findings);
    const r = results.get(t.target) ?? { ok: false as const, reason: 'not redacted' };
    if (r.ok) {
      changes.fields![t.target] = { counts, action: r.method === 'api' ? 'redacted' : 'redacted-in-place', at };
      changes.resolved!.push(`redact:${t.target}`);
      entry({
        action: 'phi.redacted',
        target: t.target,
        counts,
        outcome: 'ok',
        detail: r.method === 'api' ? 'redaction API; history purged' : 'in-place edit; Jira history still holds the original',
        idem: `${ctx.eventKey}:redact:${t.target}`,
      });
    } else {
      changes.fields![t.target] = { counts, action: 'redaction-failed', at };
      changes.failures!.push({ at, step: 'redact', target: t.target, reason: r.reason });
      entry({ action: 'phi.redaction-failed', target: t.target, counts, outcome: 'failed', detail: r.reason, idem: `${ctx.eventKey}:redact:${t.target}` });
    }
  }
}

interface VendorOutcome {
  record: VendorRecord;
  failure?: FailureRecord;
  audit(eventKey: string): Omit<AuditFields, 'at' | 'actor' | 'issueId' | 'issueKey'>;
}

/** Sets the reporter's company level on a new ticket; every way this can fail is recorded, never silent. */
async function applyVendorLevel(deps: EnforceDeps, issue: IssueSnapshot, settings: AppSettings, at: string): Promise<VendorOutcome | null> {
  if (!issue.reporterId) return null;
  let who: Awaited<ReturnType<typeof classifyAccount>>;
  try {
    who = await classifyAccount(deps.jira, settings, issue.reporterId);
  } catch (e) {
    if (!(e instanceof JiraError) || e.retryable) throw e;
    const reason = `could not classify the reporter (${e.message}); no security level set`;
    return { record: { status: 'failed', reason, at }, failure: { at, step: 'classify', reason }, audit: (k) => ({ action: 'vendor.classification-failed', outcome: 'failed', detail: reason, idem: `${k}:security` }) };
  }
  const failed = (reason: string, record: Partial<VendorRecord> = {}): VendorOutcome => ({
    record: { status: 'failed', reason, at, ...record },
    failure: { at, step: record.companyId ? 'security' : 'classify', reason },
    audit: (k) => ({ action: record.companyId ? 'security.level-failed' : 'vendor.classification-failed', outcome: 'failed', detail: reason, idem: `${k}:security` }),
  });
  if (who.kind === 'unknown-user') return failed('reporter account not found; cannot tell whether this is a vendor ticket');
  if (who.kind === 'conflict') return failed(`reporter belongs to ${who.companies.length} vendor companies (${who.companies.map((c) => c.name).join(', ')}); no level chosen`);
  if (who.kind === 'internal' && who.emailHidden)
    return failed("the reporter's email address is hidden by their profile settings, so the vendor email-domain rules could not be checked; classify vendors by group or JSM organization");
  if (who.kind !== 'vendor') return null;
  const company = who.company;
  const base = { companyId: company.id, companyName: company.name, levelId: company.securityLevelId };
  const applied = (detail: string): VendorOutcome => ({
    record: { status: 'applied', at, ...base },
    audit: (k) => ({ action: 'security.level-set', outcome: 'ok', detail, idem: `${k}:security` }),
  });
  if (issue.securityLevelId === company.securityLevelId) return applied(`${company.name} level ${company.securityLevelId} (already set)`);
  if (issue.securityLevelId !== null)
    return {
      record: { status: 'already-set', at, ...base, levelId: issue.securityLevelId, reason: `ticket already had level ${issue.securityLevelId}; left as is` },
      audit: (k) => ({ action: 'security.level-set', outcome: 'ok', detail: `kept existing level ${issue.securityLevelId} (company level ${company.securityLevelId})`, idem: `${k}:security` }),
    };
  try {
    await deps.jira.editIssue(issue.id, { security: { id: company.securityLevelId } });
    return applied(`${company.name} level ${company.securityLevelId}`);
  } catch (e) {
    if (!(e instanceof JiraError) || e.retryable) throw e;
    if (e.status === 400 && e.fieldErrors.includes('security'))
      return failed(
        `Jira refused level ${company.securityLevelId} (${company.name}) on ${issue.projectKey}: it is not in the project's issue security scheme, or the Security Level field is not on the project's edit screen`,
        base,
      );
    if (e.status === 403 || (e.status === 400 && e.fieldErrors.length === 0))
      return failed(`PHI Guard may not set the security level on ${issue.projectKey} (Jira answered ${e.status}); grant the app "Set Issue Security"`, base);
    return failed(`Jira refused the security level (${e.message})`, base);
  }
}
