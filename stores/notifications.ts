import { useEffect } from 'preact/hooks';
import { create } from 'zustand';
import type { NotificationsState } from '../core/requests/types';
import { readNotificationsState, requestNotifications, watchNotificationsPermission } from '../platform/requests/notifications';

/**
 * Whether deadline reminders may show as notifications, as the Requests page
 * needs it: known before any click, so that a click can ask the browser at once
 * (a prompt is allowed only in answer to the user's gesture).
 */
interface NotificationsStore {
  /** null until read. */
  state: NotificationsState | null;
  load: () => Promise<void>;
  /** Asks the browser now; call from a click. */
  ask: () => void;
  /** Asks only if the user was never asked: when they first track a sent request. */
  askFirstTime: () => void;
}

export const useNotificationsStore = create<NotificationsStore>((set, get) => ({
  state: null,
  load: async () => set({ state: await readNotificationsState() }),
  ask: () => {
    if (get().state === 'granted' || get().state === 'unavailable') return;
    const previous = get().state;
    set({ state: 'asking' });
    void requestNotifications().then(
      (granted) => set({ state: granted ? 'granted' : 'refused' }),
      () => set({ state: previous }),
    );
  },
  askFirstTime: () => {
    if (get().state === 'notAsked') get().ask();
  },
}));

/** Reads the state once and follows grants and withdrawals made anywhere (the browser's own settings too). */
export function useNotificationsPermission(): NotificationsStore {
  const store = useNotificationsStore();
  useEffect(() => {
    void store.load();
    return watchNotificationsPermission(() => void useNotificationsStore.getState().load());
  }, []);
  return store;
}
