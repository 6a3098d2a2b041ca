// Encours service worker: the app opens with no network. scripts/post-build.mjs writes it into
// each build as sw.js, with the list of the build's files and its version on the BUILD line.
//
// How a new build replaces the cached one, with nobody stuck on an old version (issue 5):
// - All the files of one build are cached together, in one cache named after the worker's place
//   (its URL, so two copies of the app on one server keep apart) and the build's version, a hash
//   of every file: a new build is a new cache, never a mix of two builds.
// - The page itself (navigations) comes from the network first: online, a reload always gets the
//   newest index.html, which names the newest files. Only without network (or with a server that
//   does not answer within a few seconds) does the cached index.html of this build open.
// - Other files come from the cache first: Trunk puts a hash of their content in their names, so a
//   cached copy is never stale, and a name missing from the cache is fetched from the network.
// - A new worker takes over at once (skipWaiting, clients.claim) instead of waiting for every tab
//   to close, and deletes the other builds' caches. It then tells the open pages its version; a
//   page that runs another build shows "Nouvelle version disponible — Recharger" (the wasm is
//   loaded whole at start, so an old page keeps working until then).
'use strict';

/*BUILD*/ const BUILD = { version: 'dev', assets: [] };

/** The folder of the app (the worker sits beside index.html). */
const BASE = new URL('./', self.location.href).href;
const PREFIX = `encours ${BASE} `;
const CACHE = PREFIX + BUILD.version;
const INDEX = new URL('index.html', self.location.href).href;
/** How long a navigation waits for the server before the cached page opens. */
const NETWORK_TIMEOUT_MS = 8000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // cache: 'reload': this build's files from the server, not from the browser's HTTP cache.
      await cache.addAll(BUILD.assets.map((file) => new Request(new URL(file, self.location.href), { cache: 'reload' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
      for (const client of await self.clients.matchAll({ type: 'window' })) {
        client.postMessage({ type: 'encours-build', version: BUILD.version });
      }
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(BASE)) return;
  event.respondWith(request.mode === 'navigate' ? page(request) : file(request));
});

/** Network first; the cached page of this build when the network fails or is too slow. */
async function page(request) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), NETWORK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([fetch(request), timeout]);
  } catch (error) {
    const cache = await caches.open(CACHE);
    const cached = (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match(INDEX));
    if (cached) return cached;
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Cache first (names carry a content hash); the network for anything not cached. */
async function file(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request)) ?? fetch(request);
}
