import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {translate} from '@docusaurus/Translate';
import {useStoredState, countDetached} from '@site/src/store';
import styles from './styles.module.css';

const plural = (count: number, one: string, many: string): string => (count === 0 ? '' : `${count} ${count === 1 ? one : many}`);

/** "2 ticks and 1 note", "1 review mark": what a plan's detached records hold, in words. */
export function describeDetached(counts: ReturnType<typeof countDetached>): string {
  const parts = [
    plural(counts.ticks, 'tick', 'ticks'),
    plural(counts.notes, 'note', 'notes'),
    plural(counts.marks, 'review mark', 'review marks'),
    plural(counts.logged, 'time log', 'time logs'),
  ].filter(Boolean);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}`;
}

/**
 * Says once, at the top of a plan, that some of the reader's records belong to items the plan no longer has, and
 * where to find them. Nothing shows during the server render and hydration (the store is not read yet).
 */
export default function DetachedNotice({planId}: {planId: string}): ReactNode {
  // A string, so the store hook re-renders only when the sentence changes.
  const summary = useStoredState((state) => describeDetached(countDetached(state.detached, planId)));
  if (!summary) return null;
  const onlyMarks = !/tick|note|time/.test(summary);
  return (
    <p className={styles.notice} role="note" data-detached-notice>
      {translate(
        {id: 'detached.notice', message: '{records} {verb} to items no longer in this plan.'},
        {records: summary, verb: /^1 [a-z ]+$/.test(summary) ? 'belongs' : 'belong'},
      )}{' '}
      <Link to={onlyMarks ? '/review#detached' : '/notes#detached'}>
        {translate({id: 'detached.notice.link', message: 'See them, re-attach or delete them'})}
      </Link>
    </p>
  );
}
