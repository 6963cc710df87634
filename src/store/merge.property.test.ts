import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
  apply,
  deployEdit,
  exchange,
  exchangeAll,
  legacyArbitrary,
  newWorld,
  opArbitrary,
  opWithEditsArbitrary,
  PLAN,
  travelling,
  type Op,
  type World,
} from './devices.testkit';
import {mergeVersioned} from './merge';
import {ITEM_KINDS, VERSIONED_KINDS, UNVERSIONED_FIELDS} from './recordKinds';
import {withDetachedKey} from './stamps';
import {DEFAULT_STATE, type StoredState} from './schema';

const run = (count: number, legacy: Parameters<typeof newWorld>[1], ops: readonly Op[]): World => {
  const world = newWorld(count, legacy);
  for (const op of ops) apply(world, op);
  return world;
};
const join = (a: StoredState, b: StoredState): StoredState => mergeVersioned(a, b).state;
const worldArbitrary = (count: number) => fc.tuple(legacyArbitrary, fc.array(opArbitrary(count), {maxLength: 30}));
/** Worlds in which the plan edit may land, and readers delete or re-attach what it set aside. */
const editedWorldArbitrary = (count: number) => fc.tuple(legacyArbitrary, fc.array(opWithEditsArbitrary(count), {maxLength: 30}));

describe('the record table', () => {
  it('covers every field of the stored state: a versioned kind or a field that says how it travels', () => {
    const covered = new Set([...VERSIONED_KINDS.map((kind) => kind.field), ...Object.keys(UNVERSIONED_FIELDS)]);
    expect(new Set(Object.keys(DEFAULT_STATE))).toEqual(covered);
  });

  it.each(VERSIONED_KINDS.map((kind) => [kind.kind, kind] as const))('%s has every operation', (_name, kind) => {
    for (const operation of ['entries', 'withEntries', 'same', 'legacyJoin'] as const) expect(kind[operation]).toBeTypeOf('function');
    expect(['lww', 'notes']).toContain(kind.register);
    if (kind.item) expect(kind.item.combine).toBeTypeOf('function');
  });

  it('gives every kind on plan items its own field of a set-aside record, and every such field a kind', () => {
    const fields = ITEM_KINDS.map((kind) => kind.item.detachedField).sort();
    const {
      key: _key,
      planId: _plan,
      itemId: _item,
      text: _text,
      fingerprint: _fingerprint,
      detachedAt: _at,
      runs: _runs,
      ...held
    } = withDetachedKey({
      planId: PLAN,
      itemId: 'd1-b1',
      text: 'Heap problems',
      fingerprint: 'heap problems',
      detachedAt: 0,
      tick: 1,
      note: 'n',
      review: null,
      runs: [],
    });
    expect(fields).toEqual(Object.keys(held).sort());
  });
});

describe.each(VERSIONED_KINDS.map((kind) => [kind.kind, kind] as const))('merging %s is a join', (_name, kind) => {
  const project = (state: StoredState) => travelling(state, [kind]);
  const states = editedWorldArbitrary(3).map(([legacy, ops]) => run(3, legacy, ops).devices.map((device) => device.state));

  it('commutative, associative, idempotent', () => {
    fc.assert(
      fc.property(states, ([a, b, c]) => {
        expect(project(join(a!, b!))).toEqual(project(join(b!, a!)));
        expect(project(join(join(a!, b!), c!))).toEqual(project(join(a!, join(b!, c!))));
        expect(project(join(a!, a!))).toEqual(project(a!));
      }),
      {numRuns: 60},
    );
  });

  it('an export file carries it whole: imported into an empty browser, the records and versions are the same', () => {
    fc.assert(
      fc.property(states, ([a]) => {
        expect(project(exchange(a!, DEFAULT_STATE, 1e9))).toEqual(project(a!));
      }),
      {numRuns: 40},
    );
  });

  it('plan-edit re-keying commutes with merging: the deploy before or after the exchange ends the same', () => {
    fc.assert(
      fc.property(worldArbitrary(2), ([legacy, ops]) => {
        const deployFirst = run(2, legacy, ops);
        const syncFirst = run(2, legacy, ops);
        deployEdit(deployFirst);
        exchangeAll(deployFirst);
        exchangeAll(syncFirst);
        deployEdit(syncFirst);
        if (kind.kind === 'setAside') {
          // A set-aside record is what its item held when the device saw the edit: devices that had not exchanged
          // before it set aside one each, devices that had set aside their merged records. Neither order loses any:
          // what the sync-first devices set aside is all in what the deploy-first devices set aside.
          // What a record holds: its tick and each text of its note (a record without a tick or a note holds none).
          const held = (state: StoredState) =>
            state.detached.flatMap((record) => [
              ...(record.tick === null ? [] : [`tick ${record.tick}`]),
              ...(record.note ?? '').split(/\n+---[^\n]*---\n/).filter((text) => text !== ''),
            ]);
          for (const text of held(syncFirst.devices[0]!.state)) expect(held(deployFirst.devices[0]!.state)).toContain(text);
          expect(project(deployFirst.devices[0]!.state)).toEqual(project(deployFirst.devices[1]!.state));
          return;
        }
        expect(project(deployFirst.devices[0]!.state)).toEqual(project(syncFirst.devices[0]!.state));
        expect(project(deployFirst.devices[1]!.state)).toEqual(project(syncFirst.devices[1]!.state));
      }),
      {numRuns: 40},
    );
  });
});

describe('devices that exchange', () => {
  it.each([2, 3, 4])('%i devices, random edits and exchanges: after every pair exchanged both ways, all are equal, and again changes nothing', (count) => {
    fc.assert(
      fc.property(worldArbitrary(count), ([legacy, ops]) => {
        const world = run(count, legacy, ops);
        exchangeAll(world);
        const first = travelling(world.devices[0]!.state);
        for (const device of world.devices) expect(travelling(device.state)).toEqual(first);
        exchangeAll(world);
        expect(travelling(world.devices[0]!.state)).toEqual(first);
      }),
      {numRuns: 40},
    );
  });

  it.each([2, 3])('%i devices with a plan edit between exchanges, set-aside records deleted or re-attached: all end equal', (count) => {
    fc.assert(
      fc.property(editedWorldArbitrary(count), ([legacy, ops]) => {
        const world = run(count, legacy, ops);
        exchangeAll(world);
        const first = travelling(world.devices[0]!.state);
        for (const device of world.devices) expect(travelling(device.state)).toEqual(first);
      }),
      {numRuns: 40},
    );
  });

  it('a set-aside record deleted on one device is deleted on every device, and an older copy does not bring it back', () => {
    fc.assert(
      fc.property(worldArbitrary(3), fc.boolean(), ([legacy, ops], reattach) => {
        const world = run(3, legacy, ops);
        const before = structuredClone(world.devices[2]!.state);
        apply(world, {type: 'deploy'});
        fc.pre(world.devices[0]!.state.detached.length > 0);
        const key = world.devices[0]!.state.detached[0]!.key;
        apply(world, {type: 'setAside', device: 0, index: 0, reattach});
        exchangeAll(world);
        for (const device of world.devices) expect(device.state.detached.map((record) => record.key)).not.toContain(key);
        // A copy of device 2 from before the edit (an old file, say), brought to the edited plan and merged again.
        const old = exchange(before, world.devices[2]!.state, world.time + 1000);
        expect(old.detached.map((record) => record.key)).not.toContain(key);
      }),
      {numRuns: 40},
    );
  });

  it('no text typed is lost: every text no later edit replaced is in the note on every device', () => {
    fc.assert(
      fc.property(worldArbitrary(3), ([legacy, ops]) => {
        const world = run(3, legacy, ops);
        exchangeAll(world);
        world.typed.forEach(({key, text}, number) => {
          if (world.replaced.has(number)) return;
          const [field, id] = key.split('|') as ['dayNotes' | 'itemNotes', string];
          for (const device of world.devices) expect(device.state[field][PLAN]?.[id] ?? '').toContain(text);
        });
      }),
      {numRuns: 60},
    );
  });

  it('a change made after seeing the other device’s version wins: untick, corrected note, removed mark, unfollow', () => {
    fc.assert(
      fc.property(worldArbitrary(2), fc.integer({min: 0, max: 3}), ([legacy, ops], item) => {
        const world = run(2, legacy, ops);
        exchangeAll(world);
        apply(world, {type: 'tick', device: 0, item, on: true});
        apply(world, {type: 'mark', device: 0, item, on: true});
        apply(world, {type: 'follow', device: 0, follow: 0, on: true});
        apply(world, {type: 'note', device: 0, day: false, key: 0, append: false});
        apply(world, {type: 'exchange', from: 0, to: 1});
        apply(world, {type: 'tick', device: 1, item, on: false});
        apply(world, {type: 'mark', device: 1, item, on: false});
        apply(world, {type: 'follow', device: 1, follow: 0, on: false});
        apply(world, {type: 'note', device: 1, day: false, key: 0, append: false});
        apply(world, {type: 'exchange', from: 1, to: 0});
        const laptop = world.devices[0]!.state;
        const itemId = world.plan[item]!.id;
        expect(laptop.progress[PLAN]?.[itemId]).toBeUndefined();
        expect(laptop.review[PLAN]?.[itemId]).toBeUndefined();
        expect(laptop.follows.some((plan) => plan.id === 'f-a')).toBe(false);
        expect(laptop.itemNotes[PLAN]?.[world.plan[0]!.id]).toBe(world.typed.at(-1)!.text);
        expect(travelling(laptop)).toEqual(travelling(world.devices[1]!.state));
      }),
      {numRuns: 40},
    );
  });

  it('concurrent note edits keep both texts, on both devices, until the next edit replaces them', () => {
    fc.assert(
      fc.property(worldArbitrary(2), fc.boolean(), ([legacy, ops], day) => {
        const world = run(2, legacy, ops);
        exchangeAll(world);
        apply(world, {type: 'note', device: 0, day, key: 1, append: false});
        apply(world, {type: 'note', device: 1, day, key: 1, append: false});
        const [mine, theirs] = world.typed.slice(-2).map((typed) => typed.text);
        exchangeAll(world);
        const field = day ? 'dayNotes' : 'itemNotes';
        const key = day ? '2' : world.plan[1]!.id;
        for (const device of world.devices) {
          expect(device.state[field][PLAN]?.[key]).toContain(mine);
          expect(device.state[field][PLAN]?.[key]).toContain(theirs);
        }
        apply(world, {type: 'note', device: 1, day, key: 1, append: false});
        exchangeAll(world);
        expect(world.devices[0]!.state[field][PLAN]?.[key]).toBe(world.typed.at(-1)!.text);
      }),
      {numRuns: 40},
    );
  });
});
