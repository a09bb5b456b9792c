/**
 * Reading a policy for `npm run analyze-policy`: a local file (.md/.txt as
 * text, .html/.htm as HTML) or an http(s) URL fetched with Node's fetch.
 * Every failure is a PolicyInputError with a message a person can act on.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { AnalyseInput } from '../../core/policy/types';

export class PolicyInputError extends Error {}

/** Policy files and pages above this size are refused rather than read. */
export const MAX_POLICY_BYTES = 5 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 20_000;

/** Binary data: NUL bytes, or many bytes that are not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let odd = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) odd++;
  }
  return sample.length > 0 && odd / sample.length > 0.1;
}

function decode(bytes: Uint8Array, what: string): string {
  if (looksBinary(bytes)) throw new PolicyInputError(`${what} is not text (it looks like binary data). Give a .md, .txt or .html file, or a web page.`);
  return new TextDecoder('utf-8').decode(bytes);
}

export async function readPolicyFile(path: string): Promise<AnalyseInput> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new PolicyInputError(`No such file: ${path}`);
  }
  if (!info.isFile()) throw new PolicyInputError(`Not a file: ${path}`);
  if (info.size > MAX_POLICY_BYTES) throw new PolicyInputError(`${path} is ${info.size} bytes; the limit is ${MAX_POLICY_BYTES}.`);
  const text = decode(await readFile(path), path);
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return { html: text, url: null };
  if (ext === '.md' || ext === '.markdown' || ext === '.txt' || ext === '') return { text, url: null };
  // Unknown extension: trust the content.
  return /^\s*<(?:!doctype|html|head|body)/i.test(text) ? { html: text, url: null } : { text, url: null };
}

export async function fetchPolicy(url: string, fetchImpl: typeof fetch = fetch): Promise<AnalyseInput> {
  let response: Response;
  try {
    response = await fetchImpl(url, { redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'text/html,text/plain;q=0.9,*/*;q=0.1' } });
  } catch (e) {
    throw new PolicyInputError(`Could not fetch ${url}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!response.ok) throw new PolicyInputError(`Could not fetch ${url}: HTTP ${response.status} ${response.statusText}`.trim());
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType && !/^(text\/|application\/(xhtml\+xml|xml))/i.test(contentType)) {
    throw new PolicyInputError(`${url} is ${contentType.split(';')[0]}, not a text or HTML page.`);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length > MAX_POLICY_BYTES) throw new PolicyInputError(`${url} is ${bytes.length} bytes; the limit is ${MAX_POLICY_BYTES}.`);
  const body = decode(bytes, url);
  const finalUrl = response.url || url;
  return /html|xml/i.test(contentType) || (!contentType && /^\s*</.test(body)) ? { html: body, url: finalUrl, contentType } : { text: body, url: finalUrl, contentType };
}

export async function loadPolicyInput(arg: string, fetchImpl?: typeof fetch): Promise<AnalyseInput> {
  if (/^https?:\/\//i.test(arg)) return fetchPolicy(arg, fetchImpl);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) throw new PolicyInputError(`Only http and https URLs can be fetched: ${arg}`);
  return readPolicyFile(arg);
}
