/**
 * `npm run bench:enforce` — what enforcement costs, measured in the sandbox with the app's real
 * handlers: Jira REST calls per event for each path, and end-to-end time for a burst of tickets
 * under faults and duplicate delivery.
 *
 *   npm run bench:enforce                 all paths, then 50 tickets at fault rate 0.3 with duplicates
 *   npm run bench:enforce -- --burst 200  a bigger burst
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { verifyChain, type AuditEntry } from '../src/audit/chain';
import { startSandbox, type Sandbox, type SandboxOptions } from '../src/sandbox/server';

const basic = (email: string) => `Basic ${Buffer.from(`${email}:x`).toString('base64')}`;
const adf = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

async function rest(sb: Sandbox, email: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${sb.url}${path}`, { method, headers: { authorization: basic(email), 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const requests = (sb: Sandbox) => sb.runtime.api.requests;

async function measure(sb: Sandbox, act: () => Promise<unknown>): Promise<string[]> {
  await sb.idle();
  const before = requests(sb).length;
  await act();
  await sb.idle();
  return requests(sb).slice(before).map((r) => `${r.method} ${r.path.split('?')[0]!.replace(/status\/[0-9a-f-]+/, 'status/{job}').replace(/\/\d{4,}/g, '/{id}')}`);
}

const createIssue = (sb: Sandbox, email: string, project: string, description: string) =>
  rest(sb, email, 'POST', '/rest/api/3/issue', { fields: { project: { key: project }, issuetype: { name: 'Task' }, summary: 'Benchmark ticket', description: adf(description) } });

const PHI_TEXT = 'Patient Maria Garcia, DOB 04/22/1957, MRN 00482913: the CT export failed.';

async function paths(): Promise<void> {
  const rows: Array<[string, string[]]> = [];
  for (const premium of [false, true]) {
    const sb = await startSandbox({ port: 0, guardPremium: premium, delayScale: 0.01 });
    try {
      if (!premium) {
        rows.push(['internal reporter, no PHI (ITS)', await measure(sb, () => createIssue(sb, 'agent@demo.test', 'ITS', 'Printer on 3 jams.'))]);
        rows.push(['internal reporter, no PHI (VEND, vendor rules)', await measure(sb, () => createIssue(sb, 'agent@demo.test', 'VEND', 'Contract renewal.'))]);
      }
      rows.push([`vendor ticket with PHI, ${premium ? 'Guard Premium (redaction API)' : 'no Guard Premium, first (403 learnt)'}`, await measure(sb, () => createIssue(sb, 'vendor1@acme-imaging.test', 'VEND', PHI_TEXT))]);
      if (!premium) rows.push(['vendor ticket with PHI, no Guard Premium, later', await measure(sb, () => createIssue(sb, 'vendor2@medcloud.test', 'VEND', PHI_TEXT))]);
      const issue = (await createIssue(sb, 'clinician@demo.test', 'ITS', 'Portal login.')).body as { key: string };
      rows.push([`public JSM comment with an SSN${premium ? ' (redaction API)' : ''}`, await measure(sb, () => rest(sb, 'agent@demo.test', 'POST', `/rest/api/3/issue/${issue.key}/comment`, { body: adf('Verified with SSN 512-44-8721.') }))]);
      rows.push([`comment without PHI${premium ? ' (premium)' : ''}`, await measure(sb, () => rest(sb, 'agent@demo.test', 'POST', `/rest/api/3/issue/${issue.key}/comment`, { body: adf('Reset done, please retry.') }))]);
      if (!premium) rows.push(['label change (filtered out by the trigger expression)', await measure(sb, () => rest(sb, 'agent@demo.test', 'PUT', `/rest/api/3/issue/${issue.key}`, { update: { labels: [{ add: 'x' }] } }))]);
    } finally {
      await sb.close();
    }
  }
  console.log('### Jira REST calls per event (sandbox, app requests)\n');
  console.log('| path | calls | requests |\n|---|---:|---|');
  for (const [name, calls] of rows) console.log(`| ${name} | ${calls.length} | ${calls.join(', ') || '—'} |`);
  console.log('\nA duplicate delivery of a handled event costs 0 Jira calls (one storage read).');
}

async function burst(n: number, opts: Partial<SandboxOptions>): Promise<void> {
  const sb = await startSandbox({ port: 0, delayScale: 0.01, duplicateDelayMs: 200, randomSeed: 7, ...opts });
  try {
    const t0 = performance.now();
    await Promise.all(Array.from({ length: n }, (_, i) => createIssue(sb, i % 2 ? 'vendor2@medcloud.test' : 'vendor1@acme-imaging.test', 'VEND', `Patient Maria Garcia, DOB 04/22/1957, MRN ${10_000_000 + i}: export failed.`)));
    await sb.idle();
    const ms = performance.now() - t0;
    const dump = sb.storage.snapshot() as { entities: Record<string, Record<string, { seq: number; entry: AuditEntry; record?: { failures: unknown[]; fields: Record<string, { action: string }> } }>> };
    const records = Object.values(dump.entities['issue-record'] ?? {}).map((r) => r.record!).filter((r) => r.fields.description || r.failures.length > 0);
    const enforced = records.filter((r) => r.fields.description?.action.startsWith('redacted') && r.failures.length === 0).length;
    const failed = records.filter((r) => r.failures.length > 0).length;
    const entries = Object.values(dump.entities['audit-entry'] ?? {}).sort((a, b) => a.seq - b.seq).map((r) => r.entry);
    const head = (dump.entities['audit-head'] ?? {}).head as unknown as { seq: number; hash: string } | undefined;
    const reqs = requests(sb);
    const faults = reqs.filter((r) => r.fault !== undefined).length;
    console.log(`\n### Burst: ${n} vendor tickets with PHI, fault rate ${opts.faultRate ?? 0}, duplicate delivery ${opts.duplicateDelivery ? 'on' : 'off'}\n`);
    console.log('| figure | value |\n|---|---:|');
    console.log(`| wall time until idle | ${(ms / 1000).toFixed(1)} s |`);
    console.log(`| invocations (incl. duplicates, retries) | ${sb.invocations.length} (${sb.invocations.filter((i) => i.duplicate).length} duplicates, ${sb.invocations.filter((i) => i.retryCount > 0).length} retries) |`);
    console.log(`| app requests to Jira | ${reqs.length} (${faults} answered 429/503 by fault injection) |`);
    console.log(`| enforced / visibly failed / neither | ${enforced} / ${failed} / ${n - enforced - failed} |`);
    console.log(`| audit entries / chain | ${entries.length} / ${verifyChain(entries, head ?? null).ok ? 'verifies' : 'BROKEN'} |`);
  } finally {
    await sb.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { burst: { type: 'string', default: '50' } } });
  await paths();
  await burst(Number(values.burst), { faultRate: 0.3, duplicateDelivery: true, guardPremium: false });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
