import { cookieconsent } from './cookieconsent';
import { klaro } from './klaro';
import { tcf } from './tcf';
import { cookiebot } from './cookiebot';
import { cookieyes } from './cookieyes';
import { onetrust } from './onetrust';
import { usercentrics } from './usercentrics';
import { consentmanager } from './consentmanager';
import { quantcast } from './quantcast';
import { sourcepoint } from './sourcepoint';
import { fundingchoices } from './fundingchoices';
import { trustarc } from './trustarc';
import { didomi } from './didomi';
import { osano } from './osano';
import { complianz } from './complianz';
import { iubenda } from './iubenda';
import type { CmpAdapter } from './types';

/**
 * Per-purpose adapters, found by the autoconsent rule name that detected the
 * banner. Add one here, with its fixture page and tests (README: "Add a CMP adapter").
 */
export const ADAPTERS: CmpAdapter<any, any>[] = [
  klaro,
  cookieconsent,
  onetrust,
  cookiebot,
  cookieyes,
  usercentrics,
  consentmanager,
  quantcast,
  sourcepoint,
  fundingchoices,
  trustarc,
  didomi,
  osano,
  complianz,
  iubenda,
  // more adapters: keep one per line
];

/**
 * Adapters for standards any CMP may implement (IAB TCF v2). They are tried,
 * in order, when no named adapter matches; their `read` returns null where the
 * standard is absent.
 */
export const GENERIC_ADAPTERS: CmpAdapter<any, any>[] = [
  tcf,
  // generic adapters: keep one per line
];

export function adapterFor(autoconsentName: string): CmpAdapter<any, any> | null {
  return ADAPTERS.find((a) => a.autoconsentNames.includes(autoconsentName)) ?? null;
}

export function adapterById(id: string | null): CmpAdapter<any, any> | null {
  return [...ADAPTERS, ...GENERIC_ADAPTERS].find((a) => a.id === id) ?? null;
}
