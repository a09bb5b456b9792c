import type { Page } from 'playwright-core';
import type { PurposeChoices } from '../../../core/consent/purposes';
import { PROFILE_PURPOSES, type ProfileName } from '../../support/profiles';
import type { ConsentRecord } from '../../../core/consent/record';
import { defaultSettings } from '../../../core/settings/defaults';
import type { Settings } from '../../../core/settings/schema';
import { readStorage, writeStorage } from '../../../scripts/lib/workerState';
import type { Harness } from './harness';

/** The four preference profiles, as stored preferences: accept-all also allows legitimate interest. */
export const PROFILES: Record<ProfileName, { purposes: PurposeChoices; legitimateInterest: 'object' | 'allow' }> = Object.fromEntries(
  Object.entries(PROFILE_PURPOSES).map(([name, purposes]) => [name, { purposes, legitimateInterest: name === 'acceptAll' ? 'allow' : 'object' }]),
) as Record<ProfileName, { purposes: PurposeChoices; legitimateInterest: 'object' | 'allow' }>;
export type { ProfileName };

/** Stores settings with a profile as the preferences, and forgets every cookie, so the next visit asks afresh. */
export async function useProfile(h: Harness, name: ProfileName, extra: Partial<Settings> = {}): Promise<void> {
  const { purposes, legitimateInterest } = PROFILES[name]!;
  const settings: Settings = { ...defaultSettings(), onboarded: true, preferences: { ...purposes, legitimateInterest }, ...extra };
  await writeStorage(await h.worker(), { settings });
  await h.context.clearCookies();
}

/** The consent record of the tab showing `page`, once the engine has reached a verdict. */
export async function consentOutcome(h: Harness, page: Page, timeoutMs = 20_000): Promise<ConsentRecord> {
  const tabId = await h.tabIdOf(page);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const record = (await readStorage(await h.worker(), 'session'))[`consent.${tabId}`] as ConsentRecord | undefined;
    if (record && record.outcome !== 'working') return record;
    if (Date.now() > deadline) throw new Error(`no consent verdict on ${page.url()} within ${timeoutMs} ms (last: ${JSON.stringify(record ?? null)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens a fixture site in a new tab and waits for the engine's verdict. */
export async function visit(h: Harness, host: string, path = '/'): Promise<{ page: Page; record: ConsentRecord }> {
  const page = await h.context.newPage();
  await page.goto(h.server.url(host, path));
  return { page, record: await consentOutcome(h, page) };
}

/** A cookie of the page, decoded, or null. */
export async function cookieValue(page: Page, name: string): Promise<string | null> {
  const cookie = (await page.context().cookies(page.url())).find((c) => c.name === name);
  return cookie ? decodeURIComponent(cookie.value) : null;
}

/** A cookie the page's CMP writes, once the browser's cookie store has it (it lags `document.cookie` a little). */
export async function storedCookie(page: Page, name: string, timeoutMs = 5000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await cookieValue(page, name);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`the page never stored the cookie ${name}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
