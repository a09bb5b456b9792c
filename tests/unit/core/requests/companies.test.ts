import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authoritiesFor, authorityFor } from '../../../../core/requests/authorities';
import { allCompanies, COMPANY_INDEX_CREDIT, lookupCompany, resolveContacts } from '../../../../core/requests/companies';
import committedAuthorities from '../../../../core/requests/data/authorities.json';
import committed from '../../../../core/requests/data/companies.json';
import {
  buildAuthorityIndex,
  buildCompanyIndex,
  COMPANY_COLUMNS,
  countryOfAddress,
  emailNamesPerson,
  lineNamesPerson,
  readRecords,
  serialise,
} from '../../../../scripts/lib/companies';

const SAMPLE = join(import.meta.dirname, 'sample');

describe('company index build (npm run data:companies)', () => {
  it('turns the committed sample into exactly the expected files', () => {
    const companies = serialise(buildCompanyIndex(readRecords(join(SAMPLE, 'companies'))));
    const authorities = serialise(buildAuthorityIndex(readRecords(join(SAMPLE, 'supervisory-authorities'))));
    expect(companies).toBe(readFileSync(join(SAMPLE, 'companies.expected.json'), 'utf8'));
    expect(authorities).toBe(readFileSync(join(SAMPLE, 'authorities.expected.json'), 'utf8'));
  });

  it('drops a person email and an Attn: line naming a person, keeps role ones, skips records without a website', () => {
    const index = buildCompanyIndex(readRecords(join(SAMPLE, 'companies')));
    const person = index.companies.find((c) => c.slug === 'example-person');
    expect(person?.email).toBeNull();
    expect(person?.address).not.toContain('Max');
    const role = index.companies.find((c) => c.slug === 'example-role');
    expect(role?.email).toBe('privacy@exemple.example');
    expect(role?.address).toContain('Attn: Privacy Team');
    expect(role?.domains).toEqual(['exemple.example']);
    expect(index.companies.some((c) => c.slug === 'abis')).toBe(false);
    expect(index.companies.find((c) => c.slug === 'acxiom')?.webForm).toBe('https://www.acxiom.de/datenschutzanfragen/');
  });

  it('tells people from roles', () => {
    expect(emailNamesPerson('max.mustermann@shop.example')).toBe(true);
    expect(emailNamesPerson('m.mustermann@shop.example')).toBe(true);
    expect(emailNamesPerson('datenschutz@shop.example')).toBe(false);
    expect(emailNamesPerson('privacy.team@shop.example')).toBe(false);
    expect(emailNamesPerson('asse.pfa@shop.example')).toBe(false);
    expect(lineNamesPerson('z. Hd. Frau Beispiel')).toBe(true);
    expect(lineNamesPerson('Attn: Data Protection Officer')).toBe(false);
    expect(lineNamesPerson('Beispielweg 1')).toBe(false);
    expect(countryOfAddress('1 Road\nDeutschland')).toBe('DE');
    expect(countryOfAddress('1 Road\nAtlantis')).toBeNull();
  });
});

describe('committed company index', () => {
  const companies = allCompanies();

  it('has the expected shape, a credit and a reasonable size', () => {
    expect(committed.columns).toEqual([...COMPANY_COLUMNS]);
    expect(committed.licence).toContain('Datenanfragen.de');
    expect(companies.length).toBeGreaterThan(2000);
    expect(JSON.stringify(committed).length).toBeLessThan(700_000);
  });

  it('gives every entry a domain, a way to write and a quality, and names no person by the heuristic', () => {
    for (const c of companies) {
      expect(c.domains.length, c.slug).toBeGreaterThan(0);
      for (const d of c.domains) expect(d, c.slug).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
      expect(c.email ?? c.webForm ?? c.address, c.slug).toBeTruthy();
      expect(['tested', 'verified', 'imported', 'scraped']).toContain(c.quality);
      if (c.email) expect(emailNamesPerson(c.email), c.email).toBe(false);
      for (const line of (c.address ?? '').split('\n')) expect(lineNamesPerson(line), line).toBe(false);
    }
  });

  it('has the authorities, each with a country', () => {
    expect(committedAuthorities.authorities.length).toBeGreaterThan(50);
    for (const a of committedAuthorities.authorities) expect(a.country).toMatch(/^[A-Z]{2}$/);
  });
});

describe('lookupCompany', () => {
  it('finds a company by registrable domain, URL or subdomain', () => {
    expect(lookupCompany('1blu.de')?.name).toBe('1blu AG');
    expect(lookupCompany('https://www.1blu.de/impressum')?.name).toBe('1blu AG');
    expect(lookupCompany('shop.1blu.de')?.name).toBe('1blu AG');
  });

  it('returns null for unknown sites and junk', () => {
    expect(lookupCompany('no-such-company.example')).toBeNull();
    expect(lookupCompany('')).toBeNull();
    expect(lookupCompany('not a site')).toBeNull();
  });
});

describe('resolveContacts', () => {
  it('puts the policy contact first, then the index with its quality and credit', () => {
    const list = resolveContacts({
      policyBestContact: { channel: 'email', value: 'dpo@1blu.de', confidence: 0.9 },
      site: '1blu.de',
      userEntered: null,
    });
    expect(list[0]).toEqual({ channel: 'email', value: 'dpo@1blu.de', source: 'policy', confidence: 0.9 });
    const fromIndex = list.filter((c) => c.source === 'companyIndex');
    expect(fromIndex.map((c) => c.channel)).toEqual(['email', 'postal']);
    expect(fromIndex[0]).toMatchObject({ value: 'datenschutzbeauftragter@1blu.de', quality: 'verified', credit: expect.stringContaining('CC0') });
  });

  it('puts what the user typed first, and never invents a contact', () => {
    const list = resolveContacts({ policyBestContact: null, site: 'unknown.example', userEntered: ' me@unknown.example ' });
    expect(list).toEqual([{ channel: 'email', value: 'me@unknown.example', source: 'user', confidence: 1 }]);
    expect(resolveContacts({ policyBestContact: null, site: 'unknown.example', userEntered: null })).toEqual([]);
    expect(resolveContacts({ policyBestContact: null, site: 'unknown.example', userEntered: 'call them' })).toEqual([]);
  });

  it('ignores a malformed policy email and merges duplicates', () => {
    const list = resolveContacts({
      policyBestContact: { channel: 'email', value: 'datenschutzbeauftragter@1blu.de' },
      site: '1blu.de',
      userEntered: null,
    });
    expect(list.filter((c) => c.value === 'datenschutzbeauftragter@1blu.de')).toHaveLength(1);
    expect(resolveContacts({ policyBestContact: { channel: 'email', value: 'not an email' }, site: 'x.example', userEntered: null })).toEqual([]);
  });
});

describe('authorityFor', () => {
  it('picks the authority of the country of residence under the GDPR', () => {
    expect(authorityFor('gdpr', 'fr')?.slug).toBe('frcnil');
    expect(authorityFor('gdpr', 'DE')?.slug).toBe('debfdi');
    expect(authoritiesFor('gdpr', 'DE').length).toBeGreaterThan(10);
    expect(authorityFor('gdpr', 'VN')).toBeNull();
  });

  it('has one for every other regime', () => {
    expect(authorityFor('ukGdpr', null)?.slug).toBe('gbico');
    expect(authorityFor('ccpa', 'US')?.name).toContain('California Privacy Protection Agency');
    expect(authorityFor('lgpd', 'BR')?.name).toContain('ANPD');
    expect(authorityFor('vnPdpl', 'VN')?.name).toContain('A05');
  });
});

describe('company index credit', () => {
  it('matches the licence line of the committed file', () => {
    expect(COMPANY_INDEX_CREDIT).toBe(committed.licence);
  });
});
