import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import {updateState, useStoredState} from '@site/src/store';
import {isMarked, setReviewMark} from '@site/src/store/review';
import utilities from '@site/src/css/utilities.module.css';
import styles from './styles.module.css';

/** "Review later" on one item: pressed, the item joins the review queue at once; released, it leaves it. Ticks stay as they are. */
export default function ReviewToggle({planId, itemId, label}: {planId: string; itemId: string; label: string}): ReactNode {
  const marked = useStoredState((state) => isMarked(state.review, planId, itemId));
  return (
    <button
      type="button"
      className={`${utilities.itemAction} ${styles.pressed}`}
      aria-pressed={marked}
      onClick={() => updateState((state) => ({...state, review: setReviewMark(state.review, planId, itemId, !marked, label, Date.now())}))}
      data-review-toggle={itemId}>
      {marked && (
        <span aria-hidden="true" className={styles.check}>
          ✓
        </span>
      )}
      {translate({id: 'review.toggle', message: 'Review later'})}{' '}
      <span className={utilities.visuallyHidden}>{translate({id: 'review.toggle.item', message: 'for {label}'}, {label})}</span>
    </button>
  );
}
