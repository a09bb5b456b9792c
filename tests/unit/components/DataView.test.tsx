import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { DataView } from '../../../components/dashboard/DataView';
import { renderIn } from './render';

const file = (text: string) => new File([text], 'settings.json', { type: 'application/json' });

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
    renderIn(<DataView onExport={vi.fn()} onImport={onImport} onEraseAll={vi.fn()} />);
    choose(screen.getByTestId('import-input'), file('{"x":1}'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('settings.json was not imported. Nothing was changed.'));
    expect(onImport).toHaveBeenCalledWith('{"x":1}');
    expect(screen.getByText('gpc has the wrong type (expected boolean).')).toBeTruthy();
    expect(screen.getByText('surprise is not a setting Privacy Ledger knows.')).toBeTruthy();
  });

  it('confirms success', async () => {
    renderIn(<DataView onExport={vi.fn()} onImport={vi.fn(async () => ({ ok: true as const }))} onEraseAll={vi.fn()} />);
    choose(screen.getByTestId('import-input'), file('{}'));
    await waitFor(() => expect(screen.getByText('Settings imported from settings.json.')).toBeTruthy());
  });

  it('erases only after a second, explicit confirmation', async () => {
    const onEraseAll = vi.fn(async () => {});
    renderIn(<DataView onExport={vi.fn()} onImport={vi.fn()} onEraseAll={onEraseAll} />);
    fireEvent.click(screen.getByRole('button', { name: 'Erase everything…' }));
    expect(onEraseAll).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, erase everything' }));
    await waitFor(() => expect(screen.getByText('Everything was erased.')).toBeTruthy());
    expect(onEraseAll).toHaveBeenCalledOnce();
  });

  it('reports a failure in words', async () => {
    renderIn(<DataView onExport={vi.fn(async () => { throw new Error('quota exceeded'); })} onImport={vi.fn()} onEraseAll={vi.fn()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export to a file' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('quota exceeded'));
  });

  it('credits the tracker dataset with its licence, linked', () => {
    renderIn(<DataView onExport={vi.fn()} onImport={vi.fn()} onEraseAll={vi.fn()} />);
    const credits = screen.getByTestId('tracker-credits');
    expect(credits.textContent).toContain('Ghostery Tracker Database © Ghostery GmbH, CC BY-NC-SA 4.0');
    const links = [...credits.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://github.com/ghostery/trackerdb', 'https://creativecommons.org/licenses/by-nc-sa/4.0/']);
  });
});
