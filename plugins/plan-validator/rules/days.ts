import {DAYS_PER_WEEK, MAX_INTENSIVE_DAYS} from '../../plan-model/location';
import type {PlanModel} from '../../plan-model/types';
import {START, type Check, type SourcePosition} from '../types';

/** Days run from 1 without gaps or repeats: a weekly plan has Days 1–7, an intensive plan 1–N. */
export const days: Check = {
  name: 'days',
  rules: [
    {
      code: 'days-missing',
      severity: 'error',
      description: 'A plan has day sections.',
      fix: 'Add "### Day 1 – Title" sections (weekly) or "## Day 1: Title" (intensive).',
    },
    {
      code: 'day-out-of-range',
      severity: 'error',
      description: 'Day numbers fit the plan: 1–7 in a week, 1 to at most 60 in an intensive plan.',
      fix: 'Renumber the day, or move it to another week.',
    },
    {code: 'day-duplicate', severity: 'error', description: 'Each day appears once.', fix: 'Renumber or merge the repeated day.'},
    {code: 'day-missing', severity: 'error', description: 'No day is missing between the first and the last.', fix: 'Add the missing day.'},
    {code: 'day-order', severity: 'warning', description: 'Days come in order.', fix: 'Move the day after the one before it.'},
  ],
  run({location, parsed, tree}, report) {
    if (location.kind !== 'weekly' && location.kind !== 'intensive') return;
    const plan = parsed.plan;
    if (!plan || plan.days.length === 0) {
      const first = tree.children.find((node) => node.type === 'heading');
      const hint =
        location.kind === 'weekly'
          ? `No day sections found: a weekly plan has "### Day 1 – Title" to "### Day ${DAYS_PER_WEEK} – Title".`
          : 'No day sections found: the intensive plan has "## Day 1: Title" sections, each with "### Morning (6 hours)" and "### Evening (8 hours)".';
      report('days-missing', first?.position ? {line: first.position.start.line, column: first.position.start.column} : START, hint);
      return;
    }
    checkNumbering(plan, report);
  },
};

function checkNumbering(plan: PlanModel, report: (code: string, position: SourcePosition, message: string) => void): void {
  const last = plan.kind === 'weekly' ? DAYS_PER_WEEK : MAX_INTENSIVE_DAYS;
  const seen = new Map<number, SourcePosition>();
  let highest = 0;
  for (const day of plan.days) {
    if (day.number < 1 || day.number > last) {
      const range = plan.kind === 'weekly' ? `a weekly plan has Days 1 to ${DAYS_PER_WEEK}` : `days are numbered from 1 to at most ${MAX_INTENSIVE_DAYS}`;
      report('day-out-of-range', day.position, `Day ${day.number} is outside the plan: ${range}.`);
    } else if (seen.has(day.number)) {
      report('day-duplicate', day.position, `Day ${day.number} appears twice (first at line ${seen.get(day.number)!.line}).`);
    } else if (day.number < highest) {
      report('day-order', day.position, `Day ${day.number} comes after Day ${highest}: keep the days in order.`);
    }
    if (!seen.has(day.number) && day.number >= 1 && day.number <= last) seen.set(day.number, day.position);
    highest = Math.max(highest, Math.min(day.number, last));
  }
  const until = plan.kind === 'weekly' ? DAYS_PER_WEEK : highest;
  for (let number = 1; number <= until; number += 1) {
    if (seen.has(number)) continue;
    const next = plan.days.find((day) => day.number > number) ?? plan.days.at(-1);
    const range = plan.kind === 'weekly' ? `a weekly plan has Days 1 to ${DAYS_PER_WEEK}` : `days run from 1 to ${highest} without gaps`;
    report('day-missing', next?.position ?? START, `Day ${number} is missing: ${range}.`);
  }
}
