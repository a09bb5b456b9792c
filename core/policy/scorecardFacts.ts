import type { ConsentRecord } from '../consent/record';
import type { ConsentFacts } from './scorecard';

/**
 * What a consent answer tells the scorecard. `asked` is the banner as first
 * read, before the answer: an optional category already consented to there,
 * or a legitimate-interest claim left on, was ticked for the user.
 */
export function consentFacts(record: ConsentRecord): ConsentFacts {
  const asked = record.asked;
  const preTicked = asked
    ? asked.legitimateInterestOn.length > 0 || (!asked.answered && asked.categories.some((c) => !c.required && c.consented === true))
    : null;
  return {
    firstLayerReject: asked?.firstLayerReject ?? null,
    preTicked,
    outcome: record.outcome,
    vendorCount: asked?.vendorCount ?? null,
  };
}

/** Whether a page URL was served over HTTPS; null when it is not a web URL. */
export function isHttps(url: string | null | undefined): boolean | null {
  if (!url) return null;
  if (url.startsWith('https:')) return true;
  return url.startsWith('http:') ? false : null;
}
