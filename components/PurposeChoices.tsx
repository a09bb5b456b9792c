import type { Purpose, PurposeChoices as Choices } from '../core/consent/purposes';
import type { MessageKey } from '../core/i18n/translate';
import { useT } from './i18n';
import { Switch } from './ui/Switch';

interface PurposeChoicesProps {
  purposes: readonly Purpose[];
  value: Choices;
  onChange: (next: Choices) => void;
  legend: string;
}

/** One switch per purpose, with "necessary" shown as always on. */
export function PurposeChoices({ purposes, value, onChange, legend }: PurposeChoicesProps) {
  const t = useT();
  return (
    <fieldset class="purposes">
      <legend>{legend}</legend>
      <Switch label={t('purpose.necessary')} description={t('purpose.necessary.desc')} checked disabled onChange={() => {}} />
      {purposes.map((purpose) => (
        <Switch
          key={purpose}
          label={t(`purpose.${purpose}` as MessageKey)}
          description={t(`purpose.${purpose}.desc` as MessageKey)}
          checked={value[purpose]}
          onChange={(on) => onChange({ ...value, [purpose]: on })}
        />
      ))}
    </fieldset>
  );
}
