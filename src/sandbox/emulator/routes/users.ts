import {
  canSeeComment,
  canSeeIssue,
  hasGlobalPermission,
  hasProjectPermission,
  isAdmin,
  PERMISSION_BY_KEY,
  type PermissionInfo,
} from '../access';
import { type Ctx, type HandlerResult, ok, queryAll, queryOne } from '../context';
import { findComment, findIssue, findProject } from '../model';
import { groupName, userBean, userDetails } from '../serialize';
import type { EmuGroup, EmuIssue, EmuProject, EmuUser } from '../types';
import { fail, intParam, isRecord, jiraTime, listParam } from '../util';
import { pageBean } from './paging';

const canBrowseUsers = (ctx: Ctx) => hasGlobalPermission(ctx.state, ctx.user, 'USER_PICKER') || isAdmin(ctx.state, ctx.user);

export function myself(ctx: Ctx): HandlerResult {
  return ok(userBean(ctx.state, ctx.user, ctx.user, listParam(queryAll(ctx, 'expand'))));
}

const USER_NOT_FOUND = 'Specified user does not exist or you do not have required permissions';

export function getUser(ctx: Ctx): HandlerResult {
  if (!canBrowseUsers(ctx)) throw fail(403, 'You do not have the Browse users and groups global permission.');
  const id = queryOne(ctx, 'accountId');
  const user = id ? ctx.state.users.get(id) : undefined;
  if (!user) throw fail(404, USER_NOT_FOUND);
  return ok(userBean(ctx.state, user, ctx.user, listParam(queryAll(ctx, 'expand'))));
}

export function searchUsers(ctx: Ctx): HandlerResult {
  const query = queryOne(ctx, 'query');
  const accountId = queryOne(ctx, 'accountId');
  if (!query && !accountId && !queryOne(ctx, 'property')) throw fail(400, "One of 'query' or 'accountId' query parameters must be provided.");
  if (!canBrowseUsers(ctx)) return ok([]);
  const q = (query ?? '').toLowerCase();
  const startAt = intParam(queryOne(ctx, 'startAt'), 0, 'startAt');
  const maxResults = Math.min(intParam(queryOne(ctx, 'maxResults'), 50, 'maxResults'), 1000);
  const matchesQuery = (u: EmuUser) => {
    if (!q) return true;
    const words = u.displayName.toLowerCase().split(/\s+/);
    const email = u.emailVisible ? (u.emailAddress ?? '').toLowerCase() : '';
    return u.displayName.toLowerCase().startsWith(q) || words.some((w) => w.startsWith(q)) || (email !== '' && email.startsWith(q));
  };
  const users = [...ctx.state.users.values()]
    .filter((u) => u.active && (!accountId || u.accountId === accountId) && matchesQuery(u))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  return ok(users.slice(startAt, startAt + maxResults).map((u) => userBean(ctx.state, u, ctx.user, [])));
}

/** GET /rest/api/3/users/search: every user (active or not, any account type), paged by startAt/maxResults. */
export function allUsers(ctx: Ctx): HandlerResult {
  if (!canBrowseUsers(ctx)) throw fail(403, 'You do not have the Browse users and groups global permission.');
  const startAt = intParam(queryOne(ctx, 'startAt'), 0, 'startAt');
  const maxResults = Math.min(intParam(queryOne(ctx, 'maxResults'), 50, 'maxResults'), 1000);
  const users = [...ctx.state.users.values()].sort((a, b) => a.accountId.localeCompare(b.accountId));
  return ok(users.slice(startAt, startAt + maxResults).map((u) => userBean(ctx.state, u, ctx.user, [])));
}

export function userGroups(ctx: Ctx): HandlerResult {
  if (!canBrowseUsers(ctx)) throw fail(403, 'You do not have the Browse users and groups global permission.');
  const id = queryOne(ctx, 'accountId');
  const user = id ? ctx.state.users.get(id) : undefined;
  if (!user) throw fail(404, USER_NOT_FOUND);
  return ok(
    user.groups
      .map((g) => ctx.state.groups.get(g))
      .filter((g): g is EmuGroup => g !== undefined)
      .map((g) => groupName(ctx.state, g)),
  );
}

export function groupMembers(ctx: Ctx): HandlerResult {
  if (!canBrowseUsers(ctx)) throw fail(403, 'You do not have the Browse users and groups or Administer Jira global permission.');
  const name = queryOne(ctx, 'groupname');
  const id = queryOne(ctx, 'groupId');
  if (!name && !id) throw fail(400, 'You must specify a group name or group id.');
  const group = id ? [...ctx.state.groups.values()].find((g) => g.groupId === id) : ctx.state.groups.get(name!);
  if (!group) throw fail(404, `Group with ${id ? `id '${id}'` : `name '${name}'`} does not exist.`);
  const includeInactive = queryOne(ctx, 'includeInactiveUsers') === 'true';
  const members = [...ctx.state.users.values()]
    .filter((u) => u.groups.includes(group.name) && (includeInactive || u.active))
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .map((u) => userDetails(ctx.state, u, ctx.user));
  return ok(pageBean(ctx, '/rest/api/3/group/member', members, 50, 50));
}

// --- Permissions ----------------------------------------------------------------------------------

function projectPermission(ctx: Ctx, user: EmuUser, key: string, project: EmuProject, issue?: EmuIssue): boolean {
  if (issue && !canSeeIssue(ctx.state, user, issue)) return false;
  return hasProjectPermission(ctx.state, user, project, key, issue);
}

function has(ctx: Ctx, user: EmuUser, info: PermissionInfo, project?: EmuProject, issue?: EmuIssue): boolean {
  if (info.type === 'GLOBAL') return hasGlobalPermission(ctx.state, user, info.key);
  if (project) return projectPermission(ctx, user, info.key, project, issue);
  return [...ctx.state.projects.values()].some((p) => hasProjectPermission(ctx.state, user, p, info.key));
}

export function myPermissions(ctx: Ctx): HandlerResult {
  const { state, user } = ctx;
  const keys = listParam(queryAll(ctx, 'permissions'));
  if (keys.length === 0) throw fail(400, "The 'permissions' query parameter is required.");
  const infos = keys.map((k) => {
    const info = PERMISSION_BY_KEY.get(k);
    if (!info) throw fail(400, `The permission key '${k}' is not valid.`);
    return info;
  });
  let project: EmuProject | undefined;
  let issue: EmuIssue | undefined;
  const issueRef = queryOne(ctx, 'issueId') ?? queryOne(ctx, 'issueKey');
  const projectRef = queryOne(ctx, 'projectId') ?? queryOne(ctx, 'projectKey');
  const commentId = queryOne(ctx, 'commentId');
  if (commentId) {
    if (keys.some((k) => k !== 'BROWSE_PROJECTS')) throw fail(400, 'Only the BROWSE_PROJECTS permission is supported in the comment context.');
    const found = findComment(state, commentId);
    const visible = found !== undefined && canSeeIssue(state, user, found.issue) && canSeeComment(state, user, found.issue, found.comment);
    if (!found) throw fail(404, `Can not find a comment for the id: ${commentId}.`);
    const info = infos[0]!;
    return ok({ permissions: { [info.key]: { ...info, havePermission: visible } } });
  }
  if (issueRef) {
    issue = findIssue(state, issueRef);
    if (!issue) throw fail(404, 'Issue does not exist or you do not have permission to see it.');
    project = state.projects.get(issue.projectId);
  } else if (projectRef) {
    project = findProject(state, projectRef);
    if (!project) throw fail(404, `No project could be found with key '${projectRef}'.`);
  }
  const permissions: Record<string, unknown> = {};
  for (const info of infos) permissions[info.key] = { ...info, havePermission: has(ctx, user, info, project, issue) };
  return ok({ permissions });
}

export function checkPermissions(ctx: Ctx): HandlerResult {
  const { state, user } = ctx;
  const body = isRecord(ctx.body) ? ctx.body : {};
  let subject = user;
  if (typeof body.accountId === 'string' && body.accountId !== user.accountId) {
    if (!isAdmin(state, user) && user.accountType !== 'app') throw fail(403, 'You must have the Administer Jira global permission to check the permissions of other users.');
    const other = state.users.get(body.accountId);
    if (!other) throw fail(400, `The account id '${body.accountId}' is not valid.`);
    subject = other;
  }
  const globalKeys = Array.isArray(body.globalPermissions) ? body.globalPermissions.filter((k): k is string => typeof k === 'string') : [];
  for (const k of globalKeys) {
    if (PERMISSION_BY_KEY.get(k)?.type !== 'GLOBAL') throw fail(400, `Unrecognized global permission: ${k}`);
  }
  const projectPermissions: Array<{ permission: string; projects: number[]; issues: number[] }> = [];
  const requests = Array.isArray(body.projectPermissions) ? body.projectPermissions : [];
  for (const req of requests) {
    if (!isRecord(req) || !Array.isArray(req.permissions)) throw fail(400, 'projectPermissions.permissions is required.');
    const projects = (Array.isArray(req.projects) ? req.projects : []).map(String).map((id) => state.projects.get(id)).filter((p): p is EmuProject => p !== undefined);
    const issues = (Array.isArray(req.issues) ? req.issues : []).map(String).map((id) => state.issues.get(id)).filter((i): i is EmuIssue => i !== undefined);
    for (const key of req.permissions) {
      if (typeof key !== 'string' || key === '') continue;
      if (PERMISSION_BY_KEY.get(key)?.type !== 'PROJECT') throw fail(400, `Unrecognized project permission: ${key}`);
      projectPermissions.push({
        permission: key,
        projects: projects.filter((p) => hasProjectPermission(state, subject, p, key)).map((p) => Number(p.id)),
        issues: issues.filter((i) => projectPermission(ctx, subject, key, state.projects.get(i.projectId)!, i)).map((i) => Number(i.id)),
      });
    }
  }
  return ok({
    globalPermissions: globalKeys.filter((k) => hasGlobalPermission(state, subject, k)),
    projectPermissions,
  });
}

// --- Audit log ------------------------------------------------------------------------------------

export function auditRecords(ctx: Ctx): HandlerResult {
  const { state } = ctx;
  if (!isAdmin(state, ctx.user)) throw fail(403, 'You do not have permission to view the audit log. Administrator privileges are required.');
  const offset = intParam(queryOne(ctx, 'offset'), 0, 'offset');
  const limit = Math.min(intParam(queryOne(ctx, 'limit'), 1000, 'limit'), 1000);
  const terms = (queryOne(ctx, 'filter') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const parseTime = (v: string | undefined) => (v ? Date.parse(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : NaN);
  const from = parseTime(queryOne(ctx, 'from'));
  const to = parseTime(queryOne(ctx, 'to'));
  const records = [...state.auditRecords]
    .filter((r) => (Number.isNaN(from) || r.created >= from) && (Number.isNaN(to) || r.created <= to))
    .filter((r) => {
      if (terms.length === 0) return true;
      const hay = [r.summary, r.category, r.eventSource, r.objectItem.name, r.objectItem.parentName ?? '', r.objectItem.typeName, r.remoteAddress, ...r.changedValues.flatMap((c) => [c.changedFrom ?? '', c.changedTo ?? ''])]
        .join(' ')
        .toLowerCase();
      return terms.every((t) => hay.includes(t));
    })
    .sort((a, b) => b.created - a.created);
  return ok({
    offset,
    limit,
    total: records.length,
    records: records.slice(offset, offset + limit).map((r) => ({
      id: r.id,
      summary: r.summary,
      remoteAddress: r.remoteAddress,
      authorKey: r.authorAccountId,
      created: jiraTime(r.created),
      category: r.category,
      eventSource: r.eventSource,
      objectItem: { ...r.objectItem },
      changedValues: r.changedValues.map((c) => ({ ...c })),
      associatedItems: r.associatedItems.map((a) => ({ ...a })),
    })),
  });
}
