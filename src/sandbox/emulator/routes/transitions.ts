/**
 * Workflow transitions (`GET`/`POST /rest/api/3/issue/{issueIdOrKey}/transitions`). The demo
 * workflow is one global transition into every status (ids `TRANSITION_IDS`). Before a transition is
 * made, every registered workflow validator runs (the sandbox runtime registers the manifest's
 * `jira:workflowValidator` functions): the first one that fails blocks the transition with a 400
 * whose `errorMessages` hold the validator's message, as Jira shows it; nothing changes.
 * A transition records a `status` changelog item and emits `issue_updated`.
 */
import { hasProjectPermission } from '../access';
import { type Ctx, emitIssueUpdated, type HandlerResult, noContent, ok, param, visibleIssue } from '../context';
import { statusDetails } from '../serialize';
import type { EmuChangelog } from '../types';
import { errorBody, fail, isRecord, now } from '../util';

/** Target status id → transition id and name. */
export const TRANSITION_IDS: Record<string, { id: string; name: string }> = {
  '10001': { id: '11', name: 'Back to waiting for support' },
  '10002': { id: '21', name: 'Wait for customer' },
  '3': { id: '31', name: 'Start progress' },
  '10003': { id: '41', name: 'Resolve' },
};

/** What a validator is told; answers an error message to block, or null to allow. */
export interface TransitionCheck {
  issueKey: string;
  issueId: string;
  fromStatusId: string;
  toStatusId: string;
  transitionId: string;
  accountId: string;
}

export type TransitionValidator = (check: TransitionCheck) => Promise<string | null>;

function transitionsFor(ctx: Ctx, currentStatusId: string) {
  return Object.entries(TRANSITION_IDS)
    .filter(([statusId]) => statusId !== currentStatusId && ctx.state.statuses.has(statusId))
    .map(([statusId, t]) => ({
      id: t.id,
      name: t.name,
      to: statusDetails(ctx.state, statusId),
      hasScreen: false,
      isGlobal: true,
      isInitial: false,
      isAvailable: true,
      isConditional: false,
      isLooped: false,
    }));
}

export function getTransitions(ctx: Ctx): HandlerResult {
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  return ok({ transitions: transitionsFor(ctx, issue.statusId) });
}

export async function doTransition(ctx: Ctx): Promise<HandlerResult> {
  const { state, user } = ctx;
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  const project = state.projects.get(issue.projectId)!;
  if (!hasProjectPermission(state, user, project, 'TRANSITION_ISSUES', issue)) throw fail(400, 'You do not have permission to transition this issue.');
  const body = ctx.body;
  const t = isRecord(body) && isRecord(body.transition) ? body.transition : undefined;
  const transitionId = t && (typeof t.id === 'string' || typeof t.id === 'number') ? String(t.id) : undefined;
  if (!transitionId) throw fail(400, 'Missing transition id in the request.');
  const target = Object.entries(TRANSITION_IDS).find(([, v]) => v.id === transitionId)?.[0];
  if (!target || target === issue.statusId) throw fail(400, `Transition id '${transitionId}' is not valid for this issue.`);
  for (const validate of ctx.opts.transitionValidators) {
    const message = await validate({ issueKey: issue.key, issueId: issue.id, fromStatusId: issue.statusId, toStatusId: target, transitionId, accountId: user.accountId });
    if (message !== null) return { status: 400, body: errorBody([message]) };
  }
  const at = now(state);
  const from = state.statuses.get(issue.statusId);
  const to = state.statuses.get(target)!;
  const entry: EmuChangelog = {
    id: String(++state.counters.changelog),
    authorId: user.accountId,
    created: at,
    items: [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from: issue.statusId, fromString: from?.name ?? null, to: target, toString: to.name }],
  };
  issue.changelog.push(entry);
  issue.statusId = target;
  issue.updated = at;
  emitIssueUpdated(ctx, issue, entry);
  return noContent();
}
