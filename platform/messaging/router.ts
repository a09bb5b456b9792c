import { KnownFailure } from '../../core/messaging/failures';
import { isQuotaError } from '../storageHealth';
import type { Runtime } from 'webextension-polyfill';
import type { z } from 'zod';
import type {
  ContentMessageName,
  ContentMessages,
  ExtensionMessageName,
  ExtensionMessages,
  Reply,
} from '../../core/messaging/protocol';

type Sender = Runtime.MessageSender;

/** Who sent a message, as far as the browser vouches for it. */
export interface CallerContext {
  sender: Sender;
  /** Set for content scripts: the tab and frame the message came from. */
  tabId: number | null;
  frameId: number | null;
}

type Handler<M, K extends keyof M> = M[K] extends { request: infer Q; response: infer R }
  ? (payload: Q, caller: CallerContext) => Promise<R> | R
  : never;

export type ContentHandlers = { [K in ContentMessageName]?: Handler<ContentMessages, K> };
export type ExtensionHandlers = { [K in ExtensionMessageName]?: Handler<ExtensionMessages, K> };

/** One domain's handlers: one file per domain registers these. */
export interface HandlerModule {
  content?: ContentHandlers;
  extension?: ExtensionHandlers;
}

export interface RouterOptions {
  extensionId: string;
  /** The extension's own origin with a trailing slash (`runtime.getURL('')`). */
  extensionOrigin: string;
  modules: HandlerModule[];
  contentSchemas: Record<ContentMessageName, z.ZodType>;
  extensionSchemas: Record<ExtensionMessageName, z.ZodType>;
  /** Told about every refused message; the default logs a warning. */
  onReject?: (reason: string, message: unknown, sender: Sender | undefined) => void;
}

/**
 * Refuse web pages' payloads bigger than this before parsing them. Extension
 * pages may send more (an imported ledger file); their schemas bound every field.
 */
export const MAX_MESSAGE_CHARS = 2_100_000;

/**
 * Which handlers the sender may use. A content script must come with the
 * browser-supplied tab and frame URL: handlers take the page's site from that
 * URL, never from the payload. A missing sender is nobody.
 */
function callerKind(sender: Sender | undefined, options: RouterOptions): 'extension' | 'content' | null {
  if (typeof sender !== 'object' || sender === null || sender.id !== options.extensionId) return null;
  const url = typeof sender.url === 'string' ? sender.url : '';
  if (url.startsWith(options.extensionOrigin)) return 'extension';
  if (typeof sender.tab?.id === 'number' && url !== '') return 'content';
  return null;
}

/**
 * Builds the background's single `runtime.onMessage` listener. Each message is
 * looked up only among the handlers its caller may use, its payload parsed with
 * that message's schema, and the reply always wrapped as `Reply`.
 */
export function createRouter(options: RouterOptions) {
  const content = Object.assign({}, ...options.modules.map((m) => m.content ?? {})) as Record<string, Function>;
  const extension = Object.assign({}, ...options.modules.map((m) => m.extension ?? {})) as Record<string, Function>;
  const reject =
    options.onReject ?? ((reason: string, _m: unknown, sender: Sender | undefined) => console.warn(`Privacy Ledger refused a message (${reason}) from`, sender?.url ?? 'no sender'));

  async function handle(message: unknown, sender: Sender): Promise<Reply<unknown> | undefined> {
    if (typeof message !== 'object' || message === null || (message as { channel?: unknown }).channel !== 'privacy-ledger') {
      return undefined; // not ours: let other listeners answer
    }
    const { type, payload } = message as { type?: unknown; payload?: unknown };
    const kind = callerKind(sender, options);
    const refuse = (reason: string): Reply<unknown> => {
      reject(reason, message, sender);
      return { ok: false, error: reason };
    };
    if (!kind) return refuse('unknown sender');
    if (typeof type !== 'string') return refuse('no message type');
    const handlers = kind === 'extension' ? extension : content;
    const schemas: Record<string, z.ZodType> = kind === 'extension' ? options.extensionSchemas : options.contentSchemas;
    const handler = Object.hasOwn(handlers, type) ? handlers[type] : undefined;
    const schema = Object.hasOwn(schemas, type) ? schemas[type] : undefined;
    if (!handler || !schema) return refuse(`${type} is not accepted from ${kind === 'extension' ? 'extension pages' : 'web pages'}`);
    if (kind === 'content') {
      let size: number;
      try {
        size = JSON.stringify(payload ?? null).length;
      } catch {
        return refuse('payload is not serialisable');
      }
      if (size > MAX_MESSAGE_CHARS) return refuse('payload too large');
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return refuse(`invalid payload for ${type}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(payload)'} ${i.message}`).join('; ')}`);
    const caller: CallerContext = {
      sender,
      tabId: kind === 'content' ? (sender.tab?.id ?? null) : null,
      frameId: kind === 'content' ? (sender.frameId ?? null) : null,
    };
    try {
      return { ok: true, value: await handler(parsed.data, caller) };
    } catch (error) {
      console.error(`Privacy Ledger: ${type} failed`, error);
      const failure = error instanceof KnownFailure ? error.failure : isQuotaError(error) ? 'storageFull' : undefined;
      return { ok: false, error: error instanceof Error ? error.message : String(error), ...(failure ? { failure } : {}) };
    }
  }

  // Real browsers accept a returned Promise; some test doubles only deliver
  // through sendResponse. Answer through sendResponse when given one.
  return (message: unknown, sender: Sender, sendResponse?: (reply: unknown) => void): true | Promise<unknown> | undefined => {
    if ((message as { channel?: unknown } | null)?.channel !== 'privacy-ledger') return undefined;
    const reply = handle(message, sender);
    if (typeof sendResponse === 'function') {
      void reply.then(sendResponse);
      return true;
    }
    return reply;
  };
}
