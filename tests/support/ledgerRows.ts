import { newSite, type CookieRecord, type ThirdPartyDay } from '../../core/ledger/records';
import { cookieId, thirdPartyId, type LedgerRows } from '../../core/ledger/tables';

/** A cookie row with its id made from its site, domain and name. */
export function cookie(site: string, name: string, at: number, change: Partial<CookieRecord> = {}): CookieRecord {
  const row: CookieRecord = {
    id: '', site, domain: site, name, firstParty: true, session: false, lifetimeDays: 365, purpose: 'analytics',
    firstSetAt: at, lastSetAt: at, times: 1, violation: null, ...change,
  };
  return { ...row, id: cookieId(row) };
}

export function thirdParty(site: string, day: string, party: string, at: number, change: Partial<ThirdPartyDay> = {}): ThirdPartyDay {
  const row: ThirdPartyDay = { id: '', site, day, party, requests: 3, org: null, category: null, firstAt: at, lastAt: at, ...change };
  return { ...row, id: thirdPartyId(row) };
}

/** A small ledger with a row in every table, its site counters consistent with its rows. */
export function sampleRows(): LedgerRows {
  return {
    sites: [
      { ...newSite('shop.test', 1_000), lastSeen: 9_000, visits: 4, thirdParties: 2, cookies: 2, violations: 1, fields: ['email'], permissions: [] },
      { ...newSite('news.test', 2_000), lastSeen: 5_000, visits: 1, thirdParties: 1, cookies: 1, violations: 0, fields: [], permissions: ['geolocation'] },
    ],
    events: [
      { site: 'shop.test', at: 1_500, kind: 'consent.answer', data: { cmp: 'Klaro', outcome: 'respected', method: 'adapter', reason: null } },
      { site: 'shop.test', at: 1_500, kind: 'form.fields', data: { fields: ['email'], insecureSubmit: false } },
      { site: 'news.test', at: 2_500, kind: 'gpc.declaration', data: { declared: true, lastUpdate: '2024-01-01' } },
    ],
    cookies: [
      cookie('shop.test', '_ga', 2_000, { violation: { at: 2_000, purpose: 'analytics', refusedAt: 1_500 } }),
      cookie('shop.test', 'session', 2_100, { purpose: 'necessary', session: true, lifetimeDays: null }),
      cookie('news.test', 'ads', 3_000, { purpose: 'advertising', firstParty: false, domain: 'ads.example' }),
    ],
    thirdParties: [
      thirdParty('shop.test', '2024-05-01', 'tracker.example', 2_000, { org: 'Tracker Inc', category: 'advertising' }),
      thirdParty('shop.test', '2024-05-02', 'tracker.example', 3_000),
      thirdParty('shop.test', '2024-05-02', 'cdn.example', 3_000),
      thirdParty('news.test', '2024-05-02', 'cdn.example', 3_000),
    ],
    policies: [{ site: 'shop.test', url: 'https://shop.test/privacy', fetchedAt: 4_000, hash: 'h1', text: 'We keep your data.' }],
    requests: [{ id: 'r1', site: 'shop.test', regime: 'gdpr', type: 'access', status: 'draft', createdAt: 5_000, sentAt: null, dueAt: null, language: 'en', channel: null, contact: null, subject: 'Access request', body: 'Dear Sir or Madam', dueDate: null, extendedDueDate: null, history: [{ status: 'draft', at: 5_000 }] }],
  };
}
