import type { Failure } from '../core/messaging/failures';
import type { MessageKey, Translate } from '../core/i18n/translate';

const WORDS: Record<Failure, MessageKey> = {
  storageFull: 'failure.storageFull',
  identityLocked: 'failure.identityLocked',
  identityDamaged: 'failure.identityDamaged',
  passphraseTooShort: 'failure.passphraseTooShort',
  notAWebsite: 'failure.notAWebsite',
  noPolicyAddress: 'failure.noPolicyAddress',
  requestMissing: 'failure.requestMissing',
  requestAlreadySent: 'failure.requestAlreadySent',
  requestNotSent: 'failure.requestNotSent',
  noExtension: 'failure.noExtension',
  notByPost: 'failure.notByPost',
  receivedBeforeSent: 'failure.receivedBeforeSent',
  noPause: 'failure.noPause',
  notPaused: 'failure.notPaused',
  dayOutOfOrder: 'failure.dayOutOfOrder',
  dayInFuture: 'failure.dayInFuture',
  requestNotRunning: 'failure.requestNotRunning',
  deliveryDayFirst: 'failure.deliveryDayFirst',
  badTransition: 'failure.badTransition',
};

/**
 * What went wrong, for the sentence that frames it ("Not saved: …"): a
 * failure the background named (core/messaging/failures.ts) in the user's
 * language, anything else as its technical detail, without the name of the
 * message that carried it.
 */
export function failureText(t: Translate, error: unknown): string {
  const { failure, type } = (typeof error === 'object' && error !== null ? error : {}) as { failure?: unknown; type?: unknown };
  if (typeof failure === 'string' && Object.hasOwn(WORDS, failure)) return t(WORDS[failure as Failure]);
  const message = error instanceof Error ? error.message : String(error);
  return typeof type === 'string' && message.startsWith(`${type}: `) ? message.slice(type.length + 2) : message;
}

