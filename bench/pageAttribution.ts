import path from 'node:path';
import type {BundleStats, StatsModule} from './bundleStats';
import type {PageWeight} from './pageWeight';

/** One chunk a page loaded beyond the entry bundle, with its measured size and what it is made of. */
export interface PageChunk {
  file: string;
  /** The chunk's names in the stats (Docusaurus names route and content chunks; shared split chunks have none). */
  names: string[];
  gzipBytes: number;
  /** Its modules, largest first, with the chunk's gzip size shared out by source size (an estimate). */
  modules: {module: string; sourceBytes: number; estimatedGzipBytes: number}[];
}

/** A concatenated module's parts, down to the modules the source names. */
function leaves(module: StatsModule): StatsModule[] {
  return module.modules?.length ? module.modules.flatMap(leaves) : [module];
}

/**
 * How a module is named in the attribution: a file of the site by its path, a package by its name, the MDX of a doc by
 * its path under docs/. Loader prefixes and query strings are dropped.
 */
export function moduleLabel(name: string): string {
  const normalized = name
    .replace(/^.*!/, '')
    .replace(/\|.*$/, '')
    .replace(/\?.*$/, '')
    .replace(/ \+ \d+ modules$/, '');
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(normalized);
  if (inPackage) return inPackage[1]!;
  return normalized.replace(/^\.\//, '');
}

/**
 * The chunks a page loaded that the entry bundle does not hold, each split into its modules: where a page's own
 * JavaScript goes. Sizes of chunks are measured (gzip of the file); within a chunk they are shared out by source size.
 */
export function attributePage(page: PageWeight, stats: BundleStats): PageChunk[] {
  const byFile = new Map<string, BundleStats['chunks'][number]>();
  for (const chunk of stats.chunks) for (const file of chunk.files) byFile.set(path.posix.basename(file), chunk);
  return page.scripts
    .flatMap((script) => {
      const chunk = byFile.get(path.posix.basename(script.file));
      if (!chunk || chunk.initial) return [];
      const id = String(chunk.id);
      const sizes = new Map<string, number>();
      for (const module of stats.modules) {
        if (!module.chunks?.some((candidate) => String(candidate) === id)) continue;
        for (const leaf of leaves(module)) {
          const label = moduleLabel(leaf.name ?? '(unnamed)');
          sizes.set(label, (sizes.get(label) ?? 0) + leaf.size);
        }
      }
      const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
      const modules = [...sizes]
        .map(([module, sourceBytes]) => ({module, sourceBytes, estimatedGzipBytes: total ? (script.gzipBytes * sourceBytes) / total : 0}))
        .sort((a, b) => b.sourceBytes - a.sourceBytes);
      return [{file: path.posix.basename(script.file), names: chunk.names, gzipBytes: script.gzipBytes, modules}];
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

const kibText = (bytes: number) => (bytes / 1024).toFixed(1);

/** How many modules of a chunk the Markdown names; the rest are summed up. */
const MODULES_PER_CHUNK = 6;

/** A page's chunks beyond the entry bundle as Markdown: one row per chunk, its largest modules with their share. */
export function pageAttributionMarkdown(route: string, chunks: PageChunk[]): string[] {
  const total = chunks.reduce((sum, chunk) => sum + chunk.gzipBytes, 0);
  const describe = (chunk: PageChunk) => {
    const shown = chunk.modules.slice(0, MODULES_PER_CHUNK).map((entry) => `${entry.module} ${kibText(entry.estimatedGzipBytes)}`);
    const rest = chunk.modules.length - MODULES_PER_CHUNK;
    return [...shown, ...(rest > 0 ? [`${rest} more`] : [])].join(' · ');
  };
  return [
    `${route}: ${chunks.length} chunks beyond the entry bundle, ${kibText(total)} KiB`,
    '',
    '| Chunk | gzip (KiB) | Largest modules (≈ gzip KiB, shared out by source size) |',
    '|---|---:|---|',
    ...chunks.map((chunk) => `| ${chunk.names.length ? chunk.names.join(', ') : chunk.file} | ${kibText(chunk.gzipBytes)} | ${describe(chunk)} |`),
    '',
  ];
}
