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
  /[\\/](src[\\/]store[\\/](index|schema|migrations|salvage|keys|notes|review|timers|stamps|pageWatch)\.ts|src[\\/]hooks[\\/]useVariant\.ts|plugins[\\/]plan-model[\\/](ids|identity)\.ts)$/;

/**
 * Names the chunks that hold code most pages load once it has left the entry bundle. Without them, modules used by
 * several of a page's chunks but below the bundler's size for a shared chunk are copied into each, and the page
 * downloads them more than once:
 * - doc pages load two route chunks of the theme (the docs root with its sidebar, the doc item with its breadcrumbs
 *   and table of contents) that both use the docs plugin's hooks, no longer in the entry (see
 *   src/theme/NavbarItem/ComponentTypes);
 * - Root loads the store's read path after hydration (see src/theme/Root.tsx), and a plan page's own chunks use it.
 */
export default function afterEntryChunksPlugin(): Plugin {
  return {
    name: 'after-entry-chunks',
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      return {
        optimization: {
          splitChunks: {
            cacheGroups: {
              docsShared: {test: DOCS_SHARED, chunks: 'async', name: 'docs-shared', minChunks: 2, minSize: 0, priority: 44, reuseExistingChunk: true},
              storeReadPath: {test: STORE_READ_PATH, chunks: 'async', name: 'store', minChunks: 1, minSize: 0, priority: 46, reuseExistingChunk: true},
            },
          },
        },
      };
    },
  };
}
