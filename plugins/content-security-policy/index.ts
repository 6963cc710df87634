import {renameSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {withPolicy} from './policy';

/**
 * Writes the Content-Security-Policy into one built page (the production build's pass over its pages, in
 * plugins/built-pages, so `docusaurus start` runs without one): scripts from this site and the inline scripts
 * Docusaurus and the plan data write (by hash), connections to this site and the Gist API's origin only. Written at
 * once, not on Node's thread pool: see the pass in plugins/built-pages. Returns the page as it is now written.
 */
export function addPolicy(outDir: string, file: string, html: string, apiOrigin: string): string {
  let next: string;
  try {
    next = withPolicy(html, apiOrigin);
  } catch (error) {
    throw new Error(`${path.relative(outDir, file)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (next === html) return html;
  // Written aside and renamed: the PWA plugin's postBuild reads the pages at the same time, and must never see half a file.
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.csp-tmp`);
  writeFileSync(temporary, next);
  renameSync(temporary, file);
  return next;
}
