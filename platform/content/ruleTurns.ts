import { nextTask, SLICE_MS } from './nextTask';

/** What a rule of the consent engine offers to detect its CMP on the page. */
export interface DetectingRule {
  detectCmp(): Promise<boolean>;
  /** A declarative rule's one step (a selector to find, a click, a branch), each awaited in turn. */
  evaluateRuleStep?(step: unknown): Promise<unknown>;
}

/**
 * A gate that checks pass one at a time: as many as fit in `sliceMs` go in
 * one task, the rest in the tasks after it. A check's synchronous part runs
 * as soon as it is let through, so its time counts against the slice it ran in.
 */
export function turns(sliceMs = SLICE_MS): () => Promise<void> {
  const waiting: (() => void)[] = [];
  let running = false;
  const slice = async () => {
    const until = performance.now() + sliceMs;
    while (waiting.length > 0 && performance.now() < until) {
      waiting.shift()!();
      // The check let through runs its synchronous part before this loop goes on.
      await undefined;
    }
    if (waiting.length > 0) nextTask(() => void slice());
    else running = false;
  };
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (running) return;
      running = true;
      nextTask(() => void slice());
    });
}

/**
 * Makes each rule's detection wait its turn, and each step of a declarative
 * rule too. autoconsent starts every rule's check in one go, and each asks the
 * whole page for its selectors: on a huge page one pass over its 230-odd rules
 * is a task of 50 ms and more. A rule's later steps run as the promises of its
 * earlier ones settle, in the same task as whatever let them through, so a
 * gate on the rule alone still let several rules' later steps pile up in one
 * task (57 ms on a huge page). Taking turns, the same checks run in the same
 * order per rule, a few milliseconds' worth per task; one step is one query.
 */
export function takeTurns(rules: readonly DetectingRule[], gate: () => Promise<void> = turns()): void {
  for (const rule of rules) {
    const detect = rule.detectCmp.bind(rule);
    rule.detectCmp = async () => {
      await gate();
      return detect();
    };
    if (typeof rule.evaluateRuleStep !== 'function') continue;
    const evaluate = rule.evaluateRuleStep.bind(rule);
    rule.evaluateRuleStep = async (step: unknown) => {
      await gate();
      return evaluate(step);
    };
  }
}
