/**
 * Forge runtime shims of the local sandbox, usable without the HTTP server (e.g. to test the app's
 * Jira and storage ports in-process):
 *
 *   const shims = await createForgeShims();                 // seeded Jira emulator + empty KVS
 *   const api = shims.modules['@forge/api'];                 // same exports as @forge/api
 *   await shims.runtime.withInvocation({ accountId }, () => myPort.loadIssue('ITS-1'));
 *
 * `modules` are the objects the sandbox hands to app code for `@forge/api`, `@forge/kvs` and
 * `@forge/events` (see ./loader for how the app's imports are pointed at them).
 */
import { join, resolve } from 'node:path';
import { createEmulator, type Emulator, type EmulatorOptions } from '../emulator';
import { SandboxRuntime, type RuntimeOptions } from '../runtime';
import { createKvsModule, createSandboxKvs, type SandboxKvs } from './kvs';

export { createForgeApi, seededRandom, type ForgeApiShim, type AppRequestRecord } from './api';
export { InvocationScope, SANDBOX_CLOUD_ID, SANDBOX_INSTALL_CONTEXT, type Invocation } from './context';
export { createEventsModule, createQueueClass, type QueueBroker } from './events';
export { createKvsClient, createKvsModule, createSandboxKvs, KvsBackend, type CustomEntityDefinition, type KvsSnapshot, type SandboxKvs } from './kvs';
export { loadApp, parseHandlerRef, SHIMMED_MODULES } from './loader';
export { SandboxResponse } from './response';

export interface ForgeShims {
  emulator: Emulator;
  storage: SandboxKvs;
  runtime: SandboxRuntime;
  modules: { '@forge/api': Record<string, unknown>; '@forge/kvs': Record<string, unknown>; '@forge/events': Record<string, unknown> };
}

export async function createForgeShims(
  opts: Partial<Omit<RuntimeOptions, 'emulator' | 'kvs'>> & { emulator?: Emulator; emulatorOptions?: EmulatorOptions; storage?: SandboxKvs } = {},
): Promise<ForgeShims> {
  const emulator = opts.emulator ?? createEmulator(opts.emulatorOptions);
  const storage = opts.storage ?? createSandboxKvs();
  const appRoot = opts.appRoot ?? resolve(__dirname, '..', '..', '..');
  const runtime = await SandboxRuntime.start({ loadApp: false, manifestPath: join(appRoot, 'manifest.yml'), ...opts, appRoot, emulator, kvs: storage });
  return {
    emulator,
    storage,
    runtime,
    modules: { '@forge/api': runtime.api.module, '@forge/kvs': createKvsModule(storage), '@forge/events': runtime.eventsModule },
  };
}
