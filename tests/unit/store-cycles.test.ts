import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';

const storeDir = path.join(import.meta.dirname, '../../src/store');

/** The store's modules and the other store modules each imports at run time (`import type` carries nothing). */
function storeImportGraph(): Map<string, string[]> {
  const modules = readdirSync(storeDir).filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$|testkit/.test(file));
  const graph = new Map<string, string[]>();
  for (const file of modules) {
    const source = readFileSync(path.join(storeDir, file), 'utf8');
    const targets = [...source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'\.\/([^']+)'/gms)].map((match) => {
      const name = match[1]!;
      return modules.find((candidate) => candidate.replace(/\.tsx?$/, '') === name) ?? name;
    });
    graph.set(file, targets);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, as `a.ts → b.ts → a.ts`. */
function cycles(graph: Map<string, string[]>): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const walk = (node: string, trail: string[]) => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      found.push([...trail.slice(trail.indexOf(node)), node].join(' → '));
      return;
    }
    state.set(node, 'open');
    for (const next of graph.get(node) ?? []) walk(next, [...trail, node]);
    state.set(node, 'done');
  };
  for (const node of graph.keys()) walk(node, []);
  return found;
}

describe('the store’s modules', () => {
  it('import each other without a cycle', () => {
    expect(cycles(storeImportGraph())).toEqual([]);
  });

  it('the check finds a cycle when there is one', () => {
    expect(
      cycles(
        new Map([
          ['schema.ts', ['timers.ts']],
          ['timers.ts', ['schema.ts']],
        ]),
      ),
    ).toEqual(['schema.ts → timers.ts → schema.ts']);
  });
});
