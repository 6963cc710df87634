import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

/** The classic theme's client module that loads Prism on every page. */
const PRISM_CLIENT_MODULE = /[\\/]@docusaurus[\\/]theme-classic[\\/]lib[\\/]prism-include-languages(\.js)?$/;

/**
 * The classic theme registers Prism's languages in a client module, which puts
 * prism-react-renderer and Prism's language loader (about 34 KB gzip) into the bundle
 * every page downloads. Plan pages have no code blocks, so this plugin swaps that client
 * module for an empty one; `src/theme/CodeBlock` loads Prism with the first code block.
 */
export default function prismOnDemandPlugin(): Plugin {
  return {
    name: 'prism-on-demand',
    configureWebpack(_config, _isServer, {currentBundler}) {
      return {
        plugins: [new currentBundler.instance.NormalModuleReplacementPlugin(PRISM_CLIENT_MODULE, path.join(__dirname, 'emptyClientModule.ts'))],
      };
    },
  };
}
