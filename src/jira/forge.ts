/**
 * The Forge adapter of the Jira port: REST calls as the app (`asApp`, the manifest's scopes), each
 * retried on 429/5xx within the invocation's budget (./retry.ts).
 */
import api, { route } from '@forge/api';
import type { BulkRedactionRequest } from '../phi/adf';
import { parseRedactionJobStatus } from '../phi/adf';
import { JiraError, type CommentSnapshot, type IssueSnapshot, type JiraPort } from './port';
import { realClock, retryAfterMs, withRetry, type RetryClock } from './retry';

interface FetchResponse {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

type Route = ReturnType<typeof route>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export interface ForgeJiraOptions {
  /** Epoch ms: no retry wait may end later (default: 18 s from now, inside Forge's 25 s). */
  deadline?: number;
  maxAttempts?: number;
  clock?: RetryClock;
}

const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

export function forgeJira(opts: ForgeJiraOptions = {}): JiraPort {
  const clock = opts.clock ?? realClock;
  const policy = { deadline: opts.deadline ?? clock.now() + 18_000, maxAttempts: opts.maxAttempts ?? 6, clock };

  const request = (path: Route, init?: { method: string; body?: unknown }): Promise<FetchResponse> =>
    withRetry(
      () =>
        api.asApp().requestJira(path, {
          method: init?.method ?? 'GET',
          headers: JSON_HEADERS,
          ...(init?.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        }) as unknown as Promise<FetchResponse>,
      policy,
    );

  /** Throws a JiraError (with the rejected field names, never Jira's messages) unless 2xx. */
  const fail = async (res: FetchResponse, operation: string): Promise<never> => {
    let fields: string[] = [];
    try {
      const body: unknown = await res.json();
      if (isRecord(body) && isRecord(body.errors)) fields = Object.keys(body.errors).slice(0, 10);
    } catch {
      // no JSON body
    }
    throw new JiraError(res.status, operation, retryAfterMs(res, clock.now()), fields);
  };

  return {
    async getIssue(idOrKey) {
      const res = await request(route`/rest/api/3/issue/${idOrKey}?fields=summary,description,project,reporter,security,status`);
      if (res.status === 404) return null;
      if (!res.ok) return fail(res, 'get issue');
      const body = (await res.json()) as { id: string; key: string; fields?: Record<string, unknown> };
      const f = body.fields ?? {};
      const project = isRecord(f.project) ? f.project : {};
      const status = isRecord(f.status) ? f.status : null;
      const category = status && isRecord(status.statusCategory) ? str(status.statusCategory.key) : null;
      return {
        id: body.id,
        key: body.key,
        projectKey: str(project.key) ?? '',
        projectTypeKey: str(project.projectTypeKey) ?? '',
        summary: typeof f.summary === 'string' ? f.summary : '',
        description: f.description ?? null,
        reporterId: isRecord(f.reporter) ? str(f.reporter.accountId) : null,
        securityLevelId: isRecord(f.security) ? str(f.security.id) : null,
        status: status ? { id: str(status.id) ?? '', name: str(status.name) ?? '', category: category ?? '' } : null,
      } satisfies IssueSnapshot;
    },
    async getComment(issueId, commentId) {
      const res = await request(route`/rest/api/3/issue/${issueId}/comment/${commentId}`);
      if (res.status === 404) return null;
      if (!res.ok) return fail(res, 'get comment');
      const c = (await res.json()) as Record<string, unknown>;
      return {
        id: String(c.id),
        body: c.body ?? null,
        authorId: isRecord(c.author) ? str(c.author.accountId) : null,
        jsdPublic: c.jsdPublic !== false,
      } satisfies CommentSnapshot;
    },
    async getUser(accountId) {
      const res = await request(route`/rest/api/3/user?accountId=${accountId}&expand=groups`);
      if (res.status === 404) return null;
      if (!res.ok) return fail(res, 'get user');
      const u = (await res.json()) as Record<string, unknown>;
      const items = isRecord(u.groups) && Array.isArray(u.groups.items) ? u.groups.items : [];
      return {
        accountId,
        email: str(u.emailAddress),
        groups: items.flatMap((g) => (isRecord(g) && typeof g.name === 'string' ? [g.name] : [])),
      };
    },
    async listUsers(startAt, maxResults) {
      const res = await request(route`/rest/api/3/users/search?startAt=${String(startAt)}&maxResults=${String(maxResults)}`);
      if (!res.ok) return fail(res, 'list users');
      const body: unknown = await res.json();
      if (!Array.isArray(body)) throw new JiraError(502, 'list users');
      return body.flatMap((u) =>
        isRecord(u) && typeof u.accountId === 'string'
          ? [{ accountId: u.accountId, accountType: str(u.accountType) ?? 'unknown', active: u.active === true, displayName: typeof u.displayName === 'string' ? u.displayName : '' }]
          : [],
      );
    },
    async getUserOrganizations(accountId) {
      const out: Array<{ id: string; name: string }> = [];
      for (let start = 0; start < 1000; start += 50) {
        const res = await request(route`/rest/servicedeskapi/organization?accountId=${accountId}&start=${String(start)}&limit=50`);
        if (!res.ok) return fail(res, 'get organizations');
        const page = (await res.json()) as { values?: unknown[]; isLastPage?: boolean };
        for (const o of page.values ?? []) if (isRecord(o) && str(o.id) && typeof o.name === 'string') out.push({ id: String(o.id), name: o.name });
        if (page.isLastPage !== false) break;
      }
      return out;
    },
    async setIssueProperty(idOrKey, propertyKey, value) {
      const res = await request(route`/rest/api/3/issue/${idOrKey}/properties/${propertyKey}`, { method: 'PUT', body: value });
      if (!res.ok) return fail(res, 'set issue property');
    },
    async editIssue(issueId, fields) {
      const res = await request(route`/rest/api/3/issue/${issueId}?notifyUsers=false`, { method: 'PUT', body: { fields } });
      if (!res.ok) return fail(res, 'edit issue');
    },
    async editComment(issueId, commentId, body) {
      const res = await request(route`/rest/api/3/issue/${issueId}/comment/${commentId}?notifyUsers=false`, { method: 'PUT', body: { body } });
      if (!res.ok) return fail(res, 'edit comment');
    },
    async addInternalComment(issueId, body) {
      const res = await request(route`/rest/api/3/issue/${issueId}/comment`, {
        method: 'POST',
        body: { body, properties: [{ key: 'sd.public.comment', value: { internal: true } }] },
      });
      if (!res.ok) return fail(res, 'add comment');
    },
    async redact(request_: BulkRedactionRequest) {
      const res = await request(route`/rest/api/3/redact`, { method: 'POST', body: request_ });
      if (res.status === 403) return 'unavailable';
      if (!res.ok) return fail(res, 'redact');
      const body: unknown = await res.json();
      const jobId = typeof body === 'string' ? body : isRecord(body) ? str(body.jobId) : null;
      if (!jobId) throw new JiraError(res.status, 'redact (no job id in the answer)');
      return { jobId };
    },
    async redactionStatus(jobId) {
      const res = await request(route`/rest/api/3/redact/status/${jobId}`);
      if (!res.ok) return fail(res, 'redaction status');
      const parsed = parseRedactionJobStatus(await res.json());
      if (!parsed) throw new JiraError(res.status, 'redaction status (unexpected answer)');
      return parsed;
    },
    async statusName(issueKey, statusId) {
      const res = await request(route`/rest/api/3/issue/${issueKey}/transitions`);
      if (!res.ok) return fail(res, 'get transitions');
      const body = (await res.json()) as { transitions?: unknown[] };
      for (const t of body.transitions ?? []) if (isRecord(t) && isRecord(t.to) && t.to.id === statusId) return str(t.to.name);
      return null;
    },
  };
}
