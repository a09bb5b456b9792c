/** Bump when the extractors change what they return, so stored summaries are re-analysed. */
export const POLICY_SUMMARY_VERSION = 1;
