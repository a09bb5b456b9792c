import type { TodaySummary } from '../../core/ledger/today';
import { formatNumber } from '../format';
import { useT } from '../i18n';
import { Loading } from '../ui/Loading';
import { Card } from '../ui/Card';
import { Icon } from '../ui/Icon';
import { categoryName, fieldName, permissionName, permissionResult, PERMISSION_ICON, purposeWord } from '../ledger/words';

interface TodaySectionProps {
  today: TodaySummary | undefined;
  onOpenSite: () => void;
}

/** What the current site asked of the user today, in a few lines a person reads at a glance. */
export function TodaySection({ today, onOpenSite }: TodaySectionProps) {
  const t = useT();
  const quiet = today && !today.consent?.asked.length && !today.fields.length && !today.permissions.length && !today.thirdParties.count && !today.violations.length;
  return (
    <Card title={t('today.title')} icon="clock" testId="card-today">
      {today === undefined ? (
        <Loading />
      ) : quiet ? (
        <p class="muted">{t('today.empty')}</p>
      ) : (
        <dl class="today">
          {today.violations.length > 0 && (
            <div class="today-row today-warn" data-testid="today-violations">
              <dt><Icon name="warning" size={16} />{t('today.violations', { count: today.violations.length })}</dt>
              <dd>
                <ul class="plain-list">
                  {today.violations.map((v) => (
                    <li key={`${v.domain}|${v.name}`}>{t('today.violation', { purpose: purposeWord(t, v.purpose), name: v.name })}</li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
          {today.consent && today.consent.asked.length > 0 && (
            <div class="today-row" data-testid="today-purposes">
              <dt><Icon name="shield" size={16} />{t('today.purposes')}</dt>
              <dd class="chips">
                {today.consent.asked.map((a) => (
                  <span key={a.label} class={`chip ${a.refused ? 'chip-refused' : ''}`} title={a.purpose ? purposeWord(t, a.purpose) : undefined}>
                    {a.label}
                    {a.refused && <span class="chip-note">{t('today.refused')}</span>}
                  </span>
                ))}
              </dd>
            </div>
          )}
          {today.fields.length > 0 && (
            <div class="today-row" data-testid="today-fields">
              <dt><Icon name="person" size={16} />{t('today.fields')}</dt>
              <dd class="chips">
                {today.fields.map((f) => <span key={f.kind} class="chip">{fieldName(t, f.kind)}</span>)}
              </dd>
            </div>
          )}
          {today.permissions.length > 0 && (
            <div class="today-row" data-testid="today-permissions">
              <dt><Icon name="bell" size={16} />{t('today.permissions')}</dt>
              <dd>
                <ul class="plain-list">
                  {today.permissions.map((p) => (
                    <li key={p.permission}>
                      <Icon name={PERMISSION_ICON[p.permission]} size={14} /> {t('today.permission', { permission: permissionName(t, p.permission), result: permissionResult(t, p.result) })}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
          {today.thirdParties.count > 0 && (
            <div class="today-row" data-testid="today-third-parties">
              <dt><Icon name="share" size={16} />{t('today.thirdParties', { count: today.thirdParties.count, requests: t('today.requests', { count: today.thirdParties.requests, shown: formatNumber(today.thirdParties.requests, t.locale) }) })}</dt>
              <dd>
                <ul class="plain-list">
                  {today.thirdParties.top.map((p) => (
                    <li key={p.party}>
                      <strong>{p.org ?? p.party}</strong> <span class="muted">· {categoryName(t, p.category)}</span>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          )}
        </dl>
      )}
      <button type="button" class="button link" onClick={onOpenSite}>{t('today.more')}</button>
    </Card>
  );
}
