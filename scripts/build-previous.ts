/**
 * Builds the previous release of the extension (the commit the upgrade tests
 * update from) into a cache folder, once per build: `tsx
 * scripts/build-previous.ts [chrome-mv3|firefox-mv2|firefox-mv3]`. The
 * end-to-end upgrade tests call `buildPrevious()` themselves.
 *
 * The commit's files are taken with `git archive` (no worktree is registered),
 * the current `node_modules` is linked in (the previous release's
 * dependencies are a subset of today's), and `wxt build` runs there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The last commit before the policy reader and rights requests: Dexie schema v2, settings format v2. */
export const PREVIOUS_RELEASE = 'ff65826';

const ROOT = resolve(import.meta.dirname, '..');
const CACHE = join(ROOT, '.output-previous');

function git(args: string[]): string {
  return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** The full commit id, or a clear error when the clone does not hold it. */
function resolveCommit(): string {
  try {
    return git(['rev-parse', '--verify', `${PREVIOUS_RELEASE}^{commit}`]);
  } catch {
    const shallow = (() => {
      try {
        return git(['rev-parse', '--is-shallow-repository']) === 'true';
      } catch {
        return false;
      }
    })();
    throw new Error(
      shallow
        ? `The previous release ${PREVIOUS_RELEASE} is not in this shallow clone; run \`git fetch --unshallow\` (or clone with full history) to run the upgrade test.`
        : `The previous release ${PREVIOUS_RELEASE} is not in this repository's history; the upgrade test needs it.`,
    );
  }
}

/** The builds the upgrade tests update from, and the `wxt build` arguments that make each. */
const TARGETS = {
  'chrome-mv3': ['wxt', 'build'],
  'firefox-mv2': ['wxt', 'build', '-b', 'firefox'],
  'firefox-mv3': ['wxt', 'build', '-b', 'firefox', '--mv3'],
} as const;

export type PreviousTarget = keyof typeof TARGETS;

/** Builds the previous release for `target` if not built yet; returns its folder. */
export function buildPrevious(target: PreviousTarget = 'chrome-mv3'): string {
  const commit = resolveCommit();
  const source = join(CACHE, commit);
  const output = join(source, '.output', target);
  if (existsSync(join(output, 'manifest.json'))) return output;

  if (!existsSync(join(source, 'package.json'))) {
    rmSync(source, { recursive: true, force: true });
    mkdirSync(source, { recursive: true });
    const archive = execFileSync('git', ['archive', '--format=tar', commit], { cwd: ROOT, maxBuffer: 512 * 1024 * 1024 });
    execFileSync('tar', ['-x', '-C', source], { input: archive });
    symlinkSync(join(ROOT, 'node_modules'), join(source, 'node_modules'), 'dir');
  }
  try {
    execFileSync('npx', [...TARGETS[target]], { cwd: source, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (error) {
    const detail = error as { stdout?: string; stderr?: string };
    throw new Error(`Building the previous release ${PREVIOUS_RELEASE} failed (a dependency it needs may be missing from today's node_modules):\n${detail.stdout ?? ''}\n${detail.stderr ?? ''}`);
  }
  if (!existsSync(join(output, 'manifest.json'))) throw new Error(`The previous release built, but ${output} has no manifest.json`);
  return output;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = (process.argv[2] ?? 'chrome-mv3') as PreviousTarget;
  if (!(target in TARGETS)) throw new Error(`The target is one of ${Object.keys(TARGETS).join(', ')}`);
  console.log(buildPrevious(target));
}
