/**
 * Email addresses in policy text, including the obfuscated forms policies
 * use (`privacy[at]x[dot]com`, `\[at\]` left by Markdown escaping, `(at)`,
 * `(ät)`, `[punkt]`, and `privacy at x dot com` when both words are spelled
 * out). Every quantifier is bounded, so matching stays linear.
 */
import type { Evidence } from '../types';
import { evidence } from '../segment';

export interface EmailHit {
  address: string;
  evidence: Evidence;
}

const LOCAL = "[a-z0-9][a-z0-9._%+'’‐\\\\-]{0,63}";
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const AT_BRACKETED = '\\s?\\\\?[\\[({]\\s?(?:at|ät|@)\\s?\\\\?[\\])}]\\s?';
const DOT_BRACKETED = '\\s?\\\\?[\\[({]\\s?(?:dot|punkt|point|punto)\\s?\\\\?[\\])}]\\s?';
const TLD = '[a-z]{2,24}';

const PLAIN_OR_BRACKETED = new RegExp(
  `(${LOCAL})(?:@|${AT_BRACKETED})(${LABEL}(?:(?:\\.|${DOT_BRACKETED})${LABEL}){0,4})(?:\\.|${DOT_BRACKETED})(${TLD})(?![a-z0-9-])`,
  'giu',
);
const SPELLED = new RegExp(`(${LOCAL}) at (${LABEL}(?: dot ${LABEL}){0,3}) dot (${TLD})(?![a-z0-9])`, 'giu');

function domainOf(raw: string): string {
  return raw.replace(new RegExp(DOT_BRACKETED, 'giu'), '.').replace(/ dot /g, '.');
}

function decodePercent(s: string): string {
  if (!/%[0-9a-f]{2}/i.test(s)) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function clean(local: string, domain: string, tld: string): string {
  const l = decodePercent(local)
    .replace(/\\/g, '')
    .replace(/^[._'’‐-]+|[._'’‐-]+$/g, '')
    .replace(/‐/g, '-')
    .toLowerCase();
  return `${l}@${domainOf(domain).toLowerCase()}.${tld.toLowerCase()}`;
}

/**
 * The addresses glued to the word before them at a line or footnote join ("90datenschutz@…", "lacontact@…"):
 * another address of the same domain ends the local part. Looked up by suffix (a local part has at most 64
 * characters), so many addresses cost linear time, not one comparison per pair.
 */
function gluedAtJoin(all: ReadonlySet<string>): Set<string> {
  const locals = new Map<string, Set<string>>();
  for (const address of all) {
    const [local = '', domain = ''] = address.split('@');
    let set = locals.get(domain);
    if (!set) locals.set(domain, (set = new Set()));
    set.add(local);
  }
  const glued = new Set<string>();
  for (const address of all) {
    const [local = '', domain = ''] = address.split('@');
    if (/^\d{1,3}[a-z]/.test(local)) {
      glued.add(address);
      continue;
    }
    const set = locals.get(domain)!;
    for (let i = 1; i <= local.length - 4; i++) {
      if (set.has(local.slice(i))) {
        glued.add(address);
        break;
      }
    }
  }
  return glued;
}

/** Where an address may be: an @, a bracketed "at", or " at " followed later by " dot ". Scanning only near these keeps long texts fast. */
const ANCHOR = /@|[\[({]\s?(?:at|ät)\s?\\?[\])}]| at (?=[a-z0-9-]{1,63} dot )/gi;

/**
 * At most this many places where an address may be are read (each costs a bounded look around it). A policy
 * names a few dozen addresses; past the cap the rest of the text is not searched for emails, and
 * analysePolicy's warnings say so.
 */
export const MAX_EMAIL_ANCHORS = 10_000;

export interface EmailScan {
  hits: EmailHit[];
  /** True when the text had more than MAX_EMAIL_ANCHORS places to look and the rest were skipped. */
  cut: boolean;
}

const cache = new WeakMap<object, EmailScan>();

/** Emails of a text, and whether the search was cut; pass `key` (e.g. the Doc) to reuse the result across extractors. */
export function scanEmails(text: string, key?: object): EmailScan {
  const cached = key && cache.get(key);
  if (cached) return cached;
  const result = scan(text);
  if (key) cache.set(key, result);
  return result;
}

/** Emails of a text; pass `key` (e.g. the Doc) to reuse the result across extractors. */
export function findEmails(text: string, key?: object): EmailHit[] {
  return scanEmails(text, key).hits;
}

function scan(text: string): EmailScan {
  const hits: EmailHit[] = [];
  const anchors: number[] = [];
  let cut = false;
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m; m = ANCHOR.exec(text)) {
    if (anchors.length === MAX_EMAIL_ANCHORS) {
      cut = true;
      break;
    }
    anchors.push(m.index);
  }
  for (const re of [PLAIN_OR_BRACKETED, SPELLED]) {
    let done = 0;
    for (const anchor of anchors) {
      if (anchor < done) continue;
      // Match inside a bounded window around the anchor, so many anchors without an address stay linear.
      const from = Math.max(done, anchor - 70);
      const window = text.slice(from, anchor + 400);
      re.lastIndex = 0;
      const w = re.exec(window);
      if (!w || from + w.index > anchor) continue;
      const m = Object.assign([...w], { index: from + w.index }) as unknown as RegExpExecArray;
      done = m.index + m[0].length;
      const [whole, local = '', domain = '', tld = ''] = m;
      // Markdown emphasis: `_privacy@zillow.com_` keeps its underscores out of the address.
      let start = m.index;
      while (start < m.index + whole.length && /[_*\\]/.test(text[start]!)) start++;
      const address = clean(local.replace(/^[_*]+/, ''), domain, tld);
      if (!/^[a-z0-9]/.test(address)) continue;
      hits.push({ address, evidence: evidence(text, start, m.index + whole.length) });
    }
  }
  hits.sort((a, b) => a.evidence.start - b.evidence.start);
  const unique = hits.filter((h, i) => i === 0 || h.evidence.start !== hits[i - 1]!.evidence.start);
  const glued = gluedAtJoin(new Set(unique.map((h) => h.address)));
  return { hits: unique.filter((h) => !glued.has(h.address)), cut };
}
