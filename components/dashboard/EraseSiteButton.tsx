import { useState } from 'preact/hooks';
import { useT } from '../i18n';
import { Icon } from '../ui/Icon';
import { Notice } from '../ui/Notice';
import { failureText } from '../failureText';

interface EraseSiteButtonProps {
  site: string;
  /** Erases everything recorded about the site; the button asks first. */
  onErase: () => Promise<void>;
}

type State = 'idle' | 'confirming' | 'erasing' | 'erased' | { failed: string };

/** "Erase this site", with a confirmation step, for the site's own page. */
export function EraseSiteButton({ site, onErase }: EraseSiteButtonProps) {
  const t = useT();
  const [state, setState] = useState<State>('idle');
  const erase = async () => {
    setState('erasing');
    try {
      await onErase();
      setState('erased');
    } catch (error) {
      setState({ failed: failureText(t, error) });
    }
  };
  return (
    <div class="erase-site">
      {state === 'confirming' || state === 'erasing' ? (
        <div class="actions">
          <p>{t('eraseSite.question', { site })}</p>
          <button type="button" class="button danger" disabled={state === 'erasing'} onClick={() => void erase()}>
            {t('eraseSite.confirm')}
          </button>
          <button type="button" class="button secondary" disabled={state === 'erasing'} onClick={() => setState('idle')}>{t('common.cancel')}</button>
        </div>
      ) : (
        <button type="button" class="button danger-outline" onClick={() => setState('confirming')}>
          <Icon name="trash" />{t('eraseSite.button')}
        </button>
      )}
      <div aria-live="polite">
        {state === 'erased' && <Notice tone="success">{t('eraseSite.done', { site })}</Notice>}
        {typeof state === 'object' && <Notice tone="error">{t('data.failed', { detail: state.failed })}</Notice>}
      </div>
    </div>
  );
}
