import type {Diagnostic, RuleDefinition} from '../types';

/**
 * No real plan comes near this: the seeded weeks are 8–12 KB, the 14-day plan about 20 KB. The
 * Markdown parser's time grows with the square of a long run of lists, so a far larger file would
 * stall validation and the build instead of getting an answer.
 */
export const MAX_PLAN_BYTES = 256 * 1024;

/** Problems found before the text is parsed at all: size, encoding, readability. */
export const boundsRules: readonly RuleDefinition[] = [
  {
    code: 'file-too-large',
    severity: 'error',
    description: `A plan file is at most ${MAX_PLAN_BYTES / 1024} KB.`,
    fix: 'Split the plan into weeks, one file each.',
  },
  {code: 'encoding-invalid', severity: 'error', description: 'A page is UTF-8 text.', fix: 'Save the file as UTF-8 in your editor.'},
  {
    code: 'file-unreadable',
    severity: 'error',
    description: 'Every file under docs/ can be read.',
    fix: 'Check the file exists and is readable (a dangling link is reported too).',
  },
];

const error = (code: string, line: number, column: number, message: string): Diagnostic => ({severity: 'error', code, message, line, column});

/** An error for a file too large to parse safely, naming its size; null when it is within bounds. */
export function checkSize(byteLength: number): Diagnostic | null {
  if (byteLength <= MAX_PLAN_BYTES) return null;
  const size = byteLength >= 1024 * 1024 ? `${(byteLength / (1024 * 1024)).toFixed(1)} MB` : `${Math.round(byteLength / 1024)} KB`;
  return error(
    'file-too-large',
    1,
    1,
    `This file is ${size}; a page is at most ${MAX_PLAN_BYTES / 1024} KB (the largest plan today is about 20 KB). Split it into one file per week; it was not parsed.`,
  );
}

const fatalDecoder = new TextDecoder('utf-8', {fatal: true});

/** Decodes a file's bytes, or names the line and column of the first byte that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): {ok: true; source: string} | {ok: false; diagnostic: Diagnostic} {
  try {
    return {ok: true, source: fatalDecoder.decode(bytes).replace(/^\uFEFF/, '')};
  } catch {
    let lineStart = 0;
    for (let line = 1; lineStart <= bytes.length; line += 1) {
      const newline = bytes.indexOf(0x0a, lineStart);
      const lineBytes = bytes.subarray(lineStart, newline === -1 ? bytes.length : newline);
      if (!decodes(lineBytes)) {
        // The lenient decoder marks the first bad byte with U+FFFD: its place in the line is the column.
        const column = [...new TextDecoder().decode(lineBytes)].indexOf('\uFFFD') + 1;
        return {
          ok: false,
          diagnostic: error(
            'encoding-invalid',
            line,
            Math.max(1, column),
            'This line holds bytes that are not UTF-8 text; save the file as UTF-8 (it was not parsed).',
          ),
        };
      }
      if (newline === -1) break;
      lineStart = newline + 1;
    }
    // A sequence cut off across a line break: the file as a whole is still not UTF-8.
    return {ok: false, diagnostic: error('encoding-invalid', 1, 1, 'The file is not UTF-8 text; save it as UTF-8 (it was not parsed).')};
  }
}

function decodes(bytes: Uint8Array): boolean {
  try {
    fatalDecoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
