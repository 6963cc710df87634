import {readFileSync} from 'node:fs';
import path from 'node:path';
import globalData from '@generated/globalData';
import {buildPlanData, type PlanData, type PlanSource} from '@site/plugins/plan-data/summary';
import {repoRoot, seedPlans} from '../../support/seeds';

/** The five seed plans as the plan-data plugin receives them from the docs plugin. */
export const seedSources: PlanSource[] = seedPlans.map((plan) => ({
  planId: plan.doc.replace(/^docs\//, '').replace(/\.md$/, ''),
  permalink: plan.route,
  title: plan.title,
  sidebarLabel: plan.kind === 'week' ? 'Go' : '14-Day Senior Go Plan',
  source: readFileSync(path.join(repoRoot, plan.doc), 'utf8'),
}));

/**
 * Publishes plan data as the plugin would for these sources (the mock's object is shared by every hook).
 * Needs `vi.mock('@generated/globalData', () => import('@site/tests/unit/support/planData'))` in the test file.
 */
export function publish(sources: PlanSource[]): void {
  globalData['plan-data'] = {default: buildPlanData(sources) as PlanData & Record<string, unknown>};
}
