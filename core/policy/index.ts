/** The policy reader: everything the platform side and the command line use. */
export * from './types';
export { POLICY_SUMMARY_VERSION } from './version';
export { analysePolicy, policyText } from './analyse';
export { htmlToStructuredText } from './html';
export { normaliseText } from './normalise';
export { detectLanguage } from './language';
export { rankPolicyLinks } from './links';
export { isLikelyPolicyPage } from './policyPage';
export { diffSummaries, summaryFacts } from './diff';
export { fnv1a } from './hash';
