import {buildPlanDataAndPages} from '@site/plugins/plan-data/summary';
import {fingerprintKey} from '@site/plugins/plan-model/adoption';
import {planIdentities} from '@site/plugins/plan-model/identity';
import {planData, seedSources} from '../../support/planData';

/** The loader map the plan-data plugin writes, built by the plugin's own code from the seed plans. */
const {pages} = buildPlanDataAndPages(seedSources);
export default Object.fromEntries([...pages].map(([planId, page]) => [planId, () => Promise.resolve({default: page})]));

/** Every plan's summary, as the real loader resolves it: the same object the summaries stub exports. */
export const loadPlanSummaries = () => Promise.resolve({default: planData});

/** Every plan's fingerprint keys, as the plugin writes them. */
export const loadPlanFingerprints = () =>
  Promise.resolve({
    default: Object.fromEntries([...pages].map(([planId, page]) => [planId, planIdentities(page).map((item) => fingerprintKey(item.fingerprint))])),
  });
