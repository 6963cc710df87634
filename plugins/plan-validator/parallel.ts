import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {Worker} from 'node:worker_threads';
import type {PlanModel} from '../plan-model/types';
import {analyseFileAndPlan, type FileFacts} from './index';

/** One file to analyse: its docs-relative path and its text. */
export interface AnalyseInput {
  path: string;
  source: string;
}

export interface Analysed {
  facts: FileFacts;
  plan: PlanModel | null;
}

/** What a worker is given: every input, and the counter both threads take the next file's index from. */
export interface WorkerShare {
  inputs: readonly AnalyseInput[];
  next: Int32Array;
}

/**
 * Fewer files than this are all analysed on the calling thread: starting a worker (Node, then the parser's modules)
 * takes a few hundred milliseconds, what parsing a dozen plans takes.
 */
export const MIN_FILES_PER_WORKER = 24;

/** Takes file indexes from the shared counter until none are left; what `analyse` returns is kept by index. */
export function claimEach<T>(share: WorkerShare, analyse: (input: AnalyseInput) => T): Map<number, T> {
  const results = new Map<number, T>();
  for (let index = Atomics.add(share.next, 0, 1); index < share.inputs.length; index = Atomics.add(share.next, 0, 1)) {
    results.set(index, analyse(share.inputs[index]!));
  }
  return results;
}

/**
 * `analyseFileAndPlan` for every input, in input order, on this thread and on worker threads for the machine's other
 * cores. Parsing every plan is the longest step of the build before bundling, and nothing else runs then: the other
 * cores were idle. The threads take files one at a time from a shared counter, so a slow start or a large file does not
 * leave one waiting for the other. The workers run the same code on the same text: the results are those of analysing
 * each file here.
 */
export async function analyseAll(inputs: readonly AnalyseInput[], cores = os.availableParallelism()): Promise<Analysed[]> {
  const workerCount = Math.min(cores - 1, Math.floor(inputs.length / MIN_FILES_PER_WORKER));
  if (workerCount <= 0) return inputs.map((input) => analyseFileAndPlan(input));
  const share: WorkerShare = {inputs, next: new Int32Array(new SharedArrayBuffer(4))};
  const workers = Array.from({length: workerCount}, () => analyseOnWorker(share));
  // Let the workers start loading while this thread parses; they claim what is left when they are ready.
  const here = claimEach(share, (input) => analyseFileAndPlan(input));
  const results: (Analysed | undefined)[] = new Array<Analysed | undefined>(inputs.length);
  for (const [index, analysed] of here) results[index] = analysed;
  for (const done of await Promise.all(workers)) {
    for (const [index, analysed] of done) results[index] = analysed;
  }
  // A worker that failed answered nothing: what it had claimed is analysed here (an error in the analysis itself then
  // surfaces here, as it would without workers).
  return results.map((analysed, index) => analysed ?? analyseFileAndPlan(inputs[index]!));
}

/**
 * Starts a worker thread running analyseWorker.ts, which claims files from `share` until none are left; resolves with
 * what it analysed, by index (empty if the worker failed). The worker loads TypeScript the way Docusaurus loads the
 * site's config and plugins (`loadFreshModule`, which transpiles with a cache the config load has just filled).
 */
export function analyseOnWorker(share: WorkerShare): Promise<Map<number, Analysed>> {
  const utils = createRequire(__filename).resolve('@docusaurus/utils');
  const bootstrap = `require(${JSON.stringify(utils)}).loadFreshModule(${JSON.stringify(path.join(__dirname, 'analyseWorker.ts'))})`;
  const worker = new Worker(bootstrap, {eval: true, workerData: share});
  return new Promise((resolve) => {
    worker.once('message', (results: Map<number, Analysed>) => resolve(results));
    // A worker that fails (or exits without answering) leaves its files to the calling thread, which then meets the
    // same error if the analysis itself threw. Neither settles anything once the results have arrived.
    worker.once('error', () => resolve(new Map()));
    worker.once('exit', () => resolve(new Map()));
  });
}
