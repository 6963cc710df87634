/** The parts of a bundler module the test reads (webpack and Rspack agree on them). */
export interface GraphModule {
  nameForCondition(): string | null | undefined;
}

/** The parts of the bundler's module graph the test reads (webpack and Rspack agree on them). */
export interface ModuleGraph {
  getIncomingConnections(module: never): Iterable<{originModule: GraphModule | null; dependency: {type: string} | null}>;
}

/** A split-chunks cache group test, as webpack and Rspack call it. */
export type ModuleTest = (module: GraphModule, context: {moduleGraph: ModuleGraph}) => boolean;

/** `import()` (and its eager and weak forms) starts another chunk; every other dependency is loaded with its importer. */
const isDynamicImport = (type: string) => type.startsWith('import()');

/**
 * A cache group test that selects `entryFile` and every file of `siteDir` it imports statically, directly or through
 * other such files: the modules that load with it, as the bundler's own import graph says, so no list has to mirror
 * it. Packages (anything under node_modules) are left to the other rules.
 *
 * `reExporters` are modules that only re-export others' names (a public entry) whose modules have no effects when
 * loaded (the `without effects` rule): the bundler takes each name an importer uses straight from the module that
 * defines it, so what loads with the entry is reached through the names used, not through the re-exporter. The walk
 * does not pass through them; a module the entry needs through one is found by its own import of that module.
 */
export function importedStaticallyBy(entryFile: string, siteDir: string, reExporters: readonly string[] = []): ModuleTest {
  const ownFile = (file: string | null | undefined): file is string =>
    Boolean(file) && file!.startsWith(siteDir) && !/[\\/]node_modules[\\/]/.test(file!.slice(siteDir.length));
  // One answer per module and module graph: a rebuild while previewing brings a new graph.
  const answers = new WeakMap<object, Map<string, boolean>>();

  return (module, {moduleGraph}) => {
    const file = module.nameForCondition();
    if (!ownFile(file)) return false;
    let known = answers.get(moduleGraph);
    if (!known) answers.set(moduleGraph, (known = new Map()));
    const cached = known.get(file);
    if (cached !== undefined) return cached;

    // Walks up from the module through the site's files that import it statically, until it meets the entry or a
    // module already known to load with it. The bundler asks about every module, and most do not load with the entry:
    // a walk that fails has seen every file that imports the module, and none of them loads with the entry either, so
    // each is answered too and no later walk goes through them again.
    const seen = new Set([file]);
    const queue: GraphModule[] = [module];
    let found = file === entryFile;
    for (let next = 0; !found && next < queue.length; next += 1) {
      for (const {originModule, dependency} of moduleGraph.getIncomingConnections(queue[next] as never)) {
        const origin = originModule?.nameForCondition();
        if (!originModule || !ownFile(origin) || !dependency || isDynamicImport(dependency.type) || seen.has(origin) || reExporters.includes(origin)) continue;
        const answer = known.get(origin);
        if (origin === entryFile || answer === true) {
          found = true;
          break;
        }
        seen.add(origin);
        if (answer === undefined) queue.push(originModule);
      }
    }
    if (found) known.set(file, true);
    else for (const visited of seen) known.set(visited, false);
    return found;
  };
}
