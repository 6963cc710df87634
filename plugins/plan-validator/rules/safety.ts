import {visit} from 'unist-util-visit';
import type {Html, Node} from 'mdast';
import {positionOf} from '../../plan-model/parse';
import {isPlanLocation} from '../../plan-model/location';
import type {Check, Report, SourcePosition} from '../types';

/** Only harmless inline formatting: anything else could style, embed or run something. */
export const ALLOWED_HTML = ['br', 'kbd', 'sub', 'sup'] as const;
/** Elements named in their own message, because each one can load or run code. */
const FORBIDDEN_HTML = new Set(['script', 'iframe', 'style', 'object', 'embed', 'frame', 'frameset', 'base', 'link', 'meta', 'form']);
const UNSAFE_SCHEME = /^(?:javascript|vbscript|data):/i;
/** Browsers drop control characters and spaces inside a URL's scheme, so `java\tscript:` still runs code. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_OR_SPACE = /[\u0000-\u0020]/g;
const TAG = /<\s*(\/?)\s*([A-Za-z][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>?/g;
const EVENT_HANDLER = /(?:^|[\s"'/])(on[a-z]+)\s*=/i;

/**
 * Content safety: a contributed page can format text, never load or run anything. Plans are
 * plain Markdown only; site pages may use the site's MDX components, but nothing on any page may
 * run a script, embed another site or carry an event handler.
 */
export const safety: Check = {
  name: 'content safety',
  rules: [
    {code: 'unsafe-url', severity: 'error', description: 'No javascript:, vbscript: or data: URLs.', fix: 'Link to a page instead.'},
    {
      code: 'external-image',
      severity: 'error',
      description: 'Images come from the repository, not from other sites.',
      fix: 'Add the image to the repository and link it relatively.',
    },
    {code: 'esm-statement', severity: 'error', description: 'Plans have no import/export lines.', fix: 'Remove the line; plans cannot load code.'},
    {
      code: 'html-forbidden',
      severity: 'error',
      description: 'No `<script>`, `<iframe>`, `<style>` or other elements that load or run something, on any page.',
      fix: 'Remove the element.',
    },
    {code: 'jsx-element', severity: 'error', description: 'Plans have no JSX components.', fix: 'Write Markdown; the site adds its components itself.'},
    {code: 'html-element', severity: 'error', description: 'Plans use only `<br>`, `<kbd>`, `<sub>` and `<sup>` as HTML.', fix: 'Use Markdown instead.'},
    {code: 'html-attribute', severity: 'error', description: 'The allowed HTML elements carry no attributes.', fix: 'Remove the attributes.'},
    {code: 'html-event-handler', severity: 'error', description: 'No `on…=` event handler attributes, on any page.', fix: 'Remove the attribute.'},
  ],
  run({tree, source, location}, report) {
    const strictness = isPlanLocation(location) || location.kind === 'misplaced' ? 'plan' : 'page';
    visit(tree, (node) => {
      if (node.type === 'html') checkHtml(node as Html, strictness, report);
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') {
        const url = (node as Node & {url: string}).url;
        const scheme = url.replace(CONTROL_OR_SPACE, '');
        if (UNSAFE_SCHEME.test(scheme)) {
          report('unsafe-url', positionOf(node), `${scheme.split(':')[0]!.toLowerCase()}: URLs are not allowed: a link must lead to a page, not run code.`);
        } else if (node.type === 'image' && /^(?:https?:)?\/\//i.test(url)) {
          report('external-image', positionOf(node), `Image "${url}" is loaded from another site on every visit: put images in the repository instead.`);
        }
      }
    });
    if (strictness === 'page') return;
    // In MDX a top-level line starting with import/export is code; keep .md plans free of them too.
    const skipped = new Set<number>();
    visit(tree, (node) => {
      if (node.type === 'code' || node.type === 'yaml' || node.type === 'html') {
        for (let line = node.position?.start.line ?? 0; line <= (node.position?.end.line ?? 0); line += 1) skipped.add(line);
      }
    });
    source.split(/\r?\n|\r/).forEach((text, index) => {
      const match = /^(import|export)\s/.exec(text);
      if (match && !skipped.has(index + 1)) {
        report('esm-statement', {line: index + 1, column: 1}, `"${match[1]}" statements are not allowed: plan files are plain Markdown and cannot load code.`);
      }
    });
  },
};

function checkHtml(node: Html, strictness: 'plan' | 'page', report: Report): void {
  const value = node.value.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => comment.replace(/[^\n]/g, ' '));
  const start = positionOf(node);
  for (const match of value.matchAll(TAG)) {
    const [, closing, name = '', attributes = ''] = match;
    if (closing) continue;
    const position = offsetPosition(start, value, match.index);
    const lower = name.toLowerCase();
    if (FORBIDDEN_HTML.has(lower)) {
      report('html-forbidden', position, `<${lower}> is not allowed: pages must not run, style or embed anything.`);
    } else if (strictness === 'page') {
      // Site pages may use components and markup; only the checks below apply.
    } else if (/^[A-Z]/.test(name)) {
      report('jsx-element', position, `JSX element <${name}> is not allowed: plan files are plain Markdown.`);
    } else if (!(ALLOWED_HTML as readonly string[]).includes(lower)) {
      report(
        'html-element',
        position,
        `HTML element <${lower}> is not allowed: use Markdown (only ${ALLOWED_HTML.map((tag) => `<${tag}>`).join(', ')} may appear).`,
      );
    } else if (/\S/.test(attributes.replace(/\/\s*$/, '')) && !EVENT_HANDLER.test(attributes) && !/javascript:/i.test(attributes)) {
      report('html-attribute', position, `<${lower}> must not carry attributes.`);
    }
    // Named on its own whatever the element, because it is the one that runs code.
    const handler = EVENT_HANDLER.exec(attributes);
    if (handler) report('html-event-handler', position, `Event handler attribute ${handler[1]!.toLowerCase()}= is not allowed: pages must not run code.`);
    if (/javascript:/i.test(attributes.replace(CONTROL_OR_SPACE, ''))) {
      report('unsafe-url', position, 'javascript: URLs are not allowed: a link must lead to a page, not run code.');
    }
  }
}

function offsetPosition(start: SourcePosition, text: string, index: number): SourcePosition {
  const before = text.slice(0, index);
  const newlines = before.split('\n').length - 1;
  if (newlines === 0) return {line: start.line, column: start.column + index};
  return {line: start.line + newlines, column: index - before.lastIndexOf('\n')};
}
