import type {ReactNode} from 'react';
import Translate from '@docusaurus/Translate';
import clsx from 'clsx';
import type {PlanVariant} from '@site/plugins/plan-model/types';
import styles from './styles.module.css';

/**
 * A day's "4-Hour Plan" or "6-Hour Plan" section. The 6-hour additions are marked as
 * added and hidden by CSS while the 4h plan is chosen, so the server HTML holds both.
 */
export default function VariantSection({variant, children}: {variant: PlanVariant; children: ReactNode}): ReactNode {
  return (
    <div className={clsx(styles.section, variant === '6h' && styles.additions)} data-variant-section={variant}>
      {variant === '6h' && (
        <p className={styles.badge}>
          <Translate id="plan.additions.badge">Added in the 6-hour plan</Translate>
        </p>
      )}
      {children}
    </div>
  );
}
