import {readFileSync} from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type {Root} from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import {unified} from 'unified';
import {visit} from 'unist-util-visit';
import {docsDir, docsFiles} from '../../tests/support/docs';
import {parseMarkdown, parsePlan} from '../plan-model/parse';
import {analyseFileAndPlan} from './index';

/*
 * The plan parser leaves out GFM's autolink literals for files with nothing that could start one (they cost a quarter
 * of its time). Docusaurus reads the same files with every GFM extension. These tests hold that both reads give the
 * same tree, plan, item ids, findings and positions: on the site's files, on a plan full of bare URLs, and on
 * generated text made of the pieces autolinks start with.
 */

const fullGfm = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).freeze();
const fullGfmTree = (source: string): Root => fullGfm.parse(source);

/** What a contribution gets from each read: the plan, the findings and the anchors and links the link check uses. */
function readBothWays(docPath: string, source: string) {
  return {
    own: analyseFileAndPlan({path: docPath, source}),
    docusaurus: analyseFileAndPlan({path: docPath, source, tree: fullGfmTree(source)}),
  };
}

function countNodes(tree: Root, type: string): number {
  let count = 0;
  visit(tree, type, () => {
    count += 1;
  });
  return count;
}

const WEEK_WITH_URLS = `---
title: Go Track
---

### Weekly Goals

- **Reading**
  - Go memory model at https://go.dev/ref/mem and www.example.org/notes.
  - Ask questions on gophers@example.com.

### Day 1 – Profiling with https://pkg.go.dev/runtime/pprof

#### 4-Hour Plan

- **Block 1 (Profiling – 60 min)**
  - Read https://go.dev/blog/pprof (the whole post), then ~~skim~~ read www.brendangregg.com/flamegraphs.html.
  - [ ] Take a CPU profile of a real service.[^1]

- **Block 2 (https://go.dev/doc/diagnostics – 45 min)**
  - Compare with the trace tool.

#### 6-Hour Plan

- Add:
  - **Benchmarks from https://pkg.go.dev/testing#hdr-Benchmarks (60 min)**.
  - [x] **Allocation profiles (45 min)**: mail results to study@example.com.

[^1]: See https://github.com/google/pprof for the viewer.

### Day 2 – Tracing

#### 4-Hour Plan

- **Block 1 (Tracing – 60 min)**
  - https://go.dev/doc/diagnostics#tracing first, then write one.

#### 6-Hour Plan

- Add:
  - **Execution tracer (60 min)** www.example.com/trace
`;

describe('the plan parser reads plans as Docusaurus does', () => {
  it.for(docsFiles())('%s gives the same plan, findings and links both ways', (docPath) => {
    const source = readFileSync(path.join(docsDir, docPath), 'utf8');
    expect(parseMarkdown(source)).toEqual(fullGfmTree(source));
    const {own, docusaurus} = readBothWays(docPath, source);
    expect(own).toEqual(docusaurus);
  });

  it('a plan full of bare URLs, e-mail addresses, task boxes, strikethrough and a footnote: same plan, ids and findings', () => {
    // Its bare URLs and addresses are links to Docusaurus, and to the parser.
    expect(countNodes(fullGfmTree(WEEK_WITH_URLS), 'link')).toBeGreaterThanOrEqual(10);
    expect(parseMarkdown(WEEK_WITH_URLS)).toEqual(fullGfmTree(WEEK_WITH_URLS));

    const {own, docusaurus} = readBothWays('weeks/week-14/go.md', WEEK_WITH_URLS);
    expect(own).toEqual(docusaurus);
    const plan = parsePlan(WEEK_WITH_URLS, {kind: 'weekly'}).plan;
    expect(plan?.kind).toBe('weekly');
    if (plan?.kind !== 'weekly') return;
    expect(plan.days.map((day) => day.title)).toEqual(['Profiling with https://pkg.go.dev/runtime/pprof', 'Tracing']);
    expect(plan.days[0]!.blocks.map((block) => [block.label, block.duration])).toEqual([
      ['Profiling', {min: 60, max: 60}],
      ['https://go.dev/doc/diagnostics', {min: 45, max: 45}],
    ]);
    expect(plan.days[0]!.blocks[0]!.details[0]).toBe('Read https://go.dev/blog/pprof (the whole post), then skim read www.brendangregg.com/flamegraphs.html.');
  });

  it('text made of the pieces autolinks start with reads the same both ways (property)', () => {
    const piece = fc.constantFrom(
      'https://go.dev/ref/mem',
      'HTTP://EXAMPLE.COM',
      'www.example.org',
      'WWW.x.io/path?q=1&r=(2)',
      'me@example.com',
      'mailto:a@b.co',
      'xmpp:x@y.z',
      'h',
      'H',
      't',
      'p',
      's',
      ':',
      '//',
      'w',
      'W',
      '.',
      '@',
      'go',
      '~~old~~',
      '*em*',
      '**bold**',
      '[link](https://go.dev)',
      '[^1]',
      '(',
      ')',
      ',',
      '_',
      '–',
      '30 min',
      ' ',
    );
    const text = fc.array(piece, {minLength: 1, maxLength: 14}).map((pieces) => pieces.join('').replace(/\s+/g, ' ').trim() || 'x');
    fc.assert(
      fc.property(text, text, text, (label, detail, addition) => {
        const source = [
          '### Day 1 – Study',
          '',
          '#### 4-Hour Plan',
          '',
          `- **Block 1 (${label} – 60 min)**`,
          `  - ${detail}`,
          '',
          '#### 6-Hour Plan',
          '',
          '- Add:',
          `  - **${addition} (30 min)** ${detail}`,
          '',
          '[^1]: A footnote.',
          '',
        ].join('\n');
        expect(parseMarkdown(source)).toEqual(fullGfmTree(source));
        const {own, docusaurus} = readBothWays('weeks/week-14/go.md', source);
        expect(own).toEqual(docusaurus);
      }),
      {numRuns: 200},
    );
  });
});
