import { create } from 'zustand';
import type { IdentityState, UnlockResult } from '../core/messaging/protocol';
import type { Identity } from '../core/settings/schema';
import { send } from '../platform/messaging/client';

/**
 * The identity as the dashboard sees it, through the background (which keeps
 * it sealed or in the settings). Reloaded on demand; never read by the popup.
 */
interface IdentityStore {
  state: IdentityState | null;
  /** Why the identity could not be read (components/failureText.ts words it); null when it could. */
  error: unknown;
  load: () => Promise<void>;
  save: (identity: Identity) => Promise<void>;
  protect: (passphrase: string) => Promise<void>;
  unlock: (passphrase: string) => Promise<UnlockResult>;
  lock: () => Promise<void>;
  unprotect: (passphrase: string) => Promise<UnlockResult>;
}

export const useIdentityStore = create<IdentityStore>((set) => {
  const keep = (state: IdentityState) => set({ state, error: null });
  const keepIfOk = (result: UnlockResult) => {
    if (result.ok) keep(result.state);
    return result;
  };
  return {
    state: null,
    error: null,
    load: async () => {
      try {
        keep(await send('identity.get', {}));
      } catch (error) {
        set({ error });
      }
    },
    save: async (identity) => keep(await send('identity.save', { identity })),
    protect: async (passphrase) => keep(await send('identity.protect', { passphrase })),
    unlock: async (passphrase) => keepIfOk(await send('identity.unlock', { passphrase })),
    lock: async () => keep(await send('identity.lock', {})),
    unprotect: async (passphrase) => keepIfOk(await send('identity.unprotect', { passphrase })),
  };
});
