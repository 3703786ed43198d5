/**
 * @forge/api shim for the local sandbox: `asApp().requestJira(route…)`, `asUser().requestJira(…)`
 * answered in-process by the Jira emulator (`emulator.handle`) with the app's account or the invoking
 * user as the actor.
 *
 * - `route`, `assumeTrustedRoute`, `routeFromAbsolute` and the error classes are the real ones from
 *   @forge/api (same escaping, same "use route" rule: a plain string path is rejected).
 * - `asUser()` acts as the user of the current invocation (AsyncLocalStorage, see ./context): the
 *   resolver's caller. Without one (product events, queue consumers) the request fails with
 *   `NeedsAuthenticationError`, as Forge's proxy does; `asUser(accountId)` acts as that account.
 * - `fetch` (egress) is refused with `ExternalEndpointNotAllowedError`: the manifest declares no
 *   external fetch permissions, and PHI must not leave the sandbox.
 * - Faults, for the app's own requests only (never for outside REST clients):
 *   `latencyMs` (SANDBOX_LATENCY_MS) delays every request; `faultRate` (SANDBOX_FAULT_RATE, 0..1)
 *   answers that share of requests with 429 `Retry-After: 1` or 503 instead of calling Jira,
 *   chosen by a seeded RNG so runs repeat.
 */
import * as realApi from '@forge/api';
import { ExternalEndpointNotAllowedError, NeedsAuthenticationError } from '@forge/api';
import { getAppAri, getEnvironmentAri, getInstallationAri } from '@forge/api/out/api/ari';
import { requireSafeUrl } from '@forge/api/out/safeUrl';
import type { Emulator, EmuActor } from '../emulator';
import { SANDBOX_ENVIRONMENT_ID, SANDBOX_INSTALLATION_ID, type InvocationScope } from './context';
import { bodyText, SandboxResponse } from './response';

export interface RequestInit {
  body?: ArrayBuffer | string | URLSearchParams;
  headers?: Record<string, string>;
  method?: string;
  redirect?: 'follow' | 'error' | 'manual';
  signal?: AbortSignal;
}

type RouteLike = Parameters<typeof requireSafeUrl>[0];
export type RequestProduct = (url: RouteLike, init?: RequestInit) => Promise<SandboxResponse>;

export interface ProductMethods {
  requestJira: RequestProduct;
  requestConfluence: RequestProduct;
  requestBitbucket: RequestProduct;
}

/** One request the app made through the shim. */
export interface AppRequestRecord {
  at: number;
  actor: 'app' | 'user';
  accountId?: string;
  method: string;
  path: string;
  status: number;
  /** Set when the status came from fault injection, not from Jira. */
  fault?: 429 | 503;
  invocationId?: string;
}

export interface ForgeApiShimOptions {
  emulator: Emulator;
  scope: InvocationScope;
  /** App id from manifest `app.id` (the UUID part is used in ARIs). */
  appId: string;
  /** Delay per app request, ms. Default `SANDBOX_LATENCY_MS` or 0. */
  latencyMs?: number;
  /** Share (0..1) of app requests answered 429/503. Default `SANDBOX_FAULT_RATE` or 0. */
  faultRate?: number;
  /** Seed of the fault RNG. Default `SANDBOX_RANDOM_SEED` or 1. */
  randomSeed?: number;
}

export interface ForgeApiShim extends ProductMethods {
  asApp(): ProductMethods & Record<string, unknown>;
  asUser(userId?: string): ProductMethods & Record<string, unknown>;
  fetch(url: string | RouteLike, init?: RequestInit): Promise<SandboxResponse>;
  getAppContext(): Record<string, unknown>;
  /** The object app code gets for `import … from '@forge/api'`. */
  readonly module: Record<string, unknown>;
  /** The app's requests, newest last (at most the last 2,000). */
  readonly requests: AppRequestRecord[];
  /** Current fault settings; can be changed while running. */
  faults: { latencyMs: number; faultRate: number };
  /** Restarts the fault RNG (same seed → same sequence). */
  reseed(seed?: number): void;
}

/** mulberry32: small, fast, good enough to pick faults repeatably. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number from the environment, or `fallback` when unset; a clear error when it is not a number. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number (got ${JSON.stringify(raw)})`);
  return n;
}

export function appUuid(appId: string): string {
  const m = /app\/([0-9a-f-]+)$/i.exec(appId);
  return m ? m[1]! : appId;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const notEmulated = (what: string) => () => {
  throw new Error(`${what} is not emulated in the PHI Guard sandbox`);
};

export function createForgeApi(opts: ForgeApiShimOptions): ForgeApiShim {
  const { emulator, scope } = opts;
  const faults = {
    latencyMs: Math.max(0, opts.latencyMs ?? envNumber('SANDBOX_LATENCY_MS', 0)),
    faultRate: Math.min(1, Math.max(0, opts.faultRate ?? envNumber('SANDBOX_FAULT_RATE', 0))),
  };
  let seed = opts.randomSeed ?? envNumber('SANDBOX_RANDOM_SEED', 1);
  let random = seededRandom(seed);
  const requests: AppRequestRecord[] = [];
  const record = (r: AppRequestRecord) => {
    requests.push(r);
    if (requests.length > 2000) requests.splice(0, requests.length - 2000);
  };

  async function send(actorOf: () => EmuActor, path: string, init: RequestInit = {}): Promise<SandboxResponse> {
    const actor = actorOf();
    const method = (init.method ?? 'GET').toUpperCase();
    const invocationId = scope.current()?.id;
    const who = actor.kind === 'app' ? { actor: 'app' as const } : { actor: 'user' as const, accountId: actor.accountId };
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    if (faults.faultRate > 0 && random() < faults.faultRate) {
      const fault = random() < 0.5 ? 429 : 503;
      record({ at: Date.now(), ...who, method, path, status: fault, fault, ...(invocationId ? { invocationId } : {}) });
      return fault === 429
        ? SandboxResponse.json(429, { errorMessages: ['Rate limit exceeded.'], errors: {} }, { 'retry-after': '1' }, path)
        : SandboxResponse.json(503, { errorMessages: ['Service Unavailable'], errors: {} }, {}, path);
    }
    const res = await emulator.handle({
      method,
      path,
      ...(init.headers ? { headers: init.headers } : {}),
      ...(init.body !== undefined ? { body: bodyText(init.body) } : {}),
      actor,
    });
    record({ at: Date.now(), ...who, method, path, status: res.status, ...(invocationId ? { invocationId } : {}) });
    return SandboxResponse.json(res.status, res.body, res.headers, path);
  }

  const unsupportedProduct = (product: string): RequestProduct => async () => {
    throw new Error(`${product} is not emulated in the PHI Guard sandbox (only Jira is)`);
  };

  function methodsFor(actorOf: () => EmuActor): ProductMethods & Record<string, unknown> {
    // Like @forge/api: a path that is not a `route` throws at once; authentication fails on the response.
    const requestJira: RequestProduct = (url, init) => send(actorOf, requireSafeUrl(url).value, init);
    return {
      requestJira,
      requestConfluence: unsupportedProduct('Confluence'),
      requestBitbucket: unsupportedProduct('Bitbucket'),
      requestGraph: notEmulated('requestGraph'),
      requestTeamworkGraph: notEmulated('requestTeamworkGraph'),
      requestConnectedData: notEmulated('requestConnectedData'),
      requestAtlassian: notEmulated('requestAtlassian'),
      withContext: () => ({ requestJira, requestConfluence: unsupportedProduct('Confluence'), requestBitbucket: unsupportedProduct('Bitbucket') }),
    };
  }

  const asApp = () => methodsFor(() => ({ kind: 'app' }));
  const asUser = (userId?: string) =>
    methodsFor(() => {
      const accountId = userId ?? scope.current()?.accountId;
      if (!accountId) {
        throw new NeedsAuthenticationError('Authentication Required: asUser() needs a user-initiated invocation (a resolver call); use asApp() here', 'atlassian-token-service-key');
      }
      return { kind: 'user', accountId };
    });
  const app = asApp();
  // Deprecated top-level product methods: the sandbox treats them as the app.
  const requestJira: RequestProduct = (url, init) => app.requestJira(url, init);

  async function egress(url: string | RouteLike): Promise<SandboxResponse> {
    const target = typeof url === 'string' ? url : requireSafeUrl(url).value;
    throw new ExternalEndpointNotAllowedError(target);
  }

  function getAppContext(): Record<string, unknown> {
    const inv = scope.current();
    const uuid = appUuid(opts.appId);
    return {
      appAri: getAppAri(uuid),
      appVersion: '0.0.0-sandbox',
      environmentAri: getEnvironmentAri(uuid, SANDBOX_ENVIRONMENT_ID),
      environmentType: 'DEVELOPMENT',
      installationAri: getInstallationAri(SANDBOX_INSTALLATION_ID),
      invocationId: inv?.id ?? 'no-invocation',
      invocationRemainingTimeInMillis: () => (inv ? Math.max(0, inv.deadline - Date.now()) : 0),
      moduleKey: inv?.moduleKey ?? '',
      license: undefined,
    };
  }

  const api = {
    asApp,
    asUser,
    fetch: egress,
    requestJira,
    requestConfluence: unsupportedProduct('Confluence'),
    requestBitbucket: unsupportedProduct('Bitbucket'),
    invokeRemote: notEmulated('invokeRemote'),
    invokeService: notEmulated('invokeService'),
  };

  const module: Record<string, unknown> = {
    ...(realApi as Record<string, unknown>),
    __esModule: true,
    ...api,
    default: api,
    getAppContext,
    __getRuntime: notEmulated('__getRuntime'),
    __requestAtlassianAsApp: notEmulated('__requestAtlassianAsApp'),
    __requestAtlassianAsUser: notEmulated('__requestAtlassianAsUser'),
    __fetchProduct: notEmulated('__fetchProduct'),
    createRequestStargateAsApp: notEmulated('createRequestStargateAsApp'),
    authorize: notEmulated('authorize'),
    webTrigger: { getUrl: notEmulated('webTrigger.getUrl') },
    privacy: { reportPersonalData: notEmulated('privacy.reportPersonalData') },
  };

  return {
    asApp,
    asUser,
    fetch: egress,
    requestJira,
    requestConfluence: api.requestConfluence,
    requestBitbucket: api.requestBitbucket,
    getAppContext,
    module,
    requests,
    faults,
    reseed(next?: number) {
      if (next !== undefined) seed = next;
      random = seededRandom(seed);
    },
  };
}
