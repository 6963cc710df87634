import clsx from 'clsx';
import {cloneElement, isValidElement, type ReactNode} from 'react';
import {usePlanPage} from '@site/src/components/PlanPage';
import BlockTimer from '@site/src/components/BlockTimer';
import styles from './styles.module.css';

/**
 * A Morning or Evening session of the intensive plan, with a session timer. No box of its own (the 14-day plan has 28):
 * its heading, timer and lists are children of the day, whose grid (PlanDay's styles) puts the timer beside the heading
 * (styles.module.css).
 */
export default function PlanSession({sessionId, children}: {sessionId: string; children: ReactNode}): ReactNode {
  const {plan} = usePlanPage();
  const session = plan.kind === 'intensive' ? plan.days.flatMap((day) => day.sessions).find((candidate) => candidate.id === sessionId) : undefined;
  const [heading, ...rest] = Array.isArray(children) ? (children as ReactNode[]) : [children];
  const timed = Boolean(session?.duration);
  return (
    <>
      {/* The heading that shares its row with a timer says so by its class: a selector that asks each element whether
          a timer follows it (`:has(+ .timer)`) was the costliest of the page's style rules. */}
      {timed && isValidElement<{className?: string}>(heading) ? cloneElement(heading, {className: clsx(heading.props.className, styles.heading)}) : heading}
      {session?.duration && <BlockTimer itemId={session.id} label={session.label} duration={session.duration} upcoming={[]} className={styles.timer} />}
      {rest}
    </>
  );
}
