/**
 * Domain objects → the JSON shapes of the Jira Cloud platform OpenAPI document (only properties the
 * document declares: its response schemas mostly say `additionalProperties: false`).
 */
import { adfToHtml, adfToText } from './adf';
import { canSeeComment, isInternalComment, securityLevel } from './access';
import type {
  EmuChangelog,
  EmuComment,
  EmuGroup,
  EmuHolder,
  EmuIssue,
  EmuProject,
  EmuSecurityLevel,
  EmuSecurityScheme,
  EmuState,
  EmuUser,
} from './types';
import { deepClone, jiraTime } from './util';

type Json = Record<string, unknown>;

export function avatarUrls(state: EmuState, kind: string, id: string): Json {
  const base = `${state.baseUrl}/rest/api/3/universal_avatar/view/type/${kind}/avatar/${encodeURIComponent(id)}`;
  return { '48x48': base, '24x24': `${base}?size=small`, '16x16': `${base}?size=xsmall`, '32x32': `${base}?size=medium` };
}

function emailFor(viewer: EmuUser | undefined, user: EmuUser): Json {
  if (!user.emailAddress) return {};
  if (user.emailVisible || viewer?.accountId === user.accountId) return { emailAddress: user.emailAddress };
  return {};
}

/** `UserDetails` (reporter, comment author, changelog author, group members). */
export function userDetails(state: EmuState, user: EmuUser, viewer?: EmuUser): Json {
  return {
    self: `${state.baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    ...emailFor(viewer, user),
    avatarUrls: avatarUrls(state, 'user', user.accountId),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    accountType: user.accountType,
  };
}

export function userDetailsById(state: EmuState, accountId: string | null, viewer?: EmuUser): Json | null {
  if (accountId === null) return null;
  const user = state.users.get(accountId);
  return user ? userDetails(state, user, viewer) : null;
}

export function groupName(state: EmuState, group: EmuGroup): Json {
  return {
    name: group.name,
    groupId: group.groupId,
    self: `${state.baseUrl}/rest/api/3/group?groupId=${group.groupId}`,
  };
}

/** `User` (myself, GET user, user search). */
export function userBean(state: EmuState, user: EmuUser, viewer: EmuUser | undefined, expand: string[]): Json {
  const groups = user.groups
    .map((g) => state.groups.get(g))
    .filter((g): g is EmuGroup => g !== undefined)
    .map((g) => groupName(state, g));
  const roles = user.applicationRoles
    .map((k) => state.applicationRoles.get(k))
    .filter((r) => r !== undefined)
    .map((r) => ({ key: r.key, name: r.name }));
  return {
    self: `${state.baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    accountType: user.accountType,
    ...emailFor(viewer, user),
    avatarUrls: avatarUrls(state, 'user', user.accountId),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    locale: user.locale,
    groups: { size: groups.length, items: expand.includes('groups') ? groups : [] },
    applicationRoles: { size: roles.length, items: expand.includes('applicationRoles') ? roles : [] },
    expand: 'groups,applicationRoles',
  };
}

export function projectDetails(state: EmuState, project: EmuProject): Json {
  return {
    self: `${state.baseUrl}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: project.projectTypeKey,
    simplified: false,
    avatarUrls: avatarUrls(state, 'project', project.id),
  };
}

export function issueTypeDetails(state: EmuState, id: string): Json | null {
  const t = state.issueTypes.get(id);
  if (!t) return null;
  return {
    self: `${state.baseUrl}/rest/api/3/issuetype/${t.id}`,
    id: t.id,
    description: t.description,
    iconUrl: `${state.baseUrl}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${t.avatarId}?size=medium`,
    name: t.name,
    subtask: false,
    avatarId: t.avatarId,
    hierarchyLevel: 0,
  };
}

const STATUS_CATEGORIES = {
  new: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
} as const;

export function statusDetails(state: EmuState, id: string): Json | null {
  const s = state.statuses.get(id);
  if (!s) return null;
  const cat = STATUS_CATEGORIES[s.category];
  return {
    self: `${state.baseUrl}/rest/api/3/status/${s.id}`,
    description: s.description,
    iconUrl: `${state.baseUrl}/images/icons/statuses/generic.png`,
    name: s.name,
    id: s.id,
    statusCategory: { self: `${state.baseUrl}/rest/api/3/statuscategory/${cat.id}`, ...cat },
  };
}

/** `SecurityLevel`. */
export function securityLevelBean(state: EmuState, scheme: EmuSecurityScheme | undefined, level: EmuSecurityLevel): Json {
  return {
    self: `${state.baseUrl}/rest/api/3/securitylevel/${level.id}`,
    id: level.id,
    description: level.description,
    name: level.name,
    ...(scheme
      ? { isDefault: scheme.defaultLevelId === level.id, issueSecuritySchemeId: String(scheme.id) }
      : {}),
  };
}

export function schemeOfLevel(state: EmuState, levelId: string): EmuSecurityScheme | undefined {
  for (const s of state.securitySchemes.values()) if (s.levels.some((l) => l.id === levelId)) return s;
  return undefined;
}

/** `PermissionHolder`: `value` is the group id for group holders, as on Jira Cloud. */
export function holderBean(state: EmuState, holder: EmuHolder): Json {
  const out: Json = { type: holder.type };
  if (holder.parameter !== undefined) out.parameter = holder.parameter;
  if (holder.type === 'group' && holder.parameter !== undefined) {
    const g = state.groups.get(holder.parameter);
    if (g) out.value = g.groupId;
  } else if (holder.parameter !== undefined) out.value = holder.parameter;
  return out;
}

export function commentIsPublic(state: EmuState, issue: EmuIssue, comment: EmuComment): boolean {
  const project = state.projects.get(issue.projectId);
  return !(project?.serviceDeskId && isInternalComment(comment));
}

/** `Comment`. */
export function commentBean(state: EmuState, issue: EmuIssue, comment: EmuComment, viewer: EmuUser | undefined, expand: string[]): Json {
  const project = state.projects.get(issue.projectId);
  const out: Json = {
    self: `${state.baseUrl}/rest/api/3/issue/${issue.id}/comment/${comment.id}`,
    id: comment.id,
    author: userDetailsById(state, comment.authorId, viewer),
    body: deepClone(comment.body),
    updateAuthor: userDetailsById(state, comment.updateAuthorId, viewer),
    created: jiraTime(comment.created),
    updated: jiraTime(comment.updated),
    jsdPublic: commentIsPublic(state, issue, comment),
  };
  if (project?.serviceDeskId) out.jsdAuthorCanSeeRequest = true;
  if (comment.visibility) {
    out.visibility = {
      type: comment.visibility.type,
      value: comment.visibility.value,
      ...(comment.visibility.identifier ? { identifier: comment.visibility.identifier } : {}),
    };
  }
  if (expand.includes('renderedBody')) out.renderedBody = adfToHtml(comment.body);
  if (expand.includes('properties')) {
    out.properties = [...comment.properties.entries()].map(([key, value]) => ({ key, value: deepClone(value) }));
  }
  return out;
}

export function visibleComments(state: EmuState, issue: EmuIssue, viewer: EmuUser | undefined): EmuComment[] {
  if (!viewer) return issue.comments;
  return issue.comments.filter((c) => canSeeComment(state, viewer, issue, c));
}

/** `Changelog`. */
export function changelogBean(state: EmuState, log: EmuChangelog, viewer?: EmuUser): Json {
  return {
    id: log.id,
    author: userDetailsById(state, log.authorId, viewer),
    created: jiraTime(log.created),
    items: log.items.map((i) => ({ ...i })),
  };
}

export function organizationBean(state: EmuState, id: string): Json | null {
  const org = state.organizations.get(id);
  if (!org) return null;
  return { id: org.id, name: org.name, _links: { self: `${state.baseUrl}/rest/servicedeskapi/organization/${org.id}` } };
}

/** Field id → display name (`names` expansion) and schema (`schema` expansion). */
export const FIELD_NAMES: Record<string, string> = {
  summary: 'Summary',
  description: 'Description',
  issuetype: 'Issue Type',
  project: 'Project',
  reporter: 'Reporter',
  creator: 'Creator',
  assignee: 'Assignee',
  created: 'Created',
  updated: 'Updated',
  status: 'Status',
  priority: 'Priority',
  labels: 'Labels',
  security: 'Security Level',
  comment: 'Comment',
  environment: 'Environment',
  resolution: 'Resolution',
  resolutiondate: 'Resolved',
  customfield_10002: 'Organizations',
};

const FIELD_SCHEMAS: Record<string, Json> = {
  summary: { type: 'string', system: 'summary' },
  description: { type: 'string', system: 'description' },
  issuetype: { type: 'issuetype', system: 'issuetype' },
  project: { type: 'project', system: 'project' },
  reporter: { type: 'user', system: 'reporter' },
  creator: { type: 'user', system: 'creator' },
  assignee: { type: 'user', system: 'assignee' },
  created: { type: 'datetime', system: 'created' },
  updated: { type: 'datetime', system: 'updated' },
  status: { type: 'status', system: 'status' },
  priority: { type: 'priority', system: 'priority' },
  labels: { type: 'array', items: 'string', system: 'labels' },
  security: { type: 'securitylevel', system: 'security' },
  comment: { type: 'comments-page', system: 'comment' },
  environment: { type: 'string', system: 'environment' },
  resolution: { type: 'resolution', system: 'resolution' },
  resolutiondate: { type: 'datetime', system: 'resolutiondate' },
  customfield_10002: {
    type: 'array',
    items: 'sd-customerorganization',
    custom: 'com.atlassian.servicedesk:sd-customer-organizations',
    customId: 10002,
  },
};

/** Fields that `*navigable` does not include. */
const NON_NAVIGABLE = new Set(['comment']);

/** Which fields a `fields` parameter selects (`*all`, `*navigable`, names, `-name` exclusions). */
export function selectFields(requested: string[], defaultSpec: '*all' | '*navigable' | 'id'): Set<string> | 'id-only' {
  const all = Object.keys(FIELD_NAMES);
  const spec = requested.length > 0 ? requested : [defaultSpec];
  const include = new Set<string>();
  const exclude = new Set<string>();
  let onlyId = true;
  for (const raw of spec) {
    const f = raw.trim();
    if (f === 'id') continue;
    onlyId = false;
    if (f.startsWith('-')) {
      exclude.add(f.slice(1));
      continue;
    }
    if (f === '*all') all.forEach((x) => include.add(x));
    else if (f === '*navigable') all.filter((x) => !NON_NAVIGABLE.has(x)).forEach((x) => include.add(x));
    else include.add(f);
  }
  if (onlyId) return 'id-only';
  // Only exclusions given: start from the navigable default (as Jira does).
  if (include.size === 0) all.filter((x) => !NON_NAVIGABLE.has(x)).forEach((x) => include.add(x));
  for (const x of exclude) include.delete(x);
  return include;
}

export interface IssueBeanOptions {
  fields: Set<string> | 'id-only';
  expand: string[];
  properties: string[];
  viewer?: EmuUser;
}

function fieldValue(state: EmuState, issue: EmuIssue, field: string, viewer: EmuUser | undefined): unknown {
  const project = state.projects.get(issue.projectId);
  switch (field) {
    case 'summary':
      return issue.summary;
    case 'description':
      return issue.description ? deepClone(issue.description) : null;
    case 'issuetype':
      return issueTypeDetails(state, issue.issueTypeId);
    case 'project':
      return project ? projectDetails(state, project) : null;
    case 'reporter':
      return userDetailsById(state, issue.reporterId, viewer);
    case 'creator':
      return userDetailsById(state, issue.creatorId, viewer);
    case 'assignee':
      return userDetailsById(state, issue.assigneeId, viewer);
    case 'created':
      return jiraTime(issue.created);
    case 'updated':
      return jiraTime(issue.updated);
    case 'status':
      return statusDetails(state, issue.statusId);
    case 'priority': {
      const p = state.priorities.get(issue.priorityId);
      return p
        ? { self: `${state.baseUrl}/rest/api/3/priority/${p.id}`, iconUrl: `${state.baseUrl}/images/icons/priorities/${p.name.toLowerCase()}.svg`, name: p.name, id: p.id }
        : null;
    }
    case 'labels':
      return [...issue.labels];
    case 'security': {
      const level = securityLevel(state, issue.securityLevelId);
      return level
        ? { self: `${state.baseUrl}/rest/api/3/securitylevel/${level.id}`, id: level.id, description: level.description, name: level.name }
        : null;
    }
    case 'comment': {
      const comments = visibleComments(state, issue, viewer);
      return {
        comments: comments.map((c) => commentBean(state, issue, c, viewer, [])),
        self: `${state.baseUrl}/rest/api/3/issue/${issue.id}/comment`,
        maxResults: comments.length,
        total: comments.length,
        startAt: 0,
      };
    }
    case 'environment':
    case 'resolution':
    case 'resolutiondate':
      return null;
    case 'customfield_10002':
      return project?.serviceDeskId ? issue.organizationIds.map((id) => organizationBean(state, id)).filter((o) => o !== null) : undefined;
    default:
      return undefined;
  }
}

/** `IssueBean`. */
export function issueBean(state: EmuState, issue: EmuIssue, opts: IssueBeanOptions): Json {
  if (opts.fields === 'id-only' && opts.expand.length === 0 && opts.properties.length === 0) return { id: issue.id };
  const out: Json = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${state.baseUrl}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
  };
  const selected = opts.fields === 'id-only' ? new Set<string>() : opts.fields;
  if (opts.fields !== 'id-only') {
    const fields: Json = {};
    for (const f of selected) {
      const v = fieldValue(state, issue, f, opts.viewer);
      if (v !== undefined) fields[f] = v;
    }
    out.fields = fields;
  }
  if (opts.expand.includes('renderedFields')) {
    const rendered: Json = {};
    if (selected.has('description')) rendered.description = issue.description ? adfToHtml(issue.description) : null;
    if (selected.has('comment')) {
      const comments = visibleComments(state, issue, opts.viewer);
      rendered.comment = {
        comments: comments.map((c) => commentBean(state, issue, c, opts.viewer, ['renderedBody'])),
        maxResults: comments.length,
        total: comments.length,
        startAt: 0,
      };
    }
    if (selected.has('created')) rendered.created = jiraTime(issue.created);
    if (selected.has('updated')) rendered.updated = jiraTime(issue.updated);
    if (selected.has('environment')) rendered.environment = null;
    out.renderedFields = rendered;
  }
  if (opts.expand.includes('names')) {
    out.names = Object.fromEntries([...selected].filter((f) => FIELD_NAMES[f]).map((f) => [f, FIELD_NAMES[f]!]));
  }
  if (opts.expand.includes('schema')) {
    out.schema = Object.fromEntries([...selected].filter((f) => FIELD_SCHEMAS[f]).map((f) => [f, FIELD_SCHEMAS[f]!]));
  }
  if (opts.expand.includes('operations')) out.operations = { linkGroups: [] };
  if (opts.expand.includes('editmeta')) out.editmeta = { fields: {} };
  if (opts.expand.includes('transitions')) out.transitions = [];
  if (opts.expand.includes('changelog')) {
    const histories = [...issue.changelog].reverse().map((c) => changelogBean(state, c, opts.viewer));
    out.changelog = { startAt: 0, maxResults: histories.length, total: histories.length, histories };
  }
  if (opts.properties.length > 0) {
    const props: Json = {};
    const all = opts.properties.includes('*all');
    const excluded = new Set(opts.properties.filter((p) => p.startsWith('-')).map((p) => p.slice(1)));
    for (const [k, v] of issue.properties) {
      if ((all || opts.properties.includes(k)) && !excluded.has(k)) props[k] = deepClone(v);
    }
    out.properties = props;
  }
  return out;
}

/** The issue as an event payload sees it (all fields, no viewer restrictions). */
export function eventIssue(state: EmuState, issue: EmuIssue): Json {
  return issueBean(state, issue, { fields: selectFields(['*all'], '*all'), expand: [], properties: [] });
}

export function descriptionText(issue: EmuIssue): string {
  return adfToText(issue.description);
}
