import {parse as parseYaml} from 'yaml';
import type {Yaml} from 'mdast';
import {positionOf} from '../../plan-model/parse';
import type {Check, Diagnostic} from '../types';

/**
 * What the parser reports while reading a plan: the codes are the parser's, the severities this
 * table's. A structure the parser cannot read is named here, never dropped silently.
 */
export const reading: Check = {
  name: 'reading',
  rules: [
    {
      code: 'frontmatter-invalid',
      severity: 'error',
      description: 'The front matter is valid YAML and a mapping of keys to values.',
      fix: 'Fix the YAML at the line shown (quotes, brackets, indentation).',
    },
    {
      code: 'day-heading-level',
      severity: 'error',
      description: 'Every "Day N" heading has the same level as the first day.',
      fix: 'Use the same number of # as the other days.',
    },
    {
      code: 'day-heading-invalid',
      severity: 'warning',
      description: 'Day headings read "Day N – Title".',
      fix: 'Add a title after a dash: "### Day 3 – Caching".',
    },
    {
      code: 'overview-table-missing',
      severity: 'warning',
      description: 'The Weekly Overview section holds a "| Day | Focus |" table.',
      fix: 'Add the table, one row per day.',
    },
    {
      code: 'overview-day-invalid',
      severity: 'warning',
      description: 'Each overview row starts with a day number.',
      fix: 'Write the day number in the first cell: "| 3 | Caching |".',
    },
    {code: 'blocks-missing', severity: 'error', description: 'A 4-Hour Plan lists numbered blocks.', fix: 'Add "- **Block 1 (Label – 60 min)**" items.'},
    {
      code: 'additions-missing',
      severity: 'warning',
      description: 'A 6-Hour Plan lists what it adds.',
      fix: 'Add "- Add:" with "**Practice (60 min)**" items under it.',
    },
    {
      code: 'block-label-invalid',
      severity: 'warning',
      description: 'Each top-level item of a 4-Hour Plan is a block, or follows one (it is then part of it).',
      fix: 'Start the item with "**Block N (Label – 60 min)**", or move it under the block it belongs to.',
    },
    {code: 'block-label-not-bold', severity: 'warning', description: 'Block labels are bold, like the seeds.', fix: 'Wrap the label in **…**.'},
    {
      code: 'duration-missing',
      severity: 'error',
      description: 'Every block and session names a duration the timer can use.',
      fix: 'Write it as "(Label – 60 min)", "(Label – 60–75 min)" or "Morning (6 hours)".',
    },
    {
      code: 'additions-intro-empty',
      severity: 'warning',
      description: 'An "Add:" line has its additions nested under it.',
      fix: 'Indent the additions under "- Add:" (two spaces), with no paragraph or fence between.',
    },
    {
      code: 'addition-label-not-bold',
      severity: 'warning',
      description: 'Addition labels are bold, like the seeds.',
      fix: 'Wrap the label and its duration in **…**.',
    },
    {
      code: 'addition-duration-missing',
      severity: 'warning',
      description: 'A 6-hour addition names its duration, so it gets a timer.',
      fix: 'Add the duration: "**Label (60 min)**" or "… (60 min)." at the end.',
    },
    {
      code: 'sessions-missing',
      severity: 'warning',
      description: 'An intensive day has Morning and Evening sections.',
      fix: 'Add "### Morning (6 hours)" and "### Evening (8 hours)".',
    },
  ],
  run({parsed, yaml}, report) {
    for (const diagnostic of parsed.diagnostics) {
      const located = diagnostic.code === 'frontmatter-invalid' && yaml ? locateYamlError(diagnostic, yaml) : diagnostic;
      report(located.code, located, located.message);
    }
  },
};

/** The parser places YAML errors on the `---` line; point at the offending line instead, as editors count it. */
function locateYamlError(diagnostic: Diagnostic, yaml: Yaml): Diagnostic {
  try {
    parseYaml(yaml.value);
  } catch (error) {
    const detected = (error as {linePos?: {line: number; col: number}[]}).linePos?.[0];
    // An unclosed quote or bracket is only noticed lines later; the line that opened it is the one to fix.
    const opener = unclosedLine(yaml.value, error instanceof Error ? error.message : '');
    const at = opener ?? detected;
    if (at) {
      const reason = (error instanceof Error ? error.message : '').split('\n')[0]!.replace(/\s*at line \d+, column \d+:?\s*$/, '');
      return {...diagnostic, line: positionOf(yaml).line + at.line, column: at.col, message: `Front matter is not valid YAML: ${reason}`};
    }
  }
  return diagnostic;
}

/** First line (1-based, within the YAML) whose quotes or brackets do not balance, when the error is about one. */
function unclosedLine(yamlText: string, message: string): {line: number; col: number} | null {
  const quotes: [string, string][] = [
    ['"', '"'],
    ["'", "'"],
  ];
  const brackets: [string, string][] = [
    ['[', ']'],
    ['{', '}'],
  ];
  const pairs = /quote/i.test(message) ? quotes : /end with a [\]}]/.test(message) ? brackets : [];
  for (const [index, line] of yamlText.split('\n').entries()) {
    for (const [open, close] of pairs) {
      const opens = line.split(open).length - 1;
      const closes = open === close ? 0 : line.split(close).length - 1;
      const unbalanced = open === close ? opens % 2 === 1 : opens > closes;
      if (unbalanced) return {line: index + 1, col: line.indexOf(open) + 1};
    }
  }
  return null;
}
