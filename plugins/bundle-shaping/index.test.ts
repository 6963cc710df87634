import path from 'node:path';
import {brokenReliances} from './guard';
import {importedStaticallyBy, type GraphModule, type ModuleGraph} from './importGraph';
import {RULES, type Rule} from './index';

const siteDir = path.resolve(__dirname, '../..');

describe('the bundle-shaping rules still find the modules they shape', () => {
  it('every module a rule swaps, aliases or matches resolves, to a path its pattern matches', () => {
    expect(brokenReliances(RULES, siteDir)).toEqual([]);
  });

  it('every rule that finds modules by a pattern names at least one module the pattern must match', () => {
    const unguarded = RULES.filter((rule) => 'pattern' in rule && rule.pattern && !rule.reliesOn.some((reliedOn) => reliedOn.matched));
    expect(unguarded.map((rule) => rule.name)).toEqual([]);
  });

  it('every rule that finds modules through the import graph names the entry it starts from', () => {
    const unguarded = RULES.filter((rule) => rule.kind === 'cache group' && rule.test && rule.reliesOn.length === 0);
    expect(unguarded.map((rule) => rule.name)).toEqual([]);
  });

  it('reports a rule whose module has moved, and one whose pattern no longer matches where it resolves', () => {
    const prism = RULES.find((rule) => rule.name === 'prism on demand')!;
    const moved: Rule = {...prism, reliesOn: [{request: '@docusaurus/theme-classic/lib/prism-languages-renamed.js', matched: true}]};
    const renamedPattern: Rule = {...prism, pattern: /[\\/]prism-languages-renamed\.js$/} as Rule;
    const goneEntry: Rule = {...prism, reliesOn: [{request: './src/store/noSuchEntry.ts'}]};
    const goneImporter: Rule = {...prism, reliesOn: [{request: 'mark.js', from: '@no-such-scope/search', matched: true}]};

    expect(brokenReliances([moved, renamedPattern, goneEntry, goneImporter], siteDir)).toEqual([
      'bundle-shaping rule "prism on demand": @docusaurus/theme-classic/lib/prism-languages-renamed.js does not resolve.',
      'bundle-shaping rule "prism on demand": @docusaurus/theme-classic/lib/prism-include-languages.js resolves to node_modules/@docusaurus/theme-classic/lib/prism-include-languages.js, which /[\\\\/]prism-languages-renamed\\.js$/ does not match.',
      'bundle-shaping rule "prism on demand": ./src/store/noSuchEntry.ts is not in the site.',
      'bundle-shaping rule "prism on demand": @no-such-scope/search (which requests mark.js) is not installed.',
    ]);
  });
});

describe('a rule for a module the build writes itself', () => {
  const summaries = RULES.find((rule) => rule.name === 'planSummaries')!;

  it('is checked by where the module will be, since a fresh checkout has no generated files', () => {
    expect(brokenReliances([summaries], siteDir)).toEqual([]);
  });

  it('is reported when its pattern no longer matches that place', () => {
    const renamed: Rule = {...summaries, reliesOn: [{request: './.docusaurus/plan-data/default/plan-overview.json', matched: true, generated: true}]};
    expect(brokenReliances([renamed], siteDir)).toEqual([
      expect.stringContaining('bundle-shaping rule "planSummaries": ./.docusaurus/plan-data/default/plan-overview.json resolves to'),
    ]);
  });
});

describe('importedStaticallyBy', () => {
  /** A module graph given as `importer -> [imported, how]` edges over files of a site at /site. */
  function graphOf(edges: [from: string, to: string, type: string][]) {
    const modules = new Map<string, GraphModule>();
    const moduleFor = (file: string) => {
      if (!modules.has(file)) modules.set(file, {nameForCondition: () => `/site/${file}`});
      return modules.get(file)!;
    };
    const moduleGraph: ModuleGraph = {
      getIncomingConnections: (module: never) =>
        edges.filter(([, to]) => moduleFor(to) === (module as GraphModule)).map(([from, , type]) => ({originModule: moduleFor(from), dependency: {type}})),
    };
    return {moduleFor, moduleGraph};
  }

  it('selects the entry and what it imports statically, directly or not, and nothing it loads on demand', () => {
    const {moduleFor, moduleGraph} = graphOf([
      ['src/theme/Root.tsx', 'src/store/pageWatch.ts', 'import()'],
      ['src/store/pageWatch.ts', 'src/store/index.ts', 'esm import'],
      ['src/store/index.ts', 'src/store/schema.ts', 'esm import specifier'],
      ['src/store/schema.ts', 'plugins/plan-model/ids.ts', 'esm import'],
      ['src/store/pageWatch.ts', 'src/components/Dialog/index.tsx', 'import()'],
      ['src/components/PlanDay/index.tsx', 'src/components/Timer/index.tsx', 'esm import'],
      ['src/components/PlanDay/index.tsx', 'src/store/index.ts', 'esm import'],
      ['src/store/index.ts', 'node_modules/react/index.js', 'esm import'],
    ]);
    const test = importedStaticallyBy('/site/src/store/pageWatch.ts', '/site');
    const selected = (file: string) => test(moduleFor(file), {moduleGraph});

    for (const file of ['src/store/pageWatch.ts', 'src/store/index.ts', 'src/store/schema.ts', 'plugins/plan-model/ids.ts']) expect(selected(file)).toBe(true);
    for (const file of [
      'src/theme/Root.tsx',
      'src/components/Dialog/index.tsx',
      'src/components/PlanDay/index.tsx',
      'src/components/Timer/index.tsx',
      'node_modules/react/index.js',
    ]) {
      expect(selected(file)).toBe(false);
    }
  });

  it('asks the graph about each module once, however many modules share importers', () => {
    const pages = Array.from({length: 20}, (_, page) => `docs/weeks/week-${page}/go.md`);
    const edges: [string, string, string][] = [
      ['src/store/pageWatch.ts', 'src/store/records.ts', 'esm import'],
      ['src/components/PlanDay/index.tsx', 'src/store/records.ts', 'esm import'],
      ['src/components/PlanItem/index.tsx', 'src/components/Tick/index.tsx', 'esm import'],
      ...pages.flatMap((page): [string, string, string][] => [
        [page, 'src/components/PlanDay/index.tsx', 'esm import'],
        [page, 'src/components/PlanItem/index.tsx', 'esm import'],
      ]),
    ];
    const {moduleFor, moduleGraph} = graphOf(edges);
    const asked = new Map<GraphModule, number>();
    const counting: ModuleGraph = {
      getIncomingConnections: (module: never) => {
        asked.set(module, (asked.get(module) ?? 0) + 1);
        return moduleGraph.getIncomingConnections(module);
      },
    };
    const test = importedStaticallyBy('/site/src/store/pageWatch.ts', '/site');
    const files = [...new Set(edges.flatMap(([from, to]) => [from, to]))];
    const answers = Object.fromEntries(files.map((file) => [file, test(moduleFor(file), {moduleGraph: counting})]));

    expect(
      Object.entries(answers)
        .filter(([, selected]) => selected)
        .map(([file]) => file),
    ).toEqual(['src/store/pageWatch.ts', 'src/store/records.ts']);
    expect(Math.max(...asked.values())).toBe(1);
  });

  it('follows a module added to the read path without anyone listing it', () => {
    const before = graphOf([['src/store/pageWatch.ts', 'src/store/index.ts', 'esm import']]);
    const after = graphOf([
      ['src/store/pageWatch.ts', 'src/store/index.ts', 'esm import'],
      ['src/store/index.ts', 'src/store/newRecordKind.ts', 'esm import'],
    ]);
    const test = importedStaticallyBy('/site/src/store/pageWatch.ts', '/site');
    expect(test(before.moduleFor('src/store/newRecordKind.ts'), {moduleGraph: before.moduleGraph})).toBe(false);
    expect(test(after.moduleFor('src/store/newRecordKind.ts'), {moduleGraph: after.moduleGraph})).toBe(true);
  });
});

describe("the bundler's vendor group", () => {
  const vendors = RULES.find((rule) => rule.name === 'defaultVendors');
  const picks = (name: string | undefined, initial = false): boolean => {
    if (vendors?.kind !== 'cache group' || typeof vendors.group.chunks !== 'function') throw new Error('no vendor group with a chunk filter');
    return vendors.group.chunks({name, canBeInitial: () => initial});
  };

  it('leaves the docs root route chunk whole, under the name Docusaurus gives it, and splits other on-demand chunks as before', () => {
    // md5 of the route component's path, as Docusaurus names the route chunk in a production build.
    expect(picks('a94703ab')).toBe(false);
    expect(picks('phone-menu')).toBe(true);
    expect(picks(undefined)).toBe(true);
    expect(picks('main', true)).toBe(false);
  });
});
