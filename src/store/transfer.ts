/**
 * "Move my progress": everything an export file holds (ticks, notes, "review later" marks, followed plans, paused
 * timers, the time log, set-aside records, with the stamps of the items they were made on) and the 4h/6h choice in a
 * link's fragment (after `#`, which browsers never send to a server), compressed with the browser's own deflate and
 * written as base64url. Opening the link merges by the import rules (src/store/exchange.ts), after the reader confirms.
 */
import {parseVariant, type PlanVariant} from '@site/plugins/plan-model/ids';
import {type Progress} from './progress';
import {
  EXPORT_APP,
  EXPORT_VERSION,
  exportProgress,
  importProgress,
  type ExportExtras,
  type ImportResult,
  type KnownItems,
  type ProgressExport,
} from './exchange';
import {TRANSFER_PARAM} from '@site/src/lib/transferFragment';

export {isTransferFragment} from '@site/src/lib/transferFragment';
/**
 * Format of the link's data; a link with a higher number comes from a newer site and is refused.
 * 2 added `review`; 3 added `stamps` (as export format 4), so records follow their items when the plans changed
 * between making the link and opening it; 4 carries all an export file of format 5 does (notes, followed plans,
 * paused timers, the time log, set-aside records). Format 4 links also carry `versions` (export format 6), so removals
 * and corrections travel: the number stays, as a site that reads format 4 but not versions still merges such a link
 * safely by the union rule, and links already shared keep opening. Links of formats 1 to 3 still open.
 */
export const TRANSFER_FORMAT = 4;

/**
 * The longest link this site makes. Browsers take far longer addresses (Chromium 2 MB), but Safari's address bar,
 * mail and chat apps cut or refuse long ones somewhere past 64,000 characters, and a link cut off is refused as
 * damaged on the other device. A link that would be longer is not made: the reader is told to move a file instead.
 * Ticks, marks and a time log compress well; this fits a whole 16-week guide with notes of several pages.
 */
export const MAX_LINK_LENGTH = 60_000;

/** What a link holds: an export file's content without its envelope, and the 4h/6h choice. */
interface TransferPayload extends Partial<Omit<ProgressExport, 'app' | 'version' | 'exportedAt'>> {
  app: typeof EXPORT_APP;
  variant: PlanVariant | null;
  progress: Progress;
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
  const output = new Response(bytes as BodyInit).body!.pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

/** The fragment (`move=4.…`, without `#`) carrying what an export file of `progress` and `extras` would, and this choice. */
export async function encodeTransfer(progress: Progress, variant: PlanVariant | null, extras: ExportExtras = {}, now = Date.now()): Promise<string> {
  const {app: _app, version: _version, exportedAt: _exportedAt, ...content} = exportProgress(progress, new Date(now), extras);
  const payload: TransferPayload = {app: EXPORT_APP, variant, ...content};
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
  const {variant, progress, ...rest} = data as TransferPayload;
  if (typeof progress !== 'object' || progress === null || Array.isArray(progress)) return {ok: false, error: DAMAGED};
  // Everything else is checked entry by entry by the import, as a file's is; what an older link lacks is absent.
  const exportText = JSON.stringify({...rest, app: EXPORT_APP, version: EXPORT_VERSION, exportedAt: '', progress});
  return {ok: true, offer: {variant: parseVariant(variant), exportText}};
}

/** What confirming would do: the merge as an import's (`withImport` applies it), and whether the 4h/6h choice changes. */
export type TransferPreview = (Extract<ImportResult, {ok: true}> & {variant: PlanVariant | null; variantChanges: boolean}) | {ok: false; error: string};

/**
 * Merges an offer into the current state by the import rules: never unticks or unmarks, the earliest tick time
 * wins, the review schedule reviewed last wins, unknown items are kept.
 */
export function previewTransfer(
  offer: TransferOffer,
  current: Progress,
  currentVariant: PlanVariant | null,
  known?: KnownItems,
  here: ExportExtras = {},
  now = Date.now(),
): TransferPreview {
  const result = importProgress(offer.exportText, current, known, here, now);
  if (!result.ok) return result;
  const variant = offer.variant ?? currentVariant;
  return {...result, variant, variantChanges: variant !== currentVariant};
}

/** The message shown instead of a link too long to make (see `MAX_LINK_LENGTH`); null when the link is fine. */
export function linkTooLong(link: string): string | null {
  if (link.length <= MAX_LINK_LENGTH) return null;
  return `Your progress is too much for a link: it would be ${link.length.toLocaleString('en')} characters long, and links longer than ${MAX_LINK_LENGTH.toLocaleString('en')} get cut off when they are sent, which would lose part of it. No link was made. Use "Export progress" here and "Import progress" on the other device: the file carries everything.`;
}
