/**
 * Domain model of the in-process Jira Cloud emulator. Everything here is plain data so a test can
 * inspect `emulator.state` directly. Times are epoch milliseconds; they are formatted the way Jira
 * formats them (`2025-05-01T08:00:00.000+0000`) only when serialised.
 */

/** Atlassian Document Format (ADF) document, as used by v3 descriptions and comment bodies. */
export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

export interface AdfNode {
  type: string;
  text?: string;
  content?: AdfNode[];
  attrs?: Record<string, unknown>;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
}

export type AccountType = 'atlassian' | 'app' | 'customer';

export interface EmuUser {
  accountId: string;
  accountType: AccountType;
  emailAddress?: string;
  /** When false, other users (and apps) do not see the email address (profile visibility). */
  emailVisible: boolean;
  displayName: string;
  active: boolean;
  timeZone: string;
  locale: string;
  /** Group names. */
  groups: string[];
  /** Application (product) access, e.g. `jira-servicedesk`. Empty for portal-only customers. */
  applicationRoles: string[];
}

export interface EmuGroup {
  name: string;
  groupId: string;
}

export interface EmuApplicationRole {
  key: string;
  name: string;
}

export interface EmuProjectRole {
  id: number;
  name: string;
  description: string;
}

/**
 * A permission or security-level holder, as in Jira's `PermissionHolder`: `type` is one of
 * `anyone`, `group` (parameter = group name), `projectRole` (parameter = role id), `user`
 * (parameter = accountId), `applicationRole` (parameter = application key, absent = any product
 * access), `reporter`, `assignee`, `projectLead`, `sd.customer.portal.only`.
 */
export interface EmuHolder {
  type: string;
  parameter?: string;
}

export interface EmuPermissionGrant {
  id: number;
  permission: string;
  holder: EmuHolder;
}

export interface EmuPermissionScheme {
  id: number;
  name: string;
  description: string;
  grants: EmuPermissionGrant[];
}

export interface EmuSecurityLevelMember {
  id: number;
  holder: EmuHolder;
}

export interface EmuSecurityLevel {
  id: string;
  name: string;
  description: string;
  members: EmuSecurityLevelMember[];
}

export interface EmuSecurityScheme {
  id: number;
  name: string;
  description: string;
  defaultLevelId: string | null;
  levels: EmuSecurityLevel[];
}

export interface EmuIssueType {
  id: string;
  name: string;
  description: string;
  avatarId: number;
}

export interface EmuStatus {
  id: string;
  name: string;
  description: string;
  category: 'new' | 'indeterminate' | 'done';
}

export interface EmuPriority {
  id: string;
  name: string;
}

export interface EmuProject {
  id: string;
  key: string;
  name: string;
  description: string;
  leadAccountId: string;
  projectTypeKey: 'service_desk' | 'software' | 'business';
  permissionSchemeId: number;
  issueSecuritySchemeId: number | null;
  issueTypeIds: string[];
  /** Project role id → actors (group names and account ids). */
  roleActors: Record<number, { groups: string[]; users: string[] }>;
  /** JSM service desk id, when the project is a service desk. */
  serviceDeskId: string | null;
  nextIssueNumber: number;
}

export interface EmuVisibility {
  type: 'group' | 'role';
  /** Group name or role name. */
  value: string;
  /** Group id for groups, the role name for roles (as Jira Cloud returns it). */
  identifier?: string;
}

export interface EmuComment {
  id: string;
  issueId: string;
  authorId: string;
  updateAuthorId: string;
  body: AdfDoc;
  created: number;
  updated: number;
  visibility: EmuVisibility | null;
  /** Comment entity properties; JSM keeps `sd.public.comment` ({internal: boolean}) here. */
  properties: Map<string, unknown>;
}

export interface EmuChangeItem {
  field: string;
  fieldtype: string;
  fieldId: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface EmuChangelog {
  id: string;
  authorId: string;
  created: number;
  items: EmuChangeItem[];
}

export interface EmuIssue {
  id: string;
  key: string;
  projectId: string;
  issueTypeId: string;
  statusId: string;
  priorityId: string;
  summary: string;
  description: AdfDoc | null;
  reporterId: string | null;
  creatorId: string;
  assigneeId: string | null;
  created: number;
  updated: number;
  securityLevelId: string | null;
  labels: string[];
  /** JSM request participants (account ids). */
  participants: string[];
  /** JSM organizations the request is shared with (organization ids). */
  organizationIds: string[];
  properties: Map<string, unknown>;
  comments: EmuComment[];
  changelog: EmuChangelog[];
}

export interface EmuOrganization {
  id: string;
  name: string;
  memberIds: string[];
}

export interface EmuServiceDesk {
  id: string;
  projectId: string;
  organizationIds: string[];
}

export interface EmuAuditRecord {
  id: number;
  summary: string;
  category: string;
  eventSource: string;
  authorAccountId: string;
  remoteAddress: string;
  created: number;
  objectItem: { id?: string; name: string; typeName: string; parentId?: string; parentName?: string };
  associatedItems: Array<{ id?: string; name: string; typeName: string; parentId?: string; parentName?: string }>;
  changedValues: Array<{ fieldName: string; changedFrom?: string; changedTo?: string }>;
}

/** `SingleRedactionRequest` of the OpenAPI document. */
export interface SingleRedactionRequest {
  externalId: string;
  reason: string;
  contentItem: { entityType: 'issuefieldvalue' | 'issue-comment' | 'issue-worklog'; entityId: string; id: string };
  redactionPosition: { adfPointer?: string; expectedText: string; from: number; to: number };
}

export interface EmuRedactionJob {
  id: string;
  submittedBy: string;
  submitted: number;
  status: 'PENDING' | 'IN_PROGRESS' | 'COMPLETED';
  /** Status polls still to answer PENDING / IN_PROGRESS before the job runs. */
  pollsBeforeRun: number;
  requests: SingleRedactionRequest[];
  /** `SingleRedactionResponse` per request, once COMPLETED. */
  results: Array<{ externalId: string; successful: boolean }>;
  /** Why each failed request failed (emulator diagnostics; not part of Jira's response). */
  failures: Record<string, string>;
}

export interface EmuState {
  baseUrl: string;
  guardPremium: boolean;
  appAccountId: string;
  users: Map<string, EmuUser>;
  groups: Map<string, EmuGroup>;
  applicationRoles: Map<string, EmuApplicationRole>;
  projectRoles: Map<number, EmuProjectRole>;
  /** Global permission key → group names holding it. */
  globalPermissions: Record<string, string[]>;
  issueTypes: Map<string, EmuIssueType>;
  statuses: Map<string, EmuStatus>;
  priorities: Map<string, EmuPriority>;
  projects: Map<string, EmuProject>;
  permissionSchemes: Map<number, EmuPermissionScheme>;
  securitySchemes: Map<number, EmuSecurityScheme>;
  /** Issues by id, in creation order. */
  issues: Map<string, EmuIssue>;
  organizations: Map<string, EmuOrganization>;
  serviceDesks: Map<string, EmuServiceDesk>;
  auditRecords: EmuAuditRecord[];
  redactionJobs: Map<string, EmuRedactionJob>;
  counters: { issue: number; comment: number; changelog: number; audit: number; redaction: number };
  /** Last timestamp handed out (keeps emulator time strictly increasing). */
  lastTime: number;
}

export type EmuActor = { kind: 'user'; accountId: string } | { kind: 'app' };

export interface EmuRequest {
  method: string;
  /** Path with query string, e.g. `/rest/api/3/issue/ITS-1?fields=summary`. */
  path: string;
  headers?: Record<string, string | string[] | undefined>;
  /** JSON value, or a JSON string. */
  body?: unknown;
  /** In-process callers (Forge shims) pass the actor directly; otherwise Basic auth is used. */
  actor?: EmuActor;
}

export interface EmuResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON body; undefined for empty bodies (204 and friends). */
  body?: unknown;
}

/** Who did something, as reported on domain events. */
export interface EventActor {
  kind: 'user' | 'app';
  accountId: string;
}

export interface IssueCreatedEvent {
  type: 'issue_created';
  issue: Record<string, unknown>;
  atlassianId: string;
  actor: EventActor;
}

export interface IssueUpdatedEvent {
  type: 'issue_updated';
  issue: Record<string, unknown>;
  changelog: { id: string; items: EmuChangeItem[] };
  atlassianId: string;
  actor: EventActor;
}

export interface CommentCreatedEvent {
  type: 'comment_created';
  issue: Record<string, unknown>;
  comment: Record<string, unknown>;
  atlassianId: string;
  actor: EventActor;
}

export interface CommentUpdatedEvent {
  type: 'comment_updated';
  issue: Record<string, unknown>;
  comment: Record<string, unknown>;
  atlassianId: string;
  actor: EventActor;
}

export type EmuEvent = IssueCreatedEvent | IssueUpdatedEvent | CommentCreatedEvent | CommentUpdatedEvent;
export type EmuEventType = EmuEvent['type'];
export type EmuEventOf<T extends EmuEventType> = Extract<EmuEvent, { type: T }>;
