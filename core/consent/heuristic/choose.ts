import type { ButtonRole } from './classify';

/** Why the heuristic pressed nothing on a dialog it recognised. */
export type UnsureReason = 'noReject' | 'forbiddenOnly' | 'ambiguous' | 'paywall' | 'ageGate';

/** Plain words for the ledger and the popup, in English; the UI translates by key. */
export const REASONS: Record<UnsureReason, string> = {
  noReject: 'The dialog offers no button that refuses on its first layer.',
  forbiddenOnly: 'The only answers are to log in, sign up or pay.',
  ambiguous: 'A refusal is there, but pressing it could do something else.',
  paywall: 'Pay or accept: the dialog offers no free refusal.',
  ageGate: 'An age check, not a consent question.',
};

export interface ButtonFacts {
  role: ButtonRole | null;
  /** The button confirms an age ("Yes, I am 18+"). */
  age: boolean;
  /** A link to another page: pressing it leaves the page (German "Widerruf" links, policy pages). */
  navigates: boolean;
}

export interface DialogFacts {
  /** The visible, enabled buttons of the dialog's first layer, in document order. */
  buttons: ButtonFacts[];
  /** The dialog's text asks for an age. */
  ageText: boolean;
  /** Category switches: how many are visible, and how many enabled ones are on (anywhere in the dialog). */
  toggles: { visible: number; on: number };
}

export type Decision =
  | { index: number; role: 'reject' | 'save'; reason: null }
  | { index: null; role: null; reason: UnsureReason };

/** More refusals than this at once is a per-vendor or per-purpose list, not a banner's answer. */
const MAX_REJECTS = 3;

const unsure = (reason: UnsureReason): Decision => ({ index: null, role: null, reason });

/**
 * Which button to press, or why none. In order:
 * 1. An age check is left alone, whatever else it offers.
 * 2. A refusal that stays on the page is pressed (the first, in document order).
 * 3. Pay, subscribe or log-in buttons next to "accept" are a pay-or-okay wall;
 *    on their own, there is no answer we may give.
 * 4. "Save" is a refusal only when the dialog shows its switches and every one
 *    is off; with any switch on it would store a consent.
 * 5. Anything else (only accept, only settings) is left to the user.
 */
export function chooseButton(dialog: DialogFacts): Decision {
  const { buttons } = dialog;
  if (dialog.ageText || buttons.some((b) => b.age)) return unsure('ageGate');

  const rejects = buttons.flatMap((b, index) => (b.role === 'reject' ? [{ ...b, index }] : []));
  if (rejects.length > MAX_REJECTS) return unsure('ambiguous');
  const stays = rejects.find((b) => !b.navigates);
  if (stays) return { index: stays.index, role: 'reject', reason: null };
  if (rejects.length > 0) return unsure('ambiguous');

  if (buttons.some((b) => b.role === 'never')) {
    return unsure(buttons.some((b) => b.role === 'accept') ? 'paywall' : 'forbiddenOnly');
  }

  const save = buttons.findIndex((b) => b.role === 'save' && !b.navigates);
  if (save >= 0 && dialog.toggles.visible > 0) {
    return dialog.toggles.on === 0 ? { index: save, role: 'save', reason: null } : unsure('ambiguous');
  }
  return unsure('noReject');
}
