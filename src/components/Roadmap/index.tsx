import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import Translate, {translate} from '@docusaurus/Translate';
import {formatRange} from '@site/plugins/plan-model/duration';
import {planMinutes, weeklyDayItems, type IntensivePlanSummary, type WeeklyPlanSummary} from '@site/plugins/plan-data/data';
import ProgressBar, {VariantProgressBar} from '@site/src/components/ProgressBar';
import FollowPlan from '@site/src/components/FollowPlan';
import KeepGuideOffline from '@site/src/components/KeepGuideOffline';
import ProgressTools from '@site/src/components/ProgressTools';
import {intensivePlans, usePlanData, weeklyPlans} from '@site/src/hooks/usePlanData';
import {useAdoptMovedPlans} from '@site/src/hooks/useAdoptMovedPlans';
import {useTickedCount} from '@site/src/hooks/useProgress';
import styles from './styles.module.css';

/** The guide's length; a plan for a later week still shows, after week 16. */
export const ROADMAP_WEEKS = 16;

/** The command that creates a missing week (scripts/new-week); shown so a contributor can copy it. */
export function scaffoldCommand(week: number, track = 'go'): string {
  return `npm run new-week -- --week ${week} --track ${track}`;
}

const pad = (week: number) => String(week).padStart(2, '0');

/** Weeks 1–16 from the plan data, and every intensive plan, each with the reader's progress. */
export default function Roadmap({section = 'weeks'}: {section?: 'weeks' | 'intensive'}): ReactNode {
  useAdoptMovedPlans();
  const {plans} = usePlanData();
  if (section === 'intensive') {
    const intensive = intensivePlans(plans);
    return (
      <div className={styles.roadmap} data-roadmap="intensive">
        {intensive.map((plan) => (
          <IntensiveCard key={plan.id} plan={plan} />
        ))}
      </div>
    );
  }
  const weekly = weeklyPlans(plans);
  const lastWeek = Math.max(ROADMAP_WEEKS, ...weekly.map((plan) => plan.week));
  const weeks = Array.from({length: lastWeek}, (_, index) => index + 1);
  return (
    <div className={styles.roadmap} data-roadmap="weeks">
      <ProgressTools />
      {weekly[0] && <FollowPlan planId={weekly[0].id} guide />}
      <KeepGuideOffline />
      <ol className={styles.grid}>
        {weeks.map((week) => {
          const tracks = weekly.filter((plan) => plan.week === week);
          return tracks.length > 0 ? <WeekCard key={week} week={week} tracks={tracks} /> : <MissingWeek key={week} week={week} />;
        })}
      </ol>
    </div>
  );
}

function WeekCard({week, tracks}: {week: number; tracks: WeeklyPlanSummary[]}): ReactNode {
  const first = tracks[0]!;
  const heading = translate({id: 'roadmap.week', message: 'Week {week}'}, {week: pad(week)});
  return (
    <li className={styles.card} data-week={week} data-status="present">
      <p className={styles.weekName}>
        <Link to={first.permalink}>{heading}</Link>
      </p>
      {first.focus.length > 0 && (
        <ul className={styles.focus} aria-label={translate({id: 'roadmap.focus', message: 'Focus'})}>
          {first.focus.map((area) => (
            <li key={area}>{area}</li>
          ))}
        </ul>
      )}
      {first.highlights.length > 0 && <p className={styles.highlights}>{first.highlights.join(' ')}</p>}
      <dl className={styles.facts}>
        <dt>
          <Translate id="roadmap.tracks">Tracks</Translate>
        </dt>
        <dd>
          {tracks.map((plan, index) => (
            <span key={plan.id}>
              {index > 0 && ', '}
              <Link to={plan.permalink}>{plan.trackLabel}</Link>
            </span>
          ))}
        </dd>
        <dt>
          <Translate id="roadmap.planned">Planned</Translate>
        </dt>
        <dd className={styles.trackList}>
          {/* Tracks of one week plan different hours; each is named when there is more than one. */}
          {tracks.map((plan) => (
            <span key={plan.id} className={styles.hours}>
              {tracks.length > 1 && <span className={styles.trackName}>{plan.trackLabel}</span>}
              <span>{translate({id: 'roadmap.hours.4h', message: '4 h plan: {time}'}, {time: formatRange(planMinutes(plan, '4h'))})}</span>
              <span>{translate({id: 'roadmap.hours.6h', message: '6 h plan: {time}'}, {time: formatRange(planMinutes(plan, '6h'))})}</span>
            </span>
          ))}
        </dd>
        <dt>
          <Translate id="roadmap.progress">Your progress</Translate>
        </dt>
        <dd className={styles.progressList}>
          {tracks.map((plan) => (
            <WeeklyProgress key={plan.id} plan={plan} label={`${heading} · ${plan.trackLabel}`} showTrack={tracks.length > 1} />
          ))}
        </dd>
      </dl>
    </li>
  );
}

function WeeklyProgress({plan, label, showTrack}: {plan: WeeklyPlanSummary; label: string; showTrack: boolean}): ReactNode {
  const ids4h = plan.days.flatMap((day) => weeklyDayItems(day, '4h'));
  const ids6h = plan.days.flatMap((day) => weeklyDayItems(day, '6h'));
  const done4h = useTickedCount(plan.id, ids4h);
  const done6h = useTickedCount(plan.id, ids6h);
  return (
    <span className={styles.trackProgress} data-progress-plan={plan.id}>
      {showTrack && <span>{plan.trackLabel}</span>}
      <VariantProgressBar done4h={done4h} total4h={ids4h.length} done6h={done6h} total6h={ids6h.length} label={label} />
    </span>
  );
}

function MissingWeek({week}: {week: number}): ReactNode {
  return (
    <li className={`${styles.card} ${styles.missing}`} data-week={week} data-status="missing">
      <p className={styles.weekName}>{translate({id: 'roadmap.week', message: 'Week {week}'}, {week: pad(week)})}</p>
      <p className={styles.open}>
        <Translate id="roadmap.open">Open for contribution</Translate>
      </p>
      <p className={styles.scaffold}>
        <Translate id="roadmap.scaffold">Start it with:</Translate> <code>{scaffoldCommand(week)}</code>
      </p>
    </li>
  );
}

function IntensiveCard({plan}: {plan: IntensivePlanSummary}): ReactNode {
  const ids = plan.days.flatMap((day) => day.items);
  const done = useTickedCount(plan.id, ids);
  return (
    <section className={styles.card} data-progress-plan={plan.id} aria-label={plan.title}>
      <p className={styles.weekName}>
        <Link to={plan.permalink}>{plan.title}</Link>
      </p>
      <dl className={styles.facts}>
        <dt>
          <Translate id="roadmap.days">Days</Translate>
        </dt>
        <dd>{plan.days.length}</dd>
        <dt>
          <Translate id="roadmap.planned">Planned</Translate>
        </dt>
        <dd>{formatRange(planMinutes(plan, '4h'))}</dd>
        <dt>
          <Translate id="roadmap.progress">Your progress</Translate>
        </dt>
        <dd>
          <ProgressBar done={done} total={ids.length} label={plan.title} />
        </dd>
      </dl>
      <ol className={styles.days}>
        {plan.days.map((day) => (
          <IntensiveDayRow key={day.number} plan={plan} day={day} />
        ))}
      </ol>
    </section>
  );
}

function IntensiveDayRow({plan, day}: {plan: IntensivePlanSummary; day: IntensivePlanSummary['days'][number]}): ReactNode {
  const done = useTickedCount(plan.id, day.items);
  const label = translate({id: 'roadmap.day', message: 'Day {day}'}, {day: day.number});
  return (
    <li className={styles.day}>
      <Link to={`${plan.permalink}#${day.anchor}`}>
        {label}: {day.title}
      </Link>
      <ProgressBar done={done} total={day.items.length} label={`${plan.title} · ${label}`} />
    </li>
  );
}
