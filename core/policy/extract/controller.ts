/**
 * The controller: the organisation that decides how data is used. Read
 * from the sentence that names the controller ("controller",
 * "Verantwortliche", "responsable du traitement", "Bên Kiểm soát dữ
 * liệu"…), else from the organisation name the text repeats most; its
 * country from the address that follows.
 */
import countries from '../lexicon/countries.json';
import { terms } from '../lexicon';
import { compileTerms, firstHit, hasTerm } from '../match';
import { evidence, type Doc } from '../segment';
import type { Controller, Field } from '../types';

const CONTROLLER = compileTerms(terms('controller'));
const STRONG_CONTROLLER = /controller|verantwortlich|responsable (?:du|de|del) tratamiento|responsable (?:du|de) traitement|bên kiểm soát|operator de date|titular|data controller/;

const LEGAL_FORM =
  "(?:GmbH & Co\\. KG|GmbH|gGmbH|AG|SE|KGaA|KG|e\\.V\\.|Inc\\.?|LLC|L\\.L\\.C\\.|Ltd\\.?|Limited|PLC|plc|LLP|Corp(?:oration|\\.)?|PBC|B\\.V\\.|N\\.V\\.|S\\.A\\.S\\.?|SAS|SASU|SARL|S\\.A\\.R\\.L\\.|S\\.A\\.U?\\.?|SA|S\\.L\\.U?\\.?|SL|S\\.p\\.A\\.|SpA|S\\.r\\.l\\.|SRL|S\\.R\\.L\\.|Oy|AB|ApS|AS|sp\\. z o\\.o\\.|Foundation|Stiftung|Co\\., Ltd\\.|Company|Công ty|GIE)";
// An organisation: up to six capitalised words (or "&", "of", "de"), then a legal form. Bounded, so linear.
const ORG = new RegExp(
  `(?<![\\p{L}\\p{N}])((?:[\\p{Lu}\\d][\\p{L}\\d.&'’+-]{0,30}(?:,)?\\s){1,6}${LEGAL_FORM})(?![\\p{L}])`,
  'gu',
);

const COUNTRY_RES = Object.entries(countries).map(([code, names]) => ({ code, re: compileTerms(names) }));

function countryNear(lower: string): string | null {
  let best: { code: string; index: number } | null = null;
  for (const { code, re } of COUNTRY_RES) {
    const hit = firstHit(re, lower);
    if (hit && (!best || hit.index < best.index)) best = { code, index: hit.index };
  }
  return best?.code ?? null;
}

function cleanName(raw: string): string {
  return raw
    .replace(/^(?:The|Die|Der|La|Le|Les|El|Los|We|Our|This|Diese|Cette|Esta)\s/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function extractController(doc: Doc): Field<Controller> | null {
  const counts = new Map<string, { n: number; start: number; end: number }>();
  let named: { name: string; start: number; end: number; strong: boolean } | null = null;
  for (const s of doc.sentences) {
    ORG.lastIndex = 0;
    const inControllerSentence = hasTerm(CONTROLLER, s.lower) || STRONG_CONTROLLER.test(s.heading);
    const strong = STRONG_CONTROLLER.test(s.lower) || STRONG_CONTROLLER.test(s.heading);
    for (let m = ORG.exec(s.text); m; m = ORG.exec(s.text)) {
      const name = cleanName(m[1]!);
      if (name.split(' ').length < 2 && !/\s/.test(m[1]!.trim())) continue;
      const start = s.start + m.index + Math.max(0, m[0].indexOf(name));
      const entry = counts.get(name) ?? { n: 0, start, end: start + name.length };
      entry.n++;
      counts.set(name, entry);
      if (inControllerSentence && (!named || (strong && !named.strong))) named = { name, start, end: start + name.length, strong };
    }
  }
  let pick = named;
  if (!pick) {
    let best: [string, { n: number; start: number; end: number }] | null = null;
    for (const e of counts) if (!best || e[1].n > best[1].n) best = e;
    if (best && best[1].n >= 2) pick = { name: best[0], start: best[1].start, end: best[1].end, strong: false };
  }
  if (!pick) return null;
  const country = countryNear(doc.lower.slice(pick.end, pick.end + 250));
  const ev = evidence(doc.text, pick.start, pick.end);
  if (ev.quote !== pick.name) return { value: { name: ev.quote, country }, confidence: 0.5, evidence: [ev] };
  return { value: { name: pick.name, country }, confidence: pick.strong ? 0.85 : named ? 0.7 : 0.5, evidence: [ev] };
}
