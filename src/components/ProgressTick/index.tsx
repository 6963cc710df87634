import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import {useSetTick, useTicked} from '@site/src/hooks/useProgress';
import utilities from '@site/src/css/utilities.module.css';
import styles from './styles.module.css';

interface Props {
  planId: string;
  itemId: string;
  day: number;
  /** What is done, e.g. "Block 1 · Concepts": the box's accessible name is "Done: <label>". */
  label: string;
}

/** A native check box that marks one plan item done; the tick is stored at once and shared with other tabs. */
export default function ProgressTick({planId, itemId, day, label}: Props): ReactNode {
  const ticked = useTicked(planId, itemId);
  const setTick = useSetTick(planId);
  const name = translate({id: 'progress.tick.label', message: 'Done: {label}'}, {label});
  return (
    // The box's name repeats the item's text, which the search index already has from the item itself.
    <label className={styles.tick} title={name} data-search="ignore">
      <input
        type="checkbox"
        className={styles.input}
        checked={ticked}
        onChange={(event) => setTick(itemId, day, event.currentTarget.checked)}
        data-progress-item={itemId}
      />
      <span className={utilities.visuallyHidden}>{name}</span>
    </label>
  );
}
