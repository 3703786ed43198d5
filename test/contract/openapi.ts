/**
 * The Jira Cloud platform OpenAPI document (`third_party/jira-platform-v3.json`) as a contract:
 * `findOperation` maps a request path (concrete, an OpenAPI template, or a template literal with
 * `${…}` placeholders) to the document's operation, and `validateResponse` checks a response body
 * against the operation's response schema for that status.
 *
 * The document is OpenAPI 3.0; schemas are validated with Ajv (draft-07 mode, `strict: false`) after
 * these conversions:
 *   - `nullable: true` becomes a `null`-admitting type (OpenAPI 3.0 has no `type: [..., 'null']`);
 *   - `$ref`s to `#/components/schemas/X` resolve against all component schemas, registered once;
 *   - `readOnly` / `writeOnly` / `discriminator` / `x-…` / `example` are annotations only.
 * Deliberate relaxations (`SCHEMA_QUIRKS`) where live Jira Cloud and the document disagree:
 *   - `date-time` accepts Jira's `+0000` offsets (RFC 3339 wants `+00:00`); Jira sends
 *     `2025-05-01T08:00:00.000+0000` in every timestamp field;
 *   - `ChangeDetails.from/fromString/to/toString` may be null: Jira sends null there (e.g. `from`
 *     and `to` of a summary change) though the document does not mark them nullable.
 * The document is parsed once per process (per test file under vitest).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export const OPENAPI_DOC_PATH = fileURLToPath(new URL('../../third_party/jira-platform-v3.json', import.meta.url));

type Json = Record<string, unknown>;

export interface OpenApiOperation {
  operationId?: string;
  deprecated?: boolean;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: Json }>;
  requestBody?: { content?: Record<string, { schema?: Json }> };
  responses: Record<string, { description?: string; content?: Record<string, { schema?: Json }> }>;
}

export interface OpenApiDoc {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, OpenApiOperation | unknown>>;
  components: { schemas: Record<string, Json> };
}

export interface OperationMatch {
  method: string;
  /** The document's path template, e.g. `/rest/api/3/issue/{issueIdOrKey}`. */
  pathTemplate: string;
  operation: OpenApiOperation;
  /** Values of template parameters taken from a concrete path (placeholders are omitted). */
  params: Record<string, string>;
}

export interface ValidationResult {
  valid: boolean;
  errors: string[];
}

/** Where the emulator's contract deliberately departs from the document's schemas (see above). */
export const SCHEMA_QUIRKS: ReadonlyArray<{ schema: string; properties: string[]; change: 'nullable'; reason: string }> = [
  {
    schema: 'ChangeDetails',
    properties: ['from', 'fromString', 'to', 'toString'],
    change: 'nullable',
    reason: 'Jira Cloud returns null for values that do not apply (e.g. from/to of a text field change).',
  },
];

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const SCHEMA_ID = 'jira-platform-v3.json';

interface Loaded {
  doc: OpenApiDoc;
  ajv: Ajv;
  templates: Array<{ template: string; segments: string[] }>;
  validators: Map<string, ValidateFunction | null>;
}

let loaded: Loaded | undefined;

/** OpenAPI 3.0 → JSON Schema (draft-07) for Ajv: nullable, refs into the registered components. */
function convert(schema: unknown, refPrefix: string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => convert(s, refPrefix));
  if (typeof schema !== 'object' || schema === null) return schema;
  const src = schema as Json;
  const out: Json = {};
  for (const [k, v] of Object.entries(src)) {
    if (k === 'nullable' || k === 'example' || k === 'discriminator' || k === 'xml' || k.startsWith('x-')) continue;
    if (k === '$ref' && typeof v === 'string') out.$ref = v.startsWith('#/') ? `${refPrefix}${v}` : v;
    else if (k === 'properties' || k === 'patternProperties' || k === 'definitions') {
      out[k] = Object.fromEntries(Object.entries(v as Json).map(([p, s]) => [p, convert(s, refPrefix)]));
    } else if (['items', 'additionalProperties', 'not', 'allOf', 'anyOf', 'oneOf'].includes(k)) out[k] = convert(v, refPrefix);
    else out[k] = v;
  }
  if (src.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
      return out;
    }
    return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

function load(): Loaded {
  if (loaded) return loaded;
  const doc = JSON.parse(readFileSync(OPENAPI_DOC_PATH, 'utf8')) as OpenApiDoc;
  const schemas: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(doc.components.schemas)) schemas[name] = convert(s, '');
  for (const q of SCHEMA_QUIRKS) {
    const props = (schemas[q.schema] as Json | undefined)?.properties as Record<string, Json> | undefined;
    for (const p of q.properties) {
      const prop = props?.[p];
      if (prop && typeof prop.type === 'string') prop.type = [prop.type, 'null'];
    }
  }
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, logger: false });
  addFormats(ajv);
  // Jira's timestamps: 2025-05-01T08:00:00.000+0000 (offset without a colon) as well as RFC 3339.
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i);
  ajv.addSchema({ $id: SCHEMA_ID, components: { schemas } });
  const templates = Object.keys(doc.paths).map((template) => ({ template, segments: template.split('/') }));
  loaded = { doc, ajv, templates, validators: new Map() };
  return loaded;
}

export function loadDoc(): OpenApiDoc {
  return load().doc;
}

function operationOf(doc: OpenApiDoc, template: string, method: string): OpenApiOperation | undefined {
  const item = doc.paths[template];
  const op = item?.[method.toLowerCase()];
  return op && typeof op === 'object' ? (op as OpenApiOperation) : undefined;
}

const isParam = (seg: string) => /^\{[^}]+\}$/.test(seg);
const isPlaceholder = (seg: string) => seg.includes('${') || isParam(seg);

/**
 * The operation serving `method` + `path`. `path` may be concrete (`/rest/api/3/issue/ITS-1?x=1`),
 * a document template (`/rest/api/3/issue/{issueIdOrKey}`), or a template literal
 * (`/rest/api/3/issue/${key}/properties/${PROP}`): `{…}` / `${…}` segments match only template
 * parameters, concrete segments match equal literals (preferred) or parameters.
 */
export function findOperation(method: string, path: string): OperationMatch | undefined {
  const { doc, templates } = load();
  const clean = path.split('?')[0]!.replace(/\/+$/, '') || '/';
  const segs = clean.split('/');
  let best: { score: number; match: OperationMatch } | undefined;
  for (const { template, segments } of templates) {
    if (segments.length !== segs.length) continue;
    const op = operationOf(doc, template, method);
    if (!op) continue;
    let score = 0;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < segs.length && ok; i++) {
      const s = segs[i]!;
      const t = segments[i]!;
      if (isParam(t)) {
        if (!isPlaceholder(s)) params[t.slice(1, -1)] = decodeURIComponent(s);
        score += isPlaceholder(s) ? 2 : 1;
      } else if (s === t) score += 2;
      else ok = false;
    }
    if (ok && (!best || score > best.score)) best = { score, match: { method: method.toUpperCase(), pathTemplate: template, operation: op, params } };
  }
  return best?.match;
}

/** The documented response (schema may be absent) for a status, falling back to `4XX`-style and `default`. */
export function documentedResponse(method: string, pathTemplate: string, status: number) {
  const op = operationOf(load().doc, pathTemplate, method);
  if (!op) return undefined;
  return op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default;
}

function validatorFor(method: string, pathTemplate: string, status: number): ValidateFunction | null | undefined {
  const l = load();
  const key = `${method.toLowerCase()} ${pathTemplate} ${status}`;
  if (l.validators.has(key)) return l.validators.get(key);
  const resp = documentedResponse(method, pathTemplate, status);
  if (!resp) return undefined;
  const content = resp.content?.['application/json'] ?? Object.values(resp.content ?? {})[0];
  const validator = content?.schema ? l.ajv.compile(convert(content.schema, SCHEMA_ID) as Json) : null;
  l.validators.set(key, validator);
  return validator;
}

function describe(errors: ValidateFunction['errors']): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`);
}

/**
 * Validates a response body against the operation's schema for `status`. A status the operation
 * does not document is an error. A documented status without a schema (many error responses) accepts
 * any body; a documented schema with no body is an error unless the schema is empty (`{}`).
 */
export function validateResponse(method: string, pathTemplate: string, status: number, body: unknown): ValidationResult {
  if (!operationOf(load().doc, pathTemplate, method)) return { valid: false, errors: [`${method.toUpperCase()} ${pathTemplate} is not an operation of the document`] };
  const validator = validatorFor(method, pathTemplate, status);
  if (validator === undefined) return { valid: false, errors: [`status ${status} is not documented for ${method.toUpperCase()} ${pathTemplate}`] };
  if (validator === null) return { valid: true, errors: [] };
  if (body === undefined) {
    const emptySchema = Object.keys(validator.schema as object).length === 0;
    return emptySchema ? { valid: true, errors: [] } : { valid: false, errors: ['a response body is documented but none was sent'] };
  }
  const valid = validator(body) as boolean;
  return { valid, errors: valid ? [] : describe(validator.errors) };
}

/** Validates a value against a named component schema (e.g. `ErrorCollection`, `SecurityLevel`). */
export function validateSchema(name: string, value: unknown): ValidationResult {
  const l = load();
  if (!l.doc.components.schemas[name]) return { valid: false, errors: [`no component schema ${name}`] };
  const key = `#schema ${name}`;
  let v = l.validators.get(key);
  if (!v) {
    v = l.ajv.compile({ $ref: `${SCHEMA_ID}#/components/schemas/${name}` });
    l.validators.set(key, v);
  }
  const valid = v(value) as boolean;
  return { valid, errors: valid ? [] : describe(v.errors) };
}

/** All operations of the document as `METHOD template`. */
export function listOperations(): string[] {
  const { doc } = load();
  return Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).filter((m) => METHODS.includes(m)).map((m) => `${m.toUpperCase()} ${p}`));
}
