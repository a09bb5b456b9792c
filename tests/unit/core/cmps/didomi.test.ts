import { describe, expect, it } from 'vitest';
import { storedFromSnapshot } from '../../../../core/consent/cmps/categories';
import mapping from '../../../../core/consent/cmps/didomi.json';
import { didomi, targetOfPurpose, type DidomiRaw } from '../../../../core/consent/cmps/didomi';
import type { ConsentIntent } from '../../../../core/consent/intent';
import { allPurposes, PURPOSES } from '../../../../core/consent/purposes';
import { verify } from '../../../../core/consent/verify';

/** The four profiles of the end-to-end suite, legitimate interest included. */
const PROFILES: Record<string, ConsentIntent> = {
  denyOptional: { purposes: allPurposes(false), legitimateInterest: 'object', source: 'preferences' },
  functionalOnly: { purposes: { ...allPurposes(false), functional: true }, legitimateInterest: 'object', source: 'preferences' },
  functionalAnalytics: { purposes: { ...allPurposes(false), functional: true, analytics: true }, legitimateInterest: 'object', source: 'preferences' },
  acceptAll: { purposes: allPurposes(true), legitimateInterest: 'allow', source: 'preferences' },
};

/** What `read` returns on the fixture page before an answer: two purposes on by legitimate interest. */
const purpose = (id: string, name: string, basis: 'consent' | 'li', enabled = basis === 'li') => ({
  id, name, enabled, consent: basis === 'consent', legitimateInterest: basis === 'li',
});
const before: DidomiRaw = {
  purposes: [
    purpose('cookies', 'Stocker et/ou accéder à des informations sur un appareil', 'consent'),
    purpose('select_basic_ads', 'Utiliser des données limitées pour sélectionner la publicité', 'consent'),
    purpose('create_ads_profile', 'Créer des profils pour la publicité personnalisée', 'consent'),
    purpose('measure_ad_performance', 'Mesurer la performance des publicités', 'li'),
    purpose('improve_products', 'Développer et améliorer les services', 'li'),
    purpose('audience-Hk3nQ2', "Mesure d'audience", 'consent'),
    purpose('preferences-Pz81Lc', 'Préférences et fonctionnalités', 'consent'),
    purpose('social-R7xw2m', 'Réseaux sociaux', 'consent'),
  ],
  vendorCount: 5,
  answered: false,
  cookie: null,
  status: '{"purposes":{},"vendors":{}}',
  hasDisagree: true,
};
/** The page after Didomi stored a plan: every purpose as planned. */
const storing = (plan: Record<string, boolean>): DidomiRaw => ({
  ...before,
  purposes: before.purposes.map((p) => ({ ...p, enabled: plan[p.id] ?? p.enabled })),
  answered: true,
  cookie: 'didomi_token=eyJ1c2VyX2lkIjoidS0xIn0=',
});

describe('Didomi adapter', () => {
  it('maps the eleven TCF purposes of its data file to a purpose, necessary or anyOptional', () => {
    const allowed: string[] = ['anyOptional', 'necessary', ...PURPOSES];
    expect(Object.keys(mapping.purposes)).toHaveLength(11);
    for (const target of Object.values(mapping.purposes)) expect(allowed).toContain(target);
    expect(targetOfPurpose('cookies')).toBe('anyOptional');
    expect(targetOfPurpose('measure_ad_performance')).toBe('advertising');
  });

  it('places custom purposes by their name, then their id', () => {
    expect(targetOfPurpose('audience-Hk3nQ2', "Mesure d'audience")).toBe('analytics');
    expect(targetOfPurpose('social-R7xw2m', 'Réseaux sociaux')).toBe('social');
    expect(targetOfPurpose('analytics-HpBJrrK7')).toBe('analytics');
    expect(targetOfPurpose('x-12345', 'Divers')).toBeNull();
  });

  it('asks the consent purposes as categories and lists legitimate-interest ones that are on', () => {
    const asked = didomi.snapshot(before);
    expect(asked.categories.map((c) => [c.id, c.purpose])).toEqual([
      ['cookies', 'necessary'],
      ['select_basic_ads', 'advertising'],
      ['create_ads_profile', 'advertising'],
      ['audience-Hk3nQ2', 'analytics'],
      ['preferences-Pz81Lc', 'functional'],
      ['social-R7xw2m', 'social'],
    ]);
    expect(asked.categories.every((c) => c.consented === null && !c.required)).toBe(true);
    expect(asked).toMatchObject({ cmp: 'Didomi', answered: false, firstLayerReject: true, vendorCount: 5, evidence: before.status });
    expect(asked.legitimateInterestOn).toEqual(['measure_ad_performance', 'improve_products']);
  });

  it.each([
    ['denyOptional', []],
    ['functionalOnly', ['cookies', 'preferences-Pz81Lc']],
    ['functionalAnalytics', ['cookies', 'audience-Hk3nQ2', 'preferences-Pz81Lc']],
    ['acceptAll', before.purposes.map((p) => p.id)],
  ])('plans %s: purposes on are %j, legitimate interest objected unless allowed', (profile, on) => {
    const plan = didomi.plan(didomi.snapshot(before), PROFILES[profile]!);
    expect(Object.keys(plan.purposes).sort()).toEqual(before.purposes.map((p) => p.id).sort());
    expect(Object.keys(plan.purposes).filter((id) => plan.purposes[id]).sort()).toEqual([...on].sort());
  });

  it.each(Object.keys(PROFILES))('verifies %s as respected once Didomi stored the plan', (profile) => {
    const intent = PROFILES[profile]!;
    const after = didomi.snapshot(storing(didomi.plan(didomi.snapshot(before), intent).purposes));
    expect(after.evidence).toMatch(/^didomi_token=/);
    expect(verify(intent, storedFromSnapshot(after)).status).toBe('respected');
  });

  it('catches legitimate interest left on after an objection', () => {
    const intent = PROFILES.denyOptional!;
    const plan = { ...didomi.plan(didomi.snapshot(before), intent).purposes, improve_products: true };
    const after = didomi.snapshot(storing(plan));
    expect(after.legitimateInterestOn).toEqual(['improve_products']);
    expect(verify(intent, storedFromSnapshot(after)).mismatches).toEqual([{ purpose: 'legitimateInterest', intended: false, stored: true }]);
  });

  it('counts storage consent without any purpose as an unplaced category that is on', () => {
    const after = didomi.snapshot(storing({ cookies: true, improve_products: false, measure_ad_performance: false }));
    expect(after.categories.find((c) => c.id === 'cookies')?.purpose).toBeNull();
    expect(verify(PROFILES.denyOptional!, storedFromSnapshot(after)).status).toBe('notRespected');
  });

  it('consents to storage only for a purpose the site asks for and the user allows', () => {
    // The site asks for storage and advertising only; the user allows functional alone.
    const adsOnly = { ...before, purposes: before.purposes.filter((p) => ['cookies', 'select_basic_ads'].includes(p.id)) };
    const plan = didomi.plan(didomi.snapshot(adsOnly), PROFILES.functionalOnly!).purposes;
    expect(plan).toEqual({ cookies: false, select_basic_ads: false });
    expect(didomi.plan(didomi.snapshot(adsOnly), PROFILES.acceptAll!).purposes).toEqual({ cookies: true, select_basic_ads: true });
  });

  it('treats a purpose claimed under both bases as a consent category', () => {
    const dual = { ...before, purposes: [{ ...purpose('market_research', 'Études de marché', 'consent'), legitimateInterest: true, enabled: true }] };
    const asked = didomi.snapshot(dual);
    expect(asked.categories.map((c) => c.id)).toEqual(['market_research']);
    expect(asked.legitimateInterestOn).toEqual([]);
  });
});
