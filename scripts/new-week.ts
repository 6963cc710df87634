/**
 * `npm run new-week -- --week 12 --track go [--docs <dir>]`: creates a week's track page from a
 * template that already has the right shape, so a contributor only replaces the TODO markers.
 */
import {existsSync, mkdirSync, readdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {DAYS_PER_WEEK, WEEKS_IN_GUIDE, isTrackName, trackLabel, weekFolder, weekName} from '../plugins/plan-model/location';

const usage = 'Usage: npm run new-week -- --week <1-16> --track <name> [--docs <folder>]\nExample: npm run new-week -- --week 12 --track go';

/** Thrown for anything the contributor can fix; printed without a stack. */
class UsageError extends Error {}

interface Options {
  week: number;
  track: string;
  docsDir: string;
}

function readOptions(argv: string[]): Options | 'help' {
  let values;
  try {
    ({values} = parseArgs({
      args: argv,
      options: {week: {type: 'string'}, track: {type: 'string'}, docs: {type: 'string'}, help: {type: 'boolean', short: 'h'}},
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  if (values.week === undefined) throw new UsageError('--week is required, e.g. --week 12.');
  if (!/^\d{1,2}$/.test(values.week) || Number(values.week) < 1 || Number(values.week) > WEEKS_IN_GUIDE) {
    throw new UsageError(`--week must be a whole number from 1 to ${WEEKS_IN_GUIDE}, got "${values.week}".`);
  }
  if (values.track === undefined) throw new UsageError('--track is required, e.g. --track go.');
  if (!isTrackName(values.track)) {
    throw new UsageError(`--track must be a lowercase name such as go, python or node-js (letters, digits and dashes), got "${values.track}".`);
  }
  const docsDir = path.resolve(values.docs ?? 'docs');
  if (!existsSync(docsDir)) {
    throw new UsageError(`No docs folder at ${docsDir}. Run this from the repository root, or pass --docs <folder>.`);
  }
  return {week: Number(values.week), track: values.track, docsDir};
}

function categoryJson(week: number): string {
  const name = weekName(week);
  const category = {
    label: name,
    position: week,
    link: {
      type: 'generated-index',
      slug: `/weeks/${weekFolder(week)}`,
      description: `${name} of the 16-week guide: one page per language track.`,
    },
  };
  return `${JSON.stringify(category, null, 2)}\n`;
}

/** The same shape as the seeded weeks: goals, overview, then seven days with both variants. */
function planTemplate(track: string, sidebarPosition: number): string {
  const label = trackLabel(track);
  const overviewRows = Array.from({length: DAYS_PER_WEEK}, (_, index) => `| ${index + 1}   | TODO: topic of day ${index + 1} |`);
  const days = Array.from({length: DAYS_PER_WEEK}, (_, index) => dayTemplate(index + 1));
  return `---
id: ${track}
title: ${label} Track
sidebar_label: ${label}
sidebar_position: ${sidebarPosition}
---

### Weekly Goals

- **TODO: first area, e.g. System Design**
  - TODO: what a learner can do by the end of the week.
- **TODO: second area, e.g. DSA**
  - TODO: for example 2–3 problems/day.

Use together with:
- [16-Week Roadmap](../../roadmap/roadmap-16-weeks.md)

---

### Weekly Overview Table

| Day | Focus |
|-----|-------|
${overviewRows.join('\n')}

---

${days.join('\n---\n\n')}`;
}

function dayTemplate(day: number): string {
  return `### Day ${day} – TODO: topic of day ${day}

#### 4-Hour Plan

- **Block 1 (TODO: concepts – 60–75 min)**
  - TODO: what to read or learn.

- **Block 2 (TODO: design or build – 60–75 min)**
  - TODO: what to design or implement.

- **Block 3 (DSA – 60 min)**
  - TODO: 2–3 problems on this week's theme.

- **Block 4 (Review – 30 min)**
  - TODO: what to write down or revisit.

#### 6-Hour Plan

- Add:
  - **Practice (60 min)**: TODO: a hands-on exercise.
  - **Deep dive (60 min)**: TODO: an extension of the day's topic.

`;
}

function display(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return (relative.startsWith('..') ? file : relative).split(path.sep).join('/');
}

function run(argv: string[]): number {
  const options = readOptions(argv);
  if (options === 'help') {
    console.log(usage);
    return 0;
  }
  const {week, track, docsDir} = options;
  const weekDir = path.join(docsDir, 'weeks', weekFolder(week));
  const planFile = path.join(weekDir, `${track}.md`);
  if (existsSync(planFile)) {
    throw new UsageError(`${display(planFile)} already exists; edit it instead (nothing was changed).`);
  }
  mkdirSync(weekDir, {recursive: true});
  const categoryFile = path.join(weekDir, '_category_.json');
  const created: string[] = [];
  if (!existsSync(categoryFile)) {
    writeFileSync(categoryFile, categoryJson(week), {flag: 'wx'});
    created.push(categoryFile);
  }
  // Go comes first in every week (position 2, after the generated index); other tracks follow.
  const existingTracks = readdirSync(weekDir).filter((file) => file.endsWith('.md')).length;
  writeFileSync(planFile, planTemplate(track, track === 'go' ? 2 : existingTracks + 2), {flag: 'wx'});
  created.push(planFile);

  for (const file of created) console.log(`Created ${display(file)}`);
  // The roadmap and progress pages are generated from the plan files, so they list the new page by themselves.
  console.log(
    [
      '',
      'Next:',
      "  1. npm run validate     lists every TODO with its line; replace each with the plan's content.",
      '  2. npm start            previews the site at http://localhost:3000 while you edit; the roadmap lists the week by itself.',
      '  3. npm test             runs every check a pull request runs.',
    ].join('\n'),
  );
  return 0;
}

try {
  process.exitCode = run(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`new-week: ${error.message}\n\n${usage}`);
  } else {
    const code = error instanceof Error && 'code' in error ? ` (${String(error.code)})` : '';
    console.error(`new-week: could not write the week${code}: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = 1;
}
