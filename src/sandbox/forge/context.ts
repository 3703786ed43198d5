/**
 * The current Forge invocation, carried through async calls with AsyncLocalStorage so the shims know
 * who is calling: `asUser()` acts as `accountId` of the invocation, `getAppContext()` reports its
 * module and function.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export type InvocationKind = 'resolver' | 'trigger' | 'consumer' | 'validator' | 'scheduled';

export interface Invocation {
  id: string;
  kind: InvocationKind;
  moduleKey: string;
  functionKey: string;
  /** The user behind a user-initiated invocation (resolver calls); undefined for events. */
  accountId?: string;
  /** Epoch ms after which the invocation has timed out. */
  deadline: number;
}

export class InvocationScope {
  private readonly als = new AsyncLocalStorage<Invocation>();

  current(): Invocation | undefined {
    return this.als.getStore();
  }

  run<T>(invocation: Invocation, fn: () => T): T {
    return this.als.run(invocation, fn);
  }
}

/** Fixed identifiers of the emulated installation. */
export const SANDBOX_CLOUD_ID = '5eed0000-0000-4000-8000-00000000c10d';
export const SANDBOX_INSTALL_CONTEXT = `ari:cloud:jira::site/${SANDBOX_CLOUD_ID}`;
export const SANDBOX_INSTALLATION_ID = '5eed0000-0000-4000-8000-0000000001a5';
export const SANDBOX_ENVIRONMENT_ID = '5eed0000-0000-4000-8000-0000000000e1';
