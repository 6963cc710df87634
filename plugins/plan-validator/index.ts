/**
 * The validator: a table of rules over the parser's model, in the manner of markdownlint and
 * remark-lint. Each check (one module per concern under rules/) declares the rules it reports;
 * this runner only parses once, runs the checks and collects what they report. The CLI, the
 * remark plugin (diagnostics while writing) and the content tests all call it.
 */
import type {Root, Yaml} from 'mdast';
import {docLocation, isPlanLocation, toDocPath} from '../plan-model/location';
import {parseMarkdown, parsePlanTree} from '../plan-model/parse';
import type {Diagnostic, PlanFrontMatter, PlanModel} from '../plan-model/types';
import {boundsRules, checkSize} from './rules/bounds';
import {categoryRules} from './rules/category';
import {days} from './rules/days';
import {editRules} from './rules/edits';
import {frontMatter} from './rules/frontMatter';
import {intensiveStructure} from './rules/intensiveStructure';
import {checkLinkRefs, collectLinks, links, type LinkRef} from './rules/links';
import {reading} from './rules/reading';
import {safety} from './rules/safety';
import {todos} from './rules/todos';
import {weeklyStructure} from './rules/weeklyStructure';
import {collectAnchors} from './anchors';
import type {Check, CheckContext, KnownDocs, Report, RuleDefinition} from './types';

export type {KnownDocs, RuleDefinition} from './types';
export {collectAnchors};
export type {LinkRef};
export {validateCategoryFile, missingCategory} from './rules/category';
export {decodeUtf8, checkSize, MAX_PLAN_BYTES} from './rules/bounds';

/** Every check, in the order their findings are most useful to read. */
export const CHECKS: readonly Check[] = [frontMatter, reading, days, weeklyStructure, intensiveStructure, safety, links, todos];

/** The whole rule table: every code any part of the validator can report. */
export const RULES: readonly RuleDefinition[] = [...boundsRules, ...CHECKS.flatMap((check) => check.rules), ...categoryRules, ...editRules];
const RULES_BY_CODE = new Map(RULES.map((rule) => [rule.code, rule]));

export interface PlanFileInput {
  /** Path relative to the docs folder, with forward slashes: `weeks/week-12/go.md`. */
  path: string;
  source: string;
  /** Every doc of the site, so links and anchors can be checked without touching the disk; without it links are not checked. */
  knownDocs?: KnownDocs;
  /** A tree already parsed from `source` (Docusaurus's, in the remark plugin), so nothing is parsed twice. */
  tree?: Root;
  /** Front matter already read by the caller; Docusaurus strips it from the tree it passes on. */
  frontMatter?: PlanFrontMatter;
}

/** What one file contributes to validation, independent of every other file: cacheable by its content. */
export interface FileFacts {
  /** The anchors its page will have, for other files' links. */
  anchors: string[];
  /** Its links into the site, checked against all files' anchors. */
  links: LinkRef[];
  /** Every finding except about links. */
  diagnostics: Diagnostic[];
}

/** Parses a file once and runs every check that needs only the file itself. Pure and total. */
export function analyseFile(input: Omit<PlanFileInput, 'knownDocs'>): FileFacts {
  return analyseFileAndPlan(input).facts;
}

/**
 * `analyseFile`, plus the plan model its checks read (null for a file that is not a plan, or too large to parse), so
 * a caller that needs both (the site's plan data) parses the file once.
 */
export function analyseFileAndPlan(input: Omit<PlanFileInput, 'knownDocs'>): {facts: FileFacts; plan: PlanModel | null} {
  const tooLarge = checkSize(Buffer.byteLength(input.source, 'utf8'));
  if (tooLarge) return {facts: {anchors: [], links: [], diagnostics: [tooLarge]}, plan: null};
  const docPath = toDocPath(input.path);
  const location = docLocation(docPath);
  const tree = input.tree ?? parseMarkdown(input.source);
  const yaml = tree.children.find((node): node is Yaml => node.type === 'yaml');
  const kind = isPlanLocation(location) ? {kind: location.kind} : {};
  const parsed = isPlanLocation(location)
    ? parsePlanTree(tree, {...kind, ...(input.frontMatter ? {frontMatter: input.frontMatter} : {})})
    : {plan: null, frontMatter: {}, diagnostics: []};
  const context: CheckContext = {docPath, source: input.source, tree, location, parsed, frontMatter: parsed.frontMatter, yaml, knownDocs: new Map()};
  const diagnostics: Diagnostic[] = [];
  for (const check of CHECKS) {
    if (check !== links) check.run(context, reporterFor(check, diagnostics));
  }
  return {facts: {anchors: [...collectAnchors(docPath, tree)], links: collectLinks(tree), diagnostics}, plan: parsed.plan};
}

/** The link findings of one file, given every file's anchors. */
export function linkDiagnostics(path: string, facts: FileFacts, knownDocs: KnownDocs): Diagnostic[] {
  const docPath = toDocPath(path);
  const diagnostics: Diagnostic[] = [];
  checkLinkRefs(docPath, facts.links, knownDocs, knownDocs.get(docPath) ?? new Set(facts.anchors), reporterFor(links, diagnostics));
  return diagnostics;
}

/**
 * Checks one docs file with the parser the site uses and the rules a contribution must meet.
 * Pure and total: any input, however broken, yields diagnostics, never an exception.
 */
export function validatePlanFile(input: PlanFileInput): Diagnostic[] {
  return diagnosticsFor(input.path, analyseFile(input), input.knownDocs);
}

/** All findings for a file from its facts (computed or cached), in reading order; links only when the other docs are known. */
export function diagnosticsFor(path: string, facts: FileFacts, knownDocs?: KnownDocs): Diagnostic[] {
  const found = knownDocs ? [...facts.diagnostics, ...linkDiagnostics(path, facts, knownDocs)] : facts.diagnostics;
  return sortDiagnostics(dedupe(found));
}

/** Reports through the rule table: the severity is the table's, and a check may only report the rules it declares. */
function reporterFor(check: Check, into: Diagnostic[]): Report {
  return (code, position, message) => {
    const rule = RULES_BY_CODE.get(code);
    // A code missing from the table is a bug in the validator, not in the plan: fail loudly in tests.
    if (!rule || !check.rules.includes(rule)) throw new Error(`Check "${check.name}" reported "${code}", which it does not declare.`);
    into.push({severity: rule.severity, code, message, line: Math.max(1, position.line), column: Math.max(1, position.column)});
  };
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((diagnostic) => {
    const key = `${diagnostic.line}:${diagnostic.column}:${diagnostic.code}:${diagnostic.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** By position, so output reads top to bottom like the file. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** `path:line:column  severity  message  code`, the line every tool prints. */
export function formatDiagnostic(file: string, diagnostic: Diagnostic): string {
  return `${file}:${diagnostic.line}:${diagnostic.column}  ${diagnostic.severity}  ${diagnostic.message}  ${diagnostic.code}`;
}
