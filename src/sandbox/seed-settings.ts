/**
 * PHI Guard settings the sandbox starts with (and gets back on reset), so the demo shows the whole
 * path: ITS and VEND redact; VEND applies the vendor table, which maps both demo vendor companies
 * (by group, JSM organization and email domain) to their security levels in VEND's scheme; the
 * workforce directory is on (the demo site's own people, synced by the scheduled trigger).
 */
import { parseAppSettings, type AppSettings } from '../policy/settings';
import { SETTINGS_KEY } from '../store/settings';
import { DEMO } from './emulator';

export function seededSettings(): AppSettings {
  return parseAppSettings({
    defaultMode: 'flag',
    projects: {
      ITS: { mode: 'redact', vendorRules: false },
      VEND: { mode: 'redact', vendorRules: true },
    },
    vendors: [
      {
        id: 'acme-imaging',
        name: 'Acme Imaging',
        groups: ['vendor-acme-imaging'],
        organizations: ['Acme Imaging'],
        emailDomains: ['acme-imaging.test'],
        securityLevelId: DEMO.securityLevels['Acme Imaging'],
      },
      {
        id: 'medcloud',
        name: 'MedCloud',
        groups: ['vendor-medcloud'],
        organizations: ['MedCloud'],
        emailDomains: ['medcloud.test'],
        securityLevelId: DEMO.securityLevels.MedCloud,
      },
    ],
    internalGroups: [...DEMO.internalGroups],
    approverGroup: 'phi-approvers',
    gatedStatuses: ['In Progress'],
    workforceDirectory: true,
  });
}

export { SETTINGS_KEY };
