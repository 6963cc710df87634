// @vitest-environment node
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {parseFragment, type DefaultTreeAdapterTypes} from 'parse5';
import {nestingProblems} from '@site/plugins/html-check/nesting';
import {parsePlan} from '@site/plugins/plan-model/parse';
import type {PlanModel} from '@site/plugins/plan-model/types';
import {repoRoot, seedPlans} from '../support/seeds';
import {renderPlanMarkdown} from './support/renderPlanMarkdown';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.DocumentFragment;

/** Text a reader sees in each plan item of the page, by item id, as a browser parses the HTML. */
function itemTexts(html: string): Map<string, string> {
  const texts = new Map<string, string>();
  const textOf = (node: Node): string => {
    if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
    // An image's text is its description.
    if (node.nodeName === 'img' && 'attrs' in node) return node.attrs.find((attribute) => attribute.name === 'alt')?.value ?? '';
    return 'childNodes' in node ? node.childNodes.map(textOf).join(' ') : '';
  };
  const walk = (node: Node): void => {
    if ('attrs' in node) {
      const id = node.attrs.find((attribute) => attribute.name === 'data-plan-item')?.value;
      if (id) texts.set(id, textOf(node).replace(/\s+/g, ' '));
    }
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(parseFragment(html));
  return texts;
}

/** Text without whitespace: the page joins inline elements and table cells differently from the model's plain text. */
const squash = (text: string): string => text.replace(/\s+/g, '');

/** Every block, addition, topic and practice item of a plan, with the text the parser attached to it. */
function modelItems(plan: PlanModel): {id: string; details: string[]}[] {
  if (plan.kind === 'weekly') return plan.days.flatMap((day) => [...day.blocks, ...day.additions]);
  return plan.days.flatMap((day) =>
    day.sessions.flatMap((session) => [
      ...session.topics.map((topic) => ({id: topic.id, details: [topic.title, ...topic.items]})),
      ...session.practice.map((item) => ({id: item.id, details: [item.text]})),
    ]),
  );
}

const fixtureDir = path.join(repoRoot, 'plugins/plan-model/__fixtures__/variants');
const plans = [
  ...seedPlans.map((plan) => ({name: plan.doc, source: readFileSync(path.join(repoRoot, plan.doc), 'utf8'), docPath: plan.doc})),
  ...readdirSync(fixtureDir)
    .filter((file) => file.endsWith('.md'))
    .map((file) => ({
      name: `fixture ${file}`,
      source: readFileSync(path.join(fixtureDir, file), 'utf8'),
      docPath: file.startsWith('intensive') ? 'docs/intensive/senior-go-3-days.md' : 'docs/weeks/week-12/go.md',
    })),
];

describe.for(plans)('server HTML of $name', {timeout: 30_000}, ({source, docPath}) => {
  it('parses in a browser to the tree React rendered, with every item’s Markdown inside that item', async () => {
    const html = await renderPlanMarkdown(source, docPath);
    expect(nestingProblems(html, {minified: false})).toEqual([]);
    const texts = itemTexts(html);
    const items = modelItems(parsePlan(source).plan!);
    expect(new Set(texts.keys())).toEqual(new Set(items.map((item) => item.id)));
    for (const item of items) {
      for (const detail of item.details.filter((line) => !line.startsWith('<!--'))) expect(squash(texts.get(item.id)!)).toContain(squash(detail));
    }
  });
});

/** Something written inside or after a block or addition, and the lines of it a reader must find in that item. */
interface Piece {
  markdown: string;
  /** Text the model reads into the item's details and the page shows inside the item. */
  shown: string[];
  /** Text only the model reads (an HTML comment). */
  readOnly?: string[];
}

const words = fc.constantFrom('cache', 'queue', 'retry', 'mutex', 'channel', 'index', 'shard', 'lease', 'heap', 'graph');
const phrase = fc.array(words, {minLength: 2, maxLength: 4}).map((list) => list.join(' '));

/** Text unique within the plan, so finding it in an item proves it landed in that item. */
let serial = 0;
const uniqueText = phrase.map((text) => {
  serial += 1;
  return `${text[0]!.toUpperCase()}${text.slice(1)} ${serial}`;
});

const indentLines = (text: string, spaces: number): string =>
  text
    .split('\n')
    .map((line) => (line ? ' '.repeat(spaces) + line : line))
    .join('\n');

/** Content that ends a Markdown list when written at column 0, or stays in the item when indented under it. */
const block = (indent: number): fc.Arbitrary<Piece> =>
  fc.oneof(
    fc.record({text: uniqueText, language: fc.constantFrom('', 'go', 'text')}).map(({text, language}) => ({
      markdown: indentLines(`\`\`\`${language}\n${text}();\n\`\`\``, indent),
      shown: [`${text}();`],
    })),
    fc.tuple(uniqueText, uniqueText).map(([left, right]) => ({
      markdown: indentLines(`| Option | Trade-off |\n|---|---|\n| ${left} | ${right} |`, indent),
      shown: [left, right],
    })),
    uniqueText.map((text) => ({markdown: indentLines(`> Tip: ${text}.`, indent), shown: [`Tip: ${text}.`]})),
    uniqueText.map((text) => ({markdown: indentLines(`<!-- ${text} -->`, indent), shown: [], readOnly: [text]})),
    uniqueText.map((text) => ({markdown: indentLines(`${text}.`, indent), shown: [`${text}.`]})),
  );

/** Bullets written after a fence, table or paragraph that ended the list: Markdown starts a new list with them. */
const continuedBullets: fc.Arbitrary<Piece> = fc
  .record({indent: fc.constantFrom(0, 1, 2, 3), marker: fc.constantFrom('-', '*', '+', '1.'), items: fc.array(uniqueText, {minLength: 1, maxLength: 3})})
  .map(({indent, marker, items}) => ({
    markdown: items.map((text, index) => `${' '.repeat(indent)}${marker === '1.' ? `${index + 1}.` : marker} ${text}.`).join('\n'),
    shown: items.map((text) => `${text}.`),
  }));

interface GeneratedBlock {
  markdown: string;
  shown: string[];
  readOnly: string[];
}

const blockItem = (number: number, loose: boolean): fc.Arbitrary<GeneratedBlock> =>
  fc
    .record({
      label: fc.constantFrom('Concepts', 'Design', 'Implementation', 'DSA', 'Review'),
      minutes: fc.constantFrom(30, 45, 60, 90),
      paragraphAfterLabel: fc.option(uniqueText, {nil: undefined}),
      details: fc.array(uniqueText, {minLength: 0, maxLength: 3}),
      ordered: fc.boolean(),
      inside: fc.array(block(2), {maxLength: 1}),
      after: fc.array(fc.oneof(block(0), continuedBullets), {maxLength: 3}),
    })
    .map(({label, minutes, paragraphAfterLabel, details, ordered, inside, after}) => {
      const lines = [`- **Block ${number} (${label} – ${minutes} min)**`];
      if (paragraphAfterLabel) lines.push('', `  ${paragraphAfterLabel}.`, '');
      lines.push(...details.map((text, index) => `  ${ordered ? `${index + 1}.` : '-'} ${text}.`));
      const pieces = [...inside, ...after];
      for (const piece of inside) lines.push('', piece.markdown);
      for (const piece of after) lines.push('', piece.markdown);
      return {
        markdown: lines.join('\n') + (loose || after.length > 0 ? '\n' : ''),
        shown: [...(paragraphAfterLabel ? [`${paragraphAfterLabel}.`] : []), ...details.map((text) => `${text}.`), ...pieces.flatMap((piece) => piece.shown)],
        readOnly: pieces.flatMap((piece) => piece.readOnly ?? []),
      };
    });

const additionItem = (name: string): fc.Arbitrary<GeneratedBlock> =>
  fc.record({text: uniqueText, after: fc.array(block(0), {maxLength: 1})}).map(({text, after}) => ({
    markdown: [`  - **${name} (60 min)**: ${text}.`, ...after.map((piece) => `\n${piece.markdown}\n`)].join('\n'),
    shown: [`${text}.`, ...after.flatMap((piece) => piece.shown)],
    readOnly: after.flatMap((piece) => piece.readOnly ?? []),
  }));

interface GeneratedDay {
  markdown: string;
  items: {id: string; shown: string[]; readOnly: string[]}[];
}

const day = (number: number): fc.Arbitrary<GeneratedDay> =>
  fc
    .record({
      loose: fc.boolean(),
      blockCount: fc.integer({min: 2, max: 4}),
      headingAfter: fc.boolean(),
      additionNames: fc.subarray(['Practice', 'Mock', 'Deep dive'], {minLength: 1}),
    })
    .chain(({loose, blockCount, headingAfter, additionNames}) =>
      fc
        .record({
          blocks: fc.tuple(...Array.from({length: blockCount}, (_, index) => blockItem(index + 1, loose))),
          additions: fc.tuple(...additionNames.map((name) => additionItem(name))),
          extra: uniqueText,
        })
        .map(({blocks, additions, extra}) => ({
          markdown: [
            `### Day ${number} – Day ${number} Topic`,
            '',
            '#### 4-Hour Plan',
            '',
            blocks.map((item) => item.markdown).join('\n'),
            ...(headingAfter ? ['', '##### If you finish early', '', `${extra}.`] : []),
            '',
            '#### 6-Hour Plan',
            '',
            '- Add:',
            additions.map((item) => item.markdown).join('\n'),
            '',
          ].join('\n'),
          items: [
            ...blocks.map((item, index) => ({id: `d${number}-b${index + 1}`, shown: item.shown, readOnly: item.readOnly})),
            ...additions.map((item, index) => ({id: `d${number}-a${index + 1}`, shown: item.shown, readOnly: item.readOnly})),
          ],
        })),
    );

const week: fc.Arbitrary<{markdown: string; items: GeneratedDay['items']}> = fc
  .integer({min: 1, max: 3})
  .chain((count) => fc.tuple(...Array.from({length: count}, (_, index) => day(index + 1))))
  .map((days) => ({
    markdown: [
      '---',
      'id: go',
      'title: Go Track',
      'sidebar_label: Go',
      'sidebar_position: 12',
      '---',
      '',
      '### Weekly Goals',
      '',
      '- **Backend Practice**',
      '  - Build a small service in Go.',
      '',
      '---',
      '',
      '### Weekly Overview Table',
      '',
      '| Day | Focus |',
      '|-----|-------|',
      ...days.map((_, index) => `| ${index + 1} | Day ${index + 1} Topic |`),
      '',
      '---',
      '',
      days.map((generated) => generated.markdown).join('\n---\n\n'),
    ].join('\n'),
    items: days.flatMap((generated) => generated.items),
  }));

describe('any plan Markdown', () => {
  it('renders to server HTML a browser parses into the same tree, each block holding what was written after it', {timeout: 60_000}, async () => {
    await fc.assert(
      fc.asyncProperty(week, async ({markdown, items}) => {
        const {plan, diagnostics} = parsePlan(markdown);
        expect(diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
        const model = new Map(modelItems(plan!).map((item) => [item.id, item.details.join('\n')]));
        expect([...model.keys()]).toEqual(items.map((item) => item.id));
        for (const item of items) for (const text of [...item.shown, ...item.readOnly]) expect(model.get(item.id)).toContain(text);

        const html = await renderPlanMarkdown(markdown, 'docs/weeks/week-12/go.md');
        expect(nestingProblems(html, {minified: false})).toEqual([]);
        const texts = itemTexts(html);
        for (const item of items) for (const text of item.shown) expect(squash(texts.get(item.id)!)).toContain(squash(text));
      }),
      {numRuns: 12},
    );
  });
});
