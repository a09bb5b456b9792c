import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/** The layers of docs/architecture.md, and which may import which. */
// Tests and scripts come first: the first element that matches a path wins,
// and tests/unit/components/ must count as tests, not components.
const LAYERS = [
  { type: 'tests', pattern: 'tests' },
  { type: 'scripts', pattern: 'scripts' },
  { type: 'entrypoints', pattern: 'entrypoints' },
  { type: 'components', pattern: 'components' },
  { type: 'stores', pattern: 'stores' },
  { type: 'core', pattern: 'core' },
  { type: 'platform', pattern: 'platform' },
];

const allow = (from, to, dependency) => ({
  from: { element: { type: from } },
  allow: { to: { element: { types: { anyOf: to } } }, ...(dependency ? { dependency } : {}) },
});

export default tseslint.config(
  { ignores: ['.output/**', '.output-*/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'test-output/**'] },
  ...tseslint.configs.recommended,
  {
    // Page scripts of the fixture sites follow the same conventions.
    files: ['**/*.{js,mjs}'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': LAYERS.map((layer) => ({ ...layer, partialMatch: false })),
      'boundaries/include': ['entrypoints/**', 'components/**', 'stores/**', 'core/**', 'platform/**', 'scripts/**', 'tests/**'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
    },
    rules: {
      'boundaries/dependencies': [
        2,
        {
          default: 'disallow',
          policies: [
            allow('entrypoints', ['components', 'stores', 'platform', 'core']),
            allow('stores', ['stores', 'platform', 'core']),
            allow('components', ['components']),
            // Presentational components know the domain's types, never its code.
            allow('components', ['core'], { kind: 'type' }),
            allow('platform', ['platform', 'core']),
            allow('core', ['core']),
            allow('scripts', ['scripts', 'core', 'platform']),
            allow('tests', ['tests', 'scripts', 'core', 'platform', 'components', 'stores', 'entrypoints']),
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'No code from strings.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No code from strings.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text, never HTML from data.' },
      ],
    },
  },
  {
    // Only platform/ talks to the browser and IndexedDB.
    files: ['core/**', 'components/**', 'stores/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'webextension-polyfill', message: 'Browser APIs belong in platform/.' },
            { name: 'dexie', importNames: ['default'], message: 'The database belongs in platform/.' },
          ],
          patterns: [{ group: ['wxt/*'], message: 'WXT APIs belong in entrypoints/ and platform/.' }],
        },
      ],
    },
  },
  {
    files: ['core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['preact', 'preact/*', 'dexie', 'webextension-polyfill', 'wxt', 'wxt/*', 'zustand'], message: 'core/ is plain TypeScript: no browser, UI or database.' }] },
      ],
    },
  },
  {
    // CMP adapters read the page's own globals, which have no types; they validate what they return.
    files: ['core/consent/cmps/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
