/**
 * Serves the fake Gist API (./fakeGistApi.ts) on loopback for the e2e suite, which starts it from
 * playwright.config.ts. `/__fake/…` routes let a test arrange what GitHub would do: accept a token, revoke it, reach
 * the rate limit, mark a file truncated, read a user's gists. Each test uses its own token and user, so tests running
 * side by side never see each other's gists.
 *
 *   npx tsx tests/support/fakeGistApiServer.ts --port 4390
 */
import {createServer, type IncomingMessage} from 'node:http';
import {FakeGistApi, headersOf} from './fakeGistApi';

/** Where the control routes live: never a path of GitHub's API. */
export const CONTROL_PREFIX = '/__fake';

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Runs a control command; returns the JSON to answer with, or null for an unknown route. */
function control(api: FakeGistApi, route: string, body: Record<string, unknown>): unknown {
  const text = (name: string): string => {
    const value = body[name];
    if (typeof value !== 'string') throw new Error(`"${name}" must be a string`);
    return value;
  };
  switch (route) {
    case '/health':
      return {ok: true};
    case '/tokens':
      api.addToken(text('token'), text('login'), body.scopes === null ? null : typeof body.scopes === 'string' ? body.scopes : 'gist');
      return {ok: true};
    case '/revoke':
      api.revoke(text('token'));
      return {ok: true};
    case '/rate-limit':
      api.limitRate(text('login'), Number(body.resetAt), body.status === 429 ? 429 : 403);
      return {ok: true};
    case '/clear-rate-limit':
      api.clearRateLimit(text('login'));
      return {ok: true};
    case '/truncate':
      api.truncate(text('gistId'), text('filename'));
      return {ok: true};
    case '/delete':
      api.deleteGist(text('gistId'));
      return {ok: true};
    case '/gists':
      return api.gistsOf(text('login'));
    case '/raw-reads':
      return api.rawReads;
    default:
      return null;
  }
}

function portFromArgs(): number {
  const index = process.argv.indexOf('--port');
  const port = Number(index >= 0 ? process.argv[index + 1] : process.env.GIST_API_PORT);
  if (!Number.isInteger(port) || port <= 0) {
    console.error('Give the fake Gist API a port: --port 4390 (or GIST_API_PORT).');
    process.exit(1);
  }
  return port;
}

const port = portFromArgs();
const baseUrl = `http://127.0.0.1:${port}`;
const api = new FakeGistApi({baseUrl});

createServer((incoming, outgoing) => {
  void (async () => {
    const url = new URL(incoming.url ?? '/', baseUrl);
    const body = await readBody(incoming);
    if (url.pathname.startsWith(`${CONTROL_PREFIX}/`)) {
      let result: unknown;
      try {
        result = control(api, url.pathname.slice(CONTROL_PREFIX.length), body.length ? (JSON.parse(body.toString()) as Record<string, unknown>) : {});
      } catch (error) {
        outgoing.writeHead(400, {'Content-Type': 'application/json'}).end(JSON.stringify({error: String(error)}));
        return;
      }
      outgoing.writeHead(result === null ? 404 : 200, {'Content-Type': 'application/json'}).end(JSON.stringify(result));
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (typeof value === 'string') headers.set(name, value);
      else if (Array.isArray(value)) headers.set(name, value.join(', '));
    }
    const method = incoming.method ?? 'GET';
    const request = new Request(url, {method, headers, body: method === 'GET' || method === 'HEAD' || method === 'OPTIONS' ? undefined : new Uint8Array(body)});
    const response = await api.handle(request);
    outgoing.writeHead(response.status, headersOf(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  })().catch((error: unknown) => {
    outgoing.writeHead(500, {'Content-Type': 'application/json'}).end(JSON.stringify({message: String(error)}));
  });
}).listen(port, '127.0.0.1', () => {
  console.log(`Fake Gist API on ${baseUrl}`);
});
