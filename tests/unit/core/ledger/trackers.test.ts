import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../../../core/i18n/translate';
import { TRACKER_CATEGORIES, TRACKER_SOURCE, trackerOf } from '../../../../core/ledger/trackers/lookup';
import { buildTrackerIndex, indexFromInstalledPackage, TRACKER_INDEX_FILE } from '../../../../scripts/lib/trackerIndex';
import pkg from '../../../../package.json';

describe('tracker index', () => {
  it('is exactly what `npm run data:trackers` builds from the pinned @ghostery/trackerdb', () => {
    expect(readFileSync(TRACKER_INDEX_FILE, 'utf8')).toBe(indexFromInstalledPackage());
  });

  it('names its source, version and licence for the attribution', () => {
    expect(TRACKER_SOURCE.version).toBe(pkg.devDependencies['@ghostery/trackerdb']);
    expect(TRACKER_SOURCE.licence).toBe('CC-BY-NC-SA-4.0');
    expect(TRACKER_SOURCE.attribution).toContain('Ghostery');
    expect(TRACKER_SOURCE.licenceUrl).toBe('https://creativecommons.org/licenses/by-nc-sa/4.0/');
  });

  it('has an English and a Vietnamese name for every category', () => {
    expect(TRACKER_CATEGORIES.length).toBeGreaterThan(5);
    for (const id of TRACKER_CATEGORIES) {
      expect(Object.keys(CATALOGS.en)).toContain(`tracker.category.${id}`);
      expect(Object.keys(CATALOGS.vi)).toContain(`tracker.category.${id}`);
    }
  });
});

describe('trackerOf', () => {
  it('finds a domain the dataset names, and its hosts through their parent domains', () => {
    expect(trackerOf('google-analytics.com')).toEqual({ org: 'Google', category: 'site_analytics' });
    expect(trackerOf('www.google-analytics.com')).toEqual({ org: 'Google', category: 'site_analytics' });
    expect(trackerOf('WWW.Google-Analytics.com.')).toEqual({ org: 'Google', category: 'site_analytics' });
    expect(trackerOf('a.b.doubleclick.net')).toEqual({ org: 'Google', category: 'advertising' });
  });

  it('prefers the most specific host the dataset names', () => {
    // maps.google.com is a utility, google.com advertising.
    expect(trackerOf('maps.google.com')).toEqual({ org: 'Google', category: 'utilities' });
    expect(trackerOf('www.google.com')).toEqual({ org: 'Google', category: 'advertising' });
  });

  it('is null for unknown hosts, bare suffixes and look-alikes', () => {
    expect(trackerOf('cdn-widgets.test')).toBeNull();
    expect(trackerOf('com')).toBeNull();
    expect(trackerOf('notgoogle-analytics.com')).toBeNull();
    expect(trackerOf('google-analytics.com.evil.test')).toBeNull();
    expect(trackerOf('')).toBeNull();
  });
});

describe('buildTrackerIndex', () => {
  const db = {
    categories: { ads: { name: 'Ads' }, stats: { name: 'Stats' } },
    organizations: { acme: { name: 'Acme Inc.' } },
    patterns: {
      acme_ads: { name: 'Acme Ads', category: 'ads', organization: 'acme' },
      acme_stats: { name: 'Acme Stats', category: 'stats', organization: 'acme' },
      lone: { name: 'Lone Pixel', category: 'ads', organization: null },
    },
    domains: {
      'acme.example': 'acme_ads',
      'www.acme.example': 'acme_ads',
      'stats.acme.example': 'acme_stats',
      'pixel.example': 'lone',
      'dangling.example': 'missing',
    },
  };

  it('keeps organisation name and category per domain, falls back to the pattern name, and drops hosts their parent already covers', () => {
    const index = buildTrackerIndex(db, { name: '@ghostery/trackerdb', version: '9.9.9', license: 'CC-BY-NC-SA-4.0' });
    expect(index.categories).toEqual({ ads: 'Ads', stats: 'Stats' });
    expect(index.trackers).toEqual([
      ['Acme Inc.', 'ads', 'acme.example'],
      ['Acme Inc.', 'stats', 'stats.acme.example'],
      ['Lone Pixel', 'ads', 'pixel.example'],
    ]);
    expect(index.source.version).toBe('9.9.9');
  });
});
