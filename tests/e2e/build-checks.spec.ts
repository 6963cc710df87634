import {execFile} from 'node:child_process';
import {cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {expect, test} from '@playwright/test';
import {repoRoot} from '../support/seeds';

/** What a site build needs; build output and caches stay behind. */
const siteFiles = ['docusaurus.config.ts', 'sidebars.ts', 'package.json', 'tsconfig.json', 'src', 'static', 'docs', 'plugins'];

/** Builds a copy of the site with one extra doc; resolves with the exit code and everything it printed. */
async function buildWithExtraDoc(markdown: string): Promise<{code: number; output: string}> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'site-build-check-'));
  try {
    for (const entry of siteFiles) {
      if (existsSync(path.join(repoRoot, entry))) cpSync(path.join(repoRoot, entry), path.join(dir, entry), {recursive: true});
    }
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    writeFileSync(path.join(dir, 'docs', 'build-check.md'), markdown);
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
  {name: 'a Markdown link to a file that does not exist', link: '[missing plan](./no-such-plan.md)', named: 'no-such-plan.md'},
  {name: 'a link to a page that does not exist', link: '[missing page](/no-such-page)', named: '/no-such-page'},
  {name: 'a link to an anchor that does not exist', link: '[missing day](/weeks/week-09/go#no-such-day)', named: '/weeks/week-09/go#no-such-day'},
];

// Each case is a full production build (about half a minute, longer when it shares the two cores with another test).

for (const scenario of scenarios) {
  test(`the build fails on ${scenario.name}, naming it`, async () => {
    test.setTimeout(300_000);
    const {code, output} = await buildWithExtraDoc(`# Build check\n\nThis page has ${scenario.link} in it.\n`);
    const tail = output.split('\n').slice(-40).join('\n');
    expect(code, `the build should have failed; it printed:\n${tail}`).not.toBe(0);
    expect(output, 'the error should name the broken link').toContain(scenario.named);
    // The contributor's mistake is named with its place in the file, not buried in a stack trace.
    expect(output).toMatch(/^docs\/build-check\.md:3:\d+ {2}error {2}/m);
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
}
