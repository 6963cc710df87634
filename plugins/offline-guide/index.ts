import {readdir, readFile, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {promisify} from 'node:util';
import {gzip, gzipSync} from 'node:zlib';

/** On zlib's thread pool: the build's other postBuild steps keep the main thread meanwhile. */
const gzipAsync = promisify(gzip);

/**
 * Files read and compressed at once: as many as zlib's thread pool runs (4 by default). Each compression holds its
 * file and about 300 KiB of zlib state from the moment it is asked for, so asking for a thousand files together would
 * hold hundreds of MiB while they wait for a thread.
 */
const AT_ONCE = 4;

/** `work` on every item, at most `limit` at a time; the results in the items' order. */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
  return results;
}

/**
 * "Keep the whole guide offline" (src/components/KeepGuideOffline) downloads what this list names: every page and every
 * file the pages use. The service worker (src/sw/keepOffline.js) reads it; the button shows its size first.
 */
export const OFFLINE_GUIDE_FILE = 'offline-guide.json';

/** One download: its address in the site, and about how many bytes it moves (gzip for text, as served). */
export interface OfflineGuideEntry {
  path: string;
  bytes: number;
}

export interface OfflineGuideList {
  pages: OfflineGuideEntry[];
  files: OfflineGuideEntry[];
}

/** Folders of the build that pages use: their code and styles, images and icons, the search index. */
const USED_FOLDERS = ['assets', 'img', 'pagefind'];
/** What no page needs offline: the README's screenshots and the error page. */
const NOT_USED = [/^\/img\/readme\//, /^\/404\.html$/];
/** Files a server compresses (so the download is their gzip size); the rest (images, fonts, Pagefind's own gzip) move as they are. */
const COMPRESSED = /\.(html|js|css|json|svg|txt|xml|webmanifest)$/;

/** The address of a built HTML file (the site has no trailing slashes): `weeks/week-10/go.html` is `/weeks/week-10/go`. */
export function pageAddress(file: string): string {
  const withoutExtension = file.replace(/\.html$/, '');
  if (withoutExtension === 'index') return '/';
  return `/${withoutExtension.replace(/\/index$/, '')}`;
}

async function filesUnder(outDir: string, relative: string): Promise<string[]> {
  const entries = await readdir(path.join(outDir, relative), {withFileTypes: true});
  const nested = await Promise.all(
    entries.map((entry) => {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      return entry.isDirectory() ? filesUnder(outDir, child) : [child];
    }),
  );
  return nested.flat();
}

/** How many bytes a text file moves, as a server compresses it. */
export function textDownloadSize(text: string): number {
  return gzipSync(text).length;
}

async function downloadSize(file: string): Promise<number> {
  if (!COMPRESSED.test(file)) return (await stat(file)).size;
  return (await gzipAsync(await readFile(file))).length;
}

/**
 * Every page of the built site and every file its pages use, each with its download size. `known` holds sizes already
 * measured, by file path (the build's pass over its pages measures each page as it writes it).
 */
export async function offlineGuideList(outDir: string, known: ReadonlyMap<string, number> = new Map()): Promise<OfflineGuideList> {
  const all = await filesUnder(outDir, '');
  const entry = async (file: string, address: string): Promise<OfflineGuideEntry> => {
    const absolute = path.join(outDir, file);
    return {path: address, bytes: known.get(absolute) ?? (await downloadSize(absolute))};
  };
  const used = (address: string) => !NOT_USED.some((pattern) => pattern.test(address));
  const pages = all.filter((file) => file.endsWith('.html') && used(`/${file}`));
  const files = all.filter((file) => (USED_FOLDERS.includes(file.split('/')[0]!) || file === 'manifest.json') && used(`/${file}`));
  const byPath = (a: OfflineGuideEntry, b: OfflineGuideEntry) => a.path.localeCompare(b.path);
  return {
    pages: (await mapWithLimit(pages, AT_ONCE, (file) => entry(file, pageAddress(file)))).sort(byPath),
    files: (await mapWithLimit(files, AT_ONCE, (file) => entry(file, `/${file}`))).sort(byPath),
  };
}

/**
 * Writes the list into the build. Called by the search-index plugin once the index is written: Docusaurus runs the
 * plugins' postBuild steps side by side, and the index is the last part of the site the list names.
 */
export async function writeOfflineGuideList(outDir: string, known?: ReadonlyMap<string, number>): Promise<OfflineGuideList> {
  const list = await offlineGuideList(outDir, known);
  await writeFile(path.join(outDir, OFFLINE_GUIDE_FILE), JSON.stringify(list));
  return list;
}
