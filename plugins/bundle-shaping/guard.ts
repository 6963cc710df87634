import {existsSync} from 'node:fs';
import path from 'node:path';
import type {ReliedOn, Rule} from './index';

/** The folder of `name` as `fromDir` would find it: the nearest node_modules holding it, walking up as Node does. */
function packageDir(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

/** The file `reliedOn` resolves to from the site (or from the package that requests it), or why it does not. */
export function resolveReliedOn(reliedOn: ReliedOn, siteDir: string): {file: string} | {problem: string} {
  if (reliedOn.request.startsWith('./')) {
    const file = path.join(siteDir, reliedOn.request);
    // Written by the build itself, so absent from a fresh checkout: only where it will be is checked.
    if (reliedOn.generated) return {file};
    return existsSync(file) ? {file} : {problem: `${reliedOn.request} is not in the site`};
  }
  let fromDir = siteDir;
  if (reliedOn.from) {
    const found = packageDir(reliedOn.from, siteDir);
    if (!found) return {problem: `${reliedOn.from} (which requests ${reliedOn.request}) is not installed`};
    fromDir = found;
  }
  try {
    return {file: require.resolve(reliedOn.request, {paths: [fromDir]})};
  } catch {
    return {problem: `${reliedOn.request} does not resolve${reliedOn.from ? ` from ${reliedOn.from}` : ''}`};
  }
}

/**
 * What no longer holds of what `rules` rely on, one message per module: a module that does not resolve, or one
 * that resolves to a path the rule's pattern no longer matches. Empty when every rule still finds its modules.
 */
export function brokenReliances(rules: readonly Rule[], siteDir: string): string[] {
  return rules.flatMap((rule) =>
    rule.reliesOn.flatMap((reliedOn) => {
      const resolved = resolveReliedOn(reliedOn, siteDir);
      if ('problem' in resolved) return [`bundle-shaping rule "${rule.name}": ${resolved.problem}.`];
      const pattern = 'pattern' in rule ? rule.pattern : undefined;
      if (reliedOn.matched && !pattern?.test(resolved.file)) {
        return [
          `bundle-shaping rule "${rule.name}": ${reliedOn.request} resolves to ${path.relative(siteDir, resolved.file)}, which ${pattern ?? 'no pattern'} does not match.`,
        ];
      }
      return [];
    }),
  );
}
