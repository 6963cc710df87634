import {act, render, screen} from '@testing-library/react';
import {VariantProgressBar} from '@site/src/components/ProgressBar';
import {updateState} from '@site/src/store';
import {hydrateAsDocusaurus, renderAsServer} from '@site/tests/unit/support/hydration';

const day1 = (done4h: number, done6h: number) => <VariantProgressBar done4h={done4h} total4h={4} done6h={done6h} total6h={5} label="Day 1" />;

/** The bar as the server wrote it, hydrated as Docusaurus does; what changed in its contents is recorded from then on. */
async function hydrated(done4h: number, done6h: number) {
  const container = document.createElement('div');
  container.innerHTML = renderAsServer(day1(0, 0));
  document.body.append(container);
  const changes: MutationRecord[] = [];
  const watcher = new MutationObserver((records) => changes.push(...records));
  watcher.observe(container, {subtree: true, childList: true, characterData: true, attributeFilter: ['data-count-4h', 'data-count-6h']});
  const page = await hydrateAsDocusaurus(container, day1(done4h, done6h));
  await page.finishHydrating();
  changes.push(...watcher.takeRecords());
  watcher.disconnect();
  return {container, page, changes};
}

describe('a progress bar for both variants', () => {
  afterEach(() => document.body.replaceChildren());

  it('keeps the count the server drew through hydration while nothing is ticked, and names its variant', async () => {
    const {page, changes} = await hydrated(0, 0);
    expect(page.errors).toEqual([]);
    // Turning the drawn count into text here made the browser lay the page out again on every load.
    expect(changes).toEqual([]);
    const bar = screen.getByRole('progressbar', {name: 'Day 1 (4 h plan) progress'});
    expect(bar).toHaveAttribute('data-count-4h', '0/4 done');
    expect(bar).toHaveAttribute('data-count-6h', '0/5 done');
    expect(bar).toHaveAttribute('aria-valuetext', '0/4 done');
  });

  it('tells assistive technology the 6-hour count when that plan is chosen, with nothing ticked', async () => {
    updateState((state) => ({...state, variant: '6h'}));
    await hydrated(0, 0);
    const bar = screen.getByRole('progressbar', {name: 'Day 1 (6 h plan) progress'});
    expect(bar).toHaveAttribute('aria-valuetext', '0/5 done');
    expect(bar).toHaveAttribute('aria-valuemax', '5');
  });

  it('writes the count as text once something is ticked, in the hydrating page or later', async () => {
    const {changes} = await hydrated(1, 1);
    expect(changes).not.toEqual([]);
    const bar = screen.getByRole('progressbar', {name: 'Day 1 (4 h plan) progress'});
    expect(bar).toHaveTextContent('1/4 done');
    expect(bar).not.toHaveAttribute('data-count-4h');

    const {rerender} = render(day1(0, 0));
    const fresh = screen.getAllByRole('progressbar', {name: 'Day 1 (4 h plan) progress'})[1]!;
    expect(fresh).toHaveTextContent('');
    act(() => rerender(day1(0, 1)));
    // Ticked only in the 6-hour plan: the 4-hour count is written too, as 0.
    expect(fresh).toHaveTextContent('0/4 done');
  });
});
