/**
 * Ticks recovered from stored text that is no longer valid JSON, so a write cut off midway loses no tick that is
 * still legible. Used by the store's decoder (schema.ts) before it backs the damaged text up.
 */
import {createMap, isItemIdKey, isPlanIdKey, isTickTime} from './keys';

const JSON_STRING = String.raw`"(?:[^"\\]|\\.)*"`;
const JSON_NUMBER = String.raw`-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?`;
/** `"planId":{"itemId":number,…` — a plan's ticks, up to where the text stops being that shape. */
const PLAN_TICKS = new RegExp(String.raw`(${JSON_STRING})\s*:\s*\{((?:\s*${JSON_STRING}\s*:\s*${JSON_NUMBER}\s*,?)*)`, 'g');
const TICK = new RegExp(String.raw`(${JSON_STRING})\s*:\s*(${JSON_NUMBER})`, 'g');

/**
 * Ticks still legible in stored text that is not valid JSON (a write cut off midway): a tolerant
 * scan for `"planId":{"itemId":number,…}` after `"progress"`. A number that runs to the very end
 * of the text may itself be cut off, so it is left out.
 */
export function salvageProgress(raw: string): Record<string, Record<string, number>> {
  const progress = createMap<Record<string, number>>();
  const start = /"progress"\s*:\s*\{/.exec(raw);
  if (!start) return progress;
  const text = raw.slice(start.index + start[0].length);
  for (const plan of text.matchAll(PLAN_TICKS)) {
    const planId = parseJsonString(plan[1]!);
    const body = plan[2]!;
    if (planId === null || !isPlanIdKey(planId) || body.trim() === '') continue;
    const bodyStart = plan.index + plan[0].length - body.length;
    for (const tick of body.matchAll(TICK)) {
      const itemId = parseJsonString(tick[1]!);
      const at = Number(tick[2]);
      const cutOff = bodyStart + tick.index + tick[0].length === text.length;
      if (itemId === null || cutOff || !isItemIdKey(itemId) || !isTickTime(at)) continue;
      progress[planId] ??= createMap<number>();
      progress[planId][itemId] ??= at;
    }
  }
  return progress;
}

function parseJsonString(quoted: string): string | null {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return null;
  }
}
