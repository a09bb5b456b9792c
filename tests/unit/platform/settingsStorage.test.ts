import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings } from '../../../core/settings/defaults';
import { serializeSettings } from '../../../core/settings/file';
import { settingsHandlers } from '../../../platform/handlers/settings';
import { loadSettings, saveSettings, SETTINGS_KEY } from '../../../platform/settingsStorage';
import type { CallerContext } from '../../../platform/messaging/router';

const caller = { sender: {}, tabId: null, frameId: null } as CallerContext;
const importFile = (text: string) => settingsHandlers.extension!['settings.import']!({ text }, caller);

describe('settings storage', () => {
  it('starts from the defaults', async () => {
    await expect(loadSettings()).resolves.toEqual(defaultSettings());
  });

  it('saves and loads', async () => {
    const settings = { ...defaultSettings(), onboarded: true, gpc: false };
    await saveSettings(settings);
    await expect(loadSettings()).resolves.toEqual(settings);
  });

  it('refuses to store invalid settings and keeps what was there', async () => {
    const good = { ...defaultSettings(), onboarded: true };
    await saveSettings(good);
    await expect(saveSettings({ ...good, fallback: 'whatever' } as never)).rejects.toThrow(/invalid settings/);
    await expect(loadSettings()).resolves.toEqual(good);
  });

  it('sets unreadable stored settings aside instead of losing them', async () => {
    const damaged = { format: 'privacy-ledger/settings', version: 1, gpc: 'maybe' };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: damaged });
    await expect(loadSettings()).resolves.toEqual(defaultSettings());
    const all = await fakeBrowser.storage.local.get(null);
    const kept = Object.entries(all).find(([key]) => key.startsWith(`${SETTINGS_KEY}.unreadable.`));
    expect(kept?.[1]).toEqual(damaged);
    expect(all[SETTINGS_KEY]).toBeUndefined();
  });
});

describe('settings import', () => {
  it('replaces the settings with a valid file', async () => {
    const imported = { ...defaultSettings(), onboarded: true, language: 'vi' as const };
    await expect(importFile(serializeSettings(imported))).resolves.toEqual({ ok: true, settings: imported });
    await expect(loadSettings()).resolves.toEqual(imported);
  });

  it('refuses a corrupt file and changes nothing', async () => {
    const before = { ...defaultSettings(), onboarded: true, pausedSites: ['bank.vn'] };
    await saveSettings(before);
    const snapshot = await fakeBrowser.storage.local.get(null);
    const corrupt = serializeSettings(defaultSettings()).replace('"gpc": true', '"gpc": "on"');
    const result = await importFile(corrupt);
    expect(result).toEqual({ ok: false, problems: [{ kind: 'field', path: 'gpc', reason: 'wrongType', expected: 'boolean' }] });
    await expect(fakeBrowser.storage.local.get(null)).resolves.toEqual(snapshot);
  });
});
