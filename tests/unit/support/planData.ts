import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {GlobalData} from '@docusaurus/types';
import {buildPlanData, type PlanData, type PlanSource} from '@site/plugins/plan-data/summary';
import {repoRoot, seedPlans} from '../../support/seeds';

/** The five seed plans as the docs plugin hands them to the plan-data plugin (sidebar label from front matter). */
export const seedSources: PlanSource[] = seedPlans.map((plan) => {
  const source = readFileSync(path.join(repoRoot, plan.doc), 'utf8');
  const sidebarLabel = /^sidebar_label: (.+)$/m.exec(source)?.[1]?.trim();
  return {
    planId: plan.doc.replace(/^docs\//, '').replace(/\.md$/, ''),
    permalink: plan.route,
    title: plan.title,
    ...(sidebarLabel ? {sidebarLabel} : {}),
    source,
  };
});

/**
 * A plan file a contributor adds: a seed week's text at `weeks/week-NN/<track>.md`, with its
 * front matter's id and sidebar label set as that file would have them, plus `extraFrontMatter` lines.
 */
export function weekSource(week: number, track: string, sidebarLabel: string, extraFrontMatter = ''): PlanSource {
  const planId = `weeks/week-${String(week).padStart(2, '0')}/${track}`;
  const source = seedSources[0]!.source
    .replace(/^id: go$/m, `id: ${track}`)
    .replace(/^sidebar_label: .*$/m, `sidebar_label: ${sidebarLabel}${extraFrontMatter ? `\n${extraFrontMatter}` : ''}`);
  return {planId, permalink: `/${planId}`, title: `${sidebarLabel} Track`, sidebarLabel, source};
}

/**
 * The global data the plan-data plugin publishes, built by the plugin's own code from docs/.
 * Use as `vi.mock('@generated/globalData', () => import('../support/planData'))`.
 */
const globalData: GlobalData = {
  'plan-data': {default: buildPlanData(seedSources) as PlanData & Record<string, unknown>},
};

/** Publishes plan data as the plugin would for these sources; every hook reads the mocked object, so renders after this see them. */
export function publishPlanData(sources: readonly PlanSource[]): void {
  globalData['plan-data'] = {default: buildPlanData(sources) as PlanData & Record<string, unknown>};
}

export default globalData;
