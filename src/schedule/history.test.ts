import {activityByDate, heatLevel, heatmapDays, streak} from './history';

const run = (start: string, minutes: number, finished = true) => {
  const from = Date.parse(start);
  return {planId: 'weeks/week-10/go', itemId: 'd1-b1', start: from, end: from + minutes * 60_000, finished};
};

describe('activity per local date', () => {
  it.each([
    // 23:30 in Berlin on 28 March is 22:30 UTC; the run belongs to the reader's 28 March.
    ['Europe/Berlin', '2026-03-28T22:30:00Z', '2026-03-28'],
    ['Europe/Berlin', '2026-03-29T22:30:00Z', '2026-03-30'], // after the spring-forward change: UTC+2
    ['America/New_York', '2026-11-02T03:30:00Z', '2026-11-01'], // 22:30 EST on the 25-hour day
  ])('in %s, a run started at %s counts on %s', (timeZone, start, date) => {
    const activity = activityByDate([run(start, 45)], {}, timeZone);
    expect([...activity.keys()]).toEqual([date]);
    expect(activity.get(date)).toEqual({minutes: 45, ticked: 0, finished: 1});
  });

  it('counts ticks on the date they were made', () => {
    const ticks = {'weeks/week-10/go': {'d1-b1': Date.parse('2026-03-02T08:00:00Z'), 'd1-b2': Date.parse('2026-03-02T23:30:00Z')}};
    const activity = activityByDate([], ticks, 'America/New_York');
    expect(activity.get('2026-03-02')?.ticked).toBe(2);
  });
});

describe('the streak', () => {
  const on = (...dates: string[]) => new Map(dates.map((date) => [date, {minutes: 0, ticked: 1, finished: 0}]));

  it('counts consecutive days up to today', () => {
    expect(streak(on('2026-03-02', '2026-03-03', '2026-03-04'), '2026-03-04')).toBe(3);
  });

  it('is not broken by a today that has not counted yet', () => {
    expect(streak(on('2026-03-02', '2026-03-03'), '2026-03-04')).toBe(2);
  });

  it('is broken by a missed day', () => {
    expect(streak(on('2026-03-01', '2026-03-03', '2026-03-04'), '2026-03-04')).toBe(2);
    expect(streak(on('2026-03-01'), '2026-03-04')).toBe(0);
  });

  it('does not count a day where a timer only ran, without finishing or a tick', () => {
    expect(streak(new Map([['2026-03-04', {minutes: 30, ticked: 0, finished: 0}]]), '2026-03-04')).toBe(0);
  });

  it('spans a DST change as ordinary days', () => {
    expect(streak(on('2026-03-28', '2026-03-29', '2026-03-30'), '2026-03-30')).toBe(3);
  });
});

describe('the heatmap', () => {
  it('holds 16 whole weeks from a Monday, ending in the week of today', () => {
    const days = heatmapDays('2026-03-04'); // a Wednesday
    expect(days).toHaveLength(112);
    expect(days[0]).toMatchObject({date: '2025-11-17', week: 0, weekday: 0});
    expect(days.filter((day) => day.future).map((day) => day.date)).toEqual(['2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
  });

  it('colours by minutes studied', () => {
    expect([0, 30, 90, 180, 300].map(heatLevel)).toEqual([0, 1, 2, 3, 4]);
  });
});
