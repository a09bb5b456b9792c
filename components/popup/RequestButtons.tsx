import { useT } from '../i18n';
import { Card } from '../ui/Card';

/** "Get my data" and "Delete my data": each opens the dashboard's composer for the site, filled in. */
export function RequestButtons({ site, onOpenDashboard }: { site: string; onOpenDashboard: (route: string) => void }) {
  const t = useT();
  const open = (type: 'access' | 'erasure') => onOpenDashboard(`requests?site=${encodeURIComponent(site)}&type=${type}`);
  return (
    <Card title={t('popup.requests.title')} icon="mail" testId="card-request-buttons">
      <p class="muted">{t('popup.requests.lead')}</p>
      <div class="actions">
        <button type="button" class="button secondary small" data-testid="popup-get-data" onClick={() => open('access')}>{t('popup.requests.get')}</button>
        <button type="button" class="button secondary small" data-testid="popup-delete-data" onClick={() => open('erasure')}>{t('popup.requests.delete')}</button>
      </div>
    </Card>
  );
}
