/**
 * Ranking a page's links to find its privacy policy. Signals, strongest
 * first: rel="privacy-policy" (RFC 6903), the link's words (text,
 * aria-label, title) against the lexicons of ten languages, the URL slug,
 * and where the link sits (footer over navigation). Cookie policies are kept
 * as a second kind; terms, imprints and "Chính sách bảo mật thanh toán"
 * (payment security) count against a link.
 */
import lexicon from './lexicon/links.json';
import { foldDiacritics } from './normalise';
import type { LinkCandidate, LinkRegion, RankedLink, RankedLinkKind } from './types';

type Lists = { privacy: string[]; cookie: string[]; negative: string[] };
const LANGS = Object.entries(lexicon as Record<string, Lists>).filter(([k]) => k !== 'slugs');
const fold = (s: string) => foldDiacritics(s).replace(/[\s\-_/.,:;!?()[\]"'’“”|]+/g, ' ').trim();

function collect(kind: keyof Lists): string[] {
  return [...new Set(LANGS.flatMap(([, l]) => l[kind].map(fold)))];
}
// Vietnamese words lose their tones when folded, so the raw (lower-cased) forms are matched too.
const RAW_NEGATIVE = LANGS.flatMap(([, l]) => l.negative.map((t) => t.toLowerCase()));
const PRIVACY = collect('privacy');
const COOKIE = collect('cookie');
const NEGATIVE = collect('negative');
const SLUGS = (lexicon as unknown as { slugs: Lists }).slugs;

/** At most this many of a page's links are ranked (the page scan sends at most 400). */
export const MAX_LINK_CANDIDATES = 5000;
/** Longer links are not read: no policy URL is this long, and each costs a URL parse and a decode. */
export const MAX_LINK_HREF_CHARS = 8192;

const REGION_BONUS: Record<LinkRegion, number> = { footer: 12, nav: 6, header: 3, main: 2, other: 0 };

/** Word-bounded phrase test on folded text. */
function contains(haystack: string, phrase: string): boolean {
  if (!phrase) return false;
  const i = ` ${haystack} `.indexOf(` ${phrase} `);
  if (i >= 0) return true;
  // German compounds: "datenschutzerklärung" contains "datenschutz".
  return phrase.length >= 8 && haystack.includes(phrase);
}

/** Percent-decoding that keeps a malformed sequence ("/%E0%A4%A") as it is: a page's broken link must not stop the ranking. */
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function resolve(href: string, pageUrl: string): string | null {
  try {
    const u = new URL(href, pageUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    // A link with a user name or password is never fetched (fetchPolicy refuses it): ranking it would spend a try.
    if (u.username || u.password) return null;
    return u.href;
  } catch {
    return null;
  }
}

function scoreOne(c: LinkCandidate, url: URL, page: URL): { score: number; kind: RankedLinkKind; reasons: string[] } {
  const reasons: string[] = [];
  let score = 0;
  let kind: RankedLinkKind = 'other';
  const rawWords = [c.text, c.ariaLabel ?? '', c.title ?? ''].join(' ').toLowerCase().slice(0, 300);
  const words = fold(rawWords);
  const slug = fold(safeDecode(url.pathname + url.hash).replace(/\.[a-z]{2,5}$/, ''));
  if (c.rel && /(^|\s)privacy-policy(\s|$)/i.test(c.rel)) {
    score += 150;
    kind = 'privacy';
    reasons.push('rel=privacy-policy');
  }
  const privacyWord = PRIVACY.filter((p) => contains(words, p)).sort((a, b) => b.length - a.length)[0];
  const cookieWord = COOKIE.find((p) => contains(words, p));
  if (privacyWord) {
    score += 50 + (words === privacyWord ? 10 : 0);
    kind = 'privacy';
    reasons.push(`text "${privacyWord}"`);
  } else if (cookieWord) {
    score += 25;
    if (kind === 'other') kind = 'cookie';
    reasons.push(`cookie text "${cookieWord}"`);
  }
  const slugWords = ` ${slug} `;
  const privacySlug = SLUGS.privacy.find((s) => slugWords.includes(` ${fold(s)} `) || slug.endsWith(fold(s)));
  if (privacySlug) {
    score += 30;
    if (kind === 'other') kind = 'privacy';
    reasons.push(`slug "${privacySlug}"`);
  } else if (SLUGS.cookie.some((s) => slugWords.includes(` ${fold(s)} `))) {
    score += 12;
    if (kind === 'other') kind = 'cookie';
    reasons.push('cookie slug');
  }
  const negative =
    NEGATIVE.find((n) => contains(words, n)) ??
    RAW_NEGATIVE.find((n) => rawWords.includes(n)) ??
    SLUGS.negative.find((s) => slugWords.includes(` ${fold(s)} `));
  if (negative) {
    score -= 70;
    // A payment-security or terms page is never taken for the policy, even when it says "bảo mật".
    kind = 'other';
    reasons.push(`against: "${negative}"`);
  }
  if (score > 0) {
    score += REGION_BONUS[c.region];
    if (c.region !== 'other') reasons.push(c.region);
    if (url.hostname !== page.hostname && !url.hostname.endsWith(`.${page.hostname.replace(/^www\./, '')}`)) score -= 5;
  }
  return { score, kind, reasons };
}

export function rankPolicyLinks(candidates: readonly LinkCandidate[], pageUrl: string): RankedLink[] {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return [];
  }
  const best = new Map<string, RankedLink>();
  for (const c of candidates.slice(0, MAX_LINK_CANDIDATES)) {
    if (c.href.length > MAX_LINK_HREF_CHARS) continue;
    const href = resolve(c.href, pageUrl);
    if (!href) continue;
    const url = new URL(href);
    // A link to the same page's fragment is not another document.
    if (url.href.split('#')[0] === page.href.split('#')[0] && url.hash) continue;
    const { score, kind, reasons } = scoreOne(c, url, page);
    if (score <= 0) continue;
    const prev = best.get(href);
    if (!prev || prev.score < score) best.set(href, { href, score, reason: reasons.join(', '), kind });
  }
  const order: Record<RankedLinkKind, number> = { privacy: 0, cookie: 1, other: 2 };
  return [...best.values()].sort((a, b) => order[a.kind] - order[b.kind] || b.score - a.score || a.href.localeCompare(b.href));
}
