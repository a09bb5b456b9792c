/**
 * The purposes a user decides on. `necessary` is not among them: it is always
 * allowed, so it is never a choice.
 */
export const PURPOSES = ['functional', 'analytics', 'personalization', 'advertising', 'social'] as const;

export type Purpose = (typeof PURPOSES)[number];

export type PurposeChoices = Record<Purpose, boolean>;

export function allPurposes(allowed: boolean): PurposeChoices {
  return Object.fromEntries(PURPOSES.map((p) => [p, allowed])) as PurposeChoices;
}
