import { browser } from 'wxt/browser';
import type { ConsentOutcome } from '../../core/consent/record';

const BADGES: Record<ConsentOutcome, { text: string; color: string }> = {
  respected: { text: '✓', color: '#0f6b55' },
  notRespected: { text: '!', color: '#b3261e' },
  unverified: { text: '?', color: '#6b7280' },
  leftAlone: { text: '', color: '#6b7280' },
  failed: { text: '×', color: '#9a5b00' },
  working: { text: '…', color: '#6b7280' },
};

/** The toolbar badge of a tab says the consent outcome at a glance. */
export async function showOutcome(tabId: number, outcome: ConsentOutcome | null): Promise<void> {
  const action = (browser as unknown as { action?: typeof browser.browserAction }).action ?? browser.browserAction;
  if (!action) return;
  const badge = outcome ? BADGES[outcome] : { text: '', color: '#6b7280' };
  try {
    await action.setBadgeText({ tabId, text: badge.text });
    if (badge.text) await action.setBadgeBackgroundColor({ tabId, color: badge.color });
  } catch {
    // The tab closed meanwhile.
  }
}
