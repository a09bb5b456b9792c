/**
 * Scores analysePolicy against the hand labels in
 * tests/fixtures/policies/labels.json: per field and per language,
 * precision (of the values it gave, how many were right), recall (of the
 * labelled values, how many it found) and, for rights, set F1. Used by
 * `npm run policy-accuracy` (writes docs/policy-accuracy.md) and by the unit
 * test that holds the targets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analysePolicy } from '../../core/policy/analyse';
import { normaliseText } from '../../core/policy/normalise';
import { NOT_A_CONTACT_ROLES, type PolicySummary, type RightKind } from '../../core/policy/types';

export const POLICY_DIR = join(import.meta.dirname, '../../tests/fixtures/policies');

interface Quoted<T> {
  value: T;
  quote: string | null;
}
export interface PolicyLabel {
  language: string;
  controller: { accept: string[]; quote: string } | null;
  bestContact: { accept: string[]; quote: string } | null;
  sale: Quoted<string>;
  retention: { kind: string; quote: string | null };
  rights: Quoted<RightKind[]>;
  childrenMinAge: Quoted<number | null>;
  lastUpdated: Quoted<string | null>;
}
export interface LabelsFile {
  about: string;
  policies: Record<string, PolicyLabel>;
}

export function loadLabels(): LabelsFile {
  return JSON.parse(readFileSync(join(POLICY_DIR, 'labels.json'), 'utf8')) as LabelsFile;
}

export function policyFileText(file: string): string {
  return readFileSync(join(POLICY_DIR, file), 'utf8');
}

/** Every quote of a label, for the test that checks each occurs in the normalised text. */
export function labelQuotes(label: PolicyLabel): string[] {
  return [label.controller?.quote, label.bestContact?.quote, label.sale.quote, label.retention.quote, label.rights.quote, label.childrenMinAge.quote, label.lastUpdated.quote].filter(
    (q): q is string => typeof q === 'string',
  );
}

const SCALAR_FIELDS = ['language', 'controller', 'bestContact', 'sale', 'retention', 'childrenMinAge', 'lastUpdated'] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];

/** Tally for one field: tp = right values given, fp = wrong values given, fn = labelled values missed or wrong, tn = rightly nothing. */
export interface Tally {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}
const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

const sameUrlOrAddress = (a: string, b: string) => a.toLowerCase().replace(/\/$/, '') === b.toLowerCase().replace(/\/$/, '');

function scalar(field: ScalarField, s: PolicySummary, l: PolicyLabel): { predicted: string | null; expected: string | null; right: boolean } {
  switch (field) {
    case 'language':
      return { predicted: s.language, expected: l.language, right: s.language === l.language };
    case 'controller': {
      const p = s.controller?.value.name ?? null;
      const ok = p !== null && !!l.controller?.accept.some((a) => a.toLowerCase().includes(p.toLowerCase()) || p.toLowerCase().includes(a.toLowerCase()));
      return { predicted: p, expected: l.controller?.accept[0] ?? null, right: l.controller ? ok : p === null };
    }
    case 'bestContact': {
      const p = s.bestContact?.value.value ?? null;
      const ok = p !== null && !!l.bestContact?.accept.some((a) => sameUrlOrAddress(a, p));
      return { predicted: p, expected: l.bestContact?.accept[0] ?? null, right: l.bestContact ? ok : p === null };
    }
    case 'sale':
      return { predicted: s.sale.value, expected: l.sale.value, right: s.sale.value === l.sale.value };
    case 'retention':
      return { predicted: s.retention.value.kind, expected: l.retention.kind, right: s.retention.value.kind === l.retention.kind };
    case 'childrenMinAge': {
      const p = s.childrenMinAge.value;
      return { predicted: p === null ? null : String(p), expected: l.childrenMinAge.value === null ? null : String(l.childrenMinAge.value), right: p === l.childrenMinAge.value };
    }
    case 'lastUpdated':
      return { predicted: s.lastUpdated.value, expected: l.lastUpdated.value, right: s.lastUpdated.value === l.lastUpdated.value };
  }
}

/** 'notMentioned' and 'notStated' are the "nothing found" of their fields. */
const EMPTY = new Set(['notMentioned', 'notStated']);
const isEmpty = (v: string | null) => v === null || EMPTY.has(v);

export interface PolicyResult {
  file: string;
  language: string;
  fields: Record<ScalarField, { predicted: string | null; expected: string | null; right: boolean }>;
  rights: { tp: number; fp: number; fn: number; missing: RightKind[]; extra: RightKind[] };
  bestContactRole: string | null;
  ms: number;
}

export interface AccuracyReport {
  results: PolicyResult[];
  /** field -> language ('all' too) -> tally */
  tallies: Record<string, Record<string, Tally>>;
  /** Share of right answers per field and language. */
  accuracy: Record<string, Record<string, number>>;
  rightsF1: Record<string, number>;
  falseDoesNotSellRate: number;
  bestContactForbidden: number;
  /** Mean of the field accuracies and rights F1, per language. */
  languageScore: Record<string, number>;
}

export function evaluate(): AccuracyReport {
  const labels = loadLabels();
  const results: PolicyResult[] = [];
  for (const [file, label] of Object.entries(labels.policies)) {
    const t0 = performance.now();
    const summary = analysePolicy({ text: policyFileText(file) });
    const ms = performance.now() - t0;
    const fields = Object.fromEntries(SCALAR_FIELDS.map((f) => [f, scalar(f, summary, label)])) as PolicyResult['fields'];
    const got = new Set(summary.rights.value);
    const want = new Set(label.rights.value);
    const missing = [...want].filter((r) => !got.has(r));
    const extra = [...got].filter((r) => !want.has(r));
    results.push({
      file,
      language: label.language,
      fields,
      rights: { tp: want.size - missing.length, fp: extra.length, fn: missing.length, missing, extra },
      bestContactRole: summary.bestContact?.value.role ?? null,
      ms,
    });
  }

  const tallies: AccuracyReport['tallies'] = {};
  const accuracy: AccuracyReport['accuracy'] = {};
  const langs = ['all', ...new Set(results.map((r) => r.language))];
  for (const f of [...SCALAR_FIELDS, 'rights']) {
    tallies[f] = {};
    accuracy[f] = {};
    for (const lang of langs) {
      const t = tally();
      const rs = results.filter((r) => lang === 'all' || r.language === lang);
      let right = 0;
      for (const r of rs) {
        if (f === 'rights') {
          t.tp += r.rights.tp;
          t.fp += r.rights.fp;
          t.fn += r.rights.fn;
          if (r.rights.fp === 0 && r.rights.fn === 0) right++;
          continue;
        }
        const v = r.fields[f as ScalarField];
        if (v.right) {
          right++;
          if (isEmpty(v.expected)) t.tn++;
          else t.tp++;
        } else {
          if (!isEmpty(v.predicted)) t.fp++;
          if (!isEmpty(v.expected)) t.fn++;
        }
      }
      tallies[f]![lang] = t;
      accuracy[f]![lang] = rs.length ? right / rs.length : 0;
    }
  }
  const rightsF1 = Object.fromEntries(langs.map((lang) => [lang, f1(tallies.rights![lang]!)]));
  const falseDoesNotSell = results.filter((r) => r.fields.sale.predicted === 'doesNotSell' && r.fields.sale.expected !== 'doesNotSell').length;
  const bestContactForbidden = results.filter((r) => r.bestContactRole !== null && NOT_A_CONTACT_ROLES.includes(r.bestContactRole as never)).length;
  const languageScore = Object.fromEntries(
    langs.map((lang) => {
      const parts = SCALAR_FIELDS.filter((f) => f !== 'language').map((f) => accuracy[f]![lang]!);
      parts.push(rightsF1[lang]!);
      return [lang, parts.reduce((a, b) => a + b, 0) / parts.length];
    }),
  );
  return { results, tallies, accuracy, rightsF1, falseDoesNotSellRate: falseDoesNotSell / results.length, bestContactForbidden, languageScore };
}

export function precision(t: Tally): number {
  return t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp);
}
export function recall(t: Tally): number {
  return t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn);
}
export function f1(t: Tally): number {
  const p = precision(t);
  const r = recall(t);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** The normalised text of a fixture, which label quotes must occur in. */
export function normalisedFixture(file: string): string {
  return normaliseText(policyFileText(file));
}
