import {useMemo, type ReactNode} from 'react';
import {planItems, usePlanPage} from '@site/src/components/PlanPage';
import BlockTimer from '@site/src/components/BlockTimer';
import ProgressTick from '@site/src/components/ProgressTick';
import ItemNote from '@site/src/components/ItemNote';
import ReviewToggle from '@site/src/components/ReviewToggle';
import styles from './styles.module.css';

/** A block, an addition, a topic or a practice item: its Markdown plus its controls. */
export default function PlanItem({itemId, children}: {itemId: string; children: ReactNode}): ReactNode {
  const {planId, plan} = usePlanPage();
  const items = useMemo(() => planItems(plan), [plan]);
  const index = items.findIndex((item) => item.id === itemId);
  const item = items[index];
  const timed = item && (item.kind === 'block' || item.kind === 'addition') && item.duration;
  // What "start the next block automatically" runs through: the later timed items of the same day.
  const upcoming = useMemo(
    () => (item ? items.slice(index + 1).filter((candidate) => candidate.day === item.day && candidate.duration) : []),
    [items, index, item],
  );
  return (
    <div className={styles.item} data-plan-item={itemId}>
      <div className={styles.main}>
        {item && item.kind !== 'session' && <ProgressTick planId={planId} itemId={itemId} day={item.day} label={item.label} />}
        <div className={styles.content}>{children}</div>
      </div>
      {timed && item.duration && (
        <div className={styles.controls} data-print="hide">
          <BlockTimer itemId={itemId} label={item.label} duration={item.duration} upcoming={upcoming} />
        </div>
      )}
      {item && item.kind !== 'session' && (
        <div className={styles.extras} data-print="hide">
          <ReviewToggle planId={planId} itemId={itemId} label={item.label} />
          <ItemNote planId={planId} itemId={itemId} label={item.label} />
        </div>
      )}
    </div>
  );
}
