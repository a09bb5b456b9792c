import { describe, expect, it } from 'vitest';
import { createTabContacts, MAX_PARTIES_PER_TAB, type StoredContacts } from '../../../platform/ledger/tabContacts';

/** A store as `storage.session` keeps it: what was set, copied, until a later run reads it. */
function memoryStore(initial?: unknown) {
  let value = initial as StoredContacts | undefined;
  return {
    get: async () => (value === undefined ? undefined : (structuredClone(value) as StoredContacts)),
    set: async (next: StoredContacts) => void (value = structuredClone(next)),
    read: () => value,
  };
}

const list = async (contacts: ReturnType<typeof createTabContacts>, tabId: number) => [...(await contacts.partiesOf(tabId))].sort();

describe('the parties each tab contacted', () => {
  it('lists each party once per tab, starts afresh with a new top page and forgets a closed tab', async () => {
    const contacts = createTabContacts(memoryStore());
    contacts.noteContact(1, 'cdn.example');
    contacts.noteContact(1, 'ads.example');
    contacts.noteContact(1, 'cdn.example');
    contacts.noteContact(2, 'maps.example');
    expect(await list(contacts, 1)).toEqual(['ads.example', 'cdn.example']);
    expect(await list(contacts, 2)).toEqual(['maps.example']);
    expect(await list(contacts, 3)).toEqual([]);
    contacts.newTopPage(1);
    expect(await list(contacts, 1)).toEqual([]);
    contacts.noteContact(1, 'video.example');
    contacts.forget(2);
    expect(await list(contacts, 1)).toEqual(['video.example']);
    expect(await list(contacts, 2)).toEqual([]);
  });

  it('keeps a page that calls thousands of parties to a bounded list', async () => {
    const contacts = createTabContacts(memoryStore());
    for (let i = 0; i < MAX_PARTIES_PER_TAB * 3; i++) contacts.noteContact(1, `p${i}.example`);
    const parties = await contacts.partiesOf(1);
    expect(parties.size).toBe(MAX_PARTIES_PER_TAB);
    expect(parties.has('p0.example')).toBe(true);
  });

  it('is known again to a worker that woke after sleeping, but not for a tab that changed page since', async () => {
    const store = memoryStore();
    const before = createTabContacts(store);
    before.noteContact(1, 'cdn.example');
    before.noteContact(2, 'ads.example');
    before.noteContact(3, 'maps.example');
    await before.flush();
    expect(store.read()).toEqual({ 1: ['cdn.example'], 2: ['ads.example'], 3: ['maps.example'] });
    // The next run hears of new requests and pages before it has read what was kept.
    const after = createTabContacts(store);
    after.noteContact(1, 'fonts.example');
    after.newTopPage(2);
    after.forget(3);
    expect(await list(after, 1)).toEqual(['cdn.example', 'fonts.example']);
    expect(await list(after, 2)).toEqual([]);
    expect(await list(after, 3)).toEqual([]);
    await after.flush();
    expect(store.read()).toEqual({ 1: ['fonts.example', 'cdn.example'], 2: [] });
  });

  it('stores a moment after a change without being asked', async () => {
    const store = memoryStore();
    const contacts = createTabContacts(store, 5);
    contacts.noteContact(7, 'cdn.example');
    expect(store.read()).toBeUndefined();
    await expect.poll(() => store.read()).toEqual({ 7: ['cdn.example'] });
  });

  it('reads a kept list that is not what it wrote as nothing, and still works', async () => {
    for (const kept of ['a string', { 1: 'cdn.example', 2: [3, null, 'ads.example'] }, null, [1, 2]]) {
      const contacts = createTabContacts(memoryStore(kept));
      expect(await list(contacts, 1)).toEqual([]);
      expect(await list(contacts, 2)).toEqual(typeof kept === 'object' && kept && !Array.isArray(kept) ? ['ads.example'] : []);
      contacts.noteContact(1, 'cdn.example');
      expect(await list(contacts, 1)).toEqual(['cdn.example']);
    }
  });

  it('forgets every list at once, and does not read back what an earlier run stored', async () => {
    const store = memoryStore({ 1: ['cdn.example'] });
    const contacts = createTabContacts(store);
    contacts.noteContact(2, 'ads.example');
    contacts.forgetAll();
    expect(await list(contacts, 1)).toEqual([]);
    expect(await list(contacts, 2)).toEqual([]);
    contacts.noteContact(2, 'maps.example');
    expect(await list(contacts, 2)).toEqual(['maps.example']);
  });

  it('still answers from memory when the store cannot be read', async () => {
    const contacts = createTabContacts({ get: () => Promise.reject(new Error('no session storage')), set: async () => {} });
    contacts.noteContact(1, 'cdn.example');
    expect(await list(contacts, 1)).toEqual(['cdn.example']);
  });
});
