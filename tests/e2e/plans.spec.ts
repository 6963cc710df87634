import {expect, test} from './support/test';
import {contentLines, normaliseWhitespace, readSeed, seedPlans, visibleText} from '../support/seeds';

// One load per plan checks both what it shows and how it is headed.
for (const plan of seedPlans) {
  test(`${plan.route} shows its title, a heading with a stable id for each of its ${plan.days} days, and every line of its seed plan`, async ({page}) => {
    const response = await page.goto(plan.route);
    expect(response?.status()).toBe(200);

    await test.step('title and day headings', async () => {
      await expect(page.getByRole('heading', {level: 1})).toHaveText(plan.title);
      for (let day = 1; day <= plan.days; day++) {
        const heading = page.locator(`#day-${day}`);
        await expect(heading, `no element with id day-${day}`).toHaveCount(1);
        await expect(heading).toHaveJSProperty('tagName', 'H2');
        await expect(heading).toContainText(new RegExp(`^\\s*Day ${day}\\b`));
        if (plan.kind === 'intensive') {
          for (const session of ['morning', 'evening'] as const) {
            const sessionHeading = page.locator(`#day-${day}-${session}`);
            await expect(sessionHeading, `no element with id day-${day}-${session}`).toHaveCount(1);
            await expect(sessionHeading).toHaveJSProperty('tagName', 'H3');
          }
        }
      }
    });

    await test.step('every line of the seed plan', async () => {
      const article = page.locator('article').first();
      const shown = [normaliseWhitespace(await article.innerText())];
      // 6-hour additions are hidden while the 4-hour plan is chosen; a reader sees them after switching.
      const sixHours = page.getByRole('radio', {name: /6-hour plan/i});
      if (plan.kind === 'week' && (await sixHours.count()) > 0) {
        await sixHours.first().check();
        shown.push(normaliseWhitespace(await article.innerText()));
      }
      const missing = contentLines(readSeed(plan))
        .map(visibleText)
        .filter((text) => text !== '' && !shown.some((rendered) => rendered.includes(text)));
      expect(missing, `seed ${plan.prefix} lines not visible on ${plan.route}`).toEqual([]);
    });
  });
}
