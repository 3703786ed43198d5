import type { kvs } from '@forge/kvs';

/** The @forge/kvs client; adapters take one so tests can pass the sandbox's in-memory client. */
export type KvsClient = typeof kvs;

/**
 * A failed condition or an existing key: the caller lost a race. Atlassian documents the 409 status
 * but not the code strings, so both are checked (ForgeKvsAPIError keeps the status in responseDetails).
 */
export function isKvsConflict(e: unknown): boolean {
  const err = e as { code?: unknown; status?: unknown; responseDetails?: { status?: unknown } } | null;
  return err?.code === 'CONDITIONAL_CHECK_FAILED' || err?.code === 'KEY_ALREADY_EXISTS' || err?.status === 409 || err?.responseDetails?.status === 409;
}
