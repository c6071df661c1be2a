/**
 * The admin app's service worker: keeps the app shell (HTML, hashed JS/CSS, icons) so the panel
 * opens offline or on a bad network. It never touches API traffic (/graphql, /api, /sub, /agent):
 * admin data must always be fresh and never sit in a cache.
 */
const CACHE = "vortex-shell-v1";
const SHELL = ["/", "/manifest.webmanifest", "/icon.svg"];
const NEVER = /^\/(graphql|api|sub|agent|install|health)/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== location.origin || NEVER.test(url.pathname)) return;
  if (event.request.mode === "navigate") {
    // Network first for the page itself so a new deploy shows at once; the cached shell when offline.
    event.respondWith(
      fetch(event.request)
        .then((response) => {
          const copy = response.clone();
          if (response.ok) void caches.open(CACHE).then((cache) => cache.put("/", copy));
          return response;
        })
        .catch(() => caches.match("/")),
    );
    return;
  }
  if (url.pathname.startsWith("/assets/")) {
    // Hashed file names never change content: cache first.
    event.respondWith(
      caches.match(event.request).then(
        (hit) =>
          hit ??
          fetch(event.request).then((response) => {
            const copy = response.clone();
            if (response.ok) void caches.open(CACHE).then((cache) => cache.put(event.request, copy));
            return response;
          }),
      ),
    );
  }
});
