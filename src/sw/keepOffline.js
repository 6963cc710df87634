/* global self, caches */
/**
 * Runs inside the service worker (see `swCustom` in docusaurus.config.ts): what is kept for offline use. The app shell
 * (home, Today, notes, review, search) is kept once the learner keeps a record; every other page once the learner opens
 * it, or follows its plan (the page tells the worker what is followed: src/sw/register.ts). Scripts, styles, images and
 * search index pieces are kept as pages use them, by their content-hashed addresses, and never deleted: a kept page
 * from an earlier version of the site still finds every chunk it names. After an update is accepted, kept pages are
 * served from the network when it answers (and kept again), and from the earlier copy when it does not. The learner
 * can also ask for the whole guide: every page and file the build lists (plugins/offline-guide), only what is missing.
 */

/** Pages the learner opened, and the app shell. */
const OPENED = 'pages-opened-v1';
/** Plans the learner follows (opened or not), as the page last said. */
const FOLLOWED = 'pages-followed-v1';
/** Pages kept from an earlier version of the site: served offline until the network gives the current one. */
const STALE = 'pages-stale-v1';
/** The shell fetched by a new worker while it waits; it becomes OPENED when the learner accepts the update. */
const NEXT = 'pages-next-v1';
/** Scripts, styles, images and search index pieces, by address. */
const ASSETS = 'site-assets-v1';

/** The app shell: what works offline once the learner keeps a record, whatever they open (unless they save data). */
export const SHELL_PAGES = ['/', '/today', '/notes', '/review', '/search'];

/** Addresses whose content never changes under them (content-hashed names). */
const isImmutable = (path) => path.startsWith('/assets/') || /^\/pagefind\/(index|fragment)\//.test(path) || path.endsWith('.pf_meta');
/** Files kept as used, but asked of the network first: their content changes under the same name. */
const isRefreshed = (path) => path.startsWith('/pagefind/') || path.startsWith('/img/');

/** A page's key in the caches: its address without query or fragment. */
const pageKey = (url) => new URL(new URL(url, self.location.origin).pathname, self.location.origin).href;

/** The entry scripts and styles a page's HTML names; the route's own chunks are fetched by the page as it runs. */
const assetsNamedIn = (html) => [...html.matchAll(/(?:src|href)="?(\/assets\/[^"\s>]+)/g)].map((match) => match[1]);

async function keepAssets(paths) {
  const cache = await caches.open(ASSETS);
  await Promise.all(
    paths.map(async (path) => {
      if (await cache.match(path)) return;
      const response = await fetch(path);
      if (response.ok) await cache.put(path, response);
    }),
  );
}

/** Fetches a page and what its HTML names into `cacheName`; throws when the network does not give it. */
async function keepPage(cacheName, url) {
  const response = await fetch(pageKey(url), {cache: 'no-cache'});
  if (!response.ok || !(response.headers.get('content-type') ?? '').includes('text/html')) throw new Error(`${url}: ${response.status}`);
  await keepAssets(assetsNamedIn(await response.clone().text()));
  await (await caches.open(cacheName)).put(pageKey(url), response);
}

async function cachedPage(key, cacheNames) {
  for (const name of cacheNames) {
    const hit = await (await caches.open(name)).match(key);
    if (hit) return hit;
  }
  return undefined;
}

/** A page the learner opens: the kept copy, else the network (kept), else a copy from an earlier version. */
async function openPage(request) {
  const key = pageKey(request.url);
  const kept = await cachedPage(key, [OPENED, FOLLOWED]);
  if (kept) {
    // Opened now: it stays when its plan is unfollowed.
    await (await caches.open(OPENED)).put(key, kept.clone());
    return kept;
  }
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
      await (await caches.open(OPENED)).put(key, response.clone());
      await (await caches.open(STALE)).delete(key);
    }
    return response;
  } catch (error) {
    const earlier = await cachedPage(key, [STALE]);
    if (earlier) return earlier;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(ASSETS);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request) {
  const cache = await caches.open(ASSETS);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    // The search's loader asks for its entry file with a time stamp in the query, so that it is never stale online.
    const hit = await cache.match(request, {ignoreSearch: true});
    if (hit) return hit;
    throw error;
  }
}

/** What an earlier version precached (the whole site): its pages are kept as earlier copies, its files as files. */
async function keepEarlierPrecache() {
  const assets = await caches.open(ASSETS);
  const stale = await caches.open(STALE);
  for (const name of (await caches.keys()).filter((cacheName) => cacheName.startsWith('workbox-precache'))) {
    const precache = await caches.open(name);
    for (const request of await precache.keys()) {
      const url = new URL(request.url);
      url.searchParams.delete('__WB_REVISION__');
      const response = await precache.match(request);
      if (!response) continue;
      if ((response.headers.get('content-type') ?? '').includes('text/html')) {
        if (!(await cachedPage(pageKey(url), [OPENED, FOLLOWED, STALE]))) await stale.put(pageKey(url), response);
      } else if (!(await assets.match(url.pathname))) await assets.put(url.pathname, response);
    }
  }
}

/** Moves every entry of `from` into `to` (replacing), and empties `from`. */
async function moveAll(from, to) {
  const source = await caches.open(from);
  const target = await caches.open(to);
  for (const request of await source.keys()) {
    const response = await source.match(request);
    if (response) await target.put(request, response);
  }
  await caches.delete(from);
}

/** Keeps the followed plans the page names, fetching `fetchNow` among them; forgets plans no longer followed. */
async function keepFollowed(followed, fetchNow) {
  const cache = await caches.open(FOLLOWED);
  const keys = new Set(followed.map(pageKey));
  for (const request of await cache.keys()) if (!keys.has(request.url)) await cache.delete(request);
  for (const url of fetchNow) {
    if (!(await cache.match(pageKey(url)))) await keepPage(FOLLOWED, url).catch(() => {});
  }
}

/**
 * A page the learner has open: its HTML is fetched for offline use when it was opened without a page load (a link
 * inside the site) or before this worker took the tab, with the files it loaded then.
 */
async function keepOpened(url, assets) {
  await keepAssets(assets.filter((path) => path.startsWith('/assets/'))).catch(() => {});
  if (await cachedPage(pageKey(url), [OPENED])) return;
  const followed = await cachedPage(pageKey(url), [FOLLOWED]);
  if (followed) await (await caches.open(OPENED)).put(pageKey(url), followed);
  else await keepPage(OPENED, url).catch(() => {});
}

/** The app shell, unless kept already: asked by the page once the learner keeps a record and saves no data. */
async function keepShell() {
  await Promise.all(
    SHELL_PAGES.map(async (url) => {
      if (!(await cachedPage(pageKey(url), [OPENED]))) await keepPage(OPENED, url).catch(() => {});
    }),
  );
}

/** What "Keep the whole guide offline" downloads: written by the build (OFFLINE_GUIDE_FILE in plugins/offline-guide). */
const GUIDE_LIST = '/offline-guide.json';
/** Downloads at once while keeping the guide: enough to keep a connection busy, few enough to leave it usable. */
const GUIDE_DOWNLOADS_AT_ONCE = 4;

/** The guide's list: from the network when it answers (and kept), else the copy kept last time. */
async function guideList() {
  const assets = await caches.open(ASSETS);
  try {
    const response = await fetch(GUIDE_LIST, {cache: 'no-cache'});
    if (!response.ok) throw new Error(`${GUIDE_LIST}: ${response.status}`);
    await assets.put(GUIDE_LIST, response.clone());
    return await response.json();
  } catch (error) {
    const kept = await assets.match(GUIDE_LIST);
    if (kept) return kept.json();
    throw error;
  }
}

/** The guide's pages and files this browser does not keep yet; after an update, only what changed. */
async function missingFromGuide(list) {
  const assets = await caches.open(ASSETS);
  const missing = [];
  for (const page of list.pages) if (!(await cachedPage(pageKey(page.path), [OPENED, FOLLOWED]))) missing.push({...page, page: true});
  for (const file of list.files) if (!(await assets.match(file.path))) missing.push({...file, page: false});
  return missing;
}

const bytesOf = (entries) => entries.reduce((sum, entry) => sum + entry.bytes, 0);

/** Answers `port` with what keeping the guide would download now (`unavailable` when the list cannot be read). */
async function guideStatus(port) {
  try {
    const missing = await missingFromGuide(await guideList());
    port.postMessage({type: 'status', missing: missing.length, missingBytes: bytesOf(missing)});
  } catch {
    port.postMessage({type: 'status', unavailable: true});
  }
}

/** Downloads every page and file of the guide not kept yet, telling `port` how far it has got. */
async function keepGuide(port) {
  let missing;
  try {
    missing = await missingFromGuide(await guideList());
  } catch {
    port.postMessage({type: 'failed', missing: null});
    return;
  }
  const total = bytesOf(missing);
  const opened = await caches.open(OPENED);
  const assets = await caches.open(ASSETS);
  let done = 0;
  let failed = 0;
  port.postMessage({type: 'progress', done, total});
  const queue = [...missing];
  const downloadNext = async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      try {
        // Pages and the files whose content changes under one name are asked of the server, not the HTTP cache.
        const fresh = entry.page || isRefreshed(entry.path);
        const response = await fetch(entry.page ? pageKey(entry.path) : entry.path, fresh ? {cache: 'no-cache'} : {});
        if (!response.ok) throw new Error(`${entry.path}: ${response.status}`);
        await (entry.page ? opened.put(pageKey(entry.path), response) : assets.put(entry.path, response));
      } catch {
        failed += 1;
      }
      done += entry.bytes;
      port.postMessage({type: 'progress', done, total});
    }
  };
  await Promise.all(Array.from({length: GUIDE_DOWNLOADS_AT_ONCE}, downloadNext));
  port.postMessage(failed === 0 ? {type: 'kept'} : {type: 'failed', missing: failed});
}

export default function keepOffline() {
  self.addEventListener('install', (event) => {
    event.waitUntil(
      (async () => {
        await keepEarlierPrecache();
        // An update refreshes the shell pages the learner already keeps, so they work offline with the new version.
        // Nothing else is fetched ahead: the page asks for the shell (keep-shell) once the learner keeps a record,
        // unless the reader saves data.
        const kept = await Promise.all(SHELL_PAGES.map(async (url) => ((await cachedPage(pageKey(url), [OPENED])) ? url : null)));
        await Promise.all(kept.filter(Boolean).map((url) => keepPage(NEXT, url).catch(() => {})));
      })(),
    );
  });

  self.addEventListener('activate', (event) => {
    event.waitUntil(
      (async () => {
        // Kept pages name the previous version's chunks (still kept): the network gives the current version when it
        // answers. The shell fetched while this worker waited is current.
        await moveAll(OPENED, STALE);
        await moveAll(FOLLOWED, STALE);
        await moveAll(NEXT, OPENED);
      })(),
    );
  });

  // Before the plugin's own listener, which answers only from its precache (here, the web app manifest).
  self.addEventListener('fetch', (event) => {
    const {request} = event;
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.origin !== self.location.origin) return;
    let answer = null;
    if (request.mode === 'navigate') answer = openPage(request);
    else if (isImmutable(url.pathname)) answer = cacheFirst(request);
    else if (isRefreshed(url.pathname)) answer = networkFirst(request);
    if (!answer) return;
    event.stopImmediatePropagation();
    event.respondWith(answer.catch(() => Response.error()));
  });

  self.addEventListener('message', (event) => {
    const message = event.data ?? {};
    if (message.type === 'keep-page' && typeof message.url === 'string')
      event.waitUntil(keepOpened(message.url, Array.isArray(message.assets) ? message.assets : []));
    if (message.type === 'keep-followed' && Array.isArray(message.followed) && Array.isArray(message.fetchNow)) {
      event.waitUntil(keepFollowed(message.followed, message.fetchNow));
    }
    if (message.type === 'keep-shell') event.waitUntil(keepShell());
    // Asked by "Keep the whole guide offline", which listens on the port it sends.
    const [port] = event.ports;
    if (message.type === 'guide-status' && port) event.waitUntil(guideStatus(port));
    if (message.type === 'keep-guide' && port) event.waitUntil(keepGuide(port));
  });
}
