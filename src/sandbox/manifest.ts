/**
 * The parts of manifest.yml the sandbox runtime needs: functions (key → handler), product-event
 * triggers (events, `filter.ignoreSelf`), queue consumers, modules with resolvers (for
 * `/_sandbox/invoke`), Custom UI resources and custom entities (`app.storage.entities`).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { CustomEntityDefinition } from './forge/kvs';

export interface ManifestModule {
  key: string;
  [field: string]: unknown;
}

export interface TriggerSpec {
  key: string;
  functionKey: string;
  events: string[];
  ignoreSelf: boolean;
  /** `filter.expression` (a Jira expression over `event`), evaluated by the runtime. */
  expression?: string;
}

export interface ValidatorSpec {
  key: string;
  functionKey: string;
}

export interface ConsumerSpec {
  key: string;
  queue: string;
  functionKey: string;
  /** Resolver-style consumer (`resolver: { function, method }`): the resolver function key to call. */
  method?: string;
}

export interface ResolverModule {
  type: string;
  module: ManifestModule;
  /** `resolver.function` (undefined when the module has no resolver or uses an endpoint). */
  functionKey?: string;
  endpoint?: string;
}

export interface SandboxManifest {
  appId: string;
  /** Module type → modules (`trigger`, `function`, `jira:issuePanel`, …). */
  modules: Record<string, ManifestModule[]>;
  /** Function key → handler reference (`index.onIssueCreated`). */
  functions: Map<string, string>;
  triggers: TriggerSpec[];
  consumers: ConsumerSpec[];
  /** `jira:workflowValidator` modules implemented by a function. */
  validators: ValidatorSpec[];
  /** Resource key → path (`static/issue-panel/build`). */
  resources: Map<string, string>;
  entities: CustomEntityDefinition[];
  /** JQL aliases declared by `jira:entityProperty` modules (issue properties), for the emulator. */
  entityPropertyAliases: Record<string, { propertyKey: string; path: string }>;
  /** The module with this key, of any type (except `function`). */
  findModule(key: string): ResolverModule | undefined;
  /** Modules of a type (e.g. `jira:issuePanel`). */
  modulesOfType(type: string): ManifestModule[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function parseManifest(text: string): SandboxManifest {
  const doc: unknown = parse(text);
  if (!isRecord(doc)) throw new Error('manifest.yml: not a YAML mapping');
  const app = isRecord(doc.app) ? doc.app : {};
  const rawModules = isRecord(doc.modules) ? doc.modules : {};
  const modules: Record<string, ManifestModule[]> = {};
  for (const [type, list] of Object.entries(rawModules)) {
    if (!Array.isArray(list)) continue;
    modules[type] = list.filter((m): m is ManifestModule => isRecord(m) && typeof m.key === 'string');
  }

  const functions = new Map<string, string>();
  for (const fn of modules.function ?? []) {
    const handler = str(fn.handler);
    if (handler) functions.set(fn.key, handler);
  }

  const triggers: TriggerSpec[] = [];
  for (const t of modules.trigger ?? []) {
    const functionKey = str(t.function);
    const events = Array.isArray(t.events) ? t.events.filter((e): e is string => typeof e === 'string') : [];
    if (!functionKey || events.length === 0) continue;
    const filter = isRecord(t.filter) ? t.filter : {};
    const expression = str(filter.expression);
    triggers.push({ key: t.key, functionKey, events, ignoreSelf: filter.ignoreSelf === true, ...(expression ? { expression } : {}) });
  }

  const validators: ValidatorSpec[] = [];
  for (const v of modules['jira:workflowValidator'] ?? []) {
    const functionKey = str(v.function);
    if (functionKey) validators.push({ key: v.key, functionKey });
  }

  const consumers: ConsumerSpec[] = [];
  for (const c of modules.consumer ?? []) {
    const queue = str(c.queue);
    if (!queue) continue;
    const resolver = isRecord(c.resolver) ? c.resolver : undefined;
    const functionKey = str(c.function) ?? str(resolver?.function);
    if (!functionKey) continue;
    const method = str(resolver?.method);
    consumers.push({ key: c.key, queue, functionKey, ...(method ? { method } : {}) });
  }

  const resources = new Map<string, string>();
  if (Array.isArray(doc.resources)) {
    for (const r of doc.resources) {
      if (isRecord(r) && typeof r.key === 'string' && typeof r.path === 'string') resources.set(r.key, r.path);
    }
  }

  const storage = isRecord(app.storage) ? app.storage : {};
  const entities = (Array.isArray(storage.entities) ? storage.entities : []).filter(
    (e): e is CustomEntityDefinition => isRecord(e) && typeof e.name === 'string' && isRecord(e.attributes),
  );

  const entityPropertyAliases: Record<string, { propertyKey: string; path: string }> = {};
  for (const m of modules['jira:entityProperty'] ?? []) {
    const propertyKey = str(m.propertyKey);
    if (!propertyKey || (m.entityType !== undefined && m.entityType !== 'issue')) continue;
    for (const v of Array.isArray(m.values) ? m.values : []) {
      if (isRecord(v) && typeof v.searchAlias === 'string' && typeof v.path === 'string') entityPropertyAliases[v.searchAlias] = { propertyKey, path: v.path };
    }
  }

  return {
    entityPropertyAliases,
    appId: str(app.id) ?? 'ari:cloud:ecosystem::app/00000000-0000-0000-0000-000000000000',
    modules,
    functions,
    triggers,
    consumers,
    validators,
    resources,
    entities,
    modulesOfType: (type) => modules[type] ?? [],
    findModule(key) {
      for (const [type, list] of Object.entries(modules)) {
        if (type === 'function') continue;
        const module = list.find((m) => m.key === key);
        if (!module) continue;
        const resolver = isRecord(module.resolver) ? module.resolver : undefined;
        const functionKey = str(resolver?.function);
        const endpoint = str(resolver?.endpoint);
        return { type, module, ...(functionKey ? { functionKey } : {}), ...(endpoint ? { endpoint } : {}) };
      }
      return undefined;
    },
  };
}

export function readManifest(path: string): SandboxManifest {
  return parseManifest(readFileSync(path, 'utf8'));
}
