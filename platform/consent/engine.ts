import { evalSnippets } from '@duckduckgo/autoconsent';
import { storedFromSnapshot } from '../../core/consent/cmps/categories';
import { adapterById, adapterFor, GENERIC_ADAPTERS } from '../../core/consent/cmps/registry';
import { tcf, withTcfLegitimateInterest } from '../../core/consent/cmps/tcf';
import type { CmpAdapter, CmpSnapshot } from '../../core/consent/cmps/types';
import { answersOnContainer } from '../../core/consent/containers';
import { fallbackIntent, intentKind, resolveIntent } from '../../core/consent/intent';
import { hiddenOnly, type ConsentRecord } from '../../core/consent/record';
import { verify } from '../../core/consent/verify';
import type { AutoconsentMessage } from '../../core/messaging/protocol';
import { pageConfig } from '../../core/settings/siteRules';
import { siteOf } from '../../core/sites/domain';
import { database } from '../db';
import { noteConsentAnswer } from '../ledger/cookieWatch';
import { loadSettings } from '../settingsStorage';
import { tabSite, tabUrl } from '../tabAddress';
import { autoconsentConfig, rulesFor } from './autoconsentConfig';
import { showOutcome } from './badge';
import type { Frame } from './frame';
import { mayAnswer } from './loopGuard';
import { runInFrame } from './mainWorld';
import { restoreScroll } from './pageFixes';
import { readConsent, writeConsent } from './tabConsent';

/** Reads of a known CMP whose container is up before its API answers, and the gap between them. */
const EARLY_READS = 30;
const EARLY_READ_GAP_MS = 50;

/**
 * What autoconsent is to do when it reports the popup, decided before it did:
 * a known CMP answered early whose adapter could not act, so the answer goes
 * through autoconsent after all. By frame.
 */
const awaitingAutoconsent = new Map<string, AutoconsentMessage>();
const frameKey = (frame: Frame) => `${frame.tabId}:${frame.frameId}`;

/** After this long without a result, the engine gives up and says so. */
export const TIME_BUDGET_MS = 15_000;

/** The frame an adapter works in: the banner's, or the top frame's. */
const frameFor = (adapter: Pick<CmpAdapter, 'runIn'>, frame: Frame) => (adapter.runIn === 'topFrame' ? 0 : frame.frameId);

/** Reads a CMP through its adapter in the main world of the frame `host` works in (the adapter's own, by default). */
async function snapshotOf<Raw, Plan>(adapter: CmpAdapter<Raw, Plan>, frame: Frame, host: Pick<CmpAdapter, 'runIn'> = adapter) {
  const raw = await runInFrame(frame.tabId, frameFor(host, frame), adapter.read, []);
  return raw ? adapter.snapshot(raw) : null;
}

/** The named adapter for autoconsent's rule, else the first standard (TCF) the frame implements. */
async function findAdapter(cmp: string, frame: Frame) {
  const named = adapterFor(cmp);
  if (named) return { adapter: named, asked: await snapshotOf(named, frame) };
  for (const adapter of GENERIC_ADAPTERS) {
    const asked = await snapshotOf(adapter, frame);
    if (asked) return { adapter, asked };
  }
  return { adapter: null, asked: null };
}

/** Closes a record: session state, badge, and one ledger event. */
export async function finish(tabId: number, record: ConsentRecord): Promise<void> {
  let done: ConsentRecord = { ...record, durationMs: Date.now() - record.startedAt };
  if (done.method !== 'none' && done.outcome !== 'failed') {
    // Banners often lock scrolling; give the page back once the banner is answered.
    const repairs = await runInFrame(tabId, 0, restoreScroll, []);
    if (repairs?.length) done = { ...done, repairs };
  }
  // The ledger first: once the verdict is visible, its record exists.
  await database().events.add({ site: done.site, at: done.startedAt, kind: 'consent.answer', data: done });
  // Cookies set while the answer was being verified are judged against it too.
  void noteConsentAnswer(done.site);
  await writeConsent(tabId, done);
  await showOutcome(tabId, done.outcome);
}

/** Some CMPs write their record a moment after their API returns: read until it says answered, briefly. */
async function answeredSnapshot(adapter: CmpAdapter, frame: Frame) {
  let after = await snapshotOf(adapter, frame);
  for (let i = 0; i < 10 && after && !after.answered; i++) {
    await new Promise((r) => setTimeout(r, 100));
    after = await snapshotOf(adapter, frame);
  }
  return after;
}

/**
 * Where the user objects to legitimate interest and the adapter's own record
 * shows none, the page's IAB TCF answer (if it runs one) is read too.
 */
async function withPageTcf(adapter: CmpAdapter, frame: Frame, record: ConsentRecord, stored: ReturnType<typeof storedFromSnapshot>) {
  if (adapter.id === tcf.id || record.intent?.legitimateInterest !== 'object' || stored.legitimateInterestOn.length > 0) return stored;
  return withTcfLegitimateInterest(stored, await snapshotOf(tcf, frame, adapter));
}

async function verifyThrough(adapter: CmpAdapter, frame: Frame, record: ConsentRecord): Promise<ConsentRecord> {
  const after = await answeredSnapshot(adapter, frame);
  if (!after || !record.intent) return { ...record, outcome: 'unverified' };
  let stored = await withPageTcf(adapter, frame, record, storedFromSnapshot(after));
  let verdict = verify(record.intent, stored);
  if (verdict.status === 'notRespected') {
    // A CMP may save a moment after its API returns: look once more before saying it did not store the choice.
    await new Promise((r) => setTimeout(r, 300));
    const again = await snapshotOf(adapter, frame);
    if (again) {
      stored = await withPageTcf(adapter, frame, record, storedFromSnapshot(again));
      verdict = verify(record.intent, stored);
    }
  }
  // Nothing to compare (the CMP asks about nothing we can place, or GDPR does not apply): not proof of anything.
  const outcome = verdict.status === 'respected' && verdict.checked.length === 0 ? 'unverified' : verdict.status;
  return { ...record, stored, verdict, outcome };
}

type Found = { adapter: CmpAdapter | null; asked: CmpSnapshot | null; applied?: () => void };

/** A banner is showing: decide what to answer, and answer it. The reply tells autoconsent what to do, if anything. */
async function onPopupFound(frame: Frame, cmp: string, known?: Found): Promise<AutoconsentMessage | null> {
  const decided = awaitingAutoconsent.get(frameKey(frame));
  if (decided && !known) {
    awaitingAutoconsent.delete(frameKey(frame));
    return decided;
  }
  const current = await readConsent(frame.tabId);
  if (current && (current.outcome === 'working' || current.cmp === (adapterFor(cmp)?.name ?? cmp))) return null;
  // Claim the tab at once: frames and retries may report the same banner again while we work.
  // Issued before any other call, so every later read sees it; the reads below need not wait for it.
  const claimed = writeConsent(frame.tabId, {
    site: '', frameUrl: frame.url, cmp, adapterId: null, asked: null, intent: null, method: 'none', fallback: false,
    reason: null, stored: null, verdict: null, outcome: 'working', startedAt: Date.now(), durationMs: null,
  });
  const [topSite, settings, { adapter, asked }] = await Promise.all([tabSite(frame.tabId), loadSettings(), known ?? findAdapter(cmp, frame), claimed]);
  const site = topSite ?? siteOf(frame.url);
  if (!site) return null;
  const intent = resolveIntent(settings, site);
  let record: ConsentRecord = {
    site, frameUrl: frame.url, cmp: adapter?.name ?? cmp, detectedBy: cmp, adapterId: adapter?.id ?? null, asked, intent, method: 'none', fallback: false,
    reason: null, stored: null, verdict: null, outcome: 'working', startedAt: Date.now(), durationMs: null,
  };
  if (!intent) {
    await finish(frame.tabId, { ...record, outcome: 'leftAlone', reason: 'siteRuleOff' });
    return null;
  }
  if (!(await mayAnswer(frame.tabId, site))) {
    await finish(frame.tabId, { ...record, outcome: 'leftAlone', reason: 'loopGuard' });
    return null;
  }
  if (adapter && asked?.answered) {
    // Some CMPs show their host again on return visits; if what they hold already matches, there is nothing to answer.
    const stored = await withPageTcf(adapter, frame, { ...record, intent }, storedFromSnapshot(asked));
    const verdict = verify(intent, stored);
    if (verdict.status === 'respected' && verdict.checked.length > 0) {
      await finish(frame.tabId, { ...record, stored, verdict, outcome: 'respected', reason: 'alreadyStored' });
      return null;
    }
  }
  if (adapter && asked) {
    const applied = await runInFrame(frame.tabId, frameFor(adapter, frame), adapter.apply, [adapter.plan(asked, intent)]);
    known?.applied?.();
    if (applied) {
      await finish(frame.tabId, await verifyThrough(adapter, frame, { ...record, method: 'adapter' }));
      return null;
    }
  }
  const kind = intentKind(intent);
  if (kind === 'mixed') {
    const fallback = fallbackIntent(settings);
    if (!fallback) {
      await finish(frame.tabId, { ...record, fallback: true, outcome: 'leftAlone', reason: 'askMe' });
      return null;
    }
    record = { ...record, intent: fallback, fallback: true };
  }
  const method = intentKind(record.intent!) === 'acceptAll' ? 'optIn' : 'optOut';
  if (method === 'optIn' && cmp.startsWith('HEURISTIC')) {
    // autoconsent's heuristic only ever refuses; it has no accept action. Say so now rather than time out.
    await finish(frame.tabId, { ...record, outcome: 'leftAlone', reason: 'noAcceptPath' });
    return null;
  }
  record = { ...record, method };
  await writeConsent(frame.tabId, record);
  await showOutcome(frame.tabId, 'working');
  setTimeout(() => void giveUpIfStill(frame.tabId, record.startedAt), TIME_BUDGET_MS);
  return { type: method };
}

/**
 * The frame shows a known CMP's container (seen by the always-on content
 * script). When the CMP's own API says it holds no answer yet, its banner is
 * asking: answer now through the adapter, without waiting for autoconsent to
 * load, detect the CMP and report the popup. Otherwise nothing happens here
 * and autoconsent's report decides, as for any other banner. Where the
 * adapter cannot act, autoconsent's report of the popup gets the answer.
 * Resolves once the adapter has applied the answer (its verification goes
 * on), or once there is nothing to do early.
 */
export function answerKnownCmp(frame: Frame, adapterId: string): Promise<void> {
  return new Promise((applied) => void answerEarly(frame, adapterId, applied).finally(applied));
}

/** `answerKnownCmp`; `applied` is called once the adapter's apply returned, before verification. */
async function answerEarly(frame: Frame, adapterId: string, applied: () => void): Promise<void> {
  const adapter = adapterById(adapterId);
  const cmp = adapter?.autoconsentNames[0];
  if (!adapter || !cmp || !answersOnContainer(adapterId)) return;
  try {
    // The container can appear a moment before the CMP's API answers.
    for (let attempt = 0; attempt < EARLY_READS; attempt++) {
      if (await readConsent(frame.tabId)) return;
      const asked = await snapshotOf(adapter, frame);
      if (asked?.answered) return;
      if (asked) {
        const reply = await onPopupFound(frame, cmp, { adapter, asked, applied });
        if (reply) awaitingAutoconsent.set(frameKey(frame), reply);
        return;
      }
      await new Promise((r) => setTimeout(r, EARLY_READ_GAP_MS));
    }
  } catch (error) {
    console.error('Privacy Ledger: answering a known banner failed', error);
    const record = await readConsent(frame.tabId);
    if (record?.outcome === 'working') await finish(frame.tabId, { ...record, outcome: 'failed', reason: 'applyFailed' });
  }
}

/** autoconsent finished (or failed) its opt-out or opt-in: verify what the CMP stored. A banner it only hid was not answered. */
async function onAutoconsentResult(frame: Frame, cmp: string, success: boolean, cosmetic = false): Promise<void> {
  const record = await readConsent(frame.tabId);
  if (!record || record.outcome !== 'working') return;
  if (!success) {
    await finish(frame.tabId, { ...record, outcome: 'failed', reason: 'applyFailed' });
    return;
  }
  if (cosmetic) {
    await finish(frame.tabId, hiddenOnly(record));
    return;
  }
  const adapter = adapterById(record.adapterId) ?? adapterFor(cmp);
  await finish(frame.tabId, adapter ? await verifyThrough(adapter, frame, record) : { ...record, outcome: 'unverified' });
}

async function giveUpIfStill(tabId: number, startedAt: number): Promise<void> {
  const record = await readConsent(tabId);
  if (record?.outcome === 'working' && record.startedAt === startedAt) await finish(tabId, { ...record, outcome: 'failed', reason: 'timeout' });
}

/** Answers one message of the autoconsent engine running in a frame. */
export async function handleAutoconsent(message: AutoconsentMessage, frame: Frame): Promise<AutoconsentMessage | null> {
  switch (message.type) {
    case 'init': {
      const settings = await loadSettings();
      const topUrl = (await tabUrl(frame.tabId)) ?? frame.url;
      const config = pageConfig(settings, topUrl);
      const leave = config.override?.mode === 'off';
      return { type: 'initResp', config: autoconsentConfig(config.active, config.active && !leave), rules: rulesFor(frame.url, frame.frameId === 0) };
    }
    case 'eval': {
      // Only autoconsent's own bundled snippets run, by name; its `code` strings are never evaluated.
      const id = String(message.snippetId ?? '');
      const snippet = Object.hasOwn(evalSnippets, id) ? (evalSnippets as Record<string, () => unknown>)[id] : undefined;
      const result = snippet ? await runInFrame(frame.tabId, frame.frameId, snippet, []) : false;
      return { type: 'evalResp', id: message.id, result };
    }
    case 'popupFound':
      try {
        return await onPopupFound(frame, String(message.cmp));
      } catch (error) {
        // Never leave a tab stuck at "working": say it failed, visibly.
        console.error('Privacy Ledger: answering a banner failed', error);
        const record = await readConsent(frame.tabId);
        if (record?.outcome === 'working') await finish(frame.tabId, { ...record, outcome: 'failed', reason: 'applyFailed' });
        return null;
      }
    case 'optOutResult':
    case 'optInResult':
      if (!message.result) await onAutoconsentResult(frame, String(message.cmp), false);
      return null;
    case 'autoconsentDone':
      await onAutoconsentResult(frame, String(message.cmp), true, message.isCosmetic === true);
      return null;
    default:
      return null;
  }
}

/** A new page in a tab starts with no consent record. */
export async function resetTab(tabId: number): Promise<void> {
  await writeConsent(tabId, null);
  await showOutcome(tabId, null);
}
