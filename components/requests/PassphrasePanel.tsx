import { useState } from 'preact/hooks';
import type { IdentityState, UnlockResult } from '../../core/messaging/protocol';
import { useT } from '../i18n';
import { Notice } from '../ui/Notice';
import { failureText } from '../failureText';

const MIN_LENGTH = 8;

interface PassphrasePanelProps {
  state: IdentityState;
  onProtect: (passphrase: string) => Promise<void>;
  onLock: () => Promise<void>;
  onUnprotect: (passphrase: string) => Promise<UnlockResult>;
}

/** Optional passphrase encryption of the identity: set it, lock now, or remove it. */
export function PassphrasePanel({ state, onProtect, onLock, onUnprotect }: PassphrasePanelProps) {
  const t = useT();
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const fail = (error: unknown) => setStatus({ tone: 'error', text: t('identity.saveFailed', { detail: failureText(t, error) }) });
  const protect = async (e: Event) => {
    e.preventDefault();
    if (first.length < MIN_LENGTH) return setStatus({ tone: 'error', text: t('identity.passphrase.short', { count: MIN_LENGTH }) });
    if (first !== second) return setStatus({ tone: 'error', text: t('identity.passphrase.mismatch') });
    try {
      await onProtect(first);
      setFirst('');
      setSecond('');
      setStatus({ tone: 'success', text: t('identity.passphrase.set') });
    } catch (error) {
      fail(error);
    }
  };
  const unprotect = async (e: Event) => {
    e.preventDefault();
    try {
      const result = await onUnprotect(first);
      setFirst('');
      setStatus(result.ok ? { tone: 'success', text: t('identity.passphrase.removed') } : { tone: 'error', text: t('identity.unlock.wrong') });
    } catch (error) {
      fail(error);
    }
  };
  return (
    <section class="panel passphrase-panel" aria-labelledby="passphrase-title" data-testid="passphrase-panel">
      <h2 id="passphrase-title" class="panel-title">{t('identity.passphrase.title')}</h2>
      <p class="field-hint">{t(state.protected ? 'identity.passphrase.on' : 'identity.passphrase.off')}</p>
      {!state.protected && (
        <form class="form-grid" onSubmit={protect}>
          <label class="field">
            <span class="field-label">{t('identity.passphrase.new')}</span>
            <input type="password" autoComplete="new-password" data-testid="passphrase-new" value={first} onInput={(e) => setFirst(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span class="field-label">{t('identity.passphrase.repeat')}</span>
            <input type="password" autoComplete="new-password" data-testid="passphrase-repeat" value={second} onInput={(e) => setSecond(e.currentTarget.value)} />
          </label>
          <p class="wide field-hint">{t('identity.passphrase.warning')}</p>
          <div class="wide actions"><button type="submit" class="button primary">{t('identity.passphrase.protect')}</button></div>
        </form>
      )}
      {state.protected && !state.locked && (
        <div class="actions">
          <button type="button" class="button secondary" data-testid="identity-lock" onClick={() => void onLock().catch(fail)}>{t('identity.lock')}</button>
        </div>
      )}
      {state.protected && (
        <form class="actions" onSubmit={unprotect}>
          <label class="inline-field">
            <span>{t('identity.passphrase')}</span>
            <input type="password" autoComplete="current-password" value={first} onInput={(e) => setFirst(e.currentTarget.value)} />
          </label>
          <button type="submit" class="button link" disabled={!first}>{t('identity.passphrase.remove')}</button>
        </form>
      )}
      {status && <Notice tone={status.tone}><span data-testid="passphrase-status">{status.text}</span></Notice>}
    </section>
  );
}
