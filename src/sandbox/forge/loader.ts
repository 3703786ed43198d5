/**
 * Loads the app's function handlers for the sandbox with the Forge runtime modules swapped for the
 * sandbox shims — the "module alias" mechanism.
 *
 * How: esbuild bundles the handler files named in manifest.yml (`handler: index.onIssueCreated` →
 * `src/index.ts`) into one CommonJS bundle in memory, leaving `@forge/api`, `@forge/kvs` and
 * `@forge/events` (and their subpaths) as external `require` calls. The bundle is evaluated with
 * `vm.compileFunction` and a `require` that answers those three ids with the shim module objects of
 * THIS sandbox instance (everything else goes to Node's normal `require`). So the handlers run
 * unchanged, several sandboxes can run side by side in one process (each loads its own copy of the
 * app bound to its own emulator, KVS and queues), and nothing global (require cache, loader hooks)
 * is touched. `@forge/resolver` is bundled as is: it needs no runtime.
 */
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { compileFunction } from 'node:vm';
import { build } from 'esbuild';

/** Package ids served by the sandbox instead of node_modules. */
export const SHIMMED_MODULES = ['@forge/api', '@forge/kvs', '@forge/events'] as const;
export type ShimmedModule = (typeof SHIMMED_MODULES)[number];

export type HandlerFunction = (...args: unknown[]) => unknown;

export interface LoadAppOptions {
  /** Repository root (holds package.json and the source directory). */
  appRoot: string;
  /** Handler source directory relative to appRoot (Forge: `src`). */
  srcDir?: string;
  /** Handler references from the manifest, e.g. `index.onIssueCreated`, `resolvers/panel.handler`. */
  handlers: string[];
  /** Module objects for `@forge/api`, `@forge/kvs`, `@forge/events`. */
  modules: Record<ShimmedModule, Record<string, unknown>>;
}

export interface LoadedApp {
  /** The function exported for a manifest handler reference, if any. */
  handler(ref: string): HandlerFunction | undefined;
  /** Exports of each handler file, by file reference (`index`, `resolvers/panel`). */
  readonly files: Record<string, Record<string, unknown>>;
}

/** `index.onIssueCreated` → `{ file: 'index', name: 'onIssueCreated' }` (Forge's handler syntax). */
export function parseHandlerRef(ref: string): { file: string; name: string } {
  const dot = ref.lastIndexOf('.');
  if (dot <= 0 || dot === ref.length - 1) throw new Error(`Invalid handler '${ref}': expected <file>.<exportedFunction>`);
  return { file: ref.slice(0, dot), name: ref.slice(dot + 1) };
}

function isShimmed(id: string): id is ShimmedModule {
  return (SHIMMED_MODULES as readonly string[]).includes(id);
}

export async function loadApp(opts: LoadAppOptions): Promise<LoadedApp> {
  const srcDir = resolve(opts.appRoot, opts.srcDir ?? 'src');
  const files = [...new Set(opts.handlers.map((h) => parseHandlerRef(h).file))].sort();
  const lines = files.map((f, i) => `import * as h${i} from ${JSON.stringify(`./${f}`)};`);
  lines.push(`export const files = { ${files.map((f, i) => `${JSON.stringify(f)}: h${i}`).join(', ')} };`);
  const filename = join(opts.appRoot, '.sandbox', 'app.bundle.cjs');

  const result = await build({
    stdin: { contents: lines.join('\n'), resolveDir: srcDir, sourcefile: 'sandbox-handlers.ts', loader: 'ts' },
    bundle: true,
    write: false,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: [...SHIMMED_MODULES, ...SHIMMED_MODULES.map((m) => `${m}/*`)],
    keepNames: true,
    logLevel: 'silent',
    absWorkingDir: opts.appRoot,
  });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) throw new Error('esbuild produced no output for the app handlers');

  const nodeRequire = createRequire(join(opts.appRoot, 'package.json'));
  const sandboxRequire = Object.assign((id: string): unknown => (isShimmed(id) ? opts.modules[id] : nodeRequire(id)), {
    resolve: nodeRequire.resolve,
    cache: nodeRequire.cache,
  });
  const module = { exports: {} as Record<string, unknown> };
  const fn = compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname'], { filename });
  fn.call(module.exports, module.exports, sandboxRequire, module, filename, join(opts.appRoot, '.sandbox'));
  const loaded = (module.exports.files ?? {}) as Record<string, Record<string, unknown>>;

  return {
    files: loaded,
    handler(ref: string) {
      const { file, name } = parseHandlerRef(ref);
      const fnRef = loaded[file]?.[name];
      return typeof fnRef === 'function' ? (fnRef as HandlerFunction) : undefined;
    },
  };
}
