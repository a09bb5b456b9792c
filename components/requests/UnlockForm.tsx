import { useState } from 'preact/hooks';
import type { UnlockResult } from '../../core/messaging/protocol';
import { useT } from '../i18n';
import { failureText } from '../failureText';

/** Asks for the identity's passphrase; a wrong one says so and changes nothing. */
export function UnlockForm({ onUnlock }: { onUnlock: (passphrase: string) => Promise<UnlockResult> }) {
  const t = useT();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      const result = await onUnlock(passphrase);
      setError(result.ok ? null : t('identity.unlock.wrong'));
      if (result.ok) setPassphrase('');
    } catch (failure) {
      setError(t('identity.unlock.failed', { detail: failureText(t, failure) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="unlock-form actions" onSubmit={submit}>
      <label class="inline-field">
        <span>{t('identity.passphrase')}</span>
        <input type="password" autoComplete="current-password" data-testid="unlock-passphrase" value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />
      </label>
      <button type="submit" class="button primary" disabled={busy || !passphrase}>{t('identity.unlock')}</button>
      {error && <p class="form-error" role="alert" data-testid="unlock-error">{error}</p>}
    </form>
  );
}
