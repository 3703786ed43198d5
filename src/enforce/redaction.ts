/**
 * Redacting an issue's fields or a comment: Jira's redaction API where the site has it (Atlassian
 * Guard Premium: the text is also purged from history), then its job status is polled; on 403 the
 * field or comment is edited in place (history keeps the original, which the record says). Both
 * change only the PHI characters; the rest of the ADF stays as it was.
 */
import { buildRedactRequest, redactAdfWith, type AdfDoc } from '../phi/adf';
import { redactWith } from '../phi/redact';
import type { Finding } from '../phi/types';
import { JiraError } from '../jira/port';
import type { Detect, EnforceDeps } from './deps';

export interface RedactTarget {
  /** `summary`, `description` or `comment:<id>`. */
  target: string;
  content: string | AdfDoc;
  findings: Finding[];
}

export type RedactResult = { ok: true; method: 'api' | 'in-place' } | { ok: false; reason: string };

/** The redaction job is still running at the deadline: retry the event later (it re-reads the issue). */
export class RedactionPending extends JiraError {
  constructor() {
    super(503, 'redaction status (job still running)');
  }
}

const POLL_DELAYS_MS = [150, 300, 600, 1000, 1500, 2000, 2000, 2000, 2000, 2000];

async function viaApi(deps: EnforceDeps, issueId: string, targets: RedactTarget[]): Promise<Map<string, RedactResult> | 'unavailable'> {
  const built = buildRedactRequest({
    issueId,
    ...(() => {
      const summary = targets.find((t) => t.target === 'summary');
      const description = targets.find((t) => t.target === 'description');
      return {
        ...(summary ? { summary: { text: summary.content as string, findings: summary.findings } } : {}),
        ...(description ? { description: { doc: description.content as AdfDoc, findings: description.findings } } : {}),
      };
    })(),
    comments: targets.filter((t) => t.target.startsWith('comment:')).map((t) => ({ id: t.target.slice('comment:'.length), body: t.content as AdfDoc, findings: t.findings })),
  });
  if (built.body.redactions.length === 0) return new Map(targets.map((t) => [t.target, { ok: true, method: 'api' }]));
  const submitted = await deps.jira.redact(built.body);
  if (submitted === 'unavailable') return 'unavailable';
  for (let i = 0; ; i++) {
    const status = await deps.jira.redactionStatus(submitted.jobId);
    if (status.jobStatus === 'COMPLETED') {
      const okIds = new Set((status.bulkRedactionResponse?.results ?? []).filter((r) => r.successful).map((r) => r.externalId));
      const out = new Map<string, RedactResult>();
      for (const t of targets) {
        const mine = built.entries.filter((e) => (t.target.startsWith('comment:') ? e.contentItem.entityType === 'issue-comment' && `comment:${e.contentItem.entityId}` === t.target : e.contentItem.entityId === t.target));
        const failed = mine.filter((e) => !okIds.has(e.externalId)).length;
        out.set(t.target, failed === 0 ? { ok: true, method: 'api' } : { ok: false, reason: `redaction API did not apply ${failed} of ${mine.length} positions (the text changed meanwhile?)` });
      }
      return out;
    }
    const wait = POLL_DELAYS_MS[Math.min(i, POLL_DELAYS_MS.length - 1)]!;
    if (deps.now().getTime() + wait > deps.deadline) throw new RedactionPending();
    await deps.sleep(wait);
  }
}

async function inPlace(deps: EnforceDeps, issueId: string, targets: RedactTarget[], detect: Detect, keepLast4: boolean): Promise<Map<string, RedactResult>> {
  const out = new Map<string, RedactResult>();
  const opts = { keepLast4 };
  const fields: Record<string, unknown> = {};
  for (const t of targets) {
    if (t.target === 'summary') fields.summary = redactWith(t.content as string, detect, opts);
    else if (t.target === 'description') fields.description = redactAdfWith(t.content as AdfDoc, detect, opts).doc;
  }
  if (Object.keys(fields).length > 0) {
    try {
      await deps.jira.editIssue(issueId, fields);
      for (const k of Object.keys(fields)) out.set(k, { ok: true, method: 'in-place' });
    } catch (e) {
      if (!(e instanceof JiraError) || e.retryable) throw e;
      for (const k of Object.keys(fields)) out.set(k, { ok: false, reason: `in-place edit refused: ${e.message}` });
    }
  }
  for (const t of targets.filter((x) => x.target.startsWith('comment:'))) {
    try {
      await deps.jira.editComment(issueId, t.target.slice('comment:'.length), redactAdfWith(t.content as AdfDoc, detect, opts).doc);
      out.set(t.target, { ok: true, method: 'in-place' });
    } catch (e) {
      if (!(e instanceof JiraError) || e.retryable) throw e;
      out.set(t.target, { ok: false, reason: `in-place edit refused: ${e.message}` });
    }
  }
  return out;
}

export async function redactTargets(deps: EnforceDeps, issueId: string, targets: RedactTarget[], detect: Detect, keepLast4: boolean): Promise<Map<string, RedactResult>> {
  if (targets.length === 0) return new Map();
  if (!(await deps.capabilities.redactApiUnavailable())) {
    let r: Map<string, RedactResult> | 'unavailable' | 'refused';
    try {
      r = await viaApi(deps, issueId, targets);
    } catch (e) {
      // the API refused this request (400) or lost the job (404): edit in place instead
      if (!(e instanceof JiraError) || e.retryable) throw e;
      r = 'refused';
    }
    if (r !== 'unavailable' && r !== 'refused') return r;
    if (r === 'unavailable') await deps.capabilities.markRedactApiUnavailable();
  }
  return inPlace(deps, issueId, targets, detect, keepLast4);
}
