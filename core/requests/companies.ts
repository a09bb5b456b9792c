import { normaliseSiteInput } from '../sites/domain';
import index from './data/companies.json';
import type { CompanyRecord, ContactCandidate, PolicyContactLike } from './types';
import { checkEmailAddress } from './channels';

/**
 * The bundled company index (built by `npm run data:companies` from the
 * datenanfragen.de database, CC0) and contact resolution: the policy
 * reader's contact first, then the index, then what the user typed. Every
 * candidate says where it came from and how sure it is; nothing is guessed.
 */

/** The credit shown next to every contact from the index (the file's `licence`). */
export const COMPANY_INDEX_CREDIT = 'Datenanfragen.de e. V., CC0 1.0';

type Row = [string, string, string[], string | null, string | null, string | null, string | null, string, string | null];

const QUALITY_RANK: Record<string, number> = { tested: 4, verified: 3, imported: 2, scraped: 1 };
/** How sure a contact from the index is, by the record's quality. */
const QUALITY_CONFIDENCE: Record<string, number> = { tested: 0.9, verified: 0.8, imported: 0.6, scraped: 0.4 };

function toRecord(row: Row): CompanyRecord {
  const [slug, name, domains, email, webForm, address, country, quality, requestLanguage] = row;
  return { slug, name, domains, email, webForm, address, country, quality, requestLanguage };
}

let byDomain: Map<string, CompanyRecord> | null = null;

function domainMap(): Map<string, CompanyRecord> {
  if (byDomain) return byDomain;
  byDomain = new Map();
  for (const row of index.companies as Row[]) {
    const record = toRecord(row);
    for (const domain of record.domains) {
      const held = byDomain.get(domain);
      if (!held || (QUALITY_RANK[record.quality] ?? 0) > (QUALITY_RANK[held.quality] ?? 0)) byDomain.set(domain, record);
    }
  }
  return byDomain;
}

/** Every company in the index (for tests and the data page). */
export function allCompanies(): CompanyRecord[] {
  return (index.companies as Row[]).map(toRecord);
}

/** The company behind a site (registrable domain or URL), or null when the index does not know it. */
export function lookupCompany(site: string): CompanyRecord | null {
  const domain = normaliseSiteInput(site);
  return domain ? (domainMap().get(domain) ?? null) : null;
}

function isEmail(value: string): boolean {
  try {
    checkEmailAddress(value);
    return true;
  } catch {
    return false;
  }
}

function clamp(n: number): number {
  return Math.max(0, Math.min(1, n));
}

/**
 * Where to send a request, best first: the policy reader's contact, the
 * company index's email, web form and postal address, and the user's own
 * entry (an email address or a web-form URL; anything else is left out).
 */
export function resolveContacts(input: {
  policyBestContact: PolicyContactLike | null;
  site: string;
  userEntered: string | null;
}): ContactCandidate[] {
  const out: ContactCandidate[] = [];
  const seen = new Set<string>();
  const add = (c: ContactCandidate) => {
    const key = `${c.channel}|${c.value.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(c);
  };
  const p = input.policyBestContact;
  if (p && p.value.trim() && (p.channel !== 'email' || isEmail(p.value))) {
    add({ channel: p.channel, value: p.value.trim(), source: 'policy', confidence: clamp(p.confidence ?? 0.7) });
  }
  const company = lookupCompany(input.site);
  if (company) {
    const confidence = QUALITY_CONFIDENCE[company.quality] ?? 0.5;
    const from = { source: 'companyIndex' as const, quality: company.quality, credit: COMPANY_INDEX_CREDIT };
    if (company.email) add({ channel: 'email', value: company.email, confidence, ...from });
    if (company.webForm) add({ channel: 'webForm', value: company.webForm, confidence, ...from });
    if (company.address) add({ channel: 'postal', value: company.address, confidence: confidence * 0.9, ...from });
  }
  const typed = input.userEntered?.trim();
  if (typed) {
    if (isEmail(typed)) add({ channel: 'email', value: typed, source: 'user', confidence: 1 });
    else if (typed.startsWith('https://') || typed.startsWith('http://')) add({ channel: 'webForm', value: typed, source: 'user', confidence: 1 });
  }
  // The user's own entry stands first: they chose it.
  return [...out.filter((c) => c.source === 'user'), ...out.filter((c) => c.source !== 'user')];
}
