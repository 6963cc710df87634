import {htmlFailure, htmlProblemLines, minifierErrors, minifierProblemLines, type BuiltPage} from './index';
import {nestingProblems} from './nesting';

/** A plan page as the minifier writes it: no `</li>`, `</p>`, `</body>` or `</html>`, unquoted attributes, SVG icons self-closed. */
const page = (content: string): string =>
  `<!doctype html><html lang=en><head><meta charset=UTF-8><title>Week 12</title><script>var a="</div>"</script></head><body><svg viewBox="0 0 24 24"><path d="M0 0h24"/></svg><main><div class=planPage><section class=day data-plan-day=3><h2 id=day-3>Day 3 – Rate Limiting</h2><p>Intro<ul><li><div class=item data-plan-item=d3-b1><div class=content><p><strong>Block 1 (Concepts – 60 min)</strong><ul><li>Compare buckets.</ul>${content}</div></div></ul><table><tr><td>1<td>2</table><!-- </ul> --></section></div></main>`;

/** Block 1's detail after its fence, as the remark plugin once wrote it: a bare list item inside the block. */
const bareItemAfterFence = '<pre><code>type Bucket struct{}</code></pre><li>Measure it under go test -race.';
const listAfterFence = '<pre><code>type Bucket struct{}</code></pre><ul><li>Measure it under go test -race.</ul>';

const built = (content: string): BuiltPage => ({
  file: 'build/weeks/week-12/go.html',
  route: '/weeks/week-12/go',
  source: 'docs/weeks/week-12/go.md',
  html: page(content),
});

describe('the build’s HTML check', () => {
  it('passes a minified page that leaves out the end tags HTML lets a parser imply', () => {
    expect(htmlProblemLines([built(listAfterFence)])).toEqual({lines: [], pages: 0});
  });

  it('fails a page with a list item outside a list, naming the built file, the page and its source file', () => {
    const {lines, pages} = htmlProblemLines([
      built(bareItemAfterFence),
      {...built(listAfterFence), file: 'build/weeks/week-09/go.html', route: '/weeks/week-09/go'},
    ]);
    expect(pages).toBe(1);
    expect(lines[0]).toMatch(
      /^build\/weeks\/week-12\/go\.html:1:\d+ {2}error {2}"<li>" closes the <div> opened at 1:\d+ before its <\/div>: .* \(page \/weeks\/week-12\/go, written from docs\/weeks\/week-12\/go\.md\) {2}html-nesting$/,
    );
    expect(lines.every((line) => line.startsWith('build/weeks/week-12/go.html'))).toBe(true);
    expect(htmlFailure(pages)).toBe(
      '[ERROR] 1 page does not parse to the HTML React rendered (listed above): browsers would show it restructured and React would render it again on load. Fix the source file named and build again.',
    );
  });
});

describe('the HTML minifier’s findings', () => {
  // As Docusaurus prints them for a page whose block held a bare list item (the minifier then writes out the tree
  // it parsed, so the emitted file no longer shows the problem).
  const warning = [
    '\u001b[33m[WARNING]\u001b[39m Docusaurus static site generation process emitted warnings for 1 paths',
    'This is non-critical and can be disabled with DOCUSAURUS_IGNORE_SSG_WARNINGS=true',
    '',
    '- "/weeks/week-12/go":',
    '  - [HTML minifier diagnostic - error] End tag "li" implied, but there were open elements - {"primary_spans":[{"end":32819,"start":32806}],"span_labels":[]}',
    '  - [HTML minifier diagnostic - error] Stray end tag "ul" - {"primary_spans":[{"end":36426,"start":36421}],"span_labels":[]}',
    '',
    '- "/notes":',
    '  - [HTML minifier diagnostic - warning] Something only worth a note - {"primary_spans":[]}',
  ].join('\n');

  it('are read per page, errors only', () => {
    expect(minifierErrors(warning)).toEqual(new Map([['/weeks/week-12/go', ['End tag "li" implied, but there were open elements', 'Stray end tag "ul"']]]));
    expect(minifierErrors('[WARNING] Some other warning')).toEqual(new Map());
  });

  it('fail the build naming the page’s source file', () => {
    expect(minifierProblemLines(minifierErrors(warning), new Map([['/weeks/week-12/go', 'docs/weeks/week-12/go.md']]))).toEqual([
      'docs/weeks/week-12/go.md  error  The HTML minifier reports: End tag "li" implied, but there were open elements (page /weeks/week-12/go, written from docs/weeks/week-12/go.md)  html-nesting',
      'docs/weeks/week-12/go.md  error  The HTML minifier reports: Stray end tag "ul" (page /weeks/week-12/go, written from docs/weeks/week-12/go.md)  html-nesting',
    ]);
  });
});

describe('HTML nesting', () => {
  const strict = (html: string) => nestingProblems(html, {minified: false}).map((problem) => problem.message);

  it('accepts markup whose every element is written where HTML allows it', () => {
    expect(strict('<ul><li><div><p>Block</p><ul><li>detail</li></ul><table><tbody><tr><td>1</td></tr></tbody></table></div></li></ul>')).toEqual([]);
  });

  it('reports an element the parser closes early, an end tag left closing nothing, and content moved out of a table', () => {
    expect(strict('<ul><li><div><li>bare</li></div></li></ul>')).toEqual([
      expect.stringMatching(/^"<li>" closes the <div> opened at 1:9 before its <\/div>/),
      expect.stringMatching(/^"<li>" closes the <li> opened at 1:5 before its <\/li>/),
      expect.stringMatching(/^<\/div> closes nothing/),
      expect.stringMatching(/^<\/li> closes nothing/),
    ]);
    expect(strict('<p><div>block</div></p>')).toEqual([
      expect.stringMatching(/^"<div>" closes the <p> opened at 1:1 before its <\/p>/),
      expect.stringMatching(/^the HTML parser inserts a <p>/),
    ]);
    expect(strict('<table><tbody><tr><td>1</td></tr></tbody><span>moved</span></table>')).toEqual([
      expect.stringMatching(/^<span> is moved by the HTML parser to before the <table> opened at 1:1/),
    ]);
  });

  it('counts lines and columns from 1, as the content diagnostics do', () => {
    expect(nestingProblems('<div>\n  <ul><div></ul>\n</div>', {minified: true})).toEqual([
      expect.objectContaining({line: 2, column: 12, message: expect.stringMatching(/^"<\/ul>" closes the <div> opened at 2:7/)}),
    ]);
  });
});
