import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extensionSchemas } from '../../../core/messaging/schemas';
import { computeDeadline, localIsoDay, reminderDays } from '../../../core/requests';
import type { RequestInput } from '../../../core/messaging/protocol';
import { database } from '../../../platform/db';
import { requestHandlers } from '../../../platform/handlers/requests';
import type { CallerContext } from '../../../platform/messaging/router';

const caller = { sender: { url: 'chrome-extension://test/dashboard.html' }, tabId: null, frameId: null } as CallerContext;
const input: RequestInput = {
  site: 'shop.test', regime: 'gdpr', type: 'access', language: 'en',
  contact: { channel: 'email', value: 'privacy@shop.test', source: 'user', confidence: 1 },
  subject: 'Access request', body: 'Please give me a copy of my data.', channel: 'copy', sentOn: '2026-01-05',
};

describe('requests messages', () => {
  it('refuse a request of an unknown law or type, or a malformed day, before any handler runs', () => {
    const schema = extensionSchemas['requests.save'];
    expect(schema.safeParse({ request: input }).success).toBe(true);
    expect(schema.safeParse({ request: { ...input, regime: 'hipaa' } }).success).toBe(false);
    expect(schema.safeParse({ request: { ...input, type: 'sell' } }).success).toBe(false);
    expect(schema.safeParse({ request: { ...input, sentOn: '5 Jan 2026' } }).success).toBe(false);
    expect(extensionSchemas['requests.setStatus'].safeParse({ id: 'r', status: 'lost', on: '2026-01-05' }).success).toBe(false);
  });

  it('store a sent request, schedule its reminders, move it on and delete it with its alarms', async () => {
    const handlers = requestHandlers.extension!;
    // Sent today, so every reminder day is still ahead.
    const today = localIsoDay(Date.now());
    const record = await handlers['requests.save']!({ request: { ...input, sentOn: today } }, caller);
    expect(record).toMatchObject({ status: 'sent', dueDate: computeDeadline('gdpr', 'access', today).dueDate });
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name.split('|')[1])).toEqual(reminderDays(record.dueDate!));
    const answered = await handlers['requests.setStatus']!({ id: record.id, status: 'answered', on: '2026-01-20' }, caller);
    expect(answered.status).toBe('answered');
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    await handlers['requests.delete']!({ id: record.id }, caller);
    expect(await database().requests.count()).toBe(0);
    await database().delete();
  });
});
