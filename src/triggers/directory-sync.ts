/**
 * Scheduled trigger (daily): syncs the workforce directory from Jira's user list when the settings
 * have `workforceDirectory` on (src/enforce/workforce-sync.ts). Logs counts only, never names.
 */
import { syncWorkforceDirectory, type WorkforceSyncDeps, type WorkforceSyncResult } from '../enforce/workforce-sync';
import { forgeJira } from '../jira/forge';
import { JiraError } from '../jira/port';
import { kvsDirectory } from '../store/directory';
import { kvsSettings, type SettingsStore } from '../store/settings';

/** The function's timeoutSeconds in manifest.yml is 300: Jira paging stops 30 s before it. */
export const SYNC_BUDGET_MS = 270_000;

/** The response a scheduled trigger returns to the platform. */
export interface ScheduledResponse {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}

/**
 * Syncs when the settings have the directory on, and records the outcome for the dashboard (a
 * failure with the error's class or Jira's status, never a message that could quote a response);
 * when it is off, deletes the names an earlier sync stored.
 */
export async function runDirectorySync(settings: SettingsStore, deps: WorkforceSyncDeps): Promise<WorkforceSyncResult | { status: 'off' } | { status: 'failed'; reason: string }> {
  const at = deps.now().toISOString();
  const { settings: s } = await settings.load();
  if (!s.workforceDirectory) {
    // (switched off: the names synced before are not kept)
    await deps.directory.clear();
    await deps.directory.recordStatus({ at, status: 'off' });
    return { status: 'off' };
  }
  let result: WorkforceSyncResult | { status: 'failed'; reason: string };
  try {
    result = await syncWorkforceDirectory(deps);
  } catch (e) {
    result = { status: 'failed', reason: e instanceof JiraError ? e.message : `internal error (${e instanceof Error ? e.name : typeof e})` };
  }
  await deps.directory.recordStatus(
    result.status === 'synced' ? { at, status: 'synced', count: result.meta.count } : { at, status: result.status, reason: `${result.reason}; the previous directory stays` },
  );
  return result;
}

/** `scheduledTrigger` phi-guard-directory-sync → `index.onDirectorySync`. */
export async function onDirectorySync(): Promise<ScheduledResponse> {
  const deadline = Date.now() + SYNC_BUDGET_MS;
  try {
    const result = await runDirectorySync(kvsSettings(), { jira: forgeJira({ deadline }), directory: kvsDirectory(), now: () => new Date(), deadline });
    const line =
      result.status === 'synced'
        ? `synced ${result.meta.count} names from ${result.users} users`
        : result.status === 'off'
          ? 'off in the settings'
          : `${result.status} (${result.reason}); the previous directory stays`;
    console.log(`PHI Guard: workforce directory ${line}`);
    return { statusCode: result.status === 'synced' || result.status === 'off' ? 200 : 503, headers: {}, body: '' };
  } catch (e) {
    // (the class name only: a message might quote a response)
    console.error(`PHI Guard: workforce directory sync failed (${e instanceof Error ? e.name : typeof e}); the previous directory stays`);
    return { statusCode: 500, headers: {}, body: '' };
  }
}
