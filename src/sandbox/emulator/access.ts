/**
 * Permission and visibility rules: project permissions from the project's permission scheme, global
 * permissions from groups, issue security levels and comment visibility.
 */
import type { EmuComment, EmuHolder, EmuIssue, EmuProject, EmuSecurityLevel, EmuState, EmuUser } from './types';

export interface PermissionInfo {
  id: string;
  key: string;
  name: string;
  type: 'GLOBAL' | 'PROJECT';
  description: string;
}

/** Permissions the emulator knows (ids as on Jira Cloud). */
export const PERMISSIONS: readonly PermissionInfo[] = [
  { id: '0', key: 'ADMINISTER', name: 'Administer Jira', type: 'GLOBAL', description: 'Create and administer projects, issue types, fields, workflows, and schemes for all projects.' },
  { id: '44', key: 'SYSTEM_ADMIN', name: 'Administer Jira system', type: 'GLOBAL', description: 'Ability to perform most administration functions.' },
  { id: '27', key: 'USER_PICKER', name: 'Browse users and groups', type: 'GLOBAL', description: 'View and select users or groups from the user picker, and share issues.' },
  { id: '22', key: 'CREATE_SHARED_OBJECTS', name: 'Share dashboards and filters', type: 'GLOBAL', description: 'Share dashboards and filters with other users.' },
  { id: '33', key: 'BULK_CHANGE', name: 'Make bulk changes', type: 'GLOBAL', description: 'Modify collections of issues at once.' },
  { id: '23', key: 'ADMINISTER_PROJECTS', name: 'Administer Projects', type: 'PROJECT', description: 'Ability to administer a project in Jira.' },
  { id: '10', key: 'BROWSE_PROJECTS', name: 'Browse Projects', type: 'PROJECT', description: 'Ability to browse projects and the issues within them.' },
  { id: '11', key: 'CREATE_ISSUES', name: 'Create Issues', type: 'PROJECT', description: 'Ability to create issues.' },
  { id: '12', key: 'EDIT_ISSUES', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.' },
  { id: '13', key: 'ASSIGN_ISSUES', name: 'Assign Issues', type: 'PROJECT', description: 'Ability to assign issues to other people.' },
  { id: '14', key: 'RESOLVE_ISSUES', name: 'Resolve Issues', type: 'PROJECT', description: 'Ability to resolve and reopen issues.' },
  { id: '15', key: 'ADD_COMMENTS', name: 'Add Comments', type: 'PROJECT', description: 'Ability to comment on issues.' },
  { id: '16', key: 'DELETE_ISSUES', name: 'Delete Issues', type: 'PROJECT', description: 'Ability to delete issues.' },
  { id: '17', key: 'ASSIGNABLE_USER', name: 'Assignable User', type: 'PROJECT', description: 'Users with this permission may be assigned to issues.' },
  { id: '26', key: 'SET_ISSUE_SECURITY', name: 'Set Issue Security', type: 'PROJECT', description: 'Ability to set the level of security on an issue so that only people in that security level can see the issue.' },
  { id: '30', key: 'MODIFY_REPORTER', name: 'Modify Reporter', type: 'PROJECT', description: 'Ability to modify the reporter when creating or editing an issue.' },
  { id: '34', key: 'EDIT_ALL_COMMENTS', name: 'Edit All Comments', type: 'PROJECT', description: 'Ability to edit all comments made on issues.' },
  { id: '35', key: 'EDIT_OWN_COMMENTS', name: 'Edit Own Comments', type: 'PROJECT', description: 'Ability to edit own comments made on issues.' },
  { id: '36', key: 'DELETE_ALL_COMMENTS', name: 'Delete All Comments', type: 'PROJECT', description: 'Ability to delete all comments made on issues.' },
  { id: '46', key: 'TRANSITION_ISSUES', name: 'Transition Issues', type: 'PROJECT', description: 'Ability to transition issues.' },
  { id: '-1', key: 'SERVICEDESK_AGENT', name: 'Service Project Agent', type: 'PROJECT', description: 'Ability to act as an agent in a service project.' },
];

export const PERMISSION_BY_KEY: ReadonlyMap<string, PermissionInfo> = new Map(PERMISSIONS.map((p) => [p.key, p]));

export function inGroup(user: EmuUser, group: string): boolean {
  return user.groups.includes(group);
}

export function inProjectRole(user: EmuUser, project: EmuProject, roleId: number): boolean {
  const actors = project.roleActors[roleId];
  if (!actors) return false;
  return actors.users.includes(user.accountId) || actors.groups.some((g) => inGroup(user, g));
}

export function projectRoleByName(state: EmuState, name: string): number | undefined {
  for (const r of state.projectRoles.values()) if (r.name.toLowerCase() === name.toLowerCase()) return r.id;
  return undefined;
}

export function hasGlobalPermission(state: EmuState, user: EmuUser, key: string): boolean {
  const groups = state.globalPermissions[key] ?? [];
  return groups.some((g) => inGroup(user, g));
}

export const isAdmin = (state: EmuState, user: EmuUser): boolean =>
  hasGlobalPermission(state, user, 'ADMINISTER') || hasGlobalPermission(state, user, 'SYSTEM_ADMIN');

/** Whether the user is in a JSM request's circle: reporter, participant, or member of a shared organization. */
function inRequestCircle(state: EmuState, user: EmuUser, issue: EmuIssue): boolean {
  if (issue.reporterId === user.accountId || issue.participants.includes(user.accountId)) return true;
  return issue.organizationIds.some((id) => state.organizations.get(id)?.memberIds.includes(user.accountId) ?? false);
}

/**
 * Whether `holder` includes `user`. With `issue` the issue-dependent holders (reporter, assignee,
 * portal customers) are decided for that issue; without it (project context) they count when the
 * user could hold them for some issue in the project, as Jira's `mypermissions` does.
 */
export function holderIncludes(
  state: EmuState,
  holder: EmuHolder,
  user: EmuUser,
  project: EmuProject,
  issue?: EmuIssue,
): boolean {
  switch (holder.type) {
    case 'anyone':
      return true;
    case 'group':
      return holder.parameter !== undefined && inGroup(user, holder.parameter);
    case 'user':
      return holder.parameter === user.accountId;
    case 'projectRole':
      return holder.parameter !== undefined && inProjectRole(user, project, Number(holder.parameter));
    case 'applicationRole':
      return holder.parameter === undefined || holder.parameter === ''
        ? user.applicationRoles.length > 0
        : user.applicationRoles.includes(holder.parameter);
    case 'projectLead':
      return project.leadAccountId === user.accountId;
    case 'reporter':
      if (issue) return issue.reporterId === user.accountId;
      return [...state.issues.values()].some((i) => i.projectId === project.id && i.reporterId === user.accountId);
    case 'assignee':
      if (issue) return issue.assigneeId === user.accountId;
      return [...state.issues.values()].some((i) => i.projectId === project.id && i.assigneeId === user.accountId);
    case 'sd.customer.portal.only':
      if (user.accountType === 'app') return false;
      if (issue) return inRequestCircle(state, user, issue);
      return user.accountType === 'customer' || inProjectRole(user, project, SERVICE_DESK_CUSTOMERS_ROLE);
    default:
      return false;
  }
}

/** Role id of "Service Desk Customers" (see seed/base site). */
export const SERVICE_DESK_CUSTOMERS_ROLE = 10101;

export function hasProjectPermission(
  state: EmuState,
  user: EmuUser,
  project: EmuProject,
  permission: string,
  issue?: EmuIssue,
): boolean {
  const scheme = state.permissionSchemes.get(project.permissionSchemeId);
  if (!scheme) return false;
  return scheme.grants.some(
    (g) => g.permission === permission && holderIncludes(state, g.holder, user, project, issue),
  );
}

export function securityLevel(state: EmuState, levelId: string | null): EmuSecurityLevel | undefined {
  if (levelId === null) return undefined;
  for (const scheme of state.securitySchemes.values()) {
    const level = scheme.levels.find((l) => l.id === levelId);
    if (level) return level;
  }
  return undefined;
}

export function inSecurityLevel(state: EmuState, user: EmuUser, project: EmuProject, issue: EmuIssue, level: EmuSecurityLevel): boolean {
  return level.members.some((m) => holderIncludes(state, m.holder, user, project, issue));
}

/** Browse projects + issue security: what decides whether GET issue answers 200 or 404. */
export function canSeeIssue(state: EmuState, user: EmuUser, issue: EmuIssue): boolean {
  const project = state.projects.get(issue.projectId);
  if (!project) return false;
  if (!hasProjectPermission(state, user, project, 'BROWSE_PROJECTS', issue)) return false;
  const level = securityLevel(state, issue.securityLevelId);
  if (!level) return true;
  return inSecurityLevel(state, user, project, issue, level);
}

export function canBrowseProject(state: EmuState, user: EmuUser, project: EmuProject): boolean {
  return (
    hasProjectPermission(state, user, project, 'BROWSE_PROJECTS') ||
    hasProjectPermission(state, user, project, 'ADMINISTER_PROJECTS') ||
    isAdmin(state, user)
  );
}

/** JSM: a comment is internal when its `sd.public.comment` property says `internal: true`. */
export function isInternalComment(comment: EmuComment): boolean {
  const prop = comment.properties.get('sd.public.comment');
  return typeof prop === 'object' && prop !== null && (prop as { internal?: unknown }).internal === true;
}

export function canSeeComment(state: EmuState, user: EmuUser, issue: EmuIssue, comment: EmuComment): boolean {
  const project = state.projects.get(issue.projectId);
  if (!project) return false;
  // JSM internal notes are hidden from portal customers.
  if (project.serviceDeskId && isInternalComment(comment) && user.accountType === 'customer') return false;
  const vis = comment.visibility;
  if (!vis) return true;
  if (vis.type === 'group') {
    const group = vis.identifier
      ? [...state.groups.values()].find((g) => g.groupId === vis.identifier)?.name
      : vis.value;
    return group !== undefined && inGroup(user, group);
  }
  const roleId = projectRoleByName(state, vis.value);
  return roleId !== undefined && inProjectRole(user, project, roleId);
}

export function canEditComment(state: EmuState, user: EmuUser, issue: EmuIssue, comment: EmuComment): boolean {
  const project = state.projects.get(issue.projectId);
  if (!project) return false;
  if (hasProjectPermission(state, user, project, 'EDIT_ALL_COMMENTS', issue)) return true;
  return comment.authorId === user.accountId && hasProjectPermission(state, user, project, 'EDIT_OWN_COMMENTS', issue);
}
