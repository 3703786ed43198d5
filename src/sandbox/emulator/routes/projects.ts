import { canBrowseProject, hasProjectPermission, inSecurityLevel, isAdmin } from '../access';
import { type Ctx, type HandlerResult, ok, param, queryAll, queryOne } from '../context';
import { findProject } from '../model';
import { avatarUrls, holderBean, issueTypeDetails, securityLevelBean, userBean } from '../serialize';
import type { EmuIssue, EmuPermissionScheme, EmuProject, EmuSecurityScheme } from '../types';
import { fail, listParam } from '../util';
import { pageBean } from './paging';

function projectNotFound(idOrKey: string) {
  return fail(404, `No project could be found with key '${idOrKey}'.`);
}

export function visibleProject(ctx: Ctx, idOrKey: string): EmuProject {
  const project = findProject(ctx.state, idOrKey);
  if (!project || !canBrowseProject(ctx.state, ctx.user, project)) throw projectNotFound(idOrKey);
  return project;
}

const canAdministerProject = (ctx: Ctx, project: EmuProject): boolean =>
  isAdmin(ctx.state, ctx.user) || hasProjectPermission(ctx.state, ctx.user, project, 'ADMINISTER_PROJECTS');

function projectBean(ctx: Ctx, project: EmuProject, expand: string[], full: boolean): Record<string, unknown> {
  const { state } = ctx;
  const out: Record<string, unknown> = {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: `${state.baseUrl}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    avatarUrls: avatarUrls(state, 'project', project.id),
    projectTypeKey: project.projectTypeKey,
    simplified: false,
    style: 'classic',
    isPrivate: false,
    properties: {},
  };
  const want = (e: string) => full || expand.includes(e);
  if (want('description')) out.description = project.description;
  const lead = state.users.get(project.leadAccountId);
  if (want('lead') && lead) out.lead = userBean(state, lead, ctx.user, []);
  if (want('issueTypes')) out.issueTypes = project.issueTypeIds.map((id) => issueTypeDetails(state, id)).filter((t) => t !== null);
  if (full) {
    out.components = [];
    out.versions = [];
    out.assigneeType = 'UNASSIGNED';
    out.roles = Object.fromEntries(
      Object.keys(project.roleActors).map((id) => [state.projectRoles.get(Number(id))?.name ?? id, `${state.baseUrl}/rest/api/3/project/${project.id}/role/${id}`]),
    );
  }
  if (expand.includes('permissions')) out.permissions = { canEdit: canAdministerProject(ctx, project) };
  if (expand.includes('insight')) {
    const issues = [...state.issues.values()].filter((i) => i.projectId === project.id);
    const last = issues.reduce((m, i) => Math.max(m, i.updated), 0);
    out.insight = { totalIssueCount: issues.length, ...(last ? { lastIssueUpdateTime: new Date(last).toISOString() } : {}) };
  }
  return out;
}

export function getProject(ctx: Ctx): HandlerResult {
  const project = visibleProject(ctx, param(ctx, 'projectIdOrKey'));
  return ok(projectBean(ctx, project, listParam(queryAll(ctx, 'expand')), true));
}

export function searchProjects(ctx: Ctx): HandlerResult {
  const { state } = ctx;
  const keys = listParam(queryAll(ctx, 'keys')).map((k) => k.toUpperCase());
  const ids = listParam(queryAll(ctx, 'id'));
  const query = (queryOne(ctx, 'query') ?? '').toLowerCase();
  const typeKey = listParam(queryAll(ctx, 'typeKey'));
  const action = queryOne(ctx, 'action') ?? 'view';
  const orderBy = queryOne(ctx, 'orderBy') ?? 'key';
  let projects = [...state.projects.values()].filter((p) => {
    if (keys.length && !keys.includes(p.key)) return false;
    if (ids.length && !ids.includes(p.id)) return false;
    if (query && !p.key.toLowerCase().includes(query) && !p.name.toLowerCase().includes(query)) return false;
    if (typeKey.length && !typeKey.includes(p.projectTypeKey)) return false;
    if (action === 'edit') return canAdministerProject(ctx, p);
    if (action === 'create') return hasProjectPermission(state, ctx.user, p, 'CREATE_ISSUES');
    return canBrowseProject(state, ctx.user, p);
  });
  const desc = orderBy.startsWith('-');
  const by = orderBy.replace(/^[-+]/, '');
  projects = projects.sort((a, b) => (by === 'name' ? a.name.localeCompare(b.name) : by === 'id' ? Number(a.id) - Number(b.id) : a.key.localeCompare(b.key)));
  if (desc) projects.reverse();
  const expand = listParam(queryAll(ctx, 'expand'));
  return ok(pageBean(ctx, '/rest/api/3/project/search', projects.map((p) => projectBean(ctx, p, expand, false))));
}

// --- Issue security ----------------------------------------------------------------------------

function schemeBean(ctx: Ctx, scheme: EmuSecurityScheme, withLevels: boolean): Record<string, unknown> {
  return {
    self: `${ctx.state.baseUrl}/rest/api/3/issuesecurityschemes/${scheme.id}`,
    id: scheme.id,
    name: scheme.name,
    description: scheme.description,
    ...(scheme.defaultLevelId !== null ? { defaultSecurityLevelId: Number(scheme.defaultLevelId) } : {}),
    ...(withLevels ? { levels: scheme.levels.map((l) => securityLevelBean(ctx.state, undefined, l)) } : {}),
  };
}

function requireAdmin(ctx: Ctx, message = 'You are not authorized to perform this action. Administrator privileges are required.'): void {
  if (!isAdmin(ctx.state, ctx.user)) throw fail(403, message);
}

export function projectSecurityScheme(ctx: Ctx): HandlerResult {
  const project = visibleProject(ctx, param(ctx, 'projectKeyOrId'));
  if (!canAdministerProject(ctx, project)) throw fail(403, 'You must have the Administer Projects permission to view the issue security scheme of this project.');
  const scheme = project.issueSecuritySchemeId !== null ? ctx.state.securitySchemes.get(project.issueSecuritySchemeId) : undefined;
  if (!scheme) throw fail(404, `The project '${project.key}' does not have an issue security scheme.`);
  return ok(schemeBean(ctx, scheme, true));
}

export function projectSecurityLevels(ctx: Ctx): HandlerResult {
  const { state, user } = ctx;
  const project = visibleProject(ctx, param(ctx, 'projectKeyOrId'));
  const scheme = project.issueSecuritySchemeId !== null ? state.securitySchemes.get(project.issueSecuritySchemeId) : undefined;
  if (!scheme || !hasProjectPermission(state, user, project, 'SET_ISSUE_SECURITY')) return ok({ levels: [] });
  // Levels the user could put an issue in: evaluated as for an issue the user reports.
  const asReporter = { reporterId: user.accountId, assigneeId: null, participants: [], organizationIds: [] } as unknown as EmuIssue;
  const levels = scheme.levels.filter((l) => inSecurityLevel(state, user, project, asReporter, l));
  return ok({ levels: levels.map((l) => securityLevelBean(state, undefined, l)) });
}

export function listSecuritySchemes(ctx: Ctx): HandlerResult {
  requireAdmin(ctx);
  return ok({ issueSecuritySchemes: [...ctx.state.securitySchemes.values()].map((s) => schemeBean(ctx, s, false)) });
}

function projectsUsing(ctx: Ctx, schemeId: number): EmuProject[] {
  return [...ctx.state.projects.values()].filter((p) => p.issueSecuritySchemeId === schemeId);
}

export function getSecurityScheme(ctx: Ctx): HandlerResult {
  const id = Number(param(ctx, 'id'));
  const scheme = ctx.state.securitySchemes.get(id);
  const allowed = isAdmin(ctx.state, ctx.user) || (scheme !== undefined && projectsUsing(ctx, id).some((p) => canAdministerProject(ctx, p)));
  if (!allowed) throw fail(403, 'You are not authorized to perform this action. Administrator privileges are required.');
  if (!scheme) throw fail(404, `Issue security scheme with id ${param(ctx, 'id')} does not exist.`);
  return ok(schemeBean(ctx, scheme, true));
}

export function listSecurityLevels(ctx: Ctx): HandlerResult {
  requireAdmin(ctx);
  const schemeIds = listParam(queryAll(ctx, 'schemeId'));
  const ids = listParam(queryAll(ctx, 'id'));
  const onlyDefault = queryOne(ctx, 'onlyDefault') === 'true';
  const values = [...ctx.state.securitySchemes.values()]
    .filter((s) => schemeIds.length === 0 || schemeIds.includes(String(s.id)))
    .flatMap((s) =>
      s.levels
        .filter((l) => (ids.length === 0 || ids.includes(l.id)) && (!onlyDefault || s.defaultLevelId === l.id))
        .map((l) => securityLevelBean(ctx.state, s, l)),
    );
  return ok(pageBean(ctx, '/rest/api/3/issuesecurityschemes/level', values));
}

export function listSecurityLevelMembers(ctx: Ctx): HandlerResult {
  requireAdmin(ctx);
  const schemeIds = listParam(queryAll(ctx, 'schemeId'));
  const levelIds = listParam(queryAll(ctx, 'levelId'));
  const ids = listParam(queryAll(ctx, 'id'));
  const filtered = schemeIds.length > 0 || levelIds.length > 0;
  const values = [...ctx.state.securitySchemes.values()].flatMap((s) =>
    s.levels.flatMap((l) =>
      l.members
        .filter((m) => (!filtered || schemeIds.includes(String(s.id)) || levelIds.includes(l.id)) && (ids.length === 0 || ids.includes(String(m.id))))
        .map((m) => ({
          id: String(m.id),
          issueSecurityLevelId: l.id,
          issueSecuritySchemeId: String(s.id),
          holder: holderBean(ctx.state, m.holder),
        })),
    ),
  );
  return ok(pageBean(ctx, '/rest/api/3/issuesecurityschemes/level/member', values));
}

export function schemeMembers(ctx: Ctx): HandlerResult {
  requireAdmin(ctx);
  const scheme = ctx.state.securitySchemes.get(Number(param(ctx, 'issueSecuritySchemeId')));
  if (!scheme) throw fail(404, `Issue security scheme with id ${param(ctx, 'issueSecuritySchemeId')} does not exist.`);
  const levelIds = listParam(queryAll(ctx, 'issueSecurityLevelId'));
  const values = scheme.levels
    .filter((l) => levelIds.length === 0 || levelIds.includes(l.id))
    .flatMap((l) => l.members.map((m) => ({ id: m.id, issueSecurityLevelId: Number(l.id), holder: holderBean(ctx.state, m.holder) })));
  return ok(pageBean(ctx, `/rest/api/3/issuesecurityschemes/${scheme.id}/members`, values));
}

export function searchSecuritySchemes(ctx: Ctx): HandlerResult {
  requireAdmin(ctx);
  const ids = listParam(queryAll(ctx, 'id'));
  const projectIds = listParam(queryAll(ctx, 'projectId'));
  const values = [...ctx.state.securitySchemes.values()]
    .map((s) => ({ s, projects: projectsUsing(ctx, s.id).map((p) => p.id) }))
    .filter(({ s, projects }) => (ids.length === 0 || ids.includes(String(s.id))) && (projectIds.length === 0 || projects.some((p) => projectIds.includes(p))))
    .map(({ s, projects }) => ({
      id: s.id,
      self: `${ctx.state.baseUrl}/rest/api/3/issuesecurityschemes/${s.id}`,
      name: s.name,
      description: s.description,
      ...(s.defaultLevelId !== null ? { defaultLevel: Number(s.defaultLevelId) } : {}),
      projectIds: projects.map(Number),
    }));
  return ok(pageBean(ctx, '/rest/api/3/issuesecurityschemes/search', values));
}

export function securitySchemeProjects(ctx: Ctx): HandlerResult {
  requireAdmin(ctx);
  const schemeIds = listParam(queryAll(ctx, 'issueSecuritySchemeId'));
  const projectIds = listParam(queryAll(ctx, 'projectId'));
  const values = [...ctx.state.projects.values()]
    .filter((p) => p.issueSecuritySchemeId !== null)
    .filter((p) => (schemeIds.length === 0 || schemeIds.includes(String(p.issueSecuritySchemeId))) && (projectIds.length === 0 || projectIds.includes(p.id)))
    .map((p) => ({ issueSecuritySchemeId: String(p.issueSecuritySchemeId), projectId: p.id }));
  return ok(pageBean(ctx, '/rest/api/3/issuesecurityschemes/project', values));
}

export function getSecurityLevel(ctx: Ctx): HandlerResult {
  const id = param(ctx, 'id');
  for (const s of ctx.state.securitySchemes.values()) {
    const level = s.levels.find((l) => l.id === id);
    if (level) return ok(securityLevelBean(ctx.state, undefined, level));
  }
  throw fail(404, `Issue security level with id ${id} does not exist.`);
}

// --- Permission schemes --------------------------------------------------------------------------

function permissionSchemeBean(ctx: Ctx, scheme: EmuPermissionScheme, expand: string[]): Record<string, unknown> {
  const withGrants = expand.length > 0;
  return {
    expand: 'permissions,user,group,projectRole,field,all',
    id: scheme.id,
    self: `${ctx.state.baseUrl}/rest/api/3/permissionscheme/${scheme.id}`,
    name: scheme.name,
    description: scheme.description,
    ...(withGrants
      ? {
          permissions: scheme.grants.map((g) => ({
            id: g.id,
            self: `${ctx.state.baseUrl}/rest/api/3/permissionscheme/${scheme.id}/permission/${g.id}`,
            holder: holderBean(ctx.state, g.holder),
            permission: g.permission,
          })),
        }
      : {}),
  };
}

const hasJiraAccess = (ctx: Ctx) => ctx.user.applicationRoles.length > 0 || ctx.user.accountType === 'app' || isAdmin(ctx.state, ctx.user);

export function projectPermissionScheme(ctx: Ctx): HandlerResult {
  const project = visibleProject(ctx, param(ctx, 'projectKeyOrId'));
  if (!canAdministerProject(ctx, project)) throw fail(403, 'You must have the Administer Projects permission to view the permission scheme of this project.');
  const scheme = ctx.state.permissionSchemes.get(project.permissionSchemeId)!;
  return ok(permissionSchemeBean(ctx, scheme, listParam(queryAll(ctx, 'expand'))));
}

export function getPermissionScheme(ctx: Ctx): HandlerResult {
  if (!hasJiraAccess(ctx)) throw fail(401, 'You do not have access to Jira.');
  const scheme = ctx.state.permissionSchemes.get(Number(param(ctx, 'schemeId')));
  if (!scheme) throw fail(404, `A permission scheme with ID ${param(ctx, 'schemeId')} does not exist.`);
  return ok(permissionSchemeBean(ctx, scheme, listParam(queryAll(ctx, 'expand'))));
}

export function listPermissionSchemes(ctx: Ctx): HandlerResult {
  if (!hasJiraAccess(ctx)) throw fail(401, 'You do not have access to Jira.');
  const expand = listParam(queryAll(ctx, 'expand'));
  return ok({ permissionSchemes: [...ctx.state.permissionSchemes.values()].map((s) => permissionSchemeBean(ctx, s, expand)) });
}
