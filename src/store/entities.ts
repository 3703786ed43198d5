/**
 * Custom entity names; manifest.yml `app.storage.entities` declares them (same names, attributes and
 * indexes).
 */
export const ENTITY = {
  auditEntry: 'audit-entry',
  auditHead: 'audit-head',
  auditMark: 'audit-mark',
  issueRecord: 'issue-record',
} as const;

/** `audit-entry` index by sequence number. */
export const AUDIT_SEQ_INDEX = 'by-seq';
