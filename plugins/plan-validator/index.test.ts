import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {docsDir, docsFiles} from '../../tests/support/docs';
import {repoRoot} from '../../tests/support/seeds';
import {parsePlan} from '../plan-model/parse';
import type {Diagnostic} from '../plan-model/types';
import {collectAnchors, decodeUtf8, RULES, validatePlanFile, type KnownDocs} from './index';

const fixturesDir = path.join(__dirname, '__fixtures__');

/**
 * One scenario per fixture file. Its folder is where it pretends to live in docs/
 * (`__fixtures__/weeks/week-12/go.md/todo-left.md` is checked as `weeks/week-12/go.md`), and
 * its diagnostics are snapshotted beside it in `<scenario>.diagnostics`.
 */
function listFixtures(dir = ''): string[] {
  return readdirSync(path.join(fixturesDir, dir)).flatMap((name) => {
    const child = dir ? `${dir}/${name}` : name;
    if (statSync(path.join(fixturesDir, child)).isDirectory()) return listFixtures(child);
    return name.endsWith('.md') ? [child] : [];
  });
}
const fixtures = listFixtures();
const docPathOf = (fixture: string): string => path.posix.dirname(fixture);

/** The rest of the site the fixtures link into; small and fixed so the corpus does not depend on docs/. */
function knownDocsWith(docPath: string, source: string): KnownDocs {
  return new Map<string, ReadonlySet<string>>([
    ['roadmap/roadmap-16-weeks.md', new Set(['how-a-week-works'])],
    ['weeks/week-09/go.md', new Set(Array.from({length: 7}, (_, index) => `day-${index + 1}`))],
    [docPath, collectAnchors(docPath, source)],
  ]);
}

/** The CLI's line format without the file name. */
const format = (diagnostic: Diagnostic) => `${diagnostic.line}:${diagnostic.column}  ${diagnostic.severity}  ${diagnostic.message}  ${diagnostic.code}`;

function validate(docPath: string, source: string): Diagnostic[] {
  return validatePlanFile({path: docPath, source, knownDocs: knownDocsWith(docPath, source)});
}

describe('fixture corpus', () => {
  it('has a scenario for most rules, and valid plans that produce nothing', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(60);
    expect(fixtures.filter((fixture) => path.posix.basename(fixture).startsWith('valid-')).length).toBeGreaterThanOrEqual(2);
  });

  describe.for(fixtures)('%s', (fixture) => {
    const source = readFileSync(path.join(fixturesDir, fixture), 'utf8');
    const diagnostics = validate(docPathOf(fixture), source);
    if (path.posix.basename(fixture).startsWith('valid-')) {
      it('has no diagnostics', () => {
        expect(diagnostics.map(format)).toEqual([]);
      });
      return;
    }
    it('produces its diagnostics (message, line, column and rule)', async () => {
      expect(diagnostics.length).toBeGreaterThan(0);
      await expect(`${diagnostics.map(format).join('\n')}\n`).toMatchFileSnapshot(path.join(fixturesDir, fixture.replace(/\.md$/, '.diagnostics')));
    });
  });
});

describe('the rule table', () => {
  it('gives every rule a unique stable code, a severity, a description and a fix', () => {
    const codes = RULES.map((rule) => rule.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of RULES) {
      expect(rule.code).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/);
      expect(['error', 'warning']).toContain(rule.severity);
      expect(rule.description.trim()).not.toBe('');
      expect(rule.fix.trim()).not.toBe('');
    }
  });

  it('is documented rule by rule in CONTRIBUTING.md', () => {
    const contributing = readFileSync(path.join(repoRoot, 'CONTRIBUTING.md'), 'utf8');
    const documented = new Set([...contributing.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((match) => match[1]));
    expect(documented).toEqual(new Set(RULES.map((rule) => rule.code)));
  });
});

describe('site pages and seeded plans', () => {
  it("a site page may use the site's MDX components, which plans may not", () => {
    const page = '---\ntitle: Roadmap\nmdx:\n  format: mdx\n---\n\n## Weeks\n\n<Roadmap section="intensive" />\n';
    expect(validate('roadmap/roadmap-16-weeks.md', page)).toEqual([]);
    expect(validate('weeks/week-12/go.md', page).map((diagnostic) => diagnostic.code)).toEqual(expect.arrayContaining(['frontmatter-mdx', 'jsx-element']));
  });

  const allDocs = new Map<string, ReadonlySet<string>>();
  const docs = docsFiles();
  for (const doc of docs) allDocs.set(doc, collectAnchors(doc, readFileSync(path.join(docsDir, doc), 'utf8')));

  it.for(docs)('%s passes with no errors', (doc) => {
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
  const weekly = readFileSync(path.join(fixturesDir, 'weeks/week-12/go.md/valid-weekly.md'), 'utf8');
  const intensive = readFileSync(path.join(fixturesDir, 'intensive/senior-go-3-days.md/valid-intensive.md'), 'utf8');
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

describe('bounds before parsing', () => {
  it('refuses a file far larger than any plan with one error naming its size, without parsing it', () => {
    const huge = `### Day 1 – Big\n\n#### 4-Hour Plan\n\n${'- **Block 1 (A – 60 min)**\n'.repeat(80_000)}`;
    const diagnostics = validatePlanFile({path: 'weeks/week-12/go.md', source: huge});
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'file-too-large',
        line: 1,
        column: 1,
        message: expect.stringMatching(/^This file is 2\.\d MB; a page is at most 128 KB/),
      }),
    ]);
  });

  it('names the line and column of the first byte that is not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('---\nid: go\n---\n\n### Day 1 – Caf'), Buffer.from([0xe9]), Buffer.from(' crème\n')]);
    const decoded = decodeUtf8(bytes);
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.diagnostic).toEqual(expect.objectContaining({code: 'encoding-invalid', line: 5, column: 16}));
    expect(decodeUtf8(Buffer.from('### Day 1 – Café ✓\n'))).toEqual({ok: true, source: '### Day 1 – Café ✓\n'});
  });
});
