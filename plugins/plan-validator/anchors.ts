import {createSlugger, parseMarkdownHeadingId} from '@docusaurus/utils';
import {visit} from 'unist-util-visit';
import type {Heading, Root} from 'mdast';
import {AT_A_GLANCE_ANCHOR} from '../plan-model/ids';
import {docLocation, isPlanLocation} from '../plan-model/location';
import {parseMarkdown, parsePlanTree, plainText} from '../plan-model/parse';
import type {SourcePosition} from '../plan-model/types';

const key = (position: SourcePosition): string => `${position.line}:${position.column}`;

/**
 * The anchors a docs page will have once built: the stable ids the remark plugin sets from the
 * plan model (`day-3`, `day-3-4h`, `day-2-morning`, `at-a-glance`) and Docusaurus's slugs for
 * every other heading.
 */
export function collectAnchors(docPath: string, treeOrSource: Root | string): Set<string> {
  const tree = typeof treeOrSource === 'string' ? parseMarkdown(treeOrSource) : treeOrSource;
  const location = docLocation(docPath);
  const anchors = new Set<string>();
  const slugger = createSlugger();
  const planIds = new Map<string, string>();
  if (isPlanLocation(location)) {
    const {plan} = parsePlanTree(tree, {kind: location.kind});
    if (plan?.kind === 'intensive') anchors.add(slugger.slug(AT_A_GLANCE_ANCHOR, {maintainCase: true}));
    for (const day of plan?.days ?? []) {
      planIds.set(key(day.position), day.anchor);
      const parts = 'variants' in day ? day.variants : day.sessions;
      for (const part of parts) planIds.set(key(part.position), part.anchor);
    }
  }
  visit(tree, 'heading', (heading: Heading) => {
    const planId = heading.position ? planIds.get(key({line: heading.position.start.line, column: heading.position.start.column})) : undefined;
    if (planId) {
      anchors.add(slugger.slug(planId, {maintainCase: true}));
      return;
    }
    const text = plainText(heading);
    const explicit = parseMarkdownHeadingId(text, 'classic').id;
    anchors.add(explicit ? slugger.slug(explicit, {maintainCase: true}) : slugger.slug(text));
  });
  return anchors;
}
