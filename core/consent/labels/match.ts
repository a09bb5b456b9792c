import lexicon from './lexicon.json';
import { PURPOSES, type Purpose } from '../purposes';

export type LabelPurpose = Purpose | 'necessary';

const ORDER: LabelPurpose[] = ['necessary', 'social', 'advertising', 'personalization', 'analytics', 'functional'];

const WORDS: Record<LabelPurpose, string[]> = {
  necessary: lexicon.necessary,
  functional: lexicon.functional,
  analytics: lexicon.analytics,
  personalization: lexicon.personalization,
  advertising: lexicon.advertising,
  social: lexicon.social,
};

/**
 * The purpose a site's own name for a category stands for ("Statistik",
 * "Thống kê", "Mesure d'audience" -> analytics), or null when no word is
 * known. Several labels can be given (a key and its title); the first that
 * matches wins. Specific purposes are tried before general ones, so
 * "social media advertising" is social and "ads personalisation" advertising.
 */
export function purposeOfLabel(...labels: (string | null | undefined)[]): LabelPurpose | null {
  for (const label of labels) {
    if (!label) continue;
    const text = ` ${label.normalize('NFC').toLowerCase().replace(/[_-]+/g, ' ')} `;
    for (const purpose of ORDER) {
      if (WORDS[purpose].some((word) => text.includes(word))) return purpose;
    }
  }
  return null;
}

const LABEL_PURPOSES: readonly string[] = ['necessary', ...PURPOSES];

/**
 * The purpose of a CMP's category: what its fixed id maps to in the adapter's
 * data file, when that is one of ours, else what its labels say.
 */
export function purposeOfKnownId(known: Readonly<Record<string, string>>, id: string, ...labels: (string | null | undefined)[]): LabelPurpose | null {
  const mapped = Object.hasOwn(known, id) ? known[id] : undefined;
  return mapped && LABEL_PURPOSES.includes(mapped) ? (mapped as LabelPurpose) : purposeOfLabel(...labels);
}
