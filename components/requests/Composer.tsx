import { useState } from 'preact/hooks';
import type { MessageKey } from '../../core/i18n/translate';
import type { UnlockResult } from '../../core/messaging/protocol';
import type {
  CompanyRecord, ContactCandidate, DeadlineResult, LedgerFacts, Letter, LetterLanguage, MailtoResult, RegimeChoice, RegimeId, RequestType, RequestTypeSpec, UiText,
} from '../../core/requests/types';
import type { Identity } from '../../core/settings/schema';
import { formatDay } from '../format';
import { useT } from '../i18n';
import { Notice } from '../ui/Notice';
import { FactsReview } from './FactsReview';
import { UnlockForm } from './UnlockForm';
import './requests.css';
import { failureText } from '../failureText';
import { isDay } from './isDay';
import { regimeWord } from './regimeWord';

/** What the composer shows; the dashboard's composer store derives it (stores/requestsComposer.ts). */
export interface ComposerViewModel {
  site: string;
  company: CompanyRecord | null;
  companyName: string;
  regimeChoice: RegimeChoice;
  regimes: { id: RegimeId; name: string }[];
  types: RequestTypeSpec[];
  contacts: ContactCandidate[];
  contact: ContactCandidate | null;
  letter: Letter | null;
  letterError: string | null;
  mailto: MailtoResult | null;
  /** When the full link is too long: a link with the subject only (the body goes through the clipboard). */
  shortMailto: string | null;
  deadline: DeadlineResult;
  deadlineCitation: UiText;
  /** Addressed to a postal address: the period runs from the delivery day, which the user gives. */
  byPost: boolean;
  /** The period to answer in ("one month"). */
  deadlinePeriod: UiText;
  choices: {
    regime: RegimeId;
    type: RequestType;
    language: LetterLanguage;
    contact: number;
    typedContact: string;
    disclose: { name: boolean; email: boolean; postalAddress: boolean; accounts: boolean[] };
  };
  facts: LedgerFacts;
  identity: Identity | null;
}

export type SendChannel = 'mailto' | 'mailtoSubjectOnly' | 'copy' | 'eml' | 'print' | 'webForm';
type StoredChannel = 'mailto' | 'copy' | 'eml' | 'print' | 'webForm';

interface ComposerProps {
  model: ComposerViewModel;
  /** The identity is sealed and not unlocked in this session. */
  locked: boolean;
  today: string;
  onChange: (patch: Partial<ComposerViewModel['choices']>) => void;
  onUnlock: (passphrase: string) => Promise<UnlockResult>;
  /** Performs the channel's action (copy, download, print, open); the mailto link itself is followed by the browser. */
  onSend: (channel: SendChannel) => Promise<void>;
  /** The user says the request went out on a day: store it as sent. Resolves to its due day. */
  /** `receivedOn`: by post, the day the letter was delivered, if the user gave it. Resolves to the due day, if one is known. */
  onSent: (channel: StoredChannel, sentOn: string, receivedOn: string | null) => Promise<string | null>;
  onSaveDraft: () => Promise<void>;
}

const LANGUAGES: { id: LetterLanguage; label: string }[] = [
  { id: 'vi', label: 'Tiếng Việt' }, { id: 'en', label: 'English' }, { id: 'de', label: 'Deutsch' }, { id: 'fr', label: 'Français' },
];

const typeKey = (type: RequestType) => `request.type.${type}` as MessageKey;

export function Composer({ model, locked, today, onChange, onUnlock, onSend, onSent, onSaveDraft }: ComposerProps) {
  const t = useT();
  const [pending, setPending] = useState<StoredChannel | null>(null);
  const [notice, setNotice] = useState<{ tone: 'info' | 'success' | 'error'; text: string } | null>(null);
  const [sentOn, setSentOn] = useState(today);
  const [receivedOn, setReceivedOn] = useState('');
  const { choices, contact, letter, mailto } = model;
  const primaryTypes = model.types.filter((s) => s.primary);
  const otherTypes = model.types.filter((s) => !s.primary);
  const act = async (channel: SendChannel, stored: StoredChannel, message?: MessageKey) => {
    try {
      await onSend(channel);
      setPending(stored);
      setNotice(message ? { tone: 'info', text: t(message) } : null);
    } catch (error) {
      setNotice({ tone: 'error', text: t('composer.sendFailed', { detail: failureText(t, error) }) });
    }
  };
  const confirm = async () => {
    if (!pending) return;
    try {
      const due = await onSent(pending, sentOn, model.byPost && receivedOn ? receivedOn : null);
      setPending(null);
      const text = due ? t('composer.recorded', { date: formatDay(due, t.locale, true) }) : t(model.byPost ? 'composer.recordedAwaitingDelivery' : 'composer.recordedNoDue');
      setNotice({ tone: 'success', text });
    } catch (error) {
      setNotice({ tone: 'error', text: t('composer.sendFailed', { detail: failureText(t, error) }) });
    }
  };
  // Days that have happened; by post, a delivery day is optional, and never before the day of posting.
  const ready = isDay(sentOn) && sentOn <= today && (!model.byPost || receivedOn === '' || (isDay(receivedOn) && receivedOn >= sentOn && receivedOn <= today));
  const identity = model.identity;
  // A letter is signed: without a name there is none to show, which is the user's to fix, not an error.
  const needsName = !identity?.name.trim() || !choices.disclose.name;
  return (
    <section class="panel composer" aria-labelledby="composer-title" data-testid="composer">
      <h2 id="composer-title" class="panel-title">{t('composer.title', { site: model.site })}</h2>
      {locked && (
        <Notice tone="info">
          <p>{t('composer.locked')}</p>
          <UnlockForm onUnlock={onUnlock} />
        </Notice>
      )}
      <div class="form-grid composer-grid">
        <label class="field">
          <span class="field-label">{t('composer.regime')}</span>
          <select data-testid="composer-regime" value={choices.regime} onChange={(e) => onChange({ regime: e.currentTarget.value as RegimeId })}>
            {model.regimes.map((r) => <option key={r.id} value={r.id}>{regimeWord(t, r.id)}</option>)}
          </select>
          <span class="field-hint" data-testid="composer-regime-reason">
            {t(`composer.regime.${model.regimeChoice.reason}` as MessageKey, { regime: regimeWord(t, model.regimeChoice.regime) })}
          </span>
          <span class="field-hint" data-testid="composer-regime-applies">{t(`regime.appliesTo.${choices.regime}` as MessageKey)}</span>
        </label>
        <label class="field">
          <span class="field-label">{t('composer.language')}</span>
          <select data-testid="composer-language" value={choices.language} onChange={(e) => onChange({ language: e.currentTarget.value as LetterLanguage })}>
            {LANGUAGES.map((l) => <option key={l.id} value={l.id}>{l.label}</option>)}
          </select>
        </label>
        <fieldset class="wide type-pick">
          <legend class="field-label">{t('composer.type')}</legend>
          <div class="actions">
            {primaryTypes.map((s) => (
              <button key={s.type} type="button" class={`button ${s.type === choices.type ? 'primary' : 'secondary'}`} aria-pressed={s.type === choices.type}
                onClick={() => onChange({ type: s.type })}>{t(typeKey(s.type))}</button>
            ))}
            <label class="inline-field">
              <span>{t('composer.type.more')}</span>
              <select data-testid="composer-type" value={choices.type} onChange={(e) => onChange({ type: e.currentTarget.value as RequestType })}>
                {[...primaryTypes, ...otherTypes].map((s) => <option key={s.type} value={s.type}>{t(typeKey(s.type))}</option>)}
              </select>
            </label>
          </div>
        </fieldset>
        <fieldset class="wide">
          <legend class="field-label">{t('composer.contact')}</legend>
          {model.contacts.length === 0 && <p class="muted">{t('composer.contact.none')}</p>}
          {model.contacts.map((c, i) => (
            <label class="choice" key={`${c.source}:${c.value}`}>
              <input type="radio" name="contact" checked={contact === c} onChange={() => onChange({ contact: i })} />
              <span>
                <strong data-testid="composer-contact-value">{c.value}</strong>{' '}
                <span class="muted" data-testid="composer-contact-source">
                  {t(`composer.contact.source.${c.source}` as MessageKey)} · {t('composer.contact.confidence', { percent: Math.round(c.confidence * 100) })}
                  {c.quality ? ` · ${t('composer.contact.quality', { quality: c.quality })}` : ''}
                  {c.credit ? ` · ${c.credit}` : ''}
                </span>
              </span>
            </label>
          ))}
          <label class="field">
            <span class="field-hint">{t('composer.contact.type')}</span>
            <input type="text" data-testid="composer-contact-typed" value={choices.typedContact} placeholder="privacy@example.com"
              onInput={(e) => onChange({ typedContact: e.currentTarget.value })} />
          </label>
        </fieldset>
        <fieldset class="wide">
          <legend class="field-label">{t('composer.disclose')}</legend>
          <p class="field-hint">{t('composer.disclose.hint')}</p>
          {!identity && !locked && <p class="muted">{t('composer.identity.empty')} <a href="#/identity">{t('nav.identity')}</a></p>}
          {identity && (
            <div class="disclose">
              {identity.name && <Check label={`${t('identity.name')}: ${identity.name}`} checked={choices.disclose.name} onChange={(v) => onChange({ disclose: { ...choices.disclose, name: v } })} />}
              {identity.email && <Check label={`${t('identity.email')}: ${identity.email}`} checked={choices.disclose.email} onChange={(v) => onChange({ disclose: { ...choices.disclose, email: v } })} />}
              {identity.postalAddress && <Check label={`${t('identity.address')}: ${identity.postalAddress}`} checked={choices.disclose.postalAddress} onChange={(v) => onChange({ disclose: { ...choices.disclose, postalAddress: v } })} />}
              {identity.accountIds.map((a, i) => (
                <Check key={i} label={`${a.label}: ${a.value}`} checked={choices.disclose.accounts[i] ?? false}
                  onChange={(v) => onChange({ disclose: { ...choices.disclose, accounts: identity.accountIds.map((_, j) => (j === i ? v : (choices.disclose.accounts[j] ?? false))) } })} />
              ))}
            </div>
          )}
        </fieldset>
      </div>

      <FactsReview facts={model.facts} />

      <h3>{t('composer.preview')}</h3>
      {model.letterError && (
        <Notice tone={needsName ? 'info' : 'error'}>
          <span data-testid="composer-letter-missing">{needsName ? t(locked ? 'composer.needUnlock' : 'composer.needName') : t('composer.letterError', { detail: model.letterError })}</span>
        </Notice>
      )}
      {letter && (
        <div class="letter-print">
          <p class="letter-subject" data-testid="composer-subject">{letter.subject}</p>
          <pre class="letter-sheet" data-testid="composer-letter">{letter.body}</pre>
        </div>
      )}
      <p class="field-hint" data-testid="composer-deadline">
        {model.byPost
          ? t('composer.deadline.postal', { period: model.deadlinePeriod[t.locale], citation: model.deadlineCitation[t.locale] })
          : t('composer.deadline', { date: formatDay(model.deadline.dueDate, t.locale, true), citation: model.deadlineCitation[t.locale] })}
      </p>
      {!model.deadline.statutory && <p class="field-hint" data-testid="composer-deadline-note">{t('composer.deadline.notStatutory')}</p>}
      {model.deadline.statutory && !model.deadline.confirmed && <p class="field-hint" data-testid="composer-deadline-note">{t('composer.deadline.unconfirmed')}</p>}

      {letter && (
        <div class="actions send-actions">
          {mailto && 'url' in mailto && contact && (
            <a class="button primary" data-testid="send-mailto" href={mailto.url} onClick={() => void act('mailto', 'mailto')}>{t('composer.send.mailto', { to: contact.value })}</a>
          )}
          {mailto && 'tooLong' in mailto && model.shortMailto && (
            <a class="button primary" data-testid="send-mailto-short" href={model.shortMailto} onClick={() => void act('mailtoSubjectOnly', 'mailto', 'composer.send.tooLong')}>
              {t('composer.send.mailtoShort')}
            </a>
          )}
          {contact?.channel === 'webForm' && (
            <button type="button" class="button primary" onClick={() => void act('webForm', 'webForm', 'composer.send.webFormCopied')}>{t('composer.send.webForm')}</button>
          )}
          <button type="button" class="button secondary" onClick={() => void act('copy', 'copy', 'composer.send.copied')}>{t('composer.send.copy')}</button>
          <button type="button" class="button secondary" disabled={contact?.channel !== 'email'} onClick={() => void act('eml', 'eml')}>{t('composer.send.eml')}</button>
          <button type="button" class="button secondary" onClick={() => void act('print', 'print')}>{t('composer.send.print')}</button>
          <button type="button" class="button link" onClick={() => void onSaveDraft().then(() => setNotice({ tone: 'success', text: t('composer.draftSaved') }))}>{t('composer.saveDraft')}</button>
        </div>
      )}
      {notice && <Notice tone={notice.tone}><span data-testid="composer-notice">{notice.text}</span></Notice>}
      {pending && (
        <div class="panel confirm-sent" role="group" aria-labelledby="confirm-sent-title" data-testid="confirm-sent">
          <p id="confirm-sent-title"><strong>{t('composer.didSend')}</strong></p>
          <label class="inline-field">
            <span>{t(model.byPost ? 'composer.sentOn.postal' : 'composer.sentOn')}</span>
            <input type="date" data-testid="confirm-sent-on" value={sentOn} max={today} onInput={(e) => setSentOn(e.currentTarget.value)} />
          </label>
          {model.byPost && (
            <label class="inline-field">
              <span>{t('composer.receivedOn')}</span>
              <input type="date" data-testid="confirm-received-on" value={receivedOn} min={sentOn} max={today} onInput={(e) => setReceivedOn(e.currentTarget.value)} />
            </label>
          )}
          <div class="actions">
            <button type="button" class="button primary" disabled={!ready} onClick={() => void confirm()}>{t('composer.didSend.yes')}</button>
            <button type="button" class="button secondary" onClick={() => setPending(null)}>{t('composer.didSend.no')}</button>
          </div>
          <p class="field-hint">{t(model.byPost ? 'composer.didSend.postalHint' : 'composer.didSend.hint')}</p>
        </div>
      )}
    </section>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (value: boolean) => void }) {
  return (
    <label class="choice">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
      <span>{label}</span>
    </label>
  );
}
