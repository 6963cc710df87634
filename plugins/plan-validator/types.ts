import type {Root, Yaml} from 'mdast';
import type {DocLocation} from '../plan-model/location';
import type {Diagnostic, ParseResult, PlanFrontMatter, Severity, SourcePosition} from '../plan-model/types';

/** Docs-relative path (forward slashes, e.g. `weeks/week-09/go.md`) → the anchors its page has. */
export type KnownDocs = ReadonlyMap<string, ReadonlySet<string>>;

/** One rule of the table: a stable code, how serious it is, what it checks and how to fix it. */
export interface RuleDefinition {
  code: string;
  severity: Severity;
  /** What the rule checks, in one sentence (CONTRIBUTING.md lists it). */
  description: string;
  /** What a contributor does about it. */
  fix: string;
}

/** Everything a check may read about one file: its text, its tree and the parser's model. Checks never re-parse. */
export interface CheckContext {
  docPath: string;
  source: string;
  tree: Root;
  location: DocLocation;
  parsed: ParseResult;
  frontMatter: PlanFrontMatter;
  yaml: Yaml | undefined;
  knownDocs: KnownDocs;
}

export type Report = (code: string, position: SourcePosition, message: string) => void;

/** A concern (front matter, weekly structure, links…): the rules it reports and the function that checks them. */
export interface Check {
  name: string;
  rules: readonly RuleDefinition[];
  run(context: CheckContext, report: Report): void;
}

export type {Diagnostic, SourcePosition};

export const START: SourcePosition = {line: 1, column: 1};
