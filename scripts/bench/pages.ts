/**
 * The pages the consent benchmark visits: scripts/bench/pages.json, checked,
 * and split into those whose fixture site exists now and those to skip.
 * To add a page, add its fixture site and one entry to pages.json.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { SITES_DIR } from '../lib/fixtureServer';

/** A place where a CMP keeps its own record: a cookie (a name ending in `*` is a prefix) or a localStorage key. */
const how = { match: z.string().optional(), decode: z.literal('base64').optional() };
const store = z.union([z.strictObject({ cookie: z.string().min(1), ...how }), z.strictObject({ localStorage: z.string().min(1), ...how })]);

const page = z.strictObject({
  host: z.string().regex(/^[a-z0-9.-]+\.test$/),
  path: z.string().startsWith('/').default('/'),
  cmp: z.string().min(1),
  answered: z.array(store).min(1),
  denied: store.optional(),
  banner: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).transform((b) => (Array.isArray(b) ? b : [b])),
});

const file = z.strictObject({
  $comment: z.unknown().optional(),
  pages: z.array(page),
  /** Fixture sites left out on purpose, with the reason. */
  notBenchmarked: z.record(z.string(), z.string()).default({}),
});

export type StoreRef = z.infer<typeof store>;
export type BenchPage = z.infer<typeof page>;

export const PAGES_FILE = join(import.meta.dirname, 'pages.json');

export interface PageSelection {
  pages: BenchPage[];
  /** Listed in pages.json, but the fixture page is not there (yet). */
  missing: BenchPage[];
  /** Fixture sites with an index page that pages.json neither lists nor leaves out with a reason. */
  unlisted: string[];
  /** Left out on purpose: host -> reason. */
  notBenchmarked: Record<string, string>;
}

export function loadPages(only: string[] = []): PageSelection {
  const parsed = file.parse(JSON.parse(readFileSync(PAGES_FILE, 'utf8')));
  const all = parsed.pages;
  for (const p of all) {
    for (const s of [...p.answered, ...(p.denied ? [p.denied] : [])]) if (s.match !== undefined) new RegExp(s.match); // fails early on a bad pattern
  }
  const wanted = only.length ? all.filter((p) => only.includes(p.host)) : all;
  const exists = (p: BenchPage) => existsSync(join(SITES_DIR, p.host, p.path.endsWith('/') ? `${p.path}index.html` : p.path));
  const listed = new Set([...all.map((p) => p.host), ...Object.keys(parsed.notBenchmarked)]);
  const unlisted = existsSync(SITES_DIR)
    ? readdirSync(SITES_DIR).filter((h) => h.endsWith('.test') && !listed.has(h) && existsSync(join(SITES_DIR, h, 'index.html')))
    : [];
  return {
    pages: wanted.filter(exists),
    missing: wanted.filter((p) => !exists(p)),
    unlisted: only.length ? [] : unlisted.sort(),
    notBenchmarked: only.length ? {} : parsed.notBenchmarked,
  };
}

/** How a page's records are written in the report: `cookie cc_cookie`, `localStorage uc_user_interaction = /true/`. */
export function describeStore(s: StoreRef): string {
  const where = 'cookie' in s ? `cookie \`${s.cookie}\`` : `localStorage \`${s.localStorage}\``;
  const decoded = s.decode ? `${where} (${s.decode})` : where;
  return s.match ? `${decoded} ~ \`/${s.match}/\`` : decoded;
}
