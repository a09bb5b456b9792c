import { beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../core/settings/defaults';
import { readConsent, writeConsent } from '../../../platform/consent/tabConsent';
import { database } from '../../../platform/db';
import { onNewTopPage, onTabAddress } from '../../../platform/pageLoads';
import { saveSettings } from '../../../platform/settingsStorage';
import type { ConsentRecord } from '../../../core/consent/record';

const answered = (site: string): ConsentRecord => ({
  site, frameUrl: `https://${site}/`, cmp: 'Klaro', adapterId: 'klaro', asked: null, intent: null, method: 'adapter', fallback: false,
  reason: null, stored: null, verdict: null, outcome: 'respected', startedAt: 1, durationMs: 5,
});

beforeEach(async () => {
  await Promise.all(database().tables.map((t) => t.clear()));
  await saveSettings({ ...defaultSettings(), gpc: false });
});

describe('a new top page', () => {
  it("counts a visit and forgets the last page's consent result", async () => {
    await writeConsent(5, answered('old.example'));
    await onNewTopPage(5, 'https://www.news.example/a');
    await onNewTopPage(5, 'https://www.news.example/b');
    expect((await database().sites.get('news.example'))?.visits).toBe(2);
    expect(await readConsent(5)).toBeNull();
  });

  it('counts nothing on a paused site, or everywhere when paused', async () => {
    await saveSettings({ ...defaultSettings(), gpc: false, pausedSites: ['quiet.example'] });
    await onNewTopPage(5, 'https://quiet.example/');
    await saveSettings({ ...defaultSettings(), gpc: false, paused: true });
    await onNewTopPage(5, 'https://news.example/');
    expect(await database().sites.count()).toBe(0);
  });
});

describe("a tab's address changes without a request the extension sees", () => {
  it("forgets the consent result only when the site changes", async () => {
    await writeConsent(6, answered('news.example'));
    await onTabAddress(6, 'https://www.news.example/other-article');
    expect(await readConsent(6)).toMatchObject({ site: 'news.example' });
    await onTabAddress(6, 'https://shop.example/');
    expect(await readConsent(6)).toBeNull();
  });
});
