/**
 * Does HTML parse to the tree its tags spell out? React writes a page's server HTML from its own
 * element tree; a browser rebuilds the tree from the text with the HTML5 parsing rules, which close,
 * drop or move elements written where HTML does not allow them (an `<li>` outside a list, a `<div>`
 * in a `<p>`, text in a `<table>`). When the two trees differ, readers without JavaScript get the
 * parser's version and React reports a hydration error and renders the page again.
 */
import {parse, parseFragment, type DefaultTreeAdapterTypes, type ParserError} from 'parse5';

type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type Element = DefaultTreeAdapterTypes.Element;

/** One place where the parsed tree differs from the written one, 1-based like the content diagnostics. */
export interface HtmlProblem {
  line: number;
  column: number;
  message: string;
}

export interface NestingOptions {
  /**
   * Minified pages leave out end tags HTML lets a parser imply (`</li>`, `</p>`, `</td>`, `</body>`) and start
   * tags it inserts itself (`<tbody>`, `<head>`): allowed when true. React's own markup writes every tag, so any
   * tag the parser had to imply there is a misplaced element.
   */
  minified: boolean;
  /** A whole document (the built page) rather than a fragment (a component's markup). */
  document?: boolean;
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** End tags the HTML syntax lets an author (or a minifier) leave out. */
const OPTIONAL_END_TAGS = new Set([
  'html',
  'head',
  'body',
  'li',
  'dt',
  'dd',
  'p',
  'rt',
  'rp',
  'optgroup',
  'option',
  'colgroup',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
]);
/** Start tags the HTML syntax lets an author leave out. */
const OPTIONAL_START_TAGS = new Set(['html', 'head', 'body', 'tbody', 'colgroup']);
/** Elements whose content is text to the parser, so an `</x>` inside them is no tag. */
const TEXT_ONLY = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/** Tree-construction errors parse5 reports; the others concern tokens (character references, attribute syntax). */
const TREE_ERRORS = new Set([
  'end-tag-without-matching-open-element',
  'closing-of-element-with-open-child-elements',
  'open-elements-left-after-eof',
  'abandoned-head-element-child',
  'misplaced-start-tag-for-head-element',
  'misplaced-doctype',
  'non-void-html-element-start-tag-with-trailing-solidus',
]);

const isElement = (node: DefaultTreeAdapterTypes.ChildNode): node is Element => 'tagName' in node;

/** A page or fragment as parse5 read it: the tree with source positions, and every error the parser reported. */
interface ParsedHtml {
  root: ParentNode;
  parserErrors: ParserError[];
}

/** Parses `html` as the nesting check needs it. */
function parseHtml(html: string, options: Pick<NestingOptions, 'document'>): ParsedHtml {
  const parserErrors: ParserError[] = [];
  const parserOptions = {sourceCodeLocationInfo: true, onParseError: (error: ParserError) => parserErrors.push(error)};
  return {root: options.document ? parse(html, parserOptions) : parseFragment(html, parserOptions), parserErrors};
}

/** Every place where `html` does not parse to the tree its tags spell out; empty when it does. */
export function nestingProblems(html: string, options: NestingOptions): HtmlProblem[] {
  const lineStarts = [0];
  for (let index = html.indexOf('\n'); index !== -1; index = html.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const where = (offset: number): {line: number; column: number} => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return {line: low + 1, column: offset - lineStarts[low]! + 1};
  };
  const problems: {offset: number; message: string; opened?: number}[] = [];

  const {root, parserErrors} = parseHtml(html, options);
  for (const error of parserErrors) {
    // A minifier writes tokens HTML allows but a parser still notes (unquoted values, omitted doctype parts).
    if (options.minified && !TREE_ERRORS.has(error.code)) continue;
    problems.push({offset: error.startOffset, message: `the HTML parser reports "${error.code}" at ${tagAt(html, error.startOffset)}`});
  }

  const matchedEndTags = new Set<number>();
  const textRanges: [number, number][] = [];
  let previous: {name: string; start: number} | undefined;
  const walk = (parent: ParentNode): void => {
    for (const child of parent.childNodes) {
      if (child.nodeName === '#comment' && child.sourceCodeLocation)
        textRanges.push([child.sourceCodeLocation.startOffset, child.sourceCodeLocation.endOffset]);
      if (!isElement(child)) continue;
      const location = child.sourceCodeLocation;
      const name = child.tagName;
      if (!location?.startTag) {
        if (!(options.minified && OPTIONAL_START_TAGS.has(name))) {
          const offset = location?.startOffset ?? location?.endTag?.startOffset ?? previous?.start ?? 0;
          problems.push({offset: Math.max(offset, 0), message: `the HTML parser inserts a <${name}> that is not written here`});
        }
      } else {
        if (previous && location.startOffset < previous.start) {
          // Tree order runs behind the text: what came before this element in the tree was written after it.
          const opened = where(location.startOffset);
          problems.push({
            offset: previous.start,
            message: `<${previous.name}> is moved by the HTML parser to before the <${name}> opened at ${opened.line}:${opened.column} (text or elements written directly inside a table are placed before it)`,
          });
        }
        previous = {name, start: location.startOffset};
        if (location.endTag) matchedEndTags.add(location.endTag.startOffset);
        else if (!VOID_ELEMENTS.has(name) && !selfClosingForeign(html, child) && !(options.minified && OPTIONAL_END_TAGS.has(name))) {
          // Reported where the parser closed it: the tag there is what does not belong.
          const opened = where(location.startOffset);
          problems.push({
            offset: location.endOffset,
            opened: location.startOffset,
            message: `${tagAt(html, location.endOffset)} closes the <${name}> opened at ${opened.line}:${opened.column} before its </${name}>: an element is written where HTML does not allow it (such as a list item outside a list, or a block inside a paragraph)`,
          });
        }
        if (TEXT_ONLY.has(name)) textRanges.push([location.startTag.endOffset, location.endTag?.startOffset ?? location.endOffset]);
      }
      walk(child);
      if (name === 'template') walk((child as DefaultTreeAdapterTypes.Template).content);
    }
  };
  walk(root);

  // An end tag the parser matched to no element closed nothing: what it was written to close had been closed before.
  const inText = withinAny(textRanges);
  for (const match of html.matchAll(/<\/([a-zA-Z][^\s/>]*)[^>]*>/g)) {
    const name = match[1]!.toLowerCase();
    if (matchedEndTags.has(match.index) || inText(match.index) || name === 'br' || name === 'p') continue;
    problems.push({offset: match.index, message: `</${name}> closes nothing: the element it was written to close had already been closed by the HTML parser`});
  }

  return problems
    .sort((a, b) => a.offset - b.offset || (b.opened ?? 0) - (a.opened ?? 0))
    .map((problem) => ({...where(problem.offset), message: problem.message}));
}

/**
 * Whether an offset lies in one of `ranges` (start inclusive, end exclusive). A page has thousands of end tags and,
 * from React's text separators, hundreds of comments: the ranges are merged and sorted once and searched by halves,
 * instead of every end tag trying every range.
 */
export function withinAny(ranges: readonly (readonly [number, number])[]): (offset: number) => boolean {
  const merged: [number, number][] = [];
  for (const [start, end] of [...ranges].filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return (offset) => {
    let low = 0;
    let high = merged.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const [start, end] = merged[middle]!;
      if (offset < start) high = middle - 1;
      else if (offset >= end) low = middle + 1;
      else return true;
    }
    return false;
  };
}

/** `<path … />` in SVG or MathML: a complete element without an end tag. */
function selfClosingForeign(html: string, element: Element): boolean {
  const end = element.sourceCodeLocation?.startTag?.endOffset ?? 0;
  return element.namespaceURI !== 'http://www.w3.org/1999/xhtml' && html.slice(end - 2, end) === '/>';
}

/** The tag at `offset`, shortened, so a message shows what the parser met. */
function tagAt(html: string, offset: number): string {
  if (offset >= html.length) return 'The end of the page';
  const text = html.slice(offset, offset + 60);
  const end = text.indexOf('>');
  return `"${end === -1 ? text : text.slice(0, end + 1)}"`;
}
