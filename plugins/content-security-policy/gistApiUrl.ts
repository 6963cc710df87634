/**
 * Where the site's sync sends its API requests: GitHub's REST API unless the build is given another address in
 * GIST_API_URL (the e2e suite's build points it at a fake on loopback). Read once at build time by
 * docusaurus.config.ts, which passes it to the browser code and to the Content-Security-Policy.
 */

export const DEFAULT_GIST_API_URL = 'https://api.github.com';

/** The API's base URL from the environment, without a trailing slash; a malformed value stops the build with a clear message. */
export function gistApiUrlFrom(env: Readonly<Record<string, string | undefined>>): string {
  const value = env.GIST_API_URL?.trim();
  if (!value) return DEFAULT_GIST_API_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`GIST_API_URL must be an absolute http(s) URL such as ${DEFAULT_GIST_API_URL}; it is "${value}".`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname))) {
    throw new Error(`GIST_API_URL must use https (plain http only on loopback, for tests); it is "${value}".`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new Error(`GIST_API_URL must be a plain base URL with no query, fragment or credentials; it is "${value}".`);
  }
  return url.href.replace(/\/+$/, '');
}
