/**
 * Reads, for `npm run validate -- --base <ref>`, every plan that differs between a git commit and the work tree:
 * both versions of each, moved and renamed plans paired (by git, or by their items when git cannot tell).
 */
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {docLocation, isPlanLocation} from '../plan-model/location';
import {pairMovedPlans, type PlanVersion} from './edits';

/** A problem with the base or the repository, worded for the person who typed the command. */
export class BaseError extends Error {}

/** The base actually compared with: where the work tree's history meets `ref`. */
export interface ResolvedBase {
  ref: string;
  commit: string;
}

export interface ChangedPlan {
  before: PlanVersion | null;
  after: PlanVersion | null;
}

function run(cwd: string, args: readonly string[]): string {
  try {
    return execFileSync('git', args, {cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024});
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') throw new BaseError('--base needs git, and no git command was found.');
    throw error;
  }
}

/** Runs git where it must succeed; its own complaint, in one line, if it does not. */
function git(cwd: string, args: readonly string[]): string {
  try {
    return run(cwd, args);
  } catch (error) {
    if (error instanceof BaseError) throw error;
    const stderr = error instanceof Error && 'stderr' in error ? String(error.stderr) : '';
    const reason = stderr.split('\n').find((line) => line.trim() !== '') ?? String(error);
    throw new BaseError(`git ${args[0]} failed: ${reason.trim()}`);
  }
}

function gitOrNull(cwd: string, args: readonly string[]): string | null {
  try {
    return run(cwd, args);
  } catch (error) {
    if (error instanceof BaseError) throw error;
    return null;
  }
}

/**
 * The commit to compare with: the merge base of `ref` and HEAD, so commits that reached `ref` after this branch
 * left it do not read as this branch undoing them; `ref` itself when there is no common history (or no HEAD yet).
 */
export function resolveBase(docsDir: string, ref: string): ResolvedBase {
  if (gitOrNull(docsDir, ['rev-parse', '--is-inside-work-tree'])?.trim() !== 'true') {
    throw new BaseError(`the docs folder is not inside a git work tree; --base compares the plans with a git commit.`);
  }
  const commit = ref.startsWith('-') ? null : gitOrNull(docsDir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])?.trim();
  if (!commit) {
    throw new BaseError(
      `Unknown git ref "${ref}": give a branch, tag or commit this clone has (git fetch origin <branch> first, then --base origin/<branch>).`,
    );
  }
  const mergeBase = gitOrNull(docsDir, ['merge-base', commit, 'HEAD'])?.trim();
  return {ref, commit: mergeBase || commit};
}

const isPlanPath = (docsRelative: string) => isPlanLocation(docLocation(docsRelative));

/** Every plan changed between `base` and the work tree, untracked new plans included. Paths are docs-relative. */
export function changedPlans(docsDir: string, base: ResolvedBase): ChangedPlan[] {
  // --relative: paths relative to the docs folder, and nothing outside it; -z: names exactly as they are.
  const fields = git(docsDir, ['diff', '--name-status', '-z', '-M', '--relative', base.commit, '--']).split('\0');
  const untracked = git(docsDir, ['ls-files', '--others', '--exclude-standard', '-z']).split('\0').filter(Boolean);
  const readBase = (docsRelative: string): PlanVersion => ({path: docsRelative, source: git(docsDir, ['show', `${base.commit}:./${docsRelative}`])});
  // A file that cannot be read now is left out here; validation reports it as unreadable.
  const readNow = (docsRelative: string): PlanVersion[] => {
    try {
      return [{path: docsRelative, source: readFileSync(path.join(docsDir, docsRelative), 'utf8')}];
    } catch {
      return [];
    }
  };

  const changed: ChangedPlan[] = [];
  const removed: PlanVersion[] = [];
  const added: PlanVersion[] = untracked.filter(isPlanPath).flatMap(readNow);
  for (let index = 0; index < fields.length && fields[index];) {
    const status = fields[index]!;
    const from = fields[index + 1]!;
    const to = /^[RC]/.test(status) ? fields[index + 2]! : from;
    index += /^[RC]/.test(status) ? 3 : 2;
    const wasPlan = status[0] !== 'A' && isPlanPath(from);
    const isPlan = status[0] !== 'D' && isPlanPath(to);
    const now = isPlan ? readNow(to) : [];
    if (status[0] === 'C') added.push(...now);
    else if (wasPlan && now.length > 0) changed.push({before: readBase(from), after: now[0]!});
    else if (wasPlan && !isPlan) removed.push(readBase(from));
    else added.push(...now);
  }
  const paired = pairMovedPlans(removed, added);
  return [
    ...changed,
    ...paired.moved.map(([before, after]) => ({before, after})),
    ...paired.removed.map((before) => ({before, after: null})),
    ...paired.added.map((after) => ({before: null, after})),
  ].sort((a, b) => (a.after ?? a.before)!.path.localeCompare((b.after ?? b.before)!.path));
}
