import { canSeeIssue } from './access';
import type { EntityPropertyAliases } from './jql';
import type { TransitionValidator } from './routes/transitions';
import { findIssue } from './model';
import type { EmuChangelog, EmuEvent, EmuIssue, EmuState, EmuUser, EventActor } from './types';
import { eventIssue } from './serialize';
import { fail, ISSUE_NOT_FOUND } from './util';

export interface ResolvedOptions {
  /** Status polls answered PENDING/IN_PROGRESS before a redaction job runs (0: runs right after submission). */
  redactionPolls: number;
  /** Only changelog entries this recent are purged by a redaction (Infinity: all history). */
  redactionHistoryWindowDays: number;
  entityPropertyAliases: EntityPropertyAliases;
  /** Workflow validators run before every transition (see routes/transitions.ts). */
  transitionValidators: TransitionValidator[];
}

export interface Ctx {
  state: EmuState;
  user: EmuUser;
  actor: EventActor;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  opts: ResolvedOptions;
  emit(event: EmuEvent): void;
  /** Runs after the response is produced (used to run redaction jobs asynchronously). */
  defer(task: () => void): void;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: Ctx) => HandlerResult | Promise<HandlerResult>;

export const ok = (body: unknown, status = 200): HandlerResult => ({ status, body });
export const noContent = (status = 204): HandlerResult => ({ status });

/** The issue if it exists and the user can see it; otherwise Jira's 404. */
export function visibleIssue(ctx: Ctx, idOrKey: string): EmuIssue {
  const issue = findIssue(ctx.state, idOrKey);
  if (!issue || !canSeeIssue(ctx.state, ctx.user, issue)) throw fail(404, ISSUE_NOT_FOUND);
  return issue;
}

export function param(ctx: Ctx, name: string): string {
  const v = ctx.params[name];
  if (v === undefined) throw new Error(`route parameter ${name} missing`);
  return v;
}

export function queryAll(ctx: Ctx, name: string): string[] {
  return ctx.query.getAll(name);
}

export function queryOne(ctx: Ctx, name: string): string | undefined {
  return ctx.query.get(name) ?? undefined;
}

export function queryBool(ctx: Ctx, name: string): boolean {
  return (ctx.query.get(name) ?? '').toLowerCase() === 'true';
}

/** Emits `issue_updated` for a changelog entry the acting user just made. */
export function emitIssueUpdated(ctx: Ctx, issue: EmuIssue, entry: EmuChangelog): void {
  ctx.emit({
    type: 'issue_updated',
    issue: eventIssue(ctx.state, issue),
    changelog: { id: entry.id, items: entry.items.map((i) => ({ ...i })) },
    atlassianId: ctx.actor.accountId,
    actor: ctx.actor,
  });
}
