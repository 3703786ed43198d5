/** Helpers for sandbox integration tests: REST calls as demo users, ADF, app-request counts, storage. */
import type { AuditEntry } from '../../src/audit/chain';
import type { IssueRecord } from '../../src/enforce/record';
import type { Sandbox } from '../../src/sandbox/server';

export const basic = (email: string) => `Basic ${Buffer.from(`${email}:any-token`).toString('base64')}`;
export const adf = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function rest(sb: Sandbox, email: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${sb.url}${path}`, {
    method,
    headers: { authorization: basic(email), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export interface AppRequest {
  method: string;
  path: string;
  status: number;
}

export async function appRequests(sb: Sandbox): Promise<AppRequest[]> {
  return ((await (await fetch(`${sb.url}/_sandbox/invocations`)).json()) as { appRequests: AppRequest[] }).appRequests;
}

export async function storageDump(sb: Sandbox): Promise<{ kvs: Record<string, unknown>; entities: Record<string, Record<string, unknown>> }> {
  return (await (await fetch(`${sb.url}/_sandbox/storage`)).json()) as never;
}

export async function auditEntries(sb: Sandbox): Promise<{ entries: AuditEntry[]; head: { seq: number; hash: string } | null }> {
  const dump = await storageDump(sb);
  const rows = Object.values(dump.entities['audit-entry'] ?? {}) as Array<{ seq: number; entry: AuditEntry }>;
  const head = (dump.entities['audit-head'] ?? {}).head as { seq: number; hash: string } | undefined;
  return { entries: rows.sort((a, b) => a.seq - b.seq).map((r) => r.entry), head: head ?? null };
}

export async function issueRecord(sb: Sandbox, issueId: string): Promise<IssueRecord | null> {
  const dump = await storageDump(sb);
  const row = (dump.entities['issue-record'] ?? {})[`i:${issueId}`] as { record: IssueRecord } | undefined;
  return row?.record ?? null;
}

export async function createIssue(sb: Sandbox, email: string, project: string, summary: string, description: string): Promise<{ id: string; key: string }> {
  const r = await rest(sb, email, 'POST', '/rest/api/3/issue', {
    fields: { project: { key: project }, issuetype: { name: 'Task' }, summary, description: adf(description) },
  });
  if (r.status !== 201) throw new Error(`create issue: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: string; key: string };
}
