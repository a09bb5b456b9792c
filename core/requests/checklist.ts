import data from './data/checklists.json';
import { uiCitation } from './letter';
import { requestTypeSpec } from './regimes';
import type { ChecklistItem, RegimeId, RequestType } from './types';

/**
 * What a company's reply must contain, as a checklist the user ticks when
 * judging an answer (docs/requests.md, "Reply checklist").
 */

interface RawItem {
  id: string;
  citation: string;
  en: string;
  vi: string;
}
interface RawRegime {
  common: RawItem[];
  types: Record<string, RawItem[]>;
}

const TABLE = data as unknown as Record<string, RawRegime>;

export function replyChecklist(regime: RegimeId, type: RequestType): ChecklistItem[] {
  requestTypeSpec(regime, type);
  const key = regime === 'gdpr' || regime === 'ukGdpr' ? 'gdprLike' : regime;
  const law = regime === 'ukGdpr' ? 'UK GDPR' : 'GDPR';
  const raw = TABLE[key] as RawRegime;
  const items = [...(raw.types[type] ?? []), ...raw.common];
  return items.map((i) => {
    const citation = i.citation.split('{law}').join(law);
    return { id: i.id, citation: uiCitation(citation), label: { en: i.en, vi: i.vi } };
  });
}
