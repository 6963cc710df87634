import type {Plugin} from '@docusaurus/types';

/**
 * Docusaurus shares a module between page chunks only when half the pages use it, so the plan components, which each
 * plan page imports itself (see plugins/remark-plan), would be copied into every plan's chunk: a reader going from one
 * week to the next would download them again. This splits the site's own modules that two or more page chunks use
 * into chunks of their own, one for each set of pages that uses them (Docusaurus names no chunk), so a page loads
 * only what it renders and each shared part once.
 *
 * The MDX runtime (`@mdx-js/react`, under 1 KiB) is below every size threshold, so each doc's content chunk and the
 * docs theme's chunk carried a copy of their own, and a doc page loaded it twice: it gets a chunk of its own.
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
            },
          },
        },
      };
    },
  };
}
