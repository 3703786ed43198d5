/**
 * Short-lived claims on an event, so two deliveries of the same event running at the same time do
 * not both act (the second is told to come back later, and then finds the event done). A claim
 * expires by itself (TTL), so a crashed invocation never blocks an event for long.
 */
import { kvs as defaultKvs } from '@forge/kvs';
import { isKvsConflict, type KvsClient } from './kvs-client';

export interface ClaimStore {
  /** True when this invocation now holds the claim; false when another one does. */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  release(key: string): Promise<void>;
}

const claimKey = (key: string) => `claim:${key}`.slice(0, 500);

export function kvsClaims(kvs: KvsClient = defaultKvs): ClaimStore {
  return {
    async claim(key, ttlSeconds) {
      try {
        await kvs.set(claimKey(key), 1, { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: ttlSeconds, unit: 'SECONDS' } });
        return true;
      } catch (e) {
        if (isKvsConflict(e)) return false;
        throw e;
      }
    },
    async release(key) {
      await kvs.delete(claimKey(key));
    },
  };
}
