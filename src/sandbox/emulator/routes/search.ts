import { canSeeIssue } from '../access';
import { type Ctx, type HandlerResult, ok, queryAll, queryOne } from '../context';
import { checkQuery, type JqlContext, matches, parseJql, sortIssues } from '../jql';
import { FIELD_NAMES, issueBean, selectFields } from '../serialize';
import type { EmuIssue } from '../types';
import { fail, isRecord, listParam, now } from '../util';

const UNBOUNDED = 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';

interface SearchInput {
  jql: string;
  nextPageToken?: string;
  maxResults?: number;
  fields: string[];
  expand: string[];
  properties: string[];
}

function run(ctx: Ctx, jql: string): EmuIssue[] {
  const query = parseJql(jql);
  if (query.where === null) throw fail(400, UNBOUNDED);
  const jctx: JqlContext = { state: ctx.state, user: ctx.user, aliases: ctx.opts.entityPropertyAliases, now: now(ctx.state) };
  checkQuery(query, jctx);
  const hits = [...ctx.state.issues.values()].filter((i) => canSeeIssue(ctx.state, ctx.user, i) && matches(query.where, i, jctx));
  return sortIssues(hits, query, ctx.state);
}

function encodeToken(offset: number, jql: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: jql.length })).toString('base64url');
}

function decodeToken(token: string, jql: string): number {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; q?: unknown };
    if (typeof t.o === 'number' && t.o >= 0 && t.q === jql.length) return t.o;
  } catch {
    /* fall through */
  }
  throw fail(400, 'The provided next page token is invalid or expired.');
}

function search(ctx: Ctx, input: SearchInput): HandlerResult {
  const jql = input.jql.trim();
  if (jql === '') throw fail(400, UNBOUNDED);
  const all = run(ctx, jql);
  const offset = input.nextPageToken ? decodeToken(input.nextPageToken, jql) : 0;
  const fields = selectFields(input.fields, 'id');
  const onlyIds = fields === 'id-only' || [...fields].every((f) => f === 'key');
  const cap = onlyIds ? 5000 : 100;
  const requested = input.maxResults ?? 50;
  if (!Number.isInteger(requested) || requested < 0) throw fail(400, `The value '${String(requested)}' is invalid for the parameter 'maxResults'.`);
  const pageSize = Math.min(requested, cap);
  const page = all.slice(offset, offset + pageSize);
  const beanExpand = input.expand.filter((e) => e !== 'names' && e !== 'schema');
  const out: Record<string, unknown> = {
    issues: page.map((i) => issueBean(ctx.state, i, { fields, expand: beanExpand, properties: input.properties, viewer: ctx.user })),
  };
  const more = offset + pageSize < all.length;
  if (more) out.nextPageToken = encodeToken(offset + pageSize, jql);
  out.isLast = !more;
  if (input.expand.includes('names') && fields !== 'id-only')
    out.names = Object.fromEntries([...fields].filter((f) => FIELD_NAMES[f]).map((f) => [f, FIELD_NAMES[f]!]));
  return ok(out);
}

export function searchGet(ctx: Ctx): HandlerResult {
  const max = queryOne(ctx, 'maxResults');
  return search(ctx, {
    jql: queryOne(ctx, 'jql') ?? '',
    nextPageToken: queryOne(ctx, 'nextPageToken'),
    maxResults: max === undefined ? undefined : /^\d+$/.test(max) ? Number(max) : NaN,
    fields: listParam(queryAll(ctx, 'fields')),
    expand: listParam(queryAll(ctx, 'expand')),
    properties: listParam(queryAll(ctx, 'properties')),
  });
}

const POST_KEYS = new Set(['jql', 'nextPageToken', 'maxResults', 'fields', 'expand', 'properties', 'fieldsByKeys', 'reconcileIssues']);

export function searchPost(ctx: Ctx): HandlerResult {
  const body = isRecord(ctx.body) ? ctx.body : {};
  for (const k of Object.keys(body)) if (!POST_KEYS.has(k)) throw fail(400, `Unrecognized field "${k}"`);
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return search(ctx, {
    jql: typeof body.jql === 'string' ? body.jql : '',
    nextPageToken: typeof body.nextPageToken === 'string' ? body.nextPageToken : undefined,
    maxResults: body.maxResults === undefined ? undefined : typeof body.maxResults === 'number' ? body.maxResults : NaN,
    fields: listParam(strings(body.fields)),
    expand: listParam(typeof body.expand === 'string' ? [body.expand] : strings(body.expand)),
    properties: listParam(strings(body.properties)),
  });
}

export function approximateCount(ctx: Ctx): HandlerResult {
  const body = isRecord(ctx.body) ? ctx.body : {};
  for (const k of Object.keys(body)) if (k !== 'jql') throw fail(400, `Unrecognized field "${k}"`);
  const jql = typeof body.jql === 'string' ? body.jql.trim() : '';
  if (jql === '') throw fail(400, UNBOUNDED);
  return ok({ count: run(ctx, jql).length });
}
