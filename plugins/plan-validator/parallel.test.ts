import {readFileSync} from 'node:fs';
import path from 'node:path';
import {analyseFileAndPlan} from './index';
import {MIN_FILES_PER_WORKER, analyseAll, analyseOnWorker, type AnalyseInput} from './parallel';

const root = path.resolve(__dirname, '../..');
const doc = (docPath: string): AnalyseInput => ({path: docPath, source: readFileSync(path.join(root, 'docs', docPath), 'utf8')});
const docs = [doc('weeks/week-10/go.md'), doc('intensive/senior-go-14-days.md'), doc('roadmap/roadmap-16-weeks.md')];

describe('analysing plans on several threads', () => {
  it('a worker thread answers what this thread does, for every file it claims', async () => {
    const share = {inputs: docs, next: new Int32Array(new SharedArrayBuffer(4))};
    const answered = await analyseOnWorker(share);
    expect([...answered.keys()].sort()).toEqual([0, 1, 2]);
    docs.forEach((input, index) => expect(answered.get(index)).toEqual(analyseFileAndPlan(input)));
  }, 30_000);

  it('hands back every file’s analysis in input order, however the threads shared them', async () => {
    const inputs = Array.from({length: MIN_FILES_PER_WORKER * 2}, (_, index) => docs[index % docs.length]!);
    const expected = docs.map((input) => analyseFileAndPlan(input));
    expect(await analyseAll(inputs, 2)).toEqual(inputs.map((_, index) => expected[index % docs.length]));
  }, 30_000);

  it('stays on this thread for a few files, or with one core', async () => {
    expect(await analyseAll(docs, 2)).toEqual(docs.map((input) => analyseFileAndPlan(input)));
    expect(
      await analyseAll(
        Array.from({length: MIN_FILES_PER_WORKER * 2}, () => docs[0]!),
        1,
      ),
    ).toHaveLength(MIN_FILES_PER_WORKER * 2);
  });
});
