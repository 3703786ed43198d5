/**
 * The Forge adapters behind the enforcement use cases, and the policy for failures: a Jira 429/5xx
 * (after in-invocation backoff) asks Forge for a retry with an InvocationError; after the last
 * retry, or on any other error, the failure is recorded (issue record, property, audit log) —
 * never dropped.
 */
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { AuditLog } from '../audit/log';
import { applyChanges, commitOutcome, completedRedactions, EventBusy, type EnforceDeps, type IssueRef } from '../enforce/deps';
import { emptyRecord } from '../enforce/record';
import { AuditBusy } from '../audit/log';
import { JiraError } from '../jira/port';
import { forgeJira } from '../jira/forge';
import { kvsAuditStore } from '../store/audit-kvs';
import { kvsIssueRecords } from '../store/issue-records';
import { kvsCapabilities, kvsSettings } from '../store/settings';
import { kvsClaims } from '../store/claims';
import { kvsDirectory } from '../store/directory';

/** Forge retries a product-event trigger at most this many times. */
export const MAX_EVENT_RETRIES = 4;
/** Time for Jira calls and waits within Forge's 25 s invocation limit (the rest is for recording). */
export const JIRA_BUDGET_MS = 18_000;
/** Audit appends stop retrying under contention after this (then the event is retried later). */
export const STORAGE_BUDGET_MS = 22_000;

export function forgeDeps(startedAt = Date.now()): EnforceDeps {
  const deadline = startedAt + JIRA_BUDGET_MS;
  return {
    jira: forgeJira({ deadline }),
    records: kvsIssueRecords(),
    audit: new AuditLog(kvsAuditStore(), undefined, { deadline: startedAt + STORAGE_BUDGET_MS }),
    settings: kvsSettings(),
    capabilities: kvsCapabilities(),
    claims: kvsClaims(),
    directory: kvsDirectory(),
    now: () => new Date(),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    deadline,
  };
}

function safeReason(e: unknown): string {
  if (e instanceof JiraError) return e.message;
  // other errors: only the class name; a message might quote content
  return `internal error (${e instanceof Error ? e.name : typeof e})`;
}

async function recordFailure(deps: EnforceDeps, ref: IssueRef, eventKey: string, actorId: string | null, reason: string): Promise<void> {
  const at = deps.now().toISOString();
  const before = await deps.records.get(ref.issueId);
  // what earlier attempts of this event already redacted is recorded too, never lost
  const earlier = completedRedactions(before, eventKey, at, 'app', ref);
  const entry = { at, actor: actorId ?? 'unknown', action: 'enforcement.failed' as const, issueId: ref.issueId, issueKey: ref.issueKey, outcome: 'failed' as const, detail: reason, idem: `${eventKey}:failed` };
  const changes = { fields: earlier.fields, failures: [{ at, step: 'event', reason }] };
  try {
    await commitOutcome(deps, ref, before, changes, [...earlier.entries, entry], eventKey);
  } catch {
    // Jira is still failing: the property cannot be written now, but the log and the record must be;
    // the next event on this issue rewrites the property.
    await deps.audit.appendAll([...earlier.entries, entry]);
    await deps.records.update(ref.issueId, (cur) => ({
      ...applyChanges(cur ?? emptyRecord(ref.issueId, ref.issueKey, ref.projectKey, at), { ...changes, failures: [{ at, step: 'event', reason: `${reason}; the issue property could not be updated` }] }, eventKey, at),
      propertyStale: true,
    }));
  }
}

/** Runs one event's use case with the retry/failure policy above. */
export async function runEvent(
  ref: IssueRef & { eventKey: string; actorId: string | null; retryCount: number },
  work: (deps: EnforceDeps) => Promise<unknown>,
  deps: EnforceDeps = forgeDeps(),
): Promise<InvocationError | void> {
  try {
    await work(deps);
  } catch (e) {
    if (e instanceof EventBusy) {
      // the other delivery will have finished by then; this one then finds the event done
      if (ref.retryCount < MAX_EVENT_RETRIES) return new InvocationError({ retryAfter: 30, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
      return; // the delivery holding the claim records the outcome
    }
    if (e instanceof AuditBusy && ref.retryCount < MAX_EVENT_RETRIES) {
      return new InvocationError({ retryAfter: 10 + Math.floor(Math.random() * 20), retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
    }
    if (e instanceof JiraError && e.retryable && ref.retryCount < MAX_EVENT_RETRIES) {
      return new InvocationError({
        retryAfter: Math.min(900, Math.max(1, Math.ceil((e.retryAfterMs ?? 5_000 * 2 ** ref.retryCount) / 1000))),
        retryReason: e.status === 429 ? InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED : InvocationErrorCode.FUNCTION_RETRY_REQUEST,
      });
    }
    const reason = e instanceof JiraError && e.retryable ? `gave up after ${MAX_EVENT_RETRIES} retries: ${safeReason(e)}` : safeReason(e);
    console.error(`PHI Guard: enforcement failed for issue ${ref.issueId}: ${reason}`);
    try {
      await recordFailure(deps, ref, ref.eventKey, ref.actorId, reason);
    } catch (e2) {
      // storage itself is failing: nothing more can be recorded here; Forge's logs keep this line
      console.error(`PHI Guard: could not record the failure for issue ${ref.issueId}: ${safeReason(e2)}`);
    }
  }
}
