import type { Purpose } from '../../core/consent/purposes';
import type { Fallback, LanguageSetting, Preferences, Settings } from '../../core/settings/schema';
import { useT } from '../i18n';
import { PurposeChoices } from '../PurposeChoices';
import { RadioCards } from '../ui/RadioCards';
import { Switch } from '../ui/Switch';

interface PreferencesViewProps {
  settings: Settings;
  purposes: readonly Purpose[];
  onChange: (next: Settings) => void;
}

export function PreferencesView({ settings, purposes, onChange }: PreferencesViewProps) {
  const t = useT();
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => onChange({ ...settings, [key]: value });
  const setPreferences = (preferences: Preferences) => set('preferences', preferences);
  const overrides = Object.entries(settings.siteOverrides).sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <header class="page-header">
        <h1>{t('prefs.title')}</h1>
        <p class="lead">{t('prefs.lead')}</p>
      </header>
      <div class="form-stack">
        <section class="panel">
          <PurposeChoices
            legend={t('prefs.purposes')}
            purposes={purposes}
            value={settings.preferences}
            onChange={(choices) => setPreferences({ ...settings.preferences, ...choices })}
          />
        </section>
        <section class="panel">
          <RadioCards<Preferences['legitimateInterest']>
            legend={t('prefs.li')}
            name="li"
            value={settings.preferences.legitimateInterest}
            onChange={(value) => setPreferences({ ...settings.preferences, legitimateInterest: value })}
            options={[
              { value: 'object', label: t('prefs.li.object'), description: t('prefs.li.object.desc') },
              { value: 'allow', label: t('prefs.li.allow'), description: t('prefs.li.allow.desc') },
            ]}
          />
        </section>
        <section class="panel">
          <RadioCards<Fallback>
            legend={t('prefs.fallback')}
            name="fallback"
            value={settings.fallback}
            onChange={(value) => set('fallback', value)}
            options={[
              { value: 'denyOptional', label: t('prefs.fallback.denyOptional'), description: t('prefs.fallback.denyOptional.desc') },
              { value: 'acceptAll', label: t('prefs.fallback.acceptAll'), description: t('prefs.fallback.acceptAll.desc') },
              { value: 'askMe', label: t('prefs.fallback.askMe'), description: t('prefs.fallback.askMe.desc') },
            ]}
          />
        </section>
        <section class="panel">
          <h2 class="panel-title">{t('prefs.more')}</h2>
          <Switch label={t('prefs.gpc')} description={t('prefs.gpc.desc')} checked={settings.gpc} onChange={(on) => set('gpc', on)} />
          <Switch label={t('prefs.policyAutoRead')} description={t('prefs.policyAutoRead.desc')} checked={settings.policyAutoRead} onChange={(on) => set('policyAutoRead', on)} />
          <Switch label={t('prefs.paused')} description={t('prefs.paused.desc')} checked={settings.paused} onChange={(on) => set('paused', on)} />
          <label class="field">
            <span class="field-label">{t('prefs.language')}</span>
            <select value={settings.language} onChange={(e) => set('language', e.currentTarget.value as LanguageSetting)}>
              <option value="auto">{t('prefs.language.auto')}</option>
              <option value="en">English</option>
              <option value="vi">Tiếng Việt</option>
            </select>
          </label>
        </section>
        <section class="panel">
          <h2 class="panel-title">{t('prefs.sites')}</h2>
          {overrides.length === 0 && settings.pausedSites.length === 0 ? (
            <p class="muted">{t('prefs.sites.empty')}</p>
          ) : (
            <ul class="site-rules">
              {overrides.map(([site, override]) => (
                <li key={`o-${site}`}>
                  <a href={`#/sites/${encodeURIComponent(site)}`}>{site}</a>
                  <span class="tag">{t(`site.override.${override.mode}`)}</span>
                  <button type="button" class="button link" onClick={() => {
                    const { [site]: _removed, ...rest } = settings.siteOverrides;
                    set('siteOverrides', rest);
                  }} aria-label={t('prefs.sites.removeOverride', { site })}>
                    {t('common.remove')}
                  </button>
                </li>
              ))}
              {settings.pausedSites.map((site) => (
                <li key={`p-${site}`}>
                  <a href={`#/sites/${encodeURIComponent(site)}`}>{site}</a>
                  <span class="tag tag-warn">{t('prefs.sites.paused')}</span>
                  <button type="button" class="button link" onClick={() => set('pausedSites', settings.pausedSites.filter((s) => s !== site))}
                    aria-label={t('prefs.sites.resume', { site })}>
                    {t('prefs.sites.resumeShort')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
