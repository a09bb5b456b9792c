import { describe, expect, it } from 'vitest';
import { klaro } from '../../../../core/consent/cmps/klaro';
import { allPurposes } from '../../../../core/consent/purposes';

const raw = {
  services: [
    { name: 'matomo', title: 'Matomo', purposes: ['analytics'], purposeTitles: ['Phân tích'], required: false, consent: false },
    { name: 'adnetwork', title: 'Ad Network', purposes: ['marketing'], purposeTitles: ['Quảng cáo'], required: false, consent: true },
    { name: 'session', title: 'Session', purposes: ['functional'], purposeTitles: [''], required: true, consent: true },
    { name: 'mystery', title: 'Mystery', purposes: ['misc'], purposeTitles: [''], required: false, consent: false },
  ],
  confirmed: true,
  cookie: 'klaro=%7B%7D',
  hasDecline: true,
};

describe('Klaro adapter', () => {
  it('names each service, its purpose, and what it holds', () => {
    const snapshot = klaro.snapshot(raw);
    expect(snapshot.categories.map((c) => [c.id, c.purpose, c.consented])).toEqual([
      ['matomo', 'analytics', false], ['adnetwork', 'advertising', true], ['session', 'necessary', true], ['mystery', null, false],
    ]);
    expect(snapshot).toMatchObject({ vendorCount: 4, firstLayerReject: true, answered: true, evidence: 'klaro=%7B%7D' });
    expect(klaro.snapshot({ ...raw, confirmed: false }).categories.every((c) => c.consented === null)).toBe(true);
  });

  it('gives a service with several purposes only when all of them are allowed, and cannot split one', () => {
    const both = { ...raw, services: [{ name: 'tagmanager', title: 'Tags', purposes: ['analytics', 'marketing'], purposeTitles: ['', ''], required: false, consent: true }] };
    const snapshot = klaro.snapshot(both);
    expect(snapshot.categories[0]).toMatchObject({ purpose: 'advertising', covers: ['analytics', 'advertising'] });
    const intent = (purposes: Partial<ReturnType<typeof allPurposes>>) => ({ purposes: { ...allPurposes(false), ...purposes }, legitimateInterest: 'object' as const, source: 'preferences' as const });
    expect(klaro.plan(snapshot, intent({ analytics: true, advertising: true }))).toEqual({ tagmanager: true });
    expect(klaro.plan(snapshot, intent({}))).toEqual({ tagmanager: false });
    // Allowing advertising but not analytics: one switch cannot say it, so the engine's fallback answers.
    expect(klaro.plan(snapshot, intent({ advertising: true }))).toBeNull();
    expect(klaro.apply(null)).toBe(false);
  });

  it('plans one consent per service for each profile', () => {
    const snapshot = klaro.snapshot(raw);
    const intent = (purposes = allPurposes(false)) => ({ purposes, legitimateInterest: 'object' as const, source: 'preferences' as const });
    expect(klaro.plan(snapshot, intent())).toEqual({ matomo: false, adnetwork: false, session: true, mystery: false });
    expect(klaro.plan(snapshot, intent({ ...allPurposes(false), analytics: true }))).toEqual({ matomo: true, adnetwork: false, session: true, mystery: false });
    expect(klaro.plan(snapshot, intent(allPurposes(true)))).toEqual({ matomo: true, adnetwork: true, session: true, mystery: true });
  });
});
