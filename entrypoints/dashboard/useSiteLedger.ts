import { useEffect, useState } from 'preact/hooks';
import { ASKED_KINDS } from '../../core/ledger/eventData';
import type { ActivityRange } from '../../components/ledger/ActivityChart';
import type { SiteLedger } from '../../components/dashboard/SiteDetailView';
import { LIMITS, queries } from '../../platform/queries';
import { useLiveQuery } from '../../stores/live';

export const TIMELINE_PAGE = 50;

/**
 * Everything the Site detail page shows from the ledger, each a live query on
 * one site's slice of an index. The timeline grows a page at a time.
 */
export function useSiteLedger(site: string | null): SiteLedger & { setRange: (r: ActivityRange) => void; moreTimeline: () => void } {
  const [range, setRange] = useState<ActivityRange>(30);
  const [limit, setLimit] = useState(TIMELINE_PAGE);
  useEffect(() => setLimit(TIMELINE_PAGE), [site]);
  const none = () => Promise.resolve(undefined);
  const activity = useLiveQuery(() => (site ? queries.siteActivity(site, Date.now(), range) : none()), [site, range]);
  const thirdParties = useLiveQuery(() => (site ? queries.siteThirdParties(site, Date.now(), range) : none()), [site, range]);
  const cookies = useLiveQuery(() => (site ? queries.siteCookies(site) : none()), [site]);
  const asked = useLiveQuery(() => (site ? queries.eventsOfKinds(site, ASKED_KINDS, LIMITS.asked) : none()), [site]);
  const timeline = useLiveQuery(() => (site ? queries.siteEvents(site, limit) : none()), [site, limit], { keepPrevious: true });
  return {
    range, activity, cookies, thirdParties, asked, timeline,
    setRange,
    moreTimeline: () => setLimit((n) => n + TIMELINE_PAGE),
  };
}
