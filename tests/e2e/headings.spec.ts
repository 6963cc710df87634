import {expect, test} from '@playwright/test';
import {builtPages, gotoHydrated, headingOutline} from './support/site';

// Screen-reader users navigate by heading level; a skipped level reads as missing content.
for (const route of builtPages()) {
  test(`${route} has one h1 and no skipped heading levels`, async ({page}) => {
    await gotoHydrated(page, route);
    const outline = await headingOutline(page);
    expect(outline.filter((heading) => heading.level === 1).map((heading) => heading.text)).toHaveLength(1);
    expect(outline[0]?.level, 'the first heading should be the h1').toBe(1);
    const skips = outline.flatMap((heading, index) => {
      const previous = outline[index - 1];
      return previous && heading.level > previous.level + 1 ? [`h${previous.level} "${previous.text}" → h${heading.level} "${heading.text}"`] : [];
    });
    expect(skips).toEqual([]);
  });
}
