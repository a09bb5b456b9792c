import type { Plugin } from 'vite';

/**
 * V8's explicit compile hint (https://v8.dev/blog/explicit-compile-hints): a
 * script that starts with this comment has all its functions compiled when
 * the script is, instead of being parsed twice (skimmed when the script loads,
 * then parsed again at each function's first call).
 */
export const ALL_FUNCTIONS_CALLED_ON_LOAD = '//# allFunctionsCalledOnLoad\n';

/**
 * Puts the compile hint at the top of the named output files, after
 * minification (which drops comments). Meant for the script that runs in
 * every frame of every page and calls most of its functions there: measured
 * on a page without a banner, it takes about a third off that script's cost
 * (docs/benchmarks.md). Other browsers read it as a comment.
 */
export function compileHints(fileNames: readonly string[]): Plugin {
  return {
    name: 'privacy-ledger:compile-hints',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk' && fileNames.includes(output.fileName) && !output.code.startsWith(ALL_FUNCTIONS_CALLED_ON_LOAD)) {
          output.code = ALL_FUNCTIONS_CALLED_ON_LOAD + output.code;
        }
      }
    },
  };
}
