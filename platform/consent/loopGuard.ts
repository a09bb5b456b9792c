import { sessionGet, sessionSet } from '../sessionStore';

/**
 * A site whose banner comes back in the same tab right after being answered
 * (a reload loop, a CMP that forgets) is answered once again at most, then
 * left alone: never an endless loop of answers and reloads. A new tab is a
 * new visit and starts afresh.
 */
export const LOOP_WINDOW_MS = 60_000;
export const MAX_ANSWERS_IN_WINDOW = 2;

const key = (tabId: number, site: string) => `answers.${tabId}.${site}`;

/** Notes an answer about to be given; false when the site has had its share. */
export async function mayAnswer(tabId: number, site: string, now = Date.now()): Promise<boolean> {
  const k = key(tabId, site);
  const before = (await sessionGet<number[]>(k)) ?? [];
  const recent = before.filter((at) => now - at < LOOP_WINDOW_MS);
  if (recent.length >= MAX_ANSWERS_IN_WINDOW) return false;
  await sessionSet(k, [...recent, now]);
  return true;
}

/** The user asked to answer again: the tab starts afresh. */
export function resetGuard(tabId: number, site: string): Promise<void> {
  return sessionSet(key(tabId, site), undefined);
}
