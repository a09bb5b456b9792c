/**
 * Dates as policies write them, to ISO: 2024-12-23, "May 25, 2018",
 * "25 May 2018", "27 de agosto de 2021", "17 mai 2024", "01.02.2026",
 * "31/05/2024" (day first, except in English text where 06-03-26 is US
 * month first), "ngày 1 tháng 1 năm 2025", and month-year ("Mai 2018",
 * "August 2026") as YYYY-MM.
 */
import { numberMap } from '../lexicon';

const MONTHS = numberMap('months');
const MONTH_ALT = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');

const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const VI = /ngày\s(\d{1,2})\stháng\s(\d{1,2})\snăm\s(\d{4})/;
const NUMERIC = /(?<![\d.])(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?![\d])/;
const MONTH_DAY_YEAR = new RegExp(`(?<![\\p{L}])(${MONTH_ALT})\\.?\\s(\\d{1,2})(?:st|nd|rd|th)?,?\\s(\\d{4})(?!\\d)`, 'u');
const DAY_MONTH_YEAR = new RegExp(`(?<!\\d)(\\d{1,2})(?:er|\\.|º|st|nd|rd|th)?\\s(?:de\\s)?(${MONTH_ALT})\\.?,?\\s(?:de\\s)?(\\d{4})(?!\\d)`, 'u');
const MONTH_YEAR = new RegExp(`(?<![\\p{L}])(${MONTH_ALT})\\.?[\\s-](?:de\\s)?(\\d{4})(?!\\d)`, 'u');

function iso(y: number, m: number, d: number | null): string | null {
  if (y < 1990 || y > 2100 || m < 1 || m > 12) return null;
  if (d === null) return `${y}-${String(m).padStart(2, '0')}`;
  if (d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export interface DateHit {
  iso: string;
  index: number;
  length: number;
}

/** The first date in a lower-cased string; `monthFirst` for US-style numeric dates. */
export function findDate(lower: string, monthFirst: boolean): DateHit | null {
  const hits: DateHit[] = [];
  const add = (m: RegExpExecArray | null, f: (m: RegExpExecArray) => string | null) => {
    if (!m) return;
    const v = f(m);
    if (v) hits.push({ iso: v, index: m.index, length: m[0].length });
  };
  add(ISO.exec(lower), (m) => iso(+m[1]!, +m[2]!, +m[3]!));
  add(VI.exec(lower), (m) => iso(+m[3]!, +m[2]!, +m[1]!));
  add(NUMERIC.exec(lower), (m) => {
    const y = m[3]!.length === 2 ? 2000 + +m[3]! : +m[3]!;
    const [a, b] = [+m[1]!, +m[2]!];
    return monthFirst && a <= 12 ? iso(y, a, b) : iso(y, b, a);
  });
  add(MONTH_DAY_YEAR.exec(lower), (m) => iso(+m[3]!, MONTHS.get(m[1]!) ?? 0, +m[2]!));
  add(DAY_MONTH_YEAR.exec(lower), (m) => iso(+m[3]!, MONTHS.get(m[2]!) ?? 0, +m[1]!));
  if (hits.length === 0) add(MONTH_YEAR.exec(lower), (m) => iso(+m[2]!, MONTHS.get(m[1]!) ?? 0, null));
  if (hits.length === 0) return null;
  return hits.sort((a, b) => a.index - b.index || b.length - a.length)[0]!;
}
