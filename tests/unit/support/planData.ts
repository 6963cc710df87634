import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {GlobalData} from '@docusaurus/types';
import {buildPlanData} from '@site/plugins/plan-data/summary';
import {repoRoot, seedPlans} from '../../support/seeds';

/**
 * The global data the plan-data plugin publishes for the five plans, built by the plugin's own
 * code from docs/. Use as `vi.mock('@generated/globalData', () => import('../support/planData'))`.
 */
const globalData: GlobalData = {
  'plan-data': {
    default: buildPlanData(
      seedPlans.map((plan) => ({
        planId: plan.doc.replace(/^docs\//, '').replace(/\.md$/, ''),
        permalink: plan.route,
        title: plan.title,
        source: readFileSync(path.join(repoRoot, plan.doc), 'utf8'),
      })),
    ),
  },
};

export default globalData;
