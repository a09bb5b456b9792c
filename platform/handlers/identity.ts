import { browser } from 'wxt/browser';
import { identityState, lockIdentity, protectIdentity, saveIdentity, unlockIdentity, unprotectIdentity } from '../identity/store';
import type { CallerContext, HandlerModule } from '../messaging/router';

/**
 * The identity answers extension pages only. The router already keeps these
 * names out of content scripts' reach; this checks the browser-supplied
 * sender once more, so a routing mistake cannot hand the identity to a page.
 */
function extensionPageOnly(caller: CallerContext): void {
  const origin = browser.runtime.getURL('/');
  if (caller.tabId !== null || !caller.sender.url?.startsWith(origin)) throw new Error('The identity is only given to the extension\'s own pages.');
}

/** A handler that first checks its caller is an extension page. */
const guarded = <P, R>(run: (payload: P) => R) => (payload: P, caller: CallerContext): R => {
  extensionPageOnly(caller);
  return run(payload);
};

export const identityHandlers: HandlerModule = {
  extension: {
    'identity.get': guarded(() => identityState()),
    'identity.save': guarded(({ identity }) => saveIdentity(identity)),
    'identity.protect': guarded(({ passphrase }) => protectIdentity(passphrase)),
    'identity.unlock': guarded(({ passphrase }) => unlockIdentity(passphrase)),
    'identity.lock': guarded(() => lockIdentity()),
    'identity.unprotect': guarded(({ passphrase }) => unprotectIdentity(passphrase)),
  },
};
