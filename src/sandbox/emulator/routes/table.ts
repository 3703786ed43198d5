import type { Handler } from '../context';
import * as comments from './comments';
import * as issues from './issues';
import * as jsm from './jsm';
import * as projects from './projects';
import * as redaction from './redaction';
import * as search from './search';
import * as transitions from './transitions';
import * as users from './users';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteSpec {
  method: HttpMethod;
  /** The operation's path template, exactly as in the OpenAPI document (or the JSM reference). */
  path: string;
  /** Jira Service Management API: not in the platform OpenAPI document. */
  jsm: boolean;
}

interface RouteDef extends RouteSpec {
  handler: Handler;
}

const P = (method: HttpMethod, path: string, handler: Handler): RouteDef => ({ method, path, handler, jsm: false });
const J = (method: HttpMethod, path: string, handler: Handler): RouteDef => ({ method, path, handler, jsm: true });

export const ROUTE_DEFS: readonly RouteDef[] = [
  // Issues
  P('POST', '/rest/api/3/issue', issues.createIssue),
  P('GET', '/rest/api/3/issue/{issueIdOrKey}', issues.getIssue),
  P('PUT', '/rest/api/3/issue/{issueIdOrKey}', issues.editIssue),
  P('GET', '/rest/api/3/issue/{issueIdOrKey}/changelog', issues.getChangelog),
  P('GET', '/rest/api/3/issue/{issueIdOrKey}/transitions', transitions.getTransitions),
  P('POST', '/rest/api/3/issue/{issueIdOrKey}/transitions', transitions.doTransition),
  P('GET', '/rest/api/3/issue/{issueIdOrKey}/properties', issues.listIssueProperties),
  P('GET', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', issues.getIssueProperty),
  P('PUT', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', issues.setIssueProperty),
  P('DELETE', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}', issues.deleteIssueProperty),
  // Comments
  P('POST', '/rest/api/3/issue/{issueIdOrKey}/comment', comments.addComment),
  P('GET', '/rest/api/3/issue/{issueIdOrKey}/comment', comments.listComments),
  P('GET', '/rest/api/3/issue/{issueIdOrKey}/comment/{id}', comments.getComment),
  P('PUT', '/rest/api/3/issue/{issueIdOrKey}/comment/{id}', comments.updateComment),
  P('GET', '/rest/api/3/comment/{commentId}/properties', comments.listCommentProperties),
  P('GET', '/rest/api/3/comment/{commentId}/properties/{propertyKey}', comments.getCommentProperty),
  P('PUT', '/rest/api/3/comment/{commentId}/properties/{propertyKey}', comments.setCommentProperty),
  P('DELETE', '/rest/api/3/comment/{commentId}/properties/{propertyKey}', comments.deleteCommentProperty),
  // Search (enhanced JQL search; the old /rest/api/3/search is deprecated in the document)
  P('GET', '/rest/api/3/search/jql', search.searchGet),
  P('POST', '/rest/api/3/search/jql', search.searchPost),
  P('POST', '/rest/api/3/search/approximate-count', search.approximateCount),
  // Projects
  P('GET', '/rest/api/3/project/search', projects.searchProjects),
  P('GET', '/rest/api/3/project/{projectIdOrKey}', projects.getProject),
  // Issue security
  P('GET', '/rest/api/3/project/{projectKeyOrId}/issuesecuritylevelscheme', projects.projectSecurityScheme),
  P('GET', '/rest/api/3/project/{projectKeyOrId}/securitylevel', projects.projectSecurityLevels),
  P('GET', '/rest/api/3/issuesecurityschemes', projects.listSecuritySchemes),
  P('GET', '/rest/api/3/issuesecurityschemes/search', projects.searchSecuritySchemes),
  P('GET', '/rest/api/3/issuesecurityschemes/project', projects.securitySchemeProjects),
  P('GET', '/rest/api/3/issuesecurityschemes/level', projects.listSecurityLevels),
  P('GET', '/rest/api/3/issuesecurityschemes/level/member', projects.listSecurityLevelMembers),
  P('GET', '/rest/api/3/issuesecurityschemes/{id}', projects.getSecurityScheme),
  P('GET', '/rest/api/3/issuesecurityschemes/{issueSecuritySchemeId}/members', projects.schemeMembers),
  P('GET', '/rest/api/3/securitylevel/{id}', projects.getSecurityLevel),
  // Permission schemes and permissions
  P('GET', '/rest/api/3/project/{projectKeyOrId}/permissionscheme', projects.projectPermissionScheme),
  P('GET', '/rest/api/3/permissionscheme', projects.listPermissionSchemes),
  P('GET', '/rest/api/3/permissionscheme/{schemeId}', projects.getPermissionScheme),
  P('GET', '/rest/api/3/mypermissions', users.myPermissions),
  P('POST', '/rest/api/3/permissions/check', users.checkPermissions),
  // Users and groups
  P('GET', '/rest/api/3/myself', users.myself),
  P('GET', '/rest/api/3/user', users.getUser),
  P('GET', '/rest/api/3/user/search', users.searchUsers),
  P('GET', '/rest/api/3/users/search', users.allUsers),
  P('GET', '/rest/api/3/user/groups', users.userGroups),
  P('GET', '/rest/api/3/group/member', users.groupMembers),
  // Audit
  P('GET', '/rest/api/3/auditing/record', users.auditRecords),
  // Redaction
  P('POST', '/rest/api/3/redact', redaction.submitRedaction),
  P('GET', '/rest/api/3/redact/status/{jobId}', redaction.redactionStatus),
  // Jira Service Management (not in the platform OpenAPI document)
  J('GET', '/rest/servicedeskapi/servicedesk', jsm.listServiceDesks),
  J('GET', '/rest/servicedeskapi/organization', jsm.listOrganizations),
  J('GET', '/rest/servicedeskapi/organization/{organizationId}/user', jsm.organizationUsers),
  J('GET', '/rest/servicedeskapi/request/{issueIdOrKey}/participant', jsm.requestParticipants),
];

/** Every route the emulator serves: method + path template. */
export const ROUTES: readonly RouteSpec[] = ROUTE_DEFS.map(({ method, path, jsm: isJsm }) => ({ method, path, jsm: isJsm }));
/** Routes of the Jira Cloud platform REST API (each is an operation of `third_party/jira-platform-v3.json`). */
export const PLATFORM_ROUTES: readonly RouteSpec[] = ROUTES.filter((r) => !r.jsm);
/** Jira Service Management routes (not in the platform OpenAPI document; shapes checked by hand). */
export const JSM_ROUTES: readonly RouteSpec[] = ROUTES.filter((r) => r.jsm);

interface Compiled {
  def: RouteDef;
  re: RegExp;
  names: string[];
  literals: number;
}

const COMPILED: Compiled[] = ROUTE_DEFS.map((def) => {
  const names: string[] = [];
  let literals = 0;
  const source = def.path
    .split('/')
    .map((seg) => {
      const m = /^\{(.+)\}$/.exec(seg);
      if (m) {
        names.push(m[1]!);
        return '([^/]+)';
      }
      literals++;
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { def, re: new RegExp(`^${source}/?$`), names, literals };
});

export type MatchResult =
  | { kind: 'found'; def: RouteDef; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allow: HttpMethod[] }
  | { kind: 'not-found' };

/** Matches a request path (without query) to a route; literal segments win over parameters. */
export function matchRoute(method: string, pathname: string): MatchResult {
  const candidates = COMPILED.map((c) => ({ c, m: c.re.exec(pathname) }))
    .filter((x): x is { c: Compiled; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => b.c.literals - a.c.literals);
  if (candidates.length === 0) return { kind: 'not-found' };
  const best = candidates[0]!.c.literals;
  const top = candidates.filter((x) => x.c.literals === best);
  const hit = top.find((x) => x.c.def.method === method.toUpperCase());
  if (!hit) {
    const any = candidates.find((x) => x.c.def.method === method.toUpperCase());
    if (any) return found(any.c, any.m);
    return { kind: 'method-not-allowed', allow: [...new Set(top.map((x) => x.c.def.method))] };
  }
  return found(hit.c, hit.m);
}

function found(c: Compiled, m: RegExpExecArray): MatchResult {
  const params: Record<string, string> = {};
  c.names.forEach((n, i) => {
    const raw = m[i + 1]!;
    try {
      params[n] = decodeURIComponent(raw);
    } catch {
      params[n] = raw;
    }
  });
  return { kind: 'found', def: c.def, params };
}
