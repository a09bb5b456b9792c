import { useEffect, useMemo, useState } from 'preact/hooks';
import type { PolicyReadResult } from '../core/messaging/protocol';
import { scorecard, type PrincipleScore } from '../core/policy/scorecard';
import { send } from '../platform/messaging/client';
import { policyView, type PolicyView } from '../platform/policy/queries';
import { useLiveQuery } from './live';

export interface PolicyState {
  view: PolicyView | undefined;
  scores: PrincipleScore[] | undefined;
  /** A reading is under way (asked here, or started by the background on page load). */
  reading: boolean;
  /** The last reading asked from this page, or its error. */
  result: PolicyReadResult | null;
  error: unknown;
  /** Reads now: from the tab when there is one, else again from the known address. */
  readNow: () => void;
  markSeen: () => void;
}

const POLL_MS = 500;
const POLL_LIMIT = 120;

/** The policy section's state for one site: live rows, the scorecard, and the reading in progress. */
export function usePolicy(site: string | null, tabId: number | null, pageUrl: string | null): PolicyState {
  const view = useLiveQuery(() => (site ? policyView(site, pageUrl) : Promise.resolve(undefined)), [site, pageUrl]);
  const scores = useMemo(() => (view ? scorecard(view.facts) : undefined), [view]);
  const [reading, setReading] = useState(false);
  const [result, setResult] = useState<PolicyReadResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  // A reading the background started on page load: follow it until it ends.
  useEffect(() => {
    if (!site) return;
    let stop = false;
    void (async () => {
      for (let i = 0; i < POLL_LIMIT && !stop; i++) {
        const { reading: now } = await send('policy.status', { site }).catch(() => ({ reading: false }));
        if (stop) return;
        setReading(now);
        if (!now) return;
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    })();
    return () => {
      stop = true;
    };
  }, [site]);
  const readNow = () => {
    if (!site) return;
    setReading(true);
    setError(null);
    const job = tabId !== null ? send('policy.read', { tabId }) : send('policy.readSite', { site });
    job.then(setResult, (e: unknown) => setError(e)).finally(() => setReading(false));
  };
  const markSeen = () => {
    if (site) void send('policy.seen', { site }).catch((e: unknown) => setError(e));
  };
  return { view, scores, reading, result, error, readNow, markSeen };
}

/** The state as the policy components take it (props in, events out). */
export function policyPanel(state: PolicyState) {
  return {
    versions: state.view?.versions,
    failure: state.view?.failure ?? null,
    scores: state.scores,
    reading: state.reading,
    result: state.result,
    error: state.error,
    onReadNow: state.readNow,
    onSeen: state.markSeen,
  };
}
