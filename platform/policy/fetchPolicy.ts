import { siteOf } from '../../core/sites/domain';
import type { PolicyStatus } from '../../core/ledger/records';

/**
 * The one place the extension itself asks the network for something a page
 * did not: a visited site's privacy policy. No cookies, no cache, a size cap
 * and a time limit, and only a URL on the visited site or one its own page
 * linked to.
 */

export interface FetchLimits {
  bytes: number;
  timeoutMs: number;
}

export const FETCH_LIMITS: Readonly<FetchLimits> = { bytes: 2 * 1024 * 1024, timeoutMs: 15_000 };

export type FetchedPolicy =
  | { ok: true; url: string; body: string; contentType: 'html' | 'text' }
  | { ok: false; status: Exclude<PolicyStatus, 'ok' | 'noLink' | 'notAPolicy'>; detail: string };

/** May this URL be fetched for `site`? http(s) only, and on the site itself unless the page offered the link. */
export function mayFetch(url: string, site: string, offeredByPage: boolean): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.username || parsed.password) return false;
  return offeredByPage || siteOf(parsed.href) === site;
}

/** The charset a response declares in its header, else in the document's first bytes, else UTF-8. */
export function charsetOf(contentType: string, head: Uint8Array): string {
  const header = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType)?.[1];
  if (header) return header;
  const start = new TextDecoder('latin1').decode(head.subarray(0, 2048));
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(start)?.[1] ?? 'utf-8';
}

/** The body as text, in the charset the response declares (UTF-8 when it names none the browser knows). */
export function decodeBody(bytes: Uint8Array, contentType: string): string {
  try {
    return new TextDecoder(charsetOf(contentType, bytes)).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Reads the body up to the cap; null when it is larger. */
async function readCapped(response: Response, cap: number): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > cap) return null;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

export async function fetchPolicy(url: string, site: string, offeredByPage: boolean, limits: Readonly<FetchLimits> = FETCH_LIMITS): Promise<FetchedPolicy> {
  if (!mayFetch(url, site, offeredByPage)) return { ok: false, status: 'blocked', detail: `not on ${site}` };
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), limits.timeoutMs);
  try {
    const response = await fetch(url, { credentials: 'omit', redirect: 'follow', cache: 'no-store', signal: abort.signal });
    if (!response.ok) return { ok: false, status: 'notFound', detail: `HTTP ${response.status}` };
    if (!mayFetch(response.url || url, site, offeredByPage)) return { ok: false, status: 'blocked', detail: `redirected off ${site}` };
    const type = (response.headers.get('content-type') ?? '').toLowerCase();
    const kind = /^\s*(text\/html|application\/xhtml\+xml)/.test(type) || type === '' ? 'html' : /^\s*text\/plain/.test(type) ? 'text' : null;
    if (!kind) return { ok: false, status: 'notHtml', detail: type.split(';')[0]!.trim() };
    const bytes = await readCapped(response, limits.bytes);
    if (!bytes) return { ok: false, status: 'tooBig', detail: `over ${limits.bytes} bytes` };
    return { ok: true, url: response.url || url, body: decodeBody(bytes, type), contentType: kind };
  } catch (error) {
    if (abort.signal.aborted) return { ok: false, status: 'timeout', detail: `no answer in ${limits.timeoutMs} ms` };
    return { ok: false, status: 'failed', detail: error instanceof Error ? error.message.slice(0, 200) : 'network error' };
  } finally {
    clearTimeout(timer);
  }
}
