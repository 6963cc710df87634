import {createHash} from 'node:crypto';
import {existsSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {themes as prismThemes} from 'prism-react-renderer';
import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import recmaLocalImports from './plugins/recma-local-imports';
import remarkPlan from './plugins/remark-plan';
import {docLocation} from './plugins/plan-model/location';
import planDataPlugin from './plugins/plan-data';
import builtPagesPlugin from './plugins/built-pages';
import {guardFileSize} from './plugins/remark-plan/sizeGuard';
import bundleShapingPlugin from './plugins/bundle-shaping';
import {readableTheme} from './plugins/code-theme/readableTheme';
import searchIndexPlugin from './plugins/search-index';
import {gistApiUrlFrom} from './plugins/content-security-policy/gistApiUrl';

/** `docusaurus build` sets this before loading the config; `start` leaves it unset. Plan problems fail a build, and show on the page while previewing. */
const isProductionBuild = process.env.NODE_ENV === 'production';

/** Repository that "Edit this page" links and the Pages deployment point at. */
const repositoryUrl = 'https://github.com/go-study-plans/go-study-plans';

const docsDir = path.resolve(__dirname, 'docs');

/** GitHub's REST API, or the fake the e2e build talks to (GIST_API_URL; see plugins/content-security-policy/gistApiUrl.ts). */
const gistApiUrl = gistApiUrlFrom(process.env);

/**
 * Every plan under docs/, as the location module classifies it (the one place that decides what a
 * file is). A plan's route is its id: routes start at the docs root, and the validator asks each
 * plan's front matter id to equal its file name. Read when the config loads, so a week added while
 * `npm start` runs reaches the navbar after a restart.
 */
function planLocations(): ReturnType<typeof docLocation>[] {
  const walk = (relative: string): string[] =>
    readdirSync(path.join(docsDir, relative), {withFileTypes: true}).flatMap((entry) => {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      return entry.isDirectory() ? walk(child) : [child];
    });
  return ['weeks', 'intensive'].filter((folder) => existsSync(path.join(docsDir, folder))).flatMap((folder) => walk(folder).map((file) => docLocation(file)));
}

/**
 * Where "Weekly plans" opens: the lowest-numbered week, at its first track by file name; the home
 * page's Start button follows the same rule from the plan data (`weeklyPlans` in src/hooks/usePlanData.ts).
 * An entry whose folder holds no plan is left out rather than linking nowhere.
 */
const plans = planLocations();
const weeklyPlans = plans.flatMap((plan) => (plan.kind === 'weekly' ? [plan] : [])).sort((a, b) => a.week - b.week || a.track.localeCompare(b.track));
const firstWeek = weeklyPlans[0] && `/${weeklyPlans[0].planId}`;
const firstIntensive = plans.flatMap((plan) => (plan.kind === 'intensive' ? [`/${plan.planId}`] : [])).sort()[0];

/**
 * The plugin would precache every file of the site for every visitor (several MB as the guide grows). The worker keeps
 * the app shell and what the learner opens or follows instead (src/sw/keepOffline.js); the precache list is only the
 * web app manifest, under a revision made of every built file's, so that any change to the site gives a new worker
 * (and the update prompt).
 */
function shellManifest(entries: {url: string; revision: string | null; size: number}[]) {
  const everyFile = createHash('sha256');
  for (const entry of [...entries].sort((a, b) => a.url.localeCompare(b.url))) everyFile.update(`${entry.url} ${entry.revision ?? ''}\n`);
  return {manifest: [{url: 'manifest.json', revision: everyFile.digest('hex').slice(0, 16), size: 0}], warnings: []};
}

const config: Config = {
  title: 'Go Study Plans',
  tagline: 'Day-by-day Go interview study plans you can follow, time, print and track.',
  favicon: 'img/favicon.svg',
  url: 'https://go-study-plans.github.io',
  baseUrl: '/',
  organizationName: 'go-study-plans',
  projectName: 'go-study-plans',
  trailingSlash: false,

  // Read by the sync code in the browser (src/sync/browser.ts).
  customFields: {gistApiUrl},

  // Starts sync on page load when this browser keeps a token; loads nothing else when sync is off.
  clientModules: [path.resolve(__dirname, 'src/sync/autostart.ts')],

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',

  future: {
    // Rspack + SWC: several times faster cold builds on our 2-core machines.
    faster: true,
    v4: {removeLegacyPostBuildHeadAttribute: true},
  },

  markdown: {
    // .md files are CommonMark (no JSX or imports possible in plan files), .mdx files are MDX.
    format: 'detect',
    // A file far larger than any plan is replaced by a notice before the Markdown parser sees it: its time grows
    // with the square of long lists, so such a file would stall the build (the plan-data plugin names the error).
    preprocessor: ({filePath, fileContent}) => guardFileSize(filePath, fileContent),
    hooks: {
      onBrokenMarkdownLinks: 'throw',
      onBrokenMarkdownImages: 'throw',
    },
  },

  i18n: {defaultLocale: 'en', locales: ['en']},

  plugins: [
    planDataPlugin,
    // Each built page parsed once: a page whose server HTML a browser would parse into another tree fails the build
    // (the minifier only notes it), and every page gets its Content-Security-Policy (scripts and connections to this
    // site and the Gist API only).
    builtPagesPlugin,
    // Prism, mark.js and tslib's unused helpers out of the entry bundle; chunks for code that several pages share;
    // PostCSS without a config file search per stylesheet.
    bundleShapingPlugin,
    // Offline full-text search in pieces: a query fetches the index fragments of its words only (src/theme/SearchBar).
    searchIndexPlugin,
    [
      '@docusaurus/plugin-pwa',
      {
        // The plugin's default strategies turn the worker on only for an installed app or `?offlineMode=true`; people
        // study in an ordinary tab on a train, so every visitor's worker keeps the shell and what they open or follow.
        offlineModeActivationStrategies: ['always'],
        // Takes the open tab when first installed, and keeps pages for offline use (see shellManifest).
        swCustom: path.resolve(__dirname, 'src/sw/worker.js'),
        // Registers that worker and announces updates without workbox-window, which every page would load.
        swRegister: path.resolve(__dirname, 'src/sw/register.ts'),
        injectManifestConfig: {
          // README screenshots are not part of the site's pages; the search index changes with the pages it indexes.
          globIgnores: ['img/readme/**', 'pagefind/**'],
          manifestTransforms: [shellManifest],
        },
        pwaHead: [
          {tagName: 'link', rel: 'manifest', href: '/manifest.json'},
          {tagName: 'meta', name: 'theme-color', media: '(prefers-color-scheme: light)', content: '#00758f'},
          {tagName: 'meta', name: 'theme-color', media: '(prefers-color-scheme: dark)', content: '#1b1b1d'},
          {tagName: 'link', rel: 'apple-touch-icon', href: '/img/icons/icon-192.png'},
        ],
      },
    ],
  ],

  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: '/',
          sidebarPath: './sidebars.ts',
          editUrl: `${repositoryUrl}/edit/main/`,
          // Before Docusaurus's own plugins, so lifted headings and stable day ids reach the TOC.
          beforeDefaultRemarkPlugins: [[remarkPlan, {docsDir: path.resolve(__dirname, 'docs'), showDiagnostics: !isProductionBuild}]],
          // A plan page uses jsx() and its components hundreds of times; read once, they cost the bundler one record each.
          recmaPlugins: [recmaLocalImports],
        },
        blog: false,
        theme: {customCss: ['./src/css/custom.css', './src/css/print.css']},
      } satisfies Preset.Options,
    ],
  ],

  themeConfig: {
    colorMode: {respectPrefersColorScheme: true},
    // Days only: per-day 4h/6h sub-headings would list hidden sections and crowd the TOC.
    tableOfContents: {minHeadingLevel: 2, maxHeadingLevel: 2},
    navbar: {
      // The mark beside the title is drawn in the page by src/theme/Logo, not loaded as an image.
      title: 'Go Study Plans',
      items: [
        {to: '/roadmap/roadmap-16-weeks', label: 'Roadmap', position: 'left'},
        ...(firstWeek ? [{to: firstWeek, label: 'Weekly plans', position: 'left' as const, activeBaseRegex: '^/weeks/'}] : []),
        ...(firstIntensive ? [{to: firstIntensive, label: '14-day plan', position: 'left' as const, activeBaseRegex: '^/intensive/'}] : []),
        {href: repositoryUrl, label: 'GitHub', position: 'right'},
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Plans',
          items: [
            {label: '16-Week Roadmap', to: '/roadmap/roadmap-16-weeks'},
            ...(firstIntensive ? [{label: '14-Day Senior Go Plan', to: firstIntensive}] : []),
            {label: 'Today', to: '/today'},
          ],
        },
        {
          title: 'Practice',
          items: [
            {label: 'Machine Coding Bank', to: '/topic-banks/machine-coding-bank'},
            {label: 'Interview Prep Playbook', to: '/interview/interview-prep-playbook'},
            {label: 'Your notes', to: '/notes'},
            {label: 'Review queue', to: '/review'},
          ],
        },
        {
          title: 'Contribute',
          items: [{label: 'GitHub', href: repositoryUrl}],
        },
      ],
      copyright: 'Go Study Plans. Built with Docusaurus.',
    },
    // Code colours are lifted to WCAG AA contrast; the stock comment colours fall short.
    prism: {theme: readableTheme(prismThemes.github), darkTheme: readableTheme(prismThemes.dracula)},
  } satisfies Preset.ThemeConfig,
};

export default config;
