import {buildPlanDataAndPages} from '@site/plugins/plan-data/summary';
import {seedSources} from '../../support/planData';

/** The loader map the plan-data plugin writes, built by the plugin's own code from the seed plans. */
const {pages} = buildPlanDataAndPages(seedSources);
export default Object.fromEntries([...pages].map(([planId, page]) => [planId, () => Promise.resolve({default: page})]));
