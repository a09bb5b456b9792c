import { useState } from 'preact/hooks';
import type { Purpose, PurposeChoices as Choices } from '../../core/consent/purposes';
import type { Preset } from '../../core/settings/presets';
import { useT } from '../i18n';
import { PurposeChoices } from '../PurposeChoices';
import { Icon } from '../ui/Icon';
import { Logo } from '../ui/Logo';
import { Notice } from '../ui/Notice';
import { RadioCards } from '../ui/RadioCards';
import { failureText } from '../failureText';

interface OnboardingViewProps {
  purposes: readonly Purpose[];
  initialPreset: Preset;
  choicesFor: (preset: Preset) => Choices;
  onSave: (choices: Choices) => Promise<void>;
  onOpenDashboard: () => void;
  language: 'auto' | 'en' | 'vi';
  onLanguage: (language: 'auto' | 'en' | 'vi') => void;
}

export function OnboardingView({ purposes, initialPreset, choicesFor, onSave, onOpenDashboard, language, onLanguage }: OnboardingViewProps) {
  const t = useT();
  const [preset, setPreset] = useState<Preset>(initialPreset);
  const [custom, setCustom] = useState<Choices>(choicesFor('custom'));
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const choices = preset === 'custom' ? custom : choicesFor(preset);
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await onSave(choices);
      setSaved(true);
      setError(null);
    } catch (err) {
      setError(failureText(t, err));
    }
  };
  return (
    <main class="onboarding">
      <header class="onboarding-header">
        <Logo size={40} />
        <div>
          <h1>{t('onboarding.title')}</h1>
          <p class="lead">{t('onboarding.lead')}</p>
        </div>
        <label class="select language-pick">
          <span class="visually-hidden">{t('prefs.language')}</span>
          <select value={language} onChange={(e) => onLanguage(e.currentTarget.value as 'auto' | 'en' | 'vi')}>
            <option value="auto">{t('prefs.language.auto')}</option>
            <option value="en">English</option>
            <option value="vi">Tiếng Việt</option>
          </select>
        </label>
      </header>
      <ul class="promises">
        <li><Icon name="shield" /><span>{t('onboarding.promise.banners')}</span></li>
        <li><Icon name="list" /><span>{t('onboarding.promise.ledger')}</span></li>
        <li><Icon name="doc" /><span>{t('onboarding.promise.policies')}</span></li>
        <li><Icon name="mail" /><span>{t('onboarding.promise.requests')}</span></li>
      </ul>
      {saved ? (
        <section class="panel done" data-testid="onboarding-done">
          <Notice tone="success">{t('onboarding.done')}</Notice>
          <p>{t('onboarding.done.body')}</p>
          <button type="button" class="button primary" onClick={onOpenDashboard}>{t('popup.openDashboard')}</button>
        </section>
      ) : (
        <form class="panel" onSubmit={submit}>
          <RadioCards<Preset>
            legend={t('onboarding.choose')}
            name="preset"
            value={preset}
            onChange={setPreset}
            options={[
              { value: 'onlyNecessary', label: t('preset.onlyNecessary'), description: t('preset.onlyNecessary.desc') },
              { value: 'functional', label: t('preset.functional'), description: t('preset.functional.desc') },
              { value: 'custom', label: t('preset.custom'), description: t('preset.custom.desc') },
            ]}
          />
          {preset === 'custom' && <PurposeChoices legend={t('prefs.purposes')} purposes={purposes} value={custom} onChange={setCustom} />}
          <p class="muted">{t('onboarding.changeLater')}</p>
          {error && <Notice tone="error">{t('onboarding.failed', { detail: error })}</Notice>}
          <div class="actions">
            <button type="submit" class="button primary large">{t('onboarding.save')}</button>
          </div>
        </form>
      )}
    </main>
  );
}
