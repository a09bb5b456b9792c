import { browser } from 'wxt/browser';

/** What an injection answers: one entry per frame it ran in, with the function's result. */
export type InjectionResult = { result?: unknown };

/**
 * The `scripting` API, typed as the extension uses it (every build has it:
 * MV3, and Firefox MV2 since version 102), where the polyfill's types lack it.
 */
export function scripting(): { executeScript: (options: unknown) => Promise<InjectionResult[]> } {
  return (browser as unknown as { scripting: ReturnType<typeof scripting> }).scripting;
}
