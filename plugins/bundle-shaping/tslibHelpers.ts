import {readdirSync, readFileSync} from 'node:fs';
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';

const HELPER_USE = /\btslib_\d+\.(__\w+)\b/g;

/** The tslib helpers the compiled modules in `libDir` call, each once, sorted. */
export function helpersUsedBy(libDir: string): string[] {
  const names = new Set<string>();
  for (const file of readdirSync(libDir).filter((name) => name.endsWith('.js'))) {
    for (const [, name] of readFileSync(path.join(libDir, file), 'utf8').matchAll(HELPER_USE)) names.add(name!);
  }
  return [...names].sort();
}

/**
 * Writes `shimFile`, a module re-exporting from tslib only the helpers that the compiled modules in `libDir` call. Read
 * from that code at build time, so an upgrade that calls another helper still gets it.
 */
export async function writeTslibShim(libDir: string, shimFile: string): Promise<void> {
  await mkdir(path.dirname(shimFile), {recursive: true});
  await writeFile(shimFile, `export {${helpersUsedBy(libDir).join(', ')}} from 'tslib';\n`);
}
