import type { PageConfig } from '../../core/messaging/protocol';
import { send } from '../messaging/contentClient';

/**
 * The page's configuration (active or paused, the site's override), asked of
 * the background the first time something here needs it: a banner sign, a
 * form, a permission prompt. A page with none of them never asks, and so never
 * pays for the extension API. Null when the background cannot be reached.
 */
export function pageConfigOnDemand(): () => Promise<PageConfig | null> {
  let asked: Promise<PageConfig | null> | null = null;
  return () => (asked ??= send('page.hello', { url: location.href, top: window === window.top }).catch(() => null));
}
