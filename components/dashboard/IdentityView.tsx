import { useEffect, useState } from 'preact/hooks';
import type { IdentityState, UnlockResult } from '../../core/messaging/protocol';
import type { Identity } from '../../core/settings/schema';
import { useT } from '../i18n';
import { Loading } from '../ui/Loading';
import { Notice } from '../ui/Notice';
import { PassphrasePanel } from '../requests/PassphrasePanel';
import { UnlockForm } from '../requests/UnlockForm';
import { failureText } from '../failureText';

interface IdentityViewProps {
  state: IdentityState | null;
  onSave: (identity: Identity) => Promise<void>;
  onProtect: (passphrase: string) => Promise<void>;
  onUnlock: (passphrase: string) => Promise<UnlockResult>;
  onLock: () => Promise<void>;
  onUnprotect: (passphrase: string) => Promise<UnlockResult>;
}

const EMPTY: Identity = { name: '', email: '', postalAddress: '', country: '', accountIds: [] };

/** The identity page: the form once the identity can be read, else the unlock form. */
export function IdentityView({ state, onSave, onProtect, onUnlock, onLock, onUnprotect }: IdentityViewProps) {
  const t = useT();
  if (!state) return <Loading />;
  return (
    <>
      {state.locked ? (
        <>
          <header class="page-header">
            <h1>{t('identity.title')}</h1>
            <p class="lead">{t('identity.lead')}</p>
          </header>
          <section class="panel" data-testid="identity-locked">
            <p>{t('identity.locked')}</p>
            <UnlockForm onUnlock={onUnlock} />
          </section>
        </>
      ) : (
        <IdentityForm identity={state.identity ?? EMPTY} onSave={onSave} />
      )}
      <PassphrasePanel state={state} onProtect={onProtect} onLock={onLock} onUnprotect={onUnprotect} />
    </>
  );
}

interface IdentityFormProps {
  identity: Identity;
  onSave: (identity: Identity) => Promise<void>;
}

type Status = { tone: 'success' | 'error'; text: string } | null;

function IdentityForm({ identity, onSave }: IdentityFormProps) {
  const t = useT();
  const [draft, setDraft] = useState<Identity>(identity);
  const [status, setStatus] = useState<Status>(null);
  useEffect(() => setDraft(identity), [identity]);
  const field = (key: 'name' | 'email' | 'postalAddress' | 'country') => ({
    value: draft[key],
    onInput: (e: { currentTarget: { value: string } }) => setDraft({ ...draft, [key]: e.currentTarget.value }),
  });
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await onSave({
        ...draft,
        country: draft.country.trim().toUpperCase(),
        accountIds: draft.accountIds.filter((a) => a.label.trim() || a.value.trim()),
      });
      setStatus({ tone: 'success', text: t('identity.saved') });
    } catch (error) {
      setStatus({ tone: 'error', text: t('identity.saveFailed', { detail: failureText(t, error) }) });
    }
  };
  const setAccount = (index: number, key: 'label' | 'value', value: string) =>
    setDraft({ ...draft, accountIds: draft.accountIds.map((a, i) => (i === index ? { ...a, [key]: value } : a)) });
  return (
    <>
      <header class="page-header">
        <h1>{t('identity.title')}</h1>
        <p class="lead">{t('identity.lead')}</p>
      </header>
      <Notice tone="info">{t('identity.advice')}</Notice>
      <form class="panel form-grid" onSubmit={submit}>
        <label class="field">
          <span class="field-label">{t('identity.name')}</span>
          <input type="text" autoComplete="name" maxLength={200} {...field('name')} />
        </label>
        <label class="field">
          <span class="field-label">{t('identity.email')}</span>
          <input type="email" autoComplete="email" maxLength={320} {...field('email')} />
        </label>
        <label class="field wide">
          <span class="field-label">{t('identity.address')}</span>
          <textarea rows={3} autoComplete="street-address" maxLength={1000} {...field('postalAddress')} />
        </label>
        <label class="field">
          <span class="field-label">{t('identity.country')}</span>
          <input type="text" autoComplete="country" maxLength={2} pattern="[A-Za-z]{2}" placeholder="VN" {...field('country')} />
          <span class="field-hint">{t('identity.country.hint')}</span>
        </label>
        <fieldset class="wide accounts">
          <legend>{t('identity.accounts')}</legend>
          {draft.accountIds.map((account, index) => (
            <div class="account-row" key={index}>
              <input type="text" aria-label={t('identity.accounts.label')} placeholder={t('identity.accounts.label')} value={account.label}
                onInput={(e) => setAccount(index, 'label', e.currentTarget.value)} />
              <input type="text" aria-label={t('identity.accounts.value')} placeholder={t('identity.accounts.value')} value={account.value}
                onInput={(e) => setAccount(index, 'value', e.currentTarget.value)} />
              <button type="button" class="button link" onClick={() => setDraft({ ...draft, accountIds: draft.accountIds.filter((_, i) => i !== index) })}>
                {t('common.remove')}
              </button>
            </div>
          ))}
          <button type="button" class="button secondary" onClick={() => setDraft({ ...draft, accountIds: [...draft.accountIds, { label: '', value: '' }] })}>
            {t('identity.accounts.add')}
          </button>
        </fieldset>
        <div class="wide actions">
          <button type="submit" class="button primary">{t('common.save')}</button>
        </div>
        {status && <div class="wide"><Notice tone={status.tone}>{status.text}</Notice></div>}
      </form>
    </>
  );
}
