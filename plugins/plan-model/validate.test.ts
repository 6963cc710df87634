import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {repoRoot} from '../../tests/support/seeds';
import {parsePlan} from './parse';
import type {Diagnostic} from './types';
import {collectAnchors, validatePlanFile, type KnownDocs} from './validate';

const fixturesDir = path.join(repoRoot, 'tests/fixtures');
const invalidDir = path.join(fixturesDir, 'invalid-plans');
const docsDir = path.join(repoRoot, 'docs');

/** One broken plan: where it pretends to live in docs/ and every diagnostic it must produce, in order. */
interface Expectation {
  path: string;
  diagnostics: string[];
}

const expected = JSON.parse(readFileSync(path.join(invalidDir, 'expected.json'), 'utf8')) as Record<string, Expectation>;
const corpus = readdirSync(invalidDir).filter((file) => /\.mdx?$/.test(file));

/** The rest of the site the fixtures link into; small and fixed so the corpus does not depend on docs/. */
function knownDocsWith(docPath: string, source: string): KnownDocs {
  return new Map<string, ReadonlySet<string>>([
    ['roadmap/roadmap-16-weeks.md', new Set(['how-a-week-works'])],
    ['weeks/week-09/go.md', new Set(Array.from({length: 7}, (_, index) => `day-${index + 1}`))],
    [docPath, collectAnchors(docPath, source)],
  ]);
}

/** The CLI's line format without the file name. */
const format = (diagnostic: Diagnostic) => `${diagnostic.line}:${diagnostic.column}  ${diagnostic.severity}  ${diagnostic.message}`;

function validate(docPath: string, source: string): Diagnostic[] {
  return validatePlanFile({path: docPath, source, knownDocs: knownDocsWith(docPath, source)});
}

describe('invalid plan corpus', () => {
  it('lists every fixture file in expected.json, and nothing else', () => {
    expect(new Set(Object.keys(expected))).toEqual(new Set(corpus));
    expect(corpus.length).toBeGreaterThanOrEqual(30);
  });

  it('has fixtures that each break something different', () => {
    const outcomes = Object.values(expected).map((entry) => `${entry.path}\n${entry.diagnostics.join('\n')}`);
    expect(new Set(outcomes).size).toBe(outcomes.length);
    for (const entry of Object.values(expected)) expect(entry.diagnostics.length).toBeGreaterThan(0);
  });

  describe.for(corpus)('%s', (file) => {
    it('produces exactly its expected diagnostics (message, line and column)', () => {
      const entry = expected[file]!;
      const source = readFileSync(path.join(invalidDir, file), 'utf8');
      expect(validate(entry.path, source).map(format)).toEqual(entry.diagnostics);
    });
  });
});

describe('valid plans', () => {
  it('a complete weekly plan has no diagnostics', () => {
    const source = readFileSync(path.join(fixturesDir, 'valid-plans/weekly.md'), 'utf8');
    expect(validate('weeks/week-12/go.md', source)).toEqual([]);
  });

  it('a complete intensive plan has no diagnostics', () => {
    const source = readFileSync(path.join(fixturesDir, 'valid-plans/intensive.md'), 'utf8');
    expect(validate('intensive/senior-go-3-days.md', source)).toEqual([]);
  });

  it("a site page may use the site's MDX components, which plans may not", () => {
    const page = '---\ntitle: Roadmap\nmdx:\n  format: mdx\n---\n\n## Weeks\n\n<Roadmap section="intensive" />\n';
    expect(validate('roadmap/roadmap-16-weeks.md', page)).toEqual([]);
    expect(validate('weeks/week-12/go.md', page).map((diagnostic) => diagnostic.code)).toEqual(expect.arrayContaining(['frontmatter-mdx', 'jsx-element']));
  });

  const seeds = ['weeks/week-09/go.md', 'weeks/week-10/go.md', 'weeks/week-11/go.md', 'weeks/week-13/go.md', 'intensive/senior-go-14-days.md'];
  const allDocs = new Map<string, ReadonlySet<string>>();
  const listDocs = (dir: string): string[] =>
    readdirSync(path.join(docsDir, dir), {withFileTypes: true}).flatMap((entry) => {
      const child = dir ? `${dir}/${entry.name}` : entry.name;
      return entry.isDirectory() ? listDocs(child) : /\.mdx?$/.test(entry.name) ? [child] : [];
    });
  for (const doc of listDocs('')) allDocs.set(doc, collectAnchors(doc, readFileSync(path.join(docsDir, doc), 'utf8')));

  it.for(seeds)('seeded plan %s passes with no errors', (doc) => {
    const diagnostics = validatePlanFile({path: doc, source: readFileSync(path.join(docsDir, doc), 'utf8'), knownDocs: allDocs});
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map(format)).toEqual([]);
  });
});

describe('collectAnchors', () => {
  it('knows the ids the site gives weekly days and variants, and slugs for other headings', () => {
    const anchors = collectAnchors('weeks/week-13/go.md', readFileSync(path.join(docsDir, 'weeks/week-13/go.md'), 'utf8'));
    for (let day = 1; day <= 7; day += 1) {
      expect(anchors).toContain(`day-${day}`);
      expect(anchors).toContain(`day-${day}-4h`);
      expect(anchors).toContain(`day-${day}-6h`);
    }
    expect(anchors).toContain('weekly-goals');
    // Day headings carry stable ids, not slugs of their wording.
    expect(anchors).not.toContain('day-1--in-memory-document-store');
    expect(anchors).not.toContain('day-1-in-memory-document-store');
  });

  it("knows the intensive plan's session ids and its generated overview", () => {
    const anchors = collectAnchors('intensive/senior-go-14-days.md', readFileSync(path.join(docsDir, 'intensive/senior-go-14-days.md'), 'utf8'));
    expect(anchors).toContain('at-a-glance');
    expect(anchors).toContain('day-14');
    expect(anchors).toContain('day-5-morning');
    expect(anchors).toContain('day-5-evening');
    expect(anchors).not.toContain('day-15');
  });

  it('honours explicit heading ids', () => {
    expect(collectAnchors('topic-banks/x.md', '## Queues {#message-queues}\n')).toEqual(new Set(['message-queues']));
  });
});

describe('never throws, always positions (property-based)', {timeout: 120_000}, () => {
  const weekly = readFileSync(path.join(fixturesDir, 'valid-plans/weekly.md'), 'utf8');
  const intensive = readFileSync(path.join(fixturesDir, 'valid-plans/intensive.md'), 'utf8');
  /** Fragments that sit on the parser's and validator's edges. */
  const tricky = [
    '---',
    '### Day 9 – Extra',
    '### Day 3',
    '#### 4-Hour Plan',
    '- **Block 0 (x – 0 min)**',
    '- **Block 2 (Design – 90 – 60 min)**',
    '  - **Practice ()**',
    '- Add:',
    '| 1 | |',
    '| Day | Focus |\n|---|---|',
    '<script>alert(1)</script>',
    '<kbd onclick="x">k</kbd>',
    '<!-- unclosed',
    'import x from "y"',
    '[x](#day-99) [y](../../nope.md#a) [z](javascript:void(0))',
    '![i](//example.com/i.png)',
    'TODO',
    'id: [',
    '```',
    '\r\n',
    '',
  ];
  const docPaths = ['weeks/week-12/go.md', 'intensive/senior-go-3-days.md', 'weeks/week-12/Go.md', 'roadmap/roadmap-16-weeks.md', 'weeks/week-12/go.mdx'];

  /** A plan with random lines deleted, duplicated, swapped, replaced or inserted. */
  const mutatedPlan = fc
    .tuple(
      fc.constantFrom(weekly, intensive),
      fc.array(
        fc.tuple(
          fc.constantFrom('delete', 'duplicate', 'swap', 'insert', 'replace', 'truncate'),
          fc.nat(),
          fc.nat(),
          fc.oneof(fc.constantFrom(...tricky), fc.string({unit: 'binary', maxLength: 40})),
        ),
        {maxLength: 8},
      ),
    )
    .map(([source, edits]) => {
      const lines = source.split('\n');
      for (const [op, a, b, text] of edits) {
        const i = lines.length ? a % lines.length : 0;
        const j = lines.length ? b % lines.length : 0;
        if (op === 'delete') lines.splice(i, 1);
        if (op === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
        if (op === 'swap') [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
        if (op === 'insert') lines.splice(i, 0, text);
        if (op === 'replace') lines[i] = text;
        if (op === 'truncate') lines.length = Math.min(lines.length, i);
      }
      return lines.join('\n');
    });

  const anySource = fc.oneof(
    mutatedPlan,
    fc.string({unit: 'binary', maxLength: 300}),
    fc.string({unit: fc.constantFrom(...tricky.map((t) => `${t}\n`)), maxLength: 30}),
  );

  const checkPositions = (diagnostics: Diagnostic[], source: string) => {
    const lineCount = source.split(/\r\n|\r|\n/).length;
    for (const diagnostic of diagnostics) {
      expect(Number.isInteger(diagnostic.line) && diagnostic.line >= 1 && diagnostic.line <= lineCount + 1, format(diagnostic)).toBe(true);
      expect(Number.isInteger(diagnostic.column) && diagnostic.column >= 1, format(diagnostic)).toBe(true);
      expect(['error', 'warning']).toContain(diagnostic.severity);
      expect(diagnostic.message.trim()).not.toBe('');
      expect(diagnostic.code).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    }
  };

  it('parsePlan never throws and positions every diagnostic', () => {
    fc.assert(
      fc.property(anySource, (source) => {
        checkPositions(parsePlan(source).diagnostics, source);
      }),
      {numRuns: 200},
    );
  });

  it('validatePlanFile never throws and positions every diagnostic', () => {
    fc.assert(
      fc.property(anySource, fc.constantFrom(...docPaths), (source, docPath) => {
        checkPositions(validatePlanFile({path: docPath, source, knownDocs: knownDocsWith(docPath, source)}), source);
      }),
      {numRuns: 200},
    );
  });
});
