import {readdirSync} from 'node:fs';
import path from 'node:path';
import {repoRoot} from './seeds';

export const docsDir = path.join(repoRoot, 'docs');

/** Every Markdown and MDX file under docs/, as a path relative to it with `/` separators (`weeks/week-10/go.md`). */
export function docsFiles(dir = ''): string[] {
  return readdirSync(path.join(docsDir, dir), {withFileTypes: true}).flatMap((entry) => {
    const child = dir ? `${dir}/${entry.name}` : entry.name;
    return entry.isDirectory() ? docsFiles(child) : /\.mdx?$/.test(entry.name) ? [child] : [];
  });
}
