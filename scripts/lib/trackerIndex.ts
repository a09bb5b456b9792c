/**
 * Turns the Ghostery Tracker Database (the `trackerdb.json` of the pinned
 * `@ghostery/trackerdb` package) into the small index the extension ships:
 * for each domain the dataset names, the organisation's name and the
 * category, and nothing else. See docs/trackers.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrackerIndex } from '../../core/ledger/trackers/lookup';

const ROOT = join(import.meta.dirname, '../..');
const TRACKERDB_DIR = join(ROOT, 'node_modules/@ghostery/trackerdb');
/** The committed index. */
export const TRACKER_INDEX_FILE = join(ROOT, 'core/ledger/trackers/trackers.json');

/** The parts of `trackerdb.json` the index is built from. */
export interface TrackerDb {
  categories: Record<string, { name: string }>;
  organizations: Record<string, { name: string }>;
  patterns: Record<string, { name: string; category: string; organization: string | null }>;
  /** Domain or host -> pattern key. */
  domains: Record<string, string>;
}

export interface TrackerDbPackage {
  name: string;
  version: string;
  license: string;
}

export const TRACKERDB_SOURCE = {
  name: 'Ghostery Tracker Database',
  url: 'https://github.com/ghostery/trackerdb',
  licenceUrl: 'https://creativecommons.org/licenses/by-nc-sa/4.0/',
  attribution: 'Tracker organisations and categories: Ghostery Tracker Database, © Ghostery GmbH, CC BY-NC-SA 4.0. Reduced to domain, organisation name and category.',
} as const;

function parentsOf(domain: string): string[] {
  const labels = domain.split('.');
  return labels.slice(1, -1).map((_, i) => labels.slice(i + 1).join('.'));
}

export function buildTrackerIndex(db: TrackerDb, pkg: TrackerDbPackage): TrackerIndex {
  const ownerOf = (domain: string): [string, string] | null => {
    const pattern = db.patterns[db.domains[domain] ?? ''];
    if (!pattern) return null;
    const org = pattern.organization ? db.organizations[pattern.organization]?.name : undefined;
    return [org ?? pattern.name, pattern.category];
  };
  const groups = new Map<string, { org: string; category: string; domains: string[] }>();
  for (const domain of Object.keys(db.domains).sort()) {
    const owner = ownerOf(domain);
    if (!owner) continue;
    // A host whose parent domain already says the same adds nothing to a lookup that walks up the parents.
    const nearest = parentsOf(domain).map(ownerOf).find((o) => o !== null);
    if (nearest && nearest[0] === owner[0] && nearest[1] === owner[1]) continue;
    const key = `${owner[0]}\u0000${owner[1]}`;
    const group = groups.get(key) ?? { org: owner[0], category: owner[1], domains: [] };
    group.domains.push(domain);
    groups.set(key, group);
  }
  const trackers = [...groups.values()]
    .sort((a, b) => (a.org < b.org ? -1 : a.org > b.org ? 1 : a.category < b.category ? -1 : a.category > b.category ? 1 : 0))
    .map((g): [string, string, string] => [g.org, g.category, g.domains.join(' ')]);
  return {
    source: { ...TRACKERDB_SOURCE, package: pkg.name, version: pkg.version, licence: pkg.license },
    categories: Object.fromEntries(Object.entries(db.categories).sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, c]) => [id, c.name])),
    trackers,
  };
}

/** The committed file's text: one tracker per line, so an update reads as a short diff. */
export function serialiseTrackerIndex(index: TrackerIndex): string {
  const head = JSON.stringify({ source: index.source, categories: index.categories }, null, 2).replace(/\n}$/, '');
  const lines = index.trackers.map((t) => `    ${JSON.stringify(t)}`).join(',\n');
  return `${head},\n  "trackers": [\n${lines}\n  ]\n}\n`;
}

/** The index's text as built from the installed package. */
export function indexFromInstalledPackage(): string {
  const db = JSON.parse(readFileSync(join(TRACKERDB_DIR, 'dist/trackerdb.json'), 'utf8')) as TrackerDb;
  const pkg = JSON.parse(readFileSync(join(TRACKERDB_DIR, 'package.json'), 'utf8')) as TrackerDbPackage;
  return serialiseTrackerIndex(buildTrackerIndex(db, pkg));
}
