import { describe, expect, it } from 'vitest';
import { mayAnswer, resetGuard } from '../../../platform/consent/loopGuard';

const HOUR = 3_600_000;

describe('loop guard', () => {
  it('answers a site once in a tab, then leaves its banner alone for the session', async () => {
    expect(await mayAnswer(1, 'loop.test', 1000)).toBe(true);
    expect(await mayAnswer(1, 'loop.test', 2000)).toBe(false);
    expect(await mayAnswer(1, 'loop.test', 5 * HOUR)).toBe(false);
  });

  it('treats a new tab as a new visit, keeps sites apart, and starts afresh when the user asks to answer again', async () => {
    await mayAnswer(2, 'a.test', 0);
    expect(await mayAnswer(3, 'a.test', 1)).toBe(true);
    expect(await mayAnswer(2, 'b.test', 2)).toBe(true);
    expect(await mayAnswer(2, 'a.test', 3)).toBe(false);
    await resetGuard(2, 'a.test');
    expect(await mayAnswer(2, 'a.test', 4)).toBe(true);
  });
});
