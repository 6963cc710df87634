import {act, render, screen, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import VariantToggle from '@site/src/components/VariantToggle';
import DayToolbar from '@site/src/components/DayToolbar';
import {STORAGE_KEY, updateState} from '@site/src/store';
import {Week09} from '@site/tests/unit/support/planPage';
import {hydrateAsDocusaurus, renderAsServer} from '@site/tests/unit/support/hydration';
import {expectLabelInName, shows} from '@site/tests/unit/support/labelInName';

// Plan pages show progress totals from the plan-data plugin's global data.

const variantAttribute = () => document.documentElement.getAttribute('data-plan-variant');
const storedVariant = () => (JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '{}') as {variant?: string}).variant;

beforeEach(() => {
  document.documentElement.removeAttribute('data-plan-variant');
  window.history.replaceState(null, '', '/weeks/week-09/go');
});

describe('VariantToggle', () => {
  it('is a labelled radio group with the 4-hour plan chosen until the reader picks', () => {
    render(<VariantToggle />);
    const group = screen.getByRole('group', {name: 'How many hours do you have today?'});
    const four = within(group).getByRole('radio', {name: /4-hour plan/});
    const six = within(group).getByRole('radio', {name: /6-hour plan/});
    expect(four).toBeChecked();
    expect(six).not.toBeChecked();
  });

  it('names each option by the words it shows (Label in Name)', () => {
    const {container} = render(<VariantToggle />);
    expect(screen.getByRole('radio', {name: shows('4-hour plan')})).toHaveAccessibleName('4-hour plan core blocks');
    expect(screen.getByRole('radio', {name: shows('6-hour plan')})).toHaveAccessibleName('6-hour plan core blocks + additions');
    expectLabelInName(container);
  });

  it('keyboard: Tab reaches the chosen option, an arrow key picks the other, applies it to the page and remembers it', async () => {
    const user = userEvent.setup();
    render(<VariantToggle />);
    await user.tab();
    expect(screen.getByRole('radio', {name: /4-hour plan/})).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    const six = screen.getByRole('radio', {name: /6-hour plan/});
    expect(six).toHaveFocus();
    expect(six).toBeChecked();
    expect(variantAttribute()).toBe('6h');
    expect(storedVariant()).toBe('6h');
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('radio', {name: /4-hour plan/})).toBeChecked();
    expect(variantAttribute()).toBe('4h');
    expect(storedVariant()).toBe('4h');
  });

  it('keeps a shared ?plan= link truthful, and adds none to a plain URL', async () => {
    const user = userEvent.setup();
    const {unmount} = render(<VariantToggle />);
    await user.click(screen.getByRole('radio', {name: /6-hour plan/}));
    expect(window.location.search).toBe('');
    unmount();

    window.history.replaceState(null, '', '/weeks/week-09/go?plan=6h#day-3');
    render(<VariantToggle />);
    await user.click(screen.getByRole('radio', {name: /4-hour plan/}));
    expect(window.location.search).toBe('?plan=4h');
    expect(window.location.hash).toBe('#day-3');
  });

  it('is one choice per site: every toggle on the page follows, and so does a page opened later', async () => {
    const user = userEvent.setup();
    render(
      <Week09>
        <VariantToggle />
        <DayToolbar day="1" />
        <DayToolbar day="2" />
      </Week09>,
    );
    await user.click(screen.getAllByRole('radio', {name: /6-hour plan/})[2]!);
    for (const radio of screen.getAllByRole('radio', {name: /6-hour plan/})) expect(radio).toBeChecked();
    // Another page's components read the same store.
    render(<VariantToggle />);
    expect(screen.getAllByRole('radio', {name: /6-hour plan/}).at(-1)).toBeChecked();
  });

  it('follows a choice made in another tab', () => {
    render(<VariantToggle />);
    act(() => {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify({version: 1, variant: '6h'}));
      window.dispatchEvent(new StorageEvent('storage', {key: STORAGE_KEY}));
    });
    expect(screen.getByRole('radio', {name: /6-hour plan/})).toBeChecked();
  });
});

describe('hydrating server HTML', () => {
  it('shows the stored choice right after hydration, without a hydration warning', async () => {
    const tree = (
      <Week09>
        <VariantToggle />
        <DayToolbar day="1" />
      </Week09>
    );
    const html = renderAsServer(tree);
    updateState((state) => ({...state, variant: '6h'}));

    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    expect(container.querySelector('[data-variant-name="4 h plan: "]')).toHaveTextContent('3 h 30 – 3 h 45');
    const {root, errors, finishHydrating} = await hydrateAsDocusaurus(container, tree);
    await finishHydrating();
    expect(errors).toEqual([]);
    for (const radio of within(container).getAllByRole('radio', {name: /6-hour plan/})) expect(radio).toBeChecked();
    act(() => root.unmount());
    container.remove();
  });
});
