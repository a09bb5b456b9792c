/**
 * analysePolicy: one policy (text, Markdown or HTML) in, its summary out,
 * every field with a quote from the normalised text and a confidence.
 * Synchronous, pure and deterministic: the extension's background and
 * `npm run analyze-policy` run this same function.
 */
import { dominantDomain, extractContacts, registrable } from './extract/contacts';
import { pickBestContact } from './extract/bestContact';
import { MAX_EMAIL_ANCHORS, scanEmails } from './extract/emails';
import { extractChildrenAge } from './extract/childrenAge';
import { extractController } from './extract/controller';
import { extractLastUpdated } from './extract/lastUpdated';
import { extractRetention } from './extract/retention';
import { extractRights, extractRightsExercise } from './extract/rights';
import { extractSale } from './extract/sale';
import { extractSecurity } from './extract/security';
import { extractSharing } from './extract/sharing';
import { extractTransfers } from './extract/transfers';
import { extractDataCategories, extractLegalBases, extractPurposes, extractRegimes } from './extract/vocabularies';
import { fnv1a } from './hash';
import { htmlToStructuredText, MAX_HTML_CHARS } from './html';
import { detectLanguage } from './language';
import { linksInText, type TextLink } from './links-in-text';
import { MAX_INPUT_CHARS, normaliseText } from './normalise';
import { segment } from './segment';
import type { AnalyseInput, PolicyLanguage, PolicySummary } from './types';
import { LANGUAGES } from './types';
import { POLICY_SUMMARY_VERSION } from './version';

function looksLikeHtml(input: AnalyseInput): boolean {
  if (input.html !== undefined) return true;
  if (input.contentType && /html|xml/i.test(input.contentType)) return true;
  return false;
}

function siteOfUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? registrable(u.hostname) : null;
  } catch {
    return null;
  }
}

function langPrior(lang: string | null): PolicyLanguage | null {
  const base = lang?.split(/[-_]/)[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(base) ? (base as PolicyLanguage) : null;
}

export function analysePolicy(input: AnalyseInput): PolicySummary {
  const warnings: string[] = [];
  let text: string;
  let title: string | null = null;
  let known: TextLink[] = [];
  let htmlLang: string | null = null;
  if (looksLikeHtml(input)) {
    const html = String(input.html ?? input.text ?? '');
    if (html.length > MAX_HTML_CHARS) warnings.push(`HTML cut to its first ${MAX_HTML_CHARS} characters.`);
    const structured = htmlToStructuredText(html);
    if (structured.truncated) warnings.push('HTML nested too deeply: read up to the point where it stopped making sense.');
    if (structured.searchCut) warnings.push('Too many headings or links could not be placed in the text: the rest were left out.');
    text = structured.text;
    title = structured.title;
    htmlLang = structured.lang;
    known = structured.links;
  } else {
    const raw = String(input.text ?? '');
    if (raw.length > MAX_INPUT_CHARS) warnings.push(`Text cut to its first ${MAX_INPUT_CHARS} characters.`);
    text = normaliseText(raw);
  }
  if (text.length === 0) warnings.push('The document has no text.');
  const doc = segment(text);
  // The first top-level heading, else the first heading, else the first line.
  title ??= (doc.headings.find((h) => h.level <= 2) ?? doc.headings[0])?.text || text.split('\n', 1)[0]?.slice(0, 200) || null;
  let language = detectLanguage(text);
  if (language === 'und') language = langPrior(htmlLang) ?? 'und';

  const links = linksInText(text, known);
  const site = siteOfUrl(input.url) ?? dominantDomain(doc);
  const contacts = extractContacts({ doc, links, site });
  if (scanEmails(doc.text, doc).cut) warnings.push(`More than ${MAX_EMAIL_ANCHORS} places that may hold an email address: the rest of the text was not searched for addresses.`);
  const rights = extractRights(doc);

  return {
    version: POLICY_SUMMARY_VERSION,
    language,
    title,
    textHash: fnv1a(text),
    textLength: text.length,
    controller: extractController(doc, site),
    contacts,
    bestContact: pickBestContact(doc, contacts),
    dataCategories: extractDataCategories(doc),
    purposes: extractPurposes(doc),
    sharing: extractSharing(doc),
    sale: extractSale(doc),
    retention: extractRetention(doc),
    rights,
    rightsExercise: extractRightsExercise(doc, rights, contacts),
    transfers: extractTransfers(doc),
    childrenMinAge: extractChildrenAge(doc),
    lastUpdated: extractLastUpdated(doc, language),
    legalBases: extractLegalBases(doc),
    securityMeasures: extractSecurity(doc),
    regimes: extractRegimes(doc),
    warnings,
  };
}

/** The normalised text a summary's evidence offsets point into (for showing quotes in context). */
export function policyText(input: AnalyseInput): string {
  return looksLikeHtml(input) ? htmlToStructuredText(String(input.html ?? input.text ?? '')).text : normaliseText(String(input.text ?? ''));
}
