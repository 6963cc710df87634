import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {compile} from '@mdx-js/mdx';
import {createElement, type ComponentType} from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
import {afterAll, describe, expect, it} from 'vitest';
import recmaLocalImports from './index';

const require = createRequire(import.meta.url);
const reactUrl = (specifier: string) => pathToFileURL(require.resolve(specifier)).href;

/**
 * An MDX page with a default and a renamed named import, and an export that renders as the module loads, placed
 * between the imports as the plan pages' generated export is.
 */
const page = `import Badge from './components.mjs';

export const banner = <Badge label="exported" />;

import {Note as Aside} from './components.mjs';

# Week 20

<Badge label="one" /> and <Aside>two *words*</Aside>

- <Badge label="three" />
- plain **text** [link](/weeks)
`;

const components = `import {createElement} from ${JSON.stringify(reactUrl('react'))};
export default function Badge({label}) { return createElement('b', {className: 'badge'}, label); }
export function Note({children}) { return createElement('aside', null, children); }
`;

const dir = mkdtempSync(path.join(os.tmpdir(), 'recma-local-imports-'));
writeFileSync(path.join(dir, 'components.mjs'), components);
afterAll(() => rmSync(dir, {recursive: true, force: true}));

async function compiled(withPlugin: boolean): Promise<string> {
  const file = await compile(page, {recmaPlugins: withPlugin ? [recmaLocalImports] : []});
  return String(file).replaceAll('"react/jsx-runtime"', JSON.stringify(reactUrl('react/jsx-runtime')));
}

/** Writes the compiled page beside its components and runs it as the bundle would: a module, evaluated once. */
async function load(code: string, name: string): Promise<{default: ComponentType; banner: unknown}> {
  const file = path.join(dir, `${name}.mjs`);
  writeFileSync(file, code);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as {default: ComponentType; banner: unknown};
}

describe('recma-local-imports', () => {
  it('renders the page exactly as without it, exports included', async () => {
    const before = await load(await compiled(false), 'before');
    const after = await load(await compiled(true), 'after');
    const html = renderToStaticMarkup(createElement(after.default));
    expect(html).toBe(renderToStaticMarkup(createElement(before.default)));
    expect(html).toContain('<b class="badge">one</b> and <aside>two <em>words</em></aside>');
    expect(renderToStaticMarkup(after.banner as never)).toBe('<b class="badge">exported</b>');
  });

  it('leaves each imported binding read once, by the constant that takes its name', async () => {
    const code = await compiled(true);
    const imports = code.match(/^import .*$/gm)!.join('\n');
    const imported = imports.match(/__imported_\w+/g)!;
    expect(imported).toEqual(expect.arrayContaining(['__imported__jsx', '__imported_Badge', '__imported_Aside']));
    for (const name of imported) {
      expect(code.match(new RegExp(`\\b${name}\\b`, 'g')), name).toHaveLength(2);
      expect(code).toContain(`const ${name.slice('__imported_'.length)} = ${name};`);
    }
    // Without it, every element's jsx() call is a use of the import.
    expect((await compiled(false)).match(/\b_jsxs?\(/g)!.length).toBeGreaterThan(5);
  });
});
