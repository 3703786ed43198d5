/**
 * `npm start -- --keep`: the sandbox's state (the emulated Jira site and the app's KVS) saved as JSON
 * under `.sandbox/` and restored on the next start. Maps and Sets (the emulator's state uses them)
 * are written as tagged arrays.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Emulator, EmuState } from './emulator';
import type { KvsDump, SandboxKvs } from './forge/kvs';

const FORMAT = 'phi-guard-sandbox-state/1';

interface StateFile {
  format: typeof FORMAT;
  savedAt: string;
  emulator: EmuState;
  kvs: KvsDump;
}

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { __sandboxType: 'Map', entries: [...value] };
  if (value instanceof Set) return { __sandboxType: 'Set', values: [...value] };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const v = value as { __sandboxType?: string; entries?: [unknown, unknown][]; values?: unknown[] };
    if (v.__sandboxType === 'Map' && Array.isArray(v.entries)) return new Map(v.entries);
    if (v.__sandboxType === 'Set' && Array.isArray(v.values)) return new Set(v.values);
  }
  return value;
}

export function serializeState(emulator: Emulator, kvs: SandboxKvs): string {
  const file: StateFile = { format: FORMAT, savedAt: new Date().toISOString(), emulator: emulator.state, kvs: kvs.dump() };
  return JSON.stringify(file, replacer);
}

/** Restores a saved state into a running emulator and KVS. Returns false when there is no file. */
export function loadState(path: string, emulator: Emulator, kvs: SandboxKvs): boolean {
  if (!existsSync(path)) return false;
  const parsed = JSON.parse(readFileSync(path, 'utf8'), reviver) as Partial<StateFile>;
  if (parsed.format !== FORMAT || !parsed.emulator || !parsed.kvs) throw new Error(`${path} is not a sandbox state file (${FORMAT}); delete it to start fresh`);
  // `emulator.state` is the live object; replacing its fields keeps the emulator's reference.
  Object.assign(emulator.state, parsed.emulator);
  kvs.load(parsed.kvs);
  return true;
}

/** Writes the state atomically (temp file + rename). */
export function writeState(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Saves every `intervalMs` when the state changed, and on `flush()`. */
export function startAutosave(path: string, emulator: Emulator, kvs: SandboxKvs, intervalMs = 3000) {
  let last = '';
  const save = () => {
    const text = serializeState(emulator, kvs);
    if (text.replace(/"savedAt":"[^"]*"/, '') === last) return;
    writeState(path, text);
    last = text.replace(/"savedAt":"[^"]*"/, '');
  };
  const timer = setInterval(() => {
    try {
      save();
    } catch (e) {
      console.error('[sandbox] could not save state:', e);
    }
  }, intervalMs);
  timer.unref();
  return {
    flush: save,
    stop() {
      clearInterval(timer);
    },
  };
}
