import {useId, useState, type FormEvent, type ReactNode} from 'react';
import Heading from '@theme/Heading';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import {formatMinutes} from '@site/plugins/plan-model/duration';
import type {PlanSummary} from '@site/plugins/plan-data/data';
import {saveTextFile} from '@site/src/lib/files';
import {scheduleEvents, type ScheduleEntry} from '@site/src/schedule/calendar';
import {planItems, type PlanItemInfo} from '@site/src/components/PlanPage';
import {planName} from '@site/src/components/ContinueCard';
import {useFollowActions} from '@site/src/hooks/useFollows';
import {usePlanData} from '@site/src/hooks/usePlanData';
import {usePlanModels} from '@site/src/hooks/usePlanModels';
import {useVariant} from '@site/src/hooks/useVariant';
import {catchUp, followStatus, formatDate, scheduleDays, shift, skip, type ScheduleDay} from '@site/src/schedule';
import {useStoredState, type FollowedPlan} from '@site/src/store';
import TodayDay from './TodayDay';
import {onDemand} from '@site/src/lib/onDemand';
import styles from './styles.module.css';

/** The .ics writer loads only when someone exports. */
const icsWriter = onDemand(() => import('@site/src/components/CalendarExport/ics'));

interface Props {
  follow: FollowedPlan;
  /** The reader's local date, `YYYY-MM-DD`. */
  today: string;
}

/** How a followed plan is named: one plan by its name, several by the first and how many follow it. */
export function followName(follow: FollowedPlan, plans: readonly PlanSummary[]): string {
  const first = plans.find((plan) => plan.id === follow.planIds[0]);
  const name = first ? planName(first) : follow.planIds[0]!;
  return follow.planIds.length > 1
    ? translate({id: 'today.follow.guide', message: 'The guide from {name} ({count} weeks)'}, {name, count: follow.planIds.length})
    : name;
}

/** One followed plan on the Today page: where it stands, today's day with tick boxes and timers, overdue items and the three choices. */
export default function FollowedToday({follow, today}: Props): ReactNode {
  const {plans} = usePlanData();
  // Labels and durations come from each plan's own module, loaded by id; until it arrives, days show without entries.
  const models = usePlanModels(follow.planIds);
  const [siteVariant] = useVariant();
  const ticks = useStoredState((state) => state.progress);
  const {change, stop} = useFollowActions();
  const headingId = useId();
  const variant = follow.variant ?? siteVariant;
  const days = scheduleDays(follow, plans, variant);
  const status = followStatus(follow, days, ticks, today);
  const plansById = new Map(plans.map((plan) => [plan.id, plan]));
  const entriesOf = (day: ScheduleDay): PlanItemInfo[] => {
    const model = models.get(day.planId);
    const entries = model ? planItems(model).filter((item) => item.day === day.day) : [];
    // Sessions have no tick box but a timer; every other entry is on the day when its id is one the follow ticks.
    return entries.filter((entry) => entry.kind === 'session' || day.itemIds.includes(entry.id));
  };
  const dayName = (day: ScheduleDay) => {
    const plan = plansById.get(day.planId);
    const prefix = plan && follow.planIds.length > 1 ? `${planName(plan)} · ` : '';
    return translate({id: 'today.day.name', message: '{prefix}Day {day}: {title}'}, {prefix, day: day.day, title: day.title});
  };
  const dayLink = (day: ScheduleDay) => {
    const plan = plansById.get(day.planId);
    const anchor = plan?.days.find((candidate) => candidate.number === day.day)?.anchor;
    return plan ? `${plan.permalink}${anchor ? `#${anchor}` : ''}` : '/';
  };
  const done = (day: ScheduleDay) => day.itemIds.filter((itemId) => ticks[day.planId]?.[itemId] !== undefined).length;

  return (
    <section className={styles.follow} aria-labelledby={headingId} data-follow={follow.id}>
      <Heading as="h2" id={headingId} className={styles.followHeading}>
        {followName(follow, plans)}
      </Heading>
      <p className={styles.meta}>
        {translate(
          {id: 'today.follow.meta', message: 'Started {start} · {variant} days · {done} of {total} items done'},
          {start: formatDate(follow.start), variant, done: status.itemsDone, total: status.itemsTotal},
        )}
      </p>

      {status.phase === 'before' && days[0] && (
        <p>
          {status.startsInDays === 1
            ? translate({id: 'today.before.one', message: 'Starts tomorrow ({date}).'}, {date: formatDate(follow.start)})
            : translate({id: 'today.before', message: 'Starts in {days} days ({date}).'}, {days: status.startsInDays, date: formatDate(follow.start)})}{' '}
          <Link to={dayLink(days[0])}>{translate({id: 'today.before.link', message: 'Read Day 1: {title}'}, {title: days[0].title})}</Link>
        </p>
      )}

      {status.phase === 'after' && (
        <p data-summary>
          {translate(
            {id: 'today.after', message: 'Its last day was {date}. You ticked {done} of {total} items.'},
            {date: status.lastDate ? formatDate(status.lastDate) : '', done: status.itemsDone, total: status.itemsTotal},
          )}
        </p>
      )}

      {status.phase === 'during' && status.today.length === 0 && status.next && (
        <p>
          {translate({id: 'today.rest', message: 'A rest day. Next: {day} on {date}.'}, {day: dayName(status.next.day), date: formatDate(status.next.date)})}
        </p>
      )}

      {status.today.map((day) => {
        const model = models.get(day.planId);
        const meta = (
          <p className={styles.dayMeta} data-day-progress>
            {translate(
              {id: 'today.day.progress', message: '{done} of {total} done · {minutes} planned'},
              {done: done(day), total: day.itemIds.length, minutes: formatMinutes(day.minutes)},
            )}
            <span data-print="hide">
              {' · '}
              <Link to={dayLink(day)}>{translate({id: 'today.day.open', message: 'Open on its plan page'})}</Link>
            </span>
          </p>
        );
        return model ? (
          <TodayDay key={day.index} planId={day.planId} plan={model} day={day.day} title={dayName(day)} meta={meta} itemIds={day.itemIds} variant={variant} />
        ) : (
          <div key={day.index} className={styles.day} data-today-day={day.day}>
            <Heading as="h3" className={styles.dayHeading}>
              {dayName(day)}
            </Heading>
            {meta}
          </div>
        );
      })}

      {status.catchUp.length > 0 && (
        <div className={styles.day}>
          <Heading as="h3" className={styles.dayHeading}>
            <Translate id="today.catchUp.heading">Catching up</Translate>
          </Heading>
          {status.catchUp.map((entry) => {
            const model = models.get(entry.day.planId);
            const meta = (
              <p className={styles.dayMeta}>
                {translate({id: 'today.catchUp.day', message: '{day} (was due {date})'}, {day: dayName(entry.day), date: formatDate(entry.date)})}
              </p>
            );
            return model ? (
              <TodayDay
                key={entry.day.index}
                planId={entry.day.planId}
                plan={model}
                day={entry.day.day}
                title={dayName(entry.day)}
                meta={meta}
                itemIds={entry.itemIds}
                variant={variant}
                tools={false}
              />
            ) : (
              <div key={entry.day.index}>{meta}</div>
            );
          })}
        </div>
      )}

      {status.overdue.length > 0 && (
        <div className={styles.overdue} data-overdue>
          <Heading as="h3" className={styles.dayHeading}>
            {translate(
              {id: 'today.overdue.heading', message: 'Overdue: {count} unticked items'},
              {count: status.overdue.reduce((sum, entry) => sum + entry.itemIds.length, 0)},
            )}
          </Heading>
          <ol className={styles.overdueList}>
            {status.overdue.map((entry) => (
              <li key={entry.day.index}>
                <Link to={dayLink(entry.day)}>{dayName(entry.day)}</Link> · {formatDate(entry.date)}
                <ul>
                  {entriesOf(entry.day)
                    .filter((item) => entry.itemIds.includes(item.id))
                    .map((item) => (
                      <li key={item.id} data-overdue-item={item.id}>
                        {item.label}
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ol>
          <ul className={styles.choices}>
            <li>
              <button type="button" className="button button--sm button--primary" onClick={() => change(catchUp(follow, status))}>
                <Translate id="today.choice.catchUp">Catch up</Translate>
              </button>
              <span>
                <Translate id="today.choice.catchUp.text">Keep the dates: the overdue items show under today until you tick them.</Translate>
              </span>
            </li>
            <li>
              <button type="button" className="button button--sm button--primary" onClick={() => change(shift(follow, status, today))}>
                <Translate id="today.choice.shift">Shift</Translate>
              </button>
              <span>
                <Translate id="today.choice.shift.text">
                  The oldest unfinished day becomes today’s, and every later day moves by the same number of days.
                </Translate>
              </span>
            </li>
            <li>
              <button type="button" className="button button--sm button--secondary" onClick={() => change(skip(follow, status))}>
                <Translate id="today.choice.skip">Skip</Translate>
              </button>
              <span>
                <Translate id="today.choice.skip.text">Leave them unticked and go on with today’s day.</Translate>
              </span>
            </li>
          </ul>
        </div>
      )}

      {status.phase === 'during' && status.overdue.length === 0 && status.aheadDays > 0 && (
        <p data-ahead>
          {status.aheadDays === 1
            ? translate({id: 'today.ahead.one', message: 'You are ahead of schedule: 1 later day is already done.'})
            : translate({id: 'today.ahead', message: 'You are ahead of schedule: {days} later days are already done.'}, {days: status.aheadDays})}
        </p>
      )}

      {status.phase !== 'before' && status.lastDate && (
        <p className={styles.meta} data-forecast>
          {translate({id: 'today.schedule.end', message: 'Scheduled to end on {date}.'}, {date: formatDate(status.lastDate)})}{' '}
          {status.forecast &&
            translate({id: 'today.forecast', message: 'At your pace so far, you would finish on {date}.'}, {date: formatDate(status.forecast)})}
        </p>
      )}

      {status.phase !== 'after' && (
        <ScheduleCalendar
          follow={follow}
          days={days}
          today={today}
          name={followName(follow, plans)}
          entriesOf={(day) => entriesOf(day).filter((entry) => entry.kind !== 'topic' && entry.kind !== 'practice')}
          urlOf={(day) => new URL(dayLink(day), window.location.origin).href}
        />
      )}

      <button type="button" className="button button--sm button--outline button--secondary" onClick={() => stop(follow.id)}>
        {translate({id: 'today.stop', message: 'Stop following {name}'}, {name: followName(follow, plans)})}
      </button>
    </section>
  );
}

interface CalendarProps {
  follow: FollowedPlan;
  days: ScheduleDay[];
  today: string;
  name: string;
  entriesOf: (day: ScheduleDay) => ScheduleEntry[];
  urlOf: (day: ScheduleDay) => string;
}

/** "Add the schedule to your calendar": every remaining day's items from a daily start time, as one .ics file. */
function ScheduleCalendar({follow, days, today, name, entriesOf, urlOf}: CalendarProps): ReactNode {
  const [time, setTime] = useState('09:00');
  const [message, setMessage] = useState('');
  const id = useId();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const events = scheduleEvents({follow, days, entriesOf, urlOf, from: today, startTime: time, host: window.location.host});
    if (!events) {
      setMessage(translate({id: 'today.calendar.time', message: 'Enter a daily start time as HH:MM, for example 09:00.'}));
      return;
    }
    const {toIcs} = await icsWriter.get();
    const file = toIcs(events, name);
    if (!file.ok) {
      setMessage(file.message);
      return;
    }
    saveTextFile(`go-study-plans-schedule-${follow.id}.ics`, file.text, 'text/calendar;charset=utf-8');
    setMessage(
      translate(
        {id: 'today.calendar.done', message: 'Downloaded {count} events. Exported again after a shift, they replace these instead of adding copies.'},
        {count: events.length},
      ),
    );
  };
  return (
    <form className={styles.calendar} onSubmit={onSubmit} noValidate>
      <label htmlFor={`${id}-time`}>
        <Translate id="today.calendar.field">Daily start time</Translate>
      </label>
      <input id={`${id}-time`} type="time" value={time} onChange={(event) => setTime(event.target.value)} />
      <button type="submit" className="button button--sm button--outline button--primary">
        <Translate id="today.calendar.submit">Add the schedule to your calendar</Translate>
      </button>
      <span role="status" className={styles.dayMeta}>
        {message}
      </span>
    </form>
  );
}
