import { useEffect, useMemo, useState } from 'preact/hooks';
import { buildEml, localIsoDay, type FollowUpKind } from '../../core/requests';
import { Composer, type SendChannel } from '../../components/requests/Composer';
import { FollowUpPanel } from '../../components/requests/FollowUpPanel';
import { RequestsView } from '../../components/dashboard/RequestsView';
import { useT } from '../../components/i18n';
import { Loading } from '../../components/ui/Loading';
import { downloadText } from '../../platform/download';
import { queries } from '../../platform/queries';
import { copyText, openLink, printLetter } from '../../platform/requests/channels';
import { readLedgerFacts } from '../../platform/requests/facts';
import { useLiveQuery } from '../../stores/live';
import { useNotificationsPermission, useNotificationsStore } from '../../stores/notifications';
import { followUpView, trackerRows, useRequestsStore } from '../../stores/requests';
import { requestInput, useComposer, type ComposerSource } from '../../stores/requestsComposer';
import { useIdentityStore } from '../../stores/requestsIdentity';
import type { RequestDraft } from '../../stores/route';
import { regimeWord } from '../../components/requests/regimeWord';

/** The request a reminder notification opened (`#/requests?open=ID`). */
const openedRequest = () => new URLSearchParams(location.hash.split('?')[1] ?? '').get('open');

/** The Requests view wired to the tracker, the composer and the identity. */
export function RequestsPage({ draft }: { draft: RequestDraft | null }) {
  const t = useT();
  const locale = t.locale;
  const requests = useLiveQuery(() => queries.allRequests(), []);
  const identity = useIdentityStore();
  const actions = useRequestsStore();
  const notifications = useNotificationsPermission();
  const [now] = useState(() => Date.now());
  const [followUp, setFollowUp] = useState<{ id: string; kind: FollowUpKind | 'checklist' } | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => void identity.load(), []);
  const rows = useMemo(() => (requests ? trackerRows(requests, localIsoDay(now)) : undefined), [requests, now]);
  const shownFollowUp = followUp && requests?.find((r) => r.id === followUp.id);
  /** A change to a tracked request: the last failure is cleared first, and a new one shown. */
  const attempt = (change: () => Promise<void>) => {
    setError(null);
    change().catch(setError);
  };
  return (
    <RequestsView
      rows={rows}
      highlight={openedRequest()}
      regimeName={(id) => regimeWord(t, id)}
      composer={draft && (identity.state || identity.error ? <ComposerPage key={`${draft.site}|${draft.type}|${identity.state?.locked}`} draft={draft} now={now} /> : <Loading />)}
      followUp={shownFollowUp && (
        <FollowUpPanel view={followUpView(shownFollowUp, followUp.kind, identity.state?.identity ?? null)} onCopy={copyText} onPrint={printLetter} onClose={() => setFollowUp(null)} />
      )}
      notifications={notifications.state}
      onAllowNotifications={notifications.ask}
      onStatus={(id, status) => {
        // A draft marked sent starts its reminders: the first time, ask (from this click) to show them as notifications.
        if (status === 'sent') notifications.askFirstTime();
        attempt(() => actions.setStatus(id, status));
      }}
      onDelivered={(id, day) => attempt(() => actions.setReceived(id, day))}
      onPause={(id, kind, day) => attempt(() => actions.pause(id, kind, day))}
      onResume={(id, day) => attempt(() => actions.resume(id, day))}
      onFollowUp={(id, kind) => setFollowUp({ id, kind })}
      onDelete={(id) => attempt(() => actions.remove(id))}
      error={error}
      onExportIcs={() => requests && actions.exportIcs(requests, locale)}
    />
  );
}

function ComposerPage({ draft, now }: { draft: RequestDraft; now: number }) {
  const identity = useIdentityStore();
  const context = useLiveQuery(() => readLedgerFacts(draft.site, now), [draft.site, now]);
  const source = useMemo<ComposerSource | null>(
    () => context ? { site: draft.site, start: draft.type, identity: identity.state?.identity ?? null, facts: context.facts, policyContact: context.policyContact, now } : null,
    [context, identity.state, draft, now],
  );
  if (!source) return <Loading />;
  return <ComposerLoaded source={source} locked={identity.state?.locked ?? false} />;
}

function ComposerLoaded({ source, locked }: { source: ComposerSource; locked: boolean }) {
  const { model, update } = useComposer(source);
  const identity = useIdentityStore();
  const save = useRequestsStore((s) => s.save);
  const { letter, contact } = model;
  const onSend = async (channel: SendChannel) => {
    if (!letter) return;
    const full = `${letter.subject}\n\n${letter.body}`;
    switch (channel) {
      case 'mailto':
        return; // the link itself hands the letter to the mail client
      case 'mailtoSubjectOnly':
        return copyText(letter.body); // the link then opens the mail client with the subject
      case 'copy':
        return copyText(full);
      case 'eml':
        if (!contact) return;
        downloadText(`request-${source.site}.eml`, buildEml({ from: model.choices.disclose.email ? source.identity?.email || null : null, to: contact.value, subject: letter.subject, body: letter.body, date: Date.now() }), 'message/rfc822');
        return;
      case 'print':
        printLetter();
        return;
      case 'webForm':
        await copyText(letter.body);
        if (contact) openLink(contact.value);
        return;
    }
  };
  return (
    <Composer
      model={model}
      locked={locked}
      today={localIsoDay(Date.now())}
      onChange={update}
      onUnlock={identity.unlock}
      onSend={onSend}
      onSent={async (channel, sentOn, receivedOn) => {
        // Before anything is awaited, while the click still counts as the user's gesture.
        useNotificationsStore.getState().askFirstTime();
        return (await save(requestInput(model, channel, sentOn, receivedOn))).dueDate;
      }}
      onSaveDraft={async () => void (await save(requestInput(model, null, null)))}
    />
  );
}
