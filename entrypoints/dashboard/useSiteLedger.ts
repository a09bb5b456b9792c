import { useState } from 'preact/hooks';
import { ASKED_KINDS } from '../../core/ledger/eventData';
import type { ActivityRange } from '../../components/ledger/ActivityChart';
import type { SiteLedger } from '../../components/dashboard/SiteDetailView';
import { localIsoDay } from '../../core/requests';
import { LIMITS, queries } from '../../platform/queries';
import { trackerRows } from '../../stores/requests';
import { useLiveQuery } from '../../stores/live';

export const TIMELINE_PAGE = 50;

/**
 * Everything the Site detail page shows from the ledger, each a live query on
 * one site's slice of an index. The timeline grows a page at a time.
 */
export function useSiteLedger(site: string | null): SiteLedger & { setRange: (r: ActivityRange) => void; moreTimeline: () => void } {
  const [range, setRange] = useState<ActivityRange>(30);
  // How far the timeline is opened, for one site: another site starts at one page.
  const [paging, setPaging] = useState({ site, limit: TIMELINE_PAGE });
  const limit = paging.site === site ? paging.limit : TIMELINE_PAGE;
  const none = () => Promise.resolve(undefined);
  const activity = useLiveQuery(() => (site ? queries.siteActivity(site, Date.now(), range) : none()), [site, range]);
  const thirdParties = useLiveQuery(() => (site ? queries.siteThirdParties(site, Date.now(), range) : none()), [site, range]);
  const cookies = useLiveQuery(() => (site ? queries.siteCookies(site) : none()), [site]);
  const asked = useLiveQuery(() => (site ? queries.eventsOfKinds(site, ASKED_KINDS, LIMITS.asked) : none()), [site]);
  const requests = useLiveQuery(async () => (site ? trackerRows(await queries.siteRequests(site), localIsoDay(Date.now())) : undefined), [site]);
  // A longer page keeps the shorter one on screen until it arrives; another site's never shows here.
  const timeline = useLiveQuery(async () => (site ? { site, ...(await queries.siteEvents(site, limit)) } : undefined), [site, limit], { keepPrevious: true });
  return {
    range, activity, cookies, thirdParties, asked, requests,
    timeline: timeline?.site === site ? timeline : undefined,
    setRange,
    moreTimeline: () => setPaging({ site, limit: limit + TIMELINE_PAGE }),
  };
}
