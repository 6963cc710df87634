import {createContext, useContext, useMemo, useState, type Dispatch, type ReactNode, type SetStateAction} from 'react';
import useIsomorphicLayoutEffect from '@docusaurus/useIsomorphicLayoutEffect';
import type {PagePlan} from '@site/plugins/plan-model/pagePlan';
import type {DurationRange, PlanVariant} from '@site/plugins/plan-model/types';
import {sumDurations} from '@site/plugins/plan-model/duration';
import {useRecordVisit} from '@site/src/hooks/useRecordVisit';
import {useReconciledRecords} from '@site/src/hooks/useReconcile';
import {useAdoptMovedPlans} from '@site/src/hooks/useAdoptMovedPlans';
import DetachedNotice from '@site/src/components/DetachedNotice';
import styles from './styles.module.css';
import {variantItems} from '@site/plugins/plan-model/ids';

export interface PlanPageValue {
  planId: string;
  plan: PagePlan;
}

const PlanPageContext = createContext<PlanPageValue | null>(null);

/**
 * Attribute on <html> naming the day being printed. While it is set, the print styles
 * show only that day's section (the one holding the marked print header).
 */
export const PRINT_DAY_ATTRIBUTE = 'data-print-day';

type PrintDayState = [day: string | null, setDay: Dispatch<SetStateAction<string | null>>];

// Apart from the plan, so pressing "Print this day" re-renders the print buttons, not every plan component.
const PrintDayContext = createContext<PrintDayState | null>(null);

/** Wraps a plan document (inserted by the remark plugin) and shares its model with every component on the page. */
export default function PlanPage({
  planId,
  plan,
  recordVisit = true,
  children,
}: {
  planId: string;
  plan: PagePlan;
  /** Off where a plan's days show outside its page (Today): "Continue where you left off" follows the reader's own reading. */
  recordVisit?: boolean;
  children: ReactNode;
}): ReactNode {
  const value = useMemo(() => ({planId, plan}), [planId, plan]);
  useRecordVisit(recordVisit ? planId : null);
  useReconciledRecords(useMemo(() => new Map([[planId, plan]]), [planId, plan]));
  useAdoptMovedPlans();
  const [printDay, setPrintDay] = useState<string | null>(null);
  const print = useMemo<PrintDayState>(() => [printDay, setPrintDay], [printDay]);
  // A layout effect runs within the click's synchronous render, so the attribute is set before the print dialog snapshots the page.
  useIsomorphicLayoutEffect(() => {
    if (printDay === null) return undefined;
    document.documentElement.setAttribute(PRINT_DAY_ATTRIBUTE, printDay);
    return () => document.documentElement.removeAttribute(PRINT_DAY_ATTRIBUTE);
  }, [printDay]);
  return (
    <PlanPageContext.Provider value={value}>
      <PrintDayContext.Provider value={print}>
        <div className={styles.planPage} data-plan-id={planId} data-plan-kind={value.plan.kind}>
          {recordVisit && <DetachedNotice planId={planId} />}
          {children}
        </div>
      </PrintDayContext.Provider>
    </PlanPageContext.Provider>
  );
}

/** The day "Print this day" is printing on this page (null when none), and its setter. */
export function usePrintDay(): PrintDayState {
  const value = useContext(PrintDayContext);
  if (!value) throw new Error('Plan components must be rendered inside <PlanPage> (added by the remark-plan plugin).');
  return value;
}

/** The plan page's value, or null outside one (the Today page names each plan itself). */
export function useOptionalPlanPage(): PlanPageValue | null {
  return useContext(PlanPageContext);
}

/** The plan of the page being rendered; components outside a plan page get a clear error. */
export function usePlanPage(): PlanPageValue {
  const value = useContext(PlanPageContext);
  if (!value) throw new Error('Plan components must be rendered inside <PlanPage> (added by the remark-plan plugin).');
  return value;
}

export type PageWeeklyDay = Extract<PagePlan, {kind: 'weekly'}>['days'][number];
export type PageIntensiveDay = Extract<PagePlan, {kind: 'intensive'}>['days'][number];
export type PageDay = PageWeeklyDay | PageIntensiveDay;

export function useDay(day: number): PageDay | undefined {
  const {plan} = usePlanPage();
  return (plan.days as PageDay[]).find((candidate) => candidate.number === day);
}

/** A timed thing a reader can run a timer for or tick off. */
export interface PlanItemInfo {
  id: string;
  day: number;
  label: string;
  kind: 'block' | 'addition' | 'session' | 'topic' | 'practice';
  duration: {min: number; max: number} | null;
}

/** Every item of a plan in reading order (the order "start next block" follows). */
export function planItems(plan: PagePlan): PlanItemInfo[] {
  if (plan.kind === 'weekly') {
    return plan.days.flatMap((day) => [
      ...day.blocks.map((block) => ({
        id: block.id,
        day: day.number,
        label: `Block ${block.number} · ${block.label}`,
        kind: 'block' as const,
        duration: block.duration,
      })),
      ...day.additions.map((addition) => ({id: addition.id, day: day.number, label: addition.label, kind: 'addition' as const, duration: addition.duration})),
    ]);
  }
  return plan.days.flatMap((day) =>
    day.sessions.flatMap((session) => [
      {id: session.id, day: day.number, label: session.label, kind: 'session' as const, duration: session.duration},
      ...session.topics.map((topic) => ({id: topic.id, day: day.number, label: topic.title, kind: 'topic' as const, duration: null})),
      ...session.practice.map((item) => ({id: item.id, day: day.number, label: item.text, kind: 'practice' as const, duration: null})),
    ]),
  );
}

const itemsInOrder = new WeakMap<PagePlan, {items: PlanItemInfo[]; indexOf: Map<string, number>}>();

/**
 * `planItems` of a plan with each item's position, worked out once per plan: every item on the page asks for it, and
 * each working it out again would make the page's render grow with the square of its items.
 */
export function planItemsInOrder(plan: PagePlan): {items: PlanItemInfo[]; indexOf: Map<string, number>} {
  let found = itemsInOrder.get(plan);
  if (!found) {
    const items = planItems(plan);
    found = {items, indexOf: new Map(items.map((item, index) => [item.id, index]))};
    itemsInOrder.set(plan, found);
  }
  return found;
}

/** Planned minutes of a weekly day for a variant (6h = blocks plus additions). */
export function dayMinutes(
  day: {blocks: {duration: DurationRange | null}[]; additions: {duration: DurationRange | null}[]},
  variant: PlanVariant,
): DurationRange {
  return sumDurations(variantItems(day, variant).map((item) => item.duration));
}

export function sessionMinutes(day: {sessions: {duration: DurationRange | null}[]}): DurationRange {
  return sumDurations(day.sessions.map((session) => session.duration));
}
