/** The worker side of `analyseAll` (parallel.ts): analyses the files it claims and sends the results back by index. */
import {parentPort, workerData} from 'node:worker_threads';
import {analyseFileAndPlan} from './index';
import {claimEach, type WorkerShare} from './parallel';

parentPort!.postMessage(claimEach(workerData as WorkerShare, (input) => analyseFileAndPlan(input)));
