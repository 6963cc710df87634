import type {FollowedPlan} from '@site/src/store/schema';
import {scheduleEvents, type ScheduleEntry} from './calendar';
import {followStatus, shift, type ScheduleDay} from '.';

const days: ScheduleDay[] = [1, 2, 3].map((day, index) => ({
  index,
  planId: 'weeks/week-10/go',
  day,
  title: `Day ${day} title`,
  itemIds: [`d${day}-b1`, `d${day}-b2`],
  minutes: 120,
}));
const entriesOf = (day: ScheduleDay): ScheduleEntry[] => day.itemIds.map((id, index) => ({id, label: `Block ${index + 1}`, duration: {min: 60, max: 60}}));
const follow: FollowedPlan = {
  id: 'f-1',
  planIds: ['weeks/week-10/go'],
  start: '2026-03-27',
  variant: null,
  weekdays: [0, 1, 2, 3, 4, 5, 6],
  shifts: [],
  skipBefore: 0,
  catchUpBefore: 0,
};
const request = {follow, days, entriesOf, urlOf: () => 'https://example.org/weeks/week-10/go', from: '2026-03-28', startTime: '09:00', host: 'example.org'};

describe('the schedule as calendar events', () => {
  it('holds every remaining day, back to back from the start time, at 09:00 local across the DST change', () => {
    // The unit tests run in UTC; Europe/Berlin springs forward on 29 March 2026.
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/Berlin';
    try {
      const events = scheduleEvents(request)!;
      expect(events.map((event) => event.start.toISOString())).toEqual([
        '2026-03-28T08:00:00.000Z',
        '2026-03-28T09:00:00.000Z',
        '2026-03-29T07:00:00.000Z',
        '2026-03-29T08:00:00.000Z',
      ]);
      expect(events[0]!.title).toBe('Block 1 — Day 2: Day 2 title');
    } finally {
      process.env.TZ = zone;
    }
  });

  it('keeps the UIDs after a shift, so exporting again moves events rather than duplicating them', () => {
    const before = scheduleEvents(request)!;
    const shifted = shift(follow, followStatus(follow, days, {}, '2026-03-29'), '2026-03-29');
    const after = scheduleEvents({...request, follow: shifted, from: '2026-03-29'})!;
    expect(after.map((event) => event.uid)).toEqual(expect.arrayContaining(before.map((event) => event.uid)));
    expect(new Set(after.map((event) => event.uid)).size).toBe(after.length);
    expect(after[0]!.title).toBe('Block 1 — Day 1: Day 1 title');
  });

  it('refuses a start time that is not HH:MM', () => {
    expect(scheduleEvents({...request, startTime: '9am'})).toBeNull();
  });
});
