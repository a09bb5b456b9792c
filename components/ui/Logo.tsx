export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg class="logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="2" y="2" width="28" height="28" rx="8" fill="var(--accent)" />
      <path d="M10 9h9l3 3v11H10z" fill="none" stroke="var(--on-accent)" stroke-width="2" stroke-linejoin="round" />
      <path d="M13.5 16.5l2 2 4-4.5" fill="none" stroke="var(--on-accent)" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
