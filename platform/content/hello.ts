import type { PageConfig } from '../../core/messaging/protocol';
import { send } from '../messaging/contentClient';

/** Tells the background this frame is here and learns what to do on the page. */
export function introduceFrame(): Promise<PageConfig> {
  return send('page.hello', { url: location.href, top: window === window.top });
}
