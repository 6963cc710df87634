import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, readdirSync} from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type {LoadContext, PluginContentLoadedActions} from '@docusaurus/types';
import {PLAN_IDS_FILE, PLAN_LOADERS_FILE, PLAN_SUMMARIES_FILE, planModuleFile} from '../plan-model/ids';
import planDataPlugin, {type PlanDataOptions} from './index';
import {FactsCache} from '../plan-validator/cache';
import {planModules, type PlanDoc} from './modules';

const root = path.resolve(__dirname, '../..');

/** Processes the plugin starts, counted: the check's own process is one. */
const started = vi.hoisted(() => ({processes: 0}));
vi.mock('node:child_process', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:child_process')>();
  return {
    ...actual,
    spawn: (...args: Parameters<typeof actual.spawn>) => {
      started.processes += 1;
      return actual.spawn(...args);
    },
  };
});
const loader = createRequire(__filename)('./deferredModuleLoader.cjs') as (this: unknown) => void;
/** Every doc of the temporary site, as an id (`weeks/week-10/go`). */
const docIdsIn = (dir: string): string[] =>
  readdirSync(path.join(dir, 'docs'), {recursive: true, encoding: 'utf8'})
    .filter((file) => file.endsWith('.md'))
    .map((file) => file.split(path.sep).join('/').replace(/\.md$/, ''))
    .sort();

let siteDir: string;
let docIds: string[];
let plans: string[];
beforeEach(() => {
  started.processes = 0;
  siteDir = mkdtempSync(path.join(os.tmpdir(), 'plan-data-'));
  // The site's own docs, all of them (the check follows links between them), and as many weeks again as a guide that
  // grew: a production build checks a site of this size in a process of its own.
  cpSync(path.join(root, 'docs'), path.join(siteDir, 'docs'), {recursive: true});
  const week10 = readFileSync(path.join(root, 'docs/weeks/week-10/go.md'), 'utf8');
  for (let week = 1; week <= 16; week += 1) {
    const folder = `docs/weeks/week-${String(week).padStart(2, '0')}`;
    mkdirSync(path.join(siteDir, folder), {recursive: true});
    for (const track of ['rust', 'java']) {
      const plan = week10
        .replace('id: go', `id: ${track}`)
        .replace('title: Go Track', `title: ${track} track`)
        .replace(/^(### Day \d+ – .*)$/gm, `$1 (${track}, week ${week})`);
      writeFileSync(path.join(siteDir, folder, `${track}.md`), plan);
    }
  }
  docIds = docIdsIn(siteDir);
  plans = docIds.filter((id) => id.startsWith('weeks/') || id.startsWith('intensive/'));
});
afterEach(() => {
  rmSync(siteDir, {recursive: true, force: true});
  vi.unstubAllEnvs();
});

/** The temporary site with the site's own docs only (no generated weeks): checked in the main process, and quicker. */
function siteDocsOnly(): void {
  rmSync(path.join(siteDir, 'docs/weeks'), {recursive: true});
  cpSync(path.join(root, 'docs/weeks'), path.join(siteDir, 'docs/weeks'), {recursive: true});
  docIds = docIdsIn(siteDir);
}

/** Loads the plugin's content as Docusaurus would, then asks the bundler's loader for every module the plugin wrote. */
async function build(options?: PlanDataOptions): Promise<{written: Map<string, string>; bundled: Map<string, string>}> {
  const generatedFilesDir = path.join(siteDir, '.docusaurus');
  const plugin = planDataPlugin({siteDir, generatedFilesDir} as LoadContext, options);
  const written = new Map<string, string>();
  const actions = {
    createData: async (name: string, data: string) => {
      const file = path.join(generatedFilesDir, 'plan-data', 'default', name);
      mkdirSync(path.dirname(file), {recursive: true});
      writeFileSync(file, data);
      written.set(name, data);
      return file;
    },
  } as unknown as PluginContentLoadedActions;
  const docs = docIds.map((id) => ({source: `@site/docs/${id}.md`, permalink: `/${id}`, title: id, frontMatter: {}}));
  const allContent = {'docusaurus-plugin-content-docs': {default: {loadedVersions: [{contentPath: path.join(siteDir, 'docs'), docs}]}}};
  await plugin.allContentLoaded!({allContent, actions} as never);
  const rule = (plugin.configureWebpack!({} as never, false, {} as never, {} as never) as {module: {rules: {include: string}[]}}).module.rules[0]!;
  const bundled = new Map<string, string>();
  for (const name of written.keys()) {
    const resourcePath = path.join(rule.include, name);
    bundled.set(
      name,
      await new Promise<string>((resolve, reject) => {
        loader.call({resourcePath, cacheable: () => {}, async: () => (error: Error | null, text?: string) => (error ? reject(error) : resolve(text!))});
      }),
    );
  }
  return {written, bundled};
}

/** What the check makes of the same docs, here in this thread. */
function expected(): Map<string, string> {
  const docs = docIds.map((id): PlanDoc => ({
    docPath: `${id}.md`,
    displayPath: `docs/${id}.md`,
    bytes: readFileSync(path.join(siteDir, 'docs', `${id}.md`)),
    permalink: `/${id}`,
    title: id,
    docModule: `@site/docs/${id}.md`,
  }));
  return planModules(docs, new FactsCache(null), true).modules;
}

describe('the plan modules, made while the bundler starts', () => {
  it('hands the bundler, in a production build, the modules the check makes, in a process of its own, for every plan', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // At the usual priority: the test runner keeps both cores busy, which a build's own process would yield to.
    const {written, bundled} = await build({checkNice: 0, checkPatienceMs: 50_000});
    expect(started.processes).toBe(1);
    expect(warn.mock.calls.join('\n')).not.toMatch(/process failed/);
    const made = expected();
    expect([...made.keys()].sort()).toEqual(
      [PLAN_SUMMARIES_FILE, PLAN_LOADERS_FILE, PLAN_IDS_FILE, 'plan-fingerprints.json', ...plans.map(planModuleFile)].sort(),
    );
    for (const [name, text] of made) expect(bundled.get(name), name).toBe(text);
    expect(JSON.parse(bundled.get(PLAN_IDS_FILE)!)).toEqual([...plans].sort());
    expect(plans).toContain('weeks/week-10/go');
    // The roadmap sits where no plan is, so it has no module at all; the stand-ins name what they are made from.
    expect(written.has(planModuleFile('roadmap/roadmap-16-weeks'))).toBe(false);
    expect(written.get(planModuleFile('weeks/week-10/go'))).toMatch(/^\{"madeFrom":"[0-9a-f]{16}"\}$/);
  });

  it('writes stand-ins that change with the docs they are made from, and only those', async () => {
    siteDocsOnly();
    const before = (await build()).written;
    const week9 = path.join(siteDir, 'docs', 'weeks/week-09/go.md');
    writeFileSync(week9, readFileSync(week9, 'utf8').replace('System Design Interview Framework\n', 'Interview Framework, edited\n'));
    const {written: after, bundled} = await build();
    const changed = [...after.keys()].filter((name) => after.get(name) !== before.get(name)).sort();
    expect(changed).toEqual([PLAN_SUMMARIES_FILE, PLAN_LOADERS_FILE, PLAN_IDS_FILE, 'plan-fingerprints.json', planModuleFile('weeks/week-09/go')].sort());
    // The dev server's path (the check in this thread) hands over the edited plan.
    expect(bundled.get(planModuleFile('weeks/week-09/go'))).toBe(expected().get(planModuleFile('weeks/week-09/go')));
    expect(bundled.get(planModuleFile('weeks/week-09/go'))).toContain('"title":"Interview Framework, edited"');
    expect(started.processes).toBe(0);
  });

  it('checks in the main process when its own process does not answer in time, making the same modules', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const {bundled} = await build({checkPatienceMs: 1});
    expect(started.processes).toBe(1);
    expect(warn.mock.calls.join('\n')).toMatch(/own process failed \(Error: no answer within 0 s\); checking the plans in the main thread instead/);
    expect(bundled).toEqual(expected());
  });

  it('checks a small site in the main process in a production build too, making the same modules', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    siteDocsOnly();
    const {bundled} = await build();
    expect(started.processes).toBe(0);
    expect(bundled).toEqual(expected());
    expect(bundled.get(planModuleFile('weeks/week-10/go'))).toContain('"number":1');
  });

  it('fails a module the plugin did not write, naming it, instead of bundling the stand-in', async () => {
    siteDocsOnly();
    await build();
    const error = await new Promise<Error>((resolve) => {
      loader.call({resourcePath: path.join(siteDir, 'elsewhere.json'), cacheable: () => {}, async: () => (failure: Error | null) => resolve(failure!)});
    });
    expect(error.message).toMatch(/nothing makes .*elsewhere\.json/);
    expect(readdirSync(path.join(siteDir, '.docusaurus', 'plan-data', 'default')).sort()).toContain(PLAN_IDS_FILE);
  });
});
