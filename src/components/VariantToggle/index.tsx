import {useId, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import type {PlanVariant} from '@site/plugins/plan-model/types';
import {useVariant} from '@site/src/hooks/useVariant';
import styles from './styles.module.css';

const OPTIONS: {value: PlanVariant; label: string; hint: string}[] = [
  {
    value: '4h',
    label: translate({id: 'plan.variant.4h', message: '4-hour plan'}),
    hint: translate({id: 'plan.variant.4h.hint', message: 'core blocks'}),
  },
  {
    value: '6h',
    label: translate({id: 'plan.variant.6h', message: '6-hour plan'}),
    hint: translate({id: 'plan.variant.6h.hint', message: 'core blocks + additions'}),
  },
];

const QUESTION = translate({id: 'plan.variant.legend', message: 'How many hours do you have today?'});

/** The site-wide 4h/6h choice: native radios, so arrow keys and screen readers work as expected. */
export default function VariantToggle({compact = false}: {compact?: boolean}): ReactNode {
  const [variant, setVariant] = useVariant();
  const name = useId();
  const options = OPTIONS.map((option) => (
    <label key={option.value} className={compact ? `${styles.option} ${styles.label}` : styles.option}>
      <input
        type="radio"
        name={name}
        value={option.value}
        checked={variant === option.value}
        onChange={() => setVariant(option.value)}
        className={styles.input}
      />
      {compact ? (
        // Every day of a plan carries the compact toggle: its name alone, the label itself drawn as the face.
        option.label
      ) : (
        <span className={styles.face}>
          <span className={styles.label}>{option.label}</span>
          {/* A space the flex layout ignores: the radio's name reads "4-hour plan core blocks" even where styles do not apply. */}{' '}
          <span className={styles.hint}>{option.hint}</span>
        </span>
      )}
    </label>
  ));
  // The compact toggle says its question to assistive technology only, so the fieldset itself lays out the options.
  return compact ? (
    <fieldset className={`${styles.toggle} ${styles.compact} ${styles.options}`} aria-label={QUESTION} data-print="hide">
      {options}
    </fieldset>
  ) : (
    <fieldset className={styles.toggle} data-print="hide">
      <legend className={styles.legend}>{QUESTION}</legend>
      <div className={styles.options}>{options}</div>
    </fieldset>
  );
}
