import {readFileSync} from 'node:fs';
import path from 'node:path';
import {act, render, screen, waitFor} from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ICAL from 'ical.js';
import {afterEach, beforeAll, beforeEach, describe, expect, it, vi} from 'vitest';
import {parsePlan} from '@site/plugins/plan-model/parse';
import {toPagePlan} from '@site/plugins/plan-model/pagePlan';
import PlanPage from '@site/src/components/PlanPage';
import {updateState} from '@site/src/store';
import {repoRoot} from '@site/tests/support/seeds';
import CalendarExport from '.';
import {expectLabelInName, shows} from '@site/tests/unit/support/labelInName';
import {recordDownloads} from '@site/tests/unit/support/downloads';

// The dialog's code loads on demand; importing it here keeps a slow first import from racing the test's waits.
beforeAll(async () => {
  await import('./CalendarDialog');
});

const plan = toPagePlan(parsePlan(readFileSync(path.join(repoRoot, 'docs/weeks/week-11/go.md'), 'utf8')).plan!);
if (plan.kind !== 'weekly') throw new Error('week 11 should be a weekly plan');

let blobs: Blob[];
let downloads: string[];

beforeEach(() => {
  ({blobs, names: downloads} = recordDownloads());
});

afterEach(() => {
  vi.restoreAllMocks();
});

function renderExport(day?: number) {
  return render(
    <PlanPage planId="weeks/week-11/go" plan={plan}>
      <p>
        <button type="button">Before</button>
      </p>
      <CalendarExport day={day} />
    </PlanPage>,
  );
}

async function parsedDownload(): Promise<ICAL.Event[]> {
  expect(blobs).toHaveLength(1);
  const text = await blobs[0]!.text();
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));
}

describe('CalendarExport', () => {
  it('opens from the keyboard as a labelled modal with labelled fields, focus on the first', async () => {
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    const user = userEvent.setup();
    renderExport();
    await user.tab();
    await user.tab();
    const trigger = screen.getByRole('button', {name: 'Add to calendar'});
    expect(trigger).toHaveFocus();
    await user.keyboard('{Enter}');

    const dialog = await screen.findByRole('dialog', {name: 'Add this plan to your calendar'});
    // Modal, so the browser keeps focus inside and closes it on Escape.
    expect(showModal).toHaveBeenCalledTimes(1);
    expect(showModal.mock.contexts[0]).toBe(dialog);
    expect(screen.getByLabelText('Date of Day 1')).toHaveFocus();
    expect(screen.getByLabelText('Daily start time')).toHaveValue('09:00');
    expect(screen.getByRole('radio', {name: /4-hour plan/})).toBeChecked();
    expect(screen.getByRole('group', {name: 'Plan'})).toBeInTheDocument();
  });

  it('names the button and every control of the dialog by the words they show (Label in Name)', async () => {
    const user = userEvent.setup();
    const {container} = renderExport(3);
    await user.click(screen.getByRole('button', {name: shows('Add this day to calendar')}));
    const dialog = await screen.findByRole('dialog', {name: 'Add Day 3 to your calendar'});
    expect(screen.getByRole('radio', {name: shows('4-hour plan (blocks)')})).toBeInTheDocument();
    expect(screen.getByRole('button', {name: shows('Download .ics')})).toBeInTheDocument();
    expectLabelInName(dialog);
    expectLabelInName(container);
  });

  it('closes on Cancel and returns focus to the button, downloading nothing', async () => {
    const user = userEvent.setup();
    renderExport();
    const trigger = screen.getByRole('button', {name: 'Add to calendar'});
    await user.click(trigger);
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByRole('button', {name: 'Cancel'}));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    expect(blobs).toHaveLength(0);
  });

  it('closes on a click beside it (on the backdrop), but not on a click inside', async () => {
    const user = userEvent.setup();
    renderExport();
    await user.click(screen.getByRole('button', {name: 'Add to calendar'}));
    const dialog = await screen.findByRole('dialog');
    await user.click(screen.getByRole('heading', {name: 'Add this plan to your calendar'}));
    expect(dialog).toBeInTheDocument();
    // The backdrop belongs to the dialog element: the browser reports a click on it with the dialog as target.
    await user.click(dialog);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', {name: 'Add to calendar'})).toHaveFocus();
  });

  it('when the browser closes it (Escape), the form goes away and focus returns to the button', async () => {
    const user = userEvent.setup();
    renderExport();
    const trigger = screen.getByRole('button', {name: 'Add to calendar'});
    await user.click(trigger);
    act(() => screen.getByRole<HTMLDialogElement>('dialog').close());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
  });

  it('starts from the site-wide 4h/6h choice and downloads one event per block and addition', async () => {
    updateState((state) => ({...state, variant: '6h'}));
    const user = userEvent.setup();
    renderExport();
    await user.click(screen.getByRole('button', {name: 'Add to calendar'}));
    expect(screen.getByRole('radio', {name: /6-hour plan/})).toBeChecked();
    const date = screen.getByLabelText('Date of Day 1');
    await user.clear(date);
    await user.type(date, '2026-04-06');
    const time = screen.getByLabelText('Daily start time');
    await user.clear(time);
    await user.type(time, '07:15');
    await user.click(screen.getByRole('button', {name: 'Download .ics'}));

    await waitFor(() => expect(downloads).toEqual(['weeks-week-11-go.ics']));
    const events = await parsedDownload();
    const items = plan.days.flatMap((day) => [...day.blocks, ...day.additions]);
    expect(events).toHaveLength(items.length);
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2026-04-06T07:15:00.000Z');
    expect(events[0]!.summary).toBe(`Block 1 · ${plan.days[0]!.blocks[0]!.label} — Day 1: ${plan.days[0]!.title}`);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(`Downloaded weeks-week-11-go.ics with ${items.length} events.`);
    expect(screen.getByRole('button', {name: 'Add to calendar'})).toHaveFocus();
  });

  it('exports only the chosen day, and the 4-hour plan when picked in the dialog', async () => {
    updateState((state) => ({...state, variant: '6h'}));
    const user = userEvent.setup();
    renderExport(3);
    await user.click(screen.getByRole('button', {name: 'Add this day to calendar'}));
    expect(await screen.findByRole('dialog', {name: 'Add Day 3 to your calendar'})).toBeInTheDocument();
    await user.click(screen.getByRole('radio', {name: /4-hour plan/}));
    await user.keyboard('{Enter}');

    await waitFor(() => expect(downloads).toEqual(['weeks-week-11-go-day-3.ics']));
    const events = await parsedDownload();
    expect(events.map((event) => event.summary)).toEqual(
      plan.days[2]!.blocks.map((block) => `Block ${block.number} · ${block.label} — Day 3: ${plan.days[2]!.title}`),
    );
  });

  it('explains bad input in the dialog and downloads nothing', async () => {
    const user = userEvent.setup();
    renderExport();
    await user.click(screen.getByRole('button', {name: 'Add to calendar'}));
    await screen.findByRole('dialog');
    await user.clear(screen.getByLabelText('Date of Day 1'));
    await user.click(screen.getByRole('button', {name: 'Download .ics'}));
    expect(screen.getByRole('alert')).toHaveTextContent('Pick a valid start date for Day 1.');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(blobs).toHaveLength(0);
  });
});
