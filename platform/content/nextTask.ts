/**
 * Runs `then` in a task of its own, soon. A message posted to oneself rather
 * than a zero timer: browsers hold back timers in background tabs (to one a
 * second, or until the foreground tab has loaded), and a page opened behind
 * the current one must be read as promptly as the one in front. One private
 * channel for the frame; the page holds neither of its ports.
 */
/** The longest the content scripts work on a page in one task before the page has the thread back. */
export const SLICE_MS = 8;

let channel: MessageChannel | undefined;
const queue: (() => void)[] = [];

export function nextTask(then: () => void): void {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => queue.shift()?.();
  }
  queue.push(then);
  channel.port2.postMessage(null);
}
