import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onboardingPage, startHarness, type Harness } from './support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.shutdown());

describe('onboarding', () => {
  it('opens on install and saves a custom choice per purpose', async () => {
    const page = await onboardingPage(h);
    await page.getByRole('heading', { name: 'Welcome to Privacy Ledger' }).waitFor();
    expect((await h.storage()).settings).toBeUndefined();

    // Keyboard only: the preset radios, then the purpose switches.
    await page.getByLabel('Choose per purpose').check();
    await page.getByRole('switch', { name: 'Functional' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('switch', { name: 'Analytics' }).click();
    expect(await page.getByRole('switch', { name: 'Strictly necessary' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Save and start' }).click();
    await page.getByTestId('onboarding-done').waitFor();

    const settings = (await h.storage()).settings as Record<string, unknown>;
    expect(settings).toMatchObject({
      onboarded: true,
      preferences: { functional: true, analytics: true, personalization: false, advertising: false, social: false, legitimateInterest: 'object' },
    });
  });

  it('shows the saved choice in the dashboard preferences', async () => {
    const page = await h.openExtensionPage('dashboard.html#/preferences');
    await page.getByRole('heading', { name: 'Preferences' }).waitFor();
    expect(await page.getByRole('switch', { name: 'Analytics' }).getAttribute('aria-checked')).toBe('true');
    expect(await page.getByRole('switch', { name: 'Advertising' }).getAttribute('aria-checked')).toBe('false');
  });

  it('switches the whole interface to Vietnamese', async () => {
    const page = await h.openExtensionPage('dashboard.html#/preferences');
    await page.getByLabel('Language').selectOption('vi');
    await page.getByRole('heading', { name: 'Tùy chọn' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    const popup = await h.openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('body').textContent()).toContain('Mở bảng điều khiển');
  });
});
