import { useT } from './i18n';
import { Notice } from './ui/Notice';

/** What the background reported (platform/storageHealth.ts), as the page shows it. */
export interface StorageFullProps {
  full: { since: number; where: 'ledger' | 'settings' } | null;
}

/** Says, while the browser's storage is full, that new records are not being saved and how to make room. */
export function StorageFullNotice({ full }: StorageFullProps) {
  const t = useT();
  if (!full) return null;
  return (
    <Notice tone="error">
      <p data-testid="storage-full">
        <strong>{t('storage.full.title')}</strong> {t(full.where === 'settings' ? 'storage.full.body.settings' : 'storage.full.body')}
      </p>
      <p>{t('storage.full.todo')}</p>
    </Notice>
  );
}
