import { allPurposes, type PurposeChoices } from '../consent/purposes';

/** The choices offered at onboarding. `custom` starts from nothing allowed. */
export const PRESETS = ['onlyNecessary', 'functional', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

export function presetChoices(preset: Preset): PurposeChoices {
  switch (preset) {
    case 'onlyNecessary':
    case 'custom':
      return allPurposes(false);
    case 'functional':
      return { ...allPurposes(false), functional: true };
  }
}

/** Which preset a set of choices corresponds to, for showing it selected again. */
export function presetOf(choices: PurposeChoices): Preset {
  const allowed = Object.entries(choices).filter(([, on]) => on).map(([p]) => p);
  if (allowed.length === 0) return 'onlyNecessary';
  if (allowed.length === 1 && allowed[0] === 'functional') return 'functional';
  return 'custom';
}
