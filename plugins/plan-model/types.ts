/**
 * The typed plan model: what one plan document (a weekly track page or the
 * intensive plan) means. Pure data — no React, no Docusaurus — so the remark
 * plugin, the plan-data plugin, the validator and browser components can all
 * share it (browser code imports types only).
 */
import type {PlanVariant, SessionName} from './ids';

/** 1-based position in the source file, as editors show it. */
export interface SourcePosition {
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning';

/** A problem found while reading a plan; never thrown, always positioned. */
export interface Diagnostic extends SourcePosition {
  severity: Severity;
  /** Stable machine-readable code, e.g. `block-duration-missing`. */
  code: string;
  message: string;
}

/** A planned duration in minutes; `min === max` when the text gives one value. */
export interface DurationRange {
  min: number;
  max: number;
}

/** Front matter fields every plan page carries. */
export interface PlanFrontMatter {
  id?: string;
  title?: string;
  sidebar_label?: string;
  sidebar_position?: number;
  [key: string]: unknown;
}

/** A numbered block of a weekly day's 4-hour plan: `- **Block 2 (Design – 90 min)**`. */
export interface PlanBlock {
  /** Stable id inside the plan: `d{day}-b{number}`. */
  id: string;
  number: number;
  label: string;
  duration: DurationRange | null;
  /** Plain-text details (the nested bullets and what follows the item), one entry per line. */
  details: string[];
  position: SourcePosition;
  /**
   * Top-level nodes after the item that belong to it: a code fence, table, quote or stray bullet
   * that ended the Markdown list. The remark plugin moves them inside the item, so they render,
   * print and tick with it.
   */
  attached: SourcePosition[];
}

/** An extra timed item of the 6-hour plan: `- **Practice (60 min)**: …`. */
export interface PlanAddition {
  /** Stable id inside the plan: `d{day}-a{index}` (1-based). */
  id: string;
  label: string;
  duration: DurationRange | null;
  /** Text after the bold label (e.g. "Sketch design for feature flag service."), if any. */
  details: string[];
  position: SourcePosition;
  /** As for blocks: nodes after the item that belong to it. */
  attached: SourcePosition[];
}

/** A day's "4-Hour Plan" or "6-Hour Plan" heading. */
export interface VariantSectionRef {
  variant: PlanVariant;
  /** Heading id: `day-{n}-{variant}`. */
  anchor: string;
  position: SourcePosition;
}

/** A top-level section of a weekly plan, in reading order, for rules about order and presence. */
export interface SectionRef {
  kind: 'goals' | 'overview' | 'day' | 'other';
  title: string;
  position: SourcePosition;
}

export interface WeeklyDay {
  number: number;
  title: string;
  /** Stable heading id: `day-{number}`. */
  anchor: string;
  blocks: PlanBlock[];
  additions: PlanAddition[];
  /** The variant headings the day has, in order. */
  variants: VariantSectionRef[];
  position: SourcePosition;
}

export interface WeeklyGoal {
  area: string;
  items: string[];
}

export interface OverviewRow {
  day: number;
  focus: string;
  position: SourcePosition;
}

export interface WeeklyPlan {
  kind: 'weekly';
  frontMatter: PlanFrontMatter;
  title: string;
  goals: WeeklyGoal[];
  overview: OverviewRow[];
  /** The "Weekly Overview" heading, if the plan has one. */
  overviewPosition: SourcePosition | null;
  /** The overview's "| Day | Focus |" table, if the section has one. */
  overviewTablePosition: SourcePosition | null;
  /** Heading level of the day headings (3 in the seeds). */
  dayDepth: number;
  /** Sections at the day headings' level, in order. */
  sections: SectionRef[];
  days: WeeklyDay[];
}

/** A `*` topic of a session with its nested sub-topics. */
export interface SessionTopic {
  /** Stable id: `d{day}-{session}-t{index}` (1-based). */
  id: string;
  title: string;
  items: string[];
  position: SourcePosition;
}

/** An item under `* Practice:` (or `* Practice Problems:`). */
export interface PracticeItem {
  /** Stable id: `d{day}-{session}-p{index}` (1-based). */
  id: string;
  text: string;
  position: SourcePosition;
}

export interface PlanSession {
  /** Stable id: `d{day}-{name}`. */
  id: string;
  name: SessionName;
  /** Heading text, e.g. "Morning (6 hours)". */
  label: string;
  duration: DurationRange | null;
  /** Heading id: `day-{n}-{name}`. */
  anchor: string;
  topics: SessionTopic[];
  practice: PracticeItem[];
  position: SourcePosition;
}

export interface IntensiveDay {
  number: number;
  title: string;
  /** Stable heading id: `day-{number}`. */
  anchor: string;
  sessions: PlanSession[];
  position: SourcePosition;
}

export interface IntensivePlan {
  kind: 'intensive';
  frontMatter: PlanFrontMatter;
  title: string;
  /** Heading level of the day headings (2 in the seed). */
  dayDepth: number;
  days: IntensiveDay[];
}

export type PlanModel = WeeklyPlan | IntensivePlan;

export interface ParseResult {
  /** Null only when the document is not recognisably a plan. */
  plan: PlanModel | null;
  /** The front matter, also when the document is not (yet) a plan. */
  frontMatter: PlanFrontMatter;
  diagnostics: Diagnostic[];
}

export type {PlanVariant, SessionName} from './ids';
