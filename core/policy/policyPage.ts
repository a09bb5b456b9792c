/**
 * "Is the current page itself a privacy policy?": its title or first
 * heading against the link lexicons, its URL slug, and how many policy
 * words the text carries (controller, personal data, retention, rights…).
 */
import { rankPolicyLinks } from './links';
import { terms } from './lexicon';
import { compileTerms, allHits } from './match';
import { lowerSameLength } from './normalise';
import type { PolicyPageSignal } from './types';

const POLICY_WORDS = compileTerms([
  ...terms('controller'),
  ...terms('retentionVerb'),
  'personal data', 'personal information', 'personenbezogene*', 'données personnelles', 'datos personales', 'dữ liệu cá nhân', 'date cu caracter personal',
  'cookie*', 'gdpr', 'dsgvo', 'rgpd', 'third part*', 'dritte*', 'tiers', 'terceros', 'bên thứ ba', 'your rights', 'ihre rechte', 'vos droits', 'tus derechos', 'quyền của bạn',
]);

export function isLikelyPolicyPage(page: { text: string; title: string | null; url?: string | null }): PolicyPageSignal {
  const reasons: string[] = [];
  let score = 0;
  const firstLine = page.text.trimStart().split('\n', 1)[0]?.replace(/^#+\s*/, '').slice(0, 200) ?? '';
  for (const [label, text] of [['title', page.title ?? ''], ['heading', firstLine]] as const) {
    if (!text) continue;
    // The words alone, under a neutral address: with the page's own URL a privacy slug made any title "read like a policy",
    // so the slug counted twice and any page at /privacy (an error page, a binary file) passed.
    const [hit] = rankPolicyLinks([{ href: 'https://invalid.invalid/page', text, ariaLabel: null, rel: null, title: null, region: 'other' }], 'https://invalid.invalid/');
    if (hit?.kind === 'privacy') {
      score += 40;
      reasons.push(`${label} reads like a privacy policy`);
      break;
    }
  }
  if (page.url) {
    const [slug] = rankPolicyLinks([{ href: page.url, text: '', ariaLabel: null, rel: null, title: null, region: 'other' }], 'https://invalid.invalid/');
    if (slug?.kind === 'privacy') {
      score += 25;
      reasons.push('URL slug');
    }
  }
  const sample = lowerSameLength(page.text.slice(0, 60_000));
  const density = allHits(POLICY_WORDS, sample).length / Math.max(1, sample.length / 1000);
  if (sample.length > 1500 && density > 1.2) {
    score += Math.min(40, Math.round(density * 10));
    reasons.push(`policy vocabulary (${density.toFixed(1)} per 1000 characters)`);
  }
  return { likely: score >= 50, score, reason: reasons.join(', ') || 'no sign of a privacy policy' };
}
