/**
 * Which keys of stored or imported data can be plan and item ids, and maps that are safe to fill
 * with them. Keys come from storage and from files a reader picks, so they are untrusted text.
 */
import {dayOfItemId} from '@site/plugins/plan-model/ids';

/** One timer per plan item; the key is unique across plans. */
export const timerKey = (planId: string, itemId: string): string => `${planId}#${itemId}`;

export {isRecord} from '@site/src/lib/isRecord';

/** Real ids are a few dozen characters; anything far longer is not one of ours. */
export const MAX_ID_LENGTH = 200;

/** Names every plain object inherits: as keys they would read or replace built-ins instead of data. */
const INHERITED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));
/** A doc path without extension, as the data plugin forms plan ids: `weeks/week-09/go`. */
const PLAN_ID_SHAPE = /^[A-Za-z0-9][\w.-]*(?:\/[A-Za-z0-9][\w.-]*)*$/;
/** Item ids are lower-case words joined by dashes after their day (`d3-b2`, `d1-morning-t1`). */
const ITEM_ID_CHARACTERS = /^[a-z0-9-]+$/;

/** True when `key` could be a plan id. */
export function isPlanIdKey(key: string): boolean {
  return key.length <= MAX_ID_LENGTH && !INHERITED_NAMES.has(key) && PLAN_ID_SHAPE.test(key);
}

/** True when `key` could be an item id. */
export function isItemIdKey(key: string): boolean {
  return key.length <= MAX_ID_LENGTH && ITEM_ID_CHARACTERS.test(key) && dayOfItemId(key) !== null;
}

const DAY_KEY = /^[1-9]\d{0,3}$/;
/** True when `key` could be a day number as a map key (`"2"`). */
export function isDayKey(key: string): boolean {
  return DAY_KEY.test(key);
}

/** An empty map with no prototype: no key, not even `__proto__`, reaches a built-in. */
export function createMap<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A prototype-free copy of `source`'s own entries. */
export function copyMap<T>(source: Readonly<Record<string, T>> | undefined): Record<string, T> {
  const copy = createMap<T>();
  if (source) for (const key of Object.keys(source)) copy[key] = source[key]!;
  return copy;
}

/** A key as it can be shown in a message: quoted, and cut short when it is absurdly long. */
export function quoteKey(key: string): string {
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);
}

/** A tick time: a moment since the epoch. */
export const isTickTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** No day has this many timed items: the cap on a stored timer's "next" ids guards against hand-edited data. */
export const MAX_NEXT = 50;
