import { describe, expect, it } from 'vitest';
import { defaultAppSettings, parseAppSettings, projectPolicy } from '../../src/policy/settings';
import { classifyReporter } from '../../src/policy/vendor';
import { retryAfterMs, withRetry } from '../../src/jira/retry';
import { parseCommented, parseUpdated, parseBase, EVENT } from '../../src/triggers/events';

const settings = parseAppSettings({
  vendors: [
    { id: 'acme', name: 'Acme', groups: ['vendor-acme'], organizations: ['Acme Org'], emailDomains: ['acme.test'], securityLevelId: '10000' },
    { id: 'med', name: 'MedCloud', groups: [], organizations: ['7'], emailDomains: ['medcloud.test'], securityLevelId: '10001' },
  ],
  internalGroups: ['staff'],
});

describe('settings', () => {
  it('a fresh install flags everywhere until an admin chooses', () => {
    expect(projectPolicy(defaultAppSettings(), 'ANY')).toEqual({ mode: 'flag', vendorRules: false });
    expect(projectPolicy(parseAppSettings({ projects: { ITS: { mode: 'redact' } } }), 'ITS').mode).toBe('redact');
  });

  it.each([
    [{ defaultMode: 'delete' }, /defaultMode must be one of off, flag, redact/],
    [{ projects: { 'bad key': { mode: 'flag' } } }, /not a project key/],
    [{ vendors: [{ id: 'a', name: 'A', securityLevelId: '1' }] }, /needs at least one group/],
    [{ vendors: [{ id: 'a', name: 'A', groups: ['g'], securityLevelId: 'level one' }] }, /security level id/],
    [{ vendors: [{ id: 'a', name: 'A', emailDomains: ['not a domain'], securityLevelId: '1' }] }, /emailDomains/],
    [{ detector: { customPatterns: [{ id: 'evil', type: 'MRN', pattern: '(a)\\1' }] } }, /custom pattern evil: backreferences are not supported/],
    [{ detector: { workforceNames: 'Maria Lopez' } }, /workforceNames must be a list of names/],
    ['nope', /settings must be an object/],
  ])('rejects bad settings with a clear reason: %j', (input, message) => {
    expect(() => parseAppSettings(input)).toThrow(message);
  });

  it("keeps the workforce directory an admin gives, for the detector's use", () => {
    expect(parseAppSettings({ detector: { workforceNames: ['Maria Lopez', 'Kevin Park'] } }).detector.workforceNames).toEqual(['Maria Lopez', 'Kevin Park']);
  });
});

describe('vendor classification (one table)', () => {
  const facts = (over: Partial<Parameters<typeof classifyReporter>[1]>) => ({ accountId: 'u', email: null, groups: [], organizations: [], ...over });

  it('matches by group, organization (id or name) or email domain (subdomains too)', () => {
    expect(classifyReporter(settings, facts({ groups: ['vendor-acme'] }))).toMatchObject({ kind: 'vendor', company: { id: 'acme' }, matchedBy: ['group'] });
    expect(classifyReporter(settings, facts({ organizations: [{ id: '3', name: 'acme org' }] }))).toMatchObject({ kind: 'vendor', company: { id: 'acme' } });
    expect(classifyReporter(settings, facts({ organizations: [{ id: '7', name: 'x' }] }))).toMatchObject({ kind: 'vendor', company: { id: 'med' } });
    expect(classifyReporter(settings, facts({ email: 'a@eu.medcloud.test' }))).toMatchObject({ kind: 'vendor', company: { id: 'med' } });
    expect(classifyReporter(settings, facts({ email: 'a@notmedcloud.test' }))).toEqual({ kind: 'internal' });
  });

  it('two companies is a conflict; organizations are looked up for anyone who is not staff', () => {
    expect(classifyReporter(settings, facts({ groups: ['vendor-acme'], email: 'x@medcloud.test' }))).toMatchObject({ kind: 'conflict' });
    expect(classifyReporter(settings, facts({ groups: ['vendor-acme'], organizations: null }))).toEqual({ kind: 'needs-organizations' });
    expect(classifyReporter(settings, facts({ groups: ['staff'], organizations: null }))).toEqual({ kind: 'internal' });
  });
});

describe('retry within the invocation budget', () => {
  const answer = (status: number, retryAfter?: string) => ({ status, headers: { get: (n: string) => (n === 'Retry-After' ? (retryAfter ?? null) : null) } });

  it('honours Retry-After (seconds or date) and stops before the deadline', async () => {
    expect(retryAfterMs(answer(429, '2'), 0)).toBe(2000);
    expect(retryAfterMs(answer(429, new Date(10_000).toUTCString()), 4_000)).toBe(6000);
    let now = 0;
    const waits: number[] = [];
    const clock = { now: () => now, sleep: async (ms: number) => void (waits.push(ms), (now += ms)) };
    const seq = [answer(429, '1'), answer(503), answer(200)];
    const res = await withRetry(async () => seq.shift()!, { deadline: 10_000, maxAttempts: 5, clock, random: () => 0.5 });
    expect(res.status).toBe(200);
    expect(waits).toEqual([1000, 500]);
    const late = await withRetry(async () => answer(429, '30'), { deadline: 10_000, maxAttempts: 5, clock });
    expect(late.status).toBe(429); // a 30 s wait would overrun the budget: hand it back
  });
});

describe('event payloads', () => {
  const issue = { id: '10001', key: 'VEND-3', fields: { project: { key: 'VEND', projectTypeKey: 'service_desk' } } };
  it('reads ids only, and names what is missing', () => {
    expect(parseBase({ eventType: EVENT.created, issue, atlassianId: 'u1' }, EVENT.created)).toMatchObject({ issueId: '10001', projectKey: 'VEND', actorId: 'u1', retryCount: 0 });
    expect(parseUpdated({ eventType: EVENT.updated, issue, changelog: { id: 55, items: [{ field: 'description', fieldId: 'description' }] }, retryContext: { retryCount: 2 } })).toMatchObject({
      changelogId: '55', changedFields: ['description'], retryCount: 2,
    });
    expect(parseCommented({ eventType: EVENT.commented, issue, comment: { id: '9', updated: '2026-01-01T00:00:00.000+0000' } }).commentVersion).toBe('20260101T0000000000000');
    expect(() => parseBase({ issue: { id: '1' } }, EVENT.created)).toThrow(/issue.id or issue.key is missing/);
    expect(() => parseCommented({ issue })).toThrow(/comment.id is missing/);
    expect(() => parseBase({ eventType: EVENT.updated, issue }, EVENT.created)).toThrow(/eventType/);
  });
});
