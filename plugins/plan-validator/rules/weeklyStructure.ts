import {formatMinutes, formatRange, sumDurations} from '../../plan-model/duration';
import {DAYS_PER_WEEK} from '../../plan-model/location';
import type {WeeklyPlan} from '../../plan-model/types';
import type {Check, Report} from '../types';

/** A 4-hour day may plan between these many minutes before we warn (the seeds use 3–4.5 h). */
const FOUR_HOUR_DAY = {min: 150, max: 300};
/** A single block or addition outside this range is most likely a typo (`90 h` for `90 min`). */
const ITEM_MINUTES = {min: 5, max: 240};

/** The shape of a weekly track page: goals, overview, seven days with both plans. */
export const weeklyStructure: Check = {
  name: 'weekly structure',
  rules: [
    {
      code: 'section-missing',
      severity: 'warning',
      description: 'A week has "Weekly Goals" and "Weekly Overview Table" sections before the days.',
      fix: 'Add the section the message names.',
    },
    {code: 'section-order', severity: 'warning', description: 'Goals come first, then the overview, then the days.', fix: 'Move the section.'},
    {
      code: 'four-hour-plan-missing',
      severity: 'error',
      description: 'Every day has a "4-Hour Plan": it is what a reader follows by default.',
      fix: 'Add "#### 4-Hour Plan" with numbered blocks.',
    },
    {code: 'six-hour-plan-missing', severity: 'warning', description: 'Every day has a "6-Hour Plan".', fix: 'Add "#### 6-Hour Plan" with "- Add:" items.'},
    {code: 'overview-row-unknown', severity: 'error', description: 'The overview names only days the page has.', fix: 'Remove the row or add the day.'},
    {code: 'overview-row-duplicate', severity: 'warning', description: 'The overview lists each day once.', fix: 'Remove the repeated row.'},
    {code: 'overview-row-missing', severity: 'warning', description: 'The overview has a row for every day.', fix: 'Add the missing row.'},
    {code: 'overview-focus-empty', severity: 'warning', description: 'Each overview row says what the day is about.', fix: 'Write the focus in a few words.'},
    {code: 'overview-title-mismatch', severity: 'warning', description: "An overview row's focus and its day's title share a word.", fix: 'Make them agree.'},
    {
      code: 'block-number',
      severity: 'warning',
      description: 'Blocks are numbered 1, 2, 3… without gaps (their numbers are their progress ids).',
      fix: 'Renumber the blocks.',
    },
    {code: 'duration-implausible', severity: 'warning', description: 'A block or addition lasts 5 min to 4 h.', fix: 'Check the unit (min or h).'},
    {code: 'day-duration-implausible', severity: 'warning', description: 'A 4-hour day plans 2 h 30 to 5 h.', fix: 'Adjust the blocks.'},
  ],
  run({parsed, location}, report) {
    if (location.kind !== 'weekly' || parsed.plan?.kind !== 'weekly' || parsed.plan.days.length === 0) return;
    const plan = parsed.plan;
    checkSections(plan, report);
    checkVariants(plan, report);
    checkOverview(plan, report);
    checkBlocks(plan, parsed.diagnostics, report);
  },
};

function checkSections(plan: WeeklyPlan, report: Report): void {
  const hashes = '#'.repeat(plan.dayDepth);
  const index = (kind: 'goals' | 'overview' | 'day') => plan.sections.findIndex((section) => section.kind === kind);
  const goals = index('goals');
  const overview = index('overview');
  const firstDay = index('day');
  const firstDayPosition = plan.sections[firstDay]!.position;
  if (goals === -1) report('section-missing', firstDayPosition, `Missing section "${hashes} Weekly Goals" before the days.`);
  if (overview === -1) report('section-missing', firstDayPosition, `Missing section "${hashes} Weekly Overview Table" before the days.`);
  if (goals !== -1 && overview !== -1 && overview < goals && goals < firstDay) {
    report('section-order', plan.sections[goals]!.position, '"Weekly Goals" must come before "Weekly Overview Table".');
  }
  for (const [at, name] of [
    [goals, 'Weekly Goals'],
    [overview, 'Weekly Overview Table'],
  ] as const) {
    if (at > firstDay) report('section-order', plan.sections[at]!.position, `"${name}" must come before Day 1.`);
  }
}

function checkVariants(plan: WeeklyPlan, report: Report): void {
  const hashes = '#'.repeat(plan.dayDepth + 1);
  for (const day of plan.days) {
    if (!day.variants.some((section) => section.variant === '4h')) {
      report('four-hour-plan-missing', day.position, `Day ${day.number} has no "${hashes} 4-Hour Plan" section.`);
    }
    if (!day.variants.some((section) => section.variant === '6h')) {
      report('six-hour-plan-missing', day.position, `Day ${day.number} has no "${hashes} 6-Hour Plan" section.`);
    }
  }
}

function checkOverview(plan: WeeklyPlan, report: Report): void {
  if (!plan.overviewTablePosition) return;
  const rows = new Map<number, number>();
  const dayNumbers = new Set(plan.days.map((day) => day.number));
  for (const row of plan.overview) {
    if (row.day < 1 || row.day > DAYS_PER_WEEK) {
      report('overview-row-unknown', row.position, `Overview row for Day ${row.day} matches no day: a week has Days 1 to ${DAYS_PER_WEEK}.`);
      continue;
    }
    // A day missing from the page already has its own error; the overview row is then not the problem.
    if (!dayNumbers.has(row.day)) continue;
    if (rows.has(row.day)) {
      report('overview-row-duplicate', row.position, `The overview table lists Day ${row.day} twice (first at line ${rows.get(row.day)}).`);
      continue;
    }
    rows.set(row.day, row.position.line);
    if (row.focus.trim() === '') {
      report('overview-focus-empty', row.position, `Overview row for Day ${row.day} has no focus: say in a few words what the day is about.`);
      continue;
    }
    const day = plan.days.find((candidate) => candidate.number === row.day);
    if (day && day.title && !sharesWord(row.focus, day.title)) {
      report(
        'overview-title-mismatch',
        row.position,
        `Overview row for Day ${row.day} ("${row.focus}") shares no word with the Day ${row.day} heading ("${day.title}").`,
      );
    }
  }
  for (const day of plan.days) {
    if (day.number >= 1 && day.number <= DAYS_PER_WEEK && !rows.has(day.number)) {
      report('overview-row-missing', plan.overviewTablePosition, `The overview table has no row for Day ${day.number}.`);
    }
  }
}

/** Loose on purpose: overview focus and day titles are written differently ("DB" vs "Document Store"). */
function sharesWord(a: string, b: string): boolean {
  const words = (text: string) =>
    new Set(
      text
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((word) => word.length > 2 && !STOP_WORDS.has(word)),
    );
  const left = words(a);
  const right = words(b);
  if (left.size === 0 || right.size === 0) return true;
  for (const word of left) {
    if (right.has(word) || [...right].some((other) => other.startsWith(word.slice(0, 5)) && word.length >= 5)) return true;
  }
  return false;
}

const STOP_WORDS = new Set(['and', 'the', 'for', 'with', 'day', 'todo']);

function checkBlocks(plan: WeeklyPlan, parserDiagnostics: readonly {code: string; line: number}[], report: Report): void {
  const starts = plan.days.map((day) => day.position.line).sort((a, b) => a - b);
  for (const day of plan.days) {
    // A block whose duration could not be read already has an error; totals would only echo it.
    const end = starts.find((line) => line > day.position.line) ?? Infinity;
    const unreadable = parserDiagnostics.some(
      (diagnostic) => diagnostic.code === 'duration-missing' && diagnostic.line > day.position.line && diagnostic.line < end,
    );
    const wrong = day.blocks.find((block, index) => block.number !== index + 1);
    if (wrong) {
      const expected = day.blocks.indexOf(wrong) + 1;
      report(
        'block-number',
        wrong.position,
        `Day ${day.number}: expected Block ${expected} here, found Block ${wrong.number}; number blocks 1, 2, 3… without gaps.`,
      );
    }
    for (const item of [...day.blocks, ...day.additions]) {
      if (!item.duration) continue;
      if (item.duration.min < ITEM_MINUTES.min || item.duration.max > ITEM_MINUTES.max) {
        const name = 'number' in item ? `Block ${item.number}` : `"${item.label}"`;
        report(
          'duration-implausible',
          item.position,
          `Day ${day.number}: ${name} lasts ${formatRange(item.duration)}; a single item normally takes ${formatMinutes(ITEM_MINUTES.min)} to ${formatMinutes(ITEM_MINUTES.max)}.`,
        );
      }
    }
    if (!unreadable && day.blocks.length > 0 && day.blocks.every((block) => block.duration)) {
      const total = sumDurations(day.blocks.map((block) => block.duration));
      if (total.max < FOUR_HOUR_DAY.min || total.min > FOUR_HOUR_DAY.max) {
        report(
          'day-duration-implausible',
          day.position,
          `Day ${day.number}: the 4-hour blocks add up to ${formatRange(total)}; a 4-hour day should plan between ${formatMinutes(FOUR_HOUR_DAY.min)} and ${formatMinutes(FOUR_HOUR_DAY.max)}.`,
        );
      }
    }
  }
}
