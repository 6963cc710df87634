import path from 'node:path';
import {checkSize, collectAnchors, decodeUtf8, formatDiagnostic, validatePlanFile} from '../plan-validator';
import type {Diagnostic} from '../plan-model/types';

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
export function checkContent(files: readonly DocFile[]): ContentCheck {
  const sources = new Map<string, string>();
  const problems = new Map<string, Diagnostic[]>();
  for (const file of files) {
    const tooLarge = checkSize(file.bytes.length);
    const decoded = tooLarge ? null : decodeUtf8(file.bytes);
    if (decoded?.ok) sources.set(file.docPath, decoded.source);
    else problems.set(file.docPath, [tooLarge ?? (decoded as {diagnostic: Diagnostic}).diagnostic]);
  }
  const knownDocs = new Map([...sources].map(([docPath, source]) => [docPath, collectAnchors(docPath, source)] as const));
  for (const [docPath, source] of sources) problems.set(docPath, validatePlanFile({path: docPath, source, knownDocs}));

  const result: ContentCheck = {sources, lines: [], errors: 0, warnings: 0};
  for (const file of [...files].sort((a, b) => a.displayPath.localeCompare(b.displayPath))) {
    for (const diagnostic of problems.get(file.docPath) ?? []) {
      if (diagnostic.severity === 'error') result.errors += 1;
      else result.warnings += 1;
      result.lines.push(formatDiagnostic(file.displayPath, diagnostic));
    }
  }
  return result;
}

/** The build's failure: the problems themselves, no stack trace (they are the contributor's to fix, not ours). */
export function contentError(check: ContentCheck): Error {
  const error = new Error(
    `The plans have ${check.errors} ${check.errors === 1 ? 'error' : 'errors'} (listed above as path:line:column); fix them and build again. npm run validate lists them too.`,
  );
  error.stack = error.message;
  return error;
}

/** `docs/weeks/week-09/go.md` from the site folder and an absolute file path. */
export function displayPathOf(siteDir: string, file: string): string {
  return path.relative(siteDir, file).split(path.sep).join('/');
}
