import {useEffect} from 'react';
import {ADOPTION_MIN_RECORDS} from '@site/plugins/plan-model/adoption';
import {whenIdle} from '@site/src/lib/whenIdle';
import {getState, subscribe} from '@site/src/store';

let sitePlans: Promise<ReadonlySet<string>> | null = null;

/**
 * The ids of the plans the site has, loaded the first time the store holds enough records of a plan to be adopted:
 * a first visit loads nothing, and no page carries a list that grows with the guide. Offline before the list was
 * cached, the next change or page asks again.
 */
function loadSitePlans(): Promise<ReadonlySet<string>> {
  sitePlans ??= import('@generated/plan-data/default/plan-ids.json').then(
    (module) => new Set(module.default),
    (error: unknown) => {
      sitePlans = null;
      throw error;
    },
  );
  return sitePlans;
}

/** The orphans last looked for an adopting plan, with their number of stamps, so each is looked at once per change. */
let lookedAt = '';

/**
 * Gives the records of moved or renamed plans to the plans they moved to (./adoptOrphans.ts; the rule is
 * `adoptingPlan` in plugins/plan-model/adoption.ts). Only the check for an orphan runs here: the adoption code and the
 * plans' fingerprints load when the store holds stamped records of a plan id the site no longer has.
 */
export function adoptMovedPlans(): void {
  const {stamps} = getState();
  const held = Object.keys(stamps)
    .map((planId) => ({planId, records: Object.keys(stamps[planId]!).length}))
    .filter(({records}) => records >= ADOPTION_MIN_RECORDS);
  if (held.length === 0) return;
  void loadSitePlans().then(
    (plans) => {
      const orphans = held
        .filter(({planId}) => !plans.has(planId))
        .map(({planId, records}) => `${planId}:${records}`)
        .join('\n');
      if (orphans === '' || orphans === lookedAt) return;
      lookedAt = orphans;
      // A bare `import()`, not src/lib/onDemand: this hook is on every page that shows records, and importing the
      // helper here moves it into their shared chunk, splitting the plan components' chunk in two (measured: one more
      // request, about 0.5 KiB more per plan page); the retry it would give is the `lookedAt` reset below.
      void import('./adoptOrphans')
        .then(
          ({adoptOrphans}) => adoptOrphans(),
          () => undefined,
        )
        .then((done) => {
          if (!done) lookedAt = '';
        });
    },
    () => undefined,
  );
}

/** How long a busy page may put off the check after a change. */
const CHECK_WITHIN_MS = 2000;

let checkPending = false;

/**
 * `adoptMovedPlans` at the page's next idle moment, once for any number of changes before it. Not inside the write:
 * the first write that gives a plan enough records (a timer's Start stamps several) would load the list of plans inside
 * the reader's tap (about 10 ms of it at 4x, measured), for a check that finds nothing to do on all but a moved plan.
 */
function adoptMovedPlansWhenIdle(): void {
  if (checkPending) return;
  checkPending = true;
  whenIdle(() => {
    checkPending = false;
    adoptMovedPlans();
  }, CHECK_WITHIN_MS);
}

/** Runs `adoptMovedPlans` on a page that shows records, and again after every change of the store (an import, another tab). */
export function useAdoptMovedPlans(): void {
  useEffect(() => {
    adoptMovedPlansWhenIdle();
    return subscribe(adoptMovedPlansWhenIdle);
  }, []);
}
