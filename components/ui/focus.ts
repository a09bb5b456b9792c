/**
 * A ref that focuses its element when it is first shown: where an action
 * replaced the control that had the focus, or opened a panel to read next.
 * One stable function, so Preact calls it once per element, not per render.
 */
export const focusWhenShown = (element: HTMLElement | null): void => element?.focus();
