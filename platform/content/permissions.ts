import { CHANNEL_ASK, CHANNEL_OFFER, channelName, parseSignal } from '../../core/ledger/permissionSignal';
import type { PageConfig } from '../../core/messaging/protocol';
import { send } from '../messaging/contentClient';

/** A page cannot make us send more than this many reports. */
const MAX_REPORTS = 20;

/**
 * The content script's end of the line to the main-world permission watcher
 * (platform/content/permissionPrompts.ts). Opens the private channel now, at
 * document_start, and forwards each distinct permission answer as
 * `ledger.permission` where the page is active (asked of the background then).
 */
export function relayPermissionPrompts(page: () => Promise<PageConfig | null>): void {
  const channel = channelName(crypto.getRandomValues(new Uint8Array(16)));
  const offer = () => document.dispatchEvent(new CustomEvent(CHANNEL_OFFER, { detail: channel }));
  const onAsk = () => {
    document.removeEventListener(CHANNEL_ASK, onAsk);
    offer();
  };
  document.addEventListener(CHANNEL_ASK, onAsk);
  offer();
  // Either script may start first, and both run before the page's first
  // script. The watcher asks once more when it has the channel, so the
  // question is answered at most once, and never to the page.

  const sent = new Set<string>();
  document.addEventListener(channel, (event) => {
    const detail = (event as CustomEvent).detail as unknown;
    const parsed = parseSignal(detail);
    if (!parsed || sent.has(detail as string) || sent.size >= MAX_REPORTS) return;
    sent.add(detail as string);
    void page()
      .then((config) => (config?.active ? send('ledger.permission', { url: location.href, ...parsed }) : null))
      .catch(() => undefined);
  });
}
