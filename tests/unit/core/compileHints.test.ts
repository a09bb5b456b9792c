import type { Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { ALL_FUNCTIONS_CALLED_ON_LOAD, compileHints } from '../../../scripts/build/compileHints';

type OutputAsset = Rollup.OutputAsset;
type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

const chunk = (fileName: string, code: string) => ({ type: 'chunk', fileName, code }) as OutputChunk;

/** Runs the plugin's generateBundle over `bundle` as the bundler would, `times` times. */
function generate(bundle: Record<string, OutputChunk | OutputAsset>, names: string[], times = 1): void {
  const hook = compileHints(names).generateBundle as (options: unknown, bundle: OutputBundle) => void;
  for (let i = 0; i < times; i++) hook.call({}, {}, bundle as OutputBundle);
}

describe('the compile-hint build step', () => {
  it('puts the hint first in the named scripts only, once however often it runs', () => {
    const bundle = {
      'frame-start.js': chunk('frame-start.js', '(function(){})();'),
      'consent-engine.js': chunk('consent-engine.js', '(function(){})();'),
      'style.css': { type: 'asset', fileName: 'style.css', source: 'a{}' } as OutputAsset,
    };
    generate(bundle, ['frame-start.js'], 2);
    expect(bundle['frame-start.js'].code).toBe(`${ALL_FUNCTIONS_CALLED_ON_LOAD}(function(){})();`);
    expect(bundle['consent-engine.js'].code).toBe('(function(){})();');
    expect(bundle['style.css'].source).toBe('a{}');
  });

  it('is the exact comment V8 reads: at the very start, on a line of its own', () => {
    expect(ALL_FUNCTIONS_CALLED_ON_LOAD).toBe('//# allFunctionsCalledOnLoad\n');
  });
});
