import { z } from 'zod';
import type { LinkCandidate } from '../../core/policy/types';

/** What the page gives the policy finder: its links that may lead to a policy, and enough of itself to tell whether it is one. */
export interface PageScan {
  url: string;
  title: string | null;
  lang: string | null;
  /** The start of the page's visible text, for `isLikelyPolicyPage`. */
  text: string;
  links: LinkCandidate[];
}

export const SCAN_LIMITS = { links: 400, text: 20_000, label: 300, href: 2048 } as const;

/**
 * Runs in the page (isolated world) through `scripting.executeScript({ func })`,
 * so it is self-contained: no imports, no closures; the browser serialises it.
 * Links in the footer come first, since that is where policies are linked,
 * then navigation, then the rest, up to the limits.
 */
export function scanPageForPolicyLinks(limits: typeof SCAN_LIMITS): PageScan {
  const clip = (s: string | null | undefined, n: number) => (s == null ? null : s.replace(/\s+/g, ' ').trim().slice(0, n));
  const regionOf = (el: Element): LinkCandidate['region'] => {
    if (el.closest('footer, [role="contentinfo"]')) return 'footer';
    if (el.closest('nav, [role="navigation"]')) return 'nav';
    if (el.closest('header, [role="banner"]')) return 'header';
    if (el.closest('main, [role="main"], article')) return 'main';
    return 'other';
  };
  const order = { footer: 0, nav: 1, header: 2, main: 3, other: 4 } as const;
  const found: (LinkCandidate & { at: number })[] = [];
  const seen = new Set<string>();
  const anchors = Array.from(document.querySelectorAll('a[href], link[rel~="privacy-policy"][href], area[href]'));
  anchors.forEach((el, at) => {
    const raw = el.getAttribute('href') ?? '';
    let href: string;
    try {
      href = new URL(raw, document.baseURI).href;
    } catch {
      return;
    }
    if (!/^https?:/i.test(href) || href.length > limits.href) return;
    const text = clip((el as HTMLElement).innerText ?? el.textContent, limits.label) ?? '';
    const ariaLabel = clip(el.getAttribute('aria-label'), limits.label);
    const title = clip(el.getAttribute('title'), limits.label);
    const rel = clip(el.getAttribute('rel'), 100);
    if (!text && !ariaLabel && !title && !rel) return;
    const key = `${href}\u0000${text}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ href, text, ariaLabel, rel, title, region: el.tagName === 'LINK' ? 'header' : regionOf(el), at });
  });
  // Footer links first; within a region, the page's own order (the last footer is usually the site's).
  found.sort((a, b) => order[a.region] - order[b.region] || a.at - b.at);
  const rel = found.filter((l) => /\bprivacy-policy\b/i.test(l.rel ?? ''));
  const links = [...rel, ...found.filter((l) => !rel.includes(l))].slice(0, limits.links).map(({ at: _at, ...link }) => link);
  return {
    url: location.href,
    title: clip(document.title, limits.label),
    lang: clip(document.documentElement.getAttribute('lang'), 20),
    text: (document.body?.innerText ?? '').slice(0, limits.text),
    links,
  };
}

const label = z.string().max(SCAN_LIMITS.label);
/** The page is hostile: its answer is parsed, with every count and length capped, before anything uses it. */
export const pageScanSchema = z.strictObject({
  url: z.string().max(8192),
  title: label.nullable(),
  lang: z.string().max(20).nullable(),
  text: z.string().max(SCAN_LIMITS.text),
  links: z.array(z.strictObject({
    href: z.string().max(SCAN_LIMITS.href).regex(/^https?:/i),
    text: label,
    ariaLabel: label.nullable(),
    rel: z.string().max(100).nullable(),
    title: label.nullable(),
    region: z.enum(['footer', 'nav', 'header', 'main', 'other']),
  })).max(SCAN_LIMITS.links),
});

export function parsePageScan(value: unknown): PageScan | null {
  const parsed = pageScanSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
