import { useId } from 'preact/hooks';

interface SwitchProps {
  label: string;
  description?: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}

/** An on/off control: a real button with role="switch", so keyboards and screen readers know it. */
export function Switch({ label, description, checked, disabled = false, onChange }: SwitchProps) {
  const id = useId();
  return (
    <div class="switch-row">
      <div class="switch-text">
        <span id={`${id}-label`} class="switch-label">{label}</span>
        {description && <span id={`${id}-desc`} class="switch-desc">{description}</span>}
      </div>
      <button
        type="button"
        role="switch"
        class="switch"
        aria-checked={checked}
        aria-labelledby={`${id}-label`}
        aria-describedby={description ? `${id}-desc` : undefined}
        disabled={disabled}
        onClick={() => onChange(!checked)}
      >
        <span class="switch-thumb" />
      </button>
    </div>
  );
}
