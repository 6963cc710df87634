import {createHash} from 'node:crypto';
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {PlanModel} from '../plan-model/types';
import {analyseFileAndPlan, type FileFacts} from './index';

/**
 * The validator's own code, hashed: a cache written by another version of the parser or the rules
 * is thrown away whole, so a fixed rule never hides behind a stale answer.
 */
function validatorVersion(): string {
  const hash = createHash('sha256');
  for (const dir of [path.join(__dirname, '../plan-model'), __dirname, path.join(__dirname, 'rules')]) {
    for (const file of readdirSync(dir).sort()) {
      if (file.endsWith('.ts') && !file.endsWith('.test.ts')) hash.update(file).update(readFileSync(path.join(dir, file)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

interface CacheFile {
  version: string;
  entries: Record<string, FileFacts>;
}

/**
 * Per-file validation facts keyed by a hash of path and content, as ESLint's `--cache`: parsing is
 * most of the validator's time, and an unchanged file never needs parsing again. Best effort: an
 * unreadable or unwritable cache only costs time.
 */
export class FactsCache {
  private readonly version = validatorVersion();
  private entries = new Map<string, FileFacts>();
  private readonly used = new Set<string>();
  /** Models of files parsed ahead (`prime`), by key, for the one `analysed` call that asks for them next. */
  private readonly parsedAhead = new Map<string, {facts: FileFacts; plan: PlanModel | null}>();
  hits = 0;
  misses = 0;

  constructor(private readonly file: string | null) {
    if (!file) return;
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (data.version === this.version && data.entries && typeof data.entries === 'object') this.entries = new Map(Object.entries(data.entries));
    } catch {
      // No cache yet, or a damaged one: start empty.
    }
  }

  /** The facts of one file, from the cache when its path and content are unchanged. */
  facts(docPath: string, source: string): FileFacts {
    return this.analysed(docPath, source).facts;
  }

  /**
   * The facts of one file, and the plan model when the file had to be parsed for them (a cache miss): the caller can
   * then use the model instead of parsing the file a second time. On a hit, `plan` is undefined.
   */
  analysed(docPath: string, source: string): {facts: FileFacts; plan?: PlanModel | null} {
    const key = entryKey(docPath, source);
    this.used.add(key);
    const ahead = this.parsedAhead.get(key);
    if (ahead) {
      this.parsedAhead.delete(key);
      return ahead;
    }
    const cached = this.entries.get(key);
    if (cached) {
      this.hits += 1;
      return {facts: cached};
    }
    this.misses += 1;
    const analysed = analyseFileAndPlan({path: docPath, source});
    this.entries.set(key, analysed.facts);
    return analysed;
  }

  /**
   * Analyses a file before anyone asks for it: the next `analysed` call for the same path and text then returns its
   * facts and plan model without parsing. For a build that reads the docs while the site still loads. It parses even a
   * file whose facts are cached, since the build needs its plan model too, which the cache does not keep.
   */
  prime(docPath: string, source: string): void {
    const key = entryKey(docPath, source);
    if (this.parsedAhead.has(key)) return;
    const analysed = analyseFileAndPlan({path: docPath, source});
    if (!this.entries.has(key)) this.misses += 1;
    this.entries.set(key, analysed.facts);
    this.parsedAhead.set(key, analysed);
  }

  /** Writes the entries used in this run (files deleted since are dropped). */
  save(): void {
    if (!this.file || this.misses === 0) return;
    const entries = Object.fromEntries([...this.entries].filter(([key]) => this.used.has(key)));
    try {
      mkdirSync(path.dirname(this.file), {recursive: true});
      writeFileSync(this.file, JSON.stringify({version: this.version, entries} satisfies CacheFile));
    } catch {
      // A read-only checkout still validates, only without the speed-up.
    }
  }
}

function entryKey(docPath: string, source: string): string {
  return createHash('sha256').update(docPath).update('\0').update(source).digest('hex');
}

/** Where the CLI and the site build keep the cache: beside other tools' caches, never committed. */
export const defaultCacheFile = (siteDir: string): string => path.join(siteDir, 'node_modules', '.cache', 'plan-validator', 'facts.json');
