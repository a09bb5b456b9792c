import { describe, expect, it } from 'vitest';
import { KNOWN_COOKIE_GROUPS } from '../../../../core/ledger/cookies/knownCookies';
import table from '../../../../core/ledger/cookies/knownCookies.json';
import { siteOf } from '../../../../core/sites/domain';

const PURPOSES = ['necessary', 'functional', 'analytics', 'advertising'];
const FIELDS = ['names', 'prefixes', 'suffixes'] as const;

describe('the table of well-known cookie names', () => {
  it('holds a few hundred entries in every purpose', () => {
    const entries = KNOWN_COOKIE_GROUPS.flatMap((g) => FIELDS.flatMap((f) => g[f] ?? []));
    expect(entries.length).toBeGreaterThan(300);
    for (const purpose of PURPOSES) expect(KNOWN_COOKIE_GROUPS.filter((g) => g.purpose === purpose).length).toBeGreaterThan(5);
  });

  it('gives every group a vendor, a purpose it may use and at least one entry', () => {
    for (const group of table.groups) {
      expect(Object.keys(group).every((k) => ['vendor', 'purpose', 'domains', ...FIELDS].includes(k)), group.vendor).toBe(true);
      expect(group.vendor.trim()).not.toBe('');
      // `unknown` is what the classifier says when the table is silent; no entry may claim it.
      expect(PURPOSES, group.vendor).toContain(group.purpose);
      expect(FIELDS.some((f) => ((group as Record<string, unknown>)[f] as string[] | undefined)?.length), group.vendor).toBe(true);
    }
  });

  it('writes names, prefixes and suffixes as plain strings, with no wildcard or space', () => {
    for (const group of KNOWN_COOKIE_GROUPS) {
      for (const entry of FIELDS.flatMap((f) => group[f] ?? [])) {
        expect(entry, group.vendor).toMatch(/^[^\s*;=,]+$/);
      }
    }
  });

  it('limits groups only to registrable domains, as the extension computes them', () => {
    for (const group of KNOWN_COOKIE_GROUPS) {
      for (const domain of group.domains ?? []) expect(siteOf(`http://${domain}/`), group.vendor).toBe(domain);
    }
  });

  it('lists no name, prefix or suffix twice for the same domains', () => {
    const seen = new Map<string, string>();
    for (const group of KNOWN_COOKIE_GROUPS) {
      for (const field of FIELDS) {
        for (const entry of group[field] ?? []) {
          for (const scope of group.domains ?? ['*']) {
            const key = `${field}|${scope}|${entry.toLowerCase()}`;
            expect(seen.get(key), `${key} in ${group.vendor}`).toBeUndefined();
            seen.set(key, group.vendor);
          }
        }
      }
    }
  });
});
