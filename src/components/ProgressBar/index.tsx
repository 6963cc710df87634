import type {ReactNode} from 'react';
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
}

/** "done/total" and a bar; the bar is a labelled progressbar for assistive technology. */
export default function ProgressBar({done, total, label, size = 'small', className}: Props): ReactNode {
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  const text = translate({id: 'progress.bar.text', message: '{done}/{total} done'}, {done, total});
  return (
    <span className={clsx(styles.progress, size === 'large' && styles.large, done === total && total > 0 && styles.complete, className)}>
      <span className={styles.count}>{text}</span>
      <span
        className={styles.track}
        role="progressbar"
        aria-label={translate({id: 'progress.bar.label', message: '{label} progress'}, {label})}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={text}>
        <span className={styles.fill} style={{width: `${percent}%`}} />
      </span>
    </span>
  );
}

/**
 * The same measure for both variants of a weekly plan. Both are in the HTML and CSS shows the
 * chosen one (set on <html> before paint), like planned times, so there is no flash.
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
    <span className={styles.variants}>
      <ProgressBar className={utilities.only4h} done={done4h} total={total4h} label={`${label} (4 h plan)`} size={size} />
      <ProgressBar className={utilities.only6h} done={done6h} total={total6h} label={`${label} (6 h plan)`} size={size} />
    </span>
  );
}
