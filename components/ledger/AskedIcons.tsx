import type { SiteRecord } from '../../core/ledger/records';
import { formatList } from '../format';
import { useT } from '../i18n';
import { Icon } from '../ui/Icon';
import { fieldName, permissionName, PERMISSION_ICON } from './words';

/** What a site asked for, as small icons a row can hold: one per permission, one for its personal-data fields. */
export function AskedIcons({ site }: { site: Pick<SiteRecord, 'fields' | 'permissions'> }) {
  const t = useT();
  if (!site.fields.length && !site.permissions.length) return <span class="muted" aria-label={t('sites.asked.nothing')}>—</span>;
  const fields = formatList(site.fields.map((f) => fieldName(t, f)), t.locale);
  return (
    <span class="asked-icons">
      {site.permissions.map((p) => (
        <span key={p} class="asked-icon" title={permissionName(t, p)} data-asked={p}>
          <Icon name={PERMISSION_ICON[p]} size={16} />
          <span class="visually-hidden">{permissionName(t, p)}</span>
        </span>
      ))}
      {site.fields.length > 0 && (
        <span class="asked-icon asked-fields" title={fields} data-asked="fields">
          <Icon name="person" size={16} />
          <span aria-hidden="true">{site.fields.length}</span>
          <span class="visually-hidden">{t('sites.asked.fields', { fields })}</span>
        </span>
      )}
    </span>
  );
}
