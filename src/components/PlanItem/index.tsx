import type {ReactNode} from 'react';
import {planItemsInOrder, usePlanPage} from '@site/src/components/PlanPage';
import BlockTimer from '@site/src/components/BlockTimer';
import ProgressTick from '@site/src/components/ProgressTick';
import ItemNote from '@site/src/components/ItemNote';
import ReviewToggle from '@site/src/components/ReviewToggle';
import styles from './styles.module.css';

/**
 * A block, an addition, a topic or a practice item: the list item itself (the remark plugin puts it in its list in
 * place of the Markdown's item), its Markdown plus its controls. A plan page holds dozens of these, so every element
 * here is multiplied: the tick box, the item's Markdown, the timer, "Review later" and the note are all children of
 * the one `<li>`, a grid (styles.module.css places them), with no wrapper that only carries layout.
 */
export default function PlanItem({itemId, children}: {itemId: string; children: ReactNode}): ReactNode {
  const {planId, plan} = usePlanPage();
  const {items, indexOf} = planItemsInOrder(plan);
  const index = indexOf.get(itemId) ?? -1;
  const item = items[index];
  const tickable = item !== undefined && item.kind !== 'session';
  const timed = item && (item.kind === 'block' || item.kind === 'addition') && item.duration;
  return (
    <li className={styles.item} data-plan-item={itemId}>
      {tickable && <ProgressTick planId={planId} itemId={itemId} day={item.day} label={item.label} />}
      {children}
      {timed && item.duration && (
        <BlockTimer
          itemId={itemId}
          label={item.label}
          duration={item.duration}
          // What "start the next block automatically" runs through: the later timed items of the same day.
          upcoming={items.slice(index + 1).filter((candidate) => candidate.day === item.day && candidate.duration)}
          className={styles.timer}
        />
      )}
      {tickable && (
        <>
          <ReviewToggle planId={planId} itemId={itemId} label={item.label} />
          <ItemNote planId={planId} itemId={itemId} label={item.label} />
        </>
      )}
    </li>
  );
}
