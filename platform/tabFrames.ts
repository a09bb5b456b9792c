import { sessionGet, sessionSet } from './sessionStore';

/** Which frames of each tab's current page have a running content script. */
interface TabFrames {
  /** The top page's URL; null until the top frame has reported. */
  url: string | null;
  frames: number[];
}

const key = (tabId: number) => `tab.${tabId}`;

async function read(tabId: number): Promise<TabFrames | null> {
  return (await sessionGet<TabFrames>(key(tabId))) ?? null;
}

function write(tabId: number, value: TabFrames | null): Promise<void> {
  return sessionSet(key(tabId), value ?? undefined);
}

/** Frames report in concurrently: each tab's read-modify-write waits for the one before. */
const queues = new Map<number, Promise<unknown>>();
function serially<T>(tabId: number, work: () => Promise<T>): Promise<T> {
  const run = (queues.get(tabId) ?? Promise.resolve()).then(work, work);
  queues.set(tabId, run);
  void run.finally(() => queues.get(tabId) === run && queues.delete(tabId));
  return run;
}

/** A frame reported in. A top frame starts a new page and forgets the old one's frames. */
export function noteFrame(tabId: number, frameId: number, top: boolean, url: string): Promise<void> {
  return serially(tabId, async () => {
    const current = await read(tabId);
    if (top) return write(tabId, { url, frames: [frameId] });
    if (!current) return write(tabId, { url: null, frames: [frameId] });
    if (!current.frames.includes(frameId)) await write(tabId, { ...current, frames: [...current.frames, frameId] });
  });
}

export async function framesSeen(tabId: number): Promise<number> {
  return (await read(tabId))?.frames.length ?? 0;
}

export function forgetTab(tabId: number): Promise<void> {
  return serially(tabId, () => write(tabId, null));
}
