import {readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(__dirname, '../..');
/** The folders whose every top-level folder the README's map must name. */
const MAPPED_ROOTS = ['src', 'plugins'];

/**
 * The folders a README's "Folder map" names: a line starting at the margin with `name/` is a top-level folder, and
 * an indented `name/` under it is one of its folders (`src/store/`). Lines that continue a description name none.
 */
function foldersInMap(readme: string): string[] {
  const section = readme.split(/^## Folder map$/m)[1];
  const block = section?.match(/```\n([\s\S]*?)```/)?.[1];
  if (!block) throw new Error('README.md has no "## Folder map" section with a code block');
  const folders: string[] = [];
  let parent = '';
  for (const line of block.split('\n')) {
    const entry = line.match(/^( *)([\w.-]+)\/(?:\s|$)/);
    if (!entry) continue;
    const [, indent, name] = entry;
    if (indent === '') {
      parent = name!;
      folders.push(`${name}/`);
    } else {
      folders.push(`${parent}/${name}/`);
    }
  }
  return folders;
}

/** The folders directly under each mapped root, as the map writes them (`src/store/`). */
function foldersOnDisk(): string[] {
  return MAPPED_ROOTS.flatMap((root) =>
    readdirSync(path.join(repoRoot, root), {withFileTypes: true})
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${root}/${entry.name}/`),
  );
}

describe("the README's folder map", () => {
  const mapped = foldersInMap(readFileSync(path.join(repoRoot, 'README.md'), 'utf8'));

  it('names every folder directly under src/ and plugins/', () => {
    const missing = foldersOnDisk().filter((folder) => !mapped.includes(folder));
    expect(missing, `add these to the map in README.md: ${missing.join(', ')}`).toEqual([]);
  });

  it('names no folder that does not exist', () => {
    const absent = mapped.filter((folder) => {
      try {
        readdirSync(path.join(repoRoot, folder));
        return false;
      } catch {
        return true;
      }
    });
    expect(absent, `remove or correct these in the map in README.md: ${absent.join(', ')}`).toEqual([]);
  });

  it('reads nested folders under their parent, and a missing map as an error', () => {
    const map = '## Folder map\n\n```\nsrc/         browser\n  store/     the store\n             more words/ here\nbench/\n```\n';
    expect(foldersInMap(map)).toEqual(['src/', 'src/store/', 'bench/']);
    expect(() => foldersInMap('# No map here\n')).toThrow('no "## Folder map" section');
  });
});
