import {writeFileSync} from 'node:fs';
import type {Plugin} from '@docusaurus/types';

/** Where a bench build writes the client bundler's stats: set by the bench, read back by `entryAttribution`. */
export const STATS_FILE_ENV = 'BENCH_BUNDLE_STATS';

/** One module of the stats: its name (a path, or `… + N modules` for a concatenation, then listed in `modules`), its source size and chunks. */
export interface StatsModule {
  name?: string;
  size: number;
  chunks?: (string | number)[];
  modules?: StatsModule[];
}

/** The part of the bundler's stats the bench reads: the chunks with their files, and every module with its chunks. */
export interface BundleStats {
  chunks: {id: string | number; names: string[]; files: string[]; initial: boolean}[];
  modules: StatsModule[];
}

/** Minimal view of the compiler the plugin hooks into (webpack and Rspack agree on it). */
interface Compiler {
  hooks: {done: {tap(name: string, run: (stats: {toJson(options: object): unknown}) => void): void}};
}

/**
 * Added to a copy of the site's config by the bench only: writes the client build's chunk and module stats to the
 * file named by `BENCH_BUNDLE_STATS`, so the entry bundle can be attributed to packages.
 */
export default function bundleStatsPlugin(): Plugin {
  return {
    name: 'bench-bundle-stats',
    configureWebpack(_config, isServer) {
      const file = process.env[STATS_FILE_ENV];
      if (isServer || !file) return {};
      return {
        plugins: [
          {
            apply(compiler: Compiler) {
              compiler.hooks.done.tap('bench-bundle-stats', (stats) => {
                const json = stats.toJson({
                  all: false,
                  ids: true,
                  chunks: true,
                  modules: true,
                  nestedModules: true,
                  // The parts of a concatenated module are "orphans": without this they are summarised, unnamed.
                  orphanModules: true,
                  dependentModules: true,
                  modulesSpace: Infinity,
                  nestedModulesSpace: Infinity,
                }) as BundleStats;
                const chunks = json.chunks.map(({id, names, files, initial}) => ({id, names, files, initial}));
                writeFileSync(file, JSON.stringify({chunks, modules: json.modules}));
              });
            },
          },
        ],
      };
    },
  };
}
