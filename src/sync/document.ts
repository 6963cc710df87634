/**
 * The one file sync keeps in the learner's gist: its name, its envelope, and what makes its content acceptable.
 */
import {isRecord} from '@site/src/lib/isRecord';

/** Named so a person looking at their gists recognises it. */
export const SYNC_FILE_NAME = 'go-study-plans-progress.json';

/** The gist's description on github.com. */
export const SYNC_GIST_DESCRIPTION = 'Go Study Plans: my progress, synced between my devices (written by the site)';

/** Marks the envelope as this site's, so another JSON file in a gist of that name is refused. */
export const SYNC_APP = 'go-study-plans-sync';

/**
 * GitHub returns a gist file's content inline up to 1 MB and marks a larger one `truncated`. A record is a few tens
 * of KB; anything near the limit is not ours, and its full text (on another host) is never fetched.
 */
export const MAX_SYNC_FILE_BYTES = 1024 * 1024;

/** What the gist file holds. */
export interface SyncEnvelope {
  app: typeof SYNC_APP;
  format: number;
  doc: unknown;
}

/** Why the gist's file cannot be merged. */
export type EnvelopeProblem = {kind: 'not-ours'} | {kind: 'too-large'} | {kind: 'newer-format'; format: number} | {kind: 'invalid'; reason: string};

/** The file's text for a snapshot. */
export function encodeEnvelope(format: number, doc: unknown): string {
  const envelope: SyncEnvelope = {app: SYNC_APP, format, doc};
  return JSON.stringify(envelope);
}

/** Reads the file's text; `readsUpTo` is the newest format this device understands. */
export function decodeEnvelope(text: string, readsUpTo: number): {ok: true; envelope: SyncEnvelope} | {ok: false; problem: EnvelopeProblem} {
  if (new TextEncoder().encode(text).length > MAX_SYNC_FILE_BYTES) return {ok: false, problem: {kind: 'too-large'}};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {ok: false, problem: {kind: 'invalid', reason: 'it is not valid JSON'}};
  }
  if (!isRecord(data) || data.app !== SYNC_APP) return {ok: false, problem: {kind: 'not-ours'}};
  if (typeof data.format !== 'number' || !Number.isInteger(data.format) || data.format < 1) {
    return {ok: false, problem: {kind: 'invalid', reason: 'it has no valid format number'}};
  }
  if (data.format > readsUpTo) return {ok: false, problem: {kind: 'newer-format', format: data.format}};
  if (!('doc' in data)) return {ok: false, problem: {kind: 'invalid', reason: 'it holds no progress'}};
  return {ok: true, envelope: {app: SYNC_APP, format: data.format, doc: data.doc}};
}

/** JSON with object keys sorted: two documents with the same content compare equal whatever order their keys came in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
