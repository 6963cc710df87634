import {fireEvent, render, screen} from '@testing-library/react';
import PlanItem from '@site/src/components/PlanItem';
import {getState, updateState} from '@site/src/store';
import {Week09} from '@site/tests/unit/support/planPage';
import {expectLabelInName} from '@site/tests/unit/support/labelInName';

const WEEK = 'weeks/week-09/go';

describe('a note on one item', () => {
  it('opens from a small button named after the item, and keeps what is typed for that item only', () => {
    const {container} = render(
      <Week09>
        <PlanItem itemId="d1-b1">Block 1 (Concepts – 60–75 min)</PlanItem>
        <PlanItem itemId="d1-b2">Block 2 (Template Creation – 60 min)</PlanItem>
      </Week09>,
    );
    expectLabelInName(container);
    const button = screen.getByRole('button', {name: /^Add note on Block 1/});
    expect(button).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(button);
    const field = screen.getByRole('textbox', {name: /^Note on Block 1/});
    expect(field).toHaveFocus();
    fireEvent.change(field, {target: {value: 'ask about sync.Pool'}});
    fireEvent.blur(field);
    expect(getState().itemNotes[WEEK]).toEqual({'d1-b1': 'ask about sync.Pool'});
    expect(screen.getByRole('button', {name: /^Note on Block 1/})).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('button', {name: /^Add note on Block 2/})).toBeInTheDocument();
  });

  it('shows a kept note open', () => {
    updateState((state) => ({...state, itemNotes: {[WEEK]: {'d1-b2': 'kept'}}}));
    render(
      <Week09>
        <PlanItem itemId="d1-b2">Block 2 (Template Creation – 60 min)</PlanItem>
      </Week09>,
    );
    expect(screen.getByRole('textbox', {name: /^Note on Block 2/})).toHaveValue('kept');
  });

  it('carries its text, as typed, for "Print this day", and nothing for an item without a note', () => {
    updateState((state) => ({...state, itemNotes: {[WEEK]: {'d1-b2': 'line one\n  <b>two</b>'}}}));
    const {container} = render(
      <Week09>
        <PlanItem itemId="d1-b1">Block 1 (Concepts – 60–75 min)</PlanItem>
        <PlanItem itemId="d1-b2">Block 2 (Template Creation – 60 min)</PlanItem>
      </Week09>,
    );
    const printed = Array.from(container.querySelectorAll('[data-print-item-note]'));
    expect(printed.map((note) => [note.closest('[data-plan-item]')!.getAttribute('data-plan-item'), note.textContent])).toEqual([
      ['d1-b2', 'Note: line one\n  <b>two</b>'],
    ]);
  });
});
