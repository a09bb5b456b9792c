import { scripting } from '../scripting';

/** The consent engine's bundle (entrypoints/consent-engine.ts), built as an unlisted script. */
const ENGINE_FILE = '/consent-engine.js';

/**
 * Injects the consent engine into one frame, in the content scripts'
 * isolated world, where the always-on script has left it the page's
 * configuration. A frame asks at most once; a second injection starts nothing.
 */
export async function loadEngine(tabId: number, frameId: number): Promise<boolean> {
  try {
    await scripting().executeScript({ target: { tabId, frameIds: [frameId] }, files: [ENGINE_FILE] });
    return true;
  } catch (error) {
    console.warn('Privacy Ledger: could not load the consent engine', error);
    return false;
  }
}
