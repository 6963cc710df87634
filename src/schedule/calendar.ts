/**
 * A followed plan's remaining days as calendar events, for the existing .ics writer. UIDs name
 * the follow and the item, never the date, so a schedule exported again after a shift updates
 * the same events in the reader's calendar instead of adding a second copy.
 */
import type {PlanItemInfo} from '@site/src/components/PlanPage';
import type {StudyEvent} from '@site/src/components/CalendarExport/events';
import type {FollowedPlan} from '@site/src/store';
import {dateOf, type ScheduleDay} from '.';

/** Minutes reserved for an item whose plan gives no duration (as the plan export does). */
const MINUTES_WITHOUT_DURATION = 30;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** What an event needs of a plan item: its id, its label and its planned time. */
export type ScheduleEntry = Pick<PlanItemInfo, 'id' | 'label' | 'duration'>;

export interface ScheduleExport {
  follow: FollowedPlan;
  days: readonly ScheduleDay[];
  /** The timed entries of a day (blocks and additions, or sessions), in order. */
  entriesOf: (day: ScheduleDay) => ScheduleEntry[];
  /** Address of a day on the site, for the event's link. */
  urlOf: (day: ScheduleDay) => string;
  /** Days before this local date are left out. */
  from: string;
  /** `HH:MM`: when each study day's first item starts, in the reader's zone. */
  startTime: string;
  /** The site's host, for globally unique UIDs. */
  host: string;
}

/** Events for every remaining day, back to back from the start time; null when the time is not `HH:MM`. */
export function scheduleEvents({follow, days, entriesOf, urlOf, from, startTime, host}: ScheduleExport): StudyEvent[] | null {
  const clock = TIME.exec(startTime);
  if (!clock) return null;
  const events: StudyEvent[] = [];
  for (const day of days) {
    const date = dateOf(follow, day.index);
    if (date < from) continue;
    const [year, month, dayOfMonth] = date.split('-').map(Number) as [number, number, number];
    // Built from calendar fields in the reader's zone, so 09:00 stays 09:00 across a DST change.
    let cursor = new Date(year, month - 1, dayOfMonth, Number(clock[1]), Number(clock[2]));
    for (const entry of entriesOf(day)) {
      const end = new Date(cursor.getTime() + (entry.duration?.min ?? MINUTES_WITHOUT_DURATION) * 60_000);
      events.push({
        uid: `${follow.id}.${day.planId.replaceAll('/', '.')}.${entry.id}@${host}`,
        title: `${entry.label} — Day ${day.day}: ${day.title}`,
        description: `Open in the plan: ${urlOf(day)}`,
        url: urlOf(day),
        start: cursor,
        end,
      });
      cursor = end;
    }
  }
  return events;
}
