import type {Plugin} from '@docusaurus/types';

/** The docs plugin's browser hooks and the theme's shared helpers and components that doc pages use. */
const DOCS_SHARED = /[\\/]node_modules[\\/]@docusaurus[\\/](plugin-content-docs[\\/]lib[\\/]client|theme-common[\\/]lib)[\\/]/;

/**
 * Doc pages load two route chunks of the theme (the docs root with its sidebar, the doc item with its breadcrumbs and
 * table of contents) that both use the docs plugin's hooks and some of the theme's helpers (the collapsible sidebar,
 * route utilities). Modules that no longer ride in every page's entry bundle (see src/theme/NavbarItem/ComponentTypes)
 * would otherwise be copied into each of those chunks, since each is below the bundler's size for a shared chunk: a
 * doc page would download them twice. They go to one chunk of their own, which every doc page loads once.
 */
export default function docsSharedChunkPlugin(): Plugin {
  return {
    name: 'docs-shared-chunk',
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      return {
        optimization: {
          splitChunks: {
            cacheGroups: {
              docsShared: {test: DOCS_SHARED, chunks: 'async', name: 'docs-shared', minChunks: 2, minSize: 0, priority: 44, reuseExistingChunk: true},
            },
          },
        },
      };
    },
  };
}
