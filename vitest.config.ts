import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Five groups. `npm run test:unit` runs the first three; the browser groups
 * need a build (`npm run build:all`) and are run by `npm run test:e2e` and
 * `npm run test:firefox`.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'core', environment: 'node', include: ['tests/unit/core/**/*.test.ts'] },
      },
      {
        // WxtVitest does not apply wxt.config's vite plugins; WXT's fake browser stands in for `browser`.
        plugins: [WxtVitest()],
        test: {
          name: 'platform',
          environment: 'node',
          include: ['tests/unit/platform/**/*.test.ts'],
          setupFiles: ['tests/unit/platform/setup.ts'],
        },
      },
      {
        plugins: [WxtVitest(), preact()],
        test: {
          name: 'components',
          environment: 'happy-dom',
          include: ['tests/unit/components/**/*.test.tsx'],
          setupFiles: ['tests/unit/components/setup.ts'],
          server: { deps: { inline: ['zustand'] } },
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.e2e.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'firefox',
          environment: 'node',
          include: ['tests/firefox/**/*.e2e.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
