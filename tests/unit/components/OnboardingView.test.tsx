import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { OnboardingView } from '../../../components/onboarding/OnboardingView';
import { PURPOSES } from '../../../core/consent/purposes';
import { presetChoices } from '../../../core/settings/presets';
import { renderIn } from './render';

function setup() {
  const onSave = vi.fn(async () => {});
  renderIn(
    <OnboardingView purposes={PURPOSES} initialPreset="onlyNecessary" choicesFor={presetChoices} onSave={onSave}
      onOpenDashboard={vi.fn()} language="auto" onLanguage={vi.fn()} />,
  );
  return { onSave };
}

describe('OnboardingView', () => {
  it('saves a preset', async () => {
    const { onSave } = setup();
    fireEvent.click(screen.getByLabelText(/Necessary and functional/));
    fireEvent.click(screen.getByRole('button', { name: 'Save and start' }));
    await waitFor(() => expect(screen.getByTestId('onboarding-done')).toBeTruthy());
    expect(onSave).toHaveBeenCalledWith({ functional: true, analytics: false, personalization: false, advertising: false, social: false });
  });

  it('offers one switch per purpose for a custom choice, necessary fixed on', async () => {
    const { onSave } = setup();
    expect(screen.queryByRole('switch', { name: 'Analytics' })).toBeNull();
    fireEvent.click(screen.getByLabelText(/Choose per purpose/));
    const necessary = screen.getByRole('switch', { name: 'Strictly necessary' }) as HTMLButtonElement;
    expect(necessary.disabled).toBe(true);
    expect(necessary.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByRole('switch', { name: 'Analytics' }));
    fireEvent.click(screen.getByRole('switch', { name: 'Social media' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save and start' }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave).toHaveBeenCalledWith({ functional: false, analytics: true, personalization: false, advertising: false, social: true });
  });
});
