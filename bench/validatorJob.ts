/** The validator's timing over generated plans, cold and with its content-hash cache. */
import {WEEKS_IN_GUIDE, weekFolder} from '../plugins/plan-model/location';
import {MAX_PLAN_BYTES, diagnosticsFor, validatePlanFile} from '../plugins/plan-validator';
import {FactsCache} from '../plugins/plan-validator/cache';
import {knownDocs, round} from './common';
import {syntheticWeeklyPlan} from './synthetic';

/** Generated plans the validator is timed on. */
export const VALIDATOR_DOCUMENTS = 1000;

export interface ValidatorTiming {
  documents: number;
  /** First run: every file parsed. */
  coldMs: number;
  coldCpuMs: number;
  /** Second run over the same files: the content-hash cache answers, as on a contributor's repeated runs. */
  warmMs: number;
  warmCpuMs: number;
  /** One plan of just under the size limit, parsed. */
  largestAllowed: {kib: number; ms: number};
  /** A 2 MB file: refused by its size before parsing. */
  oversized: {kib: number; ms: number};
}

/** Times `ms` and CPU time of `run`; CPU is reported beside wall time, which on a shared machine counts other jobs too. */
export function timed<T>(run: () => T): {result: T; ms: number; cpuMs: number} {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = run();
  const cpu = process.cpuUsage(cpuBefore);
  return {result, ms: round(performance.now() - started, 1), cpuMs: round((cpu.user + cpu.system) / 1000, 1)};
}

/** Runs the validator as `npm run validate` does (facts per file, then links) over generated weekly plans, cold and warm. */
export function validatorTiming(): ValidatorTiming {
  const known = knownDocs();
  const documents = Array.from({length: VALIDATOR_DOCUMENTS}, (_, index) => ({
    path: `weeks/${weekFolder((index % WEEKS_IN_GUIDE) + 1)}/go.md`,
    source: syntheticWeeklyPlan(index),
  }));
  const cache = new FactsCache(null);
  const validateAll = () => documents.map((document) => diagnosticsFor(document.path, cache.facts(document.path, document.source), known));
  const cold = timed(validateAll);
  const warm = timed(validateAll);
  cold.result.forEach((diagnostics, index) => {
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    if (errors.length) {
      throw new Error(
        `Synthetic plan ${index} fails validation (${errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}): the generator no longer matches the plan format.`,
      );
    }
  });
  // The largest file the validator still parses: generated weeks joined up to the limit.
  let largest = syntheticWeeklyPlan(0);
  for (let index = 1; Buffer.byteLength(largest) + Buffer.byteLength(syntheticWeeklyPlan(index)) < MAX_PLAN_BYTES; index += 1) {
    largest += `\n${syntheticWeeklyPlan(index).replace(/^---[\s\S]*?---\n/, '')}`;
  }
  const oversized = 'x'.repeat(2 * 1024 * 1024);
  const largestRun = timed(() => validatePlanFile({path: 'weeks/week-01/go.md', source: largest, knownDocs: known}));
  const oversizedRun = timed(() => validatePlanFile({path: 'weeks/week-01/go.md', source: oversized, knownDocs: known}));
  return {
    documents: documents.length,
    coldMs: cold.ms,
    coldCpuMs: cold.cpuMs,
    warmMs: warm.ms,
    warmCpuMs: warm.cpuMs,
    largestAllowed: {kib: round(Buffer.byteLength(largest) / 1024, 1), ms: largestRun.ms},
    oversized: {kib: 2048, ms: oversizedRun.ms},
  };
}

export function describeValidator(timing: ValidatorTiming): string {
  return [
    `${timing.documents} generated plans: first run **${timing.coldMs} ms** (${timing.coldCpuMs} ms CPU), unchanged files again **${timing.warmMs} ms** (${timing.warmCpuMs} ms CPU; content-hash cache).`,
    `Largest allowed file (${timing.largestAllowed.kib} KiB): ${timing.largestAllowed.ms} ms. A ${timing.oversized.kib} KiB file: refused by size in ${timing.oversized.ms} ms.`,
  ].join(' ');
}
