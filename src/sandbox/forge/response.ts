/**
 * A fetch-like response, as the Forge runtime hands to app code (`APIResponse` of @forge/api:
 * `status`, `statusText`, `ok`, `headers.get`, `json()`, `text()`, `arrayBuffer()`). Used by the
 * `requestJira` shim and by the in-memory transports behind the real @forge/kvs and @forge/events
 * clients.
 */
import { STATUS_CODES } from 'node:http';

export class SandboxResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: Headers;
  readonly url: string;
  private readonly body: string;
  private used = false;

  constructor(status: number, body: string | undefined, headers: Record<string, string> = {}, url = '') {
    this.status = status;
    this.statusText = STATUS_CODES[status] ?? '';
    this.ok = status >= 200 && status < 300;
    this.headers = new Headers(headers);
    this.body = body ?? '';
    this.url = url;
    if (body !== undefined && !this.headers.has('content-length')) this.headers.set('content-length', String(Buffer.byteLength(this.body)));
  }

  /** A JSON response (`undefined` → empty body). */
  static json(status: number, value: unknown, headers: Record<string, string> = {}, url = ''): SandboxResponse {
    if (value === undefined) return new SandboxResponse(status, undefined, headers, url);
    return new SandboxResponse(status, JSON.stringify(value), { 'content-type': 'application/json', ...headers }, url);
  }

  private consume(): string {
    if (this.used) throw new TypeError('Body is unusable: Body has already been read');
    this.used = true;
    return this.body;
  }

  get bodyUsed(): boolean {
    return this.used;
  }

  async text(): Promise<string> {
    return this.consume();
  }

  async json(): Promise<any> {
    return JSON.parse(this.consume());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const buf = Buffer.from(this.consume(), 'utf8');
    return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  }
}

/** `RequestInit.body` of @forge/api as a string (the shims only carry text). */
export function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  throw new TypeError('Unsupported request body: pass a string (JSON.stringify), URLSearchParams or ArrayBuffer');
}
