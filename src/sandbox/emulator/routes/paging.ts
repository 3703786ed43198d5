import type { Ctx } from '../context';
import { intParam } from '../util';

/** Jira's `PageBean…` envelope over `items`, paged by `startAt` / `maxResults` query parameters. */
export function pageBean<T>(ctx: Ctx, path: string, items: T[], defaultMax = 50, maxCap = 100): Record<string, unknown> {
  const startAt = Math.max(0, intParam(ctx.query.get('startAt') ?? undefined, 0, 'startAt'));
  const maxResults = Math.max(0, Math.min(intParam(ctx.query.get('maxResults') ?? undefined, defaultMax, 'maxResults'), maxCap));
  const values = items.slice(startAt, startAt + maxResults);
  const isLast = startAt + maxResults >= items.length;
  const url = (s: number) => {
    const q = new URLSearchParams(ctx.query);
    q.set('startAt', String(s));
    q.set('maxResults', String(maxResults));
    return `${ctx.state.baseUrl}${path}?${q.toString()}`;
  };
  return {
    self: url(startAt),
    ...(isLast ? {} : { nextPage: url(startAt + maxResults) }),
    maxResults,
    startAt,
    total: items.length,
    isLast,
    values,
  };
}
