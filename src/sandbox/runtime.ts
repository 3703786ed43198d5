/**
 * The sandbox's Forge runtime: loads the app's handlers (with the shims of ./forge) and invokes them
 * the way Forge does.
 *
 * Product events: every emulator domain event becomes a Forge product event (./payloads) delivered,
 * asynchronously, to each manifest trigger subscribed to it. `filter.ignoreSelf: true` drops events
 * the app's own account caused. A handler that returns an `InvocationError` (from @forge/events:
 * `{ _retry: true, retryOptions: { retryAfter, retryReason, retryData } }`) is invoked again after
 * `retryAfter` seconds with `retryContext: { retryCount, retryReason, retryData }` in the payload,
 * at most `maxRetries` (4) times. A thrown error is logged and not retried.
 *
 * Queues: `Queue.push` (the @forge/events shim) hands events to the manifest's `consumer` modules,
 * asynchronously after `delayInSeconds`. Consumers are retried on `InvocationError`, on a thrown
 * error (`FUNCTION_ERROR_HOSTED_APP_CODE`) and on a timeout (`FUNCTION_TIME_OUT`), at most
 * `maxRetries` times; the retry carries `retryContext` on the event.
 *
 * `duplicateDelivery` (SANDBOX_DUPLICATE_DELIVERY=1): every product event and queued event is
 * delivered a second time, `duplicateDelayMs` after the first delivery (and its retries) finished —
 * Forge delivers at least once, so handlers must be idempotent.
 *
 * Every invocation has a timeout (`invocationTimeoutMs`, default 25 s, or the function's
 * `timeoutSeconds`). Platform waits (`retryAfter`, `delayInSeconds`, the duplicate's lateness) are
 * multiplied by `delayScale` so tests need not wait real seconds.
 *
 * Trigger `filter.expression` (a Jira expression over `event`) is evaluated on the payload; an event
 * it rejects is not delivered, and an expression that fails to evaluate drops the event with a log
 * line (`onError` default IGNORE_AND_LOG). The evaluator covers what Jira expressions and
 * JavaScript share (`?.`, `==`, `&&`, `.some(x => …)`, `.includes`, list literals).
 *
 * Workflow validators: every `jira:workflowValidator` module with a `function` is run before every
 * transition on the emulated site with `{ issue: { key }, transition: { from: { id }, to: { id } } }`;
 * `{ result: false, errorMessage }` blocks it with that message, and so does an error or a timeout
 * (fail closed).
 *
 * Resolvers: {@link SandboxRuntime.invokeResolver} calls a module's `resolver.function` exactly as
 * Forge's UI bridge does: `handler({ call: { functionKey, payload }, context }, { installContext,
 * principal: { accountId }, installation, license })` (the shape `Resolver.getDefinitions()` of
 * @forge/resolver expects).
 */
import { envNumber } from './forge/api';
import { randomUUID } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { getInstallationAri } from '@forge/api/out/api/ari';
import type { Emulator, EmuEvent } from './emulator';
import { createForgeApi, type ForgeApiShim } from './forge/api';
import { InvocationScope, SANDBOX_CLOUD_ID, SANDBOX_ENVIRONMENT_ID, SANDBOX_INSTALL_CONTEXT, SANDBOX_INSTALLATION_ID, type Invocation, type InvocationKind } from './forge/context';
import { createEventsModule, type JobStats, type PushedEvent, type QueueBroker } from './forge/events';
import { createKvsModule, type SandboxKvs } from './forge/kvs';
import { loadApp, type HandlerFunction, type LoadedApp } from './forge/loader';
import { readManifest, type SandboxManifest } from './manifest';
import { forgeEventPayload, forgeEventType } from './payloads';

export const MAX_RETRIES = 4;
export const DEFAULT_INVOCATION_TIMEOUT_MS = 25_000;
/** Forge caps `retryAfter` at 900 s and raises values ≤ 0 to 1 s. */
const MAX_RETRY_AFTER_S = 900;
/** Delay before retrying a consumer that threw (observed on Forge: about 40 s). */
const ERROR_RETRY_AFTER_S = 40;

/** A product-event trigger registered by a test instead of the manifest. */
export interface ExtraTrigger {
  key: string;
  events: string[];
  ignoreSelf?: boolean;
  handler: HandlerFunction;
}

/** A queue consumer registered by a test instead of the manifest. */
export interface ExtraConsumer {
  key: string;
  queue: string;
  handler: HandlerFunction;
}

export interface RuntimeOptions {
  /** Repository root: manifest.yml, package.json, src/. */
  appRoot: string;
  /** Default `<appRoot>/manifest.yml`. */
  manifestPath?: string;
  /** An already parsed manifest (instead of reading `manifestPath`). */
  manifest?: SandboxManifest;
  emulator: Emulator;
  kvs: SandboxKvs;
  /** Load the app's handlers from src/ (default true). */
  loadApp?: boolean;
  latencyMs?: number;
  faultRate?: number;
  randomSeed?: number;
  /** Default `SANDBOX_DUPLICATE_DELIVERY === '1'`. */
  duplicateDelivery?: boolean;
  /** Lateness of the duplicate delivery, before `delayScale` (default 2,000 ms). */
  duplicateDelayMs?: number;
  /** Default `SANDBOX_INVOCATION_TIMEOUT_MS` or 25,000. */
  invocationTimeoutMs?: number;
  maxRetries?: number;
  /** Multiplies platform waits (retryAfter, delayInSeconds, duplicate lateness). Default `SANDBOX_DELAY_SCALE` or 1. */
  delayScale?: number;
  extraTriggers?: ExtraTrigger[];
  extraConsumers?: ExtraConsumer[];
  /** One line per invocation (npm start prints them); default silent. */
  log?: (line: string) => void;
}

export type InvocationOutcome = 'running' | 'ok' | 'retry' | 'error' | 'timeout';

/** One function invocation, as the sandbox log shows it (no payload contents). */
export interface InvocationRecord {
  id: string;
  kind: InvocationKind;
  moduleKey: string;
  functionKey: string;
  handler: string;
  /** Product event type, queue name or resolver function key. */
  eventType?: string;
  issueKey?: string;
  commentId?: string;
  queue?: string;
  jobId?: string;
  eventId?: string;
  /** Resolver: the calling user. Product event: the user who caused it (`atlassianId`). */
  accountId?: string;
  retryCount: number;
  retryReason?: string;
  duplicate: boolean;
  startedAt: number;
  finishedAt?: number;
  outcome: InvocationOutcome;
  error?: string;
}

/** A product event the runtime received, and where it went. */
export interface ProductEventRecord {
  eventType: string;
  issueKey: string;
  actorKind: 'user' | 'app';
  atlassianId: string;
  deliveredTo: string[];
  /** Triggers that skipped it because of `filter.ignoreSelf`. */
  ignoredBy: string[];
}

export interface ResolverCall {
  moduleKey: string;
  functionKey: string;
  payload?: unknown;
  /** Context from the UI (extension, localId, …); identity fields in it are ignored. */
  context?: Record<string, unknown>;
  /** The calling user (from Basic auth, never from the payload). */
  accountId: string;
}

export interface ResolverResult {
  status: number;
  body: unknown;
}

interface Target {
  kind: 'trigger' | 'consumer';
  moduleKey: string;
  functionKey: string;
  handlerRef: string;
  fn: HandlerFunction | undefined;
  timeoutMs: number;
  /** Resolver-style consumer: resolver function key. */
  method?: string;
}

interface Job {
  queue: string;
  total: number;
  success: number;
  failed: number;
  cancelled: boolean;
}

class TimeoutError extends Error {}


function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `InvocationError` instances serialise to `{ _retry: true, retryOptions }` (see @forge/events). */
function retryRequest(result: unknown): { retryAfter: number; retryReason: string; retryData?: unknown } | undefined {
  if (!isRecord(result) || result._retry !== true) return undefined;
  const o = isRecord(result.retryOptions) ? result.retryOptions : {};
  const after = typeof o.retryAfter === 'number' && o.retryAfter > 0 ? Math.min(o.retryAfter, MAX_RETRY_AFTER_S) : 1;
  return { retryAfter: after, retryReason: typeof o.retryReason === 'string' ? o.retryReason : 'FUNCTION_RETRY_REQUEST', ...('retryData' in o ? { retryData: o.retryData } : {}) };
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** Pending work: timers that can be cancelled, and promises `idle()` waits for. */
class Tasks {
  private readonly pending = new Set<Promise<unknown>>();
  private readonly timers = new Map<NodeJS.Timeout, () => void>();

  get size(): number {
    return this.pending.size;
  }

  track<T>(p: Promise<T>): Promise<T> {
    this.pending.add(p);
    void p.then(
      () => this.pending.delete(p),
      () => this.pending.delete(p),
    );
    return p;
  }

  /** Resolves after `ms`, or at once when the timers are cancelled (callers re-check their epoch). */
  sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, Math.max(0, ms));
      this.timers.set(t, resolve);
    });
  }

  cancelTimers(): void {
    for (const [t, resolve] of this.timers) {
      clearTimeout(t);
      resolve();
    }
    this.timers.clear();
  }

  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }
}

export class SandboxRuntime {
  readonly manifest: SandboxManifest;
  readonly scope = new InvocationScope();
  readonly api: ForgeApiShim;
  readonly invocations: InvocationRecord[] = [];
  readonly productEvents: ProductEventRecord[] = [];
  readonly options: Readonly<{
    duplicateDelivery: boolean;
    duplicateDelayMs: number;
    invocationTimeoutMs: number;
    maxRetries: number;
    delayScale: number;
  }>;
  private app: LoadedApp | undefined;
  private readonly tasks = new Tasks();
  private readonly triggers: Array<{ target: Target; events: string[]; ignoreSelf: boolean; expression?: string }> = [];
  private readonly removers: Array<() => void> = [];
  private readonly consumers = new Map<string, Target[]>();
  private readonly jobs = new Map<string, Job>();
  private readonly emulator: Emulator;
  private readonly kvs: SandboxKvs;
  private readonly log: (line: string) => void;
  private epoch = 0;
  private unsubscribe: (() => void) | undefined;
  private seq = 0;

  private constructor(private readonly opts: RuntimeOptions) {
    this.emulator = opts.emulator;
    this.kvs = opts.kvs;
    this.log = opts.log ?? (() => {});
    this.manifest = opts.manifest ?? readManifest(opts.manifestPath ?? join(opts.appRoot, 'manifest.yml'));
    for (const def of this.manifest.entities) this.kvs.backend.defineEntity(def);
    this.options = {
      duplicateDelivery: opts.duplicateDelivery ?? process.env.SANDBOX_DUPLICATE_DELIVERY === '1',
      duplicateDelayMs: Math.max(0, opts.duplicateDelayMs ?? 2000),
      invocationTimeoutMs: Math.max(1, opts.invocationTimeoutMs ?? envNumber('SANDBOX_INVOCATION_TIMEOUT_MS', DEFAULT_INVOCATION_TIMEOUT_MS)),
      maxRetries: Math.max(0, opts.maxRetries ?? MAX_RETRIES),
      delayScale: Math.max(0, opts.delayScale ?? envNumber('SANDBOX_DELAY_SCALE', 1)),
    };
    this.api = createForgeApi({
      emulator: this.emulator,
      scope: this.scope,
      appId: this.manifest.appId,
      ...(opts.latencyMs !== undefined ? { latencyMs: opts.latencyMs } : {}),
      ...(opts.faultRate !== undefined ? { faultRate: opts.faultRate } : {}),
      ...(opts.randomSeed !== undefined ? { randomSeed: opts.randomSeed } : {}),
    });
  }

  /** Reads the manifest, bundles and loads the app's handlers, and subscribes to the emulator. */
  static async start(opts: RuntimeOptions): Promise<SandboxRuntime> {
    const rt = new SandboxRuntime(opts);
    if (opts.loadApp !== false) {
      rt.app = await loadApp({
        appRoot: opts.appRoot,
        handlers: [...rt.manifest.functions.values()],
        modules: {
          '@forge/api': rt.api.module,
          '@forge/kvs': createKvsModule(rt.kvs),
          '@forge/events': createEventsModule(rt.broker()),
        },
      });
    }
    rt.registerTargets();
    rt.unsubscribe = rt.emulator.on('*', (e) => rt.onProductEvent(e));
    return rt;
  }

  /** The `Queue` class app code gets (bound to this runtime). */
  get eventsModule(): Record<string, unknown> {
    return createEventsModule(this.broker());
  }

  private timeoutFor(functionKey: string): number {
    const fn = this.manifest.modulesOfType('function').find((f) => f.key === functionKey);
    const s = fn?.timeoutSeconds;
    return typeof s === 'number' && s > 0 ? s * 1000 : this.options.invocationTimeoutMs;
  }

  private target(kind: Target['kind'], moduleKey: string, functionKey: string, method?: string): Target {
    const handlerRef = this.manifest.functions.get(functionKey) ?? '';
    const fn = handlerRef && this.app ? this.app.handler(handlerRef) : undefined;
    if (this.app && !fn) this.log(`[sandbox] warning: function '${functionKey}' (handler '${handlerRef || '?'}') is not exported by the app`);
    return { kind, moduleKey, functionKey, handlerRef, fn, timeoutMs: this.timeoutFor(functionKey), ...(method ? { method } : {}) };
  }

  private registerTargets(): void {
    for (const t of this.manifest.triggers) {
      this.triggers.push({ target: this.target('trigger', t.key, t.functionKey), events: t.events, ignoreSelf: t.ignoreSelf, ...(t.expression ? { expression: t.expression } : {}) });
    }
    for (const v of this.manifest.validators) this.removers.push(this.emulator.addTransitionValidator(this.validator(v.key, v.functionKey)));
    for (const t of this.opts.extraTriggers ?? []) {
      const target: Target = { kind: 'trigger', moduleKey: t.key, functionKey: t.key, handlerRef: `(test) ${t.key}`, fn: t.handler, timeoutMs: this.options.invocationTimeoutMs };
      this.triggers.push({ target, events: t.events, ignoreSelf: t.ignoreSelf ?? false });
    }
    for (const c of this.manifest.consumers) {
      const list = this.consumers.get(c.queue) ?? [];
      list.push(this.target('consumer', c.key, c.functionKey, c.method));
      this.consumers.set(c.queue, list);
    }
    for (const c of this.opts.extraConsumers ?? []) {
      const list = this.consumers.get(c.queue) ?? [];
      list.push({ kind: 'consumer', moduleKey: c.key, functionKey: c.key, handlerRef: `(test) ${c.key}`, fn: c.handler, timeoutMs: this.options.invocationTimeoutMs });
      this.consumers.set(c.queue, list);
    }
  }

  // --- Invocation ------------------------------------------------------------------------------

  private nextId(): string {
    this.seq += 1;
    return `inv-${this.seq.toString().padStart(5, '0')}-${randomUUID().slice(0, 8)}`;
  }

  /** The context argument Forge passes to functions (https://developer.atlassian.com/platform/forge/function-reference/arguments/). */
  private functionContext(accountId: string | undefined): Record<string, unknown> {
    return {
      installContext: SANDBOX_INSTALL_CONTEXT,
      ...(accountId ? { principal: { accountId }, accountId } : {}),
      installation: this.installation(),
      license: undefined,
    };
  }

  private installation() {
    return {
      ari: getInstallationAri(SANDBOX_INSTALLATION_ID),
      contexts: [{ cloudId: SANDBOX_CLOUD_ID, toString: () => SANDBOX_INSTALL_CONTEXT }],
    };
  }

  /** Runs `fn` as an invocation: AsyncLocalStorage scope, timeout, log record. */
  private async run(
    record: Omit<InvocationRecord, 'id' | 'startedAt' | 'outcome'>,
    timeoutMs: number,
    accountId: string | undefined,
    fn: () => unknown,
  ): Promise<{ rec: InvocationRecord; result?: unknown; error?: unknown; timedOut?: boolean }> {
    const started = Date.now();
    const rec: InvocationRecord = { ...record, id: this.nextId(), startedAt: started, outcome: 'running' };
    this.invocations.push(rec);
    if (this.invocations.length > 5000) this.invocations.splice(0, this.invocations.length - 5000);
    const invocation: Invocation = {
      id: rec.id,
      kind: rec.kind,
      moduleKey: rec.moduleKey,
      functionKey: rec.functionKey,
      ...(accountId ? { accountId } : {}),
      deadline: started + timeoutMs,
    };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(`Function timed out after ${timeoutMs} ms`)), timeoutMs);
    });
    const finish = (outcome: InvocationOutcome, error?: string) => {
      rec.outcome = outcome;
      rec.finishedAt = Date.now();
      if (error !== undefined) rec.error = error;
      const what = [rec.eventType, rec.issueKey, rec.queue].filter(Boolean).join(' ');
      const retry = rec.retryCount > 0 ? ` retry ${rec.retryCount}` : '';
      this.log(`[sandbox] ${rec.kind} ${rec.moduleKey} (${rec.handler}) ${what}${retry}${rec.duplicate ? ' [duplicate]' : ''} → ${outcome}${error ? `: ${error}` : ''} (${rec.finishedAt - started} ms)`);
    };
    try {
      const result = await Promise.race([this.scope.run(invocation, () => Promise.resolve().then(fn)), timeout]);
      finish(retryRequest(result) ? 'retry' : 'ok');
      return { rec, result };
    } catch (e) {
      if (e instanceof TimeoutError) {
        finish('timeout', e.message);
        return { rec, error: e, timedOut: true };
      }
      finish('error', errorText(e));
      return { rec, error: e };
    } finally {
      clearTimeout(timer);
    }
  }

  // --- Product events --------------------------------------------------------------------------

  private onProductEvent(e: EmuEvent): void {
    const eventType = forgeEventType(e);
    const payload = forgeEventPayload(e);
    const issueKey = String(e.issue.key);
    const rec: ProductEventRecord = { eventType, issueKey, actorKind: e.actor.kind, atlassianId: e.atlassianId, deliveredTo: [], ignoredBy: [] };
    this.productEvents.push(rec);
    if (this.productEvents.length > 5000) this.productEvents.splice(0, this.productEvents.length - 5000);
    for (const t of this.triggers) {
      if (!t.events.includes(eventType)) continue;
      if (t.ignoreSelf && e.actor.kind === 'app') {
        rec.ignoredBy.push(t.target.moduleKey);
        continue;
      }
      if (t.expression !== undefined && !this.expressionAccepts(t.target.moduleKey, t.expression, payload)) {
        rec.ignoredBy.push(t.target.moduleKey);
        continue;
      }
      rec.deliveredTo.push(t.target.moduleKey);
      const summary = {
        eventType,
        issueKey,
        ...(e.type === 'comment_created' || e.type === 'comment_updated' ? { commentId: String(e.comment.id) } : {}),
        accountId: e.atlassianId,
      };
      this.tasks.track(this.deliverWithDuplicate(t.target, payload, summary, e.atlassianId, 0));
    }
  }

  private expressionAccepts(moduleKey: string, expression: string, payload: Record<string, unknown>): boolean {
    try {
      const js = expression.replace(/([^=!<>])(==|!=)(?!=)/g, '$1$2=');
      return runInNewContext(`(${js})`, { event: structuredClone(payload) }, { timeout: 100 }) === true;
    } catch (e) {
      this.log(`[sandbox] ${moduleKey}: filter expression failed (${errorText(e)}); event ignored`);
      return false;
    }
  }

  /** The `scheduledTrigger` modules' keys. */
  get scheduledKeys(): string[] {
    return this.manifest.modulesOfType('scheduledTrigger').map((m) => m.key);
  }

  /**
   * Runs a `scheduledTrigger` module's function now, as Forge does on its interval (no user, the
   * platform's request object); undefined for an unknown module. Forge first runs a trigger shortly
   * after deployment: `npm start` runs each once at start (server.ts).
   */
  async runScheduled(moduleKey: string): Promise<{ outcome: InvocationRecord['outcome']; result?: unknown } | undefined> {
    const module = this.manifest.modulesOfType('scheduledTrigger').find((m) => m.key === moduleKey);
    const functionKey = typeof module?.function === 'string' ? module.function : undefined;
    if (!module || !functionKey) return undefined;
    const target = this.target('trigger', moduleKey, functionKey);
    const fn = target.fn;
    const request = { context: { cloudId: SANDBOX_CLOUD_ID, moduleKey }, contextToken: 'sandbox' };
    const r = await this.tasks.track(
      this.run(
        { kind: 'scheduled', moduleKey, functionKey, handler: target.handlerRef, eventType: 'scheduledTrigger', retryCount: 0, duplicate: false },
        target.timeoutMs,
        undefined,
        () => (fn ? fn(request, this.functionContext(undefined)) : Promise.reject(new Error(`handler '${target.handlerRef}' is not exported by the app`))),
      ),
    );
    return { outcome: r.rec.outcome, ...(r.result !== undefined ? { result: r.result } : {}) };
  }

  /** A `jira:workflowValidator` function as an emulator transition validator (fail closed). */
  private validator(moduleKey: string, functionKey: string) {
    const target = this.target('trigger', moduleKey, functionKey);
    return async (check: { issueKey: string; fromStatusId: string; toStatusId: string; accountId: string }): Promise<string | null> => {
      const fn = target.fn;
      if (!fn) return `Validator ${moduleKey} is not available.`;
      const args = { issue: { key: check.issueKey }, transition: { from: { id: check.fromStatusId }, to: { id: check.toStatusId } } };
      const r = await this.tasks.track(
        this.run(
          { kind: 'validator', moduleKey, functionKey, handler: target.handlerRef, eventType: 'jira:workflowValidator', issueKey: check.issueKey, accountId: check.accountId, retryCount: 0, duplicate: false },
          target.timeoutMs,
          undefined,
          () => fn(args, this.functionContext(check.accountId)),
        ),
      );
      if (r.error !== undefined || r.timedOut) return `The ${moduleKey} validator failed, so the transition is blocked.`;
      const result = isRecord(r.result) ? r.result : {};
      if (result.result === true) return null;
      return typeof result.errorMessage === 'string' && result.errorMessage !== '' ? result.errorMessage : `Blocked by ${moduleKey}.`;
    };
  }

  /** First delivery (with retries), then — with duplicate delivery on — a late second one. */
  private async deliverWithDuplicate(
    target: Target,
    payload: Record<string, unknown>,
    summary: Partial<InvocationRecord>,
    accountId: string | undefined,
    initialDelayMs: number,
    shouldRun: () => boolean = () => true,
  ): Promise<boolean> {
    const epoch = this.epoch;
    if (initialDelayMs > 0) await this.tasks.sleep(initialDelayMs);
    await new Promise<void>((resolve) => setImmediate(resolve)); // asynchronous, like Forge: the REST response goes out first
    if (epoch !== this.epoch || !shouldRun()) return false;
    const ok = await this.deliver(target, payload, summary, accountId, false, epoch, shouldRun);
    if (this.options.duplicateDelivery) {
      await this.tasks.sleep(this.options.duplicateDelayMs * this.options.delayScale);
      if (epoch === this.epoch && shouldRun()) await this.deliver(target, payload, summary, accountId, true, epoch, shouldRun);
    }
    return ok;
  }

  /** One delivery and its retries. Resolves true when an attempt succeeded. */
  private async deliver(
    target: Target,
    payload: Record<string, unknown>,
    summary: Partial<InvocationRecord>,
    accountId: string | undefined,
    duplicate: boolean,
    epoch: number,
    shouldRun: () => boolean,
  ): Promise<boolean> {
    let retryContext: { retryCount: number; retryReason: string; retryData?: unknown } | undefined;
    const firstAttempt = Date.now();
    for (;;) {
      const event: Record<string, unknown> = structuredClone(payload);
      if (retryContext) {
        event.retryContext =
          target.kind === 'consumer'
            ? { ...retryContext, retentionWindow: { startTime: new Date(firstAttempt).toISOString(), remainingTimeMs: Math.max(0, firstAttempt + 86_400_000 - Date.now()) } }
            : { ...retryContext };
      }
      const retryCount = retryContext?.retryCount ?? 0;
      const outcome = await this.invokeTarget(target, event, summary, accountId, retryCount, retryContext?.retryReason, duplicate);
      if (outcome.kind === 'done') return true;
      if (outcome.kind === 'failed' || retryCount >= this.options.maxRetries) return false;
      retryContext = { retryCount: retryCount + 1, retryReason: outcome.retryReason, ...(outcome.retryData !== undefined ? { retryData: outcome.retryData } : {}) };
      await this.tasks.sleep(outcome.retryAfter * 1000 * this.options.delayScale);
      if (epoch !== this.epoch || !shouldRun()) return false;
    }
  }

  private async invokeTarget(
    target: Target,
    event: Record<string, unknown>,
    summary: Partial<InvocationRecord>,
    accountId: string | undefined,
    retryCount: number,
    retryReason: string | undefined,
    duplicate: boolean,
  ): Promise<{ kind: 'done' } | { kind: 'failed' } | { kind: 'retry'; retryAfter: number; retryReason: string; retryData?: unknown }> {
    const fn = target.fn;
    const base = {
      kind: target.kind,
      moduleKey: target.moduleKey,
      functionKey: target.functionKey,
      handler: target.handlerRef,
      ...summary,
      retryCount,
      ...(retryReason ? { retryReason } : {}),
      duplicate,
    };
    if (!fn) {
      const started = Date.now();
      this.invocations.push({ ...base, id: this.nextId(), startedAt: started, finishedAt: started, outcome: 'error', error: `handler '${target.handlerRef}' is not exported by the app` });
      return { kind: 'failed' };
    }
    const context = this.functionContext(target.kind === 'trigger' ? accountId : undefined);
    const call =
      target.method !== undefined
        ? () => fn({ call: { functionKey: target.method, payload: event, ...(isRecord(event) && event.jobId ? { jobId: event.jobId } : {}) }, context: { moduleKey: target.moduleKey } }, context)
        : () => fn(event, context);
    // asUser() has no user in an event invocation: the invocation carries no accountId.
    const r = await this.run(base, target.timeoutMs, undefined, call);
    const retry = retryRequest(r.result);
    if (retry) return { kind: 'retry', ...retry };
    if (r.timedOut) return target.kind === 'consumer' ? { kind: 'retry', retryAfter: ERROR_RETRY_AFTER_S, retryReason: 'FUNCTION_TIME_OUT' } : { kind: 'failed' };
    if (r.error !== undefined) {
      if (target.kind === 'trigger') {
        this.log(`[sandbox] ${target.moduleKey} threw; product-event triggers are not retried on errors`);
        return { kind: 'failed' };
      }
      return { kind: 'retry', retryAfter: ERROR_RETRY_AFTER_S, retryReason: 'FUNCTION_ERROR_HOSTED_APP_CODE' };
    }
    return { kind: 'done' };
  }

  // --- Queues ----------------------------------------------------------------------------------

  private broker(): QueueBroker {
    return {
      push: (queue, jobId, events) => this.push(queue, jobId, events),
      stats: (queue, jobId): JobStats | undefined => {
        const job = this.jobs.get(jobId);
        if (!job || job.queue !== queue) return undefined;
        return { success: job.success, failed: job.failed, inProgress: Math.max(0, job.total - job.success - job.failed) };
      },
      cancel: (queue, jobId) => {
        const job = this.jobs.get(jobId);
        if (!job || job.queue !== queue) return false;
        job.cancelled = true;
        return true;
      },
    };
  }

  private push(queue: string, jobId: string, events: PushedEvent[]): void {
    const targets = this.consumers.get(queue) ?? [];
    if (targets.length === 0) this.log(`[sandbox] warning: ${events.length} event(s) pushed to queue '${queue}', which has no consumer in the manifest`);
    const job: Job = { queue, total: events.length * targets.length, success: 0, failed: 0, cancelled: false };
    this.jobs.set(jobId, job);
    for (const ev of events) {
      const eventId = randomUUID();
      const asyncEvent: Record<string, unknown> = {
        body: ev.body,
        queueName: queue,
        jobId,
        eventId,
        ...(ev.delayInSeconds !== undefined ? { delayInSeconds: ev.delayInSeconds } : {}),
        ...(ev.concurrency !== undefined ? { concurrency: ev.concurrency } : {}),
      };
      const delay = (ev.delayInSeconds ?? 0) * 1000 * this.options.delayScale;
      for (const target of targets) {
        const summary = { eventType: queue, queue, jobId, eventId };
        const p = this.deliverWithDuplicate(target, asyncEvent, summary, undefined, delay, () => !job.cancelled).then((ok) => {
          if (ok) job.success += 1;
          else job.failed += 1;
        });
        this.tasks.track(p);
      }
    }
  }

  // --- Resolvers -------------------------------------------------------------------------------

  /** Invokes a module's resolver function for `/_sandbox/invoke` (and the bridge shim). */
  async invokeResolver(call: ResolverCall): Promise<ResolverResult> {
    const found = this.manifest.findModule(call.moduleKey);
    if (!found) return { status: 404, body: { error: 'MODULE_NOT_FOUND', message: `No module with key '${call.moduleKey}' in manifest.yml` } };
    if (!found.functionKey) {
      return {
        status: 400,
        body: { error: 'NO_RESOLVER', message: found.endpoint ? `Module '${call.moduleKey}' uses a remote endpoint, which the sandbox does not emulate` : `Module '${call.moduleKey}' has no resolver.function` },
      };
    }
    const handlerRef = this.manifest.functions.get(found.functionKey);
    const fn = handlerRef && this.app ? this.app.handler(handlerRef) : undefined;
    if (!handlerRef || !fn) return { status: 500, body: { error: 'HANDLER_NOT_FOUND', message: `Function '${found.functionKey}' (handler '${handlerRef ?? '?'}') is not exported by the app` } };
    if (typeof call.functionKey !== 'string' || call.functionKey === '') return { status: 400, body: { error: 'BAD_REQUEST', message: 'functionKey must be a non-empty string' } };

    const IDENTITY = new Set(['accountId', 'principal', 'installContext', 'installation', 'license', 'cloudId', 'moduleKey', 'siteUrl', 'environmentId', 'environmentType']);
    const clientContext = Object.fromEntries(Object.entries(call.context ?? {}).filter(([k]) => !IDENTITY.has(k)));
    const context = {
      localId: `${call.moduleKey}-local`,
      ...clientContext,
      accountId: call.accountId,
      cloudId: SANDBOX_CLOUD_ID,
      moduleKey: call.moduleKey,
      siteUrl: this.emulator.state.baseUrl,
      environmentId: SANDBOX_ENVIRONMENT_ID,
      environmentType: 'DEVELOPMENT',
    };
    const backend = { installContext: SANDBOX_INSTALL_CONTEXT, principal: { accountId: call.accountId }, installation: this.installation(), license: undefined };
    const r = await this.tasks.track(
      this.run(
        { kind: 'resolver', moduleKey: call.moduleKey, functionKey: found.functionKey, handler: handlerRef, eventType: call.functionKey, accountId: call.accountId, retryCount: 0, duplicate: false },
        this.timeoutFor(found.functionKey),
        call.accountId,
        () => fn({ call: { functionKey: call.functionKey, payload: call.payload ?? {} }, context }, backend),
      ),
    );
    if (r.timedOut) return { status: 504, body: { error: 'FUNCTION_TIME_OUT', message: errorText(r.error) } };
    if (r.error !== undefined) {
      const message = r.error instanceof Error ? r.error.message : String(r.error);
      if (/^Resolver has no definition for /.test(message)) return { status: 404, body: { error: 'FUNCTION_NOT_FOUND', message } };
      return { status: 500, body: { error: 'FUNCTION_ERROR', message } };
    }
    return { status: 200, body: r.result === undefined ? null : r.result };
  }

  /**
   * Runs `fn` as if inside an invocation (for tests of code that uses the shims directly): with
   * `accountId`, `asUser()` acts as that user, as in a resolver call.
   */
  withInvocation<T>(inv: { accountId?: string; moduleKey?: string; functionKey?: string; kind?: InvocationKind }, fn: () => T): T {
    return this.scope.run(
      {
        id: this.nextId(),
        kind: inv.kind ?? 'resolver',
        moduleKey: inv.moduleKey ?? 'sandbox-test',
        functionKey: inv.functionKey ?? 'sandbox-test',
        ...(inv.accountId ? { accountId: inv.accountId } : {}),
        deadline: Date.now() + this.options.invocationTimeoutMs,
      },
      fn,
    );
  }

  // --- Lifecycle -------------------------------------------------------------------------------

  /** Resolves once every queued event, retry and duplicate delivery has finished. */
  async idle(): Promise<void> {
    for (;;) {
      await this.emulator.settle();
      await this.tasks.idle();
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.tasks.size === 0) {
        await this.emulator.settle();
        if (this.tasks.size === 0) return;
      }
    }
  }

  /** Drops scheduled deliveries and retries (running invocations finish) and clears the logs. */
  async reset(): Promise<void> {
    this.epoch += 1;
    this.tasks.cancelTimers();
    await this.idle();
    this.invocations.length = 0;
    this.productEvents.length = 0;
    this.jobs.clear();
    this.api.requests.length = 0;
    this.api.reseed();
  }

  async close(): Promise<void> {
    this.unsubscribe?.();
    for (const remove of this.removers.splice(0)) remove();
    this.epoch += 1;
    this.tasks.cancelTimers();
    await this.tasks.idle();
  }
}
