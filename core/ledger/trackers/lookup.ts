import data from './trackers.json';

/**
 * Who is behind a third party's domain, from the tracker index built out of
 * the Ghostery Tracker Database (docs/trackers.md, `npm run data:trackers`).
 */
export interface TrackerIndex {
  /** Where the data comes from, its version and licence: shown to users as attribution. */
  source: {
    name: string;
    url: string;
    licenceUrl: string;
    attribution: string;
    package: string;
    version: string;
    licence: string;
  };
  /** Category id -> the dataset's English name. */
  categories: Record<string, string>;
  /** `[organisation, category id, space-separated domains]`. */
  trackers: [string, string, string][];
}

export interface TrackerInfo {
  org: string;
  category: string;
}

// A JSON import types its tuples as arrays; the unit tests check the file is what the build script writes.
export const TRACKER_INDEX = data as unknown as TrackerIndex;
export const TRACKER_SOURCE = TRACKER_INDEX.source;
export const TRACKER_CATEGORIES = Object.keys(TRACKER_INDEX.categories);

let byDomain: Map<string, TrackerInfo> | null = null;

function table(): Map<string, TrackerInfo> {
  if (byDomain) return byDomain;
  byDomain = new Map();
  for (const [org, category, domains] of TRACKER_INDEX.trackers) {
    const info = { org, category };
    for (const domain of domains.split(' ')) byDomain.set(domain, info);
  }
  return byDomain;
}

/**
 * The organisation and category of a host: the host itself if the dataset
 * names it, else its nearest parent domain that it names; null when unknown.
 */
export function trackerOf(host: string): TrackerInfo | null {
  const known = table();
  let name = host.toLowerCase().replace(/\.$/, '');
  for (;;) {
    const found = known.get(name);
    if (found) return found;
    const dot = name.indexOf('.');
    if (dot === -1 || name.indexOf('.', dot + 1) === -1) return null;
    name = name.slice(dot + 1);
  }
}
