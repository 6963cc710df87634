/**
 * Simulated devices for the merge properties: each device is a stored state changed by the same functions the site
 * uses (every write stamped by `stampWrite`), and an exchange is the real export file read by the real import.
 */
import fc from 'fast-check';
import {fingerprintOf, type ItemIdentity} from '@site/plugins/plan-model/identity';
import {exportProgress, extrasOf, importProgress, withImport} from './exchange';
import {deleteDetached, reattach} from './detached';
import {setNote} from './notes';
import {setTick} from './progress';
import {reconcilePlan} from './records';
import {VERSIONED_KINDS} from './recordKinds';
import {DEFAULT_STATE, type FollowedPlan, type StoredState} from './schema';
import {stampWrite} from './stampWrite';

export const PLAN = 'weeks/week-10/go';
export const ITEMS = ['d1-b1', 'd1-b2', 'd1-b3', 'd1-b4'];
const DAYS = ['1', '2'];
const FOLLOW_IDS = ['f-a', 'f-b'];

/** The plan's items as first deployed; `EDITED` inserts a block before them, and rewrites the last one. */
const identity = (id: string, text: string): ItemIdentity => ({id, day: 1, text, fingerprint: fingerprintOf(text)});
export const ORIGINAL: ItemIdentity[] = ['Heap problems', 'Two pointers warm-up', 'Graphs: BFS on grids', 'Tries and prefix search'].map((text, index) =>
  identity(ITEMS[index]!, text),
);
export const EDITED: ItemIdentity[] = [
  identity('d1-b1', 'Reading: the Go memory model'),
  identity('d1-b2', 'Heap problems'),
  identity('d1-b3', 'Two pointers warm-up'),
  identity('d1-b4', 'Graphs: BFS on grids'),
  identity('d1-b5', 'Union-find, written from a blank page'),
];

export type Op =
  | {type: 'tick'; device: number; item: number; on: boolean}
  | {type: 'note'; device: number; day: boolean; key: number; append: boolean}
  | {type: 'mark'; device: number; item: number; on: boolean}
  | {type: 'follow'; device: number; follow: number; on: boolean}
  | {type: 'exchange'; from: number; to: number}
  /** The plan edit lands (once): records on its rewritten item are set aside on every device. */
  | {type: 'deploy'}
  /** The reader deletes a set-aside record, or puts it back on the plan's first item. */
  | {type: 'setAside'; device: number; index: number; reattach: boolean};

export const opArbitrary = (devices: number): fc.Arbitrary<Op> => {
  const device = fc.integer({min: 0, max: devices - 1});
  return fc.oneof(
    fc.record({type: fc.constant('tick' as const), device, item: fc.integer({min: 0, max: 3}), on: fc.boolean()}),
    fc.record({type: fc.constant('note' as const), device, day: fc.boolean(), key: fc.integer({min: 0, max: 1}), append: fc.boolean()}),
    fc.record({type: fc.constant('mark' as const), device, item: fc.integer({min: 0, max: 3}), on: fc.boolean()}),
    fc.record({type: fc.constant('follow' as const), device, follow: fc.integer({min: 0, max: 1}), on: fc.boolean()}),
    fc.record({type: fc.constant('exchange' as const), from: device, to: device}),
  );
};

/** Operations that include the plan edit and what a reader does with set-aside records. */
export const opWithEditsArbitrary = (devices: number): fc.Arbitrary<Op> =>
  fc.oneof(
    {arbitrary: opArbitrary(devices), weight: 6},
    {arbitrary: fc.constant({type: 'deploy' as const}), weight: 1},
    {
      arbitrary: fc.record({
        type: fc.constant('setAside' as const),
        device: fc.integer({min: 0, max: devices - 1}),
        index: fc.nat(3),
        reattach: fc.boolean(),
      }),
      weight: 2,
    },
  );

/** One simulated device: its state, its wall clock's offset, and the ids of the note texts it has seen. */
export interface Device {
  state: StoredState;
  skew: number;
  seen: Set<number>;
}

/** A device that has used the site before versions existed (legacy records, stamped with the original plan). */
export function newDevice(index: number, legacyTicks: readonly number[] = [], legacyNote = ''): Device {
  const progress: Record<string, Record<string, number>> = {};
  for (const item of legacyTicks) (progress[PLAN] ??= {})[ITEMS[item]!] = 1000 + item;
  const state: StoredState = {
    ...DEFAULT_STATE,
    progress,
    dayNotes: legacyNote ? {[PLAN]: {'1': legacyNote}} : {},
    sync: {...DEFAULT_STATE.sync, device: `dev${index}x`},
  };
  return {state: reconcilePlan(state, PLAN, ORIGINAL, 0), skew: (index * 7919) % 5000, seen: new Set()};
}

/** Every note text typed, by its number (texts carry their number, so each is unique). */
export interface World {
  devices: Device[];
  typed: {key: string; text: string}[];
  /** Numbers of typed texts that an edit made after seeing them replaced. */
  replaced: Set<number>;
  time: number;
  plan: readonly ItemIdentity[];
}

const textNumber = (text: string): number[] => [...text.matchAll(/<(\d+)>/g)].map((match) => Number(match[1]));

/** The state of the device after a change, stamped as the store stamps every write. */
function write(world: World, device: Device, now: number, change: (state: StoredState) => StoredState): void {
  device.state = settle(world, stampWrite(device.state, change(device.state), now + device.skew), now);
}

/** What the plan page does after every change: records are matched to the plan's items (no new versions). */
const settle = (world: World, state: StoredState, now: number): StoredState => reconcilePlan(state, PLAN, world.plan, now);

const FOLLOW = (id: string, week: number): FollowedPlan => ({
  id,
  planIds: [`weeks/week-${String(week).padStart(2, '0')}/go`],
  start: '2026-01-05',
  variant: null,
  weekdays: [1, 2, 3, 4, 5],
  shifts: [],
  skipBefore: 0,
  catchUpBefore: 0,
});

/** The export file of `from` merged into `to`, as "Import progress" or a link does. */
export function exchange(from: StoredState, to: StoredState, now: number): StoredState {
  const text = JSON.stringify(exportProgress(from.progress, new Date(now), extrasOf(from)));
  const result = importProgress(text, to.progress, undefined, extrasOf(to), now);
  if (!result.ok) throw new Error(result.error);
  return withImport(to, result, now);
}

/** Applies one operation at the next moment of the world's clock. */
export function apply(world: World, op: Op): void {
  world.time += 1000;
  const now = world.time;
  if (op.type === 'exchange') {
    if (op.from === op.to) return;
    const [from, to] = [world.devices[op.from]!, world.devices[op.to]!];
    to.state = settle(world, exchange(from.state, to.state, now), now);
    from.seen.forEach((number) => to.seen.add(number));
    return;
  }
  if (op.type === 'deploy') {
    if (world.plan !== EDITED) deployEdit(world);
    return;
  }
  const device = world.devices[op.device]!;
  const item = (index: number) => world.plan[index]!.id;
  if (op.type === 'setAside') {
    const record = device.state.detached[op.index % Math.max(1, device.state.detached.length)];
    if (record) write(world, device, now, (state) => (op.reattach ? reattach(state, record.key, world.plan[0]!) : deleteDetached(state, record.key)));
    return;
  }
  if (op.type === 'tick') write(world, device, now, (state) => ({...state, progress: setTick(state.progress, PLAN, item(op.item), op.on, now)}));
  if (op.type === 'mark') {
    write(world, device, now, (state) => {
      const marks = {...(state.review[PLAN] ?? {})};
      if (op.on) marks[item(op.item)] = {label: world.plan[op.item]!.text, markedAt: now, card: null};
      else delete marks[item(op.item)];
      return {...state, review: {...state.review, [PLAN]: marks}};
    });
  }
  if (op.type === 'follow') {
    write(world, device, now, (state) => {
      const id = FOLLOW_IDS[op.follow]!;
      const others = state.follows.filter((plan) => plan.id !== id);
      return {...state, follows: op.on ? [...others, FOLLOW(id, 10 + (now % 3))] : others};
    });
  }
  if (op.type === 'note') {
    const field = op.day ? 'dayNotes' : 'itemNotes';
    const key = op.day ? DAYS[op.key]! : item(op.key);
    const seenText = device.state[field][PLAN]?.[key] ?? '';
    const number = world.typed.length;
    const text = op.append ? `${seenText} word <${number}>` : `text <${number}>`;
    world.typed.push({key: `${field}|${key}`, text});
    // The reader edits what the note shows: every text in it is replaced by this edit.
    for (const seen of textNumber(seenText)) world.replaced.add(seen);
    device.seen.add(number);
    write(world, device, now, (state) => ({...state, [field]: setNote(state[field], op.day ? 'day' : 'item', PLAN, key, text)}));
  }
}

/** Every device loads the edited plan: its records follow their items. */
export function deployEdit(world: World): void {
  world.plan = EDITED;
  world.time += 1000;
  for (const device of world.devices) device.state = settle(world, device.state, world.time);
}

/** Every device exchanges with every other, both ways, so all have seen everything. */
export function exchangeAll(world: World): void {
  for (let round = 0; round < 2; round++) {
    for (let from = 0; from < world.devices.length; from++) {
      for (let to = 0; to < world.devices.length; to++) if (from !== to) apply(world, {type: 'exchange', from, to});
    }
  }
}

/** What must be equal on devices that have exchanged: every versioned kind's records and their versions. */
export function travelling(state: StoredState, kinds = VERSIONED_KINDS): unknown {
  return kinds.map((kind) => {
    const records = [...kind.entries(state)].sort(([a], [b]) => (a < b ? -1 : 1));
    const versions = Object.entries(kind.register === 'lww' ? state.sync.stamps : state.sync.notes)
      .filter(([key]) => key.startsWith(`${kind.kind}|`))
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return {kind: kind.kind, records: JSON.parse(JSON.stringify(records)), versions: JSON.parse(JSON.stringify(versions))};
  });
}

/** A world of `count` devices, each with legacy records of its own. */
export function newWorld(count: number, legacy: readonly {ticks: number[]; note: string}[]): World {
  const devices = Array.from({length: count}, (_, index) => newDevice(index, legacy[index]?.ticks, legacy[index]?.note));
  return {devices, typed: [], replaced: new Set(), time: 10_000, plan: ORIGINAL};
}

export const legacyArbitrary = fc.array(fc.record({ticks: fc.subarray([0, 1, 2, 3]), note: fc.constantFrom('', 'legacy a', 'legacy b', 'legacy a and more')}), {
  minLength: 4,
  maxLength: 4,
});
