import { browser } from 'wxt/browser';
import type { MessageName, RequestOf, ResponseOf } from '../../core/messaging/protocol';
import { sendThrough } from './envelope';

export { MessageError } from './envelope';

/** Sends one typed message to the background and unwraps its reply. */
export function send<K extends MessageName>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  return sendThrough((envelope) => browser.runtime.sendMessage(envelope), type, payload);
}
