/**
 * `npm start`: builds the extension and opens Chromium with it on the local
 * demo sites, which carry real consent managers from npm.
 *
 * With a display (and without `--headless`) the browser stays open for you to
 * try. Without one, it walks through the extension as a person would, prints
 * what the extension did and saves screenshots, in English and Vietnamese.
 *
 *   npm start                      visible browser when a display exists
 *   npm start -- --headless        screenshots into demo-output/<time>/
 *   npm start -- --out DIR         screenshots into DIR
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { ConsentRecord } from '../core/consent/record';
import type { PolicyRecord, SiteRecord } from '../core/ledger/records';
import { launchChromium, type ExtensionBrowser } from './lib/chromium';
import { SITES_DIR, startFixtureServer, type FixtureServer } from './lib/fixtureServer';
import { framesRunning, readStorage, readTable, tabIdOf } from './lib/workerState';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const headless = args.includes('--headless') || !process.env.DISPLAY;
const outArg = args.indexOf('--out');
const outDir = resolve(outArg >= 0 && args[outArg + 1] ? args[outArg + 1]! : join(ROOT, 'demo-output', new Date().toISOString().replace(/[:.]/g, '-')));

const DEMO_SITES = [
  { host: 'news.test', about: 'an English news site with vanilla-cookieconsent and a third-party video frame' },
  { host: 'shop.test', about: 'a Vietnamese shop with Klaro' },
];

/** Pages that ask for things the ledger records: cookies set after a refusal, third parties, personal-data forms. */
const LEDGER_PAGES = [
  { host: 'tracked.test', path: '/', about: 'sets analytics cookies whatever you answer' },
  { host: 'widgets.test', path: '/', about: 'loads widgets and pixels from other sites' },
  { host: 'forms.test', path: '/vi.html', about: 'a Vietnamese sign-up form' },
].filter((p) => existsSync(join(SITES_DIR, p.host)));

/** A shop whose footer links its privacy policy: the policy reader reads it when the page loads. */
const POLICY_SITE = existsSync(join(SITES_DIR, 'policy.test', 'index.html')) ? 'policy.test' : null;

/** The site's policy as the background read it (polled: the reading starts when the page has loaded). */
async function policyOf(worker: Awaited<ReturnType<ExtensionBrowser['worker']>>, site: string): Promise<PolicyRecord | null> {
  for (let i = 0; i < 50; i++) {
    const row = (await readTable<PolicyRecord>(worker, 'policies')).find((p) => p.site === site);
    if (row) return row;
    await new Promise((r) => setTimeout(r, 200));
  }
  return null;
}

/** More sites with consent managers, answered in the walkthrough when their pages exist. */
const CMP_SITES = ['onetrust', 'cookiebot', 'cookieyes', 'didomi', 'osano', 'complianz', 'iubenda', 'usercentrics2', 'usercentrics3', 'consentmanager', 'quantcast', 'sourcepoint', 'fundingchoices', 'trustarc', 'tcf']
  .map((name) => `${name}.test`)
  .filter((host) => existsSync(join(SITES_DIR, host, 'index.html')));

function build(): void {
  console.log('Building the Chrome extension…');
  execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function interactive(browser: ExtensionBrowser, server: FixtureServer): Promise<void> {
  for (const site of DEMO_SITES) await (await browser.context.newPage()).goto(server.url(site.host));
  console.log('\nChromium is open with Privacy Ledger. Try:');
  console.log('  • the onboarding tab: choose your preferences;');
  for (const site of DEMO_SITES) console.log(`  • ${server.url(site.host)}  ${site.about};`);
  console.log('  • the Privacy Ledger icon in the toolbar (pin it from the puzzle-piece menu).');
  console.log('Close the browser window or press Ctrl+C to stop.');
  await new Promise<void>((done) => {
    browser.context.on('close', () => done());
    process.once('SIGINT', () => done());
  });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
  console.log(`  saved ${name}.png`);
}

async function popupFor(browser: ExtensionBrowser, tabId: number): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(browser.extensionUrl(`popup.html?tab=${tabId}`));
  await popup.getByTestId('popup-site').waitFor();
  await popup.getByTestId('card-asked').getByText(/visit|lượt/).waitFor();
  await popup.getByTestId('consent-summary').waitFor().catch(() => {});
  return popup;
}

/** The engine's record for a tab, once it has a verdict (or null after a while). */
async function verdictOf(worker: Awaited<ReturnType<ExtensionBrowser['worker']>>, tabId: number): Promise<ConsentRecord | null> {
  for (let i = 0; i < 100; i++) {
    const record = (await readStorage(worker, 'session'))[`consent.${tabId}`] as ConsentRecord | undefined;
    if (record && record.outcome !== 'working') return record;
    await new Promise((r) => setTimeout(r, 200));
  }
  return null;
}

async function walkthrough(browser: ExtensionBrowser, server: FixtureServer): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const worker = await browser.worker();
  const tabOf = (page: Page) => tabIdOf(worker, page.url());

  console.log('\n1. Onboarding opens on install; choosing "Necessary and functional".');
  const onboarding = browser.context.pages().find((p) => p.url().endsWith('/onboarding.html')) ??
    (await browser.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/onboarding.html') }));
  await onboarding.getByRole('heading', { level: 1 }).waitFor();
  await shot(onboarding, 'onboarding-en');
  await onboarding.getByLabel('Necessary and functional').check();
  await onboarding.getByRole('button', { name: 'Save and start' }).click();
  await onboarding.getByTestId('onboarding-done').waitFor();

  console.log('2. Visiting the demo sites.');
  const pages: Record<string, Page> = {};
  for (const site of DEMO_SITES) {
    const page = await browser.context.newPage();
    await page.goto(server.url(site.host));
    await page.waitForLoadState('load');
    await page.waitForTimeout(800); // let the banner animate in
    pages[site.host] = page;
    await shot(page, `site-${site.host.replace('.test', '')}`);
  }

  for (const host of CMP_SITES) {
    const page = await browser.context.newPage();
    await page.goto(server.url(host));
    pages[host] = page;
  }
  for (const { host, path } of LEDGER_PAGES) {
    const page = await browser.context.newPage();
    await page.goto(server.url(host, path));
    pages[host] = page;
  }
  if (POLICY_SITE) {
    pages[POLICY_SITE] = await browser.context.newPage();
    await pages[POLICY_SITE].goto(server.url(POLICY_SITE));
  }

  console.log('3. What the extension did:');
  const stored = await readStorage(worker, 'local');
  const prefs = (stored.settings as { preferences: Record<string, unknown> }).preferences;
  console.log(`   Preferences saved: ${Object.entries(prefs).map(([k, v]) => `${k}=${String(v)}`).join(', ')}.`);
  const sites = await readTable<{ site: string; visits: number }>(worker, 'sites');
  for (const host of [...DEMO_SITES.map((s) => s.host), ...CMP_SITES]) {
    const page = pages[host]!;
    const tabId = await tabOf(page);
    const record = await verdictOf(worker, tabId);
    const seen = await framesRunning(worker, tabId);
    const visits = sites.find((s) => s.site === host)?.visits ?? 1;
    const verdict = record
      ? `${record.cmp}: ${record.outcome}${record.method !== 'none' ? ` (${record.method}${record.fallback ? ', fallback' : ''}, ${record.durationMs} ms)` : ''}${record.verdict?.mismatches.length ? `; differs on ${record.verdict.mismatches.map((m) => m.purpose).join(', ')}` : ''}`
      : 'no banner answered';
    console.log(`   ${host.padEnd(22)} ${verdict}; content script in ${seen}/${page.frames().length} frames; ${visits} visit(s) recorded.`);
  }

  console.log('   What the ledger recorded (third parties are written every 2 s):');
  await new Promise((r) => setTimeout(r, 3000));
  const ledger = await readTable<SiteRecord>(worker, 'sites');
  for (const { host, about } of LEDGER_PAGES) {
    const row = ledger.find((s) => s.site === host);
    const facts = row
      ? [`${row.thirdParties} third part${row.thirdParties === 1 ? 'y' : 'ies'}`, `${row.cookies} cookies`, `${row.violations} set against your refusal`, row.fields.length ? `asked for ${row.fields.join(', ')}` : '']
      : ['nothing recorded'];
    console.log(`   ${host.padEnd(22)} (${about}): ${facts.filter(Boolean).join('; ')}.`);
  }

  if (POLICY_SITE) {
    const policy = await policyOf(worker, POLICY_SITE);
    const summary = policy?.summary;
    console.log(`   ${POLICY_SITE.padEnd(22)} privacy policy: ${!policy ? 'not read' : !summary ? `not read (${policy.status})` : [
      `read from ${new URL(policy.url).pathname} (${summary.language})`,
      `contact ${summary.bestContact?.value.value ?? 'none'}`,
      `sale: ${summary.sale.value}`,
      `retention: ${summary.retention.value.kind}${summary.retention.value.days ? ` ${summary.retention.value.days} days` : ''}`,
      `rights: ${summary.rights.value.join(', ') || 'none'}`,
    ].join('; ')}.`);
  }

  console.log('4. The popup and the dashboard.');
  const newsTab = await tabOf(pages['news.test']!);
  let popup = await popupFor(browser, newsTab);
  await shot(popup, 'popup-en');
  const dashboard = await browser.context.newPage();
  await dashboard.goto(browser.extensionUrl('dashboard.html#/sites'));
  await dashboard.getByTestId('sites-table').waitFor();
  await shot(dashboard, 'dashboard-sites-en');
  await dashboard.goto(browser.extensionUrl('dashboard.html#/sites/news.test'));
  await dashboard.getByTestId('site-title').waitFor();
  await shot(dashboard, 'dashboard-site-en');
  if (LEDGER_PAGES.some((p) => p.host === 'tracked.test')) {
    await dashboard.goto(browser.extensionUrl('dashboard.html#/sites/tracked.test'));
    await dashboard.getByTestId('site-title').waitFor();
    await shot(dashboard, 'dashboard-site-tracked-en');
  }
  if (POLICY_SITE) {
    const policyPopup = await popupFor(browser, await tabOf(pages[POLICY_SITE]!));
    await policyPopup.getByTestId('policy-facts').waitFor();
    await shot(policyPopup, 'popup-policy-en');
    await policyPopup.close();
    await dashboard.goto(browser.extensionUrl(`dashboard.html#/sites/${POLICY_SITE}`));
    await dashboard.getByTestId('site-scorecard').waitFor();
    await shot(dashboard, 'dashboard-site-policy-en');
  }
  await dashboard.goto(browser.extensionUrl('dashboard.html#/preferences'));
  await dashboard.getByRole('switch').first().waitFor();
  await shot(dashboard, 'dashboard-preferences-en');
  await dashboard.emulateMedia({ colorScheme: 'dark' });
  await shot(dashboard, 'dashboard-preferences-dark');
  await dashboard.emulateMedia({ colorScheme: 'light' });

  console.log('5. Switching the interface to Vietnamese.');
  await dashboard.getByLabel('Language').selectOption('vi');
  await dashboard.getByRole('heading', { name: 'Tùy chọn' }).waitFor();
  await shot(dashboard, 'dashboard-preferences-vi');
  await dashboard.goto(browser.extensionUrl('dashboard.html#/sites'));
  await dashboard.getByTestId('sites-table').waitFor();
  await shot(dashboard, 'dashboard-sites-vi');
  await dashboard.goto(browser.extensionUrl('dashboard.html#/data'));
  await dashboard.getByRole('heading', { level: 1 }).waitFor();
  await shot(dashboard, 'dashboard-data-vi');
  await popup.close();
  popup = await popupFor(browser, await tabOf(pages['shop.test']!));
  await shot(popup, 'popup-vi');
  await onboarding.reload();
  await onboarding.getByRole('heading', { level: 1 }).waitFor();
  await shot(onboarding, 'onboarding-vi');

  console.log(`\nScreenshots are in ${outDir}`);
}

async function main(): Promise<void> {
  build();
  const server = await startFixtureServer();
  const browser = await launchChromium({ extensionDir: join(ROOT, '.output/chrome-mv3'), headless, locale: 'en-GB' });
  try {
    if (headless) await walkthrough(browser, server);
    else await interactive(browser, server);
  } finally {
    await browser.close().catch(() => {});
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
