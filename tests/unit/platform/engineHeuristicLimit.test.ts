// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { forThisFrame, HEURISTIC_ELEMENT_LIMIT } from '../../../platform/content/consent';
import type { AutoconsentMessage } from '../../../core/messaging/protocol';

const init = (): AutoconsentMessage => ({ type: 'initResp', config: { enabled: true, heuristicMode: 'reject', enableHeuristicDetection: true, detectRetries: 20 }, rules: {} });

afterEach(() => {
  document.body.innerHTML = '';
});

describe("autoconsent's heuristics on a huge page", () => {
  it('stay as the background set them on an ordinary page', () => {
    document.body.innerHTML = '<main><p>A page.</p></main>';
    const reply = init();
    expect(forThisFrame(reply)).toBe(reply);
  });

  it('are turned off above the element limit, every other setting kept', () => {
    document.body.innerHTML = '<p></p>'.repeat(HEURISTIC_ELEMENT_LIMIT);
    const reply = init();
    const config = forThisFrame(reply)!.config as Record<string, unknown>;
    expect(config).toEqual({ enabled: true, heuristicMode: 'off', enableHeuristicDetection: false, detectRetries: 20 });
    // The background's reply itself is left as it was.
    expect((reply.config as Record<string, unknown>).heuristicMode).toBe('reject');
  });

  it('leave every other message alone, and a missing reply', () => {
    document.body.innerHTML = '<p></p>'.repeat(HEURISTIC_ELEMENT_LIMIT);
    const optOut: AutoconsentMessage = { type: 'optOut' };
    expect(forThisFrame(optOut)).toBe(optOut);
    expect(forThisFrame(null)).toBeNull();
  });
});
