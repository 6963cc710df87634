import type {Page} from '@playwright/test';
import {expect, test} from './support/test';
import {collectErrors, focusRing, gotoHydrated, reloadHydrated, tabTo} from './support/site';

const WEEK_09 = '/weeks/week-09/go';
const WEEK_13 = '/weeks/week-13/go';

/** Day 1's "6-Hour Plan" section: shown for the 6-hour plan, hidden for the 4-hour one. */
const sixHourSection = (page: Page) => page.locator('[data-plan-day="1"] [data-variant-section="6h"]');
const sixHourRadio = (page: Page) => page.getByRole('radio', {name: /6-hour plan/}).first();
const fourHourRadio = (page: Page) => page.getByRole('radio', {name: /4-hour plan/}).first();

test.describe('4h / 6h choice', () => {
  test('defaults to the 4-hour plan: the 6-hour additions are hidden', async ({page}) => {
    const errors = collectErrors(page);
    await gotoHydrated(page, WEEK_09);
    await expect(page.locator('html')).toHaveAttribute('data-plan-variant', '4h');
    await expect(fourHourRadio(page)).toBeChecked();
    await expect(sixHourSection(page)).toBeHidden();
    await expect(page.locator('[data-plan-day="1"] [data-variant-section="4h"]')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('persists across reloads and across plan pages', async ({page}) => {
    const errors = collectErrors(page);
    await gotoHydrated(page, WEEK_09);
    await sixHourRadio(page).check();
    await expect(page.locator('html')).toHaveAttribute('data-plan-variant', '6h');
    await expect(sixHourSection(page)).toBeVisible();
    await expect(sixHourSection(page)).toContainText('Added in the 6-hour plan');

    await reloadHydrated(page);
    await expect(page.locator('html')).toHaveAttribute('data-plan-variant', '6h');
    await expect(sixHourRadio(page)).toBeChecked();
    await expect(sixHourSection(page)).toBeVisible();

    await gotoHydrated(page, WEEK_13);
    await expect(page.locator('html')).toHaveAttribute('data-plan-variant', '6h');
    await expect(sixHourSection(page)).toBeVisible();
    // The overview shows the planned time of the chosen variant.
    await expect(page.locator('table').first()).toContainText(/\d h/);

    await fourHourRadio(page).check();
    await expect(sixHourSection(page)).toBeHidden();
    await gotoHydrated(page, WEEK_09);
    await expect(page.locator('html')).toHaveAttribute('data-plan-variant', '4h');
    await expect(sixHourSection(page)).toBeHidden();
    // A stored 6h choice must not make the server HTML and the first client render disagree.
    expect(errors).toEqual([]);
  });

  test('?plan=6h applies the 6-hour plan, and switching keeps the link truthful', async ({page}) => {
    const errors = collectErrors(page);
    await gotoHydrated(page, `${WEEK_09}?plan=6h`);
    await expect(page.locator('html')).toHaveAttribute('data-plan-variant', '6h');
    await expect(sixHourRadio(page)).toBeChecked();
    await expect(sixHourSection(page)).toBeVisible();

    await fourHourRadio(page).check();
    await expect(sixHourSection(page)).toBeHidden();
    expect(new URL(page.url()).searchParams.get('plan')).toBe('4h');

    // The shared choice was remembered: a plain URL keeps it.
    await gotoHydrated(page, WEEK_13);
    await gotoHydrated(page, `${WEEK_13}?plan=6h`);
    await expect(page.locator('html')).toHaveAttribute('data-plan-variant', '6h');
    await gotoHydrated(page, WEEK_09);
    await expect(page.locator('html')).toHaveAttribute('data-plan-variant', '6h');
    expect(errors).toEqual([]);
  });

  test('a shared ?plan=6h link is remembered even when the reader moves on before the page has loaded', async ({page}) => {
    // The page's scripts never arrive, as on a slow phone when the reader follows a link before they do.
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(`${WEEK_09}?plan=6h`);
    await expect(page.locator('html')).toHaveAttribute('data-plan-variant', '6h');
    await page.unroute('**/*.js');

    await gotoHydrated(page, WEEK_13);
    await expect(page.locator('html')).toHaveAttribute('data-plan-variant', '6h');
    await expect(sixHourRadio(page)).toBeChecked();
    await expect(sixHourSection(page)).toBeVisible();
  });

  test.describe('without JavaScript', () => {
    test.use({javaScriptEnabled: false});

    test('both plans are readable, each day’s time given for both', async ({page}) => {
      await page.goto(WEEK_09);
      await expect(sixHourSection(page)).toBeVisible();
      await expect(page.locator('[data-plan-day="1"] [data-variant-section="4h"]')).toBeVisible();
      const overview = page.locator('table').first();
      await expect(overview).toContainText('3 h 30 – 3 h 45');
      await expect(overview).toContainText('4 h 30 – 4 h 45');
    });
  });
});

test.describe('block timer', () => {
  const START = new Date('2026-01-05T09:00:00Z');
  /** Day 1, Block 2 of week 09: "Template Creation – 60 min". */
  const timerGroup = (page: Page) => page.getByRole('group', {name: 'Timer: Block 2 · Template Creation'});
  const readout = (page: Page) => timerGroup(page).locator('[data-timer-status]');

  test.beforeEach(async ({page}) => {
    // Before navigation, so the page's timers and Date run on the controlled clock from the start.
    await page.clock.install({time: START});
    await gotoHydrated(page, WEEK_09);
    // Stop the clock's natural flow: from here on time moves only when a test moves it.
    await page.clock.pauseAt(new Date(START.getTime() + 60_000));
    await page.getByRole('button', {name: 'Start 1 h, Block 2 · Template Creation (60 min)'}).click();
    await expect(readout(page)).toHaveText('60:00');
    await expect(readout(page)).toHaveAttribute('data-timer-status', 'running');
  });

  test('shows the right remaining time after 10 minutes in the background, and after a reload', async ({page}) => {
    // A background tab's timers are throttled; fastForward jumps the clock the same way.
    await page.clock.fastForward('10:00');
    await expect(readout(page)).toHaveText('50:00');

    await reloadHydrated(page);
    await expect(readout(page)).toHaveAttribute('data-timer-status', 'running');
    await expect(readout(page)).toHaveText('50:00');
    await page.clock.runFor(5_000);
    await expect(readout(page)).toHaveText('49:55');
    // The floating panel follows the same timer.
    await expect(page.locator('[data-timer-panel-clock]')).toHaveText('49:55');
  });

  test('survives navigating to another page and back', async ({page}) => {
    // In-app navigation (the navbar), then the browser's Back button.
    await page.locator('.navbar a[href="/roadmap/roadmap-16-weeks"]').first().click();
    await expect(page).toHaveURL(/\/roadmap\/roadmap-16-weeks$/);
    // The address changes before the new page's code has arrived; the reader waits for the page itself.
    await expect(page.getByRole('heading', {level: 1, name: '16-Week Roadmap'})).toBeVisible();
    await page.clock.fastForward('05:00');
    await expect(page.locator('[data-timer-panel-clock]')).toHaveText('55:00');
    await page.goBack();
    await expect(readout(page)).toHaveText('55:00');
    await expect(readout(page)).toHaveAttribute('data-timer-status', 'running');
  });

  test('when time is up: a visible state, the title, and an announcement', async ({page}) => {
    await page.clock.fastForward('59:58');
    await expect(readout(page)).toHaveText('0:02');
    await page.clock.runFor(3_000);
    await expect(readout(page)).toHaveText("Time's up");
    await expect(readout(page)).toHaveAttribute('data-timer-status', 'finished');
    await expect(page).toHaveTitle(/^⏰ Time's up · /);
    await expect(page.locator('[aria-live="assertive"]')).toHaveText("Time's up: Block 2 · Template Creation");

    await page.getByRole('button', {name: 'Dismiss'}).click();
    await expect(page).not.toHaveTitle(/Time's up/);
    await expect(timerGroup(page).getByRole('button', {name: /^Start \d/})).toBeVisible();
  });

  test('only one timer runs: starting another pauses this one', async ({page}) => {
    await page.clock.fastForward('02:00');
    await page.getByRole('button', {name: 'Start 30 min, Block 4 · Review (30 min)'}).first().click();
    await page.clock.fastForward('03:00');
    await expect(readout(page)).toHaveAttribute('data-timer-status', 'paused');
    await expect(readout(page)).toContainText('58:00');
    await expect(page.locator('[data-timer-status="running"]')).toHaveCount(1);
  });
});

test('a timer started while its code is still arriving works once the device wakes from three minutes asleep', async ({page}) => {
  const START = new Date('2026-01-05T09:00:00Z');
  await page.clock.install({time: START});
  await gotoHydrated(page, WEEK_09);
  await page.clock.pauseAt(new Date(START.getTime() + 60_000));
  // From here on the network is slow: every script the page asks for arrives only once the device has woken up.
  let wake = () => {};
  const woken = new Promise<void>((resolve) => (wake = resolve));
  await page.route(/\.js$/, async (route) => {
    await woken;
    await route.continue();
  });
  await page.getByRole('button', {name: 'Start 1 h, Block 2 · Template Creation (60 min)'}).click();
  // Asleep with the lid closed: the bundler's two-minute limit for loading a chunk runs out meanwhile.
  await page.clock.fastForward('03:00');
  wake();
  const timer = page.getByRole('group', {name: 'Timer: Block 2 · Template Creation'});
  await expect(timer.locator('[data-timer-status]')).toHaveText('57:00');
  await expect(timer.getByRole('button', {name: 'Pause, Block 2 · Template Creation'})).toBeVisible();
  await page.clock.runFor(1_000);
  await expect(page.locator('[data-timer-panel-clock]')).toHaveText('56:59');
  await expect(page.getByRole('heading', {level: 1})).toBeVisible();
});

test.describe('a 14-day session’s timer', () => {
  const INTENSIVE = '/intensive/senior-go-14-days';
  const place = async (page: Page) => {
    const day1 = page.locator('[data-plan-day="1"]');
    const heading = await day1.getByRole('heading', {name: /^Morning/}).boundingBox();
    const start = await day1.getByRole('button', {name: /^Start .+, Morning/}).boundingBox();
    const list = await day1.locator('h3 ~ ul').first().boundingBox();
    return {heading: heading!, start: start!, list: list!};
  };

  test('sits beside its session’s heading on a wide screen, with the session’s list below both', async ({page}) => {
    await page.setViewportSize({width: 1280, height: 900});
    await gotoHydrated(page, INTENSIVE);
    const {heading, start, list} = await place(page);
    expect(start.x).toBeGreaterThan(heading.x + heading.width / 2);
    expect(start.y).toBeLessThan(heading.y + heading.height);
    expect(start.y + start.height).toBeGreaterThan(heading.y);
    expect(list.y).toBeGreaterThanOrEqual(Math.max(heading.y + heading.height, start.y + start.height) - 1);
  });

  test('goes under its session’s heading on a phone, at the start of the line', async ({page}) => {
    await page.setViewportSize({width: 390, height: 844});
    await gotoHydrated(page, INTENSIVE);
    const {heading, start, list} = await place(page);
    expect(start.y).toBeGreaterThanOrEqual(heading.y + heading.height - 1);
    expect(Math.abs(start.x - heading.x)).toBeLessThan(2);
    expect(list.y).toBeGreaterThanOrEqual(start.y + start.height - 1);
  });
});

test.describe('keyboard only', () => {
  test('choose the plan and run a timer, with visible focus throughout', async ({page}) => {
    await page.clock.install({time: new Date('2026-01-05T09:00:00Z')});
    await gotoHydrated(page, WEEK_09);
    await page.clock.pauseAt(new Date('2026-01-05T09:01:00Z'));

    const toggle = page.getByRole('group', {name: 'How many hours do you have today?'}).first();
    const four = toggle.getByRole('radio', {name: /4-hour plan/});
    await tabTo(page, four);
    // The native radio is visually hidden; its visible face carries the focus ring.
    const face = four.locator('xpath=following-sibling::*[1]');
    const ring = await focusRing(face);
    expect(ring.outline === 'solid 3px' || ring.boxShadow !== 'none', `no focus indicator: ${JSON.stringify(ring)}`).toBe(true);

    await page.keyboard.press('ArrowRight');
    await expect(toggle.getByRole('radio', {name: /6-hour plan/})).toBeChecked();
    await expect(toggle.getByRole('radio', {name: /6-hour plan/})).toBeFocused();
    await expect(page.locator('html')).toHaveAttribute('data-plan-variant', '6h');
    await expect(sixHourSection(page)).toBeVisible();

    const day1 = page.locator('[data-plan-day="1"]');
    const start = day1.getByRole('button', {name: 'Start 1 h, Block 1 · Concepts (60–75 min)'});
    await tabTo(page, start);
    expect((await focusRing(start)).outline).toBe('solid 3px');
    await page.keyboard.press('Enter');
    const pause = day1.getByRole('button', {name: 'Pause, Block 1 · Concepts'});
    await expect(pause).toBeFocused();
    expect((await focusRing(pause)).outline).toBe('solid 3px');
    await page.clock.fastForward('01:00');
    await expect(day1.getByRole('group', {name: 'Timer: Block 1 · Concepts'}).locator('[data-timer-status]')).toHaveText('59:00');

    await page.keyboard.press('Space');
    await expect(day1.getByRole('button', {name: 'Resume, Block 1 · Concepts'})).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(day1.getByRole('button', {name: '+15 min, Block 1 · Concepts, to 75 min in all'})).toBeFocused();
    await page.keyboard.press('Enter');
    // Still paused, now with the range's upper bound: 75 minutes less the one already spent.
    await expect(day1.getByRole('group', {name: 'Timer: Block 1 · Concepts'}).locator('[data-timer-status]')).toHaveText('1:14:00 (paused)');
    await expect(day1.getByRole('button', {name: 'Resume, Block 1 · Concepts'})).toBeFocused();
  });
});
