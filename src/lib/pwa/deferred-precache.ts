/**
 * Asks the service worker to fetch what it left out of the install (Phaser and the games' data, src/service-worker.ts)
 * once this page is idle, so the download never competes with the page a person is opening. Skipped when they asked
 * the browser to save data: a game then fetches what it needs when it is opened.
 */
export function requestDeferredPrecache(): () => void {
	let cancelled = false;
	let idleHandle: number | undefined;
	const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
	if (!('serviceWorker' in navigator) || connection?.saveData) return () => {};
	void navigator.serviceWorker.ready.then((registration) => {
		if (cancelled) return;
		const ask = () => registration.active?.postMessage({ type: 'PRECACHE_DEFERRED' });
		idleHandle = 'requestIdleCallback' in window ? window.requestIdleCallback(ask, { timeout: 10_000 }) : window.setTimeout(ask, 3_000);
	});
	return () => {
		cancelled = true;
		if (idleHandle === undefined) return;
		if ('cancelIdleCallback' in window) window.cancelIdleCallback(idleHandle);
		else window.clearTimeout(idleHandle);
	};
}
