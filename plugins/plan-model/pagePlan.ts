import type {PlanModel} from './types';

/** The plan model as a page's components need it: no source positions, no front matter. */
export type PagePlan = WithoutSourceDetails<PlanModel>;

type WithoutSourceDetails<T> = T extends readonly (infer Item)[]
  ? WithoutSourceDetails<Item>[]
  : T extends object
    ? {[Key in keyof T as Key extends 'position' | 'frontMatter' ? never : Key]: WithoutSourceDetails<T[Key]>}
    : T;

/** Drops what only build-time tools need, so the page carries a smaller payload. */
export function toPagePlan(plan: PlanModel): PagePlan {
  return JSON.parse(JSON.stringify(plan, (key, value: unknown) => (key === 'position' || key === 'frontMatter' ? undefined : value))) as PagePlan;
}
