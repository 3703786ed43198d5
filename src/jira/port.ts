/**
 * The app's only view of Jira: a plain interface, so use cases run against the Forge adapter in
 * production, the sandbox emulator locally, and in-memory fakes in unit tests.
 */
import type { BulkRedactionRequest, RedactionJobStatusResponse } from '../phi/adf';

/** What the app reads of an issue. `description` is ADF (or null). */
export interface IssueSnapshot {
  id: string;
  key: string;
  projectKey: string;
  /** `service_desk` for Jira Service Management projects. */
  projectTypeKey: string;
  summary: string;
  description: unknown;
  reporterId: string | null;
  securityLevelId: string | null;
  status: { id: string; name: string; category: string } | null;
}

export interface CommentSnapshot {
  id: string;
  /** ADF. */
  body: unknown;
  authorId: string | null;
  /** Visible to the customer on a JSM request (false: internal note). */
  jsdPublic: boolean;
}

export interface UserFacts {
  accountId: string;
  /** Null when hidden by the user's profile visibility. */
  email: string | null;
  groups: string[];
}

/** A site user as the user list gives it. */
export interface SiteUser {
  accountId: string;
  /** `atlassian` (a site's own people), `customer` (a JSM portal account), `app`. */
  accountType: string;
  active: boolean;
  displayName: string;
}

export interface JiraPort {
  /** The issue, or null when it does not exist or the app cannot see it. */
  getIssue(idOrKey: string): Promise<IssueSnapshot | null>;
  getComment(issueId: string, commentId: string): Promise<CommentSnapshot | null>;
  getUser(accountId: string): Promise<UserFacts | null>;
  /** JSM organizations the user belongs to. */
  getUserOrganizations(accountId: string): Promise<Array<{ id: string; name: string }>>;
  /** Sets an issue entity property (JSON value, ≤ 32 KB). */
  setIssueProperty(idOrKey: string, propertyKey: string, value: unknown): Promise<void>;
  /** Edits issue fields (`summary`, `description`, `security`), without notifying watchers. */
  editIssue(issueId: string, fields: Record<string, unknown>): Promise<void>;
  editComment(issueId: string, commentId: string, body: unknown): Promise<void>;
  /** Adds a JSM internal note (not visible to customers). */
  addInternalComment(issueId: string, body: unknown): Promise<void>;
  /** Submits a redaction job; `unavailable` when the site answers 403 (no Atlassian Guard Premium). */
  redact(request: BulkRedactionRequest): Promise<{ jobId: string } | 'unavailable'>;
  redactionStatus(jobId: string): Promise<RedactionJobStatusResponse>;
  /** One page of the site's users (GET /rest/api/3/users/search, scope read:jira-user). */
  listUsers(startAt: number, maxResults: number): Promise<SiteUser[]>;
  /** Name of the status a transition leads to (by status id), from the issue's transitions. */
  statusName(issueKey: string, statusId: string): Promise<string | null>;
}

/**
 * A Jira answer the caller may act on: 429/5xx are worth retrying, honouring `retryAfterMs`.
 * Carries the names of rejected fields (from Jira's `errors` object), never response text, which
 * can echo issue content.
 */
export class JiraError extends Error {
  constructor(
    readonly status: number,
    readonly operation: string,
    readonly retryAfterMs?: number,
    readonly fieldErrors: string[] = [],
  ) {
    super(`Jira ${operation} answered ${status}${fieldErrors.length > 0 ? ` (rejected: ${fieldErrors.join(', ')})` : ''}`);
    this.name = 'JiraError';
  }

  get retryable(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}
