import {planData} from '../../support/planData';

/** The plan summaries module the plan-data plugin writes, built from the seed plans (tests replace it with `publishPlanData`). */
export default planData;
