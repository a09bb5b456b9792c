import type { ContentMessageName, RequestOf, ResponseOf } from '../../core/messaging/protocol';
import { sendThrough } from './envelope';

/**
 * `send` for content scripts, without webextension-polyfill: they run in
 * every frame of every page, and the polyfill's set-up alone is a measurable
 * share of what they cost a page. Only `runtime.sendMessage` is used, which
 * returns a promise both in Firefox (`browser`) and in Chromium's MV3 (`chrome`).
 */
type Runtime = { sendMessage: (message: unknown) => Promise<unknown> };
type Namespace = { runtime?: Runtime } | undefined;

function runtime(): Runtime {
  const scope = globalThis as unknown as { browser?: Namespace; chrome?: Namespace };
  const found = scope.browser?.runtime ?? scope.chrome?.runtime;
  if (!found) throw new Error('Privacy Ledger: no extension runtime here');
  return found;
}

export function send<K extends ContentMessageName>(type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  return sendThrough((envelope) => runtime().sendMessage(envelope), type, payload);
}
