import { useEffect } from 'preact/hooks';
import { IdentityView } from '../../components/dashboard/IdentityView';
import { useT } from '../../components/i18n';
import { Notice } from '../../components/ui/Notice';
import { useIdentityStore } from '../../stores/requestsIdentity';
import { failureText } from '../../components/failureText';

/** The Identity view wired to the identity store (sealed or plain, through the background). */
export function IdentityPage() {
  const { state, error, load, save, protect, unlock, lock, unprotect } = useIdentityStore();
  const t = useT();
  useEffect(() => void load(), []);
  // Unreadable (a damaged sealed value is kept, never dropped): say so instead of waiting forever.
  if (!state && error !== null && error !== undefined) return <Notice tone="error">{t('identity.unreadable', { detail: failureText(t, error) })}</Notice>;
  return <IdentityView state={state} onSave={save} onProtect={protect} onUnlock={unlock} onLock={lock} onUnprotect={unprotect} />;
}
