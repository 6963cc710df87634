/**
 * A local stand-in for the part of GitHub's REST API that sync uses, as GitHub's documentation describes it: list,
 * create, get, update and delete gists; `Authorization` with a token; an `ETag` on reads, answered with 304 when
 * `If-None-Match` matches; 401 for a missing or revoked token; 403 (or 429) when a rate limit is reached, with
 * `x-ratelimit-reset`; 404 for a gist that is not there or not the token owner's; CORS, preflight included, for any
 * origin; a file whose content is over GitHub's inline limit comes back `truncated`, with its full text only at `raw_url`.
 *
 * `handle` takes a fetch `Request` and returns a `Response`, so unit tests call it as their `fetch` and the e2e suite
 * serves it over loopback HTTP (./fakeGistApiServer.ts), with `/__fake/…` control routes for the tests.
 */
import {createHash} from 'node:crypto';

/** GitHub returns up to this much of a file's content inline; a larger file is `truncated`. */
export const INLINE_CONTENT_LIMIT = 1024 * 1024;

const EXPOSED_HEADERS = [
  'ETag',
  'Link',
  'Location',
  'Retry-After',
  'X-OAuth-Scopes',
  'X-Accepted-OAuth-Scopes',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Used',
  'X-RateLimit-Reset',
  'X-RateLimit-Resource',
].join(', ');

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': EXPOSED_HEADERS,
};

interface TokenRecord {
  login: string;
  /** The value of `X-OAuth-Scopes` for a classic token; null for a fine-grained token, which sends no such header. */
  scopes: string | null;
  revoked: boolean;
}

interface StoredFile {
  content: string;
  /** Set by a test: the file is answered as truncated whatever its size. */
  forceTruncated: boolean;
}

interface StoredGist {
  id: string;
  owner: string;
  description: string;
  public: boolean;
  files: Map<string, StoredFile>;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

interface RateLimit {
  status: 403 | 429;
  /** Epoch seconds, as `x-ratelimit-reset` gives it. */
  resetAt: number;
}

/** One request as the fake received it. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  cache: RequestCache;
  status: number;
}

export interface FakeGistApiOptions {
  /** The origin and path prefix the fake is reached at (used in the `url` and `raw_url` fields it returns). */
  baseUrl: string;
  /** Milliseconds since the epoch; a test with a controlled clock passes its own. */
  now?: () => number;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {status, headers: {'Content-Type': 'application/json; charset=utf-8', ...CORS_HEADERS, ...headers}});

/** A header list as a plain object with lower-case names. */
export function headersOf(headers: Headers): Record<string, string> {
  const result: Record<string, string> = {};
  headers.forEach((value, name) => (result[name] = value));
  return result;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The fake API: state, fault switches and a `handle(request)` that answers as GitHub would. */
export class FakeGistApi {
  readonly requests: RecordedRequest[] = [];
  /** Requests for a `raw_url`: sync must never make one. */
  readonly rawReads: string[] = [];
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly gists = new Map<string, StoredGist>();
  private readonly rateLimits = new Map<string, RateLimit>();
  private readonly baseUrl: string;
  private readonly now: () => number;
  private nextId = 1;

  constructor(options: FakeGistApiOptions) {
    this.baseUrl = options.baseUrl.replace(/\/$/, '');
    this.now = options.now ?? Date.now;
  }

  /** A token the fake accepts; `scopes` is what a classic token reports (null for fine-grained). */
  addToken(token: string, login: string, scopes: string | null = 'gist'): void {
    this.tokens.set(token, {login, scopes, revoked: false});
  }

  /** GitHub answers 401 to the token from now on. */
  revoke(token: string): void {
    const record = this.tokens.get(token);
    if (record) record.revoked = true;
  }

  /** Every request of this user is refused until `resetAt` (epoch seconds). */
  limitRate(login: string, resetAt: number, status: 403 | 429 = 403): void {
    this.rateLimits.set(login, {status, resetAt});
  }

  clearRateLimit(login: string): void {
    this.rateLimits.delete(login);
  }

  /** The named file of a gist is answered as truncated from now on. */
  truncate(gistId: string, filename: string): void {
    const file = this.gists.get(gistId)?.files.get(filename);
    if (file) file.forceTruncated = true;
  }

  /** Writes a file as another program (or a person on github.com) would. */
  putFile(gistId: string, filename: string, content: string): void {
    const gist = this.gists.get(gistId);
    if (!gist) throw new Error(`No gist ${gistId}`);
    gist.files.set(filename, {content, forceTruncated: false});
    this.touch(gist);
  }

  /** A gist owned by `login`, as the user would see it: id, description and each file's full text. */
  gistsOf(login: string): {id: string; description: string; public: boolean; revision: number; files: Record<string, string>}[] {
    return [...this.gists.values()]
      .filter((gist) => gist.owner === login)
      .map((gist) => ({
        id: gist.id,
        description: gist.description,
        public: gist.public,
        revision: gist.revision,
        files: Object.fromEntries([...gist.files].map(([name, file]) => [name, file.content])),
      }));
  }

  /** Creates a gist directly (as if made on github.com), returning its id. */
  createGist(login: string, files: Record<string, string>, description = ''): string {
    const id = this.newId();
    const stamp = new Date(this.now()).toISOString();
    this.gists.set(id, {
      id,
      owner: login,
      description,
      public: false,
      files: new Map(Object.entries(files).map(([name, content]) => [name, {content, forceTruncated: false}])),
      revision: 1,
      createdAt: stamp,
      updatedAt: stamp,
    });
    return id;
  }

  deleteGist(id: string): void {
    this.gists.delete(id);
  }

  /** Answers one API request. */
  async handle(request: Request): Promise<Response> {
    const response = await this.answer(request);
    const url = new URL(request.url);
    this.requests.push({
      method: request.method,
      url: url.href,
      headers: headersOf(request.headers),
      cache: request.cache,
      status: response.status,
    });
    return response;
  }

  private async answer(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.slice(new URL(this.baseUrl).pathname.replace(/\/$/, '').length);
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          ...CORS_HEADERS,
          'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE',
          'Access-Control-Allow-Headers':
            'Authorization, Content-Type, If-Match, If-Modified-Since, If-None-Match, If-Unmodified-Since, X-GitHub-Api-Version, Accept',
          'Access-Control-Max-Age': '86400',
        },
      });
    }
    if (path.startsWith('/__raw/')) {
      this.rawReads.push(url.href);
      const [, , id, filename] = path.split('/');
      const file = this.gists.get(id ?? '')?.files.get(decodeURIComponent(filename ?? ''));
      return file ? new Response(file.content, {status: 200, headers: CORS_HEADERS}) : json(404, {message: 'Not Found'});
    }

    const auth = this.authenticate(request);
    if ('response' in auth) return auth.response;
    const {login, extraHeaders} = auth;
    const limit = this.rateLimits.get(login);
    if (limit && limit.resetAt * 1000 > this.now()) {
      const retryAfter = String(Math.max(1, Math.ceil(limit.resetAt - this.now() / 1000)));
      return json(
        limit.status,
        {message: `API rate limit exceeded for user ID 1. (But here's the good news: Authenticated requests get a higher rate limit.)`},
        {...extraHeaders, ...this.rateHeaders(0, limit.resetAt), ...(limit.status === 429 ? {'Retry-After': retryAfter} : {})},
      );
    }
    const headers = {...extraHeaders, ...this.rateHeaders(4999, Math.floor(this.now() / 1000) + 3600)};

    if (path === '/gists' && request.method === 'GET') return this.list(request, url, login, headers);
    if (path === '/gists' && request.method === 'POST') return this.create(request, login, headers);
    const match = /^\/gists\/([^/]+)$/.exec(path);
    if (match) {
      const gist = this.gists.get(match[1]!);
      if (!gist || gist.owner !== login) return json(404, {message: 'Not Found', documentation_url: 'https://docs.github.com/rest/gists/gists'}, headers);
      if (request.method === 'GET') return this.read(request, gist, headers);
      if (request.method === 'PATCH') return this.update(request, gist, headers);
      if (request.method === 'DELETE') {
        this.gists.delete(gist.id);
        return new Response(null, {status: 204, headers: {...CORS_HEADERS, ...headers}});
      }
    }
    return json(404, {message: 'Not Found'}, headers);
  }

  private authenticate(request: Request): {login: string; extraHeaders: Record<string, string>} | {response: Response} {
    const header = request.headers.get('authorization');
    const token = header ? /^(?:Bearer|token)\s+(\S+)$/i.exec(header)?.[1] : undefined;
    if (!token) return {response: json(401, {message: 'Requires authentication'})};
    const record = this.tokens.get(token);
    if (!record || record.revoked) return {response: json(401, {message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest'})};
    return {login: record.login, extraHeaders: record.scopes === null ? {} : {'X-OAuth-Scopes': record.scopes, 'X-Accepted-OAuth-Scopes': ''}};
  }

  private rateHeaders(remaining: number, resetAt: number): Record<string, string> {
    return {
      'X-RateLimit-Limit': '5000',
      'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-Used': String(5000 - remaining),
      'X-RateLimit-Reset': String(resetAt),
      'X-RateLimit-Resource': 'core',
    };
  }

  /** A strong-enough validator: changes whenever the body would. */
  private etagOf(body: string): string {
    return `W/"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
  }

  private conditional(request: Request, body: unknown, status: number, headers: Record<string, string>): Response {
    const text = JSON.stringify(body);
    const etag = this.etagOf(text);
    if (request.headers.get('if-none-match') === etag) return new Response(null, {status: 304, headers: {...CORS_HEADERS, ...headers, ETag: etag}});
    return new Response(text, {status, headers: {'Content-Type': 'application/json; charset=utf-8', ...CORS_HEADERS, ...headers, ETag: etag}});
  }

  private list(request: Request, url: URL, login: string, headers: Record<string, string>): Response {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const owned = [...this.gists.values()]
      .filter((gist) => gist.owner === login)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id));
    const body = owned.slice((page - 1) * perPage, page * perPage).map((gist) => this.render(gist, false));
    const links: string[] = [];
    if (page * perPage < owned.length) links.push(`<${this.baseUrl}/gists?per_page=${perPage}&page=${page + 1}>; rel="next"`);
    return this.conditional(request, body, 200, links.length ? {...headers, Link: links.join(', ')} : headers);
  }

  private read(request: Request, gist: StoredGist, headers: Record<string, string>): Response {
    return this.conditional(request, this.render(gist, true), 200, headers);
  }

  private async bodyOf(request: Request): Promise<Record<string, unknown> | null> {
    try {
      const body: unknown = await request.json();
      return isRecord(body) ? body : null;
    } catch {
      return null;
    }
  }

  private async create(request: Request, login: string, headers: Record<string, string>): Promise<Response> {
    const body = await this.bodyOf(request);
    if (!body || !isRecord(body.files) || Object.keys(body.files).length === 0) {
      return json(422, {message: 'Validation Failed', errors: [{resource: 'Gist', code: 'missing_field', field: 'files'}]}, headers);
    }
    const files: Record<string, string> = {};
    for (const [name, file] of Object.entries(body.files)) {
      if (!isRecord(file) || typeof file.content !== 'string') return json(422, {message: 'Validation Failed'}, headers);
      files[name] = file.content;
    }
    const id = this.createGist(login, files, typeof body.description === 'string' ? body.description : '');
    const gist = this.gists.get(id)!;
    gist.public = body.public === true;
    const text = JSON.stringify(this.render(gist, true));
    return new Response(text, {
      status: 201,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        ...CORS_HEADERS,
        ...headers,
        ETag: this.etagOf(text),
        Location: `${this.baseUrl}/gists/${id}`,
      },
    });
  }

  private async update(request: Request, gist: StoredGist, headers: Record<string, string>): Promise<Response> {
    const body = await this.bodyOf(request);
    if (!body) return json(422, {message: 'Validation Failed'}, headers);
    if (typeof body.description === 'string') gist.description = body.description;
    if (isRecord(body.files)) {
      for (const [name, file] of Object.entries(body.files)) {
        if (file === null) gist.files.delete(name);
        else if (isRecord(file) && typeof file.content === 'string') gist.files.set(name, {content: file.content, forceTruncated: false});
      }
    }
    this.touch(gist);
    const text = JSON.stringify(this.render(gist, true));
    return new Response(text, {
      status: 200,
      headers: {'Content-Type': 'application/json; charset=utf-8', ...CORS_HEADERS, ...headers, ETag: this.etagOf(text)},
    });
  }

  private touch(gist: StoredGist): void {
    gist.revision += 1;
    // Distinct even within one millisecond, so list order and ETags always move.
    const at = Math.max(this.now(), Date.parse(gist.updatedAt) + 1);
    gist.updatedAt = new Date(at).toISOString();
  }

  private render(gist: StoredGist, withContent: boolean) {
    const files = Object.fromEntries(
      [...gist.files].map(([name, file]) => {
        const size = Buffer.byteLength(file.content);
        const truncated = file.forceTruncated || size > INLINE_CONTENT_LIMIT;
        const meta = {
          filename: name,
          type: 'application/json',
          language: 'JSON',
          raw_url: `${this.baseUrl}/__raw/${gist.id}/${encodeURIComponent(name)}`,
          size,
        };
        if (!withContent) return [name, meta];
        return [name, {...meta, truncated, content: truncated ? file.content.slice(0, Math.min(file.content.length, 1000)) : file.content}];
      }),
    );
    return {
      url: `${this.baseUrl}/gists/${gist.id}`,
      id: gist.id,
      html_url: `https://gist.github.com/${gist.id}`,
      files,
      public: gist.public,
      created_at: gist.createdAt,
      updated_at: gist.updatedAt,
      description: gist.description,
      owner: {login: gist.owner},
      truncated: false,
    };
  }

  private newId(): string {
    return createHash('sha1').update(String(this.nextId++)).digest('hex').slice(0, 20);
  }
}
