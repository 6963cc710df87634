import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {translate} from '@docusaurus/Translate';
import {useNow} from '@site/src/hooks/useNow';
import {useStoredState, dueToday} from '@site/src/store';
import styles from './styles.module.css';

/** "N to review today", linking to the review page; nothing when nothing is due. The server and hydrating render see no marks. */
export default function ReviewDue(): ReactNode {
  const review = useStoredState((state) => state.review);
  const now = useNow(false);
  const count = dueToday(review, now).length;
  if (count === 0) return null;
  return (
    <p className={styles.reviewDue}>
      <Link to="/review" data-review-due>
        {count === 1
          ? translate({id: 'review.due.one', message: '1 to review today'})
          : translate({id: 'review.due.many', message: '{count} to review today'}, {count})}
      </Link>
    </p>
  );
}
