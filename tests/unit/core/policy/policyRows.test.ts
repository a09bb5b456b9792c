import { describe, expect, it } from 'vitest';
import type { PolicyRecord } from '../../../../core/ledger/records';
import { summarizeEvent, summarizeRow } from '../../../../core/ledger/summary';
import { fullSummary } from '../../../support/policySummary';

const row = (over: Partial<PolicyRecord> = {}): Omit<PolicyRecord, 'id'> => ({
  site: 'shop.test', url: 'https://shop.test/privacy', fetchedAt: 1, hash: 'ab', text: 'x'.repeat(12), ...over,
});

describe('policy rows in the CSV summary column', () => {
  it('describes a version with its contact and sale, and what changed', () => {
    expect(summarizeRow('policies', row({ status: 'ok', language: 'en', summary: fullSummary(), changes: [{ field: 'sale', before: 'a', after: 'b' }] })))
      .toBe('privacy policy https://shop.test/privacy (12 characters), en, contact privacy@shop.test, sale: doesNotSell, changed: sale');
  });
  it('describes a row from before the reader as it did', () => {
    expect(summarizeRow('policies', row())).toBe('privacy policy https://shop.test/privacy (12 characters)');
  });
  it('says why a failed attempt read nothing', () => {
    expect(summarizeRow('policies', row({ status: 'notFound', detail: 'HTTP 404', hash: '', text: '' }))).toBe('privacy policy not read: notFound, HTTP 404, https://shop.test/privacy');
  });
  it('names the changed fields of a policy.changed event', () => {
    expect(summarizeEvent('policy.changed', { url: 'https://shop.test/privacy', changes: [{ field: 'sale' }, { field: 'retention' }] }))
      .toBe('privacy policy changed: sale retention, https://shop.test/privacy');
    expect(summarizeEvent('policy.changed', { changes: 'not a list' })).toBe('changes: not a list');
  });
});
