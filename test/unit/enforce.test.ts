/**
 * Enforcement use cases against in-memory ports: modes, redaction paths, vendor levels and every
 * way they fail, retries after partial work, duplicates, bad input — and no PHI in what is stored.
 */
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/audit/chain';
import { approveTicket, checkTransition } from '../../src/enforce/approval';
import { handleCommentEvent } from '../../src/enforce/comment-event';
import { handleIssueEvent } from '../../src/enforce/issue-event';
import { runEvent } from '../../src/triggers/wiring';
import { validateVendorApproval } from '../../src/triggers/approval-validator';
import { doc, USERS, world } from '../support/fakes';

const PHI = { name: 'Maria Garcia', dob: '04/22/1957', mrn: '00482913', ssn: '512-44-8721' };
const DESC = `Patient ${PHI.name}, DOB ${PHI.dob}, MRN ${PHI.mrn}: the export failed.`;
/** What Forge's InvocationError carries (asks the platform for a retry). */
const RETRY = { _retry: true, retryOptions: expect.objectContaining({ retryAfter: expect.any(Number) }) };
const created = (issueId: string, actorId = USERS.acme.accountId) => ({ kind: 'created' as const, issueId, eventKey: `created:${issueId}`, actorId, changedFields: null });

async function everythingStored(w: ReturnType<typeof world>) {
  return JSON.stringify([...w.records.map.values()]) + JSON.stringify([...w.auditStore.entries.values()]) + JSON.stringify([...w.jira.properties.values()]);
}

describe('issue events', () => {
  it('vendor ticket: company level set, description redacted in place after the API answers 403, all recorded without values', async () => {
    const w = world();
    w.addIssue('1', { description: doc(DESC), reporterId: USERS.acme.accountId });
    const out = await handleIssueEvent(w.deps, created('1'));
    expect(out.status).toBe('done');
    const issue = w.jira.issues.get('1')!;
    expect(issue.securityLevelId).toBe('10000');
    const text = JSON.stringify(issue.description);
    for (const v of [PHI.name, PHI.dob, PHI.mrn]) expect(text).not.toContain(v);
    expect(text).toContain('the export failed.');
    expect(w.caps.unavailable).toBe(true); // 403 remembered: the next event goes straight to the edit
    const prop = w.jira.properties.get('1/phi-guard') as Record<string, unknown>;
    expect(prop).toMatchObject({ flagged: true, action: 'redacted-in-place', history: 'retained', vendor: { status: 'applied', companyId: 'acme' } });
    expect([...w.auditStore.entries.values()].map((e) => e.action).sort()).toEqual(['phi.redacted', 'security.level-set']);
    const stored = await everythingStored(w);
    for (const v of Object.values(PHI)) expect(stored).not.toContain(v);
    expect(w.jira.calls).toEqual(['getIssue', 'getUser', 'getUserOrganizations', 'editIssue', 'redact', 'editIssue', 'setIssueProperty']);
  });

  it('uses the redaction API when the site has it (history purged)', async () => {
    const w = world();
    w.jira.redactApi = true;
    w.addIssue('1', { description: doc(DESC) });
    await handleIssueEvent(w.deps, created('1', USERS.agent.accountId));
    expect(w.jira.calls).toContain('redactionStatus');
    expect(w.jira.properties.get('1/phi-guard')).toMatchObject({ action: 'redacted', history: 'purged' });
  });

  it('flag mode flags without editing; off mode does nothing', async () => {
    const w = world();
    w.addIssue('1', { projectKey: 'FLAG', key: 'FLAG-1', summary: `SSN ${PHI.ssn}`, description: doc(DESC) });
    await handleIssueEvent(w.deps, created('1'));
    expect(w.jira.calls).not.toContain('editIssue');
    expect(w.jira.properties.get('1/phi-guard')).toMatchObject({ flagged: true, action: 'flagged', fields: ['description', 'summary'] });
    const off = world();
    off.addIssue('2', { projectKey: 'OFF', key: 'OFF-2', description: doc(DESC) });
    await handleIssueEvent(off.deps, created('2'));
    expect(off.jira.calls).toEqual(['getIssue', 'setIssueProperty']);
    expect(off.jira.properties.get('2/phi-guard')).toMatchObject({ flagged: false, action: 'none' });
  });

  it('a duplicate delivery costs one storage read and no Jira call', async () => {
    const w = world();
    w.addIssue('1', { description: doc(DESC) });
    await handleIssueEvent(w.deps, created('1'));
    const calls = w.jira.calls.length;
    expect(await handleIssueEvent(w.deps, created('1'))).toEqual({ status: 'duplicate' });
    expect(w.jira.calls.length).toBe(calls);
    expect(w.auditStore.entries.size).toBe(1);
  });

  it('two deliveries of one event at the same time: one acts, the other is told to come back (and then finds it done)', async () => {
    const w = world();
    w.jira.redactApi = true;
    w.addIssue('1', { description: doc(DESC), reporterId: USERS.acme.accountId });
    const ref = { issueId: '1', issueKey: 'VEND-1', projectKey: 'VEND', eventKey: 'created:1', actorId: USERS.acme.accountId, retryCount: 0 };
    const [a, b] = await Promise.all([
      runEvent(ref, (d) => handleIssueEvent(d, created('1')), w.deps),
      runEvent(ref, (d) => handleIssueEvent(d, created('1')), w.deps),
    ]);
    expect([a, b].filter((r) => r !== undefined)).toEqual([expect.objectContaining({ _retry: true, retryOptions: expect.objectContaining({ retryAfter: 30 }) })]);
    expect(w.jira.calls.filter((c) => c === 'redact')).toHaveLength(1);
    expect(await handleIssueEvent(w.deps, created('1'))).toEqual({ status: 'duplicate' });
    expect(w.records.map.get('1')!.failures).toEqual([]);
  });

  it('a retry after the redaction succeeded but the property write failed records the redaction once', async () => {
    const w = world();
    w.addIssue('1', { description: doc(DESC), reporterId: USERS.acme.accountId });
    w.jira.failNext('setIssueProperty', 503, 1);
    const ref = { issueId: '1', issueKey: 'VEND-1', projectKey: 'VEND', eventKey: 'created:1', actorId: USERS.acme.accountId, retryCount: 0 };
    const first = await runEvent(ref, (d) => handleIssueEvent(d, created('1')), w.deps);
    expect(first).toMatchObject(RETRY);
    const second = await runEvent({ ...ref, retryCount: 1 }, (d) => handleIssueEvent(d, created('1')), w.deps);
    expect(second).toBeUndefined();
    const entries = [...w.auditStore.entries.values()];
    expect(entries.filter((e) => e.action === 'phi.redacted')).toHaveLength(1);
    expect(entries.filter((e) => e.action === 'security.level-set')).toHaveLength(1);
    const rec = w.records.map.get('1')!;
    expect(rec.fields.description).toMatchObject({ action: 'redacted-in-place', counts: expect.objectContaining({ MRN: 1 }) });
    expect(rec.pending).toBeUndefined();
    expect(rec.failures).toEqual([]);
    expect(verifyChain(entries, w.auditStore.headRecord).ok).toBe(true);
  });

  it('after the last retry the failure is recorded (log, record, property), never dropped', async () => {
    const w = world();
    w.addIssue('1', { description: doc(DESC) });
    w.jira.failNext('getIssue', 429, 100);
    const ref = { issueId: '1', issueKey: 'VEND-1', projectKey: 'VEND', eventKey: 'created:1', actorId: 'u-x', retryCount: 0 };
    for (let r = 0; r < 4; r++) expect(await runEvent({ ...ref, retryCount: r }, (d) => handleIssueEvent(d, created('1')), w.deps)).toMatchObject(RETRY);
    expect(await runEvent({ ...ref, retryCount: 4 }, (d) => handleIssueEvent(d, created('1')), w.deps)).toBeUndefined();
    const rec = w.records.map.get('1')!;
    expect(rec.failures).toEqual([expect.objectContaining({ step: 'event', reason: expect.stringMatching(/gave up after 4 retries: Jira getIssue answered 429/) })]);
    expect([...w.auditStore.entries.values()].map((e) => e.action)).toEqual(['enforcement.failed']);
    expect(w.jira.properties.get('1/phi-guard')).toMatchObject({ flagged: true, action: 'failed' });
  });

  it.each([
    ['a level missing from the scheme', (w: ReturnType<typeof world>) => w.jira.levelsInScheme.delete('10000'), /not in the project's issue security scheme, or the Security Level field is not on/],
    ['a permission error', (w: ReturnType<typeof world>) => w.jira.failNext('editIssue', 403), /may not set the security level.*403/],
  ])('security level failure (%s) is recorded with its reason and stays flagged', async (_label, arrange, reason) => {
    const w = world();
    w.addIssue('1', { reporterId: USERS.acme.accountId });
    arrange(w);
    await handleIssueEvent(w.deps, created('1'));
    const rec = w.records.map.get('1')!;
    expect(rec.vendor).toMatchObject({ status: 'failed', companyId: 'acme', reason: expect.stringMatching(reason) });
    expect(rec.failures[0]).toMatchObject({ step: 'security', reason: expect.stringMatching(reason) });
    expect(w.jira.properties.get('1/phi-guard')).toMatchObject({ flagged: true, failures: [expect.objectContaining({ step: 'security' })] });
    expect([...w.auditStore.entries.values()]).toEqual([expect.objectContaining({ action: 'security.level-failed', outcome: 'failed' })]);
  });

  it('a reporter in two vendor companies is a recorded conflict, no level chosen', async () => {
    const w = world();
    w.addIssue('1', { reporterId: USERS.both.accountId }); // group of Acme, email domain of MedCloud
    await handleIssueEvent(w.deps, created('1'));
    expect(w.jira.issues.get('1')!.securityLevelId).toBeNull();
    expect(w.records.map.get('1')!.failures[0]!.reason).toMatch(/2 vendor companies \(Acme Imaging, MedCloud\)/);
  });

  it('malformed ADF is a recorded scan failure, not a crash; other fields are still handled', async () => {
    const w = world();
    // the malformed node carries PHI where a parser error message would quote it
    w.addIssue('1', { summary: `Call back re SSN ${PHI.ssn}`, description: { type: `doc ${PHI.name}`, version: 1, content: 'not an array' } });
    await handleIssueEvent(w.deps, created('1', USERS.agent.accountId));
    const rec = w.records.map.get('1')!;
    expect(rec.failures).toEqual([expect.objectContaining({ step: 'scan', target: 'description' })]);
    expect(w.jira.issues.get('1')!.summary).not.toContain(PHI.ssn);
    const stored = await everythingStored(w);
    for (const v of Object.values(PHI)) expect(stored).not.toContain(v);
  });

  it('an update scans only the fields it changed', async () => {
    const w = world();
    w.addIssue('1', { summary: `SSN ${PHI.ssn}`, description: doc(DESC) });
    await handleIssueEvent(w.deps, { kind: 'updated', issueId: '1', eventKey: 'updated:1:5', actorId: USERS.agent.accountId, changedFields: ['labels'] });
    expect(w.jira.calls).toEqual(['getIssue', 'setIssueProperty']);
  });
});

describe('comment events', () => {
  const ev = (commentId: string, projectTypeKey = 'service_desk') => ({
    issueId: '1', issueKey: 'ITS-1', projectKey: 'ITS', projectTypeKey, commentId, eventKey: `comment:${commentId}:1`, actorId: USERS.agent.accountId,
  });

  it('a public JSM comment is redacted and gets one internal note naming the types', async () => {
    const w = world();
    w.addIssue('1', { projectKey: 'ITS', key: 'ITS-1' });
    w.jira.comments.set('7', { id: '7', issueId: '1', body: doc(`Caller verified with SSN ${PHI.ssn}.`), authorId: USERS.agent.accountId, jsdPublic: true });
    await handleCommentEvent(w.deps, ev('7'));
    expect(JSON.stringify(w.jira.comments.get('7')!.body)).not.toContain(PHI.ssn);
    expect(w.jira.notes).toHaveLength(1);
    expect(JSON.stringify(w.jira.notes[0]!.body)).toMatch(/SSN ×1/);
    expect(JSON.stringify(w.jira.notes[0]!.body)).not.toContain(PHI.ssn);
    // edited again with PHI: redacted again, no second note
    w.jira.comments.get('7')!.body = doc(`SSN ${PHI.ssn} once more`);
    await handleCommentEvent(w.deps, { ...ev('7'), eventKey: 'comment:7:2' });
    expect(w.jira.notes).toHaveLength(1);
    expect(JSON.stringify(w.jira.comments.get('7')!.body)).not.toContain(PHI.ssn);
  });

  it('an internal comment is redacted without a note', async () => {
    const w = world();
    w.jira.comments.set('8', { id: '8', issueId: '1', body: doc(`MRN ${PHI.mrn}`), authorId: USERS.agent.accountId, jsdPublic: false });
    await handleCommentEvent(w.deps, ev('8'));
    expect(w.jira.notes).toHaveLength(0);
    expect(JSON.stringify(w.jira.comments.get('8')!.body)).not.toContain(PHI.mrn);
  });
});

describe("one issue's fields are read together", () => {
  // an IT text with no patient word in it: alone, it names staff only
  const IT_TEXT = 'Zebra driver reinstalled on the 4W printer. Maria Lopez needs a callback at 614-555-0187.';

  it('a patient in the summary makes the people in the description possible patients', async () => {
    const alone = world();
    alone.addIssue('1', { projectKey: 'FLAG', key: 'FLAG-1', summary: 'Printer driver', description: doc(IT_TEXT) });
    await handleIssueEvent(alone.deps, created('1', USERS.agent.accountId));
    expect(alone.jira.properties.get('1/phi-guard')).toMatchObject({ flagged: false });

    const w = world();
    w.addIssue('1', { projectKey: 'FLAG', key: 'FLAG-1', summary: 'Pt wristband printed blank', description: doc(IT_TEXT) });
    await handleIssueEvent(w.deps, created('1', USERS.agent.accountId));
    expect(w.jira.properties.get('1/phi-guard')).toMatchObject({ flagged: true, fields: ['description'] });
    expect(w.records.map.get('1')!.fields.description!.counts).toEqual({ NAME: 1, PHONE: 1 });
  });

  it('a comment on an issue that has held PHI is read as about its patient', async () => {
    const ev = { issueId: '1', issueKey: 'FLAG-1', projectKey: 'FLAG', projectTypeKey: 'software', commentId: '9', eventKey: 'comment:9:1', actorId: USERS.agent.accountId };
    const clean = world();
    clean.addIssue('1', { projectKey: 'FLAG', key: 'FLAG-1', summary: 'Printer driver', description: doc('Driver update') });
    await handleIssueEvent(clean.deps, created('1', USERS.agent.accountId));
    clean.jira.comments.set('9', { id: '9', issueId: '1', body: doc(IT_TEXT), authorId: USERS.agent.accountId, jsdPublic: false });
    await handleCommentEvent(clean.deps, ev);
    expect(clean.records.map.get('1')!.fields['comment:9']).toBeUndefined();

    const w = world();
    w.addIssue('1', { projectKey: 'FLAG', key: 'FLAG-1', summary: 'Printer driver', description: doc(DESC) });
    await handleIssueEvent(w.deps, created('1', USERS.agent.accountId));
    w.jira.comments.set('9', { id: '9', issueId: '1', body: doc(IT_TEXT), authorId: USERS.agent.accountId, jsdPublic: false });
    await handleCommentEvent(w.deps, ev);
    expect(w.records.map.get('1')!.fields['comment:9']!.counts).toEqual({ NAME: 1, PHONE: 1 });

    // a patient shown in the summary without any PHI in it is remembered for the comments too
    const shown = world();
    shown.addIssue('1', { projectKey: 'FLAG', key: 'FLAG-1', summary: 'Wristband printer down in ED - patient waiting', description: doc('Driver update') });
    await handleIssueEvent(shown.deps, created('1', USERS.agent.accountId));
    expect(shown.records.map.get('1')!.patient).toBe(true);
    shown.jira.comments.set('9', { id: '9', issueId: '1', body: doc(IT_TEXT), authorId: USERS.agent.accountId, jsdPublic: false });
    await handleCommentEvent(shown.deps, ev);
    expect(shown.records.map.get('1')!.fields['comment:9']!.counts).toEqual({ NAME: 1, PHONE: 1 });
  });
});

describe('approval gate', () => {
  it('blocks a vendor ticket from a gated status until an approver approves; others pass', async () => {
    const w = world();
    w.addIssue('1', { reporterId: USERS.acme.accountId });
    await handleIssueEvent(w.deps, created('1'));
    const blocked = await checkTransition(w.deps, { issueKey: 'VEND-1', toStatusId: '3' });
    expect(blocked.result).toBe(false);
    expect(blocked.errorMessage).toMatch(/Acme Imaging.*"In Progress".*"phi-approvers"/);
    expect(await checkTransition(w.deps, { issueKey: 'VEND-1', toStatusId: '10002' })).toEqual({ result: true });
    expect(await approveTicket(w.deps, { issueId: '1', actorId: USERS.agent.accountId })).toMatchObject({ ok: false });
    expect(await approveTicket(w.deps, { issueId: '1', actorId: USERS.approver.accountId })).toMatchObject({ ok: true, approval: { by: USERS.approver.accountId } });
    expect(await checkTransition(w.deps, { issueKey: 'VEND-1', toStatusId: '3' })).toEqual({ result: true });
    expect([...w.auditStore.entries.values()].map((e) => e.action)).toContain('approval.granted');
    expect(w.jira.properties.get('1/phi-guard')).toMatchObject({ approval: { by: USERS.approver.accountId } });
  });

  it('an internal ticket is never gated', async () => {
    const w = world();
    w.addIssue('1');
    expect(await checkTransition(w.deps, { issueKey: 'VEND-1', toStatusId: '3' })).toEqual({ result: true });
  });

  it('the validator function refuses forged or malformed arguments with a message', async () => {
    for (const args of [undefined, {}, { issue: {} }, { issue: { key: 'VEND-1' }, transition: {} }, 'x']) {
      const r = await validateVendorApproval(args);
      expect(r.result).toBe(false);
      expect(r.errorMessage).toMatch(/could not read the transition/);
    }
  });
});

describe('the phi-guard property', () => {
  it('stays under Jira\'s 32 KB property limit on a ticket with hundreds of PHI comments', async () => {
    const { propertyOf, emptyRecord } = await import('../../src/enforce/record');
    const rec = emptyRecord('1', 'ITS-1', 'ITS', '2026-01-01T00:00:00.000Z');
    for (let i = 0; i < 2000; i++) rec.fields[`comment:${100000 + i}`] = { counts: { SSN: 1, NAME: 2 }, action: 'redacted-in-place', at: '2026-01-01T00:00:00.000Z' };
    for (let i = 0; i < 50; i++) rec.failures.push({ at: '2026-01-01T00:00:00.000Z', step: 'redact', target: `comment:${i}`, reason: 'x'.repeat(200) });
    const prop = propertyOf(rec);
    expect(Buffer.byteLength(JSON.stringify(prop))).toBeLessThan(32 * 1024);
    expect(prop.fields).toHaveLength(100);
    expect(prop.moreFields).toBe(1900);
    expect(prop.counts).toEqual({ SSN: 2000, NAME: 4000 });
  });
});

describe('review findings: nothing done is lost, nothing stale stays', () => {
  it('a comment redacted before a later step failed for good: the redaction and the failure are both recorded', async () => {
    const w = world();
    w.addIssue('1', { projectKey: 'ITS', key: 'ITS-1' });
    w.jira.comments.set('7', { id: '7', issueId: '1', body: doc(`SSN ${PHI.ssn}`), authorId: USERS.agent.accountId, jsdPublic: true });
    w.jira.failNext('addInternalComment', 400);
    const ev = { issueId: '1', issueKey: 'ITS-1', projectKey: 'ITS', projectTypeKey: 'service_desk', commentId: '7', eventKey: 'comment:7:1', actorId: USERS.agent.accountId };
    await runEvent({ ...ev, retryCount: 0 }, (d) => handleCommentEvent(d, ev), w.deps);
    expect(JSON.stringify(w.jira.comments.get('7')!.body)).not.toContain(PHI.ssn);
    const actions = [...w.auditStore.entries.values()].map((e) => e.action).sort();
    expect(actions).toEqual(['enforcement.failed', 'phi.redacted']);
    const rec = w.records.map.get('1')!;
    expect(rec.fields['comment:7']).toMatchObject({ action: 'redacted-in-place' });
    expect(rec.failures).toEqual([expect.objectContaining({ step: 'event', reason: expect.stringMatching(/addInternalComment answered 400/) })]);
    expect(rec.pending).toBeUndefined();
  });

  it('the created and the edited event of one comment running at once post one note', async () => {
    const w = world();
    w.jira.comments.set('9', { id: '9', issueId: '1', body: doc(`SSN ${PHI.ssn}`), authorId: USERS.agent.accountId, jsdPublic: true });
    const base = { issueId: '1', issueKey: 'ITS-1', projectKey: 'ITS', projectTypeKey: 'service_desk', commentId: '9', actorId: USERS.agent.accountId };
    await Promise.all([handleCommentEvent(w.deps, { ...base, eventKey: 'comment:9:1' }), handleCommentEvent(w.deps, { ...base, eventKey: 'comment:9:2' })]);
    expect(w.jira.notes).toHaveLength(1);
  });

  it('a reporter that cannot be classified (403 on organizations) is recorded, and the PHI is still redacted', async () => {
    const w = world();
    w.addIssue('1', { description: doc(DESC), reporterId: USERS.acme.accountId });
    w.jira.failNext('getUserOrganizations', 403);
    await handleIssueEvent(w.deps, created('1'));
    expect(JSON.stringify(w.jira.issues.get('1')!.description)).not.toContain(PHI.mrn);
    expect(w.records.map.get('1')!.failures).toEqual([expect.objectContaining({ step: 'classify', reason: expect.stringMatching(/could not classify the reporter/) })]);
    // and the gate stays shut for it
    expect((await checkTransition(w.deps, { issueKey: 'VEND-1', toStatusId: '3' })).result).toBe(false);
  });

  it('the gate blocks a reporter in two companies', async () => {
    const w = world();
    w.addIssue('1', { reporterId: USERS.both.accountId });
    await handleIssueEvent(w.deps, created('1'));
    const v = await checkTransition(w.deps, { issueKey: 'VEND-1', toStatusId: '3' });
    expect(v.result).toBe(false);
  });

  it('a flag is cleared when someone removes the PHI', async () => {
    const w = world();
    w.addIssue('1', { projectKey: 'FLAG', key: 'FLAG-1', description: doc(DESC) });
    await handleIssueEvent(w.deps, created('1'));
    expect(w.jira.properties.get('1/phi-guard')).toMatchObject({ flagged: true, fields: ['description'] });
    w.jira.issues.get('1')!.description = doc('Export to PACS failed twice.');
    await handleIssueEvent(w.deps, { kind: 'updated', issueId: '1', eventKey: 'updated:1:2', actorId: USERS.agent.accountId, changedFields: ['description'] });
    expect(w.jira.properties.get('1/phi-guard')).toMatchObject({ flagged: false, fields: [], action: 'none' });
    expect([...w.auditStore.entries.values()].map((e) => e.action)).toEqual(['phi.flagged', 'phi.cleared']);
  });

  it('a vendor whose email is hidden and who matches no group is recorded, not silently internal', async () => {
    const w = world();
    w.jira.users.set('u-hidden', { accountId: 'u-hidden', email: null, groups: [], orgs: [] });
    w.addIssue('1', { reporterId: 'u-hidden' });
    await handleIssueEvent(w.deps, created('1', 'u-hidden'));
    expect(w.records.map.get('1')!.failures[0]!.reason).toMatch(/email address is hidden/);
  });
});
