import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {simpleHash} from '@docusaurus/utils';
import {PLAN_DATA_PLUGIN, PLAN_SUMMARIES_FILE} from '../plan-model/ids';
import {importedStaticallyBy, type ModuleTest} from './importGraph';
import {writeTslibShim} from './tslibHelpers';
import {hasPostcssConfig, withoutConfigSearch} from './postcssConfig';

/** The route chunk of the docs root (`@theme/DocRoot`): Docusaurus names a route component's chunk by its path's hash. */
const DOCS_ROOT_CHUNK = simpleHash('@theme/DocRoot', 8);

/**
 * A module of another package (or of the site) that a rule depends on: where the guard test looks for it, so an
 * upgrade that moves it fails `npm test` instead of silently putting the weight back.
 */
export interface ReliedOn {
  /** How it is requested: `mark.js`, `@docusaurus/theme-classic/lib/prism-include-languages.js`, or `./src/…` in the site. */
  request: string;
  /** The package that requests it, when that package's own dependencies decide what it resolves to; else the site. */
  from?: string;
  /** The rule finds the module by its `pattern`: the resolved file must match it. */
  matched?: boolean;
  /** A module this site's own plugins write while the build loads (under `.docusaurus/`): only its path is checked. */
  generated?: boolean;
}

interface RuleBase {
  /** Names the rule in messages and, for a cache group, in the bundler's config. */
  name: string;
  /** What the rule expects to find; see ReliedOn. */
  reliesOn: ReliedOn[];
}

/** Modules whose path matches `pattern` are replaced by `replacement`, in the browser and server bundles alike. */
export interface ModuleSwap extends RuleBase {
  kind: 'module swap';
  pattern: RegExp;
  replacement: string;
}

/** Inside modules whose path matches `pattern`, the browser bundle resolves `request` to the file `replacement` gives. */
export interface Alias extends RuleBase {
  kind: 'alias';
  pattern: RegExp;
  request: string;
  replacement(context: LoadContext): string;
  /** Writes what `replacement` points at, before the bundler starts. */
  prepare?(context: LoadContext): Promise<void>;
}

/** A split-chunks cache group of the browser bundle, found by `pattern` (a path) or by `test` (the import graph). */
export interface CacheGroup extends RuleBase {
  kind: 'cache group';
  pattern?: RegExp;
  test?(context: LoadContext): ModuleTest;
  group: {
    /** On-demand chunks (`async`), or those a filter picks among them. */
    chunks: 'async' | ((chunk: {name?: string; canBeInitial(): boolean}) => boolean);
    name?: string;
    idHint?: string;
    minChunks: number;
    minSize: number;
    priority: number;
    reuseExistingChunk: true;
  };
}

/**
 * Modules whose path matches `pattern` do nothing when loaded but define exports, so the browser bundle may leave out
 * one whose exports a chunk does not use, even when the chunk imports a module that re-exports it.
 */
export interface WithoutEffects extends RuleBase {
  kind: 'without effects';
  pattern: RegExp;
}

export type Rule = ModuleSwap | Alias | CacheGroup | WithoutEffects;

/** The one package of Docusaurus's browser code compiled to CommonJS with tslib's helpers. */
const TSLIB_USER = '@docusaurus/utils-common';
/** Where the tslib shim is written: see the `tslib helpers` rule. */
const tslibShim = (context: LoadContext) => path.join(context.generatedFilesDir, 'bundle-shaping', 'tslib-helpers.mjs');
/** What Root loads after hydration (src/theme/Root.tsx) to watch the page: the store's read path starts there. */
const STORE_READ_ENTRY = 'src/store/pageWatch.ts';
/** The store's public entry: it only re-exports the store's modules (see the `store modules` rule). */
const STORE_PUBLIC_ENTRY = 'src/store/index.ts';

/**
 * Every way this site shapes its bundles beyond Docusaurus's own, one entry each, with why. The guard test
 * (index.test.ts) checks every entry's `reliesOn` against node_modules, so a new rule is covered by it.
 *
 * Cache groups decide together which chunk a module lands in (the highest priority wins). Docusaurus shares a module
 * between page chunks only when half the pages use it; below that, a module several of a page's chunks use is copied
 * into each, and the page downloads it more than once.
 */
export const RULES: readonly Rule[] = [
  // The classic theme registers Prism's languages in a client module, which puts prism-react-renderer and Prism's
  // language loader (about 34 KiB gzip) into the bundle every page downloads. Plan pages have no code blocks: the
  // module becomes an empty one, and src/theme/CodeBlock loads Prism with the first code block.
  {
    kind: 'module swap',
    name: 'prism on demand',
    pattern: /[\\/]@docusaurus[\\/]theme-classic[\\/]lib[\\/]prism-include-languages(\.js)?$/,
    replacement: path.join(__dirname, 'emptyClientModule.ts'),
    reliesOn: [{request: '@docusaurus/theme-classic/lib/prism-include-languages.js', matched: true}],
  },
  // utils-common, in every page's bundle, calls one tslib helper through `require("tslib")`, and a `require` takes
  // the whole module: all of tslib's helpers (about 1.9 KiB gzip) came with every page. Its requests for tslib go to
  // a module that re-exports only the helpers its code calls; the bundler then keeps just those.
  {
    kind: 'alias',
    name: 'tslib helpers',
    pattern: /[\\/]@docusaurus[\\/]utils-common[\\/]lib[\\/][^\\/]+\.js$/,
    request: 'tslib',
    replacement: tslibShim,
    async prepare(context) {
      const libDir = path.join(path.dirname(require.resolve(`${TSLIB_USER}/package.json`, {paths: [context.siteDir]})), 'lib');
      await writeTslibShim(libDir, tslibShim(context));
    },
    reliesOn: [
      {request: `${TSLIB_USER}/lib/index.js`, matched: true},
      {request: 'tslib', from: TSLIB_USER},
    ],
  },
  // The plan components, which each plan page imports itself (see plugins/remark-plan), would be copied into every
  // plan's chunk, and a reader going from one week to the next would download them again: the site's own modules
  // that two or more page chunks use get chunks of their own, one for each set of pages that uses them.
  {
    kind: 'cache group',
    name: 'siteShared',
    pattern: /[\\/]src[\\/]/,
    group: {chunks: 'async', minChunks: 2, minSize: 20000, priority: 45, reuseExistingChunk: true},
    reliesOn: [{request: './src/components/PlanDay/index.tsx', matched: true}],
  },
  // The plan summaries (one module, about 2 KiB per plan) are imported by every page that lists plans: home, Today,
  // the roadmap, notes, review and the topic indexes. Fewer than half the pages use them, so each of those pages' chunks
  // carried a copy (nine copies, a third of all the site's JavaScript at 192 plans): the bundler minified, and the
  // build wrote, hashed and compressed, each copy. One chunk of their own instead, downloaded once for all those pages.
  {
    kind: 'cache group',
    name: 'planSummaries',
    pattern: new RegExp(`[\\\\/]${PLAN_DATA_PLUGIN}[\\\\/]default[\\\\/]${PLAN_SUMMARIES_FILE.replace(/\./g, '\\.')}$`),
    group: {chunks: 'async', name: 'plan-summaries', minChunks: 1, minSize: 0, priority: 47, reuseExistingChunk: true},
    reliesOn: [{request: `./.docusaurus/${PLAN_DATA_PLUGIN}/default/${PLAN_SUMMARIES_FILE}`, matched: true, generated: true}],
  },
  // The MDX runtime (under 1 KiB) is below every size threshold, so each doc's content chunk and the docs theme's
  // chunk carried a copy: it gets a chunk of its own.
  {
    kind: 'cache group',
    name: 'mdxRuntime',
    pattern: /[\\/]node_modules[\\/]@mdx-js[\\/]react[\\/]/,
    group: {chunks: 'async', minChunks: 2, minSize: 0, priority: 45, reuseExistingChunk: true},
    reliesOn: [{request: '@mdx-js/react', matched: true}],
  },
  // Doc pages load two route chunks of the theme (the docs root with its sidebar, the doc item with its breadcrumbs
  // and table of contents) that both use the docs plugin's browser hooks and the theme's shared helpers, no longer in
  // the entry bundle (see src/theme/NavbarItem/ComponentTypes): one `docs-shared` chunk instead of a copy in each.
  {
    kind: 'cache group',
    name: 'docsShared',
    pattern: /[\\/]node_modules[\\/]@docusaurus[\\/](plugin-content-docs[\\/]lib[\\/]client|theme-common[\\/]lib)[\\/]/,
    group: {chunks: 'async', name: 'docs-shared', minChunks: 2, minSize: 0, priority: 44, reuseExistingChunk: true},
    reliesOn: [
      {request: '@docusaurus/plugin-content-docs/client', matched: true},
      {request: '@docusaurus/theme-common', matched: true},
    ],
  },
  // The bundler's own vendor group moves the packages' modules of an on-demand chunk into a chunk of their own when
  // that chunk also holds a module of the site. The docs root's route chunk is the theme's code, but for our docs
  // sidebar of the phone's navbar menu (src/theme/DocSidebar/Mobile): split, it would be one more request on every doc
  // page (0.3 KiB more for the 14-day plan). The group is the bundler's default but for that chunk, whose name
  // Docusaurus derives from the route's component.
  {
    kind: 'cache group',
    name: 'defaultVendors',
    pattern: /[\\/]node_modules[\\/]/i,
    group: {
      chunks: (chunk) => !chunk.canBeInitial() && chunk.name !== DOCS_ROOT_CHUNK,
      idHint: 'vendors',
      minChunks: 1,
      minSize: 20000,
      priority: -10,
      reuseExistingChunk: true,
    },
    reliesOn: [{request: './src/theme/DocSidebar/Mobile/index.tsx'}, {request: '@docusaurus/theme-classic/lib/theme/DocRoot/index.js', matched: true}],
  },
  // The store has one public entry (src/store/index.ts) that re-exports every operation, the merge and the link's
  // encoding among them. The bundler keeps every module such an entry names unless it knows the module does nothing
  // when loaded: then a plan page's chunks carry ticks and notes, and the merge stays with the code that merges.
  // (Measured with the build: without this rule the entry grew by 17 KiB and plan pages by 5–7 KiB.)
  {
    kind: 'without effects',
    name: 'store modules',
    pattern: /[\\/]src[\\/]store[\\/](?!pageWatch\.ts$)[^\\/]+\.tsx?$/,
    reliesOn: [{request: `./${STORE_PUBLIC_ENTRY}`, matched: true}],
  },
  // Root loads the store's read path after hydration, and a plan page's own chunks use the same modules: one `store`
  // chunk for both. Its modules are what the entry imports statically, read from the bundler's import graph, so a
  // module the store adds to that path joins the chunk without anyone listing it.
  {
    kind: 'cache group',
    name: 'storeReadPath',
    test: (context) => importedStaticallyBy(path.join(context.siteDir, STORE_READ_ENTRY), context.siteDir, [path.join(context.siteDir, STORE_PUBLIC_ENTRY)]),
    group: {chunks: 'async', name: 'store', minChunks: 1, minSize: 0, priority: 46, reuseExistingChunk: true},
    reliesOn: [{request: `./${STORE_READ_ENTRY}`}],
  },
];

/**
 * The server bundle's chunks, which only the build's page rendering loads. Docusaurus turns chunk splitting off for it,
 * so each page's server chunk carried its own copy of every module the page imports beyond the entry's: on a plan page,
 * the plan components and React DOM's client renderer (a day hydrates as a root of its own), about 1 MB a page. At 192
 * plans the server bundle was 215 MB, and each rendering thread kept a copy of it per page, about 2 MB of heap a page.
 * What two pages share is one chunk.
 */
export const SERVER_SPLIT_CHUNKS = {
  chunks: 'async',
  cacheGroups: {default: false, defaultVendors: false, shared: {name: 'server-shared', minChunks: 2, minSize: 0, priority: 10, reuseExistingChunk: true}},
} as const;

/** The bundler configuration `rules` add up to. */
export function bundlerConfig(
  rules: readonly Rule[],
  context: LoadContext,
  isServer: boolean,
  NormalModuleReplacementPlugin: new (pattern: RegExp, replacement: string) => unknown,
) {
  const swaps = rules.flatMap((rule) => (rule.kind === 'module swap' ? [new NormalModuleReplacementPlugin(rule.pattern, rule.replacement)] : []));
  if (isServer) return {plugins: swaps, optimization: {splitChunks: SERVER_SPLIT_CHUNKS}};
  const aliases = rules.flatMap((rule) => (rule.kind === 'alias' ? [{test: rule.pattern, resolve: {alias: {[rule.request]: rule.replacement(context)}}}] : []));
  const withoutEffects = rules.flatMap((rule) => (rule.kind === 'without effects' ? [{test: rule.pattern, sideEffects: false}] : []));
  const cacheGroups = Object.fromEntries(
    rules.flatMap((rule) => (rule.kind === 'cache group' ? [[rule.name, {...rule.group, test: rule.test ? rule.test(context) : rule.pattern}]] : [])),
  );
  return {plugins: swaps, module: {rules: [...aliases, ...withoutEffects]}, optimization: {splitChunks: {cacheGroups}}};
}

/**
 * Applies RULES: the site's bundles lighter than stock Docusaurus's, and shared where pages share code. Also gives
 * PostCSS its options without a config file search per stylesheet (see postcssConfig.ts).
 */
export default function bundleShapingPlugin(context: LoadContext): Plugin {
  const siteHasPostcssConfig = hasPostcssConfig(context.siteDir);
  return {
    name: 'bundle-shaping',
    async loadContent() {
      for (const rule of RULES) if (rule.kind === 'alias') await rule.prepare?.(context);
    },
    configureWebpack(_config, isServer, {currentBundler}) {
      // The bundler's config types want its own classes; the rules only hand it plain options and plugins.
      return bundlerConfig(RULES, context, isServer, currentBundler.instance.NormalModuleReplacementPlugin) as never;
    },
    configurePostCss(options) {
      return withoutConfigSearch(options, siteHasPostcssConfig);
    },
  };
}
