/**
 * Use case: a comment was created or edited. Scan its body, flag or redact per the project's mode,
 * and when a public Jira Service Management comment had PHI removed, add one internal note for
 * agents naming the PHI types (never values) — at most once per comment.
 */
import type { AuditFields } from '../audit/chain';
import { adfFromPlainText } from './adf-note';
import { adfToScanText, parseAdf, type AdfDoc } from '../phi/adf';
import { projectPolicy } from '../policy/settings';
import { commitOutcome, describeCounts, detectorFor, issueHadPhi, withClaim, type EnforceDeps, type IssueRef, type RecordChanges } from './deps';
import { handleFindings, type EventOutcome } from './issue-event';
import type { RedactTarget } from './redaction';

/** How long a comment's "note posted" claim lives (far beyond any redelivery). */
const NOTE_CLAIM_TTL_SECONDS = 30 * 24 * 3600;

/** Posts the note; if posting fails the claim is released so that a retry can post it. */
async function postNote(deps: EnforceDeps, claim: string, post: () => Promise<void>): Promise<void> {
  try {
    await post();
  } catch (e) {
    await deps.claims.release(claim).catch(() => undefined);
    throw e;
  }
}

export interface CommentEventInput {
  issueId: string;
  issueKey: string;
  projectKey: string;
  /** From the event's project: `service_desk` for JSM. */
  projectTypeKey: string;
  commentId: string;
  /** `comment:<commentId>:<updated>`: an edit is a new event. */
  eventKey: string;
  actorId: string | null;
}

export async function handleCommentEvent(deps: EnforceDeps, ev: CommentEventInput): Promise<EventOutcome> {
  const before = await deps.records.get(ev.issueId);
  if (before?.events.includes(ev.eventKey)) return { status: 'duplicate' };
  return withClaim(deps, ev.eventKey, () => handleCommentEventClaimed(deps, ev));
}

async function handleCommentEventClaimed(deps: EnforceDeps, ev: CommentEventInput): Promise<EventOutcome> {
  const before = await deps.records.get(ev.issueId);
  if (before?.events.includes(ev.eventKey)) return { status: 'duplicate' };
  const { settings, problem } = await deps.settings.load();
  const mode = projectPolicy(settings, ev.projectKey).mode;
  const ref: IssueRef = { issueId: ev.issueId, issueKey: ev.issueKey, projectKey: ev.projectKey };
  const at = deps.now().toISOString();
  const changes: RecordChanges = { fields: {}, failures: problem ? [{ at, step: 'settings', reason: problem }] : [], resolved: [] };
  const entries: AuditFields[] = [];
  const entry = (e: Omit<AuditFields, 'at' | 'actor' | 'issueId' | 'issueKey'>) => entries.push({ at, actor: ev.actorId ?? 'unknown', issueId: ev.issueId, issueKey: ev.issueKey, ...e });
  const target = `comment:${ev.commentId}`;

  if (mode !== 'off') {
    const comment = await deps.jira.getComment(ev.issueId, ev.commentId);
    if (!comment) return { status: 'gone' };
    const detector = await detectorFor(deps, settings);
    // a comment on an issue that has held PHI may name its patient without saying "patient"
    const patient = issueHadPhi(before);
    const detect = (text: string) => detector.detect(text, { patient });
    const parsed = parseAdf(comment.body);
    const targets: RedactTarget[] = [];
    if (!parsed.ok) {
      changes.failures!.push({ at, step: 'scan', target, reason: 'comment is not valid ADF (Atlassian Document Format); not scanned' });
      entry({ action: 'phi.redaction-failed', target, outcome: 'failed', detail: 'invalid ADF, not scanned', idem: `${ev.eventKey}:scan` });
    } else {
      const findings = detect(adfToScanText(parsed.doc).text);
      if (findings.length > 0) targets.push({ target, content: parsed.doc as AdfDoc, findings });
    }
    await handleFindings(deps, { ...ref, eventKey: ev.eventKey, scanned: parsed.ok ? [target] : [], mode, keepLast4: settings.keepLast4, detect, before }, targets, changes, entry);

    const result = changes.fields![target];
    const redacted = result && (result.action === 'redacted' || result.action === 'redacted-in-place');
    const isPublicJsm = ev.projectTypeKey === 'service_desk' && comment.jsdPublic;
    const noteIdem = `note:${ev.commentId}`;
    // a claim that outlives any retry: the created and the edited event of one comment may run at once
    if (redacted && isPublicJsm && !before?.notes.includes(ev.commentId) && !(await deps.audit.has(noteIdem)) && (await deps.claims.claim(noteIdem, NOTE_CLAIM_TTL_SECONDS))) {
      const what = describeCounts(result.counts);
      await postNote(deps, noteIdem, () => deps.jira.addInternalComment(
        ev.issueId,
        adfFromPlainText(
          `PHI Guard removed protected health information from a public reply (comment ${ev.commentId}): ${what}. ` +
            'The customer can no longer see it. Please do not ask for or repeat these details in public replies.',
        ),
      ));
      changes.notes = [ev.commentId];
      // logged right away: a retry must not add a second note
      await deps.audit.append({ at, actor: 'app', issueId: ev.issueId, issueKey: ev.issueKey, action: 'phi.note-added', target, counts: result.counts, outcome: 'ok', detail: `internal note: ${what}`, idem: noteIdem });
    }
  }
  const record = await commitOutcome(deps, ref, before, changes, entries, ev.eventKey);
  return { status: 'done', record };
}
