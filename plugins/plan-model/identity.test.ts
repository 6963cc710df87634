import fc from 'fast-check';
import {additionId} from './ids';
import {SIMILARITY_THRESHOLD, fingerprintOf, matchRecords, planIdentities, similarity, type ItemIdentity} from './identity';
import {parsePlan} from './parse';

const item = (id: string, text: string): ItemIdentity => ({id, day: Number(/^d(\d+)/.exec(id)![1]), text, fingerprint: fingerprintOf(text)});
const recordOn = (target: ItemIdentity) => ({id: target.id, fingerprint: target.fingerprint});

describe('fingerprints', () => {
  it('ignore case, punctuation, accents, white space, durations and block numbers', () => {
    const same = ['Block 2 (Design Deep Dive – 60–75 min)', 'block 3: design deep-dive (90 minutes).', 'DESIGN  DEEP DIVE', 'Désign deep dive (1.5 h)'];
    expect(new Set(same.map(fingerprintOf))).toEqual(new Set(['design deep dive']));
  });

  it('keep the words that tell items apart', () => {
    expect(fingerprintOf('Scaling considerations')).not.toBe(fingerprintOf('Sharding considerations'));
    expect(fingerprintOf('2–3 graph problems')).toContain('graph problems');
  });
});

describe('similarity', () => {
  it.each([
    ['Scaling considerations', 'Scalling considerations'],
    ['Summarize matching approach', 'Summarise the matching approach'],
    ['Draw data flow between services', 'Draw the data flow between services.'],
  ])('counts a touched-up wording as the same item: %s / %s', (a, b) => {
    expect(similarity(fingerprintOf(a), fingerprintOf(b))).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
  });

  it.each([
    ['Scaling considerations', 'Mock interview with a peer'],
    ['Data model brainstorming', 'Write unit tests for the cache'],
    ['Review', 'Retry policies'],
  ])('counts a rewrite as another item: %s / %s', (a, b) => {
    expect(similarity(fingerprintOf(a), fingerprintOf(b))).toBeLessThan(SIMILARITY_THRESHOLD);
  });
});

describe('matching records to a changed plan', () => {
  const scaling = item('d2-a1', 'Scaling considerations');
  const sketch = item('d2-a2', 'Sketch design for feature flag service');

  it('follows an item moved by an insertion before it', () => {
    const after = [item('d2-a1', 'Load testing with k6'), item('d2-a2', scaling.text), item('d2-a3', sketch.text)];
    expect(matchRecords([recordOn(scaling), recordOn(sketch)], after)).toEqual(
      new Map([
        ['d2-a1', 'd2-a2'],
        ['d2-a2', 'd2-a3'],
      ]),
    );
  });

  it('follows an item whose wording was touched up, and one moved to another day', () => {
    const after = [item('d2-a1', 'Scalling considerations.'), item('d4-a1', sketch.text)];
    expect(matchRecords([recordOn(scaling), recordOn(sketch)], after)).toEqual(
      new Map([
        ['d2-a1', 'd2-a1'],
        ['d2-a2', 'd4-a1'],
      ]),
    );
  });

  it('detaches a record whose item was rewritten in place, rather than keep it there', () => {
    expect(matchRecords([recordOn(scaling)], [item('d2-a1', 'Mock interview with a peer'), sketch])).toEqual(new Map([['d2-a1', null]]));
  });

  it('detaches a record whose item was removed, even when another item takes its id', () => {
    expect(matchRecords([recordOn(scaling)], [item('d2-a1', sketch.text)])).toEqual(new Map([['d2-a1', null]]));
  });

  it('never puts two records on one item: the exact match wins, the other record is detached', () => {
    const typo = {id: 'd2-a2', fingerprint: fingerprintOf('Scalling considerations')};
    expect(matchRecords([recordOn(scaling), typo], [item('d2-a1', scaling.text)])).toEqual(
      new Map([
        ['d2-a1', 'd2-a1'],
        ['d2-a2', null],
      ]),
    );
  });

  it('detaches a removed item rather than follow a similar item on another day', () => {
    const counter = item('d3-p1', 'Design a distributed counter');
    const rateLimiter = item('d2-p1', 'Design a distributed rate limiter');
    expect(similarity(counter.fingerprint, rateLimiter.fingerprint)).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
    expect(matchRecords([recordOn(counter)], [rateLimiter, item('d3-p1', 'Build a service discovery system')])).toEqual(new Map([['d3-p1', null]]));
  });

  it('detaches a removed item rather than follow the same text recurring on other days', () => {
    const dsa = item('d3-b3', 'DSA – 60 min: 2–3 problems');
    const after = [item('d3-b3', 'Review'), item('d4-b3', dsa.text), item('d5-b3', dsa.text)];
    expect(matchRecords([recordOn(dsa)], after)).toEqual(new Map([['d3-b3', null]]));
  });

  it('prefers the same day, then the nearest item, when the same text appears twice', () => {
    const review = item('d3-b4', 'Review');
    const after = [item('d1-b4', 'Review'), item('d3-b1', 'Design'), item('d3-b5', 'Review'), item('d3-b9', 'Review')];
    expect(matchRecords([recordOn(review)], after).get('d3-b4')).toBe('d3-b5');
  });
});

describe('identities of a parsed plan', () => {
  it('fingerprint blocks by label and details, additions by label, without numbers or durations', () => {
    const {plan} = parsePlan(
      [
        '### Day 2 – Location',
        '#### 4-Hour Plan',
        '- **Block 1 (Design Deep Dive – 60–75 min)**',
        '  - Driver locations, matching.',
        '#### 6-Hour Plan',
        '- Add:',
        '  - **Scaling considerations (60 min)**.',
      ].join('\n'),
    );
    expect(planIdentities(plan!)).toEqual([
      {id: 'd2-b1', day: 2, text: 'Design Deep Dive', fingerprint: 'design deep dive driver locations matching'},
      {id: 'd2-a1', day: 2, text: 'Scaling considerations', fingerprint: 'scaling considerations'},
    ]);
  });
});

/** Item texts that no edit below makes alike by chance: a few made-up words each. */
const word = fc.stringMatching(/^[a-z]{4,9}$/);
const text = fc.array(word, {minLength: 3, maxLength: 5}).map((words) => words.join(' '));
const distinctTexts = fc
  .uniqueArray(text, {minLength: 2, maxLength: 12})
  .filter((texts) => texts.every((a, i) => texts.every((b, j) => i === j || similarity(fingerprintOf(a), fingerprintOf(b)) < 0.5)));

type Edit = {kind: 'insert'; at: number; text: string} | {kind: 'remove'; at: number} | {kind: 'swap'; at: number} | {kind: 'typo'; at: number; offset: number};
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({kind: fc.constant('insert' as const), at: fc.nat(), text}),
  fc.record({kind: fc.constant('remove' as const), at: fc.nat()}),
  fc.record({kind: fc.constant('swap' as const), at: fc.nat()}),
  fc.record({kind: fc.constant('typo' as const), at: fc.nat(), offset: fc.nat()}),
);

/** One letter of `value` doubled: the smallest slip a contributor makes. */
const withTypo = (value: string, offset: number) => {
  const at = offset % value.length;
  return `${value.slice(0, at + 1)}${value.slice(at)}`;
};

/**
 * Applies edits to a day's texts while keeping track of the followed item; `typo` may touch any item, the followed
 * one included, but only once, so it stays well within the threshold. Inserted texts unlike every text already there.
 */
function applyEdits(texts: string[], followed: number, edits: readonly Edit[]): {texts: string[]; followed: number} {
  let current = [...texts];
  let index = followed;
  let typoDone = false;
  for (const change of edits) {
    if (change.kind === 'insert') {
      const at = change.at % (current.length + 1);
      if (current.some((other) => similarity(fingerprintOf(other), fingerprintOf(change.text)) >= 0.5)) continue;
      current = [...current.slice(0, at), change.text, ...current.slice(at)];
      if (at <= index) index += 1;
    } else if (change.kind === 'remove') {
      const at = change.at % current.length;
      if (at === index || current.length < 2) continue;
      current = current.filter((_, i) => i !== at);
      if (at < index) index -= 1;
    } else if (change.kind === 'swap') {
      const at = change.at % current.length;
      const next = (at + 1) % current.length;
      [current[at], current[next]] = [current[next]!, current[at]!];
      if (index === at) index = next;
      else if (index === next) index = at;
    } else if (!typoDone) {
      const at = change.at % current.length;
      current[at] = withTypo(current[at]!, change.offset);
      typoDone = true;
    }
  }
  return {texts: current, followed: index};
}

const asDay = (texts: readonly string[]) => texts.map((value, index) => item(additionId(2, index + 1), value));

describe('matching, over random edits', () => {
  it('a record follows its item through insertions, removals, reorders and a typo, and lands on nothing else', () => {
    fc.assert(
      fc.property(distinctTexts, fc.nat(), fc.array(edit, {maxLength: 8}), (texts, pick, edits) => {
        const followed = pick % texts.length;
        const before = asDay(texts);
        const after = applyEdits(texts, followed, edits);
        const records = before.map(recordOn);
        const matches = matchRecords(records, asDay(after.texts));
        expect(matches.get(before[followed]!.id)).toBe(additionId(2, after.followed + 1));
        const targets = [...matches.values()].filter((target) => target !== null);
        expect(new Set(targets).size).toBe(targets.length);
      }),
    );
  });

  it('a record whose item is rewritten at the same position is detached, never attached elsewhere', () => {
    fc.assert(
      fc.property(distinctTexts, fc.nat(), text, (texts, pick, rewrite) => {
        const followed = pick % texts.length;
        fc.pre(texts.every((other) => similarity(fingerprintOf(other), fingerprintOf(rewrite)) < 0.5));
        const before = asDay(texts);
        const after = asDay(texts.map((value, index) => (index === followed ? rewrite : value)));
        expect(matchRecords([recordOn(before[followed]!)], after).get(before[followed]!.id)).toBeNull();
      }),
    );
  });
});
