import {useMemo, type ReactNode} from 'react';
import {planItems, usePlanPage} from '@site/src/components/PlanPage';
import BlockTimer from '@site/src/components/BlockTimer';
import styles from './styles.module.css';

/** A block, an addition, a topic or a practice item: its Markdown plus its controls. */
export default function PlanItem({itemId, children}: {itemId: string; children: ReactNode}): ReactNode {
  const {plan} = usePlanPage();
  const items = useMemo(() => planItems(plan), [plan]);
  const index = items.findIndex((item) => item.id === itemId);
  const item = items[index];
  const timed = item && (item.kind === 'block' || item.kind === 'addition') && item.duration;
  // "Next" for auto-start: the next timed item of the same day.
  const next = item ? items.slice(index + 1).find((candidate) => candidate.day === item.day && candidate.duration && candidate.kind !== 'topic') : undefined;
  return (
    <div className={styles.item} data-plan-item={itemId}>
      <div className={styles.content}>{children}</div>
      {timed && item.duration && (
        <div className={styles.controls} data-print="hide">
          <BlockTimer itemId={itemId} label={item.label} duration={item.duration} next={next ?? null} />
        </div>
      )}
    </div>
  );
}
