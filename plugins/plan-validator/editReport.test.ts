import {comparePlanVersions} from './edits';
import {formatEditSummary, markdownEditSummary} from './editReport';

const base = {ref: 'origin/main', commit: '0123456789abcdef0123456789abcdef01234567'};
const display = (docsRelative: string) => `docs/${docsRelative}`;

const day = (practice: string) => `## Day 1: Fundamentals
### Morning (6 hours)
* Go Memory Model
  * Stack vs Heap

### Evening (8 hours)
* Practice:
  * ${practice}
`;

describe('the summary of an edit', () => {
  it('keeps item text that looks like Markdown from breaking the job summary table', () => {
    const edit = comparePlanVersions(
      {path: 'intensive/go.md', source: day('Build a cache')},
      {path: 'intensive/go.md', source: day('Compare `sync.Map` | map+RWMutex <b>under load</b>')},
    );
    const markdown = markdownEditSummary([edit], base, display);
    expect(markdown).toContain(
      '| rewritten | `d1-evening-p1` Build a cache | `d1-evening-p1` Compare sync.Map \\| map+RWMutex \\<b\\>under load\\</b\\> | detached |',
    );
    expect(markdown).toContain('| Day | at the base | now |\n|---|---|---|\n| 1 | 14 h | 14 h |');
  });

  it('says a moved plan takes its records along when its items are unchanged, and a new plan has none yet', () => {
    const moved = comparePlanVersions({path: 'intensive/go.md', source: day('Build a cache')}, {path: 'intensive/golang.md', source: day('Build a cache')});
    const added = comparePlanVersions(null, {path: 'intensive/rust.md', source: day('Build a cache')});
    expect(formatEditSummary([moved, added], base, display).split('\n')).toEqual([
      "What this change does to learners' records, compared with origin/main (0123456789ab):",
      '',
      'docs/intensive/golang.md (moved from docs/intensive/go.md)',
      '  4 unchanged.',
      '  Records move to the new plan id (4 of 4 items unchanged). Records follow on 4 items; no records become detached.',
      '  Planned time per day (base → now):',
      '    Day 1: unchanged',
      '',
      'docs/intensive/rust.md (new plan)',
      '  4 added, 0 unchanged.',
      '  A new plan: nobody has records on it yet.',
      '    added      d1-morning  "Morning (6 hours)"',
      '    added      d1-morning-t1  "Go Memory Model"',
      '    added      d1-evening  "Evening (8 hours)"',
      '    added      d1-evening-p1  "Build a cache"',
      '  Planned time per day (base → now):',
      '    Day 1: — → 14 h',
    ]);
  });

  it('says a moved plan whose items changed too much leaves its records under the old id, and lists no item as followed', () => {
    const before = day('Build a cache').replace('Go Memory Model', 'Escape analysis');
    const moved = comparePlanVersions({path: 'intensive/go.md', source: before}, {path: 'intensive/golang.md', source: day('Build a queue')});
    const summary = formatEditSummary([moved], base, display).split('\n');
    expect(summary).toContain('  Records stay under the old plan id intensive/go and are not shown on the moved page: only 2 of 4 items are unchanged.');
    expect(summary.filter((line) => line.includes('(records follow)'))).toEqual([]);
  });
});
