import {readStored} from './schema';
import {decodeReview, dueAt, dueToday, endOfDay, isMarked, setReviewCard, setReviewMark, type ReviewCard} from './review';

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
