import {readdirSync} from 'node:fs';
import {availableParallelism} from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import {defineConfig, type ViteUserConfig} from 'vitest/config';

const rootDir = import.meta.dirname;
const stubsDir = path.join(rootDir, 'tests/unit/stubs');

// Dates in tests must not depend on the machine's zone. Set before workers start so they inherit it.
process.env.TZ = 'UTC';

/**
 * Docusaurus resolves `@docusaurus/Link`, `@theme/Layout`, `@generated/…` in its bundler only.
 * Each file in tests/unit/stubs/<folder>/ stands in for `<prefix>/<file name>`; add a file to stub another.
 */
function stubAliases(folder: string, prefix: string) {
  return readdirSync(path.join(stubsDir, folder)).map((file) => ({
    find: new RegExp(`^${prefix}/${path.parse(file).name}$`),
    replacement: path.join(stubsDir, folder, file),
  }));
}

const alias = [
  ...stubAliases('docusaurus', '@docusaurus'),
  ...stubAliases('theme', '@theme'),
  ...stubAliases('theme-original', '@theme-original'),
  ...stubAliases('generated', '@generated'),
  // The plan-data plugin's map of per-plan modules (plugins/plan-model/ids.ts, PLAN_LOADERS_FILE).
  {find: /^@generated\/plan-data\/default\/plan-loaders$/, replacement: path.join(stubsDir, 'plan-data/plan-loaders.ts')},
  {find: /^@generated\/plan-data\/default\/plan-ids\.json$/, replacement: path.join(stubsDir, 'plan-data/plan-ids.ts')},
  {find: /^@generated\/plan-data\/default\/plan-summaries\.json$/, replacement: path.join(stubsDir, 'plan-data/plan-summaries.ts')},
  // The context behind useIsBrowser, which src/components/HydrateWhenNear provides to a part hydrating on its own.
  {find: /^@docusaurus\/core\/lib\/client\/browserContext$/, replacement: path.join(stubsDir, 'docusaurus-core/browserContext.ts')},
  {find: /^@site\//, replacement: `${rootDir}/`},
];

// Reports for .ci/run to count; outside test-results/, which Playwright empties when it starts.
const reporters: NonNullable<ViteUserConfig['test']>['reporters'] = process.env.CI
  ? ['default', ['json', {outputFile: 'test-reports/vitest.json'}]]
  : ['default'];

export default defineConfig({
  plugins: [react()],
  resolve: {alias},
  test: {
    globals: true,
    env: {TZ: 'UTC'},
    setupFiles: ['tests/unit/setup.ts'],
    // A time limit is not an assertion: on a two-core machine shared with a build, a test that takes 300 ms alone
    // can take several seconds. These limits only catch a test that hangs; speed is measured by `npm run bench`.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Vitest's default is one worker fewer than the cores: one on the two-core machines that run this, which left a
    // core idle for the whole unit run (267 s with one worker, 122 s with two, on a quiet machine).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    reporters,
    // theme-common imports the bundler aliases itself, so it must go through the aliases above.
    server: {deps: {inline: [/@docusaurus\/theme-common/]}},
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          // Pure logic and the store, each test starting from the reset in tests/unit/setup.ts: one module graph per
          // worker instead of one per file (93 s instead of 122 s for the unit run on two cores). The component tests
          // (dom) stay isolated: Testing Library and jsdom keep state between files.
          isolate: false,
          include: ['tests/unit/**/*.test.ts', 'plugins/**/*.test.ts', 'src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          // Each file gets a fresh VM context instead of a fresh process: jsdom and React are not set up again for every
          // file (83 s instead of 93 s for the unit run on two cores).
          pool: 'vmThreads',
          include: ['tests/unit/**/*.test.tsx', 'src/**/*.test.tsx'],
        },
      },
    ],
  },
});
