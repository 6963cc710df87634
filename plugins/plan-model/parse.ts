import {unified} from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import {toString} from 'mdast-util-to-string';
import {parse as parseYaml} from 'yaml';
import type {Heading, List, ListItem, Node, Paragraph, Root, RootContent, Strong, Table} from 'mdast';
import {parseDuration} from './duration';
import {
  ADDITIONS_INTRO,
  LABEL_PARENS_THEN_TEXT,
  BLOCK_LABEL,
  DAY_HEADING,
  DAY_MENTION,
  GOALS_HEADING,
  OVERVIEW_HEADING,
  PRACTICE_ITEM,
  SESSION_HEADING,
  SPACED_DASH,
  TRAILING_PARENS,
  VARIANT_HEADING,
} from './grammar';
import {additionId, blockId, dayAnchor, practiceId, sessionAnchor, sessionId, topicId, variantAnchor} from './ids';
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
  SectionRef,
  SessionName,
  SourcePosition,
  WeeklyDay,
  WeeklyGoal,
  WeeklyPlan,
} from './types';

export interface ParseOptions {
  /** Front matter already extracted by the caller (Docusaurus strips it before remark runs). */
  frontMatter?: PlanFrontMatter;
  /** The kind the doc's location implies; without it the headings decide. */
  kind?: 'weekly' | 'intensive';
}

/** Parses a plan file's full text (front matter included) into the plan model. */
export function parsePlan(source: string, options: ParseOptions = {}): ParseResult {
  return parsePlanTree(parseMarkdown(source), options);
}

/** The Markdown tree every plan consumer reads (front matter and GFM tables included). */
export function parseMarkdown(source: string): Root {
  return unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).parse(source);
}

/**
 * Reads an mdast tree as a plan. Never throws: anything it cannot understand becomes a
 * diagnostic with the position of the offending node. Every list item of a day's plan ends up
 * as a block, an addition, a topic, a detail of one of them, or a diagnostic that names it.
 */
export function parsePlanTree(tree: Root, options: ParseOptions = {}): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (node, code, message, severity = 'error') => diagnostics.push({severity, code, message, ...positionOf(node)});

  const frontMatter = options.frontMatter ?? readFrontMatter(tree, report);
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  const firstDay = headings.find((heading) => DAY_HEADING.test(plainText(heading))) ?? headings.find((heading) => DAY_MENTION.test(plainText(heading)));
  if (!firstDay) return {plan: null, frontMatter, diagnostics};

  const kind = options.kind ?? (headings.some((heading) => VARIANT_HEADING.test(plainText(heading))) ? 'weekly' : 'intensive');
  for (const heading of headings) {
    const day = DAY_MENTION.exec(plainText(heading));
    if (day && heading.depth !== firstDay.depth) {
      report(
        heading,
        'day-heading-level',
        `Day ${day[1]} is a level-${heading.depth} heading; write "${'#'.repeat(firstDay.depth)} Day ${day[1]} – Title" like the first day.`,
      );
    }
  }
  const plan = kind === 'weekly' ? readWeekly(tree, firstDay.depth, frontMatter, report) : readIntensive(tree, firstDay.depth, frontMatter, report);
  return {plan, frontMatter, diagnostics};
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

/** The front matter of a tree, or `{}`; a YAML error is reported at the line that causes it. */
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
interface Section {
  heading: Heading;
  content: RootContent[];
}

/** Splits a flat node list into sections at headings of exactly `depth`; shallower headings end a section. */
function sectionsAt(nodes: readonly RootContent[], depth: number): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth <= depth) {
      current = {heading: node, content: []};
      if (node.depth === depth) sections.push(current);
      continue;
    }
    current?.content.push(node);
  }
  return sections;
}

function readWeekly(tree: Root, dayDepth: number, frontMatter: PlanFrontMatter, report: Report): WeeklyPlan {
  const plan: WeeklyPlan = {
    kind: 'weekly',
    frontMatter,
    title: typeof frontMatter.title === 'string' ? frontMatter.title : '',
    goals: [],
    overview: [],
    overviewPosition: null,
    overviewTablePosition: null,
    dayDepth,
    sections: [],
    days: [],
  };
  for (const section of sectionsAt(tree.children, dayDepth)) {
    const title = plainText(section.heading);
    const ref: SectionRef = {kind: 'other', title, position: positionOf(section.heading)};
    plan.sections.push(ref);
    const day = readDayHeading(section.heading, report);
    if (day) {
      ref.kind = 'day';
      plan.days.push(readWeeklyDay(section, day.number, day.title));
      readWeeklyDayContent(plan.days.at(-1)!, section, report);
    } else if (GOALS_HEADING.test(title)) {
      ref.kind = 'goals';
      plan.goals = readGoals(section.content);
    } else if (OVERVIEW_HEADING.test(title)) {
      ref.kind = 'overview';
      const table = section.content.find((node): node is Table => node.type === 'table');
      plan.overviewPosition = positionOf(section.heading);
      plan.overviewTablePosition = table ? positionOf(table) : null;
      plan.overview = readOverview(section, table, report);
    }
  }
  return plan;
}

/** `Day 3 – Title` → {3, "Title"}; a day heading without a title is still a day, with a warning. */
function readDayHeading(heading: Heading, report: Report): {number: number; title: string} | null {
  const text = plainText(heading);
  const full = DAY_HEADING.exec(text);
  if (full) return {number: Number(full[1]), title: full[2]!.trim()};
  const bare = DAY_MENTION.exec(text);
  if (!bare) return null;
  report(
    heading,
    'day-heading-invalid',
    `Day heading should read "Day ${bare[1]} – Title", found "${text}"; the title names the day in the sidebar and roadmap.`,
    'warning',
  );
  return {
    number: Number(bare[1]),
    title: text
      .slice(bare[0].length)
      .replace(/^[\s–—:-]+/, '')
      .trim(),
  };
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
    // "1", "Day 1" and "**1**" all name day 1.
    const number = /^(?:Day\s*)?(\d+)$/i.exec(dayText)?.[1];
    if (number === undefined) {
      report(row, 'overview-day-invalid', `Overview row must start with a day number, found "${dayText}".`);
      continue;
    }
    rows.push({day: Number(number), focus: focusCell ? plainText(focusCell) : '', position: positionOf(row)});
  }
  return rows;
}

function readWeeklyDay(section: Section, number: number, title: string): WeeklyDay {
  return {number, title, anchor: dayAnchor(number), blocks: [], additions: [], variants: [], position: positionOf(section.heading)};
}

function readWeeklyDayContent(day: WeeklyDay, section: Section, report: Report): void {
  // A "Day N" heading at another level ends this day (it is reported), so its plan is not read as this day's.
  const end = section.content.findIndex((node) => node.type === 'heading' && DAY_MENTION.test(plainText(node)));
  for (const part of sectionsAt(end === -1 ? section.content : section.content.slice(0, end), section.heading.depth + 1)) {
    const variant = VARIANT_HEADING.exec(plainText(part.heading));
    if (!variant) continue;
    const name = variant[1] === '4' ? '4h' : '6h';
    day.variants.push({variant: name, anchor: variantAnchor(day.number, name), position: positionOf(part.heading)});
    if (name === '4h') {
      day.blocks.push(...readBlocks(part.content, day.number, report));
      if (day.blocks.length === 0) report(part.heading, 'blocks-missing', `Day ${day.number}: the 4-Hour Plan has no "- **Block 1 (Label – 60 min)**" items.`);
    } else {
      day.additions.push(...readAdditions(part.content, day.number, day.additions.length, report));
      if (day.additions.length === 0)
        report(part.heading, 'additions-missing', `Day ${day.number}: the 6-Hour Plan has no additions (e.g. "- Add:" with "**Practice (60 min)**" items).`);
    }
  }
}

/**
 * What follows an item until the next item of its kind belongs to it: Markdown ends a list at an
 * unindented code fence, table or paragraph, and the bullets after it start a new list. Headings
 * and thematic breaks end the item.
 */
function attachToItem(item: {attached: SourcePosition[]; details: string[]}, node: RootContent | ListItem): void {
  item.attached.push(positionOf(node));
  if (node.type === 'listItem') {
    item.details.push(plainText(leadParagraph(node) ?? node), ...nestedItems(node));
  } else if (node.type === 'code') {
    item.details.push(...node.value.split('\n').filter((line) => line.trim() !== ''));
  } else {
    const text = plainText(node);
    if (text) item.details.push(text);
  }
}

const endsItem = (node: RootContent): boolean => node.type === 'heading' || node.type === 'thematicBreak';

function readBlocks(content: readonly RootContent[], dayNumber: number, report: Report): PlanBlock[] {
  const blocks: PlanBlock[] = [];
  let current: PlanBlock | null = null;
  for (const node of content) {
    if (endsItem(node)) {
      current = null;
    } else if (node.type !== 'list') {
      if (current) attachToItem(current, node);
    } else {
      for (const item of node.children) {
        const block = readBlock(item, dayNumber, report);
        if (block) {
          blocks.push(block);
          current = block;
        } else if (current) {
          attachToItem(current, item);
        } else {
          const text = plainText(leadParagraph(item) ?? item).slice(0, 60);
          report(item, 'block-label-invalid', `Day ${dayNumber}: a block must start with "**Block N (Label – 60 min)**", found "${text}".`);
        }
      }
    }
  }
  return blocks;
}

/** A `Block N (…)` item, bold as in the seeds or plain (with a warning); null for any other item. */
function readBlock(item: ListItem, dayNumber: number, report: Report): PlanBlock | null {
  const lead = leadParagraph(item);
  const strong = leadStrong(item);
  const boldMatch = strong ? BLOCK_LABEL.exec(plainText(strong)) : null;
  const plainMatch = boldMatch || !lead ? null : BLOCK_LABEL.exec(plainText(lead));
  const match = boldMatch ?? plainMatch;
  if (!match) return null;
  const number = Number(match[1]);
  const where = `Day ${dayNumber}, Block ${number}`;
  if (plainMatch) {
    report(item, 'block-label-not-bold', `${where}: write the label in bold, "**${plainText(lead!)}**", so it reads like the other blocks.`, 'warning');
  }
  const {label, duration} = splitLabelDuration(match[2] ?? match[3] ?? '', strong ?? item, where, report);
  const rest = strong && lead ? plainText(lead.children.filter((child) => child !== strong)).replace(/^[:.–—-]\s*/, '') : '';
  return {
    id: blockId(dayNumber, number),
    number,
    label,
    duration,
    details: [...(rest ? [rest] : []), ...nestedItems(item)],
    position: positionOf(item),
    attached: [],
  };
}

/** `Design – 60–75 min`, `Design (90 min)` or `90 min`: the label and the duration, or a diagnostic. */
function splitLabelDuration(text: string, node: Node | undefined, where: string, report: Report): {label: string; duration: DurationRange | null} {
  const trimmed = text.trim();
  // The first split whose remainder is a duration: `Label – 60 – 75 min` keeps its whole range,
  // `Read-through – part 2 – 60 min` keeps its whole label.
  for (const dash of trimmed.matchAll(SPACED_DASH)) {
    const label = trimmed.slice(0, dash.index).trim();
    const duration = label ? parseDuration(trimmed.slice(dash.index + dash[0].length)) : null;
    if (duration) return {label, duration};
  }
  const parens = TRAILING_PARENS.exec(trimmed);
  const inParens = parens ? parseDuration(parens[2]!) : null;
  if (parens && inParens) return {label: parens[1]!.trim(), duration: inParens};
  const alone = parseDuration(trimmed);
  if (alone) return {label: '', duration: alone};
  report(node, 'duration-missing', `${where}: no duration found in "(${trimmed})"; write it as "(Label – 60 min)" or "(Label – 60–75 min)".`);
  return {label: trimmed, duration: null};
}

function readAdditions(content: readonly RootContent[], dayNumber: number, already: number, report: Report): PlanAddition[] {
  const additions: PlanAddition[] = [];
  let current: PlanAddition | null = null;
  const readItem = (item: ListItem) => {
    const nested = nestedList(item);
    if (nested && isAdditionsIntro(item, nested)) {
      // `Add:` or `**Do everything in the 4-hour plan**, plus:` — the items under it are the additions.
      for (const child of nested.children) readItem(child);
      return;
    }
    if (!nested && isEmptyIntro(item)) {
      // `Add:` whose items were split off by a blank line and a paragraph or fence: they are read on their own.
      report(
        item,
        'additions-intro-empty',
        `Day ${dayNumber}: "${plainText(item)}" introduces additions but has none nested under it; the items after it are read as additions.`,
        'warning',
      );
      return;
    }
    current = readAddition(item, dayNumber, already + additions.length + 1, report);
    additions.push(current);
  };
  for (const node of content) {
    if (endsItem(node)) current = null;
    else if (node.type === 'list') node.children.forEach(readItem);
    else if (current) attachToItem(current, node);
  }
  return additions;
}

/** A lone `Add:` or `…, plus:` line: a colon at the end, no duration, nothing but its text. */
function isEmptyIntro(item: ListItem): boolean {
  const lead = leadParagraph(item);
  return item.children.length === 1 && lead !== undefined && ADDITIONS_INTRO.test(plainText(lead)) && !readLabelAndDuration(item).duration;
}

/** An item that ends with a colon, names no duration itself, and has timed or bold items under it. */
function isAdditionsIntro(item: ListItem, nested: List): boolean {
  const lead = leadParagraph(item);
  const text = lead ? plainText(lead) : '';
  if (!ADDITIONS_INTRO.test(text) || readLabelAndDuration(item).duration) return false;
  return nested.children.some((child) => findStrong(leadParagraph(child)) !== undefined || readLabelAndDuration(child).duration !== null);
}

function readAddition(item: ListItem, dayNumber: number, index: number, report: Report): PlanAddition {
  const {label, duration, details, bold} = readLabelAndDuration(item);
  if (duration && !bold) {
    report(
      item,
      'addition-label-not-bold',
      `Day ${dayNumber}: write the 6-hour addition's label in bold, "**${label} (…)**", so it reads like the others.`,
      'warning',
    );
  }
  if (!duration) {
    report(
      item,
      'addition-duration-missing',
      `Day ${dayNumber}: the 6-hour addition "${label}" has no duration, so it gets a tick box but no timer; write it as "**${label} (60 min)**".`,
      'warning',
    );
  }
  return {id: additionId(dayNumber, index), label, duration, details: [...details, ...nestedItems(item)], position: positionOf(item), attached: []};
}

/**
 * The forms people write an addition in: `**Label (60 min)**: details` (the seeds),
 * `Extra **DSA block (45–60 min)**:`, `Add a **mini layer** for a tiny API (60 min).`,
 * `**Refactor utilities** to use unions (60 min).`, or no duration at all.
 */
function readLabelAndDuration(item: ListItem): {label: string; duration: DurationRange | null; details: string[]; bold: boolean} {
  const lead = leadParagraph(item);
  const text = lead ? plainText(lead) : plainText(item);
  const strong = findStrong(lead);
  const strongText = strong ? plainText(strong) : '';
  const inStrong = TRAILING_PARENS.exec(strongText);
  const strongDuration = inStrong ? parseDuration(inStrong[2]!) : null;
  const atEnd = TRAILING_PARENS.exec(text);
  const endDuration = atEnd ? parseDuration(atEnd[2]!) : null;
  const clean = (label: string) => label.replace(/[\s:.,;]+$/, '').trim();

  if (strong && strongDuration) {
    // What follows the bold label says what to do: `**Practice (60 min)**: Implement it`, `Extra **reading (30 min)**: the Go blog`.
    const rest = plainText(lead!.children.slice(lead!.children.indexOf(strong) + 1)).replace(/^[:.–—-]\s*/, '');
    return {label: clean(inStrong![1]!), duration: strongDuration, details: rest ? [rest] : [], bold: true};
  }
  if (endDuration) {
    const sentence = clean(atEnd![1]!);
    return {label: strong ? clean(strongText) : sentence, duration: endDuration, details: strong ? [sentence] : [], bold: Boolean(strong)};
  }
  const labelFirst = strong ? null : LABEL_PARENS_THEN_TEXT.exec(text);
  const labelFirstDuration = labelFirst ? parseDuration(labelFirst[2]!) : null;
  if (labelFirst && labelFirstDuration) {
    const rest = labelFirst[3]!.trim();
    return {label: clean(labelFirst[1]!), duration: labelFirstDuration, details: rest ? [rest] : [], bold: false};
  }
  if (strong) {
    const leadsWithStrong = lead!.children[0] === strong;
    const rest = plainText(lead!.children.filter((child) => child !== strong)).replace(/^[:.–—-]\s*/, '');
    return {label: clean(strongText), duration: null, details: leadsWithStrong ? (rest ? [rest] : []) : [clean(text)], bold: true};
  }
  return {label: clean(text), duration: null, details: [], bold: false};
}

function readIntensive(tree: Root, dayDepth: number, frontMatter: PlanFrontMatter, report: Report): IntensivePlan {
  const titleHeading = tree.children.find((node): node is Heading => node.type === 'heading' && node.depth === 1);
  const plan: IntensivePlan = {
    kind: 'intensive',
    frontMatter,
    title: typeof frontMatter.title === 'string' ? frontMatter.title : titleHeading ? plainText(titleHeading) : '',
    dayDepth,
    days: [],
  };
  for (const section of sectionsAt(tree.children, dayDepth)) {
    const heading = readDayHeading(section.heading, report);
    if (!heading) continue;
    const day: IntensiveDay = {
      number: heading.number,
      title: heading.title,
      anchor: dayAnchor(heading.number),
      sessions: [],
      position: positionOf(section.heading),
    };
    for (const part of sectionsAt(section.content, dayDepth + 1)) {
      const session = SESSION_HEADING.exec(plainText(part.heading));
      if (session) day.sessions.push(readSession(part, heading.number, session, report));
    }
    if (day.sessions.length === 0) {
      report(section.heading, 'sessions-missing', `Day ${heading.number}: expected "Morning (6 hours)" and "Evening (8 hours)" sections.`);
    }
    plan.days.push(day);
  }
  return plan;
}

function readSession(part: Section, dayNumber: number, match: RegExpExecArray, report: Report): PlanSession {
  const name = match[1]!.toLowerCase() as SessionName;
  const duration = match[2] ? parseDuration(match[2]) : null;
  if (!duration) {
    report(part.heading, 'duration-missing', `Day ${dayNumber}: no duration in "${plainText(part.heading)}"; write it as "Morning (6 hours)".`);
  }
  const session: PlanSession = {
    id: sessionId(dayNumber, name),
    name,
    label: plainText(part.heading),
    duration,
    anchor: sessionAnchor(dayNumber, name),
    topics: [],
    practice: [],
    position: positionOf(part.heading),
  };
  // Every list of the session counts: a code sample or paragraph may split the topics into several lists.
  for (const list of part.content.filter((node): node is List => node.type === 'list')) {
    for (const item of list.children) {
      const title = plainText(leadParagraph(item) ?? item);
      if (PRACTICE_ITEM.test(title)) {
        for (const practice of nestedList(item)?.children ?? []) {
          session.practice.push({
            id: practiceId(dayNumber, name, session.practice.length + 1),
            text: plainText(leadParagraph(practice) ?? practice),
            position: positionOf(practice),
          });
        }
      } else {
        session.topics.push({id: topicId(dayNumber, name, session.topics.length + 1), title, items: nestedItems(item), position: positionOf(item)});
      }
    }
  }
  return session;
}

function leadParagraph(item: ListItem): Paragraph | undefined {
  const first = item.children[0];
  return first?.type === 'paragraph' ? first : undefined;
}

function leadStrong(item: ListItem): Strong | undefined {
  const first = leadParagraph(item)?.children[0];
  return first?.type === 'strong' ? first : undefined;
}

/** The first bold span of a paragraph, wherever it sits in the line. */
function findStrong(paragraph: Paragraph | undefined): Strong | undefined {
  return paragraph?.children.find((child): child is Strong => child.type === 'strong');
}

function nestedList(item: ListItem): List | undefined {
  return item.children.find((node): node is List => node.type === 'list');
}

/** Every nested bullet below an item, depth-first, one plain-text line each; code and other blocks inside count too. */
function nestedItems(item: ListItem): string[] {
  const lines: string[] = [];
  const walk = (children: ListItem['children']) => {
    for (const child of children) {
      if (child.type === 'list') {
        for (const nested of child.children) {
          lines.push(plainText(leadParagraph(nested) ?? nested));
          walk(nested.children.slice(leadParagraph(nested) ? 1 : nested.children.length));
        }
      } else if (child.type === 'code') {
        lines.push(...child.value.split('\n').filter((line) => line.trim() !== ''));
      } else if (child.type !== 'paragraph' || child !== item.children[0]) {
        const text = plainText(child);
        if (text) lines.push(text);
      }
    }
  };
  walk(item.children.slice(leadParagraph(item) ? 1 : item.children.length));
  return lines;
}
