// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sent = vi.hoisted(() => [] as string[]);
vi.mock('../../../platform/messaging/contentClient', () => ({
  send: vi.fn(async (name: string) => {
    sent.push(name);
    return { press: false };
  }),
}));

const { watchForUnknownBanner } = await import('../../../platform/content/unknownBannerWatch');

const fixed = 'position:fixed;bottom:0;left:0;right:0;z-index:2147483647';
const BANNER = `<div style="${fixed}"><p>We use cookies to measure visits and to show personalised advertising with our partners.</p><button>Accept all</button><button>Reject all</button></div>`;

let pending: FrameRequestCallback[];

beforeEach(() => {
  vi.useFakeTimers();
  sent.length = 0;
  pending = [];
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => (pending.push(callback), pending.length));
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

const paint = () => pending.splice(0).forEach((callback) => callback(0));

/** The watch is awake and waiting for the page's next frame, having read nothing; once the frame comes, it scans and finds the banner. */
async function scansOnlyAfterTheFrame(): Promise<void> {
  expect(pending).toHaveLength(1);
  expect(sent).toEqual([]);
  paint();
  await vi.advanceTimersByTimeAsync(10);
  expect(sent).toEqual(['consent.heuristic']);
}

describe('the unknown-banner watch', () => {
  it('starts its first scan just after a frame, not in the timer that wakes it', async () => {
    document.body.innerHTML = `<main><p>News of the day.</p></main>${BANNER}`;
    watchForUnknownBanner(() => false);
    await vi.advanceTimersByTimeAsync(2500);
    await scansOnlyAfterTheFrame();
  });

  it('scans again after the page changes, again just after a frame', async () => {
    document.body.innerHTML = '<main><p>News of the day.</p></main>';
    watchForUnknownBanner(() => false);
    await vi.advanceTimersByTimeAsync(2500);
    paint();
    await vi.advanceTimersByTimeAsync(10);
    expect(sent).toEqual([]);
    document.body.insertAdjacentHTML('beforeend', BANNER);
    await vi.advanceTimersByTimeAsync(600);
    await scansOnlyAfterTheFrame();
  });

  it('still scans a page that paints no frame, after a quarter of a second', async () => {
    document.body.innerHTML = `<main><p>News of the day.</p></main>${BANNER}`;
    watchForUnknownBanner(() => false);
    await vi.advanceTimersByTimeAsync(2500 + 260);
    expect(sent).toEqual(['consent.heuristic']);
  });

  it('does not scan where a rule found the banner first', async () => {
    document.body.innerHTML = `<main><p>News of the day.</p></main>${BANNER}`;
    watchForUnknownBanner(() => true);
    await vi.advanceTimersByTimeAsync(2500);
    paint();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toEqual([]);
  });
});
