import {act, fireEvent, render, screen, within} from '@testing-library/react';
import DayNotes from '@site/src/components/DayNotes';
import DayToolbar from '@site/src/components/DayToolbar';
import {SAVE_DELAY_MS} from '@site/src/components/NoteField';
import {STORAGE_KEY, getState, resetStoreForTests} from '@site/src/store';
import {Week09} from '@site/tests/unit/support/planPage';

const WEEK = 'weeks/week-09/go';
const stored = () => JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '{}') as {dayNotes?: Record<string, Record<string, string>>};

function renderDay2() {
  return render(
    <Week09>
      <DayToolbar day="2" />
      <DayNotes day={2} />
    </Week09>,
  );
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('day notes', () => {
  it('is a labelled field that saves as typed after a pause, says so, and counts in the toolbar', () => {
    renderDay2();
    const field = screen.getByRole('textbox', {name: 'Notes for day 2'});
    const text = '  select with a default:\n\t<b>never blocks</b>  ';
    fireEvent.change(field, {target: {value: text}});
    expect(stored().dayNotes?.[WEEK]).toBeUndefined();
    act(() => vi.advanceTimersByTime(SAVE_DELAY_MS));
    expect(stored().dayNotes).toEqual({[WEEK]: {'2': text}});
    expect(within(field.parentElement!).getByRole('status')).toHaveTextContent('Saved');
    expect(screen.getByRole('link', {name: '1 note'})).toHaveAttribute('href', '#day-2-notes');
  });

  it('saves at once when the field loses focus or the page is hidden, losing no keystroke', () => {
    renderDay2();
    const field = screen.getByRole('textbox', {name: 'Notes for day 2'});
    fireEvent.change(field, {target: {value: 'first'}});
    fireEvent.blur(field);
    expect(getState().dayNotes[WEEK]).toEqual({'2': 'first'});
    fireEvent.change(field, {target: {value: 'first, second'}});
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    expect(stored().dayNotes).toEqual({[WEEK]: {'2': 'first, second'}});
  });

  it('never says "Saved" for a note longer than the store keeps: it says why, keeps the text in the field, and saves once shortened', () => {
    renderDay2();
    const field = screen.getByRole('textbox', {name: 'Notes for day 2'});
    fireEvent.change(field, {target: {value: 'kept'}});
    fireEvent.blur(field);
    const long = 'x'.repeat(100_001);
    fireEvent.change(field, {target: {value: long}});
    act(() => vi.advanceTimersByTime(SAVE_DELAY_MS));
    const status = within(field.parentElement!).getByRole('status');
    expect(status).toHaveTextContent('Not saved: a note holds up to 100,000 characters and this one has 100,001.');
    fireEvent.blur(field);
    expect(field).toHaveValue(long);
    expect(stored().dayNotes).toEqual({[WEEK]: {'2': 'kept'}});
    resetStoreForTests();
    expect(getState().dayNotes[WEEK]).toEqual({'2': 'kept'});
    fireEvent.change(field, {target: {value: long.slice(1)}});
    fireEvent.blur(field);
    expect(status).toHaveTextContent('Saved');
    resetStoreForTests();
    expect(getState().dayNotes[WEEK]).toEqual({'2': long.slice(1)});
  });

  it('says when the note could not be stored, and keeps the text on the page', () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    renderDay2();
    const field = screen.getByRole('textbox', {name: 'Notes for day 2'});
    fireEvent.change(field, {target: {value: 'precious'}});
    fireEvent.blur(field);
    expect(within(field.parentElement!).getByRole('status')).toHaveTextContent(/^Not saved/);
    expect(field).toHaveValue('precious');
  });
});
