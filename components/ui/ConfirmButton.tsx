import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { focusWhenShown } from './focus';
import { useFocusReturn } from './useFocusReturn';

interface ConfirmButtonProps {
  /** The button, before the question: "Erase this site…". */
  children: ComponentChildren;
  /** The question asked in its place, if any. */
  question?: string;
  confirmLabel: string;
  cancelLabel: string;
  /** While true, the button is disabled: the action is under way. */
  busy?: boolean;
  onConfirm: () => void;
}

/**
 * A destructive action behind a second, explicit click. The question and its
 * two buttons take the place of the button, and the keyboard focus follows:
 * to Cancel when asked (so a second Enter, or a held key, does not confirm),
 * back to the button when answered. While the action runs the button says it
 * is unavailable but keeps the focus.
 */
export function ConfirmButton({ children, question, confirmLabel, cancelLabel, busy = false, onConfirm }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const { trigger, returnFocus } = useFocusReturn<HTMLButtonElement>(asking);
  const answer = (confirmed: boolean) => {
    returnFocus();
    setAsking(false);
    if (confirmed) onConfirm();
  };
  return asking ? (
    <div class="actions">
      {question && <p>{question}</p>}
      <button type="button" class="button danger" onClick={() => answer(true)}>{confirmLabel}</button>
      <button type="button" class="button secondary" ref={focusWhenShown} onClick={() => answer(false)}>{cancelLabel}</button>
    </div>
  ) : (
    <button type="button" class="button danger-outline" ref={trigger} aria-disabled={busy ? 'true' : undefined} onClick={() => !busy && setAsking(true)}>{children}</button>
  );
}
