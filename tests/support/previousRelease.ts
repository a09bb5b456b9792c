/**
 * The data the upgrade tests give the previous release before updating it to
 * the current build (tests/e2e/security-upgrade.e2e.ts in Chromium,
 * tests/firefox/upgrade.e2e.ts in Firefox): the same in both browsers.
 */
import { expect } from 'vitest';
import { allPurposes } from '../../core/consent/purposes';
import { defaultSettings } from '../../core/settings/defaults';
import type { Settings } from '../../core/settings/schema';

/** The tables the previous release has, and each one's key. */
export const KEY = { sites: 'site', events: 'id', cookies: 'id', thirdParties: 'id', policies: 'id', requests: 'id' } as const;
export const TABLES = Object.keys(KEY) as (keyof typeof KEY)[];

/** The sites visited with the previous release. */
export const VISITED = ['news.test', 'shop.test', 'tracked.test'];

/** The version the previous build is given: lower than the current build's, as in a real update. */
export const PREVIOUS_VERSION = '0.0.1';

/** Settings in the previous release's format (v2), every part moved away from its default. */
export const OLD_SETTINGS: Settings = {
  ...defaultSettings(),
  onboarded: true,
  preferences: { ...allPurposes(false), functional: true, analytics: true, legitimateInterest: 'allow' },
  fallback: 'askMe',
  siteOverrides: { 'shop.test': { mode: 'denyAll' } },
  pausedSites: ['paused.test'],
  gpc: false,
  ledgerRetentionDays: 90,
  identity: {
    name: 'Minh Tran', email: 'minh@example.org', postalAddress: '12 Ly Thuong Kiet, Ha Noi', country: 'VN',
    accountIds: [{ label: 'Customer number', value: 'C-4471' }],
  },
};

const DAY = 86_400_000;

/** A policy and a request as the previous release stored them (it had no reader or composer of its own yet). */
export const oldRows = (now: number) => ({
  policies: [{ site: 'tracked.test', url: 'http://tracked.test/privacy', fetchedAt: now - DAY, hash: 'a1b2c3', text: 'We keep your data for 13 months.' }],
  requests: [{ id: 'req-old-1', site: 'tracked.test', regime: 'gdpr', type: 'access', status: 'sent', createdAt: now - 5 * DAY, sentAt: now - 4 * DAY, dueAt: now + 26 * DAY }],
});

type Rows = Record<string, unknown>[];

/** Before the update: every table has rows, the visited sites are there, and the settings are the seeded ones. */
export function expectSeeded(before: Map<string, Rows>, stored: Record<string, unknown>): void {
  for (const table of TABLES) expect(before.get(table)!.length, `${table} rows before the update`).toBeGreaterThan(0);
  expect(before.get('sites')!.map((s) => s.site)).toEqual(expect.arrayContaining(VISITED));
  expect(stored.settings).toEqual(OLD_SETTINGS);
}

/** After it: each table has as many rows, and each old row is there with every old field (new fields allowed). */
export async function expectEveryRowKept(before: Map<string, Rows>, read: (table: string) => Promise<Rows>): Promise<void> {
  for (const table of TABLES) {
    const after = new Map((await read(table)).map((row) => [row[KEY[table]], row]));
    const old = before.get(table)!;
    expect(after.size, `${table} row count`).toBe(old.length);
    for (const row of old) expect(after.get(row[KEY[table]]), `${table} row ${String(row[KEY[table]])}`).toMatchObject(row);
  }
}
