import lexicon from './lexicon.json';
import { PURPOSES, type Purpose } from '../purposes';

export type LabelPurpose = Purpose | 'necessary';

/** Optional purposes, specific before general. */
const ORDER: Purpose[] = ['social', 'advertising', 'personalization', 'analytics', 'functional'];

const WORDS: Record<LabelPurpose, string[]> = {
  necessary: lexicon.necessary,
  functional: lexicon.functional,
  analytics: lexicon.analytics,
  personalization: lexicon.personalization,
  advertising: lexicon.advertising,
  social: lexicon.social,
};

/** A "necessary" word negated: by a word before it ("non essential", "không cần thiết") or a prefix ("unnecessary"). */
const NEGATED_BY_WORD = new RegExp(`\\s(?:${lexicon.negations.words.join('|')})\\s+$`, 'u');
const NEGATED_BY_PREFIX = new RegExp(`\\s(?:${lexicon.negations.prefixes.join('|')})$`, 'u');
/** What may stand between two necessary words of one run: spaces and negation words ("technisch nicht notwendig"). */
const NEGATIONS_ONLY = new RegExp(`^\\s*(?:(?:${lexicon.negations.words.join('|')})\\s+)*$`, 'u');

/** Longest first, so a phrase ("functioneel noodzakelijk") goes before a word inside it. */
const NECESSARY_WORDS = [...WORDS.necessary].sort((a, b) => b.length - a.length);

/**
 * The label with its "necessary" words taken out, and whether one of them
 * stood for the category (was not negated). A run of such words shares a
 * negation before or inside it: "nicht technisch notwendige", "technisch
 * nicht notwendige" and "not strictly necessary" name nothing necessary.
 */
function takeNecessary(text: string): { rest: string; necessary: boolean } {
  const found: { at: number; end: number }[] = [];
  for (const word of NECESSARY_WORDS) {
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
      const end = at + word.length;
      if (!found.some((f) => at < f.end && end > f.at)) found.push({ at, end });
    }
  }
  found.sort((a, b) => a.at - b.at);
  // Runs of necessary words, with at most negation words between them; a negation before or inside a run negates all of it.
  const runs: { words: typeof found; negated: boolean }[] = [];
  found.forEach((word, i) => {
    const previous = found[i - 1];
    const gap = previous ? text.slice(previous.end, word.at) : null;
    const run = runs[runs.length - 1];
    if (run && gap !== null && NEGATIONS_ONLY.test(gap)) {
      run.words.push(word);
      if (gap.trim() !== '') run.negated = true;
    } else {
      runs.push({ words: [word], negated: NEGATED_BY_WORD.test(text.slice(0, word.at)) });
    }
  });
  const necessary = runs.some((run) => !run.negated && run.words.some(({ at }) => !NEGATED_BY_PREFIX.test(text.slice(0, at))));
  let rest = text;
  for (const { at, end } of [...found].reverse()) rest = `${rest.slice(0, at)} ${rest.slice(end)}`;
  return { rest, necessary };
}

/**
 * The purpose a site's own name for a category stands for ("Statistik",
 * "Thống kê", "Mesure d'audience" -> analytics), or null when no word is
 * known. Several labels can be given (a key and its title); the first that
 * matches wins. Specific purposes are tried before general ones, so
 * "social media advertising" is social and "ads personalisation" advertising.
 * A label is necessary only when it names nothing optional besides: "Cookie
 * tecnici e analitici" is analytics, and a negated word ("Non-essential",
 * "Nicht notwendig") names nothing, so such a category is never granted as
 * necessary.
 */
export function purposeOfLabel(...labels: (string | null | undefined)[]): LabelPurpose | null {
  for (const label of labels) {
    if (!label) continue;
    const { rest, necessary } = takeNecessary(` ${label.normalize('NFC').toLowerCase().replace(/[_-]+/g, ' ')} `);
    for (const purpose of ORDER) {
      if (WORDS[purpose].some((word) => rest.includes(word))) return purpose;
    }
    if (necessary) return 'necessary';
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
