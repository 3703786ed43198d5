/**
 * `npm start` — the PHI Guard local sandbox: emulated Jira Service Management site + the app's real
 * Forge handlers + a small Jira-like UI, on http://127.0.0.1:$PORT (default 8080).
 *
 *   npm start                 fresh seeded site, empty KVS
 *   npm start -- --keep       restore/save state under .sandbox/ (site + KVS)
 *   npm start -- --port 9000  (or PORT=9000)
 *
 * Environment: SANDBOX_LATENCY_MS, SANDBOX_FAULT_RATE, SANDBOX_RANDOM_SEED, SANDBOX_DUPLICATE_DELIVERY=1,
 * SANDBOX_INVOCATION_TIMEOUT_MS, SANDBOX_DELAY_SCALE, SANDBOX_GUARD_PREMIUM=1 (see src/sandbox/README.md).
 */
import { DEMO_ACCOUNTS } from './emulator';
import { startSandbox } from './server';

function usage(): never {
  console.log('usage: npm start -- [--keep] [--port N] [--no-seed] [--quiet]');
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let keep = false;
  let seed = true;
  let quiet = false;
  let port: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--keep') keep = true;
    else if (a === '--no-seed') seed = false;
    else if (a === '--quiet') quiet = true;
    else if (a === '--port') {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 0 || n > 65535) usage();
      port = n;
    } else if (a === '--help' || a === '-h') usage();
    else {
      console.error(`unknown argument: ${a}`);
      usage();
    }
  }

  const sandbox = await startSandbox({
    keep,
    seed,
    // (as Forge runs scheduled triggers shortly after a deployment: the workforce directory sync)
    runScheduled: true,
    ...(port !== undefined ? { port } : {}),
    log: quiet ? () => {} : (line) => console.log(line),
  });
  const o = sandbox.runtime.options;
  const f = sandbox.runtime.api.faults;
  console.log(`
PHI Guard sandbox is running${keep ? ' (state kept in .sandbox/)' : ''}
  Sandbox UI   ${sandbox.url}/
  REST base    ${sandbox.url}/rest/api/3   (Basic auth: <demo email>:<any token>)
  Test hooks   ${sandbox.url}/_sandbox/health | /idle | /invoke | /storage | /reset | /invocations
  Demo users   ${Object.keys(DEMO_ACCOUNTS).join(', ')}
  Faults       latency ${f.latencyMs} ms, fault rate ${f.faultRate}, duplicate delivery ${o.duplicateDelivery ? 'on' : 'off'}, timeout ${o.invocationTimeoutMs} ms
Ctrl-C stops it.
`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the sandbox…`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    sandbox
      .close()
      .then(() => process.exit(0))
      .catch((e: unknown) => {
        console.error(e);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error('[sandbox] failed to start:', e);
  process.exit(1);
});
