import { useEffect, useState } from 'preact/hooks';
import { PURPOSES } from '../../core/consent/purposes';
import type { ConsentRecord } from '../../core/consent/record';
import type { TabStatus } from '../../core/messaging/protocol';
import { PopupView } from '../../components/popup/PopupView';
import { Root } from '../../components/Root';
import { StorageFullNotice } from '../../components/StorageFullNotice';
import { send } from '../../platform/messaging/client';
import { queries } from '../../platform/queries';
import { openDashboard, targetTabId } from '../../platform/tabs';
import { useLiveQuery } from '../../stores/live';
import { policyPanel, usePolicy } from '../../stores/policy';
import { trackerRows } from '../../stores/requests';
import { localIsoDay } from '../../core/requests';
import { useTranslator } from '../../stores/locale';
import { startSettingsSync, useSettingsStore } from '../../stores/settings';
import { useStorageFull } from '../../stores/storageHealth';

export function App() {
  const { settings, error: settingsError } = useSettingsStore();
  const t = useTranslator(settings?.language);
  const [status, setStatus] = useState<TabStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => startSettingsSync(), []);
  useEffect(() => {
    targetTabId(location.search)
      .then((tabId) => (tabId === null ? null : send('tab.status', { tabId })))
      .then(setStatus, setError);
  }, [settings]);
  const [consent, setConsent] = useState<ConsentRecord | null>(null);
  // The engine may still be answering when the popup opens: follow it until it has a verdict.
  useEffect(() => {
    if (!status) return;
    let stop = false;
    const poll = async () => {
      for (let i = 0; i < 40 && !stop; i++) {
        const record = await send('consent.status', { tabId: status.tabId }).catch(() => null);
        setConsent(record);
        if (record && record.outcome !== 'working') return;
        await new Promise((r) => setTimeout(r, 500));
      }
    };
    void poll();
    return () => {
      stop = true;
    };
  }, [status]);
  const site = status?.site ?? null;
  const siteRecord = useLiveQuery(() => (site ? queries.site(site) : Promise.resolve(null)), [site]) ?? null;
  const today = useLiveQuery(() => (site ? queries.today(site, Date.now()) : Promise.resolve(undefined)), [site]);
  const requests = useLiveQuery(() => (site ? queries.siteRequests(site) : Promise.resolve([])), [site]);
  const policy = usePolicy(site, status?.tabId ?? null, status?.url ?? null);
  const storageFull = useStorageFull();
  return (
    <Root t={t} ready={settings !== null} error={settingsError}>
      <StorageFullNotice full={storageFull} />
      {settings && (
        <PopupView
          status={status}
          settings={settings}
          siteRecord={siteRecord}
          purposes={PURPOSES}
          consent={consent}
          today={today}
          error={error}
          onTogglePause={(paused) => site && void send('site.setPaused', { site, paused }).catch(setError)}
          onSetRule={(override) => site && void send('site.setOverride', { site, override }).catch(setError)}
          onAnswerAgain={() => status && void send('consent.answerAgain', { tabId: status.tabId }).then(() => window.close(), setError)}
          onOpenDashboard={(route) => void openDashboard(route).then(() => window.close())}
          policy={policyPanel(policy)}
          requests={requests && trackerRows(requests, localIsoDay(Date.now()))}
        />
      )}
    </Root>
  );
}
