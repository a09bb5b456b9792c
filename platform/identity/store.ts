import { KnownFailure } from '../../core/messaging/failures';
import { browser } from 'wxt/browser';
import type { IdentityState, UnlockResult } from '../../core/messaging/protocol';
import { defaultSettings } from '../../core/settings/defaults';
import { identitySchema, type Identity } from '../../core/settings/schema';
import { sessionGet, sessionSet } from '../sessionStore';
import { loadSettings, updateSettings } from '../settingsStorage';
import { deriveKey, exportKey, importKey, newKdfParams, open, seal, sealedSchema, WrongPassphraseError, type SealedValue } from './crypto';

/**
 * Where the identity lives. Unprotected, it is the settings' `identity` (format
 * v2, as shipped). Protected with a passphrase, it is sealed under
 * `identity.sealed` in `storage.local`, the settings keep an empty identity (so
 * a settings export holds no plaintext), and the derived key is kept in
 * `storage.session` only, until the browser closes or the user locks it.
 * Only the background calls this, for extension pages; content scripts never see it.
 */
export const SEALED_KEY = 'identity.sealed';
export const SESSION_KEY = 'identity.key';
export const MIN_PASSPHRASE = 8;

const emptyIdentity = (): Identity => defaultSettings().identity;

async function readSealed(): Promise<SealedValue | null> {
  const value = (await browser.storage.local.get(SEALED_KEY))[SEALED_KEY];
  if (value === undefined) return null;
  const parsed = sealedSchema.safeParse(value);
  // A damaged sealed value is never dropped: the identity is reported locked and the value stays where it is.
  if (!parsed.success) throw new KnownFailure('identityDamaged', 'The encrypted identity is damaged and cannot be read; it was left as it is.');
  return parsed.data;
}

async function sessionKey(): Promise<CryptoKey | null> {
  const raw = await sessionGet<string>(SESSION_KEY);
  return raw ? importKey(raw) : null;
}

async function clearSettingsIdentity(): Promise<void> {
  await updateSettings((s) => ({ ...s, identity: emptyIdentity() }));
}

const isEmpty = (identity: Identity) => !identity.name && !identity.email && !identity.postalAddress && !identity.country && identity.accountIds.length === 0;

export async function identityState(): Promise<IdentityState> {
  const sealed = await readSealed();
  const plain = (await loadSettings()).identity;
  if (!sealed) return { protected: false, locked: false, identity: plain };
  const key = await sessionKey();
  if (!key) return { protected: true, locked: true, identity: null };
  try {
    const opened = identitySchema.parse(await open(sealed, key));
    if (isEmpty(plain)) return { protected: true, locked: false, identity: opened };
    // A settings file imported since the identity was sealed brought one in plain text: like every imported
    // setting it replaces the current one, and it is sealed at once so no plaintext stays beside the sealed value.
    await browser.storage.local.set({ [SEALED_KEY]: await seal(plain, key, sealed.kdf) });
    await clearSettingsIdentity();
    return { protected: true, locked: false, identity: plain };
  } catch (error) {
    if (!(error instanceof WrongPassphraseError)) throw error;
    // The session key belongs to an older sealing: forget it and ask again.
    await sessionSet(SESSION_KEY, undefined);
    return { protected: true, locked: true, identity: null };
  }
}

/** Saves the identity where it lives; a protected identity must be unlocked first. */
export async function saveIdentity(identity: Identity): Promise<IdentityState> {
  const valid = identitySchema.parse(identity);
  const sealed = await readSealed();
  if (!sealed) {
    await updateSettings((s) => ({ ...s, identity: valid }));
    return identityState();
  }
  const key = await sessionKey();
  if (!key) throw new KnownFailure('identityLocked');
  await browser.storage.local.set({ [SEALED_KEY]: await seal(valid, key, sealed.kdf) });
  await clearSettingsIdentity();
  return identityState();
}

/** Encrypts the current identity with a new passphrase and unlocks it for this browser session. */
export async function protectIdentity(passphrase: string): Promise<IdentityState> {
  if (passphrase.length < MIN_PASSPHRASE) throw new KnownFailure('passphraseTooShort');
  const current = await identityState();
  if (current.locked || !current.identity) throw new KnownFailure('identityLocked');
  const kdf = newKdfParams();
  const key = await deriveKey(passphrase, kdf);
  // Written before the plaintext is cleared, and checked by opening it again: a failure leaves the plaintext where it was.
  const sealed = await seal(current.identity, key, kdf);
  await open(sealed, key);
  await browser.storage.local.set({ [SEALED_KEY]: sealed });
  await sessionSet(SESSION_KEY, await exportKey(key));
  await clearSettingsIdentity();
  return identityState();
}

/** Derives the key from the passphrase and keeps it for the session; a wrong passphrase changes nothing. */
export async function unlockIdentity(passphrase: string): Promise<UnlockResult> {
  const sealed = await readSealed();
  if (!sealed) return { ok: true, state: await identityState() };
  const key = await deriveKey(passphrase, sealed.kdf);
  try {
    await open(sealed, key);
  } catch (error) {
    if (error instanceof WrongPassphraseError) return { ok: false, reason: 'wrongPassphrase' };
    throw error;
  }
  await sessionSet(SESSION_KEY, await exportKey(key));
  return { ok: true, state: await identityState() };
}

export async function lockIdentity(): Promise<IdentityState> {
  await sessionSet(SESSION_KEY, undefined);
  return identityState();
}

/** Removes the encryption: the identity goes back into the settings. Asks for the passphrase again. */
export async function unprotectIdentity(passphrase: string): Promise<UnlockResult> {
  const unlocked = await unlockIdentity(passphrase);
  if (!unlocked.ok) return unlocked;
  const identity = unlocked.state.identity ?? emptyIdentity();
  await updateSettings((s) => ({ ...s, identity }));
  await browser.storage.local.remove(SEALED_KEY);
  await sessionSet(SESSION_KEY, undefined);
  return { ok: true, state: await identityState() };
}
