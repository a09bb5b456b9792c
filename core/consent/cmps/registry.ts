import { cookieconsent } from './cookieconsent';
import { klaro } from './klaro';
import type { CmpAdapter } from './types';

/** Every per-purpose adapter. Add one here, with its fixture page and tests (README: "Add a CMP adapter"). */
export const ADAPTERS: CmpAdapter<any, any>[] = [klaro, cookieconsent];

export function adapterFor(autoconsentName: string): CmpAdapter<any, any> | null {
  return ADAPTERS.find((a) => a.autoconsentNames.includes(autoconsentName)) ?? null;
}
