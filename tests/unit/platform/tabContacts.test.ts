import { describe, expect, it, vi } from 'vitest';
import { createTabContacts, MAX_PARTIES_PER_SITE, MAX_SITES_PER_TAB, type ContactsStore, type StoredTab } from '../../../platform/ledger/tabContacts';

/** A store as `storage.session` keeps it, one entry per tab, copied, until a later run reads it. */
function memoryStore(initial: Record<number, unknown> = {}) {
  const kept = new Map<number, unknown>(Object.entries(initial).map(([id, v]) => [Number(id), structuredClone(v)]));
  const store: ContactsStore = {
    all: async () => new Map([...kept].map(([id, v]) => [id, structuredClone(v)])),
    put: async (tabId: number, lists: StoredTab | null) => void (lists ? kept.set(tabId, structuredClone(lists)) : kept.delete(tabId)),
  };
  return { ...store, read: () => Object.fromEntries(kept) };
}

type Contacts = ReturnType<typeof createTabContacts>;
const list = async (contacts: Contacts, tabId: number, site: string) => [...(await contacts.partiesOf(tabId, site))].sort();

describe('the parties each tab contacted, by site', () => {
  it("lists each party once per tab and site, so a page's late requests count for its own site, not the next one's", async () => {
    const contacts = createTabContacts(memoryStore());
    contacts.noteContact(1, 'news.example', 'cdn.example');
    contacts.noteContact(1, 'news.example', 'ads.example');
    contacts.noteContact(1, 'news.example', 'cdn.example');
    // The tab moves to a shop; the news page's goodbye beacon goes out after the shop's first request.
    contacts.noteContact(1, 'shop.example', 'pay.example');
    contacts.noteContact(1, 'news.example', 'beacon.example');
    contacts.noteContact(2, 'maps.example', 'tiles.example');
    expect(await list(contacts, 1, 'news.example')).toEqual(['ads.example', 'beacon.example', 'cdn.example']);
    expect(await list(contacts, 1, 'shop.example')).toEqual(['pay.example']);
    expect(await list(contacts, 1, 'maps.example')).toEqual([]);
    expect(await list(contacts, 2, 'maps.example')).toEqual(['tiles.example']);
    expect(await list(contacts, 3, 'news.example')).toEqual([]);
  });

  it('forgets a closed tab, and a late request of it does not bring it back', async () => {
    const store = memoryStore();
    const contacts = createTabContacts(store);
    contacts.noteContact(1, 'news.example', 'cdn.example');
    await contacts.flush();
    contacts.forget(1);
    contacts.noteContact(1, 'news.example', 'late.example');
    expect(await list(contacts, 1, 'news.example')).toEqual([]);
    await contacts.flush();
    expect(store.read()).toEqual({});
  });

  it('keeps a tab to its last few sites and a site to a bounded list', async () => {
    const contacts = createTabContacts(memoryStore());
    for (let i = 0; i < MAX_PARTIES_PER_SITE * 3; i++) contacts.noteContact(1, 'busy.example', `p${i}.example`);
    expect((await contacts.partiesOf(1, 'busy.example')).size).toBe(MAX_PARTIES_PER_SITE);
    for (let i = 0; i < MAX_SITES_PER_TAB; i++) contacts.noteContact(1, `site${i}.example`, 'cdn.example');
    // busy.example was the one shown longest ago.
    expect(await list(contacts, 1, 'busy.example')).toEqual([]);
    expect(await list(contacts, 1, 'site0.example')).toEqual(['cdn.example']);
    // Used again, a site is the most recent: the oldest other one makes room.
    contacts.noteContact(1, 'site0.example', 'ads.example');
    contacts.noteContact(1, 'new.example', 'cdn.example');
    expect(await list(contacts, 1, 'site0.example')).toEqual(['ads.example', 'cdn.example']);
    expect(await list(contacts, 1, 'site1.example')).toEqual([]);
  });

  it('is known again to a worker that woke after sleeping, merged with what it heard since, except for tabs closed since', async () => {
    const store = memoryStore();
    const before = createTabContacts(store);
    before.noteContact(1, 'news.example', 'cdn.example');
    before.noteContact(2, 'shop.example', 'pay.example');
    await before.flush();
    expect(store.read()).toEqual({ 1: { 'news.example': ['cdn.example'] }, 2: { 'shop.example': ['pay.example'] } });
    // The next run hears of new requests and a closed tab before it has read what was kept.
    const after = createTabContacts(store);
    after.noteContact(1, 'news.example', 'fonts.example');
    after.forget(2);
    expect(await list(after, 1, 'news.example')).toEqual(['cdn.example', 'fonts.example']);
    expect(await list(after, 2, 'shop.example')).toEqual([]);
    await after.flush();
    expect(store.read()).toEqual({ 1: { 'news.example': ['fonts.example', 'cdn.example'] } });
  });

  it('stores a moment after a change without being asked', async () => {
    vi.useFakeTimers();
    try {
      const store = memoryStore();
      const contacts = createTabContacts(store, 500);
      contacts.noteContact(7, 'news.example', 'cdn.example');
      await vi.advanceTimersByTimeAsync(400);
      expect(store.read()).toEqual({});
      await vi.advanceTimersByTimeAsync(200);
      expect(store.read()).toEqual({ 7: { 'news.example': ['cdn.example'] } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('drops one site from every tab when the user erases it', async () => {
    const store = memoryStore({ 3: { 'news.example': ['cdn.example'], 'shop.example': ['pay.example'] } });
    const contacts = createTabContacts(store);
    contacts.noteContact(4, 'news.example', 'ads.example');
    await contacts.forgetSite('news.example');
    expect(await list(contacts, 3, 'news.example')).toEqual([]);
    expect(await list(contacts, 4, 'news.example')).toEqual([]);
    expect(await list(contacts, 3, 'shop.example')).toEqual(['pay.example']);
    await contacts.flush();
    expect(store.read()).toEqual({ 3: { 'shop.example': ['pay.example'] }, 4: {} });
  });

  it('forgets everything at once, even while it is still reading or writing what an earlier run kept', async () => {
    let release!: () => void;
    const reading = new Promise<void>((resolve) => (release = resolve));
    const store = memoryStore({ 1: { 'news.example': ['cdn.example'] } });
    const put = vi.fn(store.put);
    // The store answers late, as storage.session may when the worker has just woken.
    const contacts = createTabContacts({ all: async () => (await reading, store.all()), put });
    contacts.noteContact(2, 'shop.example', 'pay.example');
    const saving = contacts.flush();
    const asking = contacts.partiesOf(1, 'news.example');
    contacts.forgetAll();
    release();
    await saving;
    expect([...(await asking)]).toEqual([]);
    expect(await list(contacts, 1, 'news.example')).toEqual([]);
    expect(await list(contacts, 2, 'shop.example')).toEqual([]);
    expect(put).not.toHaveBeenCalled();
    contacts.noteContact(2, 'shop.example', 'cart.example');
    await contacts.flush();
    expect(put).toHaveBeenCalledWith(2, { 'shop.example': ['cart.example'] });
  });

  it('reads kept lists that are not what it wrote as nothing, and still works', async () => {
    const kept = { 1: 'a string', 2: { 'news.example': [3, null, 'ads.example'], 'bad.example': 'cdn.example' }, 3: null, 4: ['news.example'] };
    const contacts = createTabContacts(memoryStore(kept));
    for (const tab of [1, 3, 4]) expect(await list(contacts, tab, 'news.example')).toEqual([]);
    expect(await list(contacts, 2, 'news.example')).toEqual(['ads.example']);
    expect(await list(contacts, 2, 'bad.example')).toEqual([]);
    contacts.noteContact(1, 'news.example', 'cdn.example');
    expect(await list(contacts, 1, 'news.example')).toEqual(['cdn.example']);
  });

  it('still answers from memory when the store cannot be read', async () => {
    const contacts = createTabContacts({ all: () => Promise.reject(new Error('no session storage')), put: async () => {} });
    contacts.noteContact(1, 'news.example', 'cdn.example');
    expect(await list(contacts, 1, 'news.example')).toEqual(['cdn.example']);
  });
});
