import type { Config, IndexedCMPRuleset, RuleBundle } from '@duckduckgo/autoconsent';
import { filterCompactRules } from '@duckduckgo/autoconsent';
import compactRules from '@duckduckgo/autoconsent/rules/compact-rules.json';

/**
 * autoconsent runs with `autoAction: null`: it finds banners and reports them,
 * and the background decides. Its heuristic detector is on, so banners no rule
 * knows are found too; `reject` mode only ever presses a reject button.
 */
export function autoconsentConfig(enabled: boolean, prehide: boolean): Config {
  return {
    enabled,
    autoAction: null,
    disabledCmps: [],
    enablePrehide: prehide,
    enableCosmeticRules: true,
    enableGeneratedRules: true,
    enableHeuristicDetection: true,
    enablePopupMutationObserver: true,
    detectRetries: 20,
    isMainWorld: false,
    prehideTimeout: 2000,
    visualTest: false,
    logs: { lifecycle: false, rulesteps: false, detectionsteps: false, evals: false, errors: false, messages: false, waits: false },
    performanceLoggingEnabled: false,
    heuristicPopupSearchTimeout: 100,
    heuristicMode: 'reject',
  };
}

/** Only the rules that can apply to this frame's URL travel to it. */
export function rulesFor(url: string, mainFrame: boolean): RuleBundle {
  return { autoconsent: [], compact: filterCompactRules(compactRules as unknown as IndexedCMPRuleset, { url, mainFrame }) };
}
