import { useState } from 'preact/hooks';
import type { SettingsProblem } from '../../core/settings/problems';
import { takeChosenFile } from '../chosenFile';
import { useT } from '../i18n';
import { describeProblem } from '../settingsProblems';
import { ConfirmButton } from '../ui/ConfirmButton';
import { Icon } from '../ui/Icon';
import { LedgerPanel, type LedgerPanelProps } from './LedgerPanel';
import { Notice } from '../ui/Notice';
import { RefusedFile } from './RefusedFile';
import { failureText } from '../failureText';

export type ImportOutcome = { ok: true } | { ok: false; problems: SettingsProblem[] } | { ok: false; failure: string };

interface DataViewProps {
  onExport: () => Promise<void>;
  onImport: (text: string) => Promise<ImportOutcome>;
  onEraseAll: () => Promise<void>;
  /** The ledger's retention, export and import. */
  ledger: LedgerPanelProps;
}

type Status =
  | { kind: 'exported' }
  | { kind: 'imported'; name: string }
  | { kind: 'refused'; name: string; lines: string[] }
  | { kind: 'erased' }
  | { kind: 'failed'; detail: string }
  | null;

export function DataView({ onExport, onImport, onEraseAll, ledger }: DataViewProps) {
  const t = useT();
  const [status, setStatus] = useState<Status>(null);
  const run = async (action: () => Promise<Status>) => {
    try {
      setStatus(await action());
    } catch (error) {
      setStatus({ kind: 'failed', detail: failureText(t, error) });
    }
  };
  const importFile = (input: HTMLInputElement) => {
    const file = takeChosenFile(input);
    if (!file) return;
    void run(async () => {
      const outcome = await onImport(await file.text());
      if (outcome.ok) return { kind: 'imported', name: file.name };
      const lines = 'problems' in outcome ? outcome.problems.map((p) => describeProblem(p, t)) : [outcome.failure];
      return { kind: 'refused', name: file.name, lines };
    });
  };
  return (
    <>
      <header class="page-header">
        <h1>{t('data.title')}</h1>
        <p class="lead">{t('data.lead')}</p>
      </header>
      <div class="form-stack">
        <section class="panel">
          <h2 class="panel-title"><Icon name="download" />{t('data.export.title')}</h2>
          <p>{t('data.export.body')}</p>
          <button type="button" class="button primary" onClick={() => run(async () => (await onExport(), { kind: 'exported' }))}>
            {t('data.export.button')}
          </button>
        </section>
        <section class="panel">
          <h2 class="panel-title"><Icon name="upload" />{t('data.import.title')}</h2>
          <p>{t('data.import.body')}</p>
          <label class="button secondary file-button">
            {t('data.import.button')}
            <input type="file" accept="application/json,.json" class="visually-hidden" data-testid="import-input"
              onChange={(e) => importFile(e.currentTarget)} />
          </label>
        </section>
        <LedgerPanel {...ledger} />
        <section class="panel danger-zone">
          <h2 class="panel-title"><Icon name="trash" />{t('data.erase.title')}</h2>
          <p>{t('data.erase.body')}</p>
          <ConfirmButton confirmLabel={t('data.erase.confirm')} cancelLabel={t('common.cancel')}
            onConfirm={() => void run(async () => (await onEraseAll(), { kind: 'erased' }))}>
            {t('data.erase.button')}
          </ConfirmButton>
        </section>
        <p class="credits" data-testid="tracker-credits">
          {t('data.credits')}{' '}
          <a href="https://github.com/ghostery/trackerdb" target="_blank" rel="noreferrer">Ghostery Tracker Database</a>
          {' © Ghostery GmbH, '}
          <a href="https://creativecommons.org/licenses/by-nc-sa/4.0/" target="_blank" rel="noreferrer">CC BY-NC-SA 4.0</a>
        </p>
        <div aria-live="polite" data-testid="data-status">
          {status?.kind === 'exported' && <Notice tone="success">{t('data.export.done')}</Notice>}
          {status?.kind === 'imported' && <Notice tone="success">{t('data.import.done', { name: status.name })}</Notice>}
          {status?.kind === 'erased' && <Notice tone="success">{t('data.erase.done')}</Notice>}
          {status?.kind === 'failed' && <Notice tone="error">{t('data.failed', { detail: status.detail })}</Notice>}
          {status?.kind === 'refused' && <RefusedFile title={t('data.import.refused', { name: status.name })} lines={status.lines} />}
        </div>
      </div>
    </>
  );
}
