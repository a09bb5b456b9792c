import { parseSettingsFile } from '../../core/settings/file';
import type { HandlerModule } from '../messaging/router';
import { loadSettings, saveSettings } from '../settingsStorage';

export const settingsHandlers: HandlerModule = {
  extension: {
    'settings.get': () => loadSettings(),
    'settings.save': ({ settings }) => saveSettings(settings),
    // Parsed whole before anything is written: a refused file changes nothing.
    'settings.import': async ({ text }) => {
      const parsed = parseSettingsFile(text);
      if (!parsed.ok) return parsed;
      return { ok: true, settings: await saveSettings(parsed.settings) };
    },
  },
};
