import {readFileSync} from 'node:fs';
import path from 'node:path';
import {repoRoot, seedPlans} from '../../tests/support/seeds';
import {parsePlan} from './parse';
import type {DurationRange, IntensivePlan, ParseResult, WeeklyPlan} from './types';

const fixturesDir = path.join(__dirname, '__fixtures__');
const readFixture = (name: string): string => readFileSync(path.join(fixturesDir, name), 'utf8');

function weekly(result: ParseResult): WeeklyPlan {
  expect(result.plan?.kind).toBe('weekly');
  return result.plan as WeeklyPlan;
}

function intensive(result: ParseResult): IntensivePlan {
  expect(result.plan?.kind).toBe('intensive');
  return result.plan as IntensivePlan;
}

/** `60–75` → {60, 75}: the oracle reads numbers straight off the source line, not through the parser. */
function range(low: string, high: string | undefined): DurationRange {
  return {min: Number(low), max: Number(high ?? low)};
}

interface ExpectedWeeklyDay {
  number: number;
  blocks: {number: number; duration: DurationRange}[];
  additions: {label: string; duration: DurationRange}[];
}

/**
 * What a reader counts in a weekly page, line by line: day headings, `**Block N (… – X min)**`
 * lines and the bold timed items under the 6-Hour Plan. Deliberately independent of mdast.
 */
function expectedWeeklyDays(source: string): ExpectedWeeklyDay[] {
  const days: ExpectedWeeklyDay[] = [];
  let section: '4h' | '6h' | null = null;
  for (const line of source.split('\n')) {
    const day = /^### Day (\d+) – /.exec(line);
    if (day) {
      days.push({number: Number(day[1]), blocks: [], additions: []});
      section = null;
      continue;
    }
    if (/^#### 4-Hour Plan$/.test(line)) section = '4h';
    else if (/^#### 6-Hour Plan$/.test(line)) section = '6h';
    else if (/^#{1,3} /.test(line)) section = null;
    const current = days.at(-1);
    if (!current || !section) continue;
    const block = /^- \*\*Block (\d+) \(.+ – (\d+)(?:–(\d+))? min\)\*\*$/.exec(line);
    if (section === '4h' && block) current.blocks.push({number: Number(block[1]), duration: range(block[2]!, block[3])});
    const addition = /^ {2}- \*\*(.+) \((\d+)(?:–(\d+))? min\)\*\*/.exec(line);
    if (section === '6h' && addition) current.additions.push({label: addition[1]!, duration: range(addition[2]!, addition[3])});
  }
  return days;
}

const weeklyPlans = seedPlans.filter((plan) => plan.kind === 'week');

describe.for(weeklyPlans)('$doc', (seedPlan) => {
  const source = readFileSync(path.join(repoRoot, seedPlan.doc), 'utf8');
  const result = parsePlan(source);
  const expected = expectedWeeklyDays(source);

  it('parses without diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
  });

  it(`has ${seedPlan.days} days, numbered in order, with titles and anchors`, () => {
    const plan = weekly(result);
    expect(expected).toHaveLength(seedPlan.days);
    expect(plan.days.map((day) => day.number)).toEqual(expected.map((day) => day.number));
    for (const day of plan.days) {
      expect(day.title).not.toBe('');
      expect(day.anchor).toBe(`day-${day.number}`);
    }
  });

  it('reads every block with its number and duration', () => {
    const plan = weekly(result);
    for (const [index, day] of plan.days.entries()) {
      const want = expected[index]!;
      expect(want.blocks.length, `day ${day.number} block lines`).toBeGreaterThan(0);
      expect(
        day.blocks.map((block) => ({number: block.number, duration: block.duration})),
        `day ${day.number}`,
      ).toEqual(want.blocks);
      expect(day.blocks.map((block) => block.id)).toEqual(want.blocks.map((block) => `d${day.number}-b${block.number}`));
    }
  });

  it('reads every 6-hour addition with its label and duration', () => {
    const plan = weekly(result);
    for (const [index, day] of plan.days.entries()) {
      const want = expected[index]!;
      expect(want.additions.length, `day ${day.number} addition lines`).toBeGreaterThan(0);
      expect(
        day.additions.map((addition) => ({label: addition.label, duration: addition.duration})),
        `day ${day.number}`,
      ).toEqual(want.additions);
    }
  });

  it('reads the overview table: one row per day, each with a focus', () => {
    const plan = weekly(result);
    expect(plan.overview.map((row) => row.day)).toEqual(plan.days.map((day) => day.number));
    for (const row of plan.overview) expect(row.focus).not.toBe('');
  });

  it('records where the overview heading and its table are, for the remark plugin', () => {
    const plan = weekly(result);
    const lines = source.split('\n');
    expect(lines[plan.overviewPosition!.line - 1]).toMatch(/^### Weekly Overview Table$/);
    expect(lines[plan.overviewTablePosition!.line - 1]).toMatch(/^\| Day \| Focus/);
  });

  it('takes the title from front matter and reads the weekly goals', () => {
    const plan = weekly(result);
    expect(plan.title).toBe('Go Track');
    expect(plan.goals.length).toBeGreaterThan(0);
    for (const goal of plan.goals) expect(goal.items.length, goal.area).toBeGreaterThan(0);
  });
});

describe('the overview section', () => {
  const withDay = (overview: string) =>
    parsePlan(`---\ntitle: Go Track\n---\n\n${overview}\n\n### Day 1 – Basics\n\n#### 4-Hour Plan\n\n- **Block 1 (Concepts – 60 min)**\n`);

  it('is only a heading the parser accepts as one, and may lack its table', () => {
    const notOverview = weekly(withDay('### Weekly Overview of the goals\n\nText.'));
    expect(notOverview.overviewPosition).toBeNull();
    expect(notOverview.overviewTablePosition).toBeNull();
    const withoutTable = weekly(withDay('### Weekly Overview\n\nText.'));
    expect(withoutTable.overviewPosition).toEqual({line: 5, column: 1});
    expect(withoutTable.overviewTablePosition).toBeNull();
  });
});

describe('week 09 as a reader sees it', () => {
  const plan = weekly(parsePlan(readFileSync(path.join(repoRoot, 'docs/weeks/week-09/go.md'), 'utf8')));

  it('day 1 has four blocks, the first a 60–75 min range', () => {
    const day = plan.days[0]!;
    expect(day.title).toBe('System Design Interview Framework');
    expect(day.blocks.map((block) => [block.label, block.duration])).toEqual([
      ['Concepts', {min: 60, max: 75}],
      ['Template Creation', {min: 60, max: 60}],
      ['DSA', {min: 60, max: 60}],
      ['Review', {min: 30, max: 30}],
    ]);
    expect(day.blocks[0]!.details).toContain('Clarify requirements.');
  });

  it('keeps the text after an addition label as its details', () => {
    const addition = plan.days[0]!.additions[0]!;
    expect(addition).toMatchObject({id: 'd1-a1', label: 'Practice', duration: {min: 60, max: 60}});
    expect(addition.details).toEqual(['Sketch design for feature flag service.']);
  });
});

describe('docs/intensive/senior-go-14-days.md', () => {
  const source = readFileSync(path.join(repoRoot, 'docs/intensive/senior-go-14-days.md'), 'utf8');
  const result = parsePlan(source);
  const plan = intensive(result);

  /** Per day and session: top-level `* ` topics and the items under `* Practice:`, counted from the lines. */
  const expected = (() => {
    const days: {number: number; sessions: {name: string; hours: number; topics: string[]; practice: string[]}[]}[] = [];
    let inPractice = false;
    for (const line of source.split('\n')) {
      const day = /^## Day (\d+): /.exec(line);
      if (day) days.push({number: Number(day[1]), sessions: []});
      const session = /^### (Morning|Evening) \((\d+) hours\)$/.exec(line);
      if (session) days.at(-1)!.sessions.push({name: session[1]!.toLowerCase(), hours: Number(session[2]), topics: [], practice: []});
      const current = days.at(-1)?.sessions.at(-1);
      const topic = /^\* (.+)$/.exec(line);
      if (topic && current) {
        inPractice = /^Practice( Problems)?:$/.test(topic[1]!);
        if (!inPractice) current.topics.push(topic[1]!);
      }
      const nested = /^ {2}\* (.+)$/.exec(line);
      if (nested && current && inPractice) current.practice.push(nested[1]!);
    }
    return days;
  })();

  it('parses without diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
  });

  it('has 14 days, each with a 6-hour morning and an 8-hour evening', () => {
    expect(plan.title).toBe('Intensive 14-Day Senior Golang Engineer Study Plan');
    expect(plan.days.map((day) => day.number)).toEqual(Array.from({length: 14}, (_, index) => index + 1));
    for (const day of plan.days) {
      expect(day.anchor).toBe(`day-${day.number}`);
      expect(
        day.sessions.map((session) => [session.id, session.anchor, session.duration]),
        `day ${day.number}`,
      ).toEqual([
        [`d${day.number}-morning`, `day-${day.number}-morning`, {min: 360, max: 360}],
        [`d${day.number}-evening`, `day-${day.number}-evening`, {min: 480, max: 480}],
      ]);
    }
  });

  it('reads every topic and practice item of every session', () => {
    expect(expected).toHaveLength(14);
    for (const [index, day] of plan.days.entries()) {
      for (const [sessionIndex, session] of day.sessions.entries()) {
        const want = expected[index]!.sessions[sessionIndex]!;
        expect(want.hours * 60).toBe(session.duration?.min);
        expect(
          session.topics.map((topic) => topic.title),
          session.id,
        ).toEqual(want.topics);
        expect(
          session.practice.map((item) => item.text),
          session.id,
        ).toEqual(want.practice);
        expect(session.topics.map((topic) => topic.id)).toEqual(want.topics.map((_, i) => `${session.id}-t${i + 1}`));
        expect(session.practice.map((item) => item.id)).toEqual(want.practice.map((_, i) => `${session.id}-p${i + 1}`));
      }
    }
  });

  it('counts the practice lists of day 1 and day 8 as a reader does', () => {
    expect(plan.days[0]!.sessions[1]!.practice.map((item) => item.text)).toEqual([
      'Implement a thread-safe cache with generics',
      'Build a concurrent pipeline processor',
      'Create a rate limiter',
    ]);
    // Day 8's evening is nothing but practice.
    expect(plan.days[7]!.sessions[1]!.topics).toEqual([]);
    expect(plan.days[7]!.sessions[1]!.practice).toHaveLength(3);
    expect(plan.days[0]!.sessions[0]!.topics[0]!.items).toEqual(['Understanding memory allocation', 'Stack vs Heap', 'Garbage collection mechanics']);
  });
});

describe('tricky inputs (__fixtures__)', () => {
  const durations = (plan: WeeklyPlan) =>
    plan.days.map((day) => ({
      blocks: day.blocks.map((block) => [block.label, block.duration]),
      additions: day.additions.map((addition) => [addition.label, addition.duration]),
    }));

  it('hyphen-range.md: hyphens and spaced hyphens read like en dashes', () => {
    const result = parsePlan(readFixture('hyphen-range.md'));
    expect(result.diagnostics).toEqual([]);
    expect(durations(weekly(result))).toEqual([
      {
        blocks: [
          ['Concepts', {min: 60, max: 75}],
          ['Practice', {min: 60, max: 75}],
        ],
        additions: [['Review', {min: 45, max: 60}]],
      },
    ]);
  });

  it('em-dash.md: em dashes separate labels and ranges', () => {
    const result = parsePlan(readFixture('em-dash.md'));
    expect(result.diagnostics).toEqual([]);
    const plan = weekly(result);
    expect(plan.days[0]!.title).toBe('Em dashes everywhere');
    expect(durations(plan)).toEqual([
      {
        blocks: [
          ['Design', {min: 90, max: 90}],
          ['Drills', {min: 45, max: 60}],
        ],
        additions: [['Mock', {min: 60, max: 60}]],
      },
    ]);
  });

  it('hours.md: hour durations, whole and fractional, become minutes', () => {
    const result = parsePlan(readFixture('hours.md'));
    expect(result.diagnostics).toEqual([]);
    expect(durations(weekly(result))).toEqual([
      {
        blocks: [
          ['Deep work', {min: 90, max: 90}],
          ['Long build', {min: 120, max: 120}],
        ],
        additions: [['Project', {min: 60, max: 60}]],
      },
    ]);
  });

  it('missing-durations.md: each missing duration is a diagnostic at its line and column, and parsing goes on', () => {
    const result = parsePlan(readFixture('missing-durations.md'));
    const plan = weekly(result);
    expect(plan.days[0]!.blocks.map((block) => [block.number, block.duration])).toEqual([
      [1, {min: 60, max: 60}],
      [2, null],
      [3, null],
    ]);
    expect(plan.days[0]!.additions.map((addition) => [addition.label, addition.duration])).toEqual([['Practice', null]]);
    expect(result.diagnostics.map(({severity, code, line, column}) => ({severity, code, line, column}))).toEqual([
      {severity: 'error', code: 'duration-missing', line: 8, column: 3},
      {severity: 'error', code: 'duration-missing', line: 11, column: 3},
      {severity: 'warning', code: 'addition-duration-missing', line: 17, column: 3},
    ]);
    // Messages name the place and show the fix, so a contributor can act without reading code.
    expect(result.diagnostics[0]!.message).toBe('Day 1, Block 2: no duration found in "(Design)"; write it as "(Label – 60 min)" or "(Label – 60–75 min)".');
    expect(result.diagnostics[2]!.message).toContain('"Practice"');
  });

  it('additions-without-add.md: a plain list under 6-Hour Plan is read as additions', () => {
    const result = parsePlan(readFixture('additions-without-add.md'));
    expect(result.diagnostics).toEqual([]);
    const additions = weekly(result).days[0]!.additions;
    expect(additions.map((addition) => [addition.id, addition.label, addition.duration])).toEqual([
      ['d1-a1', 'Practice', {min: 60, max: 60}],
      ['d1-a2', 'Review', {min: 30, max: 30}],
    ]);
    expect(additions[0]!.details).toEqual(['Straight in the list, no "Add:" item.']);
  });

  it('crlf.md: Windows line endings parse like Unix ones', () => {
    const source = readFixture('crlf.md');
    expect(source).toContain('\r\n');
    const crlf = parsePlan(source);
    const lf = parsePlan(source.replace(/\r\n/g, '\n'));
    expect(crlf.diagnostics).toEqual([]);
    expect(crlf.plan).toEqual(lf.plan);
    expect(durations(weekly(crlf))).toEqual([
      {
        blocks: [
          ['Concepts', {min: 60, max: 75}],
          ['DSA', {min: 60, max: 60}],
        ],
        additions: [['Practice', {min: 60, max: 60}]],
      },
    ]);
    expect(weekly(crlf).days[0]!.title).toBe('Windows line endings');
  });

  it('extra-whitespace.md: runs of spaces and blank lines change nothing', () => {
    const result = parsePlan(readFixture('extra-whitespace.md'));
    expect(result.diagnostics).toEqual([]);
    const plan = weekly(result);
    expect(plan.days[0]!.title).toBe('Spaced out');
    expect(durations(plan)).toEqual([
      {
        blocks: [
          ['Concepts', {min: 60, max: 75}],
          ['DSA', {min: 45, max: 45}],
        ],
        additions: [['Practice', {min: 60, max: 60}]],
      },
    ]);
    expect(plan.days[0]!.blocks[0]!.details).toEqual(['Loose spacing everywhere.']);
  });

  it('day-heading-separators.md: hyphen, colon and em dash all introduce a day title', () => {
    const result = parsePlan(readFixture('day-heading-separators.md'));
    expect(result.diagnostics).toEqual([]);
    expect(weekly(result).days.map((day) => [day.number, day.title, day.anchor, day.blocks[0]?.duration?.min])).toEqual([
      [1, 'Hyphen separator', 'day-1', 60],
      [2, 'Colon separator', 'day-2', 30],
      [3, 'Em dash separator', 'day-3', 45],
    ]);
  });

  it('no-days.md: a document without day sections is not a plan', () => {
    expect(parsePlan(readFixture('no-days.md'))).toMatchObject({plan: null, diagnostics: []});
  });

  it('intensive-sessions.md: sessions, practice under both spellings, and an unreadable session length', () => {
    const result = parsePlan(readFixture('intensive-sessions.md'));
    const plan = intensive(result);
    expect(plan.title).toBe('Two intensive days');
    const [day1, day2] = plan.days;
    expect(day1!.sessions.map((session) => [session.name, session.duration, session.topics.length, session.practice.length])).toEqual([
      ['morning', {min: 360, max: 360}, 1, 1],
      ['evening', {min: 480, max: 480}, 1, 2],
    ]);
    expect(day1!.sessions[1]!.topics[0]!.items).toEqual(['Context', 'Channels']);
    expect(day2!.sessions[0]!.duration).toBeNull();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({code: 'duration-missing', line: 19, column: 1, message: expect.stringContaining('Morning (half a day)')}),
    ]);
  });
});
