import type { HeuristicReport } from '../../core/consent/heuristic/report';
import { fallbackIntent, intentKind, resolveIntent } from '../../core/consent/intent';
import type { ConsentRecord } from '../../core/consent/record';
import { loadSettings } from '../settingsStorage';
import { mayAnswer } from './loopGuard';
import { readConsent, writeConsent } from './tabConsent';
import type { Frame } from './frame';

/**
 * A consent dialog no rule knows, found by the content script's multilingual
 * detector. It may press only a refusal, so it acts only when the user's
 * choice here is to refuse everything optional (directly or as the fallback
 * for a mix); everything else is recorded, with the reason.
 */
export async function onUnknownBanner(
  frame: Frame,
  site: string,
  report: HeuristicReport,
  finish: (tabId: number, record: ConsentRecord) => Promise<void>,
): Promise<{ press: boolean }> {
  const current = await readConsent(frame.tabId);
  if (current) return { press: false }; // a rule or an adapter already has this page
  const settings = await loadSettings();
  const intent = resolveIntent(settings, site);
  const record: ConsentRecord = {
    site, frameUrl: frame.url, cmp: 'Unknown banner', detectedBy: 'privacy-ledger-heuristic', adapterId: null,
    asked: {
      cmp: 'Unknown banner', categories: [], vendorCount: null, legitimateInterestOn: [],
      firstLayerReject: report.buttons.some((b) => b.role === 'reject'), answered: false,
      evidence: `${report.text}${report.buttons.length ? ` [${report.buttons.map((b) => b.text).join(' | ')}]` : ''}`,
    },
    intent, method: 'none', fallback: false, reason: null, stored: null, verdict: null,
    outcome: 'working', startedAt: Date.now(), durationMs: null,
  };
  if (!report.choice) {
    await finish(frame.tabId, { ...record, outcome: 'leftAlone', reason: 'unsure', ...(report.reason ? { unsure: report.reason } : {}) });
    return { press: false };
  }
  if (!intent) {
    await finish(frame.tabId, { ...record, outcome: 'leftAlone', reason: 'siteRuleOff' });
    return { press: false };
  }
  const kind = intentKind(intent);
  const effective = kind === 'mixed' ? fallbackIntent(settings) : intent;
  if (!effective || intentKind(effective) !== 'denyAll') {
    const reason = !effective ? 'askMe' : 'noAcceptPath';
    await finish(frame.tabId, { ...record, fallback: kind === 'mixed', outcome: 'leftAlone', reason });
    return { press: false };
  }
  if (!(await mayAnswer(frame.tabId, site))) {
    await finish(frame.tabId, { ...record, outcome: 'leftAlone', reason: 'loopGuard' });
    return { press: false };
  }
  await writeConsent(frame.tabId, { ...record, intent: effective, fallback: kind === 'mixed', method: 'heuristic' });
  return { press: true };
}

/** The content script pressed the refusal: nothing can be read back, so the result is at best unverified. */
export async function onUnknownBannerPressed(
  tabId: number,
  result: { pressed: boolean; gone: boolean; unlocked: string[] },
  finish: (tabId: number, record: ConsentRecord) => Promise<void>,
): Promise<void> {
  const record = await readConsent(tabId);
  if (!record || record.outcome !== 'working' || record.method !== 'heuristic') return;
  await finish(tabId, {
    ...record,
    outcome: result.pressed && result.gone ? 'unverified' : 'failed',
    reason: result.pressed && result.gone ? null : 'applyFailed',
    ...(result.unlocked.length ? { repairs: result.unlocked } : {}),
  });
}
