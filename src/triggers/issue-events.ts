/**
 * Product-event triggers (manifest: `filter.ignoreSelf: true`, so the app's own edits never
 * re-trigger it). Thin: parse the event, run the use case under the retry/failure policy.
 */
import type { InvocationError } from '@forge/events';
import { handleCommentEvent } from '../enforce/comment-event';
import { handleIssueEvent } from '../enforce/issue-event';
import { EVENT, parseBase, parseCommented, parseUpdated } from './events';
import { runEvent } from './wiring';

/** `avi:jira:created:issue` → `index.onIssueCreated`. */
export async function onIssueCreated(event: unknown): Promise<InvocationError | void> {
  const e = parseBase(event, EVENT.created);
  const eventKey = `created:${e.issueId}`;
  return runEvent({ ...e, eventKey }, (deps) =>
    handleIssueEvent(deps, { kind: 'created', issueId: e.issueId, eventKey, actorId: e.actorId, changedFields: null }),
  );
}

/** `avi:jira:updated:issue` → `index.onIssueUpdated`. */
export async function onIssueUpdated(event: unknown): Promise<InvocationError | void> {
  const e = parseUpdated(event);
  const eventKey = `updated:${e.issueId}:${e.changelogId}`;
  return runEvent({ ...e, eventKey }, (deps) =>
    handleIssueEvent(deps, { kind: 'updated', issueId: e.issueId, eventKey, actorId: e.actorId, changedFields: e.changedFields }),
  );
}

/** `avi:jira:commented:issue` (comment created or edited) → `index.onIssueCommented`. */
export async function onIssueCommented(event: unknown): Promise<InvocationError | void> {
  const e = parseCommented(event);
  const eventKey = `comment:${e.commentId}:${e.commentVersion}`;
  return runEvent({ ...e, eventKey }, (deps) => handleCommentEvent(deps, { ...e, eventKey }));
}
