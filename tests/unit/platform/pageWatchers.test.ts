// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { scanFields, type FormScan } from '../../../platform/content/forms';
import { watchPermissionPrompts } from '../../../platform/content/permissionPrompts';
import { CHANNEL_ASK, CHANNEL_OFFER } from '../../../core/ledger/permissionSignal';

describe('scanFields', () => {
  it('finds what the controls ask for from attributes and labels, and never reads a value', () => {
    document.body.innerHTML = `
      <form action="/register">
        <label for="n">Họ và tên</label><input id="n" name="f1">
        <label>Số điện thoại <input name="f2"></label>
        <label>Ghi chú <textarea name="note">Số CCCD của tôi</textarea></label>
        <input type="hidden" name="csrf_token" value="abc">
        <span id="pw-label">Mật khẩu</span><input name="f3" aria-labelledby="pw-label">
        <button type="submit">Đăng ký email</button>
      </form>
      <input name="q" placeholder="Tìm kiếm">`;
    const read: string[] = [];
    for (const proto of [HTMLInputElement.prototype, HTMLTextAreaElement.prototype]) {
      Object.defineProperty(proto, 'value', { configurable: true, get() { read.push(this.name); return 'typed'; }, set() {} });
    }
    const scan: FormScan = { fields: new Map(), insecureSubmit: false };
    for (const step of scanFields(document, new WeakSet(), scan)) void step;
    expect([...scan.fields.values()]).toEqual([
      { kind: 'name', via: 'label', hint: 'họ và tên' },
      { kind: 'phone', via: 'label', hint: 'số điện thoại' },
      { kind: 'password', via: 'label', hint: 'mật khẩu' },
    ]);
    expect(read).toEqual([]);
  });
});

describe('the main-world permission watcher', () => {
  it('passes calls through unchanged and signals the answer over the private channel only', async () => {
    class FakeGeolocation {
      getCurrentPosition(this: unknown, _ok: PositionCallback, fail?: PositionErrorCallback | null) {
        fail?.({ code: 1 } as GeolocationPositionError);
        return 'native-return';
      }
    }
    Object.assign(globalThis, { Geolocation: FakeGeolocation });
    const seen: string[] = [];
    // The content script's side: offers a channel when asked, then listens on it.
    document.addEventListener(CHANNEL_ASK, () => document.dispatchEvent(new CustomEvent(CHANNEL_OFFER, { detail: 'secret-channel' })));
    document.addEventListener('secret-channel', (event) => seen.push((event as CustomEvent).detail));
    const offers: unknown[] = [];
    document.addEventListener(CHANNEL_OFFER, (event) => offers.push((event as CustomEvent).detail));

    watchPermissionPrompts();
    const geolocation = new FakeGeolocation();
    const errors: number[] = [];
    expect(geolocation.getCurrentPosition(() => undefined, (e) => errors.push(e.code))).toBe('native-return');
    expect(geolocation.getCurrentPosition(() => undefined)).toBe('native-return');
    // A call the browser would refuse goes to it untouched, and fails the same way.
    expect(() => geolocation.getCurrentPosition(() => undefined, 'not a function' as never)).toThrow('fail is not a function');
    expect(FakeGeolocation.prototype.getCurrentPosition.name).toBe('getCurrentPosition');
    expect(errors).toEqual([1]);
    expect(seen).toEqual(['geolocation:denied', 'geolocation:denied']);
    // A page asking for the channel later is not answered by the watcher.
    const before = offers.length;
    document.dispatchEvent(new CustomEvent(CHANNEL_OFFER, { detail: 'page-channel' }));
    geolocation.getCurrentPosition(() => undefined);
    expect(seen).toHaveLength(3);
    expect(offers.length).toBe(before + 1);
  });
});
