// @vitest-environment happy-dom
import AutoConsent from '@duckduckgo/autoconsent';
import { afterEach, describe, expect, it } from 'vitest';
import { takeTurns, turns, type DetectingRule } from '../../../platform/content/ruleTurns';

/** Keeps the thread for `ms`, as a rule's selector queries over a huge page do. */
const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('rule checks taking turns', () => {
  it('run every check, in order, a slice at a time, with the page running between slices', async () => {
    const order: number[] = [];
    // The page's own timer, run as often as it gets the thread: how many checks had run by then.
    const between: number[] = [];
    let pageRuns = true;
    const tick = () => {
      between.push(order.length);
      if (pageRuns) setTimeout(tick, 0);
    };
    tick();
    const gate = turns(8);
    const rules: DetectingRule[] = Array.from({ length: 40 }, (_, i) => ({
      detectCmp: async () => {
        order.push(i);
        busy(1);
        return i === 33;
      },
    }));
    takeTurns(rules, gate);
    const results = await Promise.all(rules.map((rule) => rule.detectCmp()));
    pageRuns = false;
    expect(order).toEqual(rules.map((_, i) => i));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(results[33]).toBe(true);
    // About 8 checks of 1 ms fit in a slice: the page ran part way through, several times.
    expect(new Set(between.filter((n) => n > 0 && n < rules.length)).size).toBeGreaterThan(2);
  });

  it("take turns step by step too: a declarative rule's later steps do not pile up in the task that let it through", async () => {
    let steps = 0;
    const perTask: number[] = [];
    let last = 0;
    let pageRuns = true;
    const tick = () => {
      perTask.push(steps - last);
      last = steps;
      if (pageRuns) setTimeout(tick, 0);
    };
    tick();
    // Like autoconsent's declarative rules: detection awaits each of its steps in turn, through the rule's own method.
    const rules = Array.from({ length: 10 }, () => ({
      async detectCmp(this: { evaluateRuleStep(step: unknown): Promise<unknown> }) {
        for (let i = 0; i < 4; i++) if (!(await this.evaluateRuleStep(i))) return false;
        return true;
      },
      async evaluateRuleStep() {
        steps++;
        busy(3);
        return true;
      },
    }));
    takeTurns(rules, turns(8));
    const results = await Promise.all(rules.map((rule) => rule.detectCmp()));
    pageRuns = false;
    expect(results.every(Boolean)).toBe(true);
    expect(steps).toBe(40);
    // A slice of 8 ms holds at most three steps of 3 ms; the rule-level gate alone let three rules' four steps (12) through.
    expect(Math.max(...perTask)).toBeLessThanOrEqual(4);
  });

  it("leave autoconsent's detection working: its rule still finds its CMP, every check through the gate", async () => {
    document.body.innerHTML = '<div id="turns-cmp"><p>We use cookies.</p><button id="turns-reject">Reject</button></div>';
    const engine = new AutoConsent(async () => undefined);
    const rule = {
      name: 'turns-test-cmp',
      detectCmp: [{ exists: '#turns-cmp' }],
      detectPopup: [{ visible: '#turns-cmp' }],
      optIn: [{ click: '#turns-reject' }],
      optOut: [{ click: '#turns-reject' }],
    };
    await engine.receiveMessageCallback({
      type: 'initResp',
      config: { enabled: true, autoAction: null, disabledCmps: [], enablePrehide: false, enableCosmeticRules: true, detectRetries: 0, isMainWorld: false, prehideTimeout: 0, logs: { lifecycle: false, rulesteps: false, evals: false, errors: false, messages: false } },
      rules: { autoconsent: [rule] },
    } as never);
    let passed = 0;
    const gate = turns();
    takeTurns(engine.rules, () => (passed++, gate()));
    const found = await engine.findCmp(0);
    expect(found.map((cmp) => cmp.name)).toContain('turns-test-cmp');
    expect(passed).toBeGreaterThanOrEqual(engine.rules.length);
    expect(engine.rules.length).toBeGreaterThan(1);
  });
});
