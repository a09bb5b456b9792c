/**
 * Contacts named in a policy, each with its role. The role decides whether
 * an address may receive a rights request: supervisory authorities, payment
 * processors and other vendors, careers and press addresses are found but
 * never offered as the place to write. Roles come from, in order: the
 * domain (lists in lexicon/domains.json), the local part, then the words of
 * the sentence and section around the address.
 */
import { getDomain } from 'tldts';
import domains from '../lexicon/domains.json';
import { groups, terms } from '../lexicon';
import type { TextLink } from '../links-in-text';
import { compileTerms, hasTerm } from '../match';
import { evidence, type Doc, type Sentence } from '../segment';
import type { ContactRole, PolicyContact } from '../types';
import { findEmails } from './emails';
import { findPostalAddresses } from './postal';

const ROLES = groups('roles');
const re = (k: string) => compileTerms(ROLES[k] ?? []);
const AUTHORITY = re('authority');
const PROCESSOR = re('processor');
const REPRESENTATIVE = re('representative');
const UK = re('uk');
const CAREERS = re('careers');
const PRESS = re('press');
const DPO = re('dpo');
const PRIVACY = re('privacy');
export const RIGHTS_CONTEXT = re('rightsContext');
const WEB_FORM = compileTerms(terms('webForm'));

const AUTHORITY_DOMAINS = new Set(domains.authority);
const PROCESSOR_DOMAINS = new Set(domains.processor);
const REP_DOMAINS = new Set(domains.representative);

export function registrable(host: string): string {
  const h = host.toLowerCase().replace(/^www\./, '');
  return getDomain(h, { allowPrivateDomains: true }) ?? h;
}

/** Same organisation, loosely: the same registrable domain, or one's name inside the other's (zillow / zillowgroup). */
export function relatedDomain(a: string, b: string | null): boolean {
  if (!b) return true;
  const ra = registrable(a);
  const rb = registrable(b);
  if (ra === rb) return true;
  const na = ra.split('.')[0] ?? ra;
  const nb = rb.split('.')[0] ?? rb;
  return na.length >= 4 && nb.length >= 4 && (na.includes(nb) || nb.includes(na));
}

function isAuthorityDomain(domain: string): boolean {
  const d = domain.toLowerCase();
  if (AUTHORITY_DOMAINS.has(d) || AUTHORITY_DOMAINS.has(registrable(d))) return true;
  if (domains.authoritySuffixes.some((s) => d.endsWith(s))) return true;
  // German state commissioners: datenschutz.<land>.de, ldi.nrw.de, lfd.*.de
  return /^(?:[a-z-]+\.)?(?:datenschutz|ldi|lfd|lfdi|bfdi)\.[a-z-]+\.de$/.test(d);
}

function sentenceAt(doc: Doc, index: number): Sentence | undefined {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid]!;
    if (index < s.start) hi = mid - 1;
    else if (index >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** The words around a position: its sentence (or a window when unsegmented) and its section heading. */
function contextAt(doc: Doc, start: number, end: number): { near: string; before: string; heading: string } {
  const s = sentenceAt(doc, start);
  const before = doc.lower.slice(Math.max(0, start - 160), start);
  const near = s && s.end - s.start < 600 ? s.lower : doc.lower.slice(Math.max(0, start - 200), Math.min(doc.text.length, end + 80));
  return { near, before, heading: s?.heading ?? '' };
}

export function emailRole(address: string, ctx: { near: string; before: string; heading: string }, site: string | null): ContactRole {
  const [local = '', domain = ''] = address.split('@');
  const related = relatedDomain(domain, site);
  if (isAuthorityDomain(domain)) return 'authority';
  if (REP_DOMAINS.has(registrable(domain)) || (!related && hasTerm(REPRESENTATIVE, ctx.near))) {
    return hasTerm(UK, ctx.near) || /(^|[._-])uk/.test(local) ? 'ukRepresentative' : 'euRepresentative';
  }
  if (/career|jobs?\b|recruit|bewerbung|karriere|emploi|recrutement|empleo/.test(local)) return 'careers';
  if (/^(press|presse|media|medien|prensa|stampa)\b/.test(local)) return 'press';
  if (!related && PROCESSOR_DOMAINS.has(registrable(domain))) return 'processor';
  if (hasTerm(AUTHORITY, ctx.before.slice(-100)) && !related) return 'authority';
  if (hasTerm(CAREERS, ctx.near) && !hasTerm(PRIVACY, ctx.near)) return 'careers';
  if (hasTerm(PRESS, ctx.near) && !hasTerm(PRIVACY, ctx.near)) return 'press';
  if (!related && hasTerm(PROCESSOR, ctx.near)) return 'processor';
  if (!related) return 'other';
  if (/(^|[._-])(dpo|dpd|dsb)([._-]|$)|dataprotectionofficer|datenschutzbeauftragte/.test(local) || hasTerm(DPO, ctx.near)) return 'dpo';
  if (/privacy|priva|datenschutz|dataprotection|data-protection|gdpr|rgpd|dsgvo|protecciondedatos|confidentialit|donneespersonnelles|datos|baomat|riengtu|dulieu/.test(local)) return 'privacy';
  if (hasTerm(PRIVACY, ctx.near) || hasTerm(PRIVACY, ctx.heading)) return 'privacy';
  // The site's own address given where the text speaks of requests or rights is its privacy channel.
  if (hasTerm(RIGHTS_CONTEXT, ctx.near) && hasTerm(RIGHTS_CONTEXT, ctx.heading)) return 'privacy';
  if (/^(info|contact|hello|support|service|kundenservice|help|office|mail|kontakt|contacto|lienhe|cskh|hotro)/.test(local)) return 'general';
  return 'other';
}

const FORM_HOSTS = new Set(domains.formHosts);
const REQUEST_WORDS =
  /request|exercise|submit|opt[- ]out|delete|access your|anfrage|antrag|geltend|ausüben|auskunft|löschung|widerspruch|demande|exercer|suppression|accès|solicitud|ejercer|supresión|yêu cầu|solicitare/;

function isWebForm(link: TextLink, doc: Doc): boolean {
  let url: URL;
  try {
    url = new URL(link.href);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  const target = `${url.hostname}${url.pathname}${url.hash}`.toLowerCase();
  if (FORM_HOSTS.has(url.hostname)) return true;
  // Another organisation's policy, a press page or a law text is not a channel.
  if (/polic(y|ies)|datenschutzerkl|richtlinie|legal\/|terms|\.pdf$|eur-lex|gesetze/.test(target)) return false;
  const near = contextAt(doc, link.start, link.end).near;
  if (domains.formPath.some((p) => target.includes(p))) return hasTerm(RIGHTS_CONTEXT, near);
  // A link named only "here" / "form" must sit in a sentence about making a request.
  return hasTerm(WEB_FORM, link.text.toLowerCase()) && REQUEST_WORDS.test(near);
}

/** Percent-decoding that leaves a malformed sequence ("%E0%A4%A", a page's own mistake or a trap) as it is instead of throwing. */
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export interface ContactInput {
  doc: Doc;
  links: readonly TextLink[];
  /** Registrable domain of the site, when known (from the URL), else guessed from the addresses. */
  site: string | null;
}

/** The registrable domain most addresses in the text belong to (authorities and representatives left out). */
export function dominantDomain(doc: Doc): string | null {
  const counts = new Map<string, number>();
  for (const hit of findEmails(doc.text, doc)) {
    const d = registrable(hit.address.split('@')[1] ?? '');
    if (isAuthorityDomain(d) || REP_DOMAINS.has(d) || PROCESSOR_DOMAINS.has(d)) continue;
    counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best: string | null = null;
  let n = 0;
  for (const [d, c] of counts) if (c > n) [best, n] = [d, c];
  return best;
}

export function extractContacts({ doc, links, site }: ContactInput): PolicyContact[] {
  const contacts: PolicyContact[] = [];
  const seen = new Set<string>();
  const push = (c: PolicyContact) => {
    const key = `${c.channel}:${c.value}`;
    if (seen.has(key)) return;
    seen.add(key);
    contacts.push(c);
  };
  const emailHits = findEmails(doc.text, doc);
  for (const hit of emailHits) {
    const ctx = contextAt(doc, hit.evidence.start, hit.evidence.end);
    push({ channel: 'email', value: hit.address, role: emailRole(hit.address, ctx, site), evidence: hit.evidence });
  }
  for (const link of links) {
    if (link.href.toLowerCase().startsWith('mailto:')) {
      const address = safeDecode(link.href.slice(7).split('?')[0] ?? '').trim().toLowerCase();
      // No invisible or control characters: a bidi override or zero-width joiner in an address only serves to disguise it.
      if (!/^[^@\s\p{C}]{1,64}@[a-z0-9.-]{1,255}\.[a-z]{2,24}$/u.test(address)) continue;
      const ctx = contextAt(doc, link.start, link.end);
      push({ channel: 'email', value: address, role: emailRole(address, ctx, site), evidence: evidence(doc.text, link.start, link.end) });
    } else if (isWebForm(link, doc)) {
      const ctx = contextAt(doc, link.start, link.end);
      let host = '';
      try {
        host = new URL(link.href).hostname;
      } catch {
        continue;
      }
      const role: ContactRole = isAuthorityDomain(host) ? 'authority' : hasTerm(PRIVACY, ctx.near) || hasTerm(RIGHTS_CONTEXT, ctx.near) ? 'privacy' : 'general';
      const ev = link.end > link.start ? evidence(doc.text, link.start, link.end) : evidence(doc.text, link.start, link.start + link.href.length);
      push({ channel: 'webForm', value: link.href, role, evidence: ev });
    }
  }
  for (const phone of phoneContacts(doc, site)) push(phone);
  for (const hit of findPostalAddresses(doc)) {
    const ctx = contextAt(doc, hit.evidence.start, hit.evidence.end);
    const role: ContactRole = hasTerm(AUTHORITY, ctx.before.slice(-120)) ? 'authority' : hasTerm(RIGHTS_CONTEXT, ctx.near) || hasTerm(PRIVACY, ctx.heading) ? 'privacy' : 'general';
    push({ channel: 'postal', value: hit.address, role, evidence: hit.evidence });
  }
  return contacts;
}

const PHONE = /(?:téléphone|telephone|phone|telefon|tel\.|điện thoại|teléfono|telefone|telefonisch|hotline)[^\d\n]{0,20}?(\+?\d[\d .()/-]{1,18}\d)/gi;

function phoneContacts(doc: Doc, site: string | null): PolicyContact[] {
  const out: PolicyContact[] = [];
  PHONE.lastIndex = 0;
  for (let m = PHONE.exec(doc.text); m && out.length < 20; m = PHONE.exec(doc.text)) {
    const number = m[1]!;
    if (number.replace(/\D/g, '').length < 4) continue;
    const start = m.index + m[0].length - number.length;
    const ctx = contextAt(doc, start, start + number.length);
    const role: ContactRole = hasTerm(AUTHORITY, ctx.before.slice(-120)) ? 'authority' : hasTerm(PROCESSOR, ctx.near) && site !== null ? 'other' : hasTerm(RIGHTS_CONTEXT, ctx.near) ? 'privacy' : 'general';
    out.push({ channel: 'phone', value: number.trim(), role, evidence: evidence(doc.text, start, start + number.length) });
  }
  return out;
}

/** How often each contact value occurs, and whether any occurrence sits in a sentence about rights or requests. */
export function contactMentions(doc: Doc, contacts: readonly PolicyContact[]): Map<string, { count: number; rights: boolean }> {
  const out = new Map<string, { count: number; rights: boolean }>();
  // Grouped once: filtering every hit for every contact was quadratic in a text full of distinct addresses.
  const byAddress = new Map<string, number[]>();
  for (const h of findEmails(doc.text, doc)) {
    const list = byAddress.get(h.address);
    if (list) list.push(h.evidence.start);
    else byAddress.set(h.address, [h.evidence.start]);
  }
  for (const c of contacts) {
    const positions = c.channel === 'email' ? [...(byAddress.get(c.value) ?? [])] : [c.evidence.start];
    if (positions.length === 0) positions.push(c.evidence.start);
    const rights = positions.some((p) => {
      const ctx = contextAt(doc, p, p + 1);
      return hasTerm(RIGHTS_CONTEXT, ctx.near) || hasTerm(RIGHTS_CONTEXT, ctx.heading);
    });
    out.set(`${c.channel}:${c.value}`, { count: positions.length, rights });
  }
  return out;
}
