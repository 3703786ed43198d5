/**
 * Use case: scan an issue's summary and description for PHI and record the outcome on the issue
 * as the `phi-guard` entity property (indexed for JQL by the manifest's jira:entityProperty
 * module). The property holds types, counts and fields — never the values.
 */
import { adfToScanText, parseAdf } from '../phi/adf';
import type { Finding, PhiType } from '../phi/types';
import type { JiraPort } from '../jira/port';

export const PHI_GUARD_PROPERTY = 'phi-guard';

export interface PhiGuardProperty {
  version: 1;
  flagged: boolean;
  /** PHI types found, for JQL (`phiGuard.types ~ "SSN"`). */
  types: PhiType[];
  /** Number of findings per type. */
  counts: Partial<Record<PhiType, number>>;
  /** Fields that hold PHI: `summary`, `description`. */
  fields: string[];
  /** What was done: so far always `flag` (redaction and security levels come with enforcement). */
  action: 'flag';
  scannedAt: string;
  /** Why a field could not be scanned (for example malformed ADF); never content. */
  failures?: string[];
}

export type Detect = (text: string) => Finding[];

export interface ScanIssueDeps {
  jira: JiraPort;
  detect: Detect;
  now?: () => Date;
}

/** Returns the property written, or null when the issue is gone or invisible to the app. */
export async function scanIssue(deps: ScanIssueDeps, issueIdOrKey: string): Promise<PhiGuardProperty | null> {
  const issue = await deps.jira.getIssue(issueIdOrKey);
  if (!issue) return null;
  const counts: Partial<Record<PhiType, number>> = {};
  const fields: string[] = [];
  const failures: string[] = [];
  const count = (field: string, findings: Finding[]) => {
    if (findings.length === 0) return;
    fields.push(field);
    for (const f of findings) counts[f.type] = (counts[f.type] ?? 0) + 1;
  };
  count('summary', deps.detect(issue.summary));
  if (issue.description !== null && issue.description !== undefined) {
    const parsed = parseAdf(issue.description);
    if (parsed.ok) count('description', deps.detect(adfToScanText(parsed.doc).text));
    else failures.push(`description: ${parsed.error}`);
  }
  const types = (Object.keys(counts) as PhiType[]).sort();
  const property: PhiGuardProperty = {
    version: 1,
    flagged: types.length > 0,
    types,
    counts,
    fields,
    action: 'flag',
    scannedAt: (deps.now ?? (() => new Date()))().toISOString(),
    ...(failures.length > 0 ? { failures } : {}),
  };
  await deps.jira.setIssueProperty(issue.id, PHI_GUARD_PROPERTY, property);
  return property;
}
