import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {analyseFileAndPlan} from './index';
import {AnalysisHelper, HELPER_FROM_FILES, type AnalysisInput} from './parallel';

const root = path.resolve(__dirname, '../..');
const WEEKS = ['09', '10', '11', '13'].map((week) => readFileSync(path.join(root, 'docs', 'weeks', `week-${week}`, 'go.md'), 'utf8'));

const dirs: string[] = [];
const helpers: AnalysisHelper[] = [];
afterEach(() => {
  helpers.splice(0).forEach((helper) => helper.stop());
  dirs.splice(0).forEach((dir) => rmSync(dir, {recursive: true, force: true}));
});

/** A docs folder of `count` weekly plans (the four seeds' weeks as other tracks), and what the site reads from it. */
function docsFolder(count: number): {docsDir: string; inputs: AnalysisInput[]} {
  const docsDir = mkdtempSync(path.join(os.tmpdir(), 'analysis-'));
  dirs.push(docsDir);
  const inputs = Array.from({length: count}, (_, index) => {
    const file = `weeks/week-${String((index % 16) + 1).padStart(2, '0')}/track-${index}.md`;
    const source = WEEKS[index % WEEKS.length]!.replace(/^id: .*$/m, `id: track-${index}`);
    mkdirSync(path.join(docsDir, path.dirname(file)), {recursive: true});
    writeFileSync(path.join(docsDir, file), source);
    return {path: file, source};
  });
  return {docsDir, inputs};
}

function started(docsDir: string): AnalysisHelper {
  const helper = AnalysisHelper.start(docsDir);
  expect(helper).not.toBeNull();
  helpers.push(helper!);
  return helper!;
}

describe('analysing the docs with a helper process', () => {
  it('finds in every file what one process alone finds, the helper having done its share', {timeout: 60_000}, async () => {
    const {docsDir, inputs} = docsFolder(HELPER_FROM_FILES + 12);
    const helper = started(docsDir);
    // As in a build: the helper has started on the files while the site loaded.
    await vi.waitFor(() => expect(helper.analysedByHelper).toBeGreaterThan(0), {timeout: 30_000});
    // In the order the docs plugin lists them, not the helper's.
    const shuffled = [...inputs].reverse();
    expect(await helper.analyse(shuffled)).toEqual(shuffled.map((input) => analyseFileAndPlan(input)));
  });

  it('analyses again a file edited after the helper read it, and does without a helper that stops', {timeout: 60_000}, async () => {
    const {docsDir, inputs} = docsFolder(HELPER_FROM_FILES + 12);
    const helper = started(docsDir);
    await vi.waitFor(() => expect(helper.analysedByHelper).toBeGreaterThan(0), {timeout: 30_000});
    // The helper starts from the last file by path: that one has been read, and now has a day fewer.
    const last = inputs.reduce((latest, input) => (input.path > latest.path ? input : latest));
    last.source = last.source.replace(/### Day 7[\s\S]*$/, '');
    helper.stop();
    const analysed = await helper.analyse(inputs);
    expect(analysed).toEqual(inputs.map((input) => analyseFileAndPlan(input)));
    expect(analysed[inputs.indexOf(last)]!.plan).toMatchObject({days: expect.any(Array)});
    expect((analysed[inputs.indexOf(last)]!.plan as {days: unknown[]}).days).toHaveLength(6);
  });

  it('is not started for a handful of docs, where starting it would cost more than it saves', () => {
    const {docsDir} = docsFolder(HELPER_FROM_FILES - 1);
    expect(AnalysisHelper.start(docsDir)).toBeNull();
    expect(AnalysisHelper.start(path.join(docsDir, 'missing'))).toBeNull();
  });
});
