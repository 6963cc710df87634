// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

const BROWSER_TO_PLUGINS = {
  regex: '^(@site/)?(\\.\\./)*plugins/(?!plan-model/ids$|plan-model/identity$|plan-model/adoption$|plan-model/duration$|plan-model/location$|plan-data/data$)',
  allowTypeImports: true,
  message:
    'Browser code imports only types and the isomorphic modules (plan-model/ids, plan-model/identity, plan-model/adoption, plan-model/duration, plan-model/location, plan-data/data) from plugins/.',
};
/**
 * The store has one public entry, `@site/src/store` (src/store/index.ts): its modules are private to src/store/. Root's
 * after-hydration `import()` of the page watch is the one way in besides it (a dynamic import, which this rule does not
 * see), kept out of the entry bundle's weight.
 */
const STORE_PRIVATE_MODULES = {
  regex: '(^@site/src/store|(^|/)store)/.+$',
  message: "Import the store through its public entry, '@site/src/store'; the modules behind it are private to src/store/.",
};

export default tseslint.config(
  {ignores: ['build/', '.docusaurus/', 'node_modules/', 'test-reports/', 'test-results/', 'bench/results/', '**/__fixtures__/']},
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {globals: {...globals.node}},
    rules: {
      // `_name` marks a value deliberately left unused (a destructured-away key, a required parameter).
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_'}],
    },
  },
  {
    // Browser code: components, hooks, the store and theme wrappers.
    files: ['src/**/*.{ts,tsx}'],
    ...jsxA11y.flatConfigs.recommended,
    languageOptions: {...jsxA11y.flatConfigs.recommended.languageOptions, globals: {...globals.browser}},
    plugins: {...jsxA11y.flatConfigs.recommended.plugins, 'react-hooks': reactHooks},
    rules: {...jsxA11y.flatConfigs.recommended.rules, ...reactHooks.configs.recommended.rules},
  },
  {
    // Build time never reaches into the browser side: plugins/ runs in Node while the site builds.
    files: ['plugins/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'docusaurus.config.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {regex: '(^|/)src/|^@site/src', message: 'Build-time code must not import browser code (src/); move shared logic to plugins/plan-model/ids.ts.'},
          ],
        },
      ],
    },
  },
  {
    // The browser takes from plugins/ only types and the isomorphic modules (ids, durations, locations, the plan data's shape).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {patterns: [BROWSER_TO_PLUGINS]}],
    },
  },
  {
    // Outside src/store, code goes through the store's public entry.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/store/**', '**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {patterns: [BROWSER_TO_PLUGINS, STORE_PRIVATE_MODULES]}],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', '**/*.test.{ts,tsx}'],
    languageOptions: {globals: {...globals.browser, ...globals.node, ...globals.vitest}},
  },
);
