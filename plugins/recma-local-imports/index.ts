import type {Identifier, ImportDeclaration, Program, Statement, VariableDeclaration} from 'estree';

/** Prefix of the name an import is bound under once a local constant takes its name. */
const IMPORTED_PREFIX = '__imported_';

/**
 * Gives each named or default import of a compiled MDX page a local constant of the same name.
 *
 * Why: the bundler keeps a dependency record for every use of an imported binding, and an MDX page uses
 * `jsx()` and its components hundreds of times (a plan page about 400). Each record repeats the page
 * module's identifier and is held in memory and in the persistent cache for the whole build. A local
 * constant is read once from the import, and every use after it is a plain variable.
 */
export default function recmaLocalImports() {
  return (tree: Program): void => {
    const aliases: VariableDeclaration[] = [];
    for (const node of tree.body) {
      if (node.type !== 'ImportDeclaration') continue;
      for (const specifier of (node as ImportDeclaration).specifiers) {
        if (specifier.type === 'ImportNamespaceSpecifier') continue;
        const local: Identifier = {type: 'Identifier', name: specifier.local.name};
        specifier.local = {type: 'Identifier', name: `${IMPORTED_PREFIX}${local.name}`};
        aliases.push({
          type: 'VariableDeclaration',
          kind: 'const',
          declarations: [{type: 'VariableDeclarator', id: local, init: {type: 'Identifier', name: specifier.local.name}}],
        });
      }
    }
    // Before the first statement that is not an import: imports are hoisted, so the constants exist before any code reads them.
    const firstCode = tree.body.findIndex((node) => node.type !== 'ImportDeclaration');
    tree.body.splice(firstCode === -1 ? tree.body.length : firstCode, 0, ...(aliases as Statement[]));
  };
}
