/**
 * The approval gate: a vendor ticket may enter a gated status ("In Progress") only after a member of
 * the approver group approved it. `checkTransition` is the jira:workflowValidator's use case (it
 * fails closed: when it cannot tell, it blocks and says why); `approveTicket` records an approval.
 */
import type { JiraPort } from '../jira/port';
import { projectPolicy } from '../policy/settings';
import { classifyAccount, commitOutcome, type EnforceDeps } from './deps';

export interface TransitionVerdict {
  result: boolean;
  errorMessage?: string;
}

export async function checkTransition(deps: Pick<EnforceDeps, 'jira' | 'records' | 'settings'>, input: { issueKey: string; toStatusId: string }): Promise<TransitionVerdict> {
  const issue = await deps.jira.getIssue(input.issueKey);
  if (!issue) return { result: false, errorMessage: 'PHI Guard could not read this ticket, so it cannot confirm the vendor approval. Try again, or ask a Jira admin.' };
  const { settings } = await deps.settings.load();
  if (!projectPolicy(settings, issue.projectKey).vendorRules) return { result: true };
  const record = await deps.records.get(issue.id);
  if (record?.approval) return { result: true };
  let company = record?.vendor?.companyName;
  if (record?.vendor && !company) company = 'a reporter PHI Guard could not classify'; // failed classification: gated, fail closed
  if (!record?.vendor && issue.reporterId) {
    const who = await classifyAccount(deps.jira, settings, issue.reporterId);
    if (who.kind === 'vendor') company = who.company.name;
    if (who.kind === 'conflict') company = who.companies.map((c) => c.name).join(' / ');
    if (who.kind === 'unknown-user') company = 'an unknown reporter';
  }
  if (!company) return { result: true };
  const toName = await deps.jira.statusName(issue.key, input.toStatusId);
  if (toName === null) return { result: false, errorMessage: 'PHI Guard could not tell which status this transition leads to, so it cannot confirm the vendor approval.' };
  if (!settings.gatedStatuses.some((s) => s.toLowerCase() === toName.toLowerCase())) return { result: true };
  return {
    result: false,
    errorMessage:
      `${issue.key} was raised by ${company} (vendor rules apply) and needs an internal approval before it can move to "${toName}". ` +
      `Ask a member of the "${settings.approverGroup}" group to approve it in the PHI Guard panel on this ticket.`,
  };
}

export type ApproveResult = { ok: true; approval: { by: string; at: string } } | { ok: false; error: string };

/** Records an approval by `actorId` (from the platform's context, never a payload) if they are an approver. */
export async function approveTicket(deps: EnforceDeps, input: { issueId: string; actorId: string }): Promise<ApproveResult> {
  const { settings } = await deps.settings.load();
  const user = await deps.jira.getUser(input.actorId);
  if (!user || !user.groups.some((g) => g.toLowerCase() === settings.approverGroup.toLowerCase()))
    return { ok: false, error: `Only members of "${settings.approverGroup}" can approve vendor tickets.` };
  const issue = await (deps.jira as JiraPort).getIssue(input.issueId);
  if (!issue) return { ok: false, error: 'Ticket not found.' };
  const before = await deps.records.get(issue.id);
  if (before?.approval) return { ok: true, approval: before.approval };
  const at = deps.now().toISOString();
  const approval = { by: input.actorId, at };
  await commitOutcome(
    deps,
    { issueId: issue.id, issueKey: issue.key, projectKey: issue.projectKey },
    before,
    { approval },
    [{ at, actor: input.actorId, action: 'approval.granted', issueId: issue.id, issueKey: issue.key, outcome: 'ok', idem: `approval:${issue.id}` }],
    null,
  );
  return { ok: true, approval };
}
