import {readFileSync} from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parsePlan} from '@site/plugins/plan-model/parse';
import {toPagePlan, type PagePlan} from '@site/plugins/plan-model/pagePlan';
import {repoRoot} from '@site/tests/support/seeds';
import {MINUTES_WITHOUT_DURATION, fileName, nextMonday, planEvents, type ExportRequest} from './events';
import {toIcs} from './ics';

const SITE = 'https://go-study-plans.github.io/';

function loadPlan(doc: string): PagePlan {
  const {plan, diagnostics} = parsePlan(readFileSync(path.join(repoRoot, doc), 'utf8'));
  if (!plan) throw new Error(`${doc} is not a plan: ${diagnostics.map((d) => d.message).join('; ')}`);
  return toPagePlan(plan);
}

const week11 = loadPlan('docs/weeks/week-11/go.md');
const intensive = loadPlan('docs/intensive/senior-go-14-days.md');

interface ParsedEvent {
  summary: string;
  description: string;
  url: string;
  uid: string;
  start: Date;
  end: Date;
}

/** Writes the file as the site does, then reads it back with an independent parser. */
function exportAndParse(request: ExportRequest): ParsedEvent[] {
  const result = planEvents(request);
  if (!result.ok) throw new Error(result.message);
  const file = toIcs(result.events, 'Test calendar');
  if (!file.ok) throw new Error(file.message);
  const calendar = new ICAL.Component(ICAL.parse(file.text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      summary: event.summary,
      description: event.description,
      url: String(component.getFirstPropertyValue('url')),
      uid: event.uid,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
    };
  });
}

function request(overrides: Partial<ExportRequest>): ExportRequest {
  return {planId: 'weeks/week-11/go', plan: week11, startDate: '2026-03-02', startTime: '09:00', variant: '4h', siteUrl: SITE, ...overrides};
}

/** Wall-clock date and time of an instant in a named zone: "2026-03-30 09:00". */
function wallClock(date: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'})
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

const minutesBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;

describe('weekly plan export', () => {
  if (week11.kind !== 'weekly') throw new Error('week 11 should be a weekly plan');
  const blocks = week11.days.flatMap((day) => day.blocks);
  const additions = week11.days.flatMap((day) => day.additions);

  it('has one event per block with the 4-hour plan, and blocks plus additions with the 6-hour plan', () => {
    expect(exportAndParse(request({variant: '4h'}))).toHaveLength(blocks.length);
    expect(exportAndParse(request({variant: '6h'}))).toHaveLength(blocks.length + additions.length);
    expect(additions.length).toBeGreaterThan(0);
  });

  it('titles each event with the block label and the day title, and links back to the day', () => {
    const events = exportAndParse(request({}));
    const day3 = week11.days.find((day) => day.number === 3)!;
    const review = events.find((event) => event.summary.startsWith('Block 4 · Review — Day 3'))!;
    expect(review.summary).toBe(`Block 4 · Review — Day 3: ${day3.title}`);
    expect(review.description).toContain(day3.blocks[3]!.details[0]);
    expect(review.description).toContain(`${SITE}weeks/week-11/go#day-3`);
    expect(review.url).toBe(`${SITE}weeks/week-11/go#day-3`);
  });

  it('places blocks back to back, each lasting its shortest planned time', () => {
    const events = exportAndParse(request({variant: '6h'}));
    const items = week11.days.flatMap((day) => [...day.blocks, ...day.additions]);
    events.forEach((event, index) => {
      expect(minutesBetween(event.start, event.end)).toBe(items[index]!.duration?.min ?? MINUTES_WITHOUT_DURATION);
      const previous = events[index - 1];
      if (previous && previous.start.toDateString() === event.start.toDateString()) {
        expect(event.start).toEqual(previous.end);
      }
    });
  });

  it('exports a single day on the date the reader picked', () => {
    const events = exportAndParse(request({day: 3, startDate: '2026-05-14', startTime: '18:30'}));
    expect(events).toHaveLength(week11.days[2]!.blocks.length);
    expect(events.every((event) => event.summary.includes('Day 3:'))).toBe(true);
    expect(wallClock(events[0]!.start, 'UTC')).toBe('2026-05-14 18:30');
  });

  it('gives the same event the same uid in a whole-week and a single-day export', () => {
    const week = exportAndParse(request({startDate: '2026-05-12'}));
    const day = exportAndParse(request({day: 3, startDate: '2026-05-14'}));
    expect(day.map((event) => event.uid)).toEqual(week.filter((event) => event.summary.includes('Day 3:')).map((event) => event.uid));
    expect(new Set(week.map((event) => event.uid)).size).toBe(week.length);
  });

  it('answers bad input with a message instead of an exception', () => {
    expect(planEvents(request({startDate: '2026-02-30'}))).toEqual({ok: false, message: 'Pick a valid start date for Day 1.'});
    expect(planEvents(request({startDate: ''}))).toMatchObject({ok: false});
    expect(planEvents(request({startTime: '25:00'}))).toMatchObject({ok: false, message: expect.stringContaining('HH:MM')});
    expect(planEvents(request({day: 9}))).toEqual({ok: false, message: 'This plan has no Day 9.'});
  });
});

describe('text escaping', () => {
  const tricky: PagePlan = {
    kind: 'weekly',
    title: 'Tricky; week, with \\ backslash',
    goals: [],
    overview: [],
    days: [
      {
        number: 1,
        title: 'Queues, DLQs; retries',
        anchor: 'day-1',
        blocks: [
          {
            id: 'd1-b1',
            number: 1,
            label: 'Design, build; test',
            duration: {min: 45, max: 45},
            details: ['Use a, b; and c\\d', 'Second line\nwith an embedded newline', 'Unicode – ok ✓'],
          },
        ],
        additions: [],
      },
    ],
  };

  it('round-trips commas, semicolons, backslashes and newlines through an independent parser', () => {
    const [event] = exportAndParse(request({plan: tricky, planId: 'weeks/tricky/go'}));
    expect(event!.summary).toBe('Block 1 · Design, build; test — Day 1: Queues, DLQs; retries');
    expect(event!.description).toBe(
      ['Use a, b; and c\\d', 'Second line\nwith an embedded newline', 'Unicode – ok ✓', '', `Open in the plan: ${SITE}weeks/tricky/go#day-1`].join('\n'),
    );
  });

  it('escapes them in the file itself, so a strict reader sees one property per line', () => {
    const result = planEvents(request({plan: tricky, planId: 'weeks/tricky/go'}));
    if (!result.ok) throw new Error(result.message);
    const file = toIcs(result.events, 'Test');
    if (!file.ok) throw new Error(file.message);
    const unfolded = file.text.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('SUMMARY:Block 1 · Design\\, build\\; test');
    expect(unfolded).toContain('Use a\\, b\\; and c\\\\d\\nSecond line\\nwith an embedded newline');
  });
});

describe('intensive plan export', () => {
  if (intensive.kind !== 'intensive') throw new Error('the 14-day plan should be intensive');
  const base = {planId: 'intensive/senior-go-14-days', plan: intensive};

  it('has a Morning and an Evening event per day, evening right after the morning by default', () => {
    const events = exportAndParse(request({...base, startDate: '2026-06-01', startTime: '07:00'}));
    const sessions = intensive.days.flatMap((day) => day.sessions);
    expect(events).toHaveLength(sessions.length);
    const [morning, evening] = events;
    expect(morning!.summary).toMatch(/^Morning .* — Day 1: /);
    expect(evening!.summary).toMatch(/^Evening .* — Day 1: /);
    expect(evening!.start).toEqual(morning!.end);
    expect(morning!.description).toContain(intensive.days[0]!.sessions[0]!.topics[0]!.title);
    expect(evening!.description).toContain(`- ${intensive.days[0]!.sessions[1]!.practice[0]!.text}`);
    expect(evening!.url).toBe(`${SITE}intensive/senior-go-14-days#day-1-evening`);
  });

  it('starts the evening at the time the reader picked, and refuses one that overlaps the morning', () => {
    const events = exportAndParse(request({...base, startDate: '2026-06-01', startTime: '07:00', eveningTime: '15:30'}));
    expect(wallClock(events[1]!.start, 'UTC')).toBe('2026-06-01 15:30');
    const overlap = planEvents(request({...base, startDate: '2026-06-01', startTime: '07:00', eveningTime: '12:00'}));
    expect(overlap).toMatchObject({ok: false, message: expect.stringContaining('13:00')});
  });
});

describe.for([
  // Europe switches on the last Sunday of March, the US on the second Sunday of March.
  {zone: 'Europe/Berlin', friday: '2026-03-27', before: '08:00', after: '07:00'},
  {zone: 'America/New_York', friday: '2026-03-06', before: '14:00', after: '13:00'},
])('across a daylight-saving change in $zone', ({zone, friday, before, after}) => {
  let previousZone: string | undefined;
  beforeAll(() => {
    previousZone = process.env.TZ;
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = previousZone;
  });

  it('starts every day at 09:00 local time, so the UTC time moves by an hour after the switch', () => {
    expect(new Date(2026, 0, 1).getTimezoneOffset()).not.toBe(0);
    const events = exportAndParse(request({startDate: friday}));
    const firsts = week11.kind === 'weekly' ? week11.days.map((day) => events.filter((event) => event.summary.includes(`Day ${day.number}:`))[0]!) : [];
    expect(firsts).toHaveLength(7);
    firsts.forEach((event) => expect(wallClock(event.start, zone).slice(11)).toBe('09:00'));
    const [year, month, day] = friday.split('-').map(Number) as [number, number, number];
    expect(firsts.map((event) => wallClock(event.start, zone).slice(0, 10))).toEqual(
      Array.from({length: 7}, (_, offset) => new Date(Date.UTC(year, month - 1, day + offset)).toISOString().slice(0, 10)),
    );
    expect(wallClock(firsts[0]!.start, 'UTC').slice(11)).toBe(before);
    expect(wallClock(firsts[6]!.start, 'UTC').slice(11)).toBe(after);
  });

  it('keeps real durations when a day runs through the skipped hour', () => {
    const sunday = `${friday.slice(0, 8)}${String(Number(friday.slice(8)) + 2).padStart(2, '0')}`;
    const events = exportAndParse(request({day: 3, startDate: sunday, startTime: '01:30'}));
    const day3 = week11.kind === 'weekly' ? week11.days[2]! : null;
    events.forEach((event, index) => {
      expect(minutesBetween(event.start, event.end)).toBe(day3!.blocks[index]!.duration!.min);
      if (index > 0) expect(event.start).toEqual(events[index - 1]!.end);
    });
    // 01:30 + 60 min of real time is 03:30 on the clock: 02:00–03:00 does not exist that night.
    expect(wallClock(events[0]!.end, zone).slice(11)).toBe('03:30');
  });
});

describe('defaults and names', () => {
  it('suggests the coming Monday, or today when today is a Monday', () => {
    expect(nextMonday(new Date(2026, 2, 27)).getDate()).toBe(30);
    expect(nextMonday(new Date(2026, 2, 30)).getDate()).toBe(30);
    expect(nextMonday(new Date(2026, 2, 29)).getDate()).toBe(30);
  });

  it('names the file after the plan and day', () => {
    expect(fileName('weeks/week-11/go')).toBe('weeks-week-11-go.ics');
    expect(fileName('intensive/senior-go-14-days', 5)).toBe('intensive-senior-go-14-days-day-5.ics');
  });
});

describe('a week written as people write plans', () => {
  const realistic = loadPlan('plugins/plan-validator/__fixtures__/weeks/week-14/node.md/realistic-variants.md');

  it('puts every block and every 6-hour addition in the calendar, the untimed one at a default length', () => {
    const result = planEvents({planId: 'weeks/week-14/node', plan: realistic, startDate: '2026-03-02', startTime: '09:00', variant: '6h', siteUrl: SITE});
    expect(result.ok).toBe(true);
    const titles = result.ok ? result.events.map((event) => event.title) : [];
    expect(titles).toHaveLength(21 + 13);
    expect(titles).toContain('Block 2 · Design — Day 1: Queues and Delivery Guarantees');
    expect(titles).toContain('DSA block (6-hour plan) — Day 2: Job Queue Skeleton');
    expect(titles).toContain('retry budget (6-hour plan) — Day 3: Retries and Backoff');
    expect(titles).toContain('Integrate one aggregation (6-hour plan) — Day 4: Dead Letters and Idempotency');
    // The diagram that ended the Markdown list is part of Block 2's details, so it reaches the event too.
    const design = result.ok ? result.events.find((event) => event.title.startsWith('Block 2 · Design — Day 1'))! : null;
    expect(design!.description).toContain('redeliver');
  });
});
