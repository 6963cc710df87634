import type {RuleDefinition} from '../types';

/**
 * What an edit does to learners' records, found by comparing a plan with its version at a base commit
 * (`npm run validate -- --base <ref>`, see ../edits.ts). Warnings only: plans are meant to change, but whoever
 * changes one should know whose records stop following.
 */
export const editRules: readonly RuleDefinition[] = [
  {
    code: 'edit-removes-item',
    severity: 'warning',
    description: 'An item removed from a plan detaches the records readers made on it.',
    fix: 'Keep the item if people follow the plan; otherwise say in the pull request that readers re-attach or delete those records.',
  },
  {
    code: 'edit-rewrites-item',
    severity: 'warning',
    description: 'An item rewritten beyond recognition is a new item; records on the old one are detached.',
    fix: 'Touch up the wording (a typo, a word, its duration) instead of rewriting it, or add the new item beside the old one.',
  },
  {
    code: 'edit-moves-plan',
    severity: 'warning',
    description:
      "Moving or renaming a plan file changes its plan id and address; learners' records follow it only when at least 80% of the items they were made on are unchanged in it.",
    fix: 'Keep the file where it is once people follow the plan; if it must move, move it in a change of its own, without rewriting its items.',
  },
  {
    code: 'edit-removes-plan',
    severity: 'warning',
    description: 'A removed plan takes every record made on it out of sight (kept, listed on /notes), unless another plan holds its items.',
    fix: 'Keep the plan, or say in the pull request that its readers lose it.',
  },
];
