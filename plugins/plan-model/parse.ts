import {unified} from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import {toString} from 'mdast-util-to-string';
import {parse as parseYaml} from 'yaml';
import type {Heading, List, ListItem, Node, Paragraph, Root, RootContent, Strong, Table} from 'mdast';
import {parseDuration} from './duration';
import type {
  Diagnostic,
  DurationRange,
  IntensiveDay,
  IntensivePlan,
  OverviewRow,
  ParseResult,
  PlanAddition,
  PlanBlock,
  PlanFrontMatter,
  PlanSession,
  SessionName,
  SourcePosition,
  WeeklyDay,
  WeeklyGoal,
  WeeklyPlan,
} from './types';

/** `Day 3 – Title`, `Day 3 - Title`, `Day 3: Title`. */
const DAY_HEADING = /^Day\s+(\d+)\s*(?:[–—:-]\s*)(.+)$/;
/** `4-Hour Plan`, `6-Hour Plan`. */
export const VARIANT_HEADING = /^([46])-Hour Plan$/i;
/** `Morning (6 hours)`. */
const SESSION_HEADING = /^(Morning|Evening)\s*\((.+)\)$/i;
/** `Block 2 (Design – 90 min)`: the label is separated from the duration by a spaced dash. */
const BLOCK_LABEL = /^Block\s+(\d+)\s*\((.+)\)$/;
/** A spaced dash: one of them separates label and duration (labels and ranges may contain dashes too). */
const SPACED_DASH = /\s+[–—-]\s+/g;
/** `Practice (60 min)` — duration in the last parentheses. */
const ADDITION_LABEL = /^(.*?)\s*\(([^()]+)\)\s*\.?$/;
/** `Practice:` / `Practice Problems:` introduces practice items in the intensive plan. */
const PRACTICE_ITEM = /^Practice(?:\s+Problems)?\s*:?$/i;

export interface ParseOptions {
  /** Front matter already extracted by the caller (Docusaurus strips it before remark runs). */
  frontMatter?: PlanFrontMatter;
}

/** Parses a plan file's full text (front matter included) into the plan model. */
export function parsePlan(source: string): ParseResult {
  return parsePlanTree(parseMarkdown(source));
}

/** The Markdown tree every plan consumer reads (front matter and GFM tables included). */
export function parseMarkdown(source: string): Root {
  return unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).parse(source);
}

/**
 * Reads an mdast tree as a plan. Never throws: anything it cannot understand becomes
 * a diagnostic with the position of the offending node.
 */
export function parsePlanTree(tree: Root, options: ParseOptions = {}): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const report = (node: Node | undefined, code: string, message: string, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({severity, code, message, ...positionOf(node)});

  const frontMatter = options.frontMatter ?? readFrontMatter(tree, report);
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  const firstDay = headings.find((heading) => DAY_HEADING.test(plainText(heading)));
  if (!firstDay) return {plan: null, diagnostics};

  const isWeekly = headings.some((heading) => VARIANT_HEADING.test(plainText(heading)));
  const plan = isWeekly ? readWeekly(tree, firstDay.depth, frontMatter, report) : readIntensive(tree, firstDay.depth, frontMatter, report);
  return {plan, diagnostics};
}

type Report = (node: Node | undefined, code: string, message: string, severity?: Diagnostic['severity']) => void;

/** Positions are 1-based line/column; a node without a position reports 1:1. */
export function positionOf(node: Node | undefined): SourcePosition {
  const start = node?.position?.start;
  return {line: start?.line ?? 1, column: start?.column ?? 1};
}

/** Text of a node as a reader sees it (no Markdown syntax), whitespace collapsed. */
export function plainText(node: Node | Node[]): string {
  const nodes = Array.isArray(node) ? node : [node];
  return nodes
    .map((child) => toString(child))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function readFrontMatter(tree: Root, report: Report): PlanFrontMatter {
  const yamlNode = tree.children.find((node) => node.type === 'yaml');
  if (!yamlNode || yamlNode.type !== 'yaml') return {};
  try {
    const data: unknown = parseYaml(yamlNode.value);
    if (data && typeof data === 'object' && !Array.isArray(data)) return data as PlanFrontMatter;
    report(yamlNode, 'frontmatter-invalid', 'Front matter must be a YAML mapping of keys to values.');
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    report(yamlNode, 'frontmatter-invalid', `Front matter is not valid YAML: ${reason}`);
  }
  return {};
}

/** A heading and the nodes up to the next heading of the same or a higher level. */
export interface Section {
  heading: Heading;
  content: RootContent[];
}

/** Splits a flat node list into sections at headings of exactly `depth`. */
export function sectionsAt(nodes: readonly RootContent[], depth: number): {before: RootContent[]; sections: Section[]} {
  const before: RootContent[] = [];
  const sections: Section[] = [];
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth <= depth) {
      if (node.depth === depth) {
        sections.push({heading: node, content: []});
        continue;
      }
      // A shallower heading closes the current section; its nodes belong to no section.
      sections.push({heading: node, content: []});
      continue;
    }
    const current = sections.at(-1);
    if (current) current.content.push(node);
    else before.push(node);
  }
  return {before, sections: sections.filter((section) => section.heading.depth === depth)};
}

function readWeekly(tree: Root, dayDepth: number, frontMatter: PlanFrontMatter, report: Report): WeeklyPlan {
  const {sections} = sectionsAt(tree.children, dayDepth);
  const plan: WeeklyPlan = {
    kind: 'weekly',
    frontMatter,
    title: typeof frontMatter.title === 'string' ? frontMatter.title : '',
    goals: [],
    overview: [],
    overviewPosition: null,
    overviewTablePosition: null,
    days: [],
  };
  for (const section of sections) {
    const title = plainText(section.heading);
    const day = DAY_HEADING.exec(title);
    if (day) {
      plan.days.push(readWeeklyDay(section, Number(day[1]), day[2]!.trim(), report));
    } else if (/^Weekly Goals$/i.test(title)) {
      plan.goals = readGoals(section.content);
    } else if (/^Weekly Overview( Table)?$/i.test(title)) {
      const table = section.content.find((node): node is Table => node.type === 'table');
      plan.overviewPosition = positionOf(section.heading);
      plan.overviewTablePosition = table ? positionOf(table) : null;
      plan.overview = readOverview(section, table, report);
    }
  }
  return plan;
}

function readGoals(content: readonly RootContent[]): WeeklyGoal[] {
  const list = content.find((node): node is List => node.type === 'list');
  if (!list) return [];
  return list.children.map((item) => ({
    area: plainText(leadParagraph(item) ?? item),
    items: nestedItems(item),
  }));
}

function readOverview(section: Section, table: Table | undefined, report: Report): OverviewRow[] {
  if (!table) {
    report(section.heading, 'overview-table-missing', 'The Weekly Overview section needs a "| Day | Focus |" table.');
    return [];
  }
  const rows: OverviewRow[] = [];
  for (const row of table.children.slice(1)) {
    const [dayCell, focusCell] = row.children;
    const dayText = dayCell ? plainText(dayCell) : '';
    const day = /^\d+$/.test(dayText) ? Number(dayText) : NaN;
    if (Number.isNaN(day)) {
      report(row, 'overview-day-invalid', `Overview row must start with a day number, found "${dayText}".`);
      continue;
    }
    rows.push({day, focus: focusCell ? plainText(focusCell) : '', position: positionOf(row)});
  }
  return rows;
}

function readWeeklyDay(section: Section, number: number, title: string, report: Report): WeeklyDay {
  const day: WeeklyDay = {
    number,
    title,
    anchor: dayAnchor(number),
    blocks: [],
    additions: [],
    position: positionOf(section.heading),
  };
  const {sections: parts} = sectionsAt(section.content, section.heading.depth + 1);
  for (const part of parts) {
    const variant = VARIANT_HEADING.exec(plainText(part.heading));
    const list = part.content.find((node): node is List => node.type === 'list');
    if (variant?.[1] === '4') {
      if (!list) report(part.heading, 'blocks-missing', `Day ${number}: the 4-Hour Plan has no list of blocks.`);
      day.blocks = list ? readBlocks(list, number, report) : [];
    } else if (variant?.[1] === '6') {
      if (!list) report(part.heading, 'additions-missing', `Day ${number}: the 6-Hour Plan has no "- Add:" list.`);
      day.additions = list ? readAdditions(list, number, report) : [];
    }
  }
  return day;
}

function readBlocks(list: List, dayNumber: number, report: Report): PlanBlock[] {
  const blocks: PlanBlock[] = [];
  for (const item of list.children) {
    const lead = leadStrong(item);
    const label = lead ? plainText(lead) : '';
    const match = BLOCK_LABEL.exec(label);
    if (!match) {
      report(
        item,
        'block-label-invalid',
        `Day ${dayNumber}: a block must start with "**Block N (Label – 60 min)**", found "${label || plainText(leadParagraph(item) ?? item).slice(0, 60)}".`,
      );
      continue;
    }
    const number = Number(match[1]);
    const {label: blockLabel, duration} = splitLabelDuration(match[2]!, lead, `Day ${dayNumber}, Block ${number}`, report);
    blocks.push({
      id: blockId(dayNumber, number),
      number,
      label: blockLabel,
      duration,
      details: nestedItems(item),
      position: positionOf(item),
    });
  }
  return blocks;
}

function splitLabelDuration(text: string, node: Node | undefined, where: string, report: Report): {label: string; duration: DurationRange | null} {
  // The first split whose remainder is a duration: `Label – 60 – 75 min` keeps its whole range,
  // `Read-through – part 2 – 60 min` keeps its whole label.
  for (const dash of text.matchAll(SPACED_DASH)) {
    const label = text.slice(0, dash.index).trim();
    const duration = label ? parseDuration(text.slice(dash.index + dash[0].length)) : null;
    if (duration) return {label, duration};
  }
  report(node, 'duration-missing', `${where}: no duration found in "(${text.trim()})"; write it as "(Label – 60 min)" or "(Label – 60–75 min)".`);
  return {label: text.trim(), duration: null};
}

function readAdditions(list: List, dayNumber: number, report: Report): PlanAddition[] {
  // Seeds write `- Add:` and nest the timed items under it; a plain list of items is read the same way.
  const items = list.children.flatMap((item) => (/^Add:?$/i.test(plainText(leadParagraph(item) ?? item).trim()) ? (nestedList(item)?.children ?? []) : [item]));
  const additions: PlanAddition[] = [];
  for (const item of items) {
    const lead = leadStrong(item);
    const label = lead ? plainText(lead) : '';
    const match = ADDITION_LABEL.exec(label);
    const duration = match ? parseDuration(match[2]!) : null;
    const index = additions.length + 1;
    if (!lead) {
      report(item, 'addition-label-invalid', `Day ${dayNumber}: a 6-hour addition must start with "**Label (60 min)**".`);
      continue;
    }
    if (!match || !duration) {
      report(lead, 'duration-missing', `Day ${dayNumber}: no duration found in 6-hour addition "${label}"; write it as "**Label (60 min)**".`);
    }
    const paragraph = leadParagraph(item);
    const rest = paragraph
      ? plainText(paragraph.children.filter((child) => child !== lead))
          .replace(/^[:.]\s*/, '')
          .trim()
      : '';
    additions.push({
      id: additionId(dayNumber, index),
      label: match && duration ? match[1]! : label,
      duration,
      details: [...(rest ? [rest] : []), ...nestedItems(item)],
      position: positionOf(item),
    });
  }
  return additions;
}

function readIntensive(tree: Root, dayDepth: number, frontMatter: PlanFrontMatter, report: Report): IntensivePlan {
  const titleHeading = tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
  const plan: IntensivePlan = {
    kind: 'intensive',
    frontMatter,
    title: typeof frontMatter.title === 'string' ? frontMatter.title : titleHeading ? plainText(titleHeading) : '',
    days: [],
  };
  for (const section of sectionsAt(tree.children, dayDepth).sections) {
    const match = DAY_HEADING.exec(plainText(section.heading));
    if (!match) continue;
    const number = Number(match[1]);
    const day: IntensiveDay = {
      number,
      title: match[2]!.trim(),
      anchor: dayAnchor(number),
      sessions: [],
      position: positionOf(section.heading),
    };
    for (const part of sectionsAt(section.content, dayDepth + 1).sections) {
      const session = SESSION_HEADING.exec(plainText(part.heading));
      if (!session) continue;
      day.sessions.push(readSession(part, number, session, report));
    }
    if (day.sessions.length === 0) {
      report(section.heading, 'sessions-missing', `Day ${number}: expected "Morning (6 hours)" and "Evening (8 hours)" sections.`);
    }
    plan.days.push(day);
  }
  return plan;
}

function readSession(part: Section, dayNumber: number, match: RegExpExecArray, report: Report): PlanSession {
  const name = match[1]!.toLowerCase() as SessionName;
  const duration = parseDuration(match[2]!);
  if (!duration) {
    report(part.heading, 'duration-missing', `Day ${dayNumber}: no duration in "${plainText(part.heading)}"; write it as "Morning (6 hours)".`);
  }
  const session: PlanSession = {
    id: `d${dayNumber}-${name}`,
    name,
    label: plainText(part.heading),
    duration,
    anchor: sessionAnchor(dayNumber, name),
    topics: [],
    practice: [],
    position: positionOf(part.heading),
  };
  const list = part.content.find((node): node is List => node.type === 'list');
  for (const item of list?.children ?? []) {
    const title = plainText(leadParagraph(item) ?? item);
    if (PRACTICE_ITEM.test(title)) {
      for (const practice of nestedList(item)?.children ?? []) {
        session.practice.push({
          id: `${session.id}-p${session.practice.length + 1}`,
          text: plainText(leadParagraph(practice) ?? practice),
          position: positionOf(practice),
        });
      }
    } else {
      session.topics.push({
        id: `${session.id}-t${session.topics.length + 1}`,
        title,
        items: nestedItems(item),
        position: positionOf(item),
      });
    }
  }
  return session;
}

/** Stable ids: progress and timers are keyed by them, so they depend on numbers, never on wording. */
export const dayAnchor = (day: number): string => `day-${day}`;
export const variantAnchor = (day: number, variant: '4h' | '6h'): string => `day-${day}-${variant}`;
export const sessionAnchor = (day: number, name: SessionName): string => `day-${day}-${name}`;
export const blockId = (day: number, block: number): string => `d${day}-b${block}`;
export const additionId = (day: number, index: number): string => `d${day}-a${index}`;

function leadParagraph(item: ListItem): Paragraph | undefined {
  const first = item.children[0];
  return first?.type === 'paragraph' ? first : undefined;
}

function leadStrong(item: ListItem): Strong | undefined {
  const first = leadParagraph(item)?.children[0];
  return first?.type === 'strong' ? first : undefined;
}

function nestedList(item: ListItem): List | undefined {
  return item.children.find((node): node is List => node.type === 'list');
}

/** Every nested bullet below an item, depth-first, one plain-text line each. */
function nestedItems(item: ListItem): string[] {
  const lines: string[] = [];
  const walk = (list: List | undefined) => {
    for (const child of list?.children ?? []) {
      lines.push(plainText(leadParagraph(child) ?? child));
      walk(nestedList(child));
    }
  };
  walk(nestedList(item));
  return lines;
}
