import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import {updateState, useStoredState, isMarked, setReviewMark} from '@site/src/store';
import utilities from '@site/src/css/utilities.module.css';
import styles from './styles.module.css';

/**
 * "Review later" on one item: pressed, the item joins the review queue at once; released, it leaves it. Ticks stay as
 * they are. One element: the item it is for is in the name, which begins with the words shown (Label in Name); the
 * check mark of a pressed button is drawn by CSS.
 */
export default function ReviewToggle({planId, itemId, label}: {planId: string; itemId: string; label: string}): ReactNode {
  const marked = useStoredState((state) => isMarked(state.review, planId, itemId));
  const visible = translate({id: 'review.toggle', message: 'Review later'});
  return (
    <button
      type="button"
      className={`${utilities.itemAction} ${styles.pressed}`}
      aria-pressed={marked}
      aria-label={`${visible} ${translate({id: 'review.toggle.item', message: 'for {label}'}, {label})}`}
      onClick={() => updateState((state) => ({...state, review: setReviewMark(state.review, planId, itemId, !marked, label, Date.now())}))}
      data-review-toggle={itemId}>
      {visible}
    </button>
  );
}
