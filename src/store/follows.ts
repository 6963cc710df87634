/** Reading followed plans (schema 2) from storage or an import: what cannot be a follow is left out. */
import {parseVariant} from '@site/plugins/plan-model/ids';
import {isPlanIdKey} from './keys';
import type {FollowedPlan} from './schema';
import {isRecord} from './keys';

const FOLLOW_ID = /^[a-z0-9-]{1,40}$/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_SHIFT = 10_000;
const isIndex = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_SHIFT;

/** True for a real calendar date written `YYYY-MM-DD` (no 31 February). */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string' || !LOCAL_DATE.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Reads one followed plan; null when it cannot be one (missing plans or start date). */
export function decodeFollow(value: unknown): FollowedPlan | null {
  if (!isRecord(value) || typeof value.id !== 'string' || !FOLLOW_ID.test(value.id) || !isLocalDate(value.start)) return null;
  const planIds = Array.isArray(value.planIds) ? value.planIds.filter((id): id is string => typeof id === 'string' && isPlanIdKey(id)).slice(0, 100) : [];
  if (planIds.length === 0) return null;
  const weekdays = Array.isArray(value.weekdays)
    ? [...new Set(value.weekdays.filter((day): day is number => Number.isInteger(day) && day >= 0 && day <= 6))].sort((a, b) => a - b)
    : [];
  const shifts = Array.isArray(value.shifts)
    ? value.shifts.flatMap((shift) => (isRecord(shift) && isIndex(shift.from) && isIndex(shift.by) ? [{from: shift.from, by: shift.by}] : [])).slice(0, 1000)
    : [];
  return {
    id: value.id,
    planIds,
    start: value.start,
    variant: parseVariant(value.variant),
    weekdays: weekdays.length > 0 ? weekdays : [0, 1, 2, 3, 4, 5, 6],
    shifts,
    skipBefore: isIndex(value.skipBefore) ? value.skipBefore : 0,
    catchUpBefore: isIndex(value.catchUpBefore) ? value.catchUpBefore : 0,
  };
}

export function decodeFollows(value: unknown): FollowedPlan[] {
  if (!Array.isArray(value)) return [];
  const follows: FollowedPlan[] = [];
  for (const entry of value) {
    const follow = decodeFollow(entry);
    if (follow && !follows.some((other) => other.id === follow.id)) follows.push(follow);
  }
  return follows;
}
