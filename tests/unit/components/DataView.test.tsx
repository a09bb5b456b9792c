import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { DataView } from '../../../components/dashboard/DataView';
import { EraseSiteButton } from '../../../components/dashboard/EraseSiteButton';
import type { LedgerPanelProps } from '../../../components/dashboard/LedgerPanel';
import { renderIn } from './render';

const file = (text: string, name = 'settings.json') => new File([text], name, { type: 'application/json' });

function ledgerProps(change: Partial<LedgerPanelProps> = {}): LedgerPanelProps {
  return {
    retentionDays: 365, retentionChoices: [30, 90, 180, 365, 730, null],
    onRetention: vi.fn(), onExport: vi.fn(async () => {}), onImport: vi.fn(async () => ({ ok: true as const, added: {}, skipped: 0 })),
    ...change,
  };
}

function choose(input: HTMLElement, f: File) {
  Object.defineProperty(input, 'files', { value: [f], configurable: true });
  fireEvent.change(input);
}

describe('DataView', () => {
  it('lists every problem of a refused import and says nothing changed', async () => {
    const onImport = vi.fn(async () => ({
      ok: false as const,
      problems: [
        { kind: 'field' as const, path: 'gpc', reason: 'wrongType' as const, expected: 'boolean' },
        { kind: 'field' as const, path: 'surprise', reason: 'unknownField' as const },
      ],
    }));
    renderIn(<DataView onExport={vi.fn()} onImport={onImport} onEraseAll={vi.fn()} ledger={ledgerProps()} />);
    choose(screen.getByTestId('import-input'), file('{"x":1}'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('settings.json was not imported. Nothing was changed.'));
    expect(onImport).toHaveBeenCalledWith('{"x":1}');
    expect(screen.getByText('gpc has the wrong type (expected boolean).')).toBeTruthy();
    expect(screen.getByText('surprise is not a setting Privacy Ledger knows.')).toBeTruthy();
  });

  it('confirms success', async () => {
    renderIn(<DataView onExport={vi.fn()} onImport={vi.fn(async () => ({ ok: true as const }))} onEraseAll={vi.fn()} ledger={ledgerProps()} />);
    choose(screen.getByTestId('import-input'), file('{}'));
    await waitFor(() => expect(screen.getByText('Settings imported from settings.json.')).toBeTruthy());
  });

  it('erases only after a second, explicit confirmation', async () => {
    const onEraseAll = vi.fn(async () => {});
    renderIn(<DataView onExport={vi.fn()} onImport={vi.fn()} onEraseAll={onEraseAll} ledger={ledgerProps()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Erase everything…' }));
    expect(onEraseAll).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, erase everything' }));
    await waitFor(() => expect(screen.getByText('Everything was erased.')).toBeTruthy());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Erase everything…' }));
    expect(onEraseAll).toHaveBeenCalledOnce();
  });

  it('reports a failure in words', async () => {
    renderIn(<DataView onExport={vi.fn(async () => { throw new Error('quota exceeded'); })} onImport={vi.fn()} onEraseAll={vi.fn()} ledger={ledgerProps()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export to a file' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('quota exceeded'));
  });

  it('credits the tracker dataset with its licence, linked', () => {
    renderIn(<DataView onExport={vi.fn()} onImport={vi.fn()} onEraseAll={vi.fn()} ledger={ledgerProps()} />);
    const credits = screen.getByTestId('tracker-credits');
    expect(credits.textContent).toContain('Ghostery Tracker Database © Ghostery GmbH, CC BY-NC-SA 4.0');
    const links = [...credits.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://github.com/ghostery/trackerdb', 'https://creativecommons.org/licenses/by-nc-sa/4.0/']);
  });
});

describe('the ledger panel', () => {
  const render = (change: Partial<LedgerPanelProps> = {}) => {
    const props = ledgerProps(change);
    renderIn(<DataView onExport={vi.fn()} onImport={vi.fn()} onEraseAll={vi.fn()} ledger={props} />);
    return props;
  };

  it('offers every retention and says which is chosen', () => {
    const props = render({ retentionDays: null });
    const select = screen.getByLabelText('Keep records for') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['30 days', '90 days', '180 days', '365 days', '730 days', 'Forever']);
    expect(select.value).toBe('forever');
    fireEvent.change(select, { target: { value: '30' } });
    expect(props.onRetention).toHaveBeenCalledWith(30);
    fireEvent.change(select, { target: { value: 'forever' } });
    expect(props.onRetention).toHaveBeenLastCalledWith(null);
  });

  it('exports JSON and CSV', async () => {
    const props = render();
    fireEvent.click(screen.getByRole('button', { name: 'Export ledger (CSV)' }));
    await waitFor(() => expect(screen.getByText('Ledger exported.')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Export ledger (JSON)' }));
    await waitFor(() => expect(props.onExport).toHaveBeenCalledTimes(2));
    expect(vi.mocked(props.onExport).mock.calls).toEqual([['csv'], ['json']]);
  });

  it('lists every problem of a refused ledger file and says nothing changed', async () => {
    render({ onImport: vi.fn(async () => ({ ok: false as const, problems: [
      { path: 'tables.events[12].at', reason: 'wrongType' as const, expected: 'number', message: 'x' },
      { path: '(file)', reason: 'moreProblems' as const, expected: '7', message: 'x' },
    ] })) });
    choose(screen.getByTestId('ledger-import-input'), file('{}', 'ledger.json'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('ledger.json was not imported. Nothing was changed.'));
    expect(screen.getByText('tables.events[12].at has the wrong type (expected number).')).toBeTruthy();
    expect(screen.getByText('…and 7 more problems.')).toBeTruthy();
  });

  it('sums up what an import added', async () => {
    render({ onImport: vi.fn(async () => ({ ok: true as const, added: { sites: 2, events: 5 }, skipped: 3 })) });
    choose(screen.getByTestId('ledger-import-input'), file('{}', 'ledger.json'));
    await waitFor(() => expect(screen.getByText('Ledger imported from ledger.json: 7 records added, 3 records already here.')).toBeTruthy());
  });

  it('says "record" for one', async () => {
    render({ onImport: vi.fn(async () => ({ ok: true as const, added: { sites: 0, events: 1 }, skipped: 1 })) });
    choose(screen.getByTestId('ledger-import-input'), file('{}', 'ledger.json'));
    await waitFor(() => expect(screen.getByText('Ledger imported from ledger.json: 1 record added, 1 record already here.')).toBeTruthy());
  });
});

describe('EraseSiteButton', () => {
  it('erases the site only after confirmation, and says so', async () => {
    const onErase = vi.fn(async () => {});
    renderIn(<EraseSiteButton site="shop.test" onErase={onErase} />);
    fireEvent.click(screen.getByRole('button', { name: 'Erase this site…' }));
    expect(screen.getByText('Erase everything recorded about shop.test? Your rules for the site stay.')).toBeTruthy();
    // The keyboard focus follows the buttons that replace each other.
    // Cancel, not the erasing button: a second Enter must not erase.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onErase).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Erase this site…' })));
    fireEvent.click(screen.getByRole('button', { name: 'Erase this site…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, erase this site' }));
    await waitFor(() => expect(screen.getByText('Everything recorded about shop.test was erased.')).toBeTruthy());
    // Back on the button, also after an erase that had to wait.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Erase this site…' }));
    expect(onErase).toHaveBeenCalledOnce();
  });

  it('reports a failure in words', async () => {
    renderIn(<EraseSiteButton site="shop.test" onErase={vi.fn(async () => { throw new Error('busy'); })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Erase this site…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, erase this site' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('busy'));
  });
});
