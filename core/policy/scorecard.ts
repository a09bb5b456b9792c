import type { ConsentOutcome } from '../consent/record';
import type { MessageKey } from '../i18n/translate';
import type { FieldKind, PolicyStatus } from '../ledger/records';
import type { Evidence, PolicySummary } from './types';

/**
 * The six-principle scorecard of a site: the law's promise (a clear notice,
 * real consent, minimal collection, security, legal compliance, access and
 * deletion) checked against what the site's policy says and what the ledger
 * saw it do. Pure: the background and the views pass the facts in.
 */

export const PRINCIPLES = ['notice', 'consent', 'minimalCollection', 'security', 'legalCompliance', 'accessDeletion'] as const;
export type Principle = (typeof PRINCIPLES)[number];
export type ScoreVerdict = 'good' | 'mixed' | 'poor' | 'unknown';

/** One reason for a verdict: a message the interface words (English and Vietnamese), and the policy's own words when it has some. */
export interface ScoreEvidence {
  key: MessageKey;
  params?: Record<string, string | number>;
  /** 'good' points support the principle, 'bad' ones go against it, 'info' ones only explain. */
  tone: 'good' | 'bad' | 'info';
  quote?: Evidence;
}

export interface PrincipleScore {
  principle: Principle;
  verdict: ScoreVerdict;
  evidence: ScoreEvidence[];
}

/** What the latest consent banner of the site showed and did. */
export interface ConsentFacts {
  /** The first layer had a reject button (null: could not tell). */
  firstLayerReject: boolean | null;
  /** Optional categories or legitimate-interest claims were on before the user answered. */
  preTicked: boolean | null;
  outcome: ConsentOutcome;
  vendorCount: number | null;
}

/** Everything the scorecard reads about one site. */
export interface SiteFacts {
  /** How the last attempt to read the policy went; null when it was never tried. */
  policyStatus: PolicyStatus | null;
  /** The latest version's summary, if a version was read. */
  summary: PolicySummary | null;
  /** The latest consent banner, or null when none was seen. */
  consent: ConsentFacts | null;
  /** Cookies set against the user's refusal. */
  cookieViolations: number;
  /** Distinct third parties the site's pages contacted. */
  thirdParties: number;
  /** Kinds of personal data its forms asked for. */
  formFields: readonly FieldKind[];
  /** A form sent personal data, or would, over plain HTTP. */
  insecureSubmit: boolean;
  /** The site's pages were served over HTTPS (null: not known). */
  pageHttps: boolean | null;
}

/** Above these a site collects more than most need. */
export const LIMITS = { dataCategories: 8, vendors: 50, thirdParties: 20 } as const;
/** Form fields a site rarely needs to ask for. */
const INTRUSIVE_FIELDS: readonly FieldKind[] = ['governmentId', 'birthDate', 'gender'];

type Line = Omit<PrincipleScore, 'principle'>;
const say = (key: MessageKey, tone: ScoreEvidence['tone'], params?: ScoreEvidence['params'], quote?: Evidence): ScoreEvidence => ({
  key, tone, ...(params ? { params } : {}), ...(quote ? { quote } : {}),
});

/** Good when every point is good, poor when none is (or any is blocking), mixed in between. */
function weigh(evidence: ScoreEvidence[], blocking = false): ScoreVerdict {
  const good = evidence.filter((e) => e.tone === 'good').length;
  const bad = evidence.filter((e) => e.tone === 'bad').length;
  if (good + bad === 0) return 'unknown';
  if (blocking) return 'poor';
  if (bad === 0) return 'good';
  return good === 0 ? 'poor' : 'mixed';
}

const policyMissing = (facts: SiteFacts) => facts.policyStatus === 'noLink' || facts.policyStatus === 'notAPolicy';

function notice(facts: SiteFacts): Line {
  const s = facts.summary;
  if (!s) {
    if (policyMissing(facts)) return { verdict: 'poor', evidence: [say('scorecard.notice.noPolicy', 'bad')] };
    return { verdict: 'unknown', evidence: [say(facts.policyStatus ? 'scorecard.policy.unread' : 'scorecard.policy.notYet', 'info')] };
  }
  const evidence = [say('scorecard.notice.found', 'info')];
  evidence.push(s.purposes.value.length > 0
    ? say('scorecard.notice.purposes', 'good', { count: s.purposes.value.length }, s.purposes.evidence[0])
    : say('scorecard.notice.noPurposes', 'bad'));
  const recipients = s.sharing.value.recipients.length > 0 || s.sharing.evidence.length > 0;
  evidence.push(recipients
    ? say('scorecard.notice.recipients', 'good', undefined, s.sharing.evidence[0])
    : say('scorecard.notice.noRecipients', 'bad'));
  return { verdict: weigh(evidence), evidence };
}

function consent(facts: SiteFacts): Line {
  const c = facts.consent;
  const evidence: ScoreEvidence[] = [];
  if (facts.cookieViolations > 0) evidence.push(say('scorecard.consent.violations', 'bad', { count: facts.cookieViolations }));
  if (!c) {
    if (evidence.length) return { verdict: 'poor', evidence };
    return { verdict: 'unknown', evidence: [say('scorecard.consent.noBanner', 'info')] };
  }
  if (c.firstLayerReject === true) evidence.push(say('scorecard.consent.reject', 'good'));
  if (c.firstLayerReject === false) evidence.push(say('scorecard.consent.noReject', 'bad'));
  if (c.preTicked === true) evidence.push(say('scorecard.consent.preTicked', 'bad'));
  if (c.preTicked === false) evidence.push(say('scorecard.consent.notPreTicked', 'good'));
  if (c.outcome === 'respected') evidence.push(say('scorecard.consent.respected', 'good'));
  if (c.outcome === 'notRespected') evidence.push(say('scorecard.consent.notRespected', 'bad'));
  if (c.outcome === 'unverified') evidence.push(say('scorecard.consent.unverified', 'info'));
  const refusalIgnored = facts.cookieViolations > 0 || c.outcome === 'notRespected';
  return { verdict: weigh(evidence, refusalIgnored), evidence };
}

function minimalCollection(facts: SiteFacts): Line {
  const s = facts.summary;
  const evidence: ScoreEvidence[] = [];
  if (s && s.dataCategories.value.length > 0) {
    const many = s.dataCategories.value.length >= LIMITS.dataCategories;
    evidence.push(say(many ? 'scorecard.minimal.manyCategories' : 'scorecard.minimal.fewCategories', many ? 'bad' : 'good',
      { count: s.dataCategories.value.length }, s.dataCategories.evidence[0]));
  }
  if (s && (s.purposes.value.includes('advertising') || s.sale.value === 'sells' || s.sale.value === 'sharesForAds')) {
    evidence.push(say('scorecard.minimal.advertising', 'bad', undefined, s.sale.value === 'notMentioned' || s.sale.value === 'doesNotSell' ? s.purposes.evidence[0] : s.sale.evidence[0]));
  }
  const vendors = facts.consent?.vendorCount ?? null;
  if (vendors !== null) {
    evidence.push(say('scorecard.minimal.vendors', vendors > LIMITS.vendors ? 'bad' : 'good', { count: vendors }));
  }
  if (facts.thirdParties > 0) {
    evidence.push(say('scorecard.minimal.thirdParties', facts.thirdParties > LIMITS.thirdParties ? 'bad' : 'good', { count: facts.thirdParties }));
  }
  const intrusive = facts.formFields.filter((f) => INTRUSIVE_FIELDS.includes(f));
  if (intrusive.length) evidence.push(say('scorecard.minimal.intrusiveFields', 'bad', { fields: intrusive.join(', ') }));
  // Each excess alone is common; several together make a site that collects far more than it needs.
  const excesses = evidence.filter((e) => e.tone === 'bad').length;
  const verdict = excesses >= 3 ? 'poor' : excesses > 0 ? 'mixed' : evidence.length ? 'good' : 'unknown';
  return { verdict, evidence: evidence.length ? evidence : [say('scorecard.minimal.nothingKnown', 'info')] };
}

function security(facts: SiteFacts): Line {
  const evidence: ScoreEvidence[] = [];
  if (facts.pageHttps === true) evidence.push(say('scorecard.security.https', 'good'));
  if (facts.pageHttps === false) evidence.push(say('scorecard.security.http', 'bad'));
  if (facts.insecureSubmit) evidence.push(say('scorecard.security.insecureForm', 'bad'));
  const s = facts.summary;
  if (s?.securityMeasures.value) evidence.push(say('scorecard.security.measures', 'good', undefined, s.securityMeasures.evidence[0]));
  else if (s) evidence.push(say('scorecard.security.noMeasures', 'bad'));
  // Data sent in the clear is a failure whatever the policy promises.
  const blocking = facts.pageHttps === false || facts.insecureSubmit;
  return { verdict: weigh(evidence, blocking), evidence: evidence.length ? evidence : [say('scorecard.policy.notYet', 'info')] };
}

function legalCompliance(facts: SiteFacts): Line {
  const s = facts.summary;
  if (!s) return unreadPolicy(facts);
  const evidence: ScoreEvidence[] = [];
  evidence.push(s.legalBases.value.length
    ? say('scorecard.legal.bases', 'good', { count: s.legalBases.value.length }, s.legalBases.evidence[0])
    : say('scorecard.legal.noBases', 'bad'));
  evidence.push(s.regimes.value.length
    ? say('scorecard.legal.regimes', 'good', { regimes: s.regimes.value.join(', ') }, s.regimes.evidence[0])
    : say('scorecard.legal.noRegimes', 'bad'));
  const named = s.contacts.find((c) => c.role === 'dpo') ?? s.bestContact?.value ?? null;
  evidence.push(named
    ? say(named.role === 'dpo' ? 'scorecard.legal.dpo' : 'scorecard.legal.contact', 'good', { contact: named.value }, named.evidence)
    : say('scorecard.legal.noContact', 'bad'));
  return { verdict: weigh(evidence), evidence };
}

function accessDeletion(facts: SiteFacts): Line {
  const s = facts.summary;
  if (!s) return unreadPolicy(facts);
  const evidence: ScoreEvidence[] = [];
  const rights = s.rights.value;
  const both = rights.includes('access') && rights.includes('erasure');
  if (both) evidence.push(say('scorecard.access.rights', 'good', undefined, s.rights.evidence[0]));
  else if (rights.length) evidence.push(say('scorecard.access.someRights', 'bad', { count: rights.length }, s.rights.evidence[0]));
  else evidence.push(say('scorecard.access.noRights', 'bad'));
  const channel = s.bestContact?.value ?? null;
  const selfService = s.rightsExercise.value.includes('accountSettings');
  if (channel) evidence.push(say('scorecard.access.channel', 'good', { contact: channel.value }, channel.evidence));
  else if (selfService) evidence.push(say('scorecard.access.accountSettings', 'good', undefined, s.rightsExercise.evidence[0]));
  else evidence.push(say('scorecard.access.noChannel', 'bad'));
  return { verdict: weigh(evidence), evidence };
}

function unreadPolicy(facts: SiteFacts): Line {
  if (policyMissing(facts)) return { verdict: 'poor', evidence: [say('scorecard.notice.noPolicy', 'bad')] };
  return { verdict: 'unknown', evidence: [say(facts.policyStatus ? 'scorecard.policy.unread' : 'scorecard.policy.notYet', 'info')] };
}

const RULES: Record<Principle, (facts: SiteFacts) => Line> = { notice, consent, minimalCollection, security, legalCompliance, accessDeletion };

export function scorecard(facts: SiteFacts): PrincipleScore[] {
  return PRINCIPLES.map((principle) => ({ principle, ...RULES[principle](facts) }));
}
