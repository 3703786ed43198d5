/** The Forge adapter of the Jira port: REST calls as the app (`asApp`), which the manifest's scopes allow. */
import api, { route } from '@forge/api';
import { JiraError, type IssueSnapshot, type JiraPort } from './port';

interface FetchResponse {
  ok: boolean;
  status: number;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
}

function retryAfter(res: FetchResponse): number | undefined {
  const value = res.headers.get('Retry-After');
  if (!value) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

export function forgeJira(): JiraPort {
  return {
    async getIssue(idOrKey) {
      const res = (await api
        .asApp()
        .requestJira(route`/rest/api/3/issue/${idOrKey}?fields=summary,description,project`)) as unknown as FetchResponse;
      if (res.status === 404) return null;
      if (!res.ok) throw new JiraError(res.status, 'get issue', retryAfter(res));
      const body = (await res.json()) as { id: string; key: string; fields?: Record<string, unknown> };
      const fields = body.fields ?? {};
      return {
        id: body.id,
        key: body.key,
        projectKey: String((fields.project as { key?: unknown } | undefined)?.key ?? ''),
        summary: typeof fields.summary === 'string' ? fields.summary : '',
        description: fields.description ?? null,
      } satisfies IssueSnapshot;
    },
    async setIssueProperty(idOrKey, propertyKey, value) {
      const res = (await api.asApp().requestJira(route`/rest/api/3/issue/${idOrKey}/properties/${propertyKey}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(value),
      })) as unknown as FetchResponse;
      if (!res.ok) throw new JiraError(res.status, 'set issue property', retryAfter(res));
    },
  };
}
