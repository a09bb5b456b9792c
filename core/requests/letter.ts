import words from './data/letterWords.json';
import { computeDeadline } from './deadline';
import { parseIsoDay } from './days';
import { regimeById, requestTypeSpec } from './regimes';
import { renderTemplate, type TemplateContext } from './template';
import type { Duration, FollowUpInput, FollowUpKind, IsoDay, Letter, LetterInput, LetterLanguage, RegimeId, UiText } from './types';
import { LETTER_LANGUAGES } from './types';

/**
 * Letters in the project's own words: one template file per language and
 * block (core/requests/templates/<lang>/<block>.txt), composed by the small
 * renderer in ./template.ts. Every outside value (names, sites, cookies,
 * identity) goes in as plain text.
 */

const files = import.meta.glob<string>('./templates/*/*.txt', { query: '?raw', import: 'default', eager: true });

let templates: Record<LetterLanguage, Record<string, string>> | null = null;

/** Template blocks per language, by file name without `.txt`. */
export function letterTemplates(): Record<LetterLanguage, Record<string, string>> {
  if (templates) return templates;
  const byLang = Object.fromEntries(LETTER_LANGUAGES.map((lang) => [lang, {} as Record<string, string>])) as Record<LetterLanguage, Record<string, string>>;
  for (const [path, text] of Object.entries(files)) {
    const [, lang, file] = path.split('/').slice(-3);
    const name = (file as string).slice(0, -'.txt'.length);
    if ((LETTER_LANGUAGES as readonly string[]).includes(lang as string)) byLang[lang as LetterLanguage][name] = text;
  }
  return (templates = byLang);
}

type Words = (typeof words)['en'];
const WORDS = words as unknown as Record<LetterLanguage, Words>;

function fill(pattern: string, values: Record<string, string>): string {
  // Literal search for each {key}; values are never read as patterns.
  let out = pattern;
  for (const [key, value] of Object.entries(values)) out = out.split(`{${key}}`).join(value);
  return out;
}

export function formatDay(day: IsoDay, lang: LetterLanguage): string {
  const d = parseIsoDay(day);
  const w = WORDS[lang];
  return fill(w.date, { d: String(d.getUTCDate()), month: w.months[d.getUTCMonth()] as string, y: String(d.getUTCFullYear()) });
}

export function formatMoment(ms: number, lang: LetterLanguage): string {
  const d = new Date(ms);
  const time = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return fill(WORDS[lang].dateTime, { date: formatDay(d.toISOString().slice(0, 10), lang), time });
}

export function formatPeriod(period: Duration, lang: LetterLanguage): string {
  const [one, many] = WORDS[lang].periods[period.unit] as [string, string];
  return period.amount === 1 ? one : fill(many, { n: String(period.amount) });
}

/**
 * A provision as the letter's language names it: the whole-string table of
 * letterWords.json first, then "GDPR" as DSGVO/RGPD (never the UK GDPR) and
 * "Art." as the language's word for an article ("Điều").
 */
export function localCitation(citation: string, lang: LetterLanguage): string {
  const w = WORDS[lang];
  const table = w.citations as Record<string, string>;
  if (Object.prototype.hasOwnProperty.call(table, citation)) return table[citation] as string;
  const named = citation.endsWith(' GDPR') && !citation.endsWith(' UK GDPR') ? `${citation.slice(0, -' GDPR'.length)} ${w.gdprName}` : citation;
  return named.startsWith('Art. ') ? `${w.article} ${named.slice('Art. '.length)}` : named;
}

/** A period in both interface languages ("one month", "một tháng"). */
export function uiPeriod(period: Duration): UiText {
  return { en: formatPeriod(period, 'en'), vi: formatPeriod(period, 'vi') };
}

/** A provision in both interface languages, for the pages (the reply checklist, the composer's deadline line). */
export function uiCitation(citation: string): UiText {
  return { en: localCitation(citation, 'en'), vi: localCitation(citation, 'vi') };
}

function label(table: Record<string, string>, id: string): string {
  return Object.prototype.hasOwnProperty.call(table, id) ? (table[id] as string) : id;
}

/** A request type's title, as the regime's law names it where it names it otherwise. */
function typeTitle(w: (typeof words)['en'], regime: RegimeId, type: string): string {
  const own = (w.typesByRegime as Partial<Record<RegimeId, Record<string, string>>>)[regime];
  return label({ ...w.types, ...own }, type);
}

/** A lone UTF-16 surrogate (half a character) as one code point of a string; no mail channel can encode it. */
const isLoneSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;

/** One line of text: no line breaks or control characters from outside data; half characters become U+FFFD. */
function oneLine(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) as number;
    out += code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 ? ' ' : isLoneSurrogate(code) ? '\ufffd' : ch;
  }
  return out.trim();
}

/** The user's own words: their lines kept, every other control character a space, half characters U+FFFD. */
function ownWords(value: string): string {
  return value.split(/\r\n?|[\n\u2028\u2029]/).map((line) => oneLine(line)).join('\n').trim();
}

function list(values: string[], lang: LetterLanguage, table?: Record<string, string>): string {
  const unique = [...new Set(values.map((v) => oneLine(table ? label(table, v) : v)).filter(Boolean))];
  return unique.join(', ');
}

/** The text values and flags every template may use. */
function context(input: LetterInput): TemplateContext {
  const lang = input.language;
  const w = WORDS[lang];
  const regime = regimeById(input.regime);
  const spec = requestTypeSpec(input.regime, input.type);
  const deadline = computeDeadline(input.regime, input.type, input.today);
  const f = input.facts;
  const stored = f.storedConsent;
  // Consent only: a purpose claimed under legitimate interest was never consented to, and is objected to instead (Art. 21).
  const withdraw = stored ? stored.purposesOn : f.asked.purposes;
  const facts = {
    purposes: list(f.asked.purposes, lang, w.purposes),
    vendors: list(f.asked.vendors, lang),
    fields: list(f.asked.formFields, lang, w.fields),
    permissions: list(f.asked.permissions, lang, w.permissions),
    refused: list(f.refused.purposes, lang, w.purposes),
    refusedAt: f.refused.at ? formatMoment(f.refused.at, lang) : '',
    cookies: f.cookiesDespiteRefusal.map((c) => ({
      name: oneLine(c.name),
      domain: oneLine(c.domain),
      purpose: oneLine(label(w.purposes, c.purpose)),
      at: formatMoment(c.at, lang),
    })),
    hasStored: Boolean(stored),
    stored: {
      cmp: stored ? oneLine(stored.cmp) : '',
      on: stored ? list(stored.purposesOn, lang, w.purposes) || w.none : '',
      off: stored ? list(stored.purposesOff, lang, w.purposes) || w.none : '',
      li: stored ? list(stored.legitimateInterestOn, lang, w.purposes) : '',
      tcString: stored?.tcString ? oneLine(stored.tcString) : '',
      readAt: stored ? formatMoment(stored.readAt, lang) : '',
    },
    thirdParties: list(f.thirdParties, lang),
    controller: f.policy?.controller ? oneLine(f.policy.controller) : '',
    withdraw: list(withdraw, lang, w.purposes),
    any: false,
  };
  facts.any = Boolean(
    facts.purposes || facts.vendors || facts.fields || facts.permissions || facts.refused || facts.cookies.length || stored || facts.thirdParties || facts.controller,
  );
  const id = input.identity;
  return {
    today: formatDay(input.today, lang),
    typeTitle: typeTitle(w, input.regime, input.type),
    company: {
      name: oneLine(input.company.name) || oneLine(input.company.site),
      site: oneLine(input.company.site),
      // A postal address keeps its lines: it heads the printed letter.
      contact: input.company.contact ? input.company.contact.split('\n').map(oneLine).filter(Boolean).join('\n') : '',
    },
    user: {
      name: oneLine(id.name),
      email: id.email ? oneLine(id.email) : '',
      postalAddress: id.postalAddress ? id.postalAddress.split('\n').map(oneLine).filter(Boolean).join(', ') : '',
      accountIds: id.accountIds.filter((a) => a.value.trim()).map((a) => ({ label: oneLine(a.label), value: oneLine(a.value) })),
    },
    regime: {
      gdprLike: input.regime === 'gdpr' || input.regime === 'ukGdpr',
      ccpa: input.regime === 'ccpa',
      lgpd: input.regime === 'lgpd',
      vn: input.regime === 'vnPdpl',
    },
    cite: {
      main: spec.citations.map((c) => localCitation(c, lang)).join(', '),
      first: localCitation(spec.citations[0] as string, lang),
      deadline: localCitation(spec.deadline.citation, lang),
      verify: localCitation(spec.verificationCitation, lang),
      ack: spec.acknowledgement ? localCitation(spec.acknowledgement.citation, lang) : '',
      complaint: localCitation(regime.complaint.citation, lang),
    },
    verify: {
      reasonableDoubt: spec.verification === 'reasonableDoubt',
      verifiable: spec.verification === 'verifiable',
      none: spec.verification === 'none',
      procedure: spec.verification === 'controllerProcedure',
    },
    deadline: {
      statutory: spec.deadline.statutory,
      period: formatPeriod(spec.deadline, lang),
      // By post the day of receipt is unknown: the period alone is stated.
      date: input.byPost ? '' : formatDay(deadline.dueDate, lang),
    },
    ack: { period: spec.acknowledgement ? formatPeriod(spec.acknowledgement.within, lang) : '' },
    details: input.details ? ownWords(input.details) : '',
    facts,
  };
}

/** Collapses runs of blank lines left by empty sections, and trims the ends. */
function tidy(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd());
  const out: string[] = [];
  for (const line of lines) if (line !== '' || (out.length > 0 && out[out.length - 1] !== '')) out.push(line);
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}

function citationsOf(input: LetterInput, extra: string[] = []): string[] {
  const spec = requestTypeSpec(input.regime, input.type);
  const all = [...spec.citations, spec.deadline.citation, spec.verificationCitation, ...(spec.acknowledgement ? [spec.acknowledgement.citation] : []), ...extra];
  return [...new Set(all.map((c) => localCitation(c, input.language)))];
}

function render(lang: LetterLanguage, main: string, ctx: TemplateContext, bodyBlock: string, fixedSubject?: string): { subject: string; body: string } {
  const blocks = letterTemplates()[lang];
  if (!blocks[main]) throw new Error(`No "${main}" template in ${lang}`);
  if (!blocks[bodyBlock]) throw new Error(`No "${bodyBlock}" template in ${lang}`);
  const subject = oneLine(fixedSubject ?? renderTemplate(blocks.subject ?? '', ctx, { name: `${lang}/subject` }));
  const all = { ...blocks, body: blocks[bodyBlock] as string };
  const body = renderTemplate(blocks[main] as string, { ...ctx, subject }, { blocks: all, name: `${lang}/${main}` });
  return { subject, body: tidy(body) };
}

function checkInput(input: LetterInput): void {
  if (!(LETTER_LANGUAGES as readonly string[]).includes(input.language)) throw new Error(`No letters in "${input.language}"`);
  if (!input.identity.name.trim()) throw new Error('The letter needs your name');
  if (!input.company.site.trim()) throw new Error('The letter needs the site or company');
}

/** A request letter: subject, plain-text body, and the provisions it cites. */
export function renderLetter(input: LetterInput): Letter {
  checkInput(input);
  const { subject, body } = render(input.language, 'letter', context(input), input.type);
  return { subject, body, citations: citationsOf(input) };
}

/** How the original request went, in the letter's words; '' for a channel the letter does not name (a copied text). */
function channelPhrase(w: Words, channel: string | null): string {
  const phrases: Readonly<Record<string, string>> = w.channels;
  return channel && Object.hasOwn(phrases, channel) ? (phrases[channel] as string) : '';
}

/**
 * A follow-up to a sent request: a reminder to the company, or a complaint
 * to the supervisory authority (which needs `input.authority`).
 */
export function renderFollowUp(kind: FollowUpKind, input: FollowUpInput): Letter {
  checkInput(input);
  const lang = input.language;
  const w = WORDS[lang];
  const ctx = context(input);
  const typeTitle = ctx.typeTitle as string;
  const authority = input.authority;
  if (kind === 'complaint' && !authority) throw new Error('A complaint needs the supervisory authority it goes to');
  const company = ctx.company as { site: string };
  const full: TemplateContext = {
    ...ctx,
    typeTitle,
    original: {
      sentAt: formatDay(input.original.sentAt, lang),
      dueDate: formatDay(input.original.dueDate, lang),
      channel: channelPhrase(w, input.original.channel),
    },
    authority: {
      name: authority ? oneLine(authority.name) : '',
      address: authority?.address ? authority.address.split('\n').map(oneLine).filter(Boolean).join('\n') : '',
    },
  };
  // The subject names the follow-up and the original request.
  const subject = `${kind === 'reminder' ? w.reminder : w.complaint}: ${typeTitle} – ${company.site}`;
  const rendered = render(lang, kind, full, input.type, subject);
  const regime = regimeById(input.regime);
  return { subject: rendered.subject, body: rendered.body, citations: citationsOf(input, [regime.complaint.citation]) };
}
