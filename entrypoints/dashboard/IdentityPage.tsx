import { useEffect } from 'preact/hooks';
import { IdentityView } from '../../components/dashboard/IdentityView';
import { useIdentityStore } from '../../stores/requestsIdentity';

/** The Identity view wired to the identity store (sealed or plain, through the background). */
export function IdentityPage() {
  const { state, load, save, protect, unlock, lock, unprotect } = useIdentityStore();
  useEffect(() => void load(), []);
  return <IdentityView state={state} onSave={save} onProtect={protect} onUnlock={unlock} onLock={lock} onUnprotect={unprotect} />;
}
