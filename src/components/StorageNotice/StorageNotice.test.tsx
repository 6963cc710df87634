import {act, fireEvent, render, screen, within} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {renderToString} from 'react-dom/server';
import {hydrateRoot} from 'react-dom/client';
import PlanItem from '@site/src/components/PlanItem';
import VariantToggle from '@site/src/components/VariantToggle';
import {BACKUP_KEY_PREFIX, STORAGE_KEY} from '@site/src/store';
import {SCHEMA_VERSION} from '@site/src/store/schema';
import {Week09} from '@site/tests/unit/support/planPage';
import StorageNotice from '.';
import {recordDownloads} from '@site/tests/unit/support/downloads';

// Plan pages show progress totals from the plan-data plugin's global data.

const WEEK = 'weeks/week-09/go';
const originalStorage = Object.getOwnPropertyDescriptor(window, 'localStorage')!;
let blobs: Blob[];
let downloads: string[];

beforeEach(() => {
  ({blobs, names: downloads} = recordDownloads());
});

afterEach(() => {
  Object.defineProperty(window, 'localStorage', originalStorage);
  vi.restoreAllMocks();
});

/** A plan day with two tick boxes and the 4h/6h choice, plus the notice as Root renders it. */
function renderPage() {
  return render(
    <>
      <Week09>
        <VariantToggle />
        <PlanItem itemId="d1-b1">Block 1 (Concepts – 60–75 min)</PlanItem>
        <PlanItem itemId="d1-b2">Block 2 (Template Creation – 60 min)</PlanItem>
      </Week09>
      <StorageNotice />
    </>,
  );
}

const tick = (name: string) => fireEvent.click(screen.getByRole('checkbox', {name: `Done: ${name}`}));
const notice = () => screen.getByRole('status', {name: ''});
const quotaExceeded = () => {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};

describe('a write that does not persist', () => {
  it('storage full: says what happened, what it means and what to do, once, until dismissed', async () => {
    renderPage();
    expect(notice()).toBeEmptyDOMElement();
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(quotaExceeded);
    tick('Block 1 · Concepts');
    expect(notice()).toHaveTextContent(/Not saved: this browser’s storage for this site is full\./);
    expect(notice()).toHaveTextContent(/last until you close this tab/);
    expect(notice()).toHaveTextContent(/Free some space/);
    tick('Block 2 · Template Creation');
    expect(within(notice()).getAllByText(/storage for this site is full/)).toHaveLength(1);
    // The tick still shows for this visit.
    expect(screen.getByRole('checkbox', {name: 'Done: Block 1 · Concepts'})).toBeChecked();

    await userEvent.click(within(notice()).getByRole('button', {name: 'Export progress now'}));
    expect(downloads).toEqual([expect.stringMatching(/^go-study-plans-progress-\d{4}-\d\d-\d\d\.json$/)]);
    expect(JSON.parse(await blobs[0]!.text()).progress[WEEK]).toHaveProperty('d1-b1');

    await userEvent.click(within(notice()).getByRole('button', {name: 'Dismiss the storage full notice'}));
    expect(notice()).toBeEmptyDOMElement();
    tick('Block 2 · Template Creation');
    expect(notice()).toBeEmptyDOMElement();

    setItem.mockRestore();
    tick('Block 2 · Template Creation');
    expect(notice()).toHaveTextContent(/^Saved again: your progress, including the changes saving had missed, is stored in this browser again\.Dismiss$/);
    expect(JSON.parse(window.localStorage.getItem(STORAGE_KEY)!).progress[WEEK]).toHaveProperty('d1-b1');
  });

  it('storage blocked: shown whatever wrote, here the 4h/6h choice', () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    renderPage();
    fireEvent.click(screen.getByRole('radio', {name: /6-hour plan/}));
    expect(screen.getByRole('radio', {name: /6-hour plan/})).toBeChecked();
    expect(notice()).toHaveTextContent(/Not saved: this browser does not let this site store data\..*last until you close this tab/);
  });

  it('a newer version of the site: offers a reload and leaves its data alone', () => {
    const newer = JSON.stringify({version: SCHEMA_VERSION + 1, progress: {}});
    window.localStorage.setItem(STORAGE_KEY, newer);
    renderPage();
    tick('Block 1 · Concepts');
    expect(notice()).toHaveTextContent(/a newer version of this site stored your progress/);
    expect(within(notice()).getByRole('button', {name: 'Reload'})).toBeInTheDocument();
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe(newer);
  });
});

describe('stored data that cannot be read', () => {
  const cutOff = `{"version":1,"variant":null,"timers":{},"autoAdvance":false,"progress":{"${WEEK}":{"d1-b1":1700000000000,"d1-b2":17`;

  it('is kept under a backup key, the reader is told how to get it, and readable ticks show', async () => {
    window.localStorage.setItem(STORAGE_KEY, cutOff);
    renderPage();
    expect(notice()).toHaveTextContent(/Some saved data could not be read\..*cut off or damaged.*1 tick was recovered from it\./);
    const backupKey = Object.keys(window.localStorage).find((key) => key.startsWith(BACKUP_KEY_PREFIX))!;
    expect(window.localStorage.getItem(backupKey)).toBe(cutOff);
    expect(notice()).toHaveTextContent(backupKey);
    expect(screen.getByRole('checkbox', {name: 'Done: Block 1 · Concepts'})).toBeChecked();

    await userEvent.click(within(notice()).getByRole('button', {name: 'Download the damaged data'}));
    expect(downloads).toEqual([expect.stringMatching(/^go-study-plans-damaged-data-.*\.txt$/)]);
    expect(await blobs[0]!.text()).toBe(cutOff);
  });

  it('timers with impossible times are not shown, and the notice says how many were left out', () => {
    const timer = {planId: WEEK, itemId: 'd1-b1', label: 'Block 1', durationMs: 3_600_000, maxMs: 3_600_000, elapsedMs: 0, finishedAt: null, next: null};
    const future = {...timer, runningSince: Date.now() + 3_600_000};
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({version: 1, timers: {[`${WEEK}#d1-b1`]: future}}));
    renderPage();
    expect(notice()).toHaveTextContent(/1 stored timer had impossible times \(negative, longer than a day, or starting in the future\) and is not shown\./);
    expect(screen.queryByRole('button', {name: /^Pause timer/})).toBeNull();
  });

  it('nothing shows while hydrating, so the server HTML matches; the notice follows right after', async () => {
    window.localStorage.setItem(STORAGE_KEY, cutOff);
    const html = renderToString(<StorageNotice />);
    expect(html).not.toContain('could not be read');
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.append(container);
    const errors: unknown[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args) => errors.push(args));
    const root = await act(async () => hydrateRoot(container, <StorageNotice />, {onRecoverableError: (error) => errors.push(error)}));
    spy.mockRestore();
    expect(errors).toEqual([]);
    expect(within(container).getByRole('status')).toHaveTextContent(/Some saved data could not be read/);
    act(() => root.unmount());
    container.remove();
  });
});

describe('keyboard', () => {
  it('every button is reached with Tab and works with Enter', async () => {
    const user = userEvent.setup();
    window.localStorage.setItem(STORAGE_KEY, '{"theme":"dark"}');
    render(<StorageNotice />);
    await user.tab();
    expect(screen.getByRole('button', {name: 'Download the damaged data'})).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', {name: 'Dismiss the damaged data notice'})).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});
