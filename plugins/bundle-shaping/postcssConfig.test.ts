import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {applyConfigurePostCss} from '@docusaurus/core/lib/webpack/configure';
import type {LoadContext} from '@docusaurus/types';
import bundleShapingPlugin from './index';
import {hasPostcssConfig} from './postcssConfig';

let siteDir: string;
beforeEach(() => {
  siteDir = mkdtempSync(path.join(os.tmpdir(), 'postcss-config-'));
  writeFileSync(path.join(siteDir, 'package.json'), JSON.stringify({name: 'site', dependencies: {}}));
});
afterEach(() => rmSync(siteDir, {recursive: true, force: true}));

/** The options PostCSS's loader gets in a bundler config, after Docusaurus applies the plugin's hook to it. */
function postcssOptionsFor(dir: string): Record<string, unknown> {
  const plugin = bundleShapingPlugin({siteDir: dir} as LoadContext);
  const config = {module: {rules: [{test: /\.css$/, use: [{loader: 'postcss-loader', options: {postcssOptions: {ident: 'postcss', plugins: []}}}]}]}};
  applyConfigurePostCss(plugin.configurePostCss!, config as never);
  return config.module.rules[0]!.use[0]!.options.postcssOptions;
}

describe("PostCSS's options", () => {
  it('tell its loader not to search for a config file when the site has none, keeping the options Docusaurus gives', () => {
    expect(postcssOptionsFor(siteDir)).toEqual({ident: 'postcss', plugins: [], config: false});
    // This site itself keeps none, so its builds skip the search.
    expect(postcssOptionsFor(path.resolve(__dirname, '../..'))).toMatchObject({config: false});
  });

  it.each([
    ['postcss.config.js', 'module.exports = {plugins: []};'],
    ['postcss.config.mjs', 'export default {plugins: []};'],
    ['.postcssrc', '{}'],
    ['.postcssrc.yaml', 'plugins: {}'],
    ['.config/postcssrc.json', '{}'],
  ])('leave the search on when the site adds %s, so the file is not silently ignored', (name, text) => {
    mkdirSync(path.dirname(path.join(siteDir, name)), {recursive: true});
    writeFileSync(path.join(siteDir, name), text);
    expect(hasPostcssConfig(siteDir)).toBe(true);
    expect(postcssOptionsFor(siteDir)).toEqual({ident: 'postcss', plugins: []});
  });

  it("leave the search on when the site's package.json has a postcss key", () => {
    writeFileSync(path.join(siteDir, 'package.json'), JSON.stringify({name: 'site', postcss: {plugins: {}}}));
    expect(postcssOptionsFor(siteDir)).toEqual({ident: 'postcss', plugins: []});
  });
});
