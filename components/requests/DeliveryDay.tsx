import { useState } from 'preact/hooks';
import { useT } from '../i18n';
import { focusWhenShown } from '../ui/focus';
import { useFocusReturn } from '../ui/useFocusReturn';

interface DeliveryDayProps {
  /** The day already given, if any. */
  on: string | null;
  /** The day the letter was posted: it cannot have arrived before. */
  min: string | null;
  /** Today: a delivery day is one that has happened. */
  max: string;
  onSave: (day: string) => void;
}

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * The day a letter by post reached the company, which starts its legal period:
 * a button that opens a date field in its place. The focus moves to the field,
 * and back to the button when it closes.
 */
export function DeliveryDay({ on, min, max, onSave }: DeliveryDayProps) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [day, setDay] = useState(on ?? max);
  const { trigger, returnFocus } = useFocusReturn<HTMLButtonElement>(editing);
  const close = () => {
    returnFocus();
    setEditing(false);
  };
  const valid = isDay(day) && day <= max && (!min || day >= min);
  if (!editing) {
    return (
      <button type="button" class="button link" ref={trigger} data-testid="request-delivery" onClick={() => { setDay(on ?? max); setEditing(true); }}>
        {t(on ? 'requests.delivery.change' : 'requests.delivery.add')}
      </button>
    );
  }
  return (
    <form class="inline-field" data-testid="request-delivery-form" onSubmit={(e) => { e.preventDefault(); if (!valid) return; close(); onSave(day); }}>
      <label>
        <span>{t('requests.delivery.label')}</span>
        <input type="date" ref={focusWhenShown} value={day} min={min ?? undefined} max={max} required onInput={(e) => setDay(e.currentTarget.value)} />
      </label>
      <button type="submit" class="button primary" disabled={!valid}>{t('common.save')}</button>
      <button type="button" class="button secondary" onClick={close}>{t('common.cancel')}</button>
    </form>
  );
}
