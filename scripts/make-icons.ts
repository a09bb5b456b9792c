/**
 * Renders the toolbar and store icons from the logo drawing, with the local
 * Chromium. The PNGs are committed; run this again only when the logo changes:
 *   npx tsx scripts/make-icons.ts
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { chromiumPath } from './lib/browsers';

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
  <rect x="1" y="1" width="30" height="30" rx="8" fill="#0f6b55"/>
  <path d="M10 8.5h9l3.5 3.5v11.5H10z" fill="none" stroke="#fff" stroke-width="2.2" stroke-linejoin="round"/>
  <path d="M13.3 16.6l2.2 2.2 4.2-4.8" fill="none" stroke="#fff" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${LOGO}`);
  await page.screenshot({ path: `public/icons/${size}.png`, omitBackground: true });
}
await browser.close();
console.log('Wrote public/icons/{16,32,48,128}.png');
