import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {ReactNode} from 'react';
import {parsePlan} from '@site/plugins/plan-model/parse';
import {toPagePlan, type PagePlan} from '@site/plugins/plan-model/pagePlan';
import PlanPage from '@site/src/components/PlanPage';
import {repoRoot} from '../../support/seeds';

/** The page model the plan-data plugin writes for a plan document (its page imports it), from the real parser. */
export function pagePlanOf(doc: string): PagePlan {
  const {plan} = parsePlan(readFileSync(path.join(repoRoot, doc), 'utf8'));
  if (!plan) throw new Error(`${doc} is not a plan`);
  return toPagePlan(plan);
}

const week09 = pagePlanOf('docs/weeks/week-09/go.md');

/** Week 09's plan page around whatever plan components a test renders. */
export function Week09({children}: {children: ReactNode}): ReactNode {
  return (
    <PlanPage planId="weeks/week-09/go" plan={week09}>
      {children}
    </PlanPage>
  );
}
