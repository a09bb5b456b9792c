import { CHANNEL_ASK, CHANNEL_OFFER, encodeSignal, type PermissionResult } from '../../core/ledger/permissionSignal';
import type { PermissionKind } from '../../core/ledger/records';

/**
 * Runs in the page's main world at document_start, before any page script.
 * Wraps the APIs that raise permission prompts so that each call is passed
 * through untouched (same `this`, arguments, return value, callbacks and
 * errors) and, once the page learns the answer, signals `permission:result`
 * to the content script over the private channel (core/ledger/permissionSignal.ts).
 * Nothing of the extension is exposed to the page. Everything the watcher uses
 * later is captured now, before the page can replace it.
 *
 * `navigator.permissions.query` only reads a state and raises no prompt, so it
 * is left alone.
 */
export function watchPermissionPrompts(): void {
  const apply = Reflect.apply;
  const defineProperty = Object.defineProperty;
  const describe = Object.getOwnPropertyDescriptor;
  const then = Promise.prototype.then;
  const dispatch = EventTarget.prototype.dispatchEvent;
  const listen = EventTarget.prototype.addEventListener;
  const unlisten = EventTarget.prototype.removeEventListener;
  const NewEvent = CustomEvent;
  const target = document;
  const queued: string[] = [];
  let channel: string | null = null;

  const signal = (permission: PermissionKind, result: PermissionResult): void => {
    const detail = encodeSignal(permission, result);
    if (channel) apply(dispatch, target, [new NewEvent(channel, { detail })]);
    else if (queued.length < 20) queued[queued.length] = detail;
  };
  const onOffer = (event: Event): void => {
    const name = (event as CustomEvent).detail;
    if (channel || typeof name !== 'string') return;
    channel = name;
    apply(unlisten, target, [CHANNEL_OFFER, onOffer]);
    for (const detail of queued) apply(dispatch, target, [new NewEvent(name, { detail })]);
    queued.length = 0;
    // Tells the content script to stop answering: the page must never get the channel.
    apply(dispatch, target, [new NewEvent(CHANNEL_ASK)]);
  };
  apply(listen, target, [CHANNEL_OFFER, onOffer]);
  apply(dispatch, target, [new NewEvent(CHANNEL_ASK)]);

  /** Replaces `holder[key]` with `make(original)`, keeping the property's attributes, name and arity. */
  const wrap = (holder: object | undefined, key: string, make: (original: Function) => Function): void => {
    const descriptor = holder ? describe(holder, key) : undefined;
    if (!holder || !descriptor || typeof descriptor.value !== 'function') return;
    const original = descriptor.value as Function;
    const wrapped = make(original);
    defineProperty(wrapped, 'name', { value: original.name });
    defineProperty(wrapped, 'length', { value: original.length });
    defineProperty(holder, key, { ...descriptor, value: wrapped });
  };
  /** Reports once, however many times it is told. */
  const once = (permission: PermissionKind) => {
    let told = false;
    return (result: PermissionResult) => {
      if (told) return;
      told = true;
      signal(permission, result);
    };
  };
  const errorName = (error: unknown): string => {
    try {
      return String((error as { name?: unknown } | null)?.name ?? '');
    } catch {
      return '';
    }
  };
  /** Answers of the promise-based APIs: a refusal is NotAllowedError; any other failure says nothing about the user. */
  const settle = (promise: unknown, tell: (result: PermissionResult) => void): void => {
    if (!promise || typeof (promise as { then?: unknown }).then !== 'function') return;
    // Handles the rejection on our branch only; the page's own handlers see the same promise as before.
    apply(then, promise, [() => tell('granted'), (error: unknown) => tell(errorName(error) === 'NotAllowedError' || errorName(error) === 'SecurityError' ? 'denied' : 'unknown')]);
  };

  const geolocation = (original: Function) => function (this: unknown, ...args: unknown[]) {
    const [success, failure] = args;
    const failureOk = failure === undefined || failure === null || typeof failure === 'function';
    if (typeof success !== 'function' || !failureOk) return apply(original, this, args);
    const tell = once('geolocation');
    const onSuccess = function (this: unknown, ...results: unknown[]) {
      tell('granted');
      return apply(success, this, results);
    };
    const onFailure = function (this: unknown, ...results: unknown[]) {
      let code: unknown;
      try {
        code = (results[0] as { code?: unknown } | null)?.code;
      } catch {
        code = undefined;
      }
      // 1 is PERMISSION_DENIED, refused or dismissed alike; 2 and 3 (unavailable, timeout) come after permission was given.
      tell(code === 1 ? 'denied' : code === 2 || code === 3 ? 'granted' : 'unknown');
      if (typeof failure === 'function') return apply(failure, this, results);
      return undefined;
    };
    return apply(original, this, [onSuccess, onFailure, ...args.slice(2)]);
  };
  const geo = typeof Geolocation === 'function' ? Geolocation.prototype : undefined;
  wrap(geo, 'getCurrentPosition', geolocation);
  wrap(geo, 'watchPosition', geolocation);

  if (typeof Notification === 'function') {
    wrap(Notification, 'requestPermission', (original) => function (this: unknown, ...args: unknown[]) {
      const tell = once('notifications');
      const answer = (value: unknown) => tell(value === 'granted' ? 'granted' : value === 'denied' ? 'denied' : 'dismissed');
      const callback = args[0];
      if (typeof callback === 'function') {
        args[0] = function (this: unknown, ...results: unknown[]) {
          answer(results[0]);
          return apply(callback, this, results);
        };
      }
      const result: unknown = apply(original, this, args);
      if (result && typeof (result as { then?: unknown }).then === 'function') apply(then, result, [answer, () => undefined]);
      return result;
    });
  }

  if (typeof MediaDevices === 'function') {
    wrap(MediaDevices.prototype, 'getUserMedia', (original) => function (this: unknown, ...args: unknown[]) {
      const result: unknown = apply(original, this, args);
      let video = false;
      let audio = false;
      try {
        const constraints = args[0] as { video?: unknown; audio?: unknown } | null | undefined;
        video = Boolean(constraints?.video);
        audio = Boolean(constraints?.audio);
      } catch {
        // A hostile getter: nothing to learn.
      }
      if (video) settle(result, once('camera'));
      if (audio) settle(result, once('microphone'));
      return result;
    });
  }

  if (typeof Clipboard === 'function') {
    for (const key of ['readText', 'read']) {
      wrap(Clipboard.prototype, key, (original) => function (this: unknown, ...args: unknown[]) {
        const result: unknown = apply(original, this, args);
        settle(result, once('clipboardRead'));
        return result;
      });
    }
  }
}
