import {readFileSync} from 'node:fs';
import {parse} from 'parse5';
import type {DefaultTreeAdapterMap} from 'parse5';

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

/** Elements of a page's server HTML, as a browser's parser builds them: the total and the count per tag name. */
export interface ElementCount {
  total: number;
  byTag: Record<string, number>;
}

/**
 * Counts the elements of an HTML document with an HTML5 parser (the minifier drops optional end tags, so counting
 * tags in the text would be wrong). Template contents count too: React parks pending Suspense content there.
 */
export function countElements(html: string): ElementCount {
  const byTag: Record<string, number> = {};
  let total = 0;
  const walk = (node: ParentNode): void => {
    for (const child of node.childNodes as ChildNode[]) {
      if (!('tagName' in child)) continue;
      total += 1;
      byTag[child.tagName] = (byTag[child.tagName] ?? 0) + 1;
      walk(child);
      if (child.tagName === 'template' && 'content' in child) walk(child.content as ParentNode);
    }
  };
  walk(parse(html));
  return {total, byTag};
}

/** Elements of a built HTML file. */
export function countElementsInFile(file: string): ElementCount {
  return countElements(readFileSync(file, 'utf8'));
}
