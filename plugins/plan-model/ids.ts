/**
 * Ids, anchors and the 4h/6h rule: the one module both sides import. Build-time code (parser,
 * remark plugin, data plugin) and browser code (components, store, head script) name days and
 * items through these functions only, so a stored tick and the page that shows it always agree.
 * Isomorphic on purpose: no Node, browser, React or Docusaurus APIs here.
 */

/** The two ways to follow a weekly day. */
export type PlanVariant = '4h' | '6h';
export const PLAN_VARIANTS: readonly PlanVariant[] = ['4h', '6h'];
/** What applies until the reader picks: the shorter day. */
export const DEFAULT_VARIANT: PlanVariant = '4h';

/** A variant from untrusted text (a query parameter, stored JSON, an attribute), or null. */
export function parseVariant(value: unknown): PlanVariant | null {
  return value === '4h' || value === '6h' ? value : null;
}

/** The query parameter that shares a plan choice in a link: `?plan=6h`. */
export const VARIANT_PARAM = 'plan';
/** What decides the variant a page shows: the link's parameter, the variants there are, and the default. */
export interface VariantRule {
  param: string;
  variants: readonly string[];
  fallback: string;
}
/** A page's variant, and whether its link named it (a shared choice, which the page then remembers). */
export interface VariantChoice {
  variant: PlanVariant;
  shared: boolean;
}

/**
 * The 4h/6h rule: a link's `?plan=` naming a variant wins and is shared; else the stored choice; else the default.
 * The head script, which runs before any bundle, is this function's own source text (`variantHeadScript` in
 * plugins/plan-data), so the body stays self-contained: it reads only its arguments, calls no helper and uses no
 * syntax a transpiler would rewrite into one. Browser code calls it through `pageVariant`.
 */
export function chooseVariant(search: string, storedVariant: unknown, rule: VariantRule): VariantChoice {
  let named: string | null = null;
  try {
    named = new URLSearchParams(search).get(rule.param);
  } catch {
    named = null;
  }
  if (named !== null && rule.variants.indexOf(named) >= 0) return {variant: named as PlanVariant, shared: true};
  const stored = typeof storedVariant === 'string' && rule.variants.indexOf(storedVariant) >= 0 ? storedVariant : rule.fallback;
  return {variant: stored as PlanVariant, shared: false};
}

/** The rule with this site's names, as the head script and the browser code both apply it. */
export const VARIANT_RULE: VariantRule = {param: VARIANT_PARAM, variants: PLAN_VARIANTS, fallback: DEFAULT_VARIANT};

/** The variant a page at `search` shows, given the stored choice (see `chooseVariant`). */
export const pageVariant = (search: string, storedVariant: unknown): VariantChoice => chooseVariant(search, storedVariant, VARIANT_RULE);

/**
 * The query string after the reader picks `variant`: a link that names a plan keeps naming the one shown; one that
 * names none stays as it was (the choice is stored, not put into every address).
 */
export function searchWithVariant(search: string, variant: PlanVariant): string {
  const params = new URLSearchParams(search);
  if (!params.has(VARIANT_PARAM)) return search;
  params.set(VARIANT_PARAM, variant);
  return `?${params.toString()}`;
}

/** Attribute on <html> that CSS uses to show one variant; set before first paint by the head script. */
export const VARIANT_ATTRIBUTE = 'data-plan-variant';
/** The one localStorage key holding everything the site keeps in the browser. */
export const STORAGE_KEY = 'go-study-plans';
/**
 * The version of the stored shape this site writes (src/store/schema.ts). It lives here because the head script,
 * which runs before any bundle, must also know it: it remembers a shared `?plan=` choice, but never in data
 * written by a newer version of the site.
 */
export const STORE_SCHEMA_VERSION = 8;
/** The plan-data plugin's name: its modules are under `@generated/plan-data/default/`. */
export const PLAN_DATA_PLUGIN = 'plan-data';
/**
 * One module per plan, written by the plan-data plugin: the plan's page model (what its page, /today and the timer
 * panel read), imported by the plan's page and loaded by id elsewhere through the loader map below.
 */
export const planModuleSpecifier = (planId: string): string => `@generated/${PLAN_DATA_PLUGIN}/default/plans/${planId}.json`;
/**
 * Where the plan components the remark-plan plugin emits (`PlanPage`, `PlanDay` …) live, one folder each, named as the
 * element. Each plan page imports the ones it uses from here, so only pages with a plan load them.
 */
export const PLAN_COMPONENTS_DIR = '@site/src/components';
/** File names of those modules and of the loader map, relative to the plugin's generated folder. */
export const planModuleFile = (planId: string): string => `plans/${planId}.json`;
/** The name under which a plan page's module exports its plan's model (plugins/remark-plan), for loading a plan by id. */
export const PAGE_MODEL_EXPORT = 'planModel';
export const PLAN_LOADERS_FILE = 'plan-loaders.js';
/**
 * Every plan's id alone, in one module: what a page needs to tell a plan the site still has from one that moved, without
 * the loader map's import of every plan's page (most of its weight as the guide grows).
 */
export const PLAN_IDS_FILE = 'plan-ids.json';
/** Every plan's summary in one module: pages that list plans import it; nothing else carries it. */
export const PLAN_SUMMARIES_FILE = 'plan-summaries.json';
/**
 * Every plan's item fingerprints (as `fingerprintKey`s) in one module, loaded only when the browser holds records of a
 * plan id the site no longer has, to find the moved plan they belong to (plan-model/adoption.ts).
 */
export const PLAN_FINGERPRINTS_FILE = 'plan-fingerprints.json';

export type SessionName = 'morning' | 'evening';

/**
 * Stable anchors and item ids: progress and timers are keyed by them, so they depend on
 * numbers and positions, never on wording.
 */
export const dayAnchor = (day: number): string => `day-${day}`;
export const variantAnchor = (day: number, variant: PlanVariant): string => `day-${day}-${variant}`;
export const sessionAnchor = (day: number, name: SessionName): string => `day-${day}-${name}`;
/** Anchor of the intensive plan's generated "N days at a glance" overview. */
export const AT_A_GLANCE_ANCHOR = 'at-a-glance';

export const blockId = (day: number, block: number): string => `d${day}-b${block}`;
export const additionId = (day: number, index: number): string => `d${day}-a${index}`;
export const sessionId = (day: number, name: SessionName): string => `d${day}-${name}`;
export const topicId = (day: number, name: SessionName, index: number): string => `${sessionId(day, name)}-t${index}`;
export const practiceId = (day: number, name: SessionName, index: number): string => `${sessionId(day, name)}-p${index}`;

const ITEM_DAY = /^d(\d+)-/;
/** The day an item id belongs to (`d3-b2` → 3), or null for text that is not an item id. */
export function dayOfItemId(itemId: string): number | null {
  const match = ITEM_DAY.exec(itemId);
  return match ? Number(match[1]) : null;
}

const DAY_HASH = /^#day-(\d+)(?:-|$)/;
/** The day a page address points at (`#day-3`, `#day-3-evening`), or null. */
export function dayOfHash(hash: string): number | null {
  const match = DAY_HASH.exec(hash);
  return match ? Number(match[1]) : null;
}

/** Which of a weekly day's items a variant includes: 4h = the blocks, 6h = the blocks and the additions. */
export function variantItems<T>(day: {blocks: readonly T[]; additions: readonly T[]}, variant: PlanVariant): T[] {
  return variant === '4h' ? [...day.blocks] : [...day.blocks, ...day.additions];
}
