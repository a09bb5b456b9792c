import { browser } from 'wxt/browser';
import type { Envelope, MessageName, Reply, RequestOf, ResponseOf } from '../../core/messaging/protocol';

export class MessageError extends Error {
  constructor(
    readonly type: MessageName,
    message: string,
  ) {
    super(`${type}: ${message}`);
    this.name = 'MessageError';
  }
}

/** Sends one typed message to the background and unwraps its reply. */
export async function send<K extends MessageName>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope: Envelope<K> = { channel: 'privacy-ledger', type, payload };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<ResponseOf<K>> | undefined;
  if (!reply || typeof reply !== 'object') throw new MessageError(type, 'no reply from the background');
  if (!reply.ok) throw new MessageError(type, reply.error);
  return reply.value;
}
