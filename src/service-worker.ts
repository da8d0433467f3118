/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// The app shell and every prerendered page, cached at install so the app opens and navigates with no network;
// Phaser and the games' data are cached in the background after the first visit.
// A new worker waits until the person accepts the update (workbox-window's prompt in the layout).
import { build, files, prerendered, version } from '$service-worker';
import { baseLocale, cookieName, locales } from '$lib/paraglide/runtime';
import { localeFromPathname, pickPreferredLocale, withoutTrailingSlash } from '$lib/utils/locale-path';

const worker = self as unknown as ServiceWorkerGlobalScope;

const CACHE_PREFIX = 'taza-shell-';
const CACHE = `${CACHE_PREFIX}${version}`;
// Phaser and the mini-games' data (chunks named `game-…` in vite.config.ts): about three times the rest of the shell,
// and only games need them. They are left out of the install, so the first visit on a weak link is not held up, and
// fetched into their own cache once the page says it is idle (see the PRECACHE_DEFERRED message below).
const DEFERRED_FILES = build.filter((file) => /\/_app\/immutable\/chunks\/game-[^/]+$/.test(file));
const DEFERRED = new Set(DEFERRED_FILES);
// Not versioned: the files' names carry their content hash, so an update keeps what did not change and drops the rest.
const DEFERRED_CACHE = 'taza-games';
// Course packs are large and downloaded per course, never with the shell.
const SHELL_FILES = [...build.filter((file) => !DEFERRED.has(file)), ...files.filter((file) => !file.startsWith('/packs/')), ...prerendered];
const PRECACHED = new Set(SHELL_FILES);

worker.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL_FILES)));
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
			}
			const deferred = await caches.open(DEFERRED_CACHE);
			for (const request of await deferred.keys()) {
				if (!DEFERRED.has(new URL(request.url).pathname)) await deferred.delete(request);
			}
			await worker.clients.claim();
		})()
	);
});

/**
 * Fetches the deferred files this version lacks. The page asks for it (src/lib/pwa/deferred-precache.ts) rather than
 * the worker starting at `activate`: on the first visit the worker activates while the page is still loading its own
 * scripts and data, and only the page knows when it is idle and whether the person asked to save data. Asked again
 * on every visit, it costs a cache lookup once everything is there, and resumes a download a closed tab cut short.
 */
async function precacheDeferred(): Promise<void> {
	const cache = await caches.open(DEFERRED_CACHE);
	for (const file of DEFERRED_FILES) {
		if (await cache.match(file)) continue;
		const response = await fetch(file);
		if (response.ok) await cache.put(file, response);
	}
}

worker.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void worker.skipWaiting();
	if (event.data?.type === 'PRECACHE_DEFERRED') {
		// A failure (the link dropped) is retried on the next visit; until then a game fetches what it needs itself.
		event.waitUntil(
			precacheDeferred().then(
				() => (event.source as Client | null)?.postMessage({ type: 'DEFERRED_PRECACHED' }),
				() => undefined
			)
		);
	}
});

// Background Sync, where the browser has it: the link is back, so wake the page's sync loop (it does the work; the
// worker holds no outbox of its own). A bonus only: the loop has its own triggers.
worker.addEventListener('sync', (event) => {
	const syncEvent = event as Event & { tag?: string; waitUntil(promise: Promise<unknown>): void };
	if (syncEvent.tag !== 'taza-sync') return;
	syncEvent.waitUntil(
		worker.clients.matchAll({ type: 'window' }).then((clients) => {
			for (const client of clients) client.postMessage({ type: 'taza-sync' });
		})
	);
});

/** The remembered language, else the browser's, else Kyrgyz — as the server decides for `/`. */
async function preferredLocale(): Promise<string> {
	const cookieStore = (worker as unknown as { cookieStore?: { get(name: string): Promise<{ value: string } | null> } })
		.cookieStore;
	const remembered = await cookieStore?.get(cookieName).catch(() => null);
	const candidates = [remembered?.value ?? '', ...worker.navigator.languages];
	return pickPreferredLocale(candidates, locales, baseLocale);
}

async function fromCache(path: string): Promise<Response | undefined> {
	const cache = await caches.open(CACHE);
	return cache.match(path);
}

async function handleNavigation(request: Request, url: URL): Promise<Response> {
	const path = withoutTrailingSlash(url.pathname);
	if (path === '/') {
		try {
			return await fetch(request);
		} catch {
			return Response.redirect(`/${await preferredLocale()}`, 307);
		}
	}
	// Precached pages come from the cache first: on a weak rural link a network-first page would hang for seconds.
	const cached = PRECACHED.has(path) ? await fromCache(path) : undefined;
	if (cached) return cached;
	try {
		return await fetch(request);
	} catch {
		const locale = localeFromPathname(path, locales) ?? (await preferredLocale());
		return (await fromCache(`/${locale}`)) ?? Response.error();
	}
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== worker.location.origin || url.pathname.startsWith('/api/')) return;

	if (request.mode === 'navigate') {
		event.respondWith(handleNavigation(request, url));
		return;
	}
	if (PRECACHED.has(url.pathname)) {
		event.respondWith(fromCache(url.pathname).then((cached) => cached ?? fetch(request)));
	} else if (DEFERRED.has(url.pathname)) {
		event.respondWith(fromDeferredCache(request, url.pathname));
	}
});

/** Cache first; a game opened before the background download finished keeps what it fetched. */
async function fromDeferredCache(request: Request, path: string): Promise<Response> {
	const cache = await caches.open(DEFERRED_CACHE);
	const cached = await cache.match(path);
	if (cached) return cached;
	const response = await fetch(request);
	if (response.ok) await cache.put(path, response.clone());
	return response;
}
