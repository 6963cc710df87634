/** The budgets in bench/budgets.json and how a page's Lighthouse metrics are checked against them. */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import type {FormFactor, PageMetrics} from './lighthouse';
import {UsageError, kib, round, siteDir} from './common';

export interface Rule {
  formFactor: FormFactor | 'all';
  metric: keyof Budgeted;
  min?: number;
  max?: number;
}

/** The metrics a budget can name: page metrics plus sizes in KiB, as budgets are written. */
export type Budgeted = Omit<PageMetrics, 'foreignRequests' | 'failedAudits'> & {jsTransferKiB: number; totalTransferKiB: number};

export function loadBudgets(): Rule[] {
  const file = path.join(__dirname, 'budgets.json');
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as {budgets?: Rule[]};
  if (!Array.isArray(parsed.budgets) || parsed.budgets.some((rule) => typeof rule.metric !== 'string' || (rule.min === undefined && rule.max === undefined))) {
    throw new UsageError(`${path.relative(siteDir, file)} must hold {"budgets": [{"formFactor", "metric", "min" or "max"}]}.`);
  }
  return parsed.budgets;
}

export function check(rules: Rule[], formFactor: FormFactor, metrics: PageMetrics): string[] {
  const values: Budgeted = {...metrics, jsTransferKiB: kib(metrics.jsTransferBytes), totalTransferKiB: kib(metrics.totalTransferBytes)};
  const misses: string[] = [];
  for (const rule of rules) {
    if (rule.formFactor !== 'all' && rule.formFactor !== formFactor) continue;
    const value = values[rule.metric];
    if (typeof value !== 'number') throw new UsageError(`bench/budgets.json names an unknown metric "${rule.metric}".`);
    if (rule.min !== undefined && !(value >= rule.min)) misses.push(`${rule.metric} ${round(value, 3)} < ${rule.min}`);
    if (rule.max !== undefined && !(value <= rule.max)) misses.push(`${rule.metric} ${round(value, 3)} > ${rule.max}`);
  }
  if (metrics.foreignRequests.length) misses.push(`requests to other origins: ${metrics.foreignRequests.join(', ')}`);
  return misses;
}
