import {useId, type ReactNode} from 'react';
import Heading from '@theme/Heading';
import Translate, {translate} from '@docusaurus/Translate';
import {formatMinutes} from '@site/plugins/plan-model/duration';
import type {PlanSummary} from '@site/plugins/plan-data/data';
import type {PlanVariant} from '@site/plugins/plan-model/ids';
import {addDays, dateOf, formatDate, formatShortDate, localDate, scheduleDays, weekdayOf} from '@site/src/schedule';
import {activityByDate, heatLevel, heatmapDays, HEATMAP_WEEKS, streak} from '@site/src/schedule/history';
import {useStoredState, MAX_TIMER_RUNS, type FollowedPlan} from '@site/src/store';
import styles from './styles.module.css';

const CELL = 12;
const GAP = 3;
const LABEL_WIDTH = 30;
const WEEKDAY_LABELS = ['Mon', '', 'Wed', '', 'Fri', '', ''];

interface Props {
  today: string;
  follows: readonly FollowedPlan[];
  plans: readonly PlanSummary[];
  siteVariant: PlanVariant;
}

/** Planned minutes per local date, over every followed plan. */
function plannedByDate(follows: readonly FollowedPlan[], plans: readonly PlanSummary[], siteVariant: PlanVariant): Map<string, number> {
  const planned = new Map<string, number>();
  for (const follow of follows) {
    for (const day of scheduleDays(follow, plans, follow.variant ?? siteVariant)) {
      const date = dateOf(follow, day.index);
      planned.set(date, (planned.get(date) ?? 0) + day.minutes);
    }
  }
  return planned;
}

const minutesText = (minutes: number) => (minutes > 0 ? formatMinutes(Math.round(minutes)) : '—');

/** "Where your time went": the streak and its rule, planned vs studied per day and week, and a 16-week heatmap. */
export default function TimeSpent({today, follows, plans, siteVariant}: Props): ReactNode {
  const runs = useStoredState((state) => state.timerRuns);
  const ticks = useStoredState((state) => state.progress);
  const headingId = useId();
  const heatmapId = useId();
  const activity = activityByDate(runs, ticks);
  const planned = plannedByDate(follows, plans, siteVariant);
  const monday = addDays(today, -((weekdayOf(today) + 6) % 7));
  const week = Array.from({length: 7}, (_, offset) => addDays(monday, offset));
  const row = (dates: string[]) => ({
    planned: dates.reduce((sum, date) => sum + (planned.get(date) ?? 0), 0),
    studied: dates.reduce((sum, date) => sum + (activity.get(date)?.minutes ?? 0), 0),
    ticked: dates.reduce((sum, date) => sum + (activity.get(date)?.ticked ?? 0), 0),
  });
  const weeks = [3, 2, 1, 0].map((back) => {
    const start = addDays(monday, -7 * back);
    return {start, ...row(Array.from({length: 7}, (_, offset) => addDays(start, offset)))};
  });
  const cells = heatmapDays(today);
  const studiedCells = cells.filter((cell) => !cell.future && (activity.get(cell.date)?.minutes ?? 0) > 0);
  const totalMinutes = studiedCells.reduce((sum, cell) => sum + activity.get(cell.date)!.minutes, 0);
  const busiest = studiedCells.reduce<string | null>(
    (best, cell) => (best === null || activity.get(cell.date)!.minutes > activity.get(best)!.minutes ? cell.date : best),
    null,
  );
  const days = streak(activity, today);
  const width = LABEL_WIDTH + HEATMAP_WEEKS * (CELL + GAP);
  const height = 7 * (CELL + GAP);

  return (
    <section className={styles.follow} aria-labelledby={headingId} data-time-spent>
      <Heading as="h2" id={headingId} className={styles.followHeading}>
        <Translate id="today.time.heading">Where your time went</Translate>
      </Heading>
      <p data-streak>
        <strong>
          {days === 1 ? translate({id: 'today.streak.one', message: 'Streak: 1 day'}) : translate({id: 'today.streak', message: 'Streak: {days} days'}, {days})}
        </strong>
        {' · '}
        <Translate id="today.streak.rule">A day counts when you finish a block or tick an item; today keeps the streak going until it ends.</Translate>
      </p>

      <div className={styles.tableWrap}>
        <table className={styles.table} data-week-table>
          <caption>{translate({id: 'today.time.week', message: 'This week, from {date}'}, {date: formatDate(monday)})}</caption>
          <thead>
            <tr>
              <th scope="col">{translate({id: 'today.time.col.day', message: 'Day'})}</th>
              <th scope="col">{translate({id: 'today.time.col.planned', message: 'Planned'})}</th>
              <th scope="col">{translate({id: 'today.time.col.studied', message: 'Timed'})}</th>
              <th scope="col">{translate({id: 'today.time.col.ticked', message: 'Items ticked'})}</th>
            </tr>
          </thead>
          <tbody>
            {week.map((date) => {
              const values = row([date]);
              return (
                <tr key={date} data-date={date} aria-current={date === today ? 'date' : undefined}>
                  <th scope="row">{formatShortDate(date)}</th>
                  <td>{minutesText(values.planned)}</td>
                  <td>{minutesText(values.studied)}</td>
                  <td>{values.ticked}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <table className={styles.table}>
          <caption>{translate({id: 'today.time.weeks', message: 'The last four weeks'})}</caption>
          <thead>
            <tr>
              <th scope="col">{translate({id: 'today.time.col.week', message: 'Week from'})}</th>
              <th scope="col">{translate({id: 'today.time.col.planned', message: 'Planned'})}</th>
              <th scope="col">{translate({id: 'today.time.col.studied', message: 'Timed'})}</th>
              <th scope="col">{translate({id: 'today.time.col.ticked', message: 'Items ticked'})}</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((values) => (
              <tr key={values.start}>
                <th scope="row">{formatShortDate(values.start)}</th>
                <td>{minutesText(values.planned)}</td>
                <td>{minutesText(values.studied)}</td>
                <td>{values.ticked}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <Heading as="h3" className={styles.dayHeading} id={heatmapId}>
        {translate({id: 'today.heatmap.heading', message: 'The last {weeks} weeks'}, {weeks: HEATMAP_WEEKS})}
      </Heading>
      <p id={`${heatmapId}-text`} data-heatmap-text>
        {studiedCells.length === 0
          ? translate({id: 'today.heatmap.none', message: 'No timed study in these weeks yet: start a block’s timer and it shows here.'})
          : translate(
              {id: 'today.heatmap.text', message: 'Timed study on {days} of these days, {total} in all; the most on {busiest} ({most}).'},
              {
                days: studiedCells.length,
                total: formatMinutes(Math.round(totalMinutes)),
                busiest: busiest ? formatDate(busiest) : '',
                most: busiest ? formatMinutes(Math.round(activity.get(busiest)!.minutes)) : '',
              },
            )}
      </p>
      {runs.length >= MAX_TIMER_RUNS && (
        // The log keeps its most recent runs only; when older ones have gone, the reader is told from when time counts.
        <p data-time-log-cap>
          {translate(
            {id: 'today.time.cap', message: 'The time log keeps your {max} most recent timer runs, so timed study before {date} is no longer counted here.'},
            {max: MAX_TIMER_RUNS.toLocaleString('en'), date: formatDate(localDate(runs[0]!.start))},
          )}
        </p>
      )}
      <svg
        className={styles.heatmap}
        role="img"
        aria-labelledby={`${heatmapId} ${heatmapId}-text`}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        data-heatmap>
        {WEEKDAY_LABELS.map((label, index) => (
          <text key={index} x={0} y={index * (CELL + GAP) + CELL - 2} className={styles.heatLabel} aria-hidden="true">
            {label}
          </text>
        ))}
        {cells
          .filter((cell) => !cell.future)
          .map((cell) => (
            <rect
              key={cell.date}
              x={LABEL_WIDTH + cell.week * (CELL + GAP)}
              y={cell.weekday * (CELL + GAP)}
              width={CELL}
              height={CELL}
              rx={2}
              className={styles[`heat${heatLevel(activity.get(cell.date)?.minutes ?? 0)}`]}
              data-date={cell.date}
              data-level={heatLevel(activity.get(cell.date)?.minutes ?? 0)}
            />
          ))}
      </svg>
      <p className={styles.legend} aria-hidden="true">
        <Translate id="today.heatmap.legend">Five shades: no timed study, under 1 h, under 2 h, under 4 h, 4 h or more.</Translate>
      </p>
    </section>
  );
}
