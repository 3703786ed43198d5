/**
 * PHI Guard's settings: one document, validated here (pure), stored by src/store/settings.ts.
 *
 * - Mode per project (`off`, `flag`, `redact`); projects not listed use `defaultMode`, which is
 *   `flag` on a fresh install until an admin chooses.
 * - One vendor table: each company lists the groups, JSM organizations and email domains whose users
 *   belong to it, and the issue security level its tickets get. Projects with `vendorRules` apply it.
 * - The approval gate: the approver group and the statuses a vendor ticket may only enter once
 *   approved (by name, as the workflow shows them).
 * - Detector settings (per-type switches and thresholds, custom patterns, allowlists), validated by
 *   the detection engine's own compileSettings.
 */
import { compileSettings, SettingsError } from '../phi/settings';
import type { DetectorSettings } from '../phi/types';

export type Mode = 'off' | 'flag' | 'redact';
export const MODES: readonly Mode[] = ['off', 'flag', 'redact'];

export interface VendorCompany {
  /** Stable id (letters, digits, `-`, `_`). */
  id: string;
  name: string;
  groups: string[];
  /** JSM organizations, by id or name. */
  organizations: string[];
  /** Email domains (subdomains match too). */
  emailDomains: string[];
  /** The issue security level (id) the company's tickets get. */
  securityLevelId: string;
}

export interface ProjectPolicy {
  mode: Mode;
  /** Apply the vendor table (security levels, approval gate) to this project's tickets. */
  vendorRules: boolean;
}

export interface AppSettings {
  version: 1;
  defaultMode: Mode;
  /** By project key. */
  projects: Record<string, ProjectPolicy>;
  vendors: VendorCompany[];
  /** Groups of internal staff: a member is never looked up in JSM organizations. */
  internalGroups: string[];
  /** Members of this group may approve vendor tickets. */
  approverGroup: string;
  /** Status names a vendor ticket may enter only after an internal approval. */
  gatedStatuses: string[];
  /** Redaction keeps the last four characters of long identifiers (`[PHI:MRN]2913`). */
  keepLast4: boolean;
  /**
   * The site's own people (its active Atlassian accounts, not JSM portal customers) are the
   * detector's workforce directory, synced daily: their names are not PHI unless a ticket ties
   * them to a patient. The admin's own list is `detector.workforceNames`. Off until an admin turns
   * it on: staff are patients too, and a ticket about an employee's own care that the tie rules do
   * not recognise loses that name (README: measured on 125 such tickets).
   */
  workforceDirectory: boolean;
  detector: Partial<DetectorSettings>;
}

export function defaultAppSettings(): AppSettings {
  return {
    version: 1,
    defaultMode: 'flag',
    projects: {},
    vendors: [],
    internalGroups: ['jira-admins', 'jira-servicemanagement-users'],
    approverGroup: 'phi-approvers',
    gatedStatuses: ['In Progress'],
    keepLast4: false,
    workforceDirectory: false,
    detector: {},
  };
}

export function projectPolicy(settings: AppSettings, projectKey: string): ProjectPolicy {
  return settings.projects[projectKey] ?? { mode: settings.defaultMode, vendorRules: false };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,9}$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

function strings(v: unknown, what: string, max = 100, check?: (s: string) => boolean): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > max) throw new SettingsError(`${what} must be a list of at most ${max} strings`);
  return v.map((s) => {
    if (typeof s !== 'string' || s.trim() === '' || s.length > 255) throw new SettingsError(`${what} must hold non-empty strings of at most 255 characters`);
    const t = s.trim();
    if (check && !check(t)) throw new SettingsError(`${what}: "${t.slice(0, 40)}" is not valid`);
    return t;
  });
}

function mode(v: unknown, what: string): Mode {
  if (typeof v !== 'string' || !(MODES as readonly string[]).includes(v)) throw new SettingsError(`${what} must be one of ${MODES.join(', ')}`);
  return v as Mode;
}

/**
 * Validates settings from storage or from an admin (untrusted JSON), over the defaults. Throws a
 * SettingsError naming the first problem; never echoes more than a short prefix of a value.
 */
export function parseAppSettings(input: unknown): AppSettings {
  const base = defaultAppSettings();
  if (input === undefined || input === null) return base;
  if (!isRecord(input)) throw new SettingsError('settings must be an object');
  const out: AppSettings = { ...base };
  if (input.defaultMode !== undefined) out.defaultMode = mode(input.defaultMode, 'defaultMode');
  if (input.projects !== undefined) {
    if (!isRecord(input.projects) || Object.keys(input.projects).length > 500) throw new SettingsError('projects must be an object of at most 500 projects');
    out.projects = {};
    for (const [key, p] of Object.entries(input.projects)) {
      if (!PROJECT_KEY.test(key)) throw new SettingsError(`"${key.slice(0, 20)}" is not a project key`);
      if (!isRecord(p)) throw new SettingsError(`projects.${key} must be an object`);
      out.projects[key] = { mode: p.mode === undefined ? out.defaultMode : mode(p.mode, `projects.${key}.mode`), vendorRules: p.vendorRules === true };
    }
  }
  if (input.vendors !== undefined) {
    if (!Array.isArray(input.vendors) || input.vendors.length > 200) throw new SettingsError('vendors must be a list of at most 200 companies');
    const ids = new Set<string>();
    out.vendors = input.vendors.map((v, i) => {
      if (!isRecord(v)) throw new SettingsError(`vendors[${i}] must be an object`);
      if (typeof v.id !== 'string' || !ID.test(v.id)) throw new SettingsError(`vendors[${i}].id must be 1-64 letters, digits, - or _`);
      if (ids.has(v.id)) throw new SettingsError(`vendor id "${v.id}" is used twice`);
      ids.add(v.id);
      if (typeof v.name !== 'string' || v.name.trim() === '' || v.name.length > 255) throw new SettingsError(`vendors[${i}].name is required`);
      if (typeof v.securityLevelId !== 'string' || !/^\d{1,18}$/.test(v.securityLevelId)) throw new SettingsError(`vendors[${i}].securityLevelId must be a security level id`);
      const company: VendorCompany = {
        id: v.id,
        name: v.name.trim(),
        groups: strings(v.groups, `vendors[${i}].groups`),
        organizations: strings(v.organizations, `vendors[${i}].organizations`),
        emailDomains: strings(v.emailDomains, `vendors[${i}].emailDomains`, 100, (d) => DOMAIN.test(d.toLowerCase())).map((d) => d.toLowerCase()),
        securityLevelId: v.securityLevelId,
      };
      if (company.groups.length + company.organizations.length + company.emailDomains.length === 0)
        throw new SettingsError(`vendor "${company.id}" needs at least one group, organization or email domain`);
      return company;
    });
  }
  if (input.internalGroups !== undefined) out.internalGroups = strings(input.internalGroups, 'internalGroups');
  if (input.approverGroup !== undefined) {
    if (typeof input.approverGroup !== 'string' || input.approverGroup.trim() === '') throw new SettingsError('approverGroup must be a group name');
    out.approverGroup = input.approverGroup.trim();
  }
  if (input.gatedStatuses !== undefined) out.gatedStatuses = strings(input.gatedStatuses, 'gatedStatuses', 20);
  if (input.workforceDirectory !== undefined) {
    if (typeof input.workforceDirectory !== 'boolean') throw new SettingsError('workforceDirectory must be true or false');
    out.workforceDirectory = input.workforceDirectory;
  }
  if (input.keepLast4 !== undefined) {
    if (typeof input.keepLast4 !== 'boolean') throw new SettingsError('keepLast4 must be true or false');
    out.keepLast4 = input.keepLast4;
  }
  if (input.detector !== undefined) {
    if (!isRecord(input.detector)) throw new SettingsError('detector must be an object');
    compileSettings(input.detector as Partial<DetectorSettings>); // throws a SettingsError on anything unsafe
    out.detector = input.detector as Partial<DetectorSettings>;
  }
  return out;
}
