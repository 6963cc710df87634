import {useCallback, useEffect, useId, useRef, useState, type FormEvent, type MouseEvent, type ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import {PLAN_VARIANTS, type PlanVariant} from '@site/plugins/plan-model/ids';
import {planName} from '@site/src/components/ContinueCard';
import {useFollowActions} from '@site/src/hooks/useFollows';
import {usePlanData, weeklyPlans} from '@site/src/hooks/usePlanData';
import {EVERY_DAY, guidePlanIds} from '@site/src/schedule';
import {isLocalDate, MAX_FOLLOWS} from '@site/src/store';
import utilities from '@site/src/css/utilities.module.css';
import styles from './styles.module.css';

/** Weekday names from Monday, as most study weeks are read; the value is 0 = Sunday … 6 = Saturday. */
const WEEKDAYS: {value: number; name: string}[] = [
  {value: 1, name: translate({id: 'follow.weekday.mon', message: 'Monday'})},
  {value: 2, name: translate({id: 'follow.weekday.tue', message: 'Tuesday'})},
  {value: 3, name: translate({id: 'follow.weekday.wed', message: 'Wednesday'})},
  {value: 4, name: translate({id: 'follow.weekday.thu', message: 'Thursday'})},
  {value: 5, name: translate({id: 'follow.weekday.fri', message: 'Friday'})},
  {value: 6, name: translate({id: 'follow.weekday.sat', message: 'Saturday'})},
  {value: 0, name: translate({id: 'follow.weekday.sun', message: 'Sunday'})},
];

type Scope = 'plan' | 'guide';

interface FormValues {
  scope: Scope;
  fromWeek: number;
  start: string;
  variant: PlanVariant;
  weekdays: number[];
}

interface Props {
  planId: string;
  guide: boolean;
  /** The trigger's text, the dialog's title on the roadmap. */
  title: string;
  /** The reader's today, the default start date. */
  start: string;
  siteVariant: PlanVariant;
  /** Called once the dialog has closed, with the start date of the follow it added (null when cancelled). */
  onClose: (startedOn: string | null) => void;
}

/** The modal form of "Follow this plan", loaded when it opens. */
export default function FollowDialog({planId, guide, title, start, siteVariant, onClose}: Props): ReactNode {
  const {plans} = usePlanData();
  const {follow} = useFollowActions();
  const plan = plans.find((candidate) => candidate.id === planId);
  const weekly = plan?.kind === 'weekly' ? plan : null;
  const trackWeeks = weekly ? weeklyPlans(plans).filter((other) => other.track === weekly.track) : [];
  const [values, setValues] = useState<FormValues>({
    scope: guide ? 'guide' : 'plan',
    fromWeek: weekly?.week ?? 1,
    start,
    variant: siteVariant,
    weekdays: [...EVERY_DAY],
  });
  const [error, setError] = useState<string | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const firstFieldRef = useRef<HTMLInputElement>(null);
  // The start date of the follow just added, for the trigger's status line once the dialog closes.
  const followed = useRef<string | null>(null);
  const id = useId();

  const close = useCallback(() => dialogRef.current?.close(), []);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    firstFieldRef.current?.focus();
  }, []);

  if (!plan) return null;

  const onBackdropClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) close();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!isLocalDate(values.start)) {
      setError(translate({id: 'follow.error.date', message: 'Enter the start date as a calendar date, e.g. 2026-03-02.'}));
      return;
    }
    if (values.weekdays.length === 0) {
      setError(translate({id: 'follow.error.weekdays', message: 'Choose at least one weekday to study on.'}));
      return;
    }
    const planIds = values.scope === 'guide' && weekly ? guidePlanIds(plans, weekly.track, values.fromWeek) : [planId];
    const added = follow({
      planIds,
      start: values.start,
      variant: values.variant === siteVariant ? null : values.variant,
      weekdays: [...values.weekdays].sort((a, b) => a - b),
      shifts: [],
      skipBefore: 0,
      catchUpBefore: 0,
    });
    if (!added) {
      setError(
        translate(
          {
            id: 'follow.error.full',
            message: 'You follow {max} plans already, the most this site keeps. Stop following one (on Today or on its plan page) to follow this one.',
          },
          {max: MAX_FOLLOWS},
        ),
      );
      return;
    }
    followed.current = values.start;
    close();
  };

  const toggleWeekday = (value: number) => {
    setValues((current) => ({
      ...current,
      weekdays: current.weekdays.includes(value) ? current.weekdays.filter((day) => day !== value) : [...current.weekdays, value],
    }));
    setError(null);
  };

  return (
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- Escape is the keyboard equivalent, built into the modal dialog
    <dialog ref={dialogRef} aria-labelledby={`${id}-title`} className={utilities.modal} onClose={() => onClose(followed.current)} onClick={onBackdropClick}>
      <div className={utilities.modalContent}>
        <h2 id={`${id}-title`} className={utilities.modalTitle}>
          {guide ? title : translate({id: 'follow.title', message: 'Follow {plan}'}, {plan: planName(plan)})}
        </h2>
        <form onSubmit={onSubmit} noValidate>
          {weekly && !guide && (
            <fieldset className={styles.field}>
              <legend>
                <Translate id="follow.field.scope">What to follow</Translate>
              </legend>
              <label className={styles.choice}>
                <input
                  type="radio"
                  name={`${id}-scope`}
                  checked={values.scope === 'plan'}
                  onChange={() => setValues((current) => ({...current, scope: 'plan'}))}
                />{' '}
                {translate({id: 'follow.scope.week', message: 'This week only'})}
              </label>
              <label className={styles.choice}>
                <input
                  type="radio"
                  name={`${id}-scope`}
                  checked={values.scope === 'guide'}
                  onChange={() => setValues((current) => ({...current, scope: 'guide'}))}
                />{' '}
                {translate(
                  {id: 'follow.scope.guide', message: 'The 16-week guide from this week ({count} weekly plans)'},
                  {count: guidePlanIds(plans, weekly.track, weekly.week).length},
                )}
              </label>
            </fieldset>
          )}
          {weekly && guide && (
            <div className={styles.field}>
              <label htmlFor={`${id}-week`}>
                <Translate id="follow.field.fromWeek">From week</Translate>
              </label>
              <select
                id={`${id}-week`}
                value={values.fromWeek}
                onChange={(event) => setValues((current) => ({...current, fromWeek: Number(event.target.value)}))}>
                {trackWeeks.map((other) => (
                  <option key={other.id} value={other.week}>
                    {other.title}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className={styles.field}>
            <label htmlFor={`${id}-start`}>
              <Translate id="follow.field.start">Start date (Day 1)</Translate>
            </label>
            <input
              ref={firstFieldRef}
              id={`${id}-start`}
              type="date"
              required
              value={values.start}
              onChange={(event) => {
                const start = event.target.value;
                setValues((current) => ({...current, start}));
                setError(null);
              }}
            />
          </div>
          {weekly && (
            <fieldset className={styles.field}>
              <legend>
                <Translate id="follow.field.variant">Hours a day</Translate>
              </legend>
              {PLAN_VARIANTS.map((variant) => (
                <label key={variant} className={styles.choice}>
                  <input
                    type="radio"
                    name={`${id}-variant`}
                    checked={values.variant === variant}
                    onChange={() => setValues((current) => ({...current, variant}))}
                  />{' '}
                  {variant === '4h'
                    ? translate({id: 'follow.variant.4h', message: '4 hours (blocks)'})
                    : translate({id: 'follow.variant.6h', message: '6 hours (blocks and additions)'})}
                </label>
              ))}
            </fieldset>
          )}
          <fieldset className={styles.field}>
            <legend>
              <Translate id="follow.field.weekdays">Study on</Translate>
            </legend>
            <div className={styles.weekdays}>
              {WEEKDAYS.map((weekday) => (
                <label key={weekday.value} className={styles.choice}>
                  <input type="checkbox" checked={values.weekdays.includes(weekday.value)} onChange={() => toggleWeekday(weekday.value)} /> {weekday.name}
                </label>
              ))}
            </div>
            <p className={styles.hint}>
              <Translate id="follow.field.weekdays.hint">The plan's days move onto these weekdays; other days are rest days.</Translate>
            </p>
          </fieldset>
          {error && (
            <p className={styles.error} role="alert">
              {error}
            </p>
          )}
          <div className={styles.actions}>
            <button type="submit" className="button button--primary">
              <Translate id="follow.submit">Follow</Translate>
            </button>
            <button type="button" className="button button--secondary" onClick={close}>
              <Translate id="follow.cancel">Cancel</Translate>
            </button>
          </div>
        </form>
      </div>
    </dialog>
  );
}
