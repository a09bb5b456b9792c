import { create } from 'zustand';
import type { Settings } from '../core/settings/schema';
import { send } from '../platform/messaging/client';
import { onSettingsChanged } from '../platform/settingsStorage';

interface SettingsState {
  settings: Settings | null;
  /** Why the settings could not be read (components/failureText.ts words it); null when they could. */
  error: unknown;
  load: () => Promise<void>;
  /** Saves through the background, which validates before it writes. */
  save: (next: Settings) => Promise<Settings>;
}

export const useSettingsStore = create<SettingsState>((set) => ({
  settings: null,
  error: null,
  load: async () => {
    try {
      set({ settings: await send('settings.get', {}), error: null });
    } catch (error) {
      set({ error });
    }
  },
  save: async (next) => {
    const saved = await send('settings.save', { settings: next });
    set({ settings: saved, error: null });
    return saved;
  },
}));

/** Loads the settings and keeps them current when any other page changes them. */
export function startSettingsSync(): () => void {
  void useSettingsStore.getState().load();
  return onSettingsChanged(() => void useSettingsStore.getState().load());
}
