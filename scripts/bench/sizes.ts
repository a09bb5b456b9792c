/**
 * The size of what each extension injects into every page: the JavaScript
 * files its manifest lists under `content_scripts`, raw and gzipped
 * (zlib level 9, as a rough measure of how much code there is to parse).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { manifestOf } from './subjects';

export interface ContentScriptSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export function contentScriptSizes(extensionDir: string): ContentScriptSize[] {
  const files = [...new Set((manifestOf(extensionDir).content_scripts ?? []).flatMap((c) => c.js ?? []))];
  return files.map((file) => {
    const data = readFileSync(join(extensionDir, file));
    return { file, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
  });
}
