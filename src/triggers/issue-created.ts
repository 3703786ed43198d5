/**
 * Forge product-event trigger for `avi:jira:created:issue` (manifest: trigger
 * `phi-guard-issue-created` → function `on-issue-created` → handler `index.onIssueCreated`;
 * `filter.ignoreSelf: true`, so the app's own edits never re-trigger it).
 *
 * Status: this is the entry point only. It checks that the event has the shape the app relies on
 * (an issue with a string id and key) and rejects anything else, so a malformed or unexpected
 * event shows up as an error in `forge logs` instead of being silently ignored. Scanning the new
 * issue for PHI and acting on the project's mode (flag / redact) is the enforcement issue's work;
 * it will build on `parseIssueCreatedEvent`.
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

/** Forge function handler `index.onIssueCreated`. */
export async function onIssueCreated(event: unknown, _context?: unknown): Promise<void> {
  parseIssueCreatedEvent(event);
}
