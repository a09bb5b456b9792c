/**
 * Copies of an extension build that differ only in their manifest's content
 * scripts, for telling what the content scripts cost from what any extension
 * with a content script costs (`npm run bench`'s floor, scripts/bench-overhead.ts).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type ContentScriptEntry = { matches: string[]; js: string[]; world?: string; all_frames?: boolean; match_about_blank?: boolean; run_at?: string };

/** The manifest's content scripts: ours in the isolated world, asks.js in the main world. */
export type ScriptChoice = 'frame' | 'frame-empty' | 'asks' | 'asks-empty';

/** An empty file, for a content script that does nothing. */
export const EMPTY_SCRIPT = 'empty-content-script.js';

/**
 * Copies `base` to `dir` and lists only `scripts` under content_scripts:
 * the isolated-world or main-world entry as built, or the same entry (same
 * matches, frames and timing) with an empty file instead.
 */
export function contentScriptVariant(base: string, dir: string, scripts: ScriptChoice[]): string {
  cpSync(base, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: ContentScriptEntry[] };
  const all = manifest.content_scripts ?? [];
  const frame = all.find((c) => c.world !== 'MAIN');
  const asks = all.find((c) => c.world === 'MAIN');
  if (!frame || !asks) throw new Error(`${base}: expected an isolated-world and a main-world content script in the manifest`);
  writeFileSync(join(dir, EMPTY_SCRIPT), '');
  const pick: Record<ScriptChoice, ContentScriptEntry> = {
    frame,
    asks,
    'frame-empty': { ...frame, js: [EMPTY_SCRIPT] },
    'asks-empty': { ...asks, js: [EMPTY_SCRIPT] },
  };
  manifest.content_scripts = scripts.map((s) => pick[s]);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}
