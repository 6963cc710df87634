import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {Page} from '@playwright/test';
import {expect, test} from './support/test';
import {repoRoot} from '../support/seeds';
import {gotoHydrated} from './support/site';

const PAGE_WITH_CODE = '/topic-banks/machine-coding-bank';

/** The Go snippet exactly as written in the page's source. */
function sourceSnippet(): string {
  const source = readFileSync(path.join(repoRoot, 'docs/topic-banks/machine-coding-bank.md'), 'utf8');
  const match = /```go\n([\s\S]*?)\n```/.exec(source);
  if (!match?.[1]) throw new Error('machine-coding-bank.md has no Go code block');
  return match[1];
}

/** Script files the page downloads while it loads, by name. */
function recordScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname.split('/').pop() ?? '');
  });
  return scripts;
}

// Plan pages have no code block; page-health.spec.ts checks, in its visit of each, that they never download the highlighter.

test('without JavaScript a code block still shows its code, word for word', async ({browser}) => {
  const context = await browser.newContext({javaScriptEnabled: false});
  const page = await context.newPage();
  await page.goto(PAGE_WITH_CODE);
  const visibleBlocks = page.locator('article pre:visible');
  await expect(visibleBlocks).toHaveCount(1);
  await expect(visibleBlocks).toHaveText(sourceSnippet(), {useInnerText: true});
  await context.close();
});

test('a code block is highlighted once the page has loaded, and only its page loads the highlighter', async ({page}) => {
  const scripts = recordScripts(page);
  await gotoHydrated(page, PAGE_WITH_CODE, {waitUntil: 'networkidle'});
  await expect(page.locator('article pre:visible')).toHaveCount(1);
  expect(scripts.filter((name) => name.startsWith('code-block.'))).toHaveLength(1);
  const block = page.locator('article pre').first();
  await expect(block.locator('.token.keyword').first()).toHaveText('type');
  await expect(block).toHaveText(sourceSnippet(), {useInnerText: true});
  await expect(page.getByRole('button', {name: /copy code/i})).toHaveCount(1);
});

test('after client-side navigation from a plan page, the code block is highlighted', async ({page}) => {
  await gotoHydrated(page, '/weeks/week-13/go', {waitUntil: 'networkidle'});
  const categoryButton = page.getByRole('button', {name: /Topic banks/});
  const category = page.locator('nav.menu').locator(categoryButton);
  await category.click();
  // The category's list opens with an animation of its height, clipping what it holds meanwhile. The reader clicks its
  // link once it is open: clicked midway, the link is scrolled into view inside the clipped list, which springs back
  // when the animation ends, and the click lands between two links.
  await expect(category).toHaveAttribute('aria-expanded', 'true');
  const list = page.locator('nav.menu li').filter({has: categoryButton}).locator('> ul');
  await expect(list).toHaveCSS('overflow', 'visible');
  const link = list.getByRole('link', {name: 'Machine Coding Bank'});
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${PAGE_WITH_CODE}$`));
  const block = page.locator('article pre').first();
  await expect(block.locator('.token.keyword').first()).toHaveText('type');
  await expect(block).toHaveText(sourceSnippet(), {useInnerText: true});
});
