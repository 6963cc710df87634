import {execFile} from 'node:child_process';
import {cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {expect, test} from './support/test';
import {repoRoot} from '../support/seeds';

/** What a site build needs; build output and caches stay behind. */
const siteFiles = ['docusaurus.config.ts', 'sidebars.ts', 'package.json', 'tsconfig.json', 'src', 'static', 'docs', 'plugins'];

/** Builds a copy of the site with extra docs (file name → Markdown); resolves with the exit code and everything it printed. */
async function buildWithExtraDocs(docs: Record<string, string>): Promise<{code: number; output: string}> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'site-build-check-'));
  try {
    for (const entry of siteFiles) {
      if (existsSync(path.join(repoRoot, entry))) cpSync(path.join(repoRoot, entry), path.join(dir, entry), {recursive: true});
    }
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    for (const [file, markdown] of Object.entries(docs)) writeFileSync(path.join(dir, 'docs', file), markdown);
    return await new Promise((resolve) => {
      execFile(
        path.join(repoRoot, 'node_modules', '.bin', 'docusaurus'),
        ['build'],
        // No persistent cache: the copy must not write into the real site's bundler cache.
        {cwd: dir, env: {...process.env, DOCUSAURUS_NO_PERSISTENT_CACHE: 'true'}, maxBuffer: 64 * 1024 * 1024, timeout: 280_000},
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({code, output: `${stdout}\n${stderr}`});
        },
      );
    });
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

const scenarios = [
  {name: 'a Markdown link to a file that does not exist', file: 'build-check-file.md', link: '[missing plan](./no-such-plan.md)', named: 'no-such-plan.md'},
  {name: 'a link to a page that does not exist', file: 'build-check-page.md', link: '[missing page](/no-such-page)', named: '/no-such-page'},
  {
    name: 'a link to an anchor that does not exist',
    file: 'build-check-anchor.md',
    link: '[missing day](/weeks/week-09/go#no-such-day)',
    named: '/weeks/week-09/go#no-such-day',
  },
];

// One build holds every case, each in a doc of its own: the content check reports every broken link before the
// build stops, so each case must be named as an error in its own file. A full production build start takes a good
// part of a minute on two busy cores; one instead of one per case.
test.describe('a broken link in a doc', () => {
  test.describe.configure({mode: 'serial', timeout: 300_000});
  let build: {code: number; output: string};
  test.beforeAll(async () => {
    build = await buildWithExtraDocs(Object.fromEntries(scenarios.map(({file, link}) => [file, `# Build check\n\nThis page has ${link} in it.\n`])));
  });

  for (const scenario of scenarios) {
    test(`the build fails on ${scenario.name}, naming it`, () => {
      const {code, output} = build;
      const tail = output.split('\n').slice(-40).join('\n');
      expect(code, `the build should have failed; it printed:\n${tail}`).not.toBe(0);
      // The contributor's mistake is named with its place in its file, not buried in a stack trace.
      const lines = output.split('\n').filter((line) => line.startsWith(`docs/${scenario.file}:`));
      expect(lines, 'the error should name the broken link, in its file').toEqual([
        expect.stringMatching(new RegExp(`^docs/${escape(scenario.file)}:3:\\d+ {2}error {2}.*${escape(scenario.named)}`)),
      ]);
      expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    });
  }
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
