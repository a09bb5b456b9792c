import { browser } from 'wxt/browser';
import { gpcExemptSites } from '../../core/gpc/exempt';
import type { Settings } from '../../core/settings/schema';

const RULE_ID = 1;
const SCRIPT_ID = 'gpc';
const ALL_TYPES = ['main_frame', 'sub_frame', 'stylesheet', 'script', 'image', 'font', 'object', 'xmlhttprequest', 'ping', 'media', 'websocket', 'other'];

interface Dnr {
  updateDynamicRules: (o: { removeRuleIds: number[]; addRules: unknown[] }) => Promise<void>;
}
interface Scripting {
  registerContentScripts: (s: unknown[]) => Promise<void>;
  unregisterContentScripts: (f?: { ids: string[] }) => Promise<void>;
  getRegisteredContentScripts: (f?: { ids: string[] }) => Promise<unknown[]>;
}

/**
 * Global Privacy Control: `Sec-GPC: 1` on every request through a
 * declarativeNetRequest rule, and `navigator.globalPrivacyControl` from a
 * main-world script at document_start; neither on exempt sites.
 */
export async function applyGpc(settings: Settings): Promise<void> {
  const exempt = gpcExemptSites(settings);
  const api = browser as unknown as { declarativeNetRequest?: Dnr; scripting?: Scripting };
  if (api.declarativeNetRequest) {
    await api.declarativeNetRequest.updateDynamicRules({
      removeRuleIds: [RULE_ID],
      addRules: exempt
        ? [{
            id: RULE_ID,
            priority: 1,
            action: { type: 'modifyHeaders', requestHeaders: [{ header: 'Sec-GPC', operation: 'set', value: '1' }] },
            condition: { resourceTypes: ALL_TYPES, ...(exempt.length ? { excludedInitiatorDomains: exempt, excludedRequestDomains: exempt } : {}) },
          }]
        : [],
    });
  }
  if (!api.scripting?.registerContentScripts) return;
  const registered = await api.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }).catch(() => []);
  if (registered.length) await api.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (!exempt) return;
  const excludeMatches = exempt.flatMap((site) => [`*://${site}/*`, `*://*.${site}/*`]);
  try {
    await api.scripting.registerContentScripts([{
      id: SCRIPT_ID, js: ['gpc.js'], matches: ['http://*/*', 'https://*/*'], excludeMatches,
      runAt: 'document_start', allFrames: true, world: 'MAIN', persistAcrossSessions: true,
    }]);
  } catch (error) {
    // Browsers without main-world registration (Firefox MV2) still get the header; Firefox can also send GPC itself.
    console.warn('Privacy Ledger: navigator.globalPrivacyControl not available here', error);
  }
}
