/** `tsx scripts/ensure-browsers.ts chromium firefox`: installs what is missing, or explains how. */
import { ensureBrowser, type BrowserName } from './lib/browsers';

const wanted = (process.argv.slice(2).length ? process.argv.slice(2) : ['chromium', 'firefox']) as BrowserName[];
try {
  for (const name of wanted) console.log(`${name}: ${ensureBrowser(name)}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
