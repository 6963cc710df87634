import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import {useSetTick, useTicked} from '@site/src/hooks/useProgress';
import styles from './styles.module.css';

interface Props {
  planId: string;
  itemId: string;
  day: number;
  /** What is done, e.g. "Block 1 · Concepts": the box's accessible name is "Done: <label>". */
  label: string;
}

/**
 * A native check box that marks one plan item done; the tick is stored at once and shared with other tabs. One
 * element: the name is an attribute (no wrapper, no hidden text), and the box draws its own 32px hit area.
 */
export default function ProgressTick({planId, itemId, day, label}: Props): ReactNode {
  const ticked = useTicked(planId, itemId);
  const setTick = useSetTick(planId);
  const name = translate({id: 'progress.tick.label', message: 'Done: {label}'}, {label});
  return (
    <input
      type="checkbox"
      className={styles.tick}
      title={name}
      aria-label={name}
      checked={ticked}
      onChange={(event) => setTick(itemId, day, event.currentTarget.checked)}
      data-progress-item={itemId}
      // Paper gets an empty box drawn by the print styles instead.
      data-print="hide"
    />
  );
}
