/** Build cost by number of plan pages: cold builds of copies of the site with synthetic plans added. */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {coldBuild, type Measured} from './build';
import {copySite, countHtml, machine, withLock, write} from './common';
import type {Options} from './options';
import {syntheticPlanFile} from './synthetic';

const SCALE_STEPS = [100, 250, 500];

export async function scaleRun(options: Options, target: number): Promise<number> {
  const steps = [...SCALE_STEPS.filter((step) => step < target), target];
  const rows: {syntheticPages: number; htmlPages: number; build: Measured}[] = [];
  for (const pages of steps) {
    const temp = mkdtempSync(path.join(os.tmpdir(), 'plans-scale-'));
    try {
      copySite(temp);
      for (let index = 0; index < pages; index += 1) {
        const plan = syntheticPlanFile(index);
        mkdirSync(path.dirname(path.join(temp, plan.path)), {recursive: true});
        writeFileSync(path.join(temp, plan.path), plan.text);
      }
      console.log(`Building with ${pages} synthetic plan pages…`);
      const build = await withLock(options.buildLock, () => coldBuild(temp));
      const htmlPages = countHtml(path.join(temp, 'build'));
      rows.push({syntheticPages: pages, htmlPages, build});
      console.log(`  ${htmlPages} HTML pages in ${build.seconds.toFixed(1)} s, peak ${build.peakRssMiB ?? '?'} MiB`);
    } finally {
      rmSync(temp, {recursive: true, force: true});
    }
  }
  const date = new Date().toISOString();
  const host = machine();
  const markdown = [
    `### Build cost by number of plan pages`,
    '',
    `${date.slice(0, 10)} · ${host.cpu}, ${host.memoryGiB} GiB RAM · Node ${host.node} · cold builds (\`docusaurus clear\` first)`,
    '',
    '| Synthetic plan pages | HTML pages built | Build time (s) | Peak memory, process tree (MiB) |',
    '|---:|---:|---:|---:|',
    ...rows.map((row) => `| ${row.syntheticPages} | ${row.htmlPages} | ${row.build.seconds.toFixed(1)} | ${row.build.peakRssMiB ?? 'n/a'} |`),
    '',
  ].join('\n');
  write('scale', {date, machine: host, steps: rows}, markdown);
  return 0;
}
