/**
 * Forge product-event payloads built from the Jira emulator's domain events.
 *
 * Shapes follow Atlassian's Jira events reference
 * (https://developer.atlassian.com/platform/forge/events-reference/jira/):
 *
 * - `avi:jira:created:issue`: `{ eventType, issue, atlassianId?, associatedUsers? }`;
 * - `avi:jira:updated:issue`: the same plus `changelog` (`{ id, items: [{ field, fieldtype, fieldId,
 *   from, fromString, to, toString }] }`) and `associatedStatuses?` (only when the status changed);
 * - `avi:jira:commented:issue` (a comment was created OR edited): `{ eventType, issue, atlassianId?,
 *   associatedUsers?, comment }`.
 *
 * `issue` is the documented reduced form `{ id, key, fields: { summary, issuetype, creator, created,
 * project, reporter, assignee, updated, status } }` with users as `{ accountId }` — NOT the full issue
 * (no description, no comments): the app has to read what it scans through the REST API, as in
 * Forge. `comment` is `{ id, author, body, updateAuthor, created, updated, jsdPublic }` (body in ADF;
 * the fields seen in live event bodies; no `visibility`). `associatedUsers` is sent as an array of
 * `{ accountId }`. `selfGenerated` (true when the app caused the event) and `timestamp` (epoch ms as
 * a string) are included as observed on live events; they are not in the type reference.
 */
import type { EmuEvent } from './emulator';

export const FORGE_EVENT = {
  issueCreated: 'avi:jira:created:issue',
  issueUpdated: 'avi:jira:updated:issue',
  issueCommented: 'avi:jira:commented:issue',
} as const;

export type ForgeEventType = (typeof FORGE_EVENT)[keyof typeof FORGE_EVENT];

/** The Forge event an emulator event becomes. */
export function forgeEventType(e: EmuEvent): ForgeEventType {
  switch (e.type) {
    case 'issue_created':
      return FORGE_EVENT.issueCreated;
    case 'issue_updated':
      return FORGE_EVENT.issueUpdated;
    case 'comment_created':
    case 'comment_updated':
      return FORGE_EVENT.issueCommented;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function userRef(u: unknown): { accountId: string } | null {
  return isRecord(u) && typeof u.accountId === 'string' ? { accountId: u.accountId } : null;
}

const ISSUE_FIELDS = ['summary', 'issuetype', 'creator', 'created', 'project', 'reporter', 'assignee', 'updated', 'status'] as const;
const USER_FIELDS = new Set(['creator', 'reporter', 'assignee']);

export function eventIssue(issue: Record<string, unknown>): Record<string, unknown> {
  const src = isRecord(issue.fields) ? issue.fields : {};
  const fields: Record<string, unknown> = {};
  for (const f of ISSUE_FIELDS) {
    if (!(f in src)) continue;
    fields[f] = USER_FIELDS.has(f) ? userRef(src[f]) : structuredClone(src[f]);
  }
  return { id: String(issue.id), key: String(issue.key), fields };
}

function eventComment(comment: Record<string, unknown>): Record<string, unknown> {
  return {
    id: String(comment.id),
    author: userRef(comment.author),
    body: structuredClone(comment.body),
    updateAuthor: userRef(comment.updateAuthor),
    created: comment.created,
    updated: comment.updated,
    ...(typeof comment.jsdPublic === 'boolean' ? { jsdPublic: comment.jsdPublic } : {}),
  };
}

/** The Forge payload for an emulator event. */
export function forgeEventPayload(e: EmuEvent, now = Date.now()): Record<string, unknown> {
  const base = {
    eventType: forgeEventType(e),
    selfGenerated: e.actor.kind === 'app',
    issue: eventIssue(e.issue),
    atlassianId: e.atlassianId,
    timestamp: String(now),
  };
  switch (e.type) {
    case 'issue_created':
      return { ...base, associatedUsers: [{ accountId: e.atlassianId }] };
    case 'issue_updated': {
      const users = new Set<string>([e.atlassianId]);
      for (const item of e.changelog.items) {
        if (item.fieldId === 'assignee' || item.field === 'assignee') {
          if (item.from) users.add(item.from);
          if (item.to) users.add(item.to);
        }
      }
      const status = e.changelog.items.find((i) => i.fieldId === 'status' || i.field === 'status');
      return {
        ...base,
        changelog: { id: e.changelog.id, items: e.changelog.items.map((i) => ({ ...i })) },
        associatedUsers: [...users].map((accountId) => ({ accountId })),
        ...(status
          ? {
              associatedStatuses: [
                { id: status.to, name: status.toString },
                { id: status.from, name: status.fromString },
              ],
            }
          : {}),
      };
    }
    case 'comment_created':
    case 'comment_updated':
      return { ...base, associatedUsers: [{ accountId: e.atlassianId }], comment: eventComment(e.comment) };
  }
}
