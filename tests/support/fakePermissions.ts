import { fakeBrowser } from 'wxt/testing/fake-browser';

/** WXT's fake `browser.permissions`, typed as the promise-returning API the extension calls, for `vi.spyOn`. */
export const permissionsApi = () => fakeBrowser.permissions as unknown as { contains: (p: unknown) => Promise<boolean>; request: (p: unknown) => Promise<boolean> };
