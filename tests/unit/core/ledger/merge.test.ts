import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../core/ledger/canonicalJson';
import { countSite, eventIdentity, mergeCookie, mergeSite, mergeThirdParty, unchanged } from '../../../../core/ledger/merge';
import { newSite } from '../../../../core/ledger/records';
import { cookie, sampleRows, thirdParty } from '../../../support/ledgerRows';

describe('canonical JSON', () => {
  it('gives equal data the same text whatever its key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson(undefined)).toBe('null');
  });
});

describe('merge rules', () => {
  it('identifies an event by time, kind and details, not by key order', () => {
    const a = { site: 's', at: 1, kind: 'k', data: { x: 1, y: [2] } };
    expect(eventIdentity(a)).toBe(eventIdentity({ ...a, data: { y: [2], x: 1 } }));
    expect(eventIdentity(a)).not.toBe(eventIdentity({ ...a, at: 2 }));
    expect(eventIdentity(a)).not.toBe(eventIdentity({ ...a, kind: 'other' }));
    expect(eventIdentity(a)).not.toBe(eventIdentity({ ...a, data: { x: 1, y: [3] } }));
  });

  it('merges a cookie: widest span, most times, earliest violation, newest description', () => {
    const old = cookie('s.test', 'c', 100, { lastSetAt: 500, times: 4, purpose: 'unknown', violation: { at: 300, purpose: 'analytics', refusedAt: 50 } });
    const newer = cookie('s.test', 'c', 200, { lastSetAt: 900, times: 2, purpose: 'analytics', violation: { at: 250, purpose: 'analytics', refusedAt: 50 } });
    expect(mergeCookie(old, newer)).toEqual({ ...newer, firstSetAt: 100, lastSetAt: 900, times: 4, violation: { at: 250, purpose: 'analytics', refusedAt: 50 } });
    expect(mergeCookie(undefined, newer)).toEqual(newer);
    expect(mergeCookie(newer, newer)).toEqual(newer);
    expect(mergeCookie(old, { ...newer, violation: null }).violation).toEqual(old.violation);
  });

  it('merges a third-party day without adding the same requests twice', () => {
    const a = thirdParty('s.test', '2024-01-01', 'p.example', 100, { requests: 5, lastAt: 400 });
    const b = thirdParty('s.test', '2024-01-01', 'p.example', 50, { requests: 3, org: 'P', category: 'ads', lastAt: 300 });
    expect(mergeThirdParty(a, b)).toEqual({ ...a, requests: 5, org: 'P', category: 'ads', firstAt: 50, lastAt: 400 });
    expect(mergeThirdParty(a, a)).toEqual(a);
  });

  it('counts distinct cookies, violations and third parties of a site', () => {
    const rows = sampleRows();
    const shop = (r: { site: string }) => r.site === 'shop.test';
    expect(countSite(rows.cookies.filter(shop), rows.thirdParties.filter(shop))).toEqual({ cookies: 2, violations: 1, thirdParties: 2 });
  });

  it('restores a site exactly into an empty ledger, and changes nothing the second time', () => {
    const [shop] = sampleRows().sites;
    const counted = { cookies: 2, violations: 1, thirdParties: 2 };
    const restored = mergeSite(undefined, shop!, counted);
    expect(restored).toEqual(shop);
    expect(unchanged(restored, mergeSite(restored, shop!, counted))).toBe(true);
  });

  it('keeps what a ledger recorded after the export, and counts the union of both', () => {
    const exported = { ...newSite('s.test', 100), lastSeen: 500, visits: 3, cookies: 2, thirdParties: 1, fields: ['email' as const] };
    const current = { ...newSite('s.test', 300), lastSeen: 900, visits: 5, cookies: 1, thirdParties: 2, permissions: ['camera' as const], fields: ['phone' as const] };
    expect(mergeSite(current, exported, { cookies: 3, violations: 0, thirdParties: 2 })).toEqual({
      site: 's.test', firstSeen: 100, lastSeen: 900, visits: 5, cookies: 3, violations: 0, thirdParties: 2,
      fields: ['phone', 'email'], permissions: ['camera'],
    });
  });
});
