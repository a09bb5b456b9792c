import { PERMISSION_KINDS, type PermissionKind } from './records';
import type { PermissionReport } from '../messaging/protocol';

/**
 * The private line between the main-world permission watcher and the
 * content script. At document_start, before any page script can listen, the
 * content script offers a random event name (`OFFER`); the watcher asks for
 * it (`ASK`) in case it started second. Both stop listening after the first
 * exchange. Signals then travel as events of that name with a string detail
 * `permission:result`, parsed strictly: a page that still guesses the name
 * can only lie about itself.
 */
export const CHANNEL_OFFER = 'privacy-ledger:permissions-offer';
export const CHANNEL_ASK = 'privacy-ledger:permissions-ask';

export type PermissionResult = PermissionReport['result'];
const RESULTS: readonly PermissionResult[] = ['granted', 'denied', 'dismissed', 'unknown'];

export function encodeSignal(permission: PermissionKind, result: PermissionResult): string {
  return `${permission}:${result}`;
}

export function parseSignal(detail: unknown): { permission: PermissionKind; result: PermissionResult } | null {
  if (typeof detail !== 'string' || detail.length > 40) return null;
  const [permission, result, extra] = detail.split(':');
  if (extra !== undefined) return null;
  const kind = PERMISSION_KINDS.find((k) => k === permission);
  const answer = RESULTS.find((r) => r === result);
  return kind && answer ? { permission: kind, result: answer } : null;
}

/** A channel name no page can guess: 128 random bits. */
export function channelName(random: Uint8Array): string {
  return `privacy-ledger:${Array.from(random, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
