/**
 * Every Jira REST route the app's own code calls (`route\`...\`` in src/, outside the sandbox)
 * must be an operation of Atlassian's published OpenAPI document with the same method, so that
 * what passes against the emulator also exists on a real site.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOperation } from './openapi';
import { JSM_ROUTES } from '../../src/sandbox/emulator';

/** Jira Service Management routes are not in the platform document: they must be routes the emulator implements from the JSM reference. */
function findJsmRoute(method: string, path: string): boolean {
  const bare = path.split('?')[0]!;
  return JSM_ROUTES.some((r) => r.method === method && new RegExp(`^${r.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(bare));
}

const ROOT = join(__dirname, '..', '..');

interface RouteCall {
  file: string;
  method: string;
  path: string;
}

/** Finds `requestJira(route\`/rest/...\`, { method: 'PUT' })`-style calls; placeholders become `{x}`. */
export function routeCalls(source: string, file = 'inline'): RouteCall[] {
  const calls: RouteCall[] = [];
  const re = /route`([^`]*)`(?:\s*,\s*\{[^}]*?method:\s*['"]([A-Z]+)['"])?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source)) !== null) {
    const path = m[1]!.replace(/\$\{[^}]*\}/g, '{x}');
    if (!path.startsWith('/rest/')) continue;
    calls.push({ file, method: m[2] ?? 'GET', path });
  }
  return calls;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'sandbox' && name !== 'node_modules') out.push(...sourceFiles(full));
    } else if (/\.(ts|tsx|js)$/.test(name)) out.push(full);
  }
  return out;
}

describe("the app's Jira routes", () => {
  it('the route finder reads methods and placeholders, and the document check rejects unknown routes', () => {
    const sample = "await api.asApp().requestJira(route`/rest/api/3/issue/${key}/properties/phi-guard`, { method: 'PUT', body });\n" +
      'await api.asUser().requestJira(route`/rest/api/3/issue/${key}`);\n' +
      "await api.asApp().requestJira(route`/rest/api/3/not-a-route/${key}`, { method: 'POST' });";
    const calls = routeCalls(sample);
    expect(calls).toEqual([
      { file: 'inline', method: 'PUT', path: '/rest/api/3/issue/{x}/properties/phi-guard' },
      { file: 'inline', method: 'GET', path: '/rest/api/3/issue/{x}' },
      { file: 'inline', method: 'POST', path: '/rest/api/3/not-a-route/{x}' },
    ]);
    expect(findOperation('PUT', '/rest/api/3/issue/{x}/properties/{y}')).toBeDefined();
    expect(findOperation('POST', '/rest/api/3/not-a-route/{x}')).toBeUndefined();
    expect(findOperation('DELETE', '/rest/api/3/myself')).toBeUndefined();
  });

  it('every route called from src/ is an operation of the OpenAPI document with the same method', () => {
    const calls = sourceFiles(join(ROOT, 'src')).flatMap((f) => routeCalls(readFileSync(f, 'utf8'), relative(ROOT, f)));
    const unknown = calls.filter((c) => (c.path.startsWith('/rest/servicedeskapi/') ? !findJsmRoute(c.method, c.path) : !findOperation(c.method, c.path)));
    expect(unknown, JSON.stringify(unknown, null, 2)).toEqual([]);
  });
});
