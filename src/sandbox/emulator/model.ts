/**
 * State mutations shared by the route handlers and the seed: creating issues and comments and
 * editing issues (which records the changelog, the way Jira does).
 */
import { adfToText } from './adf';
import { securityLevel } from './access';
import type { AdfDoc, EmuChangeItem, EmuChangelog, EmuComment, EmuIssue, EmuProject, EmuState, EmuVisibility } from './types';

export interface NewIssue {
  project: EmuProject;
  issueTypeId: string;
  summary: string;
  description: AdfDoc | null;
  reporterId: string | null;
  creatorId: string;
  assigneeId?: string | null;
  statusId?: string;
  priorityId?: string;
  securityLevelId?: string | null;
  labels?: string[];
  participants?: string[];
  organizationIds?: string[];
  properties?: Array<[string, unknown]>;
}

export function insertIssue(state: EmuState, spec: NewIssue, at: number): EmuIssue {
  const id = String(++state.counters.issue);
  const key = `${spec.project.key}-${spec.project.nextIssueNumber++}`;
  const issue: EmuIssue = {
    id,
    key,
    projectId: spec.project.id,
    issueTypeId: spec.issueTypeId,
    statusId: spec.statusId ?? '10001',
    priorityId: spec.priorityId ?? '3',
    summary: spec.summary,
    description: spec.description,
    reporterId: spec.reporterId,
    creatorId: spec.creatorId,
    assigneeId: spec.assigneeId ?? null,
    created: at,
    updated: at,
    securityLevelId: spec.securityLevelId ?? null,
    labels: [...(spec.labels ?? [])],
    participants: [...(spec.participants ?? [])],
    organizationIds: [...(spec.organizationIds ?? [])],
    properties: new Map(spec.properties ?? []),
    comments: [],
    changelog: [],
  };
  state.issues.set(id, issue);
  return issue;
}

/** A field change requested by an edit. Only changed fields end up in the changelog. */
export interface IssueChanges {
  summary?: string;
  description?: AdfDoc | null;
  securityLevelId?: string | null;
  labels?: string[];
  assigneeId?: string | null;
  reporterId?: string | null;
  priorityId?: string;
}

function displayName(state: EmuState, accountId: string | null): string | null {
  if (accountId === null) return null;
  return state.users.get(accountId)?.displayName ?? accountId;
}

/**
 * Applies `changes` and records one changelog entry holding an item per changed field (old and new
 * values, as Jira keeps them: the edit leaves the previous text in history). Returns the entry, or
 * null when nothing changed.
 */
export function applyIssueChanges(state: EmuState, issue: EmuIssue, changes: IssueChanges, authorId: string, at: number): EmuChangelog | null {
  const items: EmuChangeItem[] = [];
  const item = (field: string, fieldId: string, from: string | null, fromString: string | null, to: string | null, toString: string | null): void => {
    items.push({ field, fieldtype: 'jira', fieldId, from, fromString, to, toString });
  };
  if (changes.summary !== undefined && changes.summary !== issue.summary) {
    item('summary', 'summary', null, issue.summary, null, changes.summary);
    issue.summary = changes.summary;
  }
  if (changes.description !== undefined && JSON.stringify(changes.description) !== JSON.stringify(issue.description)) {
    const before = adfToText(issue.description);
    const after = adfToText(changes.description);
    item('description', 'description', null, before === '' ? null : before, null, after === '' ? null : after);
    issue.description = changes.description;
  }
  if (changes.securityLevelId !== undefined && changes.securityLevelId !== issue.securityLevelId) {
    const before = securityLevel(state, issue.securityLevelId);
    const after = securityLevel(state, changes.securityLevelId);
    item('security', 'security', before?.id ?? null, before?.name ?? null, after?.id ?? null, after?.name ?? null);
    issue.securityLevelId = changes.securityLevelId;
  }
  if (changes.labels !== undefined && changes.labels.join(' ') !== issue.labels.join(' ')) {
    item('labels', 'labels', null, issue.labels.join(' ') || null, null, changes.labels.join(' ') || null);
    issue.labels = [...changes.labels];
  }
  if (changes.assigneeId !== undefined && changes.assigneeId !== issue.assigneeId) {
    item('assignee', 'assignee', issue.assigneeId, displayName(state, issue.assigneeId), changes.assigneeId, displayName(state, changes.assigneeId));
    issue.assigneeId = changes.assigneeId;
  }
  if (changes.reporterId !== undefined && changes.reporterId !== issue.reporterId) {
    item('reporter', 'reporter', issue.reporterId, displayName(state, issue.reporterId), changes.reporterId, displayName(state, changes.reporterId));
    issue.reporterId = changes.reporterId;
  }
  if (changes.priorityId !== undefined && changes.priorityId !== issue.priorityId) {
    item('priority', 'priority', issue.priorityId, state.priorities.get(issue.priorityId)?.name ?? null, changes.priorityId, state.priorities.get(changes.priorityId)?.name ?? null);
    issue.priorityId = changes.priorityId;
  }
  if (items.length === 0) return null;
  const entry: EmuChangelog = { id: String(++state.counters.changelog), authorId, created: at, items };
  issue.changelog.push(entry);
  issue.updated = at;
  return entry;
}

export interface NewComment {
  authorId: string;
  body: AdfDoc;
  visibility?: EmuVisibility | null;
  properties?: Array<[string, unknown]>;
}

export function insertComment(state: EmuState, issue: EmuIssue, spec: NewComment, at: number): EmuComment {
  const comment: EmuComment = {
    id: String(++state.counters.comment),
    issueId: issue.id,
    authorId: spec.authorId,
    updateAuthorId: spec.authorId,
    body: spec.body,
    created: at,
    updated: at,
    visibility: spec.visibility ?? null,
    properties: new Map(spec.properties ?? []),
  };
  issue.comments.push(comment);
  issue.updated = at;
  return comment;
}

export function findIssue(state: EmuState, idOrKey: string): EmuIssue | undefined {
  const byId = state.issues.get(idOrKey);
  if (byId) return byId;
  const upper = idOrKey.toUpperCase();
  for (const issue of state.issues.values()) if (issue.key === upper) return issue;
  return undefined;
}

export function findProject(state: EmuState, idOrKey: string): EmuProject | undefined {
  const byId = state.projects.get(idOrKey);
  if (byId) return byId;
  const upper = idOrKey.toUpperCase();
  for (const p of state.projects.values()) if (p.key === upper) return p;
  return undefined;
}

export function findComment(state: EmuState, commentId: string): { issue: EmuIssue; comment: EmuComment } | undefined {
  for (const issue of state.issues.values()) {
    const comment = issue.comments.find((c) => c.id === commentId);
    if (comment) return { issue, comment };
  }
  return undefined;
}
