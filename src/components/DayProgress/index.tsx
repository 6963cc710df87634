import type {ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import {useDay, usePlanPage, type PageDay} from '@site/src/components/PlanPage';
import ProgressBar, {VariantProgressBar} from '@site/src/components/ProgressBar';
import {useTickedCount} from '@site/src/hooks/useProgress';

/** Tickable ids of a day of the page's plan: weekly per variant, intensive topics and practice. */
export function dayItemIds(day: PageDay): {ids4h: string[]; ids6h: string[]} {
  if ('blocks' in day) {
    const ids4h = day.blocks.map((block) => block.id);
    return {ids4h, ids6h: [...ids4h, ...day.additions.map((addition) => addition.id)]};
  }
  const ids = day.sessions.flatMap((session) => [...session.topics.map((topic) => topic.id), ...session.practice.map((item) => item.id)]);
  return {ids4h: ids, ids6h: ids};
}

/** Done/total and a bar for one day of the page's plan; for a weekly day, for the chosen variant. */
export default function DayProgress({day}: {day: string}): ReactNode {
  const {planId} = usePlanPage();
  const found = useDay(Number(day));
  const {ids4h, ids6h} = found ? dayItemIds(found) : {ids4h: [], ids6h: []};
  const done4h = useTickedCount(planId, ids4h);
  const done6h = useTickedCount(planId, ids6h);
  if (!found) return null;
  const label = translate({id: 'progress.day.label', message: 'Day {day}'}, {day});
  if (!('blocks' in found)) return <ProgressBar done={done4h} total={ids4h.length} label={label} />;
  return <VariantProgressBar done4h={done4h} total4h={ids4h.length} done6h={done6h} total6h={ids6h.length} label={label} />;
}
