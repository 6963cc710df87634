import {useId, type ReactNode} from 'react';
import Heading from '@theme/Heading';
import {translate} from '@docusaurus/Translate';
import {formatRange} from '@site/plugins/plan-model/duration';
import type {PagePlan} from '@site/plugins/plan-model/pagePlan';
import type {PlanVariant} from '@site/plugins/plan-model/ids';
import PlanPage from '@site/src/components/PlanPage';
import PlanItem from '@site/src/components/PlanItem';
import PlanSession from '@site/src/components/PlanSession';
import CalendarExport from '@site/src/components/CalendarExport';
import PrintDayButton from '@site/src/components/PrintDayButton';
import DayNotes from '@site/src/components/DayNotes';
import styles from './styles.module.css';

interface Props {
  planId: string;
  /** The plan's own page model, loaded by id. */
  plan: PagePlan;
  day: number;
  /** "Day 3: …", as the Today page names it. */
  title: string;
  /** Done/planned line under the heading. */
  meta: ReactNode;
  /** The items the follow includes on this day (its 4h/6h choice); sessions always show. */
  itemIds: readonly string[];
  /** The follow's 4h/6h choice, for the printed header. */
  variant: PlanVariant;
  /** Day-level tools (print, calendar) and the day's notes; the catch-up list shows items only, one heading level down. */
  tools?: boolean;
}

/** An item's text as the plan states it: its label and planned time, then its details. */
function ItemText({label, duration, details}: {label: string; duration?: {min: number; max: number} | null; details?: readonly string[]}): ReactNode {
  return (
    <>
      <p className={styles.itemLabel}>
        <strong>{label}</strong>
        {duration ? ` (${formatRange(duration)})` : ''}
      </p>
      {details && details.length > 0 && (
        <ul className={styles.itemDetails}>
          {details.map((line, index) => (
            // Lines of static text, never reordered: their place is their identity.
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * One plan day on the Today page, built from the plan page's own components: each block, addition, topic or practice
 * item with its tick box, timer, review mark and note (PlanItem), sessions with their timers, "Add this day to
 * calendar", "Print this day" and the day's notes, all reading the plan's model through the same context.
 */
export default function TodayDay({planId, plan, day, title, meta, itemIds, variant, tools = true}: Props): ReactNode {
  const headingId = useId();
  const included = new Set(itemIds);
  let items: ReactNode = null;
  if (plan.kind === 'weekly') {
    const found = plan.days.find((candidate) => candidate.number === day);
    // A PlanItem is a list item: the day's items are a list, as on the plan's page.
    items = found && (
      <ul className={styles.items}>
        {found.blocks
          .filter((block) => included.has(block.id))
          .map((block) => (
            <PlanItem key={block.id} itemId={block.id}>
              <ItemText label={`Block ${block.number} · ${block.label}`} duration={block.duration} details={block.details} />
            </PlanItem>
          ))}
        {found.additions
          .filter((addition) => included.has(addition.id))
          .map((addition) => (
            <PlanItem key={addition.id} itemId={addition.id}>
              <ItemText label={addition.label} duration={addition.duration} details={addition.details} />
            </PlanItem>
          ))}
      </ul>
    );
  } else {
    const found = plan.days.find((candidate) => candidate.number === day);
    items = found?.sessions.map((session) => (
      <PlanSession key={session.id} sessionId={session.id}>
        <Heading as={tools ? 'h4' : 'h5'} className={styles.sessionHeading}>
          {session.label}
        </Heading>
        <ul className={styles.items}>
          {[...session.topics.map((topic) => ({id: topic.id, text: topic.title})), ...session.practice.map((item) => ({id: item.id, text: item.text}))]
            .filter((item) => included.has(item.id))
            .map((item) => (
              <PlanItem key={item.id} itemId={item.id}>
                <ItemText label={item.text} />
              </PlanItem>
            ))}
        </ul>
      </PlanSession>
    ));
  }
  return (
    <PlanPage planId={planId} plan={plan} recordVisit={false}>
      <section className={styles.day} data-plan-day={day} data-today-day={day} aria-labelledby={headingId}>
        <Heading as={tools ? 'h3' : 'h4'} id={headingId} className={styles.dayHeading}>
          {title}
        </Heading>
        {meta}
        {tools && (
          <div className={styles.dayTools} role="group" aria-label={translate({id: 'today.day.tools', message: 'Tools for {day}'}, {day: title})}>
            <CalendarExport day={day} />
            <PrintDayButton day={String(day)} variant={variant} />
          </div>
        )}
        {items}
        {tools && <DayNotes day={day} anchored={false} />}
      </section>
    </PlanPage>
  );
}
