import {readdirSync, readFileSync} from 'node:fs';
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

/** The one package of Docusaurus's browser code that is compiled to CommonJS with tslib's helpers. */
const PACKAGE = '@docusaurus/utils-common';
/** Its modules, as the bundler names them (any path separator). */
const PACKAGE_MODULES = /[\\/]@docusaurus[\\/]utils-common[\\/]lib[\\/][^\\/]+\.js$/;
const HELPER_USE = /\btslib_\d+\.(__\w+)\b/g;

/** The tslib helpers the package's modules call, read from its compiled code. */
export function helpersUsedBy(libDir: string): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(libDir).filter((name) => name.endsWith('.js'))) {
    for (const [, name] of readFileSync(path.join(libDir, file), 'utf8').matchAll(HELPER_USE)) names.add(name!);
  }
  return [...names].sort();
}

/**
 * `@docusaurus/utils-common`, in every page's bundle, calls one tslib helper through `require("tslib")`, and a
 * `require` takes the whole module: all of tslib's helpers (about 1.9 KiB gzip) came with every page. Its requests for
 * tslib go instead to a module that re-exports only the helpers its code calls (read from that code at build time,
 * so an upgrade that calls another one still gets it); the bundler then keeps just those.
 */
export default function tslibHelpersUsedPlugin(context: LoadContext): Plugin {
  const shim = path.join(context.generatedFilesDir, 'tslib-helpers-used', 'index.mjs');
  return {
    name: 'tslib-helpers-used',
    async loadContent() {
      const libDir = path.dirname(require.resolve(`${PACKAGE}/package.json`, {paths: [context.siteDir]}));
      const helpers = helpersUsedBy(path.join(libDir, 'lib'));
      await mkdir(path.dirname(shim), {recursive: true});
      await writeFile(shim, `export {${helpers.join(', ')}} from 'tslib';\n`);
    },
    configureWebpack(_config, isServer) {
      if (isServer) return {};
      return {module: {rules: [{test: PACKAGE_MODULES, resolve: {alias: {tslib: shim}}}]}};
    },
  };
}
