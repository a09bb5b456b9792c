import { z } from 'zod';

/**
 * Passphrase encryption of the identity with WebCrypto: PBKDF2-SHA-256 derives
 * an AES-GCM key from the passphrase and a random salt; each sealing draws a
 * fresh iv. Nothing here is stored; `store.ts` decides where the pieces go.
 */

/** OWASP's 2023 advice for PBKDF2-HMAC-SHA-256. The count is kept in each sealed value, so it can rise later. */
export const KDF_ITERATIONS = 600_000;
export const SEALED_FORMAT = 'privacy-ledger/identity';

const base64 = z.string().max(1_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/);

export const sealedSchema = z.strictObject({
  format: z.literal(SEALED_FORMAT),
  version: z.literal(1),
  kdf: z.strictObject({ name: z.literal('PBKDF2'), hash: z.literal('SHA-256'), iterations: z.number().int().min(100_000).max(10_000_000), salt: base64 }),
  cipher: z.strictObject({ name: z.literal('AES-GCM'), iv: base64 }),
  data: base64,
});
export type SealedValue = z.infer<typeof sealedSchema>;
export type KdfParams = SealedValue['kdf'];

/** The passphrase did not open the sealed value (or the value was altered). */
export class WrongPassphraseError extends Error {
  constructor() {
    super('wrongPassphrase');
    this.name = 'WrongPassphraseError';
  }
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const random = (length: number) => crypto.getRandomValues(new Uint8Array(length));

/** Fresh key-derivation parameters: a random 16-byte salt. */
export function newKdfParams(iterations = KDF_ITERATIONS): KdfParams {
  return { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(random(16)) };
}

/** Derives the AES-GCM key. Extractable, so the background can keep it for the browser session. */
export async function deriveKey(passphrase: string, kdf: KdfParams): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(kdf.salt), iterations: kdf.iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    true,
    ['encrypt', 'decrypt'],
  );
}

export async function exportKey(key: CryptoKey): Promise<string> {
  return toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', key)));
}

export function importKey(raw: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64(raw), { name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

/** Encrypts a JSON value with the key derived with `kdf`. */
export async function seal(value: unknown, key: CryptoKey, kdf: KdfParams): Promise<SealedValue> {
  const iv = random(12);
  const plain = new TextEncoder().encode(JSON.stringify(value));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain));
  return { format: SEALED_FORMAT, version: 1, kdf, cipher: { name: 'AES-GCM', iv: toBase64(iv) }, data: toBase64(data) };
}

/** Decrypts a sealed value; a wrong key (or altered data) fails GCM's check and throws WrongPassphraseError. */
export async function open(sealed: SealedValue, key: CryptoKey): Promise<unknown> {
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.cipher.iv) }, key, fromBase64(sealed.data));
  } catch {
    throw new WrongPassphraseError();
  }
  return JSON.parse(new TextDecoder().decode(plain)) as unknown;
}
