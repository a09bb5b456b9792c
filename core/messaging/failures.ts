/**
 * Failures of a background task that the user can understand and act on.
 * The background names one by its code; the interface words it in the
 * user's language (components/failureText.ts). Anything else is unexpected,
 * and shown as such with its technical detail.
 */
export const FAILURES = [
  'storageFull',
  'identityLocked',
  'identityDamaged',
  'passphraseTooShort',
  'notAWebsite',
  'noPolicyAddress',
  'requestMissing',
  'requestAlreadySent',
  'requestNotSent',
  'noExtension',
  'notByPost',
  'receivedBeforeSent',
  'noPause',
  'notPaused',
  'dayOutOfOrder',
  'dayInFuture',
  'requestNotRunning',
  'deliveryDayFirst',
  'badTransition',
] as const;
export type Failure = (typeof FAILURES)[number];

/** Thrown by the background for a failure in FAILURES; the message is for the console. */
export class KnownFailure extends Error {
  constructor(
    readonly failure: Failure,
    detail?: string,
  ) {
    super(detail ?? failure);
    this.name = 'KnownFailure';
  }
}

export const isFailure = (value: unknown): value is Failure => (FAILURES as readonly unknown[]).includes(value);
