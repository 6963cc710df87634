import path from 'node:path';
import {checkSize, decodeUtf8, diagnosticsFor, formatDiagnostic, type FileFacts} from '../plan-validator';
import type {FactsCache} from '../plan-validator/cache';
import type {Diagnostic, PlanModel} from '../plan-model/types';

/** One docs file as the site reads it: its path in the docs folder and its bytes. */
export interface DocFile {
  /** Docs-relative, forward slashes: `weeks/week-09/go.md`. */
  docPath: string;
  /** How the problem lines name the file: relative to the site folder, as editors open it. */
  displayPath: string;
  bytes: Uint8Array;
}

export interface ContentCheck {
  /** Text of every file that is safe to parse (within size, UTF-8), by docs path. */
  sources: Map<string, string>;
  /** The plan model of every file the check parsed (its facts were not cached), by docs path; null for a non-plan. */
  plans: Map<string, PlanModel | null>;
  /** Every problem as `path:line:column  severity  message  rule`, in file order. */
  lines: string[];
  errors: number;
  warnings: number;
}

/**
 * Runs the validator over every doc while the site loads, so `npm start` prints the same problems
 * as `npm run validate` and `npm run build` fails on the same errors: a contributor never needs to
 * know the separate command exists. Files too large or not UTF-8 are reported and never parsed.
 */
export function checkContent(files: readonly DocFile[], cache: FactsCache): ContentCheck {
  const sources = new Map<string, string>();
  const problems = new Map<string, Diagnostic[]>();
  for (const file of files) {
    const tooLarge = checkSize(file.bytes.length);
    const decoded = tooLarge ? null : decodeUtf8(file.bytes);
    if (decoded?.ok) sources.set(file.docPath, decoded.source);
    else problems.set(file.docPath, [tooLarge ?? (decoded as {diagnostic: Diagnostic}).diagnostic]);
  }
  const plans = new Map<string, PlanModel | null>();
  const facts = new Map<string, FileFacts>();
  for (const [docPath, source] of sources) {
    const analysed = cache.analysed(docPath, source);
    facts.set(docPath, analysed.facts);
    if (analysed.plan !== undefined) plans.set(docPath, analysed.plan);
  }
  cache.save();
  const knownDocs = new Map([...facts].map(([docPath, fileFacts]) => [docPath, new Set(fileFacts.anchors)] as const));
  for (const [docPath, fileFacts] of facts) problems.set(docPath, diagnosticsFor(docPath, fileFacts, knownDocs));

  const result: ContentCheck = {sources, plans, lines: [], errors: 0, warnings: 0};
  for (const file of [...files].sort((a, b) => a.displayPath.localeCompare(b.displayPath))) {
    for (const diagnostic of problems.get(file.docPath) ?? []) {
      if (diagnostic.severity === 'error') result.errors += 1;
      else result.warnings += 1;
      result.lines.push(formatDiagnostic(file.displayPath, diagnostic));
    }
  }
  return result;
}

/** The build's last line when plans have errors: the problems themselves are listed above it. */
export function contentFailure(check: Pick<ContentCheck, 'errors'>): string {
  return `[ERROR] The plans have ${check.errors} ${check.errors === 1 ? 'error' : 'errors'} (listed above as path:line:column); fix them and build again. npm run validate lists them too.`;
}

/** `docs/weeks/week-09/go.md` from the site folder and an absolute file path. */
export function displayPathOf(siteDir: string, file: string): string {
  return path.relative(siteDir, file).split(path.sep).join('/');
}
