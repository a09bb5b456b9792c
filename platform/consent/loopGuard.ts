import { sessionGet, sessionSet } from '../sessionStore';

/**
 * A site whose banner comes back in the same tab after being answered (a
 * reload loop, a CMP that forgets) is answered once, then left alone for the
 * rest of the browser session, and the user is told: at most one reload per
 * site and tab, never a loop of answers and reloads. "Answer again" in the
 * popup starts the tab afresh; so does a new tab, which is a new visit.
 */
export const MAX_ANSWERS = 1;

const key = (tabId: number, site: string) => `answers.${tabId}.${site}`;

/** Notes an answer about to be given; false when the site has had its share in this tab. */
export async function mayAnswer(tabId: number, site: string, now = Date.now()): Promise<boolean> {
  const k = key(tabId, site);
  const before = (await sessionGet<number[]>(k)) ?? [];
  if (before.length >= MAX_ANSWERS) return false;
  await sessionSet(k, [...before, now]);
  return true;
}

/** The user asked to answer again: the tab starts afresh. */
export function resetGuard(tabId: number, site: string): Promise<void> {
  return sessionSet(key(tabId, site), undefined);
}
