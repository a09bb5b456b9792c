import { useState } from 'preact/hooks';
import type { MessageKey } from '../../core/i18n/translate';
import type { PauseKind, UiText } from '../../core/requests/types';
import { useT } from '../i18n';
import { DayAction } from './DayAction';

/** A request under a law that lets the company stop the clock (stores/requests.ts `ClockRow`). */
export interface ClockState {
  kinds: PauseKind[];
  /** The day the company asked, while the clock stands. */
  stoppedSince: string | null;
  min: string;
  max: string;
  citation: UiText;
}

interface ClockControlProps {
  id: string;
  clock: ClockState;
  onPause: (kind: PauseKind, day: string) => void;
  onResume: (day: string) => void;
}

/**
 * Where the law stops the clock while the company waits for something it
 * asked for: "They asked for something first" (what, and on which day), then,
 * while the clock stands, "I sent what they asked" (on which day).
 */
export function ClockControl({ id, clock, onPause, onResume }: ClockControlProps) {
  const t = useT();
  const [kind, setKind] = useState<PauseKind | null>(clock.kinds.length === 1 ? clock.kinds[0]! : null);
  if (clock.stoppedSince) {
    return <DayAction label={t('requests.resume.open')} field={t('requests.resume.on')} initial={clock.max} min={clock.min} max={clock.max} testId="request-resume" onSave={onResume} />;
  }
  const choice = (
    <fieldset class="choices">
      <legend class="field-label">{t('requests.pause.legend')}</legend>
      {clock.kinds.map((k) => (
        <label key={k} class="choice">
          <input type="radio" name={`pause-${id}`} checked={kind === k} onChange={() => setKind(k)} />
          <span>{t(`requests.pause.kind.${k}` as MessageKey)}</span>
        </label>
      ))}
    </fieldset>
  );
  return (
    <DayAction
      label={t('requests.pause.open')} field={t('requests.pause.on')} initial={clock.max} min={clock.min} max={clock.max} testId="request-pause"
      extra={choice} ready={kind !== null} hint={t('requests.pause.hint', { citation: clock.citation[t.locale] })}
      onSave={(day) => kind && onPause(kind, day)}
    />
  );
}
