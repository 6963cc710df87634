import {act, fireEvent, render, screen, within} from '@testing-library/react';
import PlanItem from '@site/src/components/PlanItem';
import DayToolbar from '@site/src/components/DayToolbar';
import PlanProgress from '@site/src/components/PlanProgress';
import {STORAGE_KEY, getState, updateState} from '@site/src/store';
import {Week09} from '@site/tests/unit/support/planPage';
import {hydrateAsDocusaurus, renderAsServer} from '@site/tests/unit/support/hydration';
import {expectLabelInName, shows} from '@site/tests/unit/support/labelInName';

// Plan pages show progress totals and import checks from the plan-data plugin's global data.

const WEEK = 'weeks/week-09/go';

function renderDay1() {
  return render(
    <Week09>
      <PlanProgress />
      <DayToolbar day="1" />
      <PlanItem itemId="d1-b1">Block 1 (Concepts – 60–75 min)</PlanItem>
      <PlanItem itemId="d1-b2">Block 2 (Template Creation – 60 min)</PlanItem>
      <PlanItem itemId="d1-a1">Practice (60 min)</PlanItem>
    </Week09>,
  );
}

/** The visible "done/total" text of a progress bar, found by its accessible name. */
const bar = (name: string) => screen.getByRole('progressbar', {name});

describe('tick boxes', () => {
  it('are labelled with what is done, and tick at once, updating day and week totals', () => {
    renderDay1();
    const box = screen.getByRole('checkbox', {name: 'Done: Block 1 · Concepts'});
    expect(box).not.toBeChecked();
    expect(bar('Day 1 (4 h plan) progress')).toHaveAttribute('aria-valuetext', '0/4 done');
    fireEvent.click(box);
    expect(box).toBeChecked();
    expect(bar('Day 1 (4 h plan) progress')).toHaveAttribute('aria-valuetext', '1/4 done');
    expect(bar('This week (4 h plan) progress')).toHaveAttribute('aria-valuetext', '1/25 done');
    // The bars are the chosen plan's: choosing the 6-hour plan counts its additions.
    act(() => updateState((state) => ({...state, variant: '6h'})));
    expect(bar('Day 1 (6 h plan) progress')).toHaveAttribute('aria-valuetext', '1/5 done');
    expect(JSON.parse(window.localStorage.getItem(STORAGE_KEY)!).progress[WEEK]).toHaveProperty('d1-b1');
  });

  it('show no words of their own; the name, also their tooltip, says what is done (Label in Name)', () => {
    renderDay1();
    const box = screen.getByRole('checkbox', {name: shows('Done: Block 1 · Concepts')});
    // The tooltip is the only text a sighted reader meets on the box, and it is the name.
    expect(box).toHaveAttribute('title', 'Done: Block 1 · Concepts');
    expect(box).toHaveTextContent('');
    expectLabelInName(box.parentElement!);
  });

  it('count a 6-hour addition only in the 6-hour totals', () => {
    renderDay1();
    fireEvent.click(screen.getByRole('checkbox', {name: 'Done: Practice'}));
    expect(bar('Day 1 (4 h plan) progress')).toHaveAttribute('aria-valuetext', '0/4 done');
    act(() => updateState((state) => ({...state, variant: '6h'})));
    expect(bar('Day 1 (6 h plan) progress')).toHaveAttribute('aria-valuetext', '1/5 done');
  });

  it('remember the plan and day, for "continue where you left off"', () => {
    renderDay1();
    fireEvent.click(screen.getByRole('checkbox', {name: 'Done: Block 2 · Template Creation'}));
    expect(getState().lastVisit).toMatchObject({planId: WEEK, day: 1});
  });

  it('show a tick made in another tab without a reload', () => {
    renderDay1();
    act(() => {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify({version: 1, progress: {[WEEK]: {'d1-b2': 1000}}}));
      window.dispatchEvent(new StorageEvent('storage', {key: STORAGE_KEY}));
    });
    expect(screen.getByRole('checkbox', {name: 'Done: Block 2 · Template Creation'})).toBeChecked();
  });

  it('hydrate without a mismatch when ticks are stored, then show them', async () => {
    const tree = (
      <Week09>
        <DayToolbar day="1" />
        <PlanItem itemId="d1-b1">Block 1 (Concepts – 60–75 min)</PlanItem>
      </Week09>
    );
    const html = renderAsServer(tree);
    updateState((state) => ({...state, progress: {[WEEK]: {'d1-b1': 1000}}}));
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const {root, errors, finishHydrating} = await hydrateAsDocusaurus(container, tree);
    const tick = within(container).getByRole('checkbox', {name: 'Done: Block 1 · Concepts'});
    // Hydrated, it still shows what the server rendered: no render of its own (React would run that one synchronously,
    // in one long task with the page's other first updates). The stored tick shows once the page says it has hydrated.
    expect(tick).not.toBeChecked();
    await finishHydrating();
    expect(errors).toEqual([]);
    expect(tick).toBeChecked();
    act(() => root.unmount());
    container.remove();
  });
});

describe('keeping the ticks', () => {
  afterEach(() => Reflect.deleteProperty(navigator, 'storage'));

  it('asks the browser to keep the site’s storage on the first tick only', async () => {
    // The question starts in the click itself (by reading whether the storage is already kept), so a second
    // question would show here at once, before any promise settles.
    const persisted = vi.fn(async () => false);
    const persist = vi.fn(async () => true);
    Object.defineProperty(navigator, 'storage', {configurable: true, value: {persisted, persist}});
    renderDay1();
    fireEvent.click(screen.getByRole('checkbox', {name: 'Done: Block 1 · Concepts'}));
    expect(persisted).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(persist).toHaveBeenCalledTimes(1));
    fireEvent.click(screen.getByRole('checkbox', {name: 'Done: Block 2 · Template Creation'}));
    expect(screen.getByRole('checkbox', {name: 'Done: Block 2 · Template Creation'})).toBeChecked();
    expect(persisted).toHaveBeenCalledTimes(1);
    expect(persist).toHaveBeenCalledTimes(1);
  });
});
