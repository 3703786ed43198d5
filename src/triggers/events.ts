/**
 * Parsing the Forge product events PHI Guard subscribes to. Only ids are taken from the payload
 * (the app reads content through the REST API); errors name what is wrong, never field values.
 */
export const EVENT = {
  created: 'avi:jira:created:issue',
  updated: 'avi:jira:updated:issue',
  commented: 'avi:jira:commented:issue',
} as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const id = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : null);

export class EventShapeError extends TypeError {
  constructor(what: string) {
    super(`PHI Guard: unexpected event payload: ${what}`);
    this.name = 'EventShapeError';
  }
}

export interface ParsedIssueEvent {
  eventType: string;
  issueId: string;
  issueKey: string;
  projectKey: string;
  projectTypeKey: string;
  actorId: string | null;
  retryCount: number;
}

export function parseBase(event: unknown, expected: string): ParsedIssueEvent {
  if (!isRecord(event)) throw new EventShapeError('event is not an object');
  if (event.eventType !== undefined && event.eventType !== expected) throw new EventShapeError(`eventType is not ${expected}`);
  const issue = event.issue;
  if (!isRecord(issue)) throw new EventShapeError('issue is missing');
  const issueId = id(issue.id);
  const issueKey = id(issue.key);
  if (!issueId || !issueKey) throw new EventShapeError('issue.id or issue.key is missing');
  const fields = isRecord(issue.fields) ? issue.fields : {};
  const project = isRecord(fields.project) ? fields.project : {};
  const retry = isRecord(event.retryContext) ? event.retryContext : {};
  return {
    eventType: expected,
    issueId,
    issueKey,
    projectKey: id(project.key) ?? issueKey.replace(/-\d+$/, ''),
    projectTypeKey: id(project.projectTypeKey) ?? '',
    actorId: id(event.atlassianId),
    retryCount: typeof retry.retryCount === 'number' ? retry.retryCount : 0,
  };
}

export function parseUpdated(event: unknown): ParsedIssueEvent & { changelogId: string; changedFields: string[] } {
  const base = parseBase(event, EVENT.updated);
  const changelog = isRecord(event) && isRecord(event.changelog) ? event.changelog : null;
  if (!changelog) throw new EventShapeError('changelog is missing');
  const items = Array.isArray(changelog.items) ? changelog.items : [];
  const changedFields = items.flatMap((i) => (isRecord(i) ? [id(i.fieldId) ?? id(i.field) ?? ''] : [])).filter((f) => f !== '');
  return { ...base, changelogId: id(changelog.id) ?? `t${id((event as Record<string, unknown>).timestamp) ?? '0'}`, changedFields };
}

export function parseCommented(event: unknown): ParsedIssueEvent & { commentId: string; commentVersion: string } {
  const base = parseBase(event, EVENT.commented);
  const comment = isRecord(event) && isRecord(event.comment) ? event.comment : null;
  const commentId = comment ? id(comment.id) : null;
  if (!comment || !commentId) throw new EventShapeError('comment.id is missing');
  const version = id(comment.updated) ?? id(comment.created) ?? '0';
  return { ...base, commentId, commentVersion: version.replace(/[^A-Za-z0-9]/g, '') };
}
