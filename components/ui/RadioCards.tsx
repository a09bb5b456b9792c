import { useId } from 'preact/hooks';

export interface RadioOption<V extends string> {
  value: V;
  label: string;
  description?: string;
}

interface RadioCardsProps<V extends string> {
  legend: string;
  name: string;
  value: V;
  options: RadioOption<V>[];
  onChange: (value: V) => void;
  compact?: boolean;
}

/** Native radio buttons inside a fieldset, drawn as cards: arrow keys and screen readers work as usual. */
export function RadioCards<V extends string>({ legend, name, value, options, onChange, compact = false }: RadioCardsProps<V>) {
  const id = useId();
  return (
    <fieldset class={`radio-cards${compact ? ' compact' : ''}`}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} class={`radio-card${option.value === value ? ' selected' : ''}`}>
          <input
            type="radio"
            name={`${name}-${id}`}
            value={option.value}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
          />
          <span class="radio-text">
            <span class="radio-label">{option.label}</span>
            {option.description && <span class="radio-desc">{option.description}</span>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
