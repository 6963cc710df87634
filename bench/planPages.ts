/** Where the plan pages are, from docs/ alone: light enough for the end-to-end tests to import. */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';

const siteDir = path.resolve(__dirname, '..');

/** The page's URL path, as Docusaurus derives it from the file's folder and its `id`/`slug` front matter. */
export function routeOf(docsRelative: string, source: string): string {
  const frontMatter = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
  const field = (name: string) => new RegExp(`^${name}:\\s*['"]?([^'"\\n]+?)['"]?\\s*$`, 'm').exec(frontMatter)?.[1];
  const slug = field('slug');
  if (slug?.startsWith('/')) return slug;
  const folder = path.posix.dirname(docsRelative);
  return `/${path.posix.join(folder, slug ?? field('id') ?? path.posix.basename(docsRelative, path.posix.extname(docsRelative)))}`;
}

/** Every plan page: docs/weeks/<week>/<track>.md and docs/intensive/<plan>.md. */
export function planPages(): {file: string; route: string}[] {
  const docs = path.join(siteDir, 'docs');
  const files: string[] = [];
  const markdown = (name: string) => /\.mdx?$/.test(name) && !name.startsWith('_');
  for (const week of readdirSync(path.join(docs, 'weeks'), {withFileTypes: true})) {
    if (!week.isDirectory()) continue;
    for (const name of readdirSync(path.join(docs, 'weeks', week.name)).filter(markdown)) files.push(`weeks/${week.name}/${name}`);
  }
  for (const name of readdirSync(path.join(docs, 'intensive')).filter(markdown)) files.push(`intensive/${name}`);
  return files.sort().map((file) => ({file: `docs/${file}`, route: routeOf(file, readFileSync(path.join(docs, file), 'utf8'))}));
}
