import type { ComponentChildren } from 'preact';
import { useT } from '../i18n';
import { Icon, type IconName } from '../ui/Icon';
import { Logo } from '../ui/Logo';

export type Section = 'sites' | 'requests' | 'preferences' | 'identity' | 'data';

const NAV: { section: Section; icon: IconName }[] = [
  { section: 'sites', icon: 'globe' },
  { section: 'requests', icon: 'mail' },
  { section: 'preferences', icon: 'sliders' },
  { section: 'identity', icon: 'person' },
  { section: 'data', icon: 'database' },
];

export function Shell({ current, children }: { current: Section; children: ComponentChildren }) {
  const t = useT();
  return (
    <div class="shell">
      <a class="skip-link" href="#main">{t('nav.skip')}</a>
      <nav class="sidebar" aria-label={t('nav.label')}>
        <div class="sidebar-brand">
          <Logo size={30} />
          <span>{t('app.name')}</span>
        </div>
        <ul>
          {NAV.map(({ section, icon }) => (
            <li key={section}>
              <a href={`#/${section}`} class={section === current ? 'active' : ''} aria-current={section === current ? 'page' : undefined}>
                <Icon name={icon} />
                {t(`nav.${section}`)}
              </a>
            </li>
          ))}
        </ul>
        <p class="sidebar-promise">
          <Icon name="shield" size={16} />
          {t('app.promise')}
        </p>
      </nav>
      <main id="main" class="content" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
