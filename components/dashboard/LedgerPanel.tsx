import { useState } from 'preact/hooks';
import type { LedgerProblem } from '../../core/ledger/importProblems';
import type { RetentionDays } from '../../core/settings/schema';
import { takeChosenFile } from '../chosenFile';
import { formatNumber } from '../format';
import { useT } from '../i18n';
import { describeLedgerProblem } from '../ledgerProblems';
import { Icon } from '../ui/Icon';
import { Notice } from '../ui/Notice';
import { RefusedFile } from './RefusedFile';
import { failureText } from '../failureText';

export type LedgerImportOutcome =
  | { ok: true; added: Record<string, number>; skipped: number }
  | { ok: false; problems: LedgerProblem[] };

export interface LedgerPanelProps {
  retentionDays: RetentionDays;
  retentionChoices: readonly RetentionDays[];
  onRetention: (days: RetentionDays) => void;
  onExport: (format: 'json' | 'csv') => Promise<void>;
  onImport: (text: string) => Promise<LedgerImportOutcome>;
}

type Status =
  | { kind: 'exported' }
  | { kind: 'imported'; name: string; added: number; skipped: number }
  | { kind: 'refused'; name: string; lines: string[] }
  | { kind: 'failed'; detail: string }
  | null;

/** The ledger itself: how long it is kept, and moving it out of and into the extension. */
export function LedgerPanel({ retentionDays, retentionChoices, onRetention, onExport, onImport }: LedgerPanelProps) {
  const t = useT();
  const records = (count: number) => t('ledger.import.records', { count, shown: formatNumber(count, t.locale) });
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<Status>) => {
    setBusy(true);
    try {
      setStatus(await action());
    } catch (error) {
      setStatus({ kind: 'failed', detail: failureText(t, error) });
    } finally {
      setBusy(false);
    }
  };
  const importFile = (input: HTMLInputElement) => {
    const file = takeChosenFile(input);
    if (!file) return;
    void run(async () => {
      const outcome = await onImport(await file.text());
      if (!outcome.ok) return { kind: 'refused', name: file.name, lines: outcome.problems.map((p) => describeLedgerProblem(p, t)) };
      const added = Object.values(outcome.added).reduce((sum, n) => sum + n, 0);
      return { kind: 'imported', name: file.name, added, skipped: outcome.skipped };
    });
  };
  return (
    <section class="panel" aria-labelledby="ledger-title">
      <h2 class="panel-title" id="ledger-title"><Icon name="database" />{t('ledger.title')}</h2>
      <p>{t('ledger.body')}</p>
      <label class="select">
        <span>{t('ledger.retention')}</span>
        <select
          value={retentionDays === null ? 'forever' : String(retentionDays)}
          onChange={(e) => onRetention(e.currentTarget.value === 'forever' ? null : (Number(e.currentTarget.value) as RetentionDays))}
        >
          {retentionChoices.map((days) => (
            <option key={String(days)} value={days === null ? 'forever' : String(days)}>
              {days === null ? t('ledger.retention.forever') : t('ledger.retention.days', { count: days })}
            </option>
          ))}
        </select>
      </label>
      <p class="field-hint">{t('ledger.retention.hint')}</p>
      <div class="actions">
        <button type="button" class="button primary" disabled={busy} onClick={() => run(async () => (await onExport('json'), { kind: 'exported' }))}>
          <Icon name="download" />{t('ledger.export.json')}
        </button>
        <button type="button" class="button secondary" disabled={busy} onClick={() => run(async () => (await onExport('csv'), { kind: 'exported' }))}>
          <Icon name="download" />{t('ledger.export.csv')}
        </button>
        <label class="button secondary file-button">
          <Icon name="upload" />{t('ledger.import.button')}
          <input type="file" accept="application/json,.json" class="visually-hidden" data-testid="ledger-import-input" disabled={busy}
            onChange={(e) => importFile(e.currentTarget)} />
        </label>
      </div>
      <p class="field-hint">{t('ledger.import.body')}</p>
      <div aria-live="polite" data-testid="ledger-status">
        {busy && <p>{t('ledger.working')}</p>}
        {status?.kind === 'exported' && <Notice tone="success">{t('ledger.export.done')}</Notice>}
        {status?.kind === 'imported' && (
          <Notice tone="success">{t('ledger.import.done', { name: status.name, added: records(status.added), skipped: records(status.skipped) })}</Notice>
        )}
        {status?.kind === 'failed' && <Notice tone="error">{t('data.failed', { detail: status.detail })}</Notice>}
        {status?.kind === 'refused' && <RefusedFile title={t('ledger.import.refused', { name: status.name })} lines={status.lines} />}
      </div>
    </section>
  );
}
