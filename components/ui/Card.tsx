import type { ComponentChildren } from 'preact';
import { Icon, type IconName } from './Icon';

interface CardProps {
  title: string;
  icon: IconName;
  tone?: 'neutral' | 'good' | 'warn';
  children: ComponentChildren;
  testId?: string;
}

export function Card({ title, icon, tone = 'neutral', children, testId }: CardProps) {
  return (
    <section class={`card card-${tone}`} aria-label={title} data-testid={testId}>
      <h2 class="card-title">
        <span class="card-icon"><Icon name={icon} /></span>
        {title}
      </h2>
      <div class="card-body">{children}</div>
    </section>
  );
}
