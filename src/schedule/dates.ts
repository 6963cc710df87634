/**
 * Local calendar dates, written `YYYY-MM-DD`: today's date where the reader is, arithmetic and display.
 * Arithmetic goes through `Date.UTC`, which has no daylight saving, so a day is always one day.
 * Split from the schedule so a plan page's "Follow" button needs only these few helpers.
 */
export const DAY_MS = 86_400_000;
/** Every weekday, Sunday (0) to Saturday (6): the default study week. */
export const EVERY_DAY: readonly number[] = [0, 1, 2, 3, 4, 5, 6];

export const toUtc = (date: string): number => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
};
export const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The calendar date of `now` where the reader is (or in `timeZone`): a day starts at local midnight. */
export function localDate(now: number, timeZone?: string): string {
  if (timeZone) {
    // en-CA formats as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', {timeZone, year: 'numeric', month: '2-digit', day: '2-digit'}).format(now);
  }
  const date = new Date(now);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `date` moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(toUtc(date)).getUTCDay();
}

/** "Wed, 4 Mar 2026": a local date as readers say it (the date is a calendar date, not an instant). */
export function formatDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC'}).format(toUtc(date));
}

/** "Wed, 4 Mar": a date in a table whose caption gives the year. */
export function formatShortDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC'}).format(toUtc(date));
}
