import { useEffect } from 'preact/hooks';
import { PURPOSES } from '../../core/consent/purposes';
import { presetChoices, presetOf } from '../../core/settings/presets';
import { OnboardingView } from '../../components/onboarding/OnboardingView';
import { Root } from '../../components/Root';
import { openDashboard } from '../../platform/tabs';
import { useTranslator } from '../../stores/locale';
import { startSettingsSync, useSettingsStore } from '../../stores/settings';

export function App() {
  const { settings, error, save } = useSettingsStore();
  const t = useTranslator(settings?.language);
  useEffect(() => startSettingsSync(), []);
  useEffect(() => {
    document.title = `${t('onboarding.title')} · ${t('app.name')}`;
  }, [t]);
  return (
    <Root t={t} ready={settings !== null} error={error}>
      {settings && (
        <OnboardingView
          purposes={PURPOSES}
          initialPreset={settings.onboarded ? presetOf(settings.preferences) : 'onlyNecessary'}
          choicesFor={presetChoices}
          language={settings.language}
          onLanguage={(language) => void save({ ...settings, language })}
          onSave={async (choices) => {
            await save({ ...settings, onboarded: true, preferences: { ...settings.preferences, ...choices } });
          }}
          onOpenDashboard={() => void openDashboard('sites')}
        />
      )}
    </Root>
  );
}
