import { PURPOSES, type Purpose } from '../purposes';
import table from './purposes.json';

/**
 * What a TCF purpose or special feature means in our terms. `anyOptional`:
 * TCF purpose 1 (storage and device access) is the means of every other
 * purpose, so consenting to it is right exactly when any optional purpose is.
 */
export type TcfTarget = Purpose | 'anyOptional';

export interface TcfEntry {
  id: number;
  name: string;
  ours: TcfTarget;
  why: string;
}

/** The ids the TCF v2.2 policy defines: purposes 1..11, special features 1..2. */
export const TCF_PURPOSE_IDS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
export const TCF_SPECIAL_FEATURE_IDS: readonly number[] = [1, 2];

/** Purposes that may rest on legitimate interest since TCF v2.2 (never 1, and no longer 3 to 6). */
export const TCF_LI_CAPABLE: readonly number[] = [2, 7, 8, 9, 10, 11];

const isTarget = (value: string): value is TcfTarget => value === 'anyOptional' || (PURPOSES as readonly string[]).includes(value);

/** Reads one table of the JSON, refusing a mapping to anything we do not know: a typo must fail loudly, not map to nothing. */
function entriesOf(section: Record<string, { name: string; ours: string; why: string }>): Map<number, TcfEntry> {
  const entries = new Map<number, TcfEntry>();
  for (const [key, entry] of Object.entries(section)) {
    if (!isTarget(entry.ours)) throw new Error(`TCF mapping: ${key} maps to unknown purpose ${entry.ours}`);
    entries.set(Number(key), { id: Number(key), name: entry.name, ours: entry.ours, why: entry.why });
  }
  return entries;
}

export const TCF_PURPOSES = entriesOf(table.purposes);
export const TCF_SPECIAL_FEATURES = entriesOf(table.specialFeatures);
