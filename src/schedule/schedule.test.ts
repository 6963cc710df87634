import type {WeeklyPlanSummary} from '@site/plugins/plan-data/data';
import type {FollowedPlan} from '@site/src/store/schema';
import {
  addDays,
  catchUp,
  dateOf,
  daysBetween,
  followStatus,
  forecastFinish,
  guidePlanIds,
  localDate,
  scheduleDays,
  shift,
  skip,
  slotDate,
  slotOfDate,
  weekdayOf,
} from '.';

const minutes = (value: number) => ({min: value, max: value});
function week(number: number, track = 'go'): WeeklyPlanSummary {
  return {
    kind: 'weekly',
    id: `weeks/week-${String(number).padStart(2, '0')}/${track}`,
    permalink: `/weeks/week-${number}/${track}`,
    title: `Week ${number}`,
    week: number,
    track,
    trackLabel: track,
    focus: [],
    highlights: [],
    summary: '',
    days: [1, 2, 3, 4, 5, 6, 7].map((day) => ({
      number: day,
      title: `Day ${day} title`,
      anchor: `day-${day}`,
      blocks: [1, 2, 3, 4].map((block) => `d${day}-b${block}`),
      additions: [`d${day}-a1`],
      minutes4h: minutes(240),
      minutes6h: minutes(360),
      machineCoding: false,
    })),
  };
}

const follow = (change: Partial<FollowedPlan> = {}): FollowedPlan => ({
  id: 'f-1',
  planIds: ['weeks/week-10/go'],
  start: '2026-03-02', // a Monday
  variant: null,
  weekdays: [0, 1, 2, 3, 4, 5, 6],
  shifts: [],
  skipBefore: 0,
  catchUpBefore: 0,
  ...change,
});
const plans = [week(9), week(10), week(11), week(10, 'rust')];
const days = scheduleDays(follow(), plans, '4h');

describe('local dates', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('count calendar days, not 24-hour spans, across a DST change', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(weekdayOf('2026-03-02')).toBe(1);
  });

  // Europe/Berlin springs forward on 29 March 2026 (a 23-hour day) and falls back on 25 October (25 hours).
  it.each([
    ['Europe/Berlin', '2026-03-28T23:30:00Z', '2026-03-29'], // 00:30 on the short day
    ['Europe/Berlin', '2026-03-29T21:59:00Z', '2026-03-29'], // 23:59 on the short day
    ['Europe/Berlin', '2026-03-29T22:00:00Z', '2026-03-30'], // midnight after it
    ['Europe/Berlin', '2026-10-25T22:59:00Z', '2026-10-25'], // 23:59 on the long day
    ['America/New_York', '2026-03-08T04:59:00Z', '2026-03-07'],
    ['America/New_York', '2026-03-08T05:00:00Z', '2026-03-08'], // midnight EST before the jump
    ['America/New_York', '2026-11-02T04:59:00Z', '2026-11-01'], // 23:59 EST on the 25-hour day
    ['America/New_York', '2026-11-02T05:00:00Z', '2026-11-02'],
  ])('in %s, %s is %s', (timeZone, instant, expected) => {
    expect(localDate(Date.parse(instant), timeZone)).toBe(expected);
  });

  it.each([
    ['Europe/Berlin', '2026-03-27'],
    ['Europe/Berlin', '2026-10-23'],
    ['America/New_York', '2026-03-06'],
    ['America/New_York', '2026-10-30'],
  ])('a followed plan moves one day at each local midnight around DST changes in %s (from %s)', (timeZone, start) => {
    // The test process runs in UTC; the plan day is read in the reader's zone.
    const planned = follow({start});
    const dayOn = (instant: string) => followStatus(planned, days, {}, localDate(Date.parse(instant), timeZone)).today.map((day) => day.day);
    const midnight = (date: string) => {
      // The instant of local midnight: search the hours around it for the first one whose local date is `date`.
      let ms = Date.parse(`${date}T00:00:00Z`) - 14 * 3_600_000;
      while (localDate(ms, timeZone) !== date) ms += 15 * 60_000;
      return ms;
    };
    const seen: number[] = [];
    for (let offset = 0; offset < 4; offset++) {
      const date = addDays(start, offset);
      const atMidnight = midnight(date);
      expect(dayOn(new Date(atMidnight).toISOString())).toEqual([offset + 1]);
      expect(dayOn(new Date(atMidnight - 60_000).toISOString())).toEqual(offset === 0 ? [] : [offset]);
      seen.push(offset + 1);
    }
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('reads the zone the browser runs in when none is given (controlled clock)', () => {
    vi.useFakeTimers();
    const zone = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      vi.setSystemTime(new Date('2026-11-02T04:30:00Z'));
      expect(localDate(Date.now())).toBe('2026-11-01');
      process.env.TZ = 'Europe/Berlin';
      vi.setSystemTime(new Date('2026-03-29T22:30:00Z'));
      expect(localDate(Date.now())).toBe('2026-03-30');
    } finally {
      process.env.TZ = zone;
    }
  });
});

describe('plan days on chosen weekdays', () => {
  const weekdaysOnly = [1, 2, 3, 4, 5, 6]; // Monday to Saturday

  it('every day: Day N falls N-1 days after the start', () => {
    expect(dateOf(follow(), 0)).toBe('2026-03-02');
    expect(dateOf(follow(), 6)).toBe('2026-03-08');
  });

  it('Monday to Saturday: the seventh day moves past Sunday', () => {
    expect(dateOf(follow({weekdays: weekdaysOnly}), 5)).toBe('2026-03-07');
    expect(dateOf(follow({weekdays: weekdaysOnly}), 6)).toBe('2026-03-09');
  });

  it('a start on a rest day begins on the next study day', () => {
    expect(slotDate('2026-03-01', weekdaysOnly, 0)).toBe('2026-03-02');
    expect(slotOfDate('2026-03-01', weekdaysOnly, '2026-03-09')).toBe(6);
  });

  it('a 16-week guide from a chosen week is that track’s weeks from there on, in order', () => {
    expect(guidePlanIds(plans, 'go', 10)).toEqual(['weeks/week-10/go', 'weeks/week-11/go']);
    expect(
      scheduleDays({planIds: guidePlanIds(plans, 'go', 10)}, plans, '4h')
        .map((day) => `${day.planId}:${day.day}`)
        .slice(6, 8),
    ).toEqual(['weeks/week-10/go:7', 'weeks/week-11/go:1']);
  });

  it('the 6-hour choice adds the day’s additions', () => {
    expect(scheduleDays(follow(), plans, '6h')[0]!.itemIds).toEqual(['d1-b1', 'd1-b2', 'd1-b3', 'd1-b4', 'd1-a1']);
  });
});

describe('today, overdue and the three choices', () => {
  const plan = week(10).id;

  it('before the start: starts in N days', () => {
    expect(followStatus(follow(), days, {}, '2026-02-27')).toMatchObject({phase: 'before', startsInDays: 3, today: []});
  });

  it('two days in with nothing ticked: Day 3 today, the 8 blocks of Days 1–2 overdue, oldest first', () => {
    const status = followStatus(follow(), days, {}, '2026-03-04');
    expect(status.today.map((day) => day.day)).toEqual([3]);
    expect(status.overdue.map((entry) => [entry.day.day, entry.itemIds.length])).toEqual([
      [1, 4],
      [2, 4],
    ]);
  });

  it('ticked items are not overdue', () => {
    const status = followStatus(follow(), days, {[plan]: {'d1-b1': 1, 'd1-b2': 1, 'd1-b3': 1, 'd1-b4': 1, 'd2-b1': 1}}, '2026-03-04');
    expect(status.overdue.map((entry) => entry.itemIds)).toEqual([['d2-b2', 'd2-b3', 'd2-b4']]);
  });

  it('shift: Day 1 becomes today, Day 3 moves two days later', () => {
    const status = followStatus(follow(), days, {}, '2026-03-04');
    const shifted = shift(follow(), status, '2026-03-04');
    const after = followStatus(shifted, days, {}, '2026-03-04');
    expect(after.today.map((day) => day.day)).toEqual([1]);
    expect(after.overdue).toEqual([]);
    expect(dateOf(shifted, 2)).toBe('2026-03-06');
    expect(after.lastDate).toBe('2026-03-10');
  });

  it('shift on study weekdays moves by study days', () => {
    const planned = follow({weekdays: [1, 2, 3, 4, 5, 6], start: '2026-03-05'});
    const status = followStatus(planned, days, {}, '2026-03-09'); // Thu → Mon: Days 1–3 overdue (Sunday is off)
    expect(status.overdue.map((entry) => entry.day.day)).toEqual([1, 2, 3]);
    const shifted = shift(planned, status, '2026-03-09');
    expect(dateOf(shifted, 0)).toBe('2026-03-09');
    expect(dateOf(shifted, 1)).toBe('2026-03-10');
  });

  it('catch up: dates stay; the overdue items show on today until ticked', () => {
    const status = followStatus(follow(), days, {}, '2026-03-04');
    const caught = catchUp(follow(), status);
    const after = followStatus(caught, days, {[plan]: {'d1-b1': 1}}, '2026-03-04');
    expect(after.today.map((day) => day.day)).toEqual([3]);
    expect(after.overdue).toEqual([]);
    expect(after.catchUp.map((entry) => entry.itemIds.length)).toEqual([3, 4]);
    // A day later, Day 3 left unticked is overdue again and asks for a choice.
    expect(followStatus(caught, days, {}, '2026-03-05').overdue.map((entry) => entry.day.day)).toEqual([3]);
  });

  it('skip: the items stay unticked and are no longer listed', () => {
    const status = followStatus(follow(), days, {}, '2026-03-04');
    const after = followStatus(skip(follow(), status), days, {}, '2026-03-04');
    expect(after).toMatchObject({overdue: [], catchUp: [], itemsDone: 0});
    expect(after.today.map((day) => day.day)).toEqual([3]);
  });

  it('ahead of schedule: later days already done are counted', () => {
    const done = Object.fromEntries(['d1', 'd2', 'd3', 'd4'].flatMap((d) => [1, 2, 3, 4].map((b) => [`${d}-b${b}`, 1])));
    expect(followStatus(follow(), days, {[plan]: done}, '2026-03-03').aheadDays).toBe(2);
  });

  it('after the last day: the summary phase', () => {
    expect(followStatus(follow(), days, {}, '2026-03-09')).toMatchObject({phase: 'after', itemsTotal: 28, itemsDone: 0});
  });
});

describe('finish-date forecast', () => {
  it('at the pace so far: half the pace takes twice as long', () => {
    // 2 study days done (today is the second), 4 items done: 2 a day; 24 left → 12 more study days from today.
    expect(forecastFinish(follow(), 24, 4, '2026-03-03')).toBe('2026-03-14');
  });

  it('none before any item is done or when nothing is left', () => {
    expect(forecastFinish(follow(), 28, 0, '2026-03-03')).toBeNull();
    expect(forecastFinish(follow(), 0, 28, '2026-03-03')).toBeNull();
  });
});
