import type {Plugin} from '@docusaurus/types';

/** The docs plugin's browser hooks and the theme's shared helpers and components that doc pages use. */
const DOCS_SHARED = /[\\/]node_modules[\\/]@docusaurus[\\/](plugin-content-docs[\\/]lib[\\/]client|theme-common[\\/]lib)[\\/]/;

/**
 * The store's read path, as Root loads it after hydration (src/store/pageWatch.ts and what it imports): the store,
 * its decoder with the record decoders it calls, the ids and identity modules, the variant helper. Plan pages import
 * the same modules themselves. A module added to that path and left out here still works; it is only copied into
 * the chunks that use it.
 */
const STORE_READ_PATH =
  /[\\/](src[\\/]store[\\/](index|schema|migrations|salvage|keys|notes|review|timers|stamps|pageWatch|versions|stampWrite|recordKinds|follows)\.ts|src[\\/]hooks[\\/]useVariant\.ts|plugins[\\/]plan-model[\\/](ids|identity)\.ts)$/;

/**
 * The site's chunking rules beyond Docusaurus's own, in one place since their priorities decide together which chunk a
 * module lands in. Docusaurus shares a module between page chunks only when half the pages use it; below that, a
 * module several of a page's chunks use is copied into each, and the page downloads it more than once:
 * - the plan components, which each plan page imports itself (see plugins/remark-plan), would be copied into every
 *   plan's chunk, and a reader going from one week to the next would download them again: the site's own modules
 *   that two or more page chunks use get chunks of their own, one for each set of pages that uses them;
 * - the MDX runtime (`@mdx-js/react`, under 1 KiB) is below every size threshold, so each doc's content chunk and the
 *   docs theme's chunk carried a copy: it gets a chunk of its own;
 * - doc pages load two route chunks of the theme (the docs root with its sidebar, the doc item with its breadcrumbs
 *   and table of contents) that both use the docs plugin's hooks, no longer in the entry bundle (see
 *   src/theme/NavbarItem/ComponentTypes): `docs-shared`;
 * - Root loads the store's read path after hydration (see src/theme/Root.tsx), and a plan page's own chunks use it:
 *   `store`.
 */
export default function sharedSiteChunksPlugin(): Plugin {
  return {
    name: 'shared-site-chunks',
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      return {
        optimization: {
          splitChunks: {
            cacheGroups: {
              siteShared: {test: /[\\/]src[\\/]/, chunks: 'async', minChunks: 2, minSize: 20000, priority: 45, reuseExistingChunk: true},
              mdxRuntime: {
                test: /[\\/]node_modules[\\/]@mdx-js[\\/]react[\\/]/,
                chunks: 'async',
                minChunks: 2,
                minSize: 0,
                priority: 45,
                reuseExistingChunk: true,
              },
              docsShared: {test: DOCS_SHARED, chunks: 'async', name: 'docs-shared', minChunks: 2, minSize: 0, priority: 44, reuseExistingChunk: true},
              storeReadPath: {test: STORE_READ_PATH, chunks: 'async', name: 'store', minChunks: 1, minSize: 0, priority: 46, reuseExistingChunk: true},
            },
          },
        },
      };
    },
  };
}
