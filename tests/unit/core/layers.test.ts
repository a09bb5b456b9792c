import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture's import directions are enforced by ESLint; this proves the rule still bites.
const eslint = new ESLint({ cwd: join(import.meta.dirname, '../../..') });

async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'boundaries/dependencies').map((m) => m.message);
}

describe('layer boundaries', () => {
  it('lets components import only types from core', async () => {
    expect(await boundaryErrors('components/X.tsx', "import type { Purpose } from '../core/consent/purposes';\nexport type P = Purpose;\n")).toEqual([]);
    expect(await boundaryErrors('components/X.tsx', "import { PURPOSES } from '../core/consent/purposes';\nexport const p = PURPOSES;\n")).toHaveLength(1);
  });

  it('keeps core free of platform, and components free of platform and stores', async () => {
    expect(await boundaryErrors('core/x.ts', "import { database } from '../platform/db';\nexport const d = database;\n")).toHaveLength(1);
    expect(await boundaryErrors('components/X.tsx', "import { database } from '../platform/db';\nexport const d = database;\n")).toHaveLength(1);
    expect(await boundaryErrors('platform/x.ts', "import { useRouteStore } from '../stores/route';\nexport const s = useRouteStore;\n")).toHaveLength(1);
  });

  it('lets entrypoints wire every layer', async () => {
    const code = "import { database } from '../../platform/db';\nimport { PURPOSES } from '../../core/consent/purposes';\nimport { Root } from '../../components/Root';\nexport const all = [database, PURPOSES, Root];\n";
    expect(await boundaryErrors('entrypoints/popup/x.tsx', code)).toEqual([]);
  });
});
