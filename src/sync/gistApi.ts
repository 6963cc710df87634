/**
 * The few calls sync makes to GitHub's REST API for gists. The token goes in the `Authorization` header of requests
 * to the API's own address and nowhere else: every URL here is built from the configured base, a `raw_url` in a
 * response is never followed, and no failure carries a message the server or the request wrote.
 */
import {SYNC_FILE_NAME} from './document';
import {isRecord} from '@site/src/lib/isRecord';

/** Why a call failed, in terms the engine acts on. */
export type ApiFailure =
  /** GitHub does not accept the token (revoked, expired, mistyped). */
  | {kind: 'unauthorized'}
  /** A rate limit is reached; `resetAt` (ms since the epoch) is when GitHub says it lifts, if it said. */
  | {kind: 'rate-limited'; resetAt: number | null}
  /** The token may not do this (a fine-grained token without the Gists permission). */
  | {kind: 'forbidden'}
  | {kind: 'not-found'}
  /** No answer at all: offline, DNS, a blocked request. */
  | {kind: 'unreachable'}
  | {kind: 'server'; status: number};

export type ApiResult<T> = {ok: true; value: T} | {ok: false; failure: ApiFailure};

/** The sync file of a gist, as a read returned it. */
export interface GistFile {
  /** The text GitHub returned inline (part of it when `truncated`). */
  content: string;
  size: number;
  truncated: boolean;
}

export type GistRead = {notModified: true} | {notModified: false; etag: string | null; file: GistFile | null};

export interface GistApiOptions {
  /** The API's address, e.g. https://api.github.com (GIST_API_URL at build time). */
  baseUrl: string;
  token: string;
  fetch: typeof fetch;
  /** Milliseconds since the epoch, to turn `Retry-After` into a time. */
  now: () => number;
}

/** Lists are read 100 gists a page; a learner with more than this many pages of gists is searched no further. */
const MAX_LIST_PAGES = 10;

/** The `X-OAuth-Scopes` header as a list; null when absent (a fine-grained token sends none). */
export function scopesOf(response: Response): string[] | null {
  const header = response.headers.get('x-oauth-scopes');
  if (header === null) return null;
  return header
    .split(',')
    .map((scope) => scope.trim())
    .filter(Boolean);
}

function failureOf(response: Response, now: number): ApiFailure {
  if (response.status === 401) return {kind: 'unauthorized'};
  const retryAfter = Number(response.headers.get('retry-after'));
  const reset = Number(response.headers.get('x-ratelimit-reset'));
  const exhausted = response.headers.get('x-ratelimit-remaining') === '0';
  if (response.status === 429 || (response.status === 403 && (exhausted || response.headers.has('retry-after')))) {
    const resetAt = retryAfter > 0 ? now + retryAfter * 1000 : reset > 0 ? reset * 1000 : null;
    return {kind: 'rate-limited', resetAt};
  }
  if (response.status === 403) return {kind: 'forbidden'};
  if (response.status === 404) return {kind: 'not-found'};
  return {kind: 'server', status: response.status};
}

/** A client for one token. */
export class GistApi {
  private readonly base: string;

  constructor(private readonly options: GistApiOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
  }

  private async request(
    path: string,
    init: {method?: string; body?: unknown; etag?: string | null} = {},
  ): Promise<{ok: true; response: Response} | {ok: false; failure: ApiFailure}> {
    const headers: Record<string, string> = {
      Accept: 'application/vnd.github+json',
      Authorization: `Bearer ${this.options.token}`,
      'X-GitHub-Api-Version': '2022-11-28',
    };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    // Sent by hand, with the HTTP cache out of the way: the browser would otherwise answer from a stale copy, and an
    // unchanged gist costs one 304, which GitHub does not count against the rate limit.
    if (init.etag) headers['If-None-Match'] = init.etag;
    let response: Response;
    try {
      response = await this.options.fetch(`${this.base}${path}`, {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        cache: 'no-store',
        credentials: 'omit',
        redirect: 'error',
        referrerPolicy: 'no-referrer',
      });
    } catch {
      return {ok: false, failure: {kind: 'unreachable'}};
    }
    if (response.status === 304 || response.ok) return {ok: true, response};
    return {ok: false, failure: failureOf(response, this.options.now())};
  }

  private static async bodyOf(response: Response): Promise<unknown> {
    try {
      return await response.json();
    } catch {
      return null;
    }
  }

  /** The learner's gists holding the sync file, newest first, and the token's classic scopes (null if fine-grained). */
  async findSyncGists(): Promise<ApiResult<{ids: string[]; scopes: string[] | null}>> {
    const ids: string[] = [];
    let scopes: string[] | null = null;
    for (let page = 1; page <= MAX_LIST_PAGES; page++) {
      const result = await this.request(`/gists?per_page=100&page=${page}`);
      if (!result.ok) return result;
      if (page === 1) scopes = scopesOf(result.response);
      const body = await GistApi.bodyOf(result.response);
      if (!Array.isArray(body)) return {ok: false, failure: {kind: 'server', status: result.response.status}};
      for (const gist of body) {
        if (isRecord(gist) && typeof gist.id === 'string' && isRecord(gist.files) && SYNC_FILE_NAME in gist.files) ids.push(gist.id);
      }
      if (body.length < 100) break;
    }
    return {ok: true, value: {ids, scopes}};
  }

  /** Reads a gist; with the ETag of the last read, an unchanged gist answers `notModified`. */
  async readGist(id: string, etag: string | null): Promise<ApiResult<GistRead>> {
    const result = await this.request(`/gists/${encodeURIComponent(id)}`, {etag});
    if (!result.ok) return result;
    if (result.response.status === 304) return {ok: true, value: {notModified: true}};
    const body = await GistApi.bodyOf(result.response);
    const file = isRecord(body) && isRecord(body.files) ? body.files[SYNC_FILE_NAME] : undefined;
    const read: GistFile | null = isRecord(file)
      ? {
          content: typeof file.content === 'string' ? file.content : '',
          size: typeof file.size === 'number' ? file.size : 0,
          truncated: file.truncated === true,
        }
      : null;
    return {ok: true, value: {notModified: false, etag: result.response.headers.get('etag'), file: read}};
  }

  /** Creates the secret gist with the sync file; returns its id. */
  async createGist(description: string, content: string): Promise<ApiResult<{id: string; etag: string | null}>> {
    const result = await this.request('/gists', {method: 'POST', body: {description, public: false, files: {[SYNC_FILE_NAME]: {content}}}});
    if (!result.ok) return result;
    const body = await GistApi.bodyOf(result.response);
    if (!isRecord(body) || typeof body.id !== 'string') return {ok: false, failure: {kind: 'server', status: result.response.status}};
    return {ok: true, value: {id: body.id, etag: result.response.headers.get('etag')}};
  }

  /** Replaces the sync file's content. */
  async writeGist(id: string, content: string): Promise<ApiResult<{etag: string | null}>> {
    const result = await this.request(`/gists/${encodeURIComponent(id)}`, {method: 'PATCH', body: {files: {[SYNC_FILE_NAME]: {content}}}});
    if (!result.ok) return result;
    return {ok: true, value: {etag: result.response.headers.get('etag')}};
  }

  async deleteGist(id: string): Promise<ApiResult<null>> {
    const result = await this.request(`/gists/${encodeURIComponent(id)}`, {method: 'DELETE'});
    return result.ok ? {ok: true, value: null} : result;
  }
}
