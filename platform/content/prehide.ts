import { KNOWN_CONTAINER_SELECTOR } from '../../core/consent/containers';

/** autoconsent's own prehide starts after a round trip to the background; this covers that gap. */
const LONGEST_MS = 2000;

/**
 * Hides the known CMP banners from the first moment, so the user never sees
 * one flash before it is answered. Released when autoconsent's own prehide has
 * taken over, when the page is not to be answered, or after two seconds.
 */
export function prehideKnownBanners(): { release: () => void } {
  const root = document.documentElement;
  if (!root) return { release: () => {} };
  const style = document.createElement('style');
  style.textContent = `${KNOWN_CONTAINER_SELECTOR}{opacity:0!important;z-index:-1!important;pointer-events:none!important}`;
  root.append(style);
  const release = () => {
    clearTimeout(timer);
    style.remove();
  };
  const timer = setTimeout(release, LONGEST_MS);
  return { release };
}
