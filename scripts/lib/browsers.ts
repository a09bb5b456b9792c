/**
 * Finds the browsers the demo and the tests drive: Debian's `chromium` and
 * `firefox-esr`. When one is missing, installs Debian's package if we are root
 * with apt-get, or says exactly which command to run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export type BrowserName = 'chromium' | 'firefox';

const PACKAGES: Record<BrowserName, { env: string; path: string; packages: string[] }> = {
  chromium: { env: 'CHROMIUM_PATH', path: '/usr/bin/chromium', packages: ['chromium', 'fonts-dejavu-core'] },
  firefox: { env: 'FIREFOX_PATH', path: '/usr/bin/firefox-esr', packages: ['firefox-esr', 'fonts-dejavu-core'] },
};

function configuredPath(name: BrowserName): string {
  const { env, path } = PACKAGES[name];
  return process.env[env] || path;
}

export const chromiumPath = () => configuredPath('chromium');
export const firefoxPath = () => configuredPath('firefox');

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const hasAptGet = () => spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

export function ensureBrowser(name: BrowserName): string {
  const path = configuredPath(name);
  if (existsSync(path)) return path;
  const { env, packages } = PACKAGES[name];
  const command = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`;
  if (!isRoot() || !hasAptGet()) {
    throw new Error(
      `${name} was not found at ${path}.\n` +
        `Install Debian's package as root:\n  sudo sh -c '${command}'\n` +
        `or point ${env} at another ${name} binary.`,
    );
  }
  console.log(`${name} is missing; installing Debian's package: ${command}`);
  execFileSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!existsSync(path)) throw new Error(`apt-get finished but ${path} is still missing.`);
  return path;
}
