import {readdir, readFile, rename, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {gistApiUrlFrom} from './gistApiUrl';
import {withPolicy} from './policy';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true, recursive: true});
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Writes the policy into every built page (`postBuild`), so `docusaurus start` runs without one. */
export async function addPolicies(outDir: string, apiOrigin: string): Promise<number> {
  const files = await htmlFiles(outDir);
  for (const file of files) {
    const html = await readFile(file, 'utf8');
    let next: string;
    try {
      next = withPolicy(html, apiOrigin);
    } catch (error) {
      throw new Error(`${path.relative(outDir, file)}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (next === html) continue;
    // Written aside and renamed: the PWA plugin's postBuild reads the pages at the same time, and must never see half a file.
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.csp-tmp`);
    await writeFile(temporary, next);
    await rename(temporary, file);
  }
  return files.length;
}

/**
 * A Content-Security-Policy on every page of the production build: scripts from this site and the inline scripts
 * Docusaurus and the plan data write (by hash), connections to this site and the Gist API's origin only.
 */
export default function contentSecurityPolicyPlugin(_context: LoadContext): Plugin {
  const apiOrigin = new URL(gistApiUrlFrom(process.env)).origin;
  return {
    name: 'content-security-policy',
    async postBuild({outDir}) {
      await addPolicies(outDir, apiOrigin);
    },
  };
}
