import type { ConsentRecord } from '../../core/consent/record';
import { sessionGet, sessionSet } from '../sessionStore';

/** The consent record of each tab's current page. */
const key = (tabId: number) => `consent.${tabId}`;

export async function readConsent(tabId: number): Promise<ConsentRecord | null> {
  return (await sessionGet<ConsentRecord>(key(tabId))) ?? null;
}

export function writeConsent(tabId: number, record: ConsentRecord | null): Promise<void> {
  return sessionSet(key(tabId), record ?? undefined);
}
