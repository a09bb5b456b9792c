import { describe, expect, it } from 'vitest';
import { contentSchemas } from '../../../core/messaging/schemas';
import { evidenceUrl } from '../../../core/ledger/pageUrl';
import { channelName, encodeSignal, parseSignal } from '../../../core/ledger/permissionSignal';

const formFields = contentSchemas['ledger.formFields'];
const permission = contentSchemas['ledger.permission'];
const report = { url: 'https://shop.example/signup', fields: [{ kind: 'email', via: 'type', hint: 'type=email' }], insecureSubmit: false };

describe('ledger message schemas', () => {
  it('accepts a well-formed report', () => {
    expect(formFields.safeParse(report).success).toBe(true);
    expect(permission.safeParse({ url: 'https://a.example/', permission: 'geolocation', result: 'granted' }).success).toBe(true);
  });

  it.each([
    ['an unknown kind', { ...report, fields: [{ kind: 'shoeSize', via: 'label', hint: 'shoe size' }] }],
    ['an unknown evidence', { ...report, fields: [{ kind: 'email', via: 'value', hint: 'x' }] }],
    ['an oversized hint', { ...report, fields: [{ kind: 'email', via: 'label', hint: 'x'.repeat(201) }] }],
    ['a kind twice', { ...report, fields: [report.fields[0], report.fields[0]] }],
    ['a smuggled value', { ...report, fields: [{ ...report.fields[0], value: 'me@example.com' }] }],
    ['no insecureSubmit', { url: report.url, fields: report.fields }],
  ])('refuses form fields with %s', (_what, payload) => {
    expect(formFields.safeParse(payload).success).toBe(false);
  });

  it.each([
    ['an unknown permission', { url: 'https://a.example/', permission: 'bluetooth', result: 'granted' }],
    ['an unknown result', { url: 'https://a.example/', permission: 'camera', result: 'maybe' }],
    ['an extra key', { url: 'https://a.example/', permission: 'camera', result: 'denied', at: 1 }],
  ])('refuses a permission report with %s', (_what, payload) => {
    expect(permission.safeParse(payload).success).toBe(false);
  });
});

describe('the permission signal', () => {
  it('round-trips and refuses anything else', () => {
    expect(parseSignal(encodeSignal('notifications', 'dismissed'))).toEqual({ permission: 'notifications', result: 'dismissed' });
    for (const forged of ['geolocation:granted:x', 'toString:granted', 'camera:yes', 'camera', '', 42, { permission: 'camera' }, `camera:${'x'.repeat(50)}`]) {
      expect(parseSignal(forged)).toBeNull();
    }
  });

  it('names a channel from 128 random bits', () => {
    expect(channelName(new Uint8Array(16).fill(171))).toBe(`privacy-ledger:${'ab'.repeat(16)}`);
  });
});

describe('evidenceUrl', () => {
  it('keeps origin and path, never the query or fragment', () => {
    expect(evidenceUrl('https://shop.example:8443/signup?email=me@example.com#step2')).toBe('https://shop.example:8443/signup');
    expect(evidenceUrl('about:blank')).toBeNull();
    expect(evidenceUrl('not a url')).toBeNull();
    expect(evidenceUrl(undefined)).toBeNull();
  });
});
