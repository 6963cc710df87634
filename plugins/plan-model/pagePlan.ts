import type {PlanModel} from './types';

/** The plan model as a page's components need it: no source positions, no front matter. */
export type PagePlan = WithoutSourceDetails<PlanModel>;

/** Keys only build-time tools read: positions, the front matter and the section outline (anchors come from the ids module). */
type SourceKey = 'position' | `${string}Position` | 'frontMatter' | 'attached' | 'sections' | 'variants' | 'dayDepth';
const BUILD_ONLY_KEYS = new Set(['position', 'frontMatter', 'attached', 'sections', 'variants', 'dayDepth']);
const isSourceKey = (key: string): boolean => BUILD_ONLY_KEYS.has(key) || key.endsWith('Position');

type WithoutSourceDetails<T> = T extends readonly (infer Item)[]
  ? WithoutSourceDetails<Item>[]
  : T extends object
    ? {[Key in keyof T as Key extends SourceKey ? never : Key]: WithoutSourceDetails<T[Key]>}
    : T;

/** Drops what only build-time tools need, so the page carries a smaller payload. */
export function toPagePlan(plan: PlanModel): PagePlan {
  return JSON.parse(JSON.stringify(plan, (key, value: unknown) => (isSourceKey(key) ? undefined : value))) as PagePlan;
}
