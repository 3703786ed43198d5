/**
 * Who raised a ticket: internal staff or a user of one vendor company, from the settings' one vendor
 * table. A user matching two companies is a conflict, never silently one of them.
 */
import type { AppSettings, VendorCompany } from './settings';

export interface ReporterFacts {
  accountId: string;
  /** Null when the user's email is hidden by their privacy settings. */
  email: string | null;
  groups: string[];
  /** JSM organizations the user belongs to (ids and names), or null when not looked up. */
  organizations: Array<{ id: string; name: string }> | null;
}

export type Classification =
  /** `emailHidden`: not staff, no match, and email-domain rules could not be checked. */
  | { kind: 'internal'; emailHidden?: boolean }
  | { kind: 'vendor'; company: VendorCompany; matchedBy: Array<'group' | 'organization' | 'emailDomain'> }
  | { kind: 'conflict'; companies: VendorCompany[] }
  /** Not matched, and organizations were not looked up: the caller should look them up and ask again. */
  | { kind: 'needs-organizations' };

function domainOf(email: string | null): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  return at > 0 ? email.slice(at + 1).toLowerCase() : null;
}

function domainMatches(domain: string, rule: string): boolean {
  return domain === rule || domain.endsWith(`.${rule}`);
}

export function classifyReporter(settings: AppSettings, facts: ReporterFacts): Classification {
  const domain = domainOf(facts.email);
  const groups = new Set(facts.groups.map((g) => g.toLowerCase()));
  const orgs = facts.organizations;
  // Anyone who is not internal staff is checked against organizations too, so that a user of two
  // companies (group in one, organization in another) is caught.
  const internal = settings.internalGroups.some((g) => groups.has(g.toLowerCase()));
  if (!internal && orgs === null && settings.vendors.some((c) => c.organizations.length > 0)) return { kind: 'needs-organizations' };
  const matches: Array<{ company: VendorCompany; matchedBy: Array<'group' | 'organization' | 'emailDomain'> }> = [];
  for (const company of settings.vendors) {
    const matchedBy: Array<'group' | 'organization' | 'emailDomain'> = [];
    if (company.groups.some((g) => groups.has(g.toLowerCase()))) matchedBy.push('group');
    if (domain && company.emailDomains.some((d) => domainMatches(domain, d))) matchedBy.push('emailDomain');
    if (orgs && company.organizations.some((o) => orgs.some((m) => m.id === o || m.name.toLowerCase() === o.toLowerCase()))) matchedBy.push('organization');
    if (matchedBy.length > 0) matches.push({ company, matchedBy });
  }
  if (matches.length > 1) return { kind: 'conflict', companies: matches.map((m) => m.company) };
  if (matches.length === 1) return { kind: 'vendor', ...matches[0]! };
  if (!internal && domain === null && settings.vendors.some((c) => c.emailDomains.length > 0)) return { kind: 'internal', emailHidden: true };
  return { kind: 'internal' };
}
