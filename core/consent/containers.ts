import prehide from './prehide.json';

/** Each adapter id with a known CMP's banner containers (prehide.json). */
export const KNOWN_CONTAINERS: Readonly<Record<string, readonly string[]>> = prehide.containers;

/** Every known container, as one selector list. */
export const KNOWN_CONTAINER_SELECTOR = Object.values(KNOWN_CONTAINERS).flat().join(',');

export const KNOWN_ADAPTER_IDS = Object.keys(KNOWN_CONTAINERS);

const BY_ID = /^#[A-Za-z][\w-]*$/;

/**
 * The known containers split for a look over a whole document: the ids of
 * those named by id alone (each found in the browser's id map at no cost),
 * and the others as one selector list. One query for them all matches every
 * element of the page against every selector: on a huge page, a long task.
 */
export const KNOWN_CONTAINER_IDS: readonly string[] = Object.values(KNOWN_CONTAINERS).flat().filter((s) => BY_ID.test(s)).map((s) => s.slice(1));
export const KNOWN_CONTAINER_OTHERS = Object.values(KNOWN_CONTAINERS).flat().filter((s) => !BY_ID.test(s)).join(',');

/** The adapter whose container this element is (the element must match KNOWN_CONTAINER_SELECTOR). */
export function containerAdapter(matches: (selector: string) => boolean): string | null {
  return KNOWN_ADAPTER_IDS.find((id) => matches(KNOWN_CONTAINERS[id]!.join(','))) ?? null;
}

/**
 * Whether seeing this adapter's container is reason enough to answer through
 * the adapter at once. Not for CMPs whose container only holds their message
 * frame: that frame reports the banner itself.
 */
export function answersOnContainer(adapterId: string): boolean {
  return KNOWN_CONTAINERS[adapterId] !== undefined && !prehide.messageInFrame.ids.includes(adapterId);
}
