/**
 * `jira:workflowValidator` function: blocks a vendor ticket's transition into a gated status until
 * it is approved. Fails closed with a message saying what is missing or what went wrong.
 */
import { checkTransition } from '../enforce/approval';
import { forgeDeps } from './wiring';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export async function validateVendorApproval(args: unknown): Promise<{ result: boolean; errorMessage?: string }> {
  const issue = isRecord(args) && isRecord(args.issue) ? args.issue : {};
  const transition = isRecord(args) && isRecord(args.transition) ? args.transition : {};
  const to = isRecord(transition.to) ? transition.to : {};
  if (typeof issue.key !== 'string' || (typeof to.id !== 'string' && typeof to.id !== 'number'))
    return { result: false, errorMessage: 'PHI Guard could not read the transition, so it blocked it. Ask a Jira admin to check the workflow validator.' };
  try {
    return await checkTransition(forgeDeps(), { issueKey: issue.key, toStatusId: String(to.id) });
  } catch (e) {
    console.error(`PHI Guard: approval check failed for ${issue.key}: ${e instanceof Error ? e.name : typeof e}`);
    return { result: false, errorMessage: 'PHI Guard could not confirm the vendor approval right now (Jira did not answer). Please try again in a minute.' };
  }
}
