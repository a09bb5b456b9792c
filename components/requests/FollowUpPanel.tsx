import type { RequestRecord } from '../../core/ledger/records';
import type { Authority, ChecklistItem, FollowUpKind, Letter } from '../../core/requests/types';
import { useT } from '../i18n';
import { Notice } from '../ui/Notice';
import { focusWhenShown } from '../ui/focus';

/** A follow-up of a tracked request: the reminder or complaint letter, or the checklist for judging a reply. */
export interface FollowUpView {
  record: RequestRecord;
  kind: FollowUpKind | 'checklist';
  letter: Letter | null;
  error: string | null;
  authority: Authority | null;
  checklist: ChecklistItem[];
}

interface FollowUpPanelProps {
  view: FollowUpView;
  onCopy: (text: string) => Promise<void>;
  onPrint: () => void;
  onClose: () => void;
}

export function FollowUpPanel({ view, onCopy, onPrint, onClose }: FollowUpPanelProps) {
  const t = useT();
  const { letter, authority } = view;
  return (
    <section class="panel follow-up" aria-labelledby="follow-up-title" data-testid="follow-up">
      <h2 id="follow-up-title" class="panel-title" tabIndex={-1} ref={focusWhenShown}>{t(`requests.followUp.${view.kind}`)} · {view.record.site}</h2>
      {view.error && <Notice tone="error">{t('composer.letterError', { detail: view.error })}</Notice>}
      {view.kind === 'checklist' ? (
        <>
          <p class="field-hint">{t('requests.checklist.hint')}</p>
          <ul class="checklist" data-testid="reply-checklist">
            {view.checklist.map((item) => (
              <li key={item.id}>
                <label class="choice">
                  <input type="checkbox" />
                  <span>{item.label[t.locale]} <span class="muted">({item.citation[t.locale]})</span></span>
                </label>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          {view.kind === 'complaint' && (
            authority ? (
              <p data-testid="follow-up-authority">
                {t('requests.complaint.to', { name: authority.name })}{' '}
                {authority.email && <a href={`mailto:${authority.email}`}>{authority.email}</a>}{' '}
                {authority.webForm && <a href={authority.webForm} target="_blank" rel="noreferrer">{t('requests.complaint.webForm')}</a>}
                <span class="muted"> · {authority.credit}</span>
              </p>
            ) : <p class="muted">{t('requests.complaint.noAuthority')}</p>
          )}
          {letter && (
            <div class="letter-print">
              <p class="letter-subject">{letter.subject}</p>
              <pre class="letter-sheet" data-testid="follow-up-letter">{letter.body}</pre>
            </div>
          )}
        </>
      )}
      <div class="actions">
        {letter && view.kind !== 'checklist' && (
          <button type="button" class="button primary" onClick={() => void onCopy(`${letter.subject}\n\n${letter.body}`)}>{t('composer.send.copy')}</button>
        )}
        {letter && view.kind !== 'checklist' && <button type="button" class="button secondary" onClick={onPrint}>{t('composer.send.print')}</button>}
        <button type="button" class="button link" onClick={onClose}>{t('common.close')}</button>
      </div>
    </section>
  );
}
