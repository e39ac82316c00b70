// Offline cache for the Linkguard checker page. build.sh stamps the build id below, so every new
// build installs a fresh cache and drops the old one.
const CACHE = "linkguard-www-__LINKGUARD_BUILD__";
const FILES = [
  "./",
  "./index.html",
  "./app.js",
  "./style.css",
  "./shared/i18n.js",
  "./shared/verdict-view.js",
  "./shared/verdict-view.css",
  "./pkg/linkguard.js",
  "./pkg/linkguard_bg.wasm",
  "./pkg/verdict.js",
  "./_locales/en/messages.json",
  "./_locales/ja/messages.json",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("linkguard-www-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Cache first (the files only change with a new build, which changes CACHE), network as fallback.
self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(req, { ignoreSearch: true });
      if (hit) return hit;
      const res = await fetch(req);
      if (res.ok && res.type === "basic") cache.put(req, res.clone());
      return res;
    }),
  );
});
