import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_FUNCTIONS_CALLED_ON_LOAD } from '../../scripts/build/compileHints';
import { CHROME_BUILD, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.shutdown());

describe('content script and popup', () => {
  it('ships the script that runs in every frame compiled at once, and the on-demand engine compiled lazily', () => {
    const start = (file: string) => readFileSync(join(CHROME_BUILD, file), 'utf8').slice(0, ALL_FUNCTIONS_CALLED_ON_LOAD.length);
    expect(start('frame-start.js')).toBe(ALL_FUNCTIONS_CALLED_ON_LOAD);
    expect(start('consent-engine.js')).not.toBe(ALL_FUNCTIONS_CALLED_ON_LOAD);
  });

  it('runs the content script in every frame and shows the site in the popup', async () => {
    const page = await h.context.newPage();
    await page.goto(h.server.url('news.test', '/'));
    // The article embeds a third-party video frame; wait until it is attached and loaded.
    await page.frameLocator('iframe.embed').locator('.play').waitFor();
    const frameCount = page.frames().length;
    expect(frameCount).toBe(2);

    const tabId = await h.tabIdOf(page);
    const popup = await h.openExtensionPage(`popup.html?tab=${tabId}`);
    await expect.poll(() => popup.getByTestId('popup-site').textContent()).toBe('news.test');
    await expect.poll(() => popup.getByText(`Watching this page (${frameCount} frames)`).count()).toBe(1);
    expect(await popup.getByTestId('popup-state').textContent()).toBe('Active');
    await expect.poll(() => popup.getByTestId('card-asked').textContent()).toContain('1 visit');
    await popup.close();
  });

  it('counts a visit per top-level load, keyed by registrable domain', async () => {
    const page = await h.context.newPage();
    await page.goto(h.server.url('shop.test', '/'));
    await page.goto(h.server.url('shop.test', '/?again'));
    const sites = await h.table('sites');
    expect(sites).toEqual(
      expect.arrayContaining([expect.objectContaining({ site: 'shop.test', visits: 2 }), expect.objectContaining({ site: 'news.test' })]),
    );
    // The embedded video is a frame, not a visit.
    expect(sites).not.toEqual(expect.arrayContaining([expect.objectContaining({ site: 'video.test' })]));
    await page.close();
  });

  it('pauses on a site from the popup: the page is left alone and nothing more is recorded', async () => {
    const page = await h.context.newPage();
    await page.goto(h.server.url('shop.test', '/'));
    const tabId = await h.tabIdOf(page);
    const popup = await h.openExtensionPage(`popup.html?tab=${tabId}`);
    const pause = popup.getByRole('switch', { name: 'Pause on this site' });
    await expect.poll(() => pause.getAttribute('aria-checked')).toBe('false');
    await pause.click();
    await expect.poll(() => pause.getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => popup.getByTestId('popup-state').textContent()).toBe('Paused');
    expect(((await h.storage()).settings as { pausedSites: string[] }).pausedSites).toEqual(['shop.test']);

    const visitsBefore = await visitsOf(h, 'shop.test');
    await page.reload();
    await page.waitForLoadState('load');
    await expect.poll(() => visitsOf(h, 'shop.test'), { timeout: 2000 }).toBe(visitsBefore);

    await pause.click();
    await expect.poll(() => popup.getByTestId('popup-state').textContent()).toBe('Active');
    await page.reload();
    await expect.poll(() => visitsOf(h, 'shop.test')).toBe(visitsBefore + 1);
    await popup.close();
    await page.close();
  });
});

async function visitsOf(h: Harness, site: string): Promise<number> {
  return (await h.table<{ site: string; visits: number }>('sites')).find((s) => s.site === site)?.visits ?? 0;
}
