import type { Purpose } from '../../core/consent/purposes';
import type { MessageKey } from '../../core/i18n/translate';
import type { SiteRecord } from '../../core/ledger/records';
import type { ConsentRecord } from '../../core/consent/record';
import type { TabStatus } from '../../core/messaging/protocol';
import type { TodaySummary } from '../../core/ledger/today';
import type { Settings, SiteOverride } from '../../core/settings/schema';
import { ConsentSummary } from '../ConsentSummary';
import { useT } from '../i18n';
import { Card } from '../ui/Card';
import { Icon } from '../ui/Icon';
import { Logo } from '../ui/Logo';
import { Switch } from '../ui/Switch';
import { formatDate } from '../format';
import { RequestButtons } from './RequestButtons';
import { SiteRequests, type SiteRequestRow } from '../requests/SiteRequests';
import { TodaySection } from './TodaySection';
import { PolicyCard, type PolicyPanelProps } from '../policy/PolicyCard';
import { failureText } from '../failureText';

export interface PopupViewProps {
  status: TabStatus | null;
  settings: Settings;
  siteRecord: SiteRecord | null;
  purposes: readonly Purpose[];
  consent: ConsentRecord | null;
  /** What the site asked for today; undefined while it is read. */
  today: TodaySummary | undefined;
  error: unknown;
  onTogglePause: (paused: boolean) => void;
  onSetRule: (override: SiteOverride | null) => void;
  onAnswerAgain: () => void;
  onOpenDashboard: (route: string) => void;
  /** The site's privacy policy: summary, change notice, scorecard, "Read now". */
  policy?: PolicyPanelProps;
  /** The rights requests sent to this site, overdue first. */
  requests?: SiteRequestRow[];
}

function choiceSummary(settings: Settings, site: string, purposes: readonly Purpose[], t: ReturnType<typeof useT>): string {
  const override = settings.siteOverrides[site];
  if (override?.mode === 'allowAll') return t('popup.consent.override.allowAll');
  if (override?.mode === 'denyAll') return t('popup.consent.override.denyAll');
  if (override?.mode === 'off') return t('popup.consent.override.off');
  const choices = override?.mode === 'custom' ? override.purposes : settings.preferences;
  const allowed = purposes.filter((p) => choices[p]);
  if (allowed.length === 0) return t('popup.consent.onlyNecessary');
  return t('popup.consent.allowed', { purposes: allowed.map((p) => t(`purpose.${p}` as MessageKey).toLocaleLowerCase(t.locale)).join(', ') });
}

type RuleChoice = 'default' | 'denyAll' | 'allowAll' | 'off' | 'custom';

export function PopupView({ status, settings, siteRecord, purposes, consent, today, error, onTogglePause, onSetRule, onAnswerAgain, onOpenDashboard, policy, requests }: PopupViewProps) {
  const t = useT();
  const site = status?.site ?? null;
  const config = status?.config;
  const sitePaused = config?.inactiveReason === 'sitePaused';
  const pill = !site ? 'idle' : config?.active ? 'on' : 'paused';
  return (
    <main class="popup">
      <header class="popup-header">
        <Logo size={26} />
        <span class="brand">{t('app.name')}</span>
        <span class={`pill pill-${pill}`} data-testid="popup-state">
          {pill === 'on' ? t('popup.state.on') : pill === 'paused' ? t('popup.state.paused') : t('popup.state.idle')}
        </span>
      </header>

      {error !== null && error !== undefined && <p class="popup-error" role="alert">{t('popup.error', { detail: failureText(t, error) })}</p>}

      <section class="site-banner" aria-label={t('popup.site.label')}>
        <Icon name="globe" size={22} />
        <div class="site-text">
          <h1 class="site-name" data-testid="popup-site">{site ?? t('popup.site.none')}</h1>
          <p class="site-sub">
            {!site
              ? t('popup.site.noneHint')
              : config?.inactiveReason === 'paused'
                ? t('popup.site.pausedEverywhere')
                : sitePaused
                  ? t('popup.site.pausedHere')
                  : status && status.framesSeen > 0
                    ? t('popup.site.frames', { count: status.framesSeen })
                    : t('popup.site.reload')}
          </p>
        </div>
      </section>

      {site && (
        <div class="popup-pause">
          <Switch label={t('popup.pause')} description={t('popup.pause.desc')} checked={sitePaused} onChange={onTogglePause} />
        </div>
      )}

      {site && (
        <div class="card-grid">
          <Card
            title={t('card.consent.title')}
            icon="shield"
            testId="card-consent"
            tone={consent?.outcome === 'respected' ? 'good' : consent?.outcome === 'notRespected' || consent?.outcome === 'failed' ? 'warn' : 'neutral'}
          >
            {consent && consent.outcome !== 'working' ? <ConsentSummary record={consent} /> : <p class="muted">{consent ? t('consent.working', { cmp: consent.cmp }) : t('card.consent.empty')}</p>}
            <p class="card-fact">{choiceSummary(settings, site, purposes, t)}</p>
            <label class="rule-pick">
              <span>{t('popup.rule')}</span>
              <select
                value={settings.siteOverrides[site]?.mode ?? 'default'}
                onChange={(e) => {
                  const mode = e.currentTarget.value as RuleChoice;
                  if (mode === 'custom') onOpenDashboard(`sites/${encodeURIComponent(site)}`);
                  else onSetRule(mode === 'default' ? null : { mode });
                }}
              >
                <option value="default">{t('site.override.default')}</option>
                <option value="denyAll">{t('site.override.denyAll')}</option>
                <option value="allowAll">{t('site.override.allowAll')}</option>
                <option value="off">{t('site.override.off')}</option>
                <option value="custom">{t('site.override.custom')}…</option>
              </select>
            </label>
            {consent && consent.outcome !== 'working' && (
              <button type="button" class="button secondary small" onClick={onAnswerAgain}>{t('popup.answerAgain')}</button>
            )}
          </Card>
          <TodaySection today={today} onOpenSite={() => onOpenDashboard(`sites/${encodeURIComponent(site)}`)} />
          <Card title={t('card.asked.title')} icon="list" testId="card-asked">
            {siteRecord ? (
              <p class="card-fact">
                {t('card.asked.seen', { date: formatDate(siteRecord.firstSeen, t.locale), count: siteRecord.visits })}
              </p>
            ) : (
              <p class="muted">{t('card.asked.empty')}</p>
            )}
          </Card>
          <SiteRequests rows={requests ?? []} onOpen={() => onOpenDashboard('requests')} />
          <RequestButtons site={site} onOpenDashboard={onOpenDashboard} />
          {/* Last: it spans the grid's width, so the small cards above stay in pairs. */}
          {policy ? <PolicyCard {...policy} /> : (
            <Card title={t('card.policy.title')} icon="doc" testId="card-policy"><p class="muted">{t('card.policy.empty')}</p></Card>
          )}
        </div>
      )}

      <footer class="popup-footer">
        {site && (
          <button type="button" class="button secondary" onClick={() => onOpenDashboard(`sites/${encodeURIComponent(site)}`)}>
            {t('popup.siteDetails')}
          </button>
        )}
        <button type="button" class="button primary" onClick={() => onOpenDashboard('sites')}>
          {t('popup.openDashboard')}
        </button>
      </footer>
    </main>
  );
}
