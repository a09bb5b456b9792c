// @vitest-environment happy-dom
import AutoConsent from '@duckduckgo/autoconsent';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cheapenRuleChecks } from '../../../platform/content/cheaperRuleChecks';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

/** autoconsent's Admiral rule, from a real engine. */
function admiral() {
  const engine = new AutoConsent(async () => undefined);
  const rule = engine.rules.find((r) => r.name === 'Admiral') as unknown as { detectCmp(): Promise<boolean>; getVrmNotice(): Element | undefined; name: string };
  expect(rule).toBeDefined();
  return { engine, rule };
}

/** A child div of the body with this style and text, laid out with a size (happy-dom lays nothing out). */
function div(style: string, text: string): HTMLElement {
  const el = document.createElement('div');
  el.setAttribute('style', style);
  el.textContent = text;
  vi.spyOn(el, 'getBoundingClientRect').mockReturnValue({ width: 300, height: 80 } as DOMRect);
  document.body.append(el);
  return el;
}

describe("cheaper checks for autoconsent's Admiral rule", () => {
  it('find the same VRM notice as the rule, and the same nothing', () => {
    const { rule } = admiral();
    const original = rule.getVrmNotice.bind(rule);
    div('position:static', 'Your Privacy VRM Admiral');
    div('position:fixed', 'Other news');
    const notice = div('position:fixed', 'Your Privacy: VRM by Admiral');
    cheapenRuleChecks([rule]);
    expect(rule.getVrmNotice()).toBe(notice);
    expect(original()).toBe(notice);
    notice.remove();
    expect(rule.getVrmNotice()).toBeUndefined();
    expect(original()).toBeUndefined();
  });

  it('read the text of a fixed, visible box only', () => {
    const { rule } = admiral();
    const reads: Element[] = [];
    const owner = Object.getPrototypeOf(document.body) as object;
    let proto: object = owner;
    while (!Object.getOwnPropertyDescriptor(proto, 'innerText')) proto = Object.getPrototypeOf(proto) as object;
    const getter = Object.getOwnPropertyDescriptor(proto, 'innerText')!.get!;
    vi.spyOn(proto as HTMLElement, 'innerText', 'get').mockImplementation(function (this: HTMLElement) {
      reads.push(this);
      return getter.call(this) as string;
    });
    div('position:static', 'A whole page of text');
    const fixed = div('position:fixed', 'Your Privacy');
    cheapenRuleChecks([rule]);
    expect(rule.getVrmNotice()).toBeUndefined();
    expect(reads).toEqual([fixed]);
  });

  it('leave every other rule as it was', () => {
    const { engine } = admiral();
    const others = engine.rules.filter((r) => r.name !== 'Admiral');
    const before = others.map((r) => (r as unknown as Record<string, unknown>).getVrmNotice);
    cheapenRuleChecks(engine.rules);
    expect(others.map((r) => (r as unknown as Record<string, unknown>).getVrmNotice)).toEqual(before);
    expect(others.length).toBeGreaterThan(0);
  });
});
