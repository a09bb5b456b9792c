import { browser } from 'wxt/browser';
import type { NotificationsState } from '../../core/requests/types';

/**
 * The `notifications` permission is optional (docs/permissions.md): only the
 * deadline reminders of rights requests use it, so it is asked for from the
 * user's click when they first track a sent request, or when they choose
 * "Allow notifications" on the Requests page. Everything here answers and never
 * throws: a browser without the permissions API, or one that refuses, leaves the
 * reminders in the dashboard.
 */
export const NOTIFICATIONS = { permissions: ['notifications'] };

/** Set in `storage.local` once the user has refused, so tracking another request does not ask again. */
export const REFUSED_KEY = 'reminders.notificationsRefused';

type PermissionsApi = {
  contains: (p: typeof NOTIFICATIONS) => Promise<boolean>;
  request: (p: typeof NOTIFICATIONS) => Promise<boolean>;
  onAdded?: { addListener: (cb: () => void) => void; removeListener: (cb: () => void) => void };
  onRemoved?: { addListener: (cb: () => void) => void; removeListener: (cb: () => void) => void };
};

const permissionsApi = (): PermissionsApi | undefined => (browser as unknown as { permissions?: PermissionsApi }).permissions;

/** Whether the extension may show notifications now. */
export async function notificationsAllowed(): Promise<boolean> {
  try {
    return (await permissionsApi()?.contains(NOTIFICATIONS)) === true;
  } catch {
    return false;
  }
}

/** Where the permission stands, for the Requests page. */
export async function readNotificationsState(): Promise<NotificationsState> {
  if (!permissionsApi()) return 'unavailable';
  if (await notificationsAllowed()) return 'granted';
  const stored = await browser.storage.local.get(REFUSED_KEY).catch(() => ({}) as Record<string, unknown>);
  return stored[REFUSED_KEY] ? 'refused' : 'notAsked';
}

/**
 * Asks the browser for the permission. Call it synchronously from a click
 * handler, before anything is awaited: browsers allow the prompt only in
 * answer to the user's gesture. Resolves to whether it was granted; a refusal
 * is remembered, a grant forgets an earlier refusal.
 */
export function requestNotifications(): Promise<boolean> {
  const api = permissionsApi();
  if (!api) return Promise.resolve(false);
  let asked: Promise<boolean>;
  try {
    asked = api.request(NOTIFICATIONS);
  } catch (error) {
    asked = Promise.reject(error);
  }
  return asked.then(
    async (granted) => {
      await (granted ? browser.storage.local.remove(REFUSED_KEY) : browser.storage.local.set({ [REFUSED_KEY]: Date.now() })).catch(() => undefined);
      return granted;
    },
    // The browser would not ask (no user gesture, not declared): the user refused nothing.
    (error: unknown) => {
      console.info('Privacy Ledger: notifications not requested', error);
      return false;
    },
  );
}

/** Calls `onChange` when the permission is granted or withdrawn (also from the browser's settings); returns the unsubscribe. */
export function watchNotificationsPermission(onChange: () => void): () => void {
  const api = permissionsApi();
  try {
    api?.onAdded?.addListener(onChange);
    api?.onRemoved?.addListener(onChange);
  } catch {
    return () => undefined;
  }
  return () => {
    api?.onAdded?.removeListener(onChange);
    api?.onRemoved?.removeListener(onChange);
  };
}
