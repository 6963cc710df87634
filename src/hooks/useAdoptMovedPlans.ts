import {useEffect} from 'react';
import planIds from '@generated/plan-data/default/plan-ids.json';
import {ADOPTION_MIN_RECORDS} from '@site/plugins/plan-model/adoption';
import {getState, subscribe} from '@site/src/store';

/**
 * The plans the site has. Their ids alone, not the loader map: this runs on every plan page, and the map's import of
 * every plan's page grows with the guide.
 */
const sitePlans = new Set(planIds);

/** The orphans last looked for an adopting plan, with their number of stamps, so each is looked at once per change. */
let lookedAt = '';

/**
 * Gives the records of moved or renamed plans to the plans they moved to (./adoptOrphans.ts; the rule is
 * `adoptingPlan` in plugins/plan-model/adoption.ts). Only the check for an orphan runs here: the adoption code and the
 * plans' fingerprints load when the store holds stamped records of a plan id the site no longer has.
 */
export function adoptMovedPlans(): void {
  const {stamps} = getState();
  const orphans = Object.keys(stamps)
    .filter((planId) => !sitePlans.has(planId) && Object.keys(stamps[planId]!).length >= ADOPTION_MIN_RECORDS)
    .map((planId) => `${planId}:${Object.keys(stamps[planId]!).length}`)
    .join('\n');
  if (orphans === '' || orphans === lookedAt) return;
  lookedAt = orphans;
  // Offline before these files were cached: the next change or page tries again. A bare `import()`, not
  // src/lib/onDemand: this hook is on every page that shows records, and importing the helper here moves it into their
  // shared chunk, splitting the plan components' chunk in two (measured: one more request, about 0.5 KiB more per plan
  // page); the retry it would give is the `lookedAt` reset below.
  void import('./adoptOrphans')
    .then(
      ({adoptOrphans}) => adoptOrphans(),
      () => undefined,
    )
    .then((done) => {
      if (!done) lookedAt = '';
    });
}

/** Runs `adoptMovedPlans` on a page that shows records, and again whenever the store changes (an import, another tab). */
export function useAdoptMovedPlans(): void {
  useEffect(() => {
    adoptMovedPlans();
    return subscribe(adoptMovedPlans);
  }, []);
}
