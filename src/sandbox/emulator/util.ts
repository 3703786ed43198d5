import type { EmuState } from './types';

/** Jira's error body (`ErrorCollection` in the OpenAPI document). */
export interface ErrorCollection {
  errorMessages: string[];
  errors: Record<string, string>;
}

/** Thrown by handlers; turned into a response with Jira's error shape. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorCollection,
  ) {
    super(body.errorMessages[0] ?? Object.values(body.errors)[0] ?? `HTTP ${status}`);
  }
}

export function errorBody(messages: string | string[] = [], errors: Record<string, string> = {}): ErrorCollection {
  return { errorMessages: Array.isArray(messages) ? messages : [messages], errors };
}

export const fail = (status: number, message: string): HttpError => new HttpError(status, errorBody(message));
export const fieldError = (status: number, field: string, message: string): HttpError =>
  new HttpError(status, errorBody([], { [field]: message }));

export const ISSUE_NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';
export const NOT_AUTHENTICATED = 'Client must be authenticated to access this resource.';

/** Jira's timestamp format: `2025-05-01T08:00:00.000+0000`. */
export function jiraTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** A strictly increasing "now" for the emulator. */
export function now(state: EmuState): number {
  const t = Math.max(Date.now(), state.lastTime + 1);
  state.lastTime = t;
  return t;
}

/** Deterministic RFC 4122-shaped (version 4, variant 10) UUID from a namespace digit and a counter. */
export function counterUuid(namespace: number, n: number): string {
  const tail = n.toString(16).padStart(12, '0');
  return `${namespace.toString(16).padStart(8, '0')}-0000-4000-8000-${tail}`;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Splits comma-separated, possibly repeated query parameters: `fields=a,b&fields=c` → [a, b, c]. */
export function listParam(values: string[] | undefined): string[] {
  if (!values) return [];
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

export function intParam(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  if (!/^-?\d+$/.test(value)) throw fail(400, `The value '${value}' is invalid for the parameter '${name}'.`);
  return Number(value);
}

/** Escapes text for the HTML of `renderedFields` / `renderedBody`. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function deepClone<T>(v: T): T {
  return structuredClone(v);
}
