import { useState } from 'preact/hooks';
import { useT } from '../i18n';
import { ConfirmButton } from '../ui/ConfirmButton';
import { Icon } from '../ui/Icon';
import { Notice } from '../ui/Notice';
import { failureText } from '../failureText';

interface EraseSiteButtonProps {
  site: string;
  /** Erases everything recorded about the site; the button asks first. */
  onErase: () => Promise<void>;
}

type State = 'idle' | 'erasing' | 'erased' | { failed: string };

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
      <ConfirmButton question={t('eraseSite.question', { site })} confirmLabel={t('eraseSite.confirm')} cancelLabel={t('common.cancel')}
        busy={state === 'erasing'} onConfirm={() => void erase()}>
        <Icon name="trash" />{t('eraseSite.button')}
      </ConfirmButton>
      <div aria-live="polite">
        {state === 'erased' && <Notice tone="success">{t('eraseSite.done', { site })}</Notice>}
        {typeof state === 'object' && <Notice tone="error">{t('data.failed', { detail: state.failed })}</Notice>}
      </div>
    </div>
  );
}
