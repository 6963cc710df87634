import {format, stripVTControlCharacters} from 'node:util';
import type {RouteConfig} from '@docusaurus/types';
import {nestingProblems, type HtmlProblem, type NestingOptions} from './nesting';

/** One page the build wrote. */
export interface BuiltPage {
  /** The HTML file as the problem lines name it: `build/weeks/week-12/go.html`. */
  file: string;
  /** The address readers open: `/weeks/week-12/go`. */
  route: string;
  /** The file the page is written from, relative to the site folder (`docs/weeks/week-12/go.md`), when known. */
  source?: string;
  html: string;
}

/** Problems listed per page; the rest of a page's are counted, since one misplaced element sets off several. */
const SHOWN_PER_PAGE = 3;

/**
 * One line per place where a built page does not parse to the tree React rendered, as
 * `path:line:column  error  message  html-nesting` like the content checks print, naming the page and its source.
 */
export function htmlProblemLines(pages: readonly BuiltPage[]): {lines: string[]; pages: number} {
  const lines: string[] = [];
  let failed = 0;
  for (const page of pages) {
    const pageLines = pageProblemLines(page, nestingProblems(page.html, BUILT_PAGE));
    if (pageLines.length > 0) failed += 1;
    lines.push(...pageLines);
  }
  return {lines, pages: failed};
}

/** How a built page is read: minified, a whole document. */
export const BUILT_PAGE: NestingOptions = {minified: true, document: true};

/** The problem lines of one page (the first few, then how many more); none when it parses as written. */
function pageProblemLines(page: BuiltPage, problems: readonly HtmlProblem[]): string[] {
  if (problems.length === 0) return [];
  const origin = `page ${page.route}${page.source ? `, written from ${page.source}` : ''}`;
  const lines = problems
    .slice(0, SHOWN_PER_PAGE)
    .map((problem) => `${page.file}:${problem.line}:${problem.column}  error  ${problem.message} (${origin})  html-nesting`);
  if (problems.length > SHOWN_PER_PAGE) lines.push(`${page.file}  error  ${problems.length - SHOWN_PER_PAGE} more in this page (${origin})  html-nesting`);
  return lines;
}

/** The build's last line when pages are malformed: the problems themselves are listed above it. */
export function htmlFailure(pages: number): string {
  return `[ERROR] ${pages} ${pages === 1 ? 'page does' : 'pages do'} not parse to the HTML React rendered (listed above): browsers would show ${pages === 1 ? 'it' : 'them'} restructured and React would render ${pages === 1 ? 'it' : 'them'} again on load. Fix the source file named and build again.`;
}

const MINIFIER_ERROR = /^\s*- \[HTML minifier diagnostic - error\] (.+?)(?: - \{.*\})?$/;

/**
 * The pages the HTML minifier found misnested, from Docusaurus's warning that lists them (`- "/route":` then one
 * `- [HTML minifier diagnostic - error] …` line per problem). The minifier writes out the tree it parsed, so the
 * emitted file of such a page is already restructured and parses cleanly: its diagnostics are the only trace.
 */
export function minifierErrors(warning: string): Map<string, string[]> {
  const pages = new Map<string, string[]>();
  let route: string | null = null;
  for (const line of stripVTControlCharacters(warning).split('\n')) {
    const page = /^- "?([^"]+?)"?:$/.exec(line);
    if (page) {
      route = page[1]!;
      continue;
    }
    const error = MINIFIER_ERROR.exec(line);
    if (route && error) pages.set(route, [...(pages.get(route) ?? []), error[1]!]);
  }
  return pages;
}

/** Problem lines for the pages the minifier found misnested, in the same form as the parser's. */
export function minifierProblemLines(errors: ReadonlyMap<string, readonly string[]>, sources: ReadonlyMap<string, string>): string[] {
  return [...errors].flatMap(([route, messages]) => {
    const source = sources.get(normalRoute(route));
    const origin = `page ${route}${source ? `, written from ${source}` : ''}`;
    const shown = messages
      .slice(0, SHOWN_PER_PAGE)
      .map((message) => `${source ?? route}  error  The HTML minifier reports: ${message} (${origin})  html-nesting`);
    return messages.length > SHOWN_PER_PAGE
      ? [...shown, `${source ?? route}  error  ${messages.length - SHOWN_PER_PAGE} more in this page (${origin})  html-nesting`]
      : shown;
  });
}

/** `/weeks/week-12/go` → `docs/weeks/week-12/go.md`, from the routes the content plugins created. */
export function routeSources(routes: readonly RouteConfig[], into = new Map<string, string>()): Map<string, string> {
  for (const route of routes) {
    if (route.metadata?.sourceFilePath) into.set(normalRoute(route.path), route.metadata.sourceFilePath);
    if (route.routes) routeSources(route.routes, into);
  }
  return into;
}

const normalRoute = (route: string): string => route.replace(/\/index$|\/$/, '') || '/';

/** The page's address from its file in the build folder: `weeks/week-12/go.html` → `/weeks/week-12/go`. */
export const builtPageRoute = (baseUrl: string, relativeFile: string): string =>
  normalRoute(`${baseUrl.replace(/\/$/, '')}/${relativeFile.replace(/\.html$/, '')}`);

/**
 * Collects the pages the HTML minifier found misnested, from the warning Docusaurus prints between rendering the pages
 * and postBuild; `stop()` restores `console.warn` and returns them. Only production builds minify.
 */
export function captureMinifierErrors(): {stop: () => Map<string, string[]>} {
  const minified = new Map<string, string[]>();
  const warn = console.warn;
  if (process.env.NODE_ENV === 'production') {
    console.warn = (...args: unknown[]) => {
      for (const [route, messages] of minifierErrors(format(...args))) minified.set(route, messages);
      warn(...args);
    };
  }
  return {
    stop: () => {
      console.warn = warn;
      return minified;
    },
  };
}
