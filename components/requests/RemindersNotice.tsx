import type { MessageKey } from '../../core/i18n/translate';
import type { NotificationsState } from '../../core/requests/types';
import { useT } from '../i18n';
import { Notice } from '../ui/Notice';

/**
 * Where deadline reminders will show. With the notifications permission they
 * pop up on the day; without it they are listed in the tracker only, and the
 * user can ask the browser again (a click: the browser asks only then).
 */
export function RemindersNotice({ state, onAllow }: { state: NotificationsState; onAllow?: () => void }) {
  const t = useT();
  if (state === 'granted') return <p class="field-hint" data-testid="reminders-notifications" data-state={state}>{t('requests.notifications.granted')}</p>;
  return (
    <Notice tone="info">
      <p data-testid="reminders-notifications" data-state={state}>{t(`requests.notifications.${state}` as MessageKey)}</p>
      {(state === 'notAsked' || state === 'refused') && onAllow && (
        <button type="button" class="button secondary" data-testid="reminders-allow" onClick={onAllow}>{t('requests.notifications.allow')}</button>
      )}
    </Notice>
  );
}
