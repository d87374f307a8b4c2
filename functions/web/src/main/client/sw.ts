/// <reference lib="webworker" />
// The service worker: keeps the app shell (and the last runtime configuration) so the app starts
// without a network; the API and the IdP are never cached here (the history lives in IndexedDB).
// It also shows the pushes of functions/push as notifications.
import { notificationOf, parsePayload } from './push-notification';

declare const BUILD_ID: string;
declare const SHELL_CHUNKS: string[];
const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = 'lagebild-shell-' + BUILD_ID;
const SHELL = ['/', '/app.js', ...SHELL_CHUNKS, '/app.css', '/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png', '/icons/icon-512.png', '/config.json'];

sw.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => sw.skipWaiting()));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('lagebild-shell-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => sw.clients.claim()));
});

async function networkFirst(request: Request, fallback: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(fallback, response.clone());
    return response;
  } catch {
    return (await cache.match(fallback)) ?? Response.error();
  }
}

sw.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== sw.location.origin) return;
  if (event.request.mode === 'navigate') { event.respondWith(networkFirst(event.request, '/')); return; }
  if (url.pathname === '/config.json') { event.respondWith(networkFirst(event.request, '/config.json')); return; }
  if (url.pathname === '/silent-renew.html' || url.pathname === '/silent-renew.js') return;
  // The shell, the lazily loaded chunks (names carry their hash) and the map's library and default style:
  // from the cache, else fetched and kept (the cache's name changes with every build).
  event.respondWith(caches.open(CACHE).then(async (cache) => {
    const cached = await cache.match(event.request);
    if (cached) return cached;
    const response = await fetch(event.request);
    if (response.ok && /^\/(chunks|maplibre|map)\//.test(url.pathname)) await cache.put(event.request, response.clone());
    return response;
  }));
});

// Pushes (functions/push): a normal one is not shown while a window of the app is visible and focused
// (the stream shows it there); an urgent one always is. A click opens the chat or the room.
sw.addEventListener('push', (event) => {
  const payload = parsePayload(event.data?.text());
  if (!payload) return;
  event.waitUntil((async () => {
    if (payload.priority !== 'urgent') {
      const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
      if (windows.some((w) => w.visibilityState === 'visible' && w.focused)) return;
    }
    const { title, options } = notificationOf(payload);
    await sw.registration.showNotification(title, options);
  })());
});

// A click leads to the notification's chat or room. An open window of the app is told by a message to
// go there (its route is the URL's fragment, so the app switches without a reload and keeps its sign-in,
// which lives in memory only), then brought to the front; without one, the app opens there. The message
// goes first and a refused focus() or openWindow() is only caught: both need the click's user activation,
// which the browser may not grant, and the route must not depend on them.
sw.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL((event.notification.data as { url?: string } | null)?.url ?? '/', sw.location.origin).href;
  event.waitUntil((async () => {
    const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const open = windows.find((w) => w.focused) ?? windows[0];
    if (open) {
      open.postMessage({ type: 'open', url });
      await open.focus().catch(() => undefined);
    } else {
      await sw.clients.openWindow(url).catch(() => null);
    }
  })());
});
