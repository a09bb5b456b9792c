/**
 * Extraction lexicons, one JSON file per language, merged into one list per
 * concept: a policy often mixes languages (a German text in a French
 * collection, English legal terms in a Vietnamese notice), and matching every
 * language at once costs little. Terms follow core/policy/match.ts.
 */
import de from './de.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import ro from './ro.json';
import vi from './vi.json';

type Terms = string[];
type Groups = Record<string, Terms>;

export interface LanguageLexicon {
  sell?: Terms;
  negation?: Terms;
  businessTransfer?: Terms;
  saleAffirm?: Terms;
  sharesForAds?: Terms;
  rightsBoilerplate?: Terms;
  dataWords?: Terms;
  children?: Terms;
  minimumAge?: Terms;
  ageUnit?: Terms;
  retentionVerb?: Terms;
  retentionCriteria?: Terms;
  responseTime?: Terms;
  units?: Groups;
  numberWords?: Record<string, number>;
  updated?: Terms;
  months?: Record<string, number>;
  controller?: Terms;
  roles?: Groups;
  webForm?: Terms;
  exercise?: Groups;
  rights?: Groups;
  categories?: Groups;
  purposes?: Groups;
  recipients?: Groups;
  shareVerb?: Terms;
  legalBases?: Groups;
  security?: Terms;
  transfers?: Groups;
  regimes?: Groups;
}

export const LEXICONS: Record<string, LanguageLexicon> = { en, de, fr, es, vi, ro };

type ListKey = { [K in keyof LanguageLexicon]-?: NonNullable<LanguageLexicon[K]> extends Terms ? K : never }[keyof LanguageLexicon];
type GroupKey = { [K in keyof LanguageLexicon]-?: NonNullable<LanguageLexicon[K]> extends Groups ? K : never }[keyof LanguageLexicon];
type MapKey = 'numberWords' | 'months';

export function terms(key: ListKey): Terms {
  return Object.values(LEXICONS).flatMap((l) => l[key] ?? []);
}

export function groups(key: GroupKey): Groups {
  const out: Groups = {};
  for (const l of Object.values(LEXICONS)) {
    for (const [k, v] of Object.entries(l[key] ?? {})) (out[k] ??= []).push(...v);
  }
  return out;
}

export function numberMap(key: MapKey): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of Object.values(LEXICONS)) for (const [k, v] of Object.entries(l[key] ?? {})) if (!out.has(k)) out.set(k, v);
  return out;
}
