import { describe, expect, it } from 'vitest';
import { contentSchemas, extensionSchemas } from '../../../core/messaging/schemas';
import { defaultSettings } from '../../../core/settings/defaults';

describe('message schemas', () => {
  it('accepts well-formed payloads', () => {
    expect(contentSchemas['page.hello'].safeParse({ url: 'https://a.com/', top: true }).success).toBe(true);
    expect(extensionSchemas['settings.save'].safeParse({ settings: defaultSettings() }).success).toBe(true);
    expect(extensionSchemas['site.setOverride'].safeParse({ site: 'a.com', override: null }).success).toBe(true);
  });

  it.each([
    ['page.hello', { url: 42, top: true }],
    ['page.hello', { url: 'x'.repeat(9000), top: true }],
    ['page.hello', { url: 'https://a.com/', top: true, extra: 'smuggled' }],
    ['page.hello', null],
  ])('refuses a malformed %s', (name, payload) => {
    expect(contentSchemas[name as 'page.hello'].safeParse(payload).success).toBe(false);
  });

  it('refuses malformed extension payloads', () => {
    expect(extensionSchemas['settings.save'].safeParse({ settings: { ...defaultSettings(), gpc: 'yes' } }).success).toBe(false);
    expect(extensionSchemas['tab.status'].safeParse({ tabId: -1 }).success).toBe(false);
    expect(extensionSchemas['site.setOverride'].safeParse({ site: 'a.com', override: { mode: 'custom' } }).success).toBe(false);
  });
});
