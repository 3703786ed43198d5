import type { kvs } from '@forge/kvs';

/** The @forge/kvs client; adapters take one so tests can pass the sandbox's in-memory client. */
export type KvsClient = typeof kvs;
