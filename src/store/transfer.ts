/**
 * "Move my progress": all ticks, "review later" marks (with the stamps of the items they were made on) and the 4h/6h choice in a link's fragment (after `#`, which browsers never send
 * to a server), compressed with the browser's own deflate and written as base64url. Opening the link merges by
 * the import rules (src/store/progress.ts), after the reader confirms.
 */
import {parseVariant, type PlanVariant} from '@site/plugins/plan-model/ids';
import {EXPORT_APP, EXPORT_VERSION, importProgress, type ImportReport, type KnownItems, type Progress} from './progress';
import {stampsOfRecords, type DetachedRecord, type StampMap} from './records';
import type {ReviewMap} from './review';
import {TRANSFER_PARAM} from './transferFragment';

export {isTransferFragment} from './transferFragment';
/**
 * Format of the link's data; a link with a higher number comes from a newer site and is refused.
 * 2 added `review`; 3 added `stamps` (as export format 4), so records follow their items when the plans changed
 * between making the link and opening it. Links of formats 1 and 2 still open.
 */
export const TRANSFER_FORMAT = 3;

interface TransferPayload {
  app: typeof EXPORT_APP;
  variant: PlanVariant | null;
  progress: Progress;
  review?: ReviewMap;
  stamps?: StampMap;
}

/** What a link holds, read and checked; nothing is merged yet. */
export interface TransferOffer {
  variant: PlanVariant | null;
  /** The link's ticks and review marks as an export file's text, so the merge is the import's own. */
  exportText: string;
}

export type TransferRead = {ok: true; offer: TransferOffer} | {ok: false; error: string};

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

/** The fragment (`move=3.…`, without `#`) carrying these ticks, review marks, the stamps of their items and this choice. */
export async function encodeTransfer(progress: Progress, variant: PlanVariant | null, review: ReviewMap = {}, stamps: StampMap = {}): Promise<string> {
  const payload: TransferPayload = {app: EXPORT_APP, variant, progress, review, stamps: stampsOfRecords(stamps, progress, review)};
  const compressed = await pipe(new TextEncoder().encode(JSON.stringify(payload)), new CompressionStream('deflate-raw'));
  return `${TRANSFER_PARAM}=${TRANSFER_FORMAT}.${toBase64Url(compressed)}`;
}

const DAMAGED =
  'This progress link is damaged or incomplete (perhaps cut off when it was copied). Nothing was changed. Create the link again on the other device and copy all of it.';

/** Reads a link's fragment; a damaged, cut-off or newer link gives a reason and no data. */
export async function readTransfer(fragment: string): Promise<TransferRead> {
  const match = new RegExp(String.raw`^#?${TRANSFER_PARAM}=(\d+)\.([\s\S]*)$`).exec(fragment);
  if (!match) return {ok: false, error: DAMAGED};
  const format = Number(match[1]);
  if (format > TRANSFER_FORMAT) {
    return {
      ok: false,
      error: `This link was made by a newer version of this site (format ${format}; this site reads up to ${TRANSFER_FORMAT}). Nothing was changed. Reload this page to get the latest site, then open the link again.`,
    };
  }
  const bytes = fromBase64Url(match[2]!);
  if (format < 1 || !bytes || bytes.length === 0) return {ok: false, error: DAMAGED};
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(await pipe(bytes, new DecompressionStream('deflate-raw'))));
  } catch {
    return {ok: false, error: DAMAGED};
  }
  if (typeof data !== 'object' || data === null || (data as TransferPayload).app !== EXPORT_APP) return {ok: false, error: DAMAGED};
  const {variant, progress, review, stamps} = data as TransferPayload;
  if (typeof progress !== 'object' || progress === null || Array.isArray(progress)) return {ok: false, error: DAMAGED};
  // Review marks and stamps are checked entry by entry by the import, as a file's are.
  const exportText = JSON.stringify({app: EXPORT_APP, version: EXPORT_VERSION, exportedAt: '', progress, review: review ?? {}, stamps: stamps ?? {}});
  return {ok: true, offer: {variant: parseVariant(variant), exportText}};
}

/** What confirming would do: the merged ticks, review marks and stamps, what they add, and whether the 4h/6h choice changes. */
export type TransferPreview =
  | {
      ok: true;
      progress: Progress;
      review: ReviewMap;
      stamps: StampMap;
      detached: DetachedRecord[];
      report: ImportReport;
      variant: PlanVariant | null;
      variantChanges: boolean;
    }
  | {ok: false; error: string};

/**
 * Merges an offer into the current state by the import rules: never unticks or unmarks, the earliest tick time
 * wins, the review schedule reviewed last wins, unknown items are kept.
 */
export function previewTransfer(
  offer: TransferOffer,
  current: Progress,
  currentVariant: PlanVariant | null,
  known?: KnownItems,
  currentReview: ReviewMap = {},
  currentStamps: StampMap = {},
  now = Date.now(),
): TransferPreview {
  const result = importProgress(offer.exportText, current, known, {review: currentReview, stamps: currentStamps}, now);
  if (!result.ok) return result;
  const variant = offer.variant ?? currentVariant;
  return {
    ok: true,
    progress: result.progress,
    review: result.review,
    stamps: result.stamps,
    detached: result.detached,
    report: result.report,
    variant,
    variantChanges: variant !== currentVariant,
  };
}
