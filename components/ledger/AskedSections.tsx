import type { FormFieldsData, GpcDeclarationData, PermissionPromptData } from '../../core/ledger/eventData';
import type { LedgerEvent } from '../../core/ledger/records';
import { formatDate, formatDateTime } from '../format';
import { useT } from '../i18n';
import { Loading } from '../ui/Loading';
import { Card } from '../ui/Card';
import { Icon } from '../ui/Icon';
import { pathOf } from './EventLine';
import { fieldName, permissionName, permissionResult, PERMISSION_ICON } from './words';

/** The site's latest form, permission and GPC events (newest first), split into the three sections. */
export function AskedSections({ events }: { events: LedgerEvent[] | undefined }) {
  const t = useT();
  const of = (kind: string) => (events ?? []).filter((e) => e.kind === kind);
  const loading = events === undefined && <Loading />;
  // One line per kind of data and page: the latest time it was asked.
  const fields = new Map<string, { field: FormFieldsData['fields'][number]; url: string; at: number }>();
  for (const e of of('form.fields')) {
    const data = (e.data ?? {}) as Partial<FormFieldsData>;
    for (const f of data.fields ?? []) {
      const key = `${f.kind}|${pathOf(data.url)}`;
      if (!fields.has(key)) fields.set(key, { field: f, url: data.url ?? '', at: e.at });
    }
  }
  const prompts = of('permission.prompt');
  const gpc = of('gpc.declaration')[0];
  const gpcData = gpc?.data as GpcDeclarationData | undefined;
  return (
    <>
      <Card title={t('asked.fields.title')} icon="person" testId="asked-fields">
        {loading || (fields.size === 0 ? <p class="muted">{t('asked.fields.empty')}</p> : (
          <ul class="evidence-list">
            {[...fields.values()].map(({ field, url, at }) => (
              <li key={`${field.kind}|${url}`}>
                <strong>{fieldName(t, field.kind)}</strong>
                <span class="muted"> {t('asked.fields.where', { page: pathOf(url), date: formatDate(at, t.locale) })}</span>
                <span class="hint">{t('asked.fields.hint', { hint: field.hint })}</span>
              </li>
            ))}
          </ul>
        ))}
      </Card>
      <Card title={t('asked.permissions.title')} icon="bell" testId="asked-permissions">
        {loading || (prompts.length === 0 ? <p class="muted">{t('asked.permissions.empty')}</p> : (
          <ul class="evidence-list">
            {prompts.map((e) => {
              const p = (e.data ?? {}) as PermissionPromptData;
              return (
                <li key={e.id ?? e.at}>
                  <Icon name={PERMISSION_ICON[p.permission] ?? 'warning'} size={16} />
                  <strong> {permissionName(t, p.permission)}</strong>: {permissionResult(t, p.result)}
                  <span class="muted"> · {pathOf(p.url)} · {formatDateTime(e.at, t.locale)}</span>
                </li>
              );
            })}
          </ul>
        ))}
      </Card>
      <Card title={t('asked.gpc.title')} icon="shield" testId="asked-gpc" tone={gpcData?.declared ? 'good' : 'neutral'}>
        {loading || (!gpcData ? <p class="muted">{t('asked.gpc.unchecked')}</p> : (
          <p>
            {gpcData.declared ? t('asked.gpc.declared') : t('asked.gpc.notDeclared')}
            <span class="muted"> {t('asked.gpc.checked', { date: formatDate(gpc!.at, t.locale) })}</span>
          </p>
        ))}
      </Card>
    </>
  );
}
