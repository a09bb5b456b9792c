import { isFailure, type Failure } from '../../core/messaging/failures';
import type { Envelope, MessageName, Reply, RequestOf, ResponseOf } from '../../core/messaging/protocol';

export class MessageError extends Error {
  constructor(
    readonly type: MessageName,
    message: string,
    /** What went wrong, when the background could name it for the user. */
    readonly failure?: Failure,
  ) {
    super(`${type}: ${message}`);
    this.name = 'MessageError';
  }
}

/** Sends one typed message with the given runtime's `sendMessage` and unwraps the background's reply. */
export async function sendThrough<K extends MessageName>(
  sendMessage: (envelope: unknown) => Promise<unknown>,
  type: K,
  payload: RequestOf<K>,
): Promise<ResponseOf<K>> {
  const envelope: Envelope<K> = { channel: 'privacy-ledger', type, payload };
  const reply = (await sendMessage(envelope)) as Reply<ResponseOf<K>> | undefined;
  if (!reply || typeof reply !== 'object') throw new MessageError(type, 'no reply from the background');
  if (!reply.ok) throw new MessageError(type, reply.error, isFailure(reply.failure) ? reply.failure : undefined);
  return reply.value;
}
