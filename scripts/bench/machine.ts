/** What the benchmark ran on and what it measured, for the report. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromiumPath } from '../lib/browsers';
import { manifestOf, oursDir, REFERENCE_DIR, referencePackageVersion, ROOT } from './subjects';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  chromium: string;
  node: string;
  playwright: string;
  ours: string;
  commit: string;
  reference: string;
}

function quiet(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

function osName(): string {
  if (!existsSync('/etc/os-release')) return process.platform;
  return /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? process.platform;
}

export function machineInfo(): MachineInfo {
  const commit = quiet('git', ['rev-parse', '--short', 'HEAD']);
  // The reports this benchmark writes (the policy reader's first) are not changes to what was measured.
  const dirty = quiet('git', ['status', '--porcelain', '--', '.', ':!docs/benchmarks.md', ':!docs/benchmarks-policy.md']) !== '';
  const playwright = JSON.parse(readFileSync(join(ROOT, 'node_modules/playwright-core/package.json'), 'utf8')) as { version: string };
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: osName(),
    chromium: quiet(chromiumPath(), ['--version']).split(' built on')[0] || 'unknown',
    node: process.version,
    playwright: playwright.version,
    ours: `Privacy Ledger ${manifestOf(oursDir()).version}`,
    commit: commit ? `${commit}${dirty ? ' with uncommitted changes' : ''}` : 'unknown',
    reference: `autoconsent add-on ${manifestOf(REFERENCE_DIR).version} (npm @duckduckgo/autoconsent ${referencePackageVersion()}, dist/addon-mv3)`,
  };
}

/** The report lines that say what ran the benchmark. */
export function machineLines(m: MachineInfo): string[] {
  return [
    `- ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB RAM, ${m.os}`,
    `- ${m.chromium}, headless; Node ${m.node}; playwright-core ${m.playwright}`,
    `- ${m.ours}, commit ${m.commit}`,
  ];
}
