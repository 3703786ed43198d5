/**
 * Forge function handlers. Every `handler: index.<name>` in manifest.yml must be exported here by
 * name (`export { x } from …` or `export function x`, not `export * from …`, which the Forge linter
 * cannot follow); `npm run validate:forge` checks it.
 */
export { onIssueCreated, onIssueUpdated, onIssueCommented } from './triggers/issue-events';
export { validateVendorApproval } from './triggers/approval-validator';
export { onDirectorySync } from './triggers/directory-sync';
