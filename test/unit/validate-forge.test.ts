import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateForgeApp } from '../../scripts/validate-forge';

const root = join(__dirname, '..', '..');
const tempDirs: string[] = [];

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway Forge app: `files` maps app-relative paths (manifest.yml, src/…) to contents. */
function makeApp(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'phi-guard-forge-'));
  tempDirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const APP_ID = 'ari:cloud:ecosystem::app/00000000-0000-0000-0000-000000000000';

/** Same shape as the repo's manifest: issue-created trigger → function → index.onIssueCreated. */
function triggerManifest(o: { runtime?: string; triggerFunction?: string; handler?: string; scopes?: string[] } = {}): string {
  const scopes = o.scopes ?? ['read:jira-work'];
  return [
    'app:',
    `  id: ${APP_ID}`,
    '  runtime:',
    `    name: ${o.runtime ?? 'nodejs22.x'}`,
    'modules:',
    '  trigger:',
    '    - key: phi-guard-issue-created',
    `      function: ${o.triggerFunction ?? 'on-issue-created'}`,
    '      events:',
    '        - avi:jira:created:issue',
    '      filter:',
    '        ignoreSelf: true',
    '  function:',
    '    - key: on-issue-created',
    `      handler: ${o.handler ?? 'index.onIssueCreated'}`,
    ...(scopes.length > 0 ? ['permissions:', '  scopes:', ...scopes.map((s) => `    - ${s}`)] : []),
    '',
  ].join('\n');
}

const TRIGGER_INDEX = 'export async function onIssueCreated(event: unknown): Promise<void> {\n  void event;\n}\n';

describe('validateForgeApp (offline Forge manifest validation + client-side lint)', () => {
  it("passes the repo's own app with zero errors", async () => {
    const { errors } = await validateForgeApp(root);
    expect(errors).toEqual([]);
  });

  it('accepts the minimal test app (the baseline the broken variants below differ from)', async () => {
    const dir = makeApp({ 'manifest.yml': triggerManifest(), 'src/index.ts': TRIGGER_INDEX });
    expect(await validateForgeApp(dir)).toEqual({ errors: [], warnings: [] });
  });

  it.each([
    {
      problem: 'a trigger whose function key is not a function module',
      manifest: triggerManifest({ triggerFunction: 'no-such-function' }),
      expected: "trigger references undefined function module with key 'no-such-function'",
    },
    {
      problem: 'a function handler whose file does not exist',
      manifest: triggerManifest({ handler: 'nosuchfile.onIssueCreated' }),
      expected: "function handler property 'nosuchfile.onIssueCreated' cannot find associated file with name 'nosuchfile.(tsx|jsx|ts|js|cjs)'",
    },
    {
      problem: 'a function handler its file does not export',
      manifest: triggerManifest({ handler: 'index.notExported' }),
      expected: 'src/index.ts:0:0 Cannot find exported function "notExported", which is required by module "on-issue-created" handler',
    },
    {
      problem: 'an unknown scope',
      manifest: triggerManifest({ scopes: ['read:jira-work', 'read:jira-everything'] }),
      expected: "Invalid 'scopes' permission in the manifest.yml file - 'read:jira-everything'",
    },
    {
      problem: 'an invalid runtime',
      manifest: triggerManifest({ runtime: 'nodejs18.x' }),
      expected: "app runtime property name 'nodejs18.x' allowed values are 'nodejs20.x', 'nodejs22.x', 'nodejs24.x'",
    },
    {
      problem: 'a product-event trigger without the scope its event needs',
      manifest: triggerManifest({ scopes: [] }),
      expected: "Trigger event: 'avi:jira:created:issue' requires 'read:jira-work' scope",
    },
    {
      problem: 'an app id that is not an ari',
      manifest: triggerManifest().replace(APP_ID, '00000000-0000-0000-0000-000000000000'),
      expected: 'app property id \'00000000-0000-0000-0000-000000000000\' must match pattern "ari:cloud:ecosystem::app/[^\\s]+"',
    },
  ])('rejects $problem', async ({ manifest, expected }) => {
    const dir = makeApp({ 'manifest.yml': manifest, 'src/index.ts': TRIGGER_INDEX });
    const { errors } = await validateForgeApp(dir);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => e.includes(expected)), `expected an error containing:\n  ${expected}\ngot:\n  ${errors.join('\n  ')}`).toBe(true);
  });

  describe('source lint: requestJira routes against the Jira OpenAPI document', () => {
    // A scheduled trigger needs no scope, so the only finding is the lint one.
    const manifest = (scopes: string[]) =>
      [
        'app:',
        `  id: ${APP_ID}`,
        '  runtime:',
        '    name: nodejs22.x',
        'modules:',
        '  scheduledTrigger:',
        '    - key: hourly-sync',
        '      function: sync',
        '      interval: hour',
        '  function:',
        '    - key: sync',
        '      handler: index.sync',
        ...(scopes.length > 0 ? ['permissions:', '  scopes:', ...scopes.map((s) => `    - ${s}`)] : []),
        '',
      ].join('\n');
    const index = [
      "import api, { route } from '@forge/api';",
      '',
      'export async function sync(key: string): Promise<number> {',
      '  const res = await api.asApp().requestJira(route`/rest/api/3/issue/${key}`);',
      '  return res.status;',
      '}',
      '',
    ].join('\n');

    it('reports a GET /rest/api/3/issue/{key} call when read:jira-work is not declared', async () => {
      const dir = makeApp({ 'manifest.yml': manifest([]), 'src/index.ts': index });
      const { errors } = await validateForgeApp(dir);
      expect(errors).toEqual([
        'src/index.ts:4:44 Jira endpoint: GET /rest/api/3/issue/{issueIdOrKey} requires "read:jira-work" scope (permission-scope-required) [lint]',
      ]);
    });

    it('reports it too when only an unrelated scope is declared, and not once read:jira-work is', async () => {
      const wrong = makeApp({ 'manifest.yml': manifest(['write:jira-work']), 'src/index.ts': index });
      expect((await validateForgeApp(wrong)).errors.join('\n')).toContain('requires "read:jira-work" scope');
      const right = makeApp({ 'manifest.yml': manifest(['read:jira-work']), 'src/index.ts': index });
      expect(await validateForgeApp(right)).toEqual({ errors: [], warnings: [] });
    });

    it('reports a source file that does not parse', async () => {
      const dir = makeApp({ 'manifest.yml': manifest([]), 'src/index.ts': 'export async function sync( {\n' });
      const { errors } = await validateForgeApp(dir);
      expect(errors.some((e) => e.startsWith('src/index.ts cannot be parsed for linting'))).toBe(true);
    });
  });

  it('restores the environment variables and working directory it changes', async () => {
    const cwd = process.cwd();
    const before = { ...process.env };
    process.env.LOCAL_JIRA_SWAGGER = '/somewhere/else.json';
    try {
      await validateForgeApp(root);
      expect(process.cwd()).toBe(cwd);
      expect(process.env.LOCAL_JIRA_SWAGGER).toBe('/somewhere/else.json');
      for (const name of ['USE_LOCAL_SWAGGER', 'LOCAL_JSM_SWAGGER', 'LOCAL_JSW_SWAGGER', 'LOCAL_CONF_SWAGGER', 'LOCAL_CONF_V2_SWAGGER', 'LOCAL_BB_SWAGGER']) {
        expect(process.env[name]).toBe(before[name]);
      }
    } finally {
      if (before.LOCAL_JIRA_SWAGGER === undefined) delete process.env.LOCAL_JIRA_SWAGGER;
      else process.env.LOCAL_JIRA_SWAGGER = before.LOCAL_JIRA_SWAGGER;
    }
  });
});
