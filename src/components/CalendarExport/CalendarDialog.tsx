import {useCallback, useEffect, useId, useRef, useState, type FormEvent, type MouseEvent, type ReactNode} from 'react';
import Translate, {translate} from '@docusaurus/Translate';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type {PlanVariant} from '@site/plugins/plan-model/types';
import {PLAN_VARIANTS} from '@site/plugins/plan-model/ids';
import {usePlanPage} from '@site/src/components/PlanPage';
import {useVariant} from '@site/src/hooks/useVariant';
import {saveTextFile} from '@site/src/lib/files';
import {fileName, formatClock, formatDateInput, nextMonday, planEvents, type ExportRequest} from './events';
import utilities from '@site/src/css/utilities.module.css';
import {onDemand} from '@site/src/lib/onDemand';
import styles from './styles.module.css';

/** The .ics writer (and its validation library) loads only when someone exports, not with every page. */
const icsWriter = onDemand(() => import('./ics'));

interface FormValues {
  startDate: string;
  startTime: string;
  variant: PlanVariant;
  eveningTime: string;
}

function timeZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || translate({id: 'calendar.zone.local', message: 'your local time'});
}

interface Props {
  /** Exports that day only; without it, the whole plan. */
  day?: number;
  /** After the dialog closed, whichever way. */
  onClose: () => void;
  /** After a download, with a sentence saying what was saved. */
  onDownloaded: (status: string) => void;
}

/**
 * The "Add to calendar" form as a modal dialog (Day 1 date, start time, 4h/6h), mounted open: it downloads an .ics
 * file with one event per block, or per session on the intensive plan. Loaded only when someone opens it.
 */
export default function CalendarDialog({day, onClose: onClosed, onDownloaded}: Props): ReactNode {
  const {planId, plan} = usePlanPage();
  const {siteConfig} = useDocusaurusContext();
  const [siteVariant] = useVariant();
  // Defaults are computed when the dialog opens, in the browser, never during server rendering.
  const [values, setValues] = useState<FormValues>(() => ({
    startDate: formatDateInput(day !== undefined ? new Date() : nextMonday(new Date())),
    startTime: '09:00',
    variant: siteVariant,
    eveningTime: '',
  }));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const firstFieldRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const weekly = plan.kind === 'weekly';
  const single = day !== undefined;

  // Every way of closing ends here: Cancel, a download, a click beside the dialog, and Escape, which the browser handles.
  const onClose = useCallback(() => {
    setBusy(false);
    onClosed();
  }, [onClosed]);
  const close = useCallback(() => dialogRef.current?.close(), []);

  // The form is mounted only while open (its time zone and dates are the browser's), so it becomes modal once mounted.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    firstFieldRef.current?.focus();
  }, []);

  const request: ExportRequest = {
    planId,
    plan,
    startDate: values.startDate,
    startTime: values.startTime,
    variant: values.variant,
    eveningTime: values.eveningTime,
    day,
    siteUrl: new URL(siteConfig.baseUrl, siteConfig.url).href,
  };
  const preview = planEvents(request);

  // A click on the backdrop reaches the dialog element itself; clicks on its content have another target.
  const onBackdropClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) close();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = planEvents(request);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setBusy(true);
    const {toIcs} = await icsWriter.get();
    const calendarName = single ? `${plan.title} · Day ${day}` : plan.title;
    const file = toIcs(result.events, calendarName);
    if (!file.ok) {
      setError(file.message);
      setBusy(false);
      return;
    }
    const name = fileName(planId, day);
    saveTextFile(name, file.text, 'text/calendar;charset=utf-8');
    onDownloaded(
      translate(
        {id: 'calendar.status.downloaded', message: 'Downloaded {name} with {count} events. Open it to add them to your calendar.'},
        {name, count: result.events.length},
      ),
    );
    close();
  };

  const set = (field: keyof FormValues) => (event: {target: {value: string}}) => {
    const {value} = event.target;
    setValues((current) => ({...current, [field]: value}));
    setError(null);
  };

  const title = single
    ? translate({id: 'calendar.title.day', message: 'Add Day {day} to your calendar'}, {day})
    : translate({id: 'calendar.title.plan', message: 'Add this plan to your calendar'});
  const firstEvent = preview.ok ? preview.events[0] : undefined;
  const lastEvent = preview.ok ? preview.events[preview.events.length - 1] : undefined;

  return (
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions -- Escape is the keyboard equivalent, built into the modal dialog
    <dialog
      ref={dialogRef}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-zone`}
      className={utilities.modal}
      onClose={onClose}
      onClick={onBackdropClick}>
      <div className={utilities.modalContent}>
        <h2 id={`${id}-title`} className={utilities.modalTitle}>
          {title}
        </h2>
        <form onSubmit={onSubmit} noValidate>
          <div className={styles.field}>
            <label htmlFor={`${id}-date`}>
              {single ? (
                <Translate id="calendar.field.date.day" values={{day}}>
                  {'Date of Day {day}'}
                </Translate>
              ) : (
                <Translate id="calendar.field.date">Date of Day 1</Translate>
              )}
            </label>
            <input ref={firstFieldRef} id={`${id}-date`} type="date" required value={values.startDate} onChange={set('startDate')} />
          </div>
          <div className={styles.field}>
            <label htmlFor={`${id}-time`}>
              {weekly ? (
                <Translate id="calendar.field.time">Daily start time</Translate>
              ) : (
                <Translate id="calendar.field.time.morning">Morning session starts at</Translate>
              )}
            </label>
            <input id={`${id}-time`} type="time" required value={values.startTime} onChange={set('startTime')} />
          </div>
          {weekly ? (
            <fieldset className={styles.field}>
              <legend>
                <Translate id="calendar.field.variant">Plan</Translate>
              </legend>
              {PLAN_VARIANTS.map((variant) => (
                <label key={variant} className={styles.radio}>
                  <input
                    type="radio"
                    name={`${id}-variant`}
                    value={variant}
                    checked={values.variant === variant}
                    onChange={() => setValues((current) => ({...current, variant}))}
                  />{' '}
                  {variant === '4h'
                    ? translate({id: 'calendar.variant.4h', message: '4-hour plan (blocks)'})
                    : translate({id: 'calendar.variant.6h', message: '6-hour plan (blocks + additions)'})}
                </label>
              ))}
            </fieldset>
          ) : (
            <div className={styles.field}>
              <label htmlFor={`${id}-evening`}>
                <Translate id="calendar.field.evening">Evening session starts at (optional)</Translate>
              </label>
              <input id={`${id}-evening`} type="time" value={values.eveningTime} onChange={set('eveningTime')} aria-describedby={`${id}-evening-hint`} />
              <p id={`${id}-evening-hint`} className={styles.hint}>
                <Translate id="calendar.field.evening.hint">Leave empty to start right after the morning session.</Translate>
              </p>
            </div>
          )}
          <p id={`${id}-zone`} className={styles.hint}>
            <Translate id="calendar.zone" values={{zone: timeZoneName()}}>
              {"Events are placed back to back, using each item's shortest planned time, in your time zone ({zone})."}
            </Translate>
          </p>
          {!error && !preview.ok && values.startDate !== '' && (
            <p className={styles.error} aria-live="polite">
              {preview.message}
            </p>
          )}
          {preview.ok && firstEvent && lastEvent && (
            <p className={styles.summary} aria-live="polite">
              {translate(
                {id: 'calendar.summary', message: '{count} events, first {first}, last ends {last}.'},
                {
                  count: preview.events.length,
                  first: `${firstEvent.start.toLocaleDateString()} ${formatClock(firstEvent.start)}`,
                  last: `${lastEvent.end.toLocaleDateString()} ${formatClock(lastEvent.end)}`,
                },
              )}
            </p>
          )}
          {error && (
            <p role="alert" className={styles.error}>
              {error}
            </p>
          )}
          <div className={styles.actions}>
            <button type="submit" className="button button--primary" disabled={busy}>
              <Translate id="calendar.download">Download .ics</Translate>
            </button>
            <button type="button" className="button button--secondary" onClick={close}>
              <Translate id="calendar.cancel">Cancel</Translate>
            </button>
          </div>
        </form>
      </div>
    </dialog>
  );
}
