/**
 * Language of a whole document from its function words (a policy is long,
 * so counting common words is reliable and costs nothing to ship), with
 * Vietnamese also recognised by its letters (ơ ư ă đ and stacked tones).
 * Returns 'und' for text too short or unlike any supported language.
 */
import stopwords from './lexicon/stopwords.json';
import { LANGUAGES, type PolicyLanguage } from './types';

const SAMPLE_CHARS = 20_000;
const MIN_HITS = 8;
const LISTS = new Map(Object.entries(stopwords).map(([lang, words]) => [lang, new Set(words)]));
const VIETNAMESE_LETTERS = /[ơưăđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/g;
// Words only: markdown links and URLs would count their English path words.
const NOISE = /\]\([^)\s]{0,500}\)|https?:\/\/\S{0,500}|[\w.+-]{1,64}@[\w.-]{1,255}/g;

export function detectLanguage(text: string): PolicyLanguage {
  const sample = text.slice(0, SAMPLE_CHARS).toLowerCase().replace(NOISE, ' ');
  const counts = new Map<string, number>();
  for (const word of sample.split(/[^\p{L}]+/u)) {
    if (!word) continue;
    for (const [lang, set] of LISTS) if (set.has(word)) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  const viLetters = sample.match(VIETNAMESE_LETTERS)?.length ?? 0;
  if (viLetters >= 20 && viLetters > sample.length / 200) counts.set('vi', (counts.get('vi') ?? 0) + viLetters);
  let best: string | null = null;
  let n = 0;
  for (const [lang, c] of counts) if (c > n) [best, n] = [lang, c];
  if (!best || n < MIN_HITS) return 'und';
  return (LANGUAGES as readonly string[]).includes(best) ? (best as PolicyLanguage) : 'und';
}
