import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {createElement} from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
import * as jsxRuntime from 'react/jsx-runtime';
import {evaluate} from '@mdx-js/mdx';
import rehypeRaw from 'rehype-raw';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import {parse as parseYaml} from 'yaml';
import type {Root} from 'mdast';
import type {MdxjsEsm} from 'mdast-util-mdxjs-esm';
import type {VFile} from 'vfile';
import {parsePlan} from '@site/plugins/plan-model/parse';
import {toPagePlan} from '@site/plugins/plan-model/pagePlan';
import remarkPlan from '@site/plugins/remark-plan';
import {PLAN_COMPONENTS_DIR} from '@site/plugins/plan-model/ids';
import PlanPage from '@site/src/components/PlanPage';
import VariantToggle from '@site/src/components/VariantToggle';
import WeekOverview from '@site/src/components/WeekOverview';
import DayTime from '@site/src/components/DayTime';
import PlanDay from '@site/src/components/PlanDay';
import DayToolbar from '@site/src/components/DayToolbar';
import VariantSection from '@site/src/components/VariantSection';
import PlanItem from '@site/src/components/PlanItem';
import PlanSession from '@site/src/components/PlanSession';
import IntensiveOverview from '@site/src/components/IntensiveOverview';
import PlanDiagnostics from '@site/src/components/PlanDiagnostics';
import {repoRoot} from '../../support/seeds';

const docsDir = path.join(repoRoot, 'docs');

/** The components a plan page imports from their folders (PLAN_COMPONENTS_DIR), as the bundler resolves them. */
const planComponents = {
  PlanPage,
  VariantToggle,
  WeekOverview,
  DayTime,
  PlanDay,
  DayToolbar,
  VariantSection,
  PlanItem,
  PlanSession,
  IntensiveOverview,
  PlanDiagnostics,
};

/** Docusaurus reads the front matter into `file.data.frontMatter` and leaves it out of the page. */
function frontMatterAsDocusaurus() {
  return (tree: Root, file: VFile) => {
    const yaml = tree.children.find((node) => node.type === 'yaml');
    if (!yaml) return;
    file.data.frontMatter = parseYaml(yaml.value) as unknown;
    tree.children = tree.children.filter((node) => node !== yaml);
  };
}

/**
 * The plan page imports its model from a module the plan-data plugin writes while the site builds. Here the same model,
 * from the same parser, is served from a `data:` module, so the rendered page is the one the build would emit.
 */
function servePlanModuleFrom(source: string) {
  return () => (tree: Root) => {
    const {plan} = parsePlan(source);
    if (!plan) return;
    const module = `data:text/javascript,export default ${encodeURIComponent(JSON.stringify(toPagePlan(plan)))}`;
    // The components' imports are left out: the page gets the same components below, as the bundler would resolve them.
    const importsComponent = (node: Root['children'][number]) =>
      node.type === 'mdxjsEsm' &&
      ((node as MdxjsEsm).data?.estree?.body ?? []).some(
        (statement) => statement.type === 'ImportDeclaration' && String(statement.source.value).startsWith(`${PLAN_COMPONENTS_DIR}/`),
      );
    tree.children = tree.children.filter((node) => !importsComponent(node));
    for (const node of tree.children) {
      if (node.type !== 'mdxjsEsm') continue;
      for (const statement of (node as MdxjsEsm).data?.estree?.body ?? []) {
        if (statement.type === 'ImportDeclaration') statement.source = {type: 'Literal', value: module};
      }
    }
  };
}

/**
 * Server HTML of a plan written at `docPath` (relative to the repository, e.g. `docs/weeks/week-12/go.md`): the site's
 * Markdown pipeline for `.md` files (front matter, GFM, the remark-plan plugin, raw HTML passed through as Docusaurus
 * does) and the site's plan components, rendered the way the build renders a page.
 */
export async function renderPlanMarkdown(source: string, docPath: string): Promise<string> {
  const {default: Content} = await evaluate(
    {value: source, path: path.join(repoRoot, docPath)},
    {
      ...jsxRuntime,
      format: 'md',
      baseUrl: pathToFileURL(docsDir).href,
      remarkPlugins: [remarkFrontmatter, frontMatterAsDocusaurus, remarkGfm, [remarkPlan, {docsDir}], servePlanModuleFrom(source)],
      rehypePlugins: [[rehypeRaw, {passThrough: ['mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression', 'mdxjsEsm']}]],
    },
  );
  return renderToStaticMarkup(createElement(Content, {components: planComponents}));
}
