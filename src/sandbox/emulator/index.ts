/**
 * In-process Jira Cloud REST emulator following the Jira Cloud platform OpenAPI document
 * (`third_party/jira-platform-v3.json`) plus a few Jira Service Management routes.
 *
 *   const emu = createEmulator();                       // seeded demo site (see ./seed.ts)
 *   await emu.handle({ method: 'GET', path: '/rest/api/3/issue/ITS-2', actor: { kind: 'app' } });
 *   const server = await emu.listen(0);                 // node:http on 127.0.0.1, Basic auth
 *
 * `handle` is the core: in-process callers pass `actor`; otherwise the `Authorization: Basic
 * base64(email:token)` header picks the user by email (any token). Domain events (`issue_created`,
 * `issue_updated`, `comment_created`, `comment_updated`) are reported through `on`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Ctx, ResolvedOptions } from './context';
import type { EntityPropertyAliases } from './jql';
import { JsmError } from './routes/jsm';
import type { TransitionValidator } from './routes/transitions';
import { matchRoute } from './routes/table';
import { createBaseState, DEMO_ACCOUNTS, seedDemoSite } from './seed';
import type { EmuActor, EmuEvent, EmuEventOf, EmuEventType, EmuRequest, EmuResponse, EmuState, EmuUser, EventActor } from './types';
import { errorBody, HttpError, NOT_AUTHENTICATED } from './util';

export * from './types';
export { ROUTES, PLATFORM_ROUTES, JSM_ROUTES, type RouteSpec, type HttpMethod } from './routes/table';
export { REDACTION_MARKER, redactionHash } from './routes/redaction';
export { TRANSITION_IDS, type TransitionCheck, type TransitionValidator } from './routes/transitions';
export { APP_ACCOUNT_ID, DEMO, DEMO_ACCOUNTS, SEED_EPOCH, type DemoEmail } from './seed';
export { adfFromText, adfToText } from './adf';
export type { EntityPropertyAliases } from './jql';

export interface EmulatorOptions {
  /** Atlassian Guard Premium on the site (redaction API). Default: `SANDBOX_GUARD_PREMIUM === '1'`. */
  guardPremium?: boolean;
  /** Seed the demo site (default true); false gives an empty site with only the app user. */
  seed?: boolean;
  /** Base URL used in `self` links. */
  baseUrl?: string;
  /** Status polls answered PENDING / IN_PROGRESS before a redaction job runs (default 0). */
  redactionPolls?: number;
  /**
   * Only changelog entries this many days old or newer are purged by a redaction. Atlassian documents
   * a ten-day limit for Guard Detect redaction of history; default: no limit (all history purged).
   */
  redactionHistoryWindowDays?: number;
  /** Entity-property JQL aliases, as a Forge `jira:entityProperty` module would declare them. */
  entityPropertyAliases?: EntityPropertyAliases;
}

type Listener<T extends EmuEventType | '*'> = (event: T extends EmuEventType ? EmuEventOf<T> : EmuEvent) => unknown;

export interface Emulator {
  /** The live site state (replaced by `reset()`). */
  readonly state: EmuState;
  handle(req: EmuRequest): Promise<EmuResponse>;
  listen(port?: number, host?: string): Promise<{ port: number; url: string; close(): Promise<void> }>;
  /** Back to the initial (seeded or empty) site; pending redaction jobs are dropped. */
  reset(): void;
  /** Subscribes to a domain event (or `'*'` for all); returns an unsubscribe function. */
  on<T extends EmuEventType | '*'>(event: T, listener: Listener<T>): () => void;
  /** Resolves once deferred work (redaction jobs) and async event listeners have finished. */
  settle(): Promise<void>;
  /** `{ kind: 'user', accountId }` for a user's email, or `{ kind: 'app' }` for `'app'`. */
  actorFor(emailOrApp: string): EmuActor;
  /** Runs `validator` before every workflow transition (a message blocks it); returns a remover. */
  addTransitionValidator(validator: TransitionValidator): () => void;
}

const JSON_TYPE = 'application/json;charset=UTF-8';

function header(headers: EmuRequest['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() === name) return Array.isArray(v) ? v[0] : v;
  }
  return undefined;
}

export function createEmulator(opts: EmulatorOptions = {}): Emulator {
  const guardPremium = opts.guardPremium ?? process.env.SANDBOX_GUARD_PREMIUM === '1';
  const baseUrl = (opts.baseUrl ?? 'https://phi-guard-demo.atlassian.net').replace(/\/$/, '');
  const resolved: ResolvedOptions = {
    redactionPolls: Math.max(0, opts.redactionPolls ?? 0),
    redactionHistoryWindowDays: opts.redactionHistoryWindowDays ?? Infinity,
    entityPropertyAliases: opts.entityPropertyAliases ?? {},
    transitionValidators: [],
  };
  const fresh = (): EmuState => {
    const s = createBaseState(baseUrl, guardPremium);
    if (opts.seed !== false) seedDemoSite(s);
    return s;
  };
  let state = fresh();
  const listeners = new Map<string, Set<(e: EmuEvent) => unknown>>();
  const pending = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    pending.add(p);
    void p.finally(() => pending.delete(p));
  };

  const emit = (event: EmuEvent): void => {
    for (const key of [event.type, '*']) {
      for (const l of listeners.get(key) ?? []) {
        try {
          const r = l(event);
          if (r && typeof (r as Promise<unknown>).then === 'function') track(Promise.resolve(r).catch((e) => console.error(`[jira-emulator] ${event.type} listener failed:`, e)));
        } catch (e) {
          console.error(`[jira-emulator] ${event.type} listener failed:`, e);
        }
      }
    }
  };

  const resolveActor = (req: EmuRequest): EmuUser | undefined => {
    if (req.actor) {
      if (req.actor.kind === 'app') return state.users.get(state.appAccountId);
      return state.users.get(req.actor.accountId);
    }
    const auth = header(req.headers, 'authorization');
    const m = auth ? /^Basic\s+(.+)$/i.exec(auth.trim()) : null;
    if (!m) return undefined;
    const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const email = (colon >= 0 ? decoded.slice(0, colon) : decoded).toLowerCase();
    for (const u of state.users.values()) if (u.emailAddress?.toLowerCase() === email && u.active) return u;
    return undefined;
  };

  const respond = (status: number, body?: unknown, headers: Record<string, string> = {}): EmuResponse => ({
    status,
    headers: body === undefined ? { ...headers } : { 'content-type': JSON_TYPE, ...headers },
    ...(body === undefined ? {} : { body }),
  });

  async function handle(req: EmuRequest): Promise<EmuResponse> {
    const url = new URL(req.path, 'http://emulator.invalid');
    const match = matchRoute(req.method, url.pathname);
    if (match.kind === 'not-found') return respond(404, errorBody(`null for uri: ${baseUrl}${url.pathname}${url.search}`));
    if (match.kind === 'method-not-allowed') return respond(405, errorBody(`Method ${req.method.toUpperCase()} is not allowed for ${url.pathname}.`), { allow: match.allow.join(', ') });
    const user = resolveActor(req);
    if (!user) return respond(401, errorBody(NOT_AUTHENTICATED));
    let body = req.body;
    if (typeof body === 'string') {
      if (body.trim() === '') body = undefined;
      else {
        try {
          body = JSON.parse(body);
        } catch (e) {
          return respond(400, errorBody(`Unexpected character in the request body: ${(e as Error).message}`));
        }
      }
    }
    const deferred: Array<() => void> = [];
    const actor: EventActor = { kind: user.accountType === 'app' ? 'app' : 'user', accountId: user.accountId };
    const ctx: Ctx = {
      state,
      user,
      actor,
      params: match.params,
      query: url.searchParams,
      body,
      opts: resolved,
      emit,
      defer: (task) => deferred.push(task),
    };
    try {
      const result = await match.def.handler(ctx);
      for (const task of deferred) {
        track(
          new Promise<void>((resolve) =>
            setImmediate(() => {
              try {
                task();
              } finally {
                resolve();
              }
            }),
          ),
        );
      }
      return respond(result.status, result.body, result.headers);
    } catch (e) {
      if (e instanceof HttpError) return respond(e.status, e.body);
      if (e instanceof JsmError) return respond(e.status, e.body);
      console.error('[jira-emulator] internal error', e);
      return respond(500, errorBody(`Internal server error: ${(e as Error).message}`));
    }
  }

  async function listen(port = 0, host = '127.0.0.1') {
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const headers: Record<string, string | string[] | undefined> = { ...req.headers };
        handle({ method: req.method ?? 'GET', path: req.url ?? '/', headers, body: raw === '' ? undefined : raw })
          .then((r) => {
            const payload = r.body === undefined ? undefined : JSON.stringify(r.body);
            res.writeHead(r.status, { ...r.headers, ...(payload !== undefined ? { 'content-length': Buffer.byteLength(payload) } : {}) });
            res.end(payload);
          })
          .catch((e: unknown) => {
            res.writeHead(500, { 'content-type': JSON_TYPE });
            res.end(JSON.stringify(errorBody(String(e))));
          });
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    return {
      port: address.port,
      url: `http://${host}:${address.port}`,
      close: () =>
        new Promise<void>((resolve, reject) => {
          server.closeAllConnections?.();
          server.close((err) => (err ? reject(err) : resolve()));
        }),
    };
  }

  return {
    get state() {
      return state;
    },
    handle,
    listen,
    reset() {
      state = fresh();
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (e: EmuEvent) => unknown);
      listeners.set(event, set);
      return () => set.delete(listener as (e: EmuEvent) => unknown);
    },
    async settle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    actorFor(emailOrApp: string): EmuActor {
      if (emailOrApp === 'app') return { kind: 'app' };
      const known = (DEMO_ACCOUNTS as Record<string, string>)[emailOrApp.toLowerCase()];
      const user = known ? state.users.get(known) : [...state.users.values()].find((u) => u.emailAddress?.toLowerCase() === emailOrApp.toLowerCase());
      if (!user) throw new Error(`No user with email ${emailOrApp} on the emulated site`);
      return { kind: 'user', accountId: user.accountId };
    },
    addTransitionValidator(validator) {
      resolved.transitionValidators.push(validator);
      return () => {
        const i = resolved.transitionValidators.indexOf(validator);
        if (i >= 0) resolved.transitionValidators.splice(i, 1);
      };
    },
  };
}
