/**
 * Rebuilds core/requests/data/companies.json and authorities.json from a
 * checkout of the datenanfragen.de database (github.com/datenanfragen/data,
 * CC0 1.0):
 *
 *   npm run data:companies -- --source path/to/datenanfragen-data
 *
 * The folder must hold `companies/` and `supervisory-authorities/`. A unit
 * test checks the transformation on a small committed sample.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAuthorityIndex, buildCompanyIndex, readRecords, serialise } from './lib/companies';

const at = process.argv.indexOf('--source');
const source = at > 0 ? process.argv[at + 1] : undefined;
if (!source || !existsSync(join(source, 'companies')) || !existsSync(join(source, 'supervisory-authorities'))) {
  console.error('Usage: npm run data:companies -- --source <datenanfragen data folder with companies/ and supervisory-authorities/>');
  process.exit(1);
}

const companies = buildCompanyIndex(readRecords(join(source, 'companies')));
const authorities = buildAuthorityIndex(readRecords(join(source, 'supervisory-authorities')));
const companiesText = serialise(companies);
const authoritiesText = serialise(authorities);
writeFileSync('core/requests/data/companies.json', companiesText);
writeFileSync('core/requests/data/authorities.json', authoritiesText);
console.log(
  `Wrote core/requests/data/companies.json (${companies.companies.length} companies, ${Math.round(companiesText.length / 1024)} KB) ` +
    `and authorities.json (${authorities.authorities.length} authorities)`,
);
