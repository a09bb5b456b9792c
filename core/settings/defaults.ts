import { allPurposes } from '../consent/purposes';
import { DEFAULT_RETENTION_DAYS, SETTINGS_FORMAT, SETTINGS_VERSION, type Settings } from './schema';

/** A fresh install: nothing optional allowed until the user says otherwise. */
export function defaultSettings(): Settings {
  return {
    format: SETTINGS_FORMAT,
    version: SETTINGS_VERSION,
    onboarded: false,
    language: 'auto',
    preferences: { ...allPurposes(false), legitimateInterest: 'object' },
    fallback: 'denyOptional',
    siteOverrides: {},
    pausedSites: [],
    paused: false,
    gpc: true,
    policyAutoRead: true,
    identity: { name: '', email: '', postalAddress: '', country: '', accountIds: [] },
    ledgerRetentionDays: DEFAULT_RETENTION_DAYS,
  };
}
