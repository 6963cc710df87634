import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

/** mark.js as the local search plugin imports it (its `require.resolve("mark.js")`, the UMD build). */
const MARK_JS = /[\\/]mark\.js[\\/]dist[\\/]mark\.js$/;

/**
 * The search bar is on every page and imports mark.js to highlight a search's words on the page a result opens.
 * This plugin swaps it for `lazyMark.ts`, which loads mark.js only when there are words to highlight.
 */
export default function searchHighlightOnDemandPlugin(): Plugin {
  return {
    name: 'search-highlight-on-demand',
    configureWebpack(_config, _isServer, {currentBundler}) {
      return {
        plugins: [new currentBundler.instance.NormalModuleReplacementPlugin(MARK_JS, path.join(__dirname, 'lazyMark.ts'))],
      };
    },
  };
}
