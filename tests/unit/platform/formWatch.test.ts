// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchFormFields } from '../../../platform/content/forms';
import type { FormFieldsReport } from '../../../core/messaging/protocol';

afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the form watch on a page with thousands of controls', () => {
  it('reads them in slices, letting the page run between them, and reports every kind once done', async () => {
    const sent: { type: string; payload: FormFieldsReport }[] = [];
    vi.stubGlobal('browser', {
      runtime: {
        sendMessage: async (message: { type: string; payload: FormFieldsReport }) => {
          sent.push(message);
          return { ok: true, value: null };
        },
      },
    });
    document.body.innerHTML = `<form>${'<label>Email <input type="email" name="email"></label>'.repeat(1500)}<label>Full name <input name="fullname" autocomplete="name"></label></form>`;
    const total = document.querySelectorAll('input').length;
    // Every control's description reads its labels: how many had been read, each time the page's timer ran.
    let owner: object = HTMLInputElement.prototype;
    while (!Object.getOwnPropertyDescriptor(owner, 'labels')) owner = Object.getPrototypeOf(owner) as object;
    const labels = vi.spyOn(owner as HTMLInputElement, 'labels', 'get');
    const read = () => labels.mock.calls.length;
    const between: number[] = [];
    await new Promise<void>((resolve) => {
      watchFormFields(async () => ({ active: true }) as never);
      const tick = () => {
        between.push(read());
        if (sent.length > 0 || between.length > 20_000) resolve();
        else setTimeout(tick, 1);
      };
      tick();
    });
    expect(read()).toBeGreaterThanOrEqual(total);
    expect(new Set(between.filter((n) => n > 0 && n < total)).size).toBeGreaterThan(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.type).toBe('ledger.formFields');
    expect(sent[0]!.payload.fields.map((f) => f.kind).sort()).toEqual(['email', 'name']);
  }, 60_000);
});
