import path from 'node:path';
import {createSlugger, parseMarkdownHeadingId} from '@docusaurus/utils';
import {visit} from 'unist-util-visit';
import {parse as parseYaml} from 'yaml';
import type {Heading, Html, Node, Root, RootContent, Table, Yaml} from 'mdast';
import {formatMinutes, formatRange, sumDurations} from './duration';
import {dayAnchor, parseMarkdown, parsePlanTree, plainText, positionOf, sectionsAt, sessionAnchor, variantAnchor} from './parse';
import type {Diagnostic, IntensivePlan, PlanFrontMatter, Severity, SourcePosition, WeeklyPlan} from './types';

/** Docs-relative path (forward slashes, e.g. `weeks/week-09/go.md`) → the anchors its page has. */
export type KnownDocs = ReadonlyMap<string, ReadonlySet<string>>;

export interface PlanFileInput {
  /** Path relative to the docs folder, with forward slashes: `weeks/week-12/go.md`. */
  path: string;
  source: string;
  /** Every doc of the site, so links and anchors can be checked without touching the disk. */
  knownDocs: KnownDocs;
}

/** A week has exactly these days; the guide has exactly these weeks. */
export const DAYS_PER_WEEK = 7;
export const WEEKS_IN_GUIDE = 16;

/** Only harmless inline formatting: anything else could style, embed or run something. */
export const ALLOWED_HTML = ['br', 'kbd', 'sub', 'sup'] as const;

/** Elements named in their own message, because each one can load or run code. */
const FORBIDDEN_HTML = new Set(['script', 'iframe', 'style', 'object', 'embed', 'frame', 'frameset', 'base', 'link', 'meta', 'form']);

/** A 4-hour day may plan between these many minutes before we warn (the seeds use 3–4.5 h). */
const FOUR_HOUR_DAY = {min: 150, max: 300};
/** A single block or addition outside this range is most likely a typo (`90 h` for `90 min`). */
const ITEM_MINUTES = {min: 5, max: 240};

/** `weeks/week-09/go.md` */
const WEEKLY_PATH = /^weeks\/week-(\d{2})\/([a-z][a-z0-9-]*)\.md$/;
const INTENSIVE_PATH = /^intensive\/([a-z0-9][a-z0-9-]*)\.md$/;
const DAY_TITLE = /^Day\s+(\d+)\b/i;
const DAY_FULL = /^Day\s+(\d+)\s*(?:[–—:-]\s*)(.+)$/;
const GOALS_TITLE = /^Weekly Goals$/i;
const OVERVIEW_TITLE = /^Weekly Overview( Table)?$/i;
const VARIANT_TITLE = /^([46])-Hour Plan$/i;
const SESSION_TITLE = /^(Morning|Evening)\b/i;
const UNSAFE_SCHEME = /^(?:javascript|vbscript|data):/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
/** A TODO marker and its hint, up to the end of the table cell, bold label or `Label – 60 min` dash. */
/** Browsers drop control characters and spaces inside a URL's scheme, so `java\tscript:` still runs code. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_SPACE = /[\u0000-\u0020]/g;
const TODO = /\bTODO\b(?:(?!\s[–—-]\s)[^|*()\n\]])*/g;

type Report = (position: SourcePosition, code: string, message: string, severity?: Severity) => void;

/** Where a docs file sits decides which rules apply to it. */
export type DocKind = {kind: 'weekly'; week: number; track: string} | {kind: 'intensive'; name: string} | {kind: 'misplaced'; reason: string} | {kind: 'page'};

/** Classifies a docs-relative path: a weekly track page, the intensive plan, or any other page. */
export function docKindOf(docPath: string): DocKind {
  const weekly = WEEKLY_PATH.exec(docPath);
  if (weekly) {
    const week = Number(weekly[1]);
    if (week >= 1 && week <= WEEKS_IN_GUIDE) return {kind: 'weekly', week, track: weekly[2]!};
    return {kind: 'misplaced', reason: `Week ${weekly[1]} is outside the guide: weeks are numbered 01 to ${WEEKS_IN_GUIDE}.`};
  }
  const intensive = INTENSIVE_PATH.exec(docPath);
  if (intensive) return {kind: 'intensive', name: intensive[1]!};
  if (docPath.startsWith('weeks/')) {
    return {
      kind: 'misplaced',
      reason: 'Weekly plans live in weeks/week-NN/<track>.md: a two-digit week (01–16) and a lowercase track name such as go.md.',
    };
  }
  if (docPath.startsWith('intensive/')) {
    return {kind: 'misplaced', reason: 'Intensive plans are lowercase .md files directly in intensive/, e.g. intensive/senior-go-14-days.md.'};
  }
  return {kind: 'page'};
}

/**
 * Checks one docs file with the parser the site uses, plus the rules a contribution must meet.
 * Pure and total: any input, however broken, yields diagnostics, never an exception.
 */
export function validatePlanFile({path: docPath, source, knownDocs}: PlanFileInput): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (position, code, message, severity = 'error') =>
    diagnostics.push({severity, code, message, line: Math.max(1, position.line), column: Math.max(1, position.column)});

  const tree = parseMarkdown(source);
  const doc = docKindOf(docPath);

  if (/\.mdx$/i.test(docPath) && (doc.kind !== 'page' || docPath.startsWith('weeks/') || docPath.startsWith('intensive/'))) {
    report(START, 'plan-extension', 'Plan files must be .md (plain Markdown): an .mdx file can import and run code.');
  } else if (doc.kind === 'misplaced') {
    report(START, 'plan-location', doc.reason);
  }

  if (doc.kind === 'weekly' || doc.kind === 'intensive') {
    const parsed = parsePlanTree(tree);
    diagnostics.push(...parsed.diagnostics.map((diagnostic) => (diagnostic.code === 'frontmatter-invalid' ? locateYamlError(diagnostic, tree) : diagnostic)));
    const frontMatterOk = !parsed.diagnostics.some((d) => d.code === 'frontmatter-invalid');
    const yaml = tree.children.find((node): node is Yaml => node.type === 'yaml');
    const frontMatter = parsed.plan?.frontMatter ?? (yaml ? frontMatterOf(yaml) : {});
    if (!yaml) {
      report(START, 'frontmatter-missing', 'Front matter is missing: start the file with a --- block holding id, title, sidebar_label and sidebar_position.');
    } else if (frontMatterOk) {
      checkFrontMatter(yaml, frontMatter, doc, report);
    }
    if (doc.kind === 'weekly') {
      checkWeekly(tree, parsed.plan?.kind === 'weekly' ? parsed.plan : null, parsed.diagnostics, report);
    } else {
      checkIntensive(tree, parsed.plan?.kind === 'intensive' ? parsed.plan : null, report);
    }
  }

  // Plans are contributed content: plain Markdown only. Site pages may use the site's MDX components,
  // but nothing on any page may run a script, embed another site or carry an event handler.
  checkSafety(tree, source, doc.kind === 'page' ? 'page' : 'plan', report);
  checkLinks(tree, docPath, knownDocs, report);
  checkTodos(source, report);

  return sortDiagnostics(dedupe(diagnostics));
}

const START: SourcePosition = {line: 1, column: 1};

/** The parser places YAML errors on the `---` line; point at the offending line instead, as editors count it. */
function locateYamlError(diagnostic: Diagnostic, tree: Root): Diagnostic {
  const yaml = tree.children.find((node): node is Yaml => node.type === 'yaml');
  if (!yaml) return diagnostic;
  try {
    parseYaml(yaml.value);
  } catch (error) {
    const detected = (error as {linePos?: {line: number; col: number}[]}).linePos?.[0];
    // An unclosed quote or bracket is only noticed lines later; the line that opened it is the one to fix.
    const opener = unclosedLine(yaml.value, error instanceof Error ? error.message : '');
    const at = opener ?? detected;
    if (at) {
      const reason = (error instanceof Error ? error.message : '').split('\n')[0]!.replace(/\s*at line \d+, column \d+:?\s*$/, '');
      return {...diagnostic, line: positionOf(yaml).line + at.line, column: at.col, message: `Front matter is not valid YAML: ${reason}`};
    }
  }
  return diagnostic;
}

/** First line (1-based, within the YAML) whose quotes or brackets do not balance, when the error is about one. */
function unclosedLine(yamlText: string, message: string): {line: number; col: number} | null {
  const pairs: [string, string][] = /quote/i.test(message)
    ? [
        ['"', '"'],
        ["'", "'"],
      ]
    : /end with a [\]}]/.test(message)
      ? [
          ['[', ']'],
          ['{', '}'],
        ]
      : [];
  const lines = yamlText.split('\n');
  for (const [index, line] of lines.entries()) {
    for (const [open, close] of pairs) {
      const opens = line.split(open).length - 1;
      const closes = open === close ? 0 : line.split(close).length - 1;
      const unbalanced = open === close ? opens % 2 === 1 : opens > closes;
      if (unbalanced) return {line: index + 1, col: line.indexOf(open) + 1};
    }
  }
  return null;
}

/** Front matter of a file that is not (yet) a plan; the parser has already reported invalid YAML. */
function frontMatterOf(yaml: Yaml): PlanFrontMatter {
  try {
    const data: unknown = parseYaml(yaml.value);
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as PlanFrontMatter) : {};
  } catch {
    return {};
  }
}

/** Line of `key:` inside the front matter block, or the block's opening `---`. */
function frontMatterKeyPosition(yaml: Yaml, key: string): SourcePosition {
  const start = positionOf(yaml);
  const index = yaml.value.split('\n').findIndex((line) => new RegExp(`^${key}\\s*:`).test(line));
  return index === -1 ? start : {line: start.line + 1 + index, column: 1};
}

function checkFrontMatter(yaml: Yaml, frontMatter: PlanFrontMatter, doc: DocKind, report: Report): void {
  const examples: Record<string, string> = {
    id: doc.kind === 'weekly' ? doc.track : doc.kind === 'intensive' ? doc.name : 'my-page',
    title: doc.kind === 'weekly' ? `${trackLabel(doc.track)} Track` : 'My Plan',
    sidebar_label: doc.kind === 'weekly' ? trackLabel(doc.track) : 'My Plan',
    sidebar_position: '2',
  };
  for (const key of ['id', 'title', 'sidebar_label'] as const) {
    const value = frontMatter[key];
    if (value === undefined || value === null) {
      report(positionOf(yaml), 'frontmatter-field-missing', `Front matter has no "${key}"; add e.g. "${key}: ${examples[key]}".`);
    } else if (typeof value !== 'string' || value.trim() === '') {
      report(frontMatterKeyPosition(yaml, key), 'frontmatter-field-invalid', `Front matter "${key}" must be non-empty text.`);
    }
  }
  const position = frontMatter.sidebar_position;
  if (position === undefined || position === null) {
    report(positionOf(yaml), 'frontmatter-field-missing', `Front matter has no "sidebar_position"; add e.g. "sidebar_position: ${examples.sidebar_position}".`);
  } else if (typeof position !== 'number' || !Number.isFinite(position)) {
    report(
      frontMatterKeyPosition(yaml, 'sidebar_position'),
      'frontmatter-field-invalid',
      `Front matter "sidebar_position" must be a number, found "${String(position)}".`,
    );
  }

  for (const key of ['mdx', 'format'] as const) {
    if (frontMatter[key] !== undefined && doc.kind !== 'page') {
      report(
        frontMatterKeyPosition(yaml, key),
        'frontmatter-mdx',
        `Front matter "${key}" is not allowed in a plan: plans stay plain Markdown, which cannot import or run code.`,
      );
    }
  }

  const id = frontMatter.id;
  if (typeof id === 'string' && id.trim() !== '') {
    const expected = doc.kind === 'weekly' ? doc.track : doc.kind === 'intensive' ? doc.name : null;
    if (expected !== null && id !== expected) {
      const file = `${expected}.md`;
      report(frontMatterKeyPosition(yaml, 'id'), 'frontmatter-id', `Front matter id is "${id}" but the file is ${file}: the id must be "${expected}".`);
    }
  }
  const label = frontMatter.sidebar_label;
  if (doc.kind === 'weekly' && typeof label === 'string' && label.trim() !== '' && squash(label) !== squash(doc.track)) {
    report(
      frontMatterKeyPosition(yaml, 'sidebar_label'),
      'frontmatter-label',
      `sidebar_label "${label}" does not name the track "${doc.track}": readers pick a track by this label (e.g. "${trackLabel(doc.track)}").`,
      'warning',
    );
  }
}

/** `go` → `Go`, `node-js` → `Node Js`: a starting point for labels, never a rule. */
export function trackLabel(track: string): string {
  return track
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

function checkWeekly(tree: Root, plan: WeeklyPlan | null, parserDiagnostics: readonly Diagnostic[], report: Report): void {
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  const firstDay = headings.find((heading) => DAY_TITLE.test(plainText(heading)));
  if (!firstDay) {
    report(positionOf(headings[0]), 'days-missing', `No day sections found: a weekly plan has "### Day 1 – Title" to "### Day ${DAYS_PER_WEEK} – Title".`);
    return;
  }
  const depth = firstDay.depth;
  const hashes = '#'.repeat(depth);
  const {sections} = sectionsAt(tree.children, depth);

  for (const heading of headings) {
    const match = DAY_TITLE.exec(plainText(heading));
    if (match && heading.depth !== depth) {
      report(
        positionOf(heading),
        'day-heading-level',
        `Day ${match[1]} is a level-${heading.depth} heading; write "${hashes} Day ${match[1]} – Title" like Day ${dayNumberOf(firstDay)}.`,
      );
    }
  }

  // Required sections, in order: goals, overview, then the days.
  const goals = sections.findIndex((section) => GOALS_TITLE.test(plainText(section.heading)));
  const overview = sections.findIndex((section) => OVERVIEW_TITLE.test(plainText(section.heading)));
  const firstDayIndex = sections.findIndex((section) => DAY_TITLE.test(plainText(section.heading)));
  const firstDayPosition = positionOf(sections[firstDayIndex]?.heading);
  if (goals === -1) {
    report(firstDayPosition, 'section-missing', `Missing section "${hashes} Weekly Goals" before the days.`);
  }
  if (overview === -1) {
    report(firstDayPosition, 'section-missing', `Missing section "${hashes} Weekly Overview Table" before the days.`);
  }
  if (goals !== -1 && overview !== -1 && overview < goals && (firstDayIndex === -1 || goals < firstDayIndex)) {
    report(positionOf(sections[goals]!.heading), 'section-order', '"Weekly Goals" must come before "Weekly Overview Table".');
  }
  for (const [index, name] of [
    [goals, 'Weekly Goals'],
    [overview, 'Weekly Overview Table'],
  ] as const) {
    if (index > firstDayIndex && firstDayIndex !== -1) {
      report(positionOf(sections[index]!.heading), 'section-order', `"${name}" must come before Day 1.`);
    }
  }

  // Days 1–7, each once, in order, each titled.
  const seen = new Map<number, SourcePosition>();
  let highest = 0;
  const dayHeadings: {number: number; position: SourcePosition}[] = [];
  for (const section of sections) {
    const title = plainText(section.heading);
    const match = DAY_TITLE.exec(title);
    if (!match) continue;
    const number = Number(match[1]);
    const position = positionOf(section.heading);
    dayHeadings.push({number, position});
    if (!DAY_FULL.test(title)) {
      report(position, 'day-heading-invalid', `Day heading must read "Day ${number} – Title", found "${title}".`);
    }
    if (number < 1 || number > DAYS_PER_WEEK) {
      report(position, 'day-out-of-range', `Day ${number} is outside the week: a weekly plan has Days 1 to ${DAYS_PER_WEEK}.`);
    } else if (seen.has(number)) {
      report(position, 'day-duplicate', `Day ${number} appears twice (first at line ${seen.get(number)!.line}).`);
    } else if (number < highest) {
      report(position, 'day-order', `Day ${number} comes after Day ${highest}: keep the days in order.`);
    }
    if (!seen.has(number)) seen.set(number, position);
    highest = Math.max(highest, number);
  }
  for (let number = 1; number <= DAYS_PER_WEEK; number += 1) {
    if (seen.has(number)) continue;
    const next = dayHeadings.find((day) => day.number > number) ?? dayHeadings.at(-1);
    report(next?.position ?? START, 'day-missing', `Day ${number} is missing: a weekly plan has Days 1 to ${DAYS_PER_WEEK}.`);
  }

  // Each day offers both variants.
  for (const section of sections) {
    const match = DAY_FULL.exec(plainText(section.heading));
    if (!match) continue;
    const variants = sectionsAt(section.content, depth + 1).sections.map((part) => VARIANT_TITLE.exec(plainText(part.heading))?.[1]);
    for (const hours of ['4', '6']) {
      if (!variants.includes(hours)) {
        report(positionOf(section.heading), 'variant-missing', `Day ${match[1]} has no "${'#'.repeat(depth + 1)} ${hours}-Hour Plan" section.`);
      }
    }
  }

  if (overview !== -1) checkOverview(sections[overview]!.content, plan, report);
  if (plan) checkWeeklyDays(plan, parserDiagnostics, report);
}

function dayNumberOf(heading: Heading): number {
  return Number(DAY_TITLE.exec(plainText(heading))?.[1] ?? 0);
}

function checkOverview(content: readonly RootContent[], plan: WeeklyPlan | null, report: Report): void {
  const table = content.find((node): node is Table => node.type === 'table');
  // The parser reports a missing table; without one there are no rows to compare.
  if (!table || !plan) return;
  const rows = new Map<number, SourcePosition>();
  for (const row of plan.overview) {
    if (row.day < 1 || row.day > DAYS_PER_WEEK) {
      report(row.position, 'overview-row-unknown', `Overview row for Day ${row.day} matches no day: a week has Days 1 to ${DAYS_PER_WEEK}.`);
      continue;
    }
    if (rows.has(row.day)) {
      report(row.position, 'overview-row-duplicate', `The overview table lists Day ${row.day} twice (first at line ${rows.get(row.day)!.line}).`);
      continue;
    }
    rows.set(row.day, row.position);
    if (row.focus.trim() === '') {
      report(row.position, 'overview-focus-empty', `Overview row for Day ${row.day} has no focus: say in a few words what the day is about.`);
      continue;
    }
    const day = plan.days.find((candidate) => candidate.number === row.day);
    if (day && !sharesWord(row.focus, day.title)) {
      report(
        row.position,
        'overview-title-mismatch',
        `Overview row for Day ${row.day} ("${row.focus}") shares no word with the Day ${row.day} heading ("${day.title}").`,
        'warning',
      );
    }
  }
  for (let number = 1; number <= DAYS_PER_WEEK; number += 1) {
    if (!rows.has(number)) {
      report(positionOf(table), 'overview-row-missing', `The overview table has no row for Day ${number}.`);
    }
  }
}

/** Loose on purpose: overview focus and day titles are written differently ("DB" vs "Document Store"). */
function sharesWord(a: string, b: string): boolean {
  const words = (text: string) =>
    new Set(
      text
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((word) => word.length > 2 && !STOP_WORDS.has(word)),
    );
  const left = words(a);
  const right = words(b);
  if (left.size === 0 || right.size === 0) return true;
  for (const word of left) {
    if (right.has(word) || [...right].some((other) => other.startsWith(word.slice(0, 5)) && word.length >= 5)) return true;
  }
  return false;
}

const STOP_WORDS = new Set(['and', 'the', 'for', 'with', 'day', 'todo']);

function checkWeeklyDays(plan: WeeklyPlan, parserDiagnostics: readonly Diagnostic[], report: Report): void {
  const starts = plan.days.map((day) => day.position.line).sort((a, b) => a - b);
  for (const day of plan.days) {
    // A block the parser could not read is missing from the model: numbering and totals would only echo that error.
    const end = starts.find((line) => line > day.position.line) ?? Infinity;
    const unreadable = parserDiagnostics.some(
      (diagnostic) => diagnostic.code === 'block-label-invalid' && diagnostic.line > day.position.line && diagnostic.line < end,
    );
    const wrong = unreadable ? undefined : day.blocks.find((block, index) => block.number !== index + 1);
    if (wrong) {
      const expected = day.blocks.indexOf(wrong) + 1;
      report(
        wrong.position,
        'block-number',
        `Day ${day.number}: expected Block ${expected} here, found Block ${wrong.number}; number blocks 1, 2, 3… without gaps.`,
      );
    }
    for (const item of [...day.blocks, ...day.additions]) {
      if (!item.duration) continue;
      if (item.duration.min < ITEM_MINUTES.min || item.duration.max > ITEM_MINUTES.max) {
        const name = 'number' in item ? `Block ${item.number}` : `"${item.label}"`;
        report(
          item.position,
          'duration-implausible',
          `Day ${day.number}: ${name} lasts ${formatRange(item.duration)}; a single item normally takes ${formatMinutes(ITEM_MINUTES.min)} to ${formatMinutes(ITEM_MINUTES.max)}.`,
          'warning',
        );
      }
    }
    if (!unreadable && day.blocks.length > 0 && day.blocks.every((block) => block.duration)) {
      const total = sumDurations(day.blocks.map((block) => block.duration));
      if (total.max < FOUR_HOUR_DAY.min || total.min > FOUR_HOUR_DAY.max) {
        report(
          day.position,
          'day-duration-implausible',
          `Day ${day.number}: the 4-hour blocks add up to ${formatRange(total)}; a 4-hour day should plan between ${formatMinutes(FOUR_HOUR_DAY.min)} and ${formatMinutes(FOUR_HOUR_DAY.max)}.`,
          'warning',
        );
      }
    }
  }
}

function checkIntensive(tree: Root, plan: IntensivePlan | null, report: Report): void {
  if (!plan) {
    const first = tree.children.find((node) => node.type === 'heading');
    report(
      positionOf(first),
      'days-missing',
      'No day sections found: the intensive plan has "## Day 1: Title" sections, each with "### Morning (6 hours)" and "### Evening (8 hours)".',
    );
    return;
  }
  const seen = new Map<number, SourcePosition>();
  let highest = 0;
  for (const day of plan.days) {
    if (day.number < 1) {
      report(day.position, 'day-out-of-range', `Day ${day.number} is not a day: days are numbered from 1.`);
    } else if (seen.has(day.number)) {
      report(day.position, 'day-duplicate', `Day ${day.number} appears twice (first at line ${seen.get(day.number)!.line}).`);
    } else if (day.number < highest) {
      report(day.position, 'day-order', `Day ${day.number} comes after Day ${highest}: keep the days in order.`);
    }
    if (!seen.has(day.number)) seen.set(day.number, day.position);
    highest = Math.max(highest, day.number);
    if (day.sessions.length > 0) {
      for (const name of ['morning', 'evening'] as const) {
        if (!day.sessions.some((session) => session.name === name)) {
          report(day.position, 'session-missing', `Day ${day.number} has no "${name === 'morning' ? 'Morning (6 hours)' : 'Evening (8 hours)'}" section.`);
        }
      }
    }
  }
  for (let number = 1; number <= highest; number += 1) {
    if (seen.has(number)) continue;
    const next = plan.days.find((day) => day.number > number);
    report(next?.position ?? START, 'day-missing', `Day ${number} is missing: days run from 1 to ${highest} without gaps.`);
  }
}

/** Content safety: a contributed page can format text, never load or run anything. */
function checkSafety(tree: Root, source: string, strictness: 'plan' | 'page', report: Report): void {
  visit(tree, (node) => {
    if (node.type === 'html') checkHtml(node as Html, strictness, report);
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
      const url = (node as Node & {url: string}).url;
      const scheme = url.replace(CONTROL_OR_SPACE, '');
      if (UNSAFE_SCHEME.test(scheme)) {
        report(positionOf(node), 'unsafe-url', `${scheme.split(':')[0]!.toLowerCase()}: URLs are not allowed: a link must lead to a page, not run code.`);
      } else if (node.type === 'image' && /^(?:https?:)?\/\//i.test(url)) {
        report(positionOf(node), 'external-image', `Image "${url}" is loaded from another site on every visit: put images in the repository instead.`);
      }
    }
  });

  if (strictness === 'page') return;
  // In MDX a top-level line starting with import/export is code; keep .md plans free of them too.
  const skipped = new Set<number>();
  visit(tree, (node) => {
    if (node.type === 'code' || node.type === 'yaml' || node.type === 'html') {
      const start = node.position?.start.line ?? 0;
      const end = node.position?.end.line ?? 0;
      for (let line = start; line <= end; line += 1) skipped.add(line);
    }
  });
  source.split(/\r?\n|\r/).forEach((text, index) => {
    const match = /^(import|export)\s/.exec(text);
    if (match && !skipped.has(index + 1)) {
      report({line: index + 1, column: 1}, 'esm-statement', `"${match[1]}" statements are not allowed: plan files are plain Markdown and cannot load code.`);
    }
  });
}

const TAG = /<\s*(\/?)\s*([A-Za-z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>?/g;

function checkHtml(node: Html, strictness: 'plan' | 'page', report: Report): void {
  const value = node.value.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => comment.replace(/[^\n]/g, ' '));
  const start = positionOf(node);
  for (const match of value.matchAll(TAG)) {
    const [, closing, name = '', attributes = ''] = match;
    if (closing) continue;
    const position = offsetPosition(start, value, match.index);
    const lower = name.toLowerCase();
    if (FORBIDDEN_HTML.has(lower)) {
      report(position, 'html-forbidden', `<${lower}> is not allowed: pages must not run, style or embed anything.`);
    } else if (strictness === 'page') {
      // Site pages may use components and markup; only the checks below apply.
    } else if (/^[A-Z]/.test(name)) {
      report(position, 'jsx-element', `JSX element <${name}> is not allowed: plan files are plain Markdown.`);
    } else if (!(ALLOWED_HTML as readonly string[]).includes(lower)) {
      report(
        position,
        'html-element',
        `HTML element <${lower}> is not allowed: use Markdown (only ${ALLOWED_HTML.map((tag) => `<${tag}>`).join(', ')} may appear).`,
      );
    } else if (/\S/.test(attributes.replace(/\/\s*$/, '')) && !EVENT_HANDLER.test(attributes) && !/javascript:/i.test(attributes)) {
      report(position, 'html-attribute', `<${lower}> must not carry attributes.`);
    }
    // Named on its own whatever the element, because it is the one that runs code.
    const handler = EVENT_HANDLER.exec(attributes);
    if (handler) {
      report(position, 'html-event-handler', `Event handler attribute ${handler[1]!.toLowerCase()}= is not allowed: pages must not run code.`);
    }
    if (/javascript:/i.test(attributes.replace(CONTROL_OR_SPACE, ''))) {
      report(position, 'unsafe-url', 'javascript: URLs are not allowed: a link must lead to a page, not run code.');
    }
  }
}

const EVENT_HANDLER = /(?:^|[\s"'/])(on[a-z]+)\s*=/i;

function offsetPosition(start: SourcePosition, text: string, index: number): SourcePosition {
  const before = text.slice(0, index);
  const newlines = before.split('\n').length - 1;
  if (newlines === 0) return {line: start.line, column: start.column + index};
  return {line: start.line + newlines, column: index - before.lastIndexOf('\n')};
}

function checkLinks(tree: Root, docPath: string, knownDocs: KnownDocs, report: Report): void {
  const ownAnchors = knownDocs.get(docPath) ?? collectAnchors(docPath, tree);
  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return;
    const url = (node as Node & {url: string}).url.trim();
    if (url === '' || ANY_SCHEME.test(url.replace(CONTROL_OR_SPACE, '')) || url.startsWith('//')) return;
    const position = positionOf(node);
    const hashIndex = url.indexOf('#');
    const target = hashIndex === -1 ? url : url.slice(0, hashIndex);
    const anchor = hashIndex === -1 ? null : safeDecode(url.slice(hashIndex + 1));

    if (target === '') {
      if (anchor && !ownAnchors.has(anchor)) {
        report(position, 'anchor-broken', `Anchor "#${anchor}" does not exist on this page.`);
      }
      return;
    }
    const decoded = safeDecode(target.split('?')[0]!);
    const resolved = decoded.startsWith('/') ? resolveRoute(decoded, knownDocs) : path.posix.normalize(path.posix.join(path.posix.dirname(docPath), decoded));
    if (resolved === null) {
      report(position, 'link-broken', `Link "${url}" matches no page of the site.`);
      return;
    }
    if (resolved === '' || resolved.startsWith('../') || resolved === '..') {
      report(position, 'link-outside-docs', `Link "${url}" leaves the docs folder: link to pages of the site only.`);
      return;
    }
    let anchors = knownDocs.get(resolved);
    if (!anchors) {
      if (!/\.mdx?$/i.test(resolved) && path.posix.extname(resolved) !== '') return; // an asset; the build checks those
      const withExtension = ['.md', '.mdx'].map((ext) => `${resolved}${ext}`).find((candidate) => knownDocs.has(candidate));
      if (withExtension && !decoded.startsWith('/')) {
        report(
          position,
          'link-not-file',
          `Link "${url}" should name the Markdown file: "${target}${path.posix.extname(withExtension)}${anchor !== null ? `#${anchor}` : ''}".`,
        );
        return;
      }
      if (!withExtension) {
        report(position, 'link-broken', `Link "${url}" points at ${resolved}, which does not exist.`);
        return;
      }
      anchors = knownDocs.get(withExtension)!;
      if (anchor && !anchors.has(anchor)) {
        report(position, 'anchor-broken', `Anchor "#${anchor}" does not exist in ${withExtension}.`);
      }
      return;
    }
    if (anchor && !anchors.has(anchor)) {
      report(position, 'anchor-broken', `Anchor "#${anchor}" does not exist in ${resolved}.`);
    }
  });
}

/** `/weeks/week-09/go` → `weeks/week-09/go.md`; `/` is the home page; null when no doc matches. */
function resolveRoute(route: string, knownDocs: KnownDocs): string | null {
  const trimmed = route.replace(/^\/+/, '').replace(/\/+$/, '');
  if (trimmed === '') return 'index';
  if (knownDocs.has(trimmed)) return trimmed;
  for (const candidate of [`${trimmed}.md`, `${trimmed}.mdx`, `${trimmed}/index.md`, `${trimmed}/index.mdx`]) {
    if (knownDocs.has(candidate)) return candidate;
  }
  if (path.posix.extname(trimmed) !== '') return trimmed; // a static file; the build checks those
  return null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function checkTodos(source: string, report: Report): void {
  source.split(/\r?\n|\r/).forEach((text, index) => {
    for (const match of text.matchAll(TODO)) {
      const hint = match[0].trim().replace(/[\s:.,;-]+$/, '');
      const marker = hint.length > 60 ? `${hint.slice(0, 59)}…` : hint;
      report({line: index + 1, column: match.index + 1}, 'todo', `Leftover "${marker}": replace it with real content.`);
    }
  });
}

/**
 * The anchors a docs page will have once built: the stable plan ids the remark plugin sets
 * (`day-3`, `day-3-4h`, `day-2-morning`, `at-a-glance`) and Docusaurus's slugs for every other heading.
 */
export function collectAnchors(docPath: string, treeOrSource: Root | string): Set<string> {
  const tree = typeof treeOrSource === 'string' ? parseMarkdown(treeOrSource) : treeOrSource;
  const anchors = new Set<string>();
  const slugger = createSlugger();
  const {plan} = parsePlanTree(tree);
  const isPlan = plan !== null && docKindOf(docPath).kind !== 'page';
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  const dayDepth = headings.find((heading) => DAY_FULL.test(plainText(heading)))?.depth ?? 0;
  if (isPlan && plan.kind === 'intensive') anchors.add(slugger.slug('at-a-glance', {maintainCase: true}));
  let currentDay = 0;
  visit(tree, 'heading', (heading: Heading) => {
    const text = plainText(heading);
    let id: string | null = null;
    if (isPlan && heading.depth === dayDepth && DAY_FULL.test(text)) {
      currentDay = Number(DAY_FULL.exec(text)![1]);
      id = dayAnchor(currentDay);
    } else if (isPlan && heading.depth === dayDepth + 1 && currentDay > 0) {
      const variant = plan.kind === 'weekly' ? VARIANT_TITLE.exec(text) : null;
      const session = plan.kind === 'intensive' ? SESSION_TITLE.exec(text) : null;
      if (variant) id = variantAnchor(currentDay, variant[1] === '4' ? '4h' : '6h');
      if (session) id = sessionAnchor(currentDay, session[1]!.toLowerCase() as 'morning' | 'evening');
    } else if (isPlan && heading.depth <= dayDepth) {
      currentDay = 0;
    }
    if (id !== null) {
      anchors.add(slugger.slug(id, {maintainCase: true}));
      return;
    }
    const explicit = parseMarkdownHeadingId(text, 'classic').id;
    anchors.add(explicit ? slugger.slug(explicit, {maintainCase: true}) : slugger.slug(text));
  });
  return anchors;
}

/** Checks a week folder's `_category_.json`, which names the week in the sidebar. */
export function validateCategoryFile({source, week}: {source: string; week: number}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const lineOf = (key: string): SourcePosition => {
    const index = source.split('\n').findIndex((line) => line.includes(`"${key}"`));
    return index === -1 ? START : {line: index + 1, column: 1};
  };
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{severity: 'error', code: 'category-invalid', message: `_category_.json is not valid JSON: ${reason}`, ...START}];
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return [{severity: 'error', code: 'category-invalid', message: '_category_.json must be a JSON object.', ...START}];
  }
  const category = data as {label?: unknown; position?: unknown; link?: {slug?: unknown}};
  const name = `Week ${String(week).padStart(2, '0')}`;
  if (category.label !== name) {
    diagnostics.push({severity: 'error', code: 'category-label', message: `_category_.json label must be "${name}".`, ...lineOf('label')});
  }
  if (category.position !== week) {
    diagnostics.push({
      severity: 'error',
      code: 'category-position',
      message: `_category_.json position must be ${week}, so weeks stay in order in the sidebar.`,
      ...lineOf('position'),
    });
  }
  return diagnostics;
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((diagnostic) => {
    const key = `${diagnostic.line}:${diagnostic.column}:${diagnostic.code}:${diagnostic.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** By position, so output reads top to bottom like the file. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
}
