import type {Yaml} from 'mdast';
import {positionOf} from '../../plan-model/parse';
import {isPlanLocation, trackLabel, type DocLocation} from '../../plan-model/location';
import {START, type Check, type SourcePosition} from '../types';

/** Where a plan file sits and what its front matter says. */
export const frontMatter: Check = {
  name: 'front matter and location',
  rules: [
    {
      code: 'plan-extension',
      severity: 'error',
      description: 'Plan files are .md (plain Markdown).',
      fix: 'Rename the file to .md: an .mdx file can import and run code.',
    },
    {
      code: 'plan-location',
      severity: 'error',
      description: 'A plan sits where the site recognises it: `weeks/week-NN/<track>.md` or `intensive/<name>.md`.',
      fix: 'Move the file (two-digit week, lowercase track name).',
    },
    {
      code: 'frontmatter-missing',
      severity: 'warning',
      description: 'A plan starts with front matter.',
      fix: 'Add a `---` block with id, title, sidebar_label and sidebar_position.',
    },
    {
      code: 'frontmatter-field-missing',
      severity: 'warning',
      description: 'The front matter has id, title, sidebar_label and sidebar_position.',
      fix: 'Add the field the message names.',
    },
    {
      code: 'frontmatter-field-invalid',
      severity: 'error',
      description: 'Front matter fields have the type Docusaurus requires (text, or a number for sidebar_position).',
      fix: 'Write the value as the message says.',
    },
    {code: 'frontmatter-mdx', severity: 'error', description: 'A plan never switches itself to MDX.', fix: 'Remove "mdx" or "format" from the front matter.'},
    {
      code: 'frontmatter-id',
      severity: 'warning',
      description: "The front matter id equals the file name, so the page's address matches its file.",
      fix: 'Set id to the file name without .md.',
    },
  ],
  run({docPath, location, yaml, frontMatter: data, parsed}, report) {
    const isPlanFolder = /^(weeks|intensive)\//.test(docPath);
    if (/\.mdx$/i.test(docPath) && (isPlanLocation(location) || isPlanFolder)) {
      report('plan-extension', START, 'Plan files must be .md (plain Markdown): an .mdx file can import and run code.');
    } else if (location.kind === 'misplaced') {
      report('plan-location', START, location.reason);
    }
    if (!isPlanLocation(location)) return;
    if (!yaml) {
      report('frontmatter-missing', START, 'Front matter is missing: start the file with a --- block holding id, title, sidebar_label and sidebar_position.');
      return;
    }
    if (parsed.diagnostics.some((diagnostic) => diagnostic.code === 'frontmatter-invalid')) return;
    const examples = exampleValues(location);
    for (const key of ['id', 'title', 'sidebar_label'] as const) {
      const value = data[key];
      if (value === undefined || value === null) {
        report('frontmatter-field-missing', positionOf(yaml), `Front matter has no "${key}"; add e.g. "${key}: ${examples[key]}".`);
      } else if (typeof value !== 'string' || value.trim() === '') {
        report('frontmatter-field-invalid', keyPosition(yaml, key), `Front matter "${key}" must be non-empty text.`);
      }
    }
    const position = data.sidebar_position;
    if (position === undefined || position === null) {
      report(
        'frontmatter-field-missing',
        positionOf(yaml),
        `Front matter has no "sidebar_position"; add e.g. "sidebar_position: ${examples.sidebar_position}".`,
      );
    } else if (typeof position !== 'number' || !Number.isFinite(position)) {
      report(
        'frontmatter-field-invalid',
        keyPosition(yaml, 'sidebar_position'),
        `Front matter "sidebar_position" must be a number, found "${String(position)}".`,
      );
    }
    for (const key of ['mdx', 'format'] as const) {
      if (data[key] !== undefined) {
        report(
          'frontmatter-mdx',
          keyPosition(yaml, key),
          `Front matter "${key}" is not allowed in a plan: plans stay plain Markdown, which cannot import or run code.`,
        );
      }
    }
    const expected = location.kind === 'weekly' ? location.track : location.name;
    if (typeof data.id === 'string' && data.id.trim() !== '' && data.id !== expected) {
      report(
        'frontmatter-id',
        keyPosition(yaml, 'id'),
        `Front matter id is "${data.id}" but the file is ${expected}.md: write "id: ${expected}" so the page's address matches its file.`,
      );
    }
  },
};

function exampleValues(location: Extract<DocLocation, {kind: 'weekly' | 'intensive'}>): Record<'id' | 'title' | 'sidebar_label' | 'sidebar_position', string> {
  if (location.kind === 'weekly') {
    return {id: location.track, title: `${trackLabel(location.track)} Track`, sidebar_label: trackLabel(location.track), sidebar_position: '2'};
  }
  return {id: location.name, title: 'My Plan', sidebar_label: 'My Plan', sidebar_position: '2'};
}

/** Line of `key:` inside the front matter block, or the block's opening `---`. */
function keyPosition(yaml: Yaml, key: string): SourcePosition {
  const start = positionOf(yaml);
  const index = yaml.value.split('\n').findIndex((line) => new RegExp(`^${key}\\s*:`).test(line));
  return index === -1 ? start : {line: start.line + 1 + index, column: 1};
}
