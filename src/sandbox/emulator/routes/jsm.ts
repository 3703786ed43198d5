/**
 * Jira Service Management REST API (`/rest/servicedeskapi/...`). Not part of the platform OpenAPI
 * document: shapes follow the JSM Cloud REST reference (`PagedDTO` envelope with `_links` and
 * `_expands`; JSM errors are `{ errorMessage, i18nErrorMessage }`).
 */
import { canBrowseProject, canSeeIssue, hasProjectPermission, isAdmin } from '../access';
import type { Ctx, HandlerResult } from '../context';
import { ok, param, queryOne } from '../context';
import { findIssue } from '../model';
import { avatarUrls } from '../serialize';
import type { EmuUser } from '../types';
import { intParam } from '../util';

export class JsmError extends Error {
  constructor(
    readonly status: number,
    readonly errorMessage: string,
    readonly i18nKey: string,
  ) {
    super(errorMessage);
  }

  get body(): Record<string, unknown> {
    return { errorMessage: this.errorMessage, i18nErrorMessage: { i18nKey: this.i18nKey, parameters: [] } };
  }
}

function paged<T>(ctx: Ctx, path: string, items: T[]): Record<string, unknown> {
  const start = Math.max(0, intParam(queryOne(ctx, 'start'), 0, 'start'));
  const limit = Math.max(1, Math.min(intParam(queryOne(ctx, 'limit'), 50, 'limit'), 100));
  const values = items.slice(start, start + limit);
  const isLastPage = start + limit >= items.length;
  const base = ctx.state.baseUrl;
  const link = (s: number) => `${base}/rest/servicedeskapi${path}?start=${s}&limit=${limit}`;
  return {
    _expands: [],
    size: values.length,
    start,
    limit,
    isLastPage,
    _links: {
      base,
      context: '',
      self: link(start),
      ...(isLastPage ? {} : { next: link(start + limit) }),
      ...(start > 0 ? { prev: link(Math.max(0, start - limit)) } : {}),
    },
    values,
  };
}

function jsmUser(ctx: Ctx, user: EmuUser): Record<string, unknown> {
  const { state } = ctx;
  return {
    accountId: user.accountId,
    ...(user.emailAddress && (user.emailVisible || user.accountId === ctx.user.accountId) ? { emailAddress: user.emailAddress } : {}),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    _links: {
      jiraRest: `${state.baseUrl}/rest/api/2/user?accountId=${encodeURIComponent(user.accountId)}`,
      avatarUrls: avatarUrls(state, 'user', user.accountId),
      self: `${state.baseUrl}/rest/api/2/user?accountId=${encodeURIComponent(user.accountId)}`,
    },
  };
}

/** Agents (SERVICEDESK_AGENT anywhere), admins and apps may read organizations. */
function requireAgent(ctx: Ctx): void {
  const { state, user } = ctx;
  const agent = [...state.projects.values()].some((p) => hasProjectPermission(state, user, p, 'SERVICEDESK_AGENT'));
  if (!agent && !isAdmin(state, user) && user.accountType !== 'app')
    throw new JsmError(403, 'You do not have permission to view organizations.', 'sd.customer.organization.error.no.permission');
}

export function listServiceDesks(ctx: Ctx): HandlerResult {
  const { state, user } = ctx;
  const desks = [...state.serviceDesks.values()]
    .map((d) => ({ d, p: state.projects.get(d.projectId)! }))
    .filter(({ p }) => canBrowseProject(state, user, p))
    .map(({ d, p }) => ({
      id: d.id,
      projectId: p.id,
      projectName: p.name,
      projectKey: p.key,
      _links: { self: `${state.baseUrl}/rest/servicedeskapi/servicedesk/${d.id}` },
    }));
  return ok(paged(ctx, '/servicedesk', desks));
}

export function listOrganizations(ctx: Ctx): HandlerResult {
  requireAgent(ctx);
  const accountId = queryOne(ctx, 'accountId');
  const orgs = [...ctx.state.organizations.values()]
    .filter((o) => !accountId || o.memberIds.includes(accountId))
    .map((o) => ({ id: o.id, name: o.name, _links: { self: `${ctx.state.baseUrl}/rest/servicedeskapi/organization/${o.id}` } }));
  return ok(paged(ctx, '/organization', orgs));
}

export function organizationUsers(ctx: Ctx): HandlerResult {
  requireAgent(ctx);
  const id = param(ctx, 'organizationId');
  const org = ctx.state.organizations.get(id);
  if (!org) throw new JsmError(404, `The organization with id ${id} does not exist.`, 'sd.customer.organization.error.not.found');
  const users = org.memberIds.map((a) => ctx.state.users.get(a)).filter((u): u is EmuUser => u !== undefined);
  return ok(paged(ctx, `/organization/${id}/user`, users.map((u) => jsmUser(ctx, u))));
}

export function requestParticipants(ctx: Ctx): HandlerResult {
  const ref = param(ctx, 'issueIdOrKey');
  const issue = findIssue(ctx.state, ref);
  const project = issue ? ctx.state.projects.get(issue.projectId) : undefined;
  if (!issue || !project?.serviceDeskId || !canSeeIssue(ctx.state, ctx.user, issue))
    throw new JsmError(404, `The request with key '${ref}' does not exist or you do not have permission to view it.`, 'sd.request.error.not.found');
  const users = issue.participants.map((a) => ctx.state.users.get(a)).filter((u): u is EmuUser => u !== undefined);
  return ok(paged(ctx, `/request/${issue.key}/participant`, users.map((u) => jsmUser(ctx, u))));
}
