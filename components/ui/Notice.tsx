import type { ComponentChildren } from 'preact';
import { Icon } from './Icon';

/** A message the page announces: `status` politely, `alert` at once. */
export function Notice({ tone, children }: { tone: 'info' | 'success' | 'error'; children: ComponentChildren }) {
  return (
    <div class={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <Icon name={tone === 'error' ? 'warning' : tone === 'success' ? 'check' : 'shield'} />
      <div>{children}</div>
    </div>
  );
}
