/** The longest the content scripts work on a page in one task before the page has the thread back. */
export const SLICE_MS = 8;

let channel: MessageChannel | undefined;
const queue: (() => void)[] = [];

/**
 * Runs `then` in a task of its own, soon. A message posted to oneself rather
 * than a zero timer: browsers hold back timers in background tabs (to one a
 * second, or until the foreground tab has loaded), and a page opened behind
 * the current one must be read as promptly as the one in front. One private
 * channel for the frame; the page holds neither of its ports.
 */
export function nextTask(then: () => void): void {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => queue.shift()?.();
  }
  queue.push(then);
  channel.port2.postMessage(null);
}

/**
 * Runs `work`, a generator whose every `yield` is a point where it may pause,
 * in slices of at most SLICE_MS, each in a task of its own, so that even a huge
 * page never waits on it for long; `onEnd` gets its result unless `stopped()`
 * says the work is no longer wanted.
 */
export function inSlices<T>(work: Generator<void, T, void>, onEnd: (result: T) => void, stopped: () => boolean = () => false): void {
  const slice = () => {
    if (stopped()) return;
    const until = performance.now() + SLICE_MS;
    for (;;) {
      const next = work.next();
      if (next.done) return onEnd(next.value);
      if (performance.now() >= until) return nextTask(slice);
    }
  };
  slice();
}

/** How long afterNextFrame waits at most for a frame: a page that is not shown paints none. */
const FIRST_FRAME_WAIT_MS = 250;

/**
 * Calls `then` once the page has painted its first frame since now (or after FIRST_FRAME_WAIT_MS):
 * its style is then computed, so reading a box's style does not make the
 * browser work out the whole page's style inside the extension's task.
 */
export function afterNextFrame(then: () => void): void {
  let ran = false;
  const once = () => {
    if (ran) return;
    ran = true;
    clearTimeout(fallback);
    then();
  };
  // A page opened in a background tab paints nothing until shown: there is no frame to wait for.
  if (document.visibilityState === 'hidden') return nextTask(then);
  const fallback = setTimeout(once, FIRST_FRAME_WAIT_MS);
  requestAnimationFrame(() => nextTask(once));
}
