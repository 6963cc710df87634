// The bundler's loader for the modules the plan-data plugin writes (./index.ts): each is written as a stand-in, and
// this hands the bundler the module's real text once the plugin's plan check has made it. Plain JavaScript because
// the bundler loads its loaders itself, without the TypeScript loading Docusaurus gives the site's plugins.
const PENDING_MODULES = Symbol.for('go-study-plans.plan-data.pending-modules');

/** @this {{resourcePath: string, cacheable(flag: boolean): void, async(): (error: Error | null, text?: string) => void}} */
module.exports = function deferredPlanModule() {
  // The text comes from the plugin, not from the stand-in file: never reuse it from an earlier build.
  this.cacheable(false);
  const done = this.async();
  const text = globalThis[PENDING_MODULES]?.get(this.resourcePath);
  if (!text) {
    done(new Error(`plan-data: nothing makes ${this.resourcePath}; the plan-data plugin writes the modules of this folder.`));
    return;
  }
  text.then((value) => done(null, value), done);
};
