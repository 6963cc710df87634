import {variantItems} from '@site/plugins/plan-model/ids';
import type {PagePlan} from '@site/plugins/plan-model/pagePlan';
import type {DurationRange, PlanVariant} from '@site/plugins/plan-model/types';

/**
 * Turns a plan into calendar events. Pure: no React, no browser APIs, so the same
 * code runs in the dialog and in tests. Times are computed in the zone the code runs
 * in (the reader's browser), then written as UTC instants — see README.md in this folder.
 */

/** Minutes reserved for an item whose plan text gives no duration, so it still gets a slot. */
export const MINUTES_WITHOUT_DURATION = 30;

/** One calendar entry, independent of the file format. */
export interface StudyEvent {
  /** Stable across exports of the same plan, day and start date, so re-importing updates rather than duplicates. */
  uid: string;
  title: string;
  description: string;
  /** Link back to the day (or session) on the site. */
  url: string;
  start: Date;
  end: Date;
}

export interface ExportRequest {
  planId: string;
  plan: PagePlan;
  /** `YYYY-MM-DD`: the date of the plan's Day 1, or of the chosen day when `day` is set. */
  startDate: string;
  /** `HH:MM` (24 h): when each day's first item starts. */
  startTime: string;
  /** Weekly plans only; ignored for the intensive plan. */
  variant: PlanVariant;
  /** Intensive plan only: `HH:MM` for the Evening session; empty = right after the Morning session. */
  eveningTime?: string;
  /** Export only this day; all days when absent. */
  day?: number;
  /** Absolute site address up to and including the base URL, e.g. `https://example.org/`. */
  siteUrl: string;
}

export type ExportResult = {ok: true; events: StudyEvent[]} | {ok: false; message: string};

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

interface Clock {
  hours: number;
  minutes: number;
}

function parseDate(text: string): LocalDate | null {
  const match = DATE_PATTERN.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  // Round-trip through Date to reject 2026-02-30 and friends.
  const probe = new Date(year, month - 1, day);
  if (probe.getFullYear() !== year || probe.getMonth() !== month - 1 || probe.getDate() !== day) return null;
  return {year, month, day};
}

function parseClock(text: string): Clock | null {
  const match = TIME_PATTERN.exec(text.trim());
  return match ? {hours: Number(match[1]), minutes: Number(match[2])} : null;
}

/**
 * The wall-clock time on the given plan day in the local zone. Built from calendar fields,
 * never by adding 24 h, so 09:00 stays 09:00 on both sides of a daylight-saving change.
 */
function localTime(date: LocalDate, dayOffset: number, clock: Clock): Date {
  return new Date(date.year, date.month - 1, date.day + dayOffset, clock.hours, clock.minutes);
}

function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

/** The lower bound: a plan says "60–75 min", the calendar reserves the 60 the reader committed to. */
function plannedMinutes(duration: DurationRange | null): number {
  return duration ? duration.min : MINUTES_WITHOUT_DURATION;
}

function dayUrl(siteUrl: string, planId: string, anchor: string): string {
  const base = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
  return `${base}${planId}#${anchor}`;
}

function compactDate(date: LocalDate): string {
  return `${date.year}${String(date.month).padStart(2, '0')}${String(date.day).padStart(2, '0')}`;
}

/** Same item on the same date → same uid, whether it came from a whole-plan or a single-day export. */
function uidFor(request: ExportRequest, date: LocalDate, dayOffset: number, itemId: string): string {
  const host = new URL(request.siteUrl).host;
  const day = new Date(date.year, date.month - 1, date.day + dayOffset);
  const onDay = {year: day.getFullYear(), month: day.getMonth() + 1, day: day.getDate()};
  return `${request.planId.replaceAll('/', '.')}.${itemId}.${compactDate(onDay)}@${host}`;
}

function describe(lines: readonly string[], link: string, note?: string): string {
  return [...lines, ...(note ? [note] : []), '', `Open in the plan: ${link}`].join('\n').replace(/^\n+/, '');
}

function durationNote(duration: DurationRange | null): string | undefined {
  if (!duration) return `The plan gives no duration; ${MINUTES_WITHOUT_DURATION} min reserved.`;
  if (duration.max > duration.min) return `Planned ${duration.min}–${duration.max} min; ${duration.min} min reserved.`;
  return undefined;
}

/** Checks the reader's input and lays the plan out as back-to-back events; bad input gets a message, not an exception. */
export function planEvents(request: ExportRequest): ExportResult {
  const start = parseDate(request.startDate);
  if (!start) return {ok: false, message: 'Pick a valid start date for Day 1.'};
  const clock = parseClock(request.startTime);
  if (!clock) return {ok: false, message: 'Enter a daily start time as HH:MM, for example 09:00.'};
  const {plan} = request;
  const firstDay = plan.days[0]?.number ?? 1;
  const select = <Day extends {number: number}>(all: Day[]): Day[] => (request.day === undefined ? all : all.filter((day) => day.number === request.day));
  if (select<{number: number}>(plan.days).length === 0) return {ok: false, message: `This plan has no Day ${request.day}.`};
  // A single day is placed on the date the reader picked; a whole plan counts from Day 1.
  const offsetOf = (dayNumber: number) => (request.day === undefined ? dayNumber - firstDay : 0);

  if (plan.kind === 'weekly') {
    const events = select(plan.days).flatMap((day) => {
      const link = dayUrl(request.siteUrl, request.planId, day.anchor);
      const items = variantItems(
        {
          blocks: day.blocks.map((block) => ({
            id: block.id,
            title: `Block ${block.number} · ${block.label} — Day ${day.number}: ${day.title}`,
            details: block.details,
            duration: block.duration,
          })),
          additions: day.additions.map((addition) => ({
            id: addition.id,
            title: `${addition.label} (6-hour plan) — Day ${day.number}: ${day.title}`,
            details: addition.details,
            duration: addition.duration,
          })),
        },
        request.variant,
      );
      const offset = offsetOf(day.number);
      let cursor = localTime(start, offset, clock);
      return items.map((item): StudyEvent => {
        const end = addMinutes(cursor, plannedMinutes(item.duration));
        const event = {
          uid: uidFor(request, start, offset, item.id),
          title: item.title,
          description: describe(item.details, link, durationNote(item.duration)),
          url: link,
          start: cursor,
          end,
        };
        cursor = end;
        return event;
      });
    });
    return {ok: true, events};
  }

  const evening = request.eveningTime?.trim() ? parseClock(request.eveningTime) : null;
  if (request.eveningTime?.trim() && !evening) {
    return {ok: false, message: 'Enter the evening start time as HH:MM, or leave it empty to start right after the morning.'};
  }
  const events: StudyEvent[] = [];
  for (const day of select(plan.days)) {
    const offset = offsetOf(day.number);
    let cursor = localTime(start, offset, clock);
    for (const session of day.sessions) {
      if (session.name === 'evening' && evening) {
        const eveningStart = localTime(start, offset, evening);
        if (eveningStart < cursor) {
          return {
            ok: false,
            message: `The evening session would overlap the morning, which ends at ${formatClock(cursor)}. Pick ${formatClock(cursor)} or later, or leave it empty.`,
          };
        }
        cursor = eveningStart;
      }
      const link = dayUrl(request.siteUrl, request.planId, session.anchor);
      const lines = [
        ...session.topics.flatMap((topic) => [topic.title, ...topic.items.map((item) => `- ${item}`)]),
        ...(session.practice.length > 0 ? ['Practice:', ...session.practice.map((item) => `- ${item.text}`)] : []),
      ];
      const end = addMinutes(cursor, plannedMinutes(session.duration));
      events.push({
        uid: uidFor(request, start, offset, session.id),
        title: `${session.label} — Day ${day.number}: ${day.title}`,
        description: describe(lines, link, durationNote(session.duration)),
        url: link,
        start: cursor,
        end,
      });
      cursor = end;
    }
  }
  return {ok: true, events};
}

/** `HH:MM` of a date in the local zone. */
export function formatClock(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** `YYYY-MM-DD` of a date in the local zone, as `<input type="date">` expects. */
export function formatDateInput(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Default Day 1: today if it is a Monday, otherwise the coming Monday (weeks are planned Monday to Sunday). */
export function nextMonday(today: Date): Date {
  const daysAhead = (8 - today.getDay()) % 7;
  return new Date(today.getFullYear(), today.getMonth(), today.getDate() + daysAhead);
}

/** A file name a reader recognises in their downloads folder: `weeks-week-11-go-day-3.ics`. */
export function fileName(planId: string, day?: number): string {
  const base = planId
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `${base}${day === undefined ? '' : `-day-${day}`}.ics`;
}
