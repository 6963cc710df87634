/**
 * `npm run validate [-- --docs <dir>] [--no-cache] [--base <git ref>]`: checks every page under docs/ with the
 * parser the site uses and prints each problem as `path:line:column  severity  message  rule`. Exits 1 on any error.
 * With --base, it also compares each plan changed since that commit and summarises what the edit does to learners'
 * records (warnings, never errors); in GitHub Actions the summary also goes to the job summary.
 */
import {appendFileSync, existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {docLocation, isPlanLocation} from '../plugins/plan-model/location';
import type {Diagnostic} from '../plugins/plan-model/types';
import {checkSize, decodeUtf8, diagnosticsFor, formatDiagnostic, missingCategory, sortDiagnostics, validateCategoryFile} from '../plugins/plan-validator';
import {FactsCache, defaultCacheFile} from '../plugins/plan-validator/cache';
import {comparePlanVersions, type PlanEdit, type PlanVersion} from '../plugins/plan-validator/edits';
import {formatEditSummary, markdownEditSummary, type BaseName} from '../plugins/plan-validator/editReport';
import {BaseError, changedPlans, resolveBase} from '../plugins/plan-validator/gitBase';

interface FileReport {
  /** As printed: relative to the working directory, forward slashes. */
  file: string;
  diagnostics: Diagnostic[];
}

const usage = 'Usage: npm run validate [-- --docs <folder>] [--no-cache] [--base <git ref>]';

function main(): number {
  let docsDir: string;
  let useCache = true;
  let baseRef: string | undefined;
  try {
    const {values} = parseArgs({
      options: {docs: {type: 'string'}, 'no-cache': {type: 'boolean'}, base: {type: 'string'}, help: {type: 'boolean', short: 'h'}},
      strict: true,
      allowPositionals: false,
    });
    useCache = !values['no-cache'];
    baseRef = values.base;
    if (values.help) {
      console.log(usage);
      return 0;
    }
    docsDir = path.resolve(values.docs ?? 'docs');
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  if (!existsSync(docsDir) || !statSync(docsDir).isDirectory()) {
    console.error(`No docs folder at ${displayPath(docsDir)}. Run this from the repository root, or pass --docs <folder>.`);
    return 2;
  }

  // The base is checked first, so a mistyped ref is the only thing said.
  let edits: {base: BaseName; edits: PlanEdit[]} | null = null;
  if (baseRef !== undefined) {
    try {
      const base = resolveBase(docsDir, baseRef);
      const changed = changedPlans(docsDir, base);
      // Where a moved or removed plan's records go depends on every plan of the site, read only when one is.
      const sitePlans = changed.some(({before, after}) => before && before.path !== after?.path) ? readPlans(docsDir) : [];
      edits = {
        base,
        edits: changed.map(({before, after}) =>
          comparePlanVersions(before, after, after ? [after, ...sitePlans.filter((plan) => plan.path !== after.path)] : sitePlans),
        ),
      };
    } catch (error) {
      if (!(error instanceof BaseError)) throw error;
      console.error(`validate --base: ${error.message}`);
      return 2;
    }
  }

  // Unchanged files are not parsed again (see plugins/plan-validator/cache.ts); --no-cache checks everything afresh.
  const reports = validateDocs(docsDir, new FactsCache(useCache ? defaultCacheFile(process.cwd()) : null));
  const checked = reports.length;
  if (edits) addEditWarnings(reports, edits.edits, docsDir);
  const annotate = process.env.GITHUB_ACTIONS === 'true';
  let errors = 0;
  let warnings = 0;
  for (const {file, diagnostics} of reports) {
    for (const diagnostic of diagnostics) {
      if (diagnostic.severity === 'error') errors += 1;
      else warnings += 1;
      console.log(formatDiagnostic(file, diagnostic));
      if (annotate) console.log(githubAnnotation(file, diagnostic));
    }
  }
  if (edits) {
    const show = (relative: string) => display(docsDir, relative);
    console.log(`${errors + warnings > 0 ? '\n' : ''}${formatEditSummary(edits.edits, edits.base, show)}`);
    const jobSummary = process.env.GITHUB_STEP_SUMMARY;
    if (annotate && jobSummary) appendFileSync(jobSummary, `${markdownEditSummary(edits.edits, edits.base, show)}\n`);
  }
  const failing = reports.filter((report) => report.diagnostics.some((d) => d.severity === 'error')).length;
  const counts = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  if (errors > 0) {
    console.log(`\n✖ ${counts} in ${checked} files (${failing} with errors). Fix the errors above; each names the file, line and column.`);
    return 1;
  }
  console.log(`${warnings > 0 || edits ? '\n' : ''}✔ ${plural(checked, 'file')} checked: ${counts}.`);
  return 0;
}

/** Reads every page and week folder under `docsDir`; unreadable files become diagnostics, not crashes. */
function validateDocs(docsDir: string, cache: FactsCache): FileReport[] {
  const files = listFiles(docsDir);
  const sources = new Map<string, string>();
  const reports: FileReport[] = [];
  for (const relative of files.filter((file) => /\.mdx?$/i.test(file))) {
    // Size and encoding are checked on the bytes, before anything is parsed: no file can stall the run.
    let problem: Diagnostic | null;
    try {
      const bytes = readFileSync(path.join(docsDir, relative));
      const decoded = checkSize(bytes.length) ? null : decodeUtf8(bytes);
      problem = checkSize(bytes.length) ?? (decoded && !decoded.ok ? decoded.diagnostic : null);
      if (decoded?.ok) sources.set(relative, decoded.source);
    } catch (error) {
      problem = unreadable(error);
    }
    if (problem) reports.push({file: display(docsDir, relative), diagnostics: [problem]});
  }
  const facts = new Map([...sources].map(([relative, source]) => [relative, cache.facts(relative, source)] as const));
  cache.save();
  const knownDocs = new Map([...facts].map(([relative, fileFacts]) => [relative, new Set(fileFacts.anchors)] as const));

  for (const [relative, fileFacts] of facts) {
    const diagnostics = diagnosticsFor(relative, fileFacts, knownDocs);
    const location = docLocation(relative);
    if (location.kind === 'weekly' && !files.includes(`${path.posix.dirname(relative)}/_category_.json`)) {
      diagnostics.unshift(missingCategory(location.week));
    }
    reports.push({file: display(docsDir, relative), diagnostics});
  }
  for (const relative of files.filter((file) => /^weeks\/week-\d{2}\/_category_\.json$/.test(file))) {
    const week = Number(/week-(\d{2})/.exec(relative)![1]);
    try {
      const source = readFileSync(path.join(docsDir, relative), 'utf8');
      reports.push({file: display(docsDir, relative), diagnostics: validateCategoryFile({source, week})});
    } catch (error) {
      reports.push({file: display(docsDir, relative), diagnostics: [unreadable(error)]});
    }
  }
  return reports.sort((a, b) => a.file.localeCompare(b.file));
}

/** Puts each edit's warnings with its file's other findings (a removed plan gets an entry of its own), in line order. */
function addEditWarnings(reports: FileReport[], edits: readonly PlanEdit[], docsDir: string): void {
  for (const {path: relative, diagnostic} of edits.flatMap((edit) => edit.warnings)) {
    const file = display(docsDir, relative);
    let report = reports.find((candidate) => candidate.file === file);
    if (!report) {
      report = {file, diagnostics: []};
      reports.push(report);
    }
    report.diagnostics = sortDiagnostics([...report.diagnostics, diagnostic]);
  }
  reports.sort((a, b) => a.file.localeCompare(b.file));
}

/** Every plan file under `docsDir` with its text (those that cannot be read are left out; validation reports them). */
function readPlans(docsDir: string): PlanVersion[] {
  return listFiles(docsDir)
    .filter((relative) => isPlanLocation(docLocation(relative)))
    .flatMap((relative) => {
      try {
        return [{path: relative, source: readFileSync(path.join(docsDir, relative), 'utf8')}];
      } catch {
        return [];
      }
    });
}

/** Docs-relative paths with forward slashes; folders we cannot list are skipped (their files cannot be checked either). */
function listFiles(docsDir: string, relative = ''): string[] {
  let entries;
  try {
    entries = readdirSync(path.join(docsDir, relative), {withFileTypes: true});
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return listFiles(docsDir, child);
    // Symbolic links are listed too, so a dangling one is reported rather than silently skipped.
    return entry.isFile() || entry.isSymbolicLink() ? [child] : [];
  });
}

function unreadable(error: unknown): Diagnostic {
  const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
  return {severity: 'error', code: 'file-unreadable', message: `Cannot read this file (${reason}).`, line: 1, column: 1};
}

function display(docsDir: string, relative: string): string {
  return displayPath(path.join(docsDir, relative));
}

function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return (relative.startsWith('..') ? absolute : relative).split(path.sep).join('/');
}

/** https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#setting-an-error-message */
function githubAnnotation(file: string, diagnostic: Diagnostic): string {
  const property = (value: string) => escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::${diagnostic.severity} file=${property(file)},line=${diagnostic.line},col=${diagnostic.column},title=${property(diagnostic.code)}::${escapeData(diagnostic.message)}`;
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

try {
  process.exitCode = main();
} catch (error) {
  // A bug in the checker itself: say so plainly instead of dumping a stack at a contributor.
  console.error(`validate: unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
