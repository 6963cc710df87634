import path from 'node:path';
import {visit} from 'unist-util-visit';
import type {Node, Root} from 'mdast';
import {positionOf} from '../../plan-model/parse';
import {collectAnchors} from '../anchors';
import type {Check, KnownDocs, Report} from '../types';
import {CONTROL_OR_SPACE} from './safety';

const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Links between pages and anchors within them. An error only where the site would break (the
 * build rejects broken links and anchors); a link Docusaurus resolves is at most a warning.
 */
export const links: Check = {
  name: 'links and anchors',
  rules: [
    {code: 'link-broken', severity: 'error', description: 'A link leads to a page of the site.', fix: 'Correct the path (relative to this file, with .md).'},
    {code: 'link-outside-docs', severity: 'error', description: 'A link stays inside the docs folder.', fix: 'Link to a page of the site.'},
    {
      code: 'link-not-file',
      severity: 'warning',
      description: 'Links name the Markdown file, so they are checked at build time and work on GitHub too.',
      fix: 'Add the .md extension, e.g. "../week-02/go.md".',
    },
    {
      code: 'anchor-broken',
      severity: 'error',
      description: 'An #anchor exists on the page it points at.',
      fix: 'Use an anchor the page has: #day-3, #day-3-4h, or a heading slug.',
    },
  ],
  run({tree, docPath, knownDocs}, report) {
    checkLinkRefs(docPath, collectLinks(tree), knownDocs, knownDocs.get(docPath) ?? collectAnchors(docPath, tree), report);
  },
};

/** A link as written, and where: what the link check needs, small enough to cache per file. */
export interface LinkRef {
  url: string;
  line: number;
  column: number;
}

/** Every link and link definition of a page that points inside the site (not `https:`, `mailto:` or `//`). */
export function collectLinks(tree: Root): LinkRef[] {
  const refs: LinkRef[] = [];
  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return;
    const url = (node as Node & {url: string}).url.trim();
    if (url === '' || ANY_SCHEME.test(url.replace(CONTROL_OR_SPACE, '')) || url.startsWith('//')) return;
    refs.push({url, ...positionOf(node)});
  });
  return refs;
}

/** Resolves each link against the site's docs and anchors, reporting what would break. */
export function checkLinkRefs(docPath: string, refs: readonly LinkRef[], knownDocs: KnownDocs, ownAnchors: ReadonlySet<string>, report: Report): void {
  for (const {url, line, column} of refs) {
    const position = {line, column};
    const hashIndex = url.indexOf('#');
    const target = hashIndex === -1 ? url : url.slice(0, hashIndex);
    const anchor = hashIndex === -1 ? null : safeDecode(url.slice(hashIndex + 1));
    if (target === '') {
      if (anchor && !ownAnchors.has(anchor)) report('anchor-broken', position, `Link "${url}": anchor "#${anchor}" does not exist on this page.`);
      continue;
    }
    const decoded = safeDecode(target.split('?')[0]!);
    const isRoute = decoded.startsWith('/');
    const resolved = isRoute ? resolveRoute(decoded, knownDocs) : path.posix.normalize(path.posix.join(path.posix.dirname(docPath), decoded));
    if (resolved === null) {
      report('link-broken', position, `Link "${url}" matches no page of the site.`);
      continue;
    }
    if (resolved === '' || resolved === '..' || resolved.startsWith('../')) {
      report('link-outside-docs', position, `Link "${url}" leaves the docs folder: link to pages of the site only.`);
      continue;
    }
    let file = knownDocs.has(resolved) ? resolved : undefined;
    if (!file) {
      if (!/\.mdx?$/i.test(resolved) && path.posix.extname(resolved) !== '') continue; // an asset; the build checks those
      file = [`${resolved}.md`, `${resolved}.mdx`, `${resolved}/index.md`].find((candidate) => knownDocs.has(candidate));
      if (!file) {
        report('link-broken', position, `Link "${url}" points at ${resolved}, which does not exist.`);
        continue;
      }
      if (!isRoute) {
        // The reader's browser resolves it against the page's address, which mirrors the file's path: it works.
        const suggestion = `${target.replace(/\/$/, '')}${path.posix.extname(file)}${anchor !== null ? `#${anchor}` : ''}`;
        report('link-not-file', position, `Link "${url}" works, but write "${suggestion}" so the link is checked at build time and works on GitHub too.`);
      }
    }
    if (anchor && !knownDocs.get(file)!.has(anchor)) report('anchor-broken', position, `Link "${url}": anchor "#${anchor}" does not exist in ${file}.`);
  }
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
