/**
 * Scheduled trigger (daily): syncs the workforce directory from Jira's user list when the settings
 * have `workforceDirectory` on (src/enforce/workforce-sync.ts). Logs counts only, never names.
 */
import { syncWorkforceDirectory, type WorkforceSyncDeps, type WorkforceSyncResult } from '../enforce/workforce-sync';
import { forgeJira } from '../jira/forge';
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

export async function runDirectorySync(settings: SettingsStore, deps: WorkforceSyncDeps): Promise<WorkforceSyncResult | { status: 'off' }> {
  const { settings: s } = await settings.load();
  if (!s.workforceDirectory) return { status: 'off' };
  return syncWorkforceDirectory(deps);
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
          : `incomplete (${result.reason}); the previous directory stays`;
    console.log(`PHI Guard: workforce directory ${line}`);
    return { statusCode: result.status === 'incomplete' ? 503 : 200, headers: {}, body: '' };
  } catch (e) {
    // (the class name only: a message might quote a response)
    console.error(`PHI Guard: workforce directory sync failed (${e instanceof Error ? e.name : typeof e}); the previous directory stays`);
    return { statusCode: 500, headers: {}, body: '' };
  }
}
