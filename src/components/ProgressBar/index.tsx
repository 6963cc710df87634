import type {CSSProperties, ReactNode} from 'react';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {useVariant} from '@site/src/hooks/useVariant';
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

const barText = (done: number, total: number): string => translate({id: 'progress.bar.text', message: '{done}/{total} done'}, {done, total});

/**
 * The count and the track of one bar, for a parent that lays them out. `counts`: the count is drawn by CSS from these
 * (data attributes) instead of written, before the page runs (VariantProgressBar).
 */
function BarParts({
  done,
  total,
  label,
  className,
  counts,
}: {
  done: number;
  total: number;
  label: string;
  className?: string;
  counts?: Record<'data-count-4h' | 'data-count-6h', string>;
}): ReactNode {
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  const text = barText(done, total);
  const complete = done === total && total > 0 && styles.complete;
  return (
    <>
      <span className={clsx(styles.count, className)} {...counts}>
        {counts ? null : text}
      </span>
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
 * The same measure for both variants of a weekly plan, shown for the chosen one. The server HTML (and the hydrating
 * render) hold one count and one bar: nothing is ticked there, and the count of the variant <html> names (set before
 * paint) is drawn by CSS from the two totals, so there is no flash and no second bar. Once the page is running, the
 * count is text and the bar names its variant; a change of variant re-renders it.
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
  const running = useIsBrowser();
  const [variant] = useVariant();
  const box = clsx(styles.variants, size === 'large' && styles.large);
  if (!running) {
    return (
      <span className={box}>
        <BarParts done={0} total={total4h} label={label} counts={{'data-count-4h': barText(0, total4h), 'data-count-6h': barText(0, total6h)}} />
      </span>
    );
  }
  const six = variant === '6h';
  return (
    <span className={box}>
      <BarParts done={six ? done6h : done4h} total={six ? total6h : total4h} label={`${label} (${six ? '6 h' : '4 h'} plan)`} />
    </span>
  );
}
