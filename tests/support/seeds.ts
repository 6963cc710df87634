import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';

/** Repository root, found from this file so tests run the same from any working directory. */
export const repoRoot = path.resolve(__dirname, '../..');

/**
 * The original plans live beside the repository (CI clones it with `shared/` next to it), read-only:
 * they are what the site must reproduce, so tests compare against them rather than against docs/.
 */
export const seedsDir = path.resolve(repoRoot, '../shared/seeds');

/** One seed plan and where the site publishes it. */
export interface SeedPlan {
  /** Seed file name prefix, e.g. `001`. */
  prefix: string;
  /** Markdown source under the repository. */
  doc: string;
  /** URL path on the built site. */
  route: string;
  kind: 'week' | 'intensive';
  days: number;
  /** Title the page's h1 shows. */
  title: string;
}

/** Seed file → site page, as listed in the seeds README. */
export const seedPlans: readonly SeedPlan[] = [
  {prefix: '001', doc: 'docs/weeks/week-09/go.md', route: '/weeks/week-09/go', kind: 'week', days: 7, title: 'Go Track'},
  {prefix: '000', doc: 'docs/weeks/week-10/go.md', route: '/weeks/week-10/go', kind: 'week', days: 7, title: 'Go Track'},
  {prefix: '002', doc: 'docs/weeks/week-11/go.md', route: '/weeks/week-11/go', kind: 'week', days: 7, title: 'Go Track'},
  {prefix: '003', doc: 'docs/weeks/week-13/go.md', route: '/weeks/week-13/go', kind: 'week', days: 7, title: 'Go Track'},
  {
    prefix: '004',
    doc: 'docs/intensive/senior-go-14-days.md',
    route: '/intensive/senior-go-14-days',
    kind: 'intensive',
    days: 14,
    title: 'Intensive 14-Day Senior Golang Engineer Study Plan',
  },
];

/** Full text of a plan's seed file; a clear error when the seeds are not checked out beside the repository. */
export function readSeed(plan: SeedPlan): string {
  if (!existsSync(seedsDir)) {
    throw new Error(`Seed plans not found at ${seedsDir}: clone the shared folder next to this repository (../shared/seeds).`);
  }
  const file = readdirSync(seedsDir).find((name) => name.startsWith(`${plan.prefix}_`) && name.endsWith('.txt'));
  if (!file) throw new Error(`No seed file ${plan.prefix}_*.txt in ${seedsDir}.`);
  return readFileSync(path.join(seedsDir, file), 'utf8');
}

/** Splits `---`-fenced front matter from the body; front matter is null when the text has none. */
export function splitFrontMatter(text: string): {frontMatter: string | null; body: string} {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  return match ? {frontMatter: match[1] ?? '', body: text.slice(match[0].length)} : {frontMatter: null, body: text};
}

const tableSeparator = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Body lines that carry text a reader sees: no front matter, blank lines, `---` rules or table separator rows. */
export function contentLines(text: string): string[] {
  return splitFrontMatter(text)
    .body.split('\n')
    .filter((line) => line.trim() !== '' && line.trim() !== '---' && !tableSeparator.test(line));
}

/** A list item that is only a Markdown link, e.g. `- [Projects](../topic-banks/projects.md)`. */
export function linkLine(line: string): {label: string; target: string} | null {
  const match = /^\s*[-*]\s+\[([^\]]+)\]\(([^)\s]+)\)\s*$/.exec(line);
  return match ? {label: match[1] ?? '', target: match[2] ?? ''} : null;
}

/** Collapses runs of whitespace (including the zero-width space in heading anchors) to one space. */
export function normaliseWhitespace(text: string): string {
  return text
    .replace(/[\u200b\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text a Markdown line shows once rendered: markers, emphasis, code ticks, pipes and link URLs removed. */
export function visibleText(line: string): string {
  const text = line
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/`/g, '')
    .replace(/\|/g, ' ');
  return normaliseWhitespace(text);
}
