import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {parsePlan} from '../../plugins/plan-model/parse';
import {collectAnchors, validatePlanFile} from '../../plugins/plan-validator';
import {repoRoot} from '../support/seeds';

const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
const validPlan = readFileSync(path.join(repoRoot, 'plugins/plan-validator/__fixtures__/weeks/week-12/go.md/valid-weekly.md'), 'utf8');
const week09Category = JSON.parse(readFileSync(path.join(repoRoot, 'docs/weeks/week-09/_category_.json'), 'utf8')) as Record<string, unknown>;

/** The page plans link to; the site generates its week grid from the plan files. */
const roadmap = `---
title: 16-Week Roadmap
---

## How a week works

Seven days, each with a 4-hour and a 6-hour plan.
`;

let workDir: string;

/** A site folder (`<tmp>/docs/...`) with a roadmap and one valid week; commands run from `<tmp>`. */
function makeDocs(): string {
  const docs = path.join(workDir, 'docs');
  mkdirSync(path.join(docs, 'roadmap'), {recursive: true});
  writeFileSync(path.join(docs, 'roadmap/roadmap-16-weeks.md'), roadmap);
  mkdirSync(path.join(docs, 'weeks/week-11'), {recursive: true});
  writeFileSync(path.join(docs, 'weeks/week-11/go.md'), validPlan);
  writeFileSync(path.join(docs, 'weeks/week-11/_category_.json'), JSON.stringify({...week09Category, label: 'Week 11', position: 11}));
  return docs;
}

function run(script: 'validate' | 'new-week', args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(tsx, [path.join(repoRoot, 'scripts', `${script}.ts`), ...args], {
    cwd: workDir,
    encoding: 'utf8',
    env: {...process.env, GITHUB_ACTIONS: '', ...env},
    timeout: 60_000,
  });
  return {code: result.status, stdout: result.stdout, stderr: result.stderr, output: result.stdout + result.stderr};
}

/** A stack trace in front of a contributor means we failed to explain the problem. */
const stackTrace = /^\s+at .+:\d+:\d+\)?$/m;

beforeEach(() => {
  workDir = mkdtempSync(path.join(tmpdir(), 'contribute-'));
});

afterEach(() => {
  rmSync(workDir, {recursive: true, force: true});
});

// Each case spawns the real command (TypeScript start-up included), which takes seconds on a busy machine.
describe('npm run validate', {timeout: 60_000}, () => {
  it('passes a clean docs folder with a summary line and exit code 0', () => {
    makeDocs();
    const result = run('validate', ['--docs', 'docs']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('✔ 3 files checked: 0 errors, 0 warnings.');
  });

  it('prints path:line:column  severity  message  rule per problem and exits 1', () => {
    const docs = makeDocs();
    const broken = validPlan.replace('  - Sketch the design and its trade-offs.', '  - TODO: what to design').replace('id: go', 'id: golang');
    writeFileSync(path.join(docs, 'weeks/week-11/go.md'), broken);
    const result = run('validate', ['--docs', 'docs']);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'docs/weeks/week-11/go.md:2:1  warning  Front matter id is "golang" but the file is go.md: write "id: go" so the page\'s address matches its file.  frontmatter-id',
      'docs/weeks/week-11/go.md:42:5  error  Leftover "TODO: what to design": replace it with real content.  todo',
    ]);
    expect(lines.at(-1)).toBe('✖ 1 error, 1 warning in 3 files (1 with errors). Fix the errors above; each names the file, line and column.');
    expect(result.stdout).not.toContain('::error');
  });

  it('exits 0 when there are only warnings, and still prints them', () => {
    const docs = makeDocs();
    // A route link the site resolves is fine for readers; the validator suggests the checked form.
    writeFileSync(path.join(docs, 'weeks/week-11/go.md'), validPlan.replace('(../../roadmap/roadmap-16-weeks.md)', '(../../roadmap/roadmap-16-weeks)'));
    const result = run('validate', ['--docs', 'docs']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^docs\/weeks\/week-11\/go\.md:\d+:\d+ {2}warning {2}Link "\.\.\/\.\.\/roadmap\/roadmap-16-weeks" works, but write "\.\.\/\.\.\/roadmap\/roadmap-16-weeks\.md"/m,
    );
    expect(result.stdout.trim().split('\n').at(-1)).toBe('✔ 3 files checked: 0 errors, 1 warning.');
  });

  it('adds GitHub annotations when running in GitHub Actions', () => {
    const docs = makeDocs();
    writeFileSync(path.join(docs, 'weeks/week-11/go.md'), validPlan.replace('  - Sketch the design and its trade-offs.', '  - TODO: what, to: design'));
    const result = run('validate', ['--docs', 'docs'], {GITHUB_ACTIONS: 'true'});
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      '::error file=docs/weeks/week-11/go.md,line=42,col=5,title=todo::Leftover "TODO: what, to: design": replace it with real content.',
    );
  });

  it('reports bad YAML, a missing _category_.json and an unreadable file without a stack trace', () => {
    const docs = makeDocs();
    mkdirSync(path.join(docs, 'weeks/week-12'));
    writeFileSync(path.join(docs, 'weeks/week-12/go.md'), validPlan.replace('title: Go Track', 'title: "Go Track'));
    symlinkSync(path.join(docs, 'nowhere.md'), path.join(docs, 'weeks/week-11/python.md'));
    const result = run('validate', ['--docs', 'docs']);
    expect(result.code).toBe(1);
    expect(result.output).not.toMatch(stackTrace);
    expect(result.stdout).toContain('docs/weeks/week-11/python.md:1:1  error  Cannot read this file (ENOENT).  file-unreadable');
    expect(result.stdout).toMatch(/^docs\/weeks\/week-12\/go\.md:1:1 {2}warning {2}This week's folder has no _category_\.json/m);
    expect(result.stdout).toMatch(
      /^docs\/weeks\/week-12\/go\.md:3:8 {2}error {2}Front matter is not valid YAML: Missing closing "quote {2}frontmatter-invalid$/m,
    );
  });

  it('explains a missing docs folder and unknown options', () => {
    const missing = run('validate', ['--docs', 'no-such-folder']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No docs folder at no-such-folder.');
    const unknown = run('validate', ['--fix']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--fix'");
    expect(unknown.stderr).toContain('Usage: npm run validate');
    expect(unknown.output).not.toMatch(stackTrace);
  });
});

describe('npm run new-week', {timeout: 60_000}, () => {
  it('creates the week folder, its _category_.json and the plan, and touches nothing else', () => {
    const docs = makeDocs();
    const result = run('new-week', ['--week', '12', '--track', 'go', '--docs', 'docs']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Created docs/weeks/week-12/_category_.json');
    expect(result.stdout).toContain('Created docs/weeks/week-12/go.md');

    const category = JSON.parse(readFileSync(path.join(docs, 'weeks/week-12/_category_.json'), 'utf8')) as typeof week09Category;
    // Same shape as the seeded weeks, numbered for week 12.
    expect(category).toEqual(JSON.parse(JSON.stringify(week09Category).replaceAll('09', '12').replace('"position":9', '"position":12')));

    expect(readFileSync(path.join(docs, 'roadmap/roadmap-16-weeks.md'), 'utf8')).toBe(roadmap);
  });

  it('writes a plan the site parser reads as a full week, whose only problems are the TODOs', () => {
    const docs = makeDocs();
    run('new-week', ['--week', '12', '--track', 'go', '--docs', 'docs']);
    const source = readFileSync(path.join(docs, 'weeks/week-12/go.md'), 'utf8');

    const {plan, diagnostics} = parsePlan(source);
    expect(diagnostics).toEqual([]);
    expect(plan?.kind).toBe('weekly');
    if (plan?.kind !== 'weekly') return;
    expect(plan.frontMatter).toEqual({id: 'go', title: 'Go Track', sidebar_label: 'Go', sidebar_position: 2});
    expect(plan.overview.map((row) => row.day)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(plan.days.map((day) => day.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const day of plan.days) {
      expect(day.blocks.map((block) => block.number)).toEqual([1, 2, 3, 4]);
      expect(day.blocks.every((block) => block.duration !== null)).toBe(true);
      expect(day.additions.map((addition) => addition.duration)).toEqual([
        {min: 60, max: 60},
        {min: 60, max: 60},
      ]);
    }

    const docPath = 'weeks/week-12/go.md';
    const knownDocs = new Map([
      [docPath, collectAnchors(docPath, source)],
      ['roadmap/roadmap-16-weeks.md', new Set<string>()],
    ]);
    const problems = validatePlanFile({path: docPath, source, knownDocs});
    expect(new Set(problems.map((problem) => problem.code))).toEqual(new Set(['todo']));
    // Each day heading's TODO is reported on that heading's own line.
    const lines = source.split('\n');
    for (const day of plan.days) {
      expect(lines[day.position.line - 1]).toContain(`Day ${day.number} – TODO`);
      expect(problems.some((problem) => problem.line === day.position.line)).toBe(true);
    }

    // Once every TODO is replaced, nothing is left to report.
    const filled = source.replace(/TODO: /g, '');
    expect(validatePlanFile({path: docPath, source: filled, knownDocs: new Map([...knownDocs, [docPath, collectAnchors(docPath, filled)]])})).toEqual([]);
  });

  it('refuses to overwrite an existing plan and leaves it untouched', () => {
    const docs = makeDocs();
    const before = readFileSync(path.join(docs, 'weeks/week-11/go.md'), 'utf8');
    const result = run('new-week', ['--week', '11', '--track', 'go', '--docs', 'docs']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('new-week: docs/weeks/week-11/go.md already exists; edit it instead (nothing was changed).');
    expect(readFileSync(path.join(docs, 'weeks/week-11/go.md'), 'utf8')).toBe(before);
    expect(readFileSync(path.join(docs, 'roadmap/roadmap-16-weeks.md'), 'utf8')).toBe(roadmap);
  });

  it('adds a second track to an existing week, keeping its category', () => {
    const docs = makeDocs();
    const category = readFileSync(path.join(docs, 'weeks/week-11/_category_.json'), 'utf8');
    const result = run('new-week', ['--week', '11', '--track', 'python', '--docs', 'docs']);
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(docs, 'weeks/week-11/_category_.json'), 'utf8')).toBe(category);
    const plan = parsePlan(readFileSync(path.join(docs, 'weeks/week-11/python.md'), 'utf8')).plan;
    expect(plan?.frontMatter).toEqual({id: 'python', title: 'Python Track', sidebar_label: 'Python', sidebar_position: 3});
  });

  it.for([
    {args: ['--week', '0', '--track', 'go'], message: '--week must be a whole number from 1 to 16, got "0".'},
    {args: ['--week', '17', '--track', 'go'], message: '--week must be a whole number from 1 to 16, got "17".'},
    {args: ['--week', 'twelve', '--track', 'go'], message: '--week must be a whole number from 1 to 16, got "twelve".'},
    {args: ['--track', 'go'], message: '--week is required, e.g. --week 12.'},
    {args: ['--week', '12'], message: '--track is required, e.g. --track go.'},
    {args: ['--week', '12', '--track', 'Go'], message: '--track must be a lowercase name such as go, python or node-js'},
    {args: ['--week', '12', '--track', '../go'], message: '--track must be a lowercase name'},
    {args: ['--week', '12', '--track', 'go', '--force'], message: "Unknown option '--force'"},
    {args: ['--week', '12', '--track', 'go', 'extra'], message: "Unexpected argument 'extra'"},
  ])('rejects $args with a clear message and creates nothing', ({args, message}) => {
    const docs = makeDocs();
    const result = run('new-week', [...args, '--docs', 'docs']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`new-week: ${message}`);
    expect(result.stderr).toContain('Usage: npm run new-week -- --week <1-16> --track <name>');
    expect(result.output).not.toMatch(stackTrace);
    expect(existsSync(path.join(docs, 'weeks/week-12'))).toBe(false);
    expect(existsSync(path.join(docs, 'weeks/week-0'))).toBe(false);
  });

  it('explains a missing docs folder', () => {
    const result = run('new-week', ['--week', '12', '--track', 'go', '--docs', 'missing']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No docs folder at');
  });
});
