import { screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { StorageFullNotice } from '../../../components/StorageFullNotice';
import { renderIn } from './render';

describe('StorageFullNotice', () => {
  it('shows nothing while storage is fine', () => {
    const { container } = renderIn(<StorageFullNotice full={null} />);
    expect(container.textContent).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says new records are not saved, that the old ones are intact, and how to make room', () => {
    renderIn(<StorageFullNotice full={{ since: 1, where: 'ledger' }} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain("Your browser's storage is full.");
    expect(alert.textContent).toContain('could not save new records');
    expect(alert.textContent).toContain('shorten how long the ledger keeps records');
    expect(alert.textContent).toContain('erase sites');
    expect(alert.textContent).toContain('export');
  });

  it('names the settings when they were refused', () => {
    renderIn(<StorageFullNotice full={{ since: 1, where: 'settings' }} />);
    expect(screen.getByTestId('storage-full').textContent).toContain('could not save your settings');
  });

  it('speaks Vietnamese', () => {
    renderIn(<StorageFullNotice full={{ since: 1, where: 'ledger' }} />, 'vi');
    expect(screen.getByRole('alert').textContent).toContain('Bộ nhớ của trình duyệt đã đầy.');
    expect(screen.getByRole('alert').textContent).not.toContain('storage.full');
  });
});
