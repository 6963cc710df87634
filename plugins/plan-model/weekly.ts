/** Reads a weekly track page: goals, overview, and days with their 4-hour blocks and 6-hour additions. */
import type {List, ListItem, Node, Root, RootContent, Table} from 'mdast';
import {parseDuration} from './duration';
import {
  ADDITIONS_INTRO,
  BLOCK_LABEL,
  DAY_MENTION,
  GOALS_HEADING,
  LABEL_PARENS_THEN_TEXT,
  OVERVIEW_DAY,
  OVERVIEW_HEADING,
  SPACED_DASH,
  TRAILING_PARENS,
  VARIANT_HEADING,
} from './grammar';
import {additionId, blockId, dayAnchor, variantAnchor} from './ids';
import {
  findStrong,
  leadParagraph,
  leadStrong,
  nestedItems,
  nestedList,
  plainText,
  positionOf,
  readDayHeading,
  sectionsAt,
  type Report,
  type Section,
} from './nodes';
import type {
  DurationRange,
  OverviewRow,
  PlanAddition,
  PlanBlock,
  PlanFrontMatter,
  SectionRef,
  SourcePosition,
  WeeklyDay,
  WeeklyGoal,
  WeeklyPlan,
} from './types';

export function readWeekly(tree: Root, dayDepth: number, frontMatter: PlanFrontMatter, report: Report): WeeklyPlan {
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
    const number = OVERVIEW_DAY.exec(dayText)?.[1];
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
