import {weekName} from '../../plan-model/location';
import {START, type Diagnostic, type RuleDefinition, type SourcePosition} from '../types';

/** A week folder's `_category_.json` names the week in the sidebar. */
export const categoryRules: readonly RuleDefinition[] = [
  {
    code: 'category-missing',
    severity: 'warning',
    description: 'A week folder has a _category_.json that names it "Week NN".',
    fix: "Run npm run new-week, or copy another week's _category_.json.",
  },
  {code: 'category-invalid', severity: 'error', description: '_category_.json is a valid JSON object (the build fails otherwise).', fix: 'Fix the JSON.'},
  {code: 'category-label', severity: 'warning', description: 'The category label is "Week NN".', fix: 'Set "label" to the week\'s name.'},
  {
    code: 'category-position',
    severity: 'warning',
    description: 'The category position is the week number, so weeks stay in order in the sidebar.',
    fix: 'Set "position" to the week number.',
  },
];

/** The warning for a week folder without `_category_.json`. */
export function missingCategory(week: number): Diagnostic {
  return {
    severity: 'warning',
    code: 'category-missing',
    message: `This week's folder has no _category_.json, so the sidebar cannot name it "${weekName(week)}"; npm run new-week creates one.`,
    ...START,
  };
}

/** Checks a week folder's `_category_.json`. */
export function validateCategoryFile({source, week}: {source: string; week: number}): Diagnostic[] {
  const lineOf = (key: string): SourcePosition => {
    const index = source.split('\n').findIndex((line) => line.includes(`"${key}"`));
    return index === -1 ? START : {line: index + 1, column: 1};
  };
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{severity: 'error', code: 'category-invalid', message: `_category_.json is not valid JSON: ${reason}`, ...START}];
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return [{severity: 'error', code: 'category-invalid', message: '_category_.json must be a JSON object.', ...START}];
  }
  const category = data as {label?: unknown; position?: unknown};
  const diagnostics: Diagnostic[] = [];
  const name = weekName(week);
  if (category.label !== name) {
    diagnostics.push({severity: 'warning', code: 'category-label', message: `_category_.json label should be "${name}".`, ...lineOf('label')});
  }
  if (category.position !== week) {
    diagnostics.push({
      severity: 'warning',
      code: 'category-position',
      message: `_category_.json position should be ${week}, so weeks stay in order in the sidebar.`,
      ...lineOf('position'),
    });
  }
  return diagnostics;
}
