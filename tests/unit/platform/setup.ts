import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});

/**
 * happy-dom tests run on Node, whose MessagePort hands a port every queued
 * message in one go, so a page's timers never run between two of them;
 * browsers take posted messages and timers in turn. The content scripts' task
 * hop (platform/content/nextTask.ts) gets the browsers' order here.
 */
class TakenInTurn {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  other!: TakenInTurn;
  postMessage(data: unknown): void {
    setTimeout(() => this.other.onmessage?.({ data }), 0);
  }
}
if (typeof document !== 'undefined') {
  globalThis.MessageChannel = class {
    readonly port1 = new TakenInTurn();
    readonly port2 = new TakenInTurn();
    constructor() {
      this.port1.other = this.port2;
      this.port2.other = this.port1;
    }
  } as unknown as typeof MessageChannel;
}
