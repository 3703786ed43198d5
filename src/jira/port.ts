/**
 * The app's only view of Jira: a plain interface, so use cases run against the Forge adapter in
 * production, the sandbox emulator locally, and in-memory fakes in unit tests.
 */

/** What the app reads of an issue. `description` is ADF (or null). */
export interface IssueSnapshot {
  id: string;
  key: string;
  projectKey: string;
  summary: string;
  description: unknown;
}

export interface JiraPort {
  /** The issue, or null when it does not exist or the app cannot see it. */
  getIssue(idOrKey: string): Promise<IssueSnapshot | null>;
  /** Sets an issue entity property (JSON value, ≤ 32 KB). */
  setIssueProperty(idOrKey: string, propertyKey: string, value: unknown): Promise<void>;
}

/** A Jira answer the caller may act on: 429/5xx are worth retrying, honouring `retryAfterMs`. */
export class JiraError extends Error {
  constructor(
    readonly status: number,
    readonly operation: string,
    readonly retryAfterMs?: number,
  ) {
    // never the response body: it can echo issue content
    super(`Jira ${operation} answered ${status}`);
    this.name = 'JiraError';
  }

  get retryable(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}
