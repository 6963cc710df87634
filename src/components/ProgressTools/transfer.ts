import {translate} from '@docusaurus/Translate';
import {getState, updateState, describeImport, extrasOf, importProgress, withImport, type KnownItems} from '@site/src/store';
import {saveProgressExport} from '@site/src/lib/files';
import {planItemIds} from '@site/plugins/plan-data/data';
import {loadPlanSummaries} from '@site/src/hooks/usePlanModels';
import type {Message} from '.';

/** "Export progress": downloads the export file; says which. */
export function exportAll(): Message {
  const file = saveProgressExport();
  return {
    kind: 'status',
    text: translate({id: 'progress.tools.exported', message: 'Exported all progress, notes, review marks, followed plans and the time log to {file}.'}, {file}),
  };
}

/** "Import progress": merges a chosen export file into what this browser holds; says what changed, or why nothing did. */
export async function importAll(file: File, saveProblem: Record<string, string>): Promise<Message> {
  let text: string;
  try {
    text = await file.text();
  } catch {
    return {kind: 'error', text: translate({id: 'progress.tools.unreadable', message: 'The file could not be read. Nothing was changed.'})};
  }
  // Every plan's items, loaded now rather than with the page: a plan page does not carry the other plans.
  const planData = await loadPlanSummaries();
  if (!planData) {
    return {
      kind: 'error',
      text: translate({id: 'progress.tools.noPlanList', message: 'The list of plans could not be loaded. Nothing was changed; try again when online.'}),
    };
  }
  const known: KnownItems = new Map(planData.plans.map((plan) => [plan.id, new Set(planItemIds(plan))]));
  // Merged into the state as it is now, so a tick made in another tab meanwhile is kept.
  const state = getState();
  const result = importProgress(text, state.progress, known, extrasOf(state));
  if (!result.ok) return {kind: 'error', text: translate({id: 'progress.tools.importFailed', message: 'Import failed: {reason}'}, {reason: result.error})};
  // The file brought its own versions: merging is not an edit made here.
  const outcome = updateState((latest) => withImport(latest, result), {versions: 'keeps-versions'});
  const summary = describeImport(result.report);
  return {kind: 'status', text: saveProblem[outcome] ? `${summary} ${saveProblem[outcome]}` : summary};
}
