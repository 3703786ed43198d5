/**
 * The local sandbox: Jira emulator + Forge runtime (the app's real handlers over the shims) + a small
 * Jira-like UI, on one HTTP port.
 *
 *   const sb = await startSandbox({ port: 0 });       // in-process (tests)
 *   await fetch(`${sb.url}/rest/api/3/issue`, { method: 'POST', headers: basic('agent@demo.test'), body });
 *   await sb.idle();                                   // triggers, retries, queued events done
 *   sb.runtime.invocations                             // what ran
 *   await sb.close();
 *
 * Routes (127.0.0.1 only):
 * - `/rest/...`: the Jira Cloud REST emulator; the acting user is Basic auth `email:anything`.
 *   Outside clients never get injected faults or latency.
 * - `GET /_sandbox/health` 200 when ready; `GET /_sandbox/idle` answers once every queued event and
 *   retry has finished; `POST /_sandbox/invoke` `{ moduleKey, functionKey, payload, context }` as the
 *   Basic-auth user calls that module's resolver (404 for an unknown module); `GET /_sandbox/storage`
 *   the app's KVS contents; `POST /_sandbox/reset` back to the seeded site and an empty KVS;
 *   `POST /_sandbox/scheduled/<moduleKey>` runs a scheduledTrigger now;
 *   `GET /_sandbox/invocations` the invocation log; `GET /_sandbox/config`, `GET /_sandbox/context`
 *   for the UI and the bridge shim.
 * - `/` the sandbox UI; `/_sandbox/bridge.js` the @forge/bridge shim; `/_sandbox/custom-ui/<resource>/`
 *   the Custom UI builds (static/<name>/build) with the bridge shim injected.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createEmulator, type Emulator, type EmuUser } from './emulator';
import { SANDBOX_CLOUD_ID } from './forge/context';
import { createSandboxKvs, type SandboxKvs } from './forge/kvs';
import { seededSettings, SETTINGS_KEY } from './seed-settings';
import { readManifest } from './manifest';
import { loadState, startAutosave, serializeState, writeState } from './persist';
import { SandboxRuntime, type InvocationRecord, type RuntimeOptions } from './runtime';

/** The runtime's options (faults, retries, delays, extra handlers) plus where and how to serve. */
export interface SandboxOptions
  extends Pick<
    RuntimeOptions,
    | 'loadApp' | 'latencyMs' | 'faultRate' | 'randomSeed' | 'duplicateDelivery' | 'duplicateDelayMs'
    | 'invocationTimeoutMs' | 'maxRetries' | 'delayScale' | 'extraTriggers' | 'extraConsumers'
  > {
  /** Port (0 = any free port). Default `PORT` or 8080. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Restore and save the state under `<appRoot>/.sandbox/` (npm start --keep). */
  keep?: boolean;
  /** Seed the demo site (default true). */
  seed?: boolean;
  /** Store the demo's PHI Guard settings (src/sandbox/seed-settings.ts) in the KVS (default: as `seed`). */
  seedSettings?: boolean;
  /** Run each `scheduledTrigger` once at start, as Forge does after a deployment (npm start: on; default off). */
  runScheduled?: boolean;
  /** Repository root (manifest.yml, src/, static/). Default: this repository. */
  appRoot?: string;
  /** Where `--keep` saves (default `<appRoot>/.sandbox`). */
  stateDir?: string;
  guardPremium?: boolean;
  /** Invocation log lines (default: silent). */
  log?: (line: string) => void;
}

export interface Sandbox {
  url: string;
  port: number;
  emulator: Emulator;
  /** The app's KVS (`storage.kvs` has the @forge/kvs API; `storage.snapshot()` is /_sandbox/storage). */
  storage: SandboxKvs;
  runtime: SandboxRuntime;
  /** Same as `runtime.invocations`. */
  readonly invocations: InvocationRecord[];
  idle(): Promise<void>;
  reset(): Promise<void>;
  close(): Promise<void>;
}

const REPO_ROOT = resolve(__dirname, '..', '..');
const UI_DIR = join(__dirname, 'ui');
const JSON_TYPE = 'application/json; charset=utf-8';
const MAX_BODY_BYTES = 10 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': JSON_TYPE,
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.map': JSON_TYPE,
  '.txt': 'text/plain; charset=utf-8',
};

/** Custom UI pages the sandbox UI knows about: module type → default build directory. */
const CUSTOM_UI = [
  { slot: 'issuePanel', moduleType: 'jira:issuePanel', defaultPath: 'static/issue-panel/build', defaultResource: 'issue-panel' },
  { slot: 'adminPage', moduleType: 'jira:adminPage', defaultPath: 'static/admin-page/build', defaultResource: 'admin-page' },
] as const;

function envPort(): number {
  const raw = process.env.PORT;
  if (raw === undefined || raw.trim() === '') return 8080;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`PORT must be a port number (got ${JSON.stringify(raw)})`);
  return n;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The active user named by `Authorization: Basic base64(email:anything)`. */
function basicAuthUser(emulator: Emulator, header: string | undefined): EmuUser | undefined {
  const m = header ? /^Basic\s+(.+)$/i.exec(header.trim()) : null;
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const email = (colon >= 0 ? decoded.slice(0, colon) : decoded).trim().toLowerCase();
  if (!email) return undefined;
  for (const u of emulator.state.users.values()) if (u.active && u.emailAddress?.toLowerCase() === email) return u;
  return undefined;
}

/** Resolves `rel` inside `root`, or undefined when it escapes it. */
function within(root: string, rel: string): string | undefined {
  const full = normalize(join(root, rel));
  return full === root || full.startsWith(root + sep) ? full : undefined;
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const appRoot = resolve(opts.appRoot ?? REPO_ROOT);
  const stateDir = resolve(opts.stateDir ?? join(appRoot, '.sandbox'));
  const statePath = join(stateDir, 'state.json');
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? envPort();

  const manifest = readManifest(join(appRoot, 'manifest.yml'));
  const emulator = createEmulator({
    ...(opts.guardPremium !== undefined ? { guardPremium: opts.guardPremium } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    entityPropertyAliases: manifest.entityPropertyAliases,
  });
  const storage = createSandboxKvs();
  const seedSettings = async () => {
    if (opts.seed !== false && opts.seedSettings !== false) await storage.kvs.set(SETTINGS_KEY, seededSettings());
  };
  await seedSettings();
  if (opts.keep) loadState(statePath, emulator, storage);

  const runtime = await SandboxRuntime.start({
    appRoot,
    manifest,
    emulator,
    kvs: storage,
    ...(opts.loadApp !== undefined ? { loadApp: opts.loadApp } : {}),
    ...(opts.latencyMs !== undefined ? { latencyMs: opts.latencyMs } : {}),
    ...(opts.faultRate !== undefined ? { faultRate: opts.faultRate } : {}),
    ...(opts.randomSeed !== undefined ? { randomSeed: opts.randomSeed } : {}),
    ...(opts.duplicateDelivery !== undefined ? { duplicateDelivery: opts.duplicateDelivery } : {}),
    ...(opts.duplicateDelayMs !== undefined ? { duplicateDelayMs: opts.duplicateDelayMs } : {}),
    ...(opts.invocationTimeoutMs !== undefined ? { invocationTimeoutMs: opts.invocationTimeoutMs } : {}),
    ...(opts.maxRetries !== undefined ? { maxRetries: opts.maxRetries } : {}),
    ...(opts.delayScale !== undefined ? { delayScale: opts.delayScale } : {}),
    ...(opts.extraTriggers ? { extraTriggers: opts.extraTriggers } : {}),
    ...(opts.extraConsumers ? { extraConsumers: opts.extraConsumers } : {}),
    ...(opts.log ? { log: opts.log } : {}),
  });
  const autosave = opts.keep ? startAutosave(statePath, emulator, storage) : undefined;
  if (opts.runScheduled) for (const key of runtime.scheduledKeys) void runtime.runScheduled(key);

  // --- Custom UI ---------------------------------------------------------------------------------

  function customUi() {
    const out: Record<string, unknown> = {};
    for (const c of CUSTOM_UI) {
      const module = runtime.manifest.modulesOfType(c.moduleType)[0];
      const resourceKey = (typeof module?.resource === 'string' ? module.resource : undefined) ?? c.defaultResource;
      const path = runtime.manifest.resources.get(resourceKey) ?? c.defaultPath;
      const index = join(appRoot, path, 'index.html');
      out[c.slot] = {
        moduleType: c.moduleType,
        moduleKey: module?.key ?? null,
        resourceKey,
        path,
        available: existsSync(index),
        missing: existsSync(index) ? null : `${path}/index.html`,
        url: `/_sandbox/custom-ui/${encodeURIComponent(resourceKey)}/index.html`,
        title: typeof module?.title === 'string' ? module.title : 'PHI Guard',
      };
    }
    return out;
  }

  function resourceDir(resourceKey: string): string | undefined {
    const fromManifest = runtime.manifest.resources.get(resourceKey);
    const fallback = CUSTOM_UI.find((c) => c.defaultResource === resourceKey)?.defaultPath;
    const rel = fromManifest ?? fallback;
    return rel ? within(appRoot, rel) : undefined;
  }

  function serveFile(res: ServerResponse, file: string, inject?: string): void {
    let text: Buffer | string = readFileSync(file);
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (inject && type.startsWith('text/html')) {
      const html = text.toString('utf8');
      const tag = `<script src="/_sandbox/bridge.js"></script>`;
      text = /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => `${m}${tag}`) : `${tag}${html}`;
    }
    res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
    res.end(text);
  }

  async function uiContext(user: EmuUser, params: URLSearchParams) {
    const moduleKey = params.get('moduleKey') ?? '';
    const found = moduleKey ? runtime.manifest.findModule(moduleKey) : undefined;
    const extension: Record<string, unknown> = { type: found?.type ?? params.get('moduleType') ?? 'jira:issuePanel' };
    const issueKey = params.get('issueKey');
    if (issueKey) {
      const r = await emulator.handle({ method: 'GET', path: `/rest/api/3/issue/${encodeURIComponent(issueKey)}?fields=project,issuetype`, actor: { kind: 'user', accountId: user.accountId } });
      const bean = r.status === 200 && r.body && typeof r.body === 'object' ? (r.body as { id?: string; key?: string; fields?: Record<string, { id?: string; key?: string; name?: string; projectTypeKey?: string }> }) : undefined;
      extension.issue = { key: issueKey, ...(bean ? { id: bean.id, type: bean.fields?.issuetype?.name, typeId: bean.fields?.issuetype?.id } : {}) };
      if (bean?.fields?.project) extension.project = { id: bean.fields.project.id, key: bean.fields.project.key, type: bean.fields.project.projectTypeKey };
    }
    return {
      accountId: user.accountId,
      cloudId: SANDBOX_CLOUD_ID,
      localId: `${moduleKey || 'module'}-local`,
      moduleKey,
      siteUrl: emulator.state.baseUrl,
      environmentType: 'DEVELOPMENT',
      locale: user.locale,
      timezone: user.timeZone,
      theme: { colorMode: 'light' },
      extension,
    };
  }

  // --- HTTP ------------------------------------------------------------------------------------

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
    const path = url.pathname;
    const auth = typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined;

    if (path.startsWith('/rest/')) {
      const raw = await readBody(req);
      const headers: Record<string, string | string[] | undefined> = { ...req.headers };
      const r = await emulator.handle({ method, path: req.url ?? path, headers, ...(raw === '' ? {} : { body: raw }) });
      const payload = r.body === undefined ? undefined : JSON.stringify(r.body);
      res.writeHead(r.status, { ...r.headers, ...(payload !== undefined ? { 'content-length': Buffer.byteLength(payload) } : {}) });
      res.end(payload);
      return;
    }

    if (path === '/' || path === '/index.html') return serveFile(res, join(UI_DIR, 'index.html'));
    if (path === '/_sandbox/ui.js') return serveFile(res, join(UI_DIR, 'app.js'));
    if (path === '/_sandbox/bridge.js') return serveFile(res, join(UI_DIR, 'bridge.js'));
    if (path === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }

    if (path === '/_sandbox/health' && method === 'GET') return sendJson(res, 200, { status: 'ok', url: sandbox.url });
    if (path === '/_sandbox/idle' && method === 'GET') {
      await runtime.idle();
      return sendJson(res, 200, { idle: true, invocations: runtime.invocations.length });
    }
    if (path === '/_sandbox/storage' && method === 'GET') return sendJson(res, 200, storage.snapshot());
    if (path === '/_sandbox/reset' && method === 'POST') {
      await sandbox.reset();
      return sendJson(res, 200, { reset: true });
    }
    if (path.startsWith('/_sandbox/scheduled/') && method === 'POST') {
      const key = decodeURIComponent(path.slice('/_sandbox/scheduled/'.length));
      const out = await runtime.runScheduled(key);
      if (!out) return sendJson(res, 404, { error: 'MODULE_NOT_FOUND', message: `no scheduledTrigger module '${key}'` });
      return sendJson(res, 200, out);
    }
    if (path === '/_sandbox/invocations' && method === 'GET') {
      return sendJson(res, 200, { invocations: runtime.invocations, productEvents: runtime.productEvents, appRequests: runtime.api.requests });
    }
    if (path === '/_sandbox/config' && method === 'GET') {
      const users = [...emulator.state.users.values()]
        .filter((u) => u.accountType !== 'app' && u.emailAddress && u.active)
        .map((u) => ({ email: u.emailAddress, accountId: u.accountId, displayName: u.displayName, groups: u.groups }));
      const projects = [...emulator.state.projects.values()].map((p) => ({ id: p.id, key: p.key, name: p.name, issueTypes: p.issueTypeIds.map((id) => emulator.state.issueTypes.get(id)?.name).filter(Boolean) }));
      return sendJson(res, 200, { restBase: `${sandbox.url}/rest/api/3`, users, projects, customUi: customUi(), options: runtime.options });
    }
    if (path === '/_sandbox/context' && method === 'GET') {
      const user = basicAuthUser(emulator, auth);
      if (!user) return sendJson(res, 401, { error: 'UNAUTHENTICATED', message: 'Send Basic auth with a demo user email' });
      return sendJson(res, 200, await uiContext(user, url.searchParams));
    }
    if (path === '/_sandbox/invoke') {
      if (method !== 'POST') return sendJson(res, 405, { error: 'METHOD_NOT_ALLOWED', message: 'POST only' }, { allow: 'POST' });
      const user = basicAuthUser(emulator, auth);
      if (!user) return sendJson(res, 401, { error: 'UNAUTHENTICATED', message: 'POST /_sandbox/invoke needs Basic auth with the email of an active user' });
      let body: unknown;
      try {
        body = JSON.parse((await readBody(req)) || '{}');
      } catch {
        return sendJson(res, 400, { error: 'BAD_REQUEST', message: 'The body must be JSON: { moduleKey, functionKey, payload, context }' });
      }
      const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
      if (typeof b.moduleKey !== 'string' || b.moduleKey === '') return sendJson(res, 400, { error: 'BAD_REQUEST', message: 'moduleKey must be a non-empty string' });
      const r = await runtime.invokeResolver({
        moduleKey: b.moduleKey,
        functionKey: typeof b.functionKey === 'string' ? b.functionKey : '',
        payload: b.payload,
        ...(b.context && typeof b.context === 'object' && !Array.isArray(b.context) ? { context: b.context as Record<string, unknown> } : {}),
        accountId: user.accountId,
      });
      return sendJson(res, r.status, r.body);
    }
    const cu = /^\/_sandbox\/custom-ui\/([^/]+)\/(.*)$/.exec(path);
    if (cu && method === 'GET') {
      const dir = resourceDir(decodeURIComponent(cu[1]!));
      const rel = decodeURIComponent(cu[2] || 'index.html');
      const file = dir ? within(dir, rel) : undefined;
      if (!dir || !file || !existsSync(file) || !statSync(file).isFile()) return sendJson(res, 404, { error: 'NOT_FOUND', message: `No Custom UI file ${path}` });
      return serveFile(res, file, 'bridge');
    }
    return sendJson(res, 404, { error: 'NOT_FOUND', message: `No sandbox route ${method} ${path}` });
  }

  const server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      console.error('[sandbox] request failed:', e);
      if (!res.headersSent) sendJson(res, 500, { error: 'INTERNAL', message: e instanceof Error ? e.message : String(e) });
      else res.end();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  let closed = false;

  const sandbox: Sandbox = {
    url: `http://${host}:${address.port}`,
    port: address.port,
    emulator,
    storage,
    runtime,
    get invocations() {
      return runtime.invocations;
    },
    idle: () => runtime.idle(),
    async reset() {
      await runtime.reset();
      emulator.reset();
      storage.clear();
      await seedSettings();
      if (opts.keep) writeState(statePath, serializeState(emulator, storage));
    },
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      });
      await runtime.close();
      if (autosave) {
        autosave.stop();
        autosave.flush();
      }
    },
  };
  return sandbox;
}
