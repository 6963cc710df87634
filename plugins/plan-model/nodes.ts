/**
 * Small readers of mdast shared by the plan parser's parts: positions, plain text, list items and
 * sections. Structure only; what a section or item means is decided in parse.ts, weekly.ts and intensive.ts.
 */
import {toString} from 'mdast-util-to-string';
import type {Heading, List, ListItem, Node, Paragraph, RootContent, Strong} from 'mdast';
import {DAY_HEADING, DAY_MENTION} from './grammar';
import type {Diagnostic, SourcePosition} from './types';

/** How a reader records a problem: at the node it concerns. */
export type Report = (node: Node | undefined, code: string, message: string, severity?: Diagnostic['severity']) => void;

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

/** A heading and the nodes up to the next heading of the same or a higher level. */
export interface Section {
  heading: Heading;
  content: RootContent[];
}

/** Splits a flat node list into sections at headings of exactly `depth`; shallower headings end a section. */
export function sectionsAt(nodes: readonly RootContent[], depth: number): Section[] {
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

/** `Day 3 – Title` → {3, "Title"}; a day heading without a title is still a day, with a warning. */
export function readDayHeading(heading: Heading, report: Report): {number: number; title: string} | null {
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

export function leadParagraph(item: ListItem): Paragraph | undefined {
  const first = item.children[0];
  return first?.type === 'paragraph' ? first : undefined;
}

export function leadStrong(item: ListItem): Strong | undefined {
  const first = leadParagraph(item)?.children[0];
  return first?.type === 'strong' ? first : undefined;
}

/** The first bold span of a paragraph, wherever it sits in the line. */
export function findStrong(paragraph: Paragraph | undefined): Strong | undefined {
  return paragraph?.children.find((child): child is Strong => child.type === 'strong');
}

export function nestedList(item: ListItem): List | undefined {
  return item.children.find((node): node is List => node.type === 'list');
}

/** Every nested bullet below an item, depth-first, one plain-text line each; code and other blocks inside count too. */
export function nestedItems(item: ListItem): string[] {
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
