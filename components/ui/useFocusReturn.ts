import { useEffect, useRef } from 'preact/hooks';

/**
 * For a button that opens something in its own place (a question, a field):
 * `trigger` goes on the button, and `returnFocus()` is called as it closes, so
 * the keyboard focus comes back to the button once it is shown again rather
 * than falling to the page. `open`: whether the thing is open now.
 */
export function useFocusReturn<T extends HTMLElement>(open: boolean): { trigger: { current: T | null }; returnFocus: () => void } {
  const trigger = useRef<T>(null);
  const returning = useRef(false);
  useEffect(() => {
    if (open || !returning.current) return;
    returning.current = false;
    trigger.current?.focus();
  }, [open]);
  return { trigger, returnFocus: () => void (returning.current = true) };
}
