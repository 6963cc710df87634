import type {Node, Parent, Root} from 'mdast';
import type {Diagnostic} from '../plan-model/types';
import {positionOf} from '../plan-model/nodes';

/**
 * Places in the transformed tree that would render to HTML a browser parses into another tree: a list item
 * outside a list (the browser then closes the enclosing item, list and day where it meets it), or a list
 * holding something else than items (a PlanItem is one: it renders the `<li>`). The plugin never builds these on purpose; this names the source line
 * if a plan shape it does not foresee makes it do so. Production builds check the emitted pages themselves.
 */
export function misplacedNodes(tree: Root): Diagnostic[] {
  const found: Diagnostic[] = [];
  const walk = (parent: Parent): void => {
    for (const child of parent.children as Node[]) {
      if (child.type === 'listItem' && parent.type !== 'list') {
        found.push({
          severity: 'error',
          code: 'html-nesting',
          message:
            'This bullet would be written outside a list, so browsers would end the block and the day early. Indent it under the bullet it belongs to, and report the plan shape.',
          ...positionOf(child),
        });
      } else if (parent.type === 'list' && child.type !== 'listItem' && !rendersListItem(child)) {
        found.push({
          severity: 'error',
          code: 'html-nesting',
          message: 'Only bullets can sit directly in a list here; indent this under a bullet.',
          ...positionOf(child),
        });
      }
      if ('children' in child) walk(child as Parent);
    }
  };
  walk(tree);
  return found;
}

/** A plan item's element, which the plugin puts in a list in place of the Markdown's item: it renders the `<li>`. */
const rendersListItem = (node: Node): boolean => node.type === 'mdxJsxFlowElement' && (node as Node & {name?: string}).name === 'PlanItem';
