/**
 * Forge product-event trigger for `avi:jira:created:issue` (manifest: trigger
 * `phi-guard-issue-created` → function `on-issue-created` → handler `index.onIssueCreated`;
 * `filter.ignoreSelf: true`, so the app's own edits never re-trigger it).
 *
 * Thin: checks the event's shape, then runs the scan use case, which records the outcome on the
 * issue as the `phi-guard` property (flag mode). Redaction, vendor security levels and the audit
 * log come with the enforcement work. A Jira 429/5xx asks Forge for a retry (InvocationError).
 */

export const ISSUE_CREATED_EVENT = 'avi:jira:created:issue';

/** The part of the `avi:jira:created:issue` payload PHI Guard relies on. */
export interface IssueCreatedEvent {
  eventType: typeof ISSUE_CREATED_EVENT;
  issue: {
    id: string;
    key: string;
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Returns the event's issue id and key, or throws a TypeError naming what is wrong. The error
 * message never includes field values (an issue payload can hold PHI).
 */
export function parseIssueCreatedEvent(event: unknown): IssueCreatedEvent {
  if (!isRecord(event)) {
    throw new TypeError('issue-created trigger: event is not an object');
  }
  if (event.eventType !== undefined && event.eventType !== ISSUE_CREATED_EVENT) {
    throw new TypeError(`issue-created trigger: unexpected eventType (expected ${ISSUE_CREATED_EVENT})`);
  }
  const issue = event.issue;
  if (!isRecord(issue)) {
    throw new TypeError('issue-created trigger: event.issue is missing or not an object');
  }
  if (typeof issue.id !== 'string' || issue.id.length === 0) {
    throw new TypeError('issue-created trigger: event.issue.id is missing or not a non-empty string');
  }
  if (typeof issue.key !== 'string' || issue.key.length === 0) {
    throw new TypeError('issue-created trigger: event.issue.key is missing or not a non-empty string');
  }
  return { eventType: ISSUE_CREATED_EVENT, issue: { id: issue.id, key: issue.key } };
}

import { InvocationError, InvocationErrorCode } from '@forge/events';
import { detect } from '../phi/detect';
import { forgeJira } from '../jira/forge';
import { JiraError } from '../jira/port';
import { scanIssue } from '../enforce/scan-issue';

/** Forge function handler `index.onIssueCreated`. */
export async function onIssueCreated(event: unknown, _context?: unknown): Promise<InvocationError | void> {
  const { issue } = parseIssueCreatedEvent(event);
  try {
    await scanIssue({ jira: forgeJira(), detect }, issue.id);
  } catch (e) {
    if (e instanceof JiraError && e.retryable) {
      return new InvocationError({
        retryAfter: Math.max(1, Math.ceil((e.retryAfterMs ?? 5000) / 1000)),
        retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
      });
    }
    throw e;
  }
}
