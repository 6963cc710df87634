import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, readdirSync} from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type {LoadContext, PluginContentLoadedActions} from '@docusaurus/types';
import {PLAN_IDS_FILE, PLAN_LOADERS_FILE, PLAN_SUMMARIES_FILE, planModuleFile} from '../plan-model/ids';
import planDataPlugin from './index';
import {FactsCache} from '../plan-validator/cache';
import {planModules, type PlanDoc} from './modules';

const root = path.resolve(__dirname, '../..');
const loader = createRequire(__filename)('./deferredModuleLoader.cjs') as (this: unknown) => void;
// The site's own docs, all of them: the check follows links between them.
const docIds = readdirSync(path.join(root, 'docs'), {recursive: true, encoding: 'utf8'})
  .filter((file) => file.endsWith('.md'))
  .map((file) => file.split(path.sep).join('/').replace(/\.md$/, ''));
const plans = docIds.filter((id) => id.startsWith('weeks/') || id.startsWith('intensive/'));

let siteDir: string;
beforeEach(() => {
  siteDir = mkdtempSync(path.join(os.tmpdir(), 'plan-data-'));
  cpSync(path.join(root, 'docs'), path.join(siteDir, 'docs'), {recursive: true});
});
afterEach(() => {
  rmSync(siteDir, {recursive: true, force: true});
  vi.unstubAllEnvs();
});

/** Loads the plugin's content as Docusaurus would, then asks the bundler's loader for every module the plugin wrote. */
async function build(): Promise<{written: Map<string, string>; bundled: Map<string, string>}> {
  const generatedFilesDir = path.join(siteDir, '.docusaurus');
  const plugin = planDataPlugin({siteDir, generatedFilesDir} as LoadContext);
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
    const {written, bundled} = await build();
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
    const before = (await build()).written;
    const week9 = path.join(siteDir, 'docs', 'weeks/week-09/go.md');
    writeFileSync(week9, readFileSync(week9, 'utf8').replace('System Design Interview Framework\n', 'Interview Framework, edited\n'));
    const {written: after, bundled} = await build();
    const changed = [...after.keys()].filter((name) => after.get(name) !== before.get(name)).sort();
    expect(changed).toEqual([PLAN_SUMMARIES_FILE, PLAN_LOADERS_FILE, PLAN_IDS_FILE, 'plan-fingerprints.json', planModuleFile('weeks/week-09/go')].sort());
    // The dev server's path (the check in this thread) hands over the edited plan.
    expect(bundled.get(planModuleFile('weeks/week-09/go'))).toBe(expected().get(planModuleFile('weeks/week-09/go')));
    expect(bundled.get(planModuleFile('weeks/week-09/go'))).toContain('"title":"Interview Framework, edited"');
  });

  it('fails a module the plugin did not write, naming it, instead of bundling the stand-in', async () => {
    await build();
    const error = await new Promise<Error>((resolve) => {
      loader.call({resourcePath: path.join(siteDir, 'elsewhere.json'), cacheable: () => {}, async: () => (failure: Error | null) => resolve(failure!)});
    });
    expect(error.message).toMatch(/nothing makes .*elsewhere\.json/);
    expect(readdirSync(path.join(siteDir, '.docusaurus', 'plan-data', 'default')).sort()).toContain(PLAN_IDS_FILE);
  });
});
