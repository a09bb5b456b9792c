import type { MessageKey, Translate } from '../../core/i18n/translate';
import type { RegimeId } from '../../core/requests/types';

const WORDS: Record<RegimeId, MessageKey> = {
  gdpr: 'regime.name.gdpr',
  ukGdpr: 'regime.name.ukGdpr',
  ccpa: 'regime.name.ccpa',
  lgpd: 'regime.name.lgpd',
  vnPdpl: 'regime.name.vnPdpl',
};

/** A law's short name in the interface language; an id the interface does not know is shown as it is. */
export function regimeWord(t: Translate, id: string): string {
  return Object.hasOwn(WORDS, id) ? t(WORDS[id as RegimeId]) : id;
}
