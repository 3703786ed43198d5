/**
 * Offline Forge validation — what `forge lint` checks, without an Atlassian login or network.
 *
 *   npm run validate:forge        (part of `npm test`; exits 1 and prints the errors if any)
 *
 * 1. Manifest: @forge/manifest's ProcessorBuilder, `full` validation (YAML, JSON schema, modules,
 *    function handlers → files under src/, permissions, runtime, …) and `product-trigger`
 *    validation (every product event a trigger subscribes to needs its scope in the manifest).
 * 2. Source: @forge/lint's client-side linters over every JS/TS file in the handlers directory
 *    (src/): `requestJira(route`…`)` calls against the Jira platform OpenAPI document
 *    (third_party/jira-platform-v3.json) for missing scopes, manifest handlers exported by their
 *    files, storage/fetch/UI-hook permissions, plus the linters' own manifest checks.
 *
 * Offline by construction:
 * - the permission linter reads local OpenAPI files instead of downloading them when
 *   USE_LOCAL_SWAGGER and all six LOCAL_*_SWAGGER variables are set (set only for the call);
 * - the manifest linters ask a Statsig feature-flag service for deprecated runtimes; an offline
 *   stand-in answers "none" instead (DEPRECATED_RUNTIMES);
 * - server-side lint (which needs a login) is not run.
 * (The permission linter still opens its cache, an empty ~/.config/PERMISSIONS_LINTER-nodejs.)
 *
 * Why not @forge/lint's `lint()` itself: it keeps a .ts file only if the file is listed verbatim
 * by the globs of ./tsconfig.json `include`; our tsconfig includes directories ("src"), so `lint()`
 * would silently skip every TypeScript file. `lintSources` below is `lint()`'s client-side path
 * (getClientSideLintersOnly → parseSourceFile/tsParser → bootstrap → batchExecute) without that
 * filter, and with a syntax-only parse (see syntaxOnlyParser).
 *
 * What it does not catch: a route that is not in the OpenAPI document is ignored, not reported
 * (so a mistyped path passes; the contract tests check routes); only literal/template routes
 * written directly in a `requestJira(...)` call are seen.
 *
 * The linters resolve manifest.yml and source paths against the working directory,
 * so a call changes directory to the app for its duration (and restores it). Calls are serialised.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import {
  getHandlersDirectory,
  MANIFEST_FILE,
  ProcessorBuilder,
  ValidationTypes,
  type LintOptions,
  type ManifestSchema,
  type ValidationError,
} from '@forge/manifest';
import { getClientSideLintersOnly, parseSourceFile, tsParser, type LintInput, type LintResult } from '@forge/lint';

export interface ForgeValidationResult {
  errors: string[];
  warnings: string[];
}

const REPO_ROOT = resolve(__dirname, '..');
const THIRD_PARTY = join(REPO_ROOT, 'third_party');
const JIRA_OPENAPI = join(THIRD_PARTY, 'jira-platform-v3.json');
const EMPTY_OPENAPI = join(THIRD_PARTY, 'empty-openapi.json');

/** Every variable @forge/lint's PermissionLinter reads; without all of them it downloads the specs. */
const LOCAL_SWAGGER_ENV: Readonly<Record<string, string>> = {
  USE_LOCAL_SWAGGER: '1',
  LOCAL_JIRA_SWAGGER: JIRA_OPENAPI,
  LOCAL_JSM_SWAGGER: EMPTY_OPENAPI, // Jira Service Management
  LOCAL_JSW_SWAGGER: EMPTY_OPENAPI, // Jira Software
  LOCAL_CONF_SWAGGER: EMPTY_OPENAPI, // Confluence v1
  LOCAL_CONF_V2_SWAGGER: EMPTY_OPENAPI, // Confluence v2
  LOCAL_BB_SWAGGER: EMPTY_OPENAPI, // Bitbucket
};

/**
 * Runtimes Atlassian has deprecated (online, `forge lint` fetches this list from Statsig). Offline
 * we know of none; add a runtime here to get the deprecation warning for it.
 */
const DEPRECATED_RUNTIMES: string[] = [];

/** Same options the lint manifest linters use, so ProcessorBuilder's cache shares one processor. */
const PROCESSOR_OPTIONS: LintOptions = { deprecatedRuntimes: DEPRECATED_RUNTIMES };

/** The environment name `forge lint` uses by default (`development` in the CLI's terms). */
const LINT_ENVIRONMENT = 'default';

/**
 * Lint warnings treated as errors. `valid-module-required` is the handler linter's "Cannot find
 * exported function …, which is required by module …": Forge could not call that function. (It is
 * a warning upstream because the linter does not follow `export * from`; src/index.ts uses named
 * exports.)
 */
const LINT_WARNINGS_AS_ERRORS = new Set(['valid-module-required']);

const SOURCE_EXTENSIONS = /\.(?:[cm]?[jt]sx?)$/; // what lint() would parse: .js .jsx .cjs .mjs .ts .tsx .cts .mts

type StatsigService = Parameters<typeof getClientSideLintersOnly>[3];

/**
 * Offline stand-in for the CLI's Statsig client. The linters only ask it for deprecated runtimes;
 * the other reader methods answer with the defaults the real client falls back to when offline.
 */
function offlineStatsig(): StatsigService {
  const offline = {
    checkGate: async () => null,
    getDynamicConfig: async () => null,
    testForgeCliTestGate: async () => false,
    getForgeCliTestDynamicConfig: async () => [],
    isLogsV2ApiEnabled: async () => true,
    isTeamworkGraphProductSupported: async () => false,
    getDeprecatedRuntimes: async () => [...DEPRECATED_RUNTIMES],
    isDevSpaceSelectionEnabled: async () => false,
    isDeveloperSpaceEnforcementFlowEnabled: async () => false,
    isSelfManagedTunnelEnabled: async () => false,
    isCombinedArtifactUploadEnabled: async () => false,
    getCustomSpinnerConfig: async () => null,
    getHints: async () => null,
  };
  // StatsigService is a class with private members; the linters only use its public reader API.
  return offline as unknown as StatsigService;
}

/** Runs `fn` with `vars` set in process.env and the working directory at `cwd`; restores both. */
async function withProcessState<T>(vars: Readonly<Record<string, string>>, cwd: string, fn: () => Promise<T>): Promise<T> {
  const savedEnv = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries(vars)) {
    savedEnv.set(name, process.env[name]);
    process.env[name] = value;
  }
  const savedCwd = process.cwd();
  try {
    process.chdir(cwd);
    return await fn();
  } finally {
    try {
      process.chdir(savedCwd);
    } finally {
      for (const [name, value] of savedEnv) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  }
}

function listSourceFiles(appDir: string, sourceDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // no source directory: the manifest validation reports missing handler files
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        // src/sandbox is the local emulator and its Forge shims: never bundled by Forge, so not linted as app code
        const isSandbox = dir === join(appDir, sourceDir) && entry.name === 'sandbox';
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.') && !isSandbox) walk(full);
      } else if (entry.isFile() && SOURCE_EXTENSIONS.test(entry.name)) {
        out.push(relative(appDir, full).split(sep).join('/'));
      }
    }
  };
  walk(join(appDir, sourceDir));
  return out.sort();
}

class Findings {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  private readonly seen = new Set<string>();

  /** `where` is file[:line:col]; the same finding from two checks is reported once. */
  add(level: 'error' | 'warning', where: string, message: string, reference: string | undefined, source: string): void {
    const key = `${level}|${where}|${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const text = `${where} ${message}${reference ? ` (${reference})` : ''} [${source}]`;
    (level === 'error' ? this.errors : this.warnings).push(text);
  }
}

function location(file: string, line?: number, column?: number): string {
  return line === undefined ? file : `${file}:${line}:${column ?? 0}`;
}

async function validateManifest(manifestPath: string, findings: Findings): Promise<ManifestSchema | undefined> {
  let typed: ManifestSchema | undefined;
  for (const type of [ValidationTypes.FULL, ValidationTypes.PRODUCT_TRIGGER]) {
    const processor = ProcessorBuilder.instance().withValidation(type).withOptions(PROCESSOR_OPTIONS).build();
    const result = await processor.process(manifestPath);
    for (const e of result.errors ?? ([] as ValidationError[])) {
      findings.add(e.level === 'warning' ? 'warning' : 'error', location(MANIFEST_FILE, e.line, e.column), e.message, e.reference, `manifest:${type}`);
    }
    if (!result.success && !(result.errors ?? []).some((e) => e.level !== 'warning')) {
      findings.add('error', MANIFEST_FILE, 'validation failed without reporting an error', undefined, `manifest:${type}`);
    }
    if (type === ValidationTypes.FULL) typed = result.manifestObject?.typedContent as ManifestSchema | undefined;
  }
  return typed;
}

/**
 * @forge/lint's parser without the TypeScript project: with ./tsconfig.json present, `tsParser`
 * builds a type-checked program of the whole project (~3 s) although no linter uses type
 * information; `npm run typecheck` type-checks everything anyway.
 */
const syntaxOnlyParser: typeof tsParser = (code, filepath) => tsParser(code, filepath, { project: undefined });

/** @forge/lint's client-side lint (see the file comment for why not `lint()`); cwd = the app directory. */
async function lintSources(files: string[], manifest: ManifestSchema, findings: Findings): Promise<void> {
  const logged: string[] = [];
  const logger = { info: (message: string) => void logged.push(stripVTControlCharacters(String(message)).trim()) };
  const linters = await getClientSideLintersOnly(manifest, LINT_ENVIRONMENT, logger, offlineStatsig());

  const inputs: LintInput[] = [];
  for (const file of files) {
    try {
      inputs.push(await parseSourceFile(file, syntaxOnlyParser));
    } catch (e) {
      findings.add('error', file, `cannot be parsed for linting: ${e instanceof Error ? e.message : String(e)}`, undefined, 'lint');
    }
  }

  await Promise.all(linters.map((linter) => linter.bootstrap()));
  const results: LintResult[] = (await Promise.all(linters.map((linter) => linter.batchExecute(inputs)))).flat();
  for (const result of results) {
    for (const r of [...result.errors, ...result.approvals]) {
      findings.add('error', location(result.file, r.line, r.column), r.message, r.reference, r.class === 'approval' ? 'lint:approval' : 'lint');
    }
    for (const r of result.warnings) {
      const level = LINT_WARNINGS_AS_ERRORS.has(r.reference) ? 'error' : 'warning';
      findings.add(level, location(result.file, r.line, r.column), r.message, r.reference, 'lint');
    }
  }
  // A linter that throws is only logged by @forge/lint ("Could not perform some linting actions…"):
  // its checks did not run, so that is an error here.
  for (const message of logged) if (message) findings.add('error', 'lint', message, undefined, 'lint');
}

let queue: Promise<unknown> = Promise.resolve();

/** validateForgeApp plus the list of source files the lint covered (for the CLI summary). */
function validate(dir: string): Promise<ForgeValidationResult & { lintedFiles: string[] }> {
  const appDir = resolve(dir);
  const run = async () => {
    const findings = new Findings();
    let lintedFiles: string[] = [];
    const typed = await validateManifest(join(appDir, MANIFEST_FILE), findings);
    if (!typed) {
      findings.add('error', MANIFEST_FILE, 'source lint skipped: the manifest must pass schema validation first', undefined, 'lint');
    } else {
      lintedFiles = listSourceFiles(appDir, getHandlersDirectory(typed));
      const files = lintedFiles;
      await withProcessState(LOCAL_SWAGGER_ENV, appDir, () => lintSources(files, typed, findings));
    }
    return { errors: findings.errors, warnings: findings.warnings, lintedFiles };
  };
  // process.env and the working directory are process-wide: one validation at a time.
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/**
 * Validates the Forge app in `dir` (manifest.yml + handler sources) offline. Errors fail the build;
 * warnings are for the reader. Messages are `file[:line:col] message (reference) [check]`.
 */
export async function validateForgeApp(dir: string): Promise<ForgeValidationResult> {
  const { errors, warnings } = await validate(dir);
  return { errors, warnings };
}

async function main(): Promise<void> {
  const started = Date.now();
  const { errors, warnings, lintedFiles } = await validate(REPO_ROOT);
  for (const w of warnings) console.warn(`warning: ${w}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (errors.length > 0) {
    for (const e of errors) console.error(`error: ${e}`);
    console.error(`validate:forge FAILED: ${errors.length} error(s), ${warnings.length} warning(s) (${seconds}s)`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `validate:forge OK: manifest.yml (full + product-trigger) and @forge/lint client-side over ` +
      `${lintedFiles.length} source file(s): 0 errors, ${warnings.length} warning(s) (${seconds}s)`,
  );
}

if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) {
  main().catch((e: unknown) => {
    console.error('validate:forge crashed:', e);
    process.exitCode = 1;
  });
}
