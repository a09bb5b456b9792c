import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serializeSettings } from '../../../core/settings/file';
import type { Identity } from '../../../core/settings/schema';
import { identityHandlers } from '../../../platform/handlers/identity';
import { deriveKey, KDF_ITERATIONS, newKdfParams, open, seal, WrongPassphraseError } from '../../../platform/identity/crypto';
import {
  identityState, lockIdentity, protectIdentity, saveIdentity, SEALED_KEY, SESSION_KEY, unlockIdentity, unprotectIdentity,
} from '../../../platform/identity/store';
import type { CallerContext } from '../../../platform/messaging/router';
import { loadSettings, updateSettings } from '../../../platform/settingsStorage';

const ana: Identity = {
  name: 'Nguyễn Thị Ana',
  email: 'ana@example.org',
  postalAddress: '12 Phố Huế, Hà Nội',
  country: 'VN',
  accountIds: [{ label: 'Customer number', value: 'C-4711' }],
};
const PASS = 'correct horse battery';

const localText = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

describe('identity encryption (WebCrypto)', () => {
  it('derives with PBKDF2-SHA-256 at 310,000 iterations or more, and a wrong key cannot open the value', async () => {
    expect(KDF_ITERATIONS).toBeGreaterThanOrEqual(310_000);
    const kdf = newKdfParams(100_000);
    const sealed = await seal(ana, await deriveKey(PASS, kdf), kdf);
    expect(sealed.data).not.toContain('Ana');
    await expect(open(sealed, await deriveKey(PASS, kdf))).resolves.toEqual(ana);
    await expect(open(sealed, await deriveKey('wrong passphrase', kdf))).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('draws a fresh salt and iv each time', async () => {
    const a = newKdfParams(100_000);
    const b = newKdfParams(100_000);
    expect(a.salt).not.toBe(b.salt);
    const key = await deriveKey(PASS, a);
    expect((await seal(ana, key, a)).cipher.iv).not.toBe((await seal(ana, key, a)).cipher.iv);
  });
});

describe('identity store', () => {
  it('keeps an unprotected identity in the settings, as before', async () => {
    await expect(saveIdentity(ana)).resolves.toEqual({ protected: false, locked: false, identity: ana });
    expect((await loadSettings()).identity).toEqual(ana);
  });

  it('protects, locks, refuses a wrong passphrase without losing anything, and unlocks', async () => {
    await saveIdentity(ana);
    const protectedState = await protectIdentity(PASS);
    expect(protectedState).toEqual({ protected: true, locked: false, identity: ana });
    // No plaintext left in local storage, and the settings export holds an empty identity.
    expect(await localText()).not.toContain('Ana');
    expect(await localText()).not.toContain('ana@example.org');
    const settings = await loadSettings();
    expect(settings.identity.name).toBe('');
    expect(serializeSettings(settings)).not.toContain('ana@example.org');
    const stored = (await fakeBrowser.storage.local.get(SEALED_KEY))[SEALED_KEY] as { kdf: { iterations: number } };
    expect(stored.kdf.iterations).toBe(KDF_ITERATIONS);

    await expect(lockIdentity()).resolves.toEqual({ protected: true, locked: true, identity: null });
    expect((await fakeBrowser.storage.session.get(SESSION_KEY))[SESSION_KEY]).toBeUndefined();
    await expect(saveIdentity({ ...ana, name: 'Someone else' })).rejects.toMatchObject({ failure: 'identityLocked' });

    await expect(unlockIdentity('not the passphrase')).resolves.toEqual({ ok: false, reason: 'wrongPassphrase' });
    expect((await fakeBrowser.storage.local.get(SEALED_KEY))[SEALED_KEY]).toEqual(stored);
    await expect(identityState()).resolves.toMatchObject({ locked: true });

    await expect(unlockIdentity(PASS)).resolves.toEqual({ ok: true, state: { protected: true, locked: false, identity: ana } });
  });

  it('re-seals a change while unlocked, and removing the passphrase puts the identity back into the settings', async () => {
    await saveIdentity(ana);
    await protectIdentity(PASS);
    const changed = { ...ana, email: 'ana.new@example.org' };
    await expect(saveIdentity(changed)).resolves.toMatchObject({ protected: true, identity: changed });
    expect(await localText()).not.toContain('ana.new@example.org');
    await lockIdentity();
    await expect(unprotectIdentity('wrong')).resolves.toEqual({ ok: false, reason: 'wrongPassphrase' });
    await expect(unprotectIdentity(PASS)).resolves.toEqual({ ok: true, state: { protected: false, locked: false, identity: changed } });
    expect((await loadSettings()).identity).toEqual(changed);
    expect((await fakeBrowser.storage.local.get(SEALED_KEY))[SEALED_KEY]).toBeUndefined();
  });

  it('seals an identity that an imported settings file brought in plain text, once unlocked', async () => {
    await saveIdentity(ana);
    await protectIdentity(PASS);
    await lockIdentity();
    const imported = { ...ana, name: 'Ana Imported' };
    await updateSettings((s) => ({ ...s, identity: imported }));
    await expect(identityState()).resolves.toMatchObject({ locked: true, identity: null });
    await unlockIdentity(PASS);
    await expect(identityState()).resolves.toEqual({ protected: true, locked: false, identity: imported });
    expect((await loadSettings()).identity.name).toBe('');
    expect(await localText()).not.toContain('Ana Imported');
  });

  it('refuses a passphrase shorter than 8 characters and keeps the identity in plain settings', async () => {
    await saveIdentity(ana);
    await expect(protectIdentity('short')).rejects.toMatchObject({ failure: 'passphraseTooShort' });
    expect((await loadSettings()).identity).toEqual(ana);
  });

  it('keeps a damaged sealed value instead of dropping it', async () => {
    await fakeBrowser.storage.local.set({ [SEALED_KEY]: { format: 'privacy-ledger/identity', version: 1 } });
    await expect(identityState()).rejects.toThrow(/damaged/);
    expect((await fakeBrowser.storage.local.get(SEALED_KEY))[SEALED_KEY]).toEqual({ format: 'privacy-ledger/identity', version: 1 });
  });
});

describe('identity handlers', () => {
  const get = identityHandlers.extension!['identity.get']!;
  it('answer the extension\'s own pages', async () => {
    await saveIdentity(ana);
    const caller = { sender: { url: fakeBrowser.runtime.getURL('/dashboard.html') }, tabId: null, frameId: null } as CallerContext;
    await expect(get({}, caller)).resolves.toMatchObject({ identity: ana });
  });

  it('refuse anything that is not an extension page, such as a web page\'s frame', async () => {
    await saveIdentity(ana);
    const page = { sender: { url: 'https://shop.example/' }, tabId: 3, frameId: 0 } as CallerContext;
    expect(() => get({}, page)).toThrow(/only given to the extension/);
  });
});
