import { beforeEach, describe, expect, it } from 'vitest';
import type { ConsentRecord } from '../../../core/consent/record';
import { dayOf } from '../../../core/ledger/days';
import type { CookieRecord, LedgerEvent, ThirdPartyDay } from '../../../core/ledger/records';
import { database, eraseDatabase } from '../../../platform/db';
import { queries } from '../../../platform/queries';

const DAY = 86_400_000;
// Local noon, so "today" and "yesterday" do not depend on the time the suite runs.
const NOW = new Date(2026, 10, 20, 12).getTime();

function party(site: string, day: string, name: string, requests: number, extra: Partial<ThirdPartyDay> = {}): ThirdPartyDay {
  return { id: `${site}|${day}|${name}`, site, day, party: name, requests, org: null, category: null, firstAt: NOW, lastAt: NOW, ...extra };
}

function cookie(site: string, name: string, lastSetAt: number): CookieRecord {
  return {
    id: `${site}|${site}|${name}`, site, domain: site, name, firstParty: true, session: false, lifetimeDays: 365,
    purpose: 'analytics', firstSetAt: lastSetAt, lastSetAt, times: 1, violation: null,
  };
}

const event = (site: string, at: number, kind = 'test', data: unknown = {}): LedgerEvent => ({ site, at, kind, data });

beforeEach(async () => {
  await eraseDatabase(database());
});

describe('siteEvents: the timeline, paged newest first', () => {
  it('pages through one site only, with a cursor that survives events at the same moment', async () => {
    const events = Array.from({ length: 7 }, (_, i) => event('a.com', 1000 + Math.floor(i / 2) * 10, 'test', { i }));
    await database().events.bulkAdd([...events, event('b.com', 1005), event('b.com', 5000)]);
    const seen: number[] = [];
    let page = await queries.siteEvents('a.com', 3);
    for (;;) {
      seen.push(...page.events.map((e) => (e.data as { i: number }).i));
      if (!page.more) break;
      const last = page.events.at(-1)!;
      page = await queries.siteEvents('a.com', 3, { at: last.at, id: last.id! });
    }
    expect(seen).toEqual([6, 5, 4, 3, 2, 1, 0]);
  });

  it('says when there is nothing older', async () => {
    await database().events.bulkAdd([event('a.com', 1), event('a.com', 2)]);
    expect((await queries.siteEvents('a.com', 2)).more).toBe(false);
    expect((await queries.siteEvents('a.com', 1)).more).toBe(true);
    expect(await queries.siteEvents('nobody.com', 5)).toEqual({ events: [], more: false });
  });
});

describe('today', () => {
  it('reads only the calendar day of now, for the site, and sums its third parties', async () => {
    const consent = {
      cmp: 'Klaro', asked: { categories: [{ id: 'a', label: 'Statistics', purpose: 'analytics', required: false, consented: null }], vendorCount: 3 },
      intent: { purposes: { functional: true, analytics: false, personalization: false, advertising: false, social: false } },
    } as unknown as ConsentRecord;
    await database().events.bulkAdd([
      event('a.com', NOW - DAY, 'form.fields', { url: 'https://a.com/old', fields: [{ kind: 'phone', via: 'type', hint: 'tel' }], insecureSubmit: false }),
      event('a.com', NOW - 60_000, 'form.fields', { url: 'https://a.com/join', fields: [{ kind: 'email', via: 'type', hint: 'email' }], insecureSubmit: false }),
      event('a.com', NOW - 30_000, 'consent.answer', consent),
      event('a.com', NOW - 20_000, 'permission.prompt', { url: 'https://a.com/', permission: 'geolocation', result: 'denied' }),
      event('a.com', NOW - 10_000, 'cookie.violation', { name: '_ga', domain: 'a.com', purpose: 'analytics', refusedAt: NOW - 30_000, firstParty: true }),
      event('a.com', NOW - 5_000, 'policy.changed', {}),
      event('b.com', NOW, 'form.fields', { url: 'https://b.com/', fields: [{ kind: 'card', via: 'autocomplete', hint: 'cc-number' }], insecureSubmit: false }),
    ]);
    const today = dayOf(NOW);
    await database().thirdParties.bulkAdd([
      party('a.com', today, 'tracker.net', 5, { org: 'Tracker Inc', category: 'advertising' }),
      party('a.com', today, 'cdn.net', 9),
      party('a.com', dayOf(NOW - DAY), 'old.net', 50),
      party('b.com', today, 'other.net', 1),
    ]);
    const summary = await queries.today('a.com', NOW);
    expect(summary.fields).toEqual([{ kind: 'email', hint: 'email' }]);
    expect(summary.permissions).toEqual([{ permission: 'geolocation', result: 'denied' }]);
    expect(summary.consent).toEqual({ cmp: 'Klaro', vendorCount: 3, asked: [{ label: 'Statistics', purpose: 'analytics', refused: true }] });
    expect(summary.violations.map((v) => v.name)).toEqual(['_ga']);
    expect(summary.other).toBe(1);
    expect(summary.thirdParties).toMatchObject({ count: 2, requests: 14 });
    expect(summary.thirdParties.top.map((p) => p.party)).toEqual(['cdn.net', 'tracker.net']);
  });
});

describe('siteActivity and siteThirdParties', () => {
  it('counts events and requests per local day over the range, zero on quiet days', async () => {
    await database().events.bulkAdd([
      event('a.com', NOW), event('a.com', NOW - 1000), event('a.com', NOW - 2 * DAY),
      event('a.com', NOW - 40 * DAY), event('b.com', NOW),
    ]);
    await database().thirdParties.bulkAdd([
      party('a.com', dayOf(NOW), 'x.net', 4), party('a.com', dayOf(NOW), 'y.net', 1),
      party('a.com', dayOf(NOW - DAY), 'x.net', 7), party('a.com', dayOf(NOW - 40 * DAY), 'x.net', 100),
    ]);
    const days = await queries.siteActivity('a.com', NOW, 30);
    expect(days).toHaveLength(30);
    expect(days.at(-1)).toEqual({ day: dayOf(NOW), events: 2, requests: 5 });
    expect(days.at(-2)).toEqual({ day: dayOf(NOW - DAY), events: 0, requests: 7 });
    expect(days.at(-3)).toEqual({ day: dayOf(NOW - 2 * DAY), events: 1, requests: 0 });
    expect(days.reduce((s, d) => s + d.events, 0)).toBe(3);
    expect((await queries.siteActivity('a.com', NOW, 90)).reduce((s, d) => s + d.requests, 0)).toBe(112);

    const parties = await queries.siteThirdParties('a.com', NOW, 30);
    expect(parties).toEqual([
      expect.objectContaining({ party: 'x.net', requests: 11, days: 2 }),
      expect.objectContaining({ party: 'y.net', requests: 1, days: 1 }),
    ]);
  });
});

describe('site reads', () => {
  it('lists a site’s cookies newest first, and its latest events of some kinds', async () => {
    await database().cookies.bulkAdd([cookie('a.com', 'old', 1), cookie('a.com', 'new', 9), cookie('b.com', 'other', 5)]);
    expect((await queries.siteCookies('a.com')).map((c) => c.name)).toEqual(['new', 'old']);

    await database().events.bulkAdd([
      event('a.com', 1, 'form.fields'), event('a.com', 2, 'consent.answer', { cmp: 'One' }), event('a.com', 3, 'permission.prompt'),
      event('a.com', 4, 'consent.answer', { cmp: 'Two' }), event('b.com', 5, 'form.fields'),
    ]);
    expect((await queries.eventsOfKinds('a.com', ['form.fields', 'permission.prompt'], 10)).map((e) => e.at)).toEqual([3, 1]);
    expect((await queries.eventsOfKinds('a.com', ['form.fields', 'permission.prompt'], 1)).map((e) => e.at)).toEqual([3]);
    expect((await queries.consentAnswers('a.com')).map((r) => r.cmp)).toEqual(['Two', 'One']);
  });
});

describe('allRequests: the tracker', () => {
  it('lists every request, drafts and letters still without a due day included', async () => {
    const base = {
      regime: 'gdpr', type: 'access', createdAt: NOW, language: 'en', contact: null, subject: 's', body: 'b', extendedDueDate: null, history: [],
    };
    await database().requests.bulkAdd([
      { ...base, id: 'sent', site: 'a.com', status: 'sent', sentAt: NOW, channel: 'mailto', dueDate: '2026-12-20', dueAt: NOW + 30 * DAY },
      { ...base, id: 'draft', site: 'b.com', status: 'draft', sentAt: null, channel: null, dueDate: null, dueAt: null },
      { ...base, id: 'posted', site: 'c.com', status: 'sent', sentAt: NOW, channel: 'print', receivedOn: null, dueDate: null, dueAt: null },
    ]);
    expect((await queries.allRequests()).map((r) => r.id).sort()).toEqual(['draft', 'posted', 'sent']);
  });
});
