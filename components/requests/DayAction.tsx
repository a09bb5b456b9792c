import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { formatDay } from '../format';
import { useT } from '../i18n';
import { useFocusReturn } from '../ui/useFocusReturn';
import { isDay } from './isDay';

interface DayActionProps {
  /** The button that opens the form. */
  label: string;
  /** The date field's label. */
  field: string;
  /** The day the field starts at. */
  initial: string;
  /** The earliest day the step can have happened (the step it follows), and the latest (today). */
  min: string | null;
  max: string;
  testId: string;
  /** More fields before the date (a choice), and whether they are answered. */
  extra?: ComponentChildren;
  ready?: boolean;
  hint?: string;
  onSave: (day: string) => void;
}


/** One stable function, so Preact calls it once when the form is shown, not on every render (which would move the focus back while the user types). */
const focusFirstField = (element: HTMLElement | null): void => element?.querySelector<HTMLElement>('input')?.focus();

/**
 * A step in a request's life that happened on a day (a letter delivered, the
 * company asking for something, the user answering it): a button that opens
 * a small form in its place. The focus moves to the form's first field, and
 * back to the button when the form closes.
 */
export function DayAction({ label, field, initial, min, max, testId, extra, ready = true, hint, onSave }: DayActionProps) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [day, setDay] = useState(initial);
  const { trigger, returnFocus } = useFocusReturn<HTMLButtonElement>(editing);
  const hintId = useId();
  const rangeId = useId();
  const close = () => {
    returnFocus();
    setEditing(false);
  };
  const inRange = isDay(day) && day <= max && (!min || day >= min);
  const valid = ready && inRange;
  if (!editing) {
    return (
      <button type="button" class="button link" ref={trigger} data-testid={testId} onClick={() => { setDay(initial); setEditing(true); }}>
        {label}
      </button>
    );
  }
  return (
    <form class="day-action" data-testid={`${testId}-form`} onSubmit={(e) => { e.preventDefault(); if (!valid) return; close(); onSave(day); }}>
      <div ref={focusFirstField}>
        {extra}
        <label class="inline-field">
          <span>{field}</span>
          <input type="date" value={day} min={min ?? undefined} max={max} required aria-invalid={inRange ? undefined : 'true'}
            aria-describedby={[inRange ? '' : rangeId, hint ? hintId : ''].filter(Boolean).join(' ') || undefined} onInput={(e) => setDay(e.currentTarget.value)} />
        </label>
      </div>
      {!inRange && (
        <p class="form-error" id={rangeId} data-testid={`${testId}-range`}>
          {t('requests.day.range', { min: min ? formatDay(min, t.locale, true) : '…', max: formatDay(max, t.locale, true) })}
        </p>
      )}
      {hint && <p class="field-hint" id={hintId}>{hint}</p>}
      <div class="actions">
        <button type="submit" class="button primary" disabled={!valid}>{t('common.save')}</button>
        <button type="button" class="button secondary" onClick={close}>{t('common.cancel')}</button>
      </div>
    </form>
  );
}
