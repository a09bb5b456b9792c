import { browser } from 'wxt/browser';
import { HANDOFF_KEY } from './content/handoff';

/** Runs in each frame's isolated world: whether the always-on content script started there. */
function frameStartRan(key: string): boolean {
  return Symbol.for(key) in globalThis;
}

type Scripting = { executeScript: (o: unknown) => Promise<{ result?: unknown }[]> };

/**
 * How many frames of a tab's current page run the content script, asked of the
 * frames themselves when someone wants to know (the popup), so that pages pay
 * nothing for it. 0 when the tab cannot be scripted.
 */
export async function framesSeen(tabId: number): Promise<number> {
  const scripting = (browser as unknown as { scripting: Scripting }).scripting;
  try {
    const results = await scripting.executeScript({ target: { tabId, allFrames: true }, func: frameStartRan, args: [HANDOFF_KEY] });
    return results.filter((frame) => frame.result === true).length;
  } catch {
    return 0;
  }
}
