import {execFileSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';

/**
 * Number of pages in a PDF Chromium wrote. Its page objects are plain dictionaries
 * (`/Type /Page`), and the page tree's root states the same number as `/Count`;
 * both are read so a change in how Chromium writes PDFs fails loudly instead of miscounting.
 */
export function pdfPageCount(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((match) =>
    Number(match[1] ?? match[2]),
  );
  const total = counts.length > 0 ? Math.max(...counts) : undefined;
  if (pages === 0 || (total !== undefined && total !== pages)) {
    throw new Error(`Cannot count the pages of this PDF: ${pages} page objects, page tree count ${total ?? 'missing'}.`);
  }
  return pages;
}

/**
 * The text a PDF puts on paper, as poppler's `pdftotext` extracts it, with runs of white space made one space.
 * The PDF is written to `file` first (a path under the test's output folder), which also keeps it for a look after a failure.
 */
export function pdfText(pdf: Buffer, file: string): string {
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {encoding: 'utf8'}).replace(/\s+/g, ' ');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error('pdftotext was not found: install poppler-utils (`apt-get install poppler-utils`, `brew install poppler`).');
    }
    throw error;
  }
}
