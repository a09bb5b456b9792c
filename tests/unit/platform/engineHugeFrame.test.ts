// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { HUGE_FRAME_ELEMENTS, isHugeFrame, forHugeFrame } from '../../../platform/content/consent';
import type { AutoconsentMessage } from '../../../core/messaging/protocol';

const init = (): AutoconsentMessage => ({ type: 'initResp', config: { enabled: true, enablePrehide: true, heuristicMode: 'reject', enableHeuristicDetection: true, detectRetries: 20 }, rules: {} });

afterEach(() => {
  document.body.innerHTML = '';
});

describe('a huge frame', () => {
  it('is one of more than the element limit', () => {
    document.body.innerHTML = '<main><p>A page.</p></main>';
    expect(isHugeFrame()).toBe(false);
    document.body.innerHTML = '<p></p>'.repeat(HUGE_FRAME_ELEMENTS);
    expect(isHugeFrame()).toBe(true);
  });

  it("has autoconsent's heuristics and prehide turned off, every other setting kept", () => {
    const reply = init();
    const config = forHugeFrame(reply).config as Record<string, unknown>;
    expect(config).toEqual({ enabled: true, enablePrehide: false, heuristicMode: 'off', enableHeuristicDetection: false, detectRetries: 20 });
    // The background's reply itself is left as it was.
    expect((reply.config as Record<string, unknown>).heuristicMode).toBe('reject');
  });

  it('leaves every other message alone', () => {
    const optOut: AutoconsentMessage = { type: 'optOut' };
    expect(forHugeFrame(optOut)).toBe(optOut);
  });
});
