import type { LedgerRow, LedgerTable } from './tables';

/**
 * One line of plain words per row, for the CSV's `summary` column: the key
 * facts a person scanning a spreadsheet wants, in English (the JSON of the
 * whole row sits next to it).
 */
export function summarizeRow<T extends LedgerTable>(table: T, row: LedgerRow<T>): string {
  switch (table) {
    case 'sites': {
      const s = row as LedgerRow<'sites'>;
      return join([
        plural(s.visits, 'visit'),
        plural(s.thirdParties, 'third party', 'third parties'),
        plural(s.cookies, 'cookie'),
        s.violations ? plural(s.violations, 'cookie set against a refusal', 'cookies set against a refusal') : '',
        s.fields.length ? `forms asked for ${s.fields.join(', ')}` : '',
        s.permissions.length ? `asked permission for ${s.permissions.join(', ')}` : '',
      ]);
    }
    case 'events': {
      const e = row as LedgerRow<'events'>;
      return summarizeEvent(e.kind, e.data);
    }
    case 'cookies': {
      const c = row as LedgerRow<'cookies'>;
      return join([
        `${c.name} on ${c.domain}`,
        c.firstParty ? 'first party' : 'third party',
        c.purpose,
        c.session ? 'session' : c.lifetimeDays === null ? '' : `kept ${Math.round(c.lifetimeDays)} days`,
        plural(c.times, 'time set', 'times set'),
        c.violation ? `set against your refusal of ${c.violation.purpose}` : '',
      ]);
    }
    case 'thirdParties': {
      const t = row as LedgerRow<'thirdParties'>;
      return join([`${t.party}: ${plural(t.requests, 'request')} on ${t.day}`, t.org ?? '', t.category ?? '']);
    }
    case 'policies': {
      const p = row as LedgerRow<'policies'>;
      if (p.status && p.status !== 'ok') return join([`privacy policy not read: ${p.status}`, p.detail ?? '', p.url]);
      const s = p.summary;
      return join([
        `privacy policy ${p.url} (${p.text.length} characters)`, p.language ?? '',
        s?.bestContact ? `contact ${s.bestContact.value.value}` : '', s ? `sale: ${s.sale.value}` : '',
        p.changes?.length ? `changed: ${p.changes.map((c) => c.field).join(' ')}` : '',
      ]);
    }
    case 'requests': {
      const r = row as LedgerRow<'requests'>;
      return `${r.type} request under ${r.regime}: ${r.status}`;
    }
  }
  return '';
}

/** Events whose details we know are described; for others, their simple top-level fields. */
export function summarizeEvent(kind: string, data: unknown): string {
  const d = (typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {}) as Record<string, unknown>;
  if (kind === 'consent.answer') {
    return join([String(d.cmp ?? 'banner'), String(d.outcome ?? ''), d.method ? `by ${String(d.method)}` : '', d.reason ? `because ${String(d.reason)}` : '']);
  }
  if (kind === 'policy.changed' && Array.isArray(d.changes)) {
    const fields = d.changes.map((c: unknown) => String((c as { field?: unknown } | null)?.field ?? '')).filter(Boolean);
    return join([`privacy policy changed${fields.length ? `: ${fields.join(' ')}` : ''}`, String(d.url ?? '')]);
  }
  if (kind === 'gpc.declaration') return d.declared === true ? 'declares it honours Global Privacy Control' : 'does not declare Global Privacy Control';
  return join(
    Object.entries(d)
      .filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))
      .slice(0, 6)
      .map(([k, v]) => `${k}: ${String(v)}`),
  );
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const join = (parts: string[]) => parts.filter(Boolean).join(', ');
