import AutoConsent from '@duckduckgo/autoconsent';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { leaveAutoConsent } from '../platform/content/autoconsentSlot';

// Injected by the background (platform/consent/engineLoader.ts) just before the
// consent engine, in a task of its own: autoconsent's class, for the engine.
export default defineUnlistedScript(() => leaveAutoConsent(AutoConsent));
