import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { IdentityView } from '../../../components/dashboard/IdentityView';
import type { IdentityState } from '../../../core/messaging/protocol';
import { renderIn } from './render';

const ana = { name: 'Ana', email: 'ana@example.org', postalAddress: '', country: 'VN', accountIds: [] };
const handlers = () => ({
  onSave: vi.fn(async () => {}),
  onProtect: vi.fn(async () => {}),
  onUnlock: vi.fn(async (p: string) => (p === 'right passphrase'
    ? { ok: true as const, state: { protected: true, locked: false, identity: ana } }
    : { ok: false as const, reason: 'wrongPassphrase' as const })),
  onLock: vi.fn(async () => {}),
  onUnprotect: vi.fn(async () => ({ ok: false as const, reason: 'wrongPassphrase' as const })),
});

describe('IdentityView', () => {
  it('shows the form with the advice, and offers a passphrase', () => {
    const state: IdentityState = { protected: false, locked: false, identity: ana };
    renderIn(<IdentityView state={state} {...handlers()} />);
    expect((screen.getByLabelText('Full name') as HTMLInputElement).value).toBe('Ana');
    expect(screen.getByText(/rarely need to send a copy of an ID document/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Encrypt my identity' })).toBeTruthy();
  });

  it('refuses a short or mismatched passphrase before sending it anywhere', async () => {
    const h = handlers();
    renderIn(<IdentityView state={{ protected: false, locked: false, identity: ana }} {...h} />);
    fireEvent.input(screen.getByTestId('passphrase-new'), { target: { value: 'short' } });
    fireEvent.input(screen.getByTestId('passphrase-repeat'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Encrypt my identity' }));
    await waitFor(() => expect(screen.getByTestId('passphrase-status').textContent).toBe('Use at least 8 characters.'));
    fireEvent.input(screen.getByTestId('passphrase-new'), { target: { value: 'long enough one' } });
    fireEvent.input(screen.getByTestId('passphrase-repeat'), { target: { value: 'long enough two' } });
    fireEvent.click(screen.getByRole('button', { name: 'Encrypt my identity' }));
    await waitFor(() => expect(screen.getByTestId('passphrase-status').textContent).toBe('The two passphrases differ.'));
    expect(h.onProtect).not.toHaveBeenCalled();
    fireEvent.input(screen.getByTestId('passphrase-repeat'), { target: { value: 'long enough one' } });
    fireEvent.click(screen.getByRole('button', { name: 'Encrypt my identity' }));
    await waitFor(() => expect(h.onProtect).toHaveBeenCalledWith('long enough one'));
  });

  it('when locked, hides the identity, and says clearly when the passphrase is wrong', async () => {
    const h = handlers();
    renderIn(<IdentityView state={{ protected: true, locked: true, identity: null }} {...h} />);
    expect(screen.queryByLabelText('Full name')).toBeNull();
    fireEvent.input(screen.getByTestId('unlock-passphrase'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(screen.getByTestId('unlock-error').textContent).toBe('That passphrase is not the right one. Nothing was changed; try again.'));
  });

  it('speaks Vietnamese', () => {
    renderIn(<IdentityView state={{ protected: true, locked: true, identity: null }} {...handlers()} />, 'vi');
    expect(screen.getByRole('button', { name: 'Mở khóa' })).toBeTruthy();
  });
});
