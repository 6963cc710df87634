/**
 * What makes two versions of a plan item "the same item", the one rule every learner's record follows when a plan
 * is edited. Isomorphic, like ids.ts: the browser store re-keys records with it, the validator predicts with it what
 * an edit does to learners.
 *
 * The rule:
 * - An item's fingerprint is its normalised text: label and details (blocks, additions), title and sub-topics
 *   (topics), the text (practice items), in lower case, without punctuation, accents, durations ("60–75 min",
 *   "(6 hours)") or block numbers, white space collapsed. Numbers and positions are not part of it, so inserting,
 *   removing, renumbering or reordering items around an item leaves its fingerprint alone.
 * - A record made on an item keeps that fingerprint. When the plan changes, every record of the plan is matched in
 *   rounds, all records taking part in each round before the next starts: the same fingerprint where the record's
 *   id points, then in the same day, then anywhere in the plan, but there only when no other item of the plan has
 *   that fingerprint; then, for what is left, a fingerprint at least `SIMILARITY_THRESHOLD` alike (a typo, a word
 *   touched up), where the id points or in the same day. Ties go to the nearest item.
 * - Beyond its own day a record follows only an item that is unmistakably its own. Similar is not enough there
 *   ("Design a distributed counter" and "… rate limiter" are 0.75 alike), nor is an identical item that recurs on
 *   other days (the daily "DSA – 2–3 problems" block): a removed item's records would land on a neighbour.
 * - An item receives at most one record of a plan's records (matching is one to one), so two records never land on
 *   one item.
 * - A record whose item matches nowhere (removed, or rewritten beyond the threshold) is detached: kept, shown with
 *   the text it was made on, never guessed onto another item.
 * - Day notes follow the day's number, not its content: a day is a slot of the learner's schedule (followed plans
 *   date it by number, the calendar exports it by number), and a day's items change far more often than its place.
 * - A plan whose file moved (so its plan id changed) takes its records along when its items are recognised: see
 *   adoption.ts.
 */
import {dayOfItemId} from './ids';

/** How alike two fingerprints must be (Dice coefficient of their letter pairs, 0…1) to be the same item reworded. */
export const SIMILARITY_THRESHOLD = 0.7;
/** Fingerprints and the text kept with a record are cut here: enough to tell items apart, small in storage. */
export const MAX_FINGERPRINT_LENGTH = 160;

/** One item of a plan as the matcher sees it. */
export interface ItemIdentity {
  id: string;
  day: number;
  /** The item's text as a reader knows it, kept with a record so a detached one can still be named. */
  text: string;
  fingerprint: string;
}

/** A record's side: the id it is stored under and the fingerprint of the item it was made on. */
export interface RecordIdentity {
  id: string;
  fingerprint: string;
}

const DURATION_TEXT = /\b\d+(?:[.,]\d+)?\s*(?:(?:[–—-]|to)\s*\d+(?:[.,]\d+)?\s*)?(?:minutes?|mins?|hours?|hrs?|h)\b\.?/giu;
const BLOCK_NUMBER = /^\s*block\s+\d+\b/iu;

/** The normalised text of an item: what stays the same when its wording is only touched up. */
export function fingerprintOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(BLOCK_NUMBER, ' ')
    .replace(DURATION_TEXT, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .slice(0, MAX_FINGERPRINT_LENGTH)
    .trim();
}

function pairs(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let index = 0; index < text.length - 1; index++) {
    const pair = text.slice(index, index + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** How alike two fingerprints are, 0…1: the Dice coefficient of their letter pairs, so one typo costs little. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const left = pairs(a);
  const right = pairs(b);
  let shared = 0;
  for (const [pair, count] of left) shared += Math.min(count, right.get(pair) ?? 0);
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

/** The parts of a plan model (the parser's or a page's) that identify its items. */
export type IdentifiablePlan =
  | {
      kind: 'weekly';
      days: readonly {
        number: number;
        blocks: readonly {id: string; label: string; details: readonly string[]}[];
        additions: readonly {id: string; label: string; details: readonly string[]}[];
      }[];
    }
  | {
      kind: 'intensive';
      days: readonly {
        number: number;
        sessions: readonly {
          id: string;
          label: string;
          topics: readonly {id: string; title: string; items: readonly string[]}[];
          practice: readonly {id: string; text: string}[];
        }[];
      }[];
    };

const identity = (id: string, day: number, text: string, more: readonly string[] = []): ItemIdentity => ({
  id,
  day,
  text: text.slice(0, MAX_FINGERPRINT_LENGTH),
  fingerprint: fingerprintOf([text, ...more].join(' ')),
});

const cache = new WeakMap<object, ItemIdentity[]>();

/** Every record-bearing item of a plan with its fingerprint, in reading order (computed once per model object). */
export function planIdentities(plan: IdentifiablePlan): ItemIdentity[] {
  const known = cache.get(plan);
  if (known) return known;
  const items =
    plan.kind === 'weekly'
      ? plan.days.flatMap((day) => [...day.blocks, ...day.additions].map((item) => identity(item.id, day.number, item.label, item.details)))
      : plan.days.flatMap((day) =>
          day.sessions.flatMap((session) => [
            identity(session.id, day.number, session.label),
            ...session.topics.map((topic) => identity(topic.id, day.number, topic.title, topic.items)),
            ...session.practice.map((item) => identity(item.id, day.number, item.text)),
          ]),
        );
  cache.set(plan, items);
  return items;
}

type Place = 'id' | 'day' | 'plan';

/** Where an id sits, also when no item has it any more: its day, then its number in the day (`d3-b4` → 3004). */
function ordinal(id: string): number {
  const numbers = id.match(/\d+/g) ?? ['0'];
  return Number(numbers[0]) * 1000 + Number(numbers.at(-1));
}

/**
 * Where each record belongs in the plan as it is now: record id → the id of its item, or null when the record is
 * detached (its item is gone or rewritten beyond recognition). One to one: no item receives two records.
 */
export function matchRecords(records: readonly RecordIdentity[], items: readonly ItemIdentity[]): Map<string, string | null> {
  const result = new Map<string, string | null>();
  const taken = new Set<string>();
  const byId = new Map(items.map((item) => [item.id, item]));
  const rounds: [Place, boolean][] = [
    ['id', true],
    ['day', true],
    ['plan', true],
    ['id', false],
    ['day', false],
  ];
  const fingerprintCounts = new Map<string, number>();
  for (const item of items) fingerprintCounts.set(item.fingerprint, (fingerprintCounts.get(item.fingerprint) ?? 0) + 1);
  for (const [place, exact] of rounds) {
    for (const record of records) {
      if (result.has(record.id)) continue;
      const candidates = place === 'id' ? [byId.get(record.id)].filter((item) => item !== undefined) : items;
      const day = dayOfItemId(record.id);
      const origin = ordinal(record.id);
      let best: {item: ItemIdentity; score: number; distance: number} | null = null;
      for (const item of candidates) {
        if (taken.has(item.id) || (place === 'day' && item.day !== day)) continue;
        if (place === 'plan' && fingerprintCounts.get(item.fingerprint) !== 1) continue;
        const score = exact ? (item.fingerprint === record.fingerprint ? 1 : 0) : similarity(item.fingerprint, record.fingerprint);
        if (exact ? score < 1 : score < SIMILARITY_THRESHOLD) continue;
        const distance = Math.abs(ordinal(item.id) - origin);
        if (!best || score > best.score || (score === best.score && distance < best.distance)) best = {item, score, distance};
      }
      if (best) {
        result.set(record.id, best.item.id);
        taken.add(best.item.id);
      }
    }
  }
  for (const record of records) if (!result.has(record.id)) result.set(record.id, null);
  return result;
}
