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
}

/**
 * "done/total" and a bar, as one element: the labelled progressbar holds the count as its text and draws the track
 * after it (styles.module.css). A plan page shows one per day, twice on the 14-day plan, so a box, a count and a
 * track of their own would be three elements where one does.
 */
export default function ProgressBar({done, total, label, size = 'small', className}: Props): ReactNode {
  return <Bar done={done} total={total} label={label} className={clsx(size === 'large' && styles.large, className)} />;
}

const barText = (done: number, total: number): string => translate({id: 'progress.bar.text', message: '{done}/{total} done'}, {done, total});

/**
 * The bar. `counts`: the count is drawn by CSS from these (data attributes) instead of written, before the page runs
 * (VariantProgressBar).
 */
function Bar({
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
  return (
    <span
      className={clsx(styles.bar, done === total && total > 0 && styles.complete, className)}
      role="progressbar"
      aria-label={translate({id: 'progress.bar.label', message: '{label} progress'}, {label})}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      aria-valuetext={text}
      // The filled part of the track is a background stop, not an element of its own.
      style={{'--progress-done': `${percent}%`} as CSSProperties}
      {...counts}>
      {counts ? null : text}
    </span>
  );
}

/**
 * The same measure for both variants of a weekly plan, shown for the chosen one. The server HTML (and the hydrating
 * render) hold one bar: nothing is ticked there, and the count of the variant <html> names (set before paint) is drawn
 * by CSS from the two totals, so there is no flash and no second bar. Once the page is running the bar names its
 * variant, and its count becomes text as soon as something is ticked in either variant. While nothing is, the drawn
 * count is already right for both, and the bar's contents stay as the server wrote them: turning the count into text
 * at hydration made the browser lay out the week's overview table, and the page under it, again on every load.
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
  const className = size === 'large' ? styles.large : undefined;
  const six = running && variant === '6h';
  const drawn = done4h === 0 && done6h === 0;
  return (
    <Bar
      done={six ? done6h : done4h}
      total={six ? total6h : total4h}
      label={running ? `${label} (${six ? '6 h' : '4 h'} plan)` : label}
      className={className}
      counts={drawn ? {'data-count-4h': barText(0, total4h), 'data-count-6h': barText(0, total6h)} : undefined}
    />
  );
}
