import {comparePlanVersions, pairMovedPlans, type PlanEdit, type PlanVersion} from './edits';

const WEEK = 'weeks/week-10/go.md';

/** Day 2 of the seeded Week 10, and a Day 3, as a contributor finds them before editing. */
const week = `---
id: go
title: Go Track
---

### Day 2 – Uber/Swiggy: Location, Matching, Pricing

#### 4-Hour Plan

- **Block 1 (Design Deep Dive – 60–75 min)**
  - Driver locations, matching algorithm, pricing.

- **Block 2 (Architecture – 60 min)**
  - Draw data flow.

- **Block 3 (Trade-offs – 60 min)**
  - CAP trade-offs for location data.

#### 6-Hour Plan

- Add:
  - **Scaling considerations (60 min)**.
  - **Sketch design for feature flag service (60 min)**.

### Day 3 – Notification System

#### 4-Hour Plan

- **Block 1 (Requirements – 60 min)**
  - Channels, priorities, retries.

#### 6-Hour Plan

- Add:
  - **Mock interview (60 min)**.
`;

const intensive = `## Day 1: Go Fundamentals
### Morning (6 hours)
* Go Memory Model
  * Stack vs Heap
* Go 1.18+ Features
  * Generics deep dive

### Evening (8 hours)
* Practice:
  * Implement a thread-safe cache with generics
  * Build a concurrent pipeline processor
`;

const version = (path: string, source: string): PlanVersion => ({path, source});
const compare = (edited: string, before = week, path = WEEK) => comparePlanVersions(version(path, before), version(path, edited));
/** The changes as one line each, the way a reviewer reads them. */
const changes = (edit: PlanEdit) =>
  edit.changes.map((change) =>
    change.kind === 'added'
      ? `added ${change.after.id}`
      : change.kind === 'removed'
        ? `removed ${change.before.id}`
        : `${change.kind} ${change.before.id} → ${change.after.id}`,
  );
const warnings = (edit: PlanEdit) => edit.warnings.map(({path, diagnostic: d}) => `${path}:${d.line}:${d.column} ${d.severity} ${d.code}`);
const lineOf = (source: string, text: string) => source.split('\n').findIndex((line) => line.includes(text)) + 1;

describe('comparing two versions of a plan', () => {
  it('an unchanged plan has nothing to report', () => {
    const edit = compare(week);
    expect(edit.changes).toEqual([]);
    expect(edit.unchanged).toBe(7);
    expect(edit.warnings).toEqual([]);
  });

  it('an insertion moves the items after it, whose records follow, and adds its time to the day', () => {
    const edited = week.replace('  - **Scaling considerations (60 min)**.', '  - **Load testing with k6 (45 min)**.\n  - **Scaling considerations (60 min)**.');
    const edit = compare(edited);
    expect(changes(edit)).toEqual(['added d2-a1', 'moved d2-a1 → d2-a2', 'moved d2-a2 → d2-a3']);
    expect(edit.changes[0]).toMatchObject({after: {text: 'Load testing with k6'}, position: {line: lineOf(edited, 'Load testing'), column: 3}});
    expect(edit.warnings).toEqual([]);
    expect(edit.days).toEqual([
      {day: 2, before: {'4h': {min: 180, max: 195}, '6h': {min: 300, max: 315}}, after: {'4h': {min: 180, max: 195}, '6h': {min: 345, max: 360}}},
      {day: 3, before: {'4h': {min: 60, max: 60}, '6h': {min: 120, max: 120}}, after: {'4h': {min: 60, max: 60}, '6h': {min: 120, max: 120}}},
    ]);
  });

  it('a removal with the later blocks renumbered warns at the day that lost the item, and the renumbered blocks follow', () => {
    const edited = week.replace('- **Block 2 (Architecture – 60 min)**\n  - Draw data flow.\n\n- **Block 3', '- **Block 2');
    const edit = compare(edited);
    expect(changes(edit)).toEqual(['removed d2-b2', 'moved d2-b3 → d2-b2']);
    expect(warnings(edit)).toEqual([`${WEEK}:${lineOf(edited, '### Day 2')}:1 warning edit-removes-item`]);
    expect(edit.warnings[0]!.diagnostic.message).toBe(
      'Removes "Architecture" (d2-b2 at the base): records learners made on it become detached (kept, no longer shown here; they re-attach or delete them by hand).',
    );
    expect(edit.days[0]!.after).toEqual({'4h': {min: 120, max: 135}, '6h': {min: 240, max: 255}});
  });

  it('a block inserted with the later ones renumbered is added, and every later block keeps its records', () => {
    const edited = week
      .replace('Block 3 (Trade-offs', 'Block 4 (Trade-offs')
      .replace('Block 2 (Architecture', 'Block 3 (Architecture')
      .replace('- **Block 3 (Architecture', '- **Block 2 (API design – 30 min)**\n  - Endpoints and payloads.\n\n- **Block 3 (Architecture');
    expect(changes(compare(edited))).toEqual(['added d2-b2', 'moved d2-b2 → d2-b3', 'moved d2-b3 → d2-b4']);
  });

  it('reordered topics and practice items of an intensive plan move, all following', () => {
    const edited = intensive
      .replace(
        '* Go Memory Model\n  * Stack vs Heap\n* Go 1.18+ Features\n  * Generics deep dive',
        '* Go 1.18+ Features\n  * Generics deep dive\n* Go Memory Model\n  * Stack vs Heap',
      )
      .replace(
        '  * Implement a thread-safe cache with generics\n  * Build a concurrent pipeline processor',
        '  * Build a concurrent pipeline processor\n  * Implement a thread-safe cache with generics',
      );
    const path = 'intensive/senior-go-1-day.md';
    const edit = compare(edited, intensive, path);
    expect(changes(edit)).toEqual([
      'moved d1-morning-t2 → d1-morning-t1',
      'moved d1-morning-t1 → d1-morning-t2',
      'moved d1-evening-p2 → d1-evening-p1',
      'moved d1-evening-p1 → d1-evening-p2',
    ]);
    expect(edit.unchanged).toBe(2);
    expect(edit.warnings).toEqual([]);
    expect(edit.days).toEqual([{day: 1, before: {day: {min: 840, max: 840}}, after: {day: {min: 840, max: 840}}}]);
  });

  it('a touched-up wording follows; a rewrite at the same place is a warning that the records detach', () => {
    const edited = week
      .replace('Scaling considerations (60 min)', 'Scalling considerations (45 min)')
      .replace('Block 3 (Trade-offs – 60 min)', 'Block 3 (Mock interview with a peer – 60 min)');
    const edit = compare(edited.replace('CAP trade-offs for location data.', 'Ask a friend to play the interviewer.'));
    expect(changes(edit)).toEqual(['rewritten d2-b3 → d2-b3', 'reworded d2-a1 → d2-a1']);
    expect(edit.changes[1]).toMatchObject({before: {text: 'Scaling considerations'}, after: {text: 'Scalling considerations'}});
    expect(warnings(edit)).toEqual([`${WEEK}:${lineOf(edited, 'Mock interview with a peer')}:1 warning edit-rewrites-item`]);
    expect(edit.warnings[0]!.diagnostic.message).toContain('Rewrites "Trade-offs" as "Mock interview with a peer" (d2-b3)');
  });

  it('a moved file keeps its items: records follow it to the new plan id, and the warning says the address changes', () => {
    const edit = comparePlanVersions(version(WEEK, week), version('weeks/week-11/go.md', week));
    expect(edit.changes).toEqual([]);
    expect(edit.unchanged).toBe(7);
    expect(edit.adoption).toEqual({adoptedBy: 'weeks/week-11/go', recognised: 7, total: 7});
    expect(edit.warnings.map(({path, diagnostic}) => [path, diagnostic.code, diagnostic.message])).toEqual([
      [
        'weeks/week-11/go.md',
        'edit-moves-plan',
        "Moved from weeks/week-10/go.md: the plan id changes from weeks/week-10/go to weeks/week-11/go; 7 of 7 items are unchanged, so learners' records follow it to the new id on their next visit, item by item as after any edit; links and bookmarks to the old address break.",
      ],
    ]);
  });

  it('a file moved and rewritten beyond 80% of its items leaves records under the old id, as the browser does', () => {
    const rewritten = week
      .replace('Design Deep Dive', 'Rate limiter design')
      .replace('Architecture', 'Token buckets')
      .replace('Driver locations, matching algorithm, pricing.', 'Where to count requests.')
      .replace('Draw data flow.', 'Refill rates.');
    const edit = comparePlanVersions(version(WEEK, week), version('weeks/week-11/go.md', rewritten));
    expect(edit.adoption).toEqual({adoptedBy: null, recognised: 5, total: 7});
    expect(edit.warnings[0]!.diagnostic.message).toContain(
      "only 5 of 7 items are unchanged (records follow a moved plan when at least 3 and 80% of the items they were made on are), so learners' records stay under the old id",
    );
  });

  it('a moved file with a copy elsewhere on the site: neither takes the records, the browser cannot tell which is the plan', () => {
    const copy = version('weeks/week-12/go.md', week);
    const edit = comparePlanVersions(version(WEEK, week), version('weeks/week-11/go.md', week), [version('weeks/week-11/go.md', week), copy]);
    expect(edit.adoption?.adoptedBy).toBeNull();
    expect(edit.warnings[0]!.diagnostic.message).toContain("learners' records stay under the old id");
  });

  it('a removed plan whose items another plan on the site holds: records go there', () => {
    const edit = comparePlanVersions(version(WEEK, week), null, [version('weeks/week-12/go.md', week)]);
    expect(edit.warnings[0]!.diagnostic.message).toBe(
      "Removed, but weeks/week-12/go holds 7 of 7 items unchanged: learners' records of weeks/week-10/go go there on their next visit.",
    );
  });

  it('a new plan only adds; a removed plan warns on its old path; one that no longer parses is not compared', () => {
    const added = comparePlanVersions(null, version(WEEK, week));
    expect(new Set(added.changes.map((change) => change.kind))).toEqual(new Set(['added']));
    expect(added.warnings).toEqual([]);
    expect(warnings(comparePlanVersions(version(WEEK, week), null))).toEqual([`${WEEK}:1:1 warning edit-removes-plan`]);
    const broken = compare('# Not a plan any more\n');
    expect(broken.notCompared).toMatch(/does not read as a plan now/);
    expect(broken.changes).toEqual([]);
    expect(broken.warnings).toEqual([]);
  });
});

describe('pairing moved plan files', () => {
  /** Another week: same shape, other items. */
  const other = week
    .replace('Design Deep Dive', 'Rate limiter design')
    .replace('Architecture', 'Token buckets')
    .replace('Trade-offs', 'Sliding windows')
    .replace(/ {2}- [A-Z].*\.\n/g, '')
    .replace('Scaling considerations', 'Distributed counters')
    .replace('Sketch design for feature flag service', 'Redis Lua scripts')
    .replace('Requirements', 'Leader election')
    .replace('Mock interview', 'Raft paper reading');

  it('pairs a removed plan with the added one holding most of its items, and leaves unrelated plans alone', () => {
    const movedAndEdited = week.replace('Scaling considerations', 'Scaling considerations and sharding');
    const result = pairMovedPlans([version(WEEK, week)], [version('weeks/week-12/go.md', other), version('weeks/week-11/go.md', movedAndEdited)]);
    expect(result.moved.map(([from, to]) => [from.path, to.path])).toEqual([[WEEK, 'weeks/week-11/go.md']]);
    expect(result.added.map((plan) => plan.path)).toEqual(['weeks/week-12/go.md']);
    expect(result.removed).toEqual([]);
  });

  it('never pairs plans of different kinds or with too little in common', () => {
    const result = pairMovedPlans([version(WEEK, week)], [version('intensive/senior-go-1-day.md', intensive), version('weeks/week-12/go.md', other)]);
    expect(result.moved).toEqual([]);
    expect(result.removed.map((plan) => plan.path)).toEqual([WEEK]);
  });
});
