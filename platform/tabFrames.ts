import { HANDOFF_KEY } from './content/handoff';
import { scripting } from './scripting';

/** Runs in each frame's isolated world: whether the always-on content script started there. */
function frameStartRan(key: string): boolean {
  return Symbol.for(key) in globalThis;
}

/**
 * How many frames of a tab's current page run the content script, asked of the
 * frames themselves when someone wants to know (the popup), so that pages pay
 * nothing for it. 0 when the tab cannot be scripted.
 */
export async function framesSeen(tabId: number): Promise<number> {
  try {
    const results = await scripting().executeScript({ target: { tabId, allFrames: true }, func: frameStartRan, args: [HANDOFF_KEY] });
    return results.filter((frame) => frame.result === true).length;
  } catch {
    return 0;
  }
}
