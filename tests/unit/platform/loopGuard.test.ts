import { describe, expect, it } from 'vitest';
import { LOOP_WINDOW_MS, mayAnswer } from '../../../platform/consent/loopGuard';

describe('loop guard', () => {
  it('answers a banner that comes back once, then leaves it alone in that tab', async () => {
    expect(await mayAnswer(1, 'loop.test', 1000)).toBe(true);
    expect(await mayAnswer(1, 'loop.test', 2000)).toBe(true);
    expect(await mayAnswer(1, 'loop.test', 3000)).toBe(false);
    expect(await mayAnswer(1, 'loop.test', 4000)).toBe(false);
  });

  it('treats a new tab as a new visit, and forgets after the window', async () => {
    await mayAnswer(2, 'a.test', 0);
    await mayAnswer(2, 'a.test', 1);
    expect(await mayAnswer(3, 'a.test', 2)).toBe(true);
    expect(await mayAnswer(2, 'a.test', LOOP_WINDOW_MS + 10)).toBe(true);
  });
});
