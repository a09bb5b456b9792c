import { describe, expect, it } from 'vitest';
import type { ConsentRecord } from '../../../core/consent/record';
import { storedNames } from '../../../core/consent/storedNames';

const withEvidence = (stored: string | null, asked = ''): ConsentRecord =>
  ({ stored: stored === null ? null : { evidence: stored }, asked: { evidence: asked } }) as unknown as ConsentRecord;

describe('storedNames', () => {
  it('finds the cookie names in the evidence, and nothing else', () => {
    expect(storedNames(withEvidence('OptanonConsent=groups%3DC0001%3A1; OptanonAlertBoxClosed=2026-01-01'))).toEqual(['OptanonConsent', 'OptanonAlertBoxClosed']);
    expect(storedNames(withEvidence('klaro=%7B%22a%22%3Afalse%7D'))).toEqual(['klaro']);
    expect(storedNames(withEvidence('CookieConsent.getUserPreferences()'))).toEqual([]);
    expect(storedNames(withEvidence(null, 'cc_cookie={"categories":[]}'))).toEqual(['cc_cookie']);
  });
});
