import {useMemo, useState, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {translate} from '@docusaurus/Translate';
import {createEmptyCard, fsrs, Rating, type Card, type Grade} from 'ts-fsrs';
import {dayAnchor, dayOfItemId} from '@site/plugins/plan-model/ids';
import {planName} from '@site/src/components/ContinueCard';
import {usePlanData} from '@site/src/hooks/usePlanData';
import {useNow} from '@site/src/hooks/useNow';
import {updateState, useStoredState, dueAt, dueToday, endOfDay, setReviewCard, type ReviewCard, type ReviewMark} from '@site/src/store';
import DetachedRecords from '@site/src/components/DetachedRecords';
import {useAdoptMovedPlans} from '@site/src/hooks/useAdoptMovedPlans';
import {usePlanModels} from '@site/src/hooks/usePlanModels';
import styles from './review.module.css';

// Whole days between reviews from the first answer on: minute-long learning steps would keep a topic "due today" all day.
const scheduler = fsrs({enable_fuzz: false, learning_steps: [], relearning_steps: []});

const GRADES: {grade: Grade; label: string}[] = [
  {grade: Rating.Again, label: translate({id: 'review.again', message: 'Again'})},
  {grade: Rating.Hard, label: translate({id: 'review.hard', message: 'Hard'})},
  {grade: Rating.Good, label: translate({id: 'review.good', message: 'Good'})},
  {grade: Rating.Easy, label: translate({id: 'review.easy', message: 'Easy'})},
];

function toCard(mark: ReviewMark, now: number): Card {
  const stored = mark.card;
  if (!stored) return createEmptyCard(now);
  return {
    due: new Date(stored.due),
    stability: stored.stability,
    difficulty: stored.difficulty,
    elapsed_days: stored.elapsedDays,
    scheduled_days: stored.scheduledDays,
    learning_steps: stored.learningSteps,
    reps: stored.reps,
    lapses: stored.lapses,
    state: stored.state,
    last_review: stored.lastReview === null ? undefined : new Date(stored.lastReview),
  };
}

function fromCard(card: Card): ReviewCard {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as ReviewCard['state'],
    lastReview: card.last_review ? card.last_review.getTime() : null,
  };
}

/** The item's next schedule after an answer given now. */
function schedule(mark: ReviewMark, grade: Grade): ReviewCard {
  const at = Date.now();
  return fromCard(scheduler.next(toCard(mark, at), at, grade).card);
}

const formatDate = (ms: number) => new Date(ms).toLocaleDateString(undefined, {weekday: 'short', year: 'numeric', month: 'short', day: 'numeric'});

/** Items marked "review later" that are due today, oldest first, each asking how well it was recalled; then what comes later. */
export default function ReviewPage(): ReactNode {
  useAdoptMovedPlans();
  const {plans} = usePlanData();
  const isBrowser = useIsBrowser();
  const review = useStoredState((state) => state.review);
  // Loading a plan's model matches its marks to the items as deployed, so none is shown under an item it left.
  usePlanModels(Object.keys(review));
  // Read once after hydration: what is due changes at midnight, not by the second.
  const now = useNow(false);
  const [message, setMessage] = useState('');
  const due = useMemo(() => dueToday(review, now), [review, now]);
  const later = useMemo(() => {
    const end = endOfDay(now);
    return Object.entries(review)
      .flatMap(([planId, marks]) => Object.entries(marks).map(([itemId, mark]) => ({planId, itemId, mark})))
      .filter(({mark}) => dueAt(mark) >= end)
      .sort((a, b) => dueAt(a.mark) - dueAt(b.mark));
  }, [review, now]);

  const where = (planId: string, itemId: string) => {
    const plan = plans.find((candidate) => candidate.id === planId);
    const day = dayOfItemId(itemId) ?? 1;
    const dayText = translate({id: 'review.day', message: 'Day {day}'}, {day});
    return {to: plan ? `${plan.permalink}#${dayAnchor(day)}` : null, text: plan ? `${planName(plan)}, ${dayText}` : `${planId}, ${dayText}`};
  };

  const answer = (planId: string, itemId: string, mark: ReviewMark, grade: Grade, label: string) => {
    const next = schedule(mark, grade);
    const outcome = updateState((state) => ({...state, review: setReviewCard(state.review, planId, itemId, next)}));
    const text = translate(
      {id: 'review.answered', message: '{item}: {grade}. Next review on {date}.'},
      {item: mark.label, grade: label, date: formatDate(next.due)},
    );
    setMessage(outcome === 'saved' ? text : `${text} ${translate({id: 'review.notSaved', message: 'Not saved: this browser refused to store it.'})}`);
  };

  const title = translate({id: 'review.title', message: 'Review'});
  return (
    <Layout
      title={title}
      description={translate({id: 'review.description', message: 'Topics you marked "review later", brought back before you forget them.'})}>
      <main className="container margin-vert--lg">
        <Heading as="h1">{title}</Heading>
        <p>
          {translate({
            id: 'review.intro',
            message:
              'Mark any block, addition, topic or practice item "Review later" on its plan page. It comes back here when it is due; say how well you recalled it and the next review is scheduled (FSRS).',
          })}
        </p>
        <p role="status" className={styles.message}>
          {message}
        </p>
        {isBrowser && (
          <>
            <Heading as="h2">{translate({id: 'review.today', message: 'Due today'})}</Heading>
            {due.length === 0 ? (
              <p>{translate({id: 'review.none', message: 'Nothing to review today.'})}</p>
            ) : (
              <ol className={styles.cards}>
                {due.map(({planId, itemId, mark}) => {
                  const place = where(planId, itemId);
                  return (
                    <li key={`${planId}#${itemId}`} className={styles.card} data-review-card={itemId}>
                      <Heading as="h3" className={styles.cardTitle}>
                        {mark.label}
                      </Heading>
                      <p className={styles.place}>{place.to ? <Link to={place.to}>{place.text}</Link> : place.text}</p>
                      <div
                        role="group"
                        className={styles.grades}
                        aria-label={translate({id: 'review.grades', message: 'How well did you recall {item}?'}, {item: mark.label})}>
                        {GRADES.map(({grade, label}) => (
                          <button
                            key={grade}
                            type="button"
                            className="button button--sm button--outline button--primary"
                            onClick={() => answer(planId, itemId, mark, grade, label)}>
                            {label}
                          </button>
                        ))}
                      </div>
                    </li>
                  );
                })}
              </ol>
            )}
            {later.length > 0 && (
              <>
                <Heading as="h2">{translate({id: 'review.later', message: 'Coming up'})}</Heading>
                <ul className={styles.later}>
                  {later.map(({planId, itemId, mark}) => {
                    const place = where(planId, itemId);
                    return (
                      <li key={`${planId}#${itemId}`} data-review-later={itemId}>
                        {place.to ? <Link to={place.to}>{mark.label}</Link> : mark.label} ({place.text}):{' '}
                        <time dateTime={new Date(dueAt(mark)).toISOString()}>{formatDate(dueAt(mark))}</time>
                      </li>
                    );
                  })}
                </ul>
              </>
            )}
            <DetachedRecords show="review" />
          </>
        )}
      </main>
    </Layout>
  );
}
