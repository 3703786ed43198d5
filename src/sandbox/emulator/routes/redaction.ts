/**
 * Issue redaction (`POST /rest/api/3/redact`, `GET /rest/api/3/redact/status/{jobId}`), per the
 * OpenAPI document: the request is a `BulkRedactionRequest` of `SingleRedactionRequest`s, each with a
 * `ContentItem` (entityType `issuefieldvalue` | `issue-comment` | `issue-worklog`, entityId = field id
 * or comment id, id = issue id) and a `RedactionPosition` (`adfPointer` into rich-text fields,
 * `from` inclusive, `to` exclusive, `expectedText` = the redacted text "encoded using SHA256 hash and
 * Base64 digest"). The document's example value decodes to a 64-character hex string — it is
 * `base64(hex(sha256(text)))` (the example is the hash of "bob") — so that is what is checked.
 *
 * Submitting answers 202 with the job id (a JSON string); the job then runs asynchronously and the
 * status endpoint answers a `RedactionJobStatusResponse` (PENDING / IN_PROGRESS / COMPLETED, with a
 * `BulkRedactionResponse` of per-request `SingleRedactionResponse`s once COMPLETED).
 *
 * Redacted text is replaced by a fixed-length solid bar (`REDACTION_MARKER`; Atlassian: "replaced by
 * a solid bar … the length of the bar is not related to the length of the sensitive data"), and the
 * same text is replaced in the field's changelog history too ("deleted and replaced by a solid bar in
 * the fields where it appeared and in the issue history").
 */
import { createHash } from 'node:crypto';
import { resolvePointer } from '../adf';
import { canSeeIssue, isAdmin } from '../access';
import { type Ctx, type HandlerResult, ok, param, type ResolvedOptions } from '../context';
import type { AdfDoc, EmuIssue, EmuRedactionJob, EmuState, SingleRedactionRequest } from '../types';
import { counterUuid, errorBody, fail, HttpError, isRecord, now, UUID_RE } from '../util';

/** What redacted text becomes. */
export const REDACTION_MARKER = '█████';

/** `expectedText` for `text`: Base64 of the hex SHA-256 digest of its UTF-8 bytes. */
export function redactionHash(text: string): string {
  return Buffer.from(createHash('sha256').update(text, 'utf8').digest('hex'), 'utf8').toString('base64');
}

const NO_GUARD = 'Redaction requires an Atlassian Guard Premium subscription for this site.';
const ENTITY_TYPES = new Set(['issuefieldvalue', 'issue-comment', 'issue-worklog']);

function requirePremium(ctx: Ctx): void {
  if (!ctx.state.guardPremium) throw fail(403, NO_GUARD);
}

function canRedact(ctx: Ctx): boolean {
  return ctx.user.accountType === 'app' || isAdmin(ctx.state, ctx.user);
}

function checkKeys(obj: Record<string, unknown>, allowed: string[], where: string, errors: string[]): void {
  for (const k of Object.keys(obj)) if (!allowed.includes(k)) errors.push(`Unrecognized field "${k}" in ${where}.`);
}

/** Validates a `BulkRedactionRequest` body against its schema (additionalProperties: false everywhere). */
function parseRequest(body: unknown): SingleRedactionRequest[] {
  const errors: string[] = [];
  if (!isRecord(body)) throw fail(400, 'The request body must be a BulkRedactionRequest object.');
  checkKeys(body, ['redactions'], 'BulkRedactionRequest', errors);
  if (!Array.isArray(body.redactions) || body.redactions.length === 0) errors.push('redactions must be a non-empty array.');
  const out: SingleRedactionRequest[] = [];
  const seen = new Set<string>();
  (Array.isArray(body.redactions) ? body.redactions : []).forEach((r: unknown, i: number) => {
    const at = `redactions[${i}]`;
    if (!isRecord(r)) {
      errors.push(`${at} must be an object.`);
      return;
    }
    checkKeys(r, ['contentItem', 'externalId', 'reason', 'redactionPosition'], at, errors);
    const { contentItem: ci, redactionPosition: pos } = r;
    if (typeof r.externalId !== 'string' || !UUID_RE.test(r.externalId)) errors.push(`${at}.externalId must be a UUID.`);
    else if (seen.has(r.externalId)) errors.push(`${at}.externalId '${r.externalId}' is used more than once.`);
    else seen.add(r.externalId);
    if (typeof r.reason !== 'string' || r.reason.trim() === '') errors.push(`${at}.reason is required.`);
    if (!isRecord(ci)) errors.push(`${at}.contentItem is required.`);
    else {
      checkKeys(ci, ['entityId', 'entityType', 'id'], `${at}.contentItem`, errors);
      if (typeof ci.entityType !== 'string' || !ENTITY_TYPES.has(ci.entityType))
        errors.push(`${at}.contentItem.entityType must be one of issuefieldvalue, issue-comment, issue-worklog.`);
      if (typeof ci.entityId !== 'string' || ci.entityId === '') errors.push(`${at}.contentItem.entityId is required.`);
      if (typeof ci.id !== 'string' || ci.id === '') errors.push(`${at}.contentItem.id is required.`);
    }
    if (!isRecord(pos)) errors.push(`${at}.redactionPosition is required.`);
    else {
      checkKeys(pos, ['adfPointer', 'expectedText', 'from', 'to'], `${at}.redactionPosition`, errors);
      if (typeof pos.expectedText !== 'string' || pos.expectedText === '') errors.push(`${at}.redactionPosition.expectedText is required.`);
      if (!Number.isInteger(pos.from) || (pos.from as number) < 0) errors.push(`${at}.redactionPosition.from must be a non-negative integer.`);
      if (!Number.isInteger(pos.to) || (pos.to as number) <= (pos.from as number)) errors.push(`${at}.redactionPosition.to must be an integer greater than from.`);
      if (pos.adfPointer !== undefined && typeof pos.adfPointer !== 'string') errors.push(`${at}.redactionPosition.adfPointer must be a string.`);
    }
    if (errors.length === 0) out.push(structuredClone(r) as unknown as SingleRedactionRequest);
  });
  if (errors.length > 0) throw new HttpError(400, errorBody(errors));
  return out;
}

export function submitRedaction(ctx: Ctx): HandlerResult {
  requirePremium(ctx);
  if (!canRedact(ctx)) throw fail(401, 'The user / app is not authorised to redact data.');
  const requests = parseRequest(ctx.body);
  const { state } = ctx;
  const job: EmuRedactionJob = {
    id: counterUuid(0x7edac7, ++state.counters.redaction),
    submittedBy: ctx.user.accountId,
    submitted: now(state),
    status: 'PENDING',
    pollsBeforeRun: ctx.opts.redactionPolls,
    requests,
    results: [],
    failures: {},
  };
  state.redactionJobs.set(job.id, job);
  if (job.pollsBeforeRun === 0) ctx.defer(() => runRedactionJob(state, job, ctx.opts));
  return ok(job.id, 202);
}

export function redactionStatus(ctx: Ctx): HandlerResult {
  requirePremium(ctx);
  if (!canRedact(ctx)) throw fail(403, 'The user / app is not authorised to read redaction jobs.');
  const job = ctx.state.redactionJobs.get(param(ctx, 'jobId'));
  if (!job) throw fail(404, `Redaction job with id '${param(ctx, 'jobId')}' was not found.`);
  if (job.status !== 'COMPLETED') {
    if (job.pollsBeforeRun > 0) {
      job.status = job.pollsBeforeRun === ctx.opts.redactionPolls ? 'PENDING' : 'IN_PROGRESS';
      job.pollsBeforeRun--;
      return ok({ jobStatus: job.status });
    }
    runRedactionJob(ctx.state, job, ctx.opts);
  }
  return ok({ jobStatus: job.status, bulkRedactionResponse: { results: job.results.map((r) => ({ ...r })) } });
}

interface Target {
  issue: EmuIssue;
  /** Reads and writes the text the positions index into. */
  get(): string;
  set(text: string): void;
  /** Changelog field whose history also holds this text (issue fields only). */
  historyField: string | null;
}

function locate(state: EmuState, job: EmuRedactionJob, r: SingleRedactionRequest): Target | string {
  const submitter = state.users.get(job.submittedBy);
  const issue = state.issues.get(r.contentItem.id);
  if (!issue || !submitter || !canSeeIssue(state, submitter, issue)) return `issue ${r.contentItem.id} not found`;
  const pointerText = (doc: AdfDoc | null, pointer: string | undefined): Target | string => {
    if (!doc) return 'the field is empty';
    if (!pointer) return 'adfPointer is required for rich-text (ADF) content';
    let hit = resolvePointer(doc, pointer);
    if (hit && isRecord(hit.value) && typeof hit.value.text === 'string') hit = resolvePointer(doc, `${pointer}/text`);
    if (!hit || typeof hit.value !== 'string' || !isRecord(hit.parent)) return `adfPointer ${pointer} does not point at text`;
    const parent = hit.parent;
    const key = hit.key;
    return { issue, get: () => String(parent[key]), set: (t) => (parent[key] = t), historyField: null };
  };
  switch (r.contentItem.entityType) {
    case 'issuefieldvalue':
      if (r.contentItem.entityId === 'summary')
        return { issue, get: () => issue.summary, set: (t) => (issue.summary = t), historyField: 'summary' };
      if (r.contentItem.entityId === 'description') {
        const t = pointerText(issue.description, r.redactionPosition.adfPointer);
        return typeof t === 'string' ? t : { ...t, historyField: 'description' };
      }
      return `field ${r.contentItem.entityId} is not redactable`;
    case 'issue-comment': {
      const comment = issue.comments.find((c) => c.id === r.contentItem.entityId);
      if (!comment) return `comment ${r.contentItem.entityId} not found on issue ${issue.key}`;
      return pointerText(comment.body, r.redactionPosition.adfPointer);
    }
    default:
      return `worklog ${r.contentItem.entityId} not found on issue ${issue.key}`;
  }
}

/** Runs a job: checks every request against the current text, applies the valid ones, purges history. */
export function runRedactionJob(state: EmuState, job: EmuRedactionJob, opts: ResolvedOptions): void {
  if (job.status === 'COMPLETED') return;
  const okById = new Map<string, boolean>();
  const planned: Array<{ r: SingleRedactionRequest; target: Target; original: string; key: string }> = [];
  for (const r of job.requests) {
    const target = locate(state, job, r);
    if (typeof target === 'string') {
      okById.set(r.externalId, false);
      job.failures[r.externalId] = target;
      continue;
    }
    const text = target.get();
    const { from, to, expectedText } = r.redactionPosition;
    if (to > text.length) {
      okById.set(r.externalId, false);
      job.failures[r.externalId] = `position ${from}-${to} is outside the text (length ${text.length})`;
      continue;
    }
    const original = text.slice(from, to);
    if (redactionHash(original) !== expectedText) {
      okById.set(r.externalId, false);
      job.failures[r.externalId] = 'expectedText does not match the text at the position';
      continue;
    }
    const key = `${target.issue.id}|${r.contentItem.entityType}|${r.contentItem.entityId}|${r.redactionPosition.adfPointer ?? ''}`;
    planned.push({ r, target, original, key });
  }
  // Apply per text, right to left so earlier offsets stay valid; overlapping ranges fail.
  const byKey = new Map<string, typeof planned>();
  for (const p of planned) byKey.set(p.key, [...(byKey.get(p.key) ?? []), p]);
  const at = now(state);
  const windowStart = Number.isFinite(opts.redactionHistoryWindowDays) ? at - opts.redactionHistoryWindowDays * 86400000 : -Infinity;
  for (const group of byKey.values()) {
    group.sort((a, b) => b.r.redactionPosition.from - a.r.redactionPosition.from);
    let limit = Infinity;
    for (const p of group) {
      const { from, to } = p.r.redactionPosition;
      if (to > limit) {
        okById.set(p.r.externalId, false);
        job.failures[p.r.externalId] = 'overlaps another redaction in the same request';
        continue;
      }
      const text = p.target.get();
      p.target.set(text.slice(0, from) + REDACTION_MARKER + text.slice(to));
      limit = from;
      okById.set(p.r.externalId, true);
      if (p.target.historyField) {
        for (const entry of p.target.issue.changelog) {
          if (entry.created < windowStart) continue;
          for (const item of entry.items) {
            if (item.fieldId !== p.target.historyField) continue;
            if (item.fromString) item.fromString = item.fromString.split(p.original).join(REDACTION_MARKER);
            if (item.toString) item.toString = item.toString.split(p.original).join(REDACTION_MARKER);
          }
        }
      }
    }
  }
  job.results = job.requests.map((r) => ({ externalId: r.externalId, successful: okById.get(r.externalId) ?? false }));
  job.status = 'COMPLETED';
}
