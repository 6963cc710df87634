import {MAX_PLAN_BYTES, checkSize} from '../plan-validator/rules/bounds';

/**
 * Markdown too large to parse safely is replaced by a short notice naming its size, so neither the
 * build nor the preview stalls on it; the plan-data plugin reports the same file as an error.
 */
export function guardFileSize(filePath: string, fileContent: string): string {
  const problem = checkSize(Buffer.byteLength(fileContent, 'utf8'));
  if (!problem) return fileContent;
  return `:::danger[File too large]\n\n${filePath.split(/[\\/]/).pop()}: ${problem.message} (limit: ${MAX_PLAN_BYTES / 1024} KB)\n\n:::\n`;
}
