import type {CSSProperties, ReactNode} from 'react';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import utilities from '@site/src/css/utilities.module.css';
import styles from './styles.module.css';

interface Props {
  done: number;
  total: number;
  /** What the bar measures, e.g. "Day 3" or "This week": part of its accessible name. */
  label: string;
  size?: 'small' | 'large';
  className?: string;
  bare?: boolean;
}

/**
 * "done/total" and a bar; the bar is a labelled progressbar for assistive technology. `bare`: the two without a box of
 * their own, for a parent that lays out its children in a row (a day's toolbar, a table cell): a plan page has one per
 * day, and twice on the 14-day plan.
 */
export default function ProgressBar({done, total, label, size = 'small', className, bare = false}: Props): ReactNode {
  if (bare) return <BarParts className={styles.bare} done={done} total={total} label={label} />;
  return (
    <span className={clsx(styles.progress, size === 'large' && styles.large, className)}>
      <BarParts done={done} total={total} label={label} />
    </span>
  );
}

/** The count and the track of one bar, for a parent that lays them out. */
function BarParts({done, total, label, className}: {done: number; total: number; label: string; className?: string}): ReactNode {
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  const text = translate({id: 'progress.bar.text', message: '{done}/{total} done'}, {done, total});
  const complete = done === total && total > 0 && styles.complete;
  return (
    <>
      <span className={clsx(styles.count, className)}>{text}</span>
      <span
        className={clsx(styles.track, complete, className)}
        role="progressbar"
        aria-label={translate({id: 'progress.bar.label', message: '{label} progress'}, {label})}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={text}
        // The filled part is the track's own background, not an element of its own: a plan page shows many bars.
        style={{'--progress-done': `${percent}%`} as CSSProperties}
      />
    </>
  );
}

/**
 * The same measure for both variants of a weekly plan. Both are in the HTML and CSS shows the
 * chosen one (set on <html> before paint), like planned times, so there is no flash. The four parts share one grid
 * (count and track side by side, the hidden variant's row collapsed), without a wrapper per bar.
 */
export function VariantProgressBar({
  done4h,
  total4h,
  done6h,
  total6h,
  label,
  size,
}: {
  done4h: number;
  total4h: number;
  done6h: number;
  total6h: number;
  label: string;
  size?: 'small' | 'large';
}): ReactNode {
  return (
    <span className={clsx(styles.variants, size === 'large' && styles.large)}>
      <BarParts className={utilities.only4h} done={done4h} total={total4h} label={`${label} (4 h plan)`} />
      <BarParts className={utilities.only6h} done={done6h} total={total6h} label={`${label} (6 h plan)`} />
    </span>
  );
}
