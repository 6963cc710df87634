import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {Page} from '@playwright/test';
import {repoRoot} from '../../support/seeds';

/** Every page of the production build, as URL paths, taken from the sitemap the build writes. */
export function builtPages(): string[] {
  const sitemap = readFileSync(path.join(repoRoot, 'build', 'sitemap.xml'), 'utf8');
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname);
  return [...new Set(paths)].sort();
}

/** Headings in document order as `{level, text, id}`. */
export async function headingOutline(page: Page): Promise<{level: number; text: string; id: string}[]> {
  return page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((elements) =>
    elements.map((element) => ({
      level: Number(element.tagName.slice(1)),
      text: (element.textContent ?? '').replace(/\u200b/g, '').trim(),
      id: element.id,
    })),
  );
}
