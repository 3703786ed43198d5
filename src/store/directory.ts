/**
 * The workforce directory in @forge/kvs: the display names of the site's own people (its Atlassian
 * accounts), which the detector reads as staff (src/phi/directory.ts). Staff names are not PHI and
 * nothing about anyone's health is kept with them.
 *
 * Layout: `directory:meta` ({ version, syncedAt, count, chunks }) names the current version; its
 * names are in `directory:chunk:<version>:<i>`, each under CHUNK_BYTES (KVS values are at most
 * 240 KiB). A sync writes the new version's chunks first and the meta last, then deletes the old
 * version's chunks: a reader sees the old directory or the new one, never a mix.
 */
import { kvs as defaultKvs } from '@forge/kvs';
import type { KvsClient } from './kvs-client';

const META_KEY = 'directory:meta';
const STATUS_KEY = 'directory:status';
const chunkKey = (version: string, i: number) => `directory:chunk:${version}:${i}`;
/** Bytes of JSON per chunk (KVS values are at most 240 KiB). */
export const CHUNK_BYTES = 200_000;

export interface DirectoryMeta {
  /** Changes with every sync. */
  version: string;
  syncedAt: string;
  count: number;
  chunks: number;
}

/** The last sync's outcome, for the admin's dashboard (counts and reasons, never names). */
export interface DirectorySyncStatus {
  at: string;
  status: 'synced' | 'incomplete' | 'failed' | 'off';
  count?: number;
  reason?: string;
}

export interface WorkforceDirectoryStore {
  /** The current directory's meta, or null before the first sync. */
  meta(): Promise<DirectoryMeta | null>;
  /** The names of a version (its chunks), or null when that version is gone. */
  names(meta: DirectoryMeta): Promise<string[] | null>;
  /** Replaces the directory. */
  save(names: readonly string[], syncedAt: string): Promise<DirectoryMeta>;
  /** Deletes the names and the meta (the directory was switched off: no names are kept for nothing). */
  clear(): Promise<void>;
  /** The last sync's outcome, or null before any. */
  status(): Promise<DirectorySyncStatus | null>;
  recordStatus(status: DirectorySyncStatus): Promise<void>;
}

/** Names split into arrays whose JSON stays under `bytes`. */
export function chunkNames(names: readonly string[], bytes = CHUNK_BYTES): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  let size = 2;
  for (const n of names) {
    const add = Buffer.byteLength(JSON.stringify(n)) + 1;
    if (cur.length > 0 && size + add > bytes) {
      out.push(cur);
      cur = [];
      size = 2;
    }
    cur.push(n);
    size += add;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

export function kvsDirectory(kvs: KvsClient = defaultKvs): WorkforceDirectoryStore {
  const meta = async (): Promise<DirectoryMeta | null> => {
    const m = await kvs.get<DirectoryMeta>(META_KEY);
    return m && typeof m.version === 'string' && Number.isInteger(m.chunks) ? m : null;
  };
  return {
    meta,
    async names(meta) {
      const out: string[] = [];
      for (let i = 0; i < meta.chunks; i++) {
        const chunk = await kvs.get<string[]>(chunkKey(meta.version, i));
        if (!Array.isArray(chunk)) return null;
        for (const n of chunk) if (typeof n === 'string') out.push(n);
      }
      return out;
    },
    async save(names, syncedAt) {
      const before = await meta();
      const version = `${Date.parse(syncedAt) || Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
      const chunks = chunkNames(names);
      for (let i = 0; i < chunks.length; i++) await kvs.set(chunkKey(version, i), chunks[i]);
      const next: DirectoryMeta = { version, syncedAt, count: names.length, chunks: chunks.length };
      await kvs.set(META_KEY, next);
      if (before) for (let i = 0; i < before.chunks; i++) await kvs.delete(chunkKey(before.version, i)).catch(() => undefined);
      return next;
    },
    async clear() {
      const current = await meta();
      if (!current) return;
      await kvs.delete(META_KEY);
      for (let i = 0; i < current.chunks; i++) await kvs.delete(chunkKey(current.version, i)).catch(() => undefined);
    },
    async status() {
      return (await kvs.get<DirectorySyncStatus>(STATUS_KEY)) ?? null;
    },
    async recordStatus(status) {
      await kvs.set(STATUS_KEY, status);
    },
  };
}
