import { scripting } from '../scripting';

/**
 * Runs one of the extension's own bundled functions in a frame's main world,
 * where the page's consent manager lives. Never a string of code: `func` is
 * serialised by the browser from the packaged source.
 */
export async function runInFrame<A extends unknown[], R>(
  tabId: number,
  frameId: number,
  func: (...args: A) => R,
  args: A,
): Promise<Awaited<R> | null> {
  try {
    const [first] = await scripting().executeScript({ target: { tabId, frameIds: [frameId] }, world: 'MAIN', func, args });
    return (first?.result ?? null) as Awaited<R> | null;
  } catch (error) {
    console.warn('Privacy Ledger: main-world call failed', func.name, error);
    return null;
  }
}
