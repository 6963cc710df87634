/**
 * The loopback port of the fake Gist API (./fakeGistApiServer.ts). The e2e configuration starts the fake on it and
 * `npm run build:test` bakes its address into the build as GIST_API_URL, so both read it here. Two checkouts running
 * their suites side by side set GIST_API_PORT apart, as they do E2E_PORT.
 */
export function gistApiPort(): number {
  return Number(process.env.GIST_API_PORT ?? 4390);
}

/** The address the test build sends its API requests to. */
export function gistApiUrl(): string {
  return `http://127.0.0.1:${gistApiPort()}`;
}
