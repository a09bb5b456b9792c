/**
 * Rebuilds core/ledger/trackers/trackers.json from the pinned
 * @ghostery/trackerdb package (`npm run data:trackers`). Run it after
 * changing that package's version; a unit test checks the committed file
 * matches the installed package.
 */
import { writeFileSync } from 'node:fs';
import { indexFromInstalledPackage, TRACKER_INDEX_FILE } from './lib/trackerIndex';

const text = indexFromInstalledPackage();
writeFileSync(TRACKER_INDEX_FILE, text);
console.log(`Wrote core/ledger/trackers/trackers.json (${Math.round(text.length / 1024)} KB)`);
