import {readFileSync} from 'node:fs';
import path from 'node:path';
import {parsePlan} from '../plan-model/parse';
import {
  buildPlanData,
  buildPlanDataAndPages,
  planItemIds,
  planMinutes,
  SUMMARY_MAX_LENGTH,
  weeklyDayItems,
  type PlanSource,
  type WeeklyPlanSummary,
} from './summary';

const root = path.resolve(__dirname, '../..');
const doc = (planId: string, title = 'Go Track'): PlanSource => ({
  planId,
  permalink: `/${planId}`,
  title,
  sidebarLabel: planId.startsWith('weeks/') ? 'Go' : undefined,
  source: readFileSync(path.join(root, 'docs', `${planId}.md`), 'utf8'),
});

const seeds = ['weeks/week-09/go', 'weeks/week-10/go', 'weeks/week-11/go', 'weeks/week-13/go', 'intensive/senior-go-14-days'].map((id) => doc(id));
const data = buildPlanData([...seeds, doc('roadmap/roadmap-16-weeks', '16-Week Roadmap'), doc('topic-banks/machine-coding-bank', 'Machine Coding Bank')]);
const week = (n: number) => data.plans.find((plan): plan is WeeklyPlanSummary => plan.kind === 'weekly' && plan.week === n)!;

describe('plan summary from the seed plans', () => {
  it('has the five plans, sorted by id, and leaves out pages that are not plans', () => {
    expect(data.plans.map((plan) => plan.id)).toEqual([
      'intensive/senior-go-14-days',
      'weeks/week-09/go',
      'weeks/week-10/go',
      'weeks/week-11/go',
      'weeks/week-13/go',
    ]);
  });

  it('reads week number, track and focus of a weekly plan', () => {
    expect(week(9)).toMatchObject({
      week: 9,
      track: 'go',
      trackLabel: 'Go',
      permalink: '/weeks/week-09/go',
      focus: ['System Design', 'Backend Practice', 'DSA', 'Theory'],
    });
    expect(week(9).highlights[0]).toBe('Learn structured approach to system design interviews.');
    // "Design:" only introduces the list that follows; it says nothing on its own.
    expect(week(11).highlights).toEqual(['Rate limiter service.', 'Auth service.', 'File storage service.', 'Log processing pipeline.']);
  });

  it('uses the same item ids as the page (the parser’s), per variant', () => {
    for (const summary of data.plans) {
      const source = seeds.find((seed) => seed.planId === summary.id)!.source;
      const plan = parsePlan(source).plan!;
      const ids =
        plan.kind === 'weekly'
          ? plan.days.flatMap((day) => [...day.blocks.map((block) => block.id), ...day.additions.map((addition) => addition.id)])
          : plan.days.flatMap((day) =>
              day.sessions.flatMap((session) => [...session.topics.map((topic) => topic.id), ...session.practice.map((item) => item.id)]),
            );
      expect(planItemIds(summary)).toEqual(ids);
    }
    const day1 = week(9).days[0]!;
    expect(weeklyDayItems(day1, '4h')).toEqual(['d1-b1', 'd1-b2', 'd1-b3', 'd1-b4']);
    expect(weeklyDayItems(day1, '6h')).toEqual(['d1-b1', 'd1-b2', 'd1-b3', 'd1-b4', 'd1-a1']);
  });

  it('totals planned minutes per day and per plan', () => {
    expect(week(9).days[0]).toMatchObject({number: 1, anchor: 'day-1', minutes4h: {min: 210, max: 225}, minutes6h: {min: 270, max: 285}});
    const intensive = data.plans.find((plan) => plan.kind === 'intensive')!;
    expect(intensive.days).toHaveLength(14);
    // Morning (6 hours) + Evening (8 hours), every day.
    expect(planMinutes(intensive, '4h')).toEqual({min: 14 * 14 * 60, max: 14 * 14 * 60});
  });

  it('marks the build and mock days of machine coding weeks only', () => {
    expect(
      week(13)
        .days.filter((day) => day.machineCoding)
        .map((day) => day.number),
    ).toEqual([1, 2, 3, 4, 6]);
    for (const n of [9, 10, 11]) expect(week(n).days.some((day) => day.machineCoding)).toBe(false);
  });

  it('lists the 14-day plan’s practice items with their session anchors', () => {
    const intensive = data.plans.find((plan) => plan.kind === 'intensive');
    expect(intensive?.kind === 'intensive' && intensive.days[0]!.practice).toEqual([
      {id: 'd1-evening-p1', text: 'Implement a thread-safe cache with generics', anchor: 'day-1-evening'},
      {id: 'd1-evening-p2', text: 'Build a concurrent pipeline processor', anchor: 'day-1-evening'},
      {id: 'd1-evening-p3', text: 'Create a rate limiter', anchor: 'day-1-evening'},
    ]);
  });

  it('sums a week up in one line: the first weekly goal, cut after a sentence when long', () => {
    expect(week(10).summary).toBe('Design Uber/Swiggy-like system. Design notification system with multiple channels.');
    expect(week(9).summary).toBe('Learn structured approach to system design interviews. Design scalable REST APIs for realistic services.');
    for (const n of [9, 10, 11, 13]) expect(week(n).summary.length).toBeLessThanOrEqual(SUMMARY_MAX_LENGTH);
  });

  it('cuts a long summary without sentence breaks at a word, with an ellipsis', () => {
    const long = `Queues ${'and more queues '.repeat(20)}`;
    const source = doc('weeks/week-10/go').source.replace('sidebar_position: 2\n', `sidebar_position: 2\ndescription: ${long}\n`);
    const [summary] = buildPlanData([{...doc('weeks/week-10/go'), source}]).plans;
    const text = summary?.kind === 'weekly' ? summary.summary : '';
    expect(text.length).toBeLessThanOrEqual(SUMMARY_MAX_LENGTH);
    expect(text).toMatch(/^Queues and more queues .* queues…$/);
  });

  it('prefers the front matter description as the summary', () => {
    const source = doc('weeks/week-10/go').source.replace(
      'sidebar_position: 2\n',
      'sidebar_position: 2\ndescription: "Ride hailing and notifications, end to end."\n',
    );
    const [summary] = buildPlanData([{...doc('weeks/week-10/go'), source}]).plans;
    expect(summary).toMatchObject({kind: 'weekly', summary: 'Ride hailing and notifications, end to end.'});
  });

  it('stays compact enough to ship with every page', () => {
    expect(JSON.stringify(data).length).toBeLessThan(20_000);
  });
});

describe('a new plan file', () => {
  it('appears in the summary with no other change', () => {
    const newWeek: PlanSource = {...doc('weeks/week-13/go'), planId: 'weeks/week-14/go', permalink: '/weeks/week-14/go'};
    const withNew = buildPlanData([...seeds, newWeek]);
    expect(withNew.plans.map((plan) => plan.id)).toContain('weeks/week-14/go');
    expect(withNew.plans.find((plan) => plan.id === 'weeks/week-14/go')).toMatchObject({kind: 'weekly', week: 14, track: 'go'});
  });

  it('is left out when it is a weekly plan outside weeks/week-NN/', () => {
    const stray: PlanSource = {...doc('weeks/week-13/go'), planId: 'drafts/go'};
    expect(buildPlanData([stray]).plans).toEqual([]);
  });
});

describe('a plan the content check parsed already', () => {
  it('is summarised from that model, not parsed again', () => {
    const week10 = doc('weeks/week-10/go');
    const {plan} = parsePlan(week10.source, {kind: 'weekly'});
    // The text is not read again: an empty source with the model gives the same summary and page as the file itself.
    expect(buildPlanDataAndPages([{...week10, source: '', plan}])).toEqual(buildPlanDataAndPages([week10]));
  });
});
