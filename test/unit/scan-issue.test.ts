import { describe, expect, it } from 'vitest';
import { detect } from '../../src/phi/detect';
import { PHI_GUARD_PROPERTY, scanIssue } from '../../src/enforce/scan-issue';
import { JiraError, type IssueSnapshot, type JiraPort } from '../../src/jira/port';

/** In-memory Jira port that records what the use case did. */
function fakeJira(issues: IssueSnapshot[]) {
  const properties = new Map<string, unknown>();
  const calls: string[] = [];
  const port: JiraPort = {
    async getIssue(idOrKey) {
      calls.push(`get ${idOrKey}`);
      return issues.find((i) => i.id === idOrKey || i.key === idOrKey) ?? null;
    },
    async setIssueProperty(idOrKey, key, value) {
      calls.push(`set ${idOrKey} ${key}`);
      properties.set(`${idOrKey}/${key}`, JSON.parse(JSON.stringify(value)));
    },
  };
  return { port, properties, calls };
}

const adf = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const now = () => new Date('2026-11-23T10:00:00Z');

describe('scanIssue', () => {
  it('records types, counts and fields on the phi-guard property — never the values — in two Jira calls', async () => {
    const jira = fakeJira([
      { id: '10001', key: 'VEND-1', projectKey: 'VEND', summary: 'Portal login for SMITH, JOHN', description: adf('Pt John Smith DOB 03/14/1962 MRN 00482913 SSN 219-09-9991') },
    ]);
    const property = await scanIssue({ jira: jira.port, detect, now }, 'VEND-1');
    expect(property).toMatchObject({ version: 1, flagged: true, action: 'flag', fields: ['summary', 'description'], scannedAt: '2026-11-23T10:00:00.000Z' });
    expect(property!.types).toEqual(['DATE', 'MRN', 'NAME', 'SSN']);
    expect(property!.counts).toEqual({ NAME: 2, DATE: 1, MRN: 1, SSN: 1 });
    expect(jira.properties.get(`10001/${PHI_GUARD_PROPERTY}`)).toEqual(property);
    const stored = JSON.stringify([...jira.properties.values()]);
    for (const value of ['John', 'Smith', 'SMITH', '03/14/1962', '00482913', '219-09-9991']) expect(stored).not.toContain(value);
    expect(jira.calls).toEqual(['get VEND-1', 'set 10001 phi-guard']);
  });

  it('marks an issue without PHI as not flagged', async () => {
    const jira = fakeJira([{ id: '7', key: 'ITS-7', projectKey: 'ITS', summary: 'Printer jams on floor 3', description: adf('Driver 4.2.1 reinstalled, see KB5034441') }]);
    const property = await scanIssue({ jira: jira.port, detect, now }, 'ITS-7');
    expect(property).toMatchObject({ flagged: false, types: [], counts: {}, fields: [] });
  });

  it('records a malformed description as a failure instead of crashing, and still scans the summary', async () => {
    const jira = fakeJira([{ id: '8', key: 'ITS-8', projectKey: 'ITS', summary: 'SSN 219-09-9991 in title', description: { type: 'paragraph', text: 42 } }]);
    const property = await scanIssue({ jira: jira.port, detect, now }, 'ITS-8');
    expect(property!.types).toEqual(['SSN']);
    expect(property!.failures?.[0]).toMatch(/^description: /);
    expect(JSON.stringify(property)).not.toContain('219-09-9991');
  });

  it('does nothing for an issue the app cannot see, and surfaces Jira errors without content', async () => {
    const jira = fakeJira([]);
    expect(await scanIssue({ jira: jira.port, detect, now }, 'NOPE-1')).toBeNull();
    expect(jira.calls).toEqual(['get NOPE-1']);
    const failing: JiraPort = { getIssue: async () => { throw new JiraError(429, 'get issue', 2000); }, setIssueProperty: async () => {} };
    await expect(scanIssue({ jira: failing, detect, now }, 'X-1')).rejects.toMatchObject({ status: 429, retryable: true, retryAfterMs: 2000 });
  });
});
