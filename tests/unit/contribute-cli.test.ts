import {spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
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

  it('reports a file too large to parse by its size, and bytes that are not UTF-8 by line, at once and without a stack trace', () => {
    const docs = makeDocs();
    writeFileSync(path.join(docs, 'weeks/week-11/go.md'), `${validPlan}\n${'- filler line for a plan far too long\n'.repeat(60_000)}`);
    writeFileSync(path.join(docs, 'notes.md'), Buffer.concat([Buffer.from('# Notes\n\nCaf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const result = run('validate', ['--docs', 'docs']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^docs\/weeks\/week-11\/go\.md:1:1 {2}error {2}This file is 2\.\d MB; a page is at most 128 KB.*file-too-large$/m);
    expect(result.stdout).toContain(
      'docs/notes.md:3:4  error  This line holds bytes that are not UTF-8 text; save the file as UTF-8 (it was not parsed).  encoding-invalid',
    );
    expect(result.output).not.toMatch(stackTrace);
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

/** Runs git in the work folder as a contributor would, with an identity of its own. */
function git(...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=Contributor', '-c', 'user.email=contributor@example.com', ...args], {cwd: workDir, encoding: 'utf8'});
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** Replaces text in a file under the work folder, failing when the text is not there (the edit would test nothing). */
function edit(file: string, from: string, to: string): void {
  const source = readFileSync(path.join(workDir, file), 'utf8');
  expect(source).toContain(from);
  writeFileSync(path.join(workDir, file), source.replace(from, to));
}

/**
 * A repository holding the site's docs on \`main\`, and a branch where a contributor edited Week 10 (an addition
 * inserted before Day 2's "Scaling considerations", Block 2 removed and the later blocks renumbered, one addition
 * touched up, one rewritten) and committed it, then renamed the 14-day plan without telling git (links updated).
 */
function makeEditedRepository(): void {
  cpSync(path.join(repoRoot, 'docs'), path.join(workDir, 'docs'), {recursive: true});
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'Plans as learners know them');
  git('checkout', '-q', '-b', 'edit-week-10');
  const week = 'docs/weeks/week-10/go.md';
  edit(week, '  - **Scaling considerations (60 min)**.', '  - **Load testing with k6 (45 min)**.\n  - **Scaling considerations (60 min)**.');
  edit(week, '- **Block 2 (Architecture – 60 min)**\n  - Draw data flow.\n\n- **Block 3 (Trade-offs – 60 min)**', '- **Block 2 (Trade-offs – 60 min)**');
  edit(week, '- **Block 4 (Review – 30 min)**\n  - Summarize matching approach.', '- **Block 3 (Review – 30 min)**\n  - Summarise the matching approach.');
  edit(week, '**Payload modeling (60 min)**', '**Mock interview with a peer (60 min)**');
  git('commit', '-q', '-am', 'Week 10: load testing on Day 2');
  renameSync(path.join(workDir, 'docs/intensive/senior-go-14-days.md'), path.join(workDir, 'docs/intensive/senior-go-two-weeks.md'));
  edit('docs/intensive/senior-go-two-weeks.md', 'id: senior-go-14-days', 'id: senior-go-two-weeks');
  for (const folder of ['docs/roadmap', 'docs/interview', 'docs/topic-banks']) {
    for (const file of readdirSync(path.join(workDir, folder))) {
      const page = path.join(workDir, folder, file);
      writeFileSync(page, readFileSync(page, 'utf8').replaceAll('senior-go-14-days.md', 'senior-go-two-weeks.md'));
    }
  }
}

describe('npm run validate -- --base', {timeout: 60_000}, () => {
  it('summarises per changed plan what the edit does to records, warns about removed and rewritten items, and exits 0', () => {
    makeEditedRepository();
    const result = run('validate', ['--base', 'main']);
    expect(result.output).not.toMatch(stackTrace);
    expect(result.code).toBe(0);
    const week = readFileSync(path.join(workDir, 'docs/weeks/week-10/go.md'), 'utf8').split('\n');
    const lineOf = (text: string) => week.findIndex((line) => line.includes(text)) + 1;
    expect(result.stdout).toContain(
      `docs/weeks/week-10/go.md:${lineOf('### Day 2')}:1  warning  Removes "Architecture" (d2-b2 at the base): records learners made on it become detached (kept, no longer shown here; they re-attach or delete them by hand).  edit-removes-item`,
    );
    expect(result.stdout).toContain(
      `docs/weeks/week-10/go.md:${lineOf('Mock interview with a peer')}:3  warning  Rewrites "Payload modeling" as "Mock interview with a peer" (d3-a1): too different to be the same item, so records learners made on it become detached instead of following it.  edit-rewrites-item`,
    );
    expect(result.stdout).toMatch(
      /^docs\/intensive\/senior-go-two-weeks\.md:1:1 {2}warning {2}Moved from intensive\/senior-go-14-days\.md: the plan id changes from intensive\/senior-go-14-days to intensive\/senior-go-two-weeks; 101 of 101 items are unchanged, so learners' records follow it to the new id/m,
    );

    const summary = result.stdout.slice(result.stdout.indexOf("What this change does to learners' records, compared with main ("));
    const sections = summary.trim().split('\n\n');
    expect(sections).toHaveLength(4);
    expect(sections[1]!.split('\n')).toEqual([
      'docs/intensive/senior-go-two-weeks.md (moved from docs/intensive/senior-go-14-days.md)',
      '  101 unchanged.',
      '  Records move to the new plan id (101 of 101 items unchanged). Records follow on 101 items; no records become detached.',
      '  Planned time per day (base → now):',
      '    Days 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14: unchanged',
    ]);
    expect(sections[2]!.split('\n')).toEqual([
      'docs/weeks/week-10/go.md',
      '  1 added, 1 removed, 1 rewritten, 2 moved, 1 reworded, 29 unchanged.',
      '  Records follow on 32 items (3 to another id); records on 2 items become detached.',
      '    removed    d2-b2  "Architecture"  (records detached)',
      '    moved      d2-b3 → d2-b2  "Trade-offs"  (records follow)',
      '    reworded   d2-b4 → d2-b3  "Review" (details touched up)  (records follow)',
      '    added      d2-a1  "Load testing with k6"',
      '    moved      d2-a1 → d2-a2  "Scaling considerations"  (records follow)',
      '    rewritten  d3-a1  "Payload modeling" → "Mock interview with a peer"  (records detached)',
      '  Planned time per day (base → now):',
      '    Day 2: 4-hour 3 h 30 – 3 h 45 → 2 h 30 – 2 h 45, 6-hour 4 h 30 – 4 h 45 → 4 h 15 – 4 h 30',
      '    Days 1, 3, 4, 5, 6, 7: unchanged',
    ]);
    expect(sections[3]).toMatch(/^✔ 14 files checked: 0 errors, 3 warnings\.$/);
  });

  it('in GitHub Actions, writes the summary to the job summary as Markdown and the warnings as annotations', () => {
    const docs = makeDocs();
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'Week 11');
    const rewritten = validPlan.replace(
      '- **Block 2 (Design – 60–75 min)**\n  - Sketch the design and its trade-offs.',
      '- **Block 2 (Mock interview – 60–75 min)**\n  - Ask a friend to play the interviewer.',
    );
    expect(rewritten).not.toBe(validPlan);
    writeFileSync(path.join(docs, 'weeks/week-11/go.md'), rewritten);
    const jobSummary = path.join(workDir, 'job-summary.md');
    writeFileSync(jobSummary, '');
    const result = run('validate', ['--docs', 'docs', '--base', 'main'], {GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: jobSummary});
    expect(result.code).toBe(0);
    const line = rewritten.split('\n').findIndex((text) => text.includes('Mock interview')) + 1;
    expect(result.stdout).toContain(
      `::warning file=docs/weeks/week-11/go.md,line=${line},col=1,title=edit-rewrites-item::Rewrites "Design" as "Mock interview" (d1-b2): too different to be the same item`,
    );
    const markdown = readFileSync(jobSummary, 'utf8');
    expect(markdown).toMatch(/^## What this change does to learners' records\n\nCompared with `main` at `[0-9a-f]{12}`\./);
    expect(markdown).toContain('### docs/weeks/week-11/go.md\n\n1 rewritten, 27 unchanged. **Records follow on 27 items; records on 1 item become detached.**');
    expect(markdown).toContain('| rewritten | `d1-b2` Design | `d1-b2` Mock interview | detached |');
    expect(markdown).toContain('| 1 | 3 h – 3 h 30 | 3 h – 3 h 30 | 4 h – 4 h 30 | 4 h – 4 h 30 |');
  });

  it('explains in one line a folder outside git and a base git does not know, and exits 2', () => {
    makeDocs();
    const outside = run('validate', ['--docs', 'docs', '--base', 'main']);
    expect(outside.code).toBe(2);
    expect(outside.stderr.trim()).toBe('validate --base: the docs folder is not inside a git work tree; --base compares the plans with a git commit.');
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'Week 11');
    const unknown = run('validate', ['--docs', 'docs', '--base', 'origin/main']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe(
      'validate --base: Unknown git ref "origin/main": give a branch, tag or commit this clone has (git fetch origin <branch> first, then --base origin/<branch>).',
    );
    expect(unknown.stdout).toBe('');
    expect(outside.output + unknown.output).not.toMatch(stackTrace);
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
