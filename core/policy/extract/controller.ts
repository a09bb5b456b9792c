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
  "(?:GmbH & Co\\. KG|Gesellschaft mbH|mbH|GmbH|gGmbH|AG|SE|KGaA|KG|e\\.V\\.|Inc\\.?|LLC|L\\.L\\.C\\.|Ltd\\.?|Limited|PLC|plc|LLP|Corp(?:oration|\\.)?|PBC|B\\.V\\.|N\\.V\\.|S\\.A\\.S\\.?|SAS|SASU|SARL|S\\.A\\.R\\.L\\.|S\\.A\\.U?\\.?|SA|S\\.L\\.U?\\.?|SL|S\\.p\\.A\\.|SpA|S\\.r\\.l\\.|SRL|S\\.R\\.L\\.|S\\.à r\\.l\\.|Sàrl|Lda\\.?|Ltda\\.?|Oy|AB|ApS|A/S|AS|[Ss]p\\. z o\\.o\\.|s\\.r\\.o\\.|Kft\\.?|Pty Ltd|Pte\\. Ltd\\.?|Foundation|Stiftung|Co\\., Ltd\\.|Company|Công ty|GIE)";
// An organisation: up to six capitalised words, then a legal form. A free-standing "&" joins two words
// ("Lantern & Loom Lda"); without it the name was cut to the words after the ampersand. Every part is bounded, so linear.
const ORG_WORD = "[\\p{Lu}\\d][\\p{L}\\d.&'’+-]{0,30}";
const ORG = new RegExp(
  `(?<![\\p{L}\\p{N}])(?<!&\\s)((?:${ORG_WORD}(?:\\s&)?,?\\s){1,6}${LEGAL_FORM})(?![\\p{L}])`,
  'gu',
);

// Vietnamese companies put the legal form first: "Công ty TNHH Thương Mại ABC", "Công ty Cổ phần XYZ".
const ORG_VI = /(?<![\p{L}])((?:Công ty|CÔNG TY)\s(?:TNHH|Cổ phần|CỔ PHẦN|CP)(?:\s(?:MTV|Một thành viên))?(?:\s[\p{Lu}\d][\p{L}\d&.-]{0,30}){1,6})/gu;

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

/** The site's own name from its domain ("starbucks" for starbucks.com), to tell the controller from vendors named in the text. */
function siteName(site: string | null): string | null {
  const name = site?.split('.')[0] ?? '';
  return name.length >= 3 ? name.toLowerCase() : null;
}

/** A capitalised run of words containing the site's name ("La Redoute", "Mozilla"), when no legal form is given. */
function nameFromSite(doc: Doc, name: string): { name: string; start: number; end: number } | null {
  const re = new RegExp(`(?:\\b(?:La|Le|Les|Die|Der|The|El)\\s)?[^\\s]{0,20}${name.replace(/[^a-z0-9]/g, '')}[^\\s,.;:)]{0,20}`, 'iu');
  const m = re.exec(doc.text.slice(0, 200_000));
  if (!m || !/^\p{Lu}/u.test(m[0])) return null;
  return { name: m[0], start: m.index, end: m.index + m[0].length };
}

export function extractController(doc: Doc, site: string | null = null): Field<Controller> | null {
  const counts = new Map<string, { n: number; start: number; end: number }>();
  let named: { name: string; start: number; end: number; strong: boolean; rank: number } | null = null;
  const own = siteName(site);
  // "The controller is:" followed by the name on the next lines.
  let carry = 0;
  for (const s of doc.sentences) {
    ORG.lastIndex = 0;
    // The paragraph, not just the sentence: "Anata Proiect SRL, … Str. 7, …, în calitate de operator de date" spans abbreviations.
    const here = hasTerm(CONTROLLER, s.lower) || STRONG_CONTROLLER.test(s.heading);
    const carried = carry > 0;
    carry = here && /:\s*$/.test(s.text) ? 3 : Math.max(0, carry - 1);
    let lineStart = -1;
    let lineEnd = -1;
    let para = '';
    let inControllerSentence = false;
    let strong = false;
    let tableOfContents = false;
    ORG_VI.lastIndex = 0;
    const matches: RegExpExecArray[] = [];
    for (let m = ORG.exec(s.text); m; m = ORG.exec(s.text)) matches.push(m);
    for (let m = ORG_VI.exec(s.text); m; m = ORG_VI.exec(s.text)) matches.push(m);
    for (const m of matches) {
      if (lineStart < 0) {
        lineStart = doc.lower.lastIndexOf('\n', s.start) + 1;
        lineEnd = doc.lower.indexOf('\n', s.end);
        if (lineEnd === -1) lineEnd = doc.lower.length;
        para = doc.lower.slice(Math.max(lineStart, s.start - 400), Math.min(lineEnd, s.end + 400));
        inControllerSentence = here || carried || hasTerm(CONTROLLER, para);
        strong = STRONG_CONTROLLER.test(para) || STRONG_CONTROLLER.test(s.heading) || carried;
        // A table of contents (many in-page links) names sections, not the controller. Once per sentence, not per name.
        tableOfContents = para.split('](#').length > 3;
      }
      if (tableOfContents) continue;
      const name = cleanName(m[1]!);
      if (name.split(' ').length < 2 && !/\s/.test(m[1]!.trim())) continue;
      const start = s.start + m.index + Math.max(0, m[0].indexOf(name));
      const entry = counts.get(name) ?? { n: 0, start, end: start + name.length };
      entry.n++;
      counts.set(name, entry);
      const isOwn = own !== null && name.toLowerCase().replace(/[^a-z0-9]/g, '').includes(own.replace(/[^a-z0-9]/g, ''));
      // The named controller in a sentence that says "controller" wins, then any controller-like sentence, then the site's own name.
      // "controller" said within 300 characters of the name, on its line (a table row may hold an address and a link first).
      const near = doc.lower.slice(Math.max(lineStart, start - 300), Math.min(lineEnd, start + name.length + 300));
      const strongNear = STRONG_CONTROLLER.test(near);
      // A name on the lines after "The controller is:" counts as named there.
      const afterColon = carried && strong;
      const rank = (isOwn ? 4 : 0) + (strongNear || afterColon ? 2 : 0) + (inControllerSentence ? 1 : 0);
      if (rank > 0 && (!named || rank > named.rank)) named = { name, start, end: start + name.length, strong: strongNear, rank };
    }
  }
  let pick = named;
  if (!pick) {
    let best: [string, { n: number; start: number; end: number }] | null = null;
    for (const e of counts) if (!best || e[1].n > best[1].n) best = e;
    if (best && best[1].n >= 2) pick = { name: best[0], start: best[1].start, end: best[1].end, strong: false, rank: 0 };
  }
  if (!pick && own) {
    const fromSite = nameFromSite(doc, own);
    if (fromSite) pick = { ...fromSite, strong: false, rank: 0 };
  }
  if (!pick) return null;
  const country = countryNear(doc.lower.slice(pick.end, pick.end + 250));
  const ev = evidence(doc.text, pick.start, pick.end);
  if (ev.quote !== pick.name) return { value: { name: ev.quote, country }, confidence: 0.5, evidence: [ev] };
  return { value: { name: pick.name, country }, confidence: pick.strong ? 0.85 : named ? 0.7 : 0.5, evidence: [ev] };
}
