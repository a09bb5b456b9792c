import { browser } from 'wxt/browser';
import { defaultSettings } from '../core/settings/defaults';
import { parseSettings } from '../core/settings/file';
import type { Settings } from '../core/settings/schema';
import { guardWrite } from './storageHealth';

export const SETTINGS_KEY = 'settings';

/**
 * Reads the settings. Stored settings that fail validation (a damaged profile,
 * a hand edit) are kept aside under a dated key, never overwritten silently,
 * and the extension runs on defaults.
 */
export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  const value: unknown = stored[SETTINGS_KEY];
  if (value === undefined) return defaultSettings();
  const parsed = parseSettings(value);
  if (parsed.ok) return parsed.settings;
  await browser.storage.local.set({ [`${SETTINGS_KEY}.unreadable.${Date.now()}`]: value });
  await browser.storage.local.remove(SETTINGS_KEY);
  console.warn('Privacy Ledger: stored settings were unreadable and were set aside', parsed.problems);
  return defaultSettings();
}

export async function saveSettings(settings: Settings): Promise<Settings> {
  const parsed = parseSettings(settings);
  if (!parsed.ok) throw new Error(`Refusing to store invalid settings: ${JSON.stringify(parsed.problems)}`);
  await guardWrite('settings', () => browser.storage.local.set({ [SETTINGS_KEY]: parsed.settings }));
  return parsed.settings;
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  return saveSettings(change(await loadSettings()));
}

/** Calls `listener` whenever the stored settings change (from any context). */
export function onSettingsChanged(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && SETTINGS_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
