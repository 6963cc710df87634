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
