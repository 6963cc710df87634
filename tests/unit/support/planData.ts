import {readFileSync} from 'node:fs';
import path from 'node:path';
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
 * The plan summaries module the plan-data plugin writes, built by the plugin's own code from docs/; the test stub of
 * that module (tests/unit/stubs/plan-data/plan-summaries.ts) is this object.
 */
export const planData: PlanData = buildPlanData(seedSources);

/** Writes plan data as the plugin would for these sources; every hook reads this object, so renders after this see them. */
export function publishPlanData(sources: readonly PlanSource[]): void {
  planData.plans = buildPlanData(sources).plans;
}
