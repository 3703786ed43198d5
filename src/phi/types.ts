/**
 * Core types of the PHI detection engine. Pure TypeScript: nothing here may import Forge.
 */

/** The 18 HIPAA Safe Harbor identifiers, as PHI Guard names them. Names are a public contract. */
export const PHI_TYPES = [
  'NAME',
  'ADDRESS',
  'ZIP',
  'DATE',
  'AGE',
  'PHONE',
  'FAX',
  'EMAIL',
  'SSN',
  'MRN',
  'HEALTH_PLAN_ID',
  'ACCOUNT',
  'LICENSE',
  'VEHICLE',
  'DEVICE',
  'URL',
  'IP',
  'BIOMETRIC',
  'OTHER_ID',
] as const;

export type PhiType = (typeof PHI_TYPES)[number];

export function isPhiType(value: unknown): value is PhiType {
  return typeof value === 'string' && (PHI_TYPES as readonly string[]).includes(value);
}

/** One piece of PHI found in a text. Offsets are UTF-16 code unit indexes; `end` is exclusive. */
export interface Finding {
  type: PhiType;
  start: number;
  end: number;
  /** Confidence 0..1 after context adjustment. */
  score: number;
  /** Identifier of the rule that fired, e.g. `ssn.format` or `custom:mrn-site`. Never contains the value. */
  rule: string;
}

export interface TypeSetting {
  enabled: boolean;
  /** Findings scoring below this are dropped. */
  threshold: number;
}

export interface CustomPattern {
  /** Stable identifier, shown in findings as `custom:<id>`. */
  id: string;
  type: PhiType;
  /**
   * Regular expression source (no delimiters) in JavaScript's spelling, run by RE2: no lookaround
   * or backreferences. Validated before use (see compileAdminPattern).
   */
  pattern: string;
  /** Any of g i m s u (g is implied). */
  flags?: string;
  /** 0–1; 0.98 when absent. */
  score?: number;
}

export interface Allowlist {
  /** Email / URL domains that are the organisation's own (e.g. `hospital.org`); matches subdomains. */
  domains: string[];
  /** IPv4 CIDR ranges (e.g. `10.0.0.0/8`) that are infrastructure, never patient-linked. */
  ipRanges: string[];
  /** Regular expressions for issue keys or other internal identifiers that must never be flagged. */
  keyPatterns: string[];
}

export interface DetectorSettings {
  types: Record<PhiType, TypeSetting>;
  customPatterns: CustomPattern[];
  allowlist: Allowlist;
  /** Site MRN formats (regex sources), recognised even without a context word. */
  mrnFormats: string[];
  /**
   * Names, e-mail addresses and phone numbers in the workforce's own places (comment attribution
   * lines, Reporter/Assignee fields, e-mail headers with organisation addresses, staff signatures)
   * are not PHI (see workforce.ts). On by default; off for a desk whose customers are patients.
   */
  staffContext: boolean;
  /**
   * The site's workforce directory: display names of the people who work there ("Maria Lopez"),
   * as the Jira users of the internal-staff groups and the admin's own list give them. Their
   * names are not PHI unless a text ties them to a patient (see directory.ts). Empty by default.
   */
  workforceNames?: string[];
}
