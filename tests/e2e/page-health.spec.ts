import {expect, test} from './support/test';
import {builtPages, gotoHydrated, watchPageHealth} from './support/site';

/** A plan page: its 4-hour and 6-hour variants render different content after hydration, so each is visited. */
const isPlanPage = (route: string): boolean => /^\/(weeks\/week-\d+\/[^/]+|intensive\/[^/]+)$/.test(route);

/**
 * Every page of the built site, as opened plainly, is checked for console errors and warnings of any kind and
 * requests to other origins by accessibility.spec.ts, in the same load as its heading and axe checks; a plain plan
 * page shows the 4-hour plan. Here each plan page is opened from a shared 6-hour link (`?plan=6h`): the variant is
 * stored before hydration and the other variant's content shows. One shared 4-hour link too: it stores the choice
 * the same way and renders what the plain page does, so one weekly plan stands for all. The same visits check that
 * a plan page, which has no code block, never downloads the code highlighter.
 */
const planPages = builtPages().filter(isPlanPage);
const visits = [...planPages.map((route) => `${route}?plan=6h`), `${planPages.find((route) => route.startsWith('/weeks/'))}?plan=4h`];

test('the plan pages are visited from shared links', () => {
  expect(planPages.length).toBeGreaterThanOrEqual(5);
  expect(planPages).toEqual(expect.arrayContaining(['/weeks/week-09/go', '/intensive/senior-go-14-days']));
});

for (const route of visits) {
  test(`${route} loads and hydrates without console errors or warnings, or requests to other origins, and does not download the code highlighter (it has no code blocks)`, async ({
    page,
    baseURL,
  }) => {
    const {problems, otherOrigins} = watchPageHealth(page, baseURL);
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname.split('/').pop() ?? '');
    });
    // React reports a hydration mismatch while hydrating: once the page is interactive, every such message has been logged.
    const response = await gotoHydrated(page, route, {waitUntil: 'networkidle'});
    expect(response?.status()).toBe(200);
    const variant = new URL(route, 'http://localhost').searchParams.get('plan');
    await expect(page.locator('html')).toHaveAttribute('data-plan-variant', variant ?? '');
    expect(problems).toEqual([]);
    expect(otherOrigins).toEqual([]);
    // Prism loads only on pages with a code block (code-blocks.spec.ts checks the page that has one).
    expect(scripts.some((name) => name.startsWith('main.'))).toBe(true);
    expect(scripts.filter((name) => name.startsWith('code-block.'))).toEqual([]);
  });
}
