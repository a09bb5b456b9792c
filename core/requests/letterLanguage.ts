import { regimeById, siteTld } from './regimes';
import { LETTER_LANGUAGES, type LetterLanguage, type RegimeId } from './types';

/** Countries whose companies read letters in one of our letter languages other than English. */
const BY_COUNTRY: Readonly<Record<string, LetterLanguage>> = {
  DE: 'de', AT: 'de', CH: 'de', LI: 'de',
  FR: 'fr', BE: 'fr', LU: 'fr', MC: 'fr',
  VN: 'vi',
};

const isLetterLanguage = (value: string | null | undefined): value is LetterLanguage => (LETTER_LANGUAGES as readonly string[]).includes(value ?? '');

/**
 * The language a letter starts in: the one the company asks requests in, else
 * its country's, else the site's country domain's, else the law's usual one.
 * Never the interface language as such: a Vietnamese interface writes to a US
 * company in English. A known country none of our letter languages is spoken
 * in gets English. The user can change it in the composer.
 */
export function letterLanguageFor(input: {
  regime: RegimeId;
  site: string;
  company: { country: string | null; requestLanguage: string | null } | null;
}): LetterLanguage {
  const asked = input.company?.requestLanguage?.trim().toLowerCase();
  if (isLetterLanguage(asked)) return asked;
  const country = input.company?.country?.trim().toUpperCase();
  if (country) return BY_COUNTRY[country] ?? 'en';
  // A country-code domain names its country the way ISO codes do (ccTLDs are ISO 3166 codes, lower-case).
  const tldCountry = siteTld(input.site).toUpperCase();
  return (Object.hasOwn(BY_COUNTRY, tldCountry) ? BY_COUNTRY[tldCountry] : undefined) ?? regimeById(input.regime).languages[0] ?? 'en';
}
