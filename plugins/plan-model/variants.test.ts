import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {repoRoot} from '../../tests/support/seeds';
import {parsePlan} from './parse';
import type {ParseResult, PlanModel} from './types';

const variantsDir = path.join(__dirname, '__fixtures__/variants');
const read = (name: string): string => readFileSync(path.join(variantsDir, name), 'utf8');

/** What a reader gets from a plan: every tickable item with its label, timer length and details. */
function items(plan: PlanModel | null) {
  if (!plan) return null;
  if (plan.kind === 'weekly') {
    return plan.days.map((day) => ({
      day: day.number,
      blocks: day.blocks.map((block) => ({id: block.id, label: block.label, duration: block.duration, details: block.details})),
      additions: day.additions.map((addition) => ({id: addition.id, label: addition.label, duration: addition.duration, details: addition.details})),
    }));
  }
  return plan.days.map((day) => ({
    day: day.number,
    sessions: day.sessions.map((session) => ({
      id: session.id,
      topics: session.topics.map((topic) => [topic.id, topic.title, topic.items]),
      practice: session.practice.map((item) => [item.id, item.text]),
    })),
  }));
}

const summary = (result: ParseResult) => ({
  items: items(result.plan),
  diagnostics: result.diagnostics.map((diagnostic) => `${diagnostic.line}:${diagnostic.column} ${diagnostic.severity} ${diagnostic.code}`),
});

describe.for(readdirSync(variantsDir).filter((file) => file.endsWith('.md')))('plan variant %s', (file) => {
  it('reads as its snapshot', async () => {
    await expect(`${JSON.stringify(summary(parsePlan(read(file))), null, 2)}\n`).toMatchFileSnapshot(
      path.join(variantsDir, file.replace(/\.md$/, '.model.json')),
    );
  });
});

describe('real plans as people write them', () => {
  it('a code fence that ends the list keeps the blocks after it, and belongs to the block before it', () => {
    const result = parsePlan(read('code-fence-between-blocks.md'));
    expect(result.diagnostics).toEqual([]);
    const day = result.plan!.kind === 'weekly' ? result.plan!.days[0]! : null;
    expect(day!.blocks.map((block) => [block.id, block.label, block.duration])).toEqual([
      ['d2-b1', 'Concepts', {min: 60, max: 60}],
      ['d2-b2', 'Design', {min: 60, max: 75}],
      ['d2-b3', 'Implementation', {min: 60, max: 60}],
      ['d2-b4', 'DSA', {min: 45, max: 45}],
    ]);
    expect(day!.blocks[1]!.details).toEqual(
      expect.arrayContaining(['Sketch the request path:', 'client ──► gateway ──► auth', 'Mark where rate limiting happens.']),
    );
    expect(day!.blocks[2]!.details.join('\n')).toContain('"/notes": "http://notes:8080",');
    expect(day!.blocks[1]!.attached).toHaveLength(2);
  });

  it('tables, quotes, images and paragraphs after a block stay with it', () => {
    const result = parsePlan(read('table-quote-image-in-blocks.md'));
    expect(result.diagnostics).toEqual([]);
    const day = result.plan!.kind === 'weekly' ? result.plan!.days[0]! : null;
    expect(day!.blocks.map((block) => block.id)).toEqual(['d4-b1', 'd4-b2', 'd4-b3']);
    expect(day!.blocks[0]!.attached).toHaveLength(2);
    expect(day!.blocks[0]!.details).toEqual(expect.arrayContaining(['Tip: say which one you pick before the interviewer asks.']));
    expect(day!.blocks[1]!.details).toContain('Keep the diagram to five boxes.');
  });

  it('reads "Do everything…, plus:", bold mid-line, prose with the duration at the end, and an addition without one', () => {
    const result = parsePlan(read('everything-plus-and-prose.md'));
    const day = result.plan!.kind === 'weekly' ? result.plan!.days[0]! : null;
    expect(day!.blocks.map((block) => [block.label, block.duration])).toEqual([
      ['Errors as values', {min: 60, max: 60}],
      ['Sentinel vs typed errors', {min: 60, max: 75}],
      ['DSA', {min: 60, max: 60}],
    ]);
    expect(day!.additions.map((addition) => [addition.id, addition.label, addition.duration])).toEqual([
      ['d5-a1', 'DSA block', {min: 45, max: 60}],
      ['d5-a2', 'reading', {min: 30, max: 30}],
      ['d5-a3', 'mini error-handling layer', {min: 60, max: 60}],
      ['d5-a4', 'Refactor previous utilities', {min: 60, max: 60}],
      ['d5-a5', 'Integrate one aggregation', null],
    ]);
    expect(day!.additions[2]!.details).toEqual(['Add a mini error-handling layer for a tiny API']);
    // Only the addition without a duration is worth a word, and only a warning: it still gets a tick box.
    expect(result.diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.code, diagnostic.line])).toEqual([
      ['warning', 'addition-duration-missing', 20],
    ]);
  });

  it('an intensive session split by a code sample keeps every topic', () => {
    const result = parsePlan(read('intensive-split-topics.md'));
    const plan = result.plan!;
    expect(plan.kind).toBe('intensive');
    const morning = plan.kind === 'intensive' ? plan.days[0]!.sessions[0]! : null;
    expect(morning!.topics.map((topic) => topic.title)).toEqual(['Goroutines and the scheduler', 'Channels', 'Select and timeouts']);
  });
});

describe('no silent loss (property-based)', {timeout: 120_000}, () => {
  const seeds = ['weeks/week-09/go.md', 'weeks/week-10/go.md', 'weeks/week-11/go.md', 'weeks/week-13/go.md'].map((doc) =>
    readFileSync(path.join(repoRoot, 'docs', doc), 'utf8'),
  );
  /** Markdown that ends a list when it sits unindented between items. */
  const interruptions = [
    '```\nclient -> server\n```',
    '```go\nfunc main() {}\n```',
    'A paragraph a contributor added between blocks.',
    '| Step | Time |\n|---|---|\n| read | 10 min |',
    '> A quote with a tip.',
    '![diagram](./diagram.png)',
    '',
  ];
  const timedItems = (source: string) => {
    const plan = parsePlan(source).plan;
    if (plan?.kind !== 'weekly') return null;
    return plan.days.map((day) => [...day.blocks, ...day.additions].map((item) => [item.id, item.label, item.duration]));
  };

  it('inserting code fences, paragraphs, tables and blank lines anywhere in the days leaves every block and addition as it was', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...interruptions)), {minLength: 1, maxLength: 6}),
        (source, insertions) => {
          const lines = source.split('\n');
          const firstDay = lines.findIndex((line) => /^### Day 1\b/.test(line));
          for (const [at, text] of insertions) {
            // Between two lines after the first day heading, never inside a heading line.
            const index = firstDay + 1 + (at % (lines.length - firstDay));
            lines.splice(index, 0, '', text, '');
          }
          expect(timedItems(lines.join('\n'))).toEqual(timedItems(source));
        },
      ),
      {numRuns: 150},
    );
  });
});
