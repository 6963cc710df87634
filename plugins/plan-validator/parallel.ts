import {spawn, type ChildProcess} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {setImmediate as nextTurn} from 'node:timers/promises';
import type {PlanModel} from '../plan-model/types';
import {analyseFileAndPlan, type FileFacts} from './index';

/** One file to analyse: its docs path and text. */
export interface AnalysisInput {
  path: string;
  source: string;
}

/** What `analyseFileAndPlan` finds in one file. */
export interface Analysis {
  facts: FileFacts;
  plan: PlanModel | null;
}

/**
 * Below this many docs the helper costs more than it saves: it takes about half a second to start and load the
 * parser, about the time this process takes to parse 40 plans.
 */
export const HELPER_FROM_FILES = 48;

/** What the helper says: which file it starts, then what it found in it (with the text it read). */
type HelperMessage = {starting: string} | {done: string; source: string; analysis: Analysis};
/** What this process says: the last file it took; the helper takes none at or before it. */
interface MainMessage {
  at: string;
}

/**
 * A second process that analyses the docs (as `analyseFileAndPlan`) while this one does other work, started as the
 * build loads the site: a cold build reads every doc, and at 192 plans that took 4 s during which only one of the
 * build machine's two cores worked. A process rather than a worker thread: here two threads of one process parsing at
 * once each ran at about 70% of the speed of one alone, two processes at about 80%.
 *
 * The helper lists the docs folder itself and analyses its files from the last (by path) backwards; this process
 * takes its own list from the first forwards (`analyse`) until they meet. A result counts only if the helper read the
 * same text as this process (a file edited in between is analysed again here), and any file the helper did not finish
 * (or a helper that fails) is analysed here: the results are always those of one process alone.
 */
export class AnalysisHelper {
  private readonly started = new Set<string>();
  private readonly results = new Map<string, {source: string; analysis: Analysis}>();
  private exited = false;
  /** Called on anything the helper says or does, while `analyse` waits for it. */
  private onNews: () => void = () => {};

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (message: HelperMessage) => {
      if ('starting' in message) this.started.add(message.starting);
      else this.results.set(message.done, {source: message.source, analysis: message.analysis});
      this.onNews();
    });
    const ended = () => {
      this.exited = true;
      this.onNews();
    };
    child.on('exit', ended);
    child.on('error', ended);
    // Until `analyse` needs it, the helper does not keep the build running; it never outlives it.
    child.unref();
    child.channel?.unref();
    process.once('exit', () => child.kill());
  }

  /**
   * Starts a helper on the docs under `docsDir` (paths relative to it are the docs paths), or returns null when there
   * are too few docs for one to pay, or it cannot start.
   */
  static start(docsDir: string): AnalysisHelper | null {
    let count: number;
    try {
      count = docFiles(docsDir).length;
    } catch {
      return null;
    }
    if (count < HELPER_FROM_FILES) return null;
    // Loaded as Docusaurus loads the site's plugins (its TypeScript loader, whose cache the build has just filled).
    const require = createRequire(__filename);
    const script = [
      `require(${JSON.stringify(require.resolve('jiti'))})(${JSON.stringify(__filename)}, {cache: true, interopDefault: true})`,
      `(${JSON.stringify(path.join(__dirname, 'analysisHelper.ts'))})(${JSON.stringify(docsDir)})`,
    ].join('');
    try {
      return new AnalysisHelper(spawn(process.execPath, ['-e', script], {stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced'}));
    } catch {
      return null;
    }
  }

  /** Every input analysed, in their order: from the first here, the rest from the helper's results. Ends the helper. */
  async analyse(inputs: readonly AnalysisInput[]): Promise<Analysis[]> {
    this.child.ref();
    this.child.channel?.ref();
    const byPath = [...inputs.keys()].sort((a, b) => compare(inputs[a]!.path, inputs[b]!.path));
    const results = new Array<Analysis | undefined>(inputs.length);
    for (const index of byPath) {
      // Lets the helper's news in first.
      await nextTurn();
      const input = inputs[index]!;
      if (!this.exited && (this.started.has(input.path) || this.results.has(input.path))) break;
      results[index] = analyseFileAndPlan(input);
      if (!this.exited && this.child.connected) this.child.send({at: input.path} satisfies MainMessage);
    }
    // The files the helper has started are awaited; what it never reached, or read differently, is done here.
    while (!this.exited && [...this.started].some((file) => !this.results.has(file))) {
      await new Promise<void>((resolve) => (this.onNews = resolve));
    }
    this.stop();
    return inputs.map((input, index) => {
      const fromHelper = this.results.get(input.path);
      return results[index] ?? (fromHelper?.source === input.source ? fromHelper.analysis : analyseFileAndPlan(input));
    });
  }

  /** How many files the helper has analysed so far (as far as this process has heard). */
  get analysedByHelper(): number {
    return this.results.size;
  }

  /** Lets the helper go (it exits when this process disconnects). */
  stop(): void {
    if (this.child.connected) this.child.disconnect();
  }
}

/** One ordering for both processes, independent of locale. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Every Markdown file under `docsDir`, by docs path (forward slashes), in path order. */
function docFiles(docsDir: string): string[] {
  return readdirSync(docsDir, {recursive: true, encoding: 'utf8'})
    .filter((file) => /\.mdx?$/.test(file))
    .map((file) => file.split(path.sep).join('/'))
    .sort(compare);
}

/** The helper process's work: the docs from the last backwards, until it reaches the file the main process last took. */
export async function serveAnalysis(docsDir: string): Promise<void> {
  let mainAt = '';
  process.on('message', (message: MainMessage) => {
    if (compare(message.at, mainAt) > 0) mainAt = message.at;
  });
  process.on('disconnect', () => process.exit(0));
  // A file finished just as the main process let go has no one to go to: nothing to report.
  process.on('error', () => process.exit(0));
  const tell = (message: HelperMessage) => process.connected && process.send!(message);
  const files = docFiles(docsDir);
  for (let index = files.length - 1; index >= 0; index -= 1) {
    // Lets the main process's news in first.
    await nextTurn();
    const file = files[index]!;
    if (compare(file, mainAt) <= 0 || !process.connected) break;
    tell({starting: file});
    const source = readFileSync(path.join(docsDir, file), 'utf8');
    tell({done: file, source, analysis: analyseFileAndPlan({path: file, source})});
  }
}
