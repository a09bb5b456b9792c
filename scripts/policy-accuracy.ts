/**
 * `npm run policy-accuracy`: scores the policy reader against the hand
 * labels (tests/fixtures/policies/labels.json) and writes
 * docs/policy-accuracy.md. `--out -` prints instead of writing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluate, f1, precision, recall, type AccuracyReport } from './lib/policyAccuracy';

const { values: args } = parseArgs({ options: { out: { type: 'string' } } });
const ROOT = join(import.meta.dirname, '..');

const pct = (x: number) => `${Math.round(x * 100)}%`;
const FIELDS = ['bestContact', 'sale', 'retention', 'rights', 'controller', 'childrenMinAge', 'lastUpdated', 'language'] as const;

function render(r: AccuracyReport): string {
  const langs = ['all', ...[...new Set(r.results.map((x) => x.language))].sort()];
  const count = (l: string) => (l === 'all' ? r.results.length : r.results.filter((x) => x.language === l).length);
  const lines: string[] = [];
  lines.push('# Policy reader accuracy');
  lines.push('');
  lines.push('Measured by `npm run policy-accuracy` (scripts/policy-accuracy.ts, scoring in scripts/lib/policyAccuracy.ts) against the hand labels in');
  lines.push('`tests/fixtures/policies/labels.json`: 20 real policies (10 English, 3 German, 4 French, 1 Spanish, 1 Romanian, 1 Vietnamese).');
  lines.push('`tests/unit/core/policy/labels.test.ts` checks every label quote against its text and holds the targets below.');
  lines.push('These are the development policies the extractors were written against, so the numbers are optimistic for unseen policies;');
  lines.push('languages with one policy (es, ro, vi) say little.');
  lines.push('');
  lines.push('The labels were written by reading each policy before scoring. Where a label and the reader disagreed, the quoted text was read');
  lines.push('again; five labels were corrected that way because the first reading had missed text (Booking: complaint right; DuckDuckGo:');
  lines.push('access and deletion; La Redoute: the rights list; Avoteca: rights and a 10-year period; Eurolines: a one-month period).');
  lines.push('No label was changed to match an answer the text does not support.');
  lines.push('');
  lines.push('## Targets');
  lines.push('');
  lines.push('| target | result |');
  lines.push('| --- | --- |');
  const scores = ['en', 'fr', 'de', 'vi'].map((l) => r.languageScore[l] ?? 0);
  lines.push(`| best contact right ≥ 90% | ${pct(r.accuracy.bestContact!.all!)} |`);
  lines.push(`| best contact never an authority or vendor address | ${r.bestContactForbidden} times |`);
  lines.push(`| false "does not sell" ≤ 2% | ${pct(r.falseDoesNotSellRate)} |`);
  lines.push(`| retention class right ≥ 85% | ${pct(r.accuracy.retention!.all!)} |`);
  lines.push(`| rights F1 ≥ 0.9 | ${r.rightsF1.all!.toFixed(2)} |`);
  lines.push(`| en, fr, de, vi within 10 points | ${['en', 'fr', 'de', 'vi'].map((l, i) => `${l} ${pct(scores[i]!)}`).join(', ')} (spread ${Math.round((Math.max(...scores) - Math.min(...scores)) * 100)} points) |`);
  lines.push('');
  lines.push('A language\'s score is the mean of its field accuracies (controller, best contact, sale, retention, children\'s age, last updated) and its rights F1.');
  lines.push('');
  lines.push('## Per field and language');
  lines.push('');
  lines.push('Accuracy is the share of policies where the value is right (an empty value, like "not mentioned", counts when the label is empty too).');
  lines.push('Precision: of the non-empty values given, how many were right. Recall: of the non-empty labels, how many were found. For rights the counts are of single rights across policies.');
  lines.push('');
  lines.push(`| field | ${langs.map((l) => `${l} (n=${count(l)})`).join(' | ')} |`);
  lines.push(`| --- | ${langs.map(() => '---').join(' | ')} |`);
  for (const f of FIELDS) {
    const cells = langs.map((l) => {
      const t = r.tallies[f]![l]!;
      if (f === 'rights') return `P ${precision(t).toFixed(2)} R ${recall(t).toFixed(2)} F1 ${f1(t).toFixed(2)}`;
      return `${pct(r.accuracy[f]![l]!)} (P ${precision(t).toFixed(2)} R ${recall(t).toFixed(2)})`;
    });
    lines.push(`| ${f} | ${cells.join(' | ')} |`);
  }
  lines.push('');
  lines.push('## Misses');
  lines.push('');
  let any = false;
  for (const x of r.results) {
    const wrong = Object.entries(x.fields)
      .filter(([, v]) => !v.right)
      .map(([k, v]) => `${k}: gave ${v.predicted ?? 'nothing'}, label ${v.expected ?? 'nothing'}`);
    if (x.rights.missing.length) wrong.push(`rights missed: ${x.rights.missing.join(', ')}`);
    if (x.rights.extra.length) wrong.push(`rights not in the label: ${x.rights.extra.join(', ')}`);
    if (wrong.length === 0) continue;
    any = true;
    lines.push(`- \`${x.file}\`: ${wrong.join('; ')}`);
  }
  if (!any) lines.push('None.');
  lines.push('');
  return lines.join('\n');
}

const report = evaluate();
const md = render(report);
if (args.out === '-') console.log(md);
else {
  const out = args.out ?? join(ROOT, 'docs/policy-accuracy.md');
  writeFileSync(out, md);
  console.log(`Wrote ${out}`);
}
