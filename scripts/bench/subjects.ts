/**
 * What is measured: Chromium with no extension, with Privacy Ledger, and with
 * the autoconsent reference extension (the prebuilt MV3 add-on shipped in the
 * @duckduckgo/autoconsent npm package, used as is). Each is its own browser,
 * made ready the same way before any measurement.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'webextension-polyfill';
import { allPurposes } from '../../core/consent/purposes';
import { defaultSettings } from '../../core/settings/defaults';
import type { Settings } from '../../core/settings/schema';
import { launchChromium, type ExtensionBrowser } from '../lib/chromium';
import { until } from '../lib/until';
import { writeStorage } from '../lib/workerState';
import { contentScriptVariant } from './variants';

declare const chrome: Browser;

/**
 * The overhead measurement's controls: `bare`, Privacy Ledger without any content script (its background alone);
 * `floor`, with its content scripts replaced by one empty isolated-world script.
 */
export type SubjectId = 'none' | 'bare' | 'floor' | 'ours' | 'reference';

/** The subjects of the main-thread overhead measurement, in the report's order. */
export const OVERHEAD_SUBJECTS = ['none', 'bare', 'floor', 'ours', 'reference'] as const;

export const ROOT = resolve(import.meta.dirname, '../..');
export const REFERENCE_PACKAGE = join(ROOT, 'node_modules/@duckduckgo/autoconsent');
export const REFERENCE_DIR = join(REFERENCE_PACKAGE, 'dist/addon-mv3');
export const oursDir = () => join(ROOT, process.env.PRIVACY_LEDGER_OUT ?? '.output', 'chrome-mv3');

export const LABELS: Record<SubjectId, string> = {
  none: 'No extension',
  bare: 'Privacy Ledger, no content script',
  floor: 'Privacy Ledger, one empty content script',
  ours: 'Privacy Ledger',
  reference: 'autoconsent reference',
};

export interface Subject {
  id: SubjectId;
  label: string;
  extensionDir: string | null;
  browser: ExtensionBrowser;
}

/** Our settings for the benchmark: the "deny all optional" profile, onboarding done. */
export function denyOptionalSettings(): Settings {
  return {
    ...defaultSettings(),
    onboarded: true,
    preferences: { ...allPurposes(false), legitimateInterest: 'object' },
    fallback: 'denyOptional',
  };
}

/** Our extension: settings stored, the onboarding tab it opens on install closed. */
export async function readyOurs(browser: ExtensionBrowser, overrides: Partial<Settings> = {}): Promise<void> {
  await writeStorage(await browser.worker(), { settings: { ...denyOptionalSettings(), ...overrides } });
  const onboarding = await until('the onboarding tab', async () => browser.context.pages().find((p) => p.url().endsWith('/onboarding.html')), 5_000).catch(() => null);
  await onboarding?.close();
}

/** The reference: its install handler loads its rules and default config into storage; wait for both. */
async function readyReference(browser: ExtensionBrowser): Promise<void> {
  await until('the reference extension to load its rules', async () => {
    const worker = await browser.worker();
    return worker.evaluate(async () => {
      const stored = await chrome.storage.local.get(['rules', 'config']);
      return Boolean(stored.rules && stored.config);
    });
  });
}

/**
 * The controls: the same build, settings and background, with the manifest's
 * content scripts replaced by one empty isolated-world script with the same
 * matches, frames and timing (`floor`: what any content script costs a page
 * here), or with none (`bare`: what the background alone costs it).
 */
function controlDir(id: 'bare' | 'floor'): { dir: string; remove: () => void } {
  const temp = mkdtempSync(join(tmpdir(), `privacy-ledger-${id}-`));
  return { dir: contentScriptVariant(oursDir(), join(temp, 'chrome-mv3'), id === 'floor' ? ['frame-empty'] : []), remove: () => rmSync(temp, { recursive: true, force: true }) };
}

export async function launchSubject(id: SubjectId): Promise<Subject> {
  const floor = id === 'floor' || id === 'bare' ? controlDir(id) : null;
  const extensionDir = id === 'ours' ? oursDir() : id === 'reference' ? REFERENCE_DIR : floor?.dir ?? null;
  const launched = await launchChromium({ ...(extensionDir ? { extensionDir } : {}), headless: true, locale: 'en-GB' });
  const browser = floor ? { ...launched, close: () => launched.close().finally(floor.remove) } : launched;
  try {
    if (id === 'ours' || id === 'floor' || id === 'bare') await readyOurs(browser);
    if (id === 'reference') await readyReference(browser);
    // A blank tab stays open, so closing every measured tab never ends the browser.
    if (browser.context.pages().length === 0) await browser.context.newPage();
  } catch (error) {
    await browser.close();
    throw error;
  }
  return { id, label: LABELS[id], extensionDir, browser };
}

/** The reference extension's effective default config, as its background stored it. */
export async function referenceConfig(subject: Subject): Promise<Record<string, unknown>> {
  const worker = await subject.browser.worker();
  return worker.evaluate(async () => ((await chrome.storage.local.get('config')).config ?? {}) as Record<string, unknown>);
}

export function manifestOf(dir: string): { version: string; content_scripts?: { js?: string[] }[] } {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
}

export function referencePackageVersion(): string {
  return (JSON.parse(readFileSync(join(REFERENCE_PACKAGE, 'package.json'), 'utf8')) as { version: string }).version;
}
