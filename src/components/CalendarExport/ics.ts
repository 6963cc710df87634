import {createEvents, type EventAttributes} from 'ics';
import type {StudyEvent} from './events';

/** Identifies the producer in the file, as RFC 5545 asks; calendars show it in import details. */
const PRODUCT_ID = 'go-study-plans/calendar-export';

/**
 * Writes events as iCalendar text. The `ics` library does the escaping (commas, semicolons,
 * backslashes, newlines) and line folding; start and end are UTC instants (`…Z`), which every
 * calendar shows in its own zone.
 */
export function toIcs(events: readonly StudyEvent[], calendarName: string): {ok: true; text: string} | {ok: false; message: string} {
  const attributes: EventAttributes[] = events.map((event) => ({
    uid: event.uid,
    title: event.title,
    description: event.description,
    url: event.url,
    start: event.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: event.end.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    busyStatus: 'BUSY',
    productId: PRODUCT_ID,
    calName: calendarName,
  }));
  const {error, value} = createEvents(attributes, {productId: PRODUCT_ID, calName: calendarName});
  if (error || !value) return {ok: false, message: `The calendar file could not be written: ${error?.message ?? 'no events'}.`};
  return {ok: true, text: value};
}
