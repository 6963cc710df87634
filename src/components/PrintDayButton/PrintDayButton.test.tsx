import {render, screen} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {act} from 'react';
import type {PagePlan} from '@site/plugins/plan-model/pagePlan';
import PlanPage from '@site/src/components/PlanPage';
import {pagePlanOf} from '@site/tests/unit/support/planPage';
import PrintDayButton, {PRINT_DAY_ATTRIBUTE, weekLabel} from '.';
import {expectLabelInName, shows} from '@site/tests/unit/support/labelInName';

const week09 = pagePlanOf('docs/weeks/week-09/go.md');
const intensive = pagePlanOf('docs/intensive/senior-go-14-days.md');

/** Print headers present in the DOM, keyed by the day whose button rendered them. */
function markedHeaders(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('[data-print-current]')).map((header) => header.closest('[data-day]')!.getAttribute('data-day')!);
}

function renderDays(planId: string, plan: PagePlan, days: string[]) {
  return render(
    <PlanPage planId={planId} plan={plan}>
      {days.map((day) => (
        <section key={day} data-day={day}>
          <PrintDayButton day={day} />
        </section>
      ))}
    </PlanPage>,
  );
}

let printed: {day: string | null; marked: string[]}[];
let container: HTMLElement;

/** Presses a day's print button and returns that day's print header, as the print dialog would find it. */
async function headerWhilePrinting(button: string): Promise<Element> {
  await userEvent.click(screen.getByRole('button', {name: button}));
  return container.querySelector('[data-print-current] > div')!;
}

beforeEach(() => {
  printed = [];
  // jsdom has no print dialog; record what the page looked like at the moment it would open.
  vi.spyOn(window, 'print').mockImplementation(() => {
    printed.push({day: document.documentElement.getAttribute(PRINT_DAY_ATTRIBUTE), marked: markedHeaders(container)});
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.removeAttribute(PRINT_DAY_ATTRIBUTE);
});

describe('PrintDayButton', () => {
  it('prints with only its own day marked, and restores the page when printing ends', async () => {
    ({container} = renderDays('weeks/week-09/go', week09, ['1', '2', '3']));
    await userEvent.click(screen.getByRole('button', {name: 'Print this day (day 2)'}));

    expect(printed).toEqual([{day: '2', marked: ['2']}]);
    act(() => {
      window.dispatchEvent(new Event('afterprint'));
    });
    expect(document.documentElement.hasAttribute(PRINT_DAY_ATTRIBUTE)).toBe(false);
    expect(markedHeaders(container)).toEqual([]);
  });

  it('is named by the words it shows, then its day (Label in Name)', () => {
    ({container} = renderDays('weeks/week-09/go', week09, ['1', '2']));
    const buttons = screen.getAllByRole('button', {name: shows('Print this day')});
    expect(buttons.map((button) => button.textContent)).toEqual(['Print this day', 'Print this day']);
    expect(buttons[1]).toHaveAccessibleName('Print this day (day 2)');
    expectLabelInName(container);
  });

  it('is operated from the keyboard', async () => {
    ({container} = renderDays('weeks/week-09/go', week09, ['1', '2']));
    const user = userEvent.setup();
    await user.tab();
    await user.keyboard('{Enter}');
    expect(printed).toEqual([{day: '1', marked: ['1']}]);
  });

  it('hands over to another day when pressed again before the first print ended', async () => {
    ({container} = renderDays('weeks/week-09/go', week09, ['1', '2']));
    await userEvent.click(screen.getByRole('button', {name: 'Print this day (day 1)'}));
    await userEvent.click(screen.getByRole('button', {name: 'Print this day (day 2)'}));

    expect(printed).toEqual([
      {day: '1', marked: ['1']},
      {day: '2', marked: ['2']},
    ]);
    act(() => {
      window.dispatchEvent(new Event('afterprint'));
    });
    expect(document.documentElement.hasAttribute(PRINT_DAY_ATTRIBUTE)).toBe(false);
    expect(markedHeaders(container)).toEqual([]);
  });

  it('leaves the page as it was when the reader navigates away before printing ended', async () => {
    const view = renderDays('weeks/week-09/go', week09, ['1']);
    container = view.container;
    await userEvent.click(screen.getByRole('button', {name: 'Print this day (day 1)'}));
    expect(document.documentElement).toHaveAttribute(PRINT_DAY_ATTRIBUTE, '1');
    view.unmount();
    expect(document.documentElement).not.toHaveAttribute(PRINT_DAY_ATTRIBUTE);
  });

  it('adds nothing to the page but its button until its day is printed', async () => {
    ({container} = renderDays('weeks/week-09/go', week09, ['1', '2']));
    expect(Array.from(container.querySelectorAll('section *')).map((element) => element.tagName)).toEqual(['BUTTON', 'BUTTON']);
    await userEvent.click(screen.getByRole('button', {name: 'Print this day (day 2)'}));
    expect(container.querySelectorAll('section[data-day="1"] *')).toHaveLength(1);
    expect(container.querySelector('section[data-day="2"] [data-print-current]')).not.toBeNull();
  });

  it('heads a weekly day with the plan title, the week and both variant names for CSS to choose from', async () => {
    ({container} = renderDays('weeks/week-09/go', week09, ['1']));
    const header = await headerWhilePrinting('Print this day (day 1)');
    expect(Array.from(header.children).map((part) => part.textContent)).toEqual(['Go Track', 'Week 09', '4-hour plan', '6-hour plan']);
  });

  it('names only the given variant when the day is printed for a followed plan with its own choice (Today)', async () => {
    ({container} = render(
      <PlanPage planId="weeks/week-09/go" plan={week09}>
        <section data-day="1">
          <PrintDayButton day="1" variant="6h" />
        </section>
      </PlanPage>,
    ));
    const header = await headerWhilePrinting('Print this day (day 1)');
    expect(Array.from(header.children).map((part) => part.textContent)).toEqual(['Go Track', 'Week 09', '6-hour plan']);
  });

  it('heads an intensive day with the plan title alone', async () => {
    ({container} = renderDays('intensive/senior-go-14-days', intensive, ['1']));
    const header = await headerWhilePrinting('Print this day (day 1)');
    expect(header.textContent).toBe('Intensive 14-Day Senior Golang Engineer Study Plan');
  });
});

describe('weekLabel', () => {
  it('reads the week number from a weekly plan id', () => {
    expect(weekLabel('weeks/week-09/go')).toBe('Week 09');
    expect(weekLabel('weeks/week-13/go')).toBe('Week 13');
  });

  it('gives nothing for plans without a week', () => {
    expect(weekLabel('intensive/senior-go-14-days')).toBeNull();
    expect(weekLabel('weeks/overview')).toBeNull();
  });
});
