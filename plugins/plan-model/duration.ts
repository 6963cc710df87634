import {DURATION} from './grammar';
import type {DurationRange} from './types';

/** Parses a duration text into minutes, or null when it is not a duration. */
export function parseDuration(text: string): DurationRange | null {
  const match = DURATION.exec(text.trim());
  if (!match) return null;
  const [, low, high, unit] = match;
  const factor = /^m/i.test(unit!) ? 1 : 60;
  const min = Math.round(Number(low) * factor);
  const max = Math.round(Number(high ?? low) * factor);
  if (!(min > 0) || max < min) return null;
  return {min, max};
}

/** Sums ranges: the shortest and the longest total. */
export function sumDurations(ranges: readonly (DurationRange | null)[]): DurationRange {
  return ranges.reduce<DurationRange>((total, range) => (range ? {min: total.min + range.min, max: total.max + range.max} : total), {min: 0, max: 0});
}

/** "3 h 30", "45 min", "6 h" — how a total reads at a glance. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')}`;
}

/** "3 h 30 – 3 h 45", or a single value when the range is exact. */
export function formatRange(range: DurationRange): string {
  return range.min === range.max ? formatMinutes(range.min) : `${formatMinutes(range.min)} – ${formatMinutes(range.max)}`;
}
