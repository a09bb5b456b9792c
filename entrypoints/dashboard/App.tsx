import { useEffect, useState } from 'preact/hooks';
import { PURPOSES } from '../../core/consent/purposes';
import { RETENTION_DAYS } from '../../core/settings/schema';
import { serializeSettings } from '../../core/settings/file';
import type { Settings } from '../../core/settings/schema';
import { DataView, type ImportOutcome } from '../../components/dashboard/DataView';
import { PreferencesView } from '../../components/dashboard/PreferencesView';
import { Shell, type Section } from '../../components/dashboard/Shell';
import { StorageFullNotice } from '../../components/StorageFullNotice';
import { SiteDetailView } from '../../components/dashboard/SiteDetailView';
import { Root } from '../../components/Root';
import { Notice } from '../../components/ui/Notice';
import { downloadText } from '../../platform/download';
import { send } from '../../platform/messaging/client';
import { queries } from '../../platform/queries';
import { useLedgerStore } from '../../stores/ledger';
import { useLiveQuery } from '../../stores/live';
import { policyPanel, usePolicy } from '../../stores/policy';
import { useTranslator } from '../../stores/locale';
import { startRouteSync, useRouteStore, type Route } from '../../stores/route';
import { startSettingsSync, useSettingsStore } from '../../stores/settings';
import { useStorageFull } from '../../stores/storageHealth';
import { IdentityPage } from './IdentityPage';
import { RequestsPage } from './RequestsPage';
import { SitesPage } from './SitesPage';
import { useSiteLedger } from './useSiteLedger';

const SECTION_OF: Record<Route['name'], Section> = {
  sites: 'sites',
  site: 'sites',
  requests: 'requests',
  preferences: 'preferences',
  identity: 'identity',
  data: 'data',
};

export function App() {
  const { settings, error, save } = useSettingsStore();
  const route = useRouteStore((s) => s.route);
  const t = useTranslator(settings?.language);
  const storageFull = useStorageFull();
  useEffect(() => startSettingsSync(), []);
  useEffect(() => startRouteSync(), []);
  useEffect(() => {
    document.title = `${t(`nav.${SECTION_OF[route.name]}`)} · ${t('app.name')}`;
    document.getElementById('main')?.focus();
  }, [route, t]);
  return (
    <Root t={t} ready={settings !== null} error={error}>
      {settings && (
        <Shell current={SECTION_OF[route.name]}>
          <StorageFullNotice full={storageFull} />
          {!settings.onboarded && (
            <Notice tone="info">
              {t('dashboard.notOnboarded')} <a href="/onboarding.html">{t('dashboard.notOnboarded.link')}</a>
            </Notice>
          )}
          <RouteView route={route} settings={settings} save={save} />
        </Shell>
      )}
    </Root>
  );
}

function RouteView({ route, settings, save }: { route: Route; settings: Settings; save: (s: Settings) => Promise<Settings> }) {
  // "Last 7 days" counts from when the page was opened.
  const [now] = useState(() => Date.now());
  // Each list is read only on its own page: with 10,000 sites, Site detail should not wait for the Sites table.
  const onSites = route.name === 'sites';
  const sites = useLiveQuery(() => (onSites ? queries.allSites() : Promise.resolve(undefined)), [onSites]);
  const siteName = route.name === 'site' ? route.site : null;
  const siteRecord = useLiveQuery(() => (siteName ? queries.site(siteName) : Promise.resolve(null)), [siteName]);
  const ledgerStore = useLedgerStore();
  const consentAnswers = useLiveQuery(() => (siteName ? queries.consentAnswers(siteName) : Promise.resolve([])), [siteName]);
  const ledger = useSiteLedger(siteName);
  const policy = usePolicy(siteName, null, null);
  switch (route.name) {
    case 'sites':
      return <SitesPage sites={sites} now={now} onOpenSite={(site) => (location.hash = `#/sites/${encodeURIComponent(site)}`)} />;
    case 'site':
      return (
        <SiteDetailView
          site={route.site}
          record={siteRecord}
          settings={settings}
          purposes={PURPOSES}
          consentAnswers={consentAnswers}
          ledger={ledger}
          onRange={ledger.setRange}
          onMoreTimeline={ledger.moreTimeline}
          onSetPaused={(paused) => void send('site.setPaused', { site: route.site, paused })}
          onSetOverride={(override) => void send('site.setOverride', { site: route.site, override })}
          onEraseSite={() => ledgerStore.eraseSite(route.site)}
          policy={policyPanel(policy)}
        />
      );
    case 'requests':
      return <RequestsPage draft={route.draft} />;
    case 'preferences':
      return <PreferencesView settings={settings} purposes={PURPOSES} onChange={(next) => void save(next)} />;
    case 'identity':
      return <IdentityPage />;
    case 'data':
      return (
        <DataView
          onExport={async () => {
            const current = await send('settings.get', {});
            downloadText(`privacy-ledger-settings-${new Date().toISOString().slice(0, 10)}.json`, serializeSettings(current), 'application/json');
          }}
          onImport={async (text): Promise<ImportOutcome> => {
            const result = await send('settings.import', { text });
            return result.ok ? { ok: true } : { ok: false, problems: result.problems };
          }}
          onEraseAll={async () => void (await send('data.eraseAll', {}))}
          ledger={{
            retentionDays: settings.ledgerRetentionDays,
            retentionChoices: [...RETENTION_DAYS, null],
            onRetention: (days) => void ledgerStore.setRetention(days),
            onExport: ledgerStore.exportLedger,
            onImport: ledgerStore.importLedger,
          }}
        />
      );
  }
}
