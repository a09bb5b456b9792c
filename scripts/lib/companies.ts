import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDomain } from 'tldts';
import type { Authority, CompanyRecord } from '../../core/requests/types';

/**
 * Turns the datenanfragen.de company and authority records (CC0) into the
 * compact files core/requests/ bundles: one entry per company with its web
 * domains, privacy contact, postal address, country and record quality; and
 * the supervisory authorities. Contacts that name a person are dropped.
 */

export const COMPANY_CREDIT = 'Datenanfragen.de e. V., CC0 1.0';

/** A record as datenanfragen stores it (only the fields read here). */
export interface SourceRecord {
  slug: string;
  name: string;
  web?: string;
  email?: string;
  webform?: string;
  address?: string;
  'relevant-countries'?: string[];
  'request-language'?: string;
  quality?: string;
}

export interface CompanyIndexFile {
  source: string;
  licence: string;
  companies: CompanyRecord[];
}

export interface AuthorityIndexFile {
  source: string;
  licence: string;
  authorities: Authority[];
}

/** Words that make an address a role, not a person. */
const ROLE_WORDS = [
  'privacy', 'datenschutz', 'dataprotection', 'data', 'protection', 'dpo', 'dsb', 'gdpr', 'dsgvo', 'rgpd', 'avg', 'info', 'kontakt',
  'contact', 'support', 'service', 'legal', 'compliance', 'office', 'mail', 'post', 'hello', 'help', 'team', 'kunden', 'customer',
  'request', 'requests', 'rights', 'dsr', 'dsar', 'buero', 'pfa', 'verwaltung', 'admin', 'security', 'recht', 'konzern', 'global',
];

/**
 * Common given names: a `given.surname` or `g.surname` address names a
 * person. A short list catches the usual cases; `initial.surname` is caught
 * whatever the name.
 */
const GIVEN_NAMES = new Set(
  (
    'adam alexander alex andrea andreas anna anne benjamin bernd birgit carsten christian christina christoph claudia ' +
    'daniel david dirk eva felix florian frank gabriele georg hans heike helmut jan jana jens johannes jonas jorg joerg ' +
    'julia jurgen juergen karin katharina kai klaus lars laura lena lukas manfred marc marcel maria marie mario mark markus ' +
    'martin matthias max michael monika nicole niklas oliver patrick paul peter petra philipp ralf robert sabine sandra ' +
    'sarah sascha sebastian simon sophie stefan stephan steffen susanne sven thomas tim tobias torsten ulrich ute uwe ' +
    'werner wolfgang john james william richard charles joseph mary linda elizabeth jennifer susan jessica emily emma ' +
    'olivia james jean pierre marc luc nicolas francois sophie camille julien antoine pedro jose juan carlos luis ana ' +
    'marco luca giuseppe francesco giulia anders erik lars johan karl nils'
  ).split(' '),
);

const PERSON_LINE_STARTS = ['attn', 'attention', 'z. hd', 'z.hd', 'zu händen', 'herr ', 'frau ', 'mr ', 'mr. ', 'mrs', 'ms ', 'ms. ', 'dr. '];

function hasRoleWord(text: string): boolean {
  const lower = text.toLowerCase();
  return ROLE_WORDS.some((w) => lower.includes(w));
}

/** True when an email address looks like it belongs to one person rather than a role. */
export function emailNamesPerson(email: string): boolean {
  const local = email.slice(0, email.lastIndexOf('@')).toLowerCase();
  if (hasRoleWord(local)) return false;
  const parts = local.split(/[._-]/);
  if (parts.length !== 2) return false;
  const [first, last] = parts as [string, string];
  if (!/^[a-z]+$/.test(first) || !/^[a-z]{2,}$/.test(last)) return false;
  return first.length === 1 || GIVEN_NAMES.has(first);
}

/** True when an address line is addressed to a named person. */
export function lineNamesPerson(line: string): boolean {
  const lower = line.trim().toLowerCase();
  return PERSON_LINE_STARTS.some((s) => lower.startsWith(s)) && !hasRoleWord(lower.replace(/^attn:?|^attention:?/, ''));
}

/** ISO codes for the country names that end datenanfragen addresses. */
const COUNTRY_NAMES: Record<string, string> = {
  deutschland: 'DE', germany: 'DE', österreich: 'AT', austria: 'AT', schweiz: 'CH', switzerland: 'CH', france: 'FR',
  'the netherlands': 'NL', netherlands: 'NL', nederland: 'NL', ireland: 'IE', 'united kingdom': 'GB', 'united states of america': 'US',
  'united states': 'US', sweden: 'SE', belgium: 'BE', luxembourg: 'LU', spain: 'ES', españa: 'ES', poland: 'PL', polska: 'PL',
  italy: 'IT', italia: 'IT', lithuania: 'LT', denmark: 'DK', cyprus: 'CY', liechtenstein: 'LI', finland: 'FI', malta: 'MT',
  greece: 'GR', 'czech republic': 'CZ', bulgaria: 'BG', portugal: 'PT', estonia: 'EE', hungary: 'HU', romania: 'RO', norway: 'NO',
  slovakia: 'SK', croatia: 'HR', hrvatska: 'HR', slovenia: 'SI', iceland: 'IS', latvia: 'LV', canada: 'CA', australia: 'AU',
  'new zealand': 'NZ', singapore: 'SG', 'republic of singapore': 'SG', 'hong kong': 'HK', japan: 'JP', china: 'CN', india: 'IN',
  israel: 'IL', 'united arab emirates': 'AE', 'isle of man': 'IM', gibraltar: 'GI', brazil: 'BR', brasil: 'BR', vietnam: 'VN', 'viet nam': 'VN',
};

export function countryOfAddress(address: string): string | null {
  const last = address.split('\n').pop()?.trim().toLowerCase() ?? '';
  return COUNTRY_NAMES[last] ?? null;
}

function domainOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return getDomain(host, { allowPrivateDomains: false }) ?? null;
  } catch {
    return null;
  }
}

/** One compact company, or null when it has no web domain to be found by. */
export function compactCompany(src: SourceRecord): CompanyRecord | null {
  const domain = domainOf(src.web);
  if (!domain) return null;
  const email = src.email && !emailNamesPerson(src.email) ? src.email.trim() : null;
  const lines = (src.address ?? '').split('\n').map((l) => l.trim()).filter((l) => l && !lineNamesPerson(l));
  const address = lines.length ? lines.join('\n') : null;
  return {
    slug: src.slug,
    name: src.name.trim(),
    domains: [domain],
    email,
    webForm: src.webform?.startsWith('https://') ? src.webform : null,
    address,
    country: address ? countryOfAddress(address) : null,
    quality: src.quality ?? 'imported',
    requestLanguage: src['request-language'] ?? null,
  };
}

export function buildCompanyIndex(records: SourceRecord[]): CompanyIndexFile {
  const companies = records
    .map(compactCompany)
    .filter((c): c is CompanyRecord => c !== null && (c.email !== null || c.webForm !== null || c.address !== null))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return { source: 'https://github.com/datenanfragen/data', licence: COMPANY_CREDIT, companies };
}

export function buildAuthorityIndex(records: SourceRecord[]): AuthorityIndexFile {
  const authorities = records
    .map(
      (r): Authority => ({
        slug: r.slug,
        name: r.name.trim(),
        country: (r['relevant-countries']?.[0] ?? '').toUpperCase(),
        email: r.email && !emailNamesPerson(r.email) ? r.email.trim() : null,
        webForm: r.webform?.startsWith('https://') ? r.webform : null,
        address: r.address ? r.address.split('\n').map((l) => l.trim()).filter((l) => l && !lineNamesPerson(l)).join('\n') : null,
        web: r.web ?? null,
        credit: COMPANY_CREDIT,
      }),
    )
    .filter((a) => a.country)
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  return { source: 'https://github.com/datenanfragen/data', licence: COMPANY_CREDIT, authorities };
}

/** Reads every `*.json` record of a datenanfragen folder, sorted by file name. */
export function readRecords(dir: string): SourceRecord[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as SourceRecord);
}

/** Columns of a company row in companies.json, in order. */
export const COMPANY_COLUMNS = ['slug', 'name', 'domains', 'email', 'webForm', 'address', 'country', 'quality', 'requestLanguage'] as const;

/**
 * The committed files' text. Companies are rows of {@link COMPANY_COLUMNS}
 * (a third of the size of objects), one per line so diffs stay readable.
 */
export function serialise(file: CompanyIndexFile | AuthorityIndexFile): string {
  const head = `{"source":${JSON.stringify(file.source)},"licence":${JSON.stringify(file.licence)},`;
  if ('authorities' in file) {
    return `${head}"authorities":[\n${file.authorities.map((a) => JSON.stringify(a)).join(',\n')}\n]}\n`;
  }
  const rows = file.companies.map((c) => JSON.stringify(COMPANY_COLUMNS.map((k) => c[k])));
  return `${head}"columns":${JSON.stringify(COMPANY_COLUMNS)},"companies":[\n${rows.join(',\n')}\n]}\n`;
}
