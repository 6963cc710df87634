import {unified} from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
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
