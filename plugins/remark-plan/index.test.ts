import {readFileSync} from 'node:fs';
import path from 'node:path';
import {unified} from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import {toString} from 'mdast-util-to-string';
import {visit} from 'unist-util-visit';
import {VFile} from 'vfile';
import type {Heading, List, ListItem, Root, RootContent, Table} from 'mdast';
import type {MdxJsxFlowElement, MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import {contentLines, normaliseWhitespace, readSeed, repoRoot, seedPlans, visibleText} from '../../tests/support/seeds';
import {parsePlan} from '../plan-model/parse';
import type {IntensivePlan, WeeklyPlan} from '../plan-model/types';
import remarkPlan from './index';
import {misplacedNodes} from './structure';

const docsDir = path.join(repoRoot, 'docs');

/** The remark stage of the site's pipeline (Docusaurus adds front matter and GFM around our plugin the same way). */
function transform(source: string, filePath: string): Root {
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkPlan, {docsDir});
  const file = new VFile({path: filePath, value: source});
  return processor.runSync(processor.parse(file), file);
}

type Jsx = MdxJsxFlowElement | MdxJsxTextElement;

function isJsx(node: unknown, name?: string): node is Jsx {
  const candidate = node as {type?: string; name?: string};
  return (candidate.type === 'mdxJsxFlowElement' || candidate.type === 'mdxJsxTextElement') && (!name || candidate.name === name);
}

function attribute(node: Jsx, name: string): string | undefined {
  const found = node.attributes.find((item) => item.type === 'mdxJsxAttribute' && item.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}

function elements(tree: Root | RootContent, name: string): Jsx[] {
  const found: Jsx[] = [];
  visit(tree, (node) => {
    if (isJsx(node, name)) found.push(node);
  });
  return found;
}

function headings(tree: Root | RootContent): Heading[] {
  const found: Heading[] = [];
  visit(tree, 'heading', (node) => {
    found.push(node);
  });
  return found;
}

const headingId = (heading: Heading): unknown => heading.data?.hProperties?.id;

/** Readable text chunks of the output: each paragraph, heading and table row on its own. */
function textChunks(tree: Root): string[] {
  const chunks: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      chunks.push(normaliseWhitespace(toString(node)));
      return 'skip';
    }
    if (node.type === 'tableRow') {
      chunks.push(normaliseWhitespace(node.children.map((cell) => toString(cell)).join(' ')));
      return 'skip';
    }
    return undefined;
  });
  return chunks;
}

describe.for(seedPlans)('remark-plan on $doc', (seedPlan) => {
  const docPath = path.join(repoRoot, seedPlan.doc);
  const source = readFileSync(docPath, 'utf8');
  const tree = transform(source, docPath);
  const model = parsePlan(source).plan!;
  const planId = seedPlan.doc.replace(/^docs\//, '').replace(/\.md$/, '');

  it("imports the plan's own module, exports it for loading the plan by id, and wraps the whole page in one PlanPage carrying its id and that model", () => {
    const [esm, exported, ...rest] = tree.children as RootContent[];
    const page = rest.at(-1)!;
    const componentImports = rest.slice(0, -1);
    // The model is not copied into the page: it is the plan-data plugin's module for this plan id.
    expect(esm!.type).toBe('mdxjsEsm');
    expect((esm as {value: string}).value).toBe(`import __planModel from "@generated/plan-data/default/plans/${planId}.json";`);
    // Today and the timer panel load a plan by id from its page's module (plugins/plan-data's loader map).
    expect(exported!.type).toBe('mdxjsEsm');
    expect((exported as {value: string}).value).toBe('export const planModel = __planModel;');
    // The plan components are the page's own imports, each from its folder, so pages without a plan do not load them.
    const imported = componentImports.map((node) => /^import (\w+) from "@site\/src\/components\/(\w+)";$/.exec((node as {value: string}).value));
    expect(imported.every((match) => match && match[1] === match[2])).toBe(true);
    expect(imported.map((match) => match![1])).toContain('PlanPage');
    expect(isJsx(page, 'PlanPage')).toBe(true);
    expect(attribute(page as Jsx, 'planId')).toBe(planId);
    const plan = (page as Jsx).attributes.find((candidate) => 'name' in candidate && candidate.name === 'plan');
    expect(plan?.value).toMatchObject({type: 'mdxJsxAttributeValueExpression', value: '__planModel'});
    expect(model.days.length).toBe(seedPlan.days);
  });

  it(`has ${seedPlan.days} PlanDay sections, each led by its day heading (id day-N) and its toolbar`, () => {
    const days = elements(tree, 'PlanDay');
    expect(days.map((day) => attribute(day, 'day'))).toEqual(model.days.map((day) => String(day.number)));
    for (const day of days) {
      const number = attribute(day, 'day');
      const [heading, toolbar] = day.children;
      expect(heading?.type).toBe('heading');
      expect((heading as Heading).depth).toBe(2);
      expect(headingId(heading as Heading)).toBe(`day-${number}`);
      expect(toString(heading!)).toMatch(new RegExp(`^Day ${number}\\b`));
      expect(isJsx(toolbar, 'DayToolbar') && attribute(toolbar, 'day')).toBe(number);
    }
  });

  it('keeps heading levels contiguous under the page title (h2 sections, h3 sub-sections)', () => {
    const depths = new Set(headings(tree).map((heading) => heading.depth));
    expect([...depths].sort()).toEqual(seedPlan.kind === 'week' ? [2, 3] : [1, 2, 3]);
  });

  it('keeps every line of the seed plan as readable text', () => {
    const chunks = textChunks(tree);
    for (const line of contentLines(readSeed(seedPlan))) {
      const text = visibleText(line);
      expect(
        chunks.some((chunk) => chunk.includes(text)),
        `"${text}" is missing from the transformed ${seedPlan.doc}`,
      ).toBe(true);
    }
  });

  it('makes each timed or tickable list item a PlanItem with the model’s id, in the list’s place of the item, keeping its content', () => {
    const wrapped: string[] = [];
    visit(tree, 'list', (list: List) => {
      for (const child of list.children as unknown[]) if (isJsx(child as RootContent, 'PlanItem')) wrapped.push(attribute(child as Jsx, 'itemId')!);
    });
    // Nowhere else: a PlanItem never sits inside a list item of its own.
    visit(tree, 'listItem', (item: ListItem) => {
      expect(item.children.some((child) => isJsx(child, 'PlanItem'))).toBe(false);
    });
    const expected =
      model.kind === 'weekly'
        ? model.days.flatMap((day) => [...day.blocks.map((block) => block.id), ...day.additions.map((addition) => addition.id)])
        : model.days.flatMap((day) =>
            day.sessions.flatMap((session) => [...session.topics.map((topic) => topic.id), ...session.practice.map((item) => item.id)]),
          );
    expect(wrapped).toEqual(expected);
  });
});

describe('remark-plan on a weekly page', () => {
  const docPath = path.join(docsDir, 'weeks/week-09/go.md');
  const source = readFileSync(docPath, 'utf8');
  const tree = transform(source, docPath);
  const model = parsePlan(source).plan as WeeklyPlan;

  it('puts the overview heading, the 4h/6h toggle and the overview table in a section of their own, before the days', () => {
    const page = tree.children.at(-1) as Jsx;
    const index = page.children.findIndex((node) => isJsx(node, 'section'));
    const section = page.children[index] as Jsx;
    expect(section.attributes).toContainEqual(expect.objectContaining({name: 'data-plan-overview'}));
    const [heading, toggle] = section.children;
    expect(heading?.type === 'heading' && toString(heading)).toBe('Weekly Overview Table');
    expect(isJsx(toggle, 'VariantToggle')).toBe(true);
    expect(section.children.some((node) => isJsx(node, 'WeekOverview'))).toBe(true);
    expect(elements(section as unknown as RootContent, 'PlanDay')).toEqual([]);
    const firstDay = page.children.findIndex((node) => isJsx(node, 'PlanDay'));
    expect(firstDay).toBeGreaterThan(index);
  });

  it('adds a Planned time column to the overview table, with a DayTime per day and day numbers linking to their sections', () => {
    const [overview] = elements(tree, 'WeekOverview');
    const table = overview!.children[0] as Table;
    expect(table.type).toBe('table');
    const [header, ...rows] = table.children;
    expect(header!.children.map((cell) => toString(cell).trim())).toEqual(['Day', 'Focus', 'Planned time']);
    expect(table.align).toHaveLength(3);
    expect(rows).toHaveLength(7);
    for (const [index, row] of rows.entries()) {
      const day = String(index + 1);
      const [first, , time] = row.children;
      expect(first!.children[0]).toMatchObject({type: 'link', url: `#day-${day}`});
      expect(toString(first!)).toBe(day);
      const dayTime = time!.children[0];
      expect(isJsx(dayTime, 'DayTime') && attribute(dayTime, 'day')).toBe(day);
    }
  });

  it('wraps each 4-Hour / 6-Hour Plan sub-section in a VariantSection with a stable heading id', () => {
    for (const day of elements(tree, 'PlanDay')) {
      const number = attribute(day, 'day');
      const sections = day.children.filter((child) => isJsx(child, 'VariantSection')) as Jsx[];
      expect(sections.map((section) => [attribute(section, 'variant'), attribute(section, 'day')])).toEqual([
        ['4h', number],
        ['6h', number],
      ]);
      for (const section of sections) {
        const heading = section.children[0] as Heading;
        expect(heading.depth).toBe(3);
        expect(headingId(heading)).toBe(`day-${number}-${attribute(section, 'variant')}`);
      }
      const [fourHours, sixHours] = sections;
      const ids = (section: Jsx) => elements(section as unknown as RootContent, 'PlanItem').map((item) => attribute(item, 'itemId'));
      const modelDay = model.days.find((candidate) => String(candidate.number) === number)!;
      expect(ids(fourHours!)).toEqual(modelDay.blocks.map((block) => block.id));
      expect(ids(sixHours!)).toEqual(modelDay.additions.map((addition) => addition.id));
    }
  });

  it('leaves the section dividers between days outside the day sections', () => {
    const page = tree.children.at(-1) as Jsx;
    for (const day of elements(tree, 'PlanDay')) {
      expect(day.children.at(-1)?.type).not.toBe('thematicBreak');
    }
    expect(page.children.filter((node) => node.type === 'thematicBreak').length).toBeGreaterThanOrEqual(7);
  });
});

describe('remark-plan on the intensive plan', () => {
  const docPath = path.join(docsDir, 'intensive/senior-go-14-days.md');
  const source = readFileSync(docPath, 'utf8');
  const tree = transform(source, docPath);
  const model = parsePlan(source).plan as IntensivePlan;
  const page = tree.children.at(-1) as Jsx;

  it('adds a "14 days at a glance" section with the generated overview right before Day 1', () => {
    const index = page.children.findIndex((node) => isJsx(node, 'section'));
    const section = page.children[index] as Jsx;
    const [heading, overview] = section.children as [Heading, Jsx];
    expect(heading.type).toBe('heading');
    expect(heading.depth).toBe(2);
    expect(toString(heading)).toBe('14 days at a glance');
    expect(headingId(heading)).toBe('at-a-glance');
    expect(isJsx(overview, 'IntensiveOverview')).toBe(true);
    expect(section.children).toHaveLength(2);
    expect(isJsx(page.children[index + 1], 'PlanDay') && attribute(page.children[index + 1] as Jsx, 'day')).toBe('1');
  });

  it('wraps each Morning and Evening in a PlanSession with anchors day-N-morning / day-N-evening', () => {
    const sessions = elements(tree, 'PlanSession');
    expect(sessions.map((session) => attribute(session, 'sessionId'))).toEqual(model.days.flatMap((day) => day.sessions.map((session) => session.id)));
    expect(sessions).toHaveLength(28);
    for (const session of sessions) {
      const heading = session.children[0] as Heading;
      const [, day, name] = /^d(\d+)-(morning|evening)$/.exec(attribute(session, 'sessionId')!)!;
      expect(heading.depth).toBe(3);
      expect(headingId(heading)).toBe(`day-${day}-${name}`);
    }
  });
});

describe('remark-plan leaves other documents alone', () => {
  it('a page without day sections', () => {
    const source = readFileSync(path.join(repoRoot, 'plugins/plan-model/__fixtures__/no-days.md'), 'utf8');
    const tree = transform(source, path.join(docsDir, 'notes/reading.md'));
    expect(elements(tree, 'PlanPage')).toEqual([]);
    expect(headings(tree).map((heading) => heading.depth)).toEqual([1, 2]);
  });

  it('a plan-shaped file outside the docs folder', () => {
    const source = readFileSync(path.join(docsDir, 'weeks/week-10/go.md'), 'utf8');
    const tree = transform(source, path.join(repoRoot, 'plugins/plan-model/__fixtures__/week.md'));
    expect(elements(tree, 'PlanPage')).toEqual([]);
    expect(headings(tree).some((heading) => heading.depth === 4)).toBe(true);
  });
});

describe('remark-plan on plans as people write them', () => {
  const variant = (name: string) => readFileSync(path.join(repoRoot, 'plugins/plan-model/__fixtures__/variants', name), 'utf8');
  const itemIds = (tree: Root) => elements(tree, 'PlanItem').map((item) => attribute(item, 'itemId'));

  it('moves a code fence that ended the list into the block before it, and keeps the blocks after it in one list', () => {
    const tree = transform(variant('code-fence-between-blocks.md'), path.join(docsDir, 'weeks/week-12/go.md'));
    expect(itemIds(tree)).toEqual(['d2-b1', 'd2-b2', 'd2-b3', 'd2-b4', 'd2-a1']);
    const [, design, implementation] = elements(tree, 'PlanItem');
    const codeIn = (node: Jsx) => {
      const values: string[] = [];
      visit(node, 'code', (code) => {
        values.push(code.value);
      });
      return values;
    };
    expect(codeIn(design!)).toEqual([expect.stringContaining('client ──► gateway ──► auth')]);
    expect(codeIn(implementation!)).toEqual([expect.stringContaining('var routes = map[string]string{')]);
    // The detail that followed the fence is inside Block 2 too, and nothing of the section is left outside a block.
    expect(toString(design!)).toContain('Mark where rate limiting happens.');
    const fourHour = elements(tree, 'VariantSection')[0]!;
    expect(fourHour.children.map((child) => child.type)).toEqual(['heading', 'list']);
  });

  it('puts a bullet that continues a block after a fence or table in a list inside the block, never bare', () => {
    const tree = transform(variant('bullets-after-fence.md'), path.join(docsDir, 'weeks/week-12/go.md'));
    const [, implementation, design] = elements(tree, 'PlanItem');
    const shape = (node: Jsx) =>
      node.children.map((child) => (child.type === 'list' ? `${child.ordered ? 'ol' : 'ul'}(${child.children.length})` : child.type));
    // Block 2: its own bullet, the fence, then both bullets written after the fence in one list.
    expect(shape(implementation!)).toEqual(['paragraph', 'ul(1)', 'code', 'ul(2)']);
    // Block 3: a table, a bullet after it, then a numbered list that keeps its numbers.
    expect(shape(design!)).toEqual(['paragraph', 'ul(1)', 'table', 'ul(1)', 'ol(2)']);
    expect(toString(implementation!)).toContain('Measure it under go test -race.');
  });

  it.for(['bullets-after-fence.md', 'code-fence-between-blocks.md', 'shapes-in-a-week.md', 'table-quote-image-in-blocks.md', 'everything-plus-and-prose.md'])(
    'leaves no bullet outside a list in %s',
    (name) => {
      expect(misplacedNodes(transform(variant(name), path.join(docsDir, 'weeks/week-12/go.md')))).toEqual([]);
    },
  );

  it('names the line of a bullet that would end up outside a list, for the preview’s problems box', () => {
    const tree = transform(variant('code-fence-between-blocks.md'), path.join(docsDir, 'weeks/week-12/go.md'));
    const design = elements(tree, 'PlanItem')[1]!;
    // What the plugin once did with the bullet after the fence: the item itself, straight in the block.
    const continued = design.children.at(-1) as unknown as {type: string; children: ListItem[]};
    design.children.splice(-1, 1, continued.children[0] as unknown as MdxJsxFlowElement['children'][number]);
    expect(misplacedNodes(tree)).toEqual([expect.objectContaining({code: 'html-nesting', severity: 'error', line: 16, column: 3})]);
  });

  it('gives every form of 6-hour addition its PlanItem', () => {
    const tree = transform(variant('everything-plus-and-prose.md'), path.join(docsDir, 'weeks/week-12/go.md'));
    expect(itemIds(tree)).toEqual(['d5-b1', 'd5-b2', 'd5-b3', 'd5-a1', 'd5-a2', 'd5-a3', 'd5-a4', 'd5-a5']);
  });

  it('shows the validator’s findings at the top of the plan only when asked (npm start)', () => {
    const source = variant('everything-plus-and-prose.md');
    const file = path.join(docsDir, 'weeks/week-12/go.md');
    const shown = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkPlan, {docsDir, showDiagnostics: true});
    const vfile = new VFile({path: file, value: source});
    const tree = shown.runSync(shown.parse(vfile), vfile);
    const [notice] = elements(tree, 'PlanDiagnostics');
    expect(attribute(notice!, 'file')).toBe(`${path.basename(docsDir)}/weeks/week-12/go.md`);
    const reported = JSON.parse(attribute(notice!, 'diagnostics')!) as {code: string; line: number}[];
    expect(reported).toEqual(expect.arrayContaining([expect.objectContaining({code: 'addition-duration-missing', line: 20})]));
    expect(elements(transform(source, file), 'PlanDiagnostics')).toEqual([]);
  });
});
