import {fromMarkdown} from 'mdast-util-from-markdown';
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter';
import {gfmAutolinkLiteralFromMarkdown} from 'mdast-util-gfm-autolink-literal';
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote';
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough';
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table';
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item';
import {frontmatter} from 'micromark-extension-frontmatter';
import {gfmAutolinkLiteral} from 'micromark-extension-gfm-autolink-literal';
import {gfmFootnote} from 'micromark-extension-gfm-footnote';
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough';
import {gfmTable} from 'micromark-extension-gfm-table';
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item';
import {parse as parseYaml} from 'yaml';
import type {Heading, Root} from 'mdast';
import {DAY_HEADING, DAY_MENTION, VARIANT_HEADING} from './grammar';
import {readIntensive} from './intensive';
import {plainText, positionOf, type Report} from './nodes';
import type {Diagnostic, ParseResult, PlanFrontMatter} from './types';
import {readWeekly} from './weekly';

export {plainText, positionOf} from './nodes';

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

/*
 * GFM as Docusaurus reads it: autolink literals, footnotes, strikethrough, tables, task lists. Finding bare URLs and
 * e-mail addresses takes a quarter of the parse, and they only start at `http:`, `https:`, `www.` or `@` (in both
 * micromark's syntax and mdast's transform), so a file holding none of those is read without that extension: the
 * tree is the same. markdownReading.test.ts holds the two reads equal.
 */
const MAY_HOLD_AUTOLINK_LITERAL = /https?:|www\.|@/i;
const GFM_BUT_AUTOLINKS = [gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()];
const GFM_BUT_AUTOLINKS_TO_MDAST = [gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()];
const WITHOUT_AUTOLINK_LITERALS = {
  extensions: [frontmatter(['yaml']), ...GFM_BUT_AUTOLINKS],
  mdastExtensions: [frontmatterFromMarkdown(['yaml']), ...GFM_BUT_AUTOLINKS_TO_MDAST],
};
const WITH_AUTOLINK_LITERALS = {
  extensions: [frontmatter(['yaml']), gfmAutolinkLiteral(), ...GFM_BUT_AUTOLINKS],
  mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmAutolinkLiteralFromMarkdown(), ...GFM_BUT_AUTOLINKS_TO_MDAST],
};

/** The Markdown tree every plan consumer reads (front matter and GFM tables included). */
export function parseMarkdown(source: string): Root {
  return fromMarkdown(source, MAY_HOLD_AUTOLINK_LITERAL.test(source) ? WITH_AUTOLINK_LITERALS : WITHOUT_AUTOLINK_LITERALS);
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
