/**
 * In-memory Forge Key-Value Store and Custom Entity Store for the local sandbox.
 *
 * The app-facing API is the REAL @forge/kvs client (`KvsImpl` over `StorageApi`, so `kvs.get`,
 * `kvs.query().where(...).cursor(...).getMany()`, `kvs.entity(...).query().index(...)`,
 * `kvs.transact()`, errors as `ForgeKvsAPIError` with Forge's codes, …) with its HTTP transport
 * replaced by {@link KvsBackend}: an in-memory implementation of the KVS REST API the client calls
 * (`/api/v1/get`, `/api/v1/set`, `/api/v1/query`, `/api/v1/entity/query`, `/api/v1/transaction`, …).
 * Values therefore travel as JSON exactly as in Forge (Dates become strings, `undefined` disappears).
 *
 * Rules enforced (https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs/):
 * - keys: non-empty (KEY_TOO_SHORT), at most 500 characters (KEY_TOO_LONG), matching
 *   `/^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/` (INVALID_KEY);
 * - values: at most 240 KiB as serialised JSON (MAX_SIZE);
 * - `query()`: only `where('key', beginsWith(...))`, results in byte order of the keys, `limit`
 *   default 10 and at most 20 (https://developer.atlassian.com/platform/forge/runtime-reference/storage-api-query/);
 *   cursors are opaque strings;
 * - custom entities must be declared (manifest `app.storage.entities`), attribute types are checked,
 *   queries go through a declared index (range attribute + optional partition), filters apply to
 *   the page after the range condition and limit (a page can hold fewer items than the limit);
 * - `transact()`: all operations are validated and every condition/check is evaluated before anything
 *   is written; one failure and nothing is written. A key may appear once per transaction.
 *
 * Sandbox choices (not documented by Atlassian): a failed transaction condition is 409
 * `CONDITIONAL_CHECK_FAILED`; `keyPolicy: 'FAIL_IF_EXISTS'` on an existing key is 409
 * `KEY_ALREADY_EXISTS`; an undeclared entity/index is 400 `INVALID_ENTITY` / `INVALID_INDEX`.
 */
import { FilterConditions, ForgeKvsAPIError, ForgeKvsError, isOverrideAndReturnOptions, MetadataField, Sort, WhereConditions } from '@forge/kvs';
import { FilterBuilder } from '@forge/kvs/out/entity-query';
import { KvsImpl } from '@forge/kvs/out/kvs';
import { StorageApi } from '@forge/kvs/out/storage-api';
import { SandboxResponse } from './response';

export type Kvs = KvsImpl;

export const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/;
export const MAX_KEY_LENGTH = 500;
export const MAX_VALUE_BYTES = 240 * 1024;
export const DEFAULT_QUERY_LIMIT = 10;
export const MAX_QUERY_LIMIT = 20;

export type EntityAttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

/** A custom entity as declared under `app.storage.entities` in manifest.yml. */
export interface CustomEntityDefinition {
  name: string;
  attributes: Record<string, { type: EntityAttributeType | string }>;
  /** `- attr` (index named after the attribute, range = attr) or `{ name, range, partition }`. */
  indexes?: Array<string | { name: string; range?: string | string[]; partition?: string[] }>;
}

interface IndexDef {
  name: string;
  range: string;
  partition: string[];
}

interface StoredItem {
  value: unknown;
  createdAt: number;
  updatedAt: number;
  /** Epoch ms; absent = no TTL. */
  expiresAt?: number;
}

/** JSON form of the whole store (used by `--keep` persistence). */
export interface KvsDump {
  kvs: Array<[string, StoredItem]>;
  secrets: Array<[string, StoredItem]>;
  entities: Array<[string, Array<[string, StoredItem]>]>;
}

/** What `/_sandbox/storage` shows: plain values; secret values are not shown. */
export interface KvsSnapshot {
  kvs: Record<string, unknown>;
  secrets: Record<string, '[secret]'>;
  entities: Record<string, Record<string, unknown>>;
}

interface ApiResult {
  status: number;
  body?: unknown;
}

class KvsApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const err = (status: number, code: string, message: string) => new KvsApiError(status, code, message);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Byte order of UTF-8 strings (what the KVS returns keys in). */
function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return compareKeys(String(a), String(b));
}

function validateKey(key: unknown): string {
  if (typeof key !== 'string' || key.length === 0) throw err(400, 'KEY_TOO_SHORT', 'The provided key needs to be at least one character.');
  if (key.length > MAX_KEY_LENGTH) throw err(400, 'KEY_TOO_LONG', `The provided key has exceeded the maximum ${MAX_KEY_LENGTH} characters.`);
  if (!KEY_PATTERN.test(key)) throw err(400, 'INVALID_KEY', `The provided key does not match the regex: ${KEY_PATTERN}`);
  return key;
}

function validateValue(value: unknown): void {
  if (value === undefined) throw err(400, 'INVALID_VALUE', 'A value is required.');
  const size = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (size > MAX_VALUE_BYTES) throw err(400, 'MAX_SIZE', `The provided value has exceeded the maximum size limit (${size} bytes > ${MAX_VALUE_BYTES}).`);
}

const TTL_UNIT_MS: Record<string, number> = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 };

function encodeCursor(data: unknown): string {
  return Buffer.from(JSON.stringify(data), 'utf8').toString('base64url');
}

function decodeCursor(cursor: unknown): Record<string, unknown> {
  if (typeof cursor !== 'string') throw err(400, 'INVALID_CURSOR', 'The cursor is not valid.');
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isRecord(v)) return v;
  } catch {
    /* fall through */
  }
  throw err(400, 'INVALID_CURSOR', 'The cursor is not valid.');
}

function clampLimit(limit: unknown): number {
  if (limit === undefined || limit === null) return DEFAULT_QUERY_LIMIT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) throw err(400, 'INVALID_LIMIT', 'The limit must be a positive integer.');
  return Math.min(limit, MAX_QUERY_LIMIT);
}

interface Condition {
  condition: string;
  values: unknown[];
  property?: string;
}

function matchCondition(actual: unknown, c: Condition): boolean {
  const [v0, v1] = c.values;
  const present = actual !== undefined && actual !== null;
  switch (c.condition) {
    case 'EXISTS':
      return present;
    case 'NOT_EXISTS':
      return !present;
    case 'EQUAL_TO':
      return present && actual === v0;
    case 'NOT_EQUAL_TO':
      return actual !== v0;
    case 'BEGINS_WITH':
      return typeof actual === 'string' && actual.startsWith(String(v0));
    case 'CONTAINS':
      if (typeof actual === 'string') return actual.includes(String(v0));
      if (Array.isArray(actual)) return actual.includes(v0);
      return false;
    case 'NOT_CONTAINS':
      if (typeof actual === 'string') return !actual.includes(String(v0));
      if (Array.isArray(actual)) return !actual.includes(v0);
      return true;
    case 'BETWEEN':
      return present && compareValues(actual, v0) >= 0 && compareValues(actual, v1) <= 0;
    case 'GREATER_THAN':
      return present && compareValues(actual, v0) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return present && compareValues(actual, v0) >= 0;
    case 'LESS_THAN':
      return present && compareValues(actual, v0) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return present && compareValues(actual, v0) <= 0;
    default:
      throw err(400, 'INVALID_CONDITION', `Unsupported condition ${c.condition}.`);
  }
}

/** `{ and: [...] }` / `{ or: [...] }` of entity filters against an entity value (undefined = no item). */
function matchFilters(value: unknown, filters: unknown): boolean {
  if (!isRecord(filters)) return true;
  const attrs = isRecord(value) ? value : {};
  const and = Array.isArray(filters.and) ? (filters.and as Condition[]) : undefined;
  const or = Array.isArray(filters.or) ? (filters.or as Condition[]) : undefined;
  const test = (c: Condition) => matchCondition(value === undefined ? undefined : attrs[String(c.property)], c);
  if (and && and.length > 0) return and.every(test);
  if (or && or.length > 0) return or.some(test);
  return true;
}

function checkAttributeType(entity: string, attr: string, type: string, v: unknown): void {
  if (v === undefined || v === null) return;
  const bad = () => err(400, 'INVALID_ATTRIBUTE_TYPE', `Attribute '${attr}' of entity '${entity}' must be of type ${type}.`);
  switch (type) {
    case 'string':
      if (typeof v !== 'string') throw bad();
      return;
    case 'integer':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < -2147483648 || v > 2147483647) throw bad();
      return;
    case 'float':
      if (typeof v !== 'number' || !Number.isFinite(v)) throw bad();
      return;
    case 'boolean':
      if (typeof v !== 'boolean') throw bad();
      return;
    default:
      return;
  }
}

export interface KvsBackendOptions {
  /** Custom entities (manifest `app.storage.entities`). */
  entities?: CustomEntityDefinition[];
  /** Clock (epoch ms), for tests. */
  now?: () => number;
  /** Called after every successful write (persistence hooks). */
  onChange?: () => void;
}

/** The in-memory store and its implementation of the KVS REST API. */
export class KvsBackend {
  private kvs = new Map<string, StoredItem>();
  private secrets = new Map<string, StoredItem>();
  private entities = new Map<string, Map<string, StoredItem>>();
  private readonly definitions = new Map<string, { def: CustomEntityDefinition; indexes: Map<string, IndexDef> }>();
  private readonly now: () => number;
  private readonly onChange: (() => void) | undefined;

  constructor(opts: KvsBackendOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.onChange = opts.onChange;
    for (const def of opts.entities ?? []) this.defineEntity(def);
  }

  defineEntity(def: CustomEntityDefinition): void {
    const indexes = new Map<string, IndexDef>();
    for (const ix of def.indexes ?? []) {
      if (typeof ix === 'string') indexes.set(ix, { name: ix, range: ix, partition: [] });
      else {
        const range = Array.isArray(ix.range) ? ix.range[0] : ix.range;
        if (!range) throw new Error(`Index '${ix.name}' of entity '${def.name}' has no range attribute`);
        indexes.set(ix.name, { name: ix.name, range, partition: ix.partition ?? [] });
      }
    }
    this.definitions.set(def.name, { def, indexes });
  }

  // --- Whole-store operations ----------------------------------------------------------------

  clear(): void {
    this.kvs = new Map();
    this.secrets = new Map();
    this.entities = new Map();
    this.onChange?.();
  }

  dump(): KvsDump {
    return {
      kvs: [...this.kvs],
      secrets: [...this.secrets],
      entities: [...this.entities].map(([name, items]) => [name, [...items]]),
    };
  }

  load(dump: KvsDump): void {
    this.kvs = new Map(dump.kvs);
    this.secrets = new Map(dump.secrets);
    this.entities = new Map(dump.entities.map(([name, items]) => [name, new Map(items)]));
  }

  snapshot(): KvsSnapshot {
    const out: KvsSnapshot = { kvs: {}, secrets: {}, entities: {} };
    const live = (m: Map<string, StoredItem>) => [...m].filter(([, it]) => !this.expired(it)).sort(([a], [b]) => compareKeys(a, b));
    for (const [k, it] of live(this.kvs)) out.kvs[k] = structuredClone(it.value);
    for (const [k] of live(this.secrets)) out.secrets[k] = '[secret]';
    for (const [name, items] of [...this.entities].sort(([a], [b]) => compareKeys(a, b))) {
      const rows = live(items);
      if (rows.length === 0) continue;
      const e: Record<string, unknown> = {};
      for (const [k, it] of rows) e[k] = structuredClone(it.value);
      out.entities[name] = e;
    }
    return out;
  }

  // --- REST API --------------------------------------------------------------------------------

  /** Handles one KVS REST call (`path`, JSON body) the way the Forge storage service answers it. */
  handle(path: string, body: unknown): ApiResult {
    try {
      const b = isRecord(body) ? body : {};
      switch (path) {
        case '/api/v1/get':
          return this.get(this.kvs, b);
        case '/api/v1/secret/get':
          return this.get(this.secrets, b);
        case '/api/v1/entity/get':
          return this.get(this.entityItems(b.entityName), b);
        case '/api/v1/set':
          return this.set(this.kvs, b);
        case '/api/v1/secret/set':
          return this.set(this.secrets, b);
        case '/api/v1/entity/set':
          return this.set(this.entityItems(b.entityName), b, String(b.entityName));
        case '/api/v1/delete':
          return this.del(this.kvs, b);
        case '/api/v1/secret/delete':
          return this.del(this.secrets, b);
        case '/api/v1/entity/delete':
          return this.del(this.entityItems(b.entityName), b);
        case '/api/v1/query':
          return this.query(b);
        case '/api/v1/entity/query':
          return this.queryEntity(b);
        case '/api/v1/batch/set':
          return this.batch(body, (item) => this.set(this.itemsFor(item), item, typeof item.entityName === 'string' ? item.entityName : undefined));
        case '/api/v1/batch/delete':
          return this.batch(body, (item) => this.del(this.itemsFor(item), item));
        case '/api/v1/batch/get':
          return this.batchGet(body);
        case '/api/v1/transaction':
          return this.transact(b);
        default:
          return { status: 404, body: { code: 'NOT_FOUND', message: `No KVS operation ${path}` } };
      }
    } catch (e) {
      if (e instanceof KvsApiError) return { status: e.status, body: { code: e.code, message: e.message } };
      throw e;
    }
  }

  private expired(item: StoredItem): boolean {
    return item.expiresAt !== undefined && item.expiresAt <= this.now();
  }

  private live(items: Map<string, StoredItem>, key: string): StoredItem | undefined {
    const it = items.get(key);
    if (!it) return undefined;
    if (this.expired(it)) {
      items.delete(key);
      return undefined;
    }
    return it;
  }

  private entityDef(name: unknown) {
    if (typeof name !== 'string' || name === '') throw err(400, 'INVALID_ENTITY', 'An entity name is required.');
    const d = this.definitions.get(name);
    if (!d) throw err(400, 'INVALID_ENTITY', `Entity '${name}' is not declared in the manifest (app.storage.entities).`);
    return d;
  }

  private entityItems(name: unknown): Map<string, StoredItem> {
    const d = this.entityDef(name);
    let items = this.entities.get(d.def.name);
    if (!items) {
      items = new Map();
      this.entities.set(d.def.name, items);
    }
    return items;
  }

  private itemsFor(item: Record<string, unknown>): Map<string, StoredItem> {
    return item.entityName !== undefined ? this.entityItems(item.entityName) : this.kvs;
  }

  private validateEntityValue(entity: string, value: unknown): void {
    if (!isRecord(value)) throw err(400, 'INVALID_VALUE', `A value of entity '${entity}' must be an object of attributes.`);
    const def = this.entityDef(entity).def;
    for (const [attr, spec] of Object.entries(def.attributes)) checkAttributeType(entity, attr, spec.type, value[attr]);
  }

  private row(key: string, it: StoredItem, entityName?: string) {
    return {
      key,
      value: it.value,
      ...(entityName ? { entityName } : {}),
      createdAt: it.createdAt,
      updatedAt: it.updatedAt,
      ...(it.expiresAt !== undefined ? { expireTime: new Date(it.expiresAt).toISOString() } : {}),
    };
  }

  private get(items: Map<string, StoredItem>, b: Record<string, unknown>): ApiResult {
    const key = validateKey(b.key);
    const it = this.live(items, key);
    if (!it) return { status: 404, body: { code: 'KEY_NOT_FOUND', message: 'The specified key does not exist.' } };
    return { status: 200, body: this.row(key, it) };
  }

  /** Validates a set and returns the function that applies it (so transactions can validate first). */
  private prepareSet(items: Map<string, StoredItem>, b: Record<string, unknown>, entityName?: string): () => ApiResult {
    const key = validateKey(b.key);
    validateValue(b.value);
    if (entityName !== undefined) this.validateEntityValue(entityName, b.value);
    const options = isRecord(b.options) ? b.options : {};
    const previous = this.live(items, key);
    if (options.keyPolicy === 'FAIL_IF_EXISTS' && previous) throw err(409, 'KEY_ALREADY_EXISTS', `The key '${key}' already exists.`);
    let expiresAt: number | undefined;
    if (isRecord(options.ttl)) {
      const unit = TTL_UNIT_MS[String(options.ttl.unit)];
      const amount = options.ttl.value;
      if (!unit || typeof amount !== 'number' || amount <= 0) throw err(400, 'INVALID_TTL', 'The ttl must be a positive value in SECONDS, MINUTES, HOURS or DAYS.');
      expiresAt = this.now() + amount * unit;
    }
    const value = structuredClone(b.value);
    return () => {
      const t = this.now();
      const item: StoredItem = { value, createdAt: previous?.createdAt ?? t, updatedAt: t, ...(expiresAt !== undefined ? { expiresAt } : {}) };
      items.set(key, item);
      if (isOverrideAndReturnOptions(options as never)) {
        if (options.returnValue === 'PREVIOUS') return previous ? { status: 200, body: this.row(key, previous) } : { status: 204 };
        return { status: 200, body: this.row(key, item) };
      }
      return { status: 204 };
    };
  }

  private set(items: Map<string, StoredItem>, b: Record<string, unknown>, entityName?: string): ApiResult {
    const r = this.prepareSet(items, b, entityName)();
    this.onChange?.();
    return r;
  }

  private del(items: Map<string, StoredItem>, b: Record<string, unknown>): ApiResult {
    const key = validateKey(b.key);
    const existed = items.delete(key);
    if (existed) this.onChange?.();
    return { status: 204 };
  }

  private query(b: Record<string, unknown>): ApiResult {
    const where = Array.isArray(b.where) ? (b.where as Condition[]) : [];
    if (where.length > 1) throw err(400, 'INVALID_QUERY', 'A query may have only one where condition.');
    const w = where[0];
    if (w && (w.property !== 'key' || w.condition !== 'BEGINS_WITH')) throw err(400, 'INVALID_QUERY', "Only where('key', WhereConditions.beginsWith(...)) is supported.");
    const prefix = w ? String(w.values[0]) : '';
    const limit = clampLimit(b.limit);
    const after = b.after !== undefined && b.after !== null ? String(decodeCursor(b.after).k) : undefined;
    const keys = [...this.kvs.keys()]
      .filter((k) => k.startsWith(prefix) && this.live(this.kvs, k) && (after === undefined || compareKeys(k, after) > 0))
      .sort(compareKeys);
    const page = keys.slice(0, limit);
    const data = page.map((k) => {
      const it = this.kvs.get(k)!;
      return { key: k, value: it.value, ...(it.expiresAt !== undefined ? { expireTime: new Date(it.expiresAt).toISOString() } : {}) };
    });
    const last = page[page.length - 1];
    return { status: 200, body: { data, ...(keys.length > page.length && last !== undefined ? { cursor: encodeCursor({ k: last }) } : {}) } };
  }

  private queryEntity(b: Record<string, unknown>): ApiResult {
    const { def, indexes } = this.entityDef(b.entityName);
    const ix = indexes.get(String(b.indexName));
    if (!ix) throw err(400, 'INVALID_INDEX', `Entity '${def.name}' has no index '${String(b.indexName)}'.`);
    const partition = Array.isArray(b.partition) ? b.partition : [];
    if (ix.partition.length > 0 && partition.length !== ix.partition.length)
      throw err(400, 'INVALID_PARTITION', `Index '${ix.name}' needs a partition of ${ix.partition.length} value(s): ${ix.partition.join(', ')}.`);
    const range = isRecord(b.range) ? (b.range as unknown as Condition) : undefined;
    const desc = b.sort === 'DESC';
    const limit = clampLimit(b.limit);
    const items = this.entities.get(def.name) ?? new Map<string, StoredItem>();
    const cmp = (a: [string, Record<string, unknown>], c: [string, Record<string, unknown>]) =>
      compareValues(a[1][ix.range], c[1][ix.range]) || compareKeys(a[0], c[0]);
    let rows = [...items.keys()]
      .map((k) => [k, this.live(items, k)] as const)
      .filter((r): r is readonly [string, StoredItem] => r[1] !== undefined && isRecord(r[1].value))
      .map(([k, it]) => [k, it.value as Record<string, unknown>] as [string, Record<string, unknown>])
      .filter(([, v]) => v[ix.range] !== undefined && v[ix.range] !== null)
      .filter(([, v]) => ix.partition.every((p, i) => v[p] !== undefined && v[p] === partition[i]))
      .filter(([, v]) => !range || matchCondition(v[ix.range], range))
      .sort(cmp);
    if (desc) rows.reverse();
    if (b.cursor !== undefined && b.cursor !== null) {
      const c = decodeCursor(b.cursor);
      const pivot: [string, Record<string, unknown>] = [String(c.k), { [ix.range]: c.r }];
      rows = rows.filter((r) => (desc ? cmp(r, pivot) < 0 : cmp(r, pivot) > 0));
    }
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const data = page
      .filter(([, v]) => matchFilters(v, b.filters))
      .map(([k]) => {
        const it = items.get(k)!;
        return { key: k, value: it.value, ...(it.expiresAt !== undefined ? { expireTime: new Date(it.expiresAt).toISOString() } : {}) };
      });
    return { status: 200, body: { data, ...(rows.length > page.length && last ? { cursor: encodeCursor({ k: last[0], r: last[1][ix.range] }) } : {}) } };
  }

  private batch(body: unknown, op: (item: Record<string, unknown>) => ApiResult): ApiResult {
    if (!Array.isArray(body)) throw err(400, 'INVALID_REQUEST', 'A batch request is an array of items.');
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const raw of body) {
      const item = isRecord(raw) ? raw : {};
      const id = { key: item.key, ...(item.entityName !== undefined ? { entityName: item.entityName } : {}) };
      try {
        op(item);
        successfulKeys.push(id);
      } catch (e) {
        if (!(e instanceof KvsApiError)) throw e;
        failedKeys.push({ ...id, error: { code: e.code, message: e.message } });
      }
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  private batchGet(body: unknown): ApiResult {
    if (!Array.isArray(body)) throw err(400, 'INVALID_REQUEST', 'A batch request is an array of items.');
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const raw of body) {
      const item = isRecord(raw) ? raw : {};
      try {
        const key = validateKey(item.key);
        const entityName = typeof item.entityName === 'string' ? item.entityName : undefined;
        const it = this.live(this.itemsFor(item), key);
        if (it) successfulKeys.push(this.row(key, it, entityName));
        else failedKeys.push({ key, ...(entityName ? { entityName } : {}), error: { code: 'KEY_NOT_FOUND', message: 'The specified key does not exist.' } });
      } catch (e) {
        if (!(e instanceof KvsApiError)) throw e;
        failedKeys.push({ key: item.key, error: { code: e.code, message: e.message } });
      }
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  private transact(b: Record<string, unknown>): ApiResult {
    const sets = Array.isArray(b.set) ? (b.set as Record<string, unknown>[]) : [];
    const deletes = Array.isArray(b.delete) ? (b.delete as Record<string, unknown>[]) : [];
    const checks = Array.isArray(b.check) ? (b.check as Record<string, unknown>[]) : [];
    if (sets.length + deletes.length + checks.length === 0) throw err(400, 'INVALID_REQUEST', 'A transaction needs at least one operation.');
    const seen = new Set<string>();
    const target = (op: Record<string, unknown>) => {
      const key = validateKey(op.key);
      const entityName = op.entityName === undefined || op.entityName === null ? undefined : String(op.entityName);
      const id = `${entityName ?? ''}\u0000${key}`;
      if (seen.has(id)) throw err(400, 'INVALID_REQUEST', `The key '${key}' appears more than once in the transaction.`);
      seen.add(id);
      const items = entityName !== undefined ? this.entityItems(entityName) : this.kvs;
      return { key, entityName, items };
    };
    const conditionFails = (items: Map<string, StoredItem>, key: string, conditions: unknown) =>
      conditions !== undefined && conditions !== null && !matchFilters(this.live(items, key)?.value, conditions);
    const apply: Array<() => unknown> = [];
    const failures: string[] = [];
    for (const op of sets) {
      const t = target(op);
      const run = this.prepareSet(t.items, op, t.entityName);
      if (conditionFails(t.items, t.key, op.conditions)) failures.push(`set ${t.key}`);
      apply.push(run);
    }
    for (const op of deletes) {
      const t = target(op);
      if (conditionFails(t.items, t.key, op.conditions)) failures.push(`delete ${t.key}`);
      apply.push(() => t.items.delete(t.key));
    }
    for (const op of checks) {
      const t = target(op);
      if (t.entityName === undefined) throw err(400, 'INVALID_REQUEST', 'A transaction check needs an entity.');
      if (!isRecord(op.conditions)) throw err(400, 'INVALID_REQUEST', 'A transaction check needs conditions.');
      if (conditionFails(t.items, t.key, op.conditions)) failures.push(`check ${t.key}`);
    }
    if (failures.length > 0)
      throw err(409, 'CONDITIONAL_CHECK_FAILED', `Transaction cancelled, nothing was written: conditions failed for ${failures.join(', ')}.`);
    for (const run of apply) run();
    this.onChange?.();
    return { status: 204 };
  }
}

/** The fetch-like transport the real StorageApi calls, answered by `backend`. */
export function backendFetch(backend: KvsBackend) {
  return async (path: string, init?: { body?: unknown }): Promise<SandboxResponse> => {
    let body: unknown;
    try {
      body = typeof init?.body === 'string' && init.body !== '' ? JSON.parse(init.body) : undefined;
    } catch {
      return SandboxResponse.json(400, { code: 'INVALID_REQUEST', message: 'The request body is not valid JSON.' });
    }
    // Round-trip like the wire: the client already serialised; keep the backend free of shared references.
    const r = backend.handle(path, body);
    return SandboxResponse.json(r.status, r.body);
  };
}

/** The real @forge/kvs client (`KvsImpl`) over the in-memory backend. */
export function createKvsClient(backend: KvsBackend): Kvs {
  const storageApi = new StorageApi(backendFetch(backend) as unknown as ConstructorParameters<typeof StorageApi>[0]);
  return new KvsImpl(storageApi);
}

export interface SandboxKvs {
  /** The app-facing client: same API as `kvs` from @forge/kvs. */
  readonly kvs: Kvs;
  readonly backend: KvsBackend;
  snapshot(): KvsSnapshot;
  clear(): void;
  dump(): KvsDump;
  load(dump: KvsDump): void;
}

/** An in-memory KVS: `createSandboxKvs().kvs.set('k', 1)` etc. */
export function createSandboxKvs(opts: KvsBackendOptions = {}): SandboxKvs {
  const backend = new KvsBackend(opts);
  const kvs = createKvsClient(backend);
  return {
    kvs,
    backend,
    snapshot: () => backend.snapshot(),
    clear: () => backend.clear(),
    dump: () => backend.dump(),
    load: (d) => backend.load(d),
  };
}

/**
 * The module object the sandbox hands to app code for `import … from '@forge/kvs'`: the real
 * package's exports (conditions, Filter, errors, enums) with `kvs`/`default` bound to `store`.
 */
export function createKvsModule(store: SandboxKvs): Record<string, unknown> {
  return {
    __esModule: true,
    kvs: store.kvs,
    default: store.kvs,
    WhereConditions,
    FilterConditions,
    Filter: FilterBuilder,
    ForgeKvsError,
    ForgeKvsAPIError,
    MetadataField,
    Sort,
    isOverrideAndReturnOptions,
  };
}
