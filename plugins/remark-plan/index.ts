import path from 'node:path';
import type {Plugin} from 'unified';
import type {Heading, List, ListItem, Root, RootContent, Table, TableCell} from 'mdast';
import type {Program} from 'estree';
import type {MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement} from 'mdast-util-mdx-jsx';
import type {MdxjsEsm} from 'mdast-util-mdxjs-esm';
import type {VFile} from 'vfile';
import {parsePlanTree} from '../plan-model/parse';
import {validatePlanFile} from '../plan-validator';
import {misplacedNodes} from './structure';
import {AT_A_GLANCE_ANCHOR, PAGE_MODEL_EXPORT, PLAN_COMPONENTS_DIR, dayAnchor, planModuleSpecifier, sessionAnchor, type PlanVariant} from '../plan-model/ids';
import {docLocation, isPlanLocation, toDocPath} from '../plan-model/location';
import type {IntensivePlan, PlanFrontMatter, WeeklyPlan} from '../plan-model/types';

export interface Options {
  /** Absolute path of the docs folder: plan ids are file paths relative to it, without extension. */
  docsDir: string;
  /**
   * Show the validator's findings in a box at the top of each plan page. For `npm start`: a
   * contributor sees what to fix where they look. Production builds fail on errors instead.
   */
  showDiagnostics?: boolean;
}

/**
 * What the parser found, keyed by where it found it (`line:column`). The plugin runs the parser
 * on the very tree it transforms, so positions identify nodes: days, sessions and item ids come
 * from the plan model alone, never from a second reading of the text.
 */
interface ModelIndex {
  days: Map<string, number>;
  variants: Map<string, {variant: PlanVariant; anchor: string}>;
  sessions: Map<string, {id: string; name: 'morning' | 'evening'}>;
  items: Map<string, string>;
  /** Nodes that ended a Markdown list but belong to the item before them → that item's id. */
  attached: Map<string, string>;
}

const at = (node: {position?: {start: {line: number; column: number}}}): string =>
  node.position ? `${node.position.start.line}:${node.position.start.column}` : '';
const key = (position: {line: number; column: number}): string => `${position.line}:${position.column}`;

function indexModel(plan: WeeklyPlan | IntensivePlan): ModelIndex {
  const index: ModelIndex = {days: new Map(), variants: new Map(), sessions: new Map(), items: new Map(), attached: new Map()};
  for (const day of plan.days) {
    index.days.set(key(day.position), day.number);
    if ('blocks' in day) {
      for (const section of day.variants) index.variants.set(key(section.position), {variant: section.variant, anchor: section.anchor});
      for (const item of [...day.blocks, ...day.additions]) {
        index.items.set(key(item.position), item.id);
        for (const position of item.attached) index.attached.set(key(position), item.id);
      }
    } else {
      for (const session of day.sessions) {
        index.sessions.set(key(session.position), {id: session.id, name: session.name});
        for (const item of [...session.topics, ...session.practice]) index.items.set(key(item.position), item.id);
      }
    }
  }
  return index;
}

/**
 * Turns a plan document into interactive components while keeping every node of its
 * Markdown: the plan model (from the shared parser) decides what each section is, and
 * the plugin only wraps sections in named JSX elements, each imported by the page from its component folder.
 * Runs before Docusaurus's own plugins so that shifted headings and stable ids reach the TOC.
 */
const remarkPlan: Plugin<[Options], Root> = (options) => {
  const docsDir = path.resolve(options.docsDir);
  return (tree, file) => {
    const location = locationOf(file, docsDir);
    if (!location || !isPlanLocation(location)) return;
    const frontMatter = (file.data as {frontMatter?: PlanFrontMatter}).frontMatter;
    // Read before the tree changes: the diagnostics' positions are the source's.
    const diagnostics = options.showDiagnostics
      ? validatePlanFile({path: toDocPath(path.relative(docsDir, file.path!)), source: String(file.value ?? ''), tree, ...(frontMatter ? {frontMatter} : {})})
      : [];
    const {plan} = parsePlanTree(tree, {kind: location.kind, ...(frontMatter ? {frontMatter} : {})});
    const planId = location.planId;
    if (!plan) return;

    const index = indexModel(plan);
    if (plan.kind === 'weekly') transformWeekly(tree, plan, index);
    else transformIntensive(tree, plan, index);
    if (options.showDiagnostics) diagnostics.push(...misplacedNodes(tree));

    // The whole page shares one plan model through context. The model is not copied into the page: the page imports
    // the plan's own module (written by the plan-data plugin from the same parser), which /today loads by id too.
    // Named as `npm run validate` names it (`docs/weeks/week-10/go.md`), so the lines read the same in both places.
    const displayPath = [path.basename(docsDir), ...path.relative(docsDir, file.path!).split(path.sep)].join('/');
    const notice = diagnostics.length > 0 ? [jsxFlow('PlanDiagnostics', {file: displayPath, diagnostics: JSON.stringify(diagnostics)}, [])] : [];
    const page = jsxFlow('PlanPage', {planId}, [...notice, ...tree.children]);
    page.attributes.push(identifierAttribute('plan', PLAN_MODULE_BINDING));
    // The components too are the page's own imports, not the theme's MDX components (which every doc page loads):
    // pages without a plan (the roadmap, the topic banks) then do not carry them.
    const components = elementNames(page).map((name) => defaultImport(name, `${PLAN_COMPONENTS_DIR}/${name}`));
    tree.children = [defaultImport(PLAN_MODULE_BINDING, planModuleSpecifier(planId)), exportedModel(PLAN_MODULE_BINDING), ...components, page];
  };
};

export default remarkPlan;

/** Where the file sits in the docs folder (see plan-model/location); null outside it. */
function locationOf(file: VFile, docsDir: string): ReturnType<typeof docLocation> | null {
  if (!file.path) return null;
  const relative = path.relative(docsDir, file.path);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return docLocation(relative);
}

function transformWeekly(tree: Root, plan: WeeklyPlan, model: ModelIndex): void {
  const dayDepth = tree.children.find((node): node is Heading => node.type === 'heading' && model.days.has(at(node)))?.depth ?? 3;
  // The page title is the h1; seeds start their sections at ###, so lift them to keep levels contiguous.
  const hasH2 = tree.children.some((node) => node.type === 'heading' && node.depth === 2);
  const shift = !hasH2 && dayDepth === 3 ? 1 : 0;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth > 1) node.depth = (node.depth - shift) as Heading['depth'];
  }
  const depth = dayDepth - shift;

  const out: RootContent[] = [];
  const nodes = tree.children;
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index]!;
    if (node.type === 'heading' && plan.overviewPosition && at(node) === key(plan.overviewPosition)) {
      const tableAt = plan.overviewTablePosition ? key(plan.overviewTablePosition) : null;
      const end = sectionEnd(nodes, index, depth);
      const body = nodes.slice(index + 1, end).map((child) => (child.type === 'table' && at(child) === tableAt ? overviewTable(child, plan) : child));
      out.push(overviewSection([node, jsxFlow('VariantToggle', {}, []), ...body]));
      index = end - 1;
      continue;
    }
    const number = node.type === 'heading' ? model.days.get(at(node)) : undefined;
    if (node.type === 'heading' && number !== undefined) {
      setId(node, dayAnchor(number));
      const end = sectionEnd(nodes, index, depth);
      const body = nodes.slice(index + 1, end);
      out.push(
        jsxFlow('PlanDay', {day: String(number)}, [node, jsxFlow('DayToolbar', {day: String(number)}, []), ...weeklyDayBody(body, number, depth, model)]),
      );
      index = end - 1;
      continue;
    }
    out.push(node);
  }
  tree.children = out;
}

function weeklyDayBody(body: RootContent[], day: number, dayDepth: number, model: ModelIndex): RootContent[] {
  const out: RootContent[] = [];
  for (let index = 0; index < body.length; index += 1) {
    const node = body[index]!;
    const section = node.type === 'heading' ? model.variants.get(at(node)) : undefined;
    if (node.type !== 'heading' || !section) {
      out.push(node);
      continue;
    }
    setId(node, section.anchor);
    const end = sectionEnd(body, index, dayDepth + 1);
    out.push(jsxFlow('VariantSection', {variant: section.variant, day: String(day)}, [node, ...wrapSectionItems(body.slice(index + 1, end), model)]));
    index = end - 1;
  }
  return out;
}

/**
 * Wraps every list item the model knows (block, addition, topic, practice item) so it keeps its
 * Markdown and gains its controls, and moves what the model attached to an item (a code fence or
 * table that ended the list, bullets after it) inside that item. Lists left empty are dropped, and
 * lists that only a moved node separated become one again, so the blocks read as one list.
 */
function wrapSectionItems(content: readonly RootContent[], model: ModelIndex): RootContent[] {
  const owners = new Map<string, MdxJsxFlowElement>();
  const out: RootContent[] = [];
  const ownerOf = (node: RootContent | ListItem) => owners.get(model.attached.get(at(node)) ?? '');
  const wrapList = (list: List): void => {
    list.children = list.children.flatMap((item): ListItem[] => {
      const itemId = model.items.get(at(item));
      if (itemId) {
        // The PlanItem is the list item itself (it renders the <li>): a page has dozens, and a wrapper inside each
        // would be an element per item that carries nothing.
        const element = jsxFlow('PlanItem', {itemId}, item.children as RootContent[]);
        owners.set(itemId, element);
        return [element as unknown as ListItem];
      }
      const owner = ownerOf(item);
      if (owner) {
        appendListItem(owner, item, list);
        return [];
      }
      for (const child of item.children) if (child.type === 'list') wrapList(child);
      return [item];
    });
  };
  for (const node of content) {
    if (node.type === 'list') {
      wrapList(node);
      if (node.children.length === 0) continue;
      const previous = out.at(-1);
      if (previous?.type === 'list' && previous.ordered === node.ordered) {
        previous.children.push(...node.children);
        continue;
      }
      out.push(node);
    } else {
      const owner = ownerOf(node);
      if (owner) owner.children.push(node as MdxJsxFlowElement['children'][number]);
      else out.push(node);
    }
  }
  return out;
}

/**
 * A bullet that continues an item after a fence or table belongs to that item, and an HTML list item
 * lives in a list: it joins the list the item ends with (its own nested bullets, or one started by an
 * earlier continued bullet), or starts a list of the kind it was written in. A bare `<li>` in the item
 * would make a browser close the item, its list and its day early, and React re-render the page.
 */
function appendListItem(owner: MdxJsxFlowElement, item: ListItem, from: List): void {
  const last = owner.children.at(-1);
  if (last?.type === 'list' && Boolean(last.ordered) === Boolean(from.ordered)) {
    last.children.push(item);
    return;
  }
  const list: List = {type: 'list', ordered: from.ordered, spread: from.spread, children: [item]};
  if (from.ordered && from.start != null) list.start = from.start + from.children.indexOf(item);
  owner.children.push(list as MdxJsxFlowElement['children'][number]);
}

function transformIntensive(tree: Root, plan: IntensivePlan, model: ModelIndex): void {
  const nodes = tree.children;
  const firstDayIndex = nodes.findIndex((node) => node.type === 'heading' && model.days.has(at(node)));
  const dayDepth = (nodes[firstDayIndex] as Heading | undefined)?.depth ?? 2;
  const out: RootContent[] = [];
  for (let index = 0; index < nodes.length; index += 1) {
    const node = nodes[index]!;
    if (index === firstDayIndex) {
      // A generated overview before Day 1: the heading is real Markdown, so it gets an id and a TOC entry.
      const heading: Heading = {
        type: 'heading',
        depth: dayDepth as Heading['depth'],
        children: [{type: 'text', value: `${plan.days.length} days at a glance`}],
      };
      setId(heading, AT_A_GLANCE_ANCHOR);
      out.push(overviewSection([heading, jsxFlow('IntensiveOverview', {}, [])]));
    }
    const number = node.type === 'heading' ? model.days.get(at(node)) : undefined;
    if (node.type === 'heading' && number !== undefined) {
      setId(node, dayAnchor(number));
      const end = sectionEnd(nodes, index, dayDepth);
      const body = nodes.slice(index + 1, end);
      out.push(
        jsxFlow('PlanDay', {day: String(number)}, [node, jsxFlow('DayToolbar', {day: String(number)}, []), ...intensiveDayBody(body, number, dayDepth, model)]),
      );
      index = end - 1;
      continue;
    }
    out.push(node);
  }
  tree.children = out;
}

function intensiveDayBody(body: RootContent[], day: number, dayDepth: number, model: ModelIndex): RootContent[] {
  const out: RootContent[] = [];
  for (let index = 0; index < body.length; index += 1) {
    const node = body[index]!;
    const session = node.type === 'heading' ? model.sessions.get(at(node)) : undefined;
    if (node.type !== 'heading' || !session) {
      out.push(node);
      continue;
    }
    setId(node, sessionAnchor(day, session.name));
    const end = sectionEnd(body, index, dayDepth + 1);
    out.push(jsxFlow('PlanSession', {sessionId: session.id}, [node, ...wrapSectionItems(body.slice(index + 1, end), model)]));
    index = end - 1;
  }
  return out;
}

/** Adds a "Planned time" column and links each day number to its section. */
function withTimeColumn(table: Table, plan: WeeklyPlan): Table {
  const days = new Set(plan.days.map((day) => day.number));
  // Which day a row is about is the model's reading of the row, found by its position.
  const rowDays = new Map(plan.overview.map((row) => [key(row.position), row.day]));
  table.align = [...(table.align ?? []), 'left'];
  table.children.forEach((row, rowIndex) => {
    if (rowIndex === 0) {
      row.children.push({type: 'tableCell', children: [{type: 'text', value: 'Planned time'}]});
      return;
    }
    const number = rowDays.get(at(row));
    const cell: TableCell = {type: 'tableCell', children: []};
    if (number !== undefined && days.has(number)) {
      const first = row.children[0]!;
      first.children = [{type: 'link', url: `#${dayAnchor(number)}`, children: first.children}];
      cell.children = [jsxText('DayTime', {day: String(number)})];
    }
    row.children.push(cell);
  });
  return table;
}

/** Index just past the section that starts at `start`; a trailing `---` stays outside. */
const overviewTable = (table: Table, plan: WeeklyPlan): RootContent => jsxFlow('WeekOverview', {}, [withTimeColumn(table, plan)]);

/**
 * The overview heading and what belongs to it, in a section of their own: readers of the
 * HTML (the offline search index among them) take a heading's content to be its following
 * siblings, which without this would run on through every day of the plan.
 */
const overviewSection = (children: RootContent[]): RootContent => jsxFlow('section', {'data-plan-overview': ''}, children);

function sectionEnd(nodes: readonly RootContent[], start: number, depth: number): number {
  let end = start + 1;
  while (end < nodes.length) {
    const node = nodes[end]!;
    if (node.type === 'heading' && node.depth <= depth) break;
    end += 1;
  }
  while (end - 1 > start && nodes[end - 1]!.type === 'thematicBreak') end -= 1;
  return end;
}

function setId(heading: Heading, id: string): void {
  heading.data = {...heading.data, hProperties: {...heading.data?.hProperties, id}};
}

/** The name the page's plan module is imported under; MDX documents cannot declare their own bindings with this prefix. */
const PLAN_MODULE_BINDING = '__planModel';

/** `import name from 'specifier'`, with the ESTree MDX compiles from. */
function defaultImport(name: string, specifier: string): MdxjsEsm {
  const value = `import ${name} from ${JSON.stringify(specifier)};`;
  const program: Program = {
    type: 'Program',
    sourceType: 'module',
    body: [
      {
        type: 'ImportDeclaration',
        specifiers: [{type: 'ImportDefaultSpecifier', local: {type: 'Identifier', name}}],
        source: {type: 'Literal', value: specifier, raw: JSON.stringify(specifier)},
        attributes: [],
      },
    ],
  };
  return {type: 'mdxjsEsm', value, data: {estree: program}};
}

/**
 * `export const planModel = name;`: the page's module hands out its plan's model, so code that needs a plan by id
 * (Today, the timer panel) loads the page's own chunk (plugins/plan-data) instead of a chunk per model.
 */
function exportedModel(name: string): MdxjsEsm {
  const value = `export const ${PAGE_MODEL_EXPORT} = ${name};`;
  const program: Program = {
    type: 'Program',
    sourceType: 'module',
    body: [
      {
        type: 'ExportNamedDeclaration',
        specifiers: [],
        source: null,
        attributes: [],
        declaration: {
          type: 'VariableDeclaration',
          kind: 'const',
          declarations: [{type: 'VariableDeclarator', id: {type: 'Identifier', name: PAGE_MODEL_EXPORT}, init: {type: 'Identifier', name}}],
        },
      },
    ],
  };
  return {type: 'mdxjsEsm', value, data: {estree: program}};
}

/** Every JSX element name under `node` (the plan components the page uses), sorted. */
function elementNames(node: RootContent): string[] {
  const names = new Set<string>();
  const walk = (current: RootContent) => {
    if ((current.type === 'mdxJsxFlowElement' || current.type === 'mdxJsxTextElement') && current.name && /^[A-Z]/.test(current.name)) names.add(current.name);
    if ('children' in current) for (const child of current.children as RootContent[]) walk(child);
  };
  walk(node);
  return [...names].sort();
}

/** `name={identifier}`: a JSX attribute whose value is a binding, not a string. */
function identifierAttribute(name: string, identifier: string): MdxJsxAttribute {
  const program: Program = {type: 'Program', sourceType: 'module', body: [{type: 'ExpressionStatement', expression: {type: 'Identifier', name: identifier}}]};
  return {type: 'mdxJsxAttribute', name, value: {type: 'mdxJsxAttributeValueExpression', value: identifier, data: {estree: program}}};
}

function attributes(values: Record<string, string>): MdxJsxFlowElement['attributes'] {
  return Object.entries(values).map(([name, value]) => ({type: 'mdxJsxAttribute', name, value}));
}

/** Wraps nodes in a named JSX element; its children are whatever Markdown they were. */
function jsxFlow(name: string, values: Record<string, string>, children: readonly RootContent[]): MdxJsxFlowElement {
  return {type: 'mdxJsxFlowElement', name, attributes: attributes(values), children: children as MdxJsxFlowElement['children']};
}

function jsxText(name: string, values: Record<string, string>): MdxJsxTextElement {
  return {type: 'mdxJsxTextElement', name, attributes: attributes(values), children: []};
}
