/**
 * Sync the workforce directory from Jira (daily, by a scheduled trigger): the display names of the
 * site's active Atlassian accounts. JSM portal customers (`customer` accounts) are never taken: at
 * a desk that also serves patients, they are the patients. App accounts are not people.
 *
 * The old directory stays until a complete new one is written: a sync that runs out of time or
 * meets a Jira error saves nothing and says why.
 */
import { MAX_DIRECTORY_NAMES, nameWords } from '../phi/directory';
import type { JiraPort, SiteUser } from '../jira/port';
import type { DirectoryMeta, WorkforceDirectoryStore } from '../store/directory';

/** Users asked for per page. */
export const USERS_PAGE = 1000;

export interface WorkforceSyncDeps {
  jira: Pick<JiraPort, 'listUsers'>;
  directory: WorkforceDirectoryStore;
  now: () => Date;
  /** Epoch ms: no page is asked for after this. */
  deadline: number;
}

export type WorkforceSyncResult =
  | { status: 'synced'; meta: DirectoryMeta; users: number; pages: number }
  | { status: 'incomplete'; reason: string; users: number; pages: number };

/** Is the user one of the site's own people with a name the directory can use? */
export const isWorkforce = (u: SiteUser): boolean => u.accountType === 'atlassian' && u.active && nameWords(u.displayName).length >= 2;

export async function syncWorkforceDirectory(deps: WorkforceSyncDeps): Promise<WorkforceSyncResult> {
  const names = new Set<string>();
  let users = 0;
  let pages = 0;
  for (let startAt = 0; ; ) {
    if (deps.now().getTime() > deps.deadline) return { status: 'incomplete', reason: `out of time after ${users} users`, users, pages };
    const page = await deps.jira.listUsers(startAt, USERS_PAGE);
    pages++;
    if (page.length === 0) break;
    users += page.length;
    startAt += page.length;
    for (const u of page) if (isWorkforce(u)) names.add(u.displayName.trim());
    if (names.size > MAX_DIRECTORY_NAMES) return { status: 'incomplete', reason: `more than ${MAX_DIRECTORY_NAMES} people`, users, pages };
  }
  const meta = await deps.directory.save([...names], deps.now().toISOString());
  return { status: 'synced', meta, users, pages };
}
