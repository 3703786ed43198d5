/** In-memory ports for enforcement unit tests (no Forge, no sandbox). */
import { AuditLog } from '../../src/audit/log';
import type { EnforceDeps } from '../../src/enforce/deps';
import { emptyRecord, type IssueRecord, type IssueRecordStore } from '../../src/enforce/record';
import type { AdfDoc, BulkRedactionRequest, RedactionJobStatusResponse } from '../../src/phi/adf';
import { JiraError, type CommentSnapshot, type IssueSnapshot, type JiraPort, type SiteUser, type UserFacts } from '../../src/jira/port';
import { parseAppSettings, type AppSettings } from '../../src/policy/settings';
import type { CapabilityCache, SettingsStore } from '../../src/store/settings';
import { MemoryAuditStore } from './memory-audit';

export const doc = (text: string): AdfDoc => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }) as AdfDoc;

export type Op = keyof JiraPort;

/** A Jira with issues, comments and users in maps; `failures` makes the next calls of an operation fail. */
export class FakeJira implements JiraPort {
  issues = new Map<string, IssueSnapshot>();
  comments = new Map<string, CommentSnapshot & { issueId: string }>();
  users = new Map<string, UserFacts & { orgs?: Array<{ id: string; name: string }> }>();
  properties = new Map<string, unknown>();
  notes: Array<{ issueId: string; body: unknown }> = [];
  calls: Op[] = [];
  failures: Array<{ op: Op; error: JiraError; times: number }> = [];
  redactApi = false;
  levelsInScheme = new Set(['10000', '10001', '10002']);
  transitionTargets = new Map<string, string>([['3', 'In Progress'], ['10003', 'Resolved'], ['10002', 'Waiting for customer']]);

  failNext(op: Op, status: number, times = 1, fieldErrors: string[] = []) {
    this.failures.push({ op, error: new JiraError(status, op, status === 429 ? 1000 : undefined, fieldErrors), times });
  }

  private enter(op: Op) {
    this.calls.push(op);
    const f = this.failures.find((x) => x.op === op && x.times > 0);
    if (f) {
      f.times--;
      throw f.error;
    }
  }

  async getIssue(idOrKey: string) {
    this.enter('getIssue');
    const i = this.issues.get(idOrKey) ?? [...this.issues.values()].find((x) => x.key === idOrKey);
    return i ? structuredClone(i) : null;
  }
  async getComment(_issueId: string, commentId: string) {
    this.enter('getComment');
    const c = this.comments.get(commentId);
    return c ? structuredClone(c) : null;
  }
  async getUser(accountId: string) {
    this.enter('getUser');
    const u = this.users.get(accountId);
    return u ? { accountId, email: u.email, groups: [...u.groups] } : null;
  }
  /** The site's user list (listUsers pages through it). */
  siteUsers: SiteUser[] = [];
  async listUsers(startAt: number, maxResults: number) {
    this.enter('listUsers');
    return this.siteUsers.slice(startAt, startAt + maxResults).map((u) => ({ ...u }));
  }
  async getUserOrganizations(accountId: string) {
    this.enter('getUserOrganizations');
    return this.users.get(accountId)?.orgs ?? [];
  }
  async setIssueProperty(idOrKey: string, key: string, value: unknown) {
    this.enter('setIssueProperty');
    this.properties.set(`${idOrKey}/${key}`, structuredClone(value));
  }
  async editIssue(issueId: string, fields: Record<string, unknown>) {
    this.enter('editIssue');
    const i = this.issues.get(issueId)!;
    if (fields.security !== undefined) {
      const id = (fields.security as { id: string }).id;
      if (!this.levelsInScheme.has(id)) throw new JiraError(400, 'edit issue', undefined, ['security']);
      i.securityLevelId = id;
    }
    if (typeof fields.summary === 'string') i.summary = fields.summary;
    if (fields.description !== undefined) i.description = fields.description;
  }
  async editComment(_issueId: string, commentId: string, body: unknown) {
    this.enter('editComment');
    this.comments.get(commentId)!.body = body;
  }
  async addInternalComment(issueId: string, body: unknown) {
    this.enter('addInternalComment');
    this.notes.push({ issueId, body });
  }
  lastRedaction: BulkRedactionRequest | null = null;
  async redact(r: BulkRedactionRequest) {
    this.enter('redact');
    if (!this.redactApi) return 'unavailable' as const;
    this.lastRedaction = r;
    return { jobId: 'job-1' };
  }
  async redactionStatus(): Promise<RedactionJobStatusResponse> {
    this.enter('redactionStatus');
    const results = (this.lastRedaction?.redactions ?? []).map((x) => ({ externalId: x.externalId, successful: true }));
    return { jobStatus: 'COMPLETED', bulkRedactionResponse: { results } };
  }
  async statusName(_key: string, statusId: string) {
    this.enter('statusName');
    return this.transitionTargets.get(statusId) ?? null;
  }
}

export class MemoryRecords implements IssueRecordStore {
  map = new Map<string, IssueRecord>();
  async get(id: string) {
    const r = this.map.get(id);
    return r ? structuredClone(r) : null;
  }
  async update(id: string, change: (c: IssueRecord | null) => IssueRecord) {
    const next = change(this.map.has(id) ? structuredClone(this.map.get(id)!) : null);
    this.map.set(id, structuredClone(next));
    return next;
  }
}

export function settingsStore(input: unknown): SettingsStore & { value: AppSettings } {
  const value = parseAppSettings(input);
  return { value, load: async () => ({ settings: value }), save: async () => {} };
}

export function capabilities(): CapabilityCache & { unavailable: boolean } {
  const c = {
    unavailable: false,
    redactApiUnavailable: async () => c.unavailable,
    markRedactApiUnavailable: async () => {
      c.unavailable = true;
    },
  };
  return c;
}

export function memoryClaims() {
  const held = new Set<string>();
  return {
    held,
    claim: async (key: string) => (held.has(key) ? false : (held.add(key), true)),
    release: async (key: string) => void held.delete(key),
  };
}

export const VENDOR_SETTINGS = {
  projects: { VEND: { mode: 'redact', vendorRules: true }, ITS: { mode: 'redact' }, FLAG: { mode: 'flag' }, OFF: { mode: 'off' } },
  vendors: [
    { id: 'acme', name: 'Acme Imaging', groups: ['vendor-acme'], organizations: ['Acme Imaging'], emailDomains: ['acme.test'], securityLevelId: '10000' },
    { id: 'medcloud', name: 'MedCloud', groups: ['vendor-medcloud'], organizations: [], emailDomains: ['medcloud.test'], securityLevelId: '10001' },
  ],
  internalGroups: ['staff'],
};

export const USERS = {
  agent: { accountId: 'u-agent', email: 'agent@hospital.test', groups: ['staff'] },
  acme: { accountId: 'u-acme', email: 'val@acme.test', groups: ['vendor-acme'], orgs: [{ id: '1', name: 'Acme Imaging' }] },
  both: { accountId: 'u-both', email: 'max@medcloud.test', groups: ['vendor-acme'], orgs: [] },
  approver: { accountId: 'u-approver', email: 'boss@hospital.test', groups: ['staff', 'phi-approvers'] },
};

export function world(settingsInput: unknown = VENDOR_SETTINGS) {
  const jira = new FakeJira();
  for (const u of Object.values(USERS)) jira.users.set(u.accountId, { ...u });
  const records = new MemoryRecords();
  const auditStore = new MemoryAuditStore(false);
  const settings = settingsStore(settingsInput);
  const caps = capabilities();
  let clock = Date.UTC(2026, 10, 23, 12, 0, 0);
  const deps: EnforceDeps = {
    jira,
    records,
    audit: new AuditLog(auditStore, async () => {}),
    settings,
    capabilities: caps,
    claims: memoryClaims(),
    now: () => new Date((clock += 1000)),
    sleep: async () => {},
    deadline: Number.MAX_SAFE_INTEGER,
  };
  const addIssue = (id: string, over: Partial<IssueSnapshot> = {}) => {
    const issue: IssueSnapshot = {
      id,
      key: `${over.projectKey ?? 'VEND'}-${id}`,
      projectKey: 'VEND',
      projectTypeKey: 'service_desk',
      summary: 'Scanner export failing',
      description: doc('The export to PACS fails every morning.'),
      reporterId: USERS.agent.accountId,
      securityLevelId: null,
      status: { id: '10001', name: 'Waiting for support', category: 'new' },
      ...over,
    };
    jira.issues.set(id, issue);
    return issue;
  };
  return { jira, records, auditStore, settings, caps, deps, addIssue, emptyRecord };
}
