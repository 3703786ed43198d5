import { adfProblem } from '../adf';
import { hasProjectPermission, isAdmin } from '../access';
import { type Ctx, emitIssueUpdated, type HandlerResult, noContent, ok, param, queryAll, queryBool, queryOne, visibleIssue } from '../context';
import { applyIssueChanges, findProject, insertIssue, type IssueChanges } from '../model';
import { changelogBean, eventIssue, issueBean, selectFields } from '../serialize';
import type { AdfDoc, EmuIssue, EmuProject } from '../types';
import { errorBody, fail, HttpError, intParam, isRecord, listParam, now } from '../util';

const NOT_ON_SCREEN = (f: string) => `Field '${f}' cannot be set. It is not on the appropriate screen, or unknown.`;
const ADF_REQUIRED = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';

/** Fields the emulator's create/edit screens carry. */
const SETTABLE = new Set(['summary', 'description', 'security', 'labels', 'assignee', 'reporter', 'priority', 'customfield_10002']);

interface ParsedFields {
  changes: IssueChanges;
  organizationIds?: string[];
}

function idOf(v: unknown): string | undefined {
  if (isRecord(v)) {
    if (typeof v.id === 'string' || typeof v.id === 'number') return String(v.id);
  }
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return undefined;
}

function accountOf(ctx: Ctx, v: unknown, field: string, errors: Record<string, string>): string | null | undefined {
  if (v === null) return null;
  if (isRecord(v) && typeof v.accountId === 'string') {
    if (!ctx.state.users.has(v.accountId)) {
      errors[field] = `Specified user does not exist or you do not have required permissions`;
      return undefined;
    }
    return v.accountId;
  }
  errors[field] = `Specify a valid value for ${field}`;
  return undefined;
}

/**
 * Reads `fields` and `update` of an `IssueUpdateDetails` into changes, checking values and the
 * user's right to set each field. Collects field errors the way Jira reports them (400, `errors`).
 */
function parseFields(ctx: Ctx, project: EmuProject, issue: EmuIssue | undefined, body: Record<string, unknown>, creating: boolean): ParsedFields {
  const { state, user } = ctx;
  const errors: Record<string, string> = {};
  const changes: IssueChanges = {};
  const out: ParsedFields = { changes };
  const fields = isRecord(body.fields) ? { ...body.fields } : {};
  const update = isRecord(body.update) ? body.update : {};
  if (creating) {
    delete fields.project;
    delete fields.issuetype;
  }
  // `update` operations: set / add / remove on the fields we know.
  for (const [name, ops] of Object.entries(update)) {
    if (!SETTABLE.has(name) || !Array.isArray(ops)) {
      errors[name] = NOT_ON_SCREEN(name);
      continue;
    }
    for (const op of ops) {
      if (!isRecord(op)) continue;
      if ('set' in op) fields[name] = op.set;
      else if (name === 'labels' && ('add' in op || 'remove' in op)) {
        const current = Array.isArray(fields.labels) ? (fields.labels as unknown[]).map(String) : [...(issue?.labels ?? [])];
        if ('add' in op && !current.includes(String(op.add))) current.push(String(op.add));
        if ('remove' in op) {
          const i = current.indexOf(String(op.remove));
          if (i >= 0) current.splice(i, 1);
        }
        fields.labels = current;
      } else errors[name] = `The operation '${Object.keys(op)[0] ?? ''}' is not supported for the field '${name}'.`;
    }
  }
  const canEdit = creating || (issue !== undefined && hasProjectPermission(state, user, project, 'EDIT_ISSUES', issue));
  for (const [name, value] of Object.entries(fields)) {
    if (!SETTABLE.has(name) || !canEdit) {
      errors[name] = NOT_ON_SCREEN(name);
      continue;
    }
    switch (name) {
      case 'summary':
        if (typeof value !== 'string' || value.trim() === '') errors.summary = 'You must specify a summary of the issue.';
        else if (value.length > 255) errors.summary = 'Summary must be less than 255 characters.';
        else if (/[\r\n]/.test(value)) errors.summary = 'The summary is invalid because it contains newline characters.';
        else changes.summary = value;
        break;
      case 'description':
        if (value === null) changes.description = null;
        else if (adfProblem(value) !== null) errors.description = ADF_REQUIRED;
        else changes.description = structuredClone(value) as AdfDoc;
        break;
      case 'security': {
        if (!hasProjectPermission(state, user, project, 'SET_ISSUE_SECURITY', issue)) {
          errors.security = NOT_ON_SCREEN('security');
          break;
        }
        if (value === null || (isRecord(value) && (value.id === null || value.id === '-1'))) {
          changes.securityLevelId = null;
          break;
        }
        const id = idOf(value);
        const name2 = isRecord(value) && typeof value.name === 'string' ? value.name : undefined;
        const scheme = project.issueSecuritySchemeId !== null ? state.securitySchemes.get(project.issueSecuritySchemeId) : undefined;
        const level = scheme?.levels.find((l) => (id !== undefined ? l.id === id : l.name === name2));
        if (!level) errors.security = `Security level with id '${id ?? name2 ?? ''}' is not valid for project '${project.key}'.`;
        else changes.securityLevelId = level.id;
        break;
      }
      case 'labels':
        if (!Array.isArray(value) || value.some((l) => typeof l !== 'string')) errors.labels = 'Labels must be an array of strings.';
        else if ((value as string[]).some((l) => /\s/.test(l))) errors.labels = 'The label contains spaces which is invalid.';
        else changes.labels = value as string[];
        break;
      case 'assignee': {
        const id = accountOf(ctx, value, 'assignee', errors);
        if (id !== undefined) changes.assigneeId = id;
        break;
      }
      case 'reporter': {
        if (!hasProjectPermission(state, user, project, 'MODIFY_REPORTER', issue)) {
          errors.reporter = NOT_ON_SCREEN('reporter');
          break;
        }
        const id = accountOf(ctx, value, 'reporter', errors);
        if (id !== undefined) changes.reporterId = id;
        break;
      }
      case 'priority': {
        const id = idOf(value);
        const name2 = isRecord(value) && typeof value.name === 'string' ? value.name : undefined;
        const p = [...state.priorities.values()].find((x) => (id !== undefined ? x.id === id : x.name === name2));
        if (!p) errors.priority = `Specify a valid priority`;
        else changes.priorityId = p.id;
        break;
      }
      case 'customfield_10002': {
        if (!project.serviceDeskId) {
          errors[name] = NOT_ON_SCREEN(name);
          break;
        }
        const list = value === null ? [] : Array.isArray(value) ? value.map(idOf) : [undefined];
        if (list.some((o) => o === undefined || !state.organizations.has(o))) errors[name] = 'One or more organizations are invalid.';
        else out.organizationIds = list as string[];
        break;
      }
    }
  }
  if (Object.keys(errors).length > 0) throw new HttpError(400, errorBody([], errors));
  return out;
}

function requireBody(ctx: Ctx): Record<string, unknown> {
  if (!isRecord(ctx.body)) throw fail(400, 'No content to map due to end-of-input');
  return ctx.body;
}

function setProperties(issue: EmuIssue, props: unknown): void {
  if (!Array.isArray(props)) return;
  for (const p of props) if (isRecord(p) && typeof p.key === 'string') issue.properties.set(p.key, structuredClone(p.value));
}

export function createIssue(ctx: Ctx): HandlerResult {
  const { state, user } = ctx;
  const body = requireBody(ctx);
  const fields = isRecord(body.fields) ? body.fields : {};
  const projectRef = fields.project;
  const projectId = isRecord(projectRef) ? (projectRef.key ?? projectRef.id) : undefined;
  const project = typeof projectId === 'string' || typeof projectId === 'number' ? findProject(state, String(projectId)) : undefined;
  if (!project || !hasProjectPermission(state, user, project, 'BROWSE_PROJECTS'))
    throw new HttpError(400, errorBody([], { project: 'Specify a valid project ID or key' }));
  if (!hasProjectPermission(state, user, project, 'CREATE_ISSUES'))
    throw fail(403, 'You do not have permission to create issues in this project.');
  const typeRef = fields.issuetype;
  const typeId = isRecord(typeRef) && (typeof typeRef.id === 'string' || typeof typeRef.name === 'string')
    ? project.issueTypeIds.find((id) => id === typeRef.id || state.issueTypes.get(id)?.name === typeRef.name)
    : undefined;
  if (!typeId) throw new HttpError(400, errorBody([], { issuetype: isRecord(typeRef) ? 'The issue type selected is invalid.' : 'Specify an issue type' }));
  if (typeof fields.summary !== 'string') throw new HttpError(400, errorBody([], { summary: 'You must specify a summary of the issue.' }));
  const parsed = parseFields(ctx, project, undefined, body, true);
  const c = parsed.changes;
  const at = now(state);
  const issue = insertIssue(
    state,
    {
      project,
      issueTypeId: typeId,
      summary: c.summary!,
      description: c.description ?? null,
      reporterId: c.reporterId !== undefined ? c.reporterId : user.accountId,
      creatorId: user.accountId,
      assigneeId: c.assigneeId ?? null,
      priorityId: c.priorityId,
      securityLevelId: c.securityLevelId ?? null,
      labels: c.labels,
      organizationIds: parsed.organizationIds,
    },
    at,
  );
  setProperties(issue, body.properties);
  ctx.emit({ type: 'issue_created', issue: eventIssue(state, issue), atlassianId: ctx.actor.accountId, actor: ctx.actor });
  return ok({ id: issue.id, key: issue.key, self: `${state.baseUrl}/rest/api/3/issue/${issue.id}` }, 201);
}

function beanOptions(ctx: Ctx, defaultFields: '*all' | 'id') {
  return {
    fields: selectFields(listParam(queryAll(ctx, 'fields')), defaultFields),
    expand: listParam(queryAll(ctx, 'expand')),
    properties: listParam(queryAll(ctx, 'properties')),
    viewer: ctx.user,
  };
}

export function getIssue(ctx: Ctx): HandlerResult {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  return ok(issueBean(ctx.state, issue, beanOptions(ctx, '*all')));
}

export function editIssue(ctx: Ctx): HandlerResult {
  const { state, user } = ctx;
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  const project = state.projects.get(issue.projectId)!;
  if ((queryBool(ctx, 'overrideScreenSecurity') || queryBool(ctx, 'overrideEditableFlag')) && !isAdmin(state, user) && user.accountType !== 'app')
    throw fail(403, 'You do not have the permission to override screen security or the editable flag.');
  const body = requireBody(ctx);
  const parsed = parseFields(ctx, project, issue, body, false);
  if (Array.isArray(body.properties) && !hasProjectPermission(state, user, project, 'EDIT_ISSUES', issue))
    throw fail(403, 'You do not have permission to edit this issue.');
  const at = now(state);
  const entry = applyIssueChanges(state, issue, parsed.changes, user.accountId, at);
  if (parsed.organizationIds) issue.organizationIds = parsed.organizationIds;
  setProperties(issue, body.properties);
  if (entry) {
    emitIssueUpdated(ctx, issue, entry);
  }
  if (queryBool(ctx, 'returnIssue')) return ok(issueBean(state, issue, { ...beanOptions(ctx, '*all'), fields: selectFields([], '*all') }));
  return noContent();
}

export function getChangelog(ctx: Ctx): HandlerResult {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  const startAt = intParam(queryOne(ctx, 'startAt'), 0, 'startAt');
  const maxResults = Math.min(intParam(queryOne(ctx, 'maxResults'), 100, 'maxResults'), 100);
  const all = issue.changelog;
  const values = all.slice(startAt, startAt + maxResults).map((c) => changelogBean(ctx.state, c, ctx.user));
  const isLast = startAt + maxResults >= all.length;
  const self = `${ctx.state.baseUrl}/rest/api/3/issue/${issue.key}/changelog?maxResults=${maxResults}&startAt=${startAt}`;
  return ok({
    self,
    ...(isLast ? {} : { nextPage: `${ctx.state.baseUrl}/rest/api/3/issue/${issue.key}/changelog?maxResults=${maxResults}&startAt=${startAt + maxResults}` }),
    maxResults,
    startAt,
    total: all.length,
    isLast,
    values,
  });
}

// --- Issue properties -----------------------------------------------------------------------

function checkPropertyKey(key: string): void {
  if (key.length === 0 || key.length > 255) throw fail(400, 'The property key cannot be longer than 255 characters.');
}

export function listIssueProperties(ctx: Ctx): HandlerResult {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  return ok({
    keys: [...issue.properties.keys()].map((key) => ({
      self: `${ctx.state.baseUrl}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}`,
      key,
    })),
  });
}

export function getIssueProperty(ctx: Ctx): HandlerResult {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  const key = param(ctx, 'propertyKey');
  if (!issue.properties.has(key)) throw fail(404, `The property with key '${key}' does not exist.`);
  return ok({ key, value: structuredClone(issue.properties.get(key)) });
}

export function setIssueProperty(ctx: Ctx): HandlerResult {
  const { state, user } = ctx;
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  const key = param(ctx, 'propertyKey');
  checkPropertyKey(key);
  const project = state.projects.get(issue.projectId)!;
  if (!hasProjectPermission(state, user, project, 'EDIT_ISSUES', issue)) throw fail(403, 'You do not have permission to edit this issue.');
  if (ctx.body === undefined) throw fail(400, 'The property value cannot be empty.');
  if (JSON.stringify(ctx.body).length > 32768) throw fail(400, 'The property value cannot be longer than 32768 characters.');
  const existed = issue.properties.has(key);
  issue.properties.set(key, structuredClone(ctx.body));
  return noContent(existed ? 200 : 201);
}

export function deleteIssueProperty(ctx: Ctx): HandlerResult {
  const { state, user } = ctx;
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  const key = param(ctx, 'propertyKey');
  const project = state.projects.get(issue.projectId)!;
  if (!issue.properties.has(key) || !hasProjectPermission(state, user, project, 'EDIT_ISSUES', issue))
    throw fail(404, `The property with key '${key}' does not exist.`);
  issue.properties.delete(key);
  return noContent();
}

