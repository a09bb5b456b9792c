import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_SETTINGS_FILES } from '../support/hostileImportFiles';
import { readStorage } from '../../scripts/lib/workerState';
import { visit } from './support/consent';
import { onboardingPage, startHarness, type Harness } from './support/harness';

let h: Harness;
let data: Page;
beforeAll(async () => {
  h = await startHarness();
  // Make the settings worth keeping: a preset, preferences, a site rule and an identity, all through the UI.
  const onboarding = await onboardingPage(h);
  await onboarding.getByLabel('Necessary and functional').check();
  await onboarding.getByRole('button', { name: 'Save and start' }).click();
  await onboarding.getByTestId('onboarding-done').waitFor();

  const prefs = await h.openExtensionPage('dashboard.html#/preferences');
  await prefs.getByRole('switch', { name: 'Social media' }).click();
  await prefs.getByLabel('Leave it to me').check();
  await prefs.getByRole('switch', { name: 'Send Global Privacy Control' }).click();
  await prefs.getByRole('switch', { name: 'Send Global Privacy Control', checked: false }).waitFor();

  await prefs.goto(h.extensionUrl('dashboard.html#/sites/news.test'));
  await prefs.getByLabel('Refuse all optional').check();
  await prefs.locator('.radio-card.selected', { hasText: 'Refuse all optional' }).waitFor();

  await prefs.goto(h.extensionUrl('dashboard.html#/identity'));
  await prefs.getByLabel('Full name').fill('Trần Thị Bình');
  await prefs.getByLabel('Email').fill('binh@example.vn');
  await prefs.getByLabel('Country').fill('vn');
  await prefs.getByRole('button', { name: 'Save' }).click();
  await prefs.getByText('Identity saved.').waitFor();
  await prefs.close();

  const site = await h.context.newPage();
  await site.goto(h.server.url('news.test', '/'));
  await site.close();

  data = await h.openExtensionPage('dashboard.html#/data');
  await data.getByRole('heading', { name: 'Your data' }).waitFor();
});
afterAll(async () => h?.shutdown());

async function importText(text: string, name = 'settings.json') {
  await data.getByTestId('import-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

describe('settings export, erase and import', () => {
  let exported = '';

  it('exports the settings as the documented format', async () => {
    const stored = (await h.storage()).settings as Record<string, unknown>;
    expect(stored).toMatchObject({
      fallback: 'askMe', gpc: false, siteOverrides: { 'news.test': { mode: 'denyAll' } },
      identity: { name: 'Trần Thị Bình', email: 'binh@example.vn', country: 'VN' },
      preferences: { functional: true, social: true, analytics: false },
    });
    const [download] = await Promise.all([data.waitForEvent('download'), data.getByRole('button', { name: 'Export to a file' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^privacy-ledger-settings-\d{4}-\d{2}-\d{2}\.json$/);
    exported = await readFile((await download.path())!, 'utf8');
    expect(JSON.parse(exported)).toEqual(stored);
  });

  it('erases everything after confirmation, what the browser session kept of the sites included', async () => {
    expect(await h.table('sites')).toEqual([expect.objectContaining({ site: 'news.test' })]);
    const session = async () => JSON.stringify(await readStorage(await h.worker(), 'session'));
    // A page of the site, open until its banner is answered and the answer recorded.
    const { page: site } = await visit(h, 'news.test');
    await site.close();
    expect(await session()).toContain('news.test');
    await data.getByRole('button', { name: 'Erase everything…' }).click();
    await data.getByRole('button', { name: 'Yes, erase everything' }).click();
    await data.getByText('Everything was erased.').waitFor();
    expect(await h.storage()).toEqual({});
    expect(await h.table('sites')).toEqual([]);
    expect(await session()).not.toContain('news.test');
  });

  it('imports the exported file and gets every setting back unchanged', async () => {
    await importText(exported);
    await data.getByText('Settings imported from settings.json.').waitFor();
    expect((await h.storage()).settings).toEqual(JSON.parse(exported));
  });

  it('refuses a corrupt file, says exactly what is wrong, and changes nothing', async () => {
    const before = await h.storage();
    const corrupt = JSON.parse(exported);
    corrupt.preferences.analytics = 'yes';
    corrupt.siteOverrides['news.test'] = { mode: 'always' };
    corrupt.trackMe = true;
    await importText(JSON.stringify(corrupt), 'edited.json');
    const alert = data.getByRole('alert');
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain('edited.json was not imported. Nothing was changed.');
    expect(text).toContain('preferences.analytics has the wrong type (expected boolean).');
    expect(text).toContain('siteOverrides["news.test"].mode must be one of');
    expect(text).toContain('trackMe is not a setting Privacy Ledger knows.');
    expect(await h.storage()).toEqual(before);
  });

  it(`refuses each of the unit suite's ${HOSTILE_SETTINGS_FILES.length} hostile settings files through the file picker, whole, and changes nothing`, async () => {
    const before = await h.storage();
    for (const [i, file] of HOSTILE_SETTINGS_FILES.entries()) {
      const name = `hostile-${i + 1}.json`;
      await importText(file.text(), name);
      await data.getByRole('alert').getByText(`${name} was not imported. Nothing was changed.`).waitFor({ timeout: 15_000 });
    }
    expect(await h.storage()).toEqual(before);
  }, 120_000);

  it('refuses files that are not settings at all', async () => {
    const before = await h.storage();
    await importText('\u0000\u0001binary', 'photo.jpg');
    await data.getByText(/photo\.jpg was not imported/).waitFor();
    expect(await data.getByRole('alert').textContent()).toContain('not valid JSON');
    await importText(JSON.stringify({ format: 'privacy-ledger/settings', version: 99 }), 'future.json');
    await data.getByText(/future\.json was not imported/).waitFor();
    expect(await data.getByRole('alert').textContent()).toContain('newer Privacy Ledger');
    expect(await h.storage()).toEqual(before);
  });
});
