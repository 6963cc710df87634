import {readStored} from './schema';
import {decodeReview, dueAt, dueToday, endOfDay, isMarked, mergeReview, setReviewCard, setReviewMark, type ReviewCard, type ReviewMark} from './review';

const WEEK = 'weeks/week-10/go';
const DAY = Date.parse('2026-03-10T12:00:00Z');
const card = (due: number): ReviewCard => ({
  due,
  stability: 2.3,
  difficulty: 5,
  elapsedDays: 0,
  scheduledDays: 2,
  learningSteps: 0,
  reps: 1,
  lapses: 0,
  state: 2,
  lastReview: DAY,
});

describe('review marks', () => {
  it('a marked item is due at once; unmarking takes it out of the queue and forgets its schedule', () => {
    const marked = setReviewMark({}, WEEK, 'd2-b1', true, 'Block 1 · Channels', DAY);
    expect(isMarked(marked, WEEK, 'd2-b1')).toBe(true);
    expect(dueToday(marked, DAY).map((entry) => entry.itemId)).toEqual(['d2-b1']);
    const scheduled = setReviewCard(marked, WEEK, 'd2-b1', card(DAY + 3 * 86_400_000));
    expect(dueToday(scheduled, DAY)).toEqual([]);
    expect(dueToday(scheduled, DAY + 3 * 86_400_000).map((entry) => entry.itemId)).toEqual(['d2-b1']);
    expect(setReviewMark(scheduled, WEEK, 'd2-b1', false, '', DAY)).toEqual({});
    expect(setReviewCard({}, WEEK, 'd2-b1', card(DAY))).toEqual({});
  });

  it('lists what is due oldest first', () => {
    let review = setReviewMark({}, WEEK, 'd2-b1', true, 'newer', DAY);
    review = setReviewMark(review, WEEK, 'd1-b1', true, 'older', DAY - 1000);
    expect(dueToday(review, DAY).map((entry) => entry.mark.label)).toEqual(['older', 'newer']);
  });

  it('counts anything due before local midnight as due today', () => {
    const end = endOfDay(DAY);
    expect(new Date(end).getHours()).toBe(0);
    expect(end).toBeGreaterThan(DAY);
    expect(end - DAY).toBeLessThanOrEqual(86_400_000);
    const review = setReviewCard(setReviewMark({}, WEEK, 'd2-b1', true, 'x', DAY), WEEK, 'd2-b1', card(end - 1));
    expect(dueAt(review[WEEK]!['d2-b1']!)).toBe(end - 1);
    expect(dueToday(review, DAY)).toHaveLength(1);
  });

  it('refuses impossible ids and reads stored marks tolerantly', () => {
    expect(setReviewMark({}, '__proto__', 'd2-b1', true, 'x', DAY)).toEqual({});
    const {review, dropped} = decodeReview({[WEEK]: {'d2-b1': {markedAt: DAY}, 'd2-b2': {label: 'no time'}, constructor: {markedAt: 1}}});
    expect(review[WEEK]).toEqual({'d2-b1': {label: 'd2-b1', markedAt: DAY, card: null}});
    expect(dropped).toBe(2);
    expect(readStored(JSON.stringify({version: 1, progress: {}})).state.review).toEqual({});
  });
});

describe('merging imported review marks', () => {
  const mark = (markedAt: number, reviewed: Partial<ReviewCard> | null, label = 'Block 1 · Channels'): ReviewMark => ({
    label,
    markedAt,
    card: reviewed && {...card(DAY + 86_400_000), ...reviewed},
  });
  const known = new Map([[WEEK, new Set(['d2-b1', 'd2-b2', 'd3-b1'])]]);

  it('keeps a mark from either side: an import adds marks and never unmarks', () => {
    const here = {[WEEK]: {'d2-b1': mark(DAY, null)}};
    const {review, report} = mergeReview(here, {[WEEK]: {'d3-b1': mark(DAY - 5, {reps: 2})}}, known);
    expect(review).toEqual({[WEEK]: {'d2-b1': mark(DAY, null), 'd3-b1': mark(DAY - 5, {reps: 2})}});
    expect(report).toEqual({added: 1, rescheduled: 0, alreadyThere: 0, unknown: 0, skipped: []});
  });

  it('for an item marked on both sides, keeps the schedule reviewed last, the earlier mark time and the label here', () => {
    const here = {[WEEK]: {'d2-b1': mark(DAY, {lastReview: DAY, reps: 5}, 'here')}};
    const later = mark(DAY - 1000, {lastReview: DAY + 1, reps: 1, due: DAY + 9 * 86_400_000}, 'there');
    const {review, report} = mergeReview(here, {[WEEK]: {'d2-b1': later}});
    expect(review[WEEK]!['d2-b1']).toEqual({label: 'here', markedAt: DAY - 1000, card: later.card});
    expect(report).toMatchObject({added: 0, rescheduled: 1, alreadyThere: 0});

    const earlier = mark(DAY, {lastReview: DAY - 1, reps: 9});
    expect(mergeReview(here, {[WEEK]: {'d2-b1': earlier}}).review).toEqual(here);
  });

  it('on the same last review, keeps the schedule with more reviews; any schedule beats none', () => {
    const here = {[WEEK]: {'d2-b1': mark(DAY, {reps: 2}), 'd2-b2': mark(DAY, null)}};
    const file = {[WEEK]: {'d2-b1': mark(DAY, {reps: 3}), 'd2-b2': mark(DAY, {reps: 1})}};
    const {review, report} = mergeReview(here, file);
    expect(review).toEqual(file);
    expect(report.rescheduled).toBe(2);
    // The other way round nothing changes: a file that never reviewed leaves the schedule here alone.
    expect(mergeReview(file, here).review).toEqual(file);
  });

  it('is idempotent: the same file a second time changes nothing', () => {
    const file = {[WEEK]: {'d2-b1': mark(DAY - 1, {reps: 4}), 'd3-b1': mark(DAY, null)}};
    const once = mergeReview({[WEEK]: {'d2-b1': mark(DAY, {reps: 1})}}, file);
    const twice = mergeReview(once.review, file);
    expect(twice.review).toEqual(once.review);
    expect(twice.report).toMatchObject({added: 0, rescheduled: 0, alreadyThere: 2});
  });

  it('keeps marks for plans and items this site does not have, and counts them', () => {
    const file = {'weeks/week-99/go': {'d1-b1': mark(DAY, null)}, [WEEK]: {'d9-b9': mark(DAY, null), 'd2-b1': mark(DAY, null)}};
    const {review, report} = mergeReview({}, file, known);
    expect(review).toEqual(file);
    expect(report).toMatchObject({added: 3, unknown: 2});
  });

  it('skips entries that are not marks, and keys that cannot be ids, listing each', () => {
    // Parsed from text, as an imported file is: "__proto__" is then an own key, not the object's prototype.
    const entries = JSON.stringify({[WEEK]: {'d2-b1': {label: 'no time'}, 'd2-b2': mark(DAY, null), 'D2 B3': mark(DAY, null)}}).slice(1, -1);
    const file = JSON.parse(`{${entries}, "__proto__": {"d1-b1": ${JSON.stringify(mark(DAY, null))}}, "x": 5}`) as unknown;
    const {review, report} = mergeReview({}, file);
    expect(review).toEqual({[WEEK]: {'d2-b2': mark(DAY, null)}});
    expect(Object.getPrototypeOf(review)).toBeNull();
    expect(report.skipped).toEqual([
      '"weeks/week-10/go" → "d2-b1" is not a review mark',
      '"weeks/week-10/go" → "D2 B3" is not a review mark',
      '"__proto__" is not a plan\'s review marks',
      '"x" is not a plan\'s review marks',
    ]);
    expect(mergeReview({}, [1, 2]).review).toEqual({});
  });
});
