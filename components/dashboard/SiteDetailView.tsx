import type { Purpose, PurposeChoices as Choices } from '../../core/consent/purposes';
import type { ConsentRecord } from '../../core/consent/record';
import type { ActivityDay } from '../../core/ledger/activity';
import type { CookieRecord, LedgerEvent, SiteRecord } from '../../core/ledger/records';
import type { ThirdPartySummary } from '../../core/ledger/thirdPartySummary';
import { ConsentSummary } from '../ConsentSummary';
import type { Settings, SiteOverride } from '../../core/settings/schema';
import { formatDate } from '../format';
import { useT } from '../i18n';
import { PurposeChoices } from '../PurposeChoices';
import { Card } from '../ui/Card';
import { Icon } from '../ui/Icon';
import { ActivityChart, type ActivityRange } from '../ledger/ActivityChart';
import { AskedSections } from '../ledger/AskedSections';
import { CookiesTable } from '../ledger/CookiesTable';
import { SiteCounters } from '../ledger/SiteCounters';
import { ThirdPartiesTable } from '../ledger/ThirdPartiesTable';
import { Timeline } from '../ledger/Timeline';
import { RadioCards } from '../ui/RadioCards';
import { Switch } from '../ui/Switch';
import { EraseSiteButton } from './EraseSiteButton';
import { PolicySection } from '../policy/PolicySection';
import { SiteRequests, type SiteRequestRow } from '../requests/SiteRequests';
import type { PolicyPanelProps } from '../policy/PolicyCard';

interface SiteDetailViewProps {
  site: string;
  record: SiteRecord | null | undefined;
  settings: Settings;
  purposes: readonly Purpose[];
  consentAnswers: ConsentRecord[] | undefined;
  /** What the ledger holds about the site; each undefined while it loads. */
  ledger: SiteLedger;
  onRange: (range: ActivityRange) => void;
  onMoreTimeline: () => void;
  onSetPaused: (paused: boolean) => void;
  onSetOverride: (override: SiteOverride | null) => void;
  /** Erases everything recorded about the site (its rules stay). */
  onEraseSite: () => Promise<void>;
  /** The site's privacy policy: every field with its quotes, versions, scorecard. */
  policy?: PolicyPanelProps;
}

export interface SiteLedger {
  range: ActivityRange;
  activity: ActivityDay[] | undefined;
  cookies: CookieRecord[] | undefined;
  /** Over the activity range. */
  thirdParties: ThirdPartySummary[] | undefined;
  /** The latest `form.fields`, `permission.prompt` and `gpc.declaration` events, newest first. */
  asked: LedgerEvent[] | undefined;
  timeline: { events: LedgerEvent[]; more: boolean } | undefined;
  /** The rights requests sent to the site, overdue first, with their status today. */
  requests: SiteRequestRow[] | undefined;
}

type Mode = 'default' | SiteOverride['mode'];

/** Links to the Requests view; a later change opens its composer from them. */
const requestHref = (site: string, type: 'access' | 'erasure') => `#/requests?site=${encodeURIComponent(site)}&type=${type}`;

export function SiteDetailView({ site, record, settings, purposes, consentAnswers, ledger, onRange, onMoreTimeline, onSetPaused, onSetOverride, onEraseSite, policy }: SiteDetailViewProps) {
  const t = useT();
  const override = settings.siteOverrides[site] ?? null;
  const mode: Mode = override?.mode ?? 'default';
  const customChoices: Choices = override?.mode === 'custom' ? override.purposes : settings.preferences;
  const pickMode = (next: Mode) => {
    if (next === 'default') onSetOverride(null);
    else if (next === 'custom') onSetOverride({ mode: 'custom', purposes: pickPurposes(customChoices, purposes) });
    else onSetOverride({ mode: next });
  };
  return (
    <>
      <a class="back-link" href="#/sites"><Icon name="back" size={16} />{t('site.back')}</a>
      <header class="page-header">
        <h1 data-testid="site-title">{site}</h1>
        {record && (
          <p class="lead">
            {t('site.summary', { first: formatDate(record.firstSeen, t.locale), last: formatDate(record.lastSeen, t.locale), count: record.visits })}
          </p>
        )}
        {record === null && <p class="lead">{t('site.unvisited')}</p>}
        <div class="actions site-actions">
          <a class="button secondary" href={requestHref(site, 'access')}><Icon name="download" size={16} />{t('site.getData')}</a>
          <a class="button danger-outline" href={requestHref(site, 'erasure')}><Icon name="trash" size={16} />{t('site.deleteData')}</a>
        </div>
      </header>
      {record && <SiteCounters record={record} />}
      <div class="ledger-wide">
        <ActivityChart days={ledger.activity} range={ledger.range} onRange={onRange} />
      </div>
      <div class="detail-grid">
        <Card title={t('site.control.title')} icon="sliders">
          <Switch label={t('popup.pause')} description={t('popup.pause.desc')} checked={settings.pausedSites.includes(site)} onChange={onSetPaused} />
          <RadioCards<Mode>
            legend={t('site.override.legend')}
            name="override"
            value={mode}
            compact
            onChange={pickMode}
            options={[
              { value: 'default', label: t('site.override.default'), description: t('site.override.default.desc') },
              { value: 'denyAll', label: t('site.override.denyAll'), description: t('site.override.denyAll.desc') },
              { value: 'allowAll', label: t('site.override.allowAll'), description: t('site.override.allowAll.desc') },
              { value: 'custom', label: t('site.override.custom'), description: t('site.override.custom.desc') },
              { value: 'off', label: t('site.override.off'), description: t('site.override.off.desc') },
            ]}
          />
          {override?.mode === 'custom' && (
            <PurposeChoices
              legend={t('site.override.customLegend', { site })}
              purposes={purposes}
              value={override.purposes}
              onChange={(next) => onSetOverride({ mode: 'custom', purposes: next })}
            />
          )}
        </Card>
        <Card title={t('consent.history')} icon="shield" testId="consent-history">
          {!consentAnswers?.length ? (
            <p class="muted">{t('consent.history.empty')}</p>
          ) : (
            <ol class="consent-history">
              {consentAnswers.slice(0, 20).map((answer) => (
                <li key={answer.startedAt}>
                  <ConsentSummary record={answer} showTime />
                </li>
              ))}
            </ol>
          )}
        </Card>
        <AskedSections events={ledger.asked} />
        {policy ? <PolicySection {...policy} /> : <Card title={t('card.policy.title')} icon="doc"><p class="muted">{t('card.policy.empty')}</p></Card>}
        <SiteRequests rows={ledger.requests ?? []} onOpen={() => (location.hash = '#/requests')} />
      </div>
      <div class="ledger-wide">
        <CookiesTable cookies={ledger.cookies} />
        <ThirdPartiesTable parties={ledger.thirdParties} days={ledger.range} />
        <Timeline events={ledger.timeline?.events} more={ledger.timeline?.more ?? false} onMore={onMoreTimeline} />
      </div>
      <div class="actions erase-site">
        <EraseSiteButton site={site} onErase={onEraseSite} />
      </div>
    </>
  );
}

function pickPurposes(choices: Choices, purposes: readonly Purpose[]): Choices {
  return Object.fromEntries(purposes.map((p) => [p, choices[p]])) as Choices;
}
