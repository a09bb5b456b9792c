import { scripting } from '../scripting';

/**
 * The consent engine, in two unlisted scripts injected one after the other:
 * autoconsent (entrypoints/autoconsent-lib.ts), then our part
 * (entrypoints/consent-engine.ts). Two injections are two tasks in the page,
 * so the browser never compiles and sets up the whole engine in one.
 */
export const ENGINE_FILES = ['/autoconsent-lib.js', '/consent-engine.js'] as const;

/**
 * Injects the consent engine into one frame, in the content scripts'
 * isolated world, where the always-on script has left it the page's
 * configuration. A frame asks at most once; a second injection starts nothing.
 */
export async function loadEngine(tabId: number, frameId: number): Promise<boolean> {
  try {
    for (const file of ENGINE_FILES) await scripting().executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
    return true;
  } catch (error) {
    console.warn('Privacy Ledger: could not load the consent engine', error);
    return false;
  }
}
