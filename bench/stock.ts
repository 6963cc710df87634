import {cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';

/** The MDX imports and elements that put the site's own components (the roadmap grid, the practice index) into a doc. */
const SITE_COMPONENT_IMPORT = /^import \w+ from '@site\/src\/[^']+';\n/gm;
const SITE_COMPONENT_ELEMENT = /^<[A-Z]\w*\b[^>]*\/>\n/gm;

/**
 * The same docs as a stock Docusaurus site: `preset-classic` with the same sidebars, Faster settings and Markdown
 * format, and none of the site's own parts (no plan plugins, remark plugin, components, search, offline or Root).
 * It is the yardstick the site's JavaScript per page is compared with.
 */
const STOCK_CONFIG = `import type {Config} from '@docusaurus/types';

const config: Config = {
  title: 'Go Study Plans',
  url: 'https://go-study-plans.github.io',
  baseUrl: '/',
  trailingSlash: false,
  onBrokenLinks: 'warn',
  onBrokenAnchors: 'warn',
  future: {faster: true, v4: {removeLegacyPostBuildHeadAttribute: true}},
  markdown: {format: 'detect', hooks: {onBrokenMarkdownLinks: 'warn'}},
  presets: [['classic', {docs: {routeBasePath: '/', sidebarPath: './sidebars.ts'}, blog: false}]],
  themeConfig: {
    navbar: {title: 'Go Study Plans', items: [{to: '/roadmap/roadmap-16-weeks', label: 'Roadmap', position: 'left'}]},
  },
};

export default config;
`;

/**
 * Writes the stock site for `siteDir`'s docs into `target` (an empty directory): docs without the site's component
 * imports, the sidebars, the config above and links to the installed packages.
 */
export function writeStockSite(siteDir: string, target: string): void {
  cpSync(path.join(siteDir, 'docs'), path.join(target, 'docs'), {recursive: true});
  for (const file of readdirSync(path.join(target, 'docs'), {recursive: true, encoding: 'utf8'})) {
    if (!/\.mdx?$/.test(file)) continue;
    const full = path.join(target, 'docs', file);
    const text = readFileSync(full, 'utf8');
    const stock = text.replace(SITE_COMPONENT_IMPORT, '').replace(SITE_COMPONENT_ELEMENT, '');
    if (stock !== text) writeFileSync(full, stock);
  }
  cpSync(path.join(siteDir, 'sidebars.ts'), path.join(target, 'sidebars.ts'));
  writeFileSync(path.join(target, 'docusaurus.config.ts'), STOCK_CONFIG);
  writeFileSync(path.join(target, 'package.json'), JSON.stringify({name: 'stock-docusaurus', private: true}));
  mkdirSync(path.join(target, 'node_modules'));
  for (const entry of readdirSync(path.join(siteDir, 'node_modules'))) {
    if (entry !== '.cache') symlinkSync(path.join(siteDir, 'node_modules', entry), path.join(target, 'node_modules', entry));
  }
}
