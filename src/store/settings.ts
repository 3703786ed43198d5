/** Settings and the redaction-API capability cache, in @forge/kvs. */
import { kvs as defaultKvs } from '@forge/kvs';
import type { KvsClient } from './kvs-client';
import { parseAppSettings, type AppSettings } from '../policy/settings';

export const SETTINGS_KEY = 'settings';
const REDACT_CAPABILITY_KEY = 'capability:redact-api';

export interface SettingsStore {
  /** Stored settings over the defaults; `problem` says why stored settings were unusable (defaults used). */
  load(): Promise<{ settings: AppSettings; problem?: string }>;
  save(settings: AppSettings): Promise<void>;
}

export function kvsSettings(kvs: KvsClient = defaultKvs): SettingsStore {
  return {
    async load() {
      const raw = await kvs.get<unknown>(SETTINGS_KEY);
      try {
        return { settings: parseAppSettings(raw) };
      } catch (e) {
        return { settings: parseAppSettings(undefined), problem: `stored settings are invalid (${(e as Error).message}); using defaults` };
      }
    },
    async save(settings) {
      await kvs.set(SETTINGS_KEY, parseAppSettings(settings));
    },
  };
}

/** Remembers for a day that the site answered 403 to the redaction API, to skip the doomed call. */
export interface CapabilityCache {
  redactApiUnavailable(): Promise<boolean>;
  markRedactApiUnavailable(): Promise<void>;
}

export function kvsCapabilities(kvs: KvsClient = defaultKvs): CapabilityCache {
  return {
    async redactApiUnavailable() {
      return (await kvs.get<boolean>(REDACT_CAPABILITY_KEY)) === false;
    },
    async markRedactApiUnavailable() {
      await kvs.set(REDACT_CAPABILITY_KEY, false, { ttl: { value: 1, unit: 'DAYS' } });
    },
  };
}
