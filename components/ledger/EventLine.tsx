import type { ConsentRecord } from '../../core/consent/record';
import type { CookieViolationData, FormFieldsData, GpcDeclarationData, PermissionPromptData, PolicyChangedData, PolicyReadData, RequestSentData } from '../../core/ledger/eventData';
import type { LedgerEvent } from '../../core/ledger/records';
import type { MessageKey, Translate } from '../../core/i18n/translate';
import { formatDay, formatList } from '../format';
import { useT } from '../i18n';
import { fieldName, permissionName, permissionResult, purposeWord } from './words';
import { fieldWord } from '../policy/words';

/** The page a URL names, without the site: "/checkout". */
export function pathOf(url: string | undefined): string {
  if (!url) return '';
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

const OUTCOMES = ['respected', 'notRespected', 'unverified', 'leftAlone', 'failed', 'working'];

/** One event in plain words. Events are stored data: every field is read defensively, and unknown kinds get a generic line. */
export function describeEvent(t: Translate, event: LedgerEvent): string {
  const data = (event.data ?? {}) as Record<string, unknown>;
  switch (event.kind) {
    case 'consent.answer': {
      const record = data as unknown as Partial<ConsentRecord>;
      const outcome = OUTCOMES.includes(record.outcome ?? '') ? record.outcome! : 'working';
      return t(`event.consent.${outcome}` as MessageKey, { cmp: record.cmp ?? t('consent.unknownBanner') });
    }
    case 'gpc.declaration':
      return t((data as unknown as GpcDeclarationData).declared ? 'event.gpc.declared' : 'event.gpc.notDeclared');
    case 'cookie.violation': {
      const v = data as unknown as CookieViolationData;
      return t('event.cookieViolation', { purpose: purposeWord(t, v.purpose), name: String(v.name), domain: String(v.domain) });
    }
    case 'form.fields': {
      const f = data as unknown as FormFieldsData;
      const fields = formatList((f.fields ?? []).map((x) => fieldName(t, x.kind).toLocaleLowerCase(t.locale)), t.locale);
      const line = t('event.formFields', { fields, page: pathOf(f.url) });
      return f.insecureSubmit ? `${line} ${t('event.formFields.insecure')}` : line;
    }
    case 'permission.prompt': {
      const p = data as unknown as PermissionPromptData;
      return t('event.permission', { permission: permissionName(t, p.permission).toLocaleLowerCase(t.locale), result: permissionResult(t, p.result) });
    }
    case 'request.sent': {
      const r = data as unknown as RequestSentData;
      const type = t(`request.type.${r.type}` as MessageKey);
      const words = { type: type.startsWith('request.type.') ? String(r.type) : type, to: String(r.to ?? '') };
      // A letter by post whose delivery day was not known yet: no due day when it went out.
      if (r.dueDate === null && typeof r.type === 'string') return t(r.to ? 'event.requestSent.byPost.to' : 'event.requestSent.byPost', words);
      return t(r.to ? 'event.requestSent.to' : 'event.requestSent', { ...words, date: formatDay(String(r.dueDate), t.locale, true) });
    }
    case 'policy.read':
      return t('event.policy.read', { url: String((data as unknown as PolicyReadData).url ?? '') });
    case 'policy.changed': {
      const changes = (data as unknown as PolicyChangedData).changes ?? [];
      if (!changes.length) return t('event.policy.changedText');
      return t('event.policy.changed', { fields: formatList(changes.map((c) => fieldWord(t, String(c.field))), t.locale) });
    }
    default:
      return t('event.other', { kind: event.kind });
  }
}

export function EventLine({ event }: { event: LedgerEvent }) {
  const t = useT();
  let text: string;
  try {
    text = describeEvent(t, event);
  } catch {
    text = t('event.other', { kind: event.kind });
  }
  return <span class={`event-line event-${event.kind.replace(/[^a-z]/gi, '-')}`} data-kind={event.kind}>{text}</span>;
}
