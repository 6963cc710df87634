import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';

/**
 * Whether the site has a PostCSS config of its own, where PostCSS's loader would find one: `postcss.config.*`,
 * `.postcssrc*` or `.config/postcssrc*` in the site folder, or a `postcss` key in its package.json.
 */
export function hasPostcssConfig(siteDir: string): boolean {
  const names = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir) : []);
  if (names(siteDir).some((name) => name.startsWith('postcss.config.') || name.startsWith('.postcssrc'))) return true;
  if (names(path.join(siteDir, '.config')).some((name) => name.startsWith('postcssrc'))) return true;
  try {
    const manifest = JSON.parse(readFileSync(path.join(siteDir, 'package.json'), 'utf8')) as Record<string, unknown>;
    return 'postcss' in manifest;
  } catch {
    return false;
  }
}

/**
 * PostCSS's options as Docusaurus gives them, without a search for a config file beside every stylesheet.
 *
 * PostCSS's loader starts a new search for each CSS file it processes: in the file's folder and every folder above
 * it, 27 file names each, reading every package.json on the way. With a CSS module per component, that was 1.6 s of
 * the build's main thread at 192 plans (0.9 s of stock Docusaurus's). The site keeps no such file, and Docusaurus
 * gives PostCSS its plugins itself, so the search finds nothing; it is turned off, and the built CSS is unchanged. A
 * config file added to the site folder later turns it back on, so that file is not silently ignored.
 */
export function withoutConfigSearch<Options extends object>(options: Options, siteHasConfig: boolean): Options {
  return siteHasConfig ? options : {...options, config: false};
}
